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
from spacy.attrs import IDX, LENGTH, POS
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from dossier.parse.marks import quoted_tokens
from dossier.parse.sentences import install as look_up_sentences
from dossier.parse.texts import remember as remember_text
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
def _named(attr: int, values: frozenset[str]) -> dict[int, str]:
    """Each value's key in ``doc.to_array(attr)`` (:func:`_keys`), and the value."""
    return {k: v for v in values for k in _keys(attr, frozenset((v,)))}


# the most answers a ``where_text`` memo keeps (~100 bytes each)
MEMO_MAX = 200_000


def _marked(hit: list[int], distinct: list[int], which: np.ndarray[Any, Any]) -> list[int]:
    """The indices, in order, of the tokens whose value is one of ``distinct[j]`` for
    ``j`` in ``hit`` (``which``: each token's index into ``distinct``)."""
    if not hit:
        return []
    chosen = np.zeros(len(distinct), dtype=bool)
    chosen[hit] = True
    found: list[int] = np.flatnonzero(chosen[which]).tolist()
    return found


@dataclass(eq=False)
class ParsedArticle:
    """One article's parse and what is known of it, shared by the stages."""

    doc: Doc
    source: str
    article_id: str
    offset: int = 0  # where the parsed text starts in the source's text
    published: date | None = None
    mentions: list[Mention] = field(default_factory=list)
    # the text the doc was parsed from, where the parser's caller has it (spaCy's
    # tokens keep every character: it is ``doc.text``)
    parsed_text: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        look_up_sentences(self.doc)  # token.sent, span.sent: the stages ask ~100 times
        if self.parsed_text is not None:  # (parse.texts: span texts cut from it)
            remember_text(self.doc, self.parsed_text)

    @cached_property
    def text(self) -> str:
        """``doc.text``: the text parsed, else built once from the tokens (spaCy
        rebuilds it from every token at each call)."""
        if self.parsed_text is not None:
            return self.parsed_text
        return "".join([t.text_with_ws for t in self.tokens])

    @cached_property
    def quoted(self) -> list[bool]:
        """Which tokens stand inside quotation marks (reset at each paragraph)."""
        return quoted_tokens(self.doc, self.tokens)

    @cached_property
    def mention_at(self) -> dict[int, Mention]:
        """Token index → the actor stage's mention covering it (read once the actor
        stage has run)."""
        return self._by_token(self.mentions)

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
    def kids(self) -> dict[int, tuple[Token, ...]]:
        """Each token's children as the parse walks made them (``parse.tree``), by
        index: the three stages share them."""
        return {}

    @cached_property
    def _columns(self) -> dict[int, tuple[list[int], np.ndarray[Any, Any]]]:
        return {}

    def where(self, attr: int, values: frozenset[str]) -> list[int]:
        """The indices, in order, of the tokens whose ``attr`` is one of ``values``
        (``where(LOWER, frozenset({"the"}))``, ``where(POS, frozenset({"VERB"}))``):
        the stages' scans for a word list read one column instead of every token.

        The column is read once per attribute as its distinct values and, for each
        token, which of them it holds; a call tests only the distinct values (a few
        hundred in an article) against the list, or a shorter list's values against
        them, then marks their tokens (numpy's ``isin`` over the whole column cost ~10×
        as much a call)."""
        distinct, which = self._column(attr)
        return _marked(self._found(attr, _keys(attr, values)), distinct, which)

    def where_each(self, attr: int, values: frozenset[str]) -> dict[int, str]:
        """:meth:`where` with each token's value: index → value (``LOWER``'s word,
        ``POS``'s tag), the tokens in order."""
        distinct, which = self._column(attr)
        names = _named(attr, values)
        found = {j: names[distinct[j]] for j in self._found(attr, _keys(attr, values))}
        at = _marked(list(found), distinct, which)
        return dict(zip(at, [found[j] for j in which[at].tolist()], strict=True)) if at else {}

    def where_text(self, attr: int, keep: Callable[[str], bool],
                   memo: dict[int, bool] | None = None) -> list[int]:
        """The indices, in order, of the tokens whose ``attr`` (a string attribute:
        ``LEMMA``, ``LOWER``, ``ORTH``) ``keep`` accepts, asked once per distinct value
        in the article: ``where_text(LEMMA, lambda s: s.lower() in cues)``.

        ``memo``: ``keep``'s answers by the value's id, kept by the caller across
        articles (for a ``keep`` that answers the same of a string all the process
        long): a value met before is neither read from the string store nor asked
        again (most of an article's words and lemmas have been met)."""
        distinct, which = self._column(attr)
        if memo is not None:
            if len(memo) > MEMO_MAX:  # (a long run meets ever new names and numbers)
                memo.clear()
            strings = self.doc.vocab.strings
            hit: list[int] = []
            for j, v in enumerate(distinct):
                kept = memo.get(v)
                if kept is None:
                    kept = memo[v] = keep(strings[v])
                if kept:
                    hit.append(j)
            return _marked(hit, distinct, which)
        texts = self._texts.get(attr)
        if texts is None:  # (the stages ask about the same column: read its strings once)
            strings = self.doc.vocab.strings
            texts = self._texts[attr] = [strings[v] for v in distinct]
        return _marked([j for j, s in enumerate(texts) if keep(s)], distinct, which)

    @cached_property
    def _texts(self) -> dict[int, list[str]]:
        return {}

    def _found(self, attr: int, keys: frozenset[int]) -> list[int]:
        """The indices into the column's distinct values of those among ``keys``, in
        no order: the shorter of the two is walked (an article holds a few hundred
        distinct values; a list asked about, a few words or thousands)."""
        distinct, _ = self._column(attr)
        if len(keys) >= len(distinct):
            return [j for j, v in enumerate(distinct) if v in keys]
        index = self._index.get(attr)
        if index is None:
            index = self._index[attr] = {v: j for j, v in enumerate(distinct)}
        return [j for k in keys if (j := index.get(k)) is not None]

    @cached_property
    def _index(self) -> dict[int, dict[int, int]]:
        return {}

    def _column(self, attr: int) -> tuple[list[int], np.ndarray[Any, Any]]:
        """The column's distinct values, and for each token the index of its own."""
        column = self._columns.get(attr)
        if column is None:
            distinct, which = np.unique(self.doc.to_array(attr), return_inverse=True)
            column = self._columns[attr] = (distinct.tolist(), which)
        return column

    def mentions_where(self, keep: Callable[[Mention], bool]) -> dict[int, Mention]:
        """:attr:`mention_at` for the mentions ``keep`` accepts."""
        return self._by_token(m for m in self.mentions if keep(m))

    def _by_token(self, mentions: Iterable[Mention]) -> dict[int, Mention]:
        """:func:`mentions_by_token` by the tokens' bounds, read once: the same tokens
        as its ``char_span`` (``expand``) finds, without a span and its tokens made
        for every mention at every call (tests/test_analysis.py)."""
        starts, lengths = self._bounds
        size = len(self.text)
        out: dict[int, Mention] = {}
        for m in mentions:
            start, end = m.start - self.offset, m.end - self.offset
            if 0 <= start < size and 0 < end <= size:
                first, last = bisect_right(starts, start) - 1, bisect_right(starts, end - 1)
                if start == starts[first] + lengths[first]:  # on the space after a token
                    first += 1
                for i in range(first, last):
                    out[i] = m
        return out

    @cached_property
    def _bounds(self) -> tuple[list[int], list[int]]:
        """Each token's first character and its length (whitespace after it not
        counted)."""
        bounds = self.doc.to_array([IDX, LENGTH]).reshape(-1, 2)
        return bounds[:, 0].tolist(), bounds[:, 1].tolist()

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
