"""One round's figures: every dev-set evaluation of a checkout, and a side-by-side
table of rounds.

``run`` runs the evaluation scripts of a checkout (its ``src`` first on the path, two
at a time on a 2-core machine) and writes each one's JSON and printed output into a
folder; ``compare`` prints the headline figures of such folders side by side, the
table every round reports before and after (tuning sets and sets measured only).

    python eval/round.py run OUT [--checkout DIR]
    python eval/round.py compare BEFORE AFTER [...]

The measure-only sets (PolNeAR dev half B, ZSP half B, the held-out speakers) give
totals only here: read their figures, never their items.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# name: the script and its arguments (each also gets --json OUT/name.json)
RUNS: dict[str, list[str]] = {
    "polnear-A": ["quotes_polnear.py", "--half", "A"],
    "polnear-B": ["quotes_polnear.py", "--half", "B"],
    "polnear-A-dv": ["quotes_polnear.py", "--half", "A", "--min-confidence", "0.6"],
    "polnear-B-dv": ["quotes_polnear.py", "--half", "B", "--min-confidence", "0.6"],
    "speakers": ["quotes_speakers.py"],
    "speakers-tune": ["quotes_speakers.py", "--gold", "eval/data/speakers_tune.jsonl"],
    "actors": ["actors_polnear.py"],
    "zsp-A": ["events_zsp.py", "--half", "A"],
    "zsp-B": ["events_zsp.py", "--half", "B"],
    "plover": ["events_plover.py"],
    "petrarch": ["events_petrarch.py"],
}

# (run, dotted key, what it is); "(measure only)" marks the sets nobody tunes on
FIGURES: list[tuple[str, str, str]] = [
    ("polnear-B", "content_jaccard.f1", "PolNeAR B (measure only) content J F1"),
    ("polnear-B", "source_jaccard.f1", "PolNeAR B source J F1"),
    ("polnear-B", "content_overlap.f1", "PolNeAR B content overlap F1"),
    ("polnear-B", "source_overlap.f1", "PolNeAR B source overlap F1"),
    ("polnear-B-dv", "predicted_quotes", "PolNeAR B default view: quotes"),
    ("polnear-B-dv", "content_jaccard.precision", "PolNeAR B default view: content J P"),
    ("polnear-B-dv", "content_jaccard.recall", "PolNeAR B default view: content J R"),
    ("polnear-A", "content_jaccard.f1", "PolNeAR A (tune) content J F1"),
    ("polnear-A", "source_jaccard.f1", "PolNeAR A source J F1"),
    ("speakers", "all.speaker_right_of_found", "held-out speakers (measure only): right"),
    ("speakers", "default_view.records", "held-out speakers default view: records"),
    ("speakers", "default_view.precision", "held-out speakers default view: P"),
    ("speakers", "default_view.speaker_right_of_found", "held-out speakers default view: right"),
    ("speakers-tune", "all.speaker_right_of_found", "tune speakers (pages 0-7): right"),
    ("speakers-tune", "default_view.speaker_right_of_found", "tune speakers default view: right"),
    ("actors", "exact.f1", "PolNeAR dev mentions F1"),
    ("actors", "trusted.precision", "PolNeAR dev mentions trusted P"),
    ("actors", "trusted.recall", "PolNeAR dev mentions trusted R"),
    ("zsp-A", "type_accuracy", "ZSP A (tune) type"),
    ("zsp-A", "shown", "ZSP A shown"),
    ("zsp-A", "shown_type_dyad_right", "ZSP A shown type+dyad right"),
    ("zsp-B", "coverage", "ZSP B (measure only) coverage"),
    ("zsp-B", "type_accuracy", "ZSP B type"),
    ("zsp-B", "quad_accuracy", "ZSP B quad"),
    ("zsp-B", "shown", "ZSP B shown"),
    ("zsp-B", "shown_type_dyad_right", "ZSP B shown type+dyad right"),
    ("plover", "coverage", "PLOVER GSR coverage"),
    ("plover", "type_accuracy_covered", "PLOVER GSR type (covered)"),
    ("plover", "dyad_accuracy_covered", "PLOVER GSR dyad (covered)"),
    ("petrarch", "precision_country_pairs", "PETRARCH2 country pairs P"),
    ("petrarch", "recall_country_pairs", "PETRARCH2 country pairs R"),
]


def run(out: Path, checkout: Path, parallel: int = 2) -> list[str]:
    """Run every evaluation of ``checkout`` into ``out``; the names that failed."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    failed: list[str] = []
    pending = list(RUNS.items())
    while pending:
        batch, pending = pending[:parallel], pending[parallel:]
        procs = []
        for name, (script, *args) in batch:
            log = (out / f"{name}.txt").open("w", encoding="utf-8")
            cmd = [sys.executable, str(checkout / "eval" / script), *args,
                   "--json", str(out / f"{name}.json")]
            procs.append((name, log, subprocess.Popen(cmd, cwd=checkout, env=env,
                                                      stdout=log, stderr=subprocess.STDOUT)))
        for name, log, proc in procs:
            if proc.wait() != 0:
                failed.append(name)
            log.close()
    return failed


def figure(res: dict[str, Any], key: str) -> Any:
    for part in key.split("."):
        if not isinstance(res, dict) or part not in res:
            return None
        res = res[part]
    return res


def table(folders: list[Path]) -> str:
    """The headline figures of each folder side by side (— where a run is missing)."""
    loaded: dict[tuple[Path, str], dict[str, Any]] = {}
    for folder in folders:
        for name in RUNS:
            path = folder / f"{name}.json"
            if path.exists():
                loaded[(folder, name)] = json.loads(path.read_text(encoding="utf-8"))
    width = max(len(label) for _, _, label in FIGURES)
    lines = [f"{'':{width}}" + "".join(f"{f.name[-12:]:>14}" for f in folders)]
    for name, key, label in FIGURES:
        cells = [figure(loaded.get((f, name), {}), key) for f in folders]
        lines.append(f"{label:{width}}" + "".join(
            f"{'—' if c is None else c:>14}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--checkout", type=Path, default=ROOT)
    r.add_argument("--parallel", type=int, default=2)
    c = sub.add_parser("compare")
    c.add_argument("folders", type=Path, nargs="+")
    args = ap.parse_args(argv)
    if args.cmd == "run":
        failed = run(args.out, args.checkout.resolve(), args.parallel)
        for name in failed:
            print(f"{name} failed: see {args.out / (name + '.txt')}", file=sys.stderr)
        print(table([args.out]))
        return 1 if failed else 0
    print(table(args.folders))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
