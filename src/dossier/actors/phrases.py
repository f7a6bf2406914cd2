"""Phrase matchers whose patterns join them when a document needs them.

The gazetteer has ~5,300 names and aliases. Tokenizing them all at start-up costs
~0.4 s (the tokenizer, and a new lexeme for each word spaCy has not met), and a run
meets few of them. So their tokenizations are compiled once into the user's cache
(:mod:`dossier.cache`, keyed by the package version, spaCy's version, the model and
the phrases themselves), grouped by their first token; a document adds to spaCy's
PhraseMatcher only the groups whose first token it holds and that are not in yet
(its token ids looked up, in numpy, in a table of the low bits of the waiting
groups' ids; the few hits then in the groups). A pattern can match only where its
first token is, so every document gets the matches the full matcher would give.
A pattern is kept as its tokens' ``attr`` ids (what ``PhraseMatcher.add`` reads of a
pattern ``Doc``, and takes as such): no ``Doc`` is made of each group a document
takes in (~35 µs each, ~7 % of the actor stage's time on articles a worker had not
met names of).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dossier.cache import compiled
from dossier.parse.tree import column

# The cached groups' format: a change to what _tokenize keeps needs a new number.
FORMAT = "2"  # 2: the tokens' ids, not their words

ATTRS = {"ORTH": ORTH, "LOWER": LOWER}

Groups = dict[int, list[tuple[int, ...]]]  # first id: each pattern's ids

_LOW = numpy.uint64(0xFFFF)


class LazyPhrases:
    """A PhraseMatcher of ``phrases`` under ``key``, matching on ``attr`` ("ORTH" or
    "LOWER"), filled as documents need it. Call it like a PhraseMatcher."""

    def __init__(self, nlp: Language, key: str, phrases: Iterable[str], attr: str) -> None:
        self.vocab = nlp.vocab
        self.key = key
        self.attr = ATTRS[attr]
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        texts = list(dict.fromkeys(phrases))
        meta = nlp.meta
        self.waiting: Groups = compiled(
            f"phrases-{key.lower()}",
            [FORMAT, attr, spacy.__version__, str(meta.get("name")), str(meta.get("version")),
             "\x1f".join(texts)],
            lambda: _tokenize(nlp, texts, self.attr))
        # how many waiting groups' first-token ids have each value of the low 16 bits,
        # and whether any has (the table a document's ids are looked up in)
        self.counts = numpy.zeros(1 << 16, dtype=numpy.int64)
        numpy.add.at(self.counts, _lows(self.waiting), 1)
        self.opens = self.counts > 0

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self.waiting:
            ids = numpy.asarray(column(doc, self.attr), dtype=numpy.uint64)  # (no copy)
            maybe = ids[self.opens[ids & _LOW]]  # a waiting group's low bits: few false hits
            if maybe.size and (firsts := self.waiting.keys() & set(maybe.tolist())):
                # (a list of ids is a pattern to PhraseMatcher.add, as a Doc's ids are)
                patterns: Any = [list(pattern) for first in firsts
                                 for pattern in self.waiting.pop(first)]
                self.matcher.add(self.key, patterns)
                # the groups taken leave the table (not all of it made again)
                lows = _lows(firsts)
                numpy.subtract.at(self.counts, lows, 1)
                self.opens[lows] = self.counts[lows] > 0
        return self.matcher(doc)  # type: ignore[no-any-return]


def _lows(ids: Iterable[int]) -> Any:
    """The low 16 bits of token ids, as an array of indices."""
    return (numpy.fromiter(ids, dtype=numpy.uint64) & _LOW).astype(numpy.intp)


def _tokenize(nlp: Language, texts: list[str], attr: int) -> Groups:
    """Each text's tokens' ``attr`` ids (the lexeme's ``orth`` or ``lower``, as
    ``PhraseMatcher`` reads a pattern), the texts grouped by their first token's."""
    tokenizer: Any = nlp.tokenizer
    groups: Groups = {}
    for doc in tokenizer.pipe(texts):
        if len(doc):
            ids = tuple(doc.to_array(attr).tolist())
            group = groups.setdefault(ids[0], [])
            if ids not in group:
                group.append(ids)
    return groups
