"""Web pages (issue 20): page furniture before a colon is no speaker, and UK copy's
single quotation marks and "wrote on X:", "posted:", "tweeted:" give direct quotes.
Each rule on and off, with negatives (apostrophes are no quotation marks).
Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from dossier.quotes.marks import quote_spans
from dossier.rules import switched_off


@pytest.mark.parametrize(
    "text",
    [
        "Markets fell.\nEUROPEAN GROWTH: The euro zone economy grew 0.2 percent in the "
        "third quarter, the data showed.",
        "Markets fell.\nCURRENCIES: The dollar rose against the yen on Tuesday after "
        "the data came out.",
        "The talks ended.\nREAD MORE: Five things we learned from the summit in Geneva "
        "this week.",
        "The talks ended.\nSource: Reuters reported the figures from the ministry on "
        "Tuesday.",
        "Scores.\n6A: Wichita North's Miguel Bernal took home first in diving for the "
        "team.",
        "The talks ended.\nNEW DELHI: Nearly 150 Indians returned home on Wednesday "
        "after being deported.",
    ],
)
def test_furniture_is_no_speaker(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in quotes(text) if q.cue is None], [
        (q.speaker and q.speaker.name, q.text) for q in quotes(text)]
    if "NEW DELHI" not in text:  # (a place is no speaker by another rule as well)
        with switched_off("quotes.speakers.furniture"):
            assert [q for q in quotes(text) if q.cue is None]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a caption's credit after the pictured name (quotes.speakers.caption_credit)
        ("The envoy arrived on Monday.\n\nJane Kaufman Image: White House.\n\nKaufman "
         "met the president.", "caption_credit"),
        ("The envoy arrived on Monday.\n\nJane Kaufman Photo: State Department.\n\nKaufman met "
         "the president.", "caption_credit"),
        # glued to the name by a page that lost the line break (glued_credit)
        ("The envoy arrived on Monday.\n\nJane KaufmanImage: Kaufman for Senate.\n\nKaufman "
         "met the president.", "glued_credit"),
        ("The envoy arrived on Monday.\n\nPeter OkaforPhoto: Campaign handout.\n\nOkafor "
         "met the president.", "glued_credit"),
        ("The envoy arrived on Monday.\n\nKaufman in June 2021.Image: Tom Reyes.\n\nKaufman "
         "met the president.", "glued_credit"),
        # negatives: a name alone before the colon speaks, and one that only ends so
        ("The envoy arrived on Monday.\n\nJane Kaufman: We will not sign this deal.", None),
        ("The envoy arrived on Monday.\n\nKAUFMANIMAGE: We will not sign this deal.", None),
    ],
)
def test_caption_credit_is_no_quote(quotes, text: str, rule: str | None) -> None:  # type: ignore[no-untyped-def]
    def colon_quotes() -> list:
        return [q for q in quotes(text) if q.cue is None]
    assert bool(colon_quotes()) is (rule is None)
    if rule is not None:
        with switched_off(f"quotes.speakers.{rule}"):
            assert colon_quotes()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a transcript's speakers in capitals, named in the text or again and again
        ("Mike Pence spoke first.\nPENCE: Well, look, we will win this state and the "
         "next one too.", "Mike Pence"),
        ("The debate.\nKAINE: You are wrong about that and the voters know it.\nKAINE: "
         "We will see what they say on the day.", "Tim Kaine"),
        ("The debate.\nJORDAN: We have waited for this bill for ten years.", "JORDAN"),
        # a headline's bare surname
        ("Lynch: No outside influence will change the decision we made today.", "Lynch"),
    ],
)
def test_colon_speakers_kept(quotes, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    names = {q.speaker.name for q in quotes(text) if q.speaker is not None}
    assert speaker in names, names


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Elon Musk, who wrote on X: ‘Military Industrial Complex seems to be in charge "
         "of the country.’", "Military Industrial Complex seems to be in charge of the "
         "country.", "who"),
        ("The former minister tweeted: ‘This is a shameful day for the party and for "
         "the country.’", "This is a shameful day for the party and for the country.",
         "The former minister"),
        ("Labour MP Jess Phillips posted: 'We will not let this pass without a proper "
         "inquiry.'", "We will not let this pass without a proper inquiry.",
         "Labour MP Jess Phillips"),
        ("‘We will not back down on this one,’ the Prime Minister said on Tuesday.",
         "We will not back down on this one,", "the Prime Minister"),
    ],
)
def test_single_quotes_are_direct(quotes, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    got = {(q.quote_type, q.text, q.speaker.phrase.text if q.speaker and q.speaker.phrase
            else None) for q in quotes(text)}
    assert ("direct", content, speaker) in got, got
    with switched_off("quotes.marks.single_quotes"):
        got = {(q.quote_type, q.text) for q in quotes(text)}
        assert ("direct", content) not in got


@pytest.mark.parametrize(
    "text",
    [
        "I don’t know what the players’ union wants from the league this year.",
        "Rock 'n' roll in the '90s was louder than anything the Joneses' children play.",
        "The so-called ‘golden era’ is over, the minister said.",  # a scare quote: short
        "Fans of the farmers’ market, the bakers’ guild and the growers’ co-op met.",
    ],
)
def test_apostrophes_open_no_quotation(text: str) -> None:
    assert quote_spans(text) == []


def test_single_quotes_nested_in_double_are_not_another_quotation() -> None:
    text = "“And I said, ‘I want more than that from all of you.’ They left,” he said."
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "And I said, ‘I want more than that from all of you.’ They left,"]
