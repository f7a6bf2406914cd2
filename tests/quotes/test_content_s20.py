"""Content spans, session 20 (issue 20): a content that ends at a colon inside its
sentence runs on (``content.past_colon``). Made-up sentences."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


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
