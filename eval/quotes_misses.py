"""Where quote extraction misses PolNeAR attributions, and where it finds ones PolNeAR
did not mark: an error listing for tuning, on the train split only.

For the primary-annotation train articles (optionally a slice of them):

- misses: gold attributions whose content overlaps no predicted quote, grouped by
  the lemma of the gold cue ("say", "call for", "accord to", ":");
- false positives: predicted quotes whose content overlaps no gold content, grouped
  by our cue's lemma (or ``direct``/``colon``… when the quote has no cue);
- short (``--short``): gold attributions we found, but whose content our quote
  covers less than half of (a report cut after its first clause), by gold cue;
- sources (``--sources``): gold attributions with a source whose content we found,
  but none of whose overlapping quotes has a speaker phrase overlapping the gold
  source (no speaker, or another one), by gold cue, with our phrases.

Each group shows its count over all gold attributions (or predictions) with that
cue and up to ``--examples`` examples: the sentence, with [[source]] {{cue}}
<<content>> marked for a miss and the predicted quote's text for a false positive.

    python eval/quotes_misses.py [--start 0] [--limit 120] [--examples 3]
                                 [--only LEMMA] [--short] [--sources] [--min 2]

Dev is held out: this script reads train only.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

# the scripts beside this one
from quotes_gap import cue_lemma
from quotes_polnear import _spans, _tok_overlap, analysed, primary_rows

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "dev" / "quotes" / "polnear_train.jsonl"


def _marked(text: str, a: dict, lo: int, hi: int) -> str:
    """The text from lo to hi with the attribution's parts marked."""
    marks = []
    for key, (o, c) in (("source", ("[[", "]]")), ("cue", ("{{", "}}")),
                        ("content", ("<<", ">>"))):
        for p in a.get(key, []):
            if lo <= p["start"] and p["end"] <= hi:
                marks += [(p["start"], 1, o), (p["end"], 0, c)]
    return with_marks(text, marks, lo, hi)


def with_marks(text: str, marks: list[tuple[int, int, str]], lo: int, hi: int) -> str:
    """The text from lo to hi with each mark (offset, order, string) put in, on one
    line."""
    out, pos = [], lo
    for k, _, m in sorted(marks):
        out += [text[pos:k], m]
        pos = k
    out.append(text[pos:hi])
    return " ".join("".join(out).split())


def _rows(start: int, limit: int) -> list[dict]:
    rows = primary_rows(TRAIN)
    return rows[start : start + limit] if limit else rows[start:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--start", type=int, default=0, help="first train article")
    ap.add_argument("--limit", type=int, default=120, help="articles (0: all)")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--only", help="show only this gold/predicted cue lemma")
    ap.add_argument("--short", action="store_true",
                    help="also list gold contents covered less than half")
    ap.add_argument("--sources", action="store_true",
                    help="also list gold sources we missed where we found the content")
    ap.add_argument("--min", type=int, default=2, help="smallest group shown")
    args = ap.parse_args(argv)
    miss: dict[str, list[str]] = defaultdict(list)
    short: dict[str, list[str]] = defaultdict(list)
    wrong_source: dict[str, list[str]] = defaultdict(list)
    gold_all: Counter[str] = Counter()
    fp: dict[str, list[str]] = defaultdict(list)
    pred_all: Counter[str] = Counter()
    for row, doc, preds in analysed(_rows(args.start, args.limit)):
        text = row["text"]
        gold = [(a, c) for a in row.get("attributions", [])
                if (c := _spans(a.get("content", []))) is not None]
        for a, c in gold:
            lem = cue_lemma(doc, a.get("cue", [])) or "-"
            gold_all[lem] += 1
            lo = text.rfind("\n", 0, min(c[0], *(p["start"] for p in a.get("cue", []) or
                                                 [{"start": c[0]}]))) + 1
            hi = text.find("\n", c[1])
            hi = len(text) if hi < 0 else hi
            ov = [p for p in preds if _tok_overlap((p.start, p.end), c)]
            if not ov:
                miss[lem].append(f"{row['doc_id']}: {_marked(text, a, lo, hi)[:400]}")
                continue
            src = _spans(a.get("source", []))
            phrases = [p.speaker.phrase if p.speaker else None for p in ov]
            if args.sources and src is not None and not any(
                    ph and _tok_overlap((ph.start, ph.end), src) for ph in phrases):
                ours = [ph.text if ph else None for ph in phrases]
                wrong_source[lem].append(f"{row['doc_id']}: {_marked(text, a, lo, hi)[:400]}"
                                         f"\n        ours: {ours[:3]!r}")
            if args.short and max(_tok_overlap((p.start, p.end), c) for p in ov) < (
                    c[1] - c[0]) / 2:
                best = max(ov, key=lambda p: _tok_overlap((p.start, p.end), c))
                short[lem].append(f"{row['doc_id']}: {_marked(text, a, lo, hi)[:400]}"
                                  f"\n        ours: {best.text[:200]!r}")
        for p in preds:
            lem = p.cue.lemma if p.cue else p.quote_type
            pred_all[lem] += 1
            if not any(_tok_overlap((p.start, p.end), c) for _, c in gold):
                who = p.speaker.phrase if p.speaker and p.speaker.phrase else None
                fp[lem].append(f"{row['doc_id']}: [[{who.text if who else '-'}]] "
                               f"{{{{{p.cue.text if p.cue else '-'}}}}} "
                               f"<<{' '.join(p.text.split())[:200]}>>")

    def show(title: str, groups: dict[str, list[str]], total: Counter[str]) -> None:
        n = sum(len(v) for v in groups.values())
        print(f"\n## {title}: {n} of {sum(total.values())}")
        for lem, ex in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if args.only and lem != args.only or len(ex) < args.min and not args.only:
                continue
            print(f"\n{lem!r}: {len(ex)}/{total[lem]}")
            for e in ex[: args.examples]:
                print(f"    {e}")

    show("gold attributions with no overlapping prediction (by gold cue)", miss, gold_all)
    if args.short:
        show("gold contents covered less than half (by gold cue)", short, gold_all)
    if args.sources:
        show("gold sources missed where the content was found (by gold cue)", wrong_source,
             gold_all)
    show("predicted quotes with no overlapping gold (by our cue)", fp, pred_all)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
