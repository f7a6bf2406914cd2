"""Clausal content: what a cue reports as a clause, read off the parse ("X said
(that) …", "…, X said.", "X, she said, would …", "…, the poll found."), a content
span cleaned of its edges, and clipped to the cue's paragraph."""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Span, Token

from dossier.parse.texts import span_text
from dossier.parse.tree import children, column
from dossier.quotes.book import BOOK
from dossier.quotes.lexicon import cues, is_cue, lemma
from dossier.quotes.view import ArticleView

# A content and its shape (clause, infinitive, object, prep, noun, adjective).
Content = tuple[Span, str]
# A clause rule's answer: the content; None when the rule does not apply (the next
# is tried); False when it applies and finds the cue reports nothing.
Step = Content | Literal[False] | None

# The fewest tokens of a clause (shorter is a fragment: "said so on Tuesday"), and of
# a sentence an attribution set off by commas stands in.
MIN_CLAUSE = 4
MIN_INSERTED = 6

_CLAUSE_DEPS = ("ccomp",)


AROUND_DEPS = ("parataxis", "ccomp", "advcl")

# the ids of the quotation marks ``span_of`` counts
_OPEN, _CLOSE, _STRAIGHT = (np.uint64(hash_string(m)) for m in ("“", "”", '"'))


def span_of(tokens: list[Token]) -> Span | None:
    """The span from the first to the last of ``tokens``, without punctuation at its
    edges but a closing mark; a quotation it opens runs to its close."""
    toks = [x for x in tokens if not (x.is_punct or x.is_space)]
    if not toks:
        return None
    doc = toks[0].doc
    lo, hi = min(x.i for x in toks), max(x.i for x in toks)
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ("”", '"', "’", ")"):
        hi -= 1
    # the marks counted in the token array (no Token made for each word)
    orths = column(doc, ORTH)[lo : hi + 1]
    opened = int((orths == _OPEN).sum()) > int((orths == _CLOSE).sum())
    if opened or int((orths == _STRAIGHT).sum()) % 2:
        # a quotation the content opens closes after the parse's last token: "called
        # Trump “unhinged.”" (the closing mark hangs on the sentence's root)
        close = "”" if opened else '"'
        closed = False
        for k in range(hi + 1, min(hi + 4, len(doc))):
            if not doc[k].is_punct:
                break
            if doc[k].text == close:
                hi, closed = k, True
                break
        if not closed:
            # "calling the protester “a very obnoxious guy who was a troublemaker and he
            # was looking to make trouble.”": the parse leaves the quotation early;
            # the content goes on to its close in the same sentence
            end = doc[hi].sent.end
            stop = next((j for j in range(hi + 1, end) if doc[j].text == close
                         or doc[j].text in ("“", "\n")), None)
            if stop is not None and doc[stop].text == close:
                hi = stop
    return doc[lo : hi + 1]


@BOOK.rule("content")
def on_cue_line(found: Content | None, view: ArticleView, t: Token) -> Content | None:
    """The content of a cue clipped to the cue's paragraph: a parse that runs across
    a paragraph break ("… claiming victory.⏎⏎Weaver says …") takes no content from
    another paragraph, but for the one after a colon."""
    text = view.text
    lo = text.rfind("\n", 0, t.idx) + 1
    hi = text.find("\n", t.idx)
    hi = len(text) if hi < 0 else hi
    if text[lo:hi].rstrip().endswith(":"):  # "The councillor added:⏎⏎…": the block
        nxt = re.search(r"\S[^\n]*", text[hi:])
        hi = hi + nxt.end() if nxt else hi
    if found is None:
        return None
    span, kind = found
    a, b = max(lo, span.start_char), min(hi, span.end_char)
    if b <= a:
        return None
    clipped = t.doc.char_span(a, b, alignment_mode="contract")
    if clipped is None or not (clipped := span_of(list(clipped))):
        return None
    return (clipped, kind) if len(clipped) >= MIN_CLAUSE else None


def clause_content(t: Token) -> Content | None:
    """The clause a cue reports: after it, before it, or around it (the first rule
    that applies decides), else the sentence an attribution ends."""
    for shape in (clause_after, clause_before, clause_around):
        found = shape(t)
        if found is False:
            return None
        if found is not None:
            return found
    return final_content(t)


@BOOK.rule("content", off=None)
def clause_after(t: Token) -> Step:
    """The clause after a cue: "X said (that) …", "asked workers if they planned to
    attend", and (not after another verb the parser hung on this one: "…, officials
    said, with local media reporting they were victims of gas poisoning") two or
    three words with a subject: "business is poor"."""
    comp = [x for x in children(t) if x.dep_ in _CLAUSE_DEPS and x.i > t.i or (
        x.dep_ == "advcl" and x.i > t.i and lemma(t) in cues().questions and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in children(x)))]
    comp = [x for x in comp if not any(
        y.pos_ == "VERB" and is_cue(y) and y.dep_ != "relcl" and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in children(y))
        for y in t.doc[t.i + 1 : x.left_edge.i])]  # (a cue with nothing to report)
    if not comp and lemma(t) in cues().verbs:
        comp = medium_clause(t)
    if comp and not led_by_cue(comp[0]):
        span = span_of(list(comp[0].subtree) + that_conjunct(t, comp[0]))
        if span is not None and (len(span) >= MIN_CLAUSE or len(span) in (2, 3) and any(
                x.dep_ == "nsubj" for x in children(comp[0]))):
            return span, "clause"
        return False
    return None


@BOOK.rule("content", off=[])
def that_conjunct(t: Token, comp: Token) -> list[Token]:
    """A second "that" clause the parser hung on the cue, not on the first, is said
    too: "Obama said his administration had made progress, but that there is still
    more to do" (the tokens of the conjunct, the first clause's content runs on to its
    end; a conjunct without "that" is the narration's: "…, but unions were not
    convinced")."""
    return [y for x in children(t) if x.dep_ == "conj" and x.i > comp.i and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in children(x)) for y in x.subtree]


@BOOK.rule("content", off=None)
def clause_before(t: Token) -> Step:
    """The clause before the cue, joined to it by punctuation and the cue's subject
    only: "… would be $300, it says" (not "X is upbeat, in part because he sees …",
    a parse that hangs the main clause on the verb of a reason; not with an object of
    the cue's own, other than the one told: "Schiff never expected that … — Democrats
    expected secrecy and coverup"; but "…,” Obama told reporters.")."""
    if comp := [x for x in children(t) if x.dep_ in _CLAUSE_DEPS and not (
            x.i > t.i and led_by_cue(x))]:
        subj = {y.i for x in children(t) if x.dep_ in ("nsubj", "nsubjpass")
                for y in x.subtree}
        gap = t.doc[comp[0].right_edge.i + 1 : t.i]
        if any(not (x.is_punct or x.is_space or x.i in subj or x.dep_ in ("aux", "advmod"))
               for x in gap) or lemma(t) not in cues().addressee and any(
                   x.dep_ == "dobj" and x.i > t.i for x in children(t)):
            return False
        span = span_of(list(comp[0].subtree))
        if span is not None and len(span) >= MIN_CLAUSE:
            return span, "clause"
    return None


@BOOK.rule("content", off=None)
def clause_around(t: Token) -> Step:
    """The sentence a speech verb stands in: "Prices will rise, she said." / "The
    museum, Mr. Obama said, would …" (an adjective the parser hung on the cue belongs
    to the clause: "as he claimed demoralised Russian troops are …"); "As the Times
    reported, the emails …", "If she wins, Clinton suggested in a tweet, women won't
    …" (what follows the cue's comma). Not a clause a speech verb before it reports:
    "X says people within the company have been warning for years …" is X's."""
    head = t.head
    if not (t.dep_ in AROUND_DEPS and head.i != t.i and head.pos_ in ("VERB", "AUX")
            and lemma(t) in cues().verbs
            and not (t.i > head.i and t.dep_ == "ccomp" and is_cue(head))
            and any(x.dep_ == "nsubj" for x in children(t))
            and not any(x.dep_ in ("dobj", "ccomp") or x.dep_ == "xcomp" and not (
                x.pos_ == "ADJ" and x.i == x.right_edge.i == t.right_edge.i)
                for x in children(t))
            and all(x.lower_ == "as" for x in children(t) if x.dep_ == "mark")):
        return None
    mine = {x.i for x in t.subtree if not (x.dep_ == "xcomp" and x.head.i == t.i)}
    rest = [x for x in head.subtree if x.i not in mine]
    if not rest:
        return False
    if min(x.i for x in rest) > t.i:
        doc = t.doc
        if t.dep_ == "advcl" and any(x.dep_ == "mark" for x in children(t)) or (
                t.dep_ == "ccomp" and doc[t.right_edge.i].text != ","
                and t.right_edge.i + 1 < len(doc) and doc[t.right_edge.i + 1].text == ","
                and any(x.dep_ == "advcl" and x.i < t.i and x.right_edge.i + 1 < t.i
                        and doc[x.right_edge.i + 1].text == "," for x in children(t))):
            span = span_of(rest)
            if span is not None and len(span) >= MIN_CLAUSE:
                return span, "clause"
        return False
    if max(x.i for x in rest) < t.left_edge.i:
        span = span_of(rest)
    else:
        span = span_of(list(head.subtree))
    if span is not None and len(span) >= MIN_CLAUSE:
        return span, "clause"
    return None


_FINITE = frozenset(("MD", "VBD", "VBZ", "VBP"))


@BOOK.rule("content", off=None, name="inserted")
def inserted_content(t: Token) -> Content | None:
    """"The hashtag #RechercheParis, Mr. Abboud said, accompanied descriptions …": an
    attribution set off by commas inside the sentence it reports, where the parse hung
    the cue on a noun (or made it the root) and so no clause of its own reads as the
    content. Only a speech verb with its subject, nothing after it but a time, place or
    the one told, and a clause after it: the content is the sentence around it."""
    head = t.head
    if not (t.dep_ == "ROOT" or head.pos_ not in ("VERB", "AUX")):
        return None  # (a verb the parse hung it on is read by clause_content)
    told = ("dobj", "dative") if lemma(t) in cues().listener else ()
    subj = [x for x in children(t) if x.dep_ == "nsubj" and x.i < t.i]
    if not subj or any(x.dep_ not in ("prep", "npadvmod", "advmod", "punct", *told)
                       for x in children(t) if x.i > t.i):
        return None
    doc, sent = t.doc, t.sent
    lo = subj[0].left_edge.i
    hi = max([t.i] + [y.i for x in children(t) if x.i > t.i and not x.is_punct
                      for y in x.subtree])
    if not (sent.start + 2 <= lo - 1 and doc[lo - 1].text == ","
            and hi + 1 < sent.end and doc[hi + 1].text == ","):
        return None
    before = doc[sent.start : lo - 1]
    after = [x for x in doc[hi + 2 : sent.end] if not (x.is_punct or x.is_space)]
    if (len(after) < 3 or not any(x.tag_ in _FINITE or x.tag_ == "VBN" for x in after)
            or any(x.pos_ in ("VERB", "AUX") for x in before) or "\n" in sent.text):
        # (a clause before the cue is read by clause_content; "In Paris, he said,
        # …" has none, and what follows the cue is the report)
        return None
    span = span_of(list(sent))
    return (span, "clause") if span is not None and len(span) >= MIN_INSERTED else None


# The most words of an attribution set off by commas, on either side of its cue.
SET_OFF_WORDS = 8


@BOOK.rule("content", off=None)
def set_off(t: Token) -> Content | None:
    """An attribution set off by commas inside the sentence it reports, which the
    parse hung on the sentence as a side clause with more than a time after it: "If
    the plan fails, the mayor argues, there are other tools in the toolbox", "Nor
    does the mayor have any plans, advisers say, to raise taxes before the election".
    Read off the words: a comma, the cue's one subject and the cue (no verb but it), a
    time or a place, a comma, and a verb after; the content is the sentence (as
    annotators mark it, the attribution inside)."""
    doc, sent = t.doc, t.sent
    subj = [x for x in children(t) if x.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1 or subj[0].i > t.i or "\n" in span_text(sent):
        return None
    lo = t.i - 1
    while lo > sent.start and t.i - lo <= SET_OFF_WORDS and doc[lo].text != ",":
        if doc[lo].pos_ in ("VERB", "AUX") and doc[lo].dep_ != "aux":
            return None
        lo -= 1
    told = ("dobj", "dative") if lemma(t) in cues().listener else ()  # "she told reporters"
    hi = t.i + 1
    while hi < sent.end and hi - t.i <= SET_OFF_WORDS and doc[hi].text != ",":
        x = doc[hi]
        if x.pos_ in ("VERB", "AUX") or not (
                x.dep_ in ("prt", "advmod", "npadvmod", "prep", *told)
                or x.head.i != t.i and t.is_ancestor(x)):
            return None
        hi += 1
    if (doc[lo].text != "," or lo - 2 < sent.start or subj[0].left_edge.i <= lo
            or hi >= sent.end or doc[hi].text != ","):
        return None
    after = [x for x in doc[hi + 1 : sent.end] if not (x.is_punct or x.is_space)]
    if len(after) < 3 or not any(x.pos_ in ("VERB", "AUX") for x in after):
        return None
    span = span_of(list(sent))
    return (span, "clause") if span is not None and len(span) >= MIN_INSERTED else None


@BOOK.rule("content", off=None)
def misparsed_clause(t: Token) -> Content | None:
    """"He said legalizing it could put thousands of people to work …": the parse
    made the clause's subject the cue's object (or a clause of its own) and hung the
    clause's verb on it. The cue opens the sentence's predicate with its subject
    before it; the content is that object's phrase, when a finite clause hangs in it
    as a complement (not a relative clause: "said a prayer for those who died")."""
    if t.dep_ != "ROOT" or lemma(t) in cues().addressee or not any(
            x.dep_ == "nsubj" and x.i < t.i for x in children(t)):
        return None  # (the object of "told" is the one told)
    right = [x for x in children(t) if x.i > t.i and not x.is_punct]
    if not right or right[0].i != t.i + 1 or right[0].dep_ not in ("xcomp", "dobj"):
        return None
    first = right[0]
    if not any(x.dep_ == "ccomp" and (x.tag_ in _FINITE or any(
            a.dep_ == "aux" and a.tag_ in _FINITE for a in children(x)))
            and first.is_ancestor(x) for x in first.subtree):
        return None
    span = span_of(list(first.subtree))
    return (span, "clause") if span is not None and len(span) >= MIN_CLAUSE else None


@BOOK.rule("content", off=[], name="medium")
def medium_clause(t: Token) -> list[Token]:
    """"X says in a statement that …", "told reporters in an interview that …": the
    clause the parser hung on the medium of the speech (`speech_media`), after the
    cue, opened by "that"."""
    media = cues().media
    for x in children(t):
        if x.dep_ != "prep" or x.i < t.i or x.lower_ not in ("in", "on", "during"):
            continue
        for o in children(x):
            if o.dep_ != "pobj" or o.lemma_.lower() not in media:
                continue
            for c in children(o):
                if c.dep_ in ("acl", "ccomp") and c.i > o.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in children(c)):
                    return [c]
    return []


@BOOK.rule("content", off=None, name="final")
def final_content(t: Token) -> Content | None:
    """"…, the poll found." at the end of a sentence, whatever the parse made of it
    (a relative clause of the last noun: "an unfavorable view of Trump, the poll
    found"): the sentence before the comma that opens the attribution. Only a speech
    verb with its own subject, nothing after it but a time or a place."""
    if lemma(t) not in cues().verbs or t.dep_ in AROUND_DEPS + ("ROOT",):
        return None  # (those the parse reads right are found above)
    subj = [x for x in children(t) if x.dep_ == "nsubj" and x.i < t.i]
    # (the one told is no content: "…, Carter told a Senate panel Wednesday.")
    told = ("dobj", "dative") if lemma(t) in cues().listener else ()
    if subj and t.dep_ == "relcl" and subj[0].tag_ in ("WP", "WDT"):
        return None  # "She said goodbye to her friends, who cried.": about the noun
    if not subj or any(x.dep_ in ("dobj", "ccomp", "xcomp", "dative") and x.dep_ not in told
                       for x in children(t)):
        return None
    sent, doc = t.sent, t.doc
    lo = subj[0].left_edge.i
    if lo - 1 <= sent.start or doc[lo - 1].text != ",":
        return None
    after = [x for x in doc[t.i + 1 : sent.end] if not (x.is_punct or x.is_space)]
    if any(x.head.i != t.i and not t.is_ancestor(x) for x in after) or any(
            x.dep_ not in ("prep", "npadvmod", "advmod", *told) for x in children(t)
            if x.i > t.i and not x.is_punct):
        return None
    span = span_of(list(doc[sent.start : lo - 1]))
    if span is None or len(span) < MIN_CLAUSE or "\n" in span.text:
        return None
    return span, "clause"


def led_by_cue(comp: Token) -> bool:
    """A clause that opens with a subordinate speech clause of its own: "… said as he
    claimed demoralised troops are …" (the parse hangs "troops are …" on "said"; it is
    what "he claimed")."""
    return any(x.dep_ == "advcl" and x.i < comp.i and x.left_edge.i == comp.left_edge.i
               and lemma(x) in cues().verbs and any(m.dep_ == "mark" for m in children(x))
               and any(n.dep_ == "nsubj" for n in children(x)) for x in children(comp))
