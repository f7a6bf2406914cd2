"""Speed and scale in one run on the same news text: raw spaCy vs Dossier on one
core, 1 vs 2 worker processes, Ray on 2 CPUs, peak memory per worker, and peak
memory of a streamed large dump.

The corpus is real news: the article bodies of the Scrapinghub benchmark in
../shared/dev (or any JSON/JSONL/folder given with --corpus), one JSON Lines row per
article, as a day of crawled news arrives. Every article is different, so every
article is parsed (no duplicate is skipped).

    python benchmarks/scale.py [--limit 0] [--copies 3] [--no-ray] [--stream-mb 200]
                               [--json FILE]
    python benchmarks/scale.py --small [--repeats 3] [--compare-src DIR] [--json FILE]
    python benchmarks/scale.py --large [--copies 3] [--repeats 2] [--json FILE]

The one-process and two-worker runs are each timed in a fresh process
(benchmarks/timed_run.py) that has loaded the model and run three documents: a
process that has parsed the corpus already would lend its workers what it learnt of
every word. Ray's actors start fresh in the run, as they do in use.

``--small`` runs the small case instead, the figure a user sees on a small batch: the
84 PolNeAR dev articles (primary annotations, fed as eval/same_records.py feeds them,
from ../shared), each run a fresh process timed from its start to its end (start-up,
model loading, reading and writing included; one BLAS thread, one core): ``dossier
extract --workers 1`` against raw ``nlp.pipe`` of the same texts with the model's
default ops and with Dossier's matmul ops, side by side, ``--repeats`` rounds (best
and every time).

``--compare-src DIR`` (with ``--small`` or ``--large``) also runs ``dossier extract``
with the sources in DIR (another revision's ``src``, e.g. from ``git archive``) in
the same rounds, so a change is timed before and after under the same load
(``dossier_extract_compare``).

``--large`` runs the small case's comparison on the ``--copies`` corpus instead (K = 3:
~345k words), where start-up is a small share of the run.

``--copies K`` repeats the corpus K times with the sentences of every article
shuffled in each copy: the words are the same, but the copies share too few word
5-shingles to be near duplicates, so every copy is parsed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "dev" / "news" / "scrapinghub_article_extraction_benchmark"
DEFAULT_CORPUS = SHARED / "ground-truth.json"


def shuffled_copy(text: str, rng: random.Random) -> str:
    """The article's sentences in a new order, three to a paragraph."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if x]
    rng.shuffle(sentences)
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def load_corpus(path: Path) -> list[str]:
    if path.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.open(encoding="utf-8")
                if line.strip()]
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data.values() if isinstance(data, dict) else data
    return [r.get("articleBody") or r.get("text") or "" for r in rows]


def build_corpus(source: Path, copies: int, out: Path, limit: int = 0) -> list[str]:
    """The benchmark's texts (also benchmarks/ray_cpu.py's): the articles of ``source``
    with ≥ 50 words, shuffled, the first ``limit``, and ``copies`` − 1 sentence-shuffled
    copies, near duplicates removed (every run parses every text); written to ``out``
    as JSON Lines, one article a row."""
    from dossier.clean.dedup import Deduplicator

    texts = [t for t in load_corpus(source) if len(t.split()) >= 50]
    random.Random(3).shuffle(texts)
    if limit:
        texts = texts[:limit]
    rng = random.Random(11)
    texts = texts + [shuffled_copy(t, rng) for _ in range(copies - 1) for t in texts]
    dedup = Deduplicator()
    texts = [t for i, t in enumerate(texts) if dedup.check(str(i), t)[0] is None]
    with out.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"text": t, "url": f"https://example.org/{i}",
                                 "date": "2024-05-16"}) + "\n")
    return texts


class _Count:
    """A sink (``dossier.sinks.Sink``'s interface) that counts articles and may keep
    the results; it keeps no MinHash signatures, as ``dossier extract``'s does not."""

    keeps_fingerprints = False

    def __init__(self, keep: bool = False) -> None:
        self.articles = 0
        self.kept: list[Any] = [] if keep else None  # type: ignore[assignment]

    def seen(self, doc: Any) -> bool:
        return False

    def write(self, result: Any) -> None:
        self.articles += len(result.articles)
        if self.kept is not None:
            self.kept.append(result)


def store_rate(results: list[Any], tmp: Path) -> dict[str, Any]:
    """Rows per second written to a fresh DuckDB store, one document a transaction
    and ``write_batch`` (the default setting) documents a transaction."""
    from dossier.settings import load_settings
    from dossier.store import Store

    rows = sum(len(r.articles) + len(r.dropped) + len(r.mentions) + len(r.quotes)
               + len(r.events) + 1 for r in results)
    out: dict[str, Any] = {"documents": len(results), "rows": rows}
    for batch in (1, int(load_settings()["write_batch"])):
        with Store(tmp / f"rate{batch}.duckdb", write_batch=batch) as store:
            store.start_run(["benchmark"])
            t = time.perf_counter()
            for r in results:
                store.write(r)
            store.flush()
            took = time.perf_counter() - t
        out[f"write_batch_{batch}"] = {"rows_per_s": round(rows / took),
                                       "documents_per_s": round(len(results) / took, 1)}
    return out


def _timed_run(path: Path, settings: dict[str, Any], engine: str = "local",
               sink: _Count | None = None) -> float:
    from dossier.pipeline import run

    sink = sink or _Count()
    t = time.perf_counter()
    if engine == "ray":
        from dossier.engines.raydata import run_ray

        run_ray([path], sink, settings)  # type: ignore[arg-type]
    else:
        run([path], sink, settings)  # type: ignore[arg-type]
    return time.perf_counter() - t


PEAK_RSS = Path(__file__).with_name("peak_rss.py")
TIMED_RUN = Path(__file__).with_name("timed_run.py")


def report(res: dict[str, Any], path: Path | None) -> None:
    """Print a benchmark's figures as JSON, and write them to ``path`` if given."""
    print(json.dumps(res, indent=2))
    if path:
        path.write_text(json.dumps(res, indent=2) + "\n")


def _fresh_run(corpus: Path, workers: int) -> dict[str, Any]:
    """A run of ``corpus`` timed in a process of its own (benchmarks/timed_run.py)."""
    out = subprocess.run([sys.executable, str(TIMED_RUN), str(corpus), str(workers)],
                         check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def _peak_rss_run(path: Path) -> list[str]:
    """``articles peak_mb seconds`` of reading ``path`` without NLP, in its own process."""
    return subprocess.run([sys.executable, str(PEAK_RSS), str(path)], check=True,
                          capture_output=True, text=True).stdout.split()


def stream_check(mb: float, tmp: Path) -> dict[str, Any]:
    """Peak RSS of cleaning + segmenting a generated dump of ``mb`` MB (no NLP)."""
    demo = (ROOT / "examples" / "huffpost-china-dump.txt").read_text(encoding="utf-8")
    path = tmp / "large.txt"
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as fh:
        i = 0
        while fh.tell() < mb * 2**20:
            fh.write(demo.replace("China", f"China{rng.randint(0, 10**9)}") + "\n\n")
            i += 1
    out = _peak_rss_run(path)
    size = path.stat().st_size / 2**20
    path.unlink()
    return {"dump_mb": round(size), "articles": int(out[0]), "peak_rss_mb": int(out[1]),
            "mb_per_s": round(size / float(out[2]), 2)}


def warc_check(mb: float, tmp: Path) -> dict[str, Any]:
    """Peak RSS of reading a generated WARC.gz holding ``mb`` MB of news pages (the
    Scrapinghub benchmark's HTML, numbered copies) and extracting them (no NLP)."""
    import gzip
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [gzip.decompress(p.read_bytes()) for p in sorted((SHARED / "html").glob("*.gz"))]
    path = tmp / "large.warc.gz"
    written = records = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        while written < mb * 2**20:
            for page in pages:
                body = page.replace(b"<p>", f"<p>Copy {records}. ".encode(), 1)
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                        protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    f"https://example.org/{records}", "response", payload=io.BytesIO(body),
                    http_headers=http))
                written += len(body)
                records += 1
    out = _peak_rss_run(path)
    gz_mb = path.stat().st_size / 2**20
    path.unlink()
    return {"pages_mb": round(written / 2**20), "warc_gz_mb": round(gz_mb), "records": records,
            "articles": int(out[0]), "peak_rss_mb": int(out[1]),
            "pages_per_s": round(records / float(out[2]), 1)}


def nlp_figures(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Raw spaCy, one process, two workers, Ray and store writes on the same text."""
    from threadpoolctl import threadpool_limits

    from dossier.parse.loader import load_nlp
    from dossier.settings import load_settings

    corpus = tmp / "corpus.jsonl"
    texts = build_corpus(args.corpus, args.copies, corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    res: dict[str, Any] = {"articles": len(texts), "words": words}
    nlp = load_nlp()
    res["model"] = f"{nlp.meta['name']} {nlp.meta['version']}"
    res["components"] = nlp.pipe_names
    list(nlp.pipe(texts[:4]))  # warm up
    # "one core": one BLAS thread too (numpy's OpenBLAS would use every core for the
    # matrix products, ~4% faster here), as each worker process and Ray actor has
    single_core = threadpool_limits(limits=1)
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    raw = time.perf_counter() - t0
    res["raw_spacy_words_per_s"] = round(words / raw)

    single_core.restore_original_limits()
    # Each run in a fresh process that has loaded the model and run three documents,
    # nothing more: not one that parsed this corpus before (its workers would
    # inherit the lemmatizer's cache, lexemes and lookups of every word; timed_run.py)
    one = _fresh_run(corpus, 1)
    res["dossier_1_process_words_per_s"] = round(words / one["seconds"])
    res["ratio_to_raw_spacy"] = round(raw / one["seconds"], 2)
    two = _fresh_run(corpus, 2)
    res["dossier_2_workers_words_per_s"] = round(words / two["seconds"])
    res["speedup_2_workers"] = round(one["seconds"] / two["seconds"], 2)
    res["peak_rss_mb_per_worker"] = two["peak_rss_mb_per_worker"]
    res["peak_rss_mb_main"] = max(one["peak_rss_mb_main"], two["peak_rss_mb_main"])
    if not args.no_ray:
        import ray

        # a running local "cluster" (its start-up is not counted; the actors' is): 2
        # CPUs for the model actors + 1 logical for Ray Data's small tasks
        t = time.perf_counter()
        ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False)
        res["ray_init_s"] = round(time.perf_counter() - t, 1)
        ray_s = _timed_run(corpus, load_settings(overrides={"workers": "2"}), "ray")
        ray.shutdown()
        res["ray_2_cpus_words_per_s"] = round(words / ray_s)
        res["speedup_ray_2_cpus"] = round(one["seconds"] / ray_s, 2)
    # store writes: the records of the first 200 articles, analysed here
    sample = tmp / "sample.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        sample.write_text("".join(itertools.islice(fh, 200)), encoding="utf-8")
    kept = _Count(keep=True)
    _timed_run(sample, load_settings(overrides={"workers": "1"}), sink=kept)
    res["store_writes"] = store_rate(kept.kept, tmp)
    return res


# raw spaCy in a fresh process: the model loaded as a user loads it, the texts piped
RAW_PIPE = """
import json, sys
import spacy
name, path, ops = sys.argv[1:4]
nlp = spacy.load(name)
if ops == "matmul":
    from dossier.parse.loader import use_matmul
    use_matmul(nlp)
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
for _doc in nlp.pipe(texts):
    pass
"""


def small_case(repeats: int, tmp: Path, compare: Path | None = None) -> dict[str, Any]:
    """Start-up included, one process each: Dossier on the 84 PolNeAR dev articles
    against raw ``nlp.pipe`` with the model's default ops and with the matmul ops."""
    sys.path.insert(0, str(ROOT / "eval"))
    from same_records import inputs

    return versus_raw(Path(inputs(tmp, "polnear")["polnear"][0]), repeats, compare)


def large_case(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """The same comparison as the small case on the benchmark's corpus with
    ``--copies`` (K = 3: ~345k words), where start-up is a small share: the issue's
    "300k+ words" figure against raw spaCy with the model's default ops."""
    corpus = tmp / "corpus.jsonl"
    build_corpus(args.corpus, args.copies, corpus, args.limit)
    return versus_raw(corpus, args.repeats, args.compare_src)


def versus_raw(corpus: Path, repeats: int, compare: Path | None = None) -> dict[str, Any]:
    """``dossier extract --workers 1`` against raw ``nlp.pipe`` of the same JSON Lines
    texts (default ops, matmul ops), each a fresh process timed from start to exit,
    one BLAS thread, in ``repeats`` rounds; with ``compare``, also ``dossier extract``
    with the sources in that folder."""
    import spacy

    from dossier.parse.loader import DEFAULT_MODELS

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    model = next(m for m in DEFAULT_MODELS if spacy.util.is_package(m))
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    runs = {"raw_spacy_default_ops": [sys.executable, "-c", RAW_PIPE, model, str(corpus), "-"],
            "raw_spacy_matmul_ops": [sys.executable, "-c", RAW_PIPE, model, str(corpus),
                                     "matmul"],
            "dossier_extract": [sys.executable, "-m", "dossier", "extract", str(corpus),
                                "--workers", "1"]}
    envs = {name: env for name in runs}
    if compare is not None:
        runs["dossier_extract_compare"] = runs["dossier_extract"]
        envs["dossier_extract_compare"] = {**env, "PYTHONPATH": str(compare.resolve())}
    # wall seconds, and the CPU seconds of the process (user + system): on a machine
    # others share, the CPU time is the steadier figure
    times: dict[str, dict[str, list[float]]] = {n: {"wall": [], "cpu": []} for n in runs}
    for _ in range(repeats):  # rounds, so that a busy spell slows every run alike
        for name, cmd in runs.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            done = subprocess.run(cmd, env=envs[name], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, check=False)
            took = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode not in (0, 1):  # 1: some input was refused
                raise SystemExit(f"{name} failed: {done.stderr[-2000:]}")
            times[name]["wall"].append(round(took, 2))
            times[name]["cpu"].append(round(after.ru_utime - before.ru_utime
                                            + after.ru_stime - before.ru_stime, 2))
    res: dict[str, Any] = {"articles": len(texts), "words": words, "model": model}
    if compare is not None:
        res["compare_src"] = str(compare)
    for name, kinds in times.items():
        res[name] = {f"{kind}_seconds": ts for kind, ts in kinds.items()} | {
            f"words_per_{kind}_s_best": round(words / min(ts)) for kind, ts in kinds.items()}
    for kind in ("wall", "cpu"):
        best = {name: min(kinds[kind]) for name, kinds in times.items()}
        for raw in ("default", "matmul"):
            res[f"ratio_to_raw_{raw}_ops_{kind}"] = round(
                best[f"raw_spacy_{raw}_ops"] / best["dossier_extract"], 2)
            if compare is not None:
                res[f"compare_ratio_to_raw_{raw}_ops_{kind}"] = round(
                    best[f"raw_spacy_{raw}_ops"] / best["dossier_extract_compare"], 2)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="articles (0: all)")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--stream-mb", type=float, default=0,
                    help="also stream a generated dump of this size (no NLP)")
    ap.add_argument("--warc-mb", type=float, default=0,
                    help="also read a generated WARC of this many MB of pages (no NLP)")
    ap.add_argument("--memory-only", action="store_true",
                    help="only the --stream-mb / --warc-mb checks")
    ap.add_argument("--small", action="store_true",
                    help="only the small case: 84 PolNeAR dev articles, start-up included")
    ap.add_argument("--large", action="store_true",
                    help="only the small case's comparison, on the --copies corpus")
    ap.add_argument("--repeats", type=int, default=3,
                    help="rounds of the small or large case")
    ap.add_argument("--compare-src", type=Path,
                    help="with --small/--large: also time dossier extract with these sources")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    res: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp_:
        tmp = Path(tmp_)
        if args.small:
            res["small"] = small_case(args.repeats, tmp, args.compare_src)
        elif args.large:
            res["large"] = large_case(args, tmp)
        elif not args.memory_only:
            res.update(nlp_figures(args, tmp))
        if args.stream_mb:
            res["stream"] = stream_check(args.stream_mb, tmp)
        if args.warc_mb:
            res["warc"] = warc_check(args.warc_mb, tmp)
    report(res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
