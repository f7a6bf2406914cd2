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

from dossier.errors import InputError
from dossier.ingest import ReadOptions, expand_inputs, read_file, read_inputs
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
    running: deque[tuple[Any, Any]] = deque()  # (process, queue), in input order
    files = iter(expand_inputs(inputs))
    done = False

    def start_more() -> Iterator[Problem]:
        nonlocal done
        while not done and len(running) < processes:
            item = next(files, None)
            if item is None:
                done = True
            elif isinstance(item, Problem):
                if not running:
                    yield item  # nothing ahead of it: keep its place in the order
                else:
                    q = ctx.Queue()
                    q.put(item)
                    q.put(_END)
                    running.append((None, q))
            else:
                q = ctx.Queue(QUEUE_DOCUMENTS)
                p = ctx.Process(target=_read_into, args=(item, options, q), daemon=True)
                p.start()
                running.append((p, q))

    try:
        yield from start_more()
        while running:
            proc, q = running[0]
            while True:
                got = q.get()
                if isinstance(got, str):  # _END
                    break
                yield got
            if proc is not None:
                proc.join()
            running.popleft()
            yield from start_more()
    finally:
        for proc, _q in running:
            if proc is not None and proc.is_alive():
                proc.terminate()


def _read_into(path: Path, options: ReadOptions, q: Any) -> None:
    try:
        for doc in read_file(path, options):
            q.put(doc)
    except InputError as exc:
        q.put(Problem(exc.source, exc.problem + (f" ({exc.hint})" if exc.hint else "")))
    except Exception as exc:  # a reader bug must not cost the rest of the batch
        q.put(Problem(str(path), f"unexpected error while reading: {type(exc).__name__}: {exc}"))
    q.put(_END)
