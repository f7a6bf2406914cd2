"""The gender a story gives a person the gazetteer and the first-name lists do not:
a gendered title or noun before a mention of theirs ("Mr. Kemp", "spokeswoman
Novak"), or a he/she linked to them before. A pronoun of the other gender does not
then take them:

    Taylor Kemp took questions. He said the plan was sound. Later Kemp met
    Hillary Clinton at the hall. She thanked him.           (She: Clinton, not Kemp)

Precision first: a person the story gives both genders ("He said …", then "Mrs.
Kemp") keeps none.
"""

from __future__ import annotations

from typing import Any

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, cues
from dossier.gazetteer import Actor


def gender_of(a: Article, actor: Actor) -> str:
    """The actor's gender: the gazetteer's or its first name's, else the story's."""
    return actor.gender or story_gender(a, actor)


@BOOK.rule("coref", off="")
def story_gender(a: Article, actor: Actor) -> str:
    """"Taylor Kemp took questions. He said the plan was sound. Later Kemp met Hillary
    Clinton. She thanked him": Kemp, of no known gender, is a he since "He said" went to
    him (or since "Mr. Kemp"), so "She" is Clinton. "" when the story says nothing or
    says both."""
    if actor.type != "person":
        return ""
    said = set(a.pronoun_genders.get(actor.id, ()))
    c = cues()
    for s in a.seen:
        if s.actor.id == actor.id and s.start > 0 and not s.quoted:
            word = a.tokens[s.start - 1].lower_.rstrip(".")
            title = c.title_gender.get(word) or c.gender_nouns.get(word)
            if title:
                said.add(title)
    return next(iter(said)) if len(said) == 1 else ""


def note_pronoun(a: Article, tok: Any, kind: str) -> None:
    """Remember that the he/she at ``tok`` was linked to the actor just seen there."""
    if quoted_pronoun(a, tok):
        return
    last = a.seen[-1] if a.seen else None
    if kind in ("male", "female") and last is not None and last.token == tok.i:
        a.pronoun_genders.setdefault(last.actor.id, set()).add(kind)


@BOOK.rule("coref", off=False)
def quoted_pronoun(a: Article, tok: Any) -> bool:
    """A he/she inside a quotation teaches no story gender (session 20): the speaker
    talks of someone else, and the link is a guess. "Critics include professor Ithel
    Marsh. “It was a bitter pill that he was swallowing,” she said." (the "he" was
    linked to Marsh, of no known gender, made Marsh a man, and the "she" that speaks
    went to a woman named paragraphs before). A he/she outside quotations still does:
    "Taylor Kemp took questions. He said …"."""
    return bool(a.quoted[tok.i])
