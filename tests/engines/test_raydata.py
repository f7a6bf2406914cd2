"""`--engine ray`: the same records as a local run, on a local 2-CPU Ray."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from dossier.cli import main

pytest.importorskip("ray")

FEED = Path(__file__).parents[1] / "fixtures" / "news" / "npr_technology_jsonfeed.json"
TABLES = {
    "documents": "* EXCLUDE (run_id, ingested_at)",
    "articles": "*", "dropped": "*", "mentions": "*", "quotes": "*", "events": "*",
}


def _rows(db: Path, table: str) -> list[Any]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT {TABLES[table]} FROM {table} ORDER BY ALL").fetchall()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, demo_path: Path) -> dict[str, Any]:
    """The same inputs one process, on Ray with results streamed back to the
    driver, and on Ray with the workers writing a Parquet dataset."""
    tmp = tmp_path_factory.mktemp("ray")
    empty = tmp / "empty.txt"
    empty.write_text("")
    inputs = [str(demo_path), str(FEED), str(empty)]
    common = ["--published", "2024-05-16"]
    cli = CliRunner()
    local = cli.invoke(main, ["ingest", *inputs, "--db", str(tmp / "local.duckdb"),
                              "--workers", "1", *common])
    ray_run = cli.invoke(main, ["ingest", *inputs, "--db", str(tmp / "ray.duckdb"),
                                "--engine", "ray", "--workers", "2", *common])
    shards = cli.invoke(main, ["ingest", *inputs, "--db", str(tmp / "shards.duckdb"),
                               "--engine", "ray", "--workers", "2",
                               "--ray-output", str(tmp / "out"), *common])
    return {"tmp": tmp, "local": local, "ray": ray_run, "shards": shards, "inputs": inputs}


def test_ray_run_reports_the_bad_file_and_goes_on(runs: dict[str, Any]) -> None:
    for name in ("local", "ray", "shards"):
        res = runs[name]
        assert res.exit_code == 1, res.output
        assert "empty.txt" in res.output and "file is empty" in res.output


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize("run", ["ray", "shards"])
def test_ray_run_stores_the_records_of_a_local_run(runs: dict[str, Any], run: str,
                                                   table: str) -> None:
    tmp = runs["tmp"]
    local, ray_rows = _rows(tmp / "local.duckdb", table), _rows(tmp / f"{run}.duckdb", table)
    assert ray_rows == local
    if table in ("articles", "mentions", "quotes", "events"):
        assert len(local) > 5  # the comparison is not vacuous


def test_ray_results_are_a_parquet_dataset_duckdb_reads(runs: dict[str, Any]) -> None:
    """Every record is in the workers' dataset exactly once."""
    tmp = runs["tmp"]
    shards = str(tmp / "out" / "results" / "*.parquet")
    counts = dict(duckdb.sql(
        f"SELECT r->>'kind', count(*) FROM (SELECT unnest(records)::JSON AS r "
        f"FROM read_parquet('{shards}')) GROUP BY 1").fetchall())
    for kind, table in (("article", "articles"), ("dropped", "dropped"),
                        ("mention", "mentions"), ("quote", "quotes"), ("event", "events")):
        assert counts[kind] == len(_rows(tmp / "shards.duckdb", table)) > 0, kind


def test_a_long_document_is_spread_over_the_actors_and_merged_back(
        runs: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo dump is one document: cut into jobs of a few articles (as local
    workers get them), its records still come back whole and equal a local run's."""
    import dossier.pipeline

    monkeypatch.setattr(dossier.pipeline, "JOB_CHARS", 5_000)
    tmp = runs["tmp"]
    res = CliRunner().invoke(main, [
        "ingest", *runs["inputs"], "--db", str(tmp / "jobs.duckdb"), "--engine", "ray",
        "--workers", "2", "--ray-output", str(tmp / "jobs"), "--published", "2024-05-16"])
    assert res.exit_code == 1, res.output
    roles = dict(duckdb.sql(f"SELECT role, count(*) FROM read_parquet("
                            f"'{tmp / 'jobs' / 'results' / '*.parquet'}') GROUP BY 1").fetchall())
    assert roles.get(1) == 1 and roles.get(2, 0) >= 3  # the demo: a base and its jobs
    for table in TABLES:
        assert _rows(tmp / "jobs.duckdb", table) == _rows(tmp / "local.duckdb", table), table


def test_unknown_engine_is_a_usage_error(demo_path: Path) -> None:
    res = CliRunner().invoke(main, ["extract", str(demo_path), "--engine", "spark"])
    assert res.exit_code == 2 and "spark" in res.output


@pytest.mark.slow
def test_joins_a_running_cluster(tmp_path: Path, demo_path: Path) -> None:
    """`--ray-address` connects to a Ray started elsewhere (here `ray start --head`)
    and leaves it running."""
    # Ray ≥ 2.5x turns on token authentication; a real cluster hands its token to
    # clients (see Ray's security docs). This throwaway local one runs without.
    import os
    import shutil
    import socket
    import subprocess
    import sys

    beside = Path(sys.executable).parent / "ray"  # the ray of this environment
    ray_cli = str(beside) if beside.exists() else shutil.which("ray") or "ray"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "RAY_AUTH_MODE": "disabled"}
    subprocess.run([ray_cli, "start", "--head", f"--port={port}", "--num-cpus=2",
                    "--include-dashboard=false", "--disable-usage-stats",
                    "--node-ip-address=127.0.0.1"], check=True, capture_output=True, env=env)
    try:  # the user's command, in a process of its own, as it would be run
        res = subprocess.run([sys.executable, "-m", "dossier", "extract", str(demo_path),
                              "--engine", "ray", "--ray-address", f"127.0.0.1:{port}",
                              "--published", "2024-05-16"],
                             capture_output=True, text=True, env=env, timeout=600)
        assert res.returncode == 0, res.stderr[-3000:]
        local = CliRunner().invoke(main, ["extract", str(demo_path), "--workers", "1",
                                          "--published", "2024-05-16"])
        assert sorted(res.stdout.splitlines()) == sorted(local.output.splitlines())
        status = subprocess.run([ray_cli, "status", f"--address=127.0.0.1:{port}"],
                                capture_output=True, text=True, env=env)
        assert status.returncode == 0  # still running: we joined it, we did not own it
    finally:
        subprocess.run([ray_cli, "stop", "--force"], capture_output=True)


def test_results_missing_a_part_of_a_document_are_an_error() -> None:
    """A long document comes back as a base and its jobs; if one never arrives the
    load stops with a clear error instead of storing half a document."""
    import pickle

    from dossier.engines.raydata import _merged
    from dossier.errors import DossierError
    from dossier.records import Document, DocumentResult

    doc = DocumentResult(Document(id="d1", source="x.txt", format="text", text="…"))
    rows = iter([{"seq": 0, "document_id": "d1", "part": 0, "parts": 2,
                  "result": pickle.dumps(doc)}])
    with pytest.raises(DossierError, match="lack parts of 1 document"):
        list(_merged(rows))


class _Kept:
    """A sink that keeps what it is given."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def seen(self, doc: Any) -> bool:
        return False

    def write(self, result: Any) -> None:
        self.written.append(result.document.id)


def test_a_failure_while_cleaning_ends_the_run_with_that_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver cleans in a thread while the actors work: an error there stops the
    run with that error, after the documents already cleaned are stored, instead of
    leaving the dataset waiting for blocks that never come."""
    from dossier.engines import raydata
    from dossier.records import Document, DocumentResult
    from dossier.settings import load_settings

    def cleaned(*_: Any, **__: Any) -> Any:
        for i in range(3):
            yield DocumentResult(Document(id=f"d{i}", source=f"{i}.txt", format="text",
                                          text="Nothing to see here."))
        raise RuntimeError("the reader broke")

    monkeypatch.setattr(raydata, "cleaned", cleaned)
    monkeypatch.setattr(raydata, "BATCH_DOCUMENTS", 1)  # one block each: three blocks
    import ray.data

    ctx = ray.data.DataContext.get_current()
    before = (ctx.target_max_block_size, ctx.execution_options.preserve_order)
    sink = _Kept()
    with pytest.raises(RuntimeError, match="the reader broke"):
        raydata.run_ray(["0.txt"], sink, load_settings(overrides={"workers": "2"}))
    assert sink.written == ["d0", "d1", "d2"]
    # the run's block size and ordering were for the run only
    assert (ctx.target_max_block_size, ctx.execution_options.preserve_order) == before


def test_the_driver_cleans_only_a_bounded_window_ahead() -> None:
    """A large input never sits whole in the object store: with nobody reading the
    queue, the cleaning thread stops after BLOCKS_AHEAD tables per actor."""
    import time

    import ray

    from dossier.engines import raydata

    made: list[int] = []

    def tables() -> Any:
        for i in range(1000):
            made.append(i)
            yield {"n": i}

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        feed = raydata._Feed(tables())
        assert feed.start(actors=2)
        deadline = time.monotonic() + 30
        bound = raydata.BLOCKS_AHEAD * 2
        while len(made) < bound + 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # had it no bound, it would go on to 1000
        assert bound <= len(made) <= bound + 2
        while feed.queue.get() is not None:  # drain: the thread ends, no error
            pass
        feed.join()
        assert len(made) == 1000
    finally:
        ray.shutdown()
