"""eval/events_zsp.py's default-view figures score as its docstring says: gold spans
from the marked sentence, a side right by name or by a mention inside the span, and
the shown answer's precision and reliability bins (a made-up row; the pipeline is not
run)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from dossier.records import ActorRef

EVAL = Path(__file__).resolve().parents[1] / "eval"
SENT = "The French government accuses Russia of spying."
ROW = {"sentence": SENT, "gold_root": "ACCUSE",
       "marked_sentence": "<s>The French government</s> accuses <t>Russia</t> of spying."}


@pytest.fixture(scope="module")
def zsp():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(EVAL))
    try:
        yield importlib.import_module("events_zsp")
    finally:
        sys.path.remove(str(EVAL))


def _ref(name: str, country: str | None, actor_id: str | None = None) -> ActorRef:
    return ActorRef(name, actor_id, country, country, None)


def test_gold_spans(zsp: Any) -> None:
    spans = zsp.gold_spans(ROW)
    assert SENT[slice(*spans["s"])] == "The French government"
    assert SENT[slice(*spans["t"])] == "Russia"


@pytest.mark.parametrize(("ref", "side", "right"), [
    (_ref("government (FRA)", "FRA"), "s", True),  # a country's noun inside the span
    (_ref("Russia", "RUS"), "t", True),
    (_ref("Russia", "RUS"), "s", False),
    (_ref("Germany", "DEU"), "t", False),
    (None, "t", False),
])
def test_side_right(zsp: Any, ref: ActorRef | None, side: str, right: bool) -> None:
    parsed = SimpleNamespace(mentions=[])  # no mention: by name only
    assert zsp.side_right(ref, zsp.gold_spans(ROW)[side], SENT, parsed) is right


def test_side_right_by_mention_country(zsp: Any) -> None:
    m = SimpleNamespace(start=4, end=21, actor_id="x", country="FRA")
    parsed = SimpleNamespace(mentions=[m])
    assert zsp.side_right(_ref("Élysée", "FRA"), zsp.gold_spans(ROW)["s"], SENT, parsed)
    assert not zsp.side_right(_ref("Élysée", "DEU"), zsp.gold_spans(ROW)["s"], SENT, parsed)


def test_shown_score(zsp: Any) -> None:
    e = SimpleNamespace(confidence=0.75, plover="ACCUSE")
    low = SimpleNamespace(confidence=0.25, plover="ACCUSE")
    shown = [(ROW, e, True), (ROW, None, False), (ROW, e, False)]
    every = [(ROW, e, True), (ROW, low, False), (ROW, e, False)]
    res = zsp.shown_score(shown, every)
    assert res["shown"] == 2 and res["shown_yield"] == round(2 / 3, 3)
    assert res["shown_type_right"] == 1.0 and res["shown_type_dyad_right"] == 0.5
    assert res["reliability_type_dyad"]["[0.7, 0.8)"] == [2, 0.5]
    assert res["reliability_type_dyad"]["[0.2, 0.4)"] == [1, 0.0]
