"""Organisations as speakers: a noun for an organisation's kind that stands for the
one named earlier ("Ithilen Widgets cut 300 jobs. … “…,” the company said"), the
spokesperson or statement of a named organisation ("a spokesman for Acme", "a
WeWork spokesperson"), and "the statement" of whoever made one ("the US military
said in a statement … “…,” the statement said"). The speaker is the organisation as
the article names it; when nothing fits, or two fit, the phrase stays the speaker
(issue 18).

The words are in ``data/quote_cues.toml`` (``[org_speakers]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.quotes.book import BOOK, RESOLVED, UNLINKED
from dossier.quotes.mentions import org_as_named, source_phrase
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import TRUSTED_LINK, Mention

# The kinds of body an unknown organisation whose name says nothing of its kind may be
# ("WeWork", "Acme Robotics").
UNMARKED = frozenset(("company", "group"))
ORG_TYPES = ("org", "bloc")
# How far before its noun an organisation may be named (characters): about the
# length of a news story's first half.
ORG_REACH = 4000
# Prepositions that join a spokesperson or a statement to the body it speaks for.
FOR_PREPS = frozenset(("for", "of", "from", "at", "by"))


@dataclass(frozen=True)
class OrgWords:
    nominals: dict[str, frozenset[str]]
    kinds: dict[str, frozenset[str]]
    sectors: dict[str, frozenset[str]]
    spokes: frozenset[str]
    statements: frozenset[str]


@cache
def org_words() -> OrgWords:
    d = load_toml("quote_cues.toml")["org_speakers"]
    return OrgWords({k: frozenset(v) for k, v in d["nominals"].items()},
                    {k: frozenset(v) for k, v in d["kinds"].items()},
                    {k: frozenset(v) for k, v in d["sectors"].items()},
                    frozenset(d["spokesperson_heads"]), frozenset(d["statement_nouns"]))


def kinds_of(m: Mention) -> frozenset[str]:
    """The kinds of body an organisation may be: by its sector when the gazetteer
    knows it, by the words of its name ("Ministry of Health" is government, "Acme
    Inc." a company); a name with no such word may be a company or a group."""
    w = org_words()
    words = {x.strip(".,()").lower() for x in m.actor_name.split()} | {
        x.lower() for x in m.actor_name.split()}
    if words & w.kinds["media"]:
        return frozenset(("company",))  # "Xinhua News Agency" is no government agency
    kinds = {k for k, ws in w.kinds.items() if words & ws}
    if m.sector:
        kinds |= {k for k, secs in w.sectors.items() if m.sector in secs}
    elif not kinds and m.actor_id.startswith("local:"):
        kinds = set(UNMARKED)
    return frozenset(kinds)


def nearest_org(view: ArticleView, before: int, wanted: frozenset[str],
                noun: str = "") -> Mention | None:
    """The organisation of a wanted kind named last before the source offset
    ``before`` as an actor (not through a pronoun, nor as a place or in passing: "at
    the American Music Awards"); None when none is, when another one that fits is
    named in the same sentence (either could be meant), or when the ``noun`` itself
    stands in between for something else ("the regional health commission … the
    commission said")."""
    found: Mention | None = None
    sent: Span | None = None
    for m in sorted(view.parsed.mentions, key=lambda x: -x.start):
        if m.end > before or m.type not in ORG_TYPES or m.via == "pronoun":
            continue
        if before - m.start > ORG_REACH or (sent is not None and m.start < view.start(sent)):
            break
        if not kinds_of(m) & wanted:
            continue
        tok = view.span_at(m.start, m.end, "expand")
        if tok is None or in_passing(tok.root):
            continue
        if found is None and noun and rival_noun(view, tok.end, before, noun):
            return None
        if found is None:
            found = m
            sent = tok.sent
        elif m.actor_id != found.actor_id:
            return None  # "Acme and Ithilen …, the company said": either
    return found


def in_passing(t: Token) -> bool:
    """A name in a prepositional phrase of place, time or manner ("at the American
    Music Awards", "on Twitter"), not the "according to", "by", "from", "of" and
    "for" that name a source or an owner."""
    return t.dep_ == "pobj" and t.head.lower_ not in ("by", "from", "of", "for") and not (
        t.head.lower_ == "to" and t.head.head.lower_ == "according")


def rival_noun(view: ArticleView, lo: int, hi: int, noun: str) -> bool:
    """Whether the noun is used for another body from token ``lo`` up to the source
    offset ``hi``: "the regional health commission", "a commission"."""
    for t in view.doc[lo:]:
        if view.start(t) >= hi:
            break
        if t.lower_ == noun and t.pos_ == "NOUN" and t.i not in view.by_token and any(
                c.dep_ in ("amod", "compound") or c.lower_ in ("a", "an") for c in t.children):
            return True  # (not "the company" again, the same one)
    return False


def org_speaker(view: ArticleView, m: Mention, phrase: list[Token]) -> SpeakerDict:
    """The organisation ``m`` as the speaker whose words are ``phrase``: named as the
    article names it (an unknown one is not linked to an actor below
    ``TRUSTED_LINK``: what is unsure of it is whether it is an actor, not its name)."""
    span = view.doc[phrase[0].i : phrase[-1].i + 1]
    trusted = m.confidence >= TRUSTED_LINK
    return {"name": org_as_named(view, m) or m.actor_name,
            "actor_id": m.actor_id if trusted else None, "qid": m.qid if trusted else None,
            "start": view.start(span), "end": view.end(span),
            "via": "alias" if trusted else "unlinked",
            "phrase": source_phrase(view, phrase)}


def _bare(span: Span) -> bool:
    """A noun phrase that is only a determiner, adjectives or nouns and its head: "the
    company", "the Chinese tech company" (not "the company that made it", "the group
    of protesters")."""
    return all(t.i == span.root.i or t.dep_ in ("det", "amod", "compound", "nmod")
               and t.pos_ in ("DET", "ADJ", "NOUN") for t in span)


@BOOK.rule("speakers", off=None)
def org_nominal(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """"The company", "the ministry", "the agency" as a speaker is the nearest
    organisation of a fitting kind named before it ("Ithilen Widgets Ltd cut 300 jobs.
    … “We regret it,” the company said": Ithilen Widgets Ltd; a ministry or agency
    for "the ministry"); nobody when two fit in one sentence."""
    root = span.root
    noun = root.lower_
    wanted = org_words().nominals.get(noun)
    if (wanted is None or root.pos_ != "NOUN" or not _bare(span)
            or span[0].lower_ not in ("the", "this")):
        return None
    if any(t.lower_ in org_words().kinds["media"] for t in span):
        wanted = frozenset(("company",))  # "the news agency": a medium
    m = nearest_org(view, view.start(span), wanted, noun)
    if m is None:
        return None
    return org_speaker(view, m, list(span)), RESOLVED if m.confidence >= TRUSTED_LINK else (
        UNLINKED)


@BOOK.rule("speakers", off=None)
def spokesperson_of(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """A spokesperson or statement of an organisation speaks for it: "a spokesman for
    Acme", "a WeWork spokesperson", "a statement from the ministry" (the organisation,
    named or by its kind: "a company spokesperson"); not for a person ("a spokesman
    for Warner" is no Warner)."""
    root = span.root
    w = org_words()
    if root.lemma_.lower() not in w.spokes and root.lower_ not in w.spokes:
        return None
    owners = [c for c in root.children if c.dep_ in ("compound", "poss", "nmod")]
    owners += [g for c in root.children if c.dep_ == "prep" and c.lower_ in FOR_PREPS
               for g in c.children if g.dep_ == "pobj"]
    for o in owners:
        m = view.by_token.get(o.i)
        if m is not None and m.type in ORG_TYPES:
            return org_speaker(view, m, list(span)), RESOLVED if (
                m.confidence >= TRUSTED_LINK) else UNLINKED
        if m is None and o.pos_ == "PROPN" and not view.quoted[o.i] and o.ent_type_ in (
                "ORG", "NORP", ""):
            # "a WeWork spokesperson", "a spokesman for Ithilen Widgets" that the actor
            # stage did not link: the name as written
            return unknown_owner(view, o, span), UNLINKED
        wanted = w.nominals.get(o.lower_)
        if m is None and wanted is not None and o.pos_ == "NOUN":
            # "a company spokesperson", "a spokesman for the ministry"
            found = nearest_org(view, view.start(span), wanted)
            if found is not None:
                return org_speaker(view, found, list(span)), UNLINKED
    return None


def unknown_owner(view: ArticleView, o: Token, span: Span) -> SpeakerDict:
    """The proper name at ``o`` (with its compounds) as an unlinked organisation."""
    toks = [t for t in o.subtree if t.i <= o.i and t.pos_ == "PROPN" or t.i == o.i]
    name = view.doc[toks[0].i : o.i + 1].text
    return {"name": name, "actor_id": None, "qid": None, "start": view.start(span),
            "end": view.end(span), "via": "unlinked", "phrase": source_phrase(view, list(span))}


@BOOK.rule("speakers", off=None)
def statement_owner(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """"The statement said" is whoever made the statement just before: "the US
    military said in a statement … “…,” the statement said" (the subject of the verb
    that the last "statement" before it hangs on, or its "from"/possessor); nobody
    when the statement before is no one's."""
    root = span.root
    w = org_words()
    if (root.lemma_.lower() not in w.statements or span[0].lower_ not in ("the", "this")
            or not _bare(span)):
        return None
    doc = view.doc
    for t in reversed(doc[max(0, span.start - 400) : span.start]):
        if t.lemma_.lower() != root.lemma_.lower() or t.i == root.i:
            continue
        owner = _owner(view, t)
        if owner is None:
            return None
        if owner.type == "person" and owner.confidence < TRUSTED_LINK:
            return None
        return org_speaker(view, owner, list(span)), UNLINKED
    return None


def _owner(view: ArticleView, noun: Token) -> Mention | None:
    """Who made the statement ``noun``: "X said in a statement", "X issued a
    statement", "a statement from X", "X's statement"."""
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("from", "by"):
            o = c if c.dep_ == "poss" else next(
                (g for g in c.children if g.dep_ == "pobj"), None)
            if o is not None and (m := view.by_token.get(o.i)) is not None:
                return m
    v = noun.head
    if noun.dep_ == "pobj":
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    m = view.by_token.get(subj.i)
    if m is None:
        m = next((view.by_token[t.i] for t in subj.subtree if t.i in view.by_token), None)
    return m if m is not None and m.via != "pronoun" else None
