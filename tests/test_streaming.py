"""Streamed text dumps: parts cut at blank lines, articles stitched across the cuts,
memory bounded whatever the size of the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.pipeline import Sink, run
from dossier.records import DocumentResult
from dossier.settings import load_settings

FIXTURES = Path(__file__).parent / "fixtures"


class Collect(Sink):
    def __init__(self) -> None:
        self.results: list[DocumentResult] = []

    def write(self, result: DocumentResult) -> None:
        self.results.append(result)

    def articles(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of every article: offsets into the whole file."""
        return [(a.start, a.end, a.text) for r in self.results for a in r.articles]

    def dropped(self) -> list[tuple[int, str]]:
        return [(d.start, d.reason) for r in self.results for d in r.dropped]


def _dump(tmp_path: Path, demo_path: Path) -> Path:
    long = json.loads((FIXTURES / "segment" / "long_articles.json").read_text())
    bodies = ["\n\n".join(a["paragraphs"]) for a in long]
    demo = demo_path.read_text(encoding="utf-8")
    parts = [demo, *bodies[:3], demo, *bodies[3:], demo]
    p = tmp_path / "dump.txt"
    p.write_text("\n\n".join(parts), encoding="utf-8")
    return p


@pytest.mark.parametrize("chunk_mb", [0.01, 0.03])
def test_streamed_dump_gives_the_articles_of_the_whole_file(
        tmp_path: Path, demo_path: Path, chunk_mb: float) -> None:
    path = _dump(tmp_path, demo_path)
    whole, parts = Collect(), Collect()
    run([path], whole, load_settings(overrides={"nlp": "false"}))
    run([path], parts, load_settings(overrides={"nlp": "false",
                                                "stream_chunk_mb": str(chunk_mb)}))
    assert len(whole.results) == 1 and len(parts.results) > 3
    assert parts.articles() == whole.articles()
    assert parts.dropped() == whole.dropped()
    text = path.read_text(encoding="utf-8")
    for r in parts.results:  # every part's text is its slice of the file
        assert text[r.document.offset : r.document.offset + len(r.document.text)] \
            == r.document.text
        assert r.document.locator == \
            f"chars {r.document.offset}-{r.document.offset + len(r.document.text)}"


def test_streamed_parts_are_not_reingested(tmp_path: Path, demo_path: Path) -> None:
    from dossier.store import Store

    path = _dump(tmp_path, demo_path)
    settings = load_settings(overrides={"nlp": "false", "stream_chunk_mb": "0.02"})
    with Store(tmp_path / "s.duckdb") as store:
        first = run([path], store, settings, store.deduplicator(0.8, 128))
        again = run([path], store, settings, store.deduplicator(0.8, 128))
        n = store.counts()["articles"]
    assert first.articles == n > 10
    assert again.articles == 0 and again.already_stored == first.documents


PEAK_RSS = Path(__file__).parents[1] / "benchmarks" / "peak_rss.py"


def _rss_run(path: Path, chunk_mb: str) -> tuple[int, int]:
    """Articles and peak RSS (MiB) of reading ``path`` without NLP in a process of its
    own (the script benchmarks/scale.py uses too)."""
    out = subprocess.run([sys.executable, str(PEAK_RSS), str(path),
                          f"stream_chunk_mb={chunk_mb}"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    articles, rss_mb, _seconds = out.stdout.split()
    return int(articles), int(rss_mb)


@pytest.mark.slow
def test_memory_stays_bounded_on_a_large_dump(tmp_path: Path, demo_path: Path) -> None:
    """Peak RSS of a streamed run does not grow with the file: doubling a dump from 4
    to 8 MB (read in 0.25 MB parts) adds almost nothing, where holding the file, its
    paragraphs and articles would add several times its size. The 1 GB case is in
    benchmarks/scale.py."""
    demo = demo_path.read_text(encoding="utf-8")
    sizes = {}
    for copies in (140, 280):  # ~4 and ~8 MB; each copy numbered: no duplicates
        path = tmp_path / f"large{copies}.txt"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(copies):
                fh.write(demo.replace("China", f"China{i}") + "\n\n")
        articles, rss_mb = _rss_run(path, "0.25")
        assert articles >= copies * 6
        sizes[copies] = (path.stat().st_size / 2**20, rss_mb)
    (small_mb, small_rss), (big_mb, big_rss) = sizes[140], sizes[280]
    assert big_mb - small_mb > 3.5
    assert big_rss - small_rss < 20, sizes
    assert big_rss < 300, sizes


@pytest.mark.slow
def test_memory_stays_bounded_on_a_large_warc(tmp_path: Path) -> None:
    """A WARC is read record by record: doubling an archive of news pages from ~4 to
    ~8 MB adds almost nothing to peak RSS (no file-size limit applies to WARC)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [p.read_bytes() for p in sorted((FIXTURES / "news" / "trafilatura_eval")
                                            .glob("*.html"))]
    sizes = {}
    for copies in (20, 40):  # pages of ~70 KB, each copy numbered: no duplicates
        path = tmp_path / f"large{copies}.warc.gz"
        with path.open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for i in range(copies):
                for j, page in enumerate(pages):
                    body = page.replace(b"<p>", f"<p>Copy {i} of page {j}. ".encode(), 1)
                    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                            protocol="HTTP/1.1")
                    writer.write_record(writer.create_warc_record(
                        f"https://example.org/{i}/{j}", "response",
                        payload=io.BytesIO(body), http_headers=http))
        articles, rss_mb = _rss_run(path, "4")
        assert articles == copies * len(pages)
        sizes[copies] = (copies * sum(map(len, pages)) / 2**20, rss_mb)
    (small_mb, small_rss), (big_mb, big_rss) = sizes[20], sizes[40]
    assert big_mb - small_mb > 3.5
    assert big_rss - small_rss < 20, sizes


def test_truncated_gzip_stream_keeps_what_was_read(tmp_path: Path, demo_path: Path) -> None:
    """A streamed .gz cut off midway: the parts before the cut are stored, the article
    carried over the cut is kept, and the file is named in a problem."""
    import gzip

    text = _dump(tmp_path, demo_path).read_text(encoding="utf-8")
    whole = gzip.compress(text.encode("utf-8"))
    p = tmp_path / "cut.txt.gz"
    p.write_bytes(whole[: len(whole) * 2 // 3])
    sink = Collect()
    summary = run([p], sink, load_settings(overrides={"nlp": "false",
                                                       "stream_chunk_mb": "0.02"}))
    assert [e.source for e in summary.errors] == [str(p)]
    assert "truncated or corrupt gzip" in summary.errors[0].message
    assert len(sink.results) >= 2 and len(sink.articles()) >= 5
    for r in sink.results:  # what was kept is the file's text, at its offsets
        assert text[r.document.offset : r.document.offset + len(r.document.text)] \
            == r.document.text
    from dossier.errors import InputError
    from dossier.ingest import ReadOptions, read_file

    read = 0
    try:
        for part in read_file(p, ReadOptions(stream_chunk_bytes=int(0.02 * 2**20))):
            read += len(part.text)
    except InputError:
        pass
    # the text carried into the part that never came is written, not lost
    assert max(r.document.offset + len(r.document.text) for r in sink.results) == read > 0
