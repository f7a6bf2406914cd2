"""Start-up: what a fresh ``dossier extract`` pays before its first record.

Times, in a fresh Python process each: the whole ``dossier extract`` of a
one-sentence file (wall clock, as a user sees it), and the phases in order — the
CLI's imports, spaCy's import, the model, the gazetteer, the linker's matchers, the
city table, the first parse and the three stages on it. ``--runs`` repeats each and
keeps the best; the second and later runs read the compiled tables from the user's
cache (``dossier.cache``), as every run after the first does.

    python benchmarks/startup.py [--runs 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scale import report

PHASES = r"""
import json, time
t0 = time.perf_counter(); out = {}
def lap(name):
    global t0
    t = time.perf_counter(); out[name] = round(t - t0, 3); t0 = t
import dossier.cli; lap("import_cli")
import spacy; lap("import_spacy")
from dossier.parse import load_nlp; nlp = load_nlp(); lap("model")
from dossier.gazetteer import load_gazetteer; g = load_gazetteer(()); lap("gazetteer")
from dossier.analysis import analysers; an = analysers(); lap("linker_matchers")
an.geo.warm_up(); lap("city_table")
p = an.read("Vladimir Putin said on Monday in Beijing: “We will attack.”"); lap("parse_and_link")
an.analyse(p); lap("quotes_and_events")
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("Vladimir Putin said on Monday in Beijing: “We will attack.”\n",
                       encoding="utf-8")
        walls = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "dossier", "extract", str(one),
                            "--workers", "1"], check=True, capture_output=True)
            walls.append(time.perf_counter() - t)
        phases: list[dict[str, float]] = []
        for _ in range(args.runs):
            done = subprocess.run([sys.executable, "-c", PHASES], check=True,
                                  capture_output=True, text=True)
            phases.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(phases, key=lambda p: sum(p.values()))
    res: dict[str, Any] = {
        "python": sys.version.split()[0], "runs": args.runs,
        "extract_one_sentence_s": round(min(walls), 2),
        "extract_all_runs_s": [round(w, 2) for w in walls],
        "phases_s": best, "phases_total_s": round(sum(best.values()), 2)}
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
