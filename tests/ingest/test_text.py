"""Plain-text reader and the bad inputs every reader must survive."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.ingest import ReadOptions, detect_format, read_file, read_inputs
from dossier.records import Document, Problem


def docs(path: Path, **kw: object) -> list[Document]:
    return list(read_file(path, ReadOptions(**kw)))  # type: ignore[arg-type]


def test_reads_demo_with_stable_id(demo_path: Path) -> None:
    (a,) = docs(demo_path)
    (b,) = docs(demo_path)
    assert a.id == b.id and len(a.id) == 16
    assert a.format == "text" and not a.single_article
    assert a.text == demo_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"   \n\n\t\n", "only white space"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 100, "binary"),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, problem: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as exc:
        docs(p)
    assert problem in str(exc.value) and str(p) in str(exc.value)


def test_too_large_html_names_the_setting(tmp_path: Path) -> None:
    p = tmp_path / "big.html"
    p.write_text("<html><body><p>" + "word " * 300_000 + "</p></body></html>")
    with pytest.raises(InputError, match="max_file_mb"):
        list(read_file(p, ReadOptions(max_file_bytes=1024 * 1024)))


def _paragraphs(n: int) -> str:
    return "".join(f"Paragraph {i} says something about the news of day {i % 7}.\n\n"
                   for i in range(n))


@pytest.mark.parametrize("zipped", [False, True])
def test_large_text_is_streamed_in_parts_cut_at_blank_lines(tmp_path: Path,
                                                           zipped: bool) -> None:
    text = _paragraphs(3000)  # ~170 KB
    p = tmp_path / ("big.txt.gz" if zipped else "big.txt")
    p.write_bytes(gzip.compress(text.encode()) if zipped else text.encode())
    parts = docs(p, stream_chunk_bytes=20_000, max_file_bytes=50_000)
    assert len(parts) >= 8
    assert "".join(d.text for d in parts) == text  # nothing lost or repeated
    offset = 0
    for i, d in enumerate(parts):
        assert d.offset == offset and d.more == (i < len(parts) - 1)
        assert d.locator == f"chars {offset}-{offset + len(d.text)}"
        assert d.text.endswith("\n\n") and len(d.text) <= 21_000
        offset += len(d.text)
    assert len({d.id for d in parts}) == len(parts)
    assert [d.id for d in docs(p, stream_chunk_bytes=20_000)] == [d.id for d in parts]


def test_small_file_is_one_document_whatever_the_chunk(tmp_path: Path) -> None:
    p = tmp_path / "small.txt"
    p.write_text(_paragraphs(10))
    (d,) = docs(p, stream_chunk_bytes=1_000_000)
    assert d.offset == 0 and not d.more and d.locator is None


def test_stream_never_cuts_inside_a_character(tmp_path: Path) -> None:
    text = "Zürich–Genève “déjà vu” " * 2000  # no line breaks at all
    p = tmp_path / "one-line.txt"
    p.write_text(text, encoding="utf-8")
    parts = docs(p, stream_chunk_bytes=4096)
    assert len(parts) > 5
    assert "".join(d.text for d in parts) == text
    assert not any("\ufffd" in d.text for d in parts)


def test_truncated_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(("A line of news text.\n" * 5000).encode())
    p = tmp_path / "cut.txt.gz"
    p.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match="truncated or corrupt gzip"):
        docs(p)


def test_gzip_text(tmp_path: Path) -> None:
    p = tmp_path / "ok.txt.gz"
    p.write_bytes(gzip.compress(b"Plain words in a zipped file.\n"))
    (d,) = docs(p)
    assert d.text == "Plain words in a zipped file.\n"


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes("The café opened on Monday, the mayor said.\n".encode() + b"\xff\xfe oops\n")
    (d,) = docs(p)
    assert "café" in d.text
    assert d.notes  # the user is told what was done


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Le président a visité Genève et Zürich cette semaine.\n".encode("latin-1") * 5)
    (d,) = docs(p)
    assert "président" in d.text and "Zürich" in d.text


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    p = tmp_path / "moji.txt"
    p.write_text("Britain’s prime minister said it’s time.\n".encode().decode("cp1252"),
                 encoding="utf-8")
    (d,) = docs(p)
    assert "Britain’s" in d.text and "repaired mojibake" in d.notes


def test_single_line_file(tmp_path: Path) -> None:
    p = tmp_path / "one.txt"
    p.write_text("A single line article without a newline at the end.")
    (d,) = docs(p)
    assert d.text.startswith("A single line")


def test_batch_goes_on_after_bad_files(tmp_path: Path, demo_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 500)
    (tmp_path / "good.txt").write_text(demo_path.read_text(encoding="utf-8"), encoding="utf-8")
    items = list(read_inputs([tmp_path, tmp_path / "missing.txt", str(tmp_path / "*.none")]))
    problems = [i for i in items if isinstance(i, Problem)]
    documents = [i for i in items if isinstance(i, Document)]
    assert len(documents) == 1
    assert {Path(p.source).name for p in problems} == {"empty.txt", "bin.txt", "missing.txt",
                                                       "*.none"}


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.txt", b"Just text.\n", "text"),
        ("a.md", b"# Title\n\nText.\n", "text"),
        ("page.html", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("noext", b"<html><body>x</body></html>", "html"),
        ("a.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("rows.jsonl", b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("feed.xml", b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        ("feed.json", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "feed"),
        ("notes.xml", b"plain words in an xml-named file", "text"),
    ],
)
def test_detect_format(tmp_path: Path, name: str, content: bytes, fmt: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    assert detect_format(p) == fmt


@pytest.mark.parametrize(("declared", "code"), [
    ("en", "en"), ("en-GB", "en"), ("pt_BR", "pt"), ("zh-Hant-TW", "zh"), (" DE ", "de"),
    ("en-GB, en;q=0.8", "en"),
    # negatives: not a language tag
    ("English", None), ("", None), ("e", None), ("en GB", None), (None, None), (3, None),
])
def test_language_tag_is_the_primary_subtag(declared: object, code: str | None) -> None:
    from dossier.ingest.base import language_tag

    assert language_tag(declared) == code


@pytest.mark.parametrize("text", [
    "Britainâ€™s prime minister said â€œnoâ€\x9d.",  # mojibake
    "The minister\x92s office said \x93no\x94.",  # C1 controls for Windows-1252 quotes
    "A lone surrogate \ud800 in a row.",
    "Plain clean text with “curly quotes” and café.\nA second line.",
    "ASCII only, nothing to repair.",
    "",
])
def test_the_shared_repair_is_ftfys(text: str) -> None:
    """Every reader repairs through ``repair_mojibake``: ftfy's result, ftfy skipped
    only where it would change nothing."""
    import ftfy

    from dossier.ingest.base import ftfy_config, repair_mojibake

    assert repair_mojibake(text) == ftfy.fix_text(text, config=ftfy_config())


def test_plain_text_and_html_repair_alike(tmp_path: Path) -> None:
    from dossier.ingest.html import fix_text

    text = "The minister\u0092s office said no to the plan on Monday morning."
    p = tmp_path / "c1.txt"
    p.write_bytes(text.encode("utf-8"))
    (d,) = docs(p)
    assert "minister’s" in d.text and "repaired mojibake" in d.notes
    assert fix_text(text) == (d.text, True)
