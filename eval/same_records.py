"""Do two revisions make the same records? A refactoring check.

Runs ``dossier extract`` (one worker) on three inputs — the bundled demo, the
PolNeAR dev articles (primary annotations, as JSON Lines with their dates) and the
181 Scrapinghub news pages — once with a past revision's sources (checked out into
a temporary git worktree) and once with the working tree, then compares the records
line by line. It prints how many records each kind has on each side and every
difference (kind, article, span, the fields that differ), and exits 1 if any.

The corpora are read from ../shared at run time and nothing of them is written into
the repository: the inputs and outputs live in a temporary folder, or in ``--work DIR``
(outside the repository), where the past revision's records are kept and reused.

    python eval/same_records.py --before ce5971a [--only demo|polnear|scrapinghub]
                                [--work DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "examples" / "huffpost-china-dump.txt"


def inputs(folder: Path, only: str | None) -> dict[str, list[str]]:
    """Write the three inputs into ``folder``; return the paths of each set."""
    sets: dict[str, list[str]] = {}
    if only in (None, "demo"):
        sets["demo"] = [str(DEMO)]
    if only in (None, "polnear"):
        rows = [json.loads(line) for line in
                (SHARED / "dev" / "quotes" / "polnear_dev.jsonl").open(encoding="utf-8")]
        out = folder / "polnear_dev.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for r in rows:
                if r.get("primary_annotation"):
                    f.write(json.dumps({"text": r["text"], "title": r.get("title"),
                                        "date": r.get("publication_date")}) + "\n")
        sets["polnear"] = [str(out)]
    if only in (None, "scrapinghub"):
        pages = folder / "scrapinghub"
        pages.mkdir(exist_ok=True)
        src = SHARED / "dev" / "news" / "scrapinghub_article_extraction_benchmark" / "html"
        for gz in sorted(src.glob("*.html.gz")):
            (pages / gz.name[:-3]).write_bytes(gzip.decompress(gz.read_bytes()))
        sets["scrapinghub"] = [str(pages)]
    return sets


def run(src: Path, paths: list[str], published: str | None) -> list[dict[str, Any]]:
    """``dossier extract`` with the sources under ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "dossier", "extract", *paths, "--workers", "1"]
    if published:
        cmd += ["--published", published]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"dossier extract failed ({done.returncode}): {done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def compare(name: str, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> int:
    counts_b = Counter(r["kind"] for r in before)
    counts_a = Counter(r["kind"] for r in after)
    print(f"## {name}: " + ", ".join(
        f"{k} {counts_b.get(k, 0)} -> {counts_a.get(k, 0)}" for k in sorted(counts_b | counts_a)))
    b = Counter(json.dumps(r, sort_keys=True) for r in before)
    a = Counter(json.dumps(r, sort_keys=True) for r in after)
    gone, new = sorted((b - a).elements()), sorted((a - b).elements())
    for line in gone:
        print("  - " + line[:400])
    for line in new:
        print("  + " + line[:400])
    print(f"   {len(gone)} record(s) only before, {len(new)} only after")
    return len(gone) + len(new)


def _at(rev: str, tree: Path, paths: list[str], published: str | None
        ) -> list[dict[str, Any]]:
    """The records of revision ``rev``, run from a temporary worktree."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree),
                    rev], check=True)
    try:
        return run(tree / "src", paths, published)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                       check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="git revision to compare with")
    ap.add_argument("--only", choices=["demo", "polnear", "scrapinghub"])
    ap.add_argument("--work", type=Path,
                    help="a folder outside the repository for the inputs and both record "
                    "sets; the past revision's records found there are reused")
    args = ap.parse_args()
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", args.before], check=True,
                         capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="dossier-same-") as tmp:
        folder = args.work or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        sets = inputs(folder, args.only)
        differences = 0
        for name, paths in sets.items():
            published = "2024-05-16" if name == "demo" else None
            saved = folder / f"{name}-{rev[:12]}.jsonl"
            if saved.exists():
                before = [json.loads(line) for line in saved.open(encoding="utf-8")]
            else:
                before = _at(rev, Path(tmp) / "before", paths, published)
                saved.write_text("".join(json.dumps(r) + "\n" for r in before))
            after = run(ROOT / "src", paths, published)
            (folder / f"{name}-now.jsonl").write_text(
                "".join(json.dumps(r) + "\n" for r in after))
            differences += compare(name, before, after)
    print("identical" if not differences else f"{differences} difference(s)")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
