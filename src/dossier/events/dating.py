"""When an event happened: the order the date rules are asked in (:func:`event_date`),
and two rules on acts the article's day does not date — an act not done by then
(``dates.unrealised``) and one told as done before a dated act
(``dates.before_dated``). The rules that read a date phrase are in
:mod:`dossier.events.dates`; the word lists in ``data/event_dates.toml``."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.dates import (
    dated_paragraph,
    governing_date,
    last_day,
    paragraph_bounds,
    phrase_date,
    reported_date,
    sentence_date,
    undated_aspect,
)
from dossier.events.syntax import verb_of
from dossier.parse import ParsedArticle
from dossier.parse.tree import children

_WORDS = load_toml("event_dates.toml")
_UNREALISED = frozenset(_WORDS["unrealised_modalities"])
_EARLIER_CLAUSE = frozenset(_WORDS["earlier_clauses"])


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


def event_date(parsed: ParsedArticle, sent: Span, trigger: Token, mode: str = "asserted",
               kind: str | None = None) -> tuple[str | None, str]:
    """``(date, precision)`` of the trigger's event in its sentence ``sent`` of the
    article, the event's modality ``mode`` and ``kind`` (an intention or threat
    announced, ``"intent"`` or ``"threat"``): a date phrase of its sentence (dated
    ahead for an act to come), else one on the verb its clause shares its time with
    or on the verb that reports it, else the article's ("article") unless the act is
    not done (:func:`unrealised`), told as done by now or standing
    (:func:`dates.undated_aspect`), before a dated act (:func:`before_dated`) or in a
    paragraph dated before the news (:func:`dates.dated_paragraph`): then none."""
    published = parsed.published
    ahead = mode == "future" or kind == "intent"
    found = sentence_date(sent, published, trigger, ahead) or governing_date(
        sent, published, trigger, ahead) or reported_date(sent, published, trigger)
    if found is not None:
        return found
    if unrealised(mode, kind) or undated_aspect(trigger) or before_dated(
            sent, published, trigger) or dated_paragraph(
            sent, published, trigger, paragraph_bounds(parsed, sent)):
        return None, "none"
    if published is not None:
        return published.isoformat(), "article"
    return None, "none"
