"""When an event happened: the order the date rules are asked in (:func:`event_date`),
two rules on acts the article's day does not date — an act not done by then
(``dates.unrealised``) and one told as done before a dated act
(``dates.before_dated``) — and two on the time the article's lead dates its news to
(``dates.lead_story``). The rules that read a date phrase are in
:mod:`dossier.events.dates`; the word lists in ``data/event_dates.toml``."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import NamedTuple

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.dates import (
    _DATE_PREPOSITIONS,
    dated_paragraph,
    governing_date,
    last_day,
    line_end,
    medium_date,
    own_time,
    paragraph_bounds,
    phrase_date,
    reported_date,
    resolve,
    sentence_date,
    told_past,
    undated_aspect,
)
from dossier.events.syntax import verb_of
from dossier.parse import ParsedArticle, ents_in
from dossier.parse.tree import children

_WORDS = load_toml("event_dates.toml")
_UNREALISED = frozenset(_WORDS["unrealised_modalities"])
_EARLIER_CLAUSE = frozenset(_WORDS["earlier_clauses"])
_MOVED = frozenset(_WORDS["moved_times"])


@BOOK.rule("dates", off=False)
def unrealised(mode: str, kind: str | None) -> bool:
    """An act not done by the article's day, with no date phrase of its own: one that
    may happen ("Traders doubted whether the US and China could agree to end the trade
    war"), one to come ("whether Trump will agree to remove tariffs") or one meant
    ("Trump has been eager to withdraw"). It gets no date: the article's day is not
    when it happened. Not an intention or a threat announced, which is done when
    announced ("Turkey threatened to cut diplomatic relations with Sweden", 1313)."""
    return mode in _UNREALISED and kind is None


@BOOK.rule("dates", off=False)
def before_dated(sent: Span, published: date | None, trigger: Token) -> bool:
    """An act told in a clause of "after" on a verb dated before the article's day
    was done before that date, not on the article's day: "Back in 2018, a student was
    killed by a mob after he was accused of blasphemy"; "he visited Epstein in 2010,
    after Epstein was released from prison"; a conjunct of such a clause too ("after
    activists marched and attacked the police"). It gets no date. Not a clause on a verb
    dated the article's day ("Police arrested him today after he attacked a guard"),
    nor one on an undated verb."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else verb_of(trigger)
    while v is not None and v.dep_ == "conj" and v.head is not v:  # "… and attacked"
        v = v.head
    if published is None or v is None or v.dep_ != "advcl" or v.head is v or not any(
            c.dep_ == "mark" and c.lower_ in _EARLIER_CLAUSE for c in children(v)):
        return False
    found = phrase_date(sent, published, {v.head})
    ends = last_day(*found) if found is not None else None
    return ends is not None and ends < published


class Lead(NamedTuple):
    """The time an article's lead dates its news to, before the article's own day: the
    date and its precision (day, week or month), and where the lead's date phrase ends
    and its paragraph ends (characters)."""

    when: str
    precision: str
    after: int
    paragraph_end: int


# The precisions of a lead's date that date its news (not a year: "In 2014, Russia
# annexed Crimea" opens a story of now as often as one of then).
_LEAD_PRECISIONS = frozenset({"day", "week", "month"})
# A date phrase that names its month or day by a name or number ("began in June"):
# after the lead's first sentence it dates the story's background as often as its news.
_NAMED = re.compile(r"\d|\b(?:" + "|".join(m.lower() for m in calendar.month_name if m)
                    + r")\b", re.I)
# Words a sentence needs to stand for the lead rather than a headline or a dateline.
LEAD_WORDS = 6


def lead_time(parsed: ParsedArticle) -> Lead | None:
    """The time the article's lead (its first sentence of ``LEAD_WORDS`` words or
    more, and the rest of its paragraph) dates its news to, when its first date phrase
    but a bare year names a day, week or month that ended before the article's day:
    "On Tuesday, Hosni Mubarak, the former President of Egypt, died" (an article of
    Thursday), "Yesterday, the Parliament of Iraq voted", "In March, a study reported"
    (an article of July), "The following is the sixth edition of a monthly series
    chronicling the 2020 United States presidential election. It features original
    material compiled throughout the previous month" (an article of November 2). None
    when that phrase names the article's day ("Today, Navalny was airlifted") or a
    time to come, or there is none; after the first sentence only a time told from the
    article's day counts ("the previous month", not "The protests began peacefully in
    June", a lead paragraph of background). Made once an article (kept on the doc)."""
    published = parsed.published
    doc = parsed.doc
    key = f"dossier.events.dating:lead:{published}"
    if key in doc.user_data:
        found: Lead | None = doc.user_data[key]
        return found
    found = None
    lead = next((s for s in parsed.sentences
                 if sum(t.is_alpha for t in s) >= LEAD_WORDS), None) if published else None
    first = lead
    if lead is not None:  # the lead's paragraph, from the lead on
        lead = doc.char_span(lead.start_char, line_end(parsed, lead.start_char),
                             alignment_mode="contract") or lead
    for ent in ents_in(lead) if lead is not None and published is not None else ():
        if ent.label_ != "DATE":
            continue
        prev = doc[ent.start - 1] if ent.start > 0 else None
        phrase = f"{prev.text} {ent.text}" if prev is not None and prev.lower_ in \
            _DATE_PREPOSITIONS else ent.text
        if first is not None and ent.start >= first.end and _NAMED.search(phrase):
            continue  # after the first sentence only a time told from the article's day
        when, precision = resolve(phrase, published)
        if when is None or precision == "year":  # ("the 2020 presidential election")
            continue
        ends = last_day(when, precision) if precision in _LEAD_PRECISIONS else None
        if ends is not None and published is not None and ends < published:
            # (the phrase's line, not its sentence's: that may hold the blank lines after)
            found = Lead(when, precision, ent.end_char, line_end(parsed, ent.end_char))
        break
    doc.user_data[key] = found
    return found


@BOOK.rule("dates", off=None)
def lead_story(parsed: ParsedArticle, sent: Span, trigger: Token) -> tuple[str, str] | None:
    """An undated act told in the past, in the main clause of a sentence of the lead's
    paragraph after the lead's date phrase (its first sentence too: "issued an order
    dated yesterday, forcing the shut-down"), happened on the day the lead dates the news
    to (:func:`lead_time`), not on the article's day: "On Tuesday, Hosni Mubarak died
    aged 91 in a military hospital in Cairo. The country's state news announced the
    death on television" (Tuesday, in an article of Thursday). Not an act of a clause
    with a time of its own ("The move came shortly after Sanders and Obama announced
    their own support": before the lead's day) or moved by an adverb ("Later, Nancy
    Pelosi accused Trump": the article's date, as before), nor one told in the
    present."""
    lead = lead_time(parsed)
    if lead is None or lead.precision != "day" or not lead.after <= trigger.idx < \
            lead.paragraph_end or not told_past(trigger) or _in_own_time(trigger):
        return None
    return lead.when, "day"


def _in_own_time(trigger: Token) -> bool:
    """Whether the trigger's verb, or a verb its clause hangs on as participle,
    complement or conjunct, opens a clause with a time of its own ("after …") or has
    an adverb that moves its time ("later")."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else verb_of(trigger)
    while v is not None:
        if own_time(v) or any(c.dep_ == "advmod" and c.lower_ in _MOVED for c in children(v)):
            return True
        v = v.head if v.dep_ in ("advcl", "conj", "xcomp", "ccomp") and v.head is not v \
            else None
    return False


def event_date(parsed: ParsedArticle, sent: Span, trigger: Token, mode: str = "asserted",
               kind: str | None = None) -> tuple[str | None, str]:
    """``(date, precision)`` of the trigger's event in its sentence ``sent`` of the
    article, the event's modality ``mode`` and ``kind`` (an intention or threat
    announced, ``"intent"`` or ``"threat"``): a date phrase of its sentence (dated
    ahead for an act to come), else one on the verb its clause shares its time with,
    on the verb that reports it or on the statement or meeting it was done in
    (:func:`dates.medium_date`); none if the act is not done (:func:`unrealised`),
    told as done by now or standing (:func:`dates.undated_aspect`), before a dated act
    (:func:`before_dated`) or in a paragraph dated before the news
    (:func:`dates.dated_paragraph`); the day the lead dates the news to for a past act
    of its paragraph (:func:`lead_story`); else the article's ("article")."""
    published = parsed.published
    ahead = mode == "future" or kind == "intent"
    found = sentence_date(sent, published, trigger, ahead) or governing_date(
        sent, published, trigger, ahead) or reported_date(sent, published, trigger) \
        or medium_date(sent, published, trigger)
    if found is not None:
        return found
    if unrealised(mode, kind) or undated_aspect(trigger) or before_dated(
            sent, published, trigger) or dated_paragraph(
            sent, published, trigger, paragraph_bounds(parsed, sent)):
        return None, "none"
    if story := lead_story(parsed, sent, trigger):
        return story
    if published is not None:
        return published.isoformat(), "article"
    return None, "none"
