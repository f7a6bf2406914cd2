"""Why a predicted quote is not strictly right on PolNeAR: an error listing by kind, for
tuning on the train split or dev half A only (half B is held out and refused).

Each predicted quote is put in one kind, as the strict score (eval/quotes_polnear.py,
one prediction per gold attribution at character Jaccard ≥ 0.5) sees it:

- ``right``: the content matches at Jaccard ≥ 0.5 and the speaker span overlaps the
  gold source (or both have none);
- ``speaker``: the content matches, the speaker does not;
- ``long-left`` / ``long-right`` / ``short-left`` / ``short-right`` / ``shifted``: the
  content overlaps a gold content but under Jaccard 0.5 (or that gold is taken by a
  better prediction); the kind says on which side most characters differ;
- ``none``: the content overlaps no gold content.

For each kind and quote type (direct, partial, indirect), the count and up to
``--examples`` examples: the gold content in ``<<…>>``, ours in ``[…]`` (for ``none``
ours only), with the cue lemma, the speaker phrase and the confidence.

    python eval/quotes_spans.py [--split train|dev] [--start 0] [--limit 100]
                                [--kind long-right] [--type indirect] [--examples 5]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

# the scripts beside this one
from quotes_misses import with_marks
from quotes_polnear import JaccardScore, _overlap, _spans, analysed, split_rows


def kind(p: tuple[int, int], g: tuple[int, int]) -> str:
    """Where a prediction ``p`` differs most from the gold ``g`` it overlaps."""
    sides = {"long-left": max(0, g[0] - p[0]), "long-right": max(0, p[1] - g[1]),
             "short-left": max(0, p[0] - g[0]), "short-right": max(0, g[1] - p[1])}
    worst = max(sides, key=lambda k: sides[k])
    if sum(sides.values()) and sides[worst] < 0.7 * sum(sides.values()):
        return "shifted"
    return worst


def _show(text: str, p: tuple[int, int], g: tuple[int, int] | None) -> str:
    lo, hi = min(p[0], g[0]) if g else p[0], max(p[1], g[1]) if g else p[1]
    lo, hi = max(0, lo - 60), min(len(text), hi + 60)
    marks = [(p[0], 1, "["), (p[1], 0, "]")]
    if g:
        marks += [(g[0], 2, "<<"), (g[1], -1, ">>")]
    return with_marks(text, marks, lo, hi)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["dev", "train"])
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--limit", type=int, default=100, help="articles (0: all)")
    ap.add_argument("--kind", help="show examples of this kind only")
    ap.add_argument("--type", help="show examples of this quote type only")
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument("--json", type=Path, help="write every row (kind, type, conf …)")
    args = ap.parse_args(argv)
    rows = split_rows(args.split)
    if rows is None:
        return 2
    if args.split == "dev":
        rows = rows[0::2]  # half A only: half B is held out
        print("dev: half A only (B is held out)", file=sys.stderr)
    rows = rows[args.start:][: args.limit or None]
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    dump = []
    for row, _doc, preds in analysed(rows):
        text = row["text"]
        gold = [(c, _spans(a.get("source", []))) for a in row.get("attributions", [])
                if (c := _spans(a.get("content", []))) is not None]
        spans = [((q.start, q.end), (q.speaker.phrase.start, q.speaker.phrase.end)
                  if q.speaker and q.speaker.phrase else
                  (q.speaker.start, q.speaker.end) if q.speaker else None) for q in preds]
        matched = JaccardScore().add(spans, gold)
        for q, (pc, ps), m in zip(preds, spans, matched, strict=True):
            g = None
            if m is not None:
                g = gold[m][0]
                gs = gold[m][1]
                ok = ps is None and gs is None or (
                    ps is not None and gs is not None and _overlap(ps, gs))
                k = "right" if ok else "speaker"
            else:
                ov = [gc for gc, _ in gold if _overlap(gc, pc)]
                if ov:
                    g = max(ov, key=lambda gc: min(gc[1], pc[1]) - max(gc[0], pc[0]))
                    k = kind(pc, g)
                else:
                    k = "none"
            counts[k, q.quote_type] += 1
            cue = q.cue.lemma if q.cue else "-"
            who = q.speaker.phrase.text if q.speaker and q.speaker.phrase else (
                q.speaker.name if q.speaker else "-")
            dump.append({"doc": row["doc_id"], "kind": k, "type": q.quote_type,
                         "cue": cue, "conf": q.confidence, "act": q.act})
            if (args.kind is None or k == args.kind) and (
                    args.type is None or q.quote_type == args.type):
                examples[k, q.quote_type].append(
                    f"{row['doc_id']} {cue} ({who}) {q.confidence}: {_show(text, pc, g)}")
    total = sum(counts.values())
    print(f"{total} predicted quotes")
    for (k, t), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"\n## {k} {t}: {n} ({n / total:.3f})")
        for ex in examples[k, t][: args.examples]:
            print("  -", ex[:700])
    if args.json:
        args.json.write_text(json.dumps(dump), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
