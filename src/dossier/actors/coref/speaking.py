"""An "it" that speaks ("…, it said") means someone who can: a thing noun before it is
no rival antecedent, for :func:`dossier.actors.coref.pronouns.rival_noun`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from dossier.actors.cues import BOOK
from dossier.data import load_toml


@dataclass(frozen=True)
class SpeakingWords:
    verbs: frozenset[str]  # verbs whose "it" subject speaks
    texts: frozenset[str]  # nouns of texts that speak ("the report says")


@cache
def speaking_words() -> SpeakingWords:
    d = load_toml("actor_cues.toml")["speaking_it"]
    return SpeakingWords(frozenset(d["verbs"]), frozenset(d["texts"]))


@BOOK.rule("coref", off=False)
def speaking_it(pron: Any, noun: Any) -> bool:
    """Whether the singular noun ``noun`` cannot be what the "it" at ``pron`` means,
    as that "it" is the subject of a speech verb: "Ithilen Corp is cutting its
    emissions. The plan covers emissions from company vehicles, it said" (Ithilen
    Corp, not the plan); not a noun for a text that speaks ("The treaty says it will
    …", "the report … it said"), nor an "it" of another verb ("The plan is late. It
    covers …": the plan)."""
    w = speaking_words()
    return (pron.lower_ == "it" and pron.dep_ == "nsubj" and pron.head.lemma_ in w.verbs
            and noun.lemma_.lower() not in w.texts and noun.lower_ not in w.texts)
