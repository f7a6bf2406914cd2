"""Ctrl-C during a store query: DuckDB reports it as ``RuntimeError: Query
interrupted`` caused by the KeyboardInterrupt; the store gives it back as a
KeyboardInterrupt (so a run stopped by Ctrl-C ends with 130, and no per-document error
handler takes it for a bad document), and leaves every other error as it was."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from dossier.store.db import _Connection


def _interrupted() -> RuntimeError:
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as ki:
            raise RuntimeError("Query interrupted") from ki
    except RuntimeError as exc:
        return exc


class _Raising:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc
        self.closed = False

    def execute(self, *args: Any) -> Any:
        raise self.exc

    def executemany(self, *args: Any) -> Any:
        raise self.exc

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize("method", ["execute", "executemany"])
def test_an_interrupted_query_is_a_keyboard_interrupt(method: str) -> None:
    con = _Connection(_Raising(_interrupted()))  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        getattr(con, method)("SELECT 1", [])


@pytest.mark.parametrize("exc", [
    RuntimeError("Query interrupted"),  # no Ctrl-C behind it
    duckdb.InterruptException("INTERRUPT Error: Interrupted!"),  # a timeout's interrupt()
    duckdb.CatalogException("Table with name nope does not exist!"),
])
def test_other_errors_stay_what_they_are(exc: Exception) -> None:
    con = _Connection(_Raising(exc))  # type: ignore[arg-type]
    with pytest.raises(type(exc)):
        con.execute("SELECT 1")


def test_the_connection_passes_the_rest_through() -> None:
    real = duckdb.connect()
    con = _Connection(real)
    assert con.execute("SELECT 41 + 1").fetchone() == (42,)
    con.close()
    with pytest.raises(duckdb.ConnectionException):
        real.execute("SELECT 1")
