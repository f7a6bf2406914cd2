"""Readers: turn files, directories and globs into :class:`~dossier.records.Document`.

One module per format; :func:`read_file` picks the reader with :func:`detect_format`.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.errors import InputError
from dossier.ingest.base import Reader, ReadOptions
from dossier.ingest.detect import detect_format
from dossier.records import Document, Format, Problem

__all__ = ["ReadOptions", "detect_format", "expand_inputs", "read_file", "read_inputs"]


def _reader(fmt: Format) -> Reader:
    # Imported lazily so that a text-only run never pays for lxml/trafilatura.
    if fmt == "text":
        from dossier.ingest.text import read_text as r
    elif fmt == "html":
        from dossier.ingest.html import read_html as r
    elif fmt == "warc":
        from dossier.ingest.warc import read_warc as r
    elif fmt == "jsonl":
        from dossier.ingest.jsonl import read_jsonl as r
    elif fmt == "parquet":
        from dossier.ingest.parquet import read_parquet as r
    else:
        from dossier.ingest.feeds import read_feed as r
    return r


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files from paths, directories (recursively, sorted) and glob patterns.

    A name that matches nothing becomes a :class:`Problem`, not an exception, so
    the rest of the batch goes on.
    """
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        elif p.is_file():
            yield p
        elif glob.has_magic(str(item)):
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                yield Problem(str(item), "no file matches this pattern")
            yield from files
        else:
            yield Problem(str(item), "no such file or directory")


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[Document]:
    """Documents from one file. Raises :class:`InputError` when it cannot be read.

    A container (WARC, feed, JSON Lines) may yield documents and then raise for a
    truncated or malformed rest: what was yielded stays good.
    """
    options = options or ReadOptions()
    if not path.exists():
        raise InputError(str(path), "no such file")
    yield from _reader(detect_format(path))(path, options)


def read_inputs(
    inputs: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[Document | Problem]:
    """Documents from every input, with a Problem in the stream for each bad file."""
    options = options or ReadOptions()
    for item in expand_inputs(inputs):
        if isinstance(item, Problem):
            yield item
            continue
        try:
            yield from read_file(item, options)
        except InputError as exc:
            yield Problem(exc.source, exc.problem + (f" ({exc.hint})" if exc.hint else ""))
        except Exception as exc:  # a reader bug must not cost the rest of the batch
            yield Problem(str(item), f"unexpected error while reading: {type(exc).__name__}: {exc}")
