"""What two fresh processes pay for meeting the corpus's words afresh.

Each Ray actor and each local worker is a fresh process: spaCy's lemmatizer cache,
the vocabulary's lexemes and the linker's lookups fill again in each. This times
``benchmarks/scale.py``'s corpus (``--copies K``) in one fresh process, then its two
halves (alternate articles, as two actors or workers get them) in two more, one
after the other on an otherwise idle machine (benchmarks/timed_run.py: the model
loaded and three documents run before the clock starts, one BLAS thread). The sum
of the halves less the whole is what a second fresh process costs; no CPU is shared,
so nothing else is in the difference.

    python benchmarks/cold_start.py [--copies 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from scale import DEFAULT_CORPUS, _fresh_run, build_corpus, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp())
    whole = tmp / "corpus.jsonl"
    texts = build_corpus(DEFAULT_CORPUS, args.copies, whole)
    rows = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    halves = []
    for k in (0, 1):
        half = tmp / f"half{k}" / "corpus.jsonl"  # timed_run writes warm-up.jsonl beside it
        half.parent.mkdir()
        half.write_text("".join(rows[k::2]), encoding="utf-8")
        halves.append(half)
    one = _fresh_run(whole, 1)["seconds"]
    parts = [_fresh_run(h, 1)["seconds"] for h in halves]
    res: dict[str, Any] = {
        "copies": args.copies, "articles": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "one_process_s": round(one, 1), "halves_s": [round(p, 1) for p in parts],
        "halves_sum_s": round(sum(parts), 1),
        "second_fresh_process_costs_pct": round(100 * (sum(parts) - one) / one, 1),
    }
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
