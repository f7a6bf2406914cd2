"""One article as the quote rules read it, and the records they make of it.

:class:`ArticleView` is built once per article (so a thread on another article never
reads a mix of two): the parse, its text and quoted-token mask (the
:class:`~dossier.parse.ParsedArticle`'s cached ones), the actor stage's mentions by
token, and the geography. Offsets into the source go through its ``start``/``end``/
``span_at``; nothing else adds the article's offset.

The rules work on a speaker as a dict (they mend it: a pronoun's span, a source
phrase); :func:`make_quote` turns it into the typed :class:`~dossier.records.Speaker`
(and the cue, the relay) of the record that leaves the stage.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from dossier.gazetteer import Geography
from dossier.parse import ParsedArticle
from dossier.quotes.acts import act_of, hypothetical, non_actor
from dossier.quotes.book import BELIEF_MAX, BOOK, NO_SPEAKER
from dossier.quotes.lexicon import lemma
from dossier.records import Cue, Mention, Quote, ReportedVia, Speaker, TextSpan

# What the rules pass around before the record is made: a speaker is a dict of the
# keys of :class:`~dossier.records.Speaker` (its phrase a dict of start, end, text),
# a relay one of :class:`~dossier.records.ReportedVia`.
SpeakerDict = dict[str, Any]


def lead(text: str) -> int:
    """Where the text's first word starts (its length if it has none): a span that
    starts no later opens the article (``not text[:start].strip()``, without a copy of
    the text before every span asked about)."""
    return len(text) - len(text.lstrip())


class ArticleView:
    """One parsed article, for the quote rules."""

    def __init__(self, parsed: ParsedArticle, geo: Geography) -> None:
        self.parsed = parsed
        self.doc = parsed.doc
        self.text = parsed.text
        self.lead = lead(self.text)
        self.offset = parsed.offset
        self.by_token = parsed.mention_at
        self.quoted = parsed.quoted
        self.tokens = parsed.tokens  # (made once: ``doc[i]`` and a walk make new ones)
        self.geo = geo

    def mention_in(self, tokens: list[Token]) -> Mention | None:
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is not None:
                return m
        return None

    def start(self, item: Token | Span) -> int:
        """The source offset where a token or span starts."""
        return self.parsed.start(item)

    def end(self, item: Token | Span) -> int:
        """The source offset where a token or span ends."""
        return self.parsed.end(item)

    def local(self, pos: int) -> int:
        """A source offset as an index of the parsed text."""
        return pos - self.offset

    def span_at(self, a: int, b: int, mode: str = "strict") -> Span | None:
        """The tokens between two source offsets (spaCy's ``char_span``)."""
        return self.doc.char_span(a - self.offset, b - self.offset, alignment_mode=mode)

    def source_text(self, a: int, b: int) -> str:
        """The words between two source offsets."""
        return self.text[a - self.offset : b - self.offset]


# An article's dateline: "KHAN YOUNIS, GAZA — ", "WASHINGTON (AP) — ", "LONDON (Reuters) - "
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+(?:, *[A-Z][A-Za-z.'’ -]+)?"
                       r"(?: *\([^)\n]{1,30}\))? *[—–-] +")


@BOOK.rule("content")
def no_dateline(span: Span, view: ArticleView, qtype: str) -> Span:
    """A report that opens the article leaves out its dateline: "WASHINGTON (AP) —
    The president said …" (the dateline is no part of what was said)."""
    if qtype == "indirect" and span.start_char <= view.lead and (
            m := _DATELINE.match(span.text)):
        trimmed = view.doc.char_span(span.start_char + m.end(), span.end_char,
                                     alignment_mode="contract")
        if trimmed is not None and len(trimmed):
            return trimmed
    return span


def make_quote(view: ArticleView, span: Span, qtype: str, speaker: SpeakerDict | None,
               cue: Token | None, tense: str, via: dict[str, Any] | None,
               conf: float, segments: tuple[TextSpan, ...] = ()) -> Quote:
    """The record of a quote: its content, typed speaker, cue and relay; ``segments``
    the quoted parts when ``span`` joins several."""
    span = no_dateline(span, view, qtype)
    conf = NO_SPEAKER if speaker is None else min(conf, non_actor(view, speaker))
    conf = min(conf, hypothetical(cue, qtype))
    act = act_of(cue, qtype)
    if act == "belief":
        conf = min(conf, BELIEF_MAX)
    if speaker is not None and not speaker.get("phrase"):
        a, b = speaker["start"], speaker["end"]
        speaker = {**speaker, "phrase": {"start": a, "end": b,
                                         "text": view.source_text(a, b)}}
    return Quote(
        source=view.parsed.source, article_id=view.parsed.article_id,
        start=view.start(span), end=view.end(span), text=span.text, quote_type=qtype,
        speaker=typed_speaker(speaker) if speaker is not None else None,
        cue=Cue(cue.text, lemma(cue), view.start(cue), view.end(cue))
        if cue is not None else None, tense=tense,
        reported_via=ReportedVia(via["name"], via["actor_id"]) if via is not None else None,
        about=about_actors(view, span, speaker), confidence=round(conf, 2),
        act=act, segments=segments)


def parts(view: ArticleView, prev: Quote, content: Span) -> tuple[TextSpan, ...]:
    """The quoted parts of ``prev`` followed by ``content``: the segments of one act
    of speech split by its attribution."""
    first = prev.segments or (TextSpan(prev.start, prev.end, prev.text),)
    return (*first, TextSpan(view.start(content), view.end(content), content.text))


def typed_speaker(sp: SpeakerDict) -> Speaker:
    """The record of a speaker the rules built as a dict."""
    ph = sp.get("phrase")
    return Speaker(sp["name"], sp["actor_id"], sp["qid"], sp["start"], sp["end"], sp["via"],
                   TextSpan(ph["start"], ph["end"], ph["text"]) if ph else None,
                   sp.get("code") if sp["actor_id"] is not None else None)


def about_actors(view: ArticleView, span: Span, speaker: SpeakerDict | None
                 ) -> tuple[str, ...]:
    """The actors the content names, but the speaker; then, for an unlinked speaker,
    the actors its phrase names ("aides to Clinton": Clinton)."""
    at = list(range(span.start, span.end))  # (the tokens' indices: no token made)
    ph = speaker.get("phrase") if speaker is not None else None
    if ph and speaker is not None and speaker.get("actor_id") is None:
        around = view.span_at(ph["start"], ph["end"], "expand")
        if around is not None:
            at += range(around.start, around.end)
    ids = []
    for i in at:
        m = view.by_token.get(i)
        if m is not None and m.actor_id not in ids and (
                speaker is None or m.actor_id != speaker.get("actor_id")):
            ids.append(m.actor_id)
    return tuple(ids)
