"""Main-text extraction quality on the Scrapinghub article extraction benchmark.

Runs :func:`dossier.ingest.html.html_to_document` over every page of the benchmark
(181 real news pages, gzipped HTML, gold ``articleBody`` in ``ground-truth.json``,
MIT) and scores the extracted text against the gold body the way the benchmark's
own evaluation does: word tokens (``\\w+``) grouped into shingles of ``--ngram``
tokens (4 in the benchmark; 1 gives plain bag-of-words), multiset overlap per page
normalised so that long pages weigh no more than short ones, precision and recall
averaged over pages, F1 from the two averages. A page the reader refuses counts as
an empty extraction.

    python eval/extraction_scrapinghub.py [BENCH_DIR] [--ngram N] [--json FILE] [--show-worst K]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from dossier.errors import InputError
from dossier.ingest.base import ReadOptions
from dossier.ingest.html import html_to_document
from dossier.records import content_id

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared/dev/news/scrapinghub_article_extraction_benchmark"
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Multiset of the text's n-grams of word tokens (one short n-gram for a short text)."""
    tokens = _WORD.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(gold: str, pred: str, n: int) -> tuple[float, float, float]:
    """True positives, false positives, false negatives of one page, summing to 1."""
    g, p = shingles(gold, n), shingles(pred, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def summarise(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages (pages with nothing to judge left out)."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def extract(path: Path, url: str | None) -> tuple[str, str | None]:
    """Extracted text of one benchmark page, and the reader's error if it refused it."""
    raw = gzip.decompress(path.read_bytes())
    try:
        doc = html_to_document(raw, str(path), locator=None, url=url, options=ReadOptions(),
                               doc_id=content_id(raw))
    except InputError as exc:
        return "", exc.problem
    return doc.text, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH,
                    help="benchmark directory (ground-truth.json and html/)")
    ap.add_argument("--ngram", type=int, default=4, help="shingle size (benchmark: 4)")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument("--show-worst", type=int, default=0, metavar="K",
                    help="list the K pages with the lowest F1")
    args = ap.parse_args(argv)

    gt_path = args.bench / "ground-truth.json"
    if not gt_path.is_file():
        print(f"no benchmark at {args.bench} (expected ground-truth.json)", file=sys.stderr)
        return 2
    gold = json.loads(gt_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    per_page: dict[str, tuple[float, float, float]] = {}
    per_page_bow: dict[str, tuple[float, float, float]] = {}
    refused: dict[str, str] = {}
    for key, item in sorted(gold.items()):
        text, problem = extract(args.bench / "html" / f"{key}.html.gz", item.get("url"))
        if problem:
            refused[key] = problem
        body = item.get("articleBody", "")
        per_page[key] = page_counts(body, text, args.ngram)
        per_page_bow[key] = page_counts(body, text, 1)
    seconds = time.perf_counter() - started

    figures = summarise(list(per_page.values()))
    bow = summarise(list(per_page_bow.values()))
    result = {
        "pages": len(gold),
        "refused": len(refused),
        "ngram": args.ngram,
        **{k: round(v, 4) for k, v in figures.items()},
        "bag_of_words": {k: round(v, 4) for k, v in bow.items()},
        "seconds": round(seconds, 1),
    }
    print(f"Scrapinghub article extraction benchmark: {len(gold)} pages, "
          f"{len(refused)} refused, {seconds:.1f} s")
    print(f"  {args.ngram}-gram shingles: precision {figures['precision']:.3f}  "
          f"recall {figures['recall']:.3f}  F1 {figures['f1']:.3f}")
    print(f"  bag of words:     precision {bow['precision']:.3f}  "
          f"recall {bow['recall']:.3f}  F1 {bow['f1']:.3f}")
    if args.show_worst:
        def page_f1(c: tuple[float, float, float]) -> float:
            p, r = _precision(*c), _recall(*c)
            return 2 * p * r / (p + r) if p + r else 0.0

        for key in sorted(per_page, key=lambda k: page_f1(per_page[k]))[: args.show_worst]:
            c = per_page[key]
            print(f"  {page_f1(c):.2f}  P {_precision(*c):.2f} R {_recall(*c):.2f}  {key[:16]}  "
                  f"{gold[key].get('url', '')}{'  REFUSED' if key in refused else ''}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
