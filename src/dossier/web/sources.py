"""The stores the web app serves: the main store (``--db``) and browser-made
collections, each opened read-only with its derived read model (see index.py).

Every query runs on its own cursor under a time limit: a timer interrupts the
cursor and the caller gets :class:`QueryTimeout`.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dossier.store import Store
from dossier.web import index

MAIN = "main"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


class WebError(Exception):
    """An error with an HTTP status and a stable code: the documented error shape."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, status: int | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code


class NotFound(WebError):
    status = 404
    code = "not_found"


class QueryTimeout(WebError):
    status = 504
    code = "query_timeout"


class Busy(WebError):
    status = 409
    code = "busy"


# DuckDB threads per query. A web server runs queries side by side, and on a busy
# machine one thread per query is faster than two fighting for the cores
# (benchmarks/web_latency.py: search p50 215 vs 326 ms on a loaded 2-core box).
QUERY_THREADS = 1

# At most this many queries run at once (DuckDB already uses every core for one);
# the others wait their turn, within the same time limit.
_RUNNING = threading.BoundedSemaphore(max(2, 2 * (os.cpu_count() or 1)))


@contextmanager
def timed(con: duckdb.DuckDBPyConnection, seconds: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on ``con`` that is interrupted after ``seconds`` (waiting included)."""
    start = time.monotonic()
    if not _RUNNING.acquire(timeout=seconds):
        raise QueryTimeout(f"the server is busy: no query slot within {seconds:g} s; "
                           "try again")
    try:
        with _interrupt_after(con, seconds - (time.monotonic() - start), seconds) as cur:
            yield cur
    finally:
        _RUNNING.release()


@contextmanager
def _interrupt_after(con: duckdb.DuckDBPyConnection, left: float, seconds: float
                     ) -> Iterator[duckdb.DuckDBPyConnection]:
    cur = con.cursor()
    timer = threading.Timer(max(left, 0.001), cur.interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield cur
    except duckdb.InterruptException as exc:
        raise QueryTimeout(f"the query took longer than {seconds:g} s; narrow it down "
                           "(add filters or a date range)") from exc
    finally:
        timer.cancel()
        cur.close()


@dataclass
class Source:
    name: str
    store_path: Path
    store: Store
    index: duckdb.DuckDBPyConnection
    fts: bool
    timeout: float
    fingerprint: str = ""

    def ix(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        return timed(self.index, self.timeout)

    def st(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        return timed(self.store.con, self.timeout)

    def close(self) -> None:
        self.index.close()
        self.store.close()


def valid_collection(name: str) -> str:
    name = name.strip().lower()
    if name == MAIN or not _NAME.match(name):
        raise WebError(f"collection name {name!r}: use 1-63 lowercase letters, digits, - or _ "
                       f"(not {MAIN!r})", status=422, code="invalid_parameter")
    return name


class Registry:
    """Opens stores lazily, one Source per name; a collection being written is busy."""

    def __init__(self, main: Path | None, data_dir: Path, cache_dir: Path,
                 timeout: float, floor: float = 0.0) -> None:
        """``floor``: the confidence below which quotes and events are hidden unless
        a page asks for every record."""
        self.main = main
        self.floor = float(floor)
        self.data_dir = data_dir
        self.cache_dir = cache_dir
        self.timeout = timeout
        self._open: dict[str, Source] = {}
        self._busy: set[str] = set()
        self._lock = threading.RLock()

    def path(self, name: str) -> Path:
        if name == MAIN:
            if self.main is None:
                raise NotFound("no main store: start `dossier serve --db PATH` or ingest a "
                               "collection")
            return self.main
        return self.data_dir / "collections" / f"{valid_collection(name)}.duckdb"

    def collections(self) -> list[str]:
        folder = self.data_dir / "collections"
        names = {p.stem for p in folder.glob("*.duckdb")} if folder.is_dir() else set()
        return sorted(names | self._busy)

    def get(self, name: str) -> Source:
        with self._lock:
            if name in self._busy:
                raise Busy(f"collection {name!r} is being ingested; try again when the job "
                           "is done")
            src = self._open.get(name)
            path = self.path(name)
            fresh = path.exists() and src is not None and \
                src.fingerprint == index.fingerprint(path, self.floor)
            if src is not None and fresh:
                return src
            if src is not None:
                src.close()
                del self._open[name]
            if not path.exists():
                raise NotFound(f"no store called {name!r}")
            src = self._open_source(name, path)
            self._open[name] = src
            return src

    def _open_source(self, name: str, path: Path) -> Source:
        store = Store(path, read_only=True)
        ix_path = index.ensure(path, self.cache_dir, self.floor)
        con = duckdb.connect(str(ix_path), read_only=True)
        for c in (con, store.con):  # requests run side by side: one core per query
            c.execute(f"SET threads = {QUERY_THREADS}")
        fts = index.load_fts(con)
        row = con.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()
        built_with_fts = row is not None and row[0] == "1"
        fp = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        return Source(name, path, store, con, fts and built_with_fts, self.timeout,
                      fp[0] if fp else "")

    def begin_write(self, name: str) -> Path:
        """Close the collection for reading and mark it busy; returns its path."""
        with self._lock:
            path = self.path(name)
            if name in self._busy:
                raise Busy(f"collection {name!r} is already being ingested")
            src = self._open.pop(name, None)
            if src is not None:
                src.close()
            self._busy.add(name)
            return path

    def end_write(self, name: str) -> None:
        with self._lock:
            self._busy.discard(name)

    def close(self) -> None:
        with self._lock:
            for src in self._open.values():
                src.close()
            self._open.clear()
