"""JSON Lines reader: plain and HTML rows, configurable fields, malformed rows skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.ingest import read_file, read_inputs
from dossier.ingest.base import ReadOptions
from dossier.ingest.jsonl import read_jsonl
from dossier.records import Document, Problem

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
GOLD = json.loads((NEWS / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
OPTIONS = ReadOptions()

PLAIN = {
    "text": "The city council approved the new budget on Monday.\nIt includes money for parks.",
    "title": "Council approves budget",
    "date": "2021-03-04T18:00:00-05:00",
    "url": "https://example.org/budget",
    "author": "Jane Roe",
}
FRAGMENT = {
    "text": "<p>Firefighters brought the blaze under control by dawn.</p>"
            "<p>No one was hurt, officials said.</p>",
    "title": "Fire under control",
    "date": "Thu, 04 Mar 2021 10:00:00 +0000",
}


def collect(path: Path, options: ReadOptions = OPTIONS) -> tuple[list[Document], InputError | None]:
    docs: list[Document] = []
    try:
        for doc in read_jsonl(path, options):
            docs.append(doc)
    except InputError as exc:
        return docs, exc
    return docs, None


def write_lines(path: Path, lines: list[str | dict], *, compress: bool = False) -> Path:
    data = "".join((json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x) + "\n"
                   for x in lines).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def full_page() -> dict:
    key = sorted(GOLD)[0]
    html = gzip.decompress((NEWS / "scrapinghub" / f"{key}.html.gz").read_bytes())
    return {"text": html.decode("utf-8"), "url": GOLD[key]["url"]}


def test_plain_text_row(tmp_path: Path) -> None:
    docs, error = collect(write_lines(tmp_path / "a.jsonl", [PLAIN]))
    assert error is None
    (doc,) = docs
    assert doc.text == PLAIN["text"]
    assert doc.title == "Council approves budget"
    assert doc.published == "2021-03-04"
    assert doc.url == "https://example.org/budget"
    assert doc.author == "Jane Roe"
    assert doc.locator == "line 1"
    assert doc.format == "jsonl" and doc.single_article is True
    assert doc.source == str(tmp_path / "a.jsonl")


def test_html_fragment_row(tmp_path: Path) -> None:
    docs, error = collect(write_lines(tmp_path / "a.jsonl", [FRAGMENT]))
    assert error is None
    (doc,) = docs
    assert doc.text == ("Firefighters brought the blaze under control by dawn.\n"
                        "No one was hurt, officials said.")
    assert doc.title == "Fire under control"
    assert doc.published == "2021-03-04"


def test_full_html_page_row(tmp_path: Path) -> None:
    row = full_page()
    docs, error = collect(write_lines(tmp_path / "a.jsonl", [row]))
    assert error is None
    (doc,) = docs
    key = sorted(GOLD)[0]
    first = " ".join(GOLD[key]["articleBody"].split("\n")[0].split())[:60]
    assert first in " ".join(doc.text.split())
    assert doc.url == GOLD[key]["url"]
    assert doc.title  # from the page, since the row has none
    assert "<p>" not in doc.text


def test_malformed_rows_are_skipped_and_reported_after_the_good_ones(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mixed.jsonl", [
        PLAIN,                              # line 1
        "",                                 # line 2: blank, ignored
        '{"text": "broken", "title": ',     # line 3: invalid JSON
        FRAGMENT,                           # line 4
        {"title": "no text field"},         # line 5
        "[1, 2, 3]",                        # line 6: not an object
        {"text": 42},                       # line 7: not text
        {"text": "   "},                    # line 8: empty text
        {"text": "Last good row, with enough words to count."},  # line 9
    ])
    docs, error = collect(path)
    assert [d.locator for d in docs] == ["line 1", "line 4", "line 9"]
    assert error is not None
    assert error.source == str(path)
    assert error.problem.startswith("skipped 5 malformed rows: line 3: not valid JSON")
    for n in (3, 5, 6, 7, 8):
        assert f"line {n}:" in error.problem
    assert "line 1:" not in error.problem and "line 2:" not in error.problem
    assert "3 rows were read" in error.hint


def test_dispatcher_turns_the_error_into_a_problem_and_keeps_rows(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mixed.jsonl", [PLAIN, "{oops", FRAGMENT])
    out = list(read_inputs([path]))
    assert [type(o) for o in out] == [Document, Document, Problem]
    assert isinstance(out[-1], Problem) and "line 2: not valid JSON" in out[-1].message


def test_configured_field_names(tmp_path: Path) -> None:
    row = {"body": "Text lives in body here.", "headline": "H", "when": "2020-02-02",
           "link": "https://example.org/x", "text": "not this one"}
    options = ReadOptions(jsonl_text_field="body", jsonl_title_field="headline",
                          jsonl_date_field="when", jsonl_url_field="link")
    docs, error = collect(write_lines(tmp_path / "a.jsonl", [row]), options)
    assert error is None
    (doc,) = docs
    assert (doc.text, doc.title, doc.published, doc.url) == (
        "Text lives in body here.", "H", "2020-02-02", "https://example.org/x")


def test_missing_configured_text_field_names_it(tmp_path: Path) -> None:
    docs, error = collect(write_lines(tmp_path / "a.jsonl", [PLAIN]),
                          ReadOptions(jsonl_text_field="content"))
    assert docs == []
    assert error is not None and "line 1: no 'content' field" in error.problem


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2021-03-04", "2021-03-04"),
        ("2021-03-04T23:30:00-05:00", "2021-03-04"),
        ("2021-03-04T10:00:00Z", "2021-03-04"),
        ("Thu, 04 Mar 2021 10:00:00 +0000", "2021-03-04"),
        ("March 4, 2021", "2021-03-04"),
        (1614852000, "2021-03-04"),
        ("sometime soon", "1999-12-31"),
        (None, "1999-12-31"),
    ],
)
def test_dates_are_normalised(tmp_path: Path, date: object, expected: str) -> None:
    row = {"text": "Some text for the row.", "date": date}
    docs, _ = collect(write_lines(tmp_path / "a.jsonl", [row]),
                      ReadOptions(published="1999-12-31"))
    assert docs[0].published == expected
    if date == "sometime soon":
        assert any("unreadable date" in n for n in docs[0].notes)


def test_ids_are_stable_and_depend_on_content_and_line(tmp_path: Path) -> None:
    a = write_lines(tmp_path / "a.jsonl", [PLAIN, PLAIN, FRAGMENT])
    b = write_lines(tmp_path / "b.jsonl", [PLAIN, PLAIN, FRAGMENT])
    docs_a, _ = collect(a)
    docs_b, _ = collect(b)
    assert [d.id for d in docs_a] == [d.id for d in docs_b]  # same content, same ids
    assert len({d.id for d in docs_a}) == 3  # identical rows at different lines differ


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "a.jsonl.gz", [PLAIN, FRAGMENT], compress=True)
    docs = list(read_file(path))
    assert [d.title for d in docs] == ["Council approves budget", "Fire under control"]


def test_truncated_gzip_yields_rows_before_the_cut(tmp_path: Path) -> None:
    rows = [dict(PLAIN, title=f"Row {i}", text=f"{PLAIN['text']} Number {i}.") for i in range(400)]
    full = write_lines(tmp_path / "full.jsonl.gz", rows, compress=True)
    cut = tmp_path / "cut.jsonl.gz"
    raw = full.read_bytes()
    cut.write_bytes(raw[: len(raw) // 2])
    docs, error = collect(cut)
    assert 0 < len(docs) < 400
    assert [d.title for d in docs] == [f"Row {i}" for i in range(len(docs))]
    assert error is not None and "truncated or corrupt gzip data" in error.problem


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"\n\n  \n", "no rows"),
        (b"not json at all\n", "skipped 1 malformed rows: line 1: not valid JSON"),
        (b'{"text": "caf\xe9"}\n', "line 1: not valid JSON"),
        (json.dumps({"a": {"text": "x"}}, indent=2).encode(), "not JSON Lines"),
    ],
    ids=["empty", "blank-lines", "not-json", "bad-utf8", "pretty-json"],
)
def test_bad_files(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    docs, error = collect(path)
    assert docs == []
    assert error is not None and problem in error.problem and error.source == str(path)


def test_byte_order_mark_on_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(PLAIN).encode() + b"\n")
    docs, error = collect(path)
    assert error is None and docs[0].title == "Council approves budget"
