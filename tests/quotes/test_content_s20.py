"""Content spans, session 20 (issue 20): a quotation in a "but" conjunct of the cue
(``content.quoted_but``). Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


def _said(qs):  # type: ignore[no-untyped-def]
    return [q.text for q in qs if q.cue is not None and q.cue.lemma == "say"]


@pytest.mark.parametrize(("text", "content"), [
    ("Jane Ward said she had received offers for the car, but “the offers were far too "
     "low for me.”",
     "she had received offers for the car, but “the offers were far too low for me.”"),
    ("The coach said his team had trained hard all week, but “we still made too many "
     "mistakes on defence.”",
     "his team had trained hard all week, but “we still made too many mistakes on "
     "defence.”"),
])
def test_quoted_but_is_said(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content in _said(quotes(text))
    with switched_off("quotes.content.quoted_but"):
        assert content not in _said(quotes(text))


@pytest.mark.parametrize(("text", "content"), [
    # no quotation in the conjunct: the narration's
    ("Jane Ward said the budget was late, but the council did not agree with her at all.",
     "the budget was late"),
    # a cue with its own subject in the conjunct: someone else's words
    ("Jane Ward said the budget was late, but the council called it “a lie” at once.",
     "the budget was late"),
    # "and", not "but": as before
    ("Jane Ward said the budget was late and the council knew it all along.",
     "the budget was late and the council knew it all along"),
])
def test_quoted_but_negatives(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    found = _said(quotes(text))
    assert content in found
    with switched_off("quotes.content.quoted_but"):
        assert _said(quotes(text)) == found


# A content that ends at a colon inside its sentence runs on (``content.past_colon``).
@pytest.mark.parametrize(("text", "content"), [
    ("Jane Ward noted that we are at a rare moment where three things happen at once: "
     "Home values are rising, rates are low and lenders are loose.",
     "that we are at a rare moment where three things happen at once: Home values are "
     "rising, rates are low and lenders are loose"),
    ("Jane Ward said the city faces a hard choice: It can raise taxes or it can cut "
     "services.", "the city faces a hard choice: It can raise taxes or it can cut services"),
])
def test_past_colon(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content in [q.text for q in quotes(text)]
    with switched_off("quotes.content.past_colon"):
        assert content not in [q.text for q in quotes(text)]


@pytest.mark.parametrize(("text", "content"), [
    # a quotation after the colon is a quotation of its own
    ("Jane Ward said she had one goal for the year: “Finish the new library before the "
     "election.”", "she had one goal for the year"),
    # nothing after the colon on its line
    ("Jane Ward said the council faces a hard choice:\n\nThe budget is due on Monday.",
     "the council faces a hard choice"),
])
def test_not_past_colon(quotes, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    found = [q.text for q in quotes(text)]
    assert content in found
    with switched_off("quotes.content.past_colon"):
        assert [q.text for q in quotes(text)] == found
