"""Generated bad inputs for Dossier's readers and pipeline (issue 21).

``bad_inputs(n, seed)`` yields ``(file name, bytes)`` pairs: cut, bit-flipped and
spliced copies of good files of every format, random bytes under every extension,
hostile JSON Lines rows, HTML and feeds (deep nesting, entity expansion, external
entities), gzip bombs and cut gzip streams, binary formats named as text, and text
that is hard on the NLP (one word repeated, no white space, control characters).
``good_inputs(k)`` yields small good files that must come through whole. The same
seed gives the same files. Used by ``benchmarks/fuzz.py`` and, as a small sample,
by ``tests/test_fuzz_sample.py``.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "news"
DEMO = (ROOT / "examples" / "huffpost-china-dump.txt").read_bytes()
WARC = (FIXTURES / "ccmain_sample.warc.gz").read_bytes()
# Cut and flipped copies start from an excerpt: the NLP of a whole demo is ~3 s.
EXCERPT = DEMO[:6000]
FEED = (FIXTURES / "npr_technology_jsonfeed.json").read_bytes()
EXTENSIONS = (".txt", ".md", ".html", ".jsonl", ".json", ".xml", ".rss", ".warc",
              ".warc.gz", ".txt.gz", ".jsonl.gz", ".parquet", ".ndjson", "")

NEWS = ("Prime Minister {who} visited Kyiv on {day}. He said Britain would send more aid, "
        "and President Volodymyr Zelensky thanked him for the support. \"We will stand "
        "with Ukraine for as long as it takes,\" {who} told reporters in the capital.")
WHO = ("Rishi Sunak", "Keir Starmer", "Boris Johnson", "Theresa May", "David Cameron")
# The demo's sentences: a good file takes a few at random, so good files are not
# near duplicates of one another (a duplicate is stored, but not analysed again).
# Not the cookie notice's sentences: one of those makes its paragraph a notice.
SENTENCES = [s.strip() + "." for s in DEMO.decode().replace("\n", " ").split(". ")
             if len(s.split()) > 6 and not any(w in s.lower() for w in (
                 "cookie", "partners", "consent", "privacy", "your data", "personal"))]


def _html(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body>{body}</body></html>".encode()


def _jsonl(rows: list[object]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def _good_row(r: random.Random) -> dict[str, str]:
    extra = " ".join(r.sample(SENTENCES, 4))
    return {"text": NEWS.format(who=r.choice(WHO), day=f"day {r.randrange(10**9)}")
            + " " + extra, "date": "2023-11-19"}


def _cut(r: random.Random) -> tuple[str, bytes]:
    src, ext = r.choice([(EXCERPT, ".txt"), (WARC, ".warc.gz"), (FEED, ".json"),
                         (gzip.compress(EXCERPT, mtime=0), ".txt.gz"),
                         (_jsonl([_good_row(r)] * 5), ".jsonl")])
    return ext, src[: r.randrange(1, len(src))]


def _flip(r: random.Random) -> tuple[str, bytes]:
    src, ext = r.choice([(EXCERPT, ".txt"), (WARC, ".warc.gz"), (FEED, ".json"),
                         (gzip.compress(EXCERPT, mtime=0), ".txt.gz"),
                         (_html(EXCERPT.decode(errors="ignore")), ".html")])
    data = bytearray(src)
    for _ in range(r.choice([1, 3, 30, 300])):
        data[r.randrange(len(data))] ^= 1 << r.randrange(8)
    return ext, bytes(data)


def _random_bytes(r: random.Random) -> tuple[str, bytes]:
    return r.choice(EXTENSIONS), r.randbytes(r.choice([1, 7, 100, 4096, 200_000]))


def _jsonl_row(r: random.Random) -> tuple[str, bytes]:
    depth = r.choice([1000, 50_000])
    bad = r.choice([
        "[" * depth + "]" * depth,
        '{"text": "x", "n": ' + "9" * r.choice([5000, 50_000]) + "}",
        '{"text": ' + "[" * depth + "]" * depth + "}",
        '{"text": null}', '{"text": 42}', '{"text": ["a", 1]}', "[]", "null", '"str"',
        '{"text": "' + "\\ud800" * 50 + '"}', '{"text": "' + "x" * 300_000 + '"}',
        '{"text": "<html>' + "<div>" * 20_000 + "hi</html>\"}",
        '{"text": "ok", "date": "' + "9" * 100 + '"}', "{" * 10, '{"text": "a"}' * 3,
    ])
    good = json.dumps(_good_row(r))
    return r.choice([".jsonl", ".jsonl.gz", ".ndjson"]), (bad + "\n" + good + "\n").encode()


def _markup(r: random.Random) -> tuple[str, bytes]:
    refs = ["&lol;" * 10] + [f"&lol{i - 1};" * 10 for i in range(1, 9)]
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{ref}">' for i, ref in enumerate(refs))
              + ']><rss version="2.0"><channel><title>&lol8;</title><item><title>x</title>'
              "<description>&lol8;</description></item></channel></rss>")
    xxe = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<rss version="2.0"><channel><item><title>&x;</title><description>&x;'
           "</description></item></channel></rss>")
    body = r.choice([
        ("<div>" * r.choice([5000, 50_000])) + "deep" + ("</div>" * 10),
        "<script>" + "x" * 100_000 + "</script>", "<p>" * 50_000, "",
        "<p>" + "said " * 40_000 + "</p>", "<table>" * 20_000,
    ])
    return r.choice([(".html", _html(body)), (".xml", laughs.encode()),
                     (".rss", xxe.encode()), (".html", laughs.encode()),
                     (".json", b'{"version": "https://jsonfeed.org/version/1", "items": '
                      + b"[" * 30_000 + b"]" * 30_000 + b"}")])


_BOMB = gzip.compress(b"\n" * (80 * 2**20), compresslevel=9, mtime=0)  # ~80 KB, ~1000:1


def _gzip(r: random.Random) -> tuple[str, bytes]:
    ext = r.choice([".txt.gz", ".jsonl.gz", ".html.gz", ".warc.gz"])
    kind = r.choice(["bomb", "cut", "members", "empty"])
    if kind == "bomb":  # ~1000:1, 80 MiB unpacked: past the 64 MiB floor
        return ext, _BOMB
    if kind == "cut":
        data = gzip.compress(DEMO * 4, mtime=0)
        return ext, data[: r.randrange(10, len(data))]
    if kind == "members":
        return ext, gzip.compress(DEMO, mtime=0) + r.randbytes(100) + gzip.compress(DEMO, mtime=0)
    return ext, gzip.compress(b"", mtime=0)


def _hard_text(r: random.Random) -> tuple[str, bytes]:
    text = r.choice([
        "said " * r.choice([10_000, 40_000]), "x" * r.choice([50_000, 300_000]),
        "A, " * 60_000, ". " * 100_000, "\u200b" * 50_000, "\x00" * 1000 + "text",
        "\u202e" * 1000 + "news", "“" * 20_000, "(" * 30_000 + "said" + ")" * 30_000,
        " ".join(DEMO.decode().split()),  # one line, its cookie notice at the end
        "\n" * 100_000, "🙂" * 100_000, "%PDF-1.4\n" + DEMO.decode(),
        "ÃƒÂ©" * 20_000, "\r" * 50_000 + "end",
    ])
    enc = r.choice(["utf-8", "utf-16", "latin-1"])
    return r.choice([".txt", ".md", ""]), text.encode(enc, errors="replace")


def _binary(r: random.Random) -> tuple[str, bytes]:
    magic = r.choice([b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0",
                      b"GIF89a", b"\x7fELF", b"SQLite format 3\x00", b"PAR1", b"BZh9"])
    return r.choice([".txt", ".html", ".jsonl", ".parquet"]), magic + r.randbytes(5000)


def _warc(r: random.Random) -> tuple[str, bytes]:
    raw = gzip.decompress(WARC)
    head = r.choice([
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200",
        b"WARC/1.0\r\n" + b"X: " + b"y" * 100_000 + b"\r\n\r\n",
    ])
    return r.choice([".warc", ".warc.gz"]), (head + raw[: r.randrange(len(raw))]
                                             if r.random() < 0.5 else raw[: r.randrange(len(raw))])


GENERATORS: tuple[Callable[[random.Random], tuple[str, bytes]], ...] = (
    _cut, _flip, _random_bytes, _jsonl_row, _markup, _gzip, _hard_text, _binary, _warc)
# How often each generator is drawn (gzip bombs cost ~0.3 s each to make).
WEIGHTS = (4, 4, 3, 3, 2, 1, 2, 1, 2)


def bad_inputs(n: int, seed: int = 21) -> Iterator[tuple[str, bytes]]:
    """``n`` bad inputs as (file name, bytes); the same seed gives the same files."""
    r = random.Random(seed)
    for i in range(n):
        gen = r.choices(GENERATORS, WEIGHTS)[0]
        ext, data = gen(r)
        yield f"bad{i:05}-{gen.__name__.strip('_')}{ext}", data


def good_inputs(k: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """``k`` small good files (text, JSON Lines, HTML), each a distinct document that
    must be stored and analysed whatever lies around it."""
    r = random.Random(seed)
    for i in range(k):
        row = _good_row(r)
        kind = i % 3
        if kind == 0:
            yield f"good{i:05}.txt", (row["text"] + "\n\n" + row["text"]).encode()
        elif kind == 1:
            yield f"good{i:05}.jsonl", _jsonl([row])
        else:
            yield f"good{i:05}.html", _html(f"<article><p>{row['text']}</p></article>")
