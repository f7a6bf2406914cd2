"""Events: (sentence, expected dyads) tables, with negatives."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.events.codes import cameo
from dossier.events.dates import resolve
from dossier.records import Event

D = date(2024, 5, 16)


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.country,
             e.target_actor and e.target_actor.country)
            for e in evs if not e.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing supplies Moscow with essential equipment.", {("070", "CHN", "RUS")}),
        ("Putin visited Beijing in October.", {("042", "RUS", "CHN")}),
        ("Vladimir Putin is on a two-day state visit to Beijing.", {("042", "RUS", "CHN")}),
        ("China was criticised by Taiwan for repeated interference.", {("111", "TWN", "CHN")}),
        ("The UK and its allies called out Russia for its attempts to interfere.",
         {("111", "GBR", "RUS")}),
        ("The US has sanctions against both Beijing and Moscow.",
         {("163", "USA", "CHN"), ("163", "USA", "RUS")}),
        ("The West imposed unprecedented sanctions on Moscow.", {("163", "WST", "RUS")}),
        ("Xi Jinping signed up to a “no-limits” friendship with Vladimir Putin.",
         {("057", "CHN", "RUS")}),
        ("Xi Jinping and Vladimir Putin agreed to deepen ties.",
         {("030", "CHN", "RUS"), ("030", "RUS", "CHN")}),
        ("Protests spread across China. In Shanghai the police cracked down on demonstrators.",
         {("175", "CHN", "CHN")}),
        ("Liz Truss took a swipe at Rishi Sunak over China.", {("111", "GBR", "GBR")}),
        # "the two leaders": the last two people named; speaking is done with each other
        ("Xi Jinping and Vladimir Putin have agreed to oppose interference. The two leaders "
         "spoke during an hour-long phone call on Thursday.",
         {("030", "CHN", "RUS"), ("030", "RUS", "CHN"), ("040", "CHN", "RUS"),
          ("040", "RUS", "CHN")}),
        # a clause dated years before the sentence's event is history, not news; one
        # hours or a day before is coded
        ("Russia restored diplomatic ties with Georgia five years after Georgian "
         "protesters attacked its embassy.", {("050", "RUS", "GEO")}),
        ("Russia restored diplomatic ties with Georgia five years after Georgia expelled "
         "Russian diplomats.", {("050", "RUS", "GEO")}),
        ("Russia restored diplomatic ties with Georgia hours after Georgian protesters "
         "attacked its embassy.", {("050", "RUS", "GEO"), ("190", "GEO", "RUS")}),
        ("Russia restored diplomatic ties with Georgia a day after Georgia expelled Russian "
         "diplomats.", {("050", "RUS", "GEO"), ("174", "GEO", "RUS")}),
    ],
)
def test_dyads(events, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    assert dyads(events(text)) == expected


def test_codes_carry_quad_goldstein_plover(events) -> None:  # type: ignore[no-untyped-def]
    (e,) = events("China was criticised by Taiwan for repeated interference.")
    assert (e.root, e.quad_class, e.goldstein, e.plover) == ("11", 3, -2.0, "ACCUSE")
    assert e.code == "111" and cameo()["042"].code == "042"  # leading zeros kept


@pytest.mark.parametrize(
    "text",
    [
        "President Xi has not publicly condemned Russia.",  # negated
        "China stops short of offering weapons to Russia.",  # negating governor
    ],
)
def test_negated_events_flagged_not_counted(events, text: str) -> None:  # type: ignore[no-untyped-def]
    evs = events(text)
    assert dyads(evs) == set()
    assert all(e.negated for e in evs)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Liz Truss will call on Rishi Sunak to stand firm.", "future"),
        ("Russia could attack Ukraine again.", "hypothetical"),
        ("If China invades Taiwan, the US would respond.", "hypothetical"),
    ],
)
def test_modality(events, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    evs = events(text)
    assert evs and evs[0].modality == modality


@pytest.mark.parametrize(
    "text",
    [
        # a quote that merely mentions an event is not the event
        "Putin said: “We will never attack Ukraine again.”",
        # no actors at all
        "The company visited several trade fairs last year.",
        # a transitive verb with no one acted upon
        "Sunak struck a more conciliatory tone.",
    ],
)
def test_no_event(events, text: str) -> None:  # type: ignore[no-untyped-def]
    assert dyads(events(text)) == set()


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
    ("text", "code", "expected"),
    [
        # an age after a name is no date: the event's is Monday's
        ("Police arrested John Doe, 55, on Monday after a long chase.", "173",
         ("2018-05-14", "day")),
        # a date that hangs on another verb is not the event's
        ("Chinese protesters blamed the Chinese government for eroding a way of life "
         "safeguarded only until 2047.", "112", ("2018-05-16", "article")),
    ],
)
def test_event_date_is_the_triggers(events, text: str, code: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    got = [(e.date, e.date_precision) for e in events(text, date(2018, 5, 16))
           if e.code.startswith(code[:3])]
    assert got and set(got) == {expected}, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protests spread across China. In Shanghai the police cracked down on demonstrators.",
         ("Shanghai", "CHN")),
        ("Speaking in Canberra, Boris Johnson criticised Russia.", ("Canberra", "AUS")),
        ("Boris Johnson criticised Russia.", None),  # no place in the sentence
    ],
)
def test_location(events, text: str, expected: tuple | None) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(text) if not e.negated]
    if expected is None:
        assert e.location is None
    else:
        assert (e.location.name, e.location.country) == expected
        assert e.location.lat is not None
