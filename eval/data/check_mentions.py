"""Check the gold actor-mention annotations against the PolNeAR dev source file.

Usage (from anywhere):

    python3 eval/data/check_mentions.py [SOURCE_JSONL] [--mentions FILE]

SOURCE_JSONL defaults to ../shared/dev/quotes/polnear_dev.jsonl relative to the repo
root. The script checks that the annotated articles are the first ten primary
articles of the source (file order, de-duplicated by doc_id), that every field is
valid, that each surface_sha1 matches text[start:end], that the span has no
surrounding whitespace or punctuation, that rows are sorted and that spans do not
overlap within a document. It prints counts and exits 1 on any problem. It never
prints article text. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "dev" / "quotes" / "polnear_dev.jsonl"
DEFAULT_MENTIONS = HERE / "polnear_dev_mentions.jsonl"
N_ARTICLES = 10

FIELDS = (
    "doc_id",
    "start",
    "end",
    "surface_sha1",
    "via",
    "actor",
    "qid",
    "type",
    "country",
    "known",
)
VIAS = {"name", "title", "role", "pronoun", "metonym"}
TYPES = {"person", "org", "state"}
PRONOUNS = {
    "he", "she", "him", "her", "his", "hers", "himself", "herself",
    "they", "them", "their", "theirs", "themselves", "it", "its",
}
QID_RE = re.compile(r"^(Q[1-9][0-9]*)?$")
ISO3_RE = re.compile(r"^([A-Z]{3})?$")
SHA1_RE = re.compile(r"^[0-9a-f]{40}$")
EDGE_BAD = set(" \t\r\n\xa0.,;:!?\"'“”‘’()[]—–-")


def first_primary(source: Path, n: int) -> dict[str, str]:
    """doc_id -> text for the first n primary articles, in file order."""
    texts: dict[str, str] = {}
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("primary_annotation") is True and row["doc_id"] not in texts:
                texts[row["doc_id"]] = row["text"]
                if len(texts) == n:
                    break
    return texts


def check(source: Path, mentions: Path) -> tuple[list[str], list[dict]]:
    problems: list[str] = []
    texts = first_primary(source, N_ARTICLES)
    if len(texts) != N_ARTICLES:
        problems.append(f"source has only {len(texts)} primary articles")
    rows: list[dict] = []
    with mentions.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                problems.append(f"line {lineno}: empty line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"line {lineno}: bad JSON ({exc})")
                continue
            where = f"line {lineno}"
            if not isinstance(row, dict) or tuple(row) != FIELDS:
                problems.append(f"{where}: fields must be exactly {FIELDS} in that order")
                continue
            text = texts.get(row["doc_id"])
            if text is None:
                problems.append(f"{where}: doc_id {row['doc_id']!r} not in the selection")
                continue
            start, end = row["start"], row["end"]
            if not (type(start) is int and type(end) is int and 0 <= start < end <= len(text)):
                problems.append(f"{where}: bad offsets {start}..{end}")
                continue
            surface = text[start:end]
            sha = hashlib.sha1(surface.encode("utf-8")).hexdigest()
            if not SHA1_RE.match(str(row["surface_sha1"])) or row["surface_sha1"] != sha:
                problems.append(f"{where}: surface_sha1 does not match text[{start}:{end}]")
            if surface[0] in EDGE_BAD or surface[-1] in EDGE_BAD:
                if not surface.endswith("."):  # abbreviations such as "U.S." or "Mrs."
                    problems.append(f"{where}: span has surrounding space/punctuation")
                elif surface[0] in EDGE_BAD:
                    problems.append(f"{where}: span starts with space/punctuation")
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                problems.append(f"{where}: span starts inside a word")
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                problems.append(f"{where}: span ends inside a word")
            if row["via"] not in VIAS:
                problems.append(f"{where}: via {row['via']!r} not in {sorted(VIAS)}")
            elif row["via"] == "pronoun" and surface.lower() not in PRONOUNS:
                problems.append(f"{where}: pronoun span is not a third-person pronoun")
            if not isinstance(row["actor"], str) or not row["actor"].strip():
                problems.append(f"{where}: empty actor")
            if not isinstance(row["qid"], str) or not QID_RE.match(row["qid"]):
                problems.append(f"{where}: bad qid {row['qid']!r}")
            if row["type"] not in TYPES:
                problems.append(f"{where}: type {row['type']!r} not in {sorted(TYPES)}")
            if not isinstance(row["country"], str) or not ISO3_RE.match(row["country"]):
                problems.append(f"{where}: bad country {row['country']!r}")
            if not isinstance(row["known"], bool):
                problems.append(f"{where}: known must be true or false")
            rows.append(row)

    # Order and overlaps.
    keys = [(r["doc_id"], r["start"], r["end"]) for r in rows]
    if keys != sorted(keys):
        problems.append("rows are not sorted by doc_id then start")
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append((r["start"], r["end"]))
    for doc_id, spans in by_doc.items():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                problems.append(f"{doc_id}: spans {s1}..{e1} and {s2}..{e2} overlap")
    missing = set(texts) - set(by_doc)
    if missing:
        problems.append(f"selected articles without annotations: {sorted(missing)}")

    # One identity per actor name.
    identity: dict[str, tuple] = {}
    for r in rows:
        ident = (r["qid"], r["type"], r["country"], r["known"])
        if identity.setdefault(r["actor"], ident) != ident:
            problems.append(f"actor {r['actor']!r} has inconsistent qid/type/country/known")
    return problems, rows


def report(rows: list[dict]) -> None:
    print(f"articles: {len({r['doc_id'] for r in rows})}")
    print(f"mentions: {len(rows)}")
    print(f"actors:   {len({r['actor'] for r in rows})}")
    for label, key in (("via", "via"), ("type", "type"), ("known", "known")):
        counts = Counter(r[key] for r in rows)
        print(f"per {label}: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items(), key=str)))
    linked = sum(1 for r in rows if r["qid"])
    print(f"with qid: {linked}")
    print("per article:")
    for doc_id, n in sorted(Counter(r["doc_id"] for r in rows).items()):
        print(f"  {n:4d}  {doc_id}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--mentions", type=Path, default=DEFAULT_MENTIONS)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"source file not found: {args.source}", file=sys.stderr)
        return 1
    problems, rows = check(args.source, args.mentions)
    report(rows)
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
