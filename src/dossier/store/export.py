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
                  "date_basis", "confidence"]
EVENT_FIELDS = ["kind", "source", "article_id", "start", "end", "code", "root", "quad_class",
                "goldstein", "plover", "plover_mode", "source_actor", "target_actor",
                "trigger", "negated", "modality", "date", "date_precision", "location",
                "confidence"]
QUOTE_FIELDS = ["kind", "source", "article_id", "start", "end", "text", "quote_type",
                "speaker", "cue", "tense", "reported_via", "about", "confidence", "act",
                "segments"]


def flat(field: str, value: Any) -> Any:
    """Tabular formats hold nested values (speaker, cue, about) as JSON text."""
    if value is None or field in ("start", "end"):
        return value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str) else str(value)


def records(store: Store, kind: Kind = "all", with_text: bool = True,
            everything: bool = False) -> Iterator[dict[str, Any]]:
    """The records of ``kind``; mentions, quotes and events above the store's
    confidence floor (quotes of speech only), or ``everything``."""
    floor = 0.0 if everything else None
    if kind in ("articles", "all"):
        yield from store.articles(with_text=with_text)
    if kind in ("dropped", "all"):
        yield from store.dropped()
    if kind in ("mentions", "all"):
        yield from store.mentions(min_confidence=floor)
    if kind in ("quotes", "all"):
        for q in store.quotes(min_confidence=floor, beliefs=everything):
            q.pop("published", None)
            yield q
    if kind in ("events", "all"):
        yield from store.events(include_negated=True, min_confidence=floor)


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
    everything: bool = False,
) -> int:
    """Write records to ``output`` (or stdout for jsonl/csv); returns the count. Quotes
    and events below the store's confidence floor, and quotes of beliefs, only with
    ``everything``."""
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
            for rec in records(store, kind, everything=everything):
                batch.append({f: flat(f, rec.get(f)) for f in fields})
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
            for rec in records(store, kind, everything=everything):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        else:
            writer = csv.DictWriter(fh, fieldnames=_fields(kind), extrasaction="ignore")
            writer.writeheader()
            for rec in records(store, kind, everything=everything):
                writer.writerow({f: flat(f, v) for f, v in rec.items()})
                n += 1
        return n
    finally:
        if close:
            fh.close()


# GDELT 2.0 event table columns, in order (GDELT Event Codebook V2.0). Dossier fills
# what it knows; mention counts and tone stay empty. See docs/exports.md.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
    "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
    "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]


def _gdelt_row(e: dict[str, Any], url: str | None, event_id: int) -> list[str]:
    from datetime import date

    day = (e.get("date") or "").replace("-", "")
    day = (day + "0101")[:8] if day else ""
    frac = ""
    if len(day) == 8:
        d = date(int(day[:4]), int(day[4:6]), int(day[6:8]))
        frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"

    def actor(a: dict[str, Any] | None) -> list[str]:
        if not a:
            return [""] * 10
        code = a.get("code") or ""
        sector = code[3:6] if len(code) > 3 else (a.get("sector") or "")
        country = "" if code.startswith("---") else code[:3]  # "---REB": no country known
        return [code, (a.get("name") or "").upper(), country, "", "", "", "", sector, "", ""]

    loc = e.get("location") or {}
    row = [str(event_id), day, day[:6], day[:4], frac,
           *actor(e.get("source_actor")), *actor(e.get("target_actor")),
           "0", e["code"], e["code"][:3], e["root"], str(e["quad_class"]),
           str(e["goldstein"]), "1", "1", "1", "",
           *([""] * 16),
           "4" if loc else "", loc.get("name", ""), loc.get("country", "") or "", "", "",
           str(loc.get("lat", "")) if loc else "", str(loc.get("lon", "")) if loc else "", "",
           "", url or e["source"]]
    return row


def export_events(store: Store, fmt: Literal["gdelt", "plover"], fh: IO[str]) -> int:
    """Events (not negated) as GDELT 2.0-style TSV or PLOVER JSON Lines."""
    articles = {a["id"]: a for a in store.articles(with_text=True)}
    n = 0
    if fmt == "gdelt":
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
    for e in store.events():
        art = articles.get(e["article_id"], {})
        if fmt == "gdelt":
            fh.write("\t".join(_gdelt_row(e, art.get("url"), n + 1)) + "\n")
        else:
            text = ""
            if art:
                text = art["text"][e["start"] - art["start"] : e["end"] - art["start"]]

            def side(a: dict[str, Any] | None) -> list[dict[str, Any]]:
                if not a:
                    return []
                code = a.get("code") or ""
                return [{"actorText": a.get("name"), "code": code[:3] or None,
                         "sector": code[3:] or None, "actor_id": a.get("actor_id")}]

            rec = {"id": f"{e['article_id']}-{e['trigger']['start']}-{n}",
                   "date": e.get("date"), "source": side(e.get("source_actor")),
                   "target": side(e.get("target_actor")), "event": e.get("plover"),
                   "mode": e.get("plover_mode"), "cameo": e["code"],
                   "eventText": e["trigger"]["text"], "text": text,
                   "modality": e.get("modality"), "location": e.get("location"),
                   "url": art.get("url"), "sourceFile": e["source"],
                   "start": e["start"], "end": e["end"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


# Tables of a Parquet dataset export, and how each finds its article's date.
_DATASET_TABLES = {
    "articles": "SELECT t.* EXCLUDE (minhash), {month} FROM articles t "
                "LEFT JOIN articles a ON a.id = t.id",
    "dropped": "SELECT t.*, {month} FROM dropped t LEFT JOIN articles a ON a.id = t.article_id",
    "mentions": "SELECT t.*, {month} FROM mentions t LEFT JOIN articles a ON a.id = t.article_id",
    "quotes": "SELECT t.*, {month} FROM quotes t LEFT JOIN articles a ON a.id = t.article_id",
    "events": "SELECT t.*, {month} FROM events t LEFT JOIN articles a ON a.id = t.article_id",
}
_MONTH = "coalesce(substr(a.published, 1, 7), 'unknown') AS month"


def export_dataset(store: Store, output: Path) -> dict[str, int]:
    """Write the store's tables as a Parquet dataset partitioned by the month the
    article was published (``output/quotes/month=2024-05/…parquet``), the layout
    DuckDB (``read_parquet('output/quotes/**/*.parquet', hive_partitioning=true)``)
    and Spark read as one table: how a store grows past one file. Returns rows per
    table."""
    output.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table, query in _DATASET_TABLES.items():
        sql = query.format(month=_MONTH)
        n = store.con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        counts[table] = int(n[0]) if n else 0
        target = str(output / table).replace("'", "''")
        store.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT PARQUET, "
                          "PARTITION_BY (month), OVERWRITE_OR_IGNORE)")
    return counts
