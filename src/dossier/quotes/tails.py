"""Where a reported content ends when another report follows it in the same sentence
(issue 20: content spans as annotators mark them)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.clauses import Content, span_of
from dossier.quotes.lexicon import cues, lemma, verb_lemmas

# Subordinators of a clause that sets another report beside the content ("…, while
# about a third want …"), not one that is part of what was said ("because", "if").
CONTRAST_MARKS = frozenset(("while", "whereas"))
_SUBJECTS = ("nsubj", "nsubjpass")


def cut_before(t: Token, found: Content, joined: Callable[[Token, Token], bool],
               strip: tuple[str, ...] = ("cc", "preconj")) -> Content | None:
    """The content after its cue ``t`` up to the first word of the first child ``x`` of
    its own verb for which ``joined(verb, x)`` holds, without the conjunctions (deps
    ``strip``) and punctuation before it; None when no such child cuts it (nor a
    content before its cue, nor one that would keep fewer than two tokens)."""
    span, kind = found
    doc = t.doc
    if span.start <= t.i:
        return None
    root = next((x for x in span if not span.start <= x.head.i < span.end or x.head.i == x.i),
                None)
    if root is None:
        return None
    for x in children(root):
        if x.i >= span.end or not joined(root, x):
            continue
        k = x.left_edge.i
        while k > span.start and (doc[k - 1].dep_ in strip or doc[k - 1].is_punct):
            k -= 1
        shorter = span_of(list(doc[span.start : k]))
        if shorter is not None and len(shorter) >= 2:
            return shorter, kind
    return None


@BOOK.rule("content", off=None)
def others_report(t: Token, found: Content) -> Content | None:
    """A clause joined to a content's own clause by a comma and "and", "but", "while"
    or "whereas", with a subject of its own and a cue of its own for its verb, is
    another report, not what was said: "Half of the voters said they want an outsider,
    while a third want someone with experience" is "they want an outsider"; "The mayor
    said the bridge is safe, but engineers warned that it needs repairs" is "the bridge
    is safe" (each report is its own record, as annotators mark them). Not "said the
    bridge is safe and the repairs are done" (no cue), nor "said that she believes it
    is safe" (the cue's own content), nor a content before its cue."""
    if found[1] != "clause":
        return None
    return cut_before(t, found, lambda root, x: root.i < x.i and _other_report(x)
                      and _after_comma(x), ("cc", "preconj", "mark"))


def _after_comma(x: Token) -> bool:
    """Whether a comma comes before ``x``'s clause and its conjunction or mark."""
    doc, i = x.doc, x.left_edge.i - 1
    while i > 0 and doc[i].dep_ in ("cc", "preconj", "mark"):
        i -= 1
    return i >= 0 and doc[i].text == ","


def _other_report(x: Token) -> bool:
    """Whether ``x``, a clause joined to a content's clause, is a report of its own: a
    verb cue with its own subject, coordinated ("and", "but") or after a contrast mark
    ("while", "whereas")."""
    if x.pos_ not in ("VERB", "AUX") or lemma(x) not in verb_lemmas():
        return False
    if not any(c.dep_ in _SUBJECTS for c in children(x)):
        return False
    if x.dep_ == "conj":
        return any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in children(x)) or (
            x.doc[x.left_edge.i - 1].lower_ in ("and", "but") if x.left_edge.i else False)
    return x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS
                                     for c in children(x))


@BOOK.rule("content", off=None)
def next_saying(t: Token, found: Content) -> Content | None:
    """A speech verb coordinated with a content's own verb, with no subject of its own,
    in the cue's own form, is the speaker's next act even when the content's verb is in
    that form too: "The coach says he trusts the team and calls the season a success"
    is "he trusts the team" ("calls …" is the coach's; ``content.next_act`` cuts only
    when the content's verb is in another tense). Only when the content's subject is a
    personal pronoun or "there": not "Fars reported Iran issued warrants and demanded
    …" (Iran demanded: part of the report). Not a belief ("says he trusts the team and
    thinks …"), nor a verb that is no cue ("said prices rose and fell again")."""
    if t.tag_ not in _FINITE or _aux(t):
        return None
    c = cues()

    def saying(root: Token, x: Token) -> bool:
        return (x.dep_ == "conj" and root.i < x.i and x.pos_ == "VERB" and _speaker_like(root)
                and lemma(x) in c.verbs and lemma(x) not in c.belief
                and x.tag_ == t.tag_ and not _aux(x)
                and not any(y.dep_ in _SUBJECTS + ("expl",) for y in children(x)))

    return cut_before(t, found, saying)


_FINITE = ("VBD", "VBZ", "VBP")
# The subjects of a content's verb that a coordinated verb without its own cannot be
# told from the speaker by: a personal pronoun ("says he trusts the team and calls …")
# or "there" ("said there was a lack of … and urged …").
_SPEAKER_PRONOUNS = frozenset(("he", "she", "they", "i", "we"))


def _speaker_like(root: Token) -> bool:
    """Whether the subject of a content's verb ``root`` is a personal pronoun or an
    expletive: a verb coordinated with it may be the speaker's next act. Not a name
    ("Fars reported Iran issued warrants and demanded …": Iran demanded, and that is
    what was reported), nor "anyone"."""
    return any(c.dep_ == "expl" or c.dep_ == "nsubj" and c.lower_ in _SPEAKER_PRONOUNS
               for c in children(root))


def _aux(v: Token) -> bool:
    """Whether a verb has an auxiliary before it ("has said", "would call")."""
    return any(c.dep_ in ("aux", "auxpass") and c.i < v.i for c in children(v))
