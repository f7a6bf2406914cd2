"""Content spans, session 21 (issue 20): a quotation that ends its cue's clause with
the clause's own stop is quoted in that clause (``content.clause_to_stop``); a
quotation whose sentence opens with its subject, attributed after it, is that
sentence (``content.lead_in``); a poll's finding with no verb stays below the default
floor (``strategies.verbless_finding``). Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


@pytest.mark.parametrize(("text", "content"), [
    ("Jane Ward said she skipped the vote last week because ''the members did not have "
     "the numbers, and as soon as they do, I'll announce it.''",
     "she skipped the vote last week because ''the members did not have the numbers, "
     "and as soon as they do, I'll announce it.''"),
    ("He said he did not raise the dispute at the hearing because ''no one can prove it "
     "is true, and as soon as they can, I'll report it.''",
     "he did not raise the dispute at the hearing because ''no one can prove it is true, "
     "and as soon as they can, I'll report it.''"),
])
def test_clause_to_stop(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _only_with(quotes, text, content, "quotes.content.clause_to_stop")


@pytest.mark.parametrize(("text", "content"), [
    # the quotation is the whole content: nothing outside it to take
    ("Jane Ward said: “The council never read the report because it was too long.”",
     "The council never read the report because it was too long."),
    # the quotation ends before the clause does: the clause, as before
    ("Jane Ward said the plan was “a great success” for the town.",
     "the plan was “a great success” for the town"),
])
def test_not_clause_to_stop(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _unchanged(quotes, text, content, "quotes.content.clause_to_stop")


@pytest.mark.parametrize(("text", "content"), [
    ("The speech ''was the mayor's answer to a year of gloom from her rivals,'' said Jon "
     "Doe, a former aide.",
     "The speech ''was the mayor's answer to a year of gloom from her rivals,"),
    ("The bridge “will carry twice as many cars as the old one,” the engineer said.",
     "The bridge “will carry twice as many cars as the old one,"),
])
def test_lead_in(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _only_with(quotes, text, content, "quotes.content.lead_in")


def test_lead_in_joins_the_part_after(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("The speech ''was the mayor's answer to a year of gloom,'' said Jon Doe, a "
            "former aide. ''Voters never elect a pessimist.''")
    q = next(q for q in quotes(text) if q.text.startswith("The speech"))
    assert q.text.endswith("Voters never elect a pessimist.")
    assert len(q.segments) == 2


@pytest.mark.parametrize(("text", "content"), [
    # no subject before the mark
    ("But “it is a better use of the money,” he added.", "it is a better use of the money,"),
    # a place set off by a comma is no subject
    ("In Paris, “nobody cared about the strike at all,” she said.",
     "nobody cared about the strike at all,"),
    # the cue before the quotation
    ("He said “the bridge will close for a month in the spring.”",
     "the bridge will close for a month in the spring."),
])
def test_not_lead_in(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _unchanged(quotes, text, content, "quotes.content.lead_in")


def _only_with(quotes, text: str, content: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    """``content`` is found in ``text``, and not with ``rule`` off."""
    assert content in [q.text for q in quotes(text)]
    with switched_off(rule):
        assert content not in [q.text for q in quotes(text)]


def _unchanged(quotes, text: str, content: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    """``content`` is found in ``text``, and the same contents with ``rule`` off."""
    found = [q.text for q in quotes(text)]
    assert content in found
    with switched_off(rule):
        assert [q.text for q in quotes(text)] == found


# A poll's finding with no verb stays below the default floor
# (``strategies.verbless_finding``); one with a verb, or said by someone, is not its.
@pytest.mark.parametrize(("text", "content", "verbless"), [
    ("Donald Trump has a decisive lead in the polls ahead of the state's primary.",
     "Donald Trump has a decisive lead in the polls ahead of the state's primary", True),
    ("In a new CBS News poll, she led Mr. Sanders 56 percent to 32 percent.",
     "she led Mr. Sanders 56 percent to 32 percent", True),
    ("A new CBS News poll found that the governor leads her rival by six points.",
     "that the governor leads her rival by six points", False),
    ("The governor said she has a decisive lead in the polls.",
     "she has a decisive lead in the polls", False),
])
def test_verbless_finding(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                          verbless: bool) -> None:
    on = {q.text: q.confidence for q in quotes(text)}
    with switched_off("quotes.strategies.verbless_finding"):
        off = {q.text: q.confidence for q in quotes(text)}
    assert content in on and content in off
    if verbless:
        assert on[content] < 0.6 <= off[content]
    else:
        assert on == off
