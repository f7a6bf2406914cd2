"""The pipeline on a Ray cluster, through Ray Data.

1. The driver reads, cleans, segments and deduplicates, in input order, exactly as
   :func:`dossier.pipeline.run` does (deduplication needs one ordered view of the
   batch), and puts the documents into Ray's object store as small Arrow blocks
   (no file system is shared with the cluster: this works on any Ray cluster). A
   long document (a text dump of many articles) becomes a base block row and NLP
   jobs of a few articles, as local workers get them. It does so in a thread of
   its own, while the NLP runs: the blocks' references go through a bounded Ray
   queue to the dataset's one read task (:class:`_Stream`), so the actors start
   and work while the driver still cleans, and a large input never sits whole in
   the object store.
2. Ray Data runs the NLP with ``map_batches`` over a callable class, so each Ray
   worker loads the spaCy model once. Each result row carries its records as JSON
   (``records``, readable by DuckDB or Spark as they are) and the whole result
   (``result``, pickled) for the store.
3. With an output folder the workers write the results there as a Parquet dataset
   and the driver loads it; without, the results stream back to the driver while
   the NLP runs. Either way the driver writes them into the sink (the store, or
   JSON Lines), one document per transaction, as a local run does; a long
   document's jobs are merged back into it first.

A local Ray with ``workers`` CPUs is started when no address is given; with
``address`` ("auto" or "ray://host:10001") the run joins an existing cluster.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier import pipeline
from dossier.clean.chunk import needs_pieces
from dossier.clean.dedup import Deduplicator
from dossier.errors import DossierError
from dossier.pipeline import (
    RunSummary,
    Sink,
    analyse_all_safely,
    cleaned,
    merge_jobs,
    nlp_jobs,
)
from dossier.records import Document, DocumentResult

# A table the driver queues holds up to this many documents, or one job of a long
# one (pipeline.JOB_CHARS of articles, as a local worker gets); Ray Data then cuts
# the stream into blocks of BLOCK_BYTES, the unit of work an actor takes.
BATCH_DOCUMENTS = 16

# Ray Data's block size for the run: about sixteen news articles (pickled, before
# the NLP), or one job of a long document (a row is never cut). Each block pays a
# trip through the queue, the read task and Ray Data's scheduling: on 2 CPUs blocks
# of ~4 articles ran 10% slower (benchmarks/ray_timeline.py --copies 3).
BLOCK_BYTES = 96 * 1024

# Blocks cleaned ahead of the NLP, per model actor: enough that no actor waits,
# few enough that the object store holds a window of the input, not all of it.
BLOCKS_AHEAD = 8

# A row's role: a whole document, analysed in one piece; the base of a long
# document (its text, articles and dropped spans, not analysed); or one NLP job of
# that document's articles (see dossier.pipeline.nlp_jobs).
WHOLE, BASE, JOB = 0, 1, 2


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
    """Process every input into ``sink`` with the NLP on Ray. With ``output`` (a
    folder every node of the cluster sees) the workers write their results to
    ``output/results``, a Parquet dataset DuckDB or Spark read directly."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable("Ray is not installed: pip install 'dossier[ray]'") from exc
    summary = RunSummary()
    dedup = dedup or Deduplicator.from_settings(settings)
    if not bool(settings.get("nlp", True)):  # nothing for Ray to do
        _load(cleaned(inputs, sink, settings, dedup, summary, progress), sink, summary)
        return summary
    locked = _LockedSink(sink)  # cleaning runs in a thread of its own (_Feed)
    feed = _Feed(_blocks(cleaned(inputs, locked, settings, dedup, summary, progress)))
    workers = int(settings.get("workers", 0) or 0) or os.cpu_count() or 1
    started = not ray.is_initialized()
    if started:
        # one logical CPU more than model actors: Ray Data's own small tasks need
        # one to be scheduled
        ray.init(address=address, num_cpus=None if address else workers + 1,
                 include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        results = Path(output) / "results" if output else None
        _load(_merged(_analyse_on_ray(feed, settings, workers, address is not None,
                                      results)), locked, summary)
        feed.join()
    finally:
        if started:
            ray.shutdown()
    return summary


class _LockedSink(Sink):
    """The sink shared by the cleaning thread (``seen``) and the writer (``write``):
    one call at a time, as a DuckDB connection needs."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._lock = threading.Lock()

    def seen(self, doc: Document) -> bool:
        with self._lock:
            return self._sink.seen(doc)

    def write(self, result: DocumentResult) -> None:
        with self._lock:
            self._sink.write(result)


class _Feed:
    """Cleans in a driver thread and hands the blocks' object references to the
    dataset's read task through a bounded queue; ``None`` ends the stream."""

    def __init__(self, tables: Iterator[Any]) -> None:
        self._tables = tables
        self.queue: Any = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self, actors: int) -> bool:
        """Start cleaning; False when there is nothing to analyse at all."""
        import ray
        from ray.util.queue import Queue

        first = next(self._tables, None)
        if first is None:
            return False
        # The queue's actor starts in a process of its own (~1 s); the first put, in
        # the thread, waits for it, so the dataset's actors start meanwhile.
        self.queue = Queue(maxsize=BLOCKS_AHEAD * actors, actor_options={"num_cpus": 0})
        self._thread = threading.Thread(target=self._run, args=(ray.put(first),),
                                        name="dossier-clean", daemon=True)
        self._thread.start()
        return True

    def _run(self, first: Any) -> None:
        import ray

        try:
            self.queue.put([first])  # in a list: Ray would resolve a bare ref
            for table in self._tables:
                self.queue.put([ray.put(table)])
        except BaseException as exc:  # re-raised by join(), in the driver's thread
            self.error = exc
        finally:
            self.queue.put(None)

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self.error is not None:
            raise self.error


def _rows(result: DocumentResult) -> list[tuple[int, DocumentResult]]:
    """A document as rows: whole, or, when its articles make several jobs, a base
    and its jobs (so every actor gets part of a long dump, as local workers do)."""
    jobs = nlp_jobs(result)
    if len(jobs) < 2 and not needs_pieces(result.articles):  # too long: parsed in pieces
        return [(WHOLE, result)]
    return [(BASE, result)] + [(JOB, job) for job in jobs]


def _blocks(results: Iterator[DocumentResult]) -> Iterator[Any]:
    """Arrow tables of a few rows (seq, document_id, role, part, parts, result)."""
    import pyarrow as pa

    rows: list[tuple[int, str, int, int, int, bytes]] = []
    size = seq = 0

    def table() -> Any:
        cols = list(zip(*rows, strict=True))
        return pa.table({
            "seq": pa.array(cols[0], pa.int64()),
            "document_id": pa.array(cols[1], pa.string()),
            "role": pa.array(cols[2], pa.int8()),
            "part": pa.array(cols[3], pa.int32()),
            "parts": pa.array(cols[4], pa.int32()),
            "result": pa.array(cols[5], pa.binary()),
        })

    for result in results:
        parts = _rows(result)
        for part, (role, piece) in enumerate(parts):
            rows.append((seq, result.document.id, role, part, len(parts),
                         pickle.dumps(piece, pickle.HIGHEST_PROTOCOL)))
            seq += 1
            size += sum(len(a.text) for a in piece.articles)
            if len(rows) >= BATCH_DOCUMENTS or size >= pipeline.JOB_CHARS:
                yield table()
                rows, size = [], 0
    if rows:
        yield table()


class Analyser:
    """The NLP of :func:`dossier.pipeline.analyse` as a Ray Data callable class: the
    model is loaded once per Ray worker, in ``__init__``."""

    def __init__(self, settings: dict[str, Any], records: bool = True) -> None:
        from threadpoolctl import threadpool_limits

        from dossier.analysis import analysers, gazetteer_files

        threadpool_limits(1)  # one BLAS thread per worker: the CPUs are Ray's to share
        self.settings = settings
        self.records = records  # the records as JSON, for a dataset DuckDB reads
        an = analysers(settings.get("spacy_model"), gazetteer_files(settings))
        an.geo.warm_up()  # the city table, built on first use

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import json

        out_records: list[list[str]] = []
        out_results: list[bytes] = []
        sources: list[str] = []
        results: list[DocumentResult] = [pickle.loads(blob) for blob in batch["result"]]
        # a base has the articles and dropped spans; its jobs (and whole documents)
        # the NLP, all of the block in one nlp.pipe stream
        analyse_all_safely([r for role, r in zip(batch["role"], results, strict=True)
                            if role != BASE], self.settings)
        for role, result in zip(batch["role"], results, strict=True):
            records: list[dict[str, Any]] = []
            if self.records:
                records = result.records()
                if role == JOB:  # the articles are the base's records
                    records = records[len(result.articles) + len(result.dropped):]
            out_records.append([json.dumps(r, ensure_ascii=False) for r in records])
            out_results.append(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
            sources.append(result.document.source)
        return {"seq": batch["seq"], "document_id": batch["document_id"],
                "role": batch["role"], "part": batch["part"], "parts": batch["parts"],
                "source": sources, "records": out_records, "result": out_results}


def _stream_source(queue: Any) -> Any:
    """A Ray Data source of one read task that yields the blocks the driver queues,
    until ``None``."""
    from ray.data import Datasource, ReadTask
    from ray.data.block import BlockMetadata

    def read() -> Iterator[Any]:
        import ray

        while (refs := queue.get()) is not None:
            yield ray.get(refs[0])

    class _Stream(Datasource):
        def estimate_inmemory_data_size(self) -> None:
            return None

        def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None,
                           data_context: Any = None) -> list[ReadTask]:
            return [ReadTask(read, BlockMetadata(num_rows=None, size_bytes=None,
                                                 exec_stats=None, input_files=None))]

    return _Stream()


def _analyse_on_ray(feed: _Feed, settings: dict[str, Any], workers: int,
                    cluster: bool, output: Path | None) -> Iterator[dict[str, Any]]:
    """Result rows (seq, document_id, part, parts, result), in input order."""
    import ray
    import ray.data

    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # e.g. "the operator only received 1 input(s)" for a small batch: not the user's
    warnings.filterwarnings("ignore", category=UserWarning, module=r"ray\.data")
    # A fixed pool of model actors, all loading their model at once, on every CPU of
    # the cluster but one: Ray Data's own small tasks must still get scheduled, or
    # the run waits forever.
    cpus = int(ray.cluster_resources().get("CPU", 1))
    actors = max(1, cpus - 1) if cluster else max(1, min(workers, cpus - 1))
    if not feed.start(actors):
        return
    # Ray Data re-blocks what a read task yields: to its target block size (128 MB:
    # the whole of a small batch, no streaming), then split to its default
    # parallelism (a document a block). Blocks of BLOCK_BYTES, never split, stream.
    # The read task only waits on the queue: it takes no CPU from the actors. The
    # process's Ray Data context is the caller's again once the run is over.
    ctx = ray.data.DataContext.get_current()
    saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars,
             ctx.print_on_execution_start, ctx.target_max_block_size)
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.target_max_block_size = BLOCK_BYTES
    try:
        ds = ray.data.read_datasource(_stream_source(feed.queue), num_cpus=0,
                                      override_num_blocks=1).map_batches(
            Analyser,
            fn_constructor_kwargs={"settings": settings, "records": output is not None},
            batch_size=None, batch_format="numpy", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=actors),
        )
        columns = ["seq", "document_id", "part", "parts", "result"]
        if output is None:  # stream the results back while the NLP runs
            for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
                table: Any = batch
                yield from table.select(columns).to_pylist()
            return
        import pyarrow.parquet as pq

        if output.exists():
            shutil.rmtree(output)
        ds.write_parquet(str(output), ray_remote_args={"num_cpus": 0})
        for path in sorted(output.glob("*.parquet")):
            yield from pq.read_table(path, columns=columns).sort_by("seq").to_pylist()
    finally:
        (ctx.execution_options.preserve_order, ctx.enable_progress_bars,
         ctx.print_on_execution_start, ctx.target_max_block_size) = saved


def _merged(rows: Iterator[dict[str, Any]]) -> Iterator[DocumentResult]:
    """Documents from result rows; a long document's base and jobs are merged once
    all its rows have come."""
    waiting: dict[str, list[tuple[int, DocumentResult]]] = {}
    for row in rows:
        result: DocumentResult = pickle.loads(row["result"])
        if row["parts"] == 1:
            yield result
            continue
        pieces = waiting.setdefault(row["document_id"], [])
        pieces.append((row["part"], result))
        if len(pieces) == row["parts"]:
            del waiting[row["document_id"]]
            pieces.sort(key=lambda p: p[0])
            yield merge_jobs(pieces[0][1], [p[1] for p in pieces[1:]])
    if waiting:
        raise DossierError(f"Ray results lack parts of {len(waiting)} document(s); run again")


def _load(results: Iterator[DocumentResult], sink: Sink, summary: RunSummary) -> None:
    for result in results:
        sink.write(result)
        summary.add(result)
