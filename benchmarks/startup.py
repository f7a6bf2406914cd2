"""Start-up: what a fresh ``dossier extract`` pays before its first record.

Times a one-sentence ``dossier extract --workers 1`` in a fresh process: the time
until the first line of output appears (the first record) and until the process
ends (wall clock, as a user sees it), with the CPU time (user + system, of the
process and its worker) that machine load disturbs less than the wall clock. It
runs on all cores and on one core (``taskset -c 0``, where there is taskset), best
of ``--runs`` each. Then the phases, in a fresh process of their own, in the
order a run meets them: the CLI's imports (with the pipeline's, which ``extract``
imports when it runs); reading and cleaning the sentence (with its language) and
deduplicating it; in the NLP worker, spaCy's import, the model,
the gazetteer with its geography, the linker's matchers (with the stages' imports),
the city table, and the first document through the three stages. Each phase has its
wall and CPU time; the run of the best total is kept. A first run, not counted, may
build the compiled tables; the others read them from the user's cache
(``dossier.cache``), as every run after the first does; so with Python's bytecode
(``__pycache__``, written even where PYTHONDONTWRITEBYTECODE is set), as an installed
package has it.

    python benchmarks/startup.py [--runs 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scale import report

SENTENCE = "Vladimir Putin said on Monday in Beijing: “We will attack.”"

PHASES = r"""
import json, sys, time
out = {}
t0, c0 = time.perf_counter(), time.process_time()
def lap(name):
    global t0, c0
    t, c = time.perf_counter(), time.process_time()
    out[name] = {"wall": round(t - t0, 3), "cpu": round(c - c0, 3)}
    t0, c0 = time.perf_counter(), time.process_time()
import dossier.cli, dossier.pipeline, dossier.sinks; lap("import_cli")
from dossier.clean.dedup import Deduplicator
from dossier.pipeline import deduplicate, split_document
from dossier.records import Document
from dossier.settings import load_settings
settings = load_settings()
result = split_document(Document("d", "one.txt", sys.argv[1], "text"), settings)
lap("read_and_clean")
deduplicate(result, Deduplicator.from_settings(settings, signatures=False))  # as extract
lap("deduplicate")
import gc; gc.disable()  # as the worker, until its analysers are loaded
from threadpoolctl import threadpool_limits; threadpool_limits(1)  # as the worker
from dossier.quickimport import install; install()  # as the worker
import spacy; lap("import_spacy")
from dossier.parse import load_nlp; nlp = load_nlp(None); lap("model")
from dossier.gazetteer import geography; geo = geography(()); lap("gazetteer")
from dossier.analysis import analysers; an = analysers(None, ())
gc.freeze(); gc.enable(); lap("linker_matchers")
an.geo.warm_up(); lap("city_table")
an.analyse(sys.argv[1]); lap("first_document")
print(json.dumps(out))
"""


# Python may read and write its bytecode (``__pycache__``), as an installed package has
# it: a shell with PYTHONDONTWRITEBYTECODE=1 compiles each of Dossier's ~100 modules at
# every start (~0.25 s of CPU more). The first, uncounted run writes it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> dict[str, float]:
    """Seconds to the first line of output and to the end, and the CPU time used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    first_s = time.perf_counter() - t
    proc.stdout.read()
    if proc.wait() != 0 or not first:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode})")
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"first_record_s": round(first_s, 2), "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2)}


def best(runs: list[dict[str, float]]) -> dict[str, Any]:
    """The best of each figure over the runs, and every run."""
    return {**{k: min(r[k] for r in runs) for k in runs[0]}, "runs": runs}


def one_core() -> list[str] | None:
    """The command prefix that runs on one core, or None where there is none."""
    if shutil.which("taskset") and 0 in getattr(os, "sched_getaffinity", lambda _: {0})(0):
        return ["taskset", "-c", "0"]
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    res: dict[str, Any] = {"python": sys.version.split()[0], "runs": args.runs,
                           "cores": len(os.sched_getaffinity(0))
                           if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(SENTENCE + "\n", encoding="utf-8")
        extract = [sys.executable, "-m", "dossier", "extract", str(one), "--workers", "1"]
        timed(extract)  # the first run may build the cache: not counted
        res["all_cores"] = best([timed(extract) for _ in range(args.runs)])
        prefix = one_core()
        res["one_core"] = best([timed(prefix + extract) for _ in range(args.runs)]) \
            if prefix else None
    phases: list[dict[str, dict[str, float]]] = []
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, "-c", PHASES, SENTENCE], check=True,
                              capture_output=True, text=True, env=ENV)
        phases.append(json.loads(done.stdout.strip().splitlines()[-1]))
    top = min(phases, key=lambda p: sum(v["wall"] for v in p.values()))
    res["phases"] = top
    res["phases_total"] = {k: round(sum(v[k] for v in top.values()), 2)
                           for k in ("wall", "cpu")}
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
