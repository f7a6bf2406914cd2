"""The web read model: a derived DuckDB file built from a store, never the store itself.

``dossier serve`` opens the store read-only, so the full-text index (DuckDB's FTS
extension, shipped on PyPI as ``duckdb-ext-fts`` and loaded from the installed
package, offline) and the denormalised tables the pages query live in a separate
cache file. It is rebuilt when the store's file changes (size or mtime), into a
temporary file that then replaces the old one, and is opened read-only to serve.

Tables: ``docs`` (one row per article, quote and event: what search and its facets
read; ``doc_actor`` and ``doc_country`` hold its list columns exploded), ``ev``
(events with their actors flattened: timeline, network, tables),
``actor_stats`` (mention counts per actor) and ``meta``.

Quotes and events carry ``shown``: at or above the confidence floor the model was
built with (the ``min_confidence`` setting), and for quotes an act of speech; the
actor counts and facets count only mentions at or above it. The
pages show those unless asked for every record (``all=1``); the floor is part of
the fingerprint, so a new floor rebuilds the model.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import duckdb

INDEX_VERSION = "8"


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load the FTS extension from the ``duckdb-ext-fts`` package; False when absent."""
    try:
        import duckdb_ext  # namespace package installed by duckdb-ext-fts
    except ImportError:
        return False
    for base in getattr(duckdb_ext, "__path__", []):
        ext_dir = Path(base) / "extensions"
        if not ext_dir.is_dir():
            continue
        try:
            con.execute("SET autoinstall_known_extensions = false")
            con.execute("SET extension_directory = ?", [str(ext_dir)])
            con.execute("LOAD fts")
            return True
        except duckdb.Error:
            continue
    return False


def fingerprint(store: Path, floor: float = 0.0) -> str:
    st = store.stat()
    return f"{INDEX_VERSION}:{store.resolve()}:{st.st_size}:{st.st_mtime_ns}:{float(floor)}"


def cache_path(store: Path, cache_dir: Path) -> Path:
    key = hashlib.sha256(str(store.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"{store.stem}-{key}.web.duckdb"


_OUTLET = ("coalesce(nullif(a.site, ''), nullif(regexp_extract(a.url, "
           "'^[a-z]+://(?:www\\.)?([^/:]+)', 1), ''), regexp_extract(a.source, '[^/]+$'))")

_BUILD = [
    """CREATE TABLE art AS SELECT a.id, a.source, a.start_char, a.end_char, a.title,
        a.published, a.url, a.duplicate_of, """ + _OUTLET + """ AS outlet
        FROM s.articles a""",
    """CREATE TABLE art_actors AS SELECT article_id, list(DISTINCT actor_id) AS actors,
        list(DISTINCT country) FILTER (WHERE country IS NOT NULL) AS countries
        FROM s.mentions WHERE (via <> 'unlinked' OR actor_id LIKE 'local:%')
        AND coalesce(confidence, 1.0) >= {floor}
        GROUP BY article_id""",
    """CREATE TABLE ev AS SELECT e.article_id, e.start_char, e.end_char, e.code, e.root,
        e.quad_class, e.goldstein, e.plover, e.plover_mode,
        json_extract_string(e.source_actor, '$.actor_id') AS src_id,
        json_extract_string(e.source_actor, '$.name') AS src_name,
        json_extract_string(e.source_actor, '$.country') AS src_country,
        json_extract_string(e.source_actor, '$.code') AS src_code,
        json_extract_string(e.target_actor, '$.actor_id') AS tgt_id,
        json_extract_string(e.target_actor, '$.name') AS tgt_name,
        json_extract_string(e.target_actor, '$.country') AS tgt_country,
        json_extract_string(e.target_actor, '$.code') AS tgt_code,
        e.source_actor, e.target_actor, e.trigger, e.location, e.negated, e.modality,
        e.date, e.date_precision, e.confidence, e.source, e.trigger_start,
        coalesce(e.confidence, 1.0) >= {floor} AS shown,
        CASE WHEN length(e.date) = 10 THEN try_cast(e.date AS DATE) END AS day,
        a.outlet, a.published
        FROM s.events e JOIN art a ON a.id = e.article_id""",
    """CREATE TABLE actor_stats AS SELECT actor_id, any_value(actor_name) AS name,
        any_value(qid) AS qid, any_value(type) AS type, mode(code) AS code,
        mode(country) AS country, count(*) AS mentions, count(DISTINCT article_id) AS articles
        FROM s.mentions WHERE (via <> 'unlinked' OR actor_id LIKE 'local:%')
        AND coalesce(confidence, 1.0) >= {floor}
        GROUP BY actor_id""",
    """CREATE TABLE docs AS SELECT row_number() OVER () AS rid, *,
        left(body, 400) AS snippet FROM (
        SELECT 'article' AS kind, a.id AS article_id, a.start_char, a.end_char,
            coalesce(a.title, '') AS title, sa.text AS body, a.published AS date, a.outlet,
            NULL::VARCHAR AS speaker_id, NULL::VARCHAR AS speaker_name,
            coalesce(x.actors, []) AS actors, coalesce(x.countries, []) AS countries,
            NULL::VARCHAR AS root, NULL::INTEGER AS quad_class, NULL::DOUBLE AS goldstein,
            NULL::VARCHAR AS tense, NULL::VARCHAR AS code, NULL::VARCHAR AS quote_type,
            TRUE AS shown
        FROM art a JOIN s.articles sa ON sa.id = a.id
        LEFT JOIN art_actors x ON x.article_id = a.id
        WHERE a.duplicate_of IS NULL
        UNION ALL
        SELECT 'quote', q.article_id, q.start_char, q.end_char, coalesce(q.speaker_name, ''),
            q.text, a.published, a.outlet, q.speaker_id, q.speaker_name,
            list_distinct(list_filter([q.speaker_id] || q.about, x -> x IS NOT NULL)),
            [], NULL, NULL, NULL, q.tense, NULL, q.quote_type,
            coalesce(q.confidence, 1.0) >= {floor} AND coalesce(q.act, 'speech') = 'speech'
        FROM s.quotes q JOIN art a ON a.id = q.article_id
        UNION ALL
        SELECT 'event', e.article_id, e.start_char, e.end_char,
            concat_ws(' ', e.src_name, json_extract_string(e.trigger, '$.text'), e.tgt_name),
            substr(sa.text, e.start_char - sa.start_char + 1, e.end_char - e.start_char),
            e.date, e.outlet, NULL, NULL,
            list_filter([e.src_id, e.tgt_id], x -> x IS NOT NULL),
            list_filter([e.src_country, e.tgt_country], x -> x IS NOT NULL),
            e.root, e.quad_class, e.goldstein, NULL, e.code, NULL, e.shown
        FROM ev e JOIN s.articles sa ON sa.id = e.article_id
        WHERE NOT e.negated
    ) ORDER BY rid""",
    "CREATE TABLE doc_actor AS SELECT rid, unnest(actors) AS actor FROM docs ORDER BY rid",
    "CREATE TABLE doc_country AS SELECT rid, unnest(countries) AS country FROM docs "
    "ORDER BY rid",
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
]


def build(store: Path, out: Path, floor: float = 0.0) -> bool:
    """Build the read model of ``store`` into ``out``, marking as shown the quotes
    and events at or above ``floor``; returns whether FTS is on."""
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute(f"ATTACH '{_sql_str(store)}' AS s (READ_ONLY)")
        for sql in _BUILD:
            con.execute(sql.replace("{floor}", repr(float(floor))))
        con.execute("CREATE TABLE facets_all (facet VARCHAR, value VARCHAR, n BIGINT, "
                    "r BIGINT)")
        rows = facet_counts(con, "SELECT rid FROM docs WHERE shown", [], 50)
        ranks: dict[str, int] = {}
        for facet, value, n in rows:
            ranks[facet] = ranks.get(facet, 0) + 1
            con.execute("INSERT INTO facets_all VALUES (?, ?, ?, ?)",
                        [facet, value, n, ranks[facet]])
        fts = load_fts(con)
        if fts:
            con.execute("PRAGMA create_fts_index('docs', 'rid', 'title', 'body', "
                        "stemmer = 'porter', stopwords = 'english', overwrite = 1)")
            # postings sorted by term: a query reads only the row groups of its terms
            con.execute("CREATE TABLE fts_main_docs.terms_sorted AS SELECT * FROM "
                        "fts_main_docs.terms ORDER BY termid, docid")
            con.execute("DROP TABLE fts_main_docs.terms")
            con.execute("ALTER TABLE fts_main_docs.terms_sorted RENAME TO terms")
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?), ('fts', ?)",
                    [fingerprint(store, floor), "1" if fts else "0"])
        con.execute("DETACH s")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, out)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return fts


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


def is_fresh(store: Path, index: Path, floor: float = 0.0) -> bool:
    if not index.exists():
        return False
    try:
        con = duckdb.connect(str(index), read_only=True)
    except duckdb.Error:
        return False
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except duckdb.Error:
        return False
    finally:
        con.close()
    return row is not None and row[0] == fingerprint(store, floor)


def ensure(store: Path, cache_dir: Path, floor: float = 0.0) -> Path:
    """The fresh read model of ``store`` (built when missing or stale)."""
    path = cache_path(store, cache_dir)
    if not is_fresh(store, path, floor):
        build(store, path, floor)
    return path


_FACETS_SQL = """
WITH src AS MATERIALIZED (
  SELECT d.kind, d.speaker_id, d.root, d.quad_class, d.outlet, d.date
  FROM samp JOIN docs d USING (rid)),
f AS (
  SELECT 'kind' AS facet, kind AS value, count(*) AS n FROM src GROUP BY 2
  UNION ALL SELECT 'speaker', speaker_id, count(*) FROM src
    WHERE speaker_id IS NOT NULL GROUP BY 2
  UNION ALL SELECT 'root', root, count(*) FROM src WHERE root IS NOT NULL GROUP BY 2
  UNION ALL SELECT 'quad', quad_class::VARCHAR, count(*) FROM src
    WHERE quad_class IS NOT NULL GROUP BY 2
  UNION ALL SELECT 'outlet', outlet, count(*) FROM src WHERE outlet IS NOT NULL GROUP BY 2
  UNION ALL SELECT 'month', left(date, 7), count(*) FROM src WHERE length(date) >= 7
    GROUP BY 2
  UNION ALL SELECT 'actor', actor, count(*) FROM samp JOIN doc_actor USING (rid) GROUP BY 2
  UNION ALL SELECT 'country', country, count(*) FROM samp JOIN doc_country USING (rid)
    GROUP BY 2
)
SELECT facet, value, n FROM (
  SELECT *, row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS r FROM f
) WHERE r <= ? ORDER BY facet, n DESC, value
"""


def facet_counts(cur: duckdb.DuckDBPyConnection, sample_sql: str, params: list[Any],
                 size: int) -> list[tuple[str, str, int]]:
    """Top ``size`` values of every facet over the docs whose rids ``sample_sql``
    selects. List-valued facets (actors, countries) are read from their exploded,
    rid-sorted tables: much cheaper than unnesting the lists of every doc."""
    cur.execute(f"CREATE OR REPLACE TEMP TABLE samp AS {sample_sql}", params)
    try:
        return [(str(a), str(b), int(c)) for a, b, c in
                cur.execute(_FACETS_SQL, [size]).fetchall()]
    finally:
        cur.execute("DROP TABLE IF EXISTS samp")
