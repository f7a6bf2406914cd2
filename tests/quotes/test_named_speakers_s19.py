"""Speakers named by a title or a party, and organisations behind a statement (issue
18, session 19). The positives of ``described_title`` and ``party_member`` are rows of
test_org_speakers.py's table; here are ``according_to_owner`` and the negatives: the
phrase stays. Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def speaker(qs: list[Quote], start: str) -> str | None:
    q = next(q for q in qs if q.text.lstrip("“\"").startswith(start))
    return q.speaker.name if q.speaker else None


def test_according_to_a_statement_is_its_owner(quotes) -> None:  # type: ignore[no-untyped-def]
    """(``quotes.speakers.according_to_owner``; the other rules' rows are in
    test_org_speakers.py's table.) The content of an "according to" report may hold
    its opening mark: the quotation is found by its words."""
    text = ("Ithilen Robotics Inc. cut 300 jobs on Monday.\n\n“We regret the decision but "
            "the market left us no choice,” according to a statement from Ithilen Robotics "
            "Inc.")
    assert speaker(quotes(text), "We regret") == "Ithilen Robotics Inc."
    with switched_off("quotes.speakers.according_to_owner"):
        assert speaker(quotes(text), "We regret") == "a statement from Ithilen Robotics Inc."


@pytest.mark.parametrize(("text", "start", "kept"), [
    # two people named before: either could be meant
    ("Sheldon Adelson met Donald Trump in Las Vegas on Friday.\n\nThe gambling tycoon "
     "said he found the meeting very useful.", "he found", "The gambling tycoon"),
    # "tycoon" takes no noun before it (the he between was mis-resolved on PolNeAR train)
    ("Top donor Sheldon Adelson met Donald Trump on Monday.\n\nWhile the mega donor did "
     "not disclose his backing, he did say he found Trump to be very charming.\n\n“It "
     "was very nice and we talked about many things,” the gambling tycoon said.",
     "It was very nice", "the gambling tycoon"),
    # according to an official: an insider, not surely the body's voice
    ("Ithilen Robotics Inc. cut 300 jobs on Monday.\n\n“We regret it deeply and we will "
     "help every worker,” according to a senior company official.", "We regret",
     "a senior company official"),
    # a noun before a title of counsel makes it someone else's
    ("Jane Doerr was charged with fraud on Monday.\n\nThe defense lawyer said the charges "
     "were baseless and would be dropped.", "the charges", "The defense lawyer"),
    # a rival is someone else
    ("Jane Ostrow won the final in three sets.\n\n“She played better than me today and "
     "deserved it,” the rival player said.", "She played", "the rival player"),
    # the party, not a member of it
    ("House Speaker Paul Ryan says the executive actions are an overreach.\n\nThe "
     "Republicans say in a statement that the president is wrong.", "that the president",
     "Republicans"),
    # according to a person's spokesman: not the person
    ("Jane Doerr cut 300 jobs on Monday.\n\n“We regret the decision but the market left "
     "us no choice,” according to a spokesman for Jane Doerr.", "We regret",
     "a spokesman for Jane Doerr"),
])
def test_named_speaker_negatives(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                 kept: str) -> None:
    assert speaker(quotes(text), start) == kept

