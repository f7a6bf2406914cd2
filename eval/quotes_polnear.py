"""Quote attribution on PolNeAR (Newell, Margolin & Ruths, LREC 2018), scored as Citron.

For each primary-annotation article of polnear_dev.jsonl (84), Dossier's quotes
(direct, partial and indirect) are compared with the gold attributions:

- content: a predicted quote matches a gold content span exactly, or by overlap;
  precision over predicted quotes, recall over gold attributions;
- source: a predicted quote whose content matches a gold attribution and whose
  speaker span matches that attribution's source span (exactly / by overlap);
  precision over predicted quotes with a speaker, recall over gold attributions
  with a source.

These two "matched" scores are stricter than Citron's own, which the output's
``citron`` block reproduces (Newell et al.'s citron/metrics.py, re-implemented):

- exact: a predicted quote counts when some gold attribution's cue overlaps its
  cue and its list of source (content) spans equals that attribution's exactly,
  token for token; precision over all predicted quotes, recall over all gold ones;
- overlap: token overlap between predicted and gold source (content) spans,
  summed over every predicted x gold pair, divided by the predicted tokens
  (precision) and the gold tokens (recall). Citron sums over pairs, so a token
  shared by two gold attributions counts twice; ``citron_once`` counts each
  token once (a predicted token inside any gold span of that kind, and back).

The predicted source span is the speaker's ``phrase`` (the whole noun phrase the
attribution names: "Ryan, a policy-focused conservative,", as PolNeAR marks its
sources) by default; ``--source-span mention`` scores the mention instead ("Ryan").
The output's ``other_source_span`` block gives the source scores of the other one.

Tune on train/dev only. The corpus text is read from ../shared at run time.

The strict score (issue 20): one predicted content per gold attribution, matched
when their character Jaccard is ≥ 0.5 (``content_jaccard``), and at that match the
source (``source_overlap_at_jaccard``: speaker span overlapping the gold source;
``source_jaccard``: at Jaccard ≥ 0.5 too). ``calibration``: confidence bins, the
quotes in each and the share that are right (content overlapping a gold
attribution's, and the speaker its source; ``strict_right``: the same at the strict
match).

    python eval/quotes_polnear.py [--split dev] [--half A|B] [--source-span phrase|mention]
                                  [--acts all|speech] [--min-confidence C] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from report import report  # the script beside this one

from dossier.analysis import analysers
from dossier.quotes.extract import extract_quotes
from dossier.records import Quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "dev" / "quotes"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _spans(parts: list[dict]) -> tuple[int, int] | None:
    if not parts:
        return None
    return min(p["start"] for p in parts), max(p["end"] for p in parts)


def _tokens(doc, spans: list[dict]) -> list[tuple[int, int]]:
    """Character spans -> token spans (start, end), sorted, as Citron compares them."""
    out = []
    for sp in spans:
        span = doc.char_span(sp["start"], sp["end"], alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return sorted(out)


def _tok_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class CitronScore:
    """Citron's exact and token-overlap scores for sources and contents."""

    PARTS = ("source", "content")

    def __init__(self) -> None:
        self.exact = {p: [0, 0, 0] for p in self.PARTS}  # tp, fp, fn
        self.pairs = {p: [0, 0, 0] for p in self.PARTS}  # overlap, predicted, gold
        self.once = {p: [0, 0] for p in self.PARTS}  # predicted-in-gold, gold-in-pred

    def add(self, pred: list[dict], gold: list[dict]) -> None:
        """pred, gold: dicts of token span lists under "cue", "source", "content"."""
        def cue_hit(p: dict, g: dict) -> bool:
            return any(_tok_overlap(a, b) for a in p["cue"] for b in g["cue"])

        for part in self.PARTS:
            ex = self.exact[part]
            for p in pred:
                ex[0 if any(cue_hit(p, g) and p[part] == g[part] for g in gold) else 1] += 1
            ex[2] += sum(1 for g in gold
                         if not any(cue_hit(p, g) and p[part] == g[part] for p in pred))
            pairs = self.pairs[part]
            pairs[0] += sum(_tok_overlap(a, b) for p in pred for g in gold
                            for a in p[part] for b in g[part])
            pairs[1] += sum(b - a for p in pred for a, b in p[part])
            pairs[2] += sum(b - a for g in gold for a, b in g[part])
            gold_toks = {i for g in gold for a, b in g[part] for i in range(a, b)}
            pred_toks = {i for p in pred for a, b in p[part] for i in range(a, b)}
            once = self.once[part]
            once[0] += sum(1 for p in pred for a, b in p[part] for i in range(a, b)
                           if i in gold_toks)
            once[1] += sum(1 for g in gold for a, b in g[part] for i in range(a, b)
                           if i in pred_toks)

    def result(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for part in self.PARTS:
            tp, fp, fn = self.exact[part]
            ov, n_p, n_g = self.pairs[part]
            in_g, in_p = self.once[part]
            out[f"{part}_exact"] = prf(tp, tp + fp, tp, tp + fn)
            out[f"{part}_overlap"] = prf(ov, n_p, ov, n_g)
            out[f"{part}_overlap_once"] = prf(in_g, n_p, in_p, n_g)
        return out


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


# The strict match: a predicted content covers a gold one with character Jaccard at
# least this (one predicted quote per gold attribution, one gold per prediction).
JACCARD = 0.5


class JaccardScore:
    """One predicted content per gold attribution, matched (greedily, best pair
    first) when their character Jaccard is at least :data:`JACCARD`; a matched pair's
    source counts when the predicted speaker span overlaps the gold source
    (``source_overlap``) or covers it at Jaccard ≥ 0.5 too (``source_jaccard``)."""

    def __init__(self) -> None:
        self.n = {"pred": 0, "pred_src": 0, "gold": 0, "gold_src": 0, "content": 0,
                  "src_ov_p": 0, "src_ov_g": 0, "src_j_p": 0, "src_j_g": 0}

    def add(self, preds: list, gold: list) -> list[int | None]:  # type: ignore[type-arg]
        """preds, gold: ((start, end), source span or None); returns for each
        prediction the index of the gold attribution it matched, or None."""
        n = self.n
        n["pred"] += len(preds)
        n["pred_src"] += sum(1 for _, s in preds if s is not None)
        n["gold"] += len(gold)
        n["gold_src"] += sum(1 for _, s in gold if s is not None)
        pairs = sorted(((_jaccard(p[0], g[0]), i, j) for i, p in enumerate(preds)
                        for j, g in enumerate(gold) if _overlap(p[0], g[0])), reverse=True)
        used_p: dict[int, int] = {}
        used_g: set[int] = set()
        for jac, i, j in pairs:
            if jac < JACCARD:
                break
            if i in used_p or j in used_g:
                continue
            used_p[i] = j
            used_g.add(j)
            n["content"] += 1
            ps, gs = preds[i][1], gold[j][1]
            if ps is not None and gs is not None:
                ov = _overlap(ps, gs)
                jac_s = _jaccard(ps, gs) >= JACCARD
                n["src_ov_p"] += ov
                n["src_ov_g"] += ov
                n["src_j_p"] += jac_s
                n["src_j_g"] += jac_s
        return [used_p.get(i) for i in range(len(preds))]

    def result(self) -> dict[str, dict]:
        n = self.n
        return {
            "content_jaccard": prf(n["content"], n["pred"], n["content"], n["gold"]),
            "source_overlap_at_jaccard": prf(n["src_ov_p"], n["pred_src"], n["src_ov_g"],
                                             n["gold_src"]),
            "source_jaccard": prf(n["src_j_p"], n["pred_src"], n["src_j_g"], n["gold_src"]),
        }


class Calibration:
    """Confidence bins: how many predicted quotes, and the share that are right: their
    content overlaps a gold attribution's (``content``) and, when they have a speaker,
    their speaker span overlaps that attribution's source (``record``)."""

    EDGES = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)

    def __init__(self) -> None:
        self.bins = {b: [0, 0, 0, 0] for b in range(len(self.EDGES) - 1)}

    def add(self, confs: list[float], preds: list, gold: list,  # type: ignore[type-arg]
            strict: list[int | None]) -> None:
        for c, (pc, ps), m in zip(confs, preds, strict, strict=True):
            b = next(k for k in self.bins if self.EDGES[k] <= c < self.EDGES[k + 1])
            ov = [g for g in gold if _overlap(g[0], pc)]
            row = self.bins[b]
            row[0] += 1
            row[1] += bool(ov)
            row[2] += bool(ov) and (ps is None or any(
                gs is not None and _overlap(gs, ps) for _, gs in ov))
            row[3] += m is not None and (ps is None or (
                gold[m][1] is not None and _overlap(gold[m][1], ps)))

    def result(self) -> list[dict]:
        return [{"confidence": f"[{self.EDGES[b]:.1f}, {min(self.EDGES[b + 1], 1.0):.1f})",
                 "quotes": n, "content_right": round(c / n, 3) if n else None,
                 "record_right": round(r / n, 3) if n else None,
                 "strict_right": round(j / n, 3) if n else None}
                for b, (n, c, r, j) in self.bins.items() if n]


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


class _Score:
    """Our "matched" scores and Citron's, with the speaker's phrase or its mention as
    the predicted source span."""

    def __init__(self, source_span: str) -> None:
        self.source_span = source_span
        self.citron = CitronScore()
        self.jaccard = JaccardScore()
        self.calibration = Calibration()
        self.counts = {k: 0 for k in ("pred", "pred_src", "gold", "gold_src")}
        self.hits = {k: 0 for k in ("c_ex_p", "c_ex_g", "c_ov_p", "c_ov_g", "s_ex_p",
                                    "s_ex_g", "s_ov_p", "s_ov_g")}

    def source(self, q) -> dict | None:  # type: ignore[no-untyped-def]
        if q.speaker is None:
            return None
        if self.source_span == "phrase" and q.speaker.phrase:
            return q.speaker.phrase.to_dict()
        return q.speaker.to_dict()

    def add(self, doc, preds, gold, gold_tok) -> None:  # type: ignore[no-untyped-def]
        counts = self.counts
        counts["pred"] += len(preds)
        counts["gold"] += len(gold)
        counts["gold_src"] += sum(1 for _, s in gold if s)
        self.citron.add([{"cue": _tokens(doc, [q.cue.to_dict()] if q.cue else []),
                          "source": _tokens(doc, [self.source(q)] if q.speaker else []),
                          "content": _tokens(doc, [{"start": q.start, "end": q.end}])}
                         for q in preds], gold_tok)
        pred_spans = []
        for q in preds:
            sp = self.source(q)
            qs = (sp["start"], sp["end"]) if sp is not None else None
            counts["pred_src"] += qs is not None
            pred_spans.append(((q.start, q.end), qs))
        strict = self.jaccard.add(pred_spans, gold)
        self.calibration.add([q.confidence for q in preds], pred_spans, gold, strict)
        self._match(pred_spans, gold, "p")  # precision: predictions found in the gold
        self._match(gold, pred_spans, "g")  # recall: gold found among the predictions

    def _match(self, side: list, other: list, key: str) -> None:
        """Count the (content, source) spans of ``side`` whose content ``other`` has
        exactly or overlapping, and whose source it has with that content."""
        hits = self.hits
        for c, s in side:
            ex = [o for o in other if o[0] == c]
            ov = [o for o in other if _overlap(o[0], c)]
            hits[f"c_ex_{key}"] += bool(ex)
            hits[f"c_ov_{key}"] += bool(ov)
            if s is not None:
                hits[f"s_ex_{key}"] += any(o is not None and o == s for _, o in ex)
                hits[f"s_ov_{key}"] += any(o is not None and _overlap(o, s) for _, o in ov)

    def result(self) -> dict:
        counts, hits = self.counts, self.hits
        return {
            "source_span": self.source_span,
            "gold_attributions": counts["gold"],
            "predicted_quotes": counts["pred"],
            "content_exact": prf(hits["c_ex_p"], counts["pred"], hits["c_ex_g"],
                                 counts["gold"]),
            "content_overlap": prf(hits["c_ov_p"], counts["pred"], hits["c_ov_g"],
                                   counts["gold"]),
            "source_exact": prf(hits["s_ex_p"], counts["pred_src"], hits["s_ex_g"],
                                counts["gold_src"]),
            "source_overlap": prf(hits["s_ov_p"], counts["pred_src"], hits["s_ov_g"],
                                  counts["gold_src"]),
            **self.jaccard.result(),
            "citron": self.citron.result(),
            "calibration": self.calibration.result(),
        }


def analysed(rows: list[dict]) -> Iterator[tuple[dict, Any, list[Quote]]]:
    """Each article with its parsed doc and Dossier's quotes, its actors linked as the
    pipeline links them (also used by quotes_gap.py and quotes_misses.py)."""
    an = analysers()
    for row in rows:
        parsed = an.read(row["text"], source=row["doc_id"], article_id=row["doc_id"],
                         published=date.fromisoformat(row["publication_date"][:10]))
        yield row, parsed.doc, extract_quotes(parsed, an.geo)


def primary_rows(path: Path) -> list[dict]:
    """The articles of a PolNeAR split, each once, with its primary annotation."""
    rows, seen = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("primary_annotation") and r["doc_id"] not in seen:
            seen.add(r["doc_id"])
            rows.append(r)
    return rows


def split_rows(split: str) -> list[dict] | None:
    """:func:`primary_rows` of the PolNeAR ``split`` ("dev", "train") in ../shared, or
    None, said on standard error, when the file is not there."""
    path = SHARED / f"polnear_{split}.jsonl"
    if not path.exists():
        print(f"{path}: not found", file=sys.stderr)
        return None
    return primary_rows(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--half", choices=["A", "B"],
                    help="A: articles 0, 2, 4 … of the file; B: articles 1, 3, 5 …")
    ap.add_argument("--source-span", choices=["phrase", "mention"], default="phrase",
                    help="the speaker span scored as the source: its whole noun phrase "
                    "(default) or the mention that attributes")
    ap.add_argument("--acts", choices=["all", "speech"], default="all",
                    help="score every quote (PolNeAR marks beliefs as attributions too) "
                    "or speech acts only")
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="score only quotes with at least this confidence")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    rows = split_rows(args.split)
    if rows is None:
        return 2
    if args.half:
        rows = rows[args.half == "B" :: 2]
    if args.limit:
        rows = rows[: args.limit]
    modes = [args.source_span, "mention" if args.source_span == "phrase" else "phrase"]
    scores = {m: _Score(m) for m in modes}
    for row, doc, preds in analysed(rows):
        preds = [q for q in preds if q.confidence >= args.min_confidence
                 and (args.acts == "all" or q.act == "speech")]
        gold = []
        for a in row.get("attributions", []):
            c = _spans(a.get("content", []))
            if c is not None:
                gold.append((c, _spans(a.get("source", []))))
        gold_tok = [{k: _tokens(doc, a.get(k, [])) for k in ("cue", "source", "content")}
                    for a in row.get("attributions", []) if a.get("content")]
        for sc in scores.values():
            sc.add(doc, preds, gold, gold_tok)
    res = {"split": args.split, "half": args.half, "acts": args.acts,
           "min_confidence": args.min_confidence, "articles": len(rows),
           **scores[modes[0]].result()}
    other = scores[modes[1]].result()
    res["other_source_span"] = {
        "source_span": modes[1], "source_exact": other["source_exact"],
        "source_overlap": other["source_overlap"],
        "citron": {k: v for k, v in other["citron"].items() if k.startswith("source")}}
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
