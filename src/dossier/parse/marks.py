"""Quotation marks as the parse sees them: which tokens stand inside a quotation,
and the one typo test for a misclosed mark. Read by every stage (the linker skips
quoted words as speakers, quotes find their spans, events skip quoted clauses)."""

from __future__ import annotations

from spacy.tokens import Doc


def quoted_tokens(doc: Doc) -> list[bool]:
    """Which tokens stand inside quotation marks (reset at each paragraph)."""
    inside = False
    out = []
    text = ""  # doc.text, built only when an opening mark inside a quotation needs it
    for t in doc:
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
