"""What the default view shows (issue 19, session 12): an event at or above the default
``min_confidence`` (0.6) must be a current, asserted political event with its sides.
Each row: a sentence written for these tests, the event (code, source code, target
code) and whether it is shown; the negatives are the same kinds of sentence told as
news. The rules are named in each row; tests/events/test_rules.py switches each off."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event
from dossier.rules import switched_off

FLOOR = 0.6  # settings' default min_confidence


def shown(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code)
            for e in evs if not e.negated and e.confidence >= FLOOR}


# (rule, sentence, event, shown?)
ROWS = [
    ("before_after", "The ceasefire collapsed after Israel attacked Hamas positions in Gaza.",
     ("190", "ISR", "PSEREB"), False),
    ("before_after", "Israel attacked Hamas positions in Gaza after the ceasefire collapsed.",
     ("190", "ISR", "PSEREB"), True),
    ("before_after", "They worry about the freedoms given to Hong Kong when the United "
     "Kingdom returned the territory to China.", ("0842", "GBR", "CHN"), False),
    ("before_after", "Two people were killed when ISIL attacked the Iraqi embassy in Kabul.",
     ("190", "MEAREB", "IRQGOV"), True),
    ("trained_for", "The U.S. military has been training the Syrian opposition forces to "
     "fight against Islamic State.", ("190", "SYRREB", "MEAREB"), False),
    ("trained_for", "The U.S. military has been training the Syrian opposition forces to "
     "fight against Islamic State.", ("072", "USAMIL", "SYRREB"), True),
    ("private_stance", "John Miller praised Israel.", ("051", None, "ISR"), True),
    ("private_stance", "Senator Lindsey Graham praised Israel.", ("051", None, "ISR"), True),
    ("private_stance", "When John Miller was stopped, he told police he supported Trump.",
     ("051", None, "USAPTY"), False),
    ("private_stance", "The German chancellor supported Ukraine.", ("051", "DEUGOV", "UKR"),
     True),
    ("hedged", "Iran allegedly supplied drones to Russia.", ("070", "IRN", "RUS"), False),
    ("hedged", "Iran supplied drones to Russia.", ("070", "IRN", "RUS"), True),
    # what the held-apart audit found (issue 19, session 15): ability
    ("ability", "Turkey can veto Sweden's membership.", ("120", "TUR", "SWE"), False),
    ("ability", "Iran is able to strike Israel.", ("190", "IRN", "ISR"), False),
    ("ability", "Turkey vetoed Sweden's membership.", ("120", "TUR", "SWE"), True),
    ("ability", "Iran struck Israel.", ("190", "IRN", "ISR"), True),
    ("perception", "Joe Biden met Vladimir Putin.", ("040", "USAGOV", "RUSGOV"), True),
    # no rule of its own: a rule for it (precision.perception) changed no record and went
    ("perception", "Joe Biden heard Vladimir Putin.", ("040", "USAGOV", "RUSGOV"), False),
]


@pytest.fixture(scope="module")
def an():  # type: ignore[no-untyped-def]
    return analysers()


@pytest.mark.parametrize(("rule", "text", "event", "is_shown"), ROWS,
                         ids=[f"{r[0]}-{'shown' if r[3] else 'hidden'}-{i}"
                              for i, r in enumerate(ROWS)])
def test_shown_by_default(an, rule: str, text: str, event: tuple, is_shown: bool  # type: ignore[no-untyped-def]
                          ) -> None:
    got = shown(extract_events(an.read(text, published=date(2024, 5, 16)), an.geo))
    assert (event in got) is is_shown, got


# (article's date, the Taliban's code as a side)
TALIBAN = [(date(2019, 3, 1), "AFGREB"), (None, "AFGREB"), (date(2023, 3, 1), "AFGGOV")]


@pytest.mark.parametrize(("on", "code"), TALIBAN)
def test_insurgent_before(an, on: date | None, code: str) -> None:  # type: ignore[no-untyped-def]
    """precision.insurgent_before: the Taliban are insurgents before 2021-08-15 (and in
    an undated text), the government after; switched off, always the gazetteer's code."""
    parsed = an.read("The Taliban released 20 Afghan soldiers.", published=on)
    assert ("084", code, "AFGMIL") in shown(extract_events(parsed, an.geo))
    with switched_off("events.precision.insurgent_before"):
        off = shown(extract_events(parsed, an.geo))
    assert ("084", "AFGGOV", "AFGMIL") in off
