"""Event dates: a date phrase of the event's sentence resolved against the
article's date, with its precision, else the article's date; and clauses dated long
before the news, which are history, not events.

dateparser handles most phrases ("on Thursday", "in December 2023", "last week");
it misses "last March", "earlier on Wednesday" and seasons, which are handled here
first.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.events.modality import HABITUAL
from dossier.events.syntax import verb_of
from dossier.parse import ParsedArticle, ents_in
from dossier.parse.tree import children

_WORDS = load_toml("event_dates.toml")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_LAST_MONTH = re.compile(r"\blast (" + "|".join(_MONTHS) + r")\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on |earlier on |late on |early on )?(" + "|".join(_DAYS) + r")\b",
                      re.I)
_MONTH_ONLY = re.compile(r"^(?:(?:in|since|during|early|late|mid)[\s-]+)*(" + "|".join(_MONTHS)
                         + r")\W*$", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a month by name or short form with a day: "May 18", "Dec. 15", "Sept. 3"
_MONTH_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                        r"\s+\d{1,2}\b", re.I)
_WEEK = re.compile(r"\b(last|past|this|next) week\b", re.I)
# what may stand around a bare year: "in 2016", "as of 2016", "until the end of 2047"
_YEAR_WORDS = re.compile(r"^(?:(?:" + "|".join(_WORDS["year_words"]) + r")\b[\s,-]*)*"
                         r"((?:19|20)\d{2})\W*$", re.I)
# a month and its day alone, the shape most phrases dateparser was asked about have
# ("on September 30", "Dec. 15", "Sept. 3"): read here as dateparser reads it
_MONTH_NAMES = {**_MONTHS, **{m[:3]: i for m, i in _MONTHS.items()}, "sept": 9}
_ON_MONTH_DAY = re.compile(r"(?:on )?(" + "|".join(_MONTH_NAMES) + r")\.? (\d{1,2})", re.I)
# a full date, day, month and year: "3 March 2022", "the 3rd of March 2022", "March 3,
# 2022", "Dec. 15, 2019", "2019-11-18" — a day, whatever the article's date (or none)
_MONTH_NAME = r"(" + "|".join(_MONTH_NAMES) + r")\.?"
_FULL_DATES = (
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH_NAME + r",?\s+(\d{4})\b",
                re.I), (3, 2, 1)),
    (re.compile(r"\b" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I),
     (3, 1, 2)),
    (_ISO := re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (1, 2, 3)),
)
_SPAN = re.compile(r"\b(?:and|to|through|between|until|till|or)\b|\d\s*[-–—]\s*\d", re.I)
# a number alone ("Carlineo, 55,": an age the tagger read as a date) or an age
_AGE = re.compile(r"^(?:\d{1,3}|\d{1,3}[- ]years?[- ]old|(?:aged|age) \d{1,3})$", re.I)


def resolve(phrase: str, base: date | None, ahead: bool = False) -> tuple[str | None, str]:
    """``(ISO date, precision)`` for a date phrase, relative to ``base``; ``ahead``: the
    event is to come ("will meet on Dec. 15" in November: this December, not the last).
    (:func:`full_date` is asked outside the cache, so that switching it off counts.)"""
    p = phrase.strip()
    bare = re.sub(r"^(?:on|in|last|since|the|of)\s+", "", p, flags=re.I)
    if _AGE.match(bare) or bare.isdigit() and not _YEAR.fullmatch(bare):
        return None, "none"  # an age ("Carlineo, 55,"), a house number ("of 1119 …")
    if day := full_date(p):
        return day, "day"
    return _resolve(p, base, ahead)


@lru_cache(maxsize=16384)  # news repeats its date phrases; dateparser is slow
def _resolve(p: str, base: date | None, ahead: bool) -> tuple[str | None, str]:
    """:func:`resolve` but for a full date, cached."""
    if m := _MONTH_YEAR.search(p):
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1).lower()]:02d}", "month"
    if base is None:
        return None, "none"
    if m := _LAST_MONTH.search(p):
        month = _MONTHS[m.group(1).lower()]
        year = base.year - 1 if month >= base.month else base.year
        return f"{year:04d}-{month:02d}", "month"
    if m := _MONTH_ONLY.match(p):  # "in October": the last October (the next, ahead)
        month = _MONTHS[m.group(1).lower()]
        if ahead:
            year = base.year if month >= base.month else base.year + 1
        else:
            year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month"
    # a weekday, unless the phrase names its day of the month ("Saturday, May 18")
    if (m := _WEEKDAY.search(p)) and not _MONTH_DAY.search(p):
        target = _DAYS[m.group(1).lower()]
        if ahead:
            return (base + timedelta(days=(target - base.weekday()) % 7)).isoformat(), "day"
        back = (base.weekday() - target) % 7
        return (base - timedelta(days=back)).isoformat(), "day"
    if m := _YEAR_WORDS.match(p):
        return m.group(1), "year"
    if re.search(r"\bthis year\b", p, re.I):
        return f"{base.year:04d}", "year"
    if re.search(r"\blast year\b", p, re.I):
        return f"{base.year - 1:04d}", "year"
    if re.search(r"\bnext year\b", p, re.I):
        return f"{base.year + 1:04d}", "year"
    if m := _WEEK.search(p):  # "last week": a week, given as its Monday, not a day
        shift = {"last": -7, "past": -7, "this": 0, "next": 7}[m.group(1).lower()]
        monday = base - timedelta(days=base.weekday()) + timedelta(days=shift)
        return monday.isoformat(), "week"
    if m := re.search(r"\b(last|previous|this|next) month\b", p, re.I):
        shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[m.group(1).lower()]
        y, mo = divmod(base.year * 12 + base.month - 1 + shift, 12)
        return f"{y:04d}-{mo + 1:02d}", "month"
    if (m := _ON_MONTH_DAY.fullmatch(p)) and (day := month_day(m, base, ahead)):
        return day, "day"
    import dateparser  # type: ignore[import-untyped]  # here: 0.2 s to import, rarely needed

    parsed = dateparser.parse(p, settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if ahead else "past", "REQUIRE_PARTS": [],
    }, languages=["en"])
    if parsed is None:
        return None, "none"
    return parsed.date().isoformat(), "day"


@BOOK.rule("dates", off=None)
def full_date(phrase: str) -> str | None:
    """The day a phrase names with its month and year, read without the article's
    date: "on 3 March 2022" (before: month precision, the month and year read first),
    "March 3, 2022" (before: no date in an article read without a publication date).
    None for a day the month lacks ("30 February 2022"), a month with its year
    alone ("in March 2022": a month) and a span of days ("from 1 to 3 May 2022",
    "1 May and 3 May 2022": the month, as before)."""
    if _SPAN.search(_ISO.sub("", phrase)):
        return None
    for pattern, (y, mo, d) in _FULL_DATES:
        if m := pattern.search(phrase):
            month = m.group(mo)
            number = int(month) if month.isdigit() else _MONTH_NAMES[month.lower()]
            try:
                return date(int(m.group(y)), number, int(m.group(d))).isoformat()
            except ValueError:
                return None
    return None


def month_day(m: re.Match[str], base: date, ahead: bool) -> str | None:
    """The day a match of ``_ON_MONTH_DAY`` names, dated from ``base`` as dateparser
    dates it (``PREFER_DATES_FROM`` past: the last such day, the base's own included;
    ahead: the next, the base's own a year on), without its cost (~0.7 ms a phrase
    and date; ~0.2 s to import and load at its first use in a worker). None where
    dateparser has a reading of its own: a day the month lacks in some years ("Feb
    29": a leap year's) or in all ("May 32")."""
    month, day = _MONTH_NAMES[m.group(1).lower()], int(m.group(2))
    if not 1 <= day <= calendar.monthrange(2023, month)[1]:  # (2023: no leap year)
        return None
    if ahead:
        year = base.year if (month, day) > (base.month, base.day) else base.year + 1
    else:
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
    return date(year, month, day).isoformat()


# Words before a DATE entity that belong to its phrase ("on Monday", "last March").
_DATE_PREPOSITIONS = frozenset(_WORDS["date_prepositions"])
# A clause dated this long before or after the sentence's own event is history.
_BACKGROUND_SPANS = frozenset(_WORDS["background_spans"])


@BOOK.rule("dates", off=False)
def background(verb: Token) -> bool:
    """A past event the sentence dates its own by, not the news: "Russia restored
    diplomatic ties with Georgia five years after Georgian protesters attacked its
    embassy", "months since X invaded Y" (it happened long before the article's date,
    which an event would carry); "hours after", "a day after" are news."""
    if verb.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("after", "since") for c in children(verb)):
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _BACKGROUND_SPANS
               for c in children(verb))


@BOOK.rule("dates", off=None)
def sentence_date(sent: Span, published: date | None, trigger: Token, ahead: bool = False
                  ) -> tuple[str | None, str] | None:
    """A DATE phrase of the trigger's sentence that hangs on the trigger or on no
    other verb, resolved against the article's date: "The UK called out Russia in
    December 2023" (2023-12); not "safeguarded only until 2047" for "Chinese
    protesters blamed the Chinese government", nor an age ("John Doe, 55,")."""
    return phrase_date(sent, published, {None, trigger}, ahead)


def phrase_date(sent: Span, published: date | None, verbs: set[Token | None],
                 ahead: bool = False) -> tuple[str | None, str] | None:
    """The first DATE phrase of the sentence that hangs on one of ``verbs`` (None: on
    no verb) and resolves, with a preposition before it ("on Monday"); ``ahead``: the
    event is to come (:func:`resolve`). A time counted from another event ("two days
    prior to the vote", "the next day") dates it to no day: ``(None, "none")``
    (:func:`counted_from_event`)."""
    counted = False
    for ent in ents_in(sent):
        if ent.label_ == "DATE" and verb_of(ent.root) in verbs:
            phrase = ent.text
            prev = sent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.lower_ in _DATE_PREPOSITIONS:
                phrase = f"{prev.text} {phrase}"
            after = sent.doc[ent.end] if ent.end < len(sent.doc) else None
            if after is not None and after.lower_ in _COUNTED_AFTER and after.dep_ != "mark":
                # "Two days" "prior to the vote"; not "comes a day after X swapped", the
                # trigger's own clause counted from the news
                phrase = f"{phrase} {after.text}"
            if counted_from_event(phrase):
                counted = True
                continue
            when, precision = resolve(phrase, published, ahead)
            if when is not None:
                return when, precision
    return (None, "none") if counted else None


_COUNTED_AFTER = frozenset(_WORDS["counted_after"])
# "two days prior", "a week later", "the next day", "the day before": a time counted
# from another event the sentence or its paragraph tells, not from the article's date
_COUNTED = re.compile(
    r"^(?:(?:(?:" + "|".join(_WORDS["counted_amounts"]) + r"|\d+)\s+)?(?:" + "|".join(
        _WORDS["counted_units"]) + r")s?\s+(?:" + "|".join(_WORDS["counted_after"]) + r")"
    r"|the\s+(?:" + "|".join(_WORDS["counted_next"]) + r")\s+(?:" + "|".join(
        _WORDS["counted_units"]) + r")|the\s+(?:" + "|".join(_WORDS["counted_units"]) + r")\s+(?:"
    + "|".join(_WORDS["counted_after"]) + r"))\b", re.I)


@BOOK.rule("dates", off=False)
def counted_from_event(phrase: str) -> bool:
    """A time counted from another event, not from the article's date: "Two days prior
    to Michigan's final certification, a federal judge dismissed a lawsuit" (dateparser
    read it as two days before the article); "The next day, the president walked to
    the church". The event gets no date; not "two days ago", "earlier this week"."""
    return bool(_COUNTED.match(phrase.strip()))


# "years ago", "decades ago", "last century": a time long before the news.
_LONG_AGO = re.compile(r"\b(?:" + "|".join(map(re.escape, _WORDS["long_ago"])) + r")\b", re.I)
# How many years before the article's a year named on an event makes it history.
RECALLED_YEARS = 2


@BOOK.rule("dates", off=False)
def recalled(trigger: Token, published: date | None) -> bool:
    """An event the article recalls from long before, not the news (kept below the
    default ``min_confidence``): told in the past perfect ("Russia had invaded Georgia"),
    or dated years back by a phrase on it ("Russia invaded Georgia a decade ago", "in
    2008" in an article of 2024). (Kept in session 14: without it ZSP's held-out half
    shows 8 more events, 3 of them wrong — shown type and dyad right 0.706 -> 0.702.)"""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else verb_of(trigger)
    if v is None:
        return False
    if v.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")
                               for c in children(v)):
        return True
    for ent in ents_in(trigger.sent):
        if ent.label_ != "DATE" or verb_of(ent.root) not in (None, v):
            continue
        if _LONG_AGO.search(ent.text):
            return True
        years = [int(y) for y in _YEAR.findall(ent.text)]
        if published is not None and years and max(years) <= published.year - RECALLED_YEARS:
            return True
    return False


# subordinators after which a clause keeps its own time ("after Russia invaded …")
_OWN_TIME = frozenset(_WORDS["own_time"])


@BOOK.rule("dates", off=None)
def governing_date(sent: Span, published: date | None, trigger: Token, ahead: bool = False
                   ) -> tuple[str | None, str] | None:
    """A DATE phrase on the verb whose time the trigger's clause shares: the clause
    the trigger's participle or conjunct hangs on, or a conjunct of the trigger:
    "This year, officials in Delhi banned firecrackers, arresting 210 people" (the
    arrests: 2019, not the article's day); "Putin met Xi and signed a deal on
    Monday"; not "after Russia invaded Ukraine in 2022" for the sentence's own verb,
    nor a clause with its own subordinator ("… before they attacked on Monday")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    shares: set[Token | None] = {c for c in children(trigger) if c.dep_ == "conj"
                          and c.pos_ in ("VERB", "AUX") and not own_time(c)}
    v = _governor(trigger)
    while v is not None and v not in shares:  # the first governor, and farther ones
        shares.add(v)
        v = farther_governor(v)
    return phrase_date(sent, published, shares, ahead) if shares else None


def _governor(verb: Token) -> Token | None:
    """The verb whose time a participle or conjunct shares (not a clause with its own
    subordinator of time): "…, arresting 210 people" → "banned"."""
    if (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")
            ) and not own_time(verb) and verb.head.pos_ in ("VERB", "AUX") \
            and verb.head is not verb:
        return verb.head
    return None


@BOOK.rule("dates", off=None)
def farther_governor(verb: Token) -> Token | None:
    """The verb a governing participle or conjunct itself hangs on, whose time the
    trigger shares too: "This year, officials banned firecrackers, arresting 210 people
    and confiscating 3.7 tons of incendiaries" (the confiscating: this year, through
    the arresting); not past a clause with its own time ("… after police arrived,
    arresting …")."""
    return _governor(verb)


@BOOK.rule("dates", off=None)
def reported_date(sent: Span, published: date | None, trigger: Token
                  ) -> tuple[str | None, str] | None:
    """A clause reported by a dated verb takes its date: "Warren announced yesterday
    she was endorsing Biden" (the endorsement is yesterday's, not the article's day);
    "On Monday, the agency reported Iran issued arrest warrants". Not an act told as
    done before the report ("said on Monday that Russia had attacked"), nor a clause
    with a time of its own ("… after troops withdrew")."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ != "ccomp" or _perfect(
            trigger) or own_time(trigger) or trigger.head.pos_ not in ("VERB", "AUX"):
        return None
    return phrase_date(sent, published, {trigger.head})


_MEDIUM_PREPOSITIONS = frozenset(_WORDS["medium_prepositions"])


@BOOK.rule("dates", off=None)
def medium_date(sent: Span, published: date | None, trigger: Token
                ) -> tuple[str | None, str] | None:
    """The date of the statement, meeting or speech an act was done in, given by a
    participle on its noun: "In a joint statement published Oct. 25, the Russian and
    Syrian defense ministries accused U.S. forces of controlling bandit formations"
    (the accusation: Oct. 25, not none or the article's day); "at a meeting held on
    Monday". Not a participle after another preposition ("accused him of crimes
    committed in 2019": the crimes' date), nor a time counted from another event ("in a
    press release issued the following day": none, as :func:`phrase_date` gives)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    held = {v for prep in children(trigger) if prep.dep_ == "prep"
            and prep.lower_ in _MEDIUM_PREPOSITIONS
            for noun in children(prep) if noun.dep_ == "pobj"
            for v in children(noun) if v.dep_ == "acl" and v.tag_ == "VBN"}
    return phrase_date(sent, published, set(held)) if held else None


def _perfect(v: Token) -> bool:
    """Whether a verb is in a perfect tense ("has accused", "had been holding")."""
    kids = children(v)
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in kids) and (
        v.tag_ == "VBN" or v.tag_ == "VBG" and any(c.lower_ == "been" for c in kids))


def own_time(verb: Token) -> bool:
    """Whether a clause opens with a subordinator that gives it a time of its own."""
    return any(c.dep_ == "mark" and c.lower_ in _OWN_TIME for c in children(verb))


# adverbs that make a verb's act a standing one (of habit, shared with
# ``modality.habitual``), or one told from before the news
_STANDING = HABITUAL | frozenset(_WORDS["earlier_acts"])


@BOOK.rule("dates", off=False)
def undated_aspect(trigger: Token) -> bool:
    """An undated act told as done by now or as standing, not as the day's news: the
    perfect ("China has accused Vietnam of provocations", "had been holding talks"),
    or a verb of standing or earlier acts ("have long refused", "recently visited"),
    and what such a verb governs ("has long refused to negotiate").
    The article's date is not its date; it gets none."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else verb_of(trigger)
    while v is not None:
        if _perfect(v) or any(c.dep_ == "advmod" and c.lower_ in _STANDING
                              for c in children(v)):
            return True
        # "has long refused to negotiate": the verb it is the complement of
        v = v.head if v.dep_ == "xcomp" and v.head is not v else None
    return False


# How many days before the article's a date of the paragraph must end to date its story
# before the day's news (a week: Wikinews and the dailies report the week's acts with
# their weekday), set by hand.
OLD_STORY_DAYS = 7
# A "paragraph" longer than this is a text without paragraph breaks (a feed's or a
# dump's): the sentences next to the trigger's stand for it. Set above the longest
# paragraph of the tuning texts (Wikinews 2020's campaign summaries: 3,694 characters;
# at 1,500 the rule lost two thirds of its right changes there).
PARAGRAPH_CHARS = 5000
_PAST_AUX = frozenset(_WORDS["past_auxiliaries"])
_NOT_PAST_AUX = frozenset(_WORDS["not_past_auxiliaries"])


@BOOK.rule("dates", off=False)
def dated_paragraph(sent: Span, published: date | None, trigger: Token,
                    paragraph: tuple[int, int]) -> bool:
    """An undated act told in the past, in a paragraph that dates its story a week or
    more before the article (a day, week or month named), is not the article's day's:
    "On December 18, the House passed two articles of impeachment. The first charged
    the president with abuse of power, and the second accused him of obstruction of
    Congress" (an article of January 15). It gets no date. Not an act told in the
    present ("He maintains his innocence and blames regulators"), nor one in a
    paragraph dated this week or by a bare year ("She was convicted in 2006. Trump
    granted her a pardon"). ``paragraph``: where the lines of the sentence start and
    end (:func:`paragraph_bounds`)."""
    if published is None or not told_past(trigger):
        return False
    doc = sent.doc
    start, end = paragraph
    if end - start > PARAGRAPH_CHARS:  # a text without paragraphs: the sentence's neighbours
        start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        end = doc[sent.end].sent.end_char if sent.end < len(doc) else sent.end_char
    last = (published - timedelta(days=OLD_STORY_DAYS)).toordinal()
    return any(start <= at < end and ends <= last for at, ends in _text_dates(sent, published))


def paragraph_bounds(parsed: ParsedArticle, sent: Span) -> tuple[int, int]:
    """Where the paragraph (the lines) of a sentence starts and ends in the parsed text:
    from the start of the line it starts on to the line break that ends the line it
    ends on (``ParsedArticle.line_starts``)."""
    return parsed.line_starts[parsed.paragraph_of(sent.start_char)], line_end(
        parsed, sent.end_char)


def line_end(parsed: ParsedArticle, pos: int) -> int:
    """Where the line (the paragraph) holding index ``pos`` of the parsed text ends."""
    starts = parsed.line_starts
    line = parsed.paragraph_of(pos)
    return starts[line + 1] - 1 if line + 1 < len(starts) else len(parsed.text)


def told_past(trigger: Token) -> bool:
    """Whether the trigger's act is told in the past tense ("accused", "was endorsing",
    "were arrested"; a participle or conjunct as the verb it hangs on: "…, accusing")."""
    v = trigger if trigger.pos_ in ("VERB", "AUX") else verb_of(trigger)
    while v is not None and v.tag_ in ("VBG", "VBN", "VB") and v.dep_ in ("advcl", "conj") \
            and not any(c.dep_ in ("aux", "auxpass") for c in children(v)) and v.head is not v:
        v = v.head
    if v is None or v.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c.lower_ for c in children(v) if c.dep_ in ("aux", "auxpass")]
    if v.tag_ == "VBD" and not aux:
        return True
    return any(a in _PAST_AUX for a in aux) and not any(a in _NOT_PAST_AUX for a in aux)


def _text_dates(sent: Span, published: date) -> list[tuple[int, int]]:
    """Where each DATE phrase of the article stands (a character offset) and the last
    day of the time it names (a date ordinal), for those that resolve to no later than the article's
    date, but years: a bare year is mostly a fact of someone's past ("convicted in
    2006", "appointed … in 2017"), not the time of the story told; made once an
    article (kept on the doc)."""
    doc = sent.doc
    key = f"dossier.events.dates:{published.isoformat()}"
    if key not in doc.user_data:
        found: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            phrase = ent.text
            if ent.start > 0 and doc[ent.start - 1].lower_ in _DATE_PREPOSITIONS:
                phrase = f"{doc[ent.start - 1].text} {phrase}"
            when, precision = resolve(phrase, published)
            if precision != "year" and (ends := last_day(when, precision)) and ends <= published:
                found.append((ent.start_char, ends.toordinal()))
        doc.user_data[key] = found
    dates: list[tuple[int, int]] = doc.user_data[key]
    return dates


def last_day(when: str | None, precision: str) -> date | None:
    """The last day of a resolved date at its precision ("2020-08" month: 2020-08-31)."""
    if when is None:
        return None
    if precision == "year":
        return date(int(when[:4]), 12, 31)
    if precision == "month":
        y, m = int(when[:4]), int(when[5:7])
        return date(y, m, calendar.monthrange(y, m)[1])
    day = date.fromisoformat(when)
    return day + timedelta(days=6) if precision == "week" else day
