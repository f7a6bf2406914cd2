"""events.post.page_calibrated: an event's confidence scaled to the share of events right
on the marked tuning pages (data/event_page_calibration.toml), never raised. Sentences
written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dossier.events.post import calibration_key, page_calibrated
from dossier.rules import switched_off


@pytest.mark.parametrize(("text", "code", "before", "after"), [
    # no one acted upon: one-sided events on the tuning pages were right 3 in 49 (mean
    # confidence 0.13), so 0.1 -> 0.05 and 0.15 -> 0.07
    ("Syrian government missiles struck a rebel-held area near the border.", "190", 0.1,
     0.05),
    ("Thousands of Kenyans protested in Nairobi.", "140", 0.15, 0.07),
    # both sides known: right as often as the rules say or more (0.25 of 0.21 below the
    # floor, 10 of 10 above it): never raised
    ("The subsidies that China gives to its industry are large.", "070", 0.25, 0.25),
    ("The United States imposed sanctions on Iran.", "163", 0.75, 0.75),
])
def test_page_calibrated_confidence(events, text: str, code: str, before: float,  # type: ignore[no-untyped-def]
                                    after: float) -> None:
    with switched_off("events.post.page_calibrated"):
        (e,) = [e for e in events(text) if e.code == code]
    assert e.confidence == before
    (got,) = [e for e in events(text) if e.code == code]
    assert got.confidence == after
    assert page_calibrated([e]) == [got]
    with switched_off("events.post.page_calibrated"):
        assert page_calibrated([e]) == [e]


def test_the_key_is_the_missing_target(events) -> None:  # type: ignore[no-untyped-def]
    (alone,) = events("Thousands of Kenyans protested in Nairobi.")
    assert calibration_key(alone) == "no_target"
    (pair,) = [e for e in events("The United States imposed sanctions on Iran.")
               if e.code == "163"]
    assert calibration_key(pair) is None
    assert calibration_key(replace(pair, target_actor=None)) == "no_target"
