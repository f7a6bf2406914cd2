"""The dateline that opens a wire story ("Washington (AFP) –"): where the story was
filed, no side of any event (issue 19, precision first)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.events.book import BOOK

_PLACES = frozenset({"GPE", "LOC", "FAC"})
# How far into its sentence a dateline's dash may come ("WASHINGTON, Dec. 5 (Reuters) -").
DATELINE_REACH = 10
_DASHES = frozenset({"-", "--", "–", "—"})


@BOOK.rule("precision", off=False)
def dateline(tok: Token) -> bool:
    """A place that opens its sentence before a dash is the dateline, where the story was
    filed, no side: "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at
    Donald Trump" (Clinton, not the United States), "WASHINGTON, Dec. 5 (Reuters) - The
    Senate approved …". Not "Washington imposed sanctions on Iran – its third round"."""
    if tok.ent_type_ not in _PLACES:
        return False
    sent = tok.sent
    start = sent.start
    if any(t.pos_ != "PROPN" for t in tok.doc[start:tok.i]):
        return False  # the place's name must open the sentence
    for t in tok.doc[tok.i + 1 : min(sent.end, start + DATELINE_REACH)]:
        if t.text in _DASHES:
            return True
        if t.pos_ not in ("PROPN", "PUNCT", "NUM") and not (t.ent_type_ == "DATE"):
            return False
    return False
