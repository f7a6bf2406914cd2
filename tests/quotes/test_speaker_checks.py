"""Speakers by an epithet (issue 18, session 17): "said the actor" is the one who
spoke the quotation before, when nothing else could be meant. Each row: a text, the
quotation's first words, and the speaker's name; negatives keep the phrase.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def speaker(qs: list[Quote], start: str) -> tuple[str | None, float]:
    q = next(q for q in qs if q.text.startswith(start))
    return (q.speaker.name if q.speaker else None), q.confidence


SHOW = ("Jim Ostrow has been eliminated from the dance show.\n\n“We lost the baby,” Ostrow "
        "said.\n\n")


@pytest.mark.parametrize(("text", "start"), [
    # "said the actor": the one who spoke just before
    (SHOW + "“You never know why these things happen,” said the actor.", "You never know"),
    # with modifiers, a quoted title among them
    (SHOW + "“Hearing the heartbeat was something we never take for granted,” the former "
     "“Lakeview” actor said.", "Hearing the"),
])
def test_an_epithet_is_the_one_who_spoke_before(quotes, text: str,  # type: ignore[no-untyped-def]
                                                start: str) -> None:
    assert speaker(quotes(text), start)[0] == "Jim Ostrow"
    # (``named_before``, session 18, also finds him: the one person named just before)
    with switched_off("quotes.speakers.epithet", "quotes.speakers.named_before"):
        assert speaker(quotes(text), start)[0] != "Jim Ostrow"


@pytest.mark.parametrize(("text", "start", "kept"), [
    # another person named in between: either could be meant
    (SHOW + "Host Tom Hale praised him. “You never know why these things happen,” said the "
     "actor.", "You never know", "the actor"),
    # the noun used for someone unnamed before
    ("A doctor at the scene tried to help. Jim Ostrow was there too.\n\n“It was terrible,” "
     "Ostrow said.\n\n“He died in my hands, and I could not save him,” the doctor said.",
     "He died", "the doctor"),
    # a noun that is no epithet, and one with a possessor
    (SHOW + "“You never know why these things happen,” the spokesman said.", "You never know",
     "the spokesman"),
    (SHOW + "“You never know why these things happen,” the band's singer said.",
     "You never know", "the band's singer"),
    # the speaker before spoke more than two paragraphs before
    (SHOW + "The show goes on.\n\nIt airs on Mondays.\n\nVotes close at nine.\n\n“You never "
     "know why these things happen,” said the actor.", "You never know", "the actor"),
])
def test_an_epithet_nothing_fits_stays_the_phrase(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                                  kept: str) -> None:
    assert speaker(quotes(text), start)[0] == kept

