"""Who did what to whom: events from the dependency parse, coded to CAMEO.

Verb and noun patterns (``data/event_patterns.toml``) find the action; the subject
(or, in the passive, the agent) is the source and the object or prepositional
object the target, each resolved to an actor by the actor stage — so "Beijing
supplies Moscow" is CHN → RUS. Coordinated subjects give one event each ("Xi and
Putin agreed" → both). A negation or a negating governor ("stops short of
offering") marks the event ``negated``; will/would/could or "plans to" set its
modality; events inside quotations are left out (a quote that mentions an event is
not the event). The date comes from a date phrase in the sentence, else the article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.data import load_toml
from dossier.events.codes import cameo
from dossier.events.dates import resolve
from dossier.events.places import locate
from dossier.gazetteer import Actor, Geography, norm
from dossier.parse import ParsedArticle
from dossier.records import Event, Mention


@dataclass(frozen=True)
class _VerbPattern:
    lemmas: frozenset[str]
    code: str
    targets: tuple[str, ...]  # "dobj", "dative", "prep:<p>"
    particle: str | None
    objects: frozenset[str]
    intransitive: bool = False


@dataclass(frozen=True)
class _NounPattern:
    nouns: frozenset[str]
    code: str
    preps: frozenset[str]
    modifiers: frozenset[str]


@dataclass(frozen=True)
class _Patterns:
    verbs: dict[str, tuple[_VerbPattern, ...]]  # lemma -> its patterns, in file order
    nouns: dict[str, tuple[_NounPattern, ...]]
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
        elif out and out[-1].startswith("prep:") and part not in ("dobj", "dative"):
            out.append("prep:" + part)
        else:
            out.append(part)
    return tuple(out)


@cache
def patterns() -> _Patterns:
    d = load_toml("event_patterns.toml")
    verbs: dict[str, list[_VerbPattern]] = {}
    for v in d["verb"]:
        vp = _VerbPattern(frozenset(v["lemmas"]), v["code"], _targets(v["target"]),
                          v.get("particle"), frozenset(v.get("object", [])),
                          bool(v.get("intransitive", False)))
        for lemma in vp.lemmas:
            verbs.setdefault(lemma, []).append(vp)
    nouns: dict[str, list[_NounPattern]] = {}
    for n in d["noun"]:
        np_ = _NounPattern(frozenset(n["nouns"]), n["code"], frozenset(n["preps"]),
                           frozenset(n.get("modifiers", [])))
        for noun in np_.nouns:
            nouns.setdefault(noun, []).append(np_)
    agents = _phoenix_agents()
    agents.update(d["agents"])
    return _Patterns({k: tuple(v) for k, v in verbs.items()},
                     {k: tuple(v) for k, v in nouns.items()}, frozenset(d["negating"]),
                     frozenset(d["hypothetical"]), frozenset(d["future"]),
                     frozenset(d["intent"]), frozenset(d["threatening"]),
                     frozenset(d["reciprocal"]), frozenset(d["reciprocal_objects"]),
                     frozenset(d["reporting"]),
                     frozenset(d["unasserting"]), agents, dict(d["intent_codes"]),
                     dict(d["appeal_codes"]), dict(d["demand_codes"]),
                     dict(d["threat_codes"]), dict(d["protest_aims"]))


def _phoenix_agents() -> dict[str, str]:
    """Agent phrase ("police", "foreign minister") -> CAMEO sector, from
    ``data/gazetteer/agents.tsv`` (built by scripts/build_event_agents.py)."""
    from dossier.data import data_path

    out = {}
    for line in data_path("gazetteer/agents.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("phrase\t") or not line.strip():
            continue
        phrase, sector = line.split("\t")[:2]
        out[phrase] = sector
    return out


_FALLBACK_TARGETS = ("dobj", "dative", "prep:with", "prep:against", "prep:to", "prep:on",
                     "prep:at", "prep:from", "prep:for", "prep:between", "prep:toward",
                     "prep:towards", "prep:into")


_FALLBACK_TARGETS_NOT_AIMED = tuple(t for t in _FALLBACK_TARGETS
                                    if t not in ("prep:at", "prep:into"))
# Roots whose action can be aimed "at" or "into" someone (disapprove, reject, threaten,
# protest, force): for others a place after "at"/"into" is where it happened.
_AIMED_ROOTS = frozenset({"11", "12", "13", "14", "15", "17", "18", "19", "20"})


@cache
def petrarch_verbs() -> dict[str, str]:
    """Verb lemma → default CAMEO code, learned from PETRARCH2's verb dictionary
    (``data/event_verbs.tsv``, built by scripts/build_event_verbs.py)."""
    from dossier.data import data_path

    out = {}
    for line in data_path("event_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("lemma\t") or not line.strip():
            continue
        lemma, code = line.split("\t")[:2]
        if code in cameo():
            out[lemma] = code
    return out


@cache
def verb_objects() -> dict[str, dict[str, str]]:
    """Verb lemma -> {what follows it: CAMEO code}, from PETRARCH2's verb patterns
    (``data/event_verb_objects.tsv``: "restore ties" 050, "call for" 020, "look into
    charges" 090; keys ``obj:<word>``, ``prep:<p>``, ``prep:<p>:<word>``)."""
    from dossier.data import data_path

    out: dict[str, dict[str, str]] = {}
    codes = cameo()
    for line in data_path("event_verb_objects.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("lemma\t") or not line.strip():
            continue
        lemma, key, code = line.split("\t")[:3]
        if code in codes:
            out.setdefault(lemma, {})[key] = code
    return out


def _known_lemma(tok: Token, lemma: str) -> str:
    """The lemma, or when the dictionary lacks it a plain de-inflection of the word
    (the tagger's lemma of "staged" is "stag")."""
    known = petrarch_verbs()
    if lemma in known or lemma in verb_objects():
        return lemma
    low = tok.lower_
    for suffix, add in (("ied", "y"), ("ed", ""), ("d", ""), ("ies", "y"), ("es", ""),
                        ("s", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            cand = low[: -len(suffix)] + add
            if cand in known or cand in verb_objects():
                return cand
    return lemma


def _dictionary_code(tok: Token, lemma: str) -> tuple[str | None, bool]:
    """The code PETRARCH2's dictionary gives a verb, and whether a pattern on what
    follows it (its object or particle, else a prepositional phrase: "lifted a state
    of emergency") gave it rather than the verb's default."""
    lemma = _known_lemma(tok, lemma)
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


class _Actors:
    """Actor of a token: its mention, else a place's state (a "visit to Beijing")."""

    def __init__(self, parsed: ParsedArticle, geo: Geography) -> None:
        # a group the actor stage made of "Xi and Putin … they" has no code: events
        # expand such references to their members themselves (see group)
        self.by_token = parsed.mentions_where(lambda m: m.type != "group")
        self.g = geo.gazetteer
        self.geo = geo
        mentions = parsed.mentions
        counts: dict[str, int] = {}
        for m in mentions:
            if m.type == "state" and m.country:
                counts[m.country] = counts.get(m.country, 0) + 1
        self.focus = max(counts, key=counts.__getitem__) if counts else None

    def group(self, tok: Token) -> list[dict[str, Any]]:
        """The actors a plural reference stands for: "the two leaders", "the two",
        "both leaders", "the leaders", "they both" → the last two people named before
        ``tok``; "both nations", "the two countries" → the last two states named (or
        the states of the last two people); a plain "they" → the coordinated actors
        of a subject in this sentence or the one before ("Xi and Putin met. They
        agreed …")."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        kids = {c.lower_ for c in tok.children}
        plural = tok.tag_ in ("NNS", "NNPS") or low in ("two", "both")
        two = low in ("two", "both") or bool(kids & {"two", "both"})
        definite = "the" in kids or low == "both" or (two and low != "two")
        if low == "they" and tok.pos_ == "PRON":
            if kids & {"both", "two"}:  # "they both lashed out"
                return self._last_two(tok, states=False)
            return self._coordinated_before(tok)
        if not plural or not definite:
            return []
        if lemma in _GROUP_STATES:
            return self._last_two(tok, states=True)
        if lemma in _GROUP_PEOPLE or low in ("two", "both"):
            if lemma == "leader" and not two and any(
                    c.dep_ in ("amod", "compound", "prep", "poss") for c in tok.children):
                return []  # "the Palestinian leaders", "the leaders of Hamas": not a pair
            return self._last_two(tok, states=False)
        return []

    def _last_two(self, tok: Token, states: bool) -> list[dict[str, Any]]:
        found: list[Mention] = []
        seen: set[str] = set()
        start = max(0, tok.sent.start - 120)
        for i in range(tok.i - 1, start - 1, -1):
            m = self.by_token.get(i)
            if m is None or m.actor_id.startswith("local:"):
                continue
            if states:
                key = (m.code or m.country or "")[:3]
                if not key or key in seen:
                    continue
            else:
                if m.type != "person" or m.actor_id in seen:
                    continue
                key = m.actor_id
            seen.add(key)
            found.append(m)
            if len(found) == 2:
                break
        if len(found) < 2:
            return []
        if states:
            out = []
            for m in reversed(found):
                a = self.g.actors.get((m.code or m.country or "")[:3])
                if a is None:
                    return []
                out.append({"name": a.name, "actor_id": a.id, "code": a.code,
                            "country": a.code[:3], "sector": None})
            return out
        return [_actor_dict(m) for m in reversed(found)]

    def _coordinated_before(self, tok: Token) -> list[dict[str, Any]]:
        """The last subject before ``tok`` (this sentence or the one before) that
        coordinates two or more actors."""
        sent = tok.sent
        first = sent.start
        if first > 0:
            first = tok.doc[first - 1].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            t = tok.doc[i]
            if t.dep_ not in ("nsubj", "nsubjpass") or not any(
                    c.dep_ == "conj" for c in t.children):
                continue
            group = [a for x in _with_conj(t) if (a := self.of(x)) is not None]
            if len(group) >= 2 and all(a.get("code") for a in group):
                return group
            return []
        return []

    def _modifier_state(self, tok: Token) -> str | None:
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and not _against(c):
                code = self.g.demonyms.get(norm(c.text))
                if code is None:
                    code = next((a.id for a in self.g.by_name(c.text) if a.type == "state"),
                                None)
                if code is not None:
                    return code
                # a coded actor among the modifiers ("White House security officials",
                # "Hamas militants"): its country
                for t in c.subtree:
                    m = self.by_token.get(t.i)
                    if m is not None and m.type != "person" and (m.code or m.country) \
                            and t.i < tok.i:
                        return (m.code or m.country or "")[:3]
        return None

    def _sector(self, tok: Token) -> str | None:
        """The CAMEO sector of a generic agent noun ("police", "foreign minister")."""
        if tok.pos_ != "NOUN":
            return None
        agents = patterns().agents
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.i < tok.i:
                two = agents.get(f"{c.lemma_.lower()} {lemma}") or agents.get(f"{c.lower_} {lemma}")
                if two is not None:
                    return two
        return agents.get(lemma) or agents.get(tok.lower_)

    def _described(self, tok: Token) -> str:
        """The CAMEO code of a person the gazetteer does not know, from the words
        before the name: a country ("Iraqi", "Peru's") and a title or agent noun
        ("President", "foreign minister") → IRQGOV; "" when no country is named."""
        country = ""
        sector = ""
        left = [t for c in tok.children if c.i < tok.i and c.dep_ in
                ("compound", "amod", "nmod", "poss") for t in c.subtree]
        for t in left:
            m = self.by_token.get(t.i)
            if m is not None and m.type == "state" and (m.code or m.country):
                country = country or (m.code or m.country or "")[:3]
            elif (m is None or not (m.code or m.country)) and t.text[:1].isupper() \
                    and (code := self.g.demonyms.get(norm(t.text))):
                country = country or code
            elif t.pos_ in ("NOUN", "PROPN") and not sector:
                sector = patterns().agents.get(t.lower_) or patterns().agents.get(
                    t.lemma_.lower()) or ""
        return country + sector if country else ""

    def _prep_state(self, tok: Token) -> str | None:
        """The country of "soldiers from Gondor", "activists in Arnor"."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "in"):
                for o in c.children:
                    m = self.by_token.get(o.i) if o.dep_ == "pobj" else None
                    if m is None and o.dep_ == "pobj":  # "from the defeated Fatah Party"
                        m = next((self.by_token[x.i] for x in o.children
                                  if x.dep_ in ("compound", "amod") and x.i in self.by_token),
                                 None)
                    if m is not None and m.type != "person" and (m.code or m.country):
                        return (m.code or m.country or "")[:3]
                    if o.dep_ == "pobj" and o.ent_type_ == "GPE":  # "students in Jakarta"
                        state = self.g.metonyms.get(norm(o.text)) or next(
                            (a.id for a in self.g.by_name(o.text) if a.type == "state"), None)
                        if state is not None:
                            return state[:3]
        return None

    def of(self, tok: Token) -> dict[str, Any] | None:
        if tok.lemma_.lower() in _PARTITIVE and tok.i not in self.by_token:
            # "a group of Russian soldiers", "members of Hamas": the "of" object
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            return self.of(o)
        m = self.by_token.get(tok.i)
        modifier = False
        owner: Mention | None = None  # "his" of "his counterpart": not the actor itself
        for deps in (("appos",), ("compound", "flat"), ("poss",)):
            if m is not None:
                break
            for c in tok.children:
                if c.dep_ in deps and c.i in self.by_token and not _against(c):
                    if c.pos_ == "PRON" and tok.pos_ == "NOUN":
                        owner = self.by_token[c.i]
                        continue
                    m = self.by_token[c.i]
                    modifier = deps != ("appos",)
                    break
        if m is not None and modifier and not (m.code or m.country) and self._sector(tok):
            m = None  # "Ugandan journalists" with "Ugandan" left uncoded: the agent below
        if m is not None:
            code = m.code or m.country or ""
            if not code and m.type == "person":  # "Iraqi President Saddam Hussein": IRQGOV
                code = self._described(tok)
            sector = self._sector(tok) if modifier and m.type == "state" else None
            if sector is not None and code:  # "Gondor police", "Russia's army": RUSMIL
                return {"name": f"{tok.text} ({code[:3]})", "actor_id": None,
                        "code": code[:3] + sector, "country": code[:3], "sector": sector}
            return {"name": m.actor_name, "actor_id": m.actor_id, "code": code or None,
                    "country": code[:3] or None, "sector": m.sector}
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj",
                                                           "pobj", "conj"):
            state = self.g.demonyms.get(norm(tok.text))  # "the Palestinians agreed"
            if state is not None and tok.text[:1].isupper():
                people = self.g.actors.get(state)
                if people is not None:
                    return {"name": people.name, "actor_id": people.id, "code": people.code,
                            "country": people.code[:3], "sector": None}
        lemma = tok.lemma_.lower()
        if tok.lower_ == "west" and tok.dep_ in _ACTOR_DEPS and any(
                c.lower_ == "the" for c in tok.children) and not (
                tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS) and (
                west := self.g.actors.get("WST")) is not None:
            # "called on the west to defend Taiwan": the bloc, written in lower case
            return {"name": west.name, "actor_id": west.id, "code": west.code,
                    "country": west.code[:3], "sector": None}
        if owner is not None and lemma in _SAME_SIDE and (owner.code or owner.country):
            # "her successor", "his predecessor": of the owner's country and office
            code = owner.code or owner.country or ""
            return {"name": f"{owner.actor_name}'s {tok.text}", "actor_id": None,
                    "code": code, "country": code[:3], "sector": owner.sector}
        sector = self._sector(tok)
        if sector is not None:
            country = self._modifier_state(tok) or self._prep_state(tok) or (
                # "Israeli helicopters and tanks": the country word for both
                self._modifier_state(tok.head) if tok.dep_ == "conj" else None) or (
                (owner.code or owner.country or "")[:3] if owner is not None else None) or (
                None if any(_against(c) for c in tok.children) else self.focus)
            if country:
                return {"name": f"{tok.text} ({country})", "actor_id": None,
                        "code": country + sector, "country": country, "sector": sector}
            # an agent with no country ("gunmen", "protesters"): kept with its sector,
            # coded as PETRARCH codes an unknown country ("---OPP")
            if tok.dep_ in _ACTOR_DEPS:
                return {"name": tok.text, "actor_id": None, "code": "---" + sector,
                        "country": None, "sector": sector}
        if tok.pos_ == "NOUN" and tok.dep_ in _ACTOR_DEPS and tok.ent_type_ not in _AMOUNTS \
                and lemma not in _NOT_ACTORS and (country := self._modifier_state(tok)):
            # "his Chinese counterpart", "Danish web sites": the country alone is known
            sector = owner.sector if owner is not None and lemma in _COUNTERPART else None
            return {"name": f"{tok.text} ({country})", "actor_id": None,
                    "code": country + (sector or ""), "country": country, "sector": sector}
        if tok.pos_ == "NOUN" and tok.dep_ in _ACTOR_DEPS and lemma not in _NOT_ACTORS \
                and tok.ent_type_ not in _AMOUNTS:
            # a thing of an actor stands for it, as CAMEO codes it ("shelled positions of
            # the Palestinian security forces", "set fire to the offices of X")
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        if o.dep_ == "pobj" and (a := self.of(o)) is not None and a.get("code"):
                            return a
        if tok.ent_type_ in ("GPE", "LOC", "FAC"):
            state = self.g.metonyms.get(norm(tok.text))
            actor: Actor | None = self.g.actors.get(state) if state else None
            if actor is None:
                actor = next((a for a in self.g.by_name(tok.text) if a.type == "state"), None)
            if actor is not None:
                return {"name": actor.name, "actor_id": actor.id, "code": actor.code,
                        "country": actor.code[:3], "sector": None}
        return None


def _against(modifier: Token) -> bool:
    """ "anti-Syria", "pro-Russian": a modifier that names a side, not a country."""
    doc = modifier.doc
    i = modifier.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro", "non")


def _actor_dict(m: Mention) -> dict[str, Any]:
    code = m.code or m.country or ""
    return {"name": m.actor_name, "actor_id": m.actor_id, "code": code or None,
            "country": code[:3] or None, "sector": m.sector}


# Dependencies a noun standing for an actor has (subject, object, prepositional object).
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative",
                         "attr"})
# Prepositions after which "the west" is a direction or a region, not the bloc.
_LOCATIVE_PREPS = frozenset({"in", "to", "from", "toward", "towards", "across", "into",
                             "of", "at", "through", "throughout"})
# Entity types of amounts: "50 Swiss francs" names no Swiss actor.
_AMOUNTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "DATE", "TIME", "ORDINAL"})
# Nouns a country word modifies that stand for no actor of that country: places,
# attitudes and abstractions ("the Thai border", "Western criticism", "in line with
# Western efforts"); "an Indian proposal", "Palestinian homes" are coded to the country,
# as CAMEO codes them.
_NOT_ACTORS = frozenset({
    "border", "frontier", "coast", "side", "soil", "territory", "water", "airspace",
    "criticism", "effort", "concern", "opposition", "support", "view", "stance",
    "interest", "war", "conflict", "crisis", "aggression", "interference",
    "culture", "language", "history", "tradition", "economy", "market", "style", "way",
    "relation", "relationship", "tie", "standard", "value", "identity",
    "dollar", "euro", "pound", "franc", "florin", "mark", "yen", "yuan", "rouble", "ruble",
    "rupee", "peso", "lira", "dinar", "shekel", "krona", "krone", "rand", "riyal"})
# Relational nouns: of the same side as their owner ("her successor"), or of the same
# office on another side ("his Chinese counterpart").
_SAME_SIDE = frozenset({"successor", "predecessor"})
_COUNTERPART = frozenset({"counterpart", "opposite", "peer"})

# Plural references to a pair named before: "the two leaders", "both nations".
_GROUP_PEOPLE = frozenset({"leader", "president", "head", "man", "statesman", "premier"})
_GROUP_STATES = frozenset({"country", "nation", "state", "government", "side", "neighbour",
                           "neighbor"})

# Nouns that stand for a part or a group of what their "of" phrase names.
_PARTITIVE = frozenset({"group", "bunch", "number", "member", "band", "unit", "team",
                        "contingent", "detachment", "delegation", "mission", "crowd",
                        "handful", "couple", "dozen", "score", "ten", "hundred", "thousand",
                        "million"})


def _with_conj(tok: Token) -> list[Token]:
    """A token and those coordinated with it, also through an apposition ("China's
    president Xi Jinping and Russia's Vladimir Putin")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_with_conj(c))
        elif c.dep_ == "appos":
            out.extend(t for t in _with_conj(c)[1:])
    return out


def _preposition_objects(head: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    out.extend(_with_conj(o))
    return out


def _nested_preposition_objects(head: Token, preps: set[str], depth: int = 3,
                                by: bool = True) -> list[Token]:
    """Objects of ``preps`` down a chain of prepositional phrases and participles from
    ``head`` ("a resumption of ties with Gondor", "the roads leading into Mordor" →
    Gondor, Mordor), and the agent of a nominalised action ("condemned an attack by
    Osgiliath soldiers" → the soldiers)."""
    out = _preposition_objects(head, preps | {"by"} if by else preps)
    if depth > 1:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ not in preps and c.lower_ != "by":
                for o in c.children:
                    if o.dep_ == "pobj":
                        out += _nested_preposition_objects(o, preps, depth - 1, by=False)
            elif c.dep_ == "acl" and c.pos_ == "VERB" and not any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                # a participle ("memos sent by X", "roads leading into X"), not a clause
                # with its own subject ("the assumption that … is felt by government")
                out += _nested_preposition_objects(c, preps, depth - 1)
    return out


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """(source tokens, passive?) of a verb, climbing through auxiliaries and xcomp."""
    v: Token | None = verb
    for _ in range(3):
        if v is None:
            break
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if subj:
            return _with_conj(subj[0]), False
        subjpass = [c for c in v.children if c.dep_ == "nsubjpass"]
        if subjpass:
            return _with_conj(subjpass[0]), True
        if v.dep_ == "xcomp" and v.head.i != v.i:
            obj = [c for c in v.head.children if c.dep_ == "dobj"]
            if obj:  # object control: "asked Russia to withdraw", "saw intent … to disrupt"
                return _with_conj(obj[0]), False
        v = v.head if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") \
            and v.head.i != v.i else None
    return [], False


_REPORTED_SUBJECTS = frozenset({"it", "they", "we"})


def _reported_subject(subj: Token) -> list[Token]:
    """The actor behind "it"/"they" in reported speech: "Syria says it is willing to
    withdraw" → Syria (the subject of the verb that reports the clause)."""
    h = subj.head
    for _ in range(4):
        if h.dep_ == "ccomp" and h.head.i != h.i:
            found, passive = _subjects(h.head)
            return [] if passive or any(t.lower_ in _REPORTED_SUBJECTS for t in found) \
                else found
        if h.dep_ not in ("xcomp", "acomp", "conj", "aux") or h.head.i == h.i:
            break
        h = h.head
    return []


def _negated(verb: Token, p: _Patterns) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.pos_ in ("NOUN", "PROPN"):
        # a nominal event takes the negation of the verb it is the object of ("did not
        # launch an investigation", "has no sanctions against")
        g = _governor(verb)
        if g.i != verb.i and g.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in g.children) or any(
                    c.dep_ == "det" and c.lower_ == "no" for c in verb.children):
                return True
            return _negated(g, p)
    for anc in verb.ancestors:
        if any(c.dep_ == "neg" for c in anc.children) and anc.pos_ in ("AUX", "VERB") \
                and anc.i == verb.head.i and (verb.dep_ in ("xcomp", "ccomp") or (
                    verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                 for c in verb.children))):
            # "did not agree to meet"; a purpose: "did not begin a strike to demand …"
            return True
        if anc.lemma_.lower() in p.negating:
            return True
        if anc.dep_ == "ROOT":
            break
    return False


def _modality(verb: Token, p: _Patterns) -> str:
    # the verb and up to two governors, not across a relative clause (the modality of
    # "something they have been accused of" is not that of the clause it hangs on)
    chain = [verb]
    v = verb
    while len(chain) < 3 and v.dep_ not in ("relcl", "acl", "ROOT") and v.head.i != v.i:
        v = v.head
        chain.append(v)
    for v in chain:
        for c in v.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in p.future:
                return "future"
            if c.dep_ in ("aux", "auxpass") and c.lower_ in p.hypothetical:
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ == "if":
                return "hypothetical"
        if v is not verb and v.lemma_.lower() in p.intent:
            return "intended"
    return "asserted"


def _intention(verb: Token, p: _Patterns) -> str | None:
    """ "threat" for an action threatened ("threatened to break relations", "will
    withdraw … unless"), "intent" for one announced or intended ("will visit", "is
    willing to withdraw", "plans to meet"), else None."""
    v = verb
    kind: str | None = None
    for _ in range(3):
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children):
                return "threat"
            if c.dep_ == "aux" and (c.lower_ in p.future or (
                    c.lower_ == "would" and v.dep_ == "ccomp"
                    and v.head.lemma_.lower() in p.reporting)):
                # "will visit"; "said they would meet": the future of reported speech
                kind = kind or "intent"
        if v is not verb:
            if v.lemma_.lower() in p.threatening:
                return "threat"
            if v.lemma_.lower() in p.intent:
                kind = kind or "intent"
        if v.dep_ not in ("xcomp", "acomp") or v.head.i == v.i:
            break
        v = v.head
    return kind


def _intended_code(code: str, kind: str | None, p: _Patterns) -> str:
    c = cameo()[code]
    if kind == "threat" and c.root != "13":
        return p.threat_codes.get(code) or p.threat_codes.get(c.root) or "130"
    if kind == "intent":
        table = p.threat_codes if c.root in _HOSTILE_ROOTS else p.intent_codes
        return table.get(code) or table.get(c.root) or code
    return code


# Roots of force and coercion: announced for the future, they are threats.
_HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})


def extract_events(parsed: ParsedArticle, geo: Geography) -> list[Event]:
    """Events of one parsed article (negated ones included, flagged)."""
    p = patterns()
    doc, source, article_id = parsed.doc, parsed.source, parsed.article_id
    offset, published = parsed.offset, parsed.published
    actors = _Actors(parsed, geo)
    quoted = parsed.quoted
    out: list[Event] = []
    coded: set[int] = set()  # verbs that gave events
    for tok in doc:
        if quoted[tok.i]:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            found: list[Event] = []
            if _unasserted(tok, p):
                continue  # "urged Russia to withdraw": the appeal is the event
            if _background(tok):
                continue  # "five years after crowds burned down its embassy": history
            for vp in p.verbs.get(lemma, ()):
                if _verb_matches(tok, vp):
                    if not vp.particle and not vp.objects:
                        # a pattern on the lemma alone yields to PETRARCH2's pattern on
                        # the verb and its object ("withdrew its inspectors" 166, not 087)
                        code, specific = _dictionary_code(tok, lemma)
                        if specific and code is not None and code != vp.code:
                            vp = replace(vp, code=code)
                    vp = replace(vp, code=_requested_code(tok, vp.code, p))
                    found = _verb_events(tok, vp, actors, doc, source, article_id, offset,
                                         published, p)
                    break
            fallback, specific = _dictionary_code(tok, lemma) \
                if not found and tok.pos_ == "VERB" else (None, False)
            if fallback is not None:
                fallback = _requested_code(tok, fallback, p)
                # "fired shells at X" aims at X; "celebrated Eid at X" is only there
                targets = _FALLBACK_TARGETS if cameo()[fallback].root in _AIMED_ROOTS \
                    else _FALLBACK_TARGETS_NOT_AIMED
                vp = _VerbPattern(frozenset({lemma}), fallback, targets, None,
                                  frozenset(), intransitive=specific)
                mutual = any(c.dep_ == "dobj" and c.lemma_.lower() in p.reciprocal_objects
                             for c in tok.children)
                found = _verb_events(tok, vp, actors, doc, source, article_id, offset,
                                     published, p, reciprocal=specific or mutual, nested=True)
                found = [e for e in found if _dictionary_dyad(e, specific)]
            out.extend(found)
            if found:
                coded.add(tok.i)
        elif tok.pos_ in ("NOUN", "PROPN"):
            if _governor(tok).lemma_.lower() in p.unasserting:
                continue  # "removing the sanctions", "called for sanctions": not in force
            if tok.dep_ == "dobj" and tok.head.i in coded:
                continue  # "staged rallies against X": the verb and its object coded it
            for np_ in p.nouns.get(lemma, ()):
                if not np_.modifiers or any(c.lower_ in np_.modifiers for c in tok.children):
                    out.extend(_noun_events(tok, np_, actors, doc, source, article_id,
                                            offset, published, p))
                    break
    return _dedupe(out)


def _dictionary_dyad(e: Event, specific: bool) -> bool:
    """Whether a dictionary verb's event is kept: a dyad of two actors, one of them with
    a country and the other with a country or known in part (an unlinked name, "gunmen",
    "protesters" — the event is kept with what is known), not an actor acting on itself
    ("took over the Security Service" by its own director); a verb+object pattern may
    code its source alone ("Sudan lifted the state of emergency")."""
    s, t = e.source_actor, e.target_actor
    if s is None:
        return False
    if t is None:
        return specific and bool(s.get("country"))
    if not (s.get("country") or t.get("country")):
        return False
    return not (s.get("code") and s.get("code") == t.get("code"))


def _action_code(verb: Token, p: _Patterns) -> str | None:
    """The code of an action as a verb pattern or the dictionary would give it."""
    lemma = verb.lemma_.lower()
    for vp in p.verbs.get(lemma, ()):
        if _verb_matches(verb, vp):
            return vp.code
    return _dictionary_code(verb, lemma)[0]


def _protest_aim(verb: Token, p: _Patterns) -> str | None:
    """The protest code when a demand is the aim of a protest ("began a hunger strike
    to demand …" 142, "staged demonstrations to demand …" 141, "rioted demanding …"):
    CAMEO codes the protest, the demand is what it is for."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
        return None
    head = verb.head
    for c in head.children:
        if c.dep_ == "dobj":
            lemma = c.lemma_.lower()
            if any(m.lower_ == "hunger" for m in c.children) and lemma == "strike":
                return p.protest_aims.get("hunger strike")
            if lemma in p.protest_aims:
                return p.protest_aims[lemma]
    return p.protest_aims.get(head.lemma_.lower())


def _requested_code(verb: Token, code: str, p: _Patterns) -> str:
    """An appeal or demand coded by what is asked for, as CAMEO does: "urged Iran to
    release the sailors" 0253, "demanded that Serbia withdraw its troops" 1056. Only
    the general codes (020, 100) are refined, by ``appeal_codes``/``demand_codes``. A
    demand that is the aim of a protest is the protest (``protest_aims``)."""
    c = cameo()[code]
    if c.root == "10" and (aim := _protest_aim(verb, p)) is not None:
        return aim
    table = {"020": p.appeal_codes, "100": p.demand_codes}.get(code)
    if table is None:
        return code
    for a in verb.children:
        if a.dep_ in ("xcomp", "ccomp") and a.pos_ == "VERB":
            action = _action_code(a, p)
            if action is not None and action in cameo():
                return table.get(action) or table.get(cameo()[action].root) or c.code
    return code


def _unasserted(verb: Token, p: _Patterns) -> bool:
    """An action only talked about: "discussed removing the sanctions", "urged Iran to
    release …" (the appeal is the event, coded on its own verb)."""
    if verb.dep_ not in ("xcomp", "pcomp", "ccomp", "dobj"):
        return False
    g = _governor(verb).lemma_.lower()
    return g in p.unasserting and g not in p.intent and g not in p.threatening


# A clause dated this long before or after the sentence's own event is history.
_BACKGROUND_SPANS = frozenset({"year", "month", "decade", "century"})


def _background(verb: Token) -> bool:
    """A past event the sentence dates its own by, not the news: "almost five years
    after Calenardhon crowds burned down its embassy", "months since X invaded Y" (it
    happened long before the article's date, which an event would carry)."""
    if verb.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("after", "since") for c in verb.children):
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _BACKGROUND_SPANS
               for c in verb.children)


def _governor(tok: Token) -> Token:
    """The verb whose object (or prepositional object) a noun is."""
    h = tok.head
    if tok.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    return h


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per sentence, code and dyad ("a state visit to Beijing … to visit")."""
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (e.start, e.code, (e.source_actor or {}).get("code"),
               (e.target_actor or {}).get("code"))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _verb_matches(tok: Token, vp: _VerbPattern) -> bool:
    if vp.particle and not any(c.dep_ in ("prt", "prep") and c.lower_ == vp.particle
                               for c in tok.children):
        return False
    if vp.objects and not any(c.dep_ == "dobj" and c.lemma_.lower() in vp.objects
                              for c in tok.children):
        return False
    return True


def _verb_events(tok: Token, vp: _VerbPattern, actors: _Actors, doc: Doc, source: str,
                 article_id: str, offset: int, published: date | None,
                 p: _Patterns, reciprocal: bool = True, nested: bool = False) -> list[Event]:
    subj, passive = _subjects(tok)
    group = len(subj) == 1 and subj[0].lower_ != "they"
    sources = actors.group(subj[0]) if group else []
    if not sources:
        sources = [a for t in subj if (a := actors.of(t)) is not None]
    if not sources and len(subj) == 1 and subj[0].lower_ in _REPORTED_SUBJECTS:
        sources = [a for t in _reported_subject(subj[0]) if (a := actors.of(t)) is not None]
    if not sources and len(subj) == 1 and subj[0].lower_ == "they":
        sources = actors.group(subj[0])  # "they both lashed out", "Xi and Putin met. They …"
    targets: list[dict[str, Any]] = []
    if passive:  # "China was criticised by Taiwan": Taiwan → China
        agents = [a for t in _preposition_objects(tok, {"by"}) if (a := actors.of(t))]
        sources, targets = agents, sources
    else:
        for spec in vp.targets:
            if spec == "dobj":
                toks = [t for c in tok.children if c.dep_ == "dobj" for t in _with_conj(c)]
                if vp.objects:  # "impose sanctions on X": the object is the action
                    toks = []
            elif spec == "dative":
                toks = [c for c in tok.children if c.dep_ == "dative"]
            else:
                preps = set(spec[5:].split("|"))
                toks = _preposition_objects(tok, preps)
                for c in tok.children:  # "impose sanctions on X", "take a swipe at X"
                    if c.dep_ == "dobj":
                        toks += (_nested_preposition_objects(c, preps) if nested
                                 else _preposition_objects(c, preps))
                    if c.dep_ == "prep":  # "signed up to a friendship with Putin"
                        for o in c.children:
                            if o.dep_ == "pobj":
                                toks += _preposition_objects(o, preps)
            targets += [a for t in toks if (a := actors.of(t)) is not None]
    if not targets and not passive and not nested and cameo()[vp.code].root in ("02", "10"):
        # "demanded that Serbia withdraw": the one asked is the subject of what is asked
        targets = [a for c in tok.children if c.dep_ == "ccomp"
                   for t in c.children if t.dep_ == "nsubj" for a in [actors.of(t)] if a]
    if not targets and not reciprocal:
        return []
    if not targets and vp.intransitive and len(sources) == 1:
        return _events(tok, vp.code, sources, [], doc, source, article_id, offset,
                       published, p, actors.geo, intransitive=True)
    if not targets and len(sources) > 1 and tok.lemma_.lower() not in p.reciprocal and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in p.reciprocal_objects for c in tok.children):
        # "Kenya and Uganda welcomed the report": not each other; but "signed an
        # agreement", "renewed talks" they do with each other
        return []
    return _events(tok, vp.code, sources, targets, doc, source, article_id, offset,
                   published, p, actors.geo)


def _noun_events(tok: Token, np_: _NounPattern, actors: _Actors, doc: Doc, source: str,
                 article_id: str, offset: int, published: date | None,
                 p: _Patterns) -> list[Event]:
    preps = set(np_.preps)
    objs = _preposition_objects(tok, preps)
    if not objs and tok.dep_ == "dobj":  # "opened investigations against X": the verb's
        objs = _preposition_objects(tok.head, preps)
    targets = []
    for t in objs:
        a = actors.of(t)
        if a is None:  # "an investigation into crimes committed by Croat forces"
            targets += [b for x in _nested_preposition_objects(t, set(), 2)
                        if (b := actors.of(x)) is not None]
        else:
            targets.append(a)
    poss = [c for c in tok.children if c.dep_ == "poss"]
    sources: list[dict[str, Any]] = []
    if poss:
        sources = [a for t in _with_conj(poss[0]) if (a := actors.of(t))]
    else:
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.i != head.head.i:
            head = head.head
        subj, _ = _subjects(head)
        sources = [a for t in subj if t.i != tok.i and (a := actors.of(t)) is not None]
    if not sources and (country := actors._modifier_state(tok)) is not None \
            and (state := actors.g.actors.get(country)) is not None:
        # "Palestinian riots against …": the country of the event noun
        sources = [{"name": state.name, "actor_id": state.id, "code": state.code,
                    "country": state.code[:3], "sector": None}]
    if not targets and (len(sources) < 2 or np_.code[:2] not in _RECIPROCAL_ROOTS):
        return []  # "Israel and Lebanon renewed negotiations": with each other
    return _events(tok, np_.code, sources, targets, doc, source, article_id, offset,
                   published, p, actors.geo)


def _events(trigger: Token, code: str, sources: list[dict[str, Any]],
            targets: list[dict[str, Any]], doc: Doc, source: str, article_id: str,
            offset: int, published: date | None, p: _Patterns, geo: Geography,
            intransitive: bool = False) -> list[Event]:
    if not targets and len(sources) < 2 and not (intransitive and sources):
        return []  # no one acted upon ("struck a more conciliatory tone"): no event
    negated = _negated(trigger, p)
    c = cameo()[_intended_code(code, None if negated else _intention(trigger, p), p)]
    sent: Span = trigger.sent
    when, precision = _date(sent, published, trigger)
    modality = _modality(trigger, p)
    where = locate(sent, trigger, geo)
    src: list[dict[str, Any] | None] = list(sources) or [None]
    tgt: list[dict[str, Any] | None] = list(targets) or [None]
    # an actor-less pair codes nothing: one side at least must be an actor with a
    # country or a named one (a linked mention, if unknown to the gazetteer); agents of
    # no known country alone ("protesters clashed with police") are none
    pairs = [(s, t) for s in src for t in tgt if not (s and t and _same(s, t))
             and any(a and (a.get("country") or a.get("actor_id")) for a in (s, t))]
    if c.root == "04" and c.code[:3] in ("042", "043"):
        # a visit needs a visitor, and one to (or a welcome in) one's own country is none
        pairs = [(s, t) for s, t in pairs if s and not (
            t and s.get("country") and s.get("country") == t.get("country"))]
    if len(sources) > 1 and not targets:
        if cameo()[code].root not in _RECIPROCAL_ROOTS:
            return []  # "Xi and Putin oppose interference" is not one opposing the other
        # "Xi and Putin agreed", "the two leaders spoke": each with the other
        pairs = [(s, t) for s in src for t in src if s and t and not _same(s, t)]
    out = []
    for s, t in pairs:
        conf = 0.8 if s and t else 0.5
        out.append(Event(
            source=source, article_id=article_id, start=offset + sent.start_char,
            end=offset + sent.end_char, code=c.code, root=c.root, quad_class=c.quad_class,
            goldstein=c.goldstein, plover=c.plover, plover_mode=c.plover_mode,
            source_actor=s, target_actor=t,
            trigger={"text": trigger.text, "start": offset + trigger.idx,
                     "end": offset + trigger.idx + len(trigger.text)},
            negated=negated, modality=modality, date=when, date_precision=precision,
            location=where, confidence=conf))
    return out


# Roots whose events two coordinated actors do with each other (cooperate, consult,
# agree, fight), not to each other.
_RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("actor_id") and b.get("actor_id"):
        return bool(a["actor_id"] == b["actor_id"])
    return bool(a.get("name") == b.get("name"))


def _date(sent: Span, published: date | None, trigger: Token) -> tuple[str | None, str]:
    """The date of the trigger's event: a DATE phrase of its sentence that hangs on
    the trigger or on no other verb (not "safeguarded in theory until 2047" for "the
    population blames those in power"), resolved against the article's date; else
    the article's date."""
    for ent in sent.ents:
        if ent.label_ == "DATE" and _verb_of(ent.root) in (None, trigger):
            phrase = ent.text
            prev = sent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.lower_ in ("on", "in", "last", "since"):
                phrase = f"{prev.text} {phrase}"
            when, precision = resolve(phrase, published)
            if when is not None:
                return when, precision
    if published is not None:
        return published.isoformat(), "article"
    return None, "none"


def _verb_of(t: Token) -> Token | None:
    """The nearest verb above ``t`` in the parse, or None."""
    for a in t.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None
