"""Patterns and the dictionary: which word carries an event, and its CAMEO code.

Verb and noun patterns come from ``data/event_patterns.toml`` (written for Dossier);
verbs no pattern knows get PETRARCH2's code, from its verb dictionary
(``data/event_verbs.tsv``) and its verb+object patterns
(``data/event_verb_objects.tsv``: "restore ties" 050, "call for" 020).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from dossier.data import data_path, load_toml
from dossier.events.book import BOOK
from dossier.events.codes import cameo


@dataclass(frozen=True)
class VerbPattern:
    lemmas: frozenset[str]
    code: str
    targets: tuple[str, ...]  # "dobj", "dative", "poss", "prep:<p>"
    particle: str | None
    objects: frozenset[str]
    intransitive: bool = False


@dataclass(frozen=True)
class NounPattern:
    nouns: frozenset[str]
    code: str
    preps: frozenset[str]
    modifiers: frozenset[str]


@dataclass(frozen=True)
class Patterns:
    verbs: dict[str, tuple[VerbPattern, ...]]  # lemma -> its patterns, in file order
    nouns: dict[str, tuple[NounPattern, ...]]
    negating: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    intent: frozenset[str]
    threatening: frozenset[str]
    reciprocal: frozenset[str]
    reciprocal_objects: frozenset[str]
    reporting: frozenset[str]
    unasserting: frozenset[str]
    agents: dict[str, str]
    intent_codes: dict[str, str]  # code or root of the intended action -> 03x
    appeal_codes: dict[str, str]  # code or root of what is appealed for -> 02x
    demand_codes: dict[str, str]  # code or root of what is demanded -> 10x
    threat_codes: dict[str, str]  # code or root of the threatened action -> 13x
    protest_aims: dict[str, str]  # protest verb or noun -> 14x, for "… to demand X"


def _targets(spec: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in spec.split("|"):
        if part.startswith("prep:"):
            out.append(part)
        elif out and out[-1].startswith("prep:") and part not in ("dobj", "dative", "poss"):
            out.append("prep:" + part)
        else:
            out.append(part)
    return tuple(out)


@cache
def patterns() -> Patterns:
    d = load_toml("event_patterns.toml")
    verbs: dict[str, list[VerbPattern]] = {}
    for v in d["verb"]:
        vp = VerbPattern(frozenset(v["lemmas"]), v["code"], _targets(v["target"]),
                         v.get("particle"), frozenset(v.get("object", [])),
                         bool(v.get("intransitive", False)))
        for lemma in vp.lemmas:
            verbs.setdefault(lemma, []).append(vp)
    nouns: dict[str, list[NounPattern]] = {}
    for n in d["noun"]:
        np_ = NounPattern(frozenset(n["nouns"]), n["code"], frozenset(n["preps"]),
                          frozenset(n.get("modifiers", [])))
        for noun in np_.nouns:
            nouns.setdefault(noun, []).append(np_)
    agents = _phoenix_agents()
    agents.update(d["agents"])
    return Patterns({k: tuple(v) for k, v in verbs.items()},
                    {k: tuple(v) for k, v in nouns.items()}, frozenset(d["negating"]),
                    frozenset(d["hypothetical"]), frozenset(d["future"]),
                    frozenset(d["intent"]), frozenset(d["threatening"]),
                    frozenset(d["reciprocal"]), frozenset(d["reciprocal_objects"]),
                    frozenset(d["reporting"]),
                    frozenset(d["unasserting"]), agents, dict(d["intent_codes"]),
                    dict(d["appeal_codes"]), dict(d["demand_codes"]),
                    dict(d["threat_codes"]), dict(d["protest_aims"]))


def _tsv_rows(name: str, header: str) -> list[list[str]]:
    """The rows of a tab-separated data file, without comments, header and blanks."""
    text = data_path(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if not (line.startswith("#") or line.startswith(header + "\t") or not line.strip())]


def _phoenix_agents() -> dict[str, str]:
    """Agent phrase ("police", "foreign minister") -> CAMEO sector, from
    ``data/gazetteer/agents.tsv`` (built by scripts/build_event_agents.py)."""
    return {row[0]: row[1] for row in _tsv_rows("gazetteer/agents.tsv", "phrase")}


@cache
def petrarch_verbs() -> dict[str, str]:
    """Verb lemma → default CAMEO code, learned from PETRARCH2's verb dictionary
    (``data/event_verbs.tsv``, built by scripts/build_event_verbs.py)."""
    codes = cameo()
    return {row[0]: row[1] for row in _tsv_rows("event_verbs.tsv", "lemma")
            if row[1] in codes}


@cache
def verb_objects() -> dict[str, dict[str, str]]:
    """Verb lemma -> {what follows it: CAMEO code}, from PETRARCH2's verb patterns
    (``data/event_verb_objects.tsv``: "restore ties" 050, "call for" 020, "look into
    charges" 090; keys ``obj:<word>``, ``prep:<p>``, ``prep:<p>:<word>``)."""
    out: dict[str, dict[str, str]] = {}
    codes = cameo()
    for lemma, key, code, *_ in _tsv_rows("event_verb_objects.tsv", "lemma"):
        if code in codes:
            out.setdefault(lemma, {})[key] = code
    return out


# Shortest stem a plain de-inflection may leave ("used" is never "us"): set by hand.
MIN_STEM = 3
# Suffixes taken off, and what replaces them, in the order tried.
_INFLECTIONS = (("ied", "y"), ("ed", ""), ("d", ""), ("ies", "y"), ("es", ""), ("s", ""),
                ("ing", ""), ("ing", "e"))


@BOOK.rule("patterns")
def known_lemma(lemma: str, tok: Token) -> str:
    """The lemma, or when the dictionary lacks it a plain de-inflection of the word
    that it knows: "Chile and Peru staged rallies" (the tagger's lemma of "staged" is
    "stag")."""
    known = petrarch_verbs()
    if lemma in known or lemma in verb_objects():
        return lemma
    low = tok.lower_
    for suffix, add in _INFLECTIONS:
        if low.endswith(suffix) and len(low) - len(suffix) >= MIN_STEM:
            cand = low[: -len(suffix)] + add
            if cand in known or cand in verb_objects():
                return cand
    return lemma


def dictionary_code(tok: Token, lemma: str) -> tuple[str | None, bool]:
    """The code PETRARCH2's dictionary gives a verb, and whether a pattern on what
    follows it (its object or particle, else a prepositional phrase: "lifted a state
    of emergency") gave it rather than the verb's default."""
    lemma = known_lemma(lemma, tok)
    keyed = verb_objects().get(lemma)
    if keyed:
        objs: list[str] = []
        preps: list[str] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "prt", "attr", "oprd", "acomp"):
                objs += [f"obj:{c.lower_}", f"obj:{c.lemma_.lower()}"]
            elif c.dep_ in ("prep", "agent"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        objs += [f"prep:{c.lower_}:{o.lower_}",
                                 f"prep:{c.lower_}:{o.lemma_.lower()}"]
                preps.append(f"prep:{c.lower_}")
        for key in (*objs, *preps):
            if key in keyed:
                return keyed[key], True
    return petrarch_verbs().get(lemma), False


def verb_matches(tok: Token, vp: VerbPattern) -> bool:
    """Whether a verb has the particle and the object its pattern asks for."""
    if vp.particle and not any(c.dep_ in ("prt", "prep") and c.lower_ == vp.particle
                               for c in tok.children):
        return False
    if vp.objects and not any(c.dep_ == "dobj" and c.lemma_.lower() in vp.objects
                              for c in tok.children) and not (vp.particle and any(
            o.dep_ == "pobj" and o.lemma_.lower() in vp.objects for c in tok.children
            if c.dep_ == "prep" and c.lower_ == vp.particle for o in c.children)):
        return False
    return True


@BOOK.rule("patterns", off=None)
def verb_pattern(tok: Token, lemma: str, p: Patterns) -> VerbPattern | None:
    """The first verb pattern of ``event_patterns.toml`` the verb matches: "Beijing
    supplies Moscow" 070, "cracked down on demonstrators" 175, "imposed sanctions on
    Moscow" 163."""
    return next((vp for vp in p.verbs.get(lemma, ()) if verb_matches(tok, vp)), None)


@BOOK.rule("patterns")
def dictionary_object_pattern(code: str, tok: Token, lemma: str) -> str:
    """A pattern on the lemma alone yields to PETRARCH2's pattern on the verb and its
    object: "withdrew its inspectors" 166, not 087; "Police in Kenya arrested Ugandan
    journalists" 175, not 173."""
    specific_code, specific = dictionary_code(tok, lemma)
    return specific_code if specific and specific_code is not None else code


@BOOK.rule("patterns", off=(None, False))
def dictionary_verb(tok: Token, lemma: str) -> tuple[str | None, bool]:
    """A verb no pattern codes takes PETRARCH2's code (and whether a verb+object
    pattern gave it): "Syria fired rockets at Israel" 194, "Norway restored diplomatic
    ties with Iran" 050."""
    return dictionary_code(tok, lemma)


@BOOK.rule("patterns", off=None)
def noun_pattern(tok: Token, lemma: str, p: Patterns) -> NounPattern | None:
    """A nominal event: "Putin is on a state visit to Beijing" 042, "The US has
    sanctions against Beijing" 163 (a pattern with ``modifiers`` needs one of them:
    "state visit")."""
    return next((np_ for np_ in p.nouns.get(lemma, ()) if not np_.modifiers
                 or any(c.lower_ in np_.modifiers for c in tok.children)), None)


@BOOK.rule("patterns", off=False)
def coded_once(tok: Token, coded: set[int]) -> bool:
    """A verb and its object are coded once: "Chile and Peru staged rallies against
    Bolivia" (the verb with its object coded it; not also "rallies")."""
    return tok.dep_ == "dobj" and tok.head.i in coded


ORDERING = frozenset(load_toml("event_patterns.toml")["coverage"]["ordering"])


@BOOK.rule("patterns", off=False)
def ordered_action(noun: Token, p: Patterns) -> bool:
    """Whether a nominal event is what a verb of ordering (``ordering``) has ordered:
    then the ordered action is the event, coded by its noun, with the one who ordered it
    as source — "The Kenyan government has ordered an investigation against Odinga"
    090 (ACCUSE), not a demand 100 with the investigation left out as only asked for."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in ORDERING and (
        noun.lemma_.lower() in p.nouns)
