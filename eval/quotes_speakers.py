"""Direct quotes and their speakers on held-apart news pages: Dossier against a hand-made
gold set (or, with ``--gold eval/data/speakers_tune.jsonl``, its tune twin on tuning pages).

The gold (``eval/data/speakers_heldout.jsonl``, see eval/data/README.md) marks every
direct quote (words in quotation marks someone said or wrote) in 25 Scrapinghub pages
whose file name starts with 8–f, the pages held apart from tuning. Each gold quote has
its span in the article text and its speaker's full name (or the organisation's, or ""
when the article names no one). The script runs the pipeline on those pages (as
``eval/audit.py`` does), checks that each article text is still the one annotated (its
SHA-1), and scores Dossier's direct and partial quote records:

- recall: a gold quote is found when one record covers at least 30% of its characters;
- precision: the share of the records on those articles that overlap some gold quote;
- speaker right, among the found quotes (overall, persons, organisations): the record
  that covers most of the gold quote names the gold speaker (case-insensitive, white
  space normalised; a gold "" wants a record without a speaker).

The same figures are given for the records the default views show (confidence at or
above the ``min_confidence`` setting's default and an act of speech). These pages are
held out: measure on them, never tune on them. ``--errors`` lists the misses, the wrong
speakers and the unmatched records for diagnosis of kinds, not for fixing single pages.

The tune twin (``eval/data/speakers_tune.jsonl``, made the same way on 25 pages whose
file name starts with 0–7) may be read, tuned on and run with ``--errors``; the script
takes its pages from the gold rows, so either file scores as it is.

    python eval/quotes_speakers.py [--gold PATH] [--errors] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from audit import PAGES, ROOT, records, shown
from report import report

GOLD = ROOT / "eval" / "data" / "speakers_heldout.jsonl"
TUNE = ROOT / "eval" / "data" / "speakers_tune.jsonl"  # the tune twin, pages 0–7
COVER = 0.3  # share of a gold quote's characters a record must cover to find it
TYPES = ("direct", "partial")
KINDS = ("person", "org", "unknown")


def load_gold(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for row in rows:
        for k in ("page", "article_id", "text_sha1", "quotes"):
            if k not in row:
                raise ValueError(f"{path}: a row lacks {k!r}: {str(row)[:80]}")
    return rows


def norm(name: str | None) -> str:
    """A name compared as the scoring reads it: case, white space and the apostrophe's
    form do not count."""
    return " ".join((name or "").replace("\u2019", "'").casefold().split())


def speaker_right(gold: dict[str, Any], record: dict[str, Any]) -> bool:
    """Whether the record names the gold speaker (or one of the ``also`` names of a
    joint statement); a gold "" is right only when the record has no speaker."""
    sp = record.get("speaker") or {}
    got = norm(sp.get("name"))
    return got in {norm(n) for n in [gold["speaker"], *gold.get("also", [])]}


PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "his", "her", "their"})


def cause(record: dict[str, Any]) -> str:
    """Why a wrong speaker is wrong, in counts a score may print without anyone reading
    the texts: no speaker, a pronoun or a phrase linked to no actor ("he", "the
    company"), or
    another actor (a known or local one)."""
    sp = record.get("speaker")
    if not sp:
        return "no_speaker"
    if not sp.get("actor_id"):
        words = (sp.get("name") or "").lower().split()
        pronoun = len(words) == 1 and words[0] in PRONOUNS
        return "unlinked_pronoun" if pronoun else "unlinked_phrase"
    return "other_local_actor" if sp["actor_id"].startswith("local:") else "other_known_actor"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def score(gold: list[dict[str, Any]], recs: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall, precision and speaker accuracy of the quote records ``recs`` against the
    gold rows; records of other articles and other quote types are ignored."""
    articles = {row["article_id"] for row in gold}
    pool: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        if r.get("kind") == "quote" and r.get("quote_type") in TYPES \
                and r["article_id"] in articles:
            pool.setdefault(r["article_id"], []).append(r)
    total, found, right = Counter(), Counter(), Counter()
    missed, wrong, spurious = [], [], []
    for row in gold:
        mine = pool.get(row["article_id"], [])
        spans = [(q["start"], q["end"]) for q in row["quotes"]]
        for q, span in zip(row["quotes"], spans, strict=True):
            kind = q["speaker_kind"]
            total[kind] += 1
            best = max(mine, key=lambda r: (_overlap(span, (r["start"], r["end"])), -r["start"]),
                       default=None)
            covered = _overlap(span, (best["start"], best["end"])) if best else 0
            where = {"page": row["page"], "article_id": row["article_id"], "start": span[0],
                     "end": span[1], "gold_speaker": q["speaker"], "speaker_kind": kind}
            if best is None or covered < COVER * (span[1] - span[0]):
                missed.append(where)
                continue
            found[kind] += 1
            if speaker_right(q, best):
                right[kind] += 1
            else:
                wrong.append(where | {"got": (best.get("speaker") or {}).get("name"),
                                      "record": [best["start"], best["end"]],
                                      "cause": cause(best)})
        for r in mine:
            if not any(_overlap((r["start"], r["end"]), s) for s in spans):
                spurious.append({"page": row["page"], "article_id": row["article_id"],
                                 "start": r["start"], "end": r["end"],
                                 "type": r["quote_type"],
                                 "speaker": (r.get("speaker") or {}).get("name")})
    n_gold, n_found = sum(total.values()), sum(found.values())
    n_recs = sum(len(v) for v in pool.values())
    res: dict[str, Any] = {
        "gold_quotes": n_gold, "found": n_found, "recall": _share(n_found, n_gold),
        "records": n_recs, "records_on_gold": n_recs - len(spurious),
        "precision": _share(n_recs - len(spurious), n_recs),
        "speaker_right": sum(right.values()),
        "speaker_right_of_found": _share(sum(right.values()), n_found),
        "by_kind": {k: {"gold": total[k], "found": found[k], "recall": _share(found[k], total[k]),
                        "speaker_right": right[k],
                        "speaker_right_of_found": _share(right[k], found[k])}
                    for k in KINDS},
    }
    res["wrong_by_cause"] = dict(Counter(w["cause"] for w in wrong))
    res["errors"] = {"missed": missed, "wrong_speaker": wrong, "unmatched_records": spurious}
    return res


def check_texts(gold: list[dict[str, Any]], texts: dict[str, str]) -> list[str]:
    """Problems that make the gold offsets meaningless: an article the pipeline no
    longer makes, or a text that changed since it was annotated."""
    problems = []
    for row in gold:
        text = texts.get(row["article_id"])
        if text is None:
            problems.append(f"{row['page']}: no article {row['article_id']} (the article "
                            "id changed: re-derive it and check the offsets by hand)")
        elif hashlib.sha1(text.encode("utf-8")).hexdigest() != row["text_sha1"]:
            problems.append(f"{row['page']}: article text changed since the gold was made "
                            "(SHA-1 differs): re-check the offsets before scoring")
    return problems


def _with_text(errors: dict[str, list[dict[str, Any]]], texts: dict[str, str]) -> None:
    for items in errors.values():
        for e in items:
            t = texts.get(e["article_id"], "")
            e["text"] = " ".join(t[e["start"]:e["end"]].split())[:200]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", action="store_true", help="list misses and wrong speakers")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    from dossier.settings import default_min_confidence

    gold = load_gold(args.gold)
    pages = [PAGES / row["page"] for row in gold]
    absent = [p for p in pages if not p.is_file()]
    if absent:
        print(f"{absent[0]}: page not found ({len(absent)} absent); the pages come from "
              "../shared/dev/news/scrapinghub_article_extraction_benchmark", file=sys.stderr)
        return 2
    recs, texts = records(pages)
    problems = check_texts(gold, texts)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    floor = default_min_confidence()
    res: dict[str, Any] = {"gold": args.gold.name, "articles": len(gold), "cover": COVER}
    res["all"] = score(gold, recs)
    res["default_view"] = score(gold, [r for r in recs if r.get("kind") == "quote"
                                       and shown(r, floor)])
    res["default_view"]["floor"] = floor
    for view in ("all", "default_view"):
        errors = res[view].pop("errors")
        if args.errors:
            _with_text(errors, texts)
            res[view]["errors"] = errors
    report(res, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
