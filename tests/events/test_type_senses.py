"""Verb senses that decide an event's type (issue 19, session 21): made-up sentences,
positives and negatives. Facts: (code, source code, target code) of events not negated."""

from __future__ import annotations

import pytest

from dossier.records import Event


def facts(evs: list[Event]) -> set[tuple[str | None, ...]]:
    return {(e.code, e.source_actor and e.source_actor.code,
             e.target_actor and e.target_actor.code) for e in evs if not e.negated}


def roots(evs: list[Event]) -> set[str]:
    return {e.root for e in evs if not e.negated}


# patterns.departure: leaving a place, a body or a meeting is no visit and no meeting
DEPARTURES = [
    ("American troops have begun leaving Afghanistan.", set()),
    ("Kenyan lawmakers left a meeting with the Ugandan president.", set()),
    ("Britain voted to leave the European Union.", set()),
    ("The Peruvian delegation departed Chile on Monday.", set()),
]
# a journey to somewhere, a meeting attended, stay what they were
JOURNEYS = [
    ("The French foreign minister left for Beijing on Monday.", ("04", "FRAGOV", "CHN")),
    ("The Kenyan foreign minister attended a meeting with Uganda.", ("04", "KENGOV", "UGA")),
    ("The British prime minister traveled to Washington.", ("04", "GBRGOV", "USA")),
]


@pytest.mark.parametrize(("text", "kept"), DEPARTURES)
def test_leaving_is_no_meeting(events, text: str, kept: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert roots(events(text)) == kept


@pytest.mark.parametrize(("text", "fact"), JOURNEYS)
def test_journeys_stay_visits(events, text: str, fact: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert fact in {(c[:2], s, t) for c, s, t in facts(events(text))}

