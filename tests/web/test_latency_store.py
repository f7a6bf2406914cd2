"""The web latency benchmark's store generator writes the store's current schema.

``benchmarks/web_latency.py`` fills the tables with positional INSERTs, so a column the
store gains breaks it (it did: mentions and quotes gained confidence, act and segments).
This runs the generator on a handful of articles and reads the rows back through the
store's own views, so the benchmark cannot silently drift again."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pytest

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "web_latency.py"


@pytest.fixture(scope="module")
def web_latency():
    spec = importlib.util.spec_from_file_location("web_latency", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generate_fills_every_table_with_the_current_schema(web_latency, tmp_path):
    path = tmp_path / "synthetic.duckdb"
    web_latency.generate(path, 6)
    con = duckdb.connect(str(path), read_only=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "mentions", "quotes", "events", "dropped")}
    assert counts == {"articles": 6, "mentions": 60, "quotes": 18, "events": 18,
                      "dropped": 6}
    # the columns the positional INSERTs must not leave empty or shifted
    assert con.execute("SELECT min(confidence), max(confidence) FROM mentions"
                       ).fetchone() == (0.9, 0.9)
    assert con.execute("SELECT DISTINCT act FROM quotes").fetchall() == [("speech",)]
    assert con.execute("SELECT count(*) FROM quotes WHERE quote_type <> 'direct'"
                       ).fetchone() == (0,)
