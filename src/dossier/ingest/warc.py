"""WARC archives (plain or gzipped): one Document per HTML page in the archive.

Read are ``response`` records with a 2xx HTTP status and an HTML payload, and
``resource`` / ``conversion`` records holding HTML or plain text (``conversion``
records are what WET files are made of). Requests, metadata, redirects and
non-text payloads are passed over. Each page goes through
:func:`~dossier.ingest.html.html_to_document`: ``locator`` is the WARC-Record-ID
(without its angle brackets), ``url`` the WARC-Target-URI. WARC-Date is when the
page was crawled, not when it was published, so it is not used as a date.

A truncated or corrupt archive yields the pages before the damage, then raises
:class:`InputError`; so do pages without article text (counted, reported once).
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dossier.errors import InputError
from dossier.ingest.base import (
    Deadline,
    ReadOptions,
    check_size,
    too_big_unpacked,
    unpack_limit,
)
from dossier.ingest.html import decode_html, html_to_document, looks_like_html, text_to_document
from dossier.records import Document, content_id

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
# Shown in a problem message: at most this many per-record details.
MAX_DETAILS = 5

_BAD_LENGTH = re.compile(r"Record not followed by newline.*?Offset:\s*(-?\d+)", re.S)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)


class _Archive(ArchiveIterator):  # type: ignore[misc]
    """ArchiveIterator that remembers whether the last gzip member was cut off.

    warcio ends quietly at the end of a truncated gzip stream; the decompressor's
    ``eof`` flag is the one sign that the last member never finished.
    """

    cut_off = False

    def close(self) -> None:
        decompressor = getattr(getattr(self, "reader", None), "decompressor", None)
        if decompressor is not None and getattr(decompressor, "eof", True) is False:
            self.cut_off = True
        super().close()


def _head(fh: Any, n: int = 64) -> bytes:
    """The first bytes of the archive, decompressed when it is gzipped; rewinds ``fh``."""
    head = fh.read(n)
    if head[:2] == b"\x1f\x8b":
        fh.seek(0)
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(fh.read(4096), n)
        except zlib.error:
            head = b""
    fh.seek(0)
    return bytes(head)


def _strip_brackets(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value or None


def _media_type(value: str | None) -> tuple[str, str | None]:
    """Media type and charset parameter of a Content-Type header value."""
    if not value:
        return "", None
    m = _CHARSET.search(value)
    return value.split(";", 1)[0].strip().lower(), (m.group(1) if m else None)


def _kind(record: Any, head: bytes) -> tuple[str | None, str | None]:
    """("html" | "text" | None, charset) for a record: None means pass it over."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None, None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None, None
        ctype, charset = _media_type(http.get_header("Content-Type"))
        if not ctype:
            ctype = _media_type(record.rec_headers.get_header("WARC-Identified-Payload-Type"))[0]
        if ctype in HTML_TYPES or (not ctype and looks_like_html(head.decode("latin-1"))):
            return "html", charset
        return None, None
    if record.rec_type in ("resource", "conversion"):
        ctype, charset = _media_type(record.rec_headers.get_header("Content-Type"))
        if ctype in HTML_TYPES:
            return "html", charset
        if ctype in TEXT_TYPES:
            return "text", charset
    return None, None


def _read_payload(record: Any, limit: int) -> bytes:
    """The record's payload, with HTTP chunking and content encoding undone."""
    return bytes(record.content_stream().read(limit + 1))


def _drain(record: Any) -> int:
    """Read the rest of the record block; how many bytes it lacks of its Content-Length."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    return max(int(getattr(stream, "limit", 0)), 0)


def _whole_page(payload: bytes) -> bool:
    """Whether an HTML payload runs to its closing ``</html>`` tag."""
    return payload.rstrip().lower().endswith(b"</html>")


def read_warc(path: Path, options: ReadOptions) -> Iterator[Document]:
    """Documents from the HTML (and text) records of one WARC file."""
    check_size(path, options, whole=False)
    source = str(path)
    try:
        fh = path.open("rb")
        head = _head(fh)
    except OSError as exc:
        raise InputError(source, f"cannot read file: {exc.strerror}") from exc
    if not head.lstrip().startswith((b"WARC/", b"filedesc://")):
        fh.close()
        shown = head.lstrip()[:20].decode("ascii", errors="replace")
        raise InputError(source, f"not a WARC file (it starts with {shown!r}, not 'WARC/')",
                         "give a .warc or .warc.gz file, or check the file type")

    records = 0  # complete records of any type
    pages = 0  # HTML / text records that were tried
    yielded = 0
    no_text: list[str] = []
    bad: list[str] = []
    damage: tuple[str, str] | None = None  # (problem, hint) for a cut or corrupt archive
    bad_lengths: list[str] = []  # byte offsets where a record ran past its Content-Length
    short: list[str] = []  # records shorter than their Content-Length, page still whole
    pending: Document | None = None  # yielded once the next record shows its end was sound
    deadline = Deadline(source, options)
    unpacked, limit = 0, unpack_limit(path.stat().st_size, options)

    with fh:
        archive = _Archive(fh)
        while True:
            # warcio writes its warnings to stderr: catch them, they are our evidence.
            captured = io.StringIO()
            try:
                with contextlib.redirect_stderr(captured):
                    record = next(archive)
            except StopIteration:
                record = None
            except Exception as exc:  # warcio on a cut header: AttributeError, and more
                record = None
                damage = _damage(exc, records)
            offsets = _BAD_LENGTH.findall(captured.getvalue())
            if offsets:
                bad_lengths.extend(offsets)
                if pending is not None:
                    pending = _with_note(pending, "the WARC record's Content-Length is wrong: "
                                                  "the page may be incomplete")
            if pending is not None:
                yield pending
                yielded += 1
                pending = None
            if record is None:
                if archive.cut_off and damage is None:
                    damage = _truncated(records)
                break
            unpacked += int(record.length or 0)
            try:
                if unpacked > limit:
                    raise too_big_unpacked(source, limit)
                deadline.check(f"{records} record(s)")
            except InputError as exc:
                damage = (exc.problem, exc.hint)
                break

            locator = _strip_brackets(record.rec_headers.get_header("WARC-Record-ID"))
            where = locator or f"record {records + 1}"
            kind: str | None = None
            payload = b""
            try:
                with contextlib.redirect_stderr(io.StringIO()):
                    if record.rec_type in ("response", "resource", "conversion"):
                        payload = _read_payload(record, options.max_file_bytes)
                        kind, charset = _kind(record, payload[:1024])
                    missing = _drain(record)
            except Exception as exc:  # one unreadable record must not cost the rest
                if archive.cut_off or isinstance(exc, EOFError):
                    damage = _truncated(records)
                    break
                bad.append(f"{where}: unreadable payload ({type(exc).__name__}: {exc})")
                records += 1
                continue
            notes: tuple[str, ...] = ()
            if missing:
                # The archive ends before the record does. A page that still runs to
                # </html> lost only bytes it never needed (line endings rewritten from
                # CRLF to LF do this): keep it, say so. Otherwise the page is cut off.
                if kind != "html" or not _whole_page(payload):
                    damage = _truncated(records)
                    break
                short.append(f"{where} lacks {missing} bytes")
                notes = (f"the WARC record is {missing} bytes shorter than its Content-Length",)
            records += 1
            if kind is None or not payload.strip():
                continue
            pages += 1
            if len(payload) > options.max_file_bytes:
                bad.append(f"{where}: page is over the max_file_mb limit")
                continue
            url = _strip_brackets(record.rec_headers.get_header("WARC-Target-URI"))
            doc_id = content_id(payload, locator or where)
            try:
                if kind == "html":
                    pending = html_to_document(payload, source, locator=locator, url=url,
                                               options=options, doc_id=doc_id, fmt="warc",
                                               charset=charset, notes=notes)
                else:
                    text, decode_notes = decode_html(payload, charset)
                    pending = text_to_document(text, source, locator=locator, url=url,
                                               options=options, doc_id=doc_id, fmt="warc",
                                               notes=decode_notes)
            except InputError:
                no_text.append(where)
            except Exception as exc:  # one hostile page costs only itself
                bad.append(f"{where}: cannot read the page ({type(exc).__name__}: {exc})"[:300])

    problems: list[str] = []
    hints: list[str] = []
    if damage is not None:
        problems.append(damage[0])
        hints.append(damage[1])
    if bad_lengths:
        # warcio's offsets are meaningless (negative) inside gzip members
        offsets = [o for o in bad_lengths if not o.startswith("-")][:MAX_DETAILS]
        at = f" (at byte offset {', '.join(offsets)})" if offsets else ""
        problems.append(
            f"malformed WARC: {len(bad_lengths)} record(s) longer than their Content-Length"
            f"{at}; what follows such a record may have been skipped"
        )
        hints.append("the archive was written by a faulty tool; re-fetch or rewrite it")
    if short:
        problems.append(f"malformed WARC: {len(short)} record(s) shorter than their "
                        f"Content-Length, their pages whole and read ({_details(short)})")
        hints.append("were the line endings of the archive changed? WARC needs CRLF")
    if no_text:
        problems.append(f"{len(no_text)} of {pages} HTML records had no article text"
                        f" ({_details(no_text)})")
        hints.append("such records are index pages, errors or scripts: nothing to read")
    if bad:
        problems.append(f"skipped {len(bad)} unreadable records: {_details(bad)}")
        hints.append("the rest of the archive was read")
    if not problems and yielded == 0:
        problems.append(f"no HTML pages in this WARC ({records} records, none an HTML "
                        "response, resource or text conversion)")
        hints.append("give a WARC with crawled pages, not only requests or metadata")
    if problems:
        raise InputError(source, "; ".join(problems), hints[0])


def _details(items: list[str]) -> str:
    shown = "; ".join(items[:MAX_DETAILS])
    return shown + (f"; and {len(items) - MAX_DETAILS} more" if len(items) > MAX_DETAILS else "")


def _truncated(records: int) -> tuple[str, str]:
    return (f"truncated WARC after {records} records (the archive ends inside a record)",
            "download the archive again; the pages before the cut were read")


def _damage(exc: BaseException, records: int) -> tuple[str, str]:
    message = " ".join(str(exc).split())
    if records == 0 and isinstance(exc, ArchiveLoadFailed):
        return (f"not a WARC file ({message[:200]})",
                "give a .warc or .warc.gz file, or check the file type")
    if "non-chunked gzip" in message:
        return (f"WARC gzipped as one stream, not one gzip member per record; "
                f"stopped after {records} records",
                "rewrite it with `warcio recompress IN OUT`")
    if not isinstance(exc, (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)):
        # warcio trips over a record whose headers were cut off (AttributeError …)
        return (f"truncated or corrupt WARC after {records} records (the next record's "
                "headers are cut off or malformed)",
                "download the archive again; the pages before the damage were read")
    return (f"corrupt WARC after {records} records ({type(exc).__name__}: {message[:200]})",
            "download the archive again; the pages before the damage were read")


def _with_note(doc: Document, note: str) -> Document:
    return replace(doc, notes=(*doc.notes, note))
