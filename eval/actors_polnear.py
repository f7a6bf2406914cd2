"""Mention-linking precision and recall on hand-annotated PolNeAR dev articles.

Gold: `eval/data/polnear_dev_mentions.jsonl` (offsets and identities only; the text
stays in ../shared, which has no licence for redistribution). Every actor mention
in the first ten primary-annotation articles of polnear_dev is marked with the
actor it refers to (see eval/data/README.md).

A predicted mention is correct when its span matches a gold span (exactly, or
overlapping for the "overlap" figures) and it resolves to the gold actor: the same
Wikidata QID or canonical name for actors the gold marks as known, a local
(unlinked) actor for those it marks as unknown. Precision counts every predicted
mention (the gold is exhaustive); recall counts every gold mention.

The reliability table bins the predicted mentions by their confidence and gives
each bin's measured precision (exact span, right actor; and, as coreference, a local
actor named as the gold's known person counts right too): a calibrated confidence c
is right about c of the time. ``trusted`` scores only the links at or above
``records.TRUSTED_LINK``.

    python eval/actors_polnear.py [--polnear FILE] [--half A|B] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from report import report  # the script beside this one

from dossier.analysis import analysers
from dossier.gazetteer import load_gazetteer, norm
from dossier.records import TRUSTED_LINK, Mention

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "data" / "polnear_dev_mentions.jsonl"
DEFAULT_SOURCE = ROOT.parent / "shared" / "dev" / "quotes" / "polnear_dev.jsonl"


def same_actor(pred: Mention, gold: dict) -> bool:
    if not gold["known"]:
        return pred.actor_id.startswith("local:")
    if pred.actor_id.startswith("local:"):
        return False
    if gold.get("qid") and pred.qid:
        return bool(pred.qid == gold["qid"])
    actor = load_gazetteer().actors.get(pred.actor_id)
    names = {norm(pred.actor_name)} | ({norm(a) for a in actor.aliases} if actor else set())
    return norm(gold["actor"]) in names


def same_entity(pred: Mention, gold: dict) -> bool:
    """Right as coreference: the gold actor, or a local actor bearing the full name of
    a known person the gazetteer lacks ("Caddell" → the local "Pat Caddell")."""
    return same_actor(pred, gold) or (pred.actor_id.startswith("local:") and gold["known"]
                                      and norm(pred.actor_name) == norm(gold["actor"]))


def score(pairs: list[tuple[Mention, dict | None]], n_gold: int) -> dict[str, float]:
    correct = sum(1 for p, g in pairs if g is not None and same_actor(p, g))
    p = correct / len(pairs) if pairs else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "predicted": len(pairs), "gold": n_gold, "correct": correct}


# upper edges of the reliability table's bins
BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def reliability(pairs: list[tuple[Mention, dict | None]]) -> list[dict[str, object]]:
    """Per confidence bin: its range, how many links, their mean confidence and the
    share that is right (as the F1 counts it, and as coreference: ``same_entity``)."""
    rows = []
    lo = 0.0
    for hi in BINS:
        inbin = [(p, g) for p, g in pairs
                 if lo <= p.confidence < hi or (hi == BINS[-1] and p.confidence == hi)]
        if inbin:
            right = sum(1 for p, g in inbin if g is not None and same_actor(p, g))
            entity = sum(1 for p, g in inbin if g is not None and same_entity(p, g))
            rows.append({"bin": f"[{lo:.1f}, {hi:.1f})", "count": len(inbin),
                         "mean_confidence": round(sum(p.confidence for p, _ in inbin)
                                                  / len(inbin), 3),
                         "precision": round(right / len(inbin), 3),
                         "precision_entity": round(entity / len(inbin), 3)})
        lo = hi
    return rows


def rows_order(path: Path) -> list[str]:
    """The doc ids of the file's primary-annotation articles, in order, each once."""
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("primary_annotation"):
            seen.setdefault(r["doc_id"], None)
    return list(seen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--half", choices=["A", "B"],
                    help="only the gold articles at even (A) or odd (B) places in the dev "
                    "file, the halves of quotes_polnear.py --half")
    args = ap.parse_args(argv)
    if not args.polnear.exists() or not args.gold.exists():
        print(f"need {args.polnear} and {args.gold}", file=sys.stderr)
        return 2
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        gold[g["doc_id"]].append(g)
    rows = {}
    for line in args.polnear.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["doc_id"] in gold and r.get("primary_annotation") and r["doc_id"] not in rows:
            rows[r["doc_id"]] = r
    if args.half:
        order = rows_order(args.polnear)
        keep = {d for d in gold if order.index(d) % 2 == (args.half == "B")}
        gold = defaultdict(list, {d: g for d, g in gold.items() if d in keep})
    an = analysers()
    exact: list[tuple[Mention, dict | None]] = []
    overlap: list[tuple[Mention, dict | None]] = []
    by_via: dict[str, list[tuple[Mention, dict | None]]] = defaultdict(list)
    gold_via: Counter[str] = Counter()
    gold_type: Counter[str] = Counter()
    errors = []
    n_gold = 0
    for doc_id, golds in gold.items():
        row = rows[doc_id]
        published = date.fromisoformat(row["publication_date"][:10])
        preds = an.read(row["text"], source=doc_id, article_id=doc_id,
                        published=published).mentions
        n_gold += len(golds)
        gold_via.update(g["via"] for g in golds)
        gold_type.update(g["type"] for g in golds)
        spans = {(g["start"], g["end"]): g for g in golds}
        for p in preds:
            g = spans.get((p.start, p.end))
            exact.append((p, g))
            o = g or next((x for x in golds if x["start"] < p.end and p.start < x["end"]), None)
            overlap.append((p, o))
            if g is not None:
                by_via[g["via"]].append((p, g))
            if (g is None or not same_actor(p, g)) and len(errors) < args.show_errors:
                errors.append((doc_id, p.text, p.via, p.actor_name,
                               g["actor"] if g else "—"))
    res = {
        "articles": len(gold), "gold_mentions": n_gold,
        "exact": score(exact, n_gold), "overlap": score(overlap, n_gold),
        "trusted": {**score([x for x in exact if x[0].confidence >= TRUSTED_LINK], n_gold),
                    "threshold": TRUSTED_LINK},
        "reliability": reliability(exact),
        "precision_by_confidence": {
            str(c): {"precision": round(sum(1 for p, g in exact if p.confidence == c and g
                                            and same_actor(p, g)) / n, 3), "predicted": n}
            for c, n in sorted(Counter(p.confidence for p, _ in exact).items())},
        "recall_by_gold_via": {
            v: round(sum(1 for p, g in by_via[v] if g and same_actor(p, g)) / n, 3)
            for v, n in gold_via.items()},
        "recall_by_gold_type": {
            t: round(sum(1 for p, g in exact if g and g["type"] == t and same_actor(p, g))
                     / n, 3)
            for t, n in sorted(gold_type.items())},
        "precision_by_predicted_via": {
            v: {"precision": round(sum(1 for p, g in exact if p.via == v and g
                                       and same_actor(p, g)) / n, 3), "predicted": n}
            for v, n in sorted(Counter(p.via for p, _ in exact).items())},
    }
    report(res, args.json)
    for e in errors:
        print("ERR", *e, sep=" | ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
