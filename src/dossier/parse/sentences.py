"""A parsed document's sentences, looked up: ``Token.sent`` and ``Span.sent`` as spaCy
gives them, from the sentence starts read once per document.

spaCy finds a token's sentence at every call: it checks that the whole document has
sentence boundaries (``Doc.has_annotation``, a generator over its tokens), slices the
document (``normalize_slice``, in Python) and walks to both ends (~20 µs a call on a
busy machine against ~4 µs here); the stages ask ~100 times an article. spaCy lets a
document say where its sentences are (``Doc.user_token_hooks`` and
``Doc.user_span_hooks``, key ``"sent"``): :func:`install` puts :class:`Sentences`
there, which gives the same span (tests/test_sentences.py checks every token and
spans across sentences).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token


class Sentences:
    """The sentence starts of one document (no reference to it: a hook the document
    holds must not hold the document)."""

    __slots__ = ("opens", "size")

    def __init__(self, doc: Doc) -> None:
        self.opens: list[int] = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        self.size = len(doc)

    def of_token(self, tok: Token) -> Span:
        """``tok.sent``."""
        return self._of(tok.doc, tok.i)

    def of_span(self, span: Span) -> Span:
        """``span.sent``: the sentence of its first token (spaCy's ``Span.sent``, also
        for a span that runs on into the next sentence)."""
        return self._of(span.doc, span.start)

    def _of(self, doc: Doc, i: int) -> Span:
        """The sentence of token ``i``: from the last start at or before it to the
        next start after it, or the document's end."""
        if len(doc) != self.size:  # (another document with these hooks: Span.as_doc)
            return Sentences(doc)._of(doc, i)
        opens = self.opens
        k = bisect_right(opens, i) - 1
        j = bisect_left(opens, i + 1)
        return Span(doc, opens[k] if k >= 0 else 0, opens[j] if j < len(opens) else self.size)


def install(doc: Doc) -> None:
    """Make ``doc``'s ``Token.sent`` and ``Span.sent`` look their sentence up, where
    spaCy would find it from the sentence starts (a document with no sentence
    boundaries, or with sentence hooks of its own, is left as it is)."""
    if ("sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks
            or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START")):
        return
    sentences = Sentences(doc)
    doc.user_token_hooks["sent"] = sentences.of_token
    doc.user_span_hooks["sent"] = sentences.of_span
