"""A news medium that says whom it cites relays that body's words (issue 18): "the news
agency said, citing the regional health commission" is the commission's report,
Xinhua only its relay (``reported_via``), as "Xinhua reported that Xi said …" is
Xi's. The cited body must be one: a linked organisation, state body or person, or a
noun phrase headed by a noun for a kind of government body ("the health ministry");
"citing sources", "citing people familiar with the matter", "citing internal
documents" name no body, and the medium stays the speaker.

The verbs are ``[cited_source]`` of ``data/quote_cues.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.orgnouns import ORG_TYPES
from dossier.parse.orgnouns import org_words as nominal_words
from dossier.parse.tree import children
from dossier.quotes.book import BOOK, RESOLVED, UNLINKED
from dossier.quotes.mentions import mention_speaker, raw_speaker, subject_mention, untrusted_link
from dossier.quotes.orgs import org_nominal, org_speaker, spokesperson_of
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import TRUSTED_LINK

# The actor types a cited body may be.
_BODY_TYPES = (*ORG_TYPES, "state", "person")


@dataclass(frozen=True)
class CitedWords:
    verbs: frozenset[str]  # participles that name the cited body: "citing", "quoting"
    media: frozenset[str]  # words of a medium's name or noun ("news agency", "Reuters")
    bodies: frozenset[str]  # heads of an unlinked body's phrase ("the health ministry")


@cache
def cited_words() -> CitedWords:
    d = load_toml("quote_cues.toml")["cited_source"]
    kinds = nominal_words()
    bodies = frozenset(n for n, ks in kinds.nominals.items() if ks & {"government", "police"})
    return CitedWords(frozenset(d["verbs"]), kinds.kinds["media"], bodies)


def is_medium(sp: SpeakerDict) -> bool:
    """A speaker that is a news medium: its CAMEO sector ("GBRMED", "CHNGOVMED"), or a
    word of its name or phrase ("the news agency", "Reuters")."""
    code = sp.get("code") or ""
    words = f"{sp.get('name') or ''} {(sp.get('phrase') or {}).get('text') or ''}"
    return code.endswith("MED") or bool(
        {w.strip(".,’'").lower() for w in words.split()} & cited_words().media)


def citing(cue: Token) -> bool:
    """Whether a participle after the cue may name its source ("said, citing …")."""
    w = cited_words().verbs
    return any(c.tag_ == "VBG" and c.i > cue.i and c.lemma_.lower() in w for c in children(cue))


@BOOK.rule("speakers", off=None)
def cited_source(view: ArticleView, cue: Token, found: SpeakerDict | None
                 ) -> tuple[SpeakerDict, float, dict[str, Any]] | None:
    """A medium's cue with a participle that names its source speaks for that source:
    "the news agency said, citing the regional health commission" (the commission,
    relayed by the agency), "Reuters reported, quoting the Interior Ministry". The
    cited body, its confidence, and the medium as the relay; None when the speaker is
    no medium ("McCain said, citing low growth") or the object names no body ("citing
    sources", "citing internal documents")."""
    if found is None or not is_medium(found):
        return None
    w = cited_words()
    for c in children(cue):
        if not (c.tag_ == "VBG" and c.lemma_.lower() in w.verbs and c.i > cue.i):
            continue
        obj = next((g for g in children(c) if g.dep_ == "dobj"), None)
        if obj is None:
            return None
        body = cited_body(view, obj)
        if body is None or body[0]["name"] == found["name"] or found.get("actor_id") and (
                body[0]["actor_id"] == found["actor_id"]):
            return None  # (the medium itself: "citing the company" read as the paper)
        return (*body, {"name": found["name"], "actor_id": found.get("actor_id")})
    return None


def cited_body(view: ArticleView, obj: Token) -> tuple[SpeakerDict, float] | None:
    """The body ``obj`` heads (its phrase up to the head: no relative clause or
    apposition after it), or None."""
    toks = [t for t in obj.subtree if t.i <= obj.i]
    if any(view.quoted[t.i] or "\n" in t.text for t in toks):
        return None
    span = view.doc[toks[0].i : obj.i + 1]
    m = subject_mention(view, toks)
    if m is not None:
        if m.type not in _BODY_TYPES or m.via == "pronoun":
            return None
        if m.type in ORG_TYPES:  # (an unknown one as the article names it, unlinked)
            return org_speaker(view, m, toks), RESOLVED if m.confidence >= TRUSTED_LINK else (
                UNLINKED)
        if untrusted_link(m):
            return None
        return mention_speaker(m, view, toks), RESOLVED
    for rule in (org_nominal, spokesperson_of):  # "the ministry", "a statement from X"
        if (org := rule(view, span)) is not None:
            return org
    if obj.pos_ in ("NOUN", "PROPN") and obj.lower_ in cited_words().bodies and span[0].lower_ in (
            "the", "a", "an") and _plain(span):
        return raw_speaker(view, toks, "unlinked"), UNLINKED  # "the regional health commission"
    return None


def _plain(span: Span) -> bool:
    """Only a determiner, adjectives and nouns before the head: "the regional health
    commission" (not "the commission's report", "a source at the ministry")."""
    return all(t.i == span.root.i or t.dep_ in ("det", "amod", "compound")
               and t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in span)
