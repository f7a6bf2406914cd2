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

Spec = Callable[[dict[str, Any]], bool]


class Unsupported(Exception):
    """A rule the table cannot express: spaCy's matcher applies the ruler."""


def _value_test(attr: str, value: Any) -> Callable[[Any], bool]:
    if attr in FLAG_ATTRS:
        if not isinstance(value, bool):
            raise Unsupported(attr)
        return lambda v: bool(v) == value
    if attr not in STRING_ATTRS:
        raise Unsupported(attr)
    if isinstance(value, str):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda v: bool(pattern.search(v))
    raise Unsupported(f"{attr}: {value!r}")


def _spec(token: dict[str, Any]) -> tuple[tuple[str, Callable[[Any], bool]], ...]:
    if not token:
        raise Unsupported("empty token pattern")
    return tuple((attr, _value_test(attr, value)) for attr, value in token.items())


class _Table:
    """The ruler's rules compiled: token specs, and per rule its patterns."""

    def __init__(self, ruler: AttributeRuler):
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        specs: list[tuple[tuple[str, Callable[[Any], bool]], ...]] = []
        spec_ids: dict[str, int] = {}
        # (rule, pattern as spec ids, index into the pattern)
        self.single: list[tuple[int, int]] = []
        self.multi: list[tuple[int, tuple[int, ...], int]] = []
        used: set[str] = set()
        for rule, index in enumerate(ruler.indices):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                ids = []
                for token in pattern:
                    key = repr(sorted(token.items()))
                    if key not in spec_ids:
                        spec_ids[key] = len(specs)
                        specs.append(_spec(token))
                        used.update(token)
                    ids.append(spec_ids[key])
                if not -len(ids) <= index < len(ids):
                    raise Unsupported(f"index {index} of a pattern of {len(ids)}")
                if len(ids) == 1:
                    self.single.append((rule, ids[0]))
                else:
                    self.multi.append((rule, tuple(ids), index % len(ids)))
        self.specs = specs
        self.names = sorted(used)
        self.ids = [IDS[name] for name in self.names]
        self.firsts = {ids[0] for _, ids, _ in self.multi}
        # per distinct token: (the specs it matches, the single-token rules' merged
        # values {attr: (rule, value)})
        self.known: dict[tuple[int, ...], tuple[frozenset[int], dict[int, tuple[int, Any]]]] = {}

    def lookup(self, doc: Doc, key: tuple[int, ...]
               ) -> tuple[frozenset[int], dict[int, tuple[int, Any]]]:
        found = self.known.get(key)
        if found is None:
            strings = doc.vocab.strings
            values = {name: (bool(v) if name in FLAG_ATTRS else strings[v] if v else "")
                      for name, v in zip(self.names, key, strict=True)}
            hits = frozenset(i for i, spec in enumerate(self.specs)
                             if all(test(values[attr]) for attr, test in spec))
            merged: dict[int, tuple[int, Any]] = {}
            for rule, spec in self.single:
                if spec in hits:
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
                    end = start + len(ids)
                    if end <= len(found) and all(
                            spec in found[start + k][0] for k, spec in enumerate(ids)):
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
