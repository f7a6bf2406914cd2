"""A he/she reported by someone's spokesperson, lawyer or aide (issue 18, session 19):
"Obama's spokesman said he expected the talks to go well" is most likely the
spokesman speaking of himself, or at least not surely Obama. The actor stage left the
spokesman unlinked (no name), so the only candidate the pronoun would find is the
owner, Obama, though either may be meant: the pronoun is left unresolved (precision
first: the quote's speaker then stays the phrase). Only for people who speak for
someone (``representative_nouns`` of actor_cues.toml), not relatives: "his brother said
he loved football" is most often about the one who died."""

from __future__ import annotations

from functools import cache
from typing import Any

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.data import load_toml
from dossier.parse.tree import children

# Prepositions by which a person noun names whom it works for: "a spokesman for
# Obama", "a lawyer to the family", "an aide of the senator".
OWNER_PREPS = frozenset(("for", "to", "of"))


@BOOK.rule("coref", off=False)
def owned_reporter(a: Article, tok: Any, kind: str, reporter: int) -> bool:
    """Whether the he/she ``tok`` (of gender ``kind``) is the subject of a clause
    reported by someone's spokesperson, lawyer or aide whom nobody linked: "Obama's
    spokesman said he expected …", "A lawyer for Ms. Ruiz said she would appeal" (the
    spokesman or the lawyer may be meant as well as the owner: left unresolved). Not
    when the noun's gender is another ("Obama's spokeswoman said he …": Obama may be
    meant), when the actor stage linked the noun ("the president's spokesman, Josh
    Earnest, said he …": a name), for a relative ("his brother added …"), nor a noun
    for no person ("Obama's statement said he …"). A he/she that speaks in the next
    sentence goes on with the same noun ("… ⏎ He added that …",
    :func:`reporter_before`)."""
    if reporter < 0:
        reporter = reporter_before(a, tok)
    if reporter < 0:
        return False
    noun = tok.doc[reporter]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _representatives():
        return False
    if cues().gender_nouns.get(noun.lower_, kind) != kind:
        return False
    if any(s.token == reporter or s.start <= reporter < s.end for s in a.seen):
        return False
    owners = [c for c in children(noun) if c.dep_ == "poss"] + [
        g for c in children(noun) if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
        for g in children(c) if g.dep_ == "pobj"]
    return any(s.start <= o.i < s.end or s.token == o.i for o in owners for s in a.seen)


@cache
def _representatives() -> frozenset[str]:
    return frozenset(load_toml("actor_cues.toml")["representative_nouns"]["nouns"])


def reporter_before(a: Article, tok: Any) -> int:
    """For a he/she that is the subject of a speech verb ("He added that …"), the
    subject of the speech verb that heads the sentence before, when that subject is a
    common noun and no actor is named outside quotations between the two; else -1."""
    speech = cues().speech_verbs
    if tok.dep_ != "nsubj" or tok.head.lemma_ not in speech or tok.sent.start == 0:
        return -1
    before = tok.doc[tok.sent.start - 1].sent
    verb = before.root
    subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if verb.lemma_ not in speech or subj is None or subj.pos_ != "NOUN":
        return -1
    if any(subj.i < s.token < tok.i and not s.quoted for s in a.seen
           if not any(o.i == s.token for o in subj.subtree)):
        return -1  # someone named in between
    return int(subj.i)
