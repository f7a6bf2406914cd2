"""Measured precision of each cell of the events' confidence table (issue 19): what
coded an event (``pattern``, ``noun``, ``dictionary_object``, ``dictionary_widened``,
``dictionary``) by how well its sides are known (both in a country named in the text,
both known, one side), and the cells that are kept below the default
``min_confidence`` (``doubted``, ``no_country_side``, ``one_side_not_allowed``).

An event is right as ``eval/events_zsp.py`` and ``eval/events_plover.py`` judge it:
on ZSP the sentence's answer (its most confident non-negated event) with the gold
PLOVER type, source and target; on the PLOVER GSR every non-negated event, with the
gold type, a gold source country as source and a gold target country as target (when
the gold has one). Reported per data set and cell: count and share right, and the
value each ``[confidence]`` row would take if fitted on the tuning data (``--fit``:
ZSP half A and the GSR by default; the share right rounded down to 0.05, a cell with
fewer than ``MIN_COUNT`` events kept as it is), with the held-apart half B beside it
to check.

The cell of each event is read back from its confidence, to which the script adds a
tag in the sixth decimal while it runs (the table's values have two decimals).

    python eval/events_calibrate.py [--sets zsp-A,gsr,zsp-B] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from datetime import date
from pathlib import Path

import events_zsp  # the scripts beside this one
from events_plover import DEFAULT as GSR
from events_plover import OLD_TO_NEW, _codes
from report import report

import dossier.events.extract as extract
from dossier.analysis import analysers
from dossier.events import coding
from dossier.records import Event

EVIDENCE = ("pattern", "noun", "dictionary_object", "dictionary_widened", "dictionary")
SIDES = ("both_country", "both", "one")
HIDDEN = ("doubted", "no_country_side", "one_side_not_allowed")
CELLS = [f"{e}/{s}" for e in EVIDENCE for s in SIDES] + [f"{e}/{h}" for e in EVIDENCE
                                                          for h in HIDDEN]
MIN_COUNT = 8  # fewer events in a cell: too few to move its value
TAG = 1e-6


def cell_of(pair: coding.Pair, evidence: str, code: str, guessed: set[int],
            doubted: bool) -> str:
    """The cell :func:`dossier.events.coding.confidence` reads its value from."""
    s, t = pair
    if doubted:
        return f"{evidence}/doubted"
    if coding.no_country_side(s, t, guessed):
        return f"{evidence}/no_country_side"
    if s is None or t is None:
        if coding.one_side_allowed(code) is False:
            return f"{evidence}/one_side_not_allowed"
        return f"{evidence}/one"
    named = s.country and t.country and not coding.guessed_country(s, t, guessed)
    return f"{evidence}/both_country" if named else f"{evidence}/both"


def _tagged(pair: coding.Pair, evidence: str, code: str, guessed: set[int],
            doubted: bool = False) -> float:
    value = coding.confidence(pair, evidence, code, guessed, doubted)
    return round(value, 3) + (CELLS.index(cell_of(pair, evidence, code, guessed,
                                                  doubted)) + 1) * TAG


def untag(e: Event) -> str:
    k = round((e.confidence - round(e.confidence, 3)) / TAG)
    return CELLS[k - 1] if 0 < k <= len(CELLS) else "?"


def zsp(half: str) -> list[tuple[str, bool]]:
    an = analysers()
    out = []
    for r in events_zsp.rows(half=half):
        parsed = an.read(r["sentence"], source="zsp", article_id=r["sentence_id"])
        e = events_zsp.answer(extract.extract_events(parsed, an.geo))
        if e is not None:
            out.append((untag(e), events_zsp.right(r, e, parsed)))
    return out


def gsr() -> list[tuple[str, bool]]:
    an = analysers()
    out = []
    for r in json.loads(Path(GSR).read_text(encoding="utf-8")):
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        gold = OLD_TO_NEW.get(r["event"], r["event"])
        try:
            on: date | None = date.fromisoformat(r.get("date", "")[:10])
        except ValueError:
            on = None
        parsed = an.read(r["text"], source="gsr", article_id=r["id"], published=on)
        src, tgt = _codes(r.get("source")), _codes(r.get("target"))
        for e in extract.extract_events(parsed, an.geo):
            if e.negated:
                continue
            ok = e.plover == gold and (e.source_actor and e.source_actor.country) in src \
                and (not tgt or (e.target_actor and e.target_actor.country) in tgt)
            out.append((untag(e), bool(ok)))
    return out


def table(judged: list[tuple[str, bool]]) -> dict[str, list[float | int]]:
    by: dict[str, list[bool]] = defaultdict(list)
    for cell, ok in judged:
        by[cell].append(ok)
    return {c: [len(v), round(sum(v) / len(v), 3)] for c, v in sorted(by.items())}


def fitted(tables: list[dict[str, list[float | int]]]) -> dict[str, list[float]]:
    """The ``[confidence]`` rows fitted on ``tables`` pooled (rounded down to 0.05)."""
    pooled: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for t in tables:
        for cell, (n, p) in t.items():
            pooled[cell][0] += n
            pooled[cell][1] += n * p
    rows = {}
    for ev in EVIDENCE:
        row = []
        for i, side in enumerate(SIDES):
            n, right = pooled.get(f"{ev}/{side}", [0, 0.0])
            now = coding._CONFIDENCE[ev][i]
            row.append(math.floor(right / n * 20 + 1e-9) / 20 if n >= MIN_COUNT else now)
        rows[ev] = row
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="zsp-A,gsr,zsp-B")
    ap.add_argument("--fit", default="zsp-A,gsr")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    extract.confidence = _tagged  # type: ignore[assignment]
    runs = {"zsp-A": lambda: zsp("A"), "zsp-B": lambda: zsp("B"), "gsr": gsr}
    tables = {name: table(runs[name]()) for name in args.sets.split(",")}
    fit = [tables[n] for n in args.fit.split(",") if n in tables]
    report({"cells": tables, "now": coding._CONFIDENCE, "fitted": fitted(fit)}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
