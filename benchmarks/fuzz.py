"""Fuzz the ingest: thousands of generated bad inputs mixed with good ones (issue 21).

Each batch is a folder of ``--batch`` bad inputs from ``benchmarks/fuzz_corpus.py``
and ``--good`` good files, ingested by ``dossier ingest`` in a process of its own
(as a user runs it) with ``max_file_seconds`` as the stated per-file limit. Then:

- crashed: the process ended other than with 0 or 1 (a signal: SIGSEGV is 139), or
  printed a traceback; unexpected: a reader failed in a way it has no message for
  ("unexpected error while reading", caught generically);
- hung: the batch ran past ``--batch-timeout`` and was killed;
- good files lost: a good file not stored, not analysed (document state), without
  its actor mentions, or with a mention whose span is not its text in the file.

Prints one line per batch and the totals; ``--json FILE`` writes them.

    python benchmarks/fuzz.py --inputs 10000 --json docs/fuzz.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fuzz_corpus import bad_inputs, good_inputs  # noqa: E402


def run_batch(folder: Path, bad: list[tuple[str, bytes]], good: list[tuple[str, bytes]],
              seconds: float, timeout: float) -> dict[str, object]:
    for name, data in [*bad, *good]:
        (folder / name).write_bytes(data)
    db = folder.parent / f"{folder.name}.duckdb"
    cmd = [sys.executable, "-m", "dossier", "ingest", str(folder), "--db", str(db), "--json",
           "--workers", "1", "--set", f"max_file_seconds={seconds}"]
    started = time.monotonic()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"hung": 1, "crashed": 0, "unexpected": 0, "good_lost": len(good),
                "seconds": time.monotonic() - started, "stopped": 0}
    crashed = out.returncode not in (0, 1) or "Traceback" in out.stderr
    summary: dict[str, object] = {}
    try:
        summary = json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        crashed = True
    problems = [p["message"] for p in summary.get("problems", [])]  # type: ignore[union-attr]
    unexpected = sum("unexpected error" in m for m in problems)
    stopped = sum("max_file_seconds" in m for m in problems)
    return {"hung": 0, "crashed": int(crashed), "unexpected": unexpected,
            "good_lost": _good_lost(db, folder, good) if not crashed else len(good),
            "seconds": time.monotonic() - started, "stopped": stopped,
            "exit": out.returncode, "stderr": out.stderr[-500:] if crashed else ""}


def _good_lost(db: Path, folder: Path, good: list[tuple[str, bytes]]) -> int:
    """Good files not stored whole and analysed, with every mention at its span."""
    import duckdb

    lost = 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        for name, data in good:
            source = str(folder / name)
            states = [r[0] for r in con.execute(
                "SELECT state FROM documents WHERE source = ?", [source]).fetchall()]
            mentions = con.execute(
                "SELECT m.start_char, m.end_char, m.text, a.text, a.start_char "
                "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.source = ?",
                [source]).fetchall()
            text = data.decode("utf-8") if name.endswith(".txt") else None
            spans_ok = all(
                (text[s:e] if text is not None else art[s - a0 : e - a0]) == t
                for s, e, t, art, a0 in mentions)
            if states != ["analysed"] or not mentions or not spans_ok:
                lost += 1
    finally:
        con.close()
    return lost


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=10_000, help="bad inputs in all")
    ap.add_argument("--batch", type=int, default=100, help="bad inputs per ingest run")
    ap.add_argument("--good", type=int, default=3, help="good files per ingest run")
    ap.add_argument("--seconds", type=float, default=30.0, help="max_file_seconds")
    ap.add_argument("--batch-timeout", type=float, default=1800.0)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--json", type=Path, default=None, help="write the totals here")
    args = ap.parse_args()

    bad = bad_inputs(args.inputs, args.seed)
    good = good_inputs(args.inputs // args.batch * args.good + args.good, args.seed)
    totals: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    failures: list[dict[str, object]] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dossier-fuzz-") as tmp:
        n = 0
        while n < args.inputs:
            batch = [next(bad) for _ in range(min(args.batch, args.inputs - n))]
            goods = [next(good) for _ in range(args.good)]
            kinds.update(name.split("-")[1].split(".")[0] for name, _ in batch)
            folder = Path(tmp) / f"batch{n // args.batch:04}"
            folder.mkdir()
            result = run_batch(folder, batch, goods, args.seconds, args.batch_timeout)
            n += len(batch)
            for key in ("hung", "crashed", "unexpected", "good_lost", "stopped"):
                totals[key] += int(result[key])  # type: ignore[call-overload]
            totals["good_tried"] += len(goods)
            if result["crashed"] or result["hung"] or result["good_lost"] or result["unexpected"]:
                failures.append({"batch": folder.name, **result})
            print(f"{folder.name}: tried {n}, {result['seconds']:.0f} s, crashed "
                  f"{result['crashed']}, hung {result['hung']}, unexpected "
                  f"{result['unexpected']}, good lost {result['good_lost']}", flush=True)
            for f in folder.iterdir():  # keep the disk small
                f.unlink()
    report = {"tried": n, "crashed": totals["crashed"], "hung": totals["hung"],
              "unexpected_errors": totals["unexpected"],
              "good_files": totals["good_tried"], "good_files_lost": totals["good_lost"],
              "stopped_at_the_limit": totals["stopped"], "max_file_seconds": args.seconds,
              "batches": -(-n // args.batch), "seconds": round(time.monotonic() - started),
              "kinds": dict(kinds), "failures": failures, "seed": args.seed}
    print(f"tried {n} bad inputs with {totals['good_tried']} good files: crashed "
          f"{totals['crashed']} run(s), hung {totals['hung']}, unexpected errors "
          f"{totals['unexpected']}, good files lost {totals['good_lost']} "
          f"({report['seconds']} s)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
