"""Readers that run ahead in processes of their own, one file each.

Reading is not free: extracting an HTML page's main text (trafilatura) costs about
a third of what the NLP of its article costs. With many input files (a crawl is
hundreds of WARC files) ``read_ahead`` reads up to ``processes`` files at once in
forked processes and yields their documents in input order, as
:func:`~dossier.ingest.read_inputs` does. Each reader hands over its documents
through a bounded queue, so a reader far ahead waits instead of filling memory.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.ingest import ReadOptions, expand_inputs, read_inputs
from dossier.records import Document, Problem

QUEUE_DOCUMENTS = 64
_END = "end"


def read_ahead(inputs: Iterable[str | Path], options: ReadOptions | None = None,
               processes: int = 1) -> Iterator[Document | Problem]:
    """Documents (and Problems) of every input in input order, read by up to
    ``processes`` reader processes (1: read here, as read_inputs does)."""
    options = options or ReadOptions()
    if processes <= 1 or "fork" not in mp.get_all_start_methods():
        yield from read_inputs(inputs, options)
        return
    ctx = mp.get_context("fork")
    # (reader process, its queue) or (None, [problem]), in input order
    running: deque[tuple[Any, Any]] = deque()
    files = iter(expand_inputs(inputs))
    done = False

    def start_more() -> None:
        nonlocal done
        while not done and len(running) < processes:
            item = next(files, None)
            if item is None:
                done = True
            elif isinstance(item, Problem):  # a missing file: keeps its place in the order
                running.append((None, [item]))
            else:
                q = ctx.Queue(QUEUE_DOCUMENTS)
                p = ctx.Process(target=_read_into, args=(item, options, q), daemon=True)
                p.start()
                running.append((p, q))

    try:
        start_more()
        while running:
            proc, source = running[0]
            yield from source if proc is None else iter(source.get, _END)
            if proc is not None:
                proc.join()
            running.popleft()
            start_more()
    finally:
        for proc, _q in running:
            if proc is not None and proc.is_alive():
                proc.terminate()


def _read_into(path: Path, options: ReadOptions, q: Any) -> None:
    """One file's documents, and a Problem for what could not be read, then _END."""
    from dossier.children import die_with_parent

    die_with_parent()
    for item in read_inputs([path], options):
        q.put(item)
    q.put(_END)
