"""Names inside a speaker's phrase that are not its voice (issue 18, session 22): the
members a group's phrase lists ("Fifty former intelligence officials, including former
CIA directors John Brennan and Leon Panetta, signed a letter"), and a body named inside
the description of an object speaker ("Politico quoted Tom Ruiz, formerly a deputy
administrator at FEMA, as saying"). A wrong name costs an analyst more than a phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.described import body_heads

# Prepositions that list some members of the group they hang on ("officials, including
# …"); "as" only after "such".
MEMBER_PREPS = frozenset(("including", "like", "among"))


@BOOK.rule("speakers", off=set())
def group_members(head: Token) -> set[int]:
    """Under a common noun that heads the phrase, what an "including", "such as" or
    "among them" phrase lists are members of the group, not its voice: "Fifty former
    intelligence officials, including former CIA directors John Brennan and Leon
    Panetta, signed a letter saying …" (the officials, not the CIA; the Wikinews 2020
    tuning sheet), "Others, including Fox News reporter Jennifer Griffin, confirmed …"
    (not Fox News). The tokens of those phrases."""
    if head.pos_ not in ("NOUN", "PRON"):
        return set()
    out: set[int] = set()
    for c in children(head):
        if c.dep_ != "prep" or c.i < head.i:
            continue
        such = c.lower_ == "as" and c.i > 0 and head.doc[c.i - 1].lower_ == "such"
        if c.lower_ in MEMBER_PREPS or such:
            out |= {t.i for t in c.subtree}
    return out


@BOOK.rule("speakers", off=set())
def participle_objects(head: Token) -> set[int]:
    """Under a common noun for people that heads the phrase, what a participle after it
    works on is no speaker: "scientists studying patients in Zhuhai in China's Guangdong
    Province reported …" (the scientists, not China; the Wikinews 2020 tuning
    articles). Not under a body or its voice ("a spokesman representing Acme", the
    nouns of :func:`dossier.quotes.described.body_heads`). The tokens of the
    participle's clause."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in body_heads() or (
            head.lower_ in body_heads()):
        return set()
    return {t.i for c in children(head) if c.dep_ == "acl" and c.tag_ == "VBG"
            and c.i > head.i for t in c.subtree}


@BOOK.rule("speakers", off=set())
def possessor_modifiers(head: Token) -> set[int]:
    """Under a common noun for a person that heads the phrase, a name that only
    describes the possessor is no speaker: "A VOA Extremism Watch Desk reporter Nisan
    Ahmado's source inside the Rukban camp, a Syrian refugee …, said" (the source, not
    VOA; two tuning sheets of pages 0–7 marked it wrong). The possessor itself and the
    words of its own name stay ("Russia's foreign ministry"), and so does anything under
    a body or its voice (:func:`dossier.quotes.described.body_heads`). The tokens of the
    possessor's phrase but its name."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in body_heads() or (
            head.lower_ in body_heads()):
        return set()
    out: set[int] = set()
    for poss in children(head):
        if poss.dep_ != "poss" or poss.pos_ != "PROPN":
            continue
        name = {c.i for c in children(poss) if c.dep_ in ("compound", "flat")
                and c.pos_ == "PROPN"}
        out |= {t.i for t in poss.subtree if t.i != poss.i and t.i not in name}
    return out


@BOOK.rule("speakers", off=None)
def phrase_head(subj: list[Token], ids: set[int]) -> Token | None:
    """A phrase with no subject of its own (an object speaker) is headed by its own root,
    not by the first object of a preposition inside it: "Politico quoted Tom Ruiz,
    formerly a deputy administrator at FEMA, as saying …" is Ruiz, not FEMA (the
    Wikinews 2020 tuning articles); "said a spokesman for the Foreign Office" still
    finds the Foreign Office through the phrase's mentions, and "quoted the head of the
    Ithilen central bank as saying" stays the phrase."""
    return next((t for t in subj if t.head.i not in ids or t.head.i == t.i), None)


def members(head: Token) -> set[int]:
    """The tokens under ``head`` that name no voice of the phrase: the members it lists
    (:func:`group_members`) and what a participle after it works on
    (:func:`participle_objects`), and what describes a possessor
    (:func:`possessor_modifiers`)."""
    return group_members(head) | participle_objects(head) | possessor_modifiers(head)
