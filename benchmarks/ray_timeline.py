"""Where a Ray run's time goes: start-up, the actors' busy time, the NLP window.

Runs ``dossier.engines.raydata.run_ray`` on the first ``--limit`` Scrapinghub gold
bodies (as benchmarks/scale.py) on a local Ray with 2 model actors, with the actor
class wrapped so that each actor logs when its ``__init__`` and every batch start
and end; also times the same input in one process and with two local workers. It
prints, in seconds from the start of the run: when the driver had cleaned the
whole batch (it cleans while the actors start and work), when each actor began
and finished loading, its busy time and first/last batch, and the three wall
times.

    python benchmarks/ray_timeline.py [--limit 179] [--copies 1] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DEFAULT_CORPUS, load_corpus, report, shuffled_copy  # noqa: E402

LOG = Path(tempfile.gettempdir()) / f"dossier-ray-timeline-{os.getpid()}.log"


def _timed_analyser() -> type:
    from dossier.engines import raydata

    class Timed(raydata.Analyser):  # type: ignore[misc,name-defined]
        def __init__(self, settings: dict[str, Any], **kw: Any) -> None:
            t = time.time()
            super().__init__(settings, **kw)
            with LOG.open("a") as fh:
                fh.write(f"init {os.getpid()} {t} {time.time()}\n")

        def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
            t, cpu = time.time(), time.process_time()
            out = super().__call__(batch)
            with LOG.open("a") as fh:
                fh.write(f"batch {os.getpid()} {t} {time.time()} "
                         f"{time.process_time() - cpu}\n")
            return out

    return Timed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=179)
    ap.add_argument("--copies", type=int, default=1,
                    help="the articles K times, sentences shuffled in each copy (as scale.py)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    import ray
    from threadpoolctl import threadpool_limits

    from dossier.analysis import analysers
    from dossier.engines import raydata
    from dossier.pipeline import Sink, run
    from dossier.records import DocumentResult
    from dossier.settings import load_settings

    class Nothing(Sink):
        first: float | None = None

        def seen(self, doc: Any) -> bool:
            return False

        def write(self, result: DocumentResult) -> None:
            if self.first is None:
                self.first = time.time()

    texts = [t for t in load_corpus(DEFAULT_CORPUS) if len(t.split()) >= 50][: args.limit]
    rng = random.Random(0)
    texts = texts + [shuffled_copy(t, rng) for _ in range(args.copies - 1) for t in texts]
    res: dict[str, Any] = {"articles": len(texts),
                           "words": sum(len(t.split()) for t in texts)}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(
            json.dumps({"text": t, "url": f"https://example.org/{i}", "date": "2024-05-16"})
            + "\n" for i, t in enumerate(texts)), encoding="utf-8")
        analysers(None, ())  # one process and local workers start with a loaded model
        for name, workers in (("one_process_s", "1"), ("local_2_workers_s", "2")):
            t = time.time()
            with threadpool_limits(limits=1):  # one core: one BLAS thread, as an actor has
                run([corpus], Nothing(), load_settings(overrides={"workers": workers}))
            res[name] = round(time.time() - t, 1)

        raydata.Analyser = _timed_analyser()  # type: ignore[misc,assignment]
        staged: list[float] = []
        blocks = raydata._blocks

        def timed_blocks(results: Any) -> Any:
            yield from blocks(results)
            staged.append(time.time())

        raydata._blocks = timed_blocks  # type: ignore[assignment]
        ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.ERROR)
        sink = Nothing()
        t0 = time.time()
        raydata.run_ray([corpus], sink, load_settings(overrides={"workers": "2"}))
        res["ray_s"] = round(time.time() - t0, 1)
        ray.shutdown()
    res["ray_cleaning_done_at_s"] = round(staged[0] - t0, 1)
    res["ray_first_result_at_s"] = round((sink.first or t0) - t0, 1)
    actors: dict[str, dict[str, Any]] = {}
    for line in LOG.read_text().splitlines():
        kind, pid, a, b, *cpu = line.split()
        start, end = float(a) - t0, float(b) - t0
        actor = actors.setdefault(pid, {"batches": 0, "busy_s": 0.0, "busy_cpu_s": 0.0})
        if kind == "init":
            actor["init_s"] = [round(start, 1), round(end, 1)]
        else:
            actor["batches"] += 1
            actor["busy_s"] = round(actor["busy_s"] + end - start, 1)
            # CPU time the actor's process got while busy: below busy_s, it waited
            # for a core
            actor["busy_cpu_s"] = round(actor["busy_cpu_s"] + float(cpu[0]), 1)
            actor["first_batch_s"] = round(min(actor.get("first_batch_s", start), start), 1)
            actor["last_batch_end_s"] = round(max(actor.get("last_batch_end_s", end), end), 1)
    LOG.unlink()
    for actor in actors.values():
        # the time between the first batch and the last that the actor waited for work
        if "first_batch_s" in actor:
            actor["waiting_s"] = round(actor["last_batch_end_s"] - actor["first_batch_s"]
                                       - actor["busy_s"], 1)
    res["ray_actors"] = list(actors.values())
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
