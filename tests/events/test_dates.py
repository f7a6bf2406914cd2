"""Event dates (events.dates): date phrases resolved against the article's date, and
the date of an event taken from its own sentence."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.events.dates import counted_from_event, resolve


def test_event_date_from_the_sentence(events) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events("The UK called out Russia in December 2023.", date(2024, 2, 1))
            if e.code == "111"]
    assert (e.date, e.date_precision) == ("2023-12", "month")


@pytest.mark.parametrize(
    ("phrase", "base", "expected"),
    [
        ("on Thursday", date(2023, 12, 30), ("2023-12-28", "day")),
        ("last March", date(2024, 5, 16), ("2024-03", "month")),
        ("last March", date(2024, 2, 1), ("2023-03", "month")),
        ("earlier on Wednesday", date(2022, 3, 31), ("2022-03-30", "day")),
        ("in December 2023", date(2024, 5, 16), ("2023-12", "month")),
        ("gibberish words", date(2024, 5, 16), (None, "none")),
        # a bare year is a year, whatever stands around it
        ("as of 2016", date(2018, 5, 16), ("2016", "year")),
        ("until the end of 2047", date(2018, 5, 16), ("2047", "year")),
        ("next year", date(2018, 5, 16), ("2019", "year")),
        # a week is a week, dated by its Monday (2020-09-26 is a Saturday)
        ("last week", date(2020, 9, 26), ("2020-09-14", "week")),
        ("earlier this week", date(2020, 9, 26), ("2020-09-21", "week")),
        ("next week", date(2020, 9, 26), ("2020-09-28", "week")),
        ("this weekend", date(2020, 9, 26), (None, "none")),
        # a weekday beside its day of the month is that day, not the last such weekday
        ("Saturday, May 18", date(2019, 11, 18), ("2019-05-18", "day")),
        ("Wednesday, Dec. 18", date(2019, 11, 18), ("2018-12-18", "day")),
        # a month without its day is a month
        ("last month", date(2018, 1, 16), ("2017-12", "month")),
        ("in October", date(2018, 5, 16), ("2017-10", "month")),
        ("in mid-March", date(2018, 5, 16), ("2018-03", "month")),
        ("on October 18", date(2018, 5, 16), ("2017-10-18", "day")),
        # ages and house numbers the tagger read as dates are none
        ("55", date(2018, 5, 16), (None, "none")),
        ("43-year-old", date(2018, 5, 16), (None, "none")),
        ("of 1119", date(2018, 5, 16), (None, "none")),
        # bad input: nothing, or no article date to count from
        ("", date(2018, 5, 16), (None, "none")),
        ("in October", None, (None, "none")),
    ],
)
def test_dates(phrase: str, base: date | None, expected: tuple) -> None:
    assert resolve(phrase, base) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Dec. 15", "2019-12-15"), ("in December", "2019-12"), ("in October", "2020-10"),
     ("on Friday", "2019-11-22"), ("next week", "2019-11-25")],
)
def test_dates_of_acts_to_come_lie_ahead(phrase: str, expected: str) -> None:
    # the article of Monday 2019-11-18: "will meet on Dec. 15" is this December
    assert resolve(phrase, date(2019, 11, 18), ahead=True)[0] == expected


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # an age after a name is no date: the event's is Monday's
        ("Police arrested John Doe, 55, on Monday after a long chase.", "173",
         ("2018-05-14", "day")),
        # a date that hangs on another verb is not the event's
        ("Chinese protesters blamed the Chinese government for eroding a way of life "
         "safeguarded only until 2047.", "112", ("2018-05-16", "article")),
        # a participle or conjunct shares the date of the verb it hangs on ...
        ("This year, police in India banned firecrackers, arresting 210 people.", "173",
         ("2018", "year")),
        ("Putin met Xi and signed a deal on Monday.", "040", ("2018-05-14", "day")),
        # an act told as done by now or standing has no date of its own ...
        ("China has accused Vietnam of provocations.", "112", (None, "none")),
        ("Beijing has long refused to negotiate with Taiwan.", "050", (None, "none")),
        ("Trump recently visited Beijing.", "042", (None, "none")),
        # ... the day's news has the article's, and a phrase's date wins over the perfect
        ("China accused Vietnam of provocations.", "112", ("2018-05-16", "article")),
        ("China has accused Vietnam of provocations on Monday.", "112",
         ("2018-05-14", "day")),
        # an act to come is dated ahead, a past one back
        ("Trump will meet Xi on Dec. 15.", "036", ("2018-12-15", "day")),
        ("Macron is scheduled to meet Xi on Dec. 15.", "036", ("2018-12-15", "day")),
        ("Trump met Xi on Dec. 15.", "040", ("2017-12-15", "day")),
        # ... but a clause with a subordinator of time keeps its own (here none: an act
        # before Monday's is not the article's Wednesday's, dates.before_dated)
        ("Russia attacked Ukraine on Monday after Georgia protested to Russia.", "140",
         (None, "none")),
        # an adverb of habit makes a standing act too (one list with modality.habitual)
        ("China typically sends aid to Kenya.", "070", (None, "none")),
        # a time counted from another event dates the act to no day ...
        ("Two days prior to the vote, a federal judge dismissed a lawsuit against the "
         "Trump campaign.", "110", (None, "none")),
        ("The next day, President Trump criticized China.", "111", (None, "none")),
        ("Russia attacked Ukraine two days after the vote.", "190", (None, "none")),
        # ... not a time counted from the article's day, nor from the news the clause
        # hangs on
        ("The crash comes a day after the Taliban attacked the Afghan army.", "190",
         ("2018-05-15", "day")),
        ("Two days ago, a federal judge dismissed a lawsuit against the Trump campaign.",
         "110", ("2018-05-14", "day")),
        ("Earlier this week, President Trump criticized China.", "111",
         ("2018-05-14", "week")),
        # a clause reported by a dated verb takes its date ...
        ("Elizabeth Warren announced yesterday she was endorsing Joe Biden.", "051",
         ("2018-05-15", "day")),
        ("On Monday, the state news agency reported Iran issued arrest warrants for 36 US "
         "officials.", "173", ("2018-05-14", "day")),
        # ... not one told as done before it, nor one the reporter left undated
        ("Russia said on Monday that it had attacked Ukraine.", "190", (None, "none")),
        ("Elizabeth Warren announced she was endorsing Joe Biden.", "051",
         ("2018-05-16", "article")),
    ],
)
def test_event_date_is_the_triggers(events, text: str, code: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    got = [(e.date, e.date_precision) for e in events(text, date(2018, 5, 16))
           if e.code.startswith(code[:3])]
    assert got and set(got) == {expected}, got


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # an undated past act in a paragraph dated a week or more back is not the day's
        ("On December 18, the House passed two articles of impeachment. The first "
         "charged President Trump with abuse of power, and the second accused him of "
         "obstruction of Congress.", "112", (None, "none")),
        ("In August, Trump attacked the Democrats. Later, Nancy Pelosi accused Trump of "
         "ignoring the facts.", "112", (None, "none")),
        # ... but the article's in a paragraph dated this week, or in another paragraph
        ("On Monday, Trump attacked the Democrats. Later, Nancy Pelosi accused Trump of "
         "ignoring the facts.", "112", ("2020-01-15", "article")),
        ("In 2014, Russia annexed Crimea.\n\nPutin accused Ukraine of provocations.", "112",
         ("2020-01-15", "article")),
        ("Jane Doe was convicted in 2006. President Trump criticized China.", "111",
         ("2020-01-15", "article")),
        # ... and in a text without paragraph breaks only the next sentences count
        ("In August, Trump attacked the Democrats. " + " ".join(
            ["The weather was mild and the markets were calm."] * 120)
         + " Later, Nancy Pelosi accused Trump of ignoring the facts.", "112",
         ("2020-01-15", "article")),
        # ... and an act told in the present keeps it
        ("Don Blankenship was sentenced in 2016. He maintains his innocence and blames "
         "federal regulators for the disaster.", "112", ("2020-01-15", "article")),
    ],
)
def test_a_paragraph_dated_before_the_news(events, text: str, code: str, expected: tuple
                                           ) -> None:  # type: ignore[no-untyped-def]
    got = [(e.date, e.date_precision) for e in events(text, date(2020, 1, 15))
           if e.code == code]
    assert got and set(got) == {expected}, got


@pytest.mark.parametrize(("phrase", "counted"), [
    ("Two days prior", True), ("a week later", True), ("the next day", True),
    ("The following week", True), ("the day before", True), ("3 days later", True),
    ("years later", True),
    ("two days ago", False), ("earlier this week", False), ("on Monday", False),
    ("a day", False), ("the last day", False), ("days", False),
])
def test_a_time_counted_from_another_event(phrase: str, counted: bool) -> None:
    assert counted_from_event(phrase) is counted


def _dateparser(phrase: str, base: date, ahead: bool) -> str | None:
    """What resolve asked dateparser before the month-day shortcut (session 21)."""
    from datetime import datetime

    import dateparser  # type: ignore[import-untyped]

    parsed = dateparser.parse(phrase, settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if ahead else "past", "REQUIRE_PARTS": []},
        languages=["en"])
    return None if parsed is None else parsed.date().isoformat()


@pytest.mark.parametrize("phrase", [
    "on September 30", "On October 18", "Dec. 15", "Sept. 3", "sep 3", "JAN. 01",
    "May 16", "May 17", "May 15", "March 31", "April 30", "Feb 28", "December 31",
    "January 1",
    # dateparser's own readings: no such day that year, or ever; and no month-day shape
    "Feb 29", "February 30", "May 32", "May 0", "Nov.  5", "on Dec. 15th",
])
@pytest.mark.parametrize("base", [date(2024, 5, 16), date(2023, 12, 31), date(2024, 1, 1),
                                  date(2023, 3, 1)])
@pytest.mark.parametrize("ahead", [False, True])
def test_a_month_and_day_read_here_as_dateparser_reads_them(phrase: str, base: date,
                                                            ahead: bool) -> None:
    # the base's own day included (past) or a year on (ahead), as dateparser has it
    when, precision = resolve(phrase, base, ahead)
    assert when == _dateparser(phrase, base, ahead)
    assert precision == ("day" if when else "none")



@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # an act not done by the article's day has no date: one that may happen ...
        ("Traders doubted whether the United States and China could agree to end the "
         "trade war.", "030", (None, "none")),
        ("The Senate could sanction Russia.", "163", (None, "none")),
        # ... but one dated by a phrase keeps its date, an intention or threat announced
        # is done when announced, and a done act keeps the article's
        ("The Senate could sanction Russia in March.", "163", ("2019-03", "month")),
        ("Turkey threatened to cut diplomatic relations with Sweden.", "1313",
         ("2020-01-10", "article")),
        ("China accused Vietnam of provocations.", "112", ("2020-01-10", "article")),
        # an act told after "after" on a verb dated before the article's day came before
        ("Back in 2018, a Pakistani student was killed by a mob after he was accused of "
         "blasphemy by the Pakistani government.", "112", (None, "none")),
        ("Russia attacked Ukraine in March after Georgia protested to Russia.", "140",
         (None, "none")),
        # ... and a conjunct of such a clause (not given "last year" through two
        # governors: dates.farther_governor stops at a clause of its own time)
        ("Last year, police in India banned the protest after activists marched and "
         "attacked the police.", "190", (None, "none")),
        # ... not one on a verb dated the article's day, nor on an undated verb
        ("Police arrested the man on Friday after he attacked President Biden.", "190",
         ("2020-01-10", "article")),
        ("Russia attacked Ukraine after Georgia protested to Russia.", "140",
         ("2020-01-10", "article")),
        # ... nor a clause of "before" (its act came later)
        ("Russia attacked Ukraine on Monday before Georgia protested to Russia.", "140",
         ("2020-01-10", "article")),
        # a participle's or conjunct's governor passes on the date of the verb it
        # hangs on itself
        ("Last year, police in India banned the protest, arresting 210 people and "
         "detaining 30 activists.", "173", ("2019", "year")),
        ("In March, Russia condemned Ukraine, accusing Kyiv of provocations and "
         "threatening the Ukrainian government with sanctions.", "130", ("2019-03", "month")),
    ],
)
def test_acts_the_article_day_does_not_date(events, text: str, code: str, expected: tuple
                                            ) -> None:  # type: ignore[no-untyped-def]
    """dates.unrealised, dates.before_dated and dates.farther_governor (session 23)."""
    got = [(e.date, e.date_precision) for e in events(text, date(2020, 1, 10))
           if e.code == code]
    assert got and set(got) == {expected}, got


@pytest.mark.parametrize(
    "text",
    [
        "The Senate could sanction Russia.",
        "Russia attacked Ukraine in March after Georgia protested to Russia.",
        "Last year, police in India banned the protest, arresting 210 people and "
        "detaining 30 activists.",
        "In August, Trump attacked the Democrats.\n\nNancy Pelosi accused Trump of "
        "ignoring the facts.",
    ],
)
def test_no_publication_date_gives_no_article_date(events, text: str  # type: ignore[no-untyped-def]
                                                   ) -> None:
    """With no publication date (a file read without ``--published``) the date rules of
    sessions 22-23 (dates.unrealised, before_dated, farther_governor, dated_paragraph)
    have nothing to measure against: no event gets an article date, and a relative phrase
    ("in March", "last year") resolves to nothing rather than to today's calendar."""
    got = events(text, None)
    assert got, "the sentence should still give its event"
    assert all(e.date is None and e.date_precision == "none" for e in got), [
        (e.date, e.date_precision) for e in got]


@pytest.mark.parametrize(
    ("phrase", "base", "expected"),
    [
        # a day with its month and year is that day, with or without the article's date
        ("on 3 March 2022", date(2022, 5, 1), ("2022-03-03", "day")),
        ("on 3 March 2022", None, ("2022-03-03", "day")),
        ("the 3rd of March 2022", None, ("2022-03-03", "day")),
        ("March 3, 2022", None, ("2022-03-03", "day")),
        ("Dec. 15, 2019", None, ("2019-12-15", "day")),
        ("2019-11-18", None, ("2019-11-18", "day")),
        # ... not a month with its year, a span of days, a day the month lacks, nor a
        # day without its year where there is no article's date to read it by
        ("in March 2022", None, ("2022-03", "month")),
        ("from 1 to 3 May 2022", date(2022, 6, 1), ("2022-05", "month")),
        ("1 May 2019 and 3 May 2019", None, ("2019-05", "month")),
        ("30 February 2022", None, ("2022-02", "month")),
        ("on March 3", None, (None, "none")),
    ],
)
def test_a_full_date_is_a_day(phrase: str, base: date | None, expected: tuple) -> None:
    """dates.full_date (session 24): "on 3 March 2022" came out at month precision."""
    assert resolve(phrase, base) == expected


@pytest.mark.parametrize(
    ("text", "published", "code", "expected"),
    [
        # a past act of the lead's paragraph happened on the day the lead names ...
        ("On Tuesday, Hosni Mubarak, the former President of Egypt, died aged 91 in "
         "Cairo. The Egyptian government accused Israel of provocations.",
         date(2020, 2, 27), "112", ("2020-02-25", "day")),
        ("On Saturday evening in Reading, a mass stabbing killed three people. A man was "
         "arrested by Thames Valley Police on suspicion of murder.", date(2020, 6, 23),
         "173", ("2020-06-20", "day")),
        # ... not one further on (it keeps the article's: dates.dated_lead, which gave
        # it none, was left out in session 24's blind audit)
        ("On Wednesday, the German government said Alexei Navalny was poisoned with "
         "Novichok.\n\nThe Russian government accused Germany of lying.",
         date(2020, 9, 5), "112", ("2020-09-05", "article")),
        ("In March, a study reported new findings.\n\nThe Chinese government accused "
         "the United States of spreading the virus.", date(2020, 7, 7), "112",
         ("2020-07-07", "article")),
        # ... not when the lead names the article's own day, a year or no time, nor an
        # act told in the present
        ("Today, the German government said Alexei Navalny was poisoned with "
         "Novichok.\n\nThe Russian government accused Germany of lying.",
         date(2020, 9, 5), "112", ("2020-09-05", "article")),
        ("In 2014, the German government said Alexei Navalny was a critic of "
         "Putin.\n\nThe Russian government accused Germany of lying.",
         date(2020, 9, 5), "112", ("2020-09-05", "article")),
        ("On Wednesday, the German government said Alexei Navalny was poisoned with "
         "Novichok.\n\nThe Russian government accuses Germany of lying.",
         date(2020, 9, 5), "112", ("2020-09-05", "article")),
        # ... and a clause with a time of its own in the lead's paragraph keeps the
        # article's date, as before
        ("On Monday, Bernie Sanders endorsed Joe Biden. The move came after Barack "
         "Obama criticized Donald Trump.", date(2020, 4, 15), "111",
         ("2020-04-15", "article")),
    ],
)
def test_the_day_the_lead_dates_the_news_to(events, text: str, published: date, code: str,
                                            expected: tuple) -> None:  # type: ignore[no-untyped-def]
    """dates.lead_story (session 24)."""
    got = [(e.date, e.date_precision) for e in events(text, published) if e.code == code]
    assert got and set(got) == {expected}, got


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # the date of the statement or meeting an act was done in is the act's ...
        ("In a joint statement published Oct. 25, the Russian and Syrian defense "
         "ministries accused U.S. forces of controlling bandit formations.", "112",
         ("2019-10-25", "day")),
        # ... not the date of what it is accused of
        ("Russia accused Ukraine of crimes committed on Friday.", "112",
         ("2019-11-18", "article")),
    ],
)
def test_the_date_of_the_statement_an_act_was_done_in(events, text: str, code: str,
                                                      expected: tuple) -> None:  # type: ignore[no-untyped-def]
    """dates.medium_date (session 24)."""
    got = [(e.date, e.date_precision) for e in events(text, date(2019, 11, 18))
           if e.code == code]
    assert got and set(got) == {expected}, got
