"""Cues: the speech verb that introduces or closes a quotation (found in its
sentences), how it joins the quotation (by punctuation, or governing it), whether a
quotation goes on with the last one's attribution, and who relayed the speech."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from dossier.parse import misclosed
from dossier.parse.tree import children
from dossier.quotes.book import BOOK
from dossier.quotes.lexicon import cues, is_cue, lemma
from dossier.quotes.marks import MARK, WIDE_SPACES
from dossier.quotes.sources import ACCORDING_TO_WORDS
from dossier.quotes.speakers import Found, relay_of, speaker_of, subject
from dossier.quotes.view import ArticleView, SpeakerDict

# A quotation and its cue are "adjacent" with at most this many words between them
# (and punctuation): "“…,” the minister said", "Putin continued: “…”".
ADJACENT_WORDS = 3
# A quotation continues the last one's attribution across at most this many words of
# attribution sentence ("“…,” he said on Thursday during a speech in New York. “…”";
# "“…,” said Jane Ward, who runs the gym on Fifth Street — which …. “…”"). 40 since
# session 20 (30 before): PolNeAR dev A content J F1 0.673 -> 0.674, train[:200]
# 0.661 (P 0.798 -> 0.799), dev B unchanged; the same from 38 to 60.
CONTINUED_WORDS = 40

# The last quotation attributed by a cue after it: its speaker, cue and end.
Attribution = tuple[SpeakerDict, Token, int]
_ACCORDING = frozenset({"according"})


def find_cue(view: ArticleView, content: Span, inside: set[int]) -> Token | None:
    """The speech verb that introduces or closes a quotation, in its sentences: the
    nearest on the quotation's lines."""
    doc = view.doc
    first, last = doc[content.start], doc[content.end - 1]
    sents = {first.sent.start: first.sent, last.sent.start: last.sent}
    cands = []
    for sent in sents.values():
        for t in view.tokens[sent.start : sent.end]:
            if t.i in inside or not is_cue(t):
                continue
            if t.i < content.start and "\n" in doc[t.i : content.start].text:
                continue
            if t.i > content.end and "\n" in doc[content.end : t.i].text:
                continue
            dist = content.start - t.i if t.i < content.start else t.i - content.end
            cands.append((dist, t))
    if not cands:
        cands = cue_after_mark(view, content)
    if not cands:
        cands = cue_before_colon(view, content)
    if not cands:
        return None
    outside = outside_relative(cands, content)
    return min(outside or cands, key=lambda c: c[0])[1]


@BOOK.rule("cues", off=[])
def cue_after_mark(view: ArticleView, content: Span) -> list[tuple[int, Token]]:
    """A cue the parser split off after the closing mark, in a sentence of its own:
    "“… our country?” Clinton said."."""
    doc = view.doc
    nxt = content.end
    while nxt < len(doc) and doc[nxt].text in closing_marks():
        nxt += 1
    if (content.end < nxt < len(doc) and not doc[nxt].is_space
            and "\n" not in doc[nxt - 1].text_with_ws and doc[nxt].sent.start >= nxt):
        root = doc[nxt].sent.root
        if is_cue(root) and not any(c.dep_ == "ccomp" or c.dep_ == "dobj" and not (
                listener_object(root)) for c in children(root)):
            return [(root.i - content.end, root)]
    return []


# The marks that close a quotation, as tokens.
_CLOSERS = ("”", '"', "’", "'")


@BOOK.rule("cues", off=_CLOSERS)
def closing_marks() -> tuple[str, ...]:
    """Two apostrophes close a quotation too (the archives' convention), also after an
    inner one: "''When I asked him, he said, 'Nothing at all.''' Jane Ward said."
    is Ward's (the parser made a sentence of the cue; before, the nested quotation
    lost the whole record)."""
    return (*_CLOSERS, "''")


@BOOK.rule("cues", off=False)
def listener_object(cue: Token) -> bool:
    """The object of a verb of telling is the one told, not something else said: "“Why
    would we wait?” Jane Ward told reporters." closes the quotation (the parser made a
    sentence of it after the question mark); not "“…” Ward called it nonsense."."""
    return lemma(cue) in cues().listener


@BOOK.rule("cues", off=[])
def cue_before_colon(view: ArticleView, content: Span) -> list[tuple[int, Token]]:
    """A cue before a colon at the end of the paragraph before a quotation that opens
    one: "He said:⏎⏎“…"."""
    doc = view.doc
    first = doc[content.start]
    cands = []
    if first.i > 0:
        prev = doc[first.i - 1]
        while prev.i > 0 and (prev.is_space or prev.text in ("“", '"')):
            prev = doc[prev.i - 1]
        if prev.text == ":":
            for t in prev.sent:
                if is_cue(t):
                    cands.append((content.start - t.i, t))
    return cands


@BOOK.rule("cues", off=[])
def outside_relative(cands: list[tuple[int, Token]], content: Span
                     ) -> list[tuple[int, Token]]:
    """A cue in a relative clause that does not hold the quotation gives way to one
    outside it: "Fleming will say Xi – who has not condemned the invasion – has a
    “more nuanced” view" (none outside: the nearest of all)."""
    return [c for c in cands if not in_relative(c[1], content)]


@BOOK.rule("cues", off=None)
def governing_cue(view: ArticleView, cue: Token, inside: set[int]
                  ) -> tuple[Token, Found] | None:
    """The nearest cue has no speaker, a speech verb that governs it may: "Ryan said
    it's unrealistic to think that … “our oceans …”" (not through a noun: "his
    decision to describe …" is a noun's, not a speaker's)."""
    for anc in cue.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            break
        if is_cue(anc) and anc.i not in inside:
            found = speaker_of(view, anc)
            if found[0] is not None:
                return anc, found
    return None


@BOOK.rule("cues", off=False)
def weak_cue(cue: Token, adjacent: bool) -> bool:
    """A weak verb (``weak_verbs``) is speech only when joined to its quotation by
    punctuation: "Putin continued: “…”", not "agreed to continue “close personal
    interaction”"."""
    return lemma(cue) in cues().weak and not adjacent


@BOOK.rule("cues", off=False)
def speaker_joined(view: ArticleView, cue: Token, content: Span,
                   speaker: SpeakerDict | None) -> bool:
    """A cue after its quotation is joined to it when only punctuation and its
    speaker's phrase stand between, however long the phrase: "“We regret it,” a
    spokesperson for Microsoft said." (not "“Never” was all he wrote, a spokesman
    said")."""
    if speaker is None or cue.i < content.end:
        return False
    phrase = speaker.get("phrase") or speaker
    a, b = phrase["start"], phrase["end"]
    before, after = view.text[content.end_char : a], view.text[b : cue.idx]
    return (content.end_char <= a and b <= cue.idx and "\n" not in before
            and not re.search(r"\w", before) and any(p in before for p in _JOINERS)
            and not after.strip())


def in_relative(cue: Token, content: Span) -> bool:
    """Whether a cue stands in a relative clause that does not hold the quotation."""
    v: Token = cue
    while v.dep_ in ("conj", "xcomp", "aux") and v.head.i != v.i:
        v = v.head
    return v.dep_ == "relcl" and not (v.left_edge.i <= content.start
                                      and content.end - 1 <= v.right_edge.i)


def governed(view: ArticleView, cue: Token, content: Span) -> bool:
    """Whether the quotation sits inside the clause of its cue ("warned that the
    “consequences …”") rather than standing as the whole utterance ("told
    journalists: “…”")."""
    if cue.i > content.start:
        return False
    before = view.text[: content.start_char].rstrip(" “\"‘'\n")
    if before.endswith((":", ",")):
        return False
    return any(cue.is_ancestor(t) for t in content)


# Punctuation that joins a cue to its quotation ("Putin continued: “…", "‘…,’ he said").
_JOINERS = (":", ",", "”", '"', "’", "'")


def is_adjacent(view: ArticleView, cue: Token, content: Span) -> bool:
    """Cue and quotation joined by punctuation only: "Putin continued: “…", "“…,” he added"."""
    text = view.text
    if cue.i < content.start:
        between = text[cue.idx + len(cue.text) : content.start_char]
    else:
        between = text[content.end_char : cue.idx]
    words = [w for w in re.findall(r"[\w’']+", between)]
    return len(words) <= ADJACENT_WORDS and (any(p in between for p in _JOINERS) or (
        cue.i > content.start and misclosed(text, content.end_char)))  # “…,“ she said


def continued(text: str, last: tuple[dict, Token, int] | None,
               a: int) -> tuple[dict, Token, int] | None:
    """The attribution a quotation at ``a`` continues: the last quotation ended in the
    same paragraph, its cue after it, and only that attribution sentence between the
    two ("“…,” he said on Thursday during a speech in New York. “…”")."""
    if last is None:
        return None
    _, cue, end = last
    between = text[end:a]
    if "\n" in between or not end <= cue.idx < a:
        return None
    if misclosed(text, end):  # the last quotation's close, typed “ ("“…,“ he said")
        between = between[1:]
    between = titles_unmarked(spaced_after(between).lstrip("”\"' "))
    inner = between.rstrip(" “\"'")
    if not inner.endswith((".", ",", ":", ";")) or MARK.search(inner):
        return None
    if len(re.findall(r"[\w’']+", between)) > CONTINUED_WORDS:
        return None
    return last


@BOOK.rule("marks")
def spaced_after(between: str) -> str:
    """A no-break space after the attribution sentence is a space between sentences
    too: "“We will not pay for the wall,” he said.\xa0“It is useless.”" goes on as one
    act of speech, as web copy sets it (``between``: the text between the two parts,
    its wide spaces made plain)."""
    return between.translate(_PLAIN_SPACES)


_PLAIN_SPACES = str.maketrans(WIDE_SPACES, " " * len(WIDE_SPACES))
# The most words of a title in marks inside an attribution ("on “Meet the Press.”").
TITLE_WORDS = 6
# Short words a title leaves in lower case ("State of the Union", "Fox and Friends").
_TITLE_SMALL = frozenset("a an and at by for from in of on or the to with".split())
# A quotation inside an attribution: its opening mark, its words, its closing mark.
_QUOTED = re.compile(r"(?:[“\"]|'')([^“”\"\n]{1,80}?)(?:[”\"]|'')")


def is_title(words: str) -> bool:
    """Whether quoted ``words`` are a title (at most :data:`TITLE_WORDS` words, each but
    the short ones capitalised, the first too): "Meet the Press.", "Today", "State of
    the Union"; not "a big mistake", "Never."."""
    ws = re.findall(r"[^\W\d_][\w’'-]*", words)
    return 0 < len(ws) <= TITLE_WORDS and ws[0][0].isupper() and len(ws) > 1 and all(
        w[0].isupper() or w.lower() in _TITLE_SMALL for w in ws)


@BOOK.rule("marks")
def titles_unmarked(between: str) -> str:
    """A show's or a paper's title in marks inside the attribution between two parts of
    one quotation is no quotation of its own: "“I have always said I expect to be
    vetted,” he said on “Meet the Press.” “But …”", "“…,” the mayor told NBC's “Good
    Morning Show” on Monday. “…”", "''…,'' he said on NBC's ''Meet the Press.'' ''…''"
    (session 22: two apostrophes too) go on as one act of speech (``between``: the text
    between the two parts; its titles lose their marks)."""
    return _QUOTED.sub(lambda m: m.group(1) if _titled(m.group(1), between[: m.start()])
                       else m.group(0), between)


def _titled(words: str, before: str) -> bool:
    """A title: :func:`is_title`, or one capitalised word after an owner ("NBC's
    “Today”")."""
    return is_title(words) or (before.endswith(("’s ", "'s ")) and re.fullmatch(
        r"[A-Z][\w’'-]*[.,]?", words.strip()) is not None)


def title_in_attribution(text: str, last: Attribution | None, a: int, b: int) -> bool:
    """Whether the quotation at ``a``–``b`` is a title inside the attribution after the
    last quotation (:func:`titles_unmarked`): "he said on “Meet the Press.”"."""
    if last is None or not BOOK.on("marks", "titles_unmarked"):
        return False
    _, cue, end = last
    before = text[end : max(end, a - 1)]
    return ("\n" not in before and end <= cue.idx < a
            and not re.search(r"[.!?]\s", abbreviated(before))
            and _titled(text[a:b], before.rstrip("“\"'")))


# Abbreviations whose full stop ends no sentence ("Mr. Trump said on …").
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Prof|Rev|St|Jr|Sr"
                           r"|[A-Z])\.(?=\s)")


@BOOK.rule("marks")
def abbreviated(before: str) -> str:
    """A title's full stop ends no attribution sentence: "“The plan is dead,” Mr. Trump
    said on CBS’s “Face the Nation.” “Nobody will vote for it.”" goes on as one act of
    speech, the title no quotation of its own (:func:`title_in_attribution`; before,
    "Mr. " read as a sentence's end made "Face the Nation." a partial quote and lost the
    part after it). Returns ``before`` without the abbreviations' stops."""
    return _ABBREVIATION.sub(lambda m: m.group(0)[:-1], before)


@BOOK.rule("cues", off=None, name="relay")
def reported_via(view: ArticleView, cue: Token) -> dict[str, Any] | None:
    """Who reported the speech: "Xinhua reported that Xi said", "according to CCTV",
    "Reuters said, citing the ministry" (``speakers.cited_source``)."""
    if (relay := relay_of(view, cue)) is not None:
        return relay
    for anc in cue.ancestors:
        if is_cue(anc) and lemma(anc) in cues().reporting:
            subj = subject(view, anc)
            m = view.mention_in(subj) if subj else None
            if m is not None:
                return {"name": m.actor_name, "actor_id": m.actor_id}
    sent, tokens = cue.sent, view.tokens
    at = view.parsed.where(LOWER, _ACCORDING)  # (the column, not every token's string)
    for t in [tokens[i] for i in at[bisect_left(at, sent.start) : bisect_left(at, sent.end)]]:
        if (t.i + 1 < len(view.doc)
                and tokens[t.i + 1].lower_ == "to"):
            m = view.mention_in(tokens[t.i + 2 : t.i + 2 + ACCORDING_TO_WORDS])
            if m is not None:
                return {"name": m.actor_name, "actor_id": m.actor_id}
    return None
