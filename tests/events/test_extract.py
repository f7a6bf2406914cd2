"""Events end to end: (sentence, expected dyads) tables, with negatives; codes carry
QuadClass, Goldstein and PLOVER type."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.events.codes import cameo, plover_amendments
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
         "diplomats.", {("050", "RUS", "GEO"), ("161", "GEO", "RUS")}),
    ],
)
def test_dyads(events, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    assert dyads(events(text)) == expected


def test_codes_carry_quad_goldstein_plover(events) -> None:  # type: ignore[no-untyped-def]
    (e,) = events("China was criticised by Taiwan for repeated interference.")
    assert (e.root, e.quad_class, e.goldstein, e.plover) == ("11", 3, -2.0, "ACCUSE")
    assert e.code == "111" and cameo()["042"].code == "042"  # leading zeros kept


@pytest.mark.parametrize(("code", "plover", "mode", "quad"), [
    ("020", "REQUEST", None, 1),  # an appeal is a request (data/cameo/plover_amendments.tsv)
    ("0253", "REQUEST", "yield", 1),  # the mode of its demand twin 1053
    ("026", "REQUEST", "meet", 1),
    ("1053", "REQUEST", "yield", 3),  # the 2021 table's own row, unchanged
    ("010", None, None, 1),  # a public statement: PLOVER codes no comments
    ("017", None, None, 1),
    ("192", "COERCE", "seize", 4),  # occupying territory: the 2021 table's COERCE
    ("042", "CONSULT", "visit", 1),
])
def test_plover_type_of_a_code(code: str, plover: str | None, mode: str | None,
                               quad: int) -> None:
    c = cameo()[code]
    assert (c.plover, c.plover_mode, c.quad_class) == (plover, mode, quad)


def test_the_plover_amendments_touch_appeals_only() -> None:
    amended = plover_amendments()
    assert amended and all(code.startswith("02") for code in amended)
    # every appeal has a demand twin with the same digits after the root
    assert all(cameo()["10" + code[2:]].plover == plover for code, (plover, _) in amended.items())
    assert not any(c.plover for c in cameo().values() if c.root == "01")


def test_an_appeal_is_a_plover_request(events) -> None:  # type: ignore[no-untyped-def]
    (e,) = events("Kenya appealed to Japan for humanitarian aid.")
    assert (e.root, e.plover) == ("02", "REQUEST")


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
