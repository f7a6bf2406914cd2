"""Plain-text and Markdown dumps: one Document per file, segmented later."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from dossier.errors import InputError
from dossier.ingest.base import ReadOptions, check_size, decode_text, read_bytes
from dossier.records import Document, content_id


def read_text(path: Path, options: ReadOptions) -> Iterator[Document]:
    if path.suffix.lower() == ".gz":
        check_size(path, options)
        try:
            with gzip.open(path, "rb") as fh:
                raw = fh.read(options.max_file_bytes + 1)
        except (OSError, EOFError) as exc:
            raise InputError(str(path), f"truncated or corrupt gzip file: {exc}",
                             "download it again or gunzip it to see what is left") from exc
        if len(raw) > options.max_file_bytes:
            raise InputError(str(path), "decompressed text is over the max_file_mb limit",
                             "split it, or raise the limit with --set max_file_mb=N")
    else:
        raw = read_bytes(path, options)
    text, notes = decode_text(raw, str(path))
    if not text.strip():
        raise InputError(str(path), "file holds only white space", "nothing to ingest")
    yield Document(
        id=content_id(raw),
        source=str(path),
        text=text,
        format="text",
        single_article=False,
        published=options.published,
        notes=notes,
    )
