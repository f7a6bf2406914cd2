"""What every reader shares: options, the reader signature, byte decoding."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dossier.errors import InputError
from dossier.records import Document

# Share of NUL / control bytes above which a file is taken for binary, not text.
# Real text files (any encoding but UTF-16/32, which carry a BOM) have none.
BINARY_CONTROL_SHARE = 0.01
# A language tag as pages and feeds write it: "en", "en-GB", "pt_BR", "zh-Hant-TW".
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")

@cache
def ftfy_config() -> Any:
    """ftfy's settings for every reader. ftfy (~0.03 s of imports) comes with the first
    text read, not with this module: a run forks its NLP worker before reading, and
    what the main process imports before the fork delays the worker's start."""
    import ftfy

    return ftfy.TextFixerConfig(
        # Repair only wrong decodings (mojibake); every other ftfy fix would change
        # characters the user typed (quotes, widths, ligatures, line breaks).
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


# What ftfy changes, with these settings, in text its detector finds no mojibake in:
# C1 control characters (made the Windows-1252 characters they stand for) and lone
# surrogates. Text with neither and no mojibake comes out of ``ftfy.fix_text`` as it
# went in.
_C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")


def repair_mojibake(text: str) -> str:
    """``text`` with wrong decodings repaired (ftfy with :func:`ftfy_config`), for every
    reader. ftfy's detector and a scan for C1 controls and surrogates are one regex
    search each; the repair, far slower (it walks the text a line at a time), runs only
    on text that shows one of them: the same result, at a fraction of the cost on the
    clean text most pages are."""
    from ftfy.badness import is_bad

    if not is_bad(text) and _C1_OR_SURROGATE.search(text) is None:
        return text
    import ftfy

    return str(ftfy.fix_text(text, config=ftfy_config()))


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Reader settings. Built from :mod:`dossier.settings` by the pipeline."""

    published: str | None = None  # date for inputs that carry none (YYYY-MM-DD)
    max_file_bytes: int = 512 * 1024 * 1024  # files read whole (HTML, feeds)
    stream_chunk_bytes: int = 4 * 1024 * 1024  # text dumps past this are read in parts
    jsonl_text_field: str = "text"
    jsonl_title_field: str = "title"
    jsonl_date_field: str = "date"
    jsonl_url_field: str = "url"
    follow_local_links: bool = True
    max_unpack_ratio: int = 100  # a compressed file may expand to this times its size
    max_file_seconds: float = 3600.0  # a file still being read after this is stopped; 0: never
    max_unpacked_bytes: int = 0  # a compressed file may expand to at most this; 0: no cap


Reader = Callable[[Path, ReadOptions], Iterator[Document]]


def check_size(path: Path, options: ReadOptions, whole: bool = True) -> int:
    """The file's size; an error when it is empty, or too big to be read ``whole``
    (streamed formats — text dumps, WARC, JSON Lines — have no size limit)."""
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "file is empty", "nothing to ingest")
    if whole and size > options.max_file_bytes:
        raise InputError(
            str(path),
            f"file is {size / 2**20:,.0f} MiB, over the max_file_mb limit "
            f"of {options.max_file_bytes / 2**20:,.0f} MiB",
            "split it, or raise the limit with --set max_file_mb=N",
        )
    return size


# A compressed file may always expand to this much, whatever its ratio (a small
# file of repeated text is harmless).
UNPACK_FLOOR_BYTES = 64 * 2**20


def unpack_limit(packed_bytes: int, options: ReadOptions) -> int:
    """How many bytes a compressed file of ``packed_bytes`` may expand to: real text
    packs 3-35x with gzip (35x for a dump of many copies of one article), a bomb
    ~1000x; and never more than ``max_unpacked_bytes`` when that is set (a web
    upload)."""
    limit = max(options.max_unpack_ratio * packed_bytes, UNPACK_FLOOR_BYTES)
    return min(limit, options.max_unpacked_bytes) if options.max_unpacked_bytes else limit


def too_big_unpacked(source: str, limit: int) -> InputError:
    return InputError(source, f"decompressed, the file is over {limit / 2**20:,.1f} MiB "
                      "(max_unpack_ratio times its size, or max_unpacked_mb): a "
                      "decompression bomb?; what came before was read",
                      "unpack it yourself if it is real, or raise --set max_unpack_ratio=N "
                      "or max_unpacked_mb=N")


class Unpacked(io.RawIOBase):
    """A decompressing file object that refuses to give more than ``limit`` bytes."""

    def __init__(self, inner: io.IOBase, source: str, limit: int) -> None:
        super().__init__()
        self.inner, self.source, self.limit, self.total = inner, source, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.inner.readinto(buffer)  # type: ignore[attr-defined]
        self.total += n or 0
        if self.total > self.limit:
            raise too_big_unpacked(self.source, self.limit)
        return int(n or 0)

    def close(self) -> None:
        self.inner.close()
        super().close()


def open_unpacked(path: Path, options: ReadOptions) -> io.BufferedReader:
    """The file for reading, decompressed on the fly (within :func:`unpack_limit`)
    when it is gzipped."""
    fh = path.open("rb")
    if fh.read(2) != b"\x1f\x8b":
        fh.seek(0)
        return fh
    fh.close()
    return gzip_reader(path, options)


def gzip_reader(path: Path, options: ReadOptions) -> io.BufferedReader:
    """A gzipped file decompressed on the fly, within :func:`unpack_limit`."""
    import gzip

    limit = unpack_limit(path.stat().st_size, options)
    return io.BufferedReader(Unpacked(gzip.open(path, "rb"), str(path), limit),  # type: ignore[arg-type]
                             buffer_size=io.DEFAULT_BUFFER_SIZE)  # a cut stream: lose little


class Deadline:
    """The wall-clock limit on reading one file (``max_file_seconds``): a streamed
    reader checks it between parts, rows or records, so a file that would take
    hours stops there, with what was read kept and the rest reported."""

    def __init__(self, source: str, options: ReadOptions) -> None:
        self.source, self.seconds = source, options.max_file_seconds
        self.started = time.monotonic()

    def check(self, done: str) -> None:
        if self.seconds and time.monotonic() - self.started > self.seconds:
            raise InputError(self.source, f"stopped after {self.seconds:g} s "
                             f"(max_file_seconds) with {done} read; the rest of the file "
                             "was not read",
                             "split the file, or raise the limit with "
                             "--set max_file_seconds=N (0: none)")


def looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > BINARY_CONTROL_SHARE * max(len(sample), 1)


# File signatures of binary formats people mistake for text: named in the error.
BINARY_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF file", "extract its text first, e.g. with pdftotext"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)",
     "unzip it, or save the document as plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file",
     "save it as plain text or HTML"),
    (b"{\\rtf", "an RTF document", "save it as plain text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "give a text, HTML, WARC, JSON Lines, Parquet "
     "or feed file"),
    (b"\xff\xd8\xff", "a JPEG image", "give a text, HTML, WARC, JSON Lines, Parquet or feed file"),
    (b"GIF8", "a GIF image", "give a text, HTML, WARC, JSON Lines, Parquet or feed file"),
    (b"\x7fELF", "a program (ELF)", "give a text, HTML, WARC, JSON Lines, Parquet or feed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"BZh", "a bzip2 file", "unpack it with bunzip2 first"),
    (b"\xfd7zXZ\x00", "an xz file", "unpack it with unxz first"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard file", "unpack it with unzstd first"),
    (b"SQLite format 3\x00", "an SQLite database", "export its text first"),
)


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """(what the file is, what to do) when its first bytes are a binary format's
    signature: such a file is refused, never read as text (a PDF's header and
    streams would make an 'article' in Slovak)."""
    for magic, what, hint in BINARY_SIGNATURES:
        if head.startswith(magic) and (magic != b"BZh" or head[3:4].isdigit()):
            return what, hint
    return None


def load_json(raw: bytes | str) -> Any:
    """``json.loads``, with every way hostile JSON breaks it (a row nested 50,000
    deep, a number of 10,000 digits, bytes that are not UTF-8) a ValueError whose
    message says what is wrong."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} at column {exc.colno}") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except RecursionError:
        raise ValueError("nested too deeply to read") from None
    except ValueError as exc:  # int_max_str_digits: a number too long to convert
        raise ValueError(f"a value too large to read ({str(exc).split(':')[0]})") from None


def decode_text(raw: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to the text all offsets point into, and say what was done.

    UTF-8 first (the web's encoding); otherwise charset detection; then ftfy
    repairs mojibake (text that was decoded with the wrong codec before it reached
    us). Invalid bytes become U+FFFD and are counted in the notes.
    """
    kind = binary_kind(raw[:16])
    if kind is not None:
        raise InputError(source, f"this is {kind[0]}, not text", kind[1])
    if looks_binary(raw):
        raise InputError(source, "looks like a binary file, not text",
                         "give a text, HTML, WARC, JSON Lines, Parquet or feed file")
    notes: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes  # here: most input is UTF-8

        best = from_bytes(raw[:1_000_000]).best()
        encoding = best.encoding if best is not None else "utf-8"
        if encoding.replace("_", "-").lower() in ("utf-8", "ascii"):
            text = raw.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            notes.append(f"replaced {bad} invalid UTF-8 byte sequence(s)")
        else:
            text = raw.decode(encoding, errors="replace")
            notes.append(f"decoded as {encoding}")
    fixed = repair_mojibake(text)
    if fixed != text:
        notes.append("repaired mojibake")
        text = fixed
    return text, tuple(notes)


def read_bytes(path: Path, options: ReadOptions) -> bytes:
    check_size(path, options)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror}") from exc


def language_tag(value: object) -> str | None:
    """The primary subtag, lower-cased, of a declared language ("en-US" -> "en"); None
    for anything that is not a language tag (a feed's "English", a blank, a number).
    A list such as an HTTP header's "en-GB, en" gives its first tag."""
    if not isinstance(value, str):
        return None
    m = _LANGUAGE_TAG.match(value.strip().split(",")[0].strip())
    return m.group(1).lower() if m else None
