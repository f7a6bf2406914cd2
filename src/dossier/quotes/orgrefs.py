"""Organisations a pronoun or a bare spokesperson speaks for (issue 18, session 17):
"Big Machine have denied it. “…,” they said" (British English writes a firm in the
plural), "Ithilen Robotics recalled the vacuums. “…,” a spokesman said". The
organisation is the one the paragraph before names, when nothing else could be meant;
otherwise the phrase stays the speaker."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.parse.orgnouns import ORG_TYPES
from dossier.parse.orgnouns import org_words as nominal_words
from dossier.parse.tree import children
from dossier.quotes.book import BOOK, UNLINKED, UNRESOLVED
from dossier.quotes.orgs import org_speaker, unknown_owner
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import Mention


def window_start(view: ArticleView, tok: Token) -> int:
    """Where the paragraph before the one of ``tok`` begins (a text index): the
    window in which an organisation a pronoun or a spokesperson speaks for is named."""
    text = view.text
    lo = text.rfind("\n", 0, tok.idx)
    while lo > 0 and text[lo - 1] in "\n ":
        lo -= 1
    return text.rfind("\n", 0, lo) + 1 if lo > 0 else 0


@BOOK.rule("speakers", off=None)
def org_they(view: ArticleView, span: Span, reported: bool) -> tuple[SpeakerDict, float] | None:
    """A "they" that speaks a quotation is the organisation the paragraph before (or its
    own, before the pronoun's sentence, which holds a quotation) last had as a main
    subject, as British English writes a firm in the plural: "Big Machine have denied
    it. “At no point did we block her special,” they said"; "The company that runs the
    show, Dick Clark Productions, denies it. “…,” they said". Not when the last subject
    there is anyone else ("Officials at Ithilen Airways met. “…,” they said") or a
    person is named after the organisation ("Ithilen Airways sued Jane and Tom Ruiz.
    “…,” they said": either), nor a "they" of a clause ("is trying to convince the
    courts that they …")."""
    tok = span.root
    if reported or len(span) != 1 or tok.lower_ != "they" or view.quoted[tok.i] or not any(
            view.quoted[t.i] for t in tok.sent):
        return None  # (a "they" of a clause: "is trying to convince the courts that they …")
    doc = view.doc
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and not view.quoted[t.i]
           for t in tok.sent):
        return None  # another subject in the pronoun's own sentence: it may be meant
    lo = window_start(view, tok)
    people = False
    for t in reversed(doc[: tok.sent.start]):
        if t.idx < lo:
            break
        if view.quoted[t.i]:
            continue
        m = _as_org(view, t)
        if m is not None and m.type == "person" and _kind_named(t) is None:
            people = True
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ == "PRON" or t.head.dep_ not in (
                "ROOT", "conj"):
            continue  # (a main clause's subject: not "denies that any deal was made")
        if people:
            return None
        kind = t.lower_ in nominal_words().nominals
        for o in (t, *(c for c in t.subtree if c.dep_ == "appos" and (kind or c.head == t))):
            m = _as_org(view, o)
            if m is not None and m.type in ORG_TYPES:
                return org_speaker(view, m, [tok]), UNRESOLVED
            if (m is None or o is not t) and o.pos_ == "PROPN" and (
                    o.ent_type_ == "ORG" or o is not t and kind or o is t and _plural(o)):
                return unknown_owner(view, o, span), UNRESOLVED  # ("Big Machine have")
        return None
    return None


def _plural(o: Token) -> bool:
    """A singular proper name no NER type took with a plural verb, as British English
    writes a firm: "Big Machine have denied it"."""
    v = o.head
    return not o.ent_type_ and o.tag_ == "NNP" and (v.tag_ == "VBP" or any(
        c.dep_ == "aux" and c.tag_ == "VBP" for c in children(v)))


def _kind_named(t: Token) -> Token | None:
    """The noun for a kind of organisation the name at ``t`` is in apposition to ("the
    company that runs the show, Dick Clark Productions,"), or None."""
    for x in (t, *t.ancestors):
        if x.dep_ == "appos":
            return x.head if x.head.lower_ in nominal_words().nominals else None
        if x.dep_ not in ("compound", "flat"):
            return None
    return None


def _as_org(view: ArticleView, o: Token) -> Mention | None:
    """The mention at ``o``; the organisation named before in full when the mention is
    its short form that NER took for a person ("Ithilen Music" after "Ithilen Music
    Group")."""
    m = view.by_token.get(o.i)
    if m is None or m.type == "person" and m.via != "pronoun":
        return _named_before(view, o) or m
    return m


def _named_before(view: ArticleView, o: Token) -> Mention | None:
    """An organisation named before in full whose name the proper noun ``o`` (with its
    compounds) begins: "Big Machine" after "Big Machine Label Group"."""
    if o.pos_ != "PROPN":
        return None
    name = " ".join(t.text for t in o.subtree if t.i <= o.i and t.pos_ == "PROPN")
    at = view.start(o)
    return next((m for m in reversed(view.parsed.mentions) if m.end <= at
                 and m.type in ORG_TYPES and m.text.startswith(name + " ")), None)


# The heads of a spokesperson with no owner in the phrase ("a spokesman said").
_SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson"))


@BOOK.rule("speakers", off=None)
def bare_spokesperson(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """A spokesperson of no one named in the phrase speaks for the one organisation the
    paragraph before (or its own, up to the phrase) names: "Ithilen Robotics Inc.
    recalled 2,000 vacuum cleaners. … “Safety is our top priority,” a spokesman said"
    (Ithilen Robotics Inc.). Nobody when two organisations are named there, or a person
    after the organisation ("Ithilen Robotics did not respond. Mark Hale, a former
    engineer, spoke. … a spokesman said": whose?)."""
    root = span.root
    if root.lower_ not in _SPOKES or any(
            c.dep_ in ("poss", "compound", "nmod", "prep") for c in children(root)):
        return None
    doc = view.doc
    lo = window_start(view, root)
    orgs: dict[str, Mention] = {}
    for t in reversed(doc[: span.start]):
        if t.idx < lo:
            break
        m = view.by_token.get(t.i)
        if m is None or view.quoted[t.i]:
            continue
        if m.type == "person" and m.via != "pronoun" and not orgs:
            return None  # a person named after the organisation
        if m.type in ORG_TYPES:
            orgs.setdefault(m.actor_id, m)
    if len(orgs) != 1:
        return None
    return org_speaker(view, next(iter(orgs.values())), list(span)), UNLINKED


@BOOK.rule("speakers", off=None)
def org_short_form(view: ArticleView, m: Mention, phrase: list[Token]
                   ) -> tuple[SpeakerDict, float] | None:
    """A "the <Word>" NER took for an unknown person is the organisation named before
    whose name ends in that word: "The San Francisco Chronicle says police are looking
    for a man. … The Chronicle says he was arrested" (the Chronicle, no person). Not
    without "the" ("Chronicle said" may be someone's name), nor when two such
    organisations are named."""
    if m.type != "person" or not m.actor_id.startswith("local:") or " " in m.text.strip():
        return None
    tok = view.doc.char_span(m.start - view.parsed.offset, m.end - view.parsed.offset,
                             alignment_mode="expand")
    if tok is None or tok.start == 0 or view.doc[tok.start - 1].lower_ != "the":
        return None
    word = m.text.strip()
    fits = {o.actor_id: o for o in view.parsed.mentions if o.end <= m.start
            and o.type in ORG_TYPES and o.text.split()[-1:] == [word] and o.text != word}
    if len(fits) != 1:
        return None
    return org_speaker(view, next(iter(fits.values())), phrase), UNLINKED
