"""Organisations as speakers: a noun for an organisation's kind that stands for the
one named earlier ("Ithilen Widgets cut 300 jobs. … “…,” the company said"), the
spokesperson or statement of a named organisation ("a spokesman for Acme", "a
WeWork spokesperson"), and "the statement" of whoever made one ("the US military
said in a statement … “…,” the statement said"). The speaker is the organisation as
the article names it; when nothing fits, or two fit, the phrase stays the speaker
(issue 18).

"The company" is resolved by the actor stage's resolver
(``dossier.parse.orgnouns``, its words in ``data/actor_cues.toml``); the words
of spokespeople and statements are in ``data/quote_cues.toml`` (``[org_speakers]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.orgnouns import ORG_TYPES, bare, nearest_org
from dossier.parse.orgnouns import org_words as nominal_words
from dossier.parse.orgnouns import resolve as nominal_org
from dossier.parse.tree import children
from dossier.quotes.book import BOOK, RESOLVED, UNLINKED
from dossier.quotes.mentions import mention_speaker, org_as_named, source_phrase
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import TRUSTED_LINK, Mention
from dossier.rules import is_on

# The actor stage's rule whose resolver (:func:`dossier.parse.orgnouns.resolve`) the
# speaker step asks too.
ACTOR_RULE = "actors.coref.org_nominal"

# Prepositions that join a spokesperson or a statement to the body it speaks for.
FOR_PREPS = frozenset(("for", "of", "from", "at", "by"))


@dataclass(frozen=True)
class OrgWords:
    spokes: frozenset[str]
    statements: frozenset[str]
    documents: frozenset[str]


@cache
def org_words() -> OrgWords:
    d = load_toml("quote_cues.toml")["org_speakers"]
    return OrgWords(frozenset(d["spokesperson_heads"]) | frozenset(d["document_heads"]),
                    frozenset(d["statement_nouns"]), frozenset(d["document_heads"]))


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
            "phrase": source_phrase(view, phrase), "code": m.code}


@BOOK.rule("speakers", off=None)
def org_nominal(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """A speaker the actor stage left alone that is a noun for a kind of organisation
    is the one the actor stage's resolver finds (``actors.coref.org_nominal``): "the
    Chinese tech company said" after "Ithilen Widgets Ltd cut 300 jobs" is Ithilen
    Widgets Ltd; nobody when two fit in one sentence."""
    if not is_on(ACTOR_RULE):  # one resolver: off in the actor stage, off here too
        return None
    m = nominal_org(view.parsed, view.parsed.mentions, clause_set_off(span),
                    view.by_token.__contains__)
    if m is None:
        return None
    return org_speaker(view, m, list(span)), RESOLVED if m.confidence >= TRUSTED_LINK else (
        UNLINKED)


@BOOK.rule("speakers")
def clause_set_off(span: Span) -> Span:
    """A noun for a kind of organisation with a relative clause set off by commas is
    the noun without it, for :func:`org_nominal`: "Volkswagen is giving us a glimpse of
    the car of the future. ⏎ The German automaker, which has focused on electric
    vehicles since its scandal, says …" (Volkswagen; not a restrictive clause: "the
    company that runs the AMAs" introduces another)."""
    root = span.root
    rel = [c for c in children(root) if c.dep_ == "relcl" and c.i > root.i]
    if bare(span) or len(rel) != 1 or root.i + 1 >= span.end or span.doc[root.i + 1].text != ",":
        return span
    head = span.doc[span.start : root.i + 1]
    return head if bare(head) else span


@BOOK.rule("speakers", off=None)
def spokesperson_of(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """A spokesperson, statement or report of an organisation speaks for it: "a
    spokesman for Acme", "a WeWork spokesperson", "a statement from the ministry", "a
    report from Ithilen Securities said" (the organisation,
    named or by its kind: "a company spokesperson"); not for a person ("a spokesman
    for Warner" is no Warner), nor the words of a title ("the Human Development Report"
    is no "Human Development")."""
    root = span.root
    w = org_words()
    if root.lemma_.lower() not in w.spokes and root.lower_ not in w.spokes:
        return None
    owners = [c for c in children(root) if c.dep_ in ("compound", "poss", "nmod")]
    owners += [g for c in children(root) if c.dep_ == "prep" and (
        c.lower_ in FOR_PREPS or report_in(root, c)) for g in children(c) if g.dep_ == "pobj"]
    for o in owners:
        m = view.by_token.get(o.i)
        if m is not None and m.type in ORG_TYPES:
            return org_speaker(view, m, list(span)), RESOLVED if (
                m.confidence >= TRUSTED_LINK) else UNLINKED
        if m is None and o.pos_ == "PROPN" and not view.quoted[o.i] and o.ent_type_ in (
                "ORG", "NORP", "") and not (o.dep_ == "poss" and root.lower_ in w.documents
                                            or o.dep_ == "compound" and root.is_title):
            # "a WeWork spokesperson", "a spokesman for Ithilen Widgets" that the actor
            # stage did not link: the name as written
            return unknown_owner(view, o, span), UNLINKED
        wanted = nominal_words().nominals.get(o.lower_)
        if m is None and wanted is not None and o.pos_ == "NOUN":
            # "a company spokesperson", "a spokesman for the ministry"
            found = nearest_org(view.parsed, view.parsed.mentions, view.start(span), wanted,
                                view.by_token.__contains__)
            if found is not None:
                return org_speaker(view, found, list(span)), UNLINKED
    return None


@BOOK.rule("speakers", off=False)
def report_in(noun: Token, prep: Token) -> bool:
    """A report "in" a paper is the paper's: "according to a report in the Ithilen
    Courier, the campaign cost $449,000" (the Ithilen Courier); not a statement or a
    spokesperson "in" a place or a body ("a statement in Parliament", "a spokesman in
    Washington"), nor a study "in" a journal (its authors')."""
    return prep.lower_ == "in" and noun.lower_ == "report"


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
            or not bare(span)):
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


@BOOK.rule("speakers", off=None)
def owned_statement(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """A statement, letter or email someone owns speaks for its owner, a person too:
    "The minister, Maria Santos, resigned. … “I have done my best,” her statement said"
    (Santos), "the minister's letter said". Not a spokesperson ("his spokesman said" is
    no "he", ``around_heads``), nor a report or a study ("The Wrap's report" is no Wrap's
    words); an owner the actor stage did not link or was unsure of leaves the phrase."""
    root = span.root
    if root.dep_ != "nsubj" or root.lemma_.lower() not in org_words().statements or (
            root.lower_ not in (*org_words().statements,
                                *(w + "s" for w in org_words().statements))):
        return None  # (a passive's subject is what was done: "her statement was shown …")
    owner = next((c for c in children(root) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    m = view.by_token.get(owner.i)
    if m is None or m.confidence < TRUSTED_LINK:
        return None
    sp = mention_speaker(m, view, list(span))
    if sp["actor_id"] is None:
        return None
    return sp, UNLINKED if m.via == "pronoun" else RESOLVED


def _owner(view: ArticleView, noun: Token) -> Mention | None:
    """Who made the statement ``noun``: "X said in a statement", "X issued a
    statement", "a statement from X", "X's statement"."""
    for c in children(noun):
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("from", "by"):
            o = c if c.dep_ == "poss" else next(
                (g for g in children(c) if g.dep_ == "pobj"), None)
            if o is not None and (m := view.by_token.get(o.i)) is not None:
                return m
    v = noun.head
    if noun.dep_ == "pobj":
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    m = view.by_token.get(subj.i)
    if m is None:
        m = next((view.by_token[t.i] for t in subj.subtree if t.i in view.by_token), None)
    return m if m is not None and m.via != "pronoun" else None
