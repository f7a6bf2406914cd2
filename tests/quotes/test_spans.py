"""Content spans as an annotator marks them (issue 20: spans holding the framing)."""

from __future__ import annotations

import pytest

from dossier.rules import switched_off


@pytest.mark.parametrize(("text", "parts"), [
    ("But the city has had a place in her heart since 1984, Jane Doerr said, ever since "
     "she worked at the old library.",
     ["But the city has had a place in her heart since 1984",
      "ever since she worked at the old library"]),
    ("That, Acme says, allows the car to see road markings with more precision.",
     ["That", "allows the car to see road markings with more precision"]),
    ("The plant, Acme said in a statement on Monday, will close in June.",
     ["The plant", "will close in June"]),
    # negatives: the framing is not inside the content, or no comma sets it off
    ("Jane Doerr said the plant, which opened in 1984, will close in June.", []),
    ("The minister said on Tuesday, in a long speech to parliament, that prices would "
     "rise.", []),
    ("“The plant will close,” Jane Doerr said, “and no one will lose a job.”",
     ["The plant will close,", "and no one will lose a job."]),  # a quotation's own parts
])
def test_framing_set_off_leaves_the_words_on_either_side(quotes, text: str,  # type: ignore[no-untyped-def]
                                                         parts: list[str]) -> None:
    (q,) = quotes(text)
    assert [s.text for s in q.segments] == parts
    assert all(text[s.start : s.end] == s.text for s in q.segments)
    if q.quote_type != "direct" and parts:
        with switched_off("quotes.content.framing_set_off"):
            (off,) = quotes(text)
        assert off.segments == () and (off.start, off.end) == (q.start, q.end)
