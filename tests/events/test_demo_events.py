"""On the demo: the visits, sanctions, criticisms (the passive one too), the signed
agreement, the crackdown — with the right dyads — and nothing from negated sentences.
Gold read by a person: (words of the evidence sentence, code, source country, target)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.pipeline import Sink, run
from dossier.records import DocumentResult, Event
from dossier.settings import load_settings

EXPECTED = [
    ("The Russian president is currently on a rare two-day state visit", "042", "RUS", "CHN"),
    ("Putin visited Beijing in October", "042", "RUS", "CHN"),
    ("Xi went to Moscow last March", "042", "CHN", "RUS"),
    ("Beijing supplies Moscow", "070", "CHN", "RUS"),
    ("The US has sanctions against both Beijing and Moscow", "163", "USA", "CHN"),
    ("The US has sanctions against both Beijing and Moscow", "163", "USA", "RUS"),
    ("since the West imposed unprecedented sanctions on Moscow", "163", "WST", "RUS"),
    ("called out Russia", "111", "GBR", "RUS"),
    ("China was criticised by Taiwan", "111", "TWN", "CHN"),
    ("Xi signed up to a “no-limits” friendship with Putin", "057", "CHN", "RUS"),
    ("the police cracked down on demonstrators", "175", "CHN", "CHN"),
    ("Liz Truss has condemned Rishi Sunak", "111", "GBR", "GBR"),
    ("also took a swipe at Sunak", "111", "GBR", "GBR"),
    ("The two leaders spoke during an hour-long phone call", "040", "CHN", "RUS"),
]
NEGATED = [
    "China stops short of offering actual weapons",
    "However, Putin did not mention any of this transactional relationship",
    "who has not publicly condemned the invasion",
]


class _Keep(Sink):
    def __init__(self) -> None:
        self.events: list[Event] = []

    def write(self, result: DocumentResult) -> None:
        self.events.extend(result.events)


@pytest.fixture(scope="module")
def events(demo_path: Path) -> list[Event]:
    sink = _Keep()
    run([demo_path], sink, load_settings(overrides={"published": "2024-05-16"}))
    return sink.events


def _sentence(text: str, e: Event) -> str:
    return text[e.start : e.end]


@pytest.mark.parametrize(("words", "code", "src", "tgt"), EXPECTED,
                         ids=[str(x[0] if isinstance(x, tuple) else x.values[0])[:30]
                              for x in EXPECTED])
def test_demo_event(events: list[Event], demo_text: str, words: str, code: str, src: str,
                    tgt: str) -> None:
    found = [e for e in events if words in _sentence(demo_text, e) and e.code == code
             and not e.negated and (e.source_actor or {}).get("country") == src
             and (e.target_actor or {}).get("country") == tgt]
    assert found, [(e.code, e.source_actor, e.target_actor) for e in events
                   if words in _sentence(demo_text, e)]


@pytest.mark.parametrize("words", NEGATED)
def test_nothing_from_negated_sentences(events: list[Event], demo_text: str,
                                        words: str) -> None:
    assert [e for e in events if words in _sentence(demo_text, e) and not e.negated] == []
