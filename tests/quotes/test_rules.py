"""The quote stage's rules as named units (``dossier.quotes.book.BOOK``).

Each rule lives in its room (``marks``, ``cues``, ``speakers``, ``content``,
``strategies``, ``post``) with the sentence that motivated it in its docstring. To
add one: write it in the room's module with ``@BOOK.rule(group, off=…)``, and add a
row to the table below (a sentence, and what the rule finds in it that is gone when
it is switched off), or to the room's own test table.
"""

from __future__ import annotations

import re

import pytest

import dossier.quotes.extract  # noqa: F401  (registers the rules)
from dossier.quotes.book import BOOK, GROUPS, HYPOTHETICAL
from dossier.records import Quote
from dossier.rules import switched_off


def test_every_rule_has_its_group_and_example() -> None:
    rules = list(BOOK)
    assert len(rules) >= 40
    assert [GROUPS.index(r.group) for r in rules] == sorted(GROUPS.index(r.group)
                                                             for r in rules)
    for r in rules:
        assert re.search(r"\"[^\"]{3,}\"", r.doc), f"{r.key}: no example sentence"


def _found(text: str, qs: list[Quote]) -> set[tuple[str, str | None]]:
    return {(q.text, text[q.speaker.start : q.speaker.end] if q.speaker else None)
            for q in qs}


@pytest.mark.parametrize(
    ("rule", "text", "found"),
    [
        ("marks.scare_quote", "He asked me about “my language” at the meeting.",
         None),
        ("post.said_within", "Bobby Scott said he plans to ramp up fundraising and hire "
         "staff.", None),
        ("content.to_clause_end", "The senator is raising questions about his microphone "
         "problems during Monday's debate.",
         ("questions about his microphone problems during Monday's debate", "The senator")),
        ("marks.misclosed_mark", "“We will not sign this agreement today,“ the minister "
         "said. She left.", ("We will not sign this agreement today,", "the minister")),
        # (the quotation is part of Ryan's reported clause, content.quoted_clause: off,
        # it is also a record of "think" with no speaker)
        ("cues.governing_cue", "Paul Ryan said it’s unrealistic to think that if the "
         "country pulls back, “our oceans are going to save us.”", None),
        ("content.quoted_clause", "With thousands of polling places, “there is no single "
         "point of failure,” Mayor Tom Hill said.",
         ("With thousands of polling places, “there is no single point of failure,”",
          "Tom Hill")),
        ("speakers.relative_antecedent", "George Osborne, who vowed to “build a northern "
         "powerhouse for the whole country”, spoke on Monday.",
         # (one record per act: the report of "vowed", holding the quoted words)
         ("to “build a northern powerhouse for the whole country”", "who")),
        ("speakers.interview_turn", "Q: You said yesterday that the middle class is still "
         "getting crushed.", ("You said yesterday that the middle class is still getting "
                              "crushed.", None)),
        ("speakers.block_quotation", "The mayor added:\nWe are going to rebuild the bridge "
         "before the winter comes.",
         ("We are going to rebuild the bridge before the winter comes.", "The mayor")),
        ("cues.weak_cue", "Both sides agreed to continue “close personal interaction "
         "between the two governments” in the coming years.", None),
        ("speakers.by_agent", "The new budget was criticised by the Finance Ministry as "
         "“a recipe for higher prices and fewer jobs”.",
         ("a recipe for higher prices and fewer jobs", "the Finance Ministry")),
        ("speakers.unlinked_modifiers", "The lone developer behind Stardew Valley said "
         "the game would get a new update next month.",
         ("the game would get a new update next month",
          "The lone developer behind Stardew Valley")),
        ("speakers.dash", "“We are not afraid of the storm.” ― Maria Lopez",
         ("We are not afraid of the storm.", "Maria Lopez")),
        ("content.clause_around", "As the Times reported, the emails were sent from a "
         "private server.", ("the emails were sent from a private server", "the Times")),
        ("strategies.colon_paragraphs", "PENCE: Well, look, the economy is growing again.",
         ("Well, look, the economy is growing again.", "PENCE")),
        ("strategies.according_to_clauses", "The bridge will close for two months, "
         "according to the city council.",
         ("The bridge will close for two months", "the city council")),
        ("post.outer_reports", "McCallum will outline how the constant undercurrent of "
         "these actions warns that the threat is growing.", None),
        ("speakers.unnamed_passive", "The central bank is expected to raise its rates "
         "again in June.", ("The central bank is expected to raise its rates again in "
                            "June", None)),
        ("speakers.unnamed_question", "Asked if he had ever been bullied, the candidate "
         "said no.", ("if he had ever been bullied", None)),
        ("content.set_off", "If the plan fails, the mayor argues, there are other tools "
         "in the toolbox.", ("If the plan fails, the mayor argues, there are other tools "
                             "in the toolbox", "the mayor")),
        ("post.quoted_in_report", "The mayor called the plan “reckless” and said it would "
         "fail.", None),
        ("content.according_clause", "According to two aides, the move reeks of “fear” "
         "and desperation.", ("the move reeks of “fear” and desperation", "two aides")),
        ("content.that_conjunct", "Obama said his administration had made progress, "
         "but that there is still more to do.", ("his administration had made progress, "
                                                 "but that there is still more to do",
                                                 "Obama")),
        ("speakers.notes_heading", "The Lakers beat the Heat 110-98 on Sunday.\n\nTIP-INS"
         "\n\nLakers: Coach Frank Vogel said the team would rest its starters.\n\nUP NEXT"
         "\n\nLakers: Host the Clippers on Friday.", None),
    ],
)
def test_switched_off_rule_loses_what_it_finds(quotes, rule: str, text: str,  # type: ignore[no-untyped-def]
                                               found: tuple[str, str | None] | None
                                               ) -> None:
    """A rule's example: what it finds is there with the rule on and gone with it off
    (a filter's example, ``found`` None: a quote there only with the filter off)."""
    on, off = _found(text, quotes(text)), None
    with switched_off(f"quotes.{rule}"):
        off = _found(text, quotes(text))
    if found is None:  # a filter: it drops what it is off without
        assert off - on, (on, off)
    else:
        assert found in on, on
        assert found not in off, off


@pytest.mark.parametrize(
    ("text", "heading", "found"),
    [
        # under a notes heading a team's name is no speaker; the coach's report stays
        ("TIP-INS\n\nLakers: Coach Frank Vogel said the team would rest its starters.",
         True, ("the team would rest its starters", "Frank Vogel")),
        ("UP NEXT\n\nHeat: At Orlando on Saturday.\n\nLakers: Host the Clippers on "
         "Friday.", True, None),
        # a headline's name and colon, with no notes heading, still speaks
        ("Sanders: Clinton needs to release the transcripts of her speeches.", False,
         ("Clinton needs to release the transcripts of her speeches.", "Sanders")),
        # a notes heading ends at the first line without a name and a colon
        ("NOTES\n\nThe team flew home on Sunday night.\n\nSanders: Clinton needs to "
         "release the transcripts of her speeches.", False,
         ("Clinton needs to release the transcripts of her speeches.", "Sanders")),
    ],
)
def test_notes_heading(quotes, text: str, heading: bool,  # type: ignore[no-untyped-def]
                       found: tuple[str, str] | None) -> None:
    on = _found(text, quotes(text))
    with switched_off("quotes.speakers.notes_heading"):
        off = _found(text, quotes(text))
    teams = {f for f in on | off if f[1] in ("Lakers", "Heat")}
    assert not teams & on
    assert bool(teams & off) is heading, off
    if found is not None:
        assert found in on, on


@pytest.mark.parametrize(
    ("text", "content", "hypothetical"),
    [
        ("Critics would say the plan is too expensive.", "the plan is too expensive",
         True),
        ("If asked, he might say that the deal was never on the table.",
         "that the deal was never on the table", True),
        ("A prosecutor could argue that the driver knew the brakes were failing.",
         "that the driver knew the brakes were failing", True),
        # speech that happened: a later act, a reluctant answer, a plain report
        ("She would later say that the meeting had been a mistake.",
         "that the meeting had been a mistake", False),
        ("The coach would say only that the team was moving on.",
         "only that the team was moving on", False),
        ("Critics say the plan is too expensive.", "the plan is too expensive", False),
    ],
)
def test_hypothetical_speech_below_the_floor(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                                             hypothetical: bool) -> None:
    with switched_off("quotes.post.page_calibrated"):  # (the rule's cap, not the pages')
        (q,) = [q for q in quotes(text) if q.text == content]
        assert (q.confidence <= HYPOTHETICAL) is hypothetical, q.confidence
        with switched_off("quotes.cues.hypothetical"):
            (off,) = [q for q in quotes(text) if q.text == content]
    assert off.confidence > HYPOTHETICAL


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor told reporters that the bridge would reopen in May and that tolls "
         "would not rise.", "that the bridge would reopen in May and that tolls would not "
         "rise"),
        # a conjunct without "that" is the narration's, not what was said
        ("The minister said wages would rise, but unions were not convinced.",
         "wages would rise"),
    ],
)
def test_that_conjunct_bounds(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content in {q.text for q in quotes(text)}
