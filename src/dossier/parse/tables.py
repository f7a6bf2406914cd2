"""spaCy's two rule components, the attribute ruler and the rule lemmatizer, with
the same output worked out once per distinct token.

**The attribute ruler.**
The default models' ``attribute_ruler`` (179 rules: the tag map's POS and
morphology for each fine-grained tag, and exceptions by word, tag and dependency)
runs a ``Matcher`` over every document and then, for every match (about one a
token), makes a ``Span`` and sets its token's attributes in Python: ~1.7 s of the
~9 s the pipeline takes over the 84 PolNeAR dev articles on this machine, more
than the tagger and the parser together (``benchmarks/stages.py``; docs/scale.md).

:class:`TableAttributeRuler` gives the same tokens the same attributes with the
same rules, matched per distinct token: a token's match depends only on its tag,
lower-case form, dependency label and whether it is a space, so which rules
match a token, and what they set, is worked out once per distinct combination
and kept. A rule's pattern of several tokens ("gon" "na") is checked where its
first token matches. Rules apply in the ruler's order, a later rule's value of an
attribute winning, as spaCy's own sorts its matches by rule.

The ruler's rules, serialisation and scoring stay spaCy's; only ``__call__``
changes. A rule this table cannot express (a quantifier, another attribute or
operator) makes the whole ruler fall back to spaCy's matcher. ``DOSSIER_SPACY_RULES=1``
keeps spaCy's classes (both components). ``tests/test_tables.py`` checks every
token attribute against spaCy's own ruler.

**The rule lemmatizer.** spaCy's ``Lemmatizer`` in "rule" mode checks each form its
suffix rules make against the model's index of known words, ``form in index``, and
the model keeps that index as lists (57,528 nouns): a scan for every candidate, ~1.1 s
of the same pipeline, 0.2 s with :class:`WordIndex`, a list whose membership test
is a set's. The lemmatizer and its rules stay spaCy's.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import Any

from spacy.attrs import IDS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule may test here: strings read from the string store,
# and one flag.
STRING_ATTRS = ("TAG", "LOWER", "DEP", "ORTH", "NORM", "POS", "LEMMA")
FLAG_ATTRS = ("IS_SPACE",)


class Unsupported(Exception):
    """A rule the table cannot express: spaCy's matcher applies the ruler."""


def _value_test(attr: str, value: Any) -> frozenset[Any] | Callable[[Any], bool]:
    """The values a token's ``attr`` may have (a set), or a test of the value."""
    if attr in FLAG_ATTRS:
        if not isinstance(value, bool):
            raise Unsupported(attr)
        return frozenset({value})
    if attr not in STRING_ATTRS:
        raise Unsupported(attr)
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            return frozenset(arg)
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda v: bool(pattern.search(v))
    raise Unsupported(f"{attr}: {value!r}")


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class _Table:
    """The ruler's rules compiled. A token pattern ("spec") is a bit; per attribute,
    the specs that test it, the values each accepts, and the other tests; per
    attribute value, the specs it fails (kept), so that a token's matching specs are
    the specs none of its values fails."""

    def __init__(self, ruler: AttributeRuler):
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        spec_ids: dict[str, int] = {}
        self.tested: dict[str, int] = {}  # attr -> the specs that test it
        self.accept: dict[str, dict[Any, int]] = {}  # attr -> value -> specs it passes
        self.other: dict[str, list[tuple[int, Callable[[Any], bool]]]] = {}
        self.spec_rules: dict[int, list[int]] = {}  # spec -> single-token rules
        # (rule, pattern as spec ids, index into the pattern)
        self.multi: list[tuple[int, tuple[int, ...], int]] = []
        for rule, index in enumerate(ruler.indices):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                ids = [self._spec(token, spec_ids) for token in pattern]
                if not -len(ids) <= index < len(ids):
                    raise Unsupported(f"index {index} of a pattern of {len(ids)}")
                if len(ids) == 1:
                    self.spec_rules.setdefault(ids[0], []).append(rule)
                else:
                    self.multi.append((rule, tuple(ids), index % len(ids)))
        self.every = (1 << len(spec_ids)) - 1
        self.names = sorted(self.tested)
        self.ids = [IDS[name] for name in self.names]
        self.firsts = 0
        for _, pattern_ids, _ in self.multi:
            self.firsts |= 1 << pattern_ids[0]
        self.fails: dict[str, dict[int, int]] = {name: {} for name in self.names}
        # per distinct token: (its specs, the single-token rules' values {attr: (rule, value)})
        self.known: dict[tuple[int, ...], tuple[int, dict[int, tuple[int, Any]]]] = {}

    def _spec(self, token: dict[str, Any], spec_ids: dict[str, int]) -> int:
        if not token:
            raise Unsupported("empty token pattern")
        key = repr(sorted(token.items()))
        if key in spec_ids:
            return spec_ids[key]
        spec = spec_ids[key] = len(spec_ids)
        bit = 1 << spec
        for attr, value in token.items():
            test = _value_test(attr, value)
            self.tested[attr] = self.tested.get(attr, 0) | bit
            if isinstance(test, frozenset):
                accept = self.accept.setdefault(attr, {})
                for v in test:
                    accept[v] = accept.get(v, 0) | bit
            else:
                self.other.setdefault(attr, []).append((spec, test))
        return spec

    def _fail(self, doc: Doc, name: str, raw: int) -> int:
        fails = self.fails[name]
        mask = fails.get(raw)
        if mask is None:
            value: Any = bool(raw) if name in FLAG_ATTRS else (
                doc.vocab.strings[raw] if raw else "")
            passed = self.accept.get(name, {}).get(value, 0)
            for spec, test in self.other.get(name, ()):
                if test(value):
                    passed |= 1 << spec
            mask = fails[raw] = self.tested[name] & ~passed
        return mask

    def lookup(self, doc: Doc, key: tuple[int, ...]) -> tuple[int, dict[int, tuple[int, Any]]]:
        found = self.known.get(key)
        if found is None:
            failed = 0
            for name, raw in zip(self.names, key, strict=True):
                failed |= self._fail(doc, name, raw)
            hits = self.every & ~failed
            merged: dict[int, tuple[int, Any]] = {}
            rules = sorted(r for spec in _bits(hits) for r in self.spec_rules.get(spec, ()))
            for rule in rules:
                for attr, value in self.attrs[rule].items():
                    merged[attr] = (rule, value)
            found = self.known[key] = (hits, merged)
        return found

    def apply(self, doc: Doc) -> None:
        rows = doc.to_array(self.ids).tolist() if len(doc) else []
        keys = [tuple(row) if len(self.ids) > 1 else (row,) for row in rows]
        found = [self.lookup(doc, key) for key in keys]
        extra: dict[int, dict[int, tuple[int, Any]]] = {}
        if self.multi:
            for start, (hits, _) in enumerate(found):
                if not hits & self.firsts:
                    continue
                for rule, ids, index in self.multi:
                    if start + len(ids) <= len(found) and all(
                            found[start + k][0] >> spec & 1 for k, spec in enumerate(ids)):
                        into = extra.setdefault(start + index, {})
                        for attr, value in self.attrs[rule].items():
                            if attr not in into or into[attr][0] <= rule:
                                into[attr] = (rule, value)
        for i, (_, merged) in enumerate(found):
            more = extra.get(i)
            if more:
                both = dict(merged)
                for attr, (rule, value) in more.items():
                    if attr not in both or both[attr][0] <= rule:
                        both[attr] = (rule, value)
                merged = both
            if merged:
                set_token_attrs(doc[i], {attr: value for attr, (_, value) in merged.items()})


# each ruler's table, kept outside the ruler so that it pickles as spaCy's does
_TABLES: weakref.WeakKeyDictionary[AttributeRuler, _Table] = weakref.WeakKeyDictionary()


class TableAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` whose rules apply through a table."""

    def __call__(self, doc: Doc) -> Doc:
        table = _TABLES.get(self)
        if table is None or len(table.attrs) != len(self.attrs):  # new or added rules
            try:
                table = _TABLES[self] = _Table(self)
            except Unsupported:
                self.__class__ = AttributeRuler  # type: ignore[assignment]
                return AttributeRuler.__call__(self, doc)
        try:
            table.apply(doc)
        except Exception as exc:
            return self.get_error_handler()(self.name, self, [doc], exc)
        return doc


class WordIndex(list[str]):
    """A lemma index's words (a list, as spaCy's lookups keep it) whose membership
    test is a set's: the rule lemmatizer asks ``form in index`` of every candidate
    form, which on a list of 57,528 nouns is a scan."""

    def __init__(self, words: list[str]):
        super().__init__(words)
        self.words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self.words


def fast_index(lemmatizer: EnglishLemmatizer) -> None:
    """Give the lemmatizer's index tables a set's membership test (same words)."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, WordIndex):
            table[key] = WordIndex(words)


def table_components(nlp: Language) -> Language:
    """Make the pipeline's attribute rulers apply their rules through a table and
    its English lemmatizers test their index as a set (the same output)."""
    for _name, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            proc.__class__ = TableAttributeRuler
        elif type(proc) is EnglishLemmatizer:
            fast_index(proc)
    return nlp
