"""The pipeline on a Ray cluster, through Ray Data.

1. The driver reads, cleans, segments and deduplicates, in input order, exactly as
   :func:`dossier.pipeline.run` does (deduplication needs one ordered view of the
   batch), and writes the documents to a staging Parquet dataset in shards.
2. Ray Data reads the shards and runs the NLP with ``map_batches`` over a callable
   class, so each Ray worker loads the spaCy model once; the workers write their
   results as Parquet shards: one row per document with its records as JSON
   (``records``, readable by DuckDB or Spark as they are) and the whole result
   (``result``, pickled) for the store.
3. The driver loads the result shards into the sink (the store, or JSON Lines),
   one document per transaction, as a local run does.

A local Ray with ``workers`` CPUs is started when no address is given; with
``address`` ("auto" or "ray://host:10001") the run joins an existing cluster.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.clean.dedup import Deduplicator
from dossier.errors import DossierError
from dossier.pipeline import RunSummary, Sink, analyse_safely, cleaned, merge_jobs, nlp_jobs
from dossier.records import DocumentResult

# Documents per staging shard: big enough to amortise Ray's per-file overhead, small
# enough that a shard's texts sit comfortably in a worker's memory.
SHARD_DOCUMENTS = 16
SHARD_CHARS = 16 * 2**20
# Documents per Ray Data block and model batch: the unit of work an actor takes.
BATCH_DOCUMENTS = 4


class RayUnavailable(DossierError):
    """Ray is not installed."""


def run_ray(
    inputs: Iterable[str | Path],
    sink: Sink,
    settings: dict[str, Any],
    dedup: Deduplicator | None = None,
    progress: Callable[[str], None] | None = None,
    address: str | None = None,
    output: Path | None = None,
) -> RunSummary:
    """Process every input into ``sink`` with the NLP on Ray. With ``output`` the
    staging and result Parquet datasets are kept there (``output/results`` is the
    dataset DuckDB or Spark read); without, they live in a temporary folder."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable("Ray is not installed: pip install 'dossier[ray]'") from exc
    summary = RunSummary()
    dedup = dedup or Deduplicator.from_settings(settings)
    work = Path(output) if output else Path(tempfile.mkdtemp(prefix="dossier-ray-"))
    staging, results = work / "staging", work / "results"
    for d in (staging, results):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    try:
        nlp = bool(settings.get("nlp", True))
        n = _write_staging(cleaned(inputs, sink, settings, dedup, summary, progress),
                           staging, split=nlp)
        if n == 0:
            return summary
        if not nlp:
            _load(_results(staging), sink, summary)
            return summary
        workers = int(settings.get("workers", 0) or 0) or os.cpu_count() or 1
        started = not ray.is_initialized()
        if started:
            # one logical CPU more than model actors: Ray Data's own small tasks
            # (listing, reading and writing shards) need one to be scheduled
            ray.init(address=address, num_cpus=None if address else workers + 1,
                     include_dashboard=False, log_to_driver=False,
                     logging_level=logging.ERROR)
        try:
            _analyse_on_ray(staging, results, settings, workers, address is not None)
        finally:
            if started:
                ray.shutdown()
        _load(_results(results), sink, summary)
    finally:
        if output is None:
            shutil.rmtree(work, ignore_errors=True)
    return summary


# A staging row's role: a whole document, analysed in one piece; the base of a long
# document (its text, articles and dropped spans, not analysed); or one NLP job of
# that document's articles (see dossier.pipeline.nlp_jobs).
WHOLE, BASE, JOB = 0, 1, 2


def _rows(result: DocumentResult, split: bool) -> list[tuple[int, DocumentResult]]:
    """A document as staging rows: whole, or, when its articles make several jobs,
    a base and its jobs (so every actor gets part of a long dump, as local workers
    do)."""
    jobs = nlp_jobs(result) if split else []
    if len(jobs) < 2:
        return [(WHOLE, result)]
    return [(BASE, result)] + [(JOB, job) for job in jobs]


def _write_staging(results: Iterator[DocumentResult], staging: Path, split: bool) -> int:
    """Write cleaned documents as Parquet shards (seq, document_id, role, part,
    parts, result)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: list[tuple[int, str, int, int, int, bytes]] = []
    size = shard = seq = 0

    def flush() -> None:
        nonlocal rows, size, shard
        if rows:
            cols = list(zip(*rows, strict=True))
            table = pa.table({
                "seq": pa.array(cols[0], pa.int64()),
                "document_id": pa.array(cols[1], pa.string()),
                "role": pa.array(cols[2], pa.int8()),
                "part": pa.array(cols[3], pa.int32()),
                "parts": pa.array(cols[4], pa.int32()),
                "result": pa.array(cols[5], pa.binary()),
            })
            pq.write_table(table, staging / f"shard-{shard:06}.parquet")
            shard += 1
        rows, size = [], 0

    documents = 0
    for result in results:
        documents += 1
        parts = _rows(result, split)
        for part, (role, piece) in enumerate(parts):
            rows.append((seq, result.document.id, role, part, len(parts),
                         pickle.dumps(piece, pickle.HIGHEST_PROTOCOL)))
            seq += 1
            size += sum(len(a.text) for a in piece.articles)
        if len(rows) >= SHARD_DOCUMENTS or size >= SHARD_CHARS:
            flush()
    flush()
    return documents


class Analyser:
    """The NLP of :func:`dossier.pipeline.analyse` as a Ray Data callable class: the
    model is loaded once per Ray worker, in ``__init__``."""

    def __init__(self, settings: dict[str, Any]) -> None:
        from threadpoolctl import threadpool_limits

        from dossier.actors.link import linker_for
        from dossier.pipeline import _gazetteer_files

        threadpool_limits(1)  # one BLAS thread per worker: the CPUs are Ray's to share
        self.settings = settings
        linker_for(settings.get("spacy_model"), _gazetteer_files(settings))

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import json

        out_records: list[list[str]] = []
        out_results: list[bytes] = []
        sources: list[str] = []
        for role, blob in zip(batch["role"], batch["result"], strict=True):
            result: DocumentResult = pickle.loads(blob)
            if role == BASE:  # articles and dropped spans; its jobs carry the NLP
                records = result.records()
            else:
                analyse_safely(result, self.settings)
                records = result.records()
                if role == JOB:  # the articles are the base's records
                    records = records[len(result.articles) + len(result.dropped):]
            out_records.append([json.dumps(r, ensure_ascii=False) for r in records])
            out_results.append(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
            sources.append(result.document.source)
        return {"seq": batch["seq"], "document_id": batch["document_id"],
                "role": batch["role"], "part": batch["part"], "parts": batch["parts"],
                "source": sources, "records": out_records, "result": out_results}


def _analyse_on_ray(staging: Path, results: Path, settings: dict[str, Any], workers: int,
                    cluster: bool) -> None:
    import ray
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # A fixed pool of model actors, all loading their model at once, on every CPU of
    # the cluster but one: Ray Data's own small tasks (listing, reading, writing
    # shards) must still get scheduled, or the run waits forever.
    cpus = int(ray.cluster_resources().get("CPU", 1))
    actors = max(1, cpus - 1) if cluster else max(1, min(workers, cpus - 1))
    # Ray Data reads the small staging files into one block (``override_num_blocks``
    # does not change that in Ray 2.60), and a block goes to one actor whole: one
    # actor then parsed everything while the others idled. A streaming repartition
    # (no shuffle, no barrier) cuts the read into blocks of BATCH_DOCUMENTS rows, so
    # every actor gets work as soon as it is up.
    ds = ray.data.read_parquet(str(staging), num_cpus=0)
    ds = ds.repartition(target_num_rows_per_block=BATCH_DOCUMENTS)
    ds = ds.map_batches(
        Analyser, fn_constructor_kwargs={"settings": settings}, batch_size=BATCH_DOCUMENTS,
        batch_format="numpy", num_cpus=1, compute=ray.data.ActorPoolStrategy(size=actors),
    )
    ds.write_parquet(str(results), ray_remote_args={"num_cpus": 0})


def _results(folder: Path) -> Iterator[DocumentResult]:
    """Documents from Parquet shards, in input order within each shard; a long
    document's base and jobs are merged once all its rows have been read."""
    import pyarrow.parquet as pq

    waiting: dict[str, list[tuple[int, int, DocumentResult]]] = {}
    for path in sorted(folder.glob("*.parquet")):
        table = pq.read_table(path, columns=["seq", "document_id", "role", "part", "parts",
                                             "result"]).sort_by("seq")
        for row in table.to_pylist():
            result: DocumentResult = pickle.loads(row["result"])
            if row["parts"] == 1:
                yield result
                continue
            pieces = waiting.setdefault(row["document_id"], [])
            pieces.append((row["part"], row["role"], result))
            if len(pieces) == row["parts"]:
                del waiting[row["document_id"]]
                pieces.sort(key=lambda p: p[0])
                yield merge_jobs(pieces[0][2], [p[2] for p in pieces[1:]])
    if waiting:
        raise DossierError(f"Ray results are missing parts of {len(waiting)} document(s) "
                           f"in {folder}; run again")


def _load(results: Iterator[DocumentResult], sink: Sink, summary: RunSummary) -> None:
    for result in results:
        sink.write(result)
        summary.add(result)
