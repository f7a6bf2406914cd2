"""Speakers checked against the quotation they speak and the one before (issue 18,
session 17): a he/she resolved to a person the quotation itself names in full is
someone talking about that person, not the person; "said the actor" is the one who
spoke before. Each row: a text, the quotation's first words, the speaker's name with
the rule, and without it; negatives keep the name.

Sentences written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def speaker(qs: list[Quote], start: str) -> tuple[str | None, float]:
    q = next(q for q in qs if q.text.startswith(start))
    return (q.speaker.name if q.speaker else None), q.confidence


ABOUT_HER = ("Mary Ruiz, the actress, spent years learning to write songs. Many friends "
             "helped her.\n\n")


@pytest.mark.parametrize(("text", "start", "without"), [
    # the full name inside the quotation
    (ABOUT_HER + "“It would have been easy for Mary Ruiz to put her name on something, but "
     "she didn't do that,” she said. “She put in the time.”", "It would have", "Mary Ruiz"),
])
def test_a_pronoun_for_the_one_the_quotation_names_stays_a_pronoun(  # type: ignore[no-untyped-def]
        quotes, text: str, start: str, without: str) -> None:
    name, conf = speaker(quotes(text), start)
    assert name == "she"
    assert conf < 0.6  # below the default views' floor
    with switched_off("quotes.post.named_in_own_words"):
        assert speaker(quotes(text), start)[0] == without


@pytest.mark.parametrize(("text", "start", "kept"), [
    # the quotation does not name the speaker
    (ABOUT_HER + "“It was terrifying at first,” she said. “The first session was a "
     "disaster.”", "It was terrifying", "Mary Ruiz"),
    # a speaker named by the attribution speaks, whatever the quotation says
    (ABOUT_HER + "“Mary Ruiz does not give up, ever,” Ruiz said with a laugh.",
     "Mary Ruiz does", "Mary Ruiz"),
    # a surname alone: some speak of themselves so
    (ABOUT_HER + "“We are going to win this with Ruiz, believe me,” she said.",
     "We are going", "Mary Ruiz"),
    # a first name alone
    (ABOUT_HER + "“Even my mother calls me Mary now, not Molly,” she said.", "Even my",
     "Mary Ruiz"),
])
def test_a_quotation_that_does_not_name_its_speaker_keeps_it(  # type: ignore[no-untyped-def]
        quotes, text: str, start: str, kept: str) -> None:
    assert speaker(quotes(text), start)[0] == kept


SHOW = "Jim Ostrow has been eliminated from the dance show.\n\n“We lost the baby,” Ostrow said.\n\n"


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
    with switched_off("quotes.speakers.epithet"):
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


def test_a_name_in_a_quotation_inside_the_quotation_is_someone_quoted(  # type: ignore[no-untyped-def]
        quotes) -> None:
    text = (ABOUT_HER + "“He always whispered in my ear, ‘Mary Ruiz, you are the queen,’ "
            "before every show,” she said.")
    assert speaker(quotes(text), "He always")[0] == "Mary Ruiz"
