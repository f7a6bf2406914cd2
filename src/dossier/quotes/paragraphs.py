"""Strategies that attribute whole paragraphs and clauses without a speech verb:
colon paragraphs ("PENCE: Well, look, …", a block quotation after "Limbaugh
added:"), "according to X" clauses, and findings in a poll or a study."""

from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from dossier.parse.tree import children
from dossier.quotes.book import BOOK, CARRIED, UNLINKED
from dossier.quotes.clauses import MIN_CLAUSE, span_of
from dossier.quotes.lexicon import attribution_phrases, cues, is_cue, lemma, tense, verb_lemmas
from dossier.quotes.marks import MARKS
from dossier.quotes.mentions import mention_speaker, raw_speaker, subject_mention
from dossier.quotes.sources import attributed_source, colon_name
from dossier.quotes.speakers import speaker_of
from dossier.quotes.view import ArticleView, SpeakerDict, make_quote
from dossier.records import Quote

_IN = frozenset({"in"})

# A finding in a poll is as sure as an unlinked speaker (before session 21; see
# verbless_finding).
EVIDENCE = UNLINKED
# A poll's finding with no verb of its own ("Trump has a decisive lead in the polls"):
# strictly right (content at Jaccard >= 0.5 with a gold attribution's, source its
# source) 6 of 20 on PolNeAR train (first 300 articles) and dev half A, where the
# calibration of its profile ("indirect.0.75.other") gave it 0.74, then 0.62-0.63 on
# pages; and no act of speech by the marking standard (eval/audits/MARKING.md).
VERBLESS_FINDING = 0.3
# The fewest tokens of a colon paragraph's body, and how far into a line its colon may
# stand (characters) to name the line's speaker.
MIN_COLON_PARAGRAPH = 3
COLON_REACH = 40

_LINE = re.compile(r"[^\n]+")


@BOOK.rule("strategies", off=[])
def colon_paragraphs(view: ArticleView, quoted: list[tuple[int, int]]) -> list[Quote]:
    """Paragraphs attributed by a colon, without a cue in the same sentence:
    "PENCE: Well, look, …" (transcripts, headlines "Sanders: Clinton needs …") and a
    block quotation after "Limbaugh added:" at the end of the paragraph before."""
    doc, text = view.doc, view.text
    out = []
    prev: tuple[int, int] | None = None
    listing = False  # in a list of "Name: charges" lines after a line ending in ":"
    notes = False  # under a game story's notes heading ("TIP-INS", "UP NEXT")
    for m in _LINE.finditer(text):
        a, b = m.span()
        line = m.group()
        if not line.strip():
            continue
        lead = a + len(line) - len(line.lstrip(MARKS))
        body: tuple[int, int] | None = None
        speaker: SpeakerDict | None = None
        unnamed = False
        cue: Token | None = None
        colon = text.find(":", lead, min(b, lead + COLON_REACH))
        if notes_heading(line):
            notes, prev = True, (a, b)
            continue
        notes = notes and colon > lead
        if notes:
            prev = (a, b)
            continue  # "Lakers: Host the Clippers on Friday."
        if colon > lead:
            head = doc.char_span(lead, colon, alignment_mode="contract")
            name = colon_name(view, head, colon, b) if head is not None else None
            if name is not None:
                # a name (an actor, a PERSON/ORG entity, a transcript's capitals, a
                # headline's "Lynch: …" or "Clinton to Planned Parenthood: …"), not a
                # title ("Stealth Over Health: …") or a label ("Correction: …")
                mention = view.mention_in(name)
                speaker = (mention_speaker(mention, view, name) if mention is not None
                           else raw_speaker(view, name, "unlinked"))
                body = (colon + 1, b)
                if list_item(view, colon, b, listing or _ends_colon(text, prev)):
                    listing, body, speaker = True, None, None
                    prev = (a, b)
                    continue
            elif head is not None and interview_turn(head):
                body, unnamed = (colon + 1, b), True
        if body is None and prev is not None and _ends_colon(text, prev):
            block = block_quotation(view, prev, (a, b), lead)
            if block is not None:
                cue, speaker, body = block
        prev = (a, b)
        listing = False
        if body is None or speaker is None and not unnamed:
            continue
        lo, hi = body
        while lo < hi and text[lo] in MARKS:
            lo += 1
        while hi > lo and text[hi - 1] in MARKS:
            hi -= 1
        span = doc.char_span(lo, hi, alignment_mode="contract")
        if span is None or len(span) < MIN_COLON_PARAGRAPH or any(
                qa < span.end_char and span.start_char < qb for qa, qb in quoted):
            continue
        if cue is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # a list after "MOF explains …:" ("1 & 2-room – 3 months' worth")
        out.append(make_quote(view, span, "direct", speaker, cue,
                              tense(cue) if cue is not None else "past", None, CARRIED))
    return out


@BOOK.rule("speakers", off=False)
def notes_heading(line: str) -> bool:
    """A game story's notes heading: the lines under it that open with a team's name
    and a colon are notes, not the team's words: "TIP-INS ⏎ Lakers: Coach Frank Vogel
    said the team would rest LeBron James on Tuesday." (``notes_headings``)."""
    return line.strip().rstrip(":.").strip().lower() in cues().notes_headings


def _ends_colon(text: str, line: tuple[int, int] | None) -> bool:
    return line is not None and text[line[0] : line[1]].rstrip().endswith(":")


@BOOK.rule("speakers", off=False)
def list_item(view: ArticleView, colon: int, end: int, after_colon: bool) -> bool:
    """A line with no finite verb after a name and a colon, in a list that a line
    ending in a colon opens, is a list's item, not a headline's claim: "…on the
    following charges:" then "Elizabeth A. Burton: Possession of …"."""
    after = view.doc.char_span(colon + 1, end, alignment_mode="contract")
    return after_colon and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                   for t in after or ())


@BOOK.rule("speakers", off=False)
def interview_turn(head: Span) -> bool:
    """An interview's turn, "Q: …" or "A: …", is a quote with no speaker named: "Q: You
    said yesterday that the middle class is still getting crushed."."""
    return len(head) == 1 and head.text in ("Q", "A")


@BOOK.rule("speakers", off=None)
def block_quotation(view: ArticleView, prev: tuple[int, int], line: tuple[int, int],
                    lead: int) -> tuple[Token, SpeakerDict, tuple[int, int]] | None:
    """A paragraph after one that ends with a cue and a colon is that speaker's block
    quotation: "Limbaugh added:⏎We are going to win this." (its cue, speaker and body;
    not a paragraph that opens with a mark, a quotation of its own)."""
    doc, text = view.doc, view.text
    a, b = line
    last = doc.char_span(prev[0], prev[1], alignment_mode="expand")
    if last is None:
        return None
    sent = doc[last.end - 1].sent
    cands = [t for t in sent if is_cue(t) and t.i >= last.start]
    if not cands:
        return None
    cue = cands[-1]
    speaker, _ = speaker_of(view, cue)
    if speaker is not None and text[lead:b].lstrip(MARKS) == text[a:b].lstrip(
            MARKS) and text[a:b].lstrip()[:1] not in MARKS:
        return cue, speaker, (a, b)
    return None


@BOOK.rule("strategies", off=[])
def according_to_clauses(view: ArticleView, quoted: list[tuple[int, int]]) -> list[Quote]:
    """Indirect speech attributed with "according to X": the rest of the sentence;
    X is an actor or any noun phrase ("according to a new poll")."""
    doc = view.doc
    out = []
    for s, e in attribution_phrases(doc):
        found = attributed_source(view, doc[e - 1], len(doc))
        if found is None:
            continue
        speaker, src = found
        span = according_body(view, s, max(e, src[-1].i + 1))
        if span is None or any(a < span.end_char and span.start_char < b for a, b in quoted):
            continue
        out.append(make_quote(view, span, "indirect", speaker,
                          None, "past", None, CARRIED))
    return out


# What is trimmed off a clause's edges: punctuation, and the whitespace (line breaks,
# and the blanks a dropped ad marker leaves in the masked text) a sentence may end in.
EDGES = " ,.;:\n\t\r\u00a0"


def according_body(view: ArticleView, lo: int, hi: int) -> Span | None:
    """What an attribution phrase (tokens ``lo`` to ``hi``: "according to the city
    council") attributes: the longer side of its sentence, without its edges."""
    doc = view.doc
    sent = doc[lo].sent
    before, after = doc[sent.start : lo], doc[hi : sent.end]
    body = max((before, after), key=len)
    text = body.text.strip(EDGES)
    if len(body) < MIN_CLAUSE or not text:
        return None
    a = body.start_char + body.text.index(text)
    return doc.char_span(a, a + len(text))


@BOOK.rule("content")
def according_clause(content: Span, view: ArticleView) -> Span:
    """A few quoted words in a sentence attributed by "according to" are quoted in
    that sentence's clause, which is the content: "According to two aides, the move
    reeks of “fear” and desperation" (not "fear" alone)."""
    doc = view.doc
    sent = doc[content.start].sent
    for s, e in attribution_phrases(doc):
        if not sent.start <= s < sent.end:
            continue
        found = attributed_source(view, doc[e - 1], sent.end)
        if found is None:
            continue
        body = according_body(view, s, max(e, found[1][-1].i + 1))
        if body is not None and body.start <= content.start and content.end <= body.end:
            return body
    return content


@BOOK.rule("strategies", off=[])
def evidence_clauses(view: ArticleView, quoted: list[tuple[int, int]]) -> list[Quote]:
    """Findings in a poll or a study (`evidence_nouns`): "In a Des Moines Register
    poll last month, Mr. Cruz had a 10 percentage-point lead", "Trump has a decisive
    lead in the polls": the clause, whose source is the poll. Not when the clause's
    verb is itself a cue (its subject speaks: "In a new study, researchers found …")."""
    text = view.text
    c = cues()
    out = []
    for i in view.parsed.where(LOWER, _IN):
        t = view.parsed.tokens[i]
        if t.dep_ != "prep":
            continue
        verb = t.head
        if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "attr"):
            verb = verb.head  # "has a decisive lead in the polls"
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        objs = [x for x in children(t) if x.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() not in c.evidence_nouns or objs[0].pos_ != "NOUN":
            continue
        if lemma(verb) in verb_lemmas() or verb.dep_ not in ("ROOT", "conj", "ccomp"):
            continue
        mine = {x.i for x in t.subtree}
        body = [x for x in verb.subtree if x.i not in mine]
        span = span_of(body)
        if span is None or len(span) < MIN_CLAUSE or "\n" in span.text or view.quoted[verb.i]:
            continue
        if any(a < span.end_char and span.start_char < b for a, b in quoted):
            continue
        src = list(objs[0].subtree)
        lo = text.rfind("\n", 0, t.idx)
        if "\n" in text[min(t.idx, span.start_char) : max(t.idx, span.end_char)] or (
                lo >= 0 and src[0].idx < lo):
            continue
        m = subject_mention(view, src)
        speaker = (mention_speaker(m, view, src) if m is not None
                   else raw_speaker(view, src, "unlinked"))
        out.append(make_quote(view, span, "indirect", speaker, t,
                          tense(verb), None, verbless_finding()))
    return out


@BOOK.rule("strategies", off=EVIDENCE)
def verbless_finding() -> float:
    """A poll's finding with no verb of its own is no act of speech and seldom what
    annotators mark: "Trump has a decisive lead in the polls", "she trails Clinton in
    the polls" (a belief, kept) stay below the default floor, at the share of them
    that are right (``VERBLESS_FINDING``), instead of the 0.62 an unlinked source's
    report reached."""
    return VERBLESS_FINDING
