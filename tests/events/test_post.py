"""events.post.page_calibrated: an event's confidence scaled to the share of events right
on the marked tuning pages (data/event_page_calibration.toml), never raised. Sentences
written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dossier.events.post import calibration_key, calibration_keys, page_calibrated
from dossier.rules import switched_off


@pytest.mark.parametrize(("text", "code", "before", "after"), [
    # no one acted upon: one-sided events on the tuning sheets were right 10 in 159 (mean
    # confidence 0.11), so 0.1 -> 0.05 and 0.15 -> 0.08
    ("Syrian government missiles struck a rebel-held area near the border.", "190", 0.1,
     0.05),
    ("Thousands of Kenyans protested in Nairobi.", "140", 0.15, 0.08),
    # a light verb with a target: right 4 in 54 (mean 0.27), so 0.25 -> 0.06
    ("The subsidies that China gives to its industry are large.", "070", 0.25, 0.06),
    # both sides known, a root with no cell of its own: its bin (35 of 45 right at 0.70
    # above the floor): never raised
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


def test_the_keys_are_the_missing_target_a_light_verb_and_the_root(events) -> None:  # type: ignore[no-untyped-def]
    (alone,) = events("Thousands of Kenyans protested in Nairobi.")
    assert calibration_key(alone) == ["no_target"]
    (pair,) = [e for e in events("The United States imposed sanctions on Iran.")
               if e.code == "163"]
    assert calibration_key(pair) == ["root_16"]
    assert calibration_key(replace(pair, target_actor=None)) == ["no_target"]
    with switched_off("events.post.root_cell"):
        assert calibration_key(pair) == []


@pytest.mark.parametrize(("trigger", "root", "target", "keys"), [
    ("sent", "07", True, ["light_verb", "root_07"]),   # "sent condolences to Trump"
    ("Giving", "07", True, ["light_verb", "root_07"]),  # any case
    ("took", "11", True, ["light_verb", "root_11"]),   # "took aim at"
    ("held", "14", False, ["no_target"]),              # no target: that cell alone
    ("accused", "11", True, ["root_11"]),              # a verb that names its act
    ("sentenced", "17", True, ["root_17"]),            # (not "sent")
    ("delivery", "07", True, ["root_07"]),             # a noun: no form of the list
])
def test_calibration_keys(trigger: str, root: str, target: bool, keys: list[str]) -> None:
    assert calibration_keys(trigger, root, target) == keys
    with switched_off("events.post.light_verb"):
        assert "light_verb" not in calibration_keys(trigger, root, target)


def test_an_event_takes_the_first_cell_the_table_has(events) -> None:  # type: ignore[no-untyped-def]
    # "gives" is a light verb and 07 a root: the light verb's cell wins (0.07 of 0.27)
    (e,) = [e for e in events("The subsidies that China gives to its industry are large.")
            if e.code == "070"]
    assert calibration_key(e)[0] == "light_verb"
    with switched_off("events.post.light_verb"):
        (got,) = page_calibrated([replace(e, confidence=0.25)])
    assert got.confidence == 0.22  # no cell for root 07: its bin, 0.17 of 0.19


@pytest.mark.parametrize(("code", "root", "after", "off"), [
    ("060", "06", 0.0, 0.65),   # material cooperation: right 0 of 19 on the tuning sheets
    ("163", "16", 0.65, 0.65),  # a root with no cell: its bin (never raised)
    ("111", "11", 0.65, 0.65),  # a cell right more often than its confidence: unchanged
])
def test_a_root_cell_scales_its_events(events, code: str, root: str, after: float,  # type: ignore[no-untyped-def]
                                       off: float) -> None:
    (pair,) = [e for e in events("The United States imposed sanctions on Iran.")
               if e.code == "163"]
    e = replace(pair, code=code, root=root, confidence=0.65)
    assert page_calibrated([e])[0].confidence == after
    with switched_off("events.post.root_cell"):
        assert page_calibrated([e])[0].confidence == off
