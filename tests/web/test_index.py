"""The derived read model: FTS from the PyPI package, the ILIKE fallback, rebuilds
when the store changes, and the evidence view's segments."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store
from dossier.web import index, queries
from dossier.web.sources import Registry


def test_fts_extension_loads_offline() -> None:
    con = duckdb.connect()
    assert index.load_fts(con)
    assert con.execute("SELECT current_setting('autoinstall_known_extensions')").fetchone() == (
        False,)


def test_ilike_fallback_without_fts(web_db: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "load_fts", lambda con: False)
    reg = Registry(web_db, tmp_path / "data", tmp_path / "cache", 10.0)
    src = reg.get("main")
    assert not src.fts
    res = queries.search(src, queries.Filters(q="Taiwan China"), queries.Page(1, 50))
    assert not res["ranked"] and res["total"] >= 3
    assert all("taiwan" in (i["title"] + i["text"]).lower() for i in res["items"]
               if i["kind"] != "article")
    reg.close()


def test_bm25_matches_the_extension(web_db: Path, tmp_path: Path) -> None:
    reg = Registry(web_db, tmp_path / "data", tmp_path / "cache", 10.0)
    src = reg.get("main")
    ours = queries.search(src, queries.Filters(q="Taiwan"), queries.Page(1, 100))
    theirs = src.index.execute(
        "SELECT rid, score FROM (SELECT rid, fts_main_docs.match_bm25(rid, 'Taiwan') AS score "
        "FROM docs) WHERE score IS NOT NULL ORDER BY score DESC").fetchall()
    assert ours["total"] == len(theirs)
    assert [round(i["score"], 6) for i in ours["items"]] == [round(s, 6) for _, s in theirs]
    none = queries.search(src, queries.Filters(q="the of and"), queries.Page(1, 10))
    assert none["total"] == 0  # stop words only
    reg.close()


def test_index_is_rebuilt_when_the_store_changes(web_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "copy.duckdb"
    shutil.copy(web_db, store)
    reg = Registry(store, tmp_path / "data", tmp_path / "cache", 10.0)
    before = queries.overview(reg.get("main"))["counts"]["article"]
    reg.close()
    ix = index.cache_path(store, tmp_path / "cache")
    assert index.is_fresh(store, ix)
    extra = tmp_path / "extra.txt"
    extra.write_text("A brand new story about harbours and ferries in Norway, long enough "
                     "to count as an article of its own.\n", encoding="utf-8")
    with Store(store) as s:
        run([extra], s, load_settings(overrides={"nlp": False}))
    assert not index.is_fresh(store, ix)
    reg2 = Registry(store, tmp_path / "data", tmp_path / "cache", 10.0)
    assert queries.overview(reg2.get("main"))["counts"]["article"] == before + 1
    assert index.is_fresh(store, ix)
    reg2.close()


def test_segments_cut_at_every_boundary() -> None:
    text = "Ad. Putin said “hello there” today."
    records = {
        "mentions": [{"start": 104, "end": 109}],
        "quotes": [{"start": 116, "end": 127}],
        "events": [{"start": 104, "end": 135}],
        "dropped": [{"start": 100, "end": 103}],
    }
    segs = queries.segments(text, 100, records, show_dropped=False)
    assert segs[0]["hidden"] and segs[0]["text"] == ""
    assert "".join(s["text"] for s in segs) == text[3:]
    putin = next(s for s in segs if s["text"] == "Putin")
    assert set(putin["refs"]) == {"mention:0", "event:0"}
    hello = next(s for s in segs if s["text"] == "hello there")
    assert set(hello["refs"]) == {"quote:0", "event:0"}
    shown = queries.segments(text, 100, records, show_dropped=True)
    assert "".join(s["text"] for s in shown) == text and shown[0]["refs"] == ["dropped:0"]


def test_serve_command_is_thin(web_db: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from dossier.cli import main

    seen = {}

    def fake_run(app: object, host: str, port: int, **options: object) -> None:
        seen.update(app=app, host=host, port=port, **options)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    res = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--port", "8123",
                                    "--data-dir", str(tmp_path / "d"),
                                    "--cache-dir", str(tmp_path / "c")])
    assert res.exit_code == 0, res.output
    assert seen["port"] == 8123 and seen["host"] == "127.0.0.1"
    assert seen["h11_max_incomplete_event_size"] == 1024 * 1024  # long URLs reach the app
    assert seen["app"].state.registry.get("main").store.read_only  # type: ignore[attr-defined]
    assert list((tmp_path / "c").glob("*.web.duckdb"))  # index built before serving
    seen["app"].state.registry.close()  # type: ignore[attr-defined]
