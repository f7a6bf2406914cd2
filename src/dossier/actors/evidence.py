"""Whether an unknown name acts in the story: read once the whole article is linked.

An unknown person named in full (a local actor, ``unlinked_person``) is as sure as
the article's evidence that the name is someone in it: its chain goes on (a later
surname, first name, pronoun, role or description resolves to it), it is the
subject of a verb, or a title or a role stands beside it ("Jane Kaufman, a
lawyer", "spokesman Jim Boyle"). A name with none of these is often a game, a
product or words of another language NER took for a person: ``unlinked_person_lone``
in ``[confidence]`` of actor_cues.toml.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from dossier.actors.article import Article
from dossier.actors.cues import BOOK, SUBJECT_DEPS, cues
from dossier.parse.tree import children

# parts of speech of a word that acts ("Jane Kaufman filed the suit", "... said Jane Kaufman")
ACTING = frozenset({"VERB"})


@BOOK.rule("names", off=None)
def lone_unknown_name(a: Article) -> None:
    """An unknown full name nothing in the article shows acting (no later surname
    or pronoun, no verb it is the subject of, no title or role beside it) is a less
    sure person: in "The bundle comes with Mario Kart Deluxe and a case." the
    "person" is a game; in "Jane Kaufman filed the suit." it is someone."""
    lone = cues().confidence["unlinked_person_lone"]
    for k, span in a.unlinked_people:
        m = a.out[k]
        if not acts(a, span, m.actor_id, m.text):
            a.out[k] = replace(m, confidence=min(m.confidence, lone))


def acts(a: Article, span: Span, actor_id: str, text: str) -> bool:
    """Evidence that ``span`` (linked to ``actor_id``) is someone in the story."""
    if any(m.actor_id == actor_id and m.text != text for m in a.out):
        return True  # the chain goes on: "Kaufman", "she", "the lawyer"
    root = span.root
    if root.dep_ in SUBJECT_DEPS and root.head.pos_ in ACTING:
        return True
    if root.dep_ == "appos" or any(c.dep_ == "appos" for c in children(root)):
        return True  # "Jane Kaufman, a lawyer"; "the lawyer, Jane Kaufman"
    if not span.start:
        return False
    # "Gov. Jane Kaufman", "spokeswoman Jane Kaufman" (any noun before is no evidence:
    # "the installation Starry Night")
    return a.tokens[span.start - 1].lower_.rstrip(".") in cues().titles
