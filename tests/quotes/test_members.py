"""Names inside a speaker's phrase that are not its voice (``dossier.quotes.members``,
session 22): the members an "including" phrase lists, and a body inside the
description of an object speaker. Each row: a text, the quotation's first words, the
speaker's name with the rule, and without it; negatives keep their speaker."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def speaker(qs: list[Quote], start: str) -> str | None:
    q = next(q for q in qs if q.text.startswith(start))
    return q.speaker.name if q.speaker else None


OFFICIALS = ("Fifty former intelligence officials, including former CIA directors John "
             "Brennan and Leon Panetta, signed a letter saying the report “has all the "
             "classic earmarks of a Russian information operation.”")
OTHERS = ("Aides denied the story. Others, including Fox News reporter Jennifer Griffin, "
          "confirmed key parts of the story.")
QUOTED = ("The agency was not put in charge. Politico quoted Tom Ruiz, formerly a deputy "
          "administrator at FEMA, as saying “FEMA has an important role in the response” "
          "and “it needs to be involved.”")


@pytest.mark.parametrize(("rule", "text", "start", "with_rule", "without"), [
    ("quotes.speakers.group_members", OFFICIALS, "the report",
     "Fifty former intelligence officials, including former CIA directors John Brennan "
     "and Leon Panetta,", "CIA"),
    ("quotes.speakers.group_members", OTHERS, "key parts",
     "Others, including Fox News reporter Jennifer Griffin,", "Fox News"),
    ("quotes.speakers.phrase_head", QUOTED, "FEMA has", "Tom Ruiz", "FEMA"),
])
def test_a_name_inside_the_phrase_is_not_its_voice(quotes, rule, text, start,  # type: ignore[no-untyped-def]
                                                   with_rule, without) -> None:
    assert speaker(quotes(text), start) == with_rule
    with switched_off(rule):
        assert speaker(quotes(text), start) == without


@pytest.mark.parametrize(("text", "start", "kept"), [
    # a body's voice named after a preposition still speaks for it
    ("“We will not comment on the talks at this stage,” said a spokesman for the Foreign "
     "Office.", "We will not", "Foreign Office"),
    ("“The outbreak is far from over and we must not relax,” said the head of the World "
     "Health Organization.", "The outbreak", "World Health Organization"),
    # a name in apposition still speaks
    ("“The deal is dead and nobody wants it back,” said the mayor of London, Sadiq "
     "Khan.", "The deal", "Sadiq Khan"),
    # an organisation that heads its members' phrase speaks
    ("NATO members, including Britain and France, said they would send more troops.",
     "they would", "NATO"),
    # an object speaker's own phrase, an unknown body inside it: the phrase
    ("Reuters quoted the head of the Ithilen central bank as saying “rates will rise "
     "next month and the bank will not wait for the government.”", "rates will",
     "the head of the Ithilen central bank"),
])
def test_a_speaker_named_in_its_phrase_still_speaks(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                                    kept: str) -> None:
    assert speaker(quotes(text), start) == kept
