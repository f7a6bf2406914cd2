"""Event-type accuracy on PLOVER_GSR_CAMEO.txt (322 CAMEO-manual example sentences).

For each sentence (dated as the record says), Dossier's non-negated events with a
PLOVER type (a CAMEO 01 statement has none) are compared with the gold PLOVER event:
coverage is the share of sentences with at least one such event; accuracy the share
of covered sentences whose events include the gold type; dyad accuracy the share of
covered sentences where an event of that type has a gold source country as source
(and a gold target country as target, when the gold has one). The file uses PLOVER's
2016 labels; they are mapped to the 2021 names that the CAMEO→PLOVER table uses
(DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE).

    python eval/events_plover.py [--file PATH] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from report import report  # the script beside this one

from dossier.analysis import analysers
from dossier.events.extract import extract_events

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "dev" / "events" / "PLOVER_GSR_CAMEO.txt"
OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
              "INVESTIGATE": "ACCUSE"}


def _codes(actors: object) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {a.get("code", "")[:3] for a in actors if isinstance(a, dict) and a.get("code")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=DEFAULT)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.file.exists():
        print(f"{args.file}: not found", file=sys.stderr)
        return 2
    records = [r for r in json.loads(args.file.read_text(encoding="utf-8"))
               if r.get("event") != "DOCUMENT" and r.get("text")]
    an = analysers()
    covered = right = dyad_right = 0
    by_type: Counter[str] = Counter()
    right_by_type: Counter[str] = Counter()
    for r in records:
        gold = OLD_TO_NEW.get(r["event"], r["event"])
        by_type[gold] += 1
        try:
            on = date.fromisoformat(r.get("date", "")[:10])
        except ValueError:
            on = None
        parsed = an.read(r["text"], source="gsr", article_id=r["id"], published=on)
        events = [e for e in extract_events(parsed, an.geo) if not e.negated and e.plover]
        if not events:
            continue
        covered += 1
        typed = [e for e in events if e.plover == gold]
        if typed:
            right += 1
            right_by_type[gold] += 1
            src, tgt = _codes(r.get("source")), _codes(r.get("target"))
            if any((e.source_actor and e.source_actor.country) in src and
                   (not tgt or (e.target_actor and e.target_actor.country) in tgt) for e in typed):
                dyad_right += 1
    n = len(records)
    res = {
        "sentences": n, "covered": covered, "coverage": round(covered / n, 3),
        "type_accuracy_covered": round(right / covered, 3) if covered else 0.0,
        "type_recall_all": round(right / n, 3),
        "dyad_accuracy_covered": round(dyad_right / covered, 3) if covered else 0.0,
        "recall_by_type": {t: round(right_by_type[t] / k, 2) for t, k in by_type.most_common()},
    }
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
