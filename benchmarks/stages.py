"""Words per second of each NLP stage next to raw spaCy, on the same parsed text.

The corpus is the one of benchmarks/scale.py (Scrapinghub gold article bodies, real
news). spaCy parses every text once with the model and components Dossier runs
(``nlp.pipe``: the raw spaCy rate); then each stage runs alone over the parsed docs:
actor linking, quote extraction (on the linked mentions), event coding. The table
gives each stage's own words/s, its share of the time, and the rate of spaCy plus
every stage up to it — what a one-process run would reach without reading,
cleaning or storing. Best of ``--repeats`` runs per stage.

    python benchmarks/stages.py [--limit 150] [--repeats 3] [--json OUT] [--profile SVG]

``--cpu`` times by the process's CPU time (one BLAS thread) instead of the wall
clock: on a machine others share, the steadier figure.

``--profile SVG`` also samples the stages (not the parse) with py-spy (the ``dev``
extra) while they run twice more, and writes the flame graph to SVG (any other suffix:
py-spy's collapsed stacks, one line a stack, for scripts).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DEFAULT_CORPUS, load_corpus, report  # noqa: E402


def flame_graph(svg: Path, stages: tuple[Callable[[], Any], ...]) -> None:
    """Sample this process with py-spy while every stage runs twice, into ``svg``."""
    fmt = "flamegraph" if svg.suffix == ".svg" else "raw"
    spy = subprocess.Popen([str(Path(sys.executable).with_name("py-spy")), "record",
                            "--pid", str(os.getpid()), "--rate", "200", "--nonblocking",
                            "--output", str(svg), "--format", fmt],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)  # py-spy attaches
    for stage in stages:
        stage(), stage()
    spy.send_signal(signal.SIGINT)
    _, err = spy.communicate(timeout=60)
    if not svg.exists():
        raise SystemExit(f"py-spy wrote no flame graph: {err.decode()[-500:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=150, help="articles (0: all)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--cpu", action="store_true", help="CPU time, one BLAS thread")
    ap.add_argument("--profile", type=Path, help="flame graph of the stages (SVG)")
    args = ap.parse_args(argv)

    from dossier.analysis import Where, analysers
    from dossier.events.extract import extract_events
    from dossier.quotes.extract import extract_quotes

    texts = [t for t in load_corpus(args.corpus) if len(t.split()) >= 50]
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(t.split()) for t in texts)
    an = analysers(None, ())
    nlp = an.nlp
    published = date(2024, 5, 16)
    clock = time.process_time if args.cpu else time.perf_counter
    if args.cpu:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)
    list(nlp.pipe(texts[:4]))  # warm up the model
    t = clock()
    parsed = list(an.parse(texts, (Where("b", str(i), 0, published)
                                   for i in range(len(texts)))))
    spacy_s = clock() - t

    def link() -> list[Any]:
        return [an.linker.link(p) for p in parsed]

    link()  # warm up: gazetteer matchers, caches of a first call

    def quotes() -> list[Any]:
        return [extract_quotes(p, an.geo) for p in parsed]

    def events() -> list[Any]:
        return [extract_events(p, an.geo) for p in parsed]

    quotes(), events()  # warm up
    seconds: dict[str, float] = {"spacy": spacy_s}
    counts: dict[str, int] = {}
    for name, stage in (("actors", link), ("quotes", quotes), ("events", events)):
        best = float("inf")
        for _ in range(args.repeats):
            t = clock()
            out = stage()
            best = min(best, clock() - t)
        seconds[name] = best
        counts[name] = sum(len(x) for x in out)
    if args.profile:
        flame_graph(args.profile, (link, quotes, events))
    total = sum(seconds.values())
    res: dict[str, Any] = {
        "articles": len(texts), "words": words, "python": sys.version.split()[0],
        "clock": "cpu" if args.cpu else "wall",
        "model": f"{nlp.meta['name']} {nlp.meta['version']}", "components": nlp.pipe_names,
        "records": counts, "stages": {}}
    upto = 0.0
    for name, s in seconds.items():
        upto += s
        res["stages"][name] = {
            "seconds": round(s, 2), "words_per_s": round(words / s),
            "share_of_time": round(s / total, 3),
            "words_per_s_spacy_up_to_here": round(words / upto)}
    res["ratio_to_raw_spacy"] = round(spacy_s / total, 2)
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
