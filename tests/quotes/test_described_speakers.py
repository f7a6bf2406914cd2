"""Names inside a speaker's description (``dossier.quotes.described``): a place that
says where someone is from or based is no speaker, the phrase is. Each row: a text, the
quotation's first words, the speaker's name with the rule and without it; negatives
name the same speaker either way."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off

RULE = "quotes.speakers.place_in_description"


def speaker(qs: list[Quote], start: str) -> str | None:
    q = next(q for q in qs if q.text.startswith(start))
    return q.speaker.name if q.speaker else None


@pytest.mark.parametrize(("text", "start", "with_rule", "without"), [
    ("Tariffs rose again in May.\n\n“The deal is unlikely to hold past the summer,” one "
     "Washington-based trade expert said.", "The deal", "one Washington-based trade expert",
     "Washington"),
    ("The base sits near the border.\n\nMiddle East observers say the base is vital to "
     "stopping the flow of weapons.", "the base is vital", "Middle East observers",
     "Middle East"),
    ("Prices of masks doubled.\n\n“This is a warning sign,” a top US public health expert "
     "said.", "This is a warning", "a top US public health expert", "US"),
    # negatives: a place linked with trust speaks for its people ("US officials") …
    ("“The talks will go on,” US officials said on Monday.", "The talks", "United States",
     "United States"),
    # … a possessive and a state's body keep theirs
    ("Austria's interior minister said the border would stay open.", "the border",
     "Austria", "Austria"),
    ("“We will keep talking,” China's commerce ministry said on Thursday.", "We will keep",
     "China's commerce ministry", "China's commerce ministry"),
])
def test_place_in_description(quotes, text: str, start: str, with_rule: str,  # type: ignore[no-untyped-def]
                              without: str) -> None:
    assert speaker(quotes(text), start) == with_rule
    with switched_off(RULE):
        assert speaker(quotes(text), start) == without


@pytest.mark.parametrize(("text", "start", "with_rule", "without"), [
    ("A row over her old songs is coming to an end.\n\nThe group that owns most of her "
     "music, Big Machine, says she will be allowed to play the songs.", "she will be",
     "Big Machine", "The group that owns most of her music, Big Machine"),
    # negatives: a description with no name keeps the phrase
    ("“We will appeal,” a spokesman for the company, who declined to be named, said.",
     "We will appeal", "a spokesman for the company, who declined to be named",
     "a spokesman for the company, who declined to be named"),
    # … and a name NER found speaks as its mention, with or without the rule
    ("“We will appeal,” the union, Unite, said.", "We will appeal", "Unite", "Unite"),
])
def test_name_in_apposition(quotes, text: str, start: str, with_rule: str,  # type: ignore[no-untyped-def]
                            without: str) -> None:
    assert speaker(quotes(text), start) == with_rule
    with switched_off("quotes.speakers.name_in_apposition"):
        assert speaker(quotes(text), start) == without
