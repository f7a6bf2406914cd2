"""The store: idempotent re-ingest, one transaction per document, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dossier.errors import StoreError
from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store
from dossier.store.schema import SCHEMA_VERSION


def ingest(db: Path, *inputs: Path) -> tuple[dict, object]:
    settings = load_settings()
    with Store(db) as store:
        store.start_run([str(i) for i in inputs])
        dedup = store.deduplicator(0.8, 128)
        summary = run(inputs, store, settings, dedup)
        store.finish_run(summary)
        return store.counts(), summary


def test_reingest_adds_nothing(tmp_path: Path, demo_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first, s1 = ingest(db, demo_path)
    second, s2 = ingest(db, demo_path)
    assert first == second and first["articles"] >= 6 and first["dropped"] == 29
    assert s2.already_stored == 1 and s2.articles == 0  # type: ignore[attr-defined]


def test_duplicates_found_against_the_store(tmp_path: Path, demo_text: str) -> None:
    db = tmp_path / "s.duckdb"
    a = tmp_path / "a.txt"
    a.write_text(demo_text, encoding="utf-8")
    ingest(db, a)
    b = tmp_path / "b.txt"
    b.write_text(demo_text.replace("Advertisement\n", ""), encoding="utf-8")  # other bytes
    ingest(db, b)
    with Store(db, read_only=True) as store:
        rows = list(store.articles())
    by_source: dict[str, list[dict]] = {}
    for r in rows:
        by_source.setdefault(Path(r["source"]).name, []).append(r)
    originals = {r["id"] for r in by_source["a.txt"]}
    assert by_source["b.txt"] and all(r["duplicate_of"] in originals for r in by_source["b.txt"])


def test_store_seeds_the_deduplicator_with_its_latest_window(tmp_path: Path,
                                                            demo_text: str) -> None:
    """``deduplicator(window=N)`` knows the store's N latest originals, not older ones
    (so its memory stays bounded however big the store grows)."""
    db = tmp_path / "s.duckdb"
    paths = []
    paras = [p for p in demo_text.splitlines() if len(p) > 200]
    for i in range(3):  # three different texts from the demo's paragraphs
        p = tmp_path / f"{i}.txt"
        p.write_text("\n\n".join(paras[i * 6:(i + 1) * 6]), encoding="utf-8")
        paths.append(p)
    settings = load_settings(overrides={"nlp": "false", "segment_text": "false"})
    with Store(db) as store:
        run(paths, store, settings, store.deduplicator(0.8, 128))
        rows = store.con.execute("SELECT id, text FROM articles WHERE duplicate_of IS NULL "
                                 "ORDER BY rowid").fetchall()
        assert len(rows) == 3
        whole = store.deduplicator(0.8, 128, window=3)
        latest = store.deduplicator(0.8, 128, window=2)
    (old_id, old_text), (_, mid_text) = rows[0], rows[1]
    assert whole.check("x1", old_text)[0] == old_id
    assert latest.check("x3", mid_text)[0] == rows[1][0]
    assert latest.check("x2", old_text)[0] is None  # the oldest is out of the window


def test_failed_write_leaves_no_partial_document(tmp_path: Path, demo_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    real = duckdb.DuckDBPyConnection.execute
    calls = {"n": 0}

    def flaky(self, sql, params=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if "INTO dropped" in sql:  # documents and articles are in by then
            raise RuntimeError("disk full")
        return real(self, sql, params)

    with Store(db) as store:
        monkeypatch.setattr(duckdb.DuckDBPyConnection, "execute", flaky)
        with pytest.raises(RuntimeError):
            run([demo_path], store, load_settings())
        monkeypatch.undo()
        assert store.counts() == {"documents": 0, "articles": 0, "dropped": 0, "mentions": 0,
                                  "quotes": 0, "events": 0}
    counts, _ = ingest(db, demo_path)  # rerun completes the batch
    assert counts["documents"] == 1 and counts["dropped"] == 29


FEED = Path(__file__).parents[1] / "fixtures" / "news" / "npr_technology_jsonfeed.json"


def _tables(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()
                for t, cols in (("documents", "* EXCLUDE (run_id, ingested_at)"),
                                ("articles", "*"), ("dropped", "*"), ("mentions", "*"),
                                ("quotes", "*"), ("events", "*"))}


def test_batched_writes_store_what_single_writes_store(tmp_path: Path,
                                                       demo_path: Path) -> None:
    settings = load_settings(overrides={"published": "2024-05-16"})
    for batch in (1, 3):
        with Store(tmp_path / f"b{batch}.duckdb", write_batch=batch) as store:
            store.start_run(["x"])
            summary = run([demo_path, FEED], store, settings, store.deduplicator(0.8, 128))
            store.finish_run(summary)
    one, three = _tables(tmp_path / "b1.duckdb"), _tables(tmp_path / "b3.duckdb")
    assert len(one["documents"]) > 3 and len(one["mentions"]) > 100
    assert three == one


def test_a_bad_document_in_a_batch_costs_only_itself(tmp_path: Path, demo_text: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    paths = []
    for name in ("a", "bad", "c"):
        p = tmp_path / f"{name}.txt"
        p.write_text(f"{name.upper()} edition.\n" + demo_text, encoding="utf-8")
        paths.append(p)
    real = Store._write_all

    def fussy(self: Store, results: list) -> None:  # type: ignore[type-arg]
        if any(r.document.source.endswith("bad.txt") for r in results):
            raise RuntimeError("disk full")
        real(self, results)

    monkeypatch.setattr(Store, "_write_all", fussy)
    with Store(tmp_path / "s.duckdb", write_batch=3) as store:
        store.start_run(["x"])
        with pytest.raises(RuntimeError, match="disk full"):
            run(paths, store, load_settings(overrides={"nlp": "false"}))
        sources = [r[0] for r in store.con.execute(
            "SELECT source FROM documents ORDER BY source").fetchall()]
        assert [Path(s).name for s in sources] == ["a.txt", "c.txt"]
        orphans = store.con.execute("SELECT count(*) FROM articles WHERE document_id NOT IN "
                                    "(SELECT id FROM documents)").fetchone()
        assert orphans == (0,)


def test_a_queued_document_counts_as_stored(tmp_path: Path, demo_path: Path) -> None:
    """A document waiting for its batch is 'seen' (not read twice in one run) and is
    written when the store closes."""
    with Store(tmp_path / "s.duckdb", write_batch=10) as store:
        store.start_run(["x"])
        summary = run([demo_path, demo_path], store, load_settings(overrides={"nlp": "false"}))
        assert (summary.repeated, summary.already_stored) == (1, 0)  # read once
        assert store.counts()["documents"] == 0  # still queued
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.counts()["documents"] == 1


def test_a_slow_stream_is_written_without_waiting_for_a_full_batch(
        tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Queued documents older than FLUSH_SECONDS go in with the next write, whatever
    write_batch says (a watcher of a long ingest sees it progress)."""
    import dossier.store.db

    monkeypatch.setattr(dossier.store.db, "FLUSH_SECONDS", -1.0)  # always overdue
    with Store(tmp_path / "s.duckdb", write_batch=1000) as store:
        store.start_run(["x"])
        run([demo_path], store, load_settings(overrides={"nlp": "false"}))
        assert store.counts()["documents"] == 1  # written before close


def test_kill_mid_batch_leaves_whole_documents(tmp_path: Path, demo_text: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    n_files = 60
    for i in range(n_files):
        (src / f"{i:03}.txt").write_text(f"Edition {i}.\n" + demo_text, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-m", "dossier", "ingest", str(src), "--db", str(db), "--json",
           "--set", "nlp=false", "--set", "write_batch=4"]  # transactions of 4 documents
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    # wait until the store has some committed documents, then kill without warning
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        wal = Path(str(db) + ".wal")
        if db.exists() and (wal.exists() and wal.stat().st_size > 200_000 or
                            db.stat().st_size > 2_000_000):
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make it bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        docs = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        # every stored document has all its records: same counts as a whole one
        per_doc = store.con.execute(
            "SELECT d.id, count(DISTINCT a.id), count(DISTINCT x.start_char) FROM documents d "
            "LEFT JOIN articles a ON a.document_id = d.id "
            "LEFT JOIN dropped x ON x.document_id = d.id GROUP BY d.id").fetchall()
        orphans = store.con.execute(
            "SELECT count(*) FROM articles WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
    assert 0 < docs < n_files
    assert orphans == 0
    assert {(arts, drops) for _, arts, drops in per_doc} == {(per_doc[0][1], 29)}
    # rerunning completes the batch
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == n_files


def test_schema_version_and_read_only(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with pytest.raises(StoreError, match="no store here"):
        Store(db, read_only=True)
    Store(db).close()
    with Store(db, read_only=True) as store:
        row = store.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        assert row == (str(SCHEMA_VERSION),)


def test_newer_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_not_a_store(tmp_path: Path) -> None:
    bad = tmp_path / "x.duckdb"
    bad.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open store"):
        Store(bad)
