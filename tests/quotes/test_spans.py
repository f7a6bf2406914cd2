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


@pytest.mark.parametrize(("text", "content", "alone"), [
    # a reported clause holding a whole quotation and words of its own is the content
    ("Retired Gen. Mark Dobbs said Senator Jane Holt was “entirely correct” when she "
     "said on Monday that “the farmers have been left behind.”",
     "Senator Jane Holt was “entirely correct” when she said on Monday that “the "
     "farmers have been left behind.”", None),
    ("With thousands of polling places, “there is no single point of failure,” Mayor "
     "Tom Hill said.", "With thousands of polling places, “there is no single point of "
     "failure,”", "there is no single point of failure,"),
    ("“You pushed workers to the limit” to lift the share price, Senator Ann Vale said.",
     "“You pushed workers to the limit” to lift the share price",
     "You pushed workers to the limit"),
    ("However good the aim, raising the fuel tax ''is a poor approach,'' said Mr. Dunn.",
     "However good the aim, raising the fuel tax ''is a poor approach,''",
     "is a poor approach,"),
    # negatives: the quotation alone, or "that" and the quotation; narration before
    # a colon; another act after the quotation
    ("By the time Ann Lee read the letter, Mayor Tom Hill was calm: “We will rebuild "
     "the bridge,” he said.", "We will rebuild the bridge,", "We will rebuild the "
     "bridge,"),
    ("Mayor Tom Hill said that “the bridge will close in May.”",
     "that “the bridge will close in May.”", "that “the bridge will close in May.”"),
    ("“The bridge will close in May,” Mayor Tom Hill said.",
     "The bridge will close in May,", "The bridge will close in May,"),
])
def test_quoted_clause_is_the_content(quotes, text: str, content: str,  # type: ignore[no-untyped-def]
                                      alone: str | None) -> None:
    def of_cue(qs):  # type: ignore[no-untyped-def]
        """The quotes of the sentence's first "said" (not "she said" inside)."""
        return [q.text for q in qs if q.cue is not None and q.cue.start == text.index(
            "said")]

    assert of_cue(quotes(text)) == [content]  # one record of the act, not two
    with switched_off("quotes.content.quoted_clause"):
        assert of_cue(quotes(text)) == ([alone] if alone else [])

