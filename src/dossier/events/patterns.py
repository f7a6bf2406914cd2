"""Patterns and the dictionary: which word carries an event, and its CAMEO code.

Verb and noun patterns come from ``data/event_patterns.toml`` (written for Dossier);
verbs no pattern knows get PETRARCH2's code, from its verb dictionary
(``data/event_verbs.tsv``: verbs in synonym blocks), its blocks' patterns on what
follows the verb (``data/event_verb_objects.tsv``: "restore ties" 050, "call for" 020),
its synonym sets (``data/event_verb_sets.tsv``: "declared a truce" by &CEASEFIRE) and
the verb forms it lists (``data/event_verb_forms.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Token

from dossier.data import data_path, load_toml
from dossier.events.book import BOOK
from dossier.events.codes import cameo
from dossier.parse.tree import children, labelled


@dataclass(frozen=True)
class VerbPattern:
    lemmas: frozenset[str]
    code: str
    targets: tuple[str, ...]  # "dobj", "dative", "poss", "prep:<p>"
    particle: str | None
    objects: frozenset[str]
    intransitive: bool = False
    received: bool = False  # the subject is the target, ``targets`` name the source
    sourced: bool = False  # no event without a source ("was convicted of fraud")


@dataclass(frozen=True)
class NounPattern:
    nouns: frozenset[str]
    code: str
    preps: frozenset[str]
    modifiers: frozenset[str]
    verbs: frozenset[str] = frozenset()  # an event only as the object of one of these


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
    # whether a lemma's id (lower-cased) is a key of ``verbs`` or ``nouns``, as
    # ``extract._candidates`` met them (a memo of ``ParsedArticle.where_text``)
    known_lemma_ids: dict[int, bool] = field(default_factory=dict, compare=False,
                                             repr=False)


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
                         bool(v.get("intransitive", False)), bool(v.get("received", False)),
                         bool(v.get("sourced", False)))
        for lemma in vp.lemmas:
            verbs.setdefault(lemma, []).append(vp)
    nouns: dict[str, list[NounPattern]] = {}
    for n in d["noun"]:
        np_ = NounPattern(frozenset(n["nouns"]), n["code"], frozenset(n["preps"]),
                          frozenset(n.get("modifiers", [])), frozenset(n.get("verbs", [])))
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


@dataclass(frozen=True)
class Dictionary:
    """PETRARCH2's verb dictionary (scripts/build_event_verbs.py), indexed by lemma:
    the verbs' default codes, their synonym blocks, each block's patterns on what
    follows the verb (by the first part of their key), the synonym sets' words."""
    verbs: dict[str, str]  # lemma -> default code
    blocks: dict[str, tuple[str, ...]]  # lemma -> its synonym blocks
    keyed: dict[str, dict[str, tuple[tuple[frozenset[str], str, frozenset[str]], ...]]]
    sets: dict[str, tuple[str, ...]]  # word -> the synonym sets holding it ("&treaty")
    forms: dict[str, str]  # a form listed with a verb -> its lemma ("kidnapped")


@cache
def dictionary() -> Dictionary:
    """The tables of ``data/event_verbs.tsv``, ``event_verb_objects.tsv``,
    ``event_verb_sets.tsv`` and ``event_verb_forms.tsv``, compiled once."""
    codes = cameo()
    verbs: dict[str, str] = {}
    blocks: dict[str, list[str]] = {}
    for lemma, code, block in _tsv_rows("event_verbs.tsv", "lemma"):
        if code in codes:
            verbs.setdefault(lemma, code)
        blocks.setdefault(lemma, []).append(block)
    keyed: dict[str, dict[str, list[tuple[frozenset[str], str, frozenset[str]]]]] = {}
    for block, key, code, named in _tsv_rows("event_verb_objects.tsv", "block"):
        if code in codes:
            first, *rest = key.split(" ")
            keyed.setdefault(block, {}).setdefault(first, []).append(
                (frozenset(rest), code, frozenset(named.split(","))))
    sets: dict[str, list[str]] = {}
    for name, word in _tsv_rows("event_verb_sets.tsv", "set"):
        sets.setdefault(word, []).append(name)
    forms = {f: lemma for f, lemma in _tsv_rows("event_verb_forms.tsv", "form")}
    return Dictionary(verbs, {k: tuple(v) for k, v in blocks.items()},
                      {b: {k: tuple(v) for k, v in d.items()} for b, d in keyed.items()},
                      {k: tuple(v) for k, v in sets.items()}, forms)


def petrarch_verbs() -> dict[str, str]:
    """Verb lemma → default CAMEO code, learned from PETRARCH2's verb dictionary
    (``data/event_verbs.tsv``, built by scripts/build_event_verbs.py)."""
    return dictionary().verbs


# Shortest stem a plain de-inflection may leave ("used" is never "us"): set by hand.
MIN_STEM = 3
# Suffixes taken off, and what replaces them, in the order tried.
_INFLECTIONS = (("ied", "y"), ("ed", ""), ("d", ""), ("ies", "y"), ("es", ""), ("s", ""),
                ("ing", ""), ("ing", "e"))


@BOOK.rule("patterns")
def known_lemma(lemma: str, tok: Token) -> str:
    """The lemma, or when the dictionary lacks it a form the dictionary lists
    ("Gunmen kidnapped two aid workers": the tagger leaves "kidnapped") or a plain
    de-inflection of the word that it knows: "Chile and Peru staged rallies" (the
    tagger's lemma of "staged" is "stag")."""
    return _known(lemma, tok.lower_)


@lru_cache(maxsize=65536)  # (the same verbs come back, in an article and in a run)
def _known(lemma: str, low: str) -> str:
    d = dictionary()
    if lemma in d.blocks:
        return lemma
    if (listed := d.forms.get(low)) is not None:
        return listed
    for suffix, add in _INFLECTIONS:
        if low.endswith(suffix) and len(low) - len(suffix) >= MIN_STEM:
            cand = low[: -len(suffix)] + add
            if cand in d.blocks:
                return cand
    return lemma


@BOOK.rule("patterns", off=())
def synonym_set(word: str, sets: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The synonym sets of the dictionary holding a word, for the patterns that name
    a set: "Hamas declared a truce with Israel" 0871 by "- * &CEASEFIRE" (TRUCE,
    ARMISTICE, CEASEFIRE …); such a record is trusted less (``dictionary_widened``)."""
    return sets.get(word, ())


def _follows(tok: Token, sets: dict[str, tuple[str, ...]]) -> list[str]:
    """The keys of what follows a verb, most specific first: its object or particle,
    a prepositional phrase, a bare preposition; each word also as the synonym sets
    holding it ("signed a pact" -> obj:pact, obj:&treaty)."""
    objs: list[str] = []
    preps: list[str] = []
    for dep, c in labelled(tok):
        if dep in ("dobj", "prt", "attr", "oprd", "acomp"):
            for w in dict.fromkeys((c.lower_, c.lemma_.lower())):
                objs.append(f"obj:{w}")
                objs += [f"obj:{s}" for s in synonym_set(w, sets)]
        elif dep in ("prep", "agent"):
            for d, o in labelled(c):
                if d == "pobj":
                    for w in dict.fromkeys((o.lower_, o.lemma_.lower())):
                        objs.append(f"prep:{c.lower_}:{w}")
                        objs += [f"prep:{c.lower_}:{s}" for s in synonym_set(w, sets)]
            preps.append(f"prep:{c.lower_}")
    return objs + preps


@BOOK.rule("patterns", off=False)
def block_pattern(lemma: str, named: frozenset[str]) -> bool:
    """A pattern found with one verb of a synonym block codes the block's other
    verbs too, as PETRARCH2 reads its dictionary: "Britain expedited aid to Jordan"
    070 by "rush aid" (trusted less: ``dictionary_widened``)."""
    return lemma not in named


def dictionary_code(tok: Token, lemma: str, widen: bool = True) -> tuple[str | None, str]:
    """The code PETRARCH2's dictionary gives a verb, and what gave it: "verb", a
    pattern found with this verb on one word or phrase after it (its object or
    particle, else a prepositional phrase: "lifted a state of emergency"); "widened",
    one the dictionary's structure widens to it — a word of a synonym set the pattern
    names, a pattern of several phrases, a two-word verb, a pattern found with
    another verb of its synonym block; else "" (the verb's default code, if any).
    The "verb" patterns come first: on the tuning data the widened ones are right
    less often. ``widen=False``: the "verb" patterns and the default only."""
    d = dictionary()
    lemma = known_lemma(lemma, tok)
    tables = [t for b in d.blocks.get(lemma, ()) if (t := d.keyed.get(b))]
    if tables:
        keys = _follows(tok, d.sets)
        present = frozenset(keys)
        widened: str | None = None
        for key in keys:
            for table in tables:
                for rest, code, named in table.get(key, ()):
                    if not rest <= present:
                        continue
                    if lemma in named and not rest and "&" not in key:
                        return code, "verb"
                    if widen and widened is None and (
                            lemma in named or block_pattern(lemma, named)) and not (
                            lemma in d.verbs and bare_preposition(key, rest)):
                        widened = code
        if widened is not None:
            return widened, "widened"
    return d.verbs.get(lemma), ""


@BOOK.rule("patterns", off=False)
def bare_preposition(key: str, rest: frozenset[str]) -> bool:
    """A pattern on a preposition alone ("prep:on"), found with another verb of the
    block, does not override a verb's own code: "Warren Christopher telephoned Andrei
    Kozyrev on Tuesday" 040 (telephone's code), not 020 by "call on"; "Syrian air
    strikes hit the enclave for a sixth day" 190, not 111 by "attack for". A verb with
    no code of its own keeps the pattern ("discussed the crisis with Erdogan" 046)."""
    return not rest and key.count(":") == 1 and key.startswith("prep:")


AMOUNTS = frozenset(load_toml("event_patterns.toml")["coverage"]["amounts"])


@BOOK.rule("patterns", off=frozenset())
def amount_of(verb: Token) -> frozenset[str]:
    """The lemmas of what a number or an amount the verb takes names (``amounts``):
    "Jordan and the United States began a new round of joint military exercises"
    (exercise, as "began joint military exercises" 062), "Japan handed over USD 4
    million worth of medical equipment to Kenya" (equipment, 070); not "began a round
    of golf" (no pattern on golf)."""
    return frozenset(o.lemma_.lower() for c in children(verb)
                     if c.dep_ == "dobj" and c.lemma_.lower() in AMOUNTS
                     for p_ in children(c) if p_.dep_ == "prep" and p_.lower_ == "of"
                     for o in children(p_) if o.dep_ == "pobj")


@BOOK.rule("patterns", off=frozenset())
def passive_object(verb: Token) -> frozenset[str]:
    """The subject of a passive verb is its object: "The war games were staged by
    Chilean and Peruvian forces" (062, as "staged war games"), "Sanctions were imposed
    on Russia by the EU"."""
    return frozenset(c.lemma_.lower() for c in children(verb) if c.dep_ == "nsubjpass")


@BOOK.rule("patterns", off=frozenset())
def hyphened_object(verb: Token) -> frozenset[str]:
    """A direct object the tagger splits at its hyphen, whole: "Afghanistan announced a
    cease-fire with the Taliban" (cease, -, fire: "cease-fire", 0871 as "ceasefire";
    issue 19, session 20, ZSP half A: nothing coded)."""
    out: set[str] = set()
    for c in children(verb):
        if c.dep_ == "dobj" and c.i >= 2:
            dash, word = c.doc[c.i - 1], c.doc[c.i - 2]
            if dash.text == "-" and not word.whitespace_ and not dash.whitespace_ \
                    and dash.head == c and word.head == c:
                out.add(f"{word.lower_}-{c.lemma_.lower()}")
    return frozenset(out)


def object_lemmas(verb: Token) -> frozenset[str]:
    """The lemmas of a verb's direct objects (with :func:`amount_of`'s,
    :func:`passive_object`'s and :func:`hyphened_object`'s)."""
    return frozenset(c.lemma_.lower() for c in children(verb) if c.dep_ == "dobj"
                     ) | amount_of(verb) | passive_object(verb) | hyphened_object(verb)


# A pattern's ``object`` that any direct object meets ("returned 12 skulls to Peru").
ANY_OBJECT = "*"


def verb_matches(tok: Token, vp: VerbPattern) -> bool:
    """Whether a verb has the particle and the object its pattern asks for (``*``: any
    direct object)."""
    if vp.particle and not any(c.dep_ in ("prt", "prep") and c.lower_ == vp.particle
                               for c in children(tok)):
        return False
    if ANY_OBJECT in vp.objects:
        return bool(object_lemmas(tok))
    if vp.objects and not object_lemmas(tok) & vp.objects and not (vp.particle and any(
            o.dep_ == "pobj" and o.lemma_.lower() in vp.objects for c in children(tok)
            if c.dep_ == "prep" and c.lower_ == vp.particle for o in children(c))):
        return False
    return True


@BOOK.rule("patterns", off=None)
def verb_pattern(tok: Token, lemma: str, p: Patterns) -> VerbPattern | None:
    """The first verb pattern of ``event_patterns.toml`` the verb matches: "Beijing
    supplies Moscow" 070, "cracked down on demonstrators" 175, "imposed sanctions on
    Moscow" 163; by the lemma the dictionary knows when the tagger's has no pattern
    ("Chile and Peru staged war games": the tagger's lemma of "staged" is "stag")."""
    found = p.verbs.get(lemma) or p.verbs.get(known_lemma(lemma, tok), ())
    return released_material(tok, lemma) or next(
        (vp for vp in found if verb_matches(tok, vp)), None)


_PRECISION = load_toml("event_patterns.toml")["precision"]
PUBLISHED = frozenset(_PRECISION["published_material"])
PUBLISHING = frozenset(_PRECISION["publishing"])


@BOOK.rule("patterns", off=None)
def released_material(tok: Token, lemma: str) -> VerbPattern | None:
    """Releasing a text, a picture or figures is a public statement (010) to the one
    it is given to, not the release of persons or property (084): "The White House
    released a letter to Congress" (010 USAGOV → USALEG), "the Pentagon released a
    video of the strike on Iraq" (to no one: no event, and no release of Iraq);
    not "Hamas released three hostages" (``published_material``)."""
    if lemma not in PUBLISHING:
        return None
    objects = frozenset(c.lemma_.lower() for c in children(tok) if c.dep_ == "dobj")
    if not objects & PUBLISHED:
        return None
    return VerbPattern(frozenset({lemma}), "010", ("dative", "prep:to"), None, objects & PUBLISHED)


@BOOK.rule("patterns")
def dictionary_object_pattern(code: str, tok: Token, lemma: str) -> str:
    """A pattern on the lemma alone yields to PETRARCH2's pattern on the verb and its
    object: "withdrew its inspectors" 166, not 087; "Police in Kenya arrested Ugandan
    journalists" 175, not 173."""
    specific_code, how = dictionary_code(tok, lemma)
    return specific_code if how == "verb" and specific_code is not None else code


@BOOK.rule("patterns", off=(None, ""))
def dictionary_verb(tok: Token, lemma: str) -> tuple[str | None, str]:
    """A verb no pattern codes takes PETRARCH2's code (and what gave it, see
    :func:`dictionary_code`): "Syria fired rockets at Israel" 194, "Norway restored
    diplomatic ties with Iran" 050."""
    if released_material(tok, lemma) is not None:
        return None, ""  # "released a video of the strike": no release, to no one
    code, how = dictionary_code(tok, lemma)
    if how == "widened" and light_verb(tok, patterns()):
        code, how = dictionary_code(tok, lemma, widen=False)
    if code is not None and departure(tok, code):
        return None, ""  # "troops began leaving the country": no meeting with it
    return code, how


DEPARTING = frozenset(_PRECISION["departing"])
_CONSULT_ROOT = "04"


@BOOK.rule("patterns", off=False)
def departure(tok: Token, code: str) -> bool:
    """Leaving a place, a body or a meeting is no visit to it and no meeting with it,
    though PETRARCH2 puts "leave" with "go" and "attend" (default 040, "attend a
    meeting" 042): "The troops began leaving the country" (no 040 with the country),
    "The ministers left the summit early" (no 042 by "attend a summit"); a verb of
    ``departing`` with a direct object and no "for" codes no 04. "The minister left
    for Beijing" stays a visit (042), "The envoy attended the meeting" a meeting."""
    return code.startswith(_CONSULT_ROOT) and tok.lemma_.lower() in DEPARTING and any(
        c.dep_ == "dobj" for c in children(tok)) and not any(
        c.dep_ == "prep" and c.lower_ == "for" for c in children(tok))


@BOOK.rule("patterns", off=False)
def light_verb(tok: Token, p: Patterns) -> bool:
    """A verb whose object is a nominal event of a noun pattern is no widened
    dictionary event: the noun codes it, its target down the noun phrase — "Serbian
    military police have launched an investigation into crimes committed by Croat
    forces" (090 SRBMILCOP → HRVMIL by the investigation, not 090 by "launch" with
    &INVESTIGATION and no target)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in p.nouns for c in children(tok))


@BOOK.rule("patterns", off=None)
def noun_pattern(tok: Token, lemma: str, p: Patterns) -> NounPattern | None:
    """A nominal event: "Putin is on a state visit to Beijing" 042, "The US has
    sanctions against Beijing" 163 (a pattern with ``modifiers`` needs one of them:
    "state visit")."""
    return next((np_ for np_ in p.nouns.get(lemma, ()) if (not np_.modifiers
                 or any(c.lower_ in np_.modifiers for c in children(tok)))
                 and (not np_.verbs or done_by_verb(tok, np_.verbs))), None)


@BOOK.rule("nominal", off=False)
def done_by_verb(noun: Token, verbs: frozenset[str]) -> bool:
    """A noun pattern with ``verbs`` is an event only as the direct object of one of
    them (issue 19, session 23): "Russia mounted an invasion of Ukraine" 190 RUS → UKR,
    "Qatar launched a mediation effort between Sudan and Chad" 045 (was 020 by
    PETRARCH2's "launch"); not "Egypt condemned the invasion of Ukraine" (no invasion
    by Egypt) nor "the invasion of Ukraine" as a subject."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in verbs


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
        noun_pattern(noun, noun.lemma_.lower(), p) is not None)
