"""Export stored records as JSON Lines, CSV or Parquet: the same records that
``dossier extract`` writes."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

from dossier.store.db import Store

ExportFormat = Literal["jsonl", "csv", "parquet"]
Kind = Literal["articles", "dropped", "mentions", "quotes", "events", "all"]

ARTICLE_FIELDS = ["kind", "id", "source", "start", "end", "title", "published", "url",
                  "language", "duplicate_of", "author", "site", "locator", "document_id",
                  "text"]
DROPPED_FIELDS = ["kind", "source", "start", "end", "reason", "text", "document_id",
                  "article_id"]
MENTION_FIELDS = ["kind", "source", "article_id", "start", "end", "text", "actor_id",
                  "actor_name", "qid", "code", "country", "sector", "type", "via", "chain",
                  "date_basis"]
EVENT_FIELDS = ["kind", "source", "article_id", "start", "end", "code", "root", "quad_class",
                "goldstein", "plover", "plover_mode", "source_actor", "target_actor",
                "trigger", "negated", "modality", "date", "date_precision", "location",
                "confidence"]
QUOTE_FIELDS = ["kind", "source", "article_id", "start", "end", "text", "quote_type",
                "speaker", "cue", "tense", "reported_via", "about", "confidence"]


def _flat(field: str, value: Any) -> Any:
    """Tabular formats hold nested values (speaker, cue, about) as JSON text."""
    if value is None or field in ("start", "end"):
        return value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str) else str(value)


def records(store: Store, kind: Kind = "all", with_text: bool = True) -> Iterator[dict[str, Any]]:
    if kind in ("articles", "all"):
        yield from store.articles(with_text=with_text)
    if kind in ("dropped", "all"):
        yield from store.dropped()
    if kind in ("mentions", "all"):
        yield from store.mentions()
    if kind in ("quotes", "all"):
        for q in store.quotes():
            q.pop("published", None)
            yield q
    if kind in ("events", "all"):
        yield from store.events(include_negated=True)


def _fields(kind: Kind) -> list[str]:
    if kind == "articles":
        return ARTICLE_FIELDS
    if kind == "dropped":
        return DROPPED_FIELDS
    if kind == "mentions":
        return MENTION_FIELDS
    if kind == "quotes":
        return QUOTE_FIELDS
    if kind == "events":
        return EVENT_FIELDS
    fields = list(ARTICLE_FIELDS)
    for f in DROPPED_FIELDS + MENTION_FIELDS + QUOTE_FIELDS + EVENT_FIELDS:
        if f not in fields:
            fields.append(f)
    return fields


def export(
    store: Store,
    fmt: ExportFormat,
    output: Path | None,
    kind: Kind = "all",
    stdout: IO[str] | None = None,
) -> int:
    """Write records to ``output`` (or stdout for jsonl/csv); returns the count."""
    if fmt == "parquet":
        if output is None:
            raise ValueError("Parquet is binary: give -o FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        fields = _fields(kind)
        schema = pa.schema([(f, pa.int64() if f in ("start", "end") else pa.string())
                            for f in fields])
        n = 0
        with pq.ParquetWriter(str(output), schema) as writer:
            batch: list[dict[str, Any]] = []
            for rec in records(store, kind):
                batch.append({f: _flat(f, rec.get(f)) for f in fields})
                if len(batch) >= 5000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                    batch = []
            if batch or n == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
        return n
    fh: IO[str]
    close = False
    if output is None:
        fh = stdout or sys.stdout
    else:
        fh = output.open("w", encoding="utf-8", newline="")
        close = True
    try:
        n = 0
        if fmt == "jsonl":
            for rec in records(store, kind):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        else:
            writer = csv.DictWriter(fh, fieldnames=_fields(kind), extrasaction="ignore")
            writer.writeheader()
            for rec in records(store, kind):
                writer.writerow({f: _flat(f, v) for f, v in rec.items()})
                n += 1
        return n
    finally:
        if close:
            fh.close()
