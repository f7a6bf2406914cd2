"""Quotation marks as the parse sees them: which tokens stand inside a quotation,
and the one typo test for a misclosed mark. Read by every stage (the linker skips
quoted words as speakers, quotes find their spans, events skip quoted clauses)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

# The ``ORTH`` keys of the quotation marks, to find them in a doc's columns.
_MARK_KEYS = np.array([hash_string(m) for m in ("“", "«", "”", "»", '"')], dtype=np.uint64)


def quoted_tokens(doc: Doc, tokens: Sequence[Token] | None = None) -> list[bool]:
    """Which tokens stand inside quotation marks (reset at each paragraph); ``tokens``:
    the doc's tokens if they are made already. Only the marks and the white-space
    tokens change the state: they are found in the doc's columns, the tokens between
    them take the state as it is."""
    inside = False
    out: list[bool] = []
    text = ""  # doc.text, built only when an opening mark inside a quotation needs it
    columns = doc.to_array([ORTH, IS_SPACE])
    for i in np.flatnonzero(np.isin(columns[:, 0], _MARK_KEYS) | (columns[:, 1] != 0)).tolist():
        out += [inside] * (i - len(out))
        t = doc[i] if tokens is None else tokens[i]
        if "\n" in t.text_with_ws and t.is_space:
            inside = False
        if inside and t.text == "“":
            text = text or doc.text
            if misclosed(text, t.idx):  # "“We will not sign it,“ the minister said"
                inside = False
                out.append(False)
                continue
        if t.text in ("“", "«"):
            inside = True
            out.append(False)
            continue
        if t.text in ("”", "»"):
            inside = False
            out.append(False)
            continue
        if t.text == '"':
            inside = not inside
            out.append(False)
            continue
        out.append(inside)
    out += [inside] * (len(doc) - len(out))
    return out


def misclosed(text: str, k: int) -> bool:
    """Whether ``text[k]`` is an opening mark “ typed for the closing one of an open
    quotation: right after the quotation's last punctuation and before a space or the
    end ("“The reality is … here,“ said Jim Clyburn"), where no quotation can open.
    The one test for this typo: the linker's ``quoted_tokens``, and in
    ``quotes.extract`` the quote finder and the checks of what joins a quotation to
    its cue (``_adjacent``, ``_continued``)."""
    return (text[k : k + 1] == "“" and k > 0 and text[k - 1] in ",.?!…"
            and (k + 1 >= len(text) or text[k + 1].isspace()))
