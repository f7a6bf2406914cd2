"""What each rule earns: switch one rule (or a group) off and measure the dev sets.

Rules are the named units of ``dossier.rules`` (``stage.group.name``). For every
configuration — all rules on, then each rule or group off in turn — this runs the
evaluations below on the same parses (each text is parsed once, the stages rerun) and
prints each headline figure's change against all-on:

- ``quotes-dev`` / ``quotes-train``: PolNeAR quote attribution (eval/quotes_polnear.py):
  content and source F1, overlap and exact;
- ``actors-dev``: PolNeAR mention linking (eval/actors_polnear.py): exact and overlap F1;
- ``plover-gsr``: the CAMEO manual's PLOVER examples (eval/events_plover.py);
- ``zsp-A``: the tuning half of the Zero-Shot-PLOVER sentences (eval/events_zsp.py);
- ``petrarch``: PETRARCH2's unit-test dyads (eval/events_petrarch.py);
- ``demo``: the bundled demo through the whole pipeline: records of each kind;
- ``pages-tune``: the Scrapinghub pages used for tuning (names 0–7) through the whole
  pipeline: how many records of each kind (and how many shown by default) differ from
  the all-on run (a record that changed counts twice, as it was and as it is) —
  whether a rule does anything on real pages, not whether it is right;
- ``pages-apart``: the same count on the Scrapinghub pages held apart (names 8–f),
  measure only: whether a rule does anything on pages nobody tuned on (counts of
  changed records, never the records themselves);
- ``wikinews-tune`` / ``wikinews``: the same count on the Wikinews articles of 2020
  (tuning material) and of 2019 (held apart: counts only), eval/data/wikinews/;
- ``speakers-heldout``: the held-out speaker set (eval/quotes_speakers.py), measure
  only: what a rule earns or costs there, never a place to tune it.

A rule whose removal changes nothing anywhere earns nothing on these sets (it may
still guard a case they lack: its docstring says which); one whose removal raises a
figure costs more than it earns there.

    python eval/ablate.py [--each rule|group] [--only PATTERN ...]
                          [--sets quotes-dev,actors-dev,plover-gsr,zsp-A,petrarch,demo]
                          [--json OUT]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import Any

from report import report  # the script beside this one

import dossier.analysis
from dossier.actors.link import Linker
from dossier.analysis import Analysers
from dossier.gazetteer import geography
from dossier.parse import load_nlp
from dossier.rules import all_rules, switched_off

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "huffpost-china-dump.txt"


class CachedNLP:
    """The spaCy pipeline, each distinct text parsed once: the stages only read the
    parse, so every configuration can reuse it."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.docs: dict[str, Any] = {}

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Any]:
        texts = list(texts)
        todo = [t for t in dict.fromkeys(texts) if t not in self.docs]
        for t, doc in zip(todo, self.nlp.pipe(todo, batch_size=batch_size), strict=True):
            self.docs[t] = doc
        for t in texts:
            yield self.docs[t]

    def __call__(self, text: str) -> Any:
        return next(self.pipe([text]))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


NLP = CachedNLP(load_nlp())


@cache
def cached_analysers(model: str | None = None, gazetteer_files: tuple[Path, ...] = ()
                     ) -> Analysers:
    geo = geography(gazetteer_files)
    return Analysers(NLP, geo, Linker(NLP.nlp, geo.gazetteer))  # type: ignore[arg-type]


@contextlib.contextmanager
def _cached(*modules: Any) -> Iterator[None]:
    """``analysers`` is :func:`cached_analysers` inside the block, for ``dossier.analysis``
    (the pipeline, scripts importing it late) and for the modules named."""
    owners = [dossier.analysis, *modules]
    real = [m.analysers for m in owners]
    for m in owners:
        m.analysers = cached_analysers
    try:
        yield
    finally:
        for m, r in zip(owners, real, strict=True):
            m.analysers = r


def _script(name: str, argv: list[str]) -> dict[str, Any]:
    """Run ``eval/<name>.py``'s main with the cached analysers; its JSON result."""
    if str(ROOT / "eval") not in sys.path:
        sys.path.insert(0, str(ROOT / "eval"))
    module = importlib.import_module(name)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "res.json"
        with contextlib.redirect_stdout(io.StringIO()), \
                _cached(*([module] if hasattr(module, "analysers") else [])):
            code = module.main([*argv, "--json", str(out)])
        if code or not out.exists():
            raise SystemExit(f"eval/{name}.py {' '.join(argv)} failed ({code})")
        return json.loads(out.read_text(encoding="utf-8"))


def _quotes(split: str) -> dict[str, float]:
    r = _script("quotes_polnear", ["--split", split])
    return {"content_overlap_f1": r["content_overlap"]["f1"],
            "content_exact_f1": r["content_exact"]["f1"],
            "source_overlap_f1": r["source_overlap"]["f1"],
            "source_exact_f1": r["source_exact"]["f1"], "quotes": r["predicted_quotes"]}


def _actors() -> dict[str, float]:
    r = _script("actors_polnear", [])
    return {"exact_f1": r["exact"]["f1"], "overlap_f1": r["overlap"]["f1"],
            "mentions": r["exact"]["predicted"]}


def _gsr() -> dict[str, float]:
    r = _script("events_plover", [])
    return {"type_recall_all": r["type_recall_all"],
            "type_accuracy_covered": r["type_accuracy_covered"],
            "dyad_accuracy_covered": r["dyad_accuracy_covered"], "covered": r["covered"]}


def _zsp() -> dict[str, float]:
    r = _script("events_zsp", ["--half", "A"])
    return {"type_accuracy": r["type_accuracy"], "quad_accuracy": r["quad_accuracy"],
            "covered": r["covered"]}


def _petrarch() -> dict[str, float]:
    r = _script("events_petrarch", [])
    return {"f1": r["f1"], "precision": r["precision"],
            "precision_country_pairs": r["precision_country_pairs"],
            "recall_country_pairs": r["recall_country_pairs"]}


def _demo() -> dict[str, float]:
    from dossier.pipeline import Sink, run
    from dossier.records import DocumentResult
    from dossier.settings import load_settings

    counts: dict[str, float] = {"mention": 0, "quote": 0, "event": 0}

    class Count(Sink):
        def write(self, result: DocumentResult) -> None:
            counts["mention"] += len(result.mentions)
            counts["quote"] += len(result.quotes)
            counts["event"] += len(result.events)

    with _cached():
        run([DEMO], Count(), load_settings(overrides={"workers": "1",
                                                      "published": "2024-05-16"}))
    return counts


def _speakers() -> dict[str, float]:
    r = _script("quotes_speakers", [])
    return {"speaker_right_of_found": r["all"]["speaker_right_of_found"],
            "recall": r["all"]["recall"], "precision": r["all"]["precision"]}


# Each record of the tuning pages as the audit sheets see it (every column that makes
# a record another one), from the all-on run: a configuration's figure is how many
# records of each kind differ from them (counted as a multiset: a record made twice,
# as a rule switched off may leave it, is a change).
_PAGE_RECORDS: dict[str, Counter[tuple[str, ...]]] = {}


def _pages(first: str = "01234567", wikinews: int | None = None) -> dict[str, float]:
    from audit import NOT_RECORD, PAGES, records, row, shown, wikinews_pages

    from dossier.settings import load_settings

    floor = float(load_settings()["min_confidence"])
    pages = (wikinews_pages(wikinews) if wikinews else
             sorted(p for p in PAGES.glob("*.html.gz") if p.name.startswith(tuple(first))))
    first = f"wikinews-{wikinews}" if wikinews else first  # (the key of the all-on run)
    with _cached():
        found, texts = records(pages)
    now: Counter[tuple[str, ...]] = Counter()
    for r in found:
        if r["kind"] in ("mention", "quote", "event"):
            cols = row(r["kind"], r, texts[r["article_id"]])
            now[(r["kind"], str(shown(r, floor)),
                 *(f"{k}={v}" for k, v in cols.items() if k not in NOT_RECORD))] += 1
    base = _PAGE_RECORDS.setdefault(first, now)
    diff = (now - base) + (base - now)
    return {f"{kind}s_changed": sum(k for d, k in diff.items() if d[0] == kind)
            for kind in ("mention", "quote", "event")} | {
        "shown_changed": sum(k for d, k in diff.items() if d[1] == "True")}


SETS: dict[str, Callable[[], dict[str, float]]] = {
    "quotes-dev": lambda: _quotes("dev"), "quotes-train": lambda: _quotes("train"),
    "actors-dev": _actors, "plover-gsr": _gsr, "zsp-A": _zsp, "petrarch": _petrarch,
    "demo": _demo, "pages-tune": _pages, "speakers-heldout": _speakers,
    "pages-apart": lambda: _pages("89abcdef"),
    "wikinews-tune": lambda: _pages(wikinews=2020), "wikinews": lambda: _pages(wikinews=2019)}
DEFAULT_SETS = "quotes-dev,actors-dev,plover-gsr,zsp-A,petrarch,demo"


def measure(sets: list[str]) -> dict[str, dict[str, float]]:
    return {name: SETS[name]() for name in sets}


def configurations(each: str, only: list[str]) -> list[str]:
    """The patterns to switch off, one configuration each."""
    for stage in ("actors.link", "quotes.extract", "events.extract"):
        importlib.import_module(f"dossier.{stage}")  # the stages register their rules
    keys = [r.key for r in all_rules()]
    if each == "group":
        keys = list(dict.fromkeys(k.rsplit(".", 1)[0] for k in keys))
    if only:
        keys = [k for k in keys if any(fnmatchcase(k, p) or k.startswith(p) for p in only)]
    return keys


def delta(base: dict[str, dict[str, float]], now: dict[str, dict[str, float]]
          ) -> dict[str, dict[str, float]]:
    return {s: {k: round(v - base[s][k], 3) for k, v in figs.items() if v != base[s][k]}
            for s, figs in now.items() if any(v != base[s][k] for k, v in figs.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--each", choices=["rule", "group"], default="rule")
    ap.add_argument("--only", nargs="*", default=[], help="rule key patterns (quotes.*)")
    ap.add_argument("--sets", default=DEFAULT_SETS)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    unknown = [s for s in sets if s not in SETS]
    if unknown:
        ap.error(f"unknown sets {unknown}; known: {sorted(SETS)}")
    t = time.perf_counter()
    base = measure(sets)
    print(f"all rules on ({time.perf_counter() - t:.0f} s): {json.dumps(base)}",
          file=sys.stderr)
    res: dict[str, Any] = {"sets": sets, "all_on": base, "off": {}}
    for key in configurations(args.each, args.only):
        with switched_off(key):
            changed = delta(base, measure(sets))
        res["off"][key] = changed
        print(f"{key} off: {json.dumps(changed) if changed else 'no change'}",
              file=sys.stderr)
    res["no_effect"] = [k for k, v in res["off"].items() if not v]
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
