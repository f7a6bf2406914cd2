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

``startup``: the whole phase script of benchmarks/startup.py (one sentence: imports,
the model, the gazetteer, the linker, the first document), after one uncounted run
that writes the compiled cache and the bytecode.

    python benchmarks/instructions.py [stages|startup|both] [--warm 20] [--count 20]
                                      [--json OUT]

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


def callgrind(args: list[str], out: Path, toggle: bool, env: dict[str, str]) -> None:
    """Run ``python args`` under callgrind, its dumps in ``out``.N."""
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    if toggle:
        cmd += ["--collect-atstart=no", "--toggle-collect=sys_call_tracing",
                "--dump-after=sys_call_tracing"]
    done = subprocess.run(cmd + [sys.executable, *args], env={**env, "PYTHONHASHSEED": "0"},
                          capture_output=True, text=True, check=False)
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", choices=("stages", "startup", "both"), default="both")
    ap.add_argument("--warm", type=int, default=20)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    res: dict[str, Any] = {"python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="dossier-instr-") as tmp:
        if args.what in ("stages", "both"):
            res["stages"] = stages(args.warm, args.count, Path(tmp))
        if args.what in ("startup", "both"):
            res["startup"] = startup(Path(tmp))
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
