"""Parquet reader: news-export columns, configured fields, rows without text and
damaged files reported, streamed a batch at a time."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dossier.errors import InputError
from dossier.ingest import detect_format, read_file, read_inputs
from dossier.ingest.base import ReadOptions
from dossier.ingest.jsonl import read_jsonl
from dossier.records import Document, Problem

# Columns as a CC-News / news-please export has them.
CCNEWS = {
    "title": ["Council approves budget", "Fire under control", "Empty page"],
    "main_text": ["The city council approved the new budget on Monday.\nIt includes parks.",
                  "Firefighters brought the blaze under control by dawn, officials said.",
                  None],
    "url": ["https://example.org/budget", "https://example.org/fire", "https://example.org/x"],
    "date_publish": [datetime(2021, 3, 4, 18, 0), datetime(2021, 3, 5, 7, 30), None],
    "language": ["en", "en", "en"],
}


def write(path: Path, columns: dict[str, list], row_group_size: int = 2) -> Path:
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


def collect(path: Path, options: ReadOptions | None = None
            ) -> tuple[list[Document], InputError | None]:
    docs: list[Document] = []
    try:
        for doc in read_file(path, options):
            docs.append(doc)
    except InputError as exc:
        return docs, exc
    return docs, None


def test_a_news_export_reads_with_its_own_column_names(tmp_path: Path) -> None:
    path = write(tmp_path / "ccnews.parquet", CCNEWS)
    assert detect_format(path) == "parquet"
    docs, err = collect(path)
    assert [d.title for d in docs] == ["Council approves budget", "Fire under control"]
    first = docs[0]
    assert first.format == "parquet" and first.locator == "row 1"
    assert first.url == "https://example.org/budget"
    assert first.published == "2021-03-04"  # a timestamp column
    assert first.text.startswith("The city council approved")
    # the empty row is reported after the good rows, by its number
    assert err is not None and "row 3" in err.problem and "main_text" in err.problem


def test_the_configured_field_wins_over_the_usual_names(tmp_path: Path) -> None:
    path = write(tmp_path / "x.parquet", {"text": ["Short teaser."],
                                          "body": ["The whole article, which is longer."]})
    docs, err = collect(path, ReadOptions(jsonl_text_field="body"))
    assert err is None and docs[0].text == "The whole article, which is longer."
    docs, err = collect(path)  # default: "text"
    assert err is None and docs[0].text == "Short teaser."


@pytest.mark.parametrize("name", ["x.parquet", "x.data"])  # found by content, not name
def test_a_file_with_no_text_column_says_which_setting_to_change(tmp_path: Path,
                                                                 name: str) -> None:
    path = write(tmp_path / name, {"headline_only": ["A", "B"]})
    docs, err = collect(path)
    assert docs == [] and err is not None
    assert "no text column" in err.problem and "headline_only" in err.problem
    assert "jsonl_text_field" in (err.hint or "")


def test_a_damaged_file_is_one_problem_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "a.parquet", CCNEWS)
    bad = tmp_path / "b.parquet"
    bad.write_bytes(good.read_bytes()[:200])  # cut short: no footer
    items = list(read_inputs([bad, good]))
    problems = [i for i in items if isinstance(i, Problem)]
    assert problems[0].source == str(bad) and "Parquet" in problems[0].message
    assert sum(isinstance(i, Document) for i in items) == 2  # the good file still read


def test_rows_are_read_a_batch_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    """A large file is not turned into Python all at once."""
    import dossier.ingest.parquet as reader

    monkeypatch.setattr(reader, "BATCH_ROWS", 10)
    n = 95
    path = write(tmp_path / "big.parquet",
                 {"text": [f"Article number {i} says something new." for i in range(n)]},
                 row_group_size=50)
    asked: list[int] = []
    real = pq.ParquetFile.iter_batches

    def spy(self: pq.ParquetFile, batch_size: int, **kw: object) -> object:
        asked.append(batch_size)
        return real(self, batch_size=batch_size, **kw)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    docs, err = collect(path)
    # one call per row group (each checked against the unpacked-size limit first)
    assert err is None and len(docs) == n and asked == [10, 10]


def test_jsonl_rows_use_the_usual_names_too(tmp_path: Path) -> None:
    path = tmp_path / "np.jsonl"
    path.write_text(json.dumps({"maintext": "A news-please row, with its own field name.",
                                "date_publish": "2021-01-02 10:00:00",
                                "headline": "News-please"}) + "\n")
    docs = list(read_jsonl(path, ReadOptions()))
    assert docs[0].text.startswith("A news-please row")
    assert (docs[0].published, docs[0].title) == ("2021-01-02", "News-please")


def test_a_parquet_export_goes_into_the_store_once(tmp_path: Path) -> None:
    import duckdb
    from click.testing import CliRunner

    from dossier.cli import main

    path = write(tmp_path / "ccnews.parquet", CCNEWS)
    db = tmp_path / "store.duckdb"
    first = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db)])
    assert "row 3" in first.output  # the empty row, named
    again = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db)])
    assert "already in the store" in again.output
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT format, locator FROM documents ORDER BY locator").fetchall()
    assert rows == [("parquet", "row 1"), ("parquet", "row 2")]
