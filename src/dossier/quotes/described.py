"""Names inside a speaker's description that are not the speaker (issue 18): a place the
description says someone is from or based in ("one Washington-based trade expert",
"Middle East observers", "a top US public health expert"). The speaker is the phrase,
unlinked, not the place: a wrong name costs an analyst more than a phrase.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.parse.orgnouns import org_words
from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.view import ArticleView
from dossier.records import TRUSTED_LINK

# Mention types that are places.
PLACE_TYPES = frozenset(("state", "region"))
# How a place hangs below the noun it describes: "US expert", "Middle East observers",
# "Washington-based" (npadvmod of "based", an amod of the noun).
MODIFIER_DEPS = frozenset(("compound", "amod", "npadvmod", "nmod", "flat", "punct"))


@cache
def body_heads() -> frozenset[str]:
    """Heads through which a place speaks as a body or its voice ("China's commerce
    ministry", "US officials", "a Chinese foreign ministry spokesman", "a US report"),
    which this rule leaves alone: the nouns of ``[state_bodies]``, ``[org_speakers]``
    and ``evidence_nouns`` (quote_cues.toml) and of ``[org_nominals]`` (actor_cues.toml)."""
    d = load_toml("quote_cues.toml")
    o = d["org_speakers"]
    words = set(d["state_bodies"]) | set(d["evidence_nouns"]) | set(org_words().nominals)
    for key in ("spokesperson_heads", "statement_nouns", "document_heads"):
        words |= set(o[key])
    return frozenset(words)


@BOOK.rule("speakers", off=set())
def place_in_description(view: ArticleView, head: Token, subj: list[Token]) -> set[int]:
    """Under a common noun for a person or people that heads the phrase, a place the
    actor stage linked without trust (below ``TRUSTED_LINK``) as a modifier is no
    speaker: "“…,” one Washington-based trade expert said", "Middle East observers say",
    "a top US public health expert said" (the phrase speaks, not "Washington"); not a
    place linked with trust ("US officials said": the United States), a possessive
    ("Austria's interior minister"), nor a body or a voice of one ("China's commerce
    ministry", "a Chinese foreign ministry spokesman", "a US report"). The tokens of
    ``subj`` that are such places."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in body_heads() or (
            head.lower_ in body_heads()):
        return set()
    return {t.i for t in subj if (m := view.by_token.get(t.i)) is not None
            and m.type in PLACE_TYPES and m.confidence < TRUSTED_LINK and t.i != head.i
            and head in t.ancestors and placed_below(t, head)}


def placed_below(t: Token, head: Token) -> bool:
    """Whether ``t`` hangs below ``head`` by modifiers only (within a name, its words'
    own links: "Middle" of "Middle East"), not by a possessive or a preposition."""
    x = t
    while x.i != head.i:
        if x.dep_ not in MODIFIER_DEPS:
            return False
        x = x.head
    return True


@BOOK.rule("speakers", off=None)
def name_in_apposition(span: Span) -> str | None:
    """A speaker the actor stage did not link, written as a description and then, set
    off by commas, a name NER missed, is named by the name: "The group that owns most of
    her music, Big Machine, says …" is Big Machine. Not a description alone ("a
    spokesman for the company, who declined to be named"), a name in capitals (a
    dateline), nor one with a lower-case word ("the firm, which Acme owns")."""
    root = span.root
    app = [c for c in children(root) if c.dep_ == "appos" and c.i > root.i]
    if root.pos_ != "NOUN" or len(app) != 1:
        return None
    toks = [t for t in app[0].subtree if t.i < span.end]
    while toks and toks[0].pos_ == "DET":
        toks = toks[1:]
    if (not toks or toks[0].i == 0 or span.doc[toks[0].i - 1].text != ","
            and span.doc[toks[0].i - 2].text != "," or not all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in toks)):
        return None
    return span.doc[toks[0].i : toks[-1].i + 1].text
