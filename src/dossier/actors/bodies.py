"""National bodies: a body named by its kind alone ("the Senate") is the story's
country's (``national_body``) or, in a story of another country, not this one
(``foreign_body``); a national agency's abbreviation ("CDC") in words or a story of
another country is not this country's agency (``another_countrys_agency``).
Called from :func:`dossier.actors.kinds.review`; word lists in ``actor_cues.toml``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.gazetteer import Actor, Gazetteer, norm
from dossier.parse.texts import span_text

# an organisation's abbreviation ("CDC", "FBI", "NHS")
ABBREVIATION = re.compile(r"[A-Z]{2,6}")


def without_the(span: Span) -> Span:
    """``span`` without a leading "the"."""
    if len(span) > 1 and span[0].lower_ == "the":
        return span[1:]
    return span


def state_code(g: Gazetteer, word: str) -> str | None:
    """The state a name or adjective names ("Russian", "US", "Britain")."""
    key = norm(word)
    if key in g.demonyms:
        return g.demonyms[key]
    for x in g.by_name(word):
        if x.type == "state":
            return x.id
    return None


@BOOK.rule("names", off=None)
def national_body(a: Article, span: Span) -> Actor | None:
    """An unknown organisation named by its kind alone ("the Senate", "the Navy") in a
    story whose country has such a body in the gazetteer (its name is the country's
    name and that kind: "United States Senate", "Supreme Court of the United States")
    is that body: "the House impeached him and the Senate will try him" in an American
    story is the United States Senate (not in a story of no country, nor of a country
    whose body the gazetteer lacks). The story's country is that of the known people
    the whole article names, else the country it names most."""
    bodies = national_bodies(a.g).get(norm(span_text(without_the(span))))
    if bodies is None:
        return None
    country = a.doc_focus or most_named_state(a)
    return a.g.actors[bodies[country]] if country in bodies else None


def most_named_state(a: Article) -> str | None:
    """The state the article names most often (None on a tie)."""
    counts = Counter(x.id for sp in a.name_spans for x in a.g.by_name(sp.text)
                     if x.type == "state")
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


@BOOK.rule("names", off=False)
def foreign_body(a: Article, span: Span, actor: Actor) -> bool:
    """A country's body named by its kind alone (``national_body_kinds``: "the House of
    Representatives", "Congress", "the Senate") in a story that names nothing else of
    that country is some other country's body, not that one: a Nigerian story's "the
    House of Representatives" is not the United States House (not in a story naming
    Donald Trump or the United States, nor "the US House")."""
    if norm(without_the(span).text) not in cues().national_body_kinds or not actor.country:
        return False
    return not any(x.country == actor.country or x.id == actor.country
                   for sp in a.name_spans if not (sp.start < span.end and span.start < sp.end)
                   and norm(without_the(sp).text) not in cues().national_body_kinds
                   for x in a.g.by_name(sp.text))


@cache
def national_bodies(g: Gazetteer) -> dict[str, dict[str, str]]:
    """The gazetteer's organisations whose name is a country's name and a kind ("United
    States Senate", "Supreme Court of the United States"), by the kind's words and
    country (``national_body_kinds``; a kind two of a country's bodies share is left
    out)."""
    kinds = cues().national_body_kinds
    out: dict[str, dict[str, str]] = {}
    clash: set[tuple[str, str]] = set()
    for x in g.actors.values():
        state = g.actors.get(x.country) if x.type == "org" and x.country else None
        if state is None or state.type != "state":
            continue
        countries = [c for c in (state.name, *state.aliases) if c[:1].isupper()]
        for name in (x.name, *x.aliases):
            for c in countries:
                kind = (name[len(c) + 1:] if name.startswith(c + " ") else
                        name.removesuffix(f" of the {c}").removesuffix(f" of {c}"))
                key = norm(kind)
                if kind == name or key not in kinds:
                    continue
                if out.setdefault(key, {}).setdefault(x.country, x.id) != x.id:
                    clash.add((key, x.country))
    for key, country in clash:
        del out[key][country]
    return out


@BOOK.rule("names", off=False)
def another_countrys_agency(a: Article, span: Span, actor: Actor) -> bool:
    """A national agency's abbreviation ("CDC") is another country's like body, not
    this one, when another country owns or qualifies it ("China's CDC", "the Chinese
    CDC", "Africa CDC"), or when the article names that other body so or in full ("the
    Chinese Center for Disease Control and Prevention") and never this agency by its
    country or full name: "China's CDC said … The CDC said" is China's both times; not
    "the US CDC", nor "The CDC said the virus spread in China" (a story of another
    country may well quote this agency)."""
    bare = without_the(span)
    state = a.g.actors.get(actor.country)
    if state is None or state.type != "state" or not ABBREVIATION.fullmatch(bare.text) \
            or norm(bare.text) == norm(actor.name):
        return False  # (not a bloc's body: "the EU", "NATO")
    owner = owner_state(a, bare)
    if owner is not None:
        return owner != actor.country
    return others_named(a, actor, bare.text)


def owner_state(a: Article, span: Span) -> str | None:
    """The state (or bloc, region) named or described right before ``span``: "China's",
    "Chinese", "South Korea's", "US"."""
    doc, toks = a.doc, a.tokens
    j = span.start - 1
    if j >= 0 and toks[j].text in ("'s", "’s", "'", "’"):
        j -= 1
    if j < 0 or not toks[j].text[:1].isupper():
        return None
    i = j
    while i > 0 and toks[i - 1].pos_ == "PROPN" and toks[i - 1].text[:1].isupper():
        i -= 1
    for k in range(i, j + 1):  # the longest name first: "South Korea" before "Korea"
        code = state_code(a.g, doc[k : j + 1].text)
        if code is None:
            code = next((x.id for x in a.g.by_name(doc[k : j + 1].text)
                         if x.type == "bloc" or len(x.id) == 3 and x.id.isupper()), None)
        if code is not None:
            return code
    return None


def others_named(a: Article, actor: Actor, abbreviation: str) -> bool:
    """The article names another country's body by ``abbreviation`` ("China's CDC") or
    by this agency's full name after that country ("the Chinese Center for Disease
    Control and Prevention"), and this agency never by its country ("the US CDC") nor
    by its full name alone (worked out once an article and abbreviation)."""
    key = (actor.id, abbreviation)
    if key not in a.others_bodies:
        a.others_bodies[key] = _others_named(a, actor, abbreviation)
    return a.others_bodies[key]


def _others_named(a: Article, actor: Actor, abbreviation: str) -> bool:
    doc = a.doc
    owners = {owner_state(a, doc[t.i : t.i + 1]) for t in doc if t.text == abbreviation}
    names = {_loose(n) for n in (actor.name, *actor.aliases) if len(n.split()) > 2}
    for ent in doc.ents:
        words = without_the(ent)
        if ent.label_ != "ORG" or len(words) < 3:
            continue
        if _loose(words.text) in names:
            owners.add(actor.country)
        for k in (1, 2):
            if len(words) > k + 2 and _loose(words[k:].text) in names:
                owners.add(state_code(a.g, words[:k].text))
    owners.discard(None)
    return bool(owners) and actor.country not in owners


def _loose(name: str) -> str:
    """A name compared without case or plural endings ("Center" is "Centers")."""
    return " ".join(w.removesuffix("s") for w in norm(name).split())
