"""Plain-text and Markdown dumps (gzip too), segmented into articles later.

A file up to ``stream_chunk_bytes`` is one Document. A larger one is streamed as
consecutive parts cut at blank lines, each a Document whose ``offset`` says where
its text starts in the whole file and whose ``more`` says whether parts follow; the
pipeline stitches an article that runs across a cut back together. Memory stays
bounded by the part size whatever the size of the file.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dossier.errors import InputError
from dossier.ingest.base import Deadline, ReadOptions, check_size, decode_text, gzip_reader
from dossier.records import Document, content_id

# A paragraph break in bytes (LF or CRLF): where a part may end.
_BREAK = re.compile(rb"\n[ \t\r]*\n")


def read_text(path: Path, options: ReadOptions) -> Iterator[Document]:
    source = str(path)
    size = check_size(path, options, whole=False)
    zipped = path.suffix.lower() == ".gz"
    try:
        fh: BinaryIO = gzip_reader(path, options) if zipped else path.open("rb")
    except OSError as exc:
        raise InputError(source, f"cannot read file: {exc.strerror}") from exc
    chunk = max(1, options.stream_chunk_bytes)
    with fh:
        if not zipped and size <= chunk:
            raw = _read(fh, source, zipped)
            yield _document(raw, source, options, text_of(raw, source, first=True))
            return
        yield from _parts(fh, source, options, chunk, zipped)


def text_of(raw: bytes, source: str, first: bool) -> tuple[str, tuple[str, ...]]:
    text, notes = decode_text(raw, source)
    if first and not text.strip():
        raise InputError(source, "file holds only white space", "nothing to ingest")
    return text, notes


def _read(fh: BinaryIO, source: str, zipped: bool, n: int = -1) -> bytes:
    try:
        return fh.read(n)
    except (OSError, EOFError, zlib.error) as exc:  # zlib.error: a corrupt gzip stream
        if zipped:
            raise InputError(source, f"truncated or corrupt gzip file: {exc}",
                             "download it again or gunzip it to see what is left") from exc
        raise InputError(source, f"cannot read file: {exc}") from exc


def _document(raw: bytes, source: str, options: ReadOptions,
              decoded: tuple[str, tuple[str, ...]], part: int | None = None,
              offset: int = 0, more: bool = False) -> Document:
    text, notes = decoded
    return Document(
        id=content_id(raw) if part is None else content_id(raw, source, str(part)),
        source=source, text=text, format="text", single_article=False,
        published=options.published, notes=notes, offset=offset, more=more,
        locator=None if part is None else f"chars {offset}-{offset + len(text)}",
    )


def _parts(fh: BinaryIO, source: str, options: ReadOptions, chunk: int,
           zipped: bool) -> Iterator[Document]:
    """Consecutive parts of about ``chunk`` bytes, each ending at a paragraph break."""
    buf = b""
    part = 0
    offset = 0  # characters yielded so far
    eof = False
    deadline = Deadline(source, options)

    def fill(limit: int) -> None:
        nonlocal buf, eof
        while not eof and len(buf) < limit:
            data = _read(fh, source, zipped, chunk)
            if data:
                buf += data
            else:
                eof = True

    while True:
        if part:
            deadline.check(f"{part} part(s), {offset:,} characters,")
        fill(chunk + 1)
        if not buf:
            if part == 0:
                raise InputError(source, "file is empty", "nothing to ingest")
            return
        if eof:
            raw, buf = buf, b""
        else:
            cut = _cut(buf, chunk)
            raw, buf = buf[:cut], buf[cut:]
        fill(1)
        more = bool(buf)
        decoded = text_of(raw, source, first=part == 0 and not more)
        only = part == 0 and not more  # one part: the file is one ordinary Document
        yield _document(raw, source, options, decoded, part=None if only else part,
                        offset=offset, more=more)
        offset += len(decoded[0])
        part += 1
        if not more:
            return


def _cut(buf: bytes, chunk: int) -> int:
    """Where a part ends: after the last paragraph break in the first ``chunk`` bytes,
    else the first one after, else a line end, else a UTF-8 character boundary."""
    last = None
    for m in _BREAK.finditer(buf, 0, chunk):
        last = m
    if last is not None:
        return last.end()
    after = _BREAK.search(buf, chunk)
    if after is not None:
        return after.end()
    nl = buf.rfind(b"\n", 0, chunk)
    if nl >= 0:
        return nl + 1
    cut = min(chunk, len(buf))
    while cut > 1 and (buf[cut] & 0xC0) == 0x80:  # never inside a UTF-8 character
        cut -= 1
    return cut
