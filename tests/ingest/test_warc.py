"""WARC reader: real Common Crawl records, built archives, truncated and broken ones."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.errors import InputError
from dossier.ingest import read_file, read_inputs
from dossier.ingest.base import ReadOptions
from dossier.ingest.warc import read_warc
from dossier.records import Document, Problem

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
GOLD = json.loads((NEWS / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
CCMAIN = NEWS / "ccmain_sample.warc.gz"
NEWS18 = NEWS / "news18_malformed.warc.gz"
OPTIONS = ReadOptions()


def collect(path: Path, options: ReadOptions = OPTIONS) -> tuple[list[Document], InputError | None]:
    """Documents a reader yielded before it raised, and what it raised."""
    docs: list[Document] = []
    try:
        for doc in read_warc(path, options):
            docs.append(doc)
    except InputError as exc:
        return docs, exc
    return docs, None


def squash(text: str) -> str:
    return " ".join(text.split())


def gold_page(key: str) -> bytes:
    return gzip.decompress((NEWS / "scrapinghub" / f"{key}.html.gz").read_bytes())


def write_warc(path: Path, records: list[tuple[str, str, str | int, str, bytes]],
               *, compress: bool = True) -> None:
    """Write (type, uri, status, content type, body) records with warcio's writer."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for rec_type, uri, status, ctype, body in records:
            if rec_type == "response":
                http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)],
                                        protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                   http_headers=http)
            elif rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                        is_http_request=True)
                record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                   http_headers=http)
            else:
                record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body),
                                                   warc_content_type=ctype)
            writer.write_record(record)


@pytest.fixture
def news_warc(tmp_path: Path) -> Path:
    """Three real news pages as responses, plus records that must be passed over."""
    records: list[tuple[str, str, str | int, str, bytes]] = []
    for key in sorted(GOLD):
        records.append(("request", GOLD[key]["url"], "", "", b""))
        records.append(("response", GOLD[key]["url"], 200, "text/html; charset=utf-8",
                        gold_page(key)))
    records += [
        ("response", "https://example.org/missing", 404, "text/html", b"<html><body><p>"
         + b"Not found. " * 30 + b"</p></body></html>"),
        ("response", "https://example.org/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n"),
        ("response", "https://example.org/app", 200, "text/html",
         b"<html><body><script>render()</script></body></html>"),
        ("metadata", "https://example.org/app", "", "application/warc-fields",
         b"fetchTimeMs: 1\r\n"),
    ]
    path = tmp_path / "news.warc.gz"
    write_warc(path, records)
    return path


def test_built_archive_yields_the_pages_and_reports_the_empty_one(news_warc: Path) -> None:
    docs, error = collect(news_warc)
    assert [d.url for d in docs] == [GOLD[k]["url"] for k in sorted(GOLD)]
    for doc, key in zip(docs, sorted(GOLD), strict=True):
        assert doc.format == "warc" and doc.single_article is True
        assert doc.source == str(news_warc)
        assert doc.locator is not None and doc.locator.startswith("urn:uuid:")
        first = squash(GOLD[key]["articleBody"].split("\n")[0])[:60]
        assert first in squash(doc.text)
        assert doc.title
    assert error is not None
    assert error.source == str(news_warc)
    assert "1 of 4 HTML records had no article text" in error.problem


def test_ids_are_stable_and_locators_unique(news_warc: Path) -> None:
    first, _ = collect(news_warc)
    again, _ = collect(news_warc)
    assert [d.id for d in first] == [d.id for d in again]
    assert len({d.id for d in first}) == len(first)
    assert len({d.locator for d in first}) == len(first)


def test_uncompressed_archive_reads_the_same(tmp_path: Path) -> None:
    key = sorted(GOLD)[0]
    path = tmp_path / "one.warc"
    write_warc(path, [("response", GOLD[key]["url"], 200, "text/html", gold_page(key))],
               compress=False)
    docs, error = collect(path)
    assert error is None
    assert len(docs) == 1 and docs[0].url == GOLD[key]["url"]


def test_text_conversion_and_resource_records(tmp_path: Path) -> None:
    text = "A plain text conversion of a page, as WET files hold it.\nSecond line."
    key = sorted(GOLD)[1]
    path = tmp_path / "mixed.warc.gz"
    write_warc(path, [
        ("conversion", "https://example.org/a", "", "text/plain", text.encode()),
        ("resource", "https://example.org/b", "", "text/html", gold_page(key)),
        ("resource", "https://example.org/c.bin", "", "application/octet-stream", b"\x00\x01"),
    ])
    docs, error = collect(path)
    assert error is None
    assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
    assert docs[0].text == text
    assert squash(GOLD[key]["articleBody"])[:60] in squash(docs[1].text)


def test_real_common_crawl_sample() -> None:
    docs, error = collect(CCMAIN)
    assert len(docs) == 14
    by_url = {d.url: d for d in docs}
    page = by_url["http://01spb.ru/company/"]
    assert page.title == "О компании - Стратегия пожарной безопасности"
    assert "decoded as cp1251" in page.notes
    assert "Стратегия пожарной безопасности" in page.text
    assert all(d.published is None or len(d.published) == 10 for d in docs)
    assert error is not None and error.source == str(CCMAIN)
    assert "2 of 16 HTML records had no article text" in error.problem


def test_published_option_is_the_fallback(tmp_path: Path) -> None:
    body = b"<p>" + b"The harbour reopened after the storm and boats went out again. " * 5
    dated = (b"<html><head><meta property='article:published_time' content='2019-05-04'>"
             b"</head><body><article>" + body + b"</p></article></body></html>")
    undated = b"<html><body><article>" + body + b"</p></article></body></html>"
    path = tmp_path / "dates.warc.gz"
    write_warc(path, [("response", "https://example.org/a", 200, "text/html", dated),
                      ("response", "https://example.org/b", 200, "text/html", undated)])
    docs, error = collect(path, ReadOptions(published="2020-01-31"))
    assert error is None
    assert [d.published for d in docs] == ["2019-05-04", "2020-01-31"]


@pytest.mark.parametrize("share", [0.3, 0.6, 0.9])
def test_truncated_gzipped_warc_yields_what_was_read_then_raises(tmp_path: Path,
                                                                 share: float) -> None:
    raw = CCMAIN.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(raw[: int(len(raw) * share)])
    docs, error = collect(path)
    whole, _ = collect(CCMAIN)
    assert docs, "the records before the cut must come out"
    assert [d.id for d in docs] == [d.id for d in whole[: len(docs)]]
    assert error is not None
    assert error.source == str(path)
    assert str(path) in str(error)
    assert "truncated WARC after" in error.problem


def test_truncated_uncompressed_warc(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    write_warc(full, [("response", GOLD[k]["url"], 200, "text/html", gold_page(k))
                      for k in sorted(GOLD)], compress=False)
    raw = full.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(raw[: int(len(raw) * 0.6)])
    docs, error = collect(cut)
    assert 1 <= len(docs) < 3
    assert error is not None and "truncated WARC after" in error.problem


def test_malformed_content_length_record() -> None:
    docs, error = collect(NEWS18)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.language == "hi"
    assert "नीतीश कुमार" in doc.text  # mojibake in the archive, repaired
    assert doc.title is not None and "नीतीश" in doc.title
    assert doc.url is not None and doc.url.startswith("https://hindi.news18.com/news/bihar/")
    assert "repaired mojibake" in doc.notes
    assert any("Content-Length" in note for note in doc.notes)
    assert error is not None and "malformed WARC" in error.problem


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"hello world\n" * 20, "not a WARC file"),
        (b"", "file is empty"),
        (gzip.compress(b"this is gzip but no WARC inside\n" * 10), "not a WARC file"),
    ],
    ids=["text", "empty", "gzipped-text"],
)
def test_not_a_warc(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    docs, error = collect(path)
    assert docs == []
    assert error is not None and problem in error.problem and error.source == str(path)


def test_read_file_dispatches_warc(news_warc: Path) -> None:
    docs = []
    with pytest.raises(InputError, match="had no article text"):
        for doc in read_file(news_warc):
            docs.append(doc)
    assert len(docs) == 3 and all(d.format == "warc" for d in docs)


def test_archive_without_pages(tmp_path: Path) -> None:
    path = tmp_path / "requests.warc.gz"
    write_warc(path, [("request", "https://example.org/", "", "", b"")])
    docs, error = collect(path)
    assert docs == []
    assert error is not None and "no HTML pages in this WARC" in error.problem


def test_dispatcher_keeps_documents_and_adds_a_problem(tmp_path: Path) -> None:
    raw = CCMAIN.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(raw[: int(len(raw) * 0.6)])
    out = list(read_inputs([path]))
    assert any(isinstance(o, Document) for o in out)
    assert isinstance(out[-1], Problem)
    assert out[-1].source == str(path) and "truncated WARC" in out[-1].message
