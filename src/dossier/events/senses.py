"""Verb senses that decide an event's type (issue 19, session 21): the word that
carries an event may say less than the clause around it — a call made to congratulate
is the congratulation. Word lists in ``data/event_patterns.toml`` (``[senses]``)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.patterns import dictionary, patterns
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


# Documents that voice what their issuer says ("a statement condemning X").
DOCUMENTS = frozenset(_SENSES["documents"])


def _event_participles(tok: Token, dep: str) -> list[Token]:
    """The children of ``tok`` with dependency ``dep`` that are participles in -ing of
    a verb a pattern or the dictionary codes, not of saying ("adding that …")."""
    p = patterns()
    return [c for c in children(tok) if c.dep_ == dep and c.tag_ == "VBG" and (
        lemma := c.lemma_.lower()) not in p.reporting and (
        lemma in p.verbs or dictionary().verbs.get(lemma))]


def _voicing(noun: Token) -> list[Token]:
    """The participles of event verbs that modify a document noun: "a resolution
    criticizing the president" → criticizing."""
    return _event_participles(noun, "acl") if noun.lemma_.lower() in DOCUMENTS else []


@BOOK.rule("senses", off=[])
def document_voice(verb: Token) -> list[Token]:
    """The issuer of a document speaks by it: the subject of the verb that issues,
    passes or sends a statement, a resolution or a letter is the source of what the
    document's participle says — "The Kenyan parliament passed a resolution criticizing
    Ugandan President Yoweri Museveni" (KENLEG → UGAGOV, 111), "Kenya issued a
    statement urging Uganda to withdraw its troops" (``documents``). Not "a report
    praising Uganda was published" (no one issues it in the clause)."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i == verb.i or verb not in _voicing(noun) \
            or noun.dep_ != "dobj" or noun.head.i == noun.i:
        return []
    return [c for c in children(noun.head) if c.dep_ == "nsubj"]


@BOOK.rule("senses", off=False)
def document_content(verb: Token) -> bool:
    """Issuing, passing or sending a document that voices an event is no event of its
    own: the document's content is (``document_voice``) — "Kenya issued a statement
    urging Uganda to withdraw" (the appeal, not 114 by "issue a statement"), "sent a
    letter to Uganda threatening to cut aid" (the threat, not a consultation 040).
    "Kenya sent a letter to Uganda" stays 040."""
    documents = [c for c in children(verb) if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS]
    return any(_voicing(c) for c in documents) or bool(
        documents and _event_participles(verb, "advcl"))
