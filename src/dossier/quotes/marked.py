"""The marked-quotation strategy: each quotation in marks, attributed by its cue's
speaker, or without a cue by a dash, "according to", a colon, or the paragraph
before (a paragraph that is only a quotation continues the last speaker)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dossier.parse.texts import span_text
from dossier.quotes.book import BOOK, CARRIED, NO_VERB
from dossier.quotes.clauses import clause_content
from dossier.quotes.cues import (
    Attribution,
    continued,
    find_cue,
    governed,
    governing_cue,
    is_adjacent,
    reported_via,
    speaker_joined,
    title_in_attribution,
    weak_cue,
)
from dossier.quotes.epithets import epithet
from dossier.quotes.lexicon import cues, is_cue, lemma, tense
from dossier.quotes.marks import MARK, MARKS, WIDE_SPACES, whole_paragraph
from dossier.quotes.mentions import mention_speaker
from dossier.quotes.objects import infinitive_content, object_content
from dossier.quotes.paragraphs import according_clause
from dossier.quotes.sources import according_to, colon_speaker, dash_speaker
from dossier.quotes.speakers import speaker_of
from dossier.quotes.view import ArticleView, SpeakerDict, make_quote, parts
from dossier.records import Quote

# A paragraph that is only a quotation continues the last speaker named at most this
# many paragraphs (lines) before it.
CONTINUES_PARAGRAPHS = 2
# The most words an attribution after a quotation may have for the quotation in the
# next paragraph to go on with it (half of it, as words between the two marks).
CONTINUES_WORDS = 15
# Opening quotation marks (tokens).
MARKS_OPENING = frozenset(("“", '"', "''", "‘"))
# Closing quotation marks (tokens).
_CLOSING = frozenset(("”", '"', "''", "’"))
# The end of a sentence inside the words between two quoted parts.
_SENTENCE_END = re.compile(r"[.!?]\s")


@BOOK.rule("strategies", off=[])
def marked_quotations(view: ArticleView, marked: list[tuple[int, int]]) -> list[Quote]:
    """Quotations in marks (``marked``: content spans in the text): "“We will win,”
    Trump said.", "He said: “…”", "Putin continued: “…”"."""
    doc, text = view.doc, view.text
    out: list[Quote] = []
    # the last speaker and the paragraph it spoke in
    last_speaker: tuple[SpeakerDict | None, int] = (None, -10)
    # the last quotation attributed by a cue after it ("“…,” Kasich replied."): its
    # speaker, cue and end, for a quotation that follows in the same paragraph
    last_after: Attribution | None = None
    for a, b in marked:
        content = doc.char_span(a, b, alignment_mode="expand")
        if content is None or not span_text(content).strip():
            continue
        inside = set(range(content.start, content.end))
        cue = find_cue(view, content, inside)
        words = len(span_text(content).split())
        para = view.parsed.paragraph_of(a)
        dash = dash_speaker(view, b)
        if dash is not None:  # "“We are not afraid.” ― Maria Lopez"
            out.append(make_quote(view, content, "direct", dash, None, "past", None, NO_VERB))
            last_speaker = (dash, para)
            continue
        if title_in_attribution(text, last_after, a, b):
            continue  # "“…,” he said on “Meet the Press.” “…”": a title, no quotation
        cont = continued(text, last_after, a)
        if cont is not None and (cue is None or cue.i == cont[1].i
                                 or weak_cue(cue, is_adjacent(view, cue, content))):
            # "“Carolina’s going to win that one,” Kasich replied. “I hate to say it.”":
            # the quotation after the attribution goes on with the same speaker
            sp = {**cont[0], "phrase": dict(cont[0].get("phrase") or {})}
            whole = joined(view, out[-1] if out else None, cont[1], b)
            if whole is not None:
                out[-1] = make_quote(view, whole, "direct", sp, cont[1],
                                     out[-1].tense, reported_via(view, cont[1]),
                                     out[-1].confidence, parts(view, out[-1], content))
            else:
                out.append(make_quote(view, content, "direct", sp, cont[1],
                                      tense(cont[1]), reported_via(view, cont[1]), CARRIED))
            last_speaker = (sp, para)
            last_after = (sp, cont[1], b)
            continue
        last_after = None
        if cue is None:
            who, qtype, conf = uncued(view, content, a, b, last_speaker, para)
            whole = (carried_on(view, out[-1], content) if out and who is not None
                     and conf == CARRIED else None)
            if whole is not None:  # "“…,” Sanders said.⏎⏎“Thank God, I am …”"
                prev = out[-1]
                cue_span = view.span_at(prev.cue.start, prev.cue.end, "expand") if (
                    prev.cue is not None) else None
                out[-1] = make_quote(view, whole, "direct", who,
                                     cue_span[0] if cue_span else None, prev.tense,
                                     prev.reported_via.to_dict() if prev.reported_via
                                     else None, prev.confidence, parts(view, prev, content))
            elif who is not None:
                if qtype == "partial":  # "According to X, the move reeks of “fear” …"
                    content = according_clause(content, view)
                out.append(make_quote(view, content, qtype, who, None, "past", None, conf))
            if who is not None:
                last_speaker = (who, para)
            continue  # else a scare quote, a title, a nickname, or no speaker to be found
        speaker, conf = speaker_of(view, cue)
        if speaker is None and (found := governing_cue(view, cue, inside)) is not None:
            cue, (speaker, conf) = found
        adjacent = is_adjacent(view, cue, content) or speaker_joined(
            view, cue, content, speaker)
        if scare_quote(speaker, adjacent, words):
            continue
        if speaker is not None and out and not (
                speaker["start"] <= view.start(content) < speaker["end"]) and (ep := epithet(
                view, speaker, last_speaker, out[-1].end, para)) is not None:
            speaker, conf = ep  # "“…,” said the actor": the one who spoke before
        qtype = ("partial" if words < cues().min_words or governed(view, cue, content)
                 else "direct")
        if weak_cue(cue, adjacent):
            continue
        if qtype == "partial" and cue.i < content.start:
            content = partial_clause(content, cue)
        elif cue.i >= content.end:
            content = lead_in(content) or content
        whole = (goes_on(view, out[-1], cue, speaker, content) if out and qtype == "direct"
                 and last_speaker[0] is not None and out[-1].speaker is not None
                 and last_speaker[0]["start"] == out[-1].speaker.start else None)
        if whole is not None and out[-1].cue is not None and (
                first := view.span_at(out[-1].cue.start, out[-1].cue.end, "expand")):
            prev = out[-1]  # "“…” He added, “…”": the act of speech before goes on
            out[-1] = make_quote(view, whole, "direct", last_speaker[0], first[0], prev.tense,
                                 prev.reported_via.to_dict() if prev.reported_via else None,
                                 prev.confidence, parts(view, prev, content))
            continue
        out.append(make_quote(view, content, qtype, speaker, cue, tense(cue),
                              reported_via(view, cue), conf))
        if speaker is not None:
            last_speaker = (speaker, para)
            if cue.i >= content.end:
                last_after = (speaker, cue, b)
    return out


@BOOK.rule("content")
def partial_clause(content: Span, cue: Token) -> Span:
    """A few quoted words inside the clause of their cue are quoted in that clause,
    which is the content: "said the goal was not to “make America great again” but
    to “make America whole again.”" (as annotators mark it), not the quoted words
    alone."""
    shapes = [shape(cue) for shape in (clause_content, infinitive_content, object_content)]
    for found in shapes:
        if found is not None and found[0].start <= content.start and (
                content.end <= found[0].end) and len(found[0]) > len(content):
            return found[0]
    for found in shapes:
        if found is not None and (whole := clause_to_stop(found[0], content)) is not None:
            return whole
    return content


@BOOK.rule("content", off=None)
def clause_to_stop(clause: Span, content: Span) -> Span | None:
    """A quotation that ends its cue's clause with the clause's own full stop inside
    the marks ("He said he left early because ''no one asked him to stay.''") is
    quoted in that clause too: the content is the clause to the stop, as annotators
    mark it, not the quoted words alone (the clause the parse gives ends before the
    stop, so the quotation did not fit inside it)."""
    if not (clause.start <= content.start < clause.end < content.end
            and len(clause) > len(content.doc[content.start : clause.end])):
        return None
    doc = content.doc
    if not all(x.is_punct for x in doc[clause.end : content.end]):
        return None
    end = content.end
    while end < len(doc) and doc[end].text in _CLOSING:
        end += 1  # (with its closing marks, as a clause holding a quotation ends)
    return doc[clause.start : end]


# The most words before a quotation that :func:`lead_in` takes for its subject.
LEAD_IN_WORDS = 8


@BOOK.rule("content", off=None)
def lead_in(content: Span) -> Span | None:
    """A quotation attributed after it whose sentence opens with the subject of its
    verb, outside the marks, is that sentence: "The address ''was the president's
    answer to the gloom,'' said Jon Doe" is "The address ''was …''" (as annotators
    mark it; the quoted words alone have no subject), and a part after the
    attribution joins it as one act ("… ''People never elect a pessimist.''").
    Only a few words that all belong to the quoted clause, its subject among them,
    with no mark, punctuation or speech verb: not "But ''it is …''", nor "In Paris,
    ''…''", nor "He said ''…''"."""
    doc = content.doc
    k = content.start - 1
    if k < 1 or doc[k].text not in MARKS_OPENING:
        return None
    first = k
    while first > 0 and not doc[first].is_sent_start and "\n" not in doc[first - 1].text:
        first -= 1
    lead = doc[first:k]
    inside = range(first, content.end)
    if (not 0 < len(lead) <= LEAD_IN_WORDS or "\n" in lead.text
            or any(x.is_punct or x.is_space or is_cue(x) or x.head.i not in inside
                   for x in lead)
            or not any(x.dep_ in ("nsubj", "nsubjpass") and content.start <= x.head.i
                       < content.end for x in lead)):
        return None
    return doc[first : content.end]


@BOOK.rule("marks", off=None)
def joined(view: ArticleView, prev: Quote | None, cue: Token, b: int) -> Span | None:
    """One act of speech split by its attribution is one record: "“We're on our fourth
    secretary of defense,” he said. “There's a reason for that.”" runs from the first
    part to the last, the attribution inside (as PolNeAR marks such a content)."""
    if prev is None or prev.cue is None or prev.cue.start != view.start(cue):
        return None
    if not opens_sentence(view.text, view.local(prev.start)):
        return None  # the first part inside a sentence: "said the works could be
        # “messy,” adding, “…”" is two acts
    return view.doc.char_span(view.local(prev.start), b, alignment_mode="expand")


def opens_sentence(text: str, a: int) -> bool:
    """Whether the quotation whose content starts at ``a`` opens its sentence (or its
    paragraph, or follows a colon)."""
    before = spaced_before(text[:a].rstrip(MARKS))
    return not before or before.endswith((".", "!", "?", "\n", ":", ";"))


@BOOK.rule("marks")
def spaced_before(before: str) -> str:
    """A no-break space before the opening mark is a space between sentences too:
    "… over the proposal.\xa0“We will not pay for the wall,” he said. “It is
    useless.”" is one act of speech, the first part opening its sentence (the text
    before the quotation, ``before``, without such spaces at its end)."""
    return before.rstrip(WIDE_SPACES + MARKS)


@BOOK.rule("marks", off=None)
def goes_on(view: ArticleView, prev: Quote, cue: Token, speaker: SpeakerDict | None,
            content: Span) -> Span | None:
    """A quotation introduced by "added" or "continued" with its own subject and a comma,
    right after the same speaker's quotation in the same paragraph, goes on with it:
    "“We will not sign it.” She added, “Not this year.”" is one act of speech, one
    record from the first part to the last (as PolNeAR marks it); not when someone else
    adds ("“…” Her rival added, “…”"), nor "“…,” she said, adding (later), “…”" or "She
    added: “…”" (PolNeAR marks those two acts: 3 of 3 and 1 of 1 on train)."""
    if (lemma(cue) not in cues().going_on or prev.quote_type != "direct" or speaker is None
            or prev.speaker is None or prev.cue is None
            or not any(c.dep_ == "nsubj" for c in cue.children)):
        return None
    same = (speaker["actor_id"] is not None and speaker["actor_id"] == prev.speaker.actor_id
            ) or speaker["start"] == prev.speaker.start
    a, b = view.local(prev.end), content.start_char
    between = view.text[a:b]
    inner = between.strip(MARKS)
    if (not same or not inner.endswith(",") or not a <= cue.idx < b or "\n" in between
            or MARK.search(inner) or len(between.split()) > CONTINUES_WORDS
            or _SENTENCE_END.search(inner)):
        return None  # (a sentence of narration between: two records)
    return view.doc.char_span(view.local(prev.start), content.end_char,
                              alignment_mode="expand")


@BOOK.rule("marks", off=None)
def carried_on(view: ArticleView, prev: Quote, content: Span) -> Span | None:
    """A paragraph that is only a quotation, right after a quotation attributed after
    it ("“Of course we will release them,” Sanders said.⏎⏎“Thank God, I am very
    healthy.”"), is the same act of speech: one record from the first quotation to
    the last (as PolNeAR marks it), when the first opens its sentence."""
    if prev.cue is None or prev.cue.start < prev.end or prev.quote_type != "direct":
        return None
    text = view.text
    a, b = view.local(prev.start), content.start_char
    between = text[view.local(prev.end) : b]
    if between.count("\n") < 1 or len(between.split()) > 2 * CONTINUES_WORDS or MARK.search(
            between.split("\n")[-1].strip(MARKS)):
        return None
    if not opens_sentence(text, a):
        return None
    return view.doc.char_span(a, content.end_char, alignment_mode="expand")


def uncued(view: ArticleView, content: Span, a: int, b: int,
           last: tuple[SpeakerDict | None, int], para: int
           ) -> tuple[SpeakerDict | None, str, float]:
    """The speaker of a quotation with no cue, its type and confidence: "according to"
    in its sentence, a colon before it, or the last speaker."""
    doc, text = view.doc, view.text
    acc = according_to(view, doc[content.start].sent)
    if acc is not None:
        before = text[:a].rstrip(" “\"\n")
        return acc, "direct" if before.endswith((":", ",")) else "partial", NO_VERB
    colon = colon_speaker(view, content)
    if colon is not None:  # "Trump: “We will win.”"
        return mention_speaker(colon), "direct", NO_VERB
    sp = last_speaker(last, para, whole_paragraph(text, a, b))
    return sp, "direct", CARRIED


@BOOK.rule("speakers", off=None)
def last_speaker(last: tuple[SpeakerDict | None, int], para: int, whole: bool
                 ) -> SpeakerDict | None:
    """A paragraph that is only a quotation continues the last speaker, named at most
    two paragraphs before: "Putin said the talks went well.⏎⏎“We have agreed on much.”"."""
    if whole and last[0] is not None and para - last[1] <= CONTINUES_PARAGRAPHS:
        return {**last[0], "phrase": dict(last[0].get("phrase") or {})}
    return None


@BOOK.rule("marks", off=False)
def scare_quote(speaker: SpeakerDict | None, adjacent: bool, words: int) -> bool:
    """A short quotation needs a known speaker, or one joined to it by punctuation:
    "asked me about “my language”" is a scare quote; "“Never,” a spokesman said." is
    speech (``min_words_unattributed`` in the data file)."""
    return (speaker is None or speaker.get("actor_id") is None and not adjacent) and (
        words < cues().min_words)
