"""The parsed article: what every NLP stage reads, built once per article.

The actor stage fills in :attr:`ParsedArticle.mentions`; quotes and events read
them by token through :attr:`ParsedArticle.mention_at`. Offsets into the source are
``offset + token.idx``: :meth:`ParsedArticle.start` and :meth:`ParsedArticle.end`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from spacy.attrs import POS
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from dossier.parse.marks import quoted_tokens
from dossier.records import Mention


def mentions_by_token(doc: Doc, mentions: Iterable[Mention], offset: int = 0
                      ) -> dict[int, Mention]:
    """Token index → the mention covering it."""
    out: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = m
    return out


# per doc, its entities' bounds, labels and ids (no spans: a span holds its doc, which
# a weak key must not)
_ENTS: WeakKeyDictionary[Doc, tuple[tuple[int, int, int, int, int], ...]] = \
    WeakKeyDictionary()


def ents_in(span: Span) -> list[Span]:
    """``span.ents``, the entities inside the span, with the doc's entities read once
    per doc (spaCy's ``span.ents`` reads every token of the doc at each call)."""
    doc = span.doc
    ents = _ENTS.get(doc)
    if ents is None:
        ents = _ENTS[doc] = tuple((e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents)
    out = []
    for start, end, label, kb_id, span_id in ents:
        if start >= span.start:
            if end > span.end:
                break
            out.append(Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id))
    return out


@cache
def _keys(attr: int, values: frozenset[str]) -> frozenset[int]:
    """What ``doc.to_array(attr)`` holds for these strings: part-of-speech ids for
    ``POS``, string hashes for the others (``LOWER``, ``ORTH``, ``LEMMA``)."""
    return frozenset(IDS[v] for v in values if v in IDS) if attr == POS else frozenset(
        map(hash_string, values))


@cache
def _key_array(attr: int, values: frozenset[str]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """:func:`_keys` as an array, to match against a ``doc.to_array`` column."""
    return np.fromiter(_keys(attr, values), dtype=np.uint64)


@dataclass(eq=False)
class ParsedArticle:
    """One article's parse and what is known of it, shared by the stages."""

    doc: Doc
    source: str
    article_id: str
    offset: int = 0  # where the parsed text starts in the source's text
    published: date | None = None
    mentions: list[Mention] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """``doc.text`` (spaCy rebuilds it from the tokens at every call)."""
        return "".join([t.text_with_ws for t in self.tokens])

    @cached_property
    def quoted(self) -> list[bool]:
        """Which tokens stand inside quotation marks (reset at each paragraph)."""
        return quoted_tokens(self.doc, self.tokens)

    @cached_property
    def mention_at(self) -> dict[int, Mention]:
        """Token index → the actor stage's mention covering it (read once the actor
        stage has run)."""
        return mentions_by_token(self.doc, self.mentions, self.offset)

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        """``doc.ents``, read once (spaCy makes every entity's span again at each call)."""
        return tuple(self.doc.ents)

    @cached_property
    def tokens(self) -> list[Token]:
        """The doc's tokens, made once (``doc[i]`` and ``for t in doc`` make new ones
        at every call)."""
        return list(self.doc)

    @cached_property
    def _columns(self) -> dict[int, np.ndarray[Any, Any]]:
        return {}

    def where(self, attr: int, values: frozenset[str]) -> list[int]:
        """The indices, in order, of the tokens whose ``attr`` is one of ``values``
        (``where(LOWER, frozenset({"the"}))``, ``where(POS, frozenset({"VERB"}))``):
        the stages' scans for a word list read one column instead of every token."""
        column = self._columns.get(attr)
        if column is None:
            column = self._columns[attr] = self.doc.to_array(attr)
        found: list[int] = np.flatnonzero(np.isin(column, _key_array(attr, values))).tolist()
        return found

    def mentions_where(self, keep: Callable[[Mention], bool]) -> dict[int, Mention]:
        """:attr:`mention_at` for the mentions ``keep`` accepts."""
        return mentions_by_token(self.doc, (m for m in self.mentions if keep(m)),
                                 self.offset)

    def set_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.__dict__.pop("mention_at", None)

    @property
    def sentences(self) -> Iterable[Span]:
        return self.doc.sents

    def start(self, item: Token | Span) -> int:
        """The source offset where a token or span starts."""
        return self.offset + (item.idx if isinstance(item, Token) else item.start_char)

    def end(self, item: Token | Span) -> int:
        """The source offset where a token or span ends."""
        if isinstance(item, Token):
            return self.offset + item.idx + len(item.text)
        return self.offset + item.end_char

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each line (a paragraph, a headline, a dateline) of the parsed text
        starts."""
        return [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def paragraph_of(self, pos: int) -> int:
        """The line holding index ``pos`` of the parsed text: two positions with the
        same number stand in one paragraph."""
        return bisect_right(self.line_starts, pos) - 1
