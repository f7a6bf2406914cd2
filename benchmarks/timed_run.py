"""Time one Dossier run of a JSON Lines corpus in a fresh process, and print
``{"seconds", "peak_rss_mb_main", "peak_rss_mb_per_worker"}`` as JSON.

Used by benchmarks/scale.py so that the one-process and the worker runs start from
the same state: the model loaded and a run over the first three documents done (not
timed), and nothing else. A process that has parsed the corpus before keeps what
spaCy and Dossier learnt of its words (the lemmatizer's cache of word and tag, the
vocabulary's lexemes, the linker's lookups); worker processes forked from it
inherit all of that, so a worker run timed after a run over the same text in the
same process is up to ~9% faster than any real one (see docs/scale.md).

    python benchmarks/timed_run.py CORPUS.jsonl WORKERS
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from peak_rss import _Count, peak_mb
from threadpoolctl import threadpool_limits

from dossier.pipeline import run
from dossier.settings import load_settings


def main(argv: list[str]) -> int:
    corpus, workers = Path(argv[0]), argv[1]
    warm = corpus.with_name("warm-up.jsonl")
    with corpus.open(encoding="utf-8") as fh:
        warm.write_text("".join(next(fh) for _ in range(3)), encoding="utf-8")
    settings = load_settings(overrides={"workers": workers})
    run([warm], _Count(), load_settings(overrides={"workers": "1"}))  # model, matchers
    # one core is one BLAS thread too, as in each worker process and Ray actor
    limits = threadpool_limits(limits=1) if workers == "1" else None
    sink = _Count()
    t = time.perf_counter()
    run([corpus], sink, settings)
    seconds = time.perf_counter() - t
    if limits is not None:
        limits.restore_original_limits()
    print(json.dumps({
        "seconds": round(seconds, 2), "articles": sink.articles,
        "peak_rss_mb_main": peak_mb(),
        "peak_rss_mb_per_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        // 1024}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
