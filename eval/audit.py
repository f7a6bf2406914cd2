"""A repeatable hand audit: sample records from pages held apart from tuning into a
sheet a person marks, then count the marks. How to mark: ``eval/audits/MARKING.md``.

The held-apart pages are the Scrapinghub news pages (../shared/dev/news/
scrapinghub_article_extraction_benchmark) whose file name starts with 8–f (93 of
181); rules are tuned on the others (0–7) and never on these. ``sample`` runs the
pipeline on them (``--pages tune``: on the tuning pages instead, for a marked sheet
that may be read, tuned and calibrated on; ``--pages tune-extra``: on the further
tuning news of session 15, which joins the pages 0–7 as tuning material — the 29
English news pages of ../shared/dev/news/trafilatura_eval_en_news/html, the 23
CC-NEWS articles of ../shared/dev/news/warc/ccnews_extracted_2021-01-02_23articles.parquet
and the 25 items of ../shared/dev/news/feeds/npr_technology_jsonfeed.json, each read
by Dossier's own reader for its format; ``--pages wikinews``: a second held-apart set,
the 171 Wikinews articles of 2019 in eval/data/wikinews/ (CC BY 2.5, dated, mostly
politics: more shown events than the Scrapinghub pages hold; never tuned on), and
``--pages wikinews-tune``: the 124 Wikinews articles of 2020 there, tuning material)
and writes a tab-separated sheet of
``--n`` records of one kind, drawn with a fixed seed, each with its context and empty mark columns
(a quote's and an event's ``base``: its confidence before the page calibration, what
``fit`` fits on):

- quote: ``real`` (y/n: an act of speech, with this content), ``speaker`` (y/n/-: the
  speaker is the person's full name or the organisation that spoke; - when not real),
  ``span`` (y/n/-: the content is what was said, not a fragment or the framing);
- event: ``real`` (y/n: an event happened or is reported, not a wish, figure of
  speech or page furniture), ``source``, ``target`` (y/n: the right actor, or rightly
  none), ``code`` (y/n: the CAMEO root is right), ``polarity`` (y/n: negation and
  modality right); a record is fully right when all five are y. Two more marks, not
  part of "fully right" (sheets before session 20 lack them, and ``carry`` leaves them
  to mark): ``when`` (y/n/-: the record's ``date`` is when the event happened, at its
  precision; - when not real or the text cannot tell) and ``where`` (y/n/-: the
  ``place`` is where it happened, or rightly none);
- mention: ``link`` (y/n: the actor is the one meant, or an unlinked phrase is rightly
  left unresolved), ``absurd`` (y/n: a link no reader would make: a state for a
  homonymous US state, a reporter for a politician …).

Mark each column with y or n (or -), add a note where useful, and commit the sheet
under eval/audits/; ``count`` prints the tallies (and ``--json`` saves them beside
the sheet).

    python eval/audit.py sample --kind quote --n 100 --out eval/audits/DATE-quotes.tsv
                                [--view default|all] [--band LO,HI]
                                [--pages held-apart|tune|tune-extra|wikinews|wikinews-tune]
    python eval/audit.py count eval/audits/DATE-quotes.tsv [--json OUT]
    python eval/audit.py carry eval/audits/NEW-quotes.tsv --from eval/audits/OLD-quotes.tsv
    python eval/audit.py fit eval/audits/NEW-tune-quotes.tsv [OLDER-tune-quotes.tsv …]
                             [--edges 0,0.6,0.7,0.85] [--least 15] [--apart 2]
                             [--check | --split]

``carry`` fills the marks (and note) of a new sheet's rows from earlier marked sheets
where the record is the same (every record column equal but ``n``, ``confidence`` and
``context``), so a later audit re-marks only what changed; the note of a carried row
starts with "carried:" so the counts can tell the two apart.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "dev" / "news"
PAGES = NEWS / "scrapinghub_article_extraction_benchmark" / "html"
HELD_APART = tuple("89abcdef")  # first hex digit of the page file names held apart
# more tuning material (session 15), news no rule was tuned on before: trafilatura's 29
# English news pages (HTML), 23 CC-NEWS articles (Parquet), NPR's JSON Feed (25 items)
EXTRA = ("trafilatura_eval_en_news/html/*.html",
         "warc/ccnews_extracted_2021-01-02_23articles.parquet",
         "feeds/npr_technology_jsonfeed.json")
# Wikinews (CC BY 2.5; eval/data/wikinews/README.md): 2019 held apart, 2020 tuning
WIKINEWS = ROOT / "eval" / "data" / "wikinews"

MARKS = {"quote": ("real", "speaker", "span"),
         "event": ("real", "source", "target", "code", "polarity"),
         "mention": ("link", "absurd")}
# marks a row may leave blank and still count as marked (added after sheets were
# marked without them): counted apart, never part of "fully right"
OPTIONAL = {"quote": (), "event": ("when", "where"), "mention": ()}


def held_apart_pages(folder: Path = PAGES) -> list[Path]:
    return sorted(p for p in folder.glob("*.html.gz") if p.name.startswith(HELD_APART))


def tuning_pages(folder: Path = PAGES) -> list[Path]:
    """The pages rules are tuned on (names 0–7): a sheet of these may be read and tuned
    on (calibrating confidence on real pages), a held-apart sheet never."""
    return sorted(p for p in folder.glob("*.html.gz") if not p.name.startswith(HELD_APART))


def extra_tuning_pages(folder: Path = NEWS) -> list[Path]:
    """More tuning pages (``--pages tune-extra``): the HTML pages, the Parquet file and
    the feed of ``EXTRA``, each read by Dossier's own reader for its format."""
    return sorted(p for pattern in EXTRA for p in folder.glob(pattern))


def wikinews_pages(year: int, folder: Path = WIKINEWS) -> list[Path]:
    """The Wikinews articles of one year, a JSON Lines file Dossier's reader takes
    (``url``, ``date``: the publication date, ``title``, ``text``): 2019 is held apart
    (``--pages wikinews``), 2020 is tuning material (``--pages wikinews-tune``)."""
    path = folder / f"wikinews_{year}.jsonl"
    return [path] if path.is_file() else []


def records(pages: list[Path]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The pipeline's records on the pages, and each article's text by id."""
    from dossier.events.post import page_calibrated as event_page_calibrated
    from dossier.pipeline import Sink, run
    from dossier.quotes.post import page_calibrated, page_key
    from dossier.records import DocumentResult
    from dossier.rules import switched_off
    from dossier.settings import load_settings

    out: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    scale = page_calibrated.__wrapped__  # type: ignore[attr-defined]  # (the rule, on)
    scale_events = event_page_calibrated.__wrapped__  # type: ignore[attr-defined]

    class Keep(Sink):
        def write(self, result: DocumentResult) -> None:
            for a in result.articles:
                texts[a.id] = a.text
            out.extend(r for r in result.records() if r["kind"] not in ("quote", "event"))
            # a quote's or event's confidence before the page calibration (what it is
            # fitted on) and a quote's kind there; the record's own confidence as the
            # pass makes it
            out.extend(s.to_dict() | {"base": q.confidence, "profile": page_key(q)}
                       for q in result.quotes for s in scale([q]))
            out.extend(s.to_dict() | {"base": e.confidence}
                       for e in result.events for s in scale_events([e]))

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for page in pages:
            if page.suffix != ".gz":
                paths.append(page)
                continue
            path = Path(tmp) / page.name.removesuffix(".gz")
            path.write_bytes(gzip.decompress(page.read_bytes()))
            paths.append(path)
        with switched_off("quotes.post.page_calibrated", "events.post.page_calibrated"):
            run(paths, Keep(), load_settings(overrides={"workers": "1"}))
    for r in out:
        r["source"] = Path(r["source"]).name
    return out, texts


def _flat(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _context(text: str, start: int, end: int, around: int) -> str:
    """The words around a span, the span itself in [[ ]]."""
    a, b = max(0, start - around), min(len(text), end + around)
    return _flat(f"{text[a:start]}[[{text[start:end]}]]{text[end:b]}", 3 * around + 400)


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "—"
    return f"{a['name']} ({a.get('code') or a.get('actor_id') or '?'})"


def row(kind: str, r: dict[str, Any], text: str) -> dict[str, str]:
    base = {"file": r["source"][:12], "article": r["article_id"], "start": str(r["start"]),
            "end": str(r["end"])}
    if kind == "quote":
        sp = r["speaker"]
        base |= {"type": r["quote_type"], "act": r.get("act", "speech"),
                 "said_by": f"{sp['name']} [{sp['via']}]" if sp else "—",
                 "cue": (r["cue"] or {}).get("text", "—"), "confidence": str(r["confidence"]),
                 "base": str(r.get("base", r["confidence"])),
                 "profile": r.get("profile", r["quote_type"]),
                 "content": _flat(" … ".join(x["text"] for x in r.get("segments") or [])
                                  or r["text"]),
                 "context": _context(text, r["start"], r["end"], 150)}
    elif kind == "event":
        t = r["trigger"]
        base |= {"cameo": f"{r['code']} {r.get('plover') or ''}".strip(),
                 "source_actor": _actor(r["source_actor"]),
                 "target_actor": _actor(r["target_actor"]),
                 "trigger": t["text"], "negated": str(r["negated"]), "modality": r["modality"],
                 "date": f"{r.get('date') or '—'} ({r.get('date_precision') or '—'})",
                 "place": _place(r.get("location")),
                 "confidence": str(r["confidence"]),
                 "base": str(r.get("base", r["confidence"])),
                 "context": _context(text, t["start"], t["end"], 200)}
    else:
        base |= {"mention": r["text"], "actor": f"{r['actor_name']} ({r['actor_id']})",
                 "via": r["via"], "type": r["type"],
                 "confidence": str(r.get("confidence", "")),
                 "context": _context(text, r["start"], r["end"], 120)}
    clash = set(base) & {*MARKS[kind], *OPTIONAL[kind]}
    assert not clash, f"record columns named as marks: {clash}"
    return base | {m: "" for m in (*MARKS[kind], *OPTIONAL[kind])} | {"note": ""}


def _place(loc: dict[str, Any] | None) -> str:
    """An event's place as a sheet shows it: "Kyiv (UKR)", or "—"."""
    if not loc:
        return "—"
    return f"{loc.get('name')} ({loc.get('country') or '?'})"


def shown(r: dict[str, Any], floor: float) -> bool:
    """Whether the default views show a record: quotes of speech, events and mentions
    at or above the confidence floor (``Store.mentions``, the exports and the web's
    actor counts hide mentions below it too)."""
    if r["kind"] == "quote" and r.get("act", "speech") != "speech":
        return False
    return bool(r["confidence"] >= floor)


def in_band(r: dict[str, Any], band: tuple[float, float] | None) -> bool:
    """Whether a record's confidence (as the views show it) lies in ``band`` [lo, hi):
    a sheet drawn from one band marks the confidences a fit has too few quotes of."""
    return band is None or band[0] <= float(r.get("confidence", 1.0)) < band[1]


def parse_band(text: str) -> tuple[float, float]:
    """``--band LO,HI`` as (lo, hi); an unreadable or empty band is an argparse error."""
    try:
        lo, hi = (float(x) for x in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--band {text!r}: give two numbers, LO,HI "
                                         "(e.g. 0.5,0.85)") from None
    if not lo < hi:
        raise argparse.ArgumentTypeError(f"--band {text!r}: LO must be below HI")
    return lo, hi


def draw(pool: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """The ``n`` records of ``pool`` that rank first by a hash of the seed and the
    record's place (its kind, page, article and span). A record's rank does not depend
    on the rest of the pool, so a pool that gained or lost a few records (the next
    round's rules) gives the same draw but for those: rounds compare the same records,
    and ``carry`` fills their marks. (Until session 19 the draw was
    ``random.Random(seed).sample(pool, n)``, which draws anew when the pool changes at
    all: only 41 of 120 quote rows of that round were the last round's records.)"""
    def rank(r: dict[str, Any]) -> tuple[str, str]:
        place = "|".join(str(r.get(k)) for k in ("kind", "source", "article_id", "start",
                                                "end"))
        return (hashlib.sha256(f"{seed}|{place}".encode()).hexdigest(),
                json.dumps(r, sort_keys=True, default=str))
    return sorted(pool, key=rank)[:n]


def sample(kind: str, n: int, seed: int, out: Path, view: str = "default",
           which: str = "held-apart", band: tuple[float, float] | None = None,
           dump: Path | None = None) -> int:
    """``view`` default: the records the default views show (the ``min_confidence``
    setting's floor); all: every record. ``which``: the held-apart pages (an audit) or
    the tuning pages (a marked sheet to tune and calibrate on). ``band``: only records
    whose confidence lies in [lo, hi). ``dump``: the records of these pages as
    ``eval/rule_audit.py dump`` wrote them (one pipeline run for every sheet of a
    round) instead of running the pipeline."""
    from dossier.settings import default_min_confidence

    pages = {"held-apart": held_apart_pages, "tune": tuning_pages,
             "tune-extra": extra_tuning_pages,
             "wikinews": lambda: wikinews_pages(2019),
             "wikinews-tune": lambda: wikinews_pages(2020)}[which]()
    if not pages:
        where = {"tune-extra": NEWS, "wikinews": WIKINEWS, "wikinews-tune": WIKINEWS}
        print(f"{where.get(which, PAGES)}: no pages found", file=sys.stderr)
        return 2
    if dump is not None:
        try:
            with gzip.open(dump, "rt", encoding="utf-8") as f:
                dumped = json.load(f)
        except (OSError, ValueError) as exc:
            print(f"{dump}: {exc}; a dump `eval/rule_audit.py dump` wrote is needed",
                  file=sys.stderr)
            return 2
        if dumped.get("pages") != which:
            print(f"{dump} holds --pages {dumped.get('pages')}, not {which}",
                  file=sys.stderr)
            return 2
        recs, texts = dumped["records"], dumped["texts"]
    else:
        recs, texts = records(pages)
    floor = default_min_confidence() if view == "default" else 0.0
    every = [r for r in recs if r["kind"] == kind]
    pool = [r for r in every if (view == "all" or shown(r, floor)) and in_band(r, band)]
    if not pool:
        print(f"no {kind} records to draw ({view} view, band {band}) from {len(pages)} pages",
              file=sys.stderr)
        return 2
    chosen = draw(pool, n, seed)
    chosen.sort(key=lambda r: (r["source"], r["start"]))
    rows = [{"n": str(i + 1)} | row(kind, r, texts.get(r["article_id"], ""))
            for i, r in enumerate(chosen)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{out}: {len(rows)} of {len(pool)} {kind} records ({view} view, floor {floor}"
          f"{f', band {band[0]}-{band[1]}' if band else ''}; {len(every)} in all) "
          f"from {len(pages)} pages (seed {seed})")
    return 0


class SheetError(ValueError):
    """A file that is not a sheet ``sample`` wrote (or is empty)."""


def read_sheet(sheet: Path) -> tuple[str, list[str], list[dict[str, str]]]:
    """A sheet's kind (by its mark columns), columns and rows."""
    with sheet.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    kind = next((k for k, marks in MARKS.items() if all(m in fields for m in marks)), None)
    if kind is None or not rows:
        columns = ", ".join(sorted({m for v in MARKS.values() for m in v}))
        raise SheetError(f"{sheet}: not an audit sheet with records (no rows, or none of "
                         f"the mark columns {columns}); make one with `eval/audit.py sample`")
    return kind, fields, rows


def count(sheet: Path) -> dict[str, Any]:
    kind, _, rows = read_sheet(sheet)
    res: dict[str, Any] = {"sheet": sheet.name, "kind": kind, "records": len(rows)}
    marked = [r for r in rows if all(r[m].strip() for m in MARKS[kind])]
    res["marked"] = len(marked)
    res["carried"] = sum(r.get("note", "").startswith("carried:") for r in marked)
    for m in MARKS[kind]:
        c = Counter(r[m].strip().lower() for r in marked)
        res[m] = {"y": c["y"], "n": c["n"], "-": c["-"]}
    if kind == "quote":
        real = [r for r in marked if r["real"].strip().lower() == "y"]
        res["real_share"] = round(len(real) / len(marked), 3) if marked else None
        for m in ("speaker", "span"):
            res[f"{m}_right_of_real"] = round(
                sum(r[m].strip().lower() == "y" for r in real) / len(real), 3) if real else None
        by_type = Counter(r["type"] for r in marked)
        res["fully_right"] = sum(right(kind, r) for r in marked)
        res["fully_right_share"] = round(res["fully_right"] / len(marked), 3) if marked else None
        res["real_share_by_type"] = {
            t: round(sum(r["real"].strip().lower() == "y" for r in marked if r["type"] == t) / k, 3)
            for t, k in by_type.items()}
    elif kind == "event":
        real_rows = [r for r in marked if r["real"].strip().lower() == "y"]
        for m in OPTIONAL["event"]:
            got = [r[m].strip().lower() for r in real_rows if (r.get(m) or "").strip()]
            res[m] = {"y": got.count("y"), "n": got.count("n"), "-": got.count("-"),
                      "unmarked": len(real_rows) - len(got)}
            judged = got.count("y") + got.count("n")
            res[f"{m}_right_of_real"] = round(got.count("y") / judged, 3) if judged else None
        full = [r for r in marked if all(r[m].strip().lower() == "y" for m in MARKS["event"])]
        res["fully_right"] = len(full)
        res["fully_right_share"] = round(len(full) / len(marked), 3) if marked else None
        res["real_share"] = round(sum(r["real"].strip().lower() == "y" for r in marked)
                                  / len(marked), 3) if marked else None
    else:
        res["link_precision"] = round(sum(r["link"].strip().lower() == "y" for r in marked)
                                      / len(marked), 3) if marked else None
        res["absurd"] = sum(r["absurd"].strip().lower() == "y" for r in marked)
    if marked and marked[0].get("confidence", "").strip():
        res["by_confidence"] = calibration(kind, marked)
    return res


# columns that do not make a record another one: its place in the sheet, its scores,
# its calibration kind and the text shown around it
NOT_RECORD = {"n", "confidence", "base", "profile", "context", "note"}


def carry(sheet: Path, earlier: list[Path]) -> tuple[int, int]:
    """Fill the unmarked rows of ``sheet`` whose record an ``earlier`` sheet marked:
    (rows carried, rows left to mark). A record is matched on the record columns both
    sheets have (an older sheet may lack a column added since, as ``date``); an
    optional mark the older sheet lacks stays blank, to mark."""
    kind, fields, rows = read_sheet(sheet)
    marks, optional = MARKS[kind], OPTIONAL[kind]
    key_cols = [c for c in fields if c not in NOT_RECORD and c not in marks
                and c not in optional]
    known: list[tuple[list[str], dict[tuple[str, ...], dict[str, str]]]] = []
    for old in earlier:
        old_kind, old_fields, old_rows = read_sheet(old)
        if old_kind != kind:
            raise SheetError(f"{old}: a {old_kind} sheet, {sheet} is a {kind} sheet")
        common = [c for c in key_cols if c in old_fields]
        table: dict[tuple[str, ...], dict[str, str]] = {}
        for r in old_rows:
            if all(r.get(m, "").strip() for m in marks):
                table.setdefault(tuple(r.get(c, "") for c in common), r)
        known.append((common, table))
    carried = left = 0
    for r in rows:
        done = all(r[m].strip() for m in marks)
        blank = [m for m in optional if m in r and not r[m].strip()]
        if done and not blank:
            continue
        old_row = next((t[k] for cols, t in known
                        if (k := tuple(r[c] for c in cols)) in t), None)
        for m in blank:  # (also on a row marked already: its when/where from a part sheet)
            if old_row is not None and (old_row.get(m) or "").strip():
                r[m] = old_row[m].strip()
        if done:
            continue
        if old_row is None:
            left += 1
            continue
        for m in marks:
            r[m] = old_row[m]
        note = old_row.get("note", "").removeprefix("carried:").strip()
        r["note"] = f"carried: {note}".strip()
        carried += 1
    with sheet.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return carried, left


BINS = (0.0, 0.5, 0.7, 0.85, 1.01)


def right(kind: str, r: dict[str, str]) -> bool:
    """A record an analyst can rely on: every mark y (for a mention, the link)."""
    marks = ("link",) if kind == "mention" else MARKS[kind]
    return all(r[m].strip().lower() == "y" for m in marks)


# a cell (a record's kind, or a quote's type, in a confidence bin or across all bins) of
# fewer marked records than this is not fitted: its records fall back to a coarser cell
LEAST = 15
# ... and whose share right differs from the rest's by fewer standard errors
APART = 2.0
EDGES = {"quote": [0, 0.6, 0.7, 0.85], "event": [0, 0.6], "mention": [0, 0.6]}
# the columns that name a quote across sheets of other columns (older sheets lack some);
# a record of another kind is every column of its row but the marks and NOT_RECORD
QUOTE_KEY = ("file", "article", "start", "end", "type", "cue")
# ... and an event across sheets of other columns (one drawn before ``date`` was shown):
# without it an event on an older and a newer sheet was fitted twice (162 of the 679
# marked rows of the tuning sheets of session 22)
EVENT_KEY = ("file", "article", "start", "end", "cameo", "trigger", "source_actor",
             "target_actor", "negated", "modality")


def profile(r: dict[str, str]) -> str | None:
    """A quote row's kind as ``quotes.post.page_key`` gives it now: a report of a plain
    speech verb ("said", "told") is "indirect.say", also on a sheet drawn before that
    kind (its ``profile`` "indirect.verb", or none)."""
    from dossier.quotes.lexicon import cues

    if r["type"] == "indirect" and r.get("profile") in (None, "", "indirect.verb") and (
            r.get("cue", "").lower() in cues().plain):
        return "indirect.say"
    return r.get("profile") or None


def cells_of(kind: str, r: dict[str, str]) -> tuple[list[str], list[str]]:
    """The cells a sheet's row may fall in, finest first, as the stage's post pass reads
    them off a record: (cells within its confidence bin, cells across all bins). A quote:
    its kind and its type in its bin (``quotes.post.page_key``); an event: across the
    bins, ``no_target`` if no one is acted upon, else ``light_verb`` for a light verb's
    and its CAMEO root's cell (``root_07``), read off its trigger, code and target as
    ``events.post.calibration_keys`` reads them off a record; a
    mention: how it was linked and to what kind of actor ("metonym.state"), else how
    ("metonym"), in its bin. (No mention table ships: fitted on the 629 marked mentions
    of the tuning sheets, these cells did not help on pages left out, docs/evaluation.md.)"""
    if kind == "quote":
        kind_of = profile(r)
        return [k for k in (kind_of,) if k and k != r["type"]] + [r["type"]], []
    if kind == "event":
        from dossier.events.post import calibration_keys

        return [], calibration_keys(r["trigger"], r["cameo"][:2],
                                    r["target_actor"].strip() != "—")
    via, type_ = r.get("via", "").strip(), r.get("type", "").strip()
    return ([f"{via}.{type_}"] if via and type_ else []) + ([via] if via else []), []


def fit_rows(sheets: list[Path]) -> tuple[str, list[dict[str, Any]]]:
    """The kind and the marked records of TUNING sheets of one kind (a quote only if it
    is speech: beliefs are hidden anyway), each record once (the first sheet's marks
    win): its confidence before the page calibration (``conf``: ``base``; a sheet drawn
    before the pass has only ``confidence``), its cells (:func:`cells_of`), its page,
    article and whether it is fully right."""
    kinds: set[str] = set()
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for sheet in sheets:
        kind, fields, rows = read_sheet(sheet)
        if "-tune-" not in sheet.name:
            raise SheetError(f"{sheet}: not a sheet of the tuning pages (a held-apart audit "
                             "sheet is never fitted on)")
        kinds.add(kind)
        if len(kinds) > 1:
            raise SheetError(f"{sheet}: a {kind} sheet among sheets of another kind")
        key_cols = QUOTE_KEY if kind == "quote" else EVENT_KEY if kind == "event" else tuple(
            c for c in fields
            if c not in NOT_RECORD and c not in MARKS[kind] and c not in OPTIONAL[kind])
        for r in rows:
            key = tuple(r.get(c, "") for c in key_cols)
            if (key in seen or r.get("act", "speech") != "speech"
                    or not all(r[m].strip() for m in MARKS[kind])):
                continue
            seen.add(key)
            within, across = cells_of(kind, r)
            out.append({"conf": float(r.get("base") or r["confidence"]), "within": within,
                        "across": across, "type": r.get("type", ""),
                        "profile": profile(r) if kind == "quote" else None,
                        "page": r.get("file", ""),
                        "article": r.get("article", ""), "right": right(kind, r)})
    return kinds.pop(), out


Cell = tuple[int, int, float]  # right, records, mean confidence


def _cell(inside: list[dict[str, Any]]) -> Cell:
    return (sum(r["right"] for r in inside), len(inside),
            sum(r["conf"] for r in inside) / len(inside))


def apart(group: list[dict[str, Any]], inside: list[dict[str, Any]], z: float) -> bool:
    """Whether a cell's share right differs from the rest's (of its bin, or of all
    records) by at least ``z`` standard errors (a two-proportion test): a split the
    marks bear out, not noise of a few dozen records."""
    taken = {id(r) for r in group}
    rest = [r for r in inside if id(r) not in taken]
    if not rest:
        return False
    k1, n1, k2, n2 = sum(r["right"] for r in group), len(group), sum(
        r["right"] for r in rest), len(rest)
    p = (k1 + k2) / (n1 + n2)
    se = (p * (1 - p) * (1 / n1 + 1 / n2)) ** 0.5
    return se > 0 and abs(k1 / n1 - k2 / n2) >= z * se


def _chosen(rows: list[dict[str, Any]], side: str, least: int, z: float
            ) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        for name in r[side]:
            groups.setdefault(name, []).append(r)
    return {name: groups[name] for name in sorted(groups)
            if len(groups[name]) >= least and apart(groups[name], rows, z)}


def fit_table(rows: list[dict[str, Any]], edges: list[float], least: int = LEAST,
              z: float = APART, rest_of_bin: bool = True
              ) -> tuple[dict[str, Cell], dict[str, Cell]]:
    """The bins (by lower edge, "0.60") and the cells of at least ``least`` records whose
    share right stands ``z`` standard errors apart from the rest's: cells across the bins
    ("no_target", whose records then leave the bins) and cells within a bin (a report's
    kind "indirect.intent@0.60", a type "direct@0.60"); each as (right, records, mean
    confidence). With ``rest_of_bin`` a bin's figures are those of its records no cell
    takes (the ones that fall back to it), and a type's those its kinds' cells do not
    take, so a cell of wrong reports does not pull down the direct quotes beside it."""
    cells: dict[str, Cell] = {}
    across = _chosen(rows, "across", least, z)
    # a record in two such cells takes the first its row names (the finer: an event of a
    # light verb before its root's), as ``scaled`` and the stage's post pass read it
    owned: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        first = next((name for name in r["across"] if name in across), None)
        if first is not None:
            owned.setdefault(first, []).append(r)
    owned = {name: owned[name] for name in sorted(owned) if len(owned[name]) >= least}
    for name, group in owned.items():
        cells[name] = _cell(group)
    taken = {id(r) for group in owned.values() for r in group}
    rows = [r for r in rows if id(r) not in taken]
    bins: dict[str, Cell] = {}
    for lo, hi in zip(edges, [*edges[1:], 1.01], strict=True):
        inside = [r for r in rows if lo <= r["conf"] < hi]
        if not inside:
            continue
        b = f"{lo:.2f}"
        bins[b] = _cell(inside)
        chosen = _chosen(inside, "within", least, z)
        for name, group in chosen.items():
            if rest_of_bin and "." not in name:  # a type: its quotes no kind cell takes
                kinds = {id(r) for k, g in chosen.items() if k.startswith(f"{name}.")
                         for r in g}
                group = [r for r in group if id(r) not in kinds] or group
            cells[f"{name}@{b}"] = _cell(group)
        covered = {id(r) for group in chosen.values() for r in group}
        rest = [r for r in inside if id(r) not in covered]
        if rest and covered and rest_of_bin:
            bins[b] = _cell(rest)  # the records no cell takes are worth what they are
    return bins, cells


def scaled(bins: dict[str, Cell], cells: dict[str, Cell], edges: list[float],
           r: dict[str, Any]) -> float:
    """A record's confidence as the stage's ``post.page_calibrated`` scales it by this
    table (stored to two decimals): by its finest cell's share right over mean within its
    bin, else across the bins, else its bin's. Never raised."""
    lo = next((e for e in reversed(edges) if r["conf"] >= e), None)
    if lo is None:
        return float(r["conf"])
    b = f"{lo:.2f}"
    names = [f"{name}@{b}" for name in r["within"]] + list(r["across"]) + [b]
    c = next((cells.get(n) or bins.get(n) for n in names if n in cells or n in bins), None)
    if c is None:
        return float(r["conf"])
    ratio = round(c[0] / c[1], 2) / round(c[2], 2)
    return float(r["conf"]) if ratio >= 1 else round(r["conf"] * ratio, 2)


def fit(sheets: list[Path], edges: list[float] | None = None, least: int = LEAST,
        z: float = APART) -> str:
    """The table a stage's page calibration reads (``data/quote_page_calibration.toml``,
    ``data/event_page_calibration.toml``) from marked sheets of the TUNING pages: the
    share of fully right records and the mean confidence of each confidence bin and of
    each cell (:func:`fit_table`)."""
    kind, rows = fit_rows(sheets)
    bins, cells = fit_table(rows, edges or EDGES[kind], least, z)
    names = " ".join(s.name for s in sheets)
    noun = "quotes of speech" if kind == "quote" else f"{kind}s"
    lines = [f"# fitted by eval/audit.py fit {names}: {len(rows)} {noun} marked by hand"
             + (f" ({sum(r['profile'] is not None for r in rows)} with their kind)"
                if kind == "quote" else ""),
             f"# cells of at least {least} marked records whose share right stands {z:g} "
             "standard errors apart from the rest's; a record takes its finest cell in its "
             "bin, else one across the bins, else the bin's (the records no cell takes)",
             "[bins]"]

    def line(name: str, c: Cell) -> str:
        return (f'"{name}" = [{c[0] / c[1]:.2f}, {c[2]:.2f}]  '
                f"# share right, mean confidence: {c[0]} of {c[1]}")
    lines += [line(b, c) for b, c in bins.items()]
    lines += ["", "[cells]"] + [line(k, c) for k, c in cells.items()]
    return "\n".join(lines) + "\n"


def _brier(got: list[tuple[float, bool]]) -> float:
    return round(sum((c - ok) ** 2 for c, ok in got) / len(got), 4)


def cross_check(sheets: list[Path], edges: list[float] | None = None, least: int = LEAST,
                z: float = APART) -> dict[str, Any]:
    """The page calibration judged on records it was not fitted on: each page's records
    scaled by a table fitted on the other pages (leave one page out), then per
    scaled-confidence bin the records, mean confidence and share right, and the Brier
    score; beside it the same with the bins alone (cells off) and with no scaling."""
    kind, rows = fit_rows(sheets)
    edges = edges or EDGES[kind]
    res: dict[str, Any] = {"records": len(rows), "least": least}
    for name, k in (("cells", least), ("bins_only", 10**9), ("none", -1)):
        got: list[tuple[float, bool]] = []
        for page in sorted({r["page"] for r in rows}):
            rest = [r for r in rows if r["page"] != page]
            bins, cells = fit_table(rest, edges, k, z) if k >= 0 else ({}, {})
            got += [(scaled(bins, cells, edges, r), r["right"]) for r in rows
                    if r["page"] == page]
        res[name] = {"brier": _brier(got), "bins": by_bin(got)}
    return res


def by_bin(got: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Per confidence bin (BINS): records, mean confidence and share right."""
    table = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in got if lo <= c < hi]
        if inside:
            table.append({"confidence": f"{lo:.2f}–{min(hi, 1.0):.2f}",
                          "records": len(inside),
                          "mean": round(sum(c for c, _ in inside) / len(inside), 3),
                          "share_right": round(sum(ok for _, ok in inside) / len(inside), 3)})
    return table


def half(r: dict[str, Any]) -> int:
    """Which half of the pages a fitted record's page is in for :func:`split`: a
    Scrapinghub page (its name hex digits) by the first digit of its name (0–3: 0, 4–7:
    1), an article of the further tuning news (a name with a dot or a stroke) by the
    first hex digit of its id (0–7, 8–f)."""
    name = r["page"]
    if name and all(c in "0123456789abcdef" for c in name):
        return 0 if name[0] in "0123" else 1
    return 0 if r["article"][:1] in "01234567" else 1


def split(sheets: list[Path], edges: list[float] | None = None, floor: float = 0.6,
          least: int = LEAST, z: float = APART) -> list[dict[str, Any]]:
    """The calibration checked on pages it was not fitted on: the sheets' pages in two
    halves (:func:`half`), fitted on one, measured on the other — the Brier score (mean
    squared gap between confidence and right) and the records at or above ``floor``
    (shown, right) before and after."""
    kind, rows = fit_rows(sheets)
    edges = edges or EDGES[kind]
    a, b = [r for r in rows if half(r) == 0], [r for r in rows if half(r) == 1]
    out = []
    for name, fitted, measured in (("fit A, measure B", a, b), ("fit B, measure A", b, a)):
        if not fitted or not measured:
            continue
        bins, cells = fit_table(fitted, edges, least, z)
        res: dict[str, Any] = {"split": name, "records": len(measured)}
        for tag, conf in (("before", [r["conf"] for r in measured]),
                          ("after", [scaled(bins, cells, edges, r) for r in measured])):
            got = [(c, r["right"]) for c, r in zip(conf, measured, strict=True)]
            res[f"brier_{tag}"] = _brier(got)
            shown_right = [ok for c, ok in got if c >= floor]
            res[f"shown_{tag}"] = [len(shown_right), sum(shown_right)]
        out.append(res)
    return out


def calibration(kind: str, marked: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The share of fully right records per confidence bin: what the confidence
    means on pages nobody tuned on."""
    out = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        rows = [r for r in marked if lo <= float(r["confidence"]) < hi]
        if rows:
            k = sum(right(kind, r) for r in rows)
            out.append({"confidence": f"{lo:.2f}–{min(hi, 1.0):.2f}", "records": len(rows),
                        "right": k, "share": round(k / len(rows), 3)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--kind", choices=sorted(MARKS), required=True)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=20261206)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--view", choices=["default", "all"], default="default",
                   help="default: the records the default views show (confidence floor, "
                   "speech only); all: every record")
    s.add_argument("--pages", choices=["held-apart", "tune", "tune-extra", "wikinews",
                                       "wikinews-tune"],
                   default="held-apart",
                   help="held-apart: the audit's pages (never tuned on); tune: the tuning "
                   "pages (a sheet to tune and calibrate on); tune-extra: the further "
                   "tuning news (HTML, Parquet, feed); wikinews: Wikinews 2019 (held "
                   "apart); wikinews-tune: Wikinews 2020 (tuning)")
    s.add_argument("--dump", type=Path, help="the pages' records as `eval/rule_audit.py "
                   "dump` wrote them, instead of a pipeline run")
    s.add_argument("--band", type=parse_band, help="LO,HI: only records whose confidence "
                   "lies in [LO, HI) (a sheet stratified to a confidence band)")
    c = sub.add_parser("count")
    c.add_argument("sheet", type=Path)
    c.add_argument("--json", type=Path)
    f = sub.add_parser("fit", help="confidence bins and cells of marked sheets of the "
                       "tuning pages")
    f.add_argument("sheets", type=Path, nargs="+", help="newest first (its marks win), "
                   "all of one kind")
    f.add_argument("--edges", help="lower edges of the confidence bins (quotes: "
                   "0,0.6,0.7,0.85; events and mentions: 0,0.6)")
    f.add_argument("--least", type=int, default=LEAST,
                   help="fewest marked records of a cell fitted apart")
    f.add_argument("--apart", type=float, default=APART,
                   help="standard errors a cell's share must stand from the rest's")
    f.add_argument("--check", action="store_true",
                   help="leave-one-page-out reliability of the fit, not the table")
    f.add_argument("--split", action="store_true", help="check instead: fit on half "
                   "the pages, measure on the other half")
    k = sub.add_parser("carry")
    k.add_argument("sheet", type=Path)
    k.add_argument("--from", dest="earlier", type=Path, nargs="+", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        return sample(args.kind, args.n, args.seed, args.out, args.view, args.pages, args.band,
                      args.dump)
    try:
        if args.cmd == "fit":
            edges = [float(e) for e in args.edges.split(",")] if args.edges else None
            if args.split:
                print(json.dumps(split(args.sheets, edges, least=args.least, z=args.apart),
                                 indent=2))
            elif args.check:
                print(json.dumps(cross_check(args.sheets, edges, args.least, args.apart),
                                 indent=2))
            else:
                print(fit(args.sheets, edges, args.least, args.apart), end="")
            return 0
        if args.cmd == "carry":
            carried, left = carry(args.sheet, args.earlier)
            print(f"{args.sheet}: {carried} rows carried, {left} left to mark")
            return 0
        res = count(args.sheet)
    except (SheetError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps(res, indent=2))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
