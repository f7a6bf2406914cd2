"""Where a reported content ends (issue 20: content spans as annotators mark them):
the full clause the cue governs, to its end; and no content that names only a topic."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.clauses import Content, span_of
from dossier.quotes.lexicon import cues, lemma, verb_lemmas
from dossier.quotes.tails import cut_before, next_saying, others_report
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
        if (k := coordinated(t, span.start, j, stop)) is not None:
            j = k
            continue
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


@BOOK.rule("content", off=None)
def coordinated(t: Token, start: int, j: int, stop: int) -> int | None:
    """A content read off an object, a preposition or an infinitive goes on through a
    word coordinated with one of its own, as annotators mark it: "The senator mentioned
    refinancing student loans and forcing universities to spend more" (the parse gives
    "refinancing student loans"), "wants to triple the program, grow the corps and
    create a reserve", "cited her work after the floods and her position on leave".
    Not a verb coordinated with the cue ("criticized the plan and warned drivers …":
    the speaker's next act). Returns where the conjunct ends (the content runs on from
    there), or None when no conjunct of the content comes next at ``j``."""
    doc = t.doc
    k = j
    while k < stop and (doc[k].dep_ in ("cc", "preconj") or doc[k].text == ","):
        k += 1
    if k == j or k >= stop:
        return None
    y = doc[k]
    while y.dep_ != "conj" and y.head.i > y.i:  # (the conjunct's head: "her position")
        y = y.head
    if (y.dep_ != "conj" or not start <= y.head.i < j or y.head.i == t.i
            or not t.is_ancestor(y) or y.left_edge.i != k or y.right_edge.i >= stop
            or "\n" in doc[j:k].text):
        return None
    return y.right_edge.i + 1


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
    found = to_clause_end(t, found) or found
    found = past_colon(found) or found
    found = next_act(t, found) or next_saying(t, found) or found
    return others_report(t, found) or found


# The most words after a colon that a content runs on to (a list, a clause).
PAST_COLON_WORDS = 40


@BOOK.rule("content", off=None)
def past_colon(found: Content) -> Content | None:
    """A content that ends at a colon inside its sentence runs on to the sentence's end,
    what the colon opens being what was said too: "The mayor noted that three things
    are happening at once: rents are rising, wages are flat and buses are late" (as
    annotators mark it). Not when a quotation follows ("…: “We will win.”" is a
    quotation of its own), nor across a line break, nor into a page's menu ("A | B")."""
    span, kind = found
    doc = span.doc
    j = span.end
    while j < len(doc) and doc[j].text in ("”", '"', "’"):
        j += 1
    if j + 1 >= len(doc) or doc[j].text != ":":
        return None
    end = doc[j + 1].sent.end
    rest = doc[j + 1 : end]
    words = [x for x in rest if not (x.is_punct or x.is_space)]
    if (len(words) < 2 or len(words) > PAST_COLON_WORDS or "\n" in rest.text
            or "|" in rest.text  # (a menu of headlines: "Hillicon Valley: A | B | C")
            or any(x.text in _OPENING or x.text in ("”", "''") for x in rest)):
        return None
    longer = span_of(list(doc[span.start : end]))
    return (longer, kind) if longer is not None else None


_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


_FINITE = {"VBD": "past", "VBZ": "present", "VBP": "present"}


def _finite(v: Token) -> str:
    """A verb's finite form: "past" ("warned", "did not promise"), "present"
    ("calls"), or with another auxiliary its tag and "+aux" ("would order", "has
    signed")."""
    aux = [c for c in children(v) if c.dep_ in ("aux", "auxpass") and c.i < v.i]
    if aux and aux[0].lemma_ != "do":
        return aux[0].tag_ + "+aux"
    tag = aux[0].tag_ if aux else v.tag_
    return _FINITE.get(tag, tag)


@BOOK.rule("content", off=None)
def next_act(t: Token, found: Content) -> Content | None:
    """A verb coordinated with a content's own verb, after its cue, with no subject of
    its own, that is a cue in the cue's tense while the content's verb is in another
    is the speaker's next act, not what was said: "The mayor said she would visit the
    site and promised money for repairs" is "she would visit the site" ("promised …"
    is hers, a report of its own; "said she has apologized and called on the council
    to …" likewise). Not "said the plan was late and cost too much" (one tense: the
    content), nor "told them what to say or not say". The content ends before the
    conjunction."""
    if t.tag_ not in _FINITE:
        return None
    return cut_before(t, found, lambda root, x: x.dep_ == "conj" and _own_act(t, root, x))


def _own_act(t: Token, root: Token, x: Token) -> bool:
    """Whether ``x``, a verb coordinated with ``root`` (the verb of ``t``'s content), is
    ``t``'s speaker's next act (:func:`next_act`)."""
    return (x.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE and lemma(x) in verb_lemmas()
            and _finite(x) == _FINITE[t.tag_] != _finite(root)
            and not any(c.dep_ in _SUBJECTS for c in children(x)))


def acting_cue(x: Token) -> Token | None:
    """The cue whose speaker a coordinated cue ``x`` shares, when :func:`next_act` reads
    ``x`` as that speaker's next act ("The mayor said she would visit the site and
    promised money …": "said"), else None; its subject is the speaker of ``x``."""
    root = x.head
    if (x.dep_ != "conj" or root.dep_ not in ("ccomp", "xcomp") or root.i > x.i
            or root.head.i > root.i or not BOOK.on("content", "next_act")):
        return None
    t = root.head
    return t if lemma(t) in verb_lemmas() and _own_act(t, root, x) else None


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

