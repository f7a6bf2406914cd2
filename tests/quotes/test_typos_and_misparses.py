"""Reports the small model misreads and quotations with a typo in their marks.

- An opening mark typed for the closing one ("“…,“ she said"), common in web copy,
  closes the quotation it follows, for the quote finder and the linker alike.
- "X, Mr. Y said, …" inside the sentence it reports, when the parse hangs the cue on a
  noun; "He said taxing it could …" when it reads the clause's subject as the cue's
  object. Each with negatives the rules must leave alone.
- "…, who cried." describes the noun before it: no report of the clause before it.

Sentences written for these tests (not taken from any evaluation set); each positive
fails on the rules before them.
"""

from __future__ import annotations

import pytest

from dossier.parse import misclosed
from dossier.quotes.extract import quote_spans


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("“We will not sign it,“ the minister said.", ["We will not sign it,"]),
        ("“Stop the count now,“ she said. “We have seen enough.”",
         ["Stop the count now,", "We have seen enough."]),
        ("“Is that all?“\nShe left.", ["Is that all?"]),
        # an opening mark before a word opens (a nested quotation), whatever precedes it
        ("“He told me,“Never again” and left.”", ["He told me,“Never again"]),
        # after a space it opens, as always
        ("“It was a “bond” of sorts,” he said.", ["It was a “bond"]),
        # at the very end of the text; bad input: nothing, a lone mark
        ("He asked: “Is that all?“", ["Is that all?"]),
        ("", []),
        ("“", []),
    ],
)
def test_misclosed_mark_closes(text: str, contents: list[str]) -> None:
    assert [text[a:b] for a, b in quote_spans(text)] == contents


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        ("“We will not sign it,“ the minister said.", 21, True),
        ("“Is that all?“", 13, True),  # at the end of the text
        ("“Done.“\nNext", 6, True),
        # an opening mark after a space, or before a word, opens
        ("He said, “Go home,” and left.", 9, False),
        ("“He told me,“Never again”", 12, False),
        # not an opening mark, the first character, past the end
        ("“Go home,” she said.", 9, False),
        ("“Go", 0, False),
        ("“Go,“", 9, False),
        ("", 0, False),
    ],
)
def test_misclosed_is_one_test_for_the_typo(text: str, k: int, expected: bool) -> None:
    assert misclosed(text, k) is expected


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        # the linker's view: the speaker after the typo is no quoted word
        ("“No deal,“ she said.", [False, True, True, True, False, False, False, False]),
        ("“Yes,“", [False, True, True, False]),
        ("", []),
    ],
)
def test_misclosed_mark_closes_for_the_linker(text: str, inside: list[bool]) -> None:
    from dossier.analysis import analysers

    assert analysers().read(text).quoted == inside


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("“The deal could collapse if the vote fails,“ said Maria Lopez, a union official.",
         "Maria Lopez", "The deal could collapse if the vote fails,"),
        # a pronoun after the typo is no quoted word: it still speaks
        ("“Stop the count now,“ she said.", "she", "Stop the count now,"),
        # and the quotation after the attribution goes on with its speaker: one record
        # from its first part to its last (issue 20: one record per act of speech)
        ("“Stop the count now,“ she said. “We have seen enough of this.”", "she",
         "Stop the count now,“ she said. “We have seen enough of this."),
        # the attribution inside the sentence it reports, hung on a noun by the parse
        ("The hashtag #FindThem, Mr. Osei said, accompanied pictures of missing children "
         "posted by relatives.", "Osei",
         "The hashtag #FindThem, Mr. Osei said, accompanied pictures of missing children "
         "posted by relatives"),
        # the clause's subject read as the cue's object
        ("She said taxing it could put hundreds of farmers out of business.", "She",
         "taxing it could put hundreds of farmers out of business"),
        ("He said opening it could draw visitors to the region every summer.", "He",
         "opening it could draw visitors to the region every summer"),
    ],
)
def test_found(quotes, text: str, speaker: str, content: str) -> None:  # type: ignore[no-untyped-def]
    found = {(q.speaker.name if q.speaker else None, q.text) for q in quotes(text)}
    assert (speaker, content) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause about the noun before it reports nothing of the sentence
        "She said goodbye to her friends, who cried.",
        "The coach waved to the fans, who sang.",
        # a noun object of "say" with a relative clause is no report
        "He said a prayer for the miners who died in the flood.",
        "She said goodbye to the reporters who had waited outside.",
        # an attribution in a relative clause is not set off by commas
        "The hashtag #FindThem, which Mr. Osei said accompanied pictures, spread quickly.",
        # bad input: nothing, a cue alone, a cue with no clause
        "",
        "Said.",
        "He said, then left.",
    ],
)
def test_not_a_quote(quotes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(q.speaker, q.text) for q in quotes(text)] == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the object of "told" is the one told, not the start of the report
        ("Harper told cheering workers that they were right.", "cheering workers"),
    ],
)
def test_not_this_content(quotes, text: str, wrong: str) -> None:  # type: ignore[no-untyped-def]
    assert not [q.text for q in quotes(text) if q.text.startswith(wrong)]
