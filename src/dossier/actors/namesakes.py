"""A bare surname when the story names several people who bear it: "Donald Trump …
First Lady Melania Trump … Trump said" is the one the story is about, not the one
named last. News copy tells family members apart by first name or title ("Melania",
"Mrs. Trump"); a surname written alone is kept for the principal person."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from dossier.actors.article import Article, Seen
from dossier.actors.cues import BOOK, cues
from dossier.actors.entity_edges import opens_sentence
from dossier.actors.mentions import emit
from dossier.gazetteer import Actor

# how many sentences back a namesake named there still outranks one named earlier
RECENT_SENTENCES = 3


def continue_namesake(a: Article, span: Span, fits: list[Seen]) -> bool:
    """Link ``span``, a surname written alone, to the person of the story it continues
    (:func:`story_namesake`); False when nobody fits."""
    picked = story_namesake(a, span, fits)
    if picked is None:
        return False
    emit(a, span, picked[0], "name", "name_part_namesake" if picked[1] else "name_part")
    return True


def story_namesake(a: Article, span: Span, fits: list[Seen]) -> tuple[Actor, bool] | None:
    """The person a surname written alone continues, among ``fits`` (the mentions so
    far of people bearing it, in reading order), and whether others bear it too (the
    link is then less sure: ``name_part_namesake``). None when nobody fits."""
    if not fits:
        return None
    if len({s.actor.id for s in fits}) == 1:
        return fits[-1].actor, False
    picked = principal_namesake(fits, a.sentences_back(span.start, RECENT_SENTENCES))
    return (picked or fits[-1].actor), True


@BOOK.rule("names", off=None)
def principal_namesake(fits: list[Seen], recent: int) -> Actor | None:
    """Of several people of one surname in the story, a surname alone goes to the one
    named in the last sentences (from token ``recent``) if only one was, else to the one
    the story has named most (by name, title, role or pronoun), the first named on a
    tie: "President Jan Novak spoke. He said … His wife Eva Novak smiled. Novak then
    left" is Jan Novak, not the last named Eva; but a live blog's new item
    "Secretary Tom Novak says … Novak tells" is Tom, named just before (without the
    rule: the last one named)."""
    near = {s.actor.id for s in fits if s.token >= recent}
    if len(near) == 1:
        return next(s.actor for s in fits if s.actor.id in near)
    pool = [s for s in fits if s.actor.id in near] or fits
    counts = Counter(s.actor.id for s in pool)
    first: dict[str, int] = {}
    for k, s in enumerate(fits):
        first.setdefault(s.actor.id, k)
    best = max(counts, key=lambda i: (counts[i], -first[i]))
    return fits[first[best]].actor


@BOOK.rule("names", off=None)
def surname_read_as_noun(a: Article, tok: Token) -> int | None:
    """A sentence's first word the tagger read as a common noun ("trump", "brown") that
    is the surname of a person the story named, and the subject of what follows:
    "President Jan Trump spoke. … Trump granted him a pardon" (else no mention at all);
    not "Trump cards were played" (a noun's modifier), nor a common word that is also a
    known surname (``common_noun_surnames``), nor a surname nobody in the story bears."""
    if not (tok.is_title and opens_sentence(tok)) or tok.ent_type_ \
            or tok.lower_ in cues().common_noun_surnames:
        return None
    if not (tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "ROOT"
            and tok.i + 1 < len(tok.doc) and (tok.doc[tok.i + 1].pos_ == "VERB"
                                              or verb_read_as_adjective(tok.doc[tok.i + 1]))):
        return None
    fits = [s for s in a.seen if s.actor.type == "person" and s.actor.surname == tok.text]
    return tok.i + 1 if continue_namesake(a, a.span(tok.i, tok.i + 1), fits) else None


@BOOK.rule("names", off=False)
def verb_read_as_adjective(nxt: Token) -> bool:
    """After a sentence's first word read as a noun, a verb's past form the tagger read
    as an adjective: "President Jan Trump spoke. Trump encouraged voters to stay calm"
    ("Trump" the root, "encouraged" an adjective of "voters"); not a noun ("Trump cards
    were played") nor a plain adjective ("Brown rice is cheap")."""
    return nxt.tag_ == "JJ" and nxt.is_lower and nxt.lower_.endswith("ed") \
        and nxt.dep_ == "amod"

