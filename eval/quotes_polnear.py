"""Quote attribution on PolNeAR (Newell, Margolin & Ruths, LREC 2018), scored as Citron.

For each primary-annotation article of polnear_dev.jsonl (84), Dossier's quotes
(direct, partial and indirect) are compared with the gold attributions:

- content: a predicted quote matches a gold content span exactly, or by overlap;
  precision over predicted quotes, recall over gold attributions;
- source: a predicted quote whose content matches a gold attribution and whose
  speaker span matches that attribution's source span (exactly / by overlap);
  precision over predicted quotes with a speaker, recall over gold attributions
  with a source.

Tune on train/dev only. The corpus text is read from ../shared at run time.

    python eval/quotes_polnear.py [--split dev] [--half A|B] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from dossier.actors.link import linker_for
from dossier.quotes.extract import extract_quotes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "dev" / "quotes"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _spans(parts: list[dict]) -> tuple[int, int] | None:
    if not parts:
        return None
    return min(p["start"] for p in parts), max(p["end"] for p in parts)


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--half", choices=["A", "B"],
                    help="A: articles 0, 2, 4 … of the file; B: articles 1, 3, 5 …")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    path = SHARED / f"polnear_{args.split}.jsonl"
    if not path.exists():
        print(f"{path}: not found", file=sys.stderr)
        return 2
    rows, seen = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("primary_annotation") and r["doc_id"] not in seen:
            seen.add(r["doc_id"])
            rows.append(r)
    if args.half:
        rows = rows[args.half == "B" :: 2]
    if args.limit:
        rows = rows[: args.limit]
    linker = linker_for(None)
    counts = {k: 0 for k in ("pred", "pred_src", "gold", "gold_src")}
    hits = {k: 0 for k in ("c_ex_p", "c_ex_g", "c_ov_p", "c_ov_g", "s_ex_p", "s_ex_g",
                           "s_ov_p", "s_ov_g")}
    for row in rows:
        gold = []
        for a in row.get("attributions", []):
            c = _spans(a.get("content", []))
            if c is not None:
                gold.append((c, _spans(a.get("source", []))))
        doc = linker.nlp(row["text"])
        published = date.fromisoformat(row["publication_date"][:10])
        mentions = linker.link(doc, source=row["doc_id"], article_id=row["doc_id"],
                               published=published)
        preds = extract_quotes(doc, mentions, source=row["doc_id"], article_id=row["doc_id"])
        counts["pred"] += len(preds)
        counts["gold"] += len(gold)
        counts["gold_src"] += sum(1 for _, s in gold if s)
        pred_spans = []
        for q in preds:
            qc = (q.start, q.end)
            qs = (q.speaker["start"], q.speaker["end"]) if q.speaker else None
            counts["pred_src"] += qs is not None
            pred_spans.append((qc, qs))
            ex = [g for g in gold if g[0] == qc]
            ov = [g for g in gold if _overlap(g[0], qc)]
            hits["c_ex_p"] += bool(ex)
            hits["c_ov_p"] += bool(ov)
            if qs is not None:
                hits["s_ex_p"] += any(s is not None and s == qs for _, s in ex)
                hits["s_ov_p"] += any(s is not None and _overlap(s, qs) for _, s in ov)
        for gc, gs in gold:
            ex = [p for p in pred_spans if p[0] == gc]
            ov = [p for p in pred_spans if _overlap(p[0], gc)]
            hits["c_ex_g"] += bool(ex)
            hits["c_ov_g"] += bool(ov)
            if gs is not None:
                hits["s_ex_g"] += any(s is not None and s == gs for _, s in ex)
                hits["s_ov_g"] += any(s is not None and _overlap(s, gs) for _, s in ov)
    res = {
        "split": args.split, "half": args.half, "articles": len(rows),
        "gold_attributions": counts["gold"],
        "predicted_quotes": counts["pred"],
        "content_exact": prf(hits["c_ex_p"], counts["pred"], hits["c_ex_g"], counts["gold"]),
        "content_overlap": prf(hits["c_ov_p"], counts["pred"], hits["c_ov_g"], counts["gold"]),
        "source_exact": prf(hits["s_ex_p"], counts["pred_src"], hits["s_ex_g"],
                            counts["gold_src"]),
        "source_overlap": prf(hits["s_ov_p"], counts["pred_src"], hits["s_ov_g"],
                              counts["gold_src"]),
    }
    print(json.dumps(res, indent=2))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
