"""Pick a reader for a file from its name and first bytes."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from dossier.errors import InputError
from dossier.ingest.base import binary_kind
from dossier.records import Format

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def _head(path: Path, n: int = 4096) -> bytes:
    with path.open("rb") as fh:
        head = fh.read(n)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as gz:
                return gz.read(n)
        except (OSError, EOFError, zlib.error):  # a corrupt stream: the reader says so
            return b""
    return head


def sniff(head: bytes) -> Format | None:
    """Guess a format from content alone; None when it is plainly text."""
    if head.startswith(b"PAR1"):
        return "parquet"
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if h.startswith(b"warc/"):
        return "warc"
    if h.startswith(b"{"):
        first = h.split(b"\n", 1)[0]
        if b'"version"' in h[:400] and b"jsonfeed.org" in h[:400]:
            return "feed"
        if first.rstrip().endswith(b"}"):
            return "jsonl"
        return "feed" if b"jsonfeed.org" in h else "jsonl"
    if h.startswith(b"<?xml") or h.startswith(b"<rss") or h.startswith(b"<feed"):
        if b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h:
            return "feed"
        if b"<html" in h:
            return "html"
    if h.startswith(b"<!doctype html") or h.startswith(b"<html") or b"<html" in h[:1024]:
        return "html"
    return None


def detect_format(path: Path) -> Format:
    """The reader format for ``path``: content sniffing first, extension second."""
    try:
        head = _head(path)
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror}") from exc
    kind = binary_kind(head)
    if kind is not None:
        raise InputError(str(path), f"this is {kind[0]}, not text", kind[1])
    sniffed = sniff(head)
    if sniffed is not None:
        return sniffed
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] == ".json":
        return "feed" if b"jsonfeed" in head else "jsonl"
    if suffixes and suffixes[-1] in _EXTENSIONS:
        fmt = _EXTENSIONS[suffixes[-1]]
        if fmt != "feed":  # an .xml file that does not look like a feed is text
            return fmt
    return "text"
