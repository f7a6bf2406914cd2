"""Hostile inputs cost only themselves: rows, records and files that would crash,
hang or flood a reader are reported, and what is good around them is read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

import dossier.ingest.base as base
from dossier.ingest import ReadOptions, read_inputs
from dossier.records import Document, Problem

FIXTURES = Path(__file__).parents[1] / "fixtures" / "news"
GOOD = json.dumps({"text": "Prime Minister Rishi Sunak visited Kyiv. He said Britain would "
                           "send more aid."})


def _read(path: Path, **options: object) -> tuple[list[Document], list[str]]:
    out = list(read_inputs([path], ReadOptions(**options)))  # type: ignore[arg-type]
    return ([d for d in out if isinstance(d, Document)],
            [p.message for p in out if isinstance(p, Problem)])


@pytest.mark.parametrize(("row", "why"), [
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ('{"text": "x", "n": ' + "9" * 10_000 + "}", "a value too large"),
    ('{"text": "caf\\ud800"}', None),  # a lone surrogate: read, not a crash
])
def test_a_hostile_jsonl_row_costs_only_itself(tmp_path: Path, row: str, why: str | None
                                               ) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(f"{row}\n{GOOD}\n", encoding="utf-8")
    docs, problems = _read(path)
    assert "Rishi Sunak" in docs[-1].text
    assert not any("unexpected" in p for p in problems)
    if why:
        assert len(docs) == 1 and why in problems[0] and "line 1" in problems[0]


def test_a_warc_cut_inside_a_record_header_is_reported_as_truncated(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    path.write_bytes((FIXTURES / "ccmain_sample.warc.gz").read_bytes()[:593])
    _docs, problems = _read(path)
    assert len(problems) == 1 and "truncated or corrupt WARC" in problems[0]
    assert "AttributeError" not in problems[0]


@pytest.mark.parametrize(("head", "what"), [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nSome text here\n", "a PDF file"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"{\\rtf1\\ansi The minister said", "an RTF document"),
])
@pytest.mark.parametrize("name", ["file.txt", "file.html"])
def test_a_binary_format_is_named_not_read_as_text(tmp_path: Path, head: bytes, what: str,
                                                   name: str) -> None:
    path = tmp_path / name
    path.write_bytes(head + b"The minister said the talks would go on. " * 20)
    docs, problems = _read(path)
    assert docs == [] and len(problems) == 1
    assert problems[0].startswith(f"this is {what}") and ", not text (" in problems[0]


def test_plain_text_is_not_taken_for_a_binary_format(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("BZh, the minister said. PK is a name too.\n" * 5, encoding="utf-8")
    docs, problems = _read(path)
    assert len(docs) == 1 and problems == []


BOMB_LINE = b"The council met again on Tuesday to discuss the budget.\n"


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz", "bomb.html.gz"])
def test_a_decompression_bomb_is_stopped(tmp_path: Path, name: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "UNPACK_FLOOR_BYTES", 1 << 20)
    line = (GOOD.encode() + b"\n") if "jsonl" in name else BOMB_LINE
    body = line * (8 * 2**20 // len(line))  # 8 MiB packing ~200x
    if "html" in name:
        body = b"<html><body><p>" + body + b"</p></body></html>"
    path = tmp_path / name
    path.write_bytes(gzip.compress(body))
    docs, problems = _read(path, stream_chunk_bytes=1 << 19)
    assert len(problems) == 1 and "decompression bomb" in problems[0]
    # with the ratio raised, the same file is read in full
    _docs, problems = _read(path, stream_chunk_bytes=1 << 19, max_unpack_ratio=1000)
    assert not any("bomb" in p for p in problems)


def test_a_file_past_its_time_limit_is_stopped_with_what_was_read_kept(
        tmp_path: Path, demo_text: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("\n\n".join([demo_text] * 8), encoding="utf-8")
    docs, problems = _read(path, stream_chunk_bytes=40_000, max_file_seconds=1e-9)
    assert len(docs) == 1 and docs[0].more
    assert len(problems) == 1 and "stopped after" in problems[0]
    assert "max_file_seconds" in problems[0]


@pytest.mark.parametrize("name", ["big.txt.gz", "big.jsonl.gz", "big.html.gz", "big.parquet"])
def test_max_unpacked_mb_stops_a_big_file_that_packs_like_text(
        tmp_path: Path, name: str, make_varied_text: Any) -> None:
    """A gzipped upload of 3 MiB of text packs ~3x, far under max_unpack_ratio: only the
    cap on unpacked bytes (web_max_unpacked_mb for uploads) stops it early."""
    body = make_varied_text(3 * 2**20)
    path = tmp_path / name
    if "jsonl" in name:
        lines = body.decode().split("\n\n")
        body = "\n".join(json.dumps({"text": x}) for x in lines if x).encode()
    if "html" in name:
        body = b"<html><body><p>" + body + b"</p></body></html>"
    if name.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [x for x in body.decode().split("\n\n") if x]
        pq.write_table(pa.table({"text": rows}), path, row_group_size=2000)
    else:
        path.write_bytes(gzip.compress(body))
    assert len(body) / path.stat().st_size < 10
    docs, problems = _read(path, stream_chunk_bytes=1 << 18, max_unpacked_bytes=2**20)
    assert len(problems) == 1 and "max_unpacked_mb" in problems[0], problems
    assert "decompression bomb" in problems[0]
    if "html" not in name:  # read whole: all or nothing; streamed: what came before kept
        assert docs and sum(len(d.text) for d in docs) < 1.2 * 2**20
    docs, problems = _read(path, stream_chunk_bytes=1 << 18)  # no cap: read in full
    assert problems == [] and sum(len(d.text) for d in docs) > 2.5 * 2**20
