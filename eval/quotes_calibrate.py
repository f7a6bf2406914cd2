"""The quote stage's calibration table: for each quote profile (its type, the confidence
the rules gave it, a report's cue list: ``dossier.quotes.post.profile``), the share of
quotes that are strictly right on PolNeAR train (the first ``--train`` articles) and
dev half A (half B is held out): the content at character Jaccard ≥ 0.5 with a gold
attribution's (one prediction per gold) and the speaker span overlapping its source
(a quote without a speaker is right only where the gold has no source either).
Profiles with fewer than ``--min`` quotes are left out (the coarser key, or the rules'
confidence, stands). Writes ``src/dossier/data/quote_calibration.toml`` with
``--write``; the rule ``quotes.post.calibrated`` reads it.

``--check`` prints the reliability table instead (the calibrated confidences as the
stage gives them): for each confidence bin, the quotes in it and the share strictly
right, on dev half A (tuned on) and half B (held out) side by side.

    python eval/quotes_calibrate.py [--train 200] [--min 20] [--write | --check]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

# the scripts beside this one
from quotes_polnear import JaccardScore, _overlap, _spans, analysed, split_rows

from dossier.quotes.post import profile
from dossier.records import Quote
from dossier.rules import switched_off

OUT = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data" / "quote_calibration.toml"
HEAD = '''# Confidence means precision (issue 20): the share of strictly right quotes of each
# profile (type.confidence[.cue list][.size]) on PolNeAR train and dev half A, written by
# eval/quotes_calibrate.py (right: content at character Jaccard >= 0.5 with a gold
# attribution's, speaker overlapping its source; no speaker is right only where the
# gold has no source). Read by quotes.post.calibrated, which lowers a quote's
# confidence to its profile's precision (the rules' caps stand).
'''


def judged(rows: list[dict]) -> Iterator[tuple[Quote, bool]]:
    """Each quote Dossier finds in the articles, and whether it is strictly right."""
    for row, _doc, preds in analysed(rows):
        gold = [(c, _spans(a.get("source", []))) for a in row.get("attributions", [])
                if (c := _spans(a.get("content", []))) is not None]
        spans = [((q.start, q.end), (q.speaker.phrase.start, q.speaker.phrase.end)
                  if q.speaker and q.speaker.phrase else (q.speaker.start, q.speaker.end)
                  if q.speaker else None) for q in preds]
        for q, (_, ps), m in zip(preds, spans, JaccardScore().add(spans, gold), strict=True):
            gs = gold[m][1] if m is not None else None
            yield q, m is not None and (gs is None if ps is None else (
                gs is not None and _overlap(gs, ps)))


def tally(rows: list[dict], counts: dict[str, list[int]]) -> None:
    """Add each quote's profile keys and whether it is strictly right to ``counts``."""
    for q, right in judged(rows):
        for key in dict.fromkeys(profile(q)):
            counts[key][0] += 1
            counts[key][1] += right


# The reliability table's bins (the default floor, 0.6, is an edge).
BINS = (0.0, 0.5, 0.6, 0.7, 0.85, 1.0)


def reliability(rows: list[dict]) -> list[tuple[int, int]]:
    """For each bin of :data:`BINS`, the quotes whose confidence is in it and how many
    of them are strictly right (the last bin holds 1.0)."""
    res = [(0, 0)] * (len(BINS) - 1)
    for q, right in judged(rows):
        b = next(k for k in range(len(res) - 1, -1, -1) if q.confidence >= BINS[k])
        res[b] = (res[b][0] + 1, res[b][1] + right)
    return res


def check(dev: list[dict]) -> str:
    """The reliability table on dev half A and half B, side by side."""
    a, b = reliability(dev[0::2]), reliability(dev[1::2])
    lines = ["confidence   | A: quotes  right | B: quotes  right",
             "-------------|------------------|------------------"]
    for k, ((na, ra), (nb, rb)) in enumerate(zip(a, b, strict=True)):
        cell = [f"{n:9d}  {r / n:5.3f}" if n else f"{n:9d}      -" for n, r in ((na, ra),
                                                                               (nb, rb))]
        lines.append(f"[{BINS[k]:.2f}, {BINS[k + 1]:.2f}{']' if k == len(a) - 1 else ')'}"
                     f" | {cell[0]}    | {cell[1]}")
    for name, part in (("shown (>= 0.6)", slice(2, None)), ("all", slice(None))):
        cell = []
        for side in (a, b):
            n, r = sum(x[0] for x in side[part]), sum(x[1] for x in side[part])
            cell.append(f"{n:9d}  {r / n:5.3f}" if n else f"{n:9d}      -")
        lines.append(f"{name:<13}| {cell[0]}    | {cell[1]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=int, default=200, help="first N train articles")
    ap.add_argument("--min", type=int, default=20, help="fewest quotes of a profile")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true",
                      help="print the reliability table on dev half A and B")
    args = ap.parse_args(argv)
    train, dev = split_rows("train"), split_rows("dev")
    if train is None or dev is None:
        return 2
    if args.check:
        print(check(dev))
        return 0
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with switched_off("quotes.post.calibrated", "quotes.post.page_calibrated"):  # rules' own
        tally(train[: args.train] + dev[0::2], counts)
    lines = [HEAD, "[precision]"]
    for key, (n, right) in sorted(counts.items()):
        if n >= args.min:
            lines.append(f'"{key}" = {right / n:.2f}  # {right} of {n}')
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
