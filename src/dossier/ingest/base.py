"""What every reader shares: options, the reader signature, byte decoding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

from dossier.errors import InputError
from dossier.records import Document

# Share of NUL / control bytes above which a file is taken for binary, not text.
# Real text files (any encoding but UTF-16/32, which carry a BOM) have none.
BINARY_CONTROL_SHARE = 0.01

_FTFY_CONFIG = ftfy.TextFixerConfig(
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


def looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > BINARY_CONTROL_SHARE * max(len(sample), 1)


def decode_text(raw: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to the text all offsets point into, and say what was done.

    UTF-8 first (the web's encoding); otherwise charset detection; then ftfy
    repairs mojibake (text that was decoded with the wrong codec before it reached
    us). Invalid bytes become U+FFFD and are counted in the notes.
    """
    if looks_binary(raw):
        raise InputError(source, "looks like a binary file, not text",
                         "give a text, HTML, WARC, JSON Lines, Parquet or feed file")
    notes: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw[:1_000_000]).best()
        encoding = best.encoding if best is not None else "utf-8"
        if encoding.replace("_", "-").lower() in ("utf-8", "ascii"):
            text = raw.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            notes.append(f"replaced {bad} invalid UTF-8 byte sequence(s)")
        else:
            text = raw.decode(encoding, errors="replace")
            notes.append(f"decoded as {encoding}")
    # ftfy's own detector is one regex scan; the repair is far slower, so only
    # text that shows mojibake pays for it.
    fixed = ftfy.fix_text(text, config=_FTFY_CONFIG) if is_bad(text) else text
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
