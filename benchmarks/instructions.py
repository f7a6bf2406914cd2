"""Instructions (valgrind's callgrind) of the three NLP stages and of start-up: figures
that a busy machine does not move, as CPU seconds there move by more than a change.

``stages``: the articles of benchmarks/stages.py (Scrapinghub gold bodies of ≥ 50
words, in its order) are parsed once outside valgrind and kept as a ``DocBin`` with
their texts (which ``Analysers.parse`` hands each parsed article); under callgrind
the analysers load, the first ``--warm`` articles run through actors, quotes and
events (the run's gazetteer matchers and caches fill, as in a real run), then each
stage is counted alone over the next ``--count`` articles ("unseen", nearer a real
run), and again over the same articles ("again", as benchmarks/stages.py times them).
Counting is switched on only inside ``sys.call_tracing`` (``--toggle-collect``), one
dump per stage and pass.

``main``: what a ``dossier extract --workers 1`` of the small case (the 84 PolNeAR
dev articles, benchmarks/scale.py ``--small``) costs outside the NLP, in the real
pipeline (``dossier.pipeline.run`` with extract's sinks, the JSON Lines to
/dev/null): the main process (reading, cleaning, language, deduplication, the jobs
sent and the results received, the records written) and the worker's side of the
hand-over (the jobs received, the results sent). The worker is forked as in a run,
but loads no model: its NLP is a stand-in that hands back the records a real run
made of each article (computed first, outside valgrind). The main process is
counted from the run's start to its end, the worker from its fork to its exit;
each has its own dump.

``fork``: the main process of ``dossier extract --workers 1`` on the small case from
its start to the fork of its NLP worker (the CLI's imports, the settings, the
pipeline's imports): the worker's start, and so the run's critical path, waits for
it. The process ends at the fork (``os.register_at_fork``), after an uncounted run
that writes the bytecode.

``startup``: the whole phase script of benchmarks/startup.py (one sentence: imports,
the model, the gazetteer, the linker, the first document), after one uncounted run
that writes the compiled cache and the bytecode.

    python benchmarks/instructions.py [stages|startup|main|fork|both] [--warm 20]
                                      [--count 20] [--json OUT]

PYTHONHASHSEED is fixed so that two runs of the same code count the same (to
~0.01 %); compare counts taken with the same arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DEFAULT_CORPUS, load_corpus, report  # noqa: E402
from startup import ENV, PHASES, SENTENCE  # noqa: E402

STAGES = ("actors", "quotes", "events")

CHILD = r"""
import json, sys
from datetime import date
from spacy.tokens import DocBin
from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.parse import ParsedArticle
from dossier.quotes.extract import extract_quotes
an = analysers(None, ())
docs = list(DocBin().from_disk(sys.argv[1]).get_docs(an.nlp.vocab))
warm = int(sys.argv[2])
texts = json.loads(open(sys.argv[1] + ".json", encoding="utf-8").read())
given = "parsed_text" in ParsedArticle.__dataclass_fields__  # as Analysers.parse gives it
arts = [ParsedArticle(d, "b", str(i), 0, date(2024, 5, 16),
                      **({"parsed_text": t} if given else {}))
        for i, (d, t) in enumerate(zip(docs, texts, strict=True))]
def run(articles, stage):
    if stage == "actors":
        return [an.linker.link(p) for p in articles]
    if stage == "quotes":
        return [extract_quotes(p, an.geo) for p in articles]
    return [extract_events(p, an.geo) for p in articles]
for stage in ("actors", "quotes", "events"):
    run(arts[:warm], stage)
for _ in ("unseen", "again"):
    for stage in ("actors", "quotes", "events"):
        sys.call_tracing(run, (arts[warm:], stage))
"""


# the small case's run, its NLP a stand-in (argv: corpus, records of each article)
MAIN = r"""
import pickle, sys
from dossier import pipeline
from dossier.settings import load_settings
from dossier.sinks import Collect, JsonlSink
made = pickle.loads(open(sys.argv[2], "rb").read())
def analyse_many(results, settings):  # the records a real run made of each article
    for result in results:
        for art in result.articles:
            mentions, quotes, events = made.get(art.id, ((), (), ()))
            result.mentions.extend(mentions)
            result.quotes.extend(quotes)
            result.events.extend(events)
pipeline.analyse_many = analyse_many
pipeline._init_worker = lambda settings: None  # no model
pipeline.GROUP_SECONDS = 1e9  # jobs by size only: valgrind's slowness cuts no job short
settings = load_settings(overrides={"workers": "1"})
sys.call_tracing(pipeline.run, ([sys.argv[1]], Collect(JsonlSink(), settings, keep=0),
                                settings))
"""


def callgrind(args: list[str], out: Path, toggle: bool, env: dict[str, str],
              zero: bool = False) -> None:
    """Run ``python args`` under callgrind, its dumps in ``out``.N (``out``.PID.N with
    ``%p`` in ``out``). ``toggle``: only inside ``sys.call_tracing`` (in the thread
    that calls it); ``zero``: everything from its call on, every thread."""
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    if toggle:
        cmd += ["--collect-atstart=no", "--toggle-collect=sys_call_tracing",
                "--dump-after=sys_call_tracing"]
    elif zero:
        cmd += ["--zero-before=sys_call_tracing", "--dump-after=sys_call_tracing"]
    done = subprocess.run(cmd + [sys.executable, *args], env={**env, "PYTHONHASHSEED": "0"},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"valgrind failed ({done.returncode}): {done.stderr[-2000:]}")


def total(path: Path) -> int:
    """The instructions a callgrind dump counted."""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
    if not found:
        raise SystemExit(f"no total in {path}")
    return int(found.group(1))


def stages(warm: int, count: int, tmp: Path) -> dict[str, Any]:
    from spacy.tokens import DocBin

    from dossier.parse import load_nlp

    texts = [t for t in load_corpus(DEFAULT_CORPUS) if len(t.split()) >= 50][: warm + count]
    nlp = load_nlp(None)
    bin_ = DocBin(store_user_data=True)
    for doc in nlp.pipe(texts, batch_size=16):
        bin_.add(doc)
    path = tmp / "docs.spacy"
    bin_.to_disk(path)
    Path(f"{path}.json").write_text(json.dumps(texts), encoding="utf-8")
    callgrind(["-c", CHILD, str(path), str(warm)], tmp / "cg", True, dict(os.environ))
    dumps = sorted(tmp.glob("cg.*"), key=lambda p: int(p.name.split(".")[1]))
    if len(dumps) != 2 * len(STAGES):
        raise SystemExit(f"expected {2 * len(STAGES)} dumps, found {len(dumps)}")
    res: dict[str, Any] = {"warm": warm, "count": count,
                           "words": sum(len(t.split()) for t in texts[warm:])}
    for k, when in enumerate(("unseen", "again")):
        counts = {s: total(dumps[k * len(STAGES) + j]) for j, s in enumerate(STAGES)}
        res[when] = {**counts, "all": sum(counts.values())}
    return res


def startup(tmp: Path) -> dict[str, Any]:
    subprocess.run([sys.executable, "-c", PHASES, SENTENCE], env=ENV, check=True,
                   capture_output=True)  # the compiled cache and the bytecode
    callgrind(["-c", PHASES, SENTENCE], tmp / "start", False, ENV)
    return {"all": total(tmp / "start")}


def main_process(tmp: Path) -> dict[str, Any]:
    """The small case's run outside the NLP: the main process and the worker's
    hand-over, each counted alone (see the module's doc)."""
    import pickle
    from collections import defaultdict

    from dossier.pipeline import run
    from dossier.settings import load_settings
    from dossier.sinks import Sink

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from same_records import inputs

    corpus = inputs(tmp, "polnear")["polnear"][0]
    made: dict[str, tuple[list[Any], list[Any], list[Any]]] = defaultdict(
        lambda: ([], [], []))

    class Keep(Sink):
        keeps_fingerprints = False

        def write(self, result: Any) -> None:
            for k, records in enumerate((result.mentions, result.quotes, result.events)):
                for r in records:
                    made[r.article_id][k].append(r)

    run([corpus], Keep(), load_settings(overrides={"workers": "1"}))
    table = tmp / "made.pickle"
    table.write_bytes(pickle.dumps(dict(made)))
    # (the job's threads, the pickling feeder and the result reader, count too)
    callgrind(["-c", MAIN, corpus, str(table)], tmp / "main.%p", False, dict(os.environ),
              zero=True)
    counts: dict[int, int] = defaultdict(int)  # each process's dumps, summed
    for dump in tmp.glob("main.*"):
        counts[int(dump.name.split(".")[1])] += total(dump)
    main_pid, worker_pid = sorted(counts)
    return {"articles": sum(1 for _ in open(corpus, encoding="utf-8")),
            # the main process from the run's start to its end
            "main": counts[main_pid],
            # the worker from its fork to its exit
            "worker_hand_over": counts[worker_pid]}


# the main process of `dossier extract --workers 1` until it forks the NLP worker
TO_FORK = r"""
import os, sys
os.register_at_fork(before=lambda: os._exit(0))
from dossier.cli import main
main(["extract", "--workers", "1", sys.argv[1]])
"""


def to_fork(tmp: Path) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from same_records import inputs

    corpus = inputs(tmp, "polnear")["polnear"][0]
    subprocess.run([sys.executable, "-c", TO_FORK, corpus], check=True,
                   capture_output=True)  # the bytecode
    callgrind(["-c", TO_FORK, corpus], tmp / "fork", False, dict(os.environ))
    return {"to_fork": total(tmp / "fork")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", choices=("stages", "startup", "main", "fork", "both"),
                    default="both")
    ap.add_argument("--warm", type=int, default=20)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path,
                    help="copy the callgrind dumps here (for callgrind_annotate)")
    args = ap.parse_args(argv)
    res: dict[str, Any] = {"python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="dossier-instr-") as tmp:
        if args.what in ("stages", "both"):
            res["stages"] = stages(args.warm, args.count, Path(tmp))
        if args.what in ("startup", "both"):
            res["startup"] = startup(Path(tmp))
        if args.what == "main":
            res["main"] = main_process(Path(tmp))
        if args.what == "fork":
            res["fork"] = to_fork(Path(tmp))
        if args.keep:
            import shutil

            args.keep.mkdir(parents=True, exist_ok=True)
            for dump in Path(tmp).iterdir():
                if dump.name.startswith(("cg.", "main.", "start", "fork")):
                    shutil.copy(dump, args.keep / dump.name)
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
