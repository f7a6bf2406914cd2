"""What a clause's subject says about a he/she after it: the possessor of a subject.

"Mr. Trump's theatrical embrace is not limited to China. He has injected …" is about
Trump, though "Mr. Trump's" is only a possessor and another man spoke before; it
weighs as the subject would (Lappin & Leass 1994 weigh the head noun; when the head
is a thing, the story is about its owner). Not when the head is a person who could
be the he/she ("Obama's lawyer said he": ``relation_nouns`` in actor_cues.toml, role
and gendered nouns).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from dossier.actors.article import Article, Seen, main_clause
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues
from dossier.data import load_toml

# A possessor of a subject weighs as that subject: the oblique penalty back and a
# subject's weight (and a main subject's in a main clause; pronouns.salience).
POSSESSOR_AS_SUBJECT = 40
POSSESSOR_AS_MAIN_SUBJECT = 70


@cache
def _relation_nouns() -> frozenset[str]:
    return frozenset(load_toml("actor_cues.toml")["relation_nouns"])


def person_noun(t: Any) -> bool:
    """A noun for a person ("governor", "spokeswoman", "lawyer")."""
    c = cues()
    low = t.lower_
    return low in c.person_role_nouns or low in c.gender_nouns or low in _relation_nouns()


@BOOK.rule("coref", off=0)
def subject_possessor(a: Article, s: Seen, kind: str) -> int:
    """"Mr. Trump's theatrical embrace is not limited to China. He has injected similar
    drama …": the possessor of a clause's subject whose head is no person weighs as
    that subject (Trump, not the economist quoted before); "Obama's lawyer said he" is
    left alone (the lawyer may be meant). The weight to add, else 0."""
    if kind not in ("male", "female") or not s.oblique or s.quoted:
        return 0
    t = a.tokens[s.token]
    head = t.head
    if t.dep_ != "poss" or head.dep_ not in SUBJECT_DEPS or head.pos_ != "NOUN" or \
            person_noun(head) or head.ent_type_ == "PERSON":
        return 0
    return POSSESSOR_AS_MAIN_SUBJECT if main_clause(head.head) else POSSESSOR_AS_SUBJECT
