"""Read, clean and segment one input without NLP, in a process of its own, and print
``articles peak_rss_mb seconds``.

Peak RSS is this process's VmHWM: ``ru_maxrss`` of a child would also count the
parent's pages it shared before ``exec``. Used by benchmarks/scale.py and by the
bounded-memory tests (tests/test_streaming.py).

    python benchmarks/peak_rss.py FILE [setting=value ...]
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from dossier.pipeline import Sink, run
from dossier.records import DocumentResult
from dossier.settings import load_settings


class _Count(Sink):
    articles = 0

    def write(self, result: DocumentResult) -> None:
        self.articles += len(result.articles)


def peak_mb() -> int:
    status = Path("/proc/self/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+)", status)
    return int(match.group(1)) // 1024 if match else 0


def main(argv: list[str]) -> int:
    path, *assignments = argv
    overrides = {"nlp": "false", **dict(a.split("=", 1) for a in assignments)}
    sink = _Count()
    t = time.perf_counter()
    summary = run([path], sink, load_settings(overrides=overrides))
    took = time.perf_counter() - t
    if summary.errors:
        print("; ".join(p.message for p in summary.errors), file=sys.stderr)
        return 1
    print(sink.articles, peak_mb(), round(took, 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
