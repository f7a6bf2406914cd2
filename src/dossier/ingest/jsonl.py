"""JSON Lines (``.jsonl``, ``.ndjson``, optionally gzipped): one Document per row.

Each line is a JSON object. The field names for text, title, date and URL come from
:class:`ReadOptions` (settings ``jsonl_*_field``); ``author``, ``site`` and
``language`` are read when a row has them. A text field holding HTML goes through
:func:`~dossier.ingest.html.html_to_document`; plain text is kept as given (mojibake
repaired, outer white space stripped). ``locator`` is ``"line N"`` (1-based).

A malformed row (not JSON, not an object, no text) is skipped; after every good row
has been yielded one :class:`InputError` names the skipped lines.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import IO, Any

from dossier.errors import InputError
from dossier.ingest.base import Deadline, ReadOptions, check_size, load_json, open_unpacked
from dossier.ingest.html import (
    fix_text,
    html_to_document,
    iso_date,
    looks_like_html,
    text_to_document,
)
from dossier.records import Document, Format, content_id

# Shown in a problem message: at most this many malformed lines.
MAX_DETAILS = 5


def _lines(fh: IO[bytes], source: str, limit: int) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) pairs, streamed; raises InputError for a line longer
    than ``limit`` bytes (the file itself may be of any size)."""
    for n, line in enumerate(fh, start=1):
        if len(line) > limit:
            raise InputError(source, f"line {n} is over the max_file_mb limit",
                             "fix the line, or raise the limit with --set max_file_mb=N")
        yield n, line


def _text_value(value: Any) -> str | None:
    """A field value as text: strings as they are, lists of strings joined by lines."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    return None


def _meta(row: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = row.get(key)
        if isinstance(value, list):
            value = "; ".join(v for v in value if isinstance(v, str))
        if isinstance(value, str) and value.strip():
            return fix_text(" ".join(value.split()))[0]
    return None


# Where news exports (news-please, CC-News, Hugging Face sets, schema.org) put the
# text, title, date and URL, tried when a row lacks the field the settings name.
USUAL_FIELDS = {
    "text": ("text", "maintext", "main_text", "content", "body", "article", "articleBody"),
    "title": ("title", "headline"),
    "date": ("date", "date_publish", "published", "publish_date", "datePublished",
             "pubDate"),
    "url": ("url", "link", "source_url"),
}


_DEFAULTS = {f.name: f.default for f in fields(ReadOptions)}


def usual_field(names: Any, wanted: str, kind: str) -> str:
    """The field for ``kind`` among ``names``: the one the settings name; when that
    is the default and missing, the first of the usual names there (a field the user
    named is never swapped for another)."""
    if wanted in names or wanted != _DEFAULTS[f"jsonl_{kind}_field"]:
        return wanted
    return next((k for k in USUAL_FIELDS[kind] if k in names), wanted)


def row_to_document(row: dict[str, Any], raw: bytes, source: str, n: int,
                    options: ReadOptions, unit: str = "line", fmt: Format = "jsonl") -> Document:
    """One Document from one parsed row; InputError when the row holds no text."""
    locator = f"{unit} {n}"
    field = usual_field(row, options.jsonl_text_field, "text")
    if field not in row:
        raise InputError(source, f"{locator}: no {field!r} field",
                         "set jsonl_text_field to the field that holds the text")
    text = _text_value(row[field])
    if text is None:
        raise InputError(source, f"{locator}: field {field!r} is "
                         f"{type(row[field]).__name__}, not text")
    url = _meta(row, usual_field(row, options.jsonl_url_field, "url"))
    doc_id = content_id(raw, locator)
    try:
        if looks_like_html(text):
            doc = html_to_document(text, source, locator=locator, url=url, options=options,
                                   doc_id=doc_id, fmt=fmt, fragment=not _is_page(text))
        else:
            doc = text_to_document(text, source, locator=locator, url=url, options=options,
                                   doc_id=doc_id, fmt=fmt)
    except InputError as exc:
        raise InputError(source, f"{locator}: {exc.problem} in field {field!r}") from exc

    notes = list(doc.notes)
    published = None
    date_field = usual_field(row, options.jsonl_date_field, "date")
    if date_field in row:
        published = iso_date(row[date_field])
        if published is None and row[date_field] not in (None, ""):
            notes.append(f"unreadable date {str(row[date_field])[:40]!r}")
    return replace(
        doc,
        title=_meta(row, usual_field(row, options.jsonl_title_field, "title")) or doc.title,
        published=published or doc.published,
        author=_meta(row, "author", "authors", "byline") or doc.author,
        site=_meta(row, "site", "sitename", "site_name", "source_name") or doc.site,
        language=_meta(row, "language", "lang") or doc.language,
        notes=tuple(notes),
    )


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document]:
    """Documents from the rows of one JSON Lines file, malformed rows reported at the end."""
    check_size(path, options, whole=False)
    source = str(path)
    bad: list[str] = []
    rows = 0
    yielded = 0
    cut: str | None = None
    deadline = Deadline(source, options)
    try:
        fh = open_unpacked(path, options)
    except OSError as exc:
        raise InputError(source, f"cannot read file: {exc.strerror}") from exc
    last = 0
    first_line = b""
    with fh:
        try:
            for n, line in _lines(fh, source, options.max_file_bytes):
                last = n
                deadline.check(f"{yielded} row(s)")
                raw = line.rstrip(b"\r\n")
                if n == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if not raw.strip():
                    continue
                rows += 1
                if rows == 1:
                    first_line = raw.strip()
                try:
                    row = load_json(raw)
                except ValueError as exc:
                    bad.append(f"line {n}: not valid JSON ({exc})")
                    continue
                if not isinstance(row, dict):
                    bad.append(f"line {n}: a JSON {type(row).__name__}, not an object")
                    continue
                try:
                    doc = row_to_document(row, raw, source, n, options)
                except InputError as exc:
                    bad.append(exc.problem)
                    continue
                except Exception as exc:  # one hostile row costs only itself
                    bad.append(f"line {n}: cannot read it ({type(exc).__name__}: {exc})"[:300])
                    continue
                yield doc
                yielded += 1
        except (EOFError, OSError, zlib.error) as exc:
            cut = f"truncated or corrupt gzip data after line {last} ({exc})"

    if yielded == 0 and first_line in (b"{", b"["):
        raise InputError(source, "one JSON document spread over many lines, not JSON Lines "
                         "(one JSON object a line)",
                         "convert it, e.g. with jq -c '.[]' FILE.json > FILE.jsonl")
    problems: list[str] = []
    if cut:
        problems.append(cut)
    if bad:
        problems.append(skipped(bad, "malformed rows"))
    if problems:
        hint = ("download the file again; the rows before the damage were read" if cut
                else f"fix or remove those lines; the other {yielded} rows were read")
        raise InputError(source, "; ".join(problems), hint)
    if rows == 0:
        raise InputError(source, "no rows in this JSON Lines file", "nothing to ingest")


def skipped(bad: list[str], what: str) -> str:
    """"skipped N <what>: the first MAX_DETAILS reasons; and K more"."""
    details = "; ".join(bad[:MAX_DETAILS])
    more = f"; and {len(bad) - MAX_DETAILS} more" if len(bad) > MAX_DETAILS else ""
    return f"skipped {len(bad)} {what}: {details}{more}"


def _is_page(html: str) -> bool:
    """Whether HTML is a whole page (title, date, author may be read from it)."""
    return re.search(r"<html[\s>]", html[:4000], re.I) is not None

