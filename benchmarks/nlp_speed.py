"""Words per second: raw spaCy `nlp.pipe` vs the Dossier pipeline, on the same text.

The corpus is the bundled demo, processed --repeats times (each run deduplicates
afresh, so every article is parsed). Raw spaCy runs the same model and components on
the same article texts; Dossier runs read → clean → segment → actors → quotes.

    python benchmarks/nlp_speed.py [--repeats 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from scale import report  # the script beside this one

from dossier.parse.loader import load_nlp
from dossier.pipeline import Sink, run
from dossier.records import DocumentResult
from dossier.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "huffpost-china-dump.txt"


class _Count(Sink):
    def __init__(self) -> None:
        self.texts: list[str] = []

    def write(self, result: DocumentResult) -> None:
        self.texts.extend(a.text for a in result.articles)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    words = len(DEMO.read_text(encoding="utf-8").split()) * args.repeats
    nlp = load_nlp()
    seg = _Count()
    run([DEMO], seg, load_settings(overrides={"nlp": "false"}))
    list(nlp.pipe(seg.texts[:1]))  # warm up
    run([DEMO], _Count(), load_settings())
    t = time.perf_counter()
    for _ in range(args.repeats):
        for _doc in nlp.pipe(seg.texts, batch_size=16):
            pass
    raw = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(args.repeats):  # each run deduplicates afresh, so all is processed
        run([DEMO], _Count(), load_settings())
    full = time.perf_counter() - t
    # 1 vs 2 worker processes on separate documents (the demo's articles, one a file)
    speed = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(seg.texts):
            (Path(tmp) / f"a{i:03}.txt").write_text(text, encoding="utf-8")
        file_words = sum(len(t.split()) for t in seg.texts) * args.repeats
        for workers in (1, 2):
            settings = load_settings(overrides={"workers": str(workers)})
            t = time.perf_counter()
            for _ in range(args.repeats):  # fresh deduplication each run
                run([tmp], _Count(), settings)
            speed[workers] = file_words / (time.perf_counter() - t)
    res = {
        "words": words, "model": nlp.meta["name"], "components": nlp.pipe_names,
        "raw_spacy_words_per_s": round(words / raw), "dossier_words_per_s": round(words / full),
        "ratio": round(raw / full, 2),
        "files_1_worker_words_per_s": round(speed[1]),
        "files_2_workers_words_per_s": round(speed[2]),
        "speedup_2_workers": round(speed[2] / speed[1], 2),
        "python": sys.version.split()[0],
    }
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
