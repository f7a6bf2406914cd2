"""Does a rule help on pages nobody tuned on? A blind hand audit of what one rule changes.

``eval/ablate.py`` counts the records a named rule changes on the held-apart pages, but
a count cannot say whether the change is right. ``sheet`` runs the pipeline on the
pages twice, with the rule on and switched off, and writes the records of one kind
that only one of the two runs makes (a link, speaker or dyad the rule changes shows
twice: its two versions) into an ordinary audit sheet (``eval/audit.py``'s columns),
rows shuffled so a marker cannot tell the versions apart, and which row is which into
``SHEET.key.json`` beside it. A blind marker marks the sheet by
``eval/audits/MARKING.md`` without seeing the key; ``count`` then adds up the marks of
each version: a rule earns on held-apart pages when its "on" rows are right more
often than its "off" rows. Only counts are printed, so the lead (who never reads a
held-apart record) can decide.

    python eval/rule_audit.py sheet actors.names.place_before_person --pages held-apart \\
        --kind mention --out eval/audits/2026-12-07-s22-rule-place_before_person.tsv
    python eval/rule_audit.py count eval/audits/2026-12-07-s22-rule-place_before_person.tsv

A whole change (a merged branch, a round's data entries, which no single rule can
switch off) is audited the same way from two checkouts: ``dump`` writes one
checkout's records on the pages (run it with that checkout's ``src`` first on the
path), ``diff`` writes the blind sheet of the records only one dump makes ("on" the
newer, "off" the older):

    PYTHONPATH=OLD/src python eval/rule_audit.py dump --pages wikinews --out old.json.gz
    PYTHONPATH=NEW/src python eval/rule_audit.py dump --pages wikinews --out new.json.gz
    python eval/rule_audit.py diff old.json.gz new.json.gz --kind event --out SHEET
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ablate  # noqa: E402
import audit  # noqa: E402

PAGES: dict[str, Callable[[], list[Path]]] = {
    "held-apart": audit.held_apart_pages, "tune": audit.tuning_pages,
    "tune-extra": audit.extra_tuning_pages,
    "wikinews": lambda: audit.wikinews_pages(2019),
    "wikinews-tune": lambda: audit.wikinews_pages(2020)}


def identity(kind: str, r: dict[str, Any]) -> tuple[Any, ...]:
    """What a record claims, beyond its place: two runs' records with the same
    identity are the same record (a confidence that moved is no change here)."""
    place = (r["source"], r["article_id"], r["start"], r["end"])
    if kind == "mention":
        return (*place, r["actor_id"])
    if kind == "quote":
        return (*place, json.dumps(r["speaker"], sort_keys=True), r["text"], r["quote_type"])
    return (*place, r["code"], json.dumps(r["source_actor"], sort_keys=True),
            json.dumps(r["target_actor"], sort_keys=True), r["negated"], r["modality"],
            r.get("date"))


def changed(kind: str, on: Iterable[dict[str, Any]], off: Iterable[dict[str, Any]],
            seed: int = 7, floor: float | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The records of ``kind`` only one run makes, as ("on" | "off", record), shuffled
    with ``seed``. With a ``floor``, only the records the default views show count (a
    rule that moves confidence, such as a calibration cell, changes what is shown: the
    records shown only with it on or only with it off)."""
    def keep(r: dict[str, Any]) -> bool:
        return r["kind"] == kind and (floor is None or audit.shown(r, floor))

    a = {identity(kind, r): r for r in on if keep(r)}
    b = {identity(kind, r): r for r in off if keep(r)}
    rows = ([("on", r) for k, r in a.items() if k not in b]
            + [("off", r) for k, r in b.items() if k not in a])
    rows.sort(key=lambda v: (v[0], identity(kind, v[1])))
    random.Random(seed).shuffle(rows)
    return rows


def sheet(rule: str, pages: str, kind: str, out: Path, shown: bool = False) -> int:
    from dossier.rules import switched_off
    from dossier.settings import default_min_confidence

    if not ablate.configurations("rule", [rule]):  # (a misspelt name switches nothing off)
        print(f"{rule}: no registered rule has that name (names are stage.group.name, "
              "as events.precision.death)", file=sys.stderr)
        return 2
    paths = PAGES[pages]()
    if not paths:
        print(f"--pages {pages}: no pages found", file=sys.stderr)
        return 2
    on, texts = audit.records(paths)
    with switched_off(rule):
        off, _ = audit.records(paths)
    rows = changed(kind, on, off, floor=default_min_confidence() if shown else None)
    n_on = sum(v == "on" for v, _ in rows)
    print(f"{rule} on {pages}: {n_on} {kind} records {'shown ' if shown else ''}only with "
          "the rule on, "
          f"{len(rows) - n_on} only with it off")
    if rows:
        write_sheet(rows, texts, kind, out, {"rule": rule, "pages": pages, "kind": kind,
                                             "shown": shown})
    return 0


def write_sheet(rows: list[tuple[str, dict[str, Any]]], texts: dict[str, str], kind: str,
                out: Path, key: dict[str, Any]) -> None:
    """The blind sheet of ``rows`` (shuffled already) and its key beside it."""
    lines = [{"n": str(i + 1)} | audit.row(kind, r, texts.get(r["article_id"], ""))
             for i, (_, r) in enumerate(rows)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(lines[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(lines)
    key = key | {"version": {str(i + 1): v for i, (v, _) in enumerate(rows)}}
    Path(f"{out}.key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} rows to mark blind; the key is {out}.key.json")


def dump(pages: str, out: Path) -> int:
    """This checkout's records on the pages, and the articles' texts, as gzipped JSON."""
    paths = PAGES[pages]()
    if not paths:
        print(f"--pages {pages}: no pages found", file=sys.stderr)
        return 2
    recs, texts = audit.records(paths)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump({"pages": pages, "records": recs, "texts": texts}, f)
    print(f"{out}: {len(recs)} records of {len(paths)} pages")
    return 0


def diff(before: Path, after: Path, kind: str, out: Path, shown: bool = False) -> int:
    """The blind sheet of the records only one of two dumps makes ("on": ``after``)."""
    from dossier.settings import default_min_confidence

    try:
        with gzip.open(before, "rt", encoding="utf-8") as f:
            old = json.load(f)
        with gzip.open(after, "rt", encoding="utf-8") as f:
            new = json.load(f)
    except (OSError, ValueError) as exc:
        print(f"{exc}: a dump that `rule_audit.py dump` wrote is needed", file=sys.stderr)
        return 2
    if old["pages"] != new["pages"]:
        print(f"{before} holds --pages {old['pages']}, {after} {new['pages']}: dump both "
              "of the same pages", file=sys.stderr)
        return 2
    rows = changed(kind, new["records"], old["records"],
                   floor=default_min_confidence() if shown else None)
    n_on = sum(v == "on" for v, _ in rows)
    print(f"{after.name} against {before.name}: {n_on} {kind} records "
          f"{'shown ' if shown else ''}only in the newer, {len(rows) - n_on} only in the older")
    if rows:
        write_sheet(rows, old["texts"] | new["texts"], kind, out,
                    {"rule": f"{before.name} -> {after.name}", "pages": new["pages"],
                     "kind": kind, "shown": shown})
    return 0


def count(path: Path) -> dict[str, Any]:
    """Per version ("on", "off"): rows, marked, and right (every mark y, as
    ``eval/audit.py`` counts a record right), and the count of each mark's y (an
    event's optional ``when`` and ``where`` too: a date rule is judged by them)."""
    kind, _, rows = audit.read_sheet(path)
    keyfile = Path(f"{path}.key.json")
    if not keyfile.is_file():
        raise audit.SheetError(f"{path}: no key beside it ({keyfile.name}); a sheet "
                               "`rule_audit.py sheet` did not write cannot be counted")
    key = json.loads(keyfile.read_text(encoding="utf-8"))
    marks = audit.MARKS[kind]
    out: dict[str, Any] = {"sheet": path.name, "rule": key["rule"], "pages": key["pages"],
                           "kind": kind}
    for version in ("on", "off"):
        mine = [r for r in rows if key["version"].get(r["n"]) == version]
        done = [r for r in mine if all(r[m].strip() for m in marks)]
        every = (*marks, *audit.OPTIONAL[kind])  # (an event's when and where too)
        ys: Counter[str] = Counter(m for r in done for m in every if r.get(m, "").strip() == "y")
        out[version] = {"rows": len(mine), "marked": len(done),
                        "right": sum(audit.right(kind, r) for r in done),
                        **{m: ys[m] for m in every}}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("rule")
    s.add_argument("--pages", choices=sorted(PAGES), default="held-apart")
    s.add_argument("--kind", choices=sorted(audit.MARKS), required=True)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--shown", action="store_true", help="only records the default views "
                   "show: those shown only with the rule on or only with it off (for a "
                   "rule that moves confidence)")
    d = sub.add_parser("dump", help="this checkout's records on the pages")
    d.add_argument("--pages", choices=sorted(PAGES), default="held-apart")
    d.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("diff", help="the blind sheet of what two dumps differ by")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    f.add_argument("--kind", choices=sorted(audit.MARKS), required=True)
    f.add_argument("--out", type=Path, required=True)
    f.add_argument("--shown", action="store_true")
    c = sub.add_parser("count")
    c.add_argument("sheet", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "sheet":
        return sheet(args.rule, args.pages, args.kind, args.out, args.shown)
    if args.cmd == "dump":
        return dump(args.pages, args.out)
    if args.cmd == "diff":
        return diff(args.before, args.after, args.kind, args.out, args.shown)
    try:
        res = count(args.sheet)
    except (audit.SheetError, OSError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
