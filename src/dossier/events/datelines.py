"""The dateline that opens a wire story ("Washington (AFP) –"): where the story was
filed, no side of any event (issue 19, precision first)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.events.book import BOOK
from dossier.parse.tree import first_between

# How far into its sentence a dateline's dash may come ("WASHINGTON, Dec. 5 (Reuters) -").
DATELINE_REACH = 10
_DASHES = frozenset({"-", "--", "–", "—"})
# What a dateline is made of: names, commas, brackets, a date.
_DATELINE_POS = frozenset({"PROPN", "NOUN", "PUNCT", "NUM"})


@BOOK.rule("precision", off=False)
def dateline(tok: Token) -> bool:
    """The place (and the agency) that open a sentence before a dash are the dateline,
    where and by whom the story was filed, no side: "Washington (AFP) – Senator Jane
    Ward has taken a swipe at Vladimir Putin" (Ward, not the United States), "KABUL
    (Reuters) - Afghan forces killed 20 Taliban fighters" (the forces, not Reuters),
    "TEHRAN -- Iran condemned …". The opening is a dateline when it is all names (a
    name in capitals, or one followed by a bracketed agency) up to a dash; not "Hamas –
    the group that rules Gaza – attacked Israel"."""
    doc = tok.doc  # (the dashes read off the token array: no token made of each word)
    if tok.pos_ not in ("PROPN", "NOUN") or first_between(
            doc, _DASHES, tok.i + 1, tok.i + DATELINE_REACH) is None:
        return False  # (most tokens: no dash soon after, no need to find the sentence)
    sent = tok.sent
    dash = first_between(doc, _DASHES, sent.start, min(sent.end, sent.start + DATELINE_REACH))
    if dash is None or dash <= tok.i or dash == sent.start:
        return False
    head = tok.doc[sent.start : dash]
    if any(t.pos_ not in _DATELINE_POS and t.ent_type_ != "DATE" for t in head):
        return False
    first = head[0].text
    return (first.isupper() and len(first) > 2) or "(" in {t.text for t in head}
