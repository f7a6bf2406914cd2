"""A speaker named beside a description: the name before a comma, and the name
after the second of two joined descriptions (session 24)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK


@BOOK.rule("speakers", off=())
def described_conjuncts(head: Token, subj: list[Token]) -> tuple[Token, ...]:
    """A name set off after the last of two joined descriptions names the speaker as
    it does after one: "Haifa University geostrategy expert and former Israeli
    security official, Avinoam Idan, said" is Avinoam Idan (the parse hangs the
    apposition on "official", the second description), not the university that
    describes him. The children of the common nouns joined to ``head`` (within
    ``subj``) — looked at for an apposition as the head's own are; not a name joined
    as a second speaker ("the minister and Ana Ruiz": no apposition)."""
    if head.pos_ != "NOUN":
        return ()
    ids = {t.i for t in subj}
    return tuple(c for conj in children(head) if conj.dep_ == "conj" and conj.pos_ == "NOUN"
                 and conj.i in ids for c in children(conj) if c.dep_ == "appos")


@BOOK.rule("speakers", off=None)
def name_before_comma(span: Span) -> str | None:
    """A speaker the actor stage did not link, written as a name set off by a comma
    from what describes it, is named by the name alone: "“…,” added Claure, who is also
    an executive at SoftBank" is Claure, "Cheuk Hau-yip, the commander of the
    district, said" Cheuk Hau-yip (not "Officials, who asked not to be named": no
    proper name; not a dateline in capitals, "BUFFALO, N.Y. —")."""
    names: list[Token] = []
    for t in span:
        if t.pos_ == "PROPN" or names and t.text == "-":
            names.append(t)
            continue
        if t.text == "," and names and len(names) < len(span) - 1 and not any(
                n.is_upper and len(n) > 1 for n in names):  # ("BUFFALO, N.Y. —": a dateline)
            return span.doc[names[0].i : names[-1].i + 1].text
        return None
    return None
