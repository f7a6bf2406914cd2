"""A person as a speaker by the noun the article described them with before: "Jeffrey
Kaufman, a lawyer for the family, … “…,” the lawyer said" is Jeffrey Kaufman (issue
18: "the lawyer" resolves to the full name the article gives)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK, UNLINKED
from dossier.quotes.mentions import mention_speaker
from dossier.quotes.view import ArticleView, SpeakerDict
from dossier.records import Mention

# How far back (tokens) the description may stand.
DESCRIBED_REACH = 600


def described(view: ArticleView, noun: Token) -> Mention | None:
    """The person mention the common noun ``noun`` describes: in apposition either way
    ("Kaufman, a lawyer", "the lawyer, Jeffrey Kaufman") or as a title before the name
    ("actor James Van Der Beek")."""
    near = [noun.head] if noun.dep_ == "appos" else []
    near += [c for c in children(noun) if c.dep_ == "appos"]
    if noun.dep_ in ("compound", "nmod") and noun.head.pos_ == "PROPN":
        near.append(noun.head)
    for t in near:
        m = view.by_token.get(t.i)
        if m is not None and m.type == "person":
            return m
    return None


@BOOK.rule("speakers", off=None)
def described_person(view: ArticleView, span: Span) -> tuple[SpeakerDict, float] | None:
    """"The lawyer said", "the actor said" is the one person the article described with
    that noun before: "Jeffrey Kaufman, a lawyer for the family, spoke. … “…,” the
    lawyer said" (in apposition or as a title before the name); nobody when it
    described two people so, or when the noun is used for someone unnamed in between
    ("a lawyer for the city")."""
    root = span.root
    if (root.pos_ != "NOUN" or span[0].lower_ not in ("the", "this") or root.tag_ != "NN"
            or any(t.pos_ not in ("DET", "ADJ", "NOUN") for t in span)):
        return None
    lemma = root.lemma_.lower()
    found: dict[str, Mention] = {}
    for t in view.doc[max(0, span.start - DESCRIBED_REACH) : span.start]:
        if t.pos_ != "NOUN" or t.lemma_.lower() != lemma or view.quoted[t.i]:
            continue
        m = described(view, t)
        if m is None:
            if any(c.lower_ in ("a", "an", "another") for c in children(t)):
                found.clear()  # "a lawyer for the city": someone else; only later counts
            continue
        found[m.actor_id] = m
    if len(found) != 1:
        return None
    m = next(iter(found.values()))
    sp = mention_speaker(m, view, list(span))
    sp.update(start=view.start(span), end=view.end(span))
    return sp, UNLINKED
