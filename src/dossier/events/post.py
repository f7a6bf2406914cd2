"""Post-passes over an article's events: their confidence brought to what it means on
real news pages."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.records import Event

LIGHT_VERBS = frozenset(load_toml("event_patterns.toml")["calibration"]["light_verbs"])


@BOOK.rule("post", off=False)
def light_verb(trigger: str) -> bool:
    """A light or transfer verb ("give", "send", "take", "hold": ``[calibration]
    light_verbs`` of ``data/event_patterns.toml``) says little of the act; its object
    decides the code, and the dictionary's entry for it is often the wrong one: "Biden
    and Harris sent their condolences to Trump" (070 aid), "giving him a total of 54
    delegates" (no event). Such an event with a target takes the ``light_verb`` cell of
    the page calibration (on the marked tuning sheets right 4 in 54)."""
    return trigger.lower() in LIGHT_VERBS


@BOOK.rule("post", off=None)
def root_cell(root: str) -> str | None:
    """An event with a target takes the cell of its CAMEO root in the page calibration
    (``root_07``) when the table has one: the fit keeps a root whose events were right
    apart from the rest on the marked tuning sheets (aid, 07, right 3 in 34: "The United
    States sent Pompeo to the EastMed meeting"; material cooperation, 06, 0 in 25)."""
    return f"root_{root}"


def calibration_keys(trigger: str, root: str, has_target: bool) -> list[str]:
    """The cells of ``data/event_page_calibration.toml``'s ``[cells]`` an event may fall
    in, finest first (``eval/audit.py`` reads the same cells off a sheet's row, from its
    trigger, CAMEO code and target): ``no_target`` for an event with no one acted upon;
    else ``light_verb`` (:func:`light_verb`), then its root's cell (:func:`root_cell`).
    An event in none of the table's cells takes its confidence bin's."""
    if not has_target:
        return ["no_target"]
    keys = ["light_verb"] if light_verb(trigger) else []
    by_root = root_cell(root)
    return keys + ([by_root] if by_root else [])


def calibration_key(e: Event) -> list[str]:
    """:func:`calibration_keys` of an event."""
    return calibration_keys(e.trigger.text, e.root, e.target_actor is not None)


@cache
def _page_table() -> tuple[list[tuple[float, float]], dict[str, float]]:
    """(lower edge, share right / mean confidence) of each confidence bin, by edge, and
    the same ratio of each cell (across the bins: ``eval/audit.py`` fits one table
    format for quotes and events)."""
    data = load_toml("event_page_calibration.toml")
    bins = sorted((float(k), float(v[0]) / float(v[1])) for k, v in data["bins"].items())
    keys = {k: float(v[0]) / float(v[1]) for k, v in data.get("cells", {}).items()}
    return bins, keys


@BOOK.rule("post")
def page_calibrated(out: list[Event]) -> list[Event]:
    """Confidence means precision on real pages: an event's confidence (from what coded
    it and how well its sides are known, fitted on ZSP and the GSR) is scaled by the
    share of fully right events (real, source, target, code, negation and modality right
    by hand) over the mean confidence of its cell on the marked tuning pages
    (``data/event_page_calibration.toml``, ``eval/audit.py fit``): "Officials arrested
    210 people" with no target (0.1 → 0.05: one-sided events there were right 3 in 49),
    "Biden sent his condolences to Trump" (a light verb), else its confidence bin. It
    never rises."""
    bins, keys = _page_table()
    res = []
    for e in out:
        ratio = next((keys[k] for k in calibration_key(e) if k in keys), None)
        if ratio is None:
            ratio = next((r for lo, r in reversed(bins) if e.confidence >= lo), 1.0)
        res.append(e if ratio >= 1 else replace(e, confidence=round(e.confidence * ratio, 2)))
    return res
