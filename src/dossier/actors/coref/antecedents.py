"""Which mentions become antecedents, and the groups coordinations form.

A mention remembered here can be the antecedent of a later pronoun or nominal;
its grammatical role (subject of the main clause, inside a quotation, oblique) is
kept for the salience of :mod:`dossier.actors.coref.pronouns`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from dossier.actors.article import Article, Seen, main_clause
from dossier.actors.coref.fragments import fragment_subject
from dossier.actors.cues import BOOK, MODIFIER_DEPS, SUBJECT_DEPS, cues
from dossier.gazetteer import Actor, norm
from dossier.records import content_id

# "commission" and "presidential debates commission": the last one and two head words
# of an organisation's name stand for it later ("the commission")
ORG_HEAD_WORDS = (1, 2)
# a coordinated group's local id: this many hex digits of its members' hash
GROUP_ID_LENGTH = 10


def remember_mention(a: Article, span: Span, actor: Actor, via: str) -> None:
    """Keep a new mention as a candidate antecedent, unless it cannot be one."""
    root = span.root
    if actor.type == "person":
        if unknown_one_word_person(actor):
            return
    elif modifier_or_place(root):
        return
    remember(a, actor, root, span)
    if root.dep_ == "conj" and via != "pronoun":
        coordinated_group(a, actor, root)


@BOOK.rule("coref", off=False)
def unknown_one_word_person(actor: Actor) -> bool:
    """An unknown one-word "person" is too often a mislabelled place or thing to
    attract pronouns ("Nantucket", tagged PERSON, is not "he")."""
    return actor.id.startswith("local:") and len(actor.name.split()) <= 1


@BOOK.rule("coref", off=False)
def modifier_or_place(root: Any) -> bool:
    """An organisation, state or group is an antecedent when it acts or is acted on
    ("the FBI said", "sanctions on Russia"), not as a modifier ("the Russian economy")
    nor as a place ("a speech in Florida")."""
    return bool(root.dep_ in MODIFIER_DEPS
                or (root.dep_ == "pobj" and root.head.lower_ in cues().locative))


def remember(a: Article, actor: Actor, root: Any, span: Span) -> None:
    org_head_words(a, actor)
    role = conjunct_role(root)
    subject = role.dep_ in SUBJECT_DEPS
    fragment = actor.type == "person" and fragment_subject(root, span)  # "Buckley, who …"
    subject = subject or fragment
    a.seen.append(Seen(actor, root.i, subject, fragment or subject and main_clause(role.head),
                       a.quoted[root.i], role.dep_ in ("poss", "pobj", "attr"),
                       span.start, span.end))


@BOOK.rule("coref")
def conjunct_role(root: Any) -> Any:
    """A conjunct plays the role of the first one (Lappin & Leass 1994 weigh conjoined
    noun phrases alike): in "Tim Kaine and Mark Warner spoke", Warner is a subject too,
    so a later "he" has two equally salient senators and stays unresolved (not Kaine,
    the only one the parse marks as subject)."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first


@BOOK.rule("coref", off=None)
def org_head_words(a: Article, actor: Actor) -> None:
    """The head words of an organisation's name, for its short form later: "the
    commission" after "the Commission on Presidential Debates" (the name up to its
    first preposition)."""
    if actor.type not in ("org", "bloc"):
        return
    words = norm(actor.name).split()
    preps = cues().name_preps
    cut = next((k for k, w in enumerate(words) if k and w in preps), len(words))
    head = words[:cut]  # "commission on presidential debates": commission
    if len(words) > 1:
        for n in ORG_HEAD_WORDS:
            if len(head) >= n:
                a.org_heads[" ".join(head[-n:])] = actor


@BOOK.rule("coref", off=None)
def coordinated_group(a: Article, actor: Actor, root: Any) -> None:
    """"Trump and Pence", "Russia and China": a group of the coordinated actors, for
    "they" ("Russia, China and Iran said they …")."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = next((s for s in reversed(a.seen) if s.token == first.i), None)
    if head is None or head.actor.id == actor.id:
        return
    members = [*a.groups.get(first.i, [head.actor]), actor]
    key = "|".join(sorted(m.id for m in members))
    group = Actor(id=f"local:group:{content_id(key, length=GROUP_ID_LENGTH)}",
                  name=" and ".join(m.name for m in members), type="group")
    a.groups[first.i] = members
    a.seen = [s for s in a.seen if not (s.token == first.i and s.actor.type == "group")]
    a.seen.append(Seen(group, first.i, head.subject, head.main_subject, head.quoted,
                       head.oblique))
