"""Parquet files of articles (a CC-News or news-please export, a Hugging Face news
set, Dossier's own export): one Document per row.

Rows are read a batch at a time through pyarrow, so memory stays bounded whatever
the file's size. Each row is mapped as a JSON Lines row is (:func:`~dossier.ingest.
jsonl.row_to_document`: the ``jsonl_*_field`` settings, with the usual column names
of news exports when those are missing); ``locator`` is ``"row N"`` (1-based).
A row with no text is skipped; one :class:`InputError` names the skipped rows
after every good row has been yielded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dossier.errors import InputError
from dossier.ingest.base import (
    Deadline,
    ReadOptions,
    check_size,
    too_big_unpacked,
    unpack_limit,
)
from dossier.ingest.jsonl import row_to_document, skipped, usual_field
from dossier.records import Document

# Rows converted to Python at a time.
BATCH_ROWS = 256


def read_parquet(path: Path, options: ReadOptions) -> Iterator[Document]:
    """Documents from the rows of one Parquet file, rows without text reported at the end."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    check_size(path, options, whole=False)
    source = str(path)
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(source, f"not a readable Parquet file ({exc})",
                         "check the file was written completely, or export it again") from exc
    columns = pf.schema_arrow.names
    if usual_field(columns, options.jsonl_text_field, "text") not in columns:
        raise InputError(source, f"no text column (it has: {', '.join(columns)})",
                         "name the column that holds the text: "
                         "--set jsonl_text_field=COLUMN")
    bad: list[str] = []
    n = yielded = 0
    deadline = Deadline(source, options)
    limit = unpack_limit(path.stat().st_size, options)  # a Parquet "bomb" is not read
    try:
        for batch in _batches(pf, limit, source):
            deadline.check(f"{n} row(s)")
            for row in batch.to_pylist():
                n += 1
                raw = json.dumps(row, sort_keys=True, default=str).encode("utf-8")
                try:
                    doc = row_to_document(row, raw, source, n, options, unit="row",
                                          fmt="parquet")
                except InputError as exc:
                    bad.append(exc.problem)
                    continue
                yield doc
                yielded += 1
    except (OSError, pa.ArrowException) as exc:
        raise InputError(source, f"damaged Parquet data after row {n} ({exc})",
                         "export the file again; the rows before the damage were read") from exc
    if bad:
        raise InputError(source, skipped(bad, "rows"), f"the other {yielded} rows were read")
    if n == 0:
        raise InputError(source, "no rows in this Parquet file", "nothing to ingest")


def _batches(pf: Any, limit: int, source: str) -> Iterator[Any]:
    """The file's record batches, row group by row group; a row group that would take
    the file's unpacked size (as its metadata declares it) over ``limit`` is not read."""
    unpacked = 0
    for i in range(pf.num_row_groups):
        unpacked += pf.metadata.row_group(i).total_byte_size
        if unpacked > limit:
            raise too_big_unpacked(source, limit)
        yield from pf.iter_batches(batch_size=BATCH_ROWS, row_groups=[i])
