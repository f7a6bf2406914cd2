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

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.actors.gazetteer import Actor, load_gazetteer, norm
from dossier.actors.link import mentions_by_token, quoted_tokens
from dossier.data import load_toml
from dossier.events.codes import cameo
from dossier.events.dates import resolve
from dossier.events.places import locate
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
    verbs: tuple[_VerbPattern, ...]
    nouns: tuple[_NounPattern, ...]
    negating: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    intent: frozenset[str]
    agents: dict[str, str]


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
    verbs = tuple(_VerbPattern(frozenset(v["lemmas"]), v["code"], _targets(v["target"]),
                               v.get("particle"), frozenset(v.get("object", [])),
                               bool(v.get("intransitive", False)))
                  for v in d["verb"])
    nouns = tuple(_NounPattern(frozenset(n["nouns"]), n["code"], frozenset(n["preps"]),
                               frozenset(n.get("modifiers", []))) for n in d["noun"])
    return _Patterns(verbs, nouns, frozenset(d["negating"]), frozenset(d["hypothetical"]),
                     frozenset(d["future"]), frozenset(d["intent"]), dict(d["agents"]))


_FALLBACK_TARGETS = ("dobj", "prep:with", "prep:against", "prep:to", "prep:on", "prep:at",
                     "prep:from", "prep:for")


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


class _Actors:
    """Actor of a token: its mention, else a place's state (a "visit to Beijing")."""

    def __init__(self, doc: Doc, mentions: list[Mention], offset: int) -> None:
        self.by_token = mentions_by_token(doc, mentions, offset)
        self.g = load_gazetteer()
        counts: dict[str, int] = {}
        for m in mentions:
            if m.type == "state" and m.country:
                counts[m.country] = counts.get(m.country, 0) + 1
        self.focus = max(counts, key=counts.__getitem__) if counts else None

    def the_two(self, tok: Token) -> list[dict[str, Any]]:
        """ "The two leaders", "the two": the last two people named before ``tok``."""
        if not (any(c.lower_ == "two" for c in tok.children) or tok.lower_ == "two") or \
                not any(c.lower_ == "the" for c in (*tok.children, *tok.lefts)):
            return []
        people: list[Mention] = []
        for i in range(tok.i - 1, -1, -1):
            m = self.by_token.get(i)
            if m is not None and m.type == "person" and not m.actor_id.startswith("local:") \
                    and all(p.actor_id != m.actor_id for p in people):
                people.append(m)
                if len(people) == 2:
                    break
        if len(people) < 2:
            return []
        return [{"name": m.actor_name, "actor_id": m.actor_id, "code": m.code,
                 "country": (m.code or m.country or "")[:3] or None, "sector": m.sector}
                for m in reversed(people)]

    def _modifier_state(self, tok: Token) -> str | None:
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod"):
                code = self.g.demonyms.get(norm(c.text))
                if code is None:
                    code = next((a.id for a in self.g.by_name(c.text) if a.type == "state"),
                                None)
                if code is not None:
                    return code
        return None

    def of(self, tok: Token) -> dict[str, Any] | None:
        m = self.by_token.get(tok.i)
        for deps in (("appos",), ("compound", "flat"), ("poss",)):
            if m is not None:
                break
            for c in tok.children:
                if c.dep_ in deps and c.i in self.by_token:
                    m = self.by_token[c.i]
                    break
        if m is not None:
            code = m.code or m.country or ""
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
        sector = patterns().agents.get(tok.lemma_.lower())
        if sector is not None and tok.pos_ == "NOUN":
            country = self._modifier_state(tok) or self.focus
            if country:
                return {"name": f"{tok.text} ({country})", "actor_id": None,
                        "code": country + sector, "country": country, "sector": sector}
        if tok.ent_type_ in ("GPE", "LOC", "FAC"):
            state = self.g.metonyms.get(norm(tok.text))
            actor: Actor | None = self.g.actors.get(state) if state else None
            if actor is None:
                actor = next((a for a in self.g.by_name(tok.text) if a.type == "state"), None)
            if actor is not None:
                return {"name": actor.name, "actor_id": actor.id, "code": actor.code,
                        "country": actor.code[:3], "sector": None}
        return None


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
        v = v.head if v.dep_ in ("xcomp", "conj", "advcl", "pcomp") and v.head.i != v.i else None
    return [], False


def _negated(verb: Token, p: _Patterns) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for anc in verb.ancestors:
        if any(c.dep_ == "neg" for c in anc.children) and anc.pos_ in ("AUX", "VERB") \
                and verb.dep_ in ("xcomp", "ccomp") and anc.i == verb.head.i:
            return True
        if anc.lemma_.lower() in p.negating:
            return True
        if anc.dep_ == "ROOT":
            break
    return False


def _modality(verb: Token, p: _Patterns) -> str:
    chain = [verb, *list(verb.ancestors)[:2]]
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


def extract_events(doc: Doc, mentions: list[Mention], *, source: str, article_id: str,
                   offset: int = 0, published: date | None = None) -> list[Event]:
    """Events of one parsed article (negated ones included, flagged)."""
    p = patterns()
    actors = _Actors(doc, mentions, offset)
    quoted = quoted_tokens(doc)
    out: list[Event] = []
    for tok in doc:
        if quoted[tok.i]:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            for vp in p.verbs:
                if lemma in vp.lemmas and _verb_matches(tok, vp):
                    out.extend(_verb_events(tok, vp, actors, doc, source, article_id,
                                            offset, published, p))
                    break
            else:
                fallback = petrarch_verbs().get(lemma)
                if fallback is not None and tok.pos_ == "VERB":
                    vp = _VerbPattern(frozenset({lemma}), fallback, _FALLBACK_TARGETS, None,
                                      frozenset())
                    found = _verb_events(tok, vp, actors, doc, source, article_id, offset,
                                         published, p, reciprocal=False)
                    # a dictionary verb codes only a dyad of two actors
                    out.extend(e for e in found if e.source_actor and e.target_actor)
        elif tok.pos_ in ("NOUN", "PROPN"):
            for np_ in p.nouns:
                if lemma in np_.nouns and (not np_.modifiers or any(
                        c.lower_ in np_.modifiers for c in tok.children)):
                    out.extend(_noun_events(tok, np_, actors, doc, source, article_id,
                                            offset, published, p))
                    break
    return _dedupe(out)


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
                 p: _Patterns, reciprocal: bool = True) -> list[Event]:
    subj, passive = _subjects(tok)
    sources = actors.the_two(subj[0]) if len(subj) == 1 else []
    if not sources:
        sources = [a for t in subj if (a := actors.of(t)) is not None]
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
                        toks += _preposition_objects(c, preps)
                    if c.dep_ == "prep":  # "signed up to a friendship with Putin"
                        for o in c.children:
                            if o.dep_ == "pobj":
                                toks += _preposition_objects(o, preps)
            targets += [a for t in toks if (a := actors.of(t)) is not None]
    if not targets and not reciprocal:
        return []
    if not targets and vp.intransitive and len(sources) == 1:
        return _events(tok, vp.code, sources, [], doc, source, article_id, offset,
                       published, p, intransitive=True)
    return _events(tok, vp.code, sources, targets, doc, source, article_id, offset,
                   published, p)


def _noun_events(tok: Token, np_: _NounPattern, actors: _Actors, doc: Doc, source: str,
                 article_id: str, offset: int, published: date | None,
                 p: _Patterns) -> list[Event]:
    targets = [a for t in _preposition_objects(tok, set(np_.preps)) if (a := actors.of(t))]
    poss = [c for c in tok.children if c.dep_ == "poss"]
    sources: list[dict[str, Any]] = []
    if poss:
        sources = [a for t in _with_conj(poss[0]) if (a := actors.of(t))]
    else:
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.i != head.head.i:
            head = head.head
        subj, _ = _subjects(head)
        sources = [a for t in subj if (a := actors.of(t)) is not None]
    if not targets:
        return []
    return _events(tok, np_.code, sources, targets, doc, source, article_id, offset,
                   published, p)


def _events(trigger: Token, code: str, sources: list[dict[str, Any]],
            targets: list[dict[str, Any]], doc: Doc, source: str, article_id: str,
            offset: int, published: date | None, p: _Patterns,
            intransitive: bool = False) -> list[Event]:
    if not targets and len(sources) < 2 and not (intransitive and sources):
        return []  # no one acted upon ("struck a more conciliatory tone"): no event
    c = cameo()[code]
    sent: Span = trigger.sent
    when, precision = _date(sent, published)
    negated = _negated(trigger, p)
    modality = _modality(trigger, p)
    where = locate(sent, trigger)
    src: list[dict[str, Any] | None] = list(sources) or [None]
    tgt: list[dict[str, Any] | None] = list(targets) or [None]
    pairs = [(s, t) for s in src for t in tgt if not (s and t and _same(s, t))]
    if len(sources) > 1 and not targets:
        if c.root not in _RECIPROCAL_ROOTS:
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


def _date(sent: Span, published: date | None) -> tuple[str | None, str]:
    for ent in sent.ents:
        if ent.label_ == "DATE":
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
