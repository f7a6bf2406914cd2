"""HTML reader: real news pages in, main text and metadata out; bad pages refused."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.ingest import read_file
from dossier.ingest.base import ReadOptions
from dossier.ingest.html import (
    PARAGRAPH_SEPARATOR,
    decode_html,
    html_to_document,
    iso_date,
    looks_like_html,
    read_html,
)

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
GOLD = json.loads((NEWS / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
SNIPPETS = json.loads((NEWS / "trafilatura_eval.json").read_text(encoding="utf-8"))
OPTIONS = ReadOptions()


def squash(text: str) -> str:
    return " ".join(text.split())


def word_f1(gold: str, pred: str) -> float:
    g, p = Counter(re.findall(r"\w+", gold)), Counter(re.findall(r"\w+", pred))
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def page(key: str) -> Path:
    return NEWS / "scrapinghub" / f"{key}.html.gz"


def one(path: Path, options: ReadOptions = OPTIONS) -> list:
    return list(read_html(path, options))


@pytest.mark.parametrize("key", sorted(GOLD))
def test_scrapinghub_page_main_text_matches_gold(key: str) -> None:
    docs = one(page(key))
    assert len(docs) == 1
    doc = docs[0]
    gold = GOLD[key]["articleBody"]
    assert doc.single_article is True
    assert doc.format == "html"
    assert doc.source == str(page(key))
    assert word_f1(gold, doc.text) > 0.95
    first = squash(gold.split("\n")[0])[:80]
    last = squash([p for p in gold.split("\n") if p.strip()][-1])[-60:]
    assert first in squash(doc.text)
    assert last in squash(doc.text)


@pytest.mark.parametrize(
    ("prefix", "title", "published", "site", "language"),
    [
        ("7916ecca969f", "US service members killed in Afghanistan helicopter crash",
         "2019-11-20", "Al Jazeera", None),
        ("1ee91d1fce65", "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return",
         "2019-11-18", "POLYGRAPH.info", "en"),
        ("e7994d550087", "UK Tories under fire for Twitter name switch during debate",
         "2019-11-20", None, "en"),
    ],
)
def test_page_metadata(prefix: str, title: str, published: str, site: str | None,
                       language: str | None) -> None:
    (key,) = [k for k in GOLD if k.startswith(prefix)]
    doc = one(page(key))[0]
    assert doc.title == title
    assert doc.published == published
    assert doc.language == language
    if site is not None:
        assert doc.site == site
    assert doc.url == GOLD[key]["url"]


def test_author_from_byline() -> None:
    (key,) = [k for k in GOLD if k.startswith("e7994d550087")]
    doc = one(page(key))[0]
    assert doc.author is not None and "KIRKA" in doc.author.upper()


def test_comments_and_chrome_left_out() -> None:
    (key,) = [k for k in GOLD if k.startswith("1ee91d1fce65")]
    text = one(page(key))[0].text
    assert "\n\n" not in text
    assert PARAGRAPH_SEPARATOR == "\n"
    assert text == text.strip()
    assert len(text.split(PARAGRAPH_SEPARATOR)) > 5


_SNIPPET_CASES = [
    pytest.param(item["file"], snippet, must,
                 id=f"{item['file']}-{'with' if must else 'without'}-{i}")
    for item in SNIPPETS.values()
    for must, snippets in ((True, item["with"]), (False, item["without"]))
    for i, snippet in enumerate(snippets)
]


@pytest.mark.parametrize(("name", "snippet", "must"), _SNIPPET_CASES)
def test_trafilatura_eval_snippets(name: str, snippet: str, must: bool) -> None:
    text = squash(one(NEWS / "trafilatura_eval" / name)[0].text)
    assert (squash(snippet) in text) is must


def test_id_is_stable_and_ignores_compression(tmp_path: Path) -> None:
    key = sorted(GOLD)[0]
    plain = tmp_path / "page.html"
    plain.write_bytes(gzip.decompress(page(key).read_bytes()))
    a, b, c = one(page(key))[0], one(page(key))[0], one(plain)[0]
    assert a.id == b.id == c.id
    assert a.text == c.text


def test_dispatch_detects_gzipped_html() -> None:
    key = sorted(GOLD)[0]
    docs = list(read_file(page(key)))
    assert len(docs) == 1 and docs[0].format == "html"


ARTICLE = (
    "<p>The council voted on Tuesday to close the old bridge for repairs, a decision that "
    "residents had awaited for months after engineers found cracks in its supports.</p>"
    "<p>Traffic will be diverted through the town centre until the work is finished, which "
    "the council expects to take most of next year.</p>"
)


def page_html(body: str = ARTICLE, head: str = "<title>Bridge to close</title>",
              lang: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<!DOCTYPE html><html{lang_attr}><head>{head}</head><body><article>{body}" \
           "</article></body></html>"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script>"
        "</body></html>",
        "<<<>>> {{ not html at all",
        "<html><body><div><p>",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<html><head><title>404</title></head><body><h1>404 Not Found</h1><hr>nginx</body>"
        "</html>",
    ],
    ids=["empty", "blank", "empty-body", "script-only", "garbage", "unclosed", "nav-only",
         "error-page"],
)
def test_no_article_text_raises(html: str) -> None:
    with pytest.raises(InputError, match="no article text found in this HTML page") as info:
        html_to_document(html, "bad.html", locator=None, url=None, options=OPTIONS, doc_id="x")
    assert info.value.source == "bad.html"
    assert info.value.hint


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"<html><body><p></p></body></html>", "no article text"),
        (gzip.compress(page_html().encode())[:40], "truncated gzip"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate-data", "gzip"),
    ],
    ids=["empty-file", "no-text", "truncated-gz", "corrupt-gz"],
)
def test_bad_files_raise_naming_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as info:
        one(path)
    assert info.value.source == str(path)


def test_published_falls_back_to_option() -> None:
    doc = html_to_document(page_html(), "p.html", locator=None, url=None,
                           options=ReadOptions(published="2024-05-06"), doc_id="x")
    assert doc.published == "2024-05-06"
    assert doc.title == "Bridge to close"
    assert "old bridge" in doc.text


def test_page_date_wins_over_option() -> None:
    head = ('<title>Bridge</title>'
            '<meta property="article:published_time" content="2021-02-03T08:00:00+01:00">')
    doc = html_to_document(page_html(head=head), "p.html", locator=None, url=None,
                           options=ReadOptions(published="2024-05-06"), doc_id="x")
    assert doc.published == "2021-02-03"


@pytest.mark.parametrize(("lang", "expected"),
                         [("de-AT", "de"), ("en", "en"), ("FR_fr", "fr"), ("", None),
                          ("x-klingon-1", None)])
def test_language_from_html_lang(lang: str, expected: str | None) -> None:
    doc = html_to_document(page_html(lang=lang), "p.html", locator=None, url=None,
                           options=OPTIONS, doc_id="x")
    assert doc.language == expected


def test_declared_charset_is_used() -> None:
    body = "<p>Совет проголосовал во вторник за закрытие старого моста на ремонт. " * 4 + "</p>"
    raw = page_html(body=body, head='<meta charset="windows-1251"><title>Мост</title>')
    doc = html_to_document(raw.encode("cp1251"), "p.html", locator=None, url=None,
                           options=OPTIONS, doc_id="x")
    assert "проголосовал" in doc.text
    assert doc.title == "Мост"
    assert "decoded as cp1251" in doc.notes


def test_mojibake_is_repaired() -> None:
    body = ("<p>The café owner said the «new rules» were fine, and the council’s plan was "
            "welcome news for the whole street and for every shop along it.</p>")
    broken = page_html(body=body).encode("utf-8").decode("cp1252", errors="replace")
    doc = html_to_document(broken, "p.html", locator=None, url=None, options=OPTIONS, doc_id="x")
    assert "café" in doc.text and "«new rules»" in doc.text and "council’s" in doc.text
    assert "repaired mojibake" in doc.notes


@pytest.mark.parametrize(
    ("raw", "declared", "expected"),
    [
        ("naïve café".encode(), None, "naïve café"),
        ("naïve café".encode("latin-1"), "iso-8859-1", "naïve café"),
        ("<meta charset='koi8-r'>Привет".encode("koi8-r"), None, "<meta charset='koi8-r'>Привет"),
        ("bom page".encode("utf-8-sig"), None, "bom page"),
    ],
)
def test_decode_html(raw: bytes, declared: str | None, expected: str) -> None:
    assert decode_html(raw, declared)[0] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-29T10:26:00-04:00", "2021-10-29"),
        ("2021-10-29T23:26:00-04:00", "2021-10-29"),  # the date as written, not UTC
        ("2021-10-29", "2021-10-29"),
        ("Tue, 03 Mar 2020 23:30:00 -0500", "2020-03-03"),
        ("3 March 2020", "2020-03-03"),
        (1583280000, "2020-03-04"),
        (1583280000000, "2020-03-04"),
        ("2021-02-30", None),
        ("yesterday", None),
        ("not a date", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Hello</p>", True),
        ("Line one<br/>line two", True),
        ('<a href="x">link</a>', True),
        ("Plain text with 3 < 4 and 5 > 2", False),
        ("Just words.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
