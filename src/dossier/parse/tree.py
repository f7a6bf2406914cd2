"""Walks down the dependency parse, made once per token.

``token.children`` makes a generator and a new :class:`~spacy.tokens.Token` for every
child at each call, and the stages ask for the same token's children again and again
(the events stage reads a verb's subjects, objects and prepositional phrases in a
dozen rules: ~300k child tokens made for 80 articles). :func:`children` gives the same
tokens, in the same order, made once per token of the document last asked about.
The actors, quotes and events stages walk with it, each from the children the stages
before made for the article (:func:`walk`), and each calls :func:`forget` at its end
(``Linker.link``, ``extract_quotes``, ``extract_events``), so that no parse outlives its
article here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary, ref

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

# The document last asked about and its tokens' children by index. One document at a
# time is walked, so one slot suffices; it holds the document, so no other can take
# its place in memory while it is here. Replaced whole (one assignment), so threads
# that walk two documents at once only make a child list twice.
_EMPTY: tuple[Doc | None, dict[int, tuple[Token, ...]]] = (None, {})
_LAST = _EMPTY


def children(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.children)``: the token's syntactic children, left to right."""
    global _LAST
    doc, kids = _LAST
    if tok.doc is not doc:
        kids = {}  # (never _EMPTY's, which stays empty)
        _LAST = (tok.doc, kids)
    found = kids.get(tok.i)
    if found is None:
        found = kids[tok.i] = tuple(tok.children)
    return found


# the document last asked about and its tokens' children with their dependency labels
# (:func:`labelled`): made again by each stage, dropped by :func:`forget`
_LABELLED: tuple[Doc | None, dict[int, tuple[tuple[str, Token], ...]]] = (None, {})


def labelled(tok: Token) -> tuple[tuple[str, Token], ...]:
    """``tuple((c.dep_, c) for c in children(tok))``: each child with its dependency
    label, the label's string read once per token (``Token.dep_`` looks it up in the
    string store and decodes it at every call: the events stage read ~5,000 labels an
    article, ~8 % of its instructions)."""
    global _LABELLED
    doc, found = _LABELLED
    if tok.doc is not doc:
        found = {}
        _LABELLED = (tok.doc, found)
    pairs = found.get(tok.i)
    if pairs is None:
        pairs = found[tok.i] = tuple([(c.dep_, c) for c in children(tok)])
    return pairs


def walk(doc: Doc, kids: dict[int, tuple[Token, ...]]) -> None:
    """Walk ``doc`` with ``kids``, the children already made for its tokens (an
    article's, :attr:`~dossier.parse.ParsedArticle.kids`, kept from one stage to the
    next: each stage made them again); :func:`children` adds to it."""
    global _LAST
    _LAST = (doc, kids)


def forget() -> None:
    """Let go of the document last walked (its children hold it)."""
    global _LAST, _LABELLED
    _LAST = _EMPTY
    _LABELLED = (None, {})


def positions(doc: Doc, text: str) -> list[int]:
    """The indices of the tokens whose text is ``text``, read off the token array: a
    walk over ``doc`` makes a Python :class:`~spacy.tokens.Token` of every position
    (the actor stage's largest waste until session 20)."""
    orth = doc.vocab.strings.add(text)
    found: list[int] = numpy.flatnonzero(column(doc, ORTH) == orth).tolist()
    return found


# per document, the token arrays :func:`column` read (a weak key: they go with it)
_COLUMNS: WeakKeyDictionary[Doc, dict[int, numpy.ndarray[Any, Any]]] = WeakKeyDictionary()
# the document last asked about and its arrays, the one a stage reads
_COLUMNS_LAST: tuple[Callable[[], Doc | None], dict[int, numpy.ndarray[Any, Any]]] = (
    lambda: None, {})


def column(doc: Doc, attr: int) -> numpy.ndarray[Any, Any]:
    """``doc.to_array(attr)``, read once per document (read-only): the actor stage's
    phrase matchers, capitals and :func:`positions` read the same columns (in session 23
    ~3 % of its instructions went to ``to_array``)."""
    global _COLUMNS_LAST
    last, columns = _COLUMNS_LAST
    if last() is not doc:
        columns = _COLUMNS.setdefault(doc, {})
        _COLUMNS_LAST = (ref(doc), columns)
    found = columns.get(attr)
    if found is None:
        found = columns[attr] = doc.to_array(attr)
        found.setflags(write=False)
    return found


# per document, the places of the sets of token texts :func:`first_between` was asked
# about (a weak key: a document's places go with it)
_PLACES: WeakKeyDictionary[Doc, dict[frozenset[str], list[int]]] = WeakKeyDictionary()
# the document last asked about and its places, the one a stage walks
_PLACES_LAST: tuple[Callable[[], Doc | None], dict[frozenset[str], list[int]]] = (
    lambda: None, {})


def first_between(doc: Doc, texts: frozenset[str], start: int, end: int) -> int | None:
    """``next((t.i for t in doc[start:end] if t.text in texts), None)`` (``start`` >= 0):
    the places of ``texts`` read off the token array once per document and set, where
    the slice made a Python :class:`~spacy.tokens.Token` of each position at every
    call (the events stage's dateline check asks it of most nouns and names)."""
    global _PLACES_LAST
    last, places = _PLACES_LAST
    if last() is not doc:  # (a weak reference: no document outlives its article here)
        places = _PLACES.setdefault(doc, {})
        _PLACES_LAST = (ref(doc), places)
    found = places.get(texts)
    if found is None:
        found = places[texts] = sorted(i for text in texts for i in positions(doc, text))
    k = bisect_left(found, start)
    return found[k] if k < len(found) and found[k] < end else None
