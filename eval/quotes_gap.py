"""Where the quote recall on PolNeAR is lost: the gold attributions by their cue.

For each primary-annotation article of a PolNeAR split, every gold attribution with
content is put in one of two groups by the lemmas of its cue words:

- known: a cue word is in one of the cue lists of ``dossier/data/quote_cues.toml``
  (speech, belief, intent, object, prepositional, noun and adjective cues), or the
  attribution has no cue, a colon, or "according to";
- other: a cue the data file does not know ("appear", "seem", "sing", "unleash",
  "go after", "put it" …).

For each group: its share of the gold attributions and Dossier's recall in it (a
gold attribution is found when a predicted quote's content overlaps its content, as
``eval/quotes_polnear.py`` counts "matched" recall). Then the recall of the whole
split if every known-cue attribution were found and the others as now; the number
of distinct cue lemmas among the missed attributions and how many of them occur
once in the split; and the in-group recall the source goal would need.

Tune on train/dev only. The corpus text is read from ../shared at run time.

    python eval/quotes_gap.py [--split dev] [--limit 0] [--top 25] [--json OUT]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from quotes_polnear import _spans, _tokens, analysed, split_rows
from report import report

from dossier.data import load_toml

# the cue lists of quote_cues.toml whose words are cues (the others are markers,
# phrases and negation lists)
CUE_LISTS = ("verbs", "clausal_verbs", "intent_verbs", "object_verbs", "nouns",
             "adjectives", "question_verbs", "as_verbs", "name_object_verbs",
             "complement_object_verbs", "reporting_verbs", "addressee_verbs")


def known_cues() -> frozenset[str]:
    d = load_toml("quote_cues.toml")
    words = {w for k in CUE_LISTS for w in d[k]}
    return frozenset(words | set(d["prep_verbs"]) | set(d["object_heads"]))


def cue_lemma(doc, cue: list[dict]) -> str:  # type: ignore[no-untyped-def]
    """The gold cue's lemmas ("say", "call for", ":"), or "" for none."""
    return " ".join(t.lemma_.lower() for a, b in _tokens(doc, cue) for t in doc[a:b]
                    if not t.is_punct or t.text == ":")


def needed_recall(goal: float, precision: float, ratio: float, known: float,
                  other_found: float) -> float:
    """Recall the known-cue group needs for source F1 ``goal`` at source ``precision``,
    when source recall is ``ratio`` times content recall and the other group keeps
    ``other_found`` (its share times its recall) of the split."""
    if 2 * precision <= goal:
        return float("inf")
    source_recall = goal * precision / (2 * precision - goal)
    return (source_recall / ratio - other_found) / known


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--top", type=int, default=25, help="missed cue lemmas to list")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    rows = split_rows(args.split)
    if rows is None:
        return 2
    rows = rows[: args.limit or None]
    known = known_cues()
    found = Counter()  # (group, found?) -> attributions
    missed, lemmas = Counter(), Counter()
    for row, doc, preds in analysed(rows):
        for a in row.get("attributions", []):
            content = _spans(a.get("content", []))
            if content is None:
                continue
            lem = cue_lemma(doc, a.get("cue", []))
            group = "known" if (not lem or lem in (":", "accord to")
                                or any(w in known for w in lem.split())) else "other"
            hit = any(q.start < content[1] and content[0] < q.end for q in preds)
            found[(group, hit)] += 1
            lemmas[lem or "(none)"] += 1
            if not hit:
                missed[lem or "(none)"] += 1
    total = sum(found.values())
    groups = {}
    for g in ("known", "other"):
        n = found[(g, True)] + found[(g, False)]
        groups[g] = {"attributions": n, "share": round(n / total, 3),
                     "recall": round(found[(g, True)] / n, 3) if n else 0.0}
    other_found = found[("other", True)] / total
    res = {
        "split": args.split, "articles": len(rows), "gold_attributions": total,
        "recall": round((found[("known", True)] + found[("other", True)]) / total, 3),
        "groups": groups,
        "recall_if_every_known_cue_found": round(groups["known"]["share"] + other_found, 3),
        "missed": sum(missed.values()),
        "missed_distinct_cue_lemmas": len(missed),
        "missed_cue_lemmas_seen_once_in_split": sum(1 for k in missed if lemmas[k] == 1),
        "top_missed_cues": missed.most_common(args.top),
    }
    # the known group's recall source F1 0.85 would need, at two source precisions,
    # with source recall at 0.96 of content recall (eval/quotes_polnear.py, dev)
    res["known_recall_needed_for_source_f1_0.85"] = {
        str(p): round(needed_recall(0.85, p, 0.96, groups["known"]["share"], other_found), 3)
        for p in (0.891, 0.95, 1.0)}
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
