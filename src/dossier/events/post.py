"""Post-passes over an article's events: their confidence brought to what it means on
real news pages."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from dossier.data import load_toml
from dossier.events.book import BOOK
from dossier.records import Event


def calibration_key(e: Event) -> str | None:
    """The cell of ``data/event_page_calibration.toml``'s ``[cells]`` an event falls in
    (``eval/audit.py`` reads the same cell off a sheet's row): ``no_target`` for an event
    with no one acted upon; None for the others (their confidence bin decides)."""
    return "no_target" if e.target_actor is None else None


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
    else its confidence bin. It never rises."""
    bins, keys = _page_table()
    res = []
    for e in out:
        key = calibration_key(e)
        ratio = keys.get(key) if key is not None else None
        if ratio is None:
            ratio = next((r for lo, r in reversed(bins) if e.confidence >= lo), 1.0)
        res.append(e if ratio >= 1 else replace(e, confidence=round(e.confidence * ratio, 2)))
    return res
