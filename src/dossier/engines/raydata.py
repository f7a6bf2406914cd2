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
from dossier.pipeline import RunSummary, Sink, analyse_safely, cleaned
from dossier.records import DocumentResult

# Documents per staging shard: big enough to amortise Ray's per-file overhead, small
# enough that a shard's texts sit comfortably in a worker's memory.
SHARD_DOCUMENTS = 16
SHARD_CHARS = 16 * 2**20


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
        n = _write_staging(cleaned(inputs, sink, settings, dedup, summary, progress),
                           staging)
        if n == 0:
            return summary
        if not bool(settings.get("nlp", True)):
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


def _write_staging(results: Iterator[DocumentResult], staging: Path) -> int:
    """Write cleaned documents as Parquet shards (seq, document_id, result)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: list[tuple[int, str, bytes]] = []
    size = shard = seq = 0

    def flush() -> None:
        nonlocal rows, size, shard
        if rows:
            seqs, ids, blobs = zip(*rows, strict=True)
            table = pa.table({"seq": pa.array(seqs, pa.int64()),
                              "document_id": pa.array(ids, pa.string()),
                              "result": pa.array(blobs, pa.binary())})
            pq.write_table(table, staging / f"shard-{shard:06}.parquet")
            shard += 1
        rows, size = [], 0

    for result in results:
        rows.append((seq, result.document.id, pickle.dumps(result, pickle.HIGHEST_PROTOCOL)))
        seq += 1
        size += len(result.document.text)
        if len(rows) >= SHARD_DOCUMENTS or size >= SHARD_CHARS:
            flush()
    flush()
    return seq


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
        for blob in batch["result"]:
            result: DocumentResult = pickle.loads(blob)
            analyse_safely(result, self.settings)
            out_records.append([json.dumps(r, ensure_ascii=False) for r in result.records()])
            out_results.append(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
            sources.append(result.document.source)
        return {"seq": batch["seq"], "document_id": batch["document_id"], "source": sources,
                "records": out_records, "result": out_results}


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
    # One block per staging shard: left to itself Ray Data packs small files into
    # one block, which one actor then parses alone.
    shards = len(list(staging.glob("*.parquet")))
    ds = ray.data.read_parquet(str(staging), num_cpus=0, override_num_blocks=shards)
    ds = ds.map_batches(
        Analyser, fn_constructor_kwargs={"settings": settings}, batch_size=4,
        batch_format="numpy", num_cpus=1, compute=ray.data.ActorPoolStrategy(size=actors),
    )
    ds.write_parquet(str(results), ray_remote_args={"num_cpus": 0})


def _results(folder: Path) -> Iterator[DocumentResult]:
    """Results from Parquet shards, in input order within each shard."""
    import pyarrow.parquet as pq

    for path in sorted(folder.glob("*.parquet")):
        table = pq.read_table(path, columns=["seq", "result"]).sort_by("seq")
        for blob in table.column("result").to_pylist():
            yield pickle.loads(blob)


def _load(results: Iterator[DocumentResult], sink: Sink, summary: RunSummary) -> None:
    for result in results:
        sink.write(result)
        summary.add(result)
