"""Where a reported content ends (issue 20: content spans as annotators mark them):
the full clause the cue governs, to its end; and no content that names only a topic."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.clauses import Content, span_of
from dossier.quotes.lexicon import cues, lemma
from dossier.records import Quote, TextSpan

# Shapes whose content the parse cuts short of the clause (an object, a preposition's
# object, an infinitive): the words after it that the cue still governs belong to it.
_EXTENDED = ("object", "prep", "infinitive")
_TIMES = ("DATE", "TIME")
# Opening quotation marks go on: "referred to Xi as “my dear friend”".
_OPENING = frozenset(("“", "‘", '"'))


@BOOK.rule("content", off=None, name="to_clause_end")
def to_clause_end(t: Token, found: Content) -> Content | None:
    """A content read off an object, a preposition or an infinitive runs on to the end
    of the cue's clause, as annotators mark it: "Clinton cited disparaging remarks
    Trump had made about Machado as examples of his disrespect", "is raising questions
    about his microphone problems during Monday's debate" (the parse gives "disparaging
    remarks", "questions about his microphone problems"). It stops at punctuation, a
    line break, a coordinated verb ("… and warned against …"), a subordinate clause's
    mark ("… after hackers targeted …"), a time ("endorsed Sunak last week": a trailing
    time is no content) and what the cue does not govern; a naming verb's label ends
    the content ("called the protesters “thugs” without proof")."""
    span, kind = found
    if (kind not in _EXTENDED or span.start <= t.i or len(span) < 2
            or lemma(t) in cues().complement_objects):
        # (a naming verb's label ends the content: "called them “thugs”"; a bare name
        # is a quote only by ``content.bare_name``: not "to defend Taiwan in …")
        return None
    doc = t.doc
    j, stop = span.end, min(t.sent.end, t.right_edge.i + 1)
    while j < stop:
        x = doc[j]
        if (x.is_punct and x.text not in _OPENING or x.is_space
                or x.dep_ in ("cc", "mark", "preconj")
                or x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")
                or not t.is_ancestor(x) or x.lower_ == "according" or _time(x, t, span.end)):
            break
        j += 1
    if j == span.end:
        return None
    longer = span_of(list(doc[span.start : j]))
    return (longer, kind) if longer is not None else None


@BOOK.rule("cues", off=False)
def topic_only(lem: str, found: Content) -> bool:
    """A content that names only a topic is no quote: "spoke about the economy",
    "discussed the torrent of challenges facing the continent", "told his supporters"
    (``topic_verbs`` with an object or a preposition's object and no verb in it;
    "talked about which ones he'd like to …" stays)."""
    span, kind = found
    return (kind in ("object", "prep") and lem in cues().topic
            and not any(x.pos_ in ("VERB", "AUX") for x in span))


def _time(x: Token, t: Token, end: int) -> bool:
    """A time the cue governs, at ``x``: "last week", "on Tuesday" (a preposition whose
    object is one); not "during Monday's debate"."""
    top = x
    while top.head.i != t.i and top.head.i >= end and top.head.i != top.i:
        top = top.head
    return top.dep_ in ("npadvmod", "tmod") and top.ent_type_ in _TIMES or (
        top.dep_ == "prep" and any(o.ent_type_ in _TIMES for o in children(top)
                                   if o.dep_ == "pobj"))


def bounded(t: Token, lem: str, found: Content) -> Content | None:
    """The content as annotators bound it (:func:`to_clause_end`), or
    None when it names only a topic (:func:`topic_only`)."""
    if topic_only(lem, found):
        return None
    return to_clause_end(t, found) or found


# The most words between an attribution's cue (or speaker) and the comma closing it:
# "…, Claure said in the email to staff on Friday, …".
FRAMING_TAIL_WORDS = 6


@BOOK.rule("content")
def framing_set_off(out: list[Quote]) -> list[Quote]:
    """A report whose content is the sentence around its own attribution, set off by
    commas, is the words on either side of it: "But Apple has had a place in his heart
    since 1984, Benioff said, ever since he did an internship at the company" is
    "But Apple has had … since 1984" … "ever since he did …" (two segments, as a
    quotation split by its attribution is), not the framing "Benioff said". Only when
    the cue and its speaker lie inside the content, a comma right before them and
    another within a few words after."""
    res = []
    for q in out:
        cut = _framing_cut(q) if q.quote_type != "direct" and not q.segments else None
        res.append(q if cut is None else replace(q, segments=cut))
    return res


def _framing_cut(q: Quote) -> tuple[TextSpan, TextSpan] | None:
    if q.cue is None or q.speaker is None:
        return None
    ph = q.speaker.phrase or TextSpan(q.speaker.start, q.speaker.end, "")
    a, b = min(ph.start, q.cue.start), max(ph.end, q.cue.end)
    if not q.start < a < b < q.end:
        return None
    text, off = q.text, q.start
    left = text[: a - off].rstrip()
    if not left.endswith(",") or not left[:-1].strip():
        return None
    tail = re.match(r"[^,.;:!?“”\"\n]*,", text[b - off :])
    if tail is None or len(tail.group().split()) > FRAMING_TAIL_WORDS:
        return None
    right_at = b - off + tail.end()
    right = text[right_at:]
    if not right.strip():
        return None
    first, second = left[:-1].rstrip(), right.strip()
    at = off + right_at + len(right) - len(right.lstrip())
    return TextSpan(off, off + len(first), first), TextSpan(at, at + len(second), second)

