"""Quotes: (text, expected) tables with negatives."""

from __future__ import annotations

import pytest

from dossier.quotes.extract import quote_spans


@pytest.mark.parametrize(
    ("text", "content", "speaker", "qtype", "tense"),
    [
        # cue after, inside, before; curly and straight marks
        ("“China and Russia defend a world order based on law,” Xi Jinping said.",
         "China and Russia defend a world order based on law,", "xi-jinping", "direct", "past"),
        ('Vladimir Putin said: "We are determined to harmonise integration processes."',
         "We are determined to harmonise integration processes.", "vladimir-putin", "direct",
         "past"),
        ("“There can be no more ambiguity about it at all,” said Liz Truss.",
         "There can be no more ambiguity about it at all,", "liz-truss", "direct", "past"),
        # pronoun speaker, future preview
        ("Liz Truss spoke in Taipei. She will say: “We in the west have a collective "
         "responsibility to act.”", "We in the west have a collective responsibility to act.",
         "liz-truss", "direct", "future"),
        # partial quote inside reported speech: one record, the report holding the
        # quoted words (issue 20: one record per act of speech)
        ("Ken McCallum gave his update. The spy chief will warn that the “consequences range "
         "from frustration to loss of life”.",
         "that the “consequences range from frustration to loss of life”", "ken-mccallum",
         "partial", "future"),
        # passive: the agent speaks
        ("China was criticised by Taiwan for “repeated interference in its elections”.",
         "repeated interference in its elections", "TWN", "partial", "past"),
        # indirect speech, sentence-final attribution
        ("The public should be as vigilant about foreign spies as about terrorism, Ken "
         "McCallum will warn today.", None, "ken-mccallum", "indirect", "future"),
    ],
)
def test_quote_found_and_attributed(quotes, text, content, speaker, qtype, tense) -> None:  # type: ignore[no-untyped-def]
    qs = [q for q in quotes(text) if q.quote_type == qtype]
    assert qs, [(q.quote_type, q.text) for q in quotes(text)]
    q = qs[0]
    if content is not None:
        assert q.text == content
        assert text[q.start : q.end] == content
    assert q.speaker is not None and q.speaker.actor_id == speaker
    assert text[q.speaker.start : q.speaker.end]
    assert q.tense == tense


def test_multi_paragraph_quote_continues() -> None:
    text = ("Osborne said: “I believe our two countries are partners.\n"
            "Advertisement\n"
            "“Britain can be China’s best partner in the West.”\n")
    (span,) = quote_spans(text.replace("Advertisement", " " * 13))
    assert text[span[0] : span[1]].endswith("best partner in the West.")


def test_floating_quote_continues_the_speaker(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Rishi Sunak said: “We can’t depend on Cold War arguments.\n"
            "“So, we will make an evolutionary leap in our approach.”\n")
    qs = quotes(text)
    assert [q.speaker.actor_id for q in qs if q.speaker] == ["rishi-sunak"]
    assert qs[0].text.endswith("in our approach.")


def test_chain_reported_via(quotes) -> None:  # type: ignore[no-untyped-def]
    qs = quotes("Chinese outlet Xinhua reported that Xi Jinping said their close cooperation "
                "helped maintain global stability.")
    assert len(qs) == 1
    assert qs[0].speaker.actor_id == "xi-jinping"  # type: ignore[index]
    assert qs[0].reported_via.actor_id == "chn-xinhua"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        # scare quotes, nicknames, titles of works, consent buttons, essays
        "There’s no doubt that this “bond” is deep between the two countries.",
        "The band played “Hey Jude” at the end of the long evening.",
        "To continue, select ‘I agree‘, or select ‘Manage settings‘ for more information.",
        "Classmates asked me about “my language” and I did not know what to say.",
        "The leaders agreed today to continue “close personal interaction”.",
    ],
)
def test_not_quotes(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.text for q in quotes(text)] == []
