"""Verb senses that decide an event's type (issue 19, session 21): the word that
carries an event may say less than the clause around it — a call made to congratulate
is the congratulation. Word lists in ``data/event_patterns.toml`` (``[senses]``)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.parse.tree import children

_SENSES = load_toml("event_patterns.toml")["senses"]
# Purposes of a call that voice support (``call_purposes`` of ``[precision]`` are all
# the purposes that make "call" a call, not an appeal).
SUPPORTING_CALLS = frozenset(_SENSES["supporting_call_purposes"])
# Praise or endorse (CAMEO 051, PLOVER SUPPORT).
_PRAISE = "051"


@BOOK.rule("senses", off=None)
def call_purpose(verb: Token) -> str | None:
    """A call made to congratulate, thank or reassure someone is the support it voices
    (051), not a consultation (040): "The Kenyan president called his Ugandan
    counterpart on Wednesday to congratulate him on his victory"; "called him to
    discuss the border dispute" stays 040 (``supporting_call_purposes``)."""
    return _PRAISE if any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in SUPPORTING_CALLS
                          for c in children(verb)) else None
