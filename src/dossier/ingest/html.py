"""HTML pages: the main text of one article a page, extracted with trafilatura.

:func:`html_to_document` is shared by the WARC, feed and JSON Lines readers, so a
page yields the same text whichever container it came in.

The extracted text holds one block (paragraph, heading, list item, table row) a line:
blocks are separated by a single ``"\\n"`` (:data:`PARAGRAPH_SEPARATOR`), which is
what trafilatura emits and what :func:`dossier.clean.paragraphs.paragraph_spans`
reads as one paragraph a line. Reader comments are left out, tables are kept as text.
"""

from __future__ import annotations

import codecs
import logging
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from dossier.errors import InputError
from dossier.ingest.base import (
    ReadOptions,
    language_tag,
    read_bytes,
    repair_mojibake,
    too_big_unpacked,
    unpack_limit,
)
from dossier.records import Document, Format, content_id

# Blocks of the extracted text are separated by one line break.
PARAGRAPH_SEPARATOR = "\n"

# trafilatura settings, tuned on the Scrapinghub article extraction benchmark
# (eval/extraction_scrapinghub.py): precision mode scores best there (F1 0.964 on
# 4-gram shingles vs 0.960 balanced, 0.959 recall mode); comments never belong to
# the article; tables are part of it.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "with_metadata": True,
}

# A whole page whose main text has fewer letters and digits than this is an error
# page, a menu or a login wall ("404 Not Found", "Home News"), not an article.
# Counted in characters, not words: Chinese and Japanese do not space their words.
MIN_PAGE_CHARS = 50

NO_TEXT_PROBLEM = "no article text found in this HTML page"
NO_TEXT_HINT = (
    "the page may be an index, a login wall, a script-only app or not HTML at all; "
    "give the article page itself, or its text as a .txt file"
)

# trafilatura and htmldate log every page they discard at WARNING level. We turn
# those cases into InputError, so keep Python's last-resort handler from printing
# them; an application that configures logging still receives them.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HTML_TAG = re.compile(
    r"<(?:p|div|br|a|span|html|body|head|article|section|h[1-6]|ul|ol|li|table|tr|td|img"
    r"|em|strong|b|i|u|blockquote|figure|figcaption|pre|code|iframe|script|style)"
    r"(?:\s[^<>]*)?/?>|</(?:p|div|a|span|li|h[1-6]|em|strong|b|i|blockquote)>|<!--",
    re.I,
)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")


def fix_text(text: str) -> tuple[str, bool]:
    """Repair mojibake as the plain-text reader does (:func:`repair_mojibake`)."""
    fixed = repair_mojibake(text)
    return fixed, fixed != text


def looks_like_html(text: str) -> bool:
    """Whether a string (a JSON field, feed content) holds HTML markup, not plain text."""
    return _HTML_TAG.search(text[:20000]) is not None


def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label; latin-1/ASCII labels mean cp1252 (WHATWG)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def decode_html(raw: bytes, declared_charset: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode HTML bytes, and say how.

    BOM first, then strict UTF-8 (the web's encoding, and bytes that decode as UTF-8
    almost never are anything else), then the charset declared by the HTTP header or
    a ``<meta>`` tag, then charset detection. Undecodable bytes become U+FFFD.
    """
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), ("decoded as utf-16",)
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(raw[:8192])
    candidates = [declared_charset, meta.group(1).decode("ascii") if meta else None]
    for name in filter(None, map(_codec, candidates)):
        if name == "utf-8":
            text = raw.decode("utf-8", errors="replace")
            return text, (f"replaced {text.count(chr(0xFFFD))} invalid UTF-8 byte sequence(s)",)
        try:
            return raw.decode(name), (f"decoded as {name}",)
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw[:1_000_000]).best()
    name = _codec(best.encoding if best is not None else None) or "utf-8"
    text = raw.decode(name, errors="replace")
    if name == "utf-8":
        return text, (f"replaced {text.count(chr(0xFFFD))} invalid UTF-8 byte sequence(s)",)
    return text, (f"decoded as {name} (detected)",)


def gunzip(raw: bytes, source: str, limit: int, options: ReadOptions | None = None) -> bytes:
    """Decompress gzip bytes, refusing more than ``limit`` bytes of output, nor more
    than ``options.max_unpack_ratio`` times the input."""
    unpack = unpack_limit(len(raw), options) if options is not None else limit
    if unpack < limit:
        limit = unpack
    else:
        unpack = 0
    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    data = raw
    try:
        while data:
            out += dec.decompress(data, limit + 1 - len(out))
            if len(out) > limit:
                if unpack:
                    raise too_big_unpacked(source, limit)
                raise InputError(source, "decompressed file is over the max_file_mb limit",
                                 "split it, or raise the limit with --set max_file_mb=N")
            if dec.unconsumed_tail:
                data = dec.unconsumed_tail
            elif dec.eof and dec.unused_data.startswith(b"\x1f\x8b"):  # next gzip member
                data = dec.unused_data
                dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                data = b""
    except zlib.error as exc:
        raise InputError(source, f"corrupt gzip data: {exc}",
                         "download the file again, or gunzip it to see what is wrong") from exc
    if not dec.eof:
        raise InputError(source, "truncated gzip file (it ends in the middle of the data)",
                         "download the file again")
    return bytes(out)


def iso_date(value: object) -> str | None:
    """A date as ``YYYY-MM-DD``, or None when ``value`` holds no recognisable date.

    Accepts ISO 8601 (the date as written, not converted to UTC), RFC 2822 as in
    RSS, Unix timestamps (seconds or milliseconds) and, through dateparser when it is
    installed, written-out dates such as "3 March 2021". Relative dates ("2 hours
    ago") are refused: they depend on when the page was read.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, date):  # a datetime too (a Parquet timestamp column)
        return value.isoformat()[:10]
    if isinstance(value, int | float):
        seconds = float(value) / 1000 if abs(value) > 1e11 else float(value)
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    m = _ISO_DATE.match(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(s).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_date(s)


def _dateparser_date(s: str) -> str | None:
    try:
        import dateparser  # type: ignore[import-untyped]  # optional, comes with htmldate
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    parsed = dateparser.parse(
        s,
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
        },
    )
    return parsed.date().isoformat() if parsed is not None else None


def wrap_fragment(html: str) -> str:
    """Make an HTML fragment (feed or JSON content) a whole page trafilatura accepts."""
    if re.search(r"<html[\s>]", html[:2000], re.I):
        return html
    return f"<html><body><article>{html}</article></body></html>"


def _html_language(tree: Any) -> str | None:
    """Primary language subtag from ``<html lang>`` or a content-language meta tag."""
    candidates: list[str | None] = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
    ]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        code = language_tag(value)
        if code:
            return code
    return None


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = fix_text(" ".join(value.split()))[0]
    return value or None


def html_to_document(
    html: bytes | str,
    source: str,
    *,
    locator: str | None,
    url: str | None,
    options: ReadOptions,
    doc_id: str,
    fmt: Format = "html",
    charset: str | None = None,
    notes: tuple[str, ...] = (),
    fragment: bool = False,
) -> Document:
    """One Document from one HTML page: its main text and metadata.

    ``url`` is the page's address when the container knows it (it wins over the
    page's canonical link); ``charset`` the encoding an HTTP header declared.
    ``fragment=True`` is for HTML that is only the article (feed content, a JSON
    field): it is wrapped into a page when it is not one, and no title, date or
    author is guessed from it (the container has those). Raises
    :class:`InputError` when the page holds no article text.
    """
    from trafilatura import bare_extraction, load_html

    notes_list = list(notes)
    if isinstance(html, bytes):
        html, decode_notes = decode_html(html, charset)
        notes_list.extend(decode_notes)
    if fragment:
        html = wrap_fragment(html)
    # lxml refuses str input with an encoding declaration; the text is decoded already.
    html = _XML_DECL.sub("", html, count=1)
    tree = load_html(html) if html.strip() else None
    result = bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS) if tree is not None else None
    doc = None if isinstance(result, dict) else result  # as_dict is off: always a Document
    text = (getattr(doc, "text", None) or "").strip()
    least = 1 if fragment else MIN_PAGE_CHARS
    if tree is None or doc is None or sum(c.isalnum() for c in text) < least:
        raise InputError(source, NO_TEXT_PROBLEM, NO_TEXT_HINT)
    text, repaired = fix_text(text)
    if repaired:
        notes_list.append("repaired mojibake")
    if fragment:
        return Document(id=doc_id, source=source, text=text, format=fmt, single_article=True,
                        locator=locator, published=options.published, url=url,
                        language=_html_language(tree), notes=tuple(notes_list))
    return Document(
        id=doc_id,
        source=source,
        text=text,
        format=fmt,
        single_article=True,
        locator=locator,
        title=_clean_meta(doc.title),
        published=iso_date(doc.date) or options.published,
        url=url or _clean_meta(doc.url),
        author=_clean_meta(doc.author),
        site=_clean_meta(doc.sitename),
        language=_html_language(tree),
        notes=tuple(notes_list),
    )


def text_to_document(
    text: str,
    source: str,
    *,
    locator: str | None,
    url: str | None,
    options: ReadOptions,
    doc_id: str,
    fmt: Format,
    notes: tuple[str, ...] = (),
) -> Document:
    """One Document from an item's plain text (a feed item, JSON row, WET record).

    Mojibake is repaired and outer white space stripped; the text is otherwise kept
    as given. Raises :class:`InputError` when nothing but white space is left.
    """
    text, repaired = fix_text(text.strip())
    if not any(c.isalnum() for c in text):
        raise InputError(source, "no text in this item", "the item is empty")
    return Document(
        id=doc_id,
        source=source,
        text=text,
        format=fmt,
        single_article=True,
        locator=locator,
        published=options.published,
        url=url,
        notes=notes + (("repaired mojibake",) if repaired else ()),
    )


def read_html(path: Path, options: ReadOptions) -> Iterator[Document]:
    """One HTML page (``.html``, ``.htm``, ``.xhtml``, optionally gzipped) as one Document.

    The id is the hash of the (decompressed) page bytes, so the same page read
    gzipped or not gets the same id.
    """
    raw = read_bytes(path, options)
    if raw[:2] == b"\x1f\x8b":
        raw = gunzip(raw, str(path), options.max_file_bytes, options)
        if not raw.strip():
            raise InputError(str(path), "file holds nothing once decompressed", "nothing to ingest")
    yield html_to_document(raw, str(path), locator=None, url=None, options=options,
                           doc_id=content_id(raw))


__all__ = [
    "PARAGRAPH_SEPARATOR",
    "decode_html",
    "fix_text",
    "gunzip",
    "html_to_document",
    "iso_date",
    "looks_like_html",
    "read_html",
    "text_to_document",
    "wrap_fragment",
]

