"""A document's text, and its spans' texts cut from it.

spaCy builds ``doc.text`` from every token at each call (a Python ``Token`` and its
string for each), and ``span.text`` from the span's tokens (a generator, a ``Token``
and a string lookup for each, then the last one's whitespace): in session 23 these
were ~5 % of the three stages' instructions (``Span.text``) and, in the event stage's
``dated_paragraph``, ``doc.text`` once per dated past act. :func:`doc_text` reads the
text once per document (kept on it: the text a :class:`~dossier.parse.ParsedArticle`
was parsed from, else ``doc.text`` made once) and :func:`span_text` cuts a span's
text out of it: the same string (spaCy's tokens keep every character, so
``doc.text[span.start_char:span.end_char]`` is ``span.text``; tests/test_texts.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "dossier.parse.text"


def remember(doc: Doc, text: str) -> None:
    """Keep ``text``, the text ``doc`` was parsed from (``doc.text``), on ``doc``."""
    doc.user_data[_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, made at most once per document."""
    text: str | None = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text."""
    text: str | None = span.doc.user_data.get(_KEY)
    if text is None:
        text = doc_text(span.doc)
    return text[span.start_char : span.end_char]
