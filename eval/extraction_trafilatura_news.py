"""Main-text extraction on trafilatura's English news evaluation pages.

29 real news pages (Apache-2.0), each with snippets the article text must contain
and snippets (navigation, comments, newsletters, related stories) it must not.
Runs :func:`dossier.ingest.html.html_to_document` on each page and reports the share
of must-contain snippets found and of must-not-contain snippets absent. White space
is collapsed on both sides before matching (a snippet may span a line break).

    python eval/extraction_trafilatura_news.py [EVAL_DIR] [--json FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dossier.errors import InputError
from dossier.ingest.base import ReadOptions
from dossier.ingest.html import html_to_document
from dossier.records import content_id

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared/dev/news/trafilatura_eval_en_news"


def squash(text: str) -> str:
    """Collapse runs of white space to one space."""
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("evaldir", nargs="?", type=Path, default=DEFAULT_DIR,
                    help="directory with evaldata_en_news.json and html/")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument("--verbose", action="store_true", help="list every failed snippet")
    args = ap.parse_args(argv)

    data_path = args.evaldir / "evaldata_en_news.json"
    if not data_path.is_file():
        print(f"no evaluation data at {args.evaldir}", file=sys.stderr)
        return 2
    data = json.loads(data_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    found = present = absent = forbidden = refused = 0
    failures: list[str] = []
    for url, item in sorted(data.items()):
        path = args.evaldir / "html" / item["file"]
        raw = path.read_bytes()
        try:
            text = squash(html_to_document(raw, str(path), locator=None, url=url,
                                           options=ReadOptions(), doc_id=content_id(raw)).text)
        except InputError:
            text = ""
            refused += 1
        for snippet in item.get("with", []):
            present += 1
            if squash(snippet) in text:
                found += 1
            else:
                failures.append(f"missing  {item['file']}: {snippet!r}")
        for snippet in item.get("without", []):
            forbidden += 1
            if squash(snippet) not in text:
                absent += 1
            else:
                failures.append(f"unwanted {item['file']}: {snippet!r}")
    seconds = time.perf_counter() - started

    result = {
        "pages": len(data),
        "refused": refused,
        "must_contain_found": round(found / present, 4) if present else None,
        "must_not_contain_absent": round(absent / forbidden, 4) if forbidden else None,
        "all_snippets_right": round((found + absent) / (present + forbidden), 4),
        "snippets": {"with": present, "without": forbidden},
        "seconds": round(seconds, 1),
    }
    print(f"trafilatura English news evaluation: {len(data)} pages, {refused} refused, "
          f"{seconds:.1f} s")
    print(f"  must-contain found:      {found}/{present} ({found / present:.3f})")
    print(f"  must-not-contain absent: {absent}/{forbidden} ({absent / forbidden:.3f})")
    print(f"  all snippets right:      {result['all_snippets_right']:.3f}")
    if args.verbose:
        for line in failures:
            print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
