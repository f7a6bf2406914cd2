"""On the demo, every quotation of a named person is found and attributed to that
person (the resolved actor, even when a pronoun or role attributes it).

Gold read by a person: the first words of the quoted content and its speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.pipeline import Sink, run
from dossier.records import DocumentResult, Quote
from dossier.settings import load_settings

QUOTES = [
    ("Our cooperation in world affairs today", "vladimir-putin"),
    ("Together, we uphold the principles", "vladimir-putin"),
    ("China and Russia defend a world order", "xi-jinping"),
    ("We are determined to further harmonise", "vladimir-putin"),
    ("The leaders of the two countries realise", "yuri-ushakov"),
    ("should closely collaborate strategically", "xi-jinping"),
    ("weathered many storms together", "xi-jinping"),
    ("China and the Chinese Communist Party represent", "rishi-sunak"),
    ("I don’t think it’s kind of smart", "rishi-sunak"),
    ("Last summer the now British prime minister", "liz-truss"),
    ("there have been too many mixed messages", "liz-truss"),
    ("There can be no more ambiguity", "liz-truss"),
    ("We in the west have a collective responsibility", "liz-truss"),
    ("Let’s be clear, the so-called ‘golden era’", "rishi-sunak"),
    ("Of course, we cannot simply ignore", "rishi-sunak"),
    ("I believe our two countries", "george-osborne"),
    ("short-termism or wishful thinking", "rishi-sunak"),
    ("We can’t depend on Cold War arguments", "rishi-sunak"),
    ("massively misjudged", "jeremy-fleming"),
    ("We’ve seen Russian soldiers", "jeremy-fleming"),
    ("Russia understands that, long term", "jeremy-fleming"),
    ("The public should be as vigilant", "ken-mccallum"),
    ("consequences range from frustration", "ken-mccallum"),
    ("We must, over time, build the same public awareness", "ken-mccallum"),
]


class _Keep(Sink):
    def __init__(self) -> None:
        self.quotes: list[Quote] = []

    def write(self, result: DocumentResult) -> None:
        self.quotes.extend(result.quotes)


@pytest.fixture(scope="module")
def quotes(demo_path: Path) -> list[Quote]:
    sink = _Keep()
    run([demo_path], sink, load_settings(overrides={"published": "2024-05-16"}))
    return sink.quotes


IDS = [str(q[0] if isinstance(q, tuple) else q.values[0])[:24] for q in QUOTES]


@pytest.mark.parametrize(("opening", "speaker"), QUOTES, ids=IDS)
def test_demo_quote(quotes: list[Quote], opening: str, speaker: str) -> None:
    # (issue 20: one record per act of speech, so a few quoted words inside a report
    # of the same cue, "warned that the “consequences range …”", and the second part
    # of a quotation split by its attribution are inside that one record's text)
    found = [q for q in quotes if q.text.startswith(opening)] or [
        q for q in quotes if opening in q.text]
    assert found, f"quote not found: {opening}"
    assert found[0].speaker is not None and found[0].speaker.actor_id == speaker


def test_embedded_post_is_not_a_second_quote(quotes: list[Quote]) -> None:
    same = [q for q in quotes if "largest threat to Britain" in q.text]
    assert len(same) == 1


@pytest.mark.parametrize(
    ("opening", "not_speaker"),
    [
        # "From the Kremlin’s point of view, it regards China … as a supplier": "it"
        # (resolved to China by the actor stage) is not the actor its report names
        ("China in the current crisis as a supplier", "CHN"),
    ],
)
def test_demo_not_attributed_to(quotes: list[Quote], opening: str, not_speaker: str) -> None:
    found = [q for q in quotes if q.text.startswith(opening)]
    assert found, f"quote not found: {opening}"
    assert all(q.speaker is None or q.speaker.actor_id != not_speaker for q in found)


def test_demo_said_as_he_claimed(quotes: list[Quote]) -> None:
    # "Putin has made a “strategic miscalculation” …, the head of Britain’s GCHQ spy
    # agency said as he claimed demoralised Russian troops are …": two reports of
    # one speaker, what was said is not what he claimed
    said = [q for q in quotes if q.text.startswith("Vladimir Putin has made a")]
    claimed = [q for q in quotes if q.text.startswith("demoralised Russian troops")]
    assert said and claimed
    assert not [q for q in quotes if q.text.startswith("as he claimed")]
    assert said[0].speaker and claimed[0].speaker
    assert said[0].speaker.phrase.text == claimed[0].speaker.phrase.text == (
        "the head of Britain’s GCHQ spy agency")
    # the role is its holder on the date the test gives (2024), not the organisation
    assert said[0].speaker.actor_id == claimed[0].speaker.actor_id == (
        "anne-keast-butler")
