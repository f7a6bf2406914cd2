"""Throughput of the non-NLP stages (read, clean, segment, deduplicate, store) in MB/s.

Builds a large text dump from the demo articles (paragraphs shuffled across
copies so deduplication and segmentation do real work), then times each stage
on it, and the whole `ingest` into a fresh DuckDB store.

    python benchmarks/throughput.py [--mb 20] [--json FILE]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from scale import report  # the script beside this one

from dossier.clean.boilerplate import classify
from dossier.clean.dedup import Deduplicator
from dossier.clean.paragraphs import paragraph_spans
from dossier.clean.segment import segment
from dossier.ingest import ReadOptions, read_file
from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "huffpost-china-dump.txt"


def make_dump(mb: float, seed: int = 5) -> str:
    rng = random.Random(seed)
    lines = [ln for ln in DEMO.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        block = lines[:]
        # swap a few paragraphs and vary numbers so copies are near, not exact, duplicates
        for _ in range(10):
            i, j = rng.randrange(len(block)), rng.randrange(len(block))
            block[i], block[j] = block[j], block[i]
        block[0] = f"{block[0]} ({rng.randint(0, 10**9)})"
        chunk = "\n".join(block) + "\n"
        out.append(chunk)
        size += len(chunk.encode())
    return "".join(out)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dump.txt"
        path.write_text(make_dump(args.mb), encoding="utf-8")
        mb = path.stat().st_size / 1_000_000
        (doc,), t_read = timed(lambda: list(read_file(path, ReadOptions())))
        spans, t_par = timed(paragraph_spans, doc.text)
        reasons, t_clean = timed(classify, doc.text, spans)
        paras = [doc.text[s.start : s.end]
                 for s, r in zip(spans, reasons, strict=True) if r is None]
        starts, t_seg = timed(segment, paras)
        bounds = [*starts, len(paras)]
        dd = Deduplicator()

        def dedup() -> int:
            return sum(dd.check(str(a), "\n".join(paras[a:b]))[0] is not None
                       for a, b in zip(bounds, bounds[1:], strict=False))

        dups, t_dedup = timed(dedup)
        db = Path(tmp) / "b.duckdb"

        def ingest() -> object:
            with Store(db) as store:
                return run([path], store, load_settings(overrides={"nlp": "false"}))

        _, t_all = timed(ingest)
        res = {
            "input_mb": round(mb, 1), "paragraphs": len(spans), "articles": len(starts),
            "duplicates": dups,
            "mb_per_s": {
                "read_decode": round(mb / t_read, 1), "paragraphs": round(mb / t_par, 1),
                "boilerplate": round(mb / t_clean, 1), "segment": round(mb / t_seg, 2),
                "dedup": round(mb / t_dedup, 1), "ingest_end_to_end": round(mb / t_all, 2),
            },
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "python": sys.version.split()[0],
        }
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
