"""DuckDB store. Re-ingesting the same input adds nothing; each document is
written in one transaction, so a crash leaves whole documents or none."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from dossier.clean.dedup import Deduplicator, minhash, text_hash
from dossier.errors import StoreError
from dossier.records import Document, DocumentResult
from dossier.settings import default_min_confidence
from dossier.sinks import RunSummary, Sink
from dossier.store.schema import MIGRATIONS, SCHEMA_VERSION


class _Connection:
    """A DuckDB connection whose queries give Ctrl-C back as KeyboardInterrupt: DuckDB
    turns the interrupt that arrives during a query into ``RuntimeError: Query
    interrupted`` (caused by the KeyboardInterrupt), which a per-document error
    handler would take for a bad document and go on (exit 0), or the CLI for a crash
    (exit 1, a traceback); a run stopped by Ctrl-C must end as one (exit 130)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        return _query(self._con.execute, *args, **kwargs)

    def executemany(self, *args: Any, **kwargs: Any) -> Any:
        return _query(self._con.executemany, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _query(run: Any, *args: Any, **kwargs: Any) -> Any:
    """``run(*args, **kwargs)``, with DuckDB's report of a Ctrl-C raised as the
    KeyboardInterrupt it was."""
    try:
        return run(*args, **kwargs)
    except Exception as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt) or isinstance(
                exc.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from exc
        raise


def _insert(con: Any, table: str, rows: list[list[Any]], or_ignore: bool = False) -> None:
    """Insert rows (in the table's column order) through one Arrow table: DuckDB's
    ``executemany`` runs one statement a row, ~50× slower."""
    import pyarrow as pa

    columns = {f"c{i}": pa.array(list(col)) for i, col in enumerate(zip(*rows, strict=True))}
    con.register("_dossier_rows", pa.table(columns))
    try:
        con.execute(f"INSERT {'OR IGNORE ' if or_ignore else ''}INTO {table} "
                    "SELECT * FROM _dossier_rows")
    finally:
        con.unregister("_dossier_rows")


def like_literal(value: str) -> str:
    """``value`` as literal text inside a LIKE pattern written with ``ESCAPE '\\'``:
    ``%`` and ``_`` match themselves, not any text."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(value: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) for text containing ``value`` literally."""
    return f"%{like_literal(value)}%"


def _j(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value is not None else None


def _ascii(value: Any) -> str | None:
    return json.dumps(value) if value else None


ARTICLE_COLUMNS = (
    "id", "source", "start", "end", "title", "published", "url", "language",
    "duplicate_of", "author", "site", "locator", "document_id", "text",
)


# Queued documents are written at least this often, whatever ``write_batch`` says.
FLUSH_SECONDS = 5.0


class Store(Sink):
    """One DuckDB file. Open read-only for queries, read-write for ingest."""

    def __init__(self, path: str | Path, read_only: bool = False,
                 write_batch: int = 1, min_confidence: float | None = None) -> None:
        """``write_batch`` documents are written in one transaction (whole documents
        only, as ever; a crash loses at most the batch not yet written).

        ``min_confidence`` is the store-wide floor of the query methods: quotes and
        events below it (and quotes of beliefs) are kept but not returned unless a
        call asks (``min_confidence=0``, ``beliefs=True``). None takes the setting's
        default (``dossier.settings``)."""
        self.path = Path(path)
        self.min_confidence = (default_min_confidence() if min_confidence is None
                               else float(min_confidence))
        self.read_only = read_only
        self.write_batch = max(1, int(write_batch))
        self._pending: list[DocumentResult] = []
        self._pending_ids: set[str] = set()
        self._pending_since = 0.0
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no store here; run `dossier ingest` first "
                             "or give --db PATH")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con: Any = _Connection(duckdb.connect(str(self.path), read_only=read_only))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
        self.run_id: str | None = None
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    # -- schema -----------------------------------------------------------------
    def _version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not has_meta or not has_meta[0]:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        v = self._version()
        if v > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema v{v} is newer than this Dossier "
                             f"(v{SCHEMA_VERSION}); upgrade Dossier")
        if v < SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema v{v} is older than v{SCHEMA_VERSION}; "
                             "open it once with `dossier ingest` to migrate")

    def _migrate(self) -> None:
        v = self._version()
        if v > SCHEMA_VERSION:
            self._check_version()
        for n in range(v, SCHEMA_VERSION):
            self.con.begin()
            try:
                self.con.execute(MIGRATIONS[n])
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(n + 1)]
                )
                self.con.commit()
            except Exception:
                self.con.rollback()
                raise
        if v < SCHEMA_VERSION:  # the new schema in the file, not only in the log
            self.con.execute("CHECKPOINT")

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------
    def seen(self, doc: Document) -> bool:
        """Whether the document is stored, unless its NLP failed: that one is done again
        (and replaces what was stored of it)."""
        if doc.id in self._pending_ids:
            return True
        row = self.con.execute("SELECT state FROM documents WHERE id = ?", [doc.id]).fetchone()
        return row is not None and row[0] != "failed"

    def unanalysed(self) -> list[dict[str, Any]]:
        """Documents stored without their NLP because it failed, with the reason (a
        re-ingest of their files retries them)."""
        rows = self.con.execute(
            "SELECT id, source, locator, state_reason FROM documents WHERE state = 'failed' "
            "ORDER BY source, locator").fetchall()
        return [{"document_id": r[0], "source": r[1], "locator": r[2], "reason": r[3]}
                for r in rows]

    def deduplicator(self, threshold: float, num_perm: int,
                     window: int = 100_000) -> Deduplicator:
        """A deduplicator that already knows the store's latest ``window`` original
        articles (the whole store when it is smaller)."""
        d = Deduplicator(threshold, num_perm, window)
        rows = self.con.execute(
            "SELECT id, text_hash, minhash FROM (SELECT rowid AS r, id, text_hash, minhash "
            "FROM articles WHERE duplicate_of IS NULL ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY r", [window],
        ).fetchall()
        d.seed((r[0], r[1], bytes(r[2]) if r[2] is not None else b"") for r in rows)
        return d

    def write(self, result: DocumentResult) -> None:
        """Queue one document's records; every ``write_batch`` documents are written
        in one transaction (all or nothing)."""
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.append(result)
        self._pending_ids.add(result.document.id)
        # a slow stream of documents is still written every few seconds
        if (len(self._pending) >= self.write_batch
                or time.monotonic() - self._pending_since > FLUSH_SECONDS):
            self.flush()

    def flush(self) -> None:
        """Write the queued documents. If the batch fails, each document is written
        in a transaction of its own, so a bad one costs only itself; its error is
        raised once the others are in."""
        pending, self._pending, self._pending_ids = self._pending, [], set()
        if not pending:
            return
        try:
            self._write_all(pending)
            return
        except Exception:
            if len(pending) == 1:
                raise
        error: Exception | None = None
        for result in pending:
            try:
                self._write_all([result])
            except Exception as exc:
                error = error or exc
        if error is not None:
            raise error

    def _write_all(self, results: list[DocumentResult]) -> None:
        """Write documents' records in one transaction (all or nothing)."""
        con = self.con
        con.begin()
        try:
            results = self._replacing(results)
            if not results:
                con.commit()
                return
            con.executemany(
                "INSERT INTO documents (id, source, format, locator, title, published, url, "
                "n_chars, notes, run_id, state, state_reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[r.document.id, r.document.source, r.document.format, r.document.locator,
                  r.document.title, r.document.published, r.document.url,
                  len(r.document.text), list(r.document.notes), self.run_id, r.state,
                  r.nlp_error] for r in results],
            )
            articles = [[a.id, a.document_id, a.source, a.start, a.end, a.text, a.title,
                         a.published, a.url, a.language, a.author, a.site, a.locator,
                         a.duplicate_of, a.duplicate_kind, a.offsets_in_article,
                         *self._fingerprint(r, a.id, a.text)]
                        for r in results for a in r.articles]
            if articles:
                _insert(con, "articles", articles)
            dropped = [[d.document_id, d.source, d.start, d.end, d.reason, d.text, d.article_id]
                       for r in results for d in r.dropped]
            if dropped:
                _insert(con, "dropped", dropped)
            mentions = [[m.article_id, r.document.id, m.source, m.start, m.end, m.text,
                         m.actor_id, m.actor_name, m.qid, m.code, m.country, m.sector, m.type,
                         m.via, m.chain, m.date_basis, m.confidence]
                        for r in results for m in r.mentions]
            if mentions:
                _insert(con, "mentions", mentions)
            quotes = []
            for r in results:
                for q in r.quotes:
                    d = q.to_dict()
                    speaker = d["speaker"] or {}
                    quotes.append([q.article_id, r.document.id, q.source, q.start, q.end,
                                   q.text, q.quote_type, _ascii(d["speaker"]),
                                   speaker.get("actor_id"), speaker.get("name"),
                                   _ascii(d["cue"]), q.tense, _ascii(d["reported_via"]),
                                   list(q.about), q.confidence, q.act,
                                   _ascii(d["segments"])])
            if quotes:
                _insert(con, "quotes", quotes, or_ignore=True)
            events = []
            for r in results:
                for e in r.events:
                    d = e.to_dict()
                    src, tgt = d["source_actor"] or {}, d["target_actor"] or {}
                    events.append([e.article_id, r.document.id, e.source, e.start, e.end,
                                   e.code, e.root, e.quad_class, e.goldstein, e.plover,
                                   e.plover_mode, _j(d["source_actor"]), src.get("code"),
                                   _j(d["target_actor"]), tgt.get("code"), _j(d["trigger"]),
                                   d["trigger"]["start"], e.negated, e.modality, e.date,
                                   e.date_precision, _j(d["location"]), e.confidence])
            if events:
                _insert(con, "events", events)
            problems = [[self.run_id, p.source, p.message, p.severity]
                        for r in results for p in r.problems]
            if problems:
                con.executemany(
                    "INSERT INTO problems (run_id, source, message, severity) VALUES (?, ?, ?, ?)",
                    problems)
            con.commit()
        except Exception:
            con.rollback()
            raise

    def _replacing(self, results: list[DocumentResult]) -> list[DocumentResult]:
        """The results to write, in this transaction: a document already stored is
        left as it is, unless its NLP had failed; then what was stored of it goes, for
        the new result to take its place."""
        ids = list({r.document.id for r in results})
        rows = self.con.execute("SELECT id, state FROM documents WHERE list_contains(?, id)",
                                [ids]).fetchall()
        state = dict(rows)
        failed = [i for i, s in state.items() if s == "failed"]
        if failed:
            for table in ("mentions", "quotes", "events", "dropped", "articles"):
                self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, document_id)",
                                 [failed])
            self.con.execute("DELETE FROM documents WHERE list_contains(?, id)", [failed])
        out, seen = [], set()
        for r in results:
            doc_id = r.document.id
            if doc_id in seen or state.get(doc_id, "failed") != "failed":
                continue  # stored already (or twice in this batch): its records are there
            seen.add(doc_id)
            out.append(r)
        return out

    @staticmethod
    def _fingerprint(result: DocumentResult, article_id: str, text: str) -> tuple[str, bytes]:
        fp = result.fingerprints.get(article_id)
        if fp is None:
            fp = (text_hash(text), minhash(text).hashvalues.astype("uint64").tobytes())
        return fp

    def start_run(self, inputs: list[str]) -> str:
        self.run_id = uuid.uuid4().hex[:12]
        self.con.execute("INSERT INTO runs (id, started_at, inputs) VALUES (?, ?, ?)",
                         [self.run_id, datetime.now(), inputs])
        return self.run_id

    def finish_run(self, summary: RunSummary) -> None:
        self.flush()
        s = summary.to_dict()
        self.con.begin()
        self.con.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                         [datetime.now(), json.dumps(s), self.run_id])
        read_problems = [p for p in summary.problems if p.severity == "error"]
        if read_problems:
            self.con.executemany(
                "INSERT INTO problems (run_id, source, message, severity) VALUES (?, ?, ?, ?)",
                [[self.run_id, p.source, p.message, p.severity] for p in read_problems],
            )
        self.con.commit()

    # -- reading ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "articles", "dropped", "mentions", "quotes", "events"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def articles(
        self,
        *,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        language: str | None = None,
        include_duplicates: bool = True,
        limit: int | None = None,
        with_text: bool = False,
        ids: list[str] | None = None,
    ) -> Iterator[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if ids is not None:
            where.append("list_contains(?, id)")
            params.append(ids)
        if source:
            where.append("source LIKE ? ESCAPE '\\'")
            params.append(contains(source))
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("published <= ?")
            params.append(until)
        if search:
            where.append("(text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')")
            params += [contains(search)] * 2
        if language:
            where.append("language = ?")
            params.append(language)
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        sql = (
            "SELECT id, source, start_char, end_char, title, published, url, language, "
            "duplicate_of, author, site, locator, document_id, text, offsets_in_article "
            "FROM articles"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY source, document_id, start_char"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        cur = self.con.execute(sql, params)
        while rows := cur.fetchmany(1000):
            for r in rows:
                d = {"kind": "article", **dict(zip(ARTICLE_COLUMNS, r[:14], strict=True))}
                if not (with_text or r[14]):
                    d.pop("text")
                yield d

    def dropped(self, *, reason: str | None = None) -> Iterator[dict[str, Any]]:
        sql = ("SELECT source, start_char, end_char, reason, text, document_id, article_id "
               "FROM dropped" + (" WHERE reason = ?" if reason else "")
               + " ORDER BY source, document_id, start_char")
        cur = self.con.execute(sql, [reason] if reason else [])
        keys = ("source", "start", "end", "reason", "text", "document_id", "article_id")
        while rows := cur.fetchmany(1000):
            for r in rows:
                yield {"kind": "dropped", **dict(zip(keys, r, strict=True))}

    MENTION_COLUMNS = ("source", "article_id", "start", "end", "text", "actor_id",
                       "actor_name", "qid", "code", "country", "sector", "type", "via",
                       "chain", "date_basis", "confidence")

    def mentions(self, *, actor_id: str | None = None, article_id: str | None = None,
                 min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
        """Mentions in source order; those below the store's confidence floor (links
        the dev sets found mostly wrong: unknown one-word names, ORG entities that
        may be products) only when ``min_confidence`` lowers it."""
        where, params = self._floor(min_confidence)
        if actor_id:
            where.append("actor_id = ?")
            params.append(actor_id)
        if article_id:
            where.append("article_id = ?")
            params.append(article_id)
        sql = ("SELECT source, article_id, start_char, end_char, text, actor_id, actor_name, "
               "qid, code, country, sector, type, via, chain, date_basis, confidence FROM mentions"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY source, document_id, start_char")
        cur = self.con.execute(sql, params)
        while rows := cur.fetchmany(1000):
            for r in rows:
                yield {"kind": "mention", **dict(zip(self.MENTION_COLUMNS, r, strict=True))}

    def _floor(self, min_confidence: float | None, column: str = "confidence"
               ) -> tuple[list[str], list[Any]]:
        """The WHERE clause (and its parameter) of the confidence floor: the store's,
        or ``min_confidence``; none at 0. Rows stored without a confidence pass."""
        floor = self.min_confidence if min_confidence is None else float(min_confidence)
        return ([f"coalesce({column}, 1.0) >= ?"], [floor]) if floor > 0 else ([], [])

    def quotes(self, *, speaker: str | None = None, about: str | None = None,
               since: str | None = None, limit: int | None = None,
               min_confidence: float | None = None, beliefs: bool = False
               ) -> Iterator[dict[str, Any]]:
        """Quotes, newest article first; ``speaker``/``about`` match an actor id or
        name, ``about`` also words in the quote. Only speech at or above the store's
        confidence floor unless ``min_confidence``/``beliefs`` say otherwise."""
        where, params = self._floor(min_confidence, "q.confidence")
        if not beliefs:
            where.append("coalesce(q.act, 'speech') = 'speech'")
        if speaker:
            where.append("(q.speaker_id = ? OR q.speaker_name ILIKE ? ESCAPE '\\')")
            params += [speaker, contains(speaker)]
        if about:
            where.append("(list_contains(q.about, ?) OR q.text ILIKE ? ESCAPE '\\' OR EXISTS "
                         "(SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND "
                         "m.actor_name ILIKE ? ESCAPE '\\' "
                         "AND list_contains(q.about, m.actor_id)))")
            params += [about, contains(about), contains(about)]
        if since:
            where.append("a.published >= ?")
            params.append(since)
        sql = ("SELECT q.source, q.article_id, q.start_char, q.end_char, q.text, q.quote_type, "
               "q.speaker, q.cue, q.tense, q.reported_via, q.about, q.confidence, q.act, "
               "q.segments, a.published "
               "FROM quotes q JOIN articles a ON a.id = q.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published DESC NULLS LAST, q.source, q.start_char"
               + (f" LIMIT {int(limit)}" if limit else ""))
        cur = self.con.execute(sql, params)
        keys = ("source", "article_id", "start", "end", "text", "quote_type", "speaker",
                "cue", "tense", "reported_via", "about", "confidence", "act", "segments",
                "published")
        while rows := cur.fetchmany(1000):
            for r in rows:
                d = dict(zip(keys, r, strict=True))
                for k in ("speaker", "cue", "reported_via"):
                    d[k] = json.loads(d[k]) if d[k] else None
                d["segments"] = json.loads(d["segments"]) if d["segments"] else []
                yield {"kind": "quote", **d}

    EVENT_COLUMNS = ("source", "article_id", "start", "end", "code", "root", "quad_class",
                     "goldstein", "plover", "plover_mode", "source_actor", "target_actor",
                     "trigger", "negated", "modality", "date", "date_precision", "location",
                     "confidence")

    def events(self, *, source_actor: str | None = None, target_actor: str | None = None,
               root: str | None = None, since: str | None = None,
               include_negated: bool = False, limit: int | None = None,
               min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
        """Events; actors match a CAMEO code prefix ("RUS", "GBRGOV"), an actor id or a
        name. Negated events only when asked; those below the store's confidence floor
        only when ``min_confidence`` lowers it."""
        where, params = self._floor(min_confidence)
        for col, value in (("source", source_actor), ("target", target_actor)):
            if value:
                where.append(f"({col}_code LIKE ? ESCAPE '\\' "
                             f"OR json_extract_string({col}_actor, '$.actor_id') = ? "
                             f"OR json_extract_string({col}_actor, '$.name') ILIKE ? "
                             "ESCAPE '\\')")
                params += [like_literal(value.upper()) + "%", value, contains(value)]
        if root:
            where.append("root = ?")
            params.append(root.zfill(2))
        if since:
            where.append("date >= ?")
            params.append(since)
        if not include_negated:
            where.append("NOT negated")
        sql = ("SELECT source, article_id, start_char, end_char, code, root, quad_class, "
               "goldstein, plover, plover_mode, source_actor, target_actor, trigger, negated, "
               "modality, date, date_precision, location, confidence FROM events"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY date DESC NULLS LAST, source, start_char, trigger_start"
               + (f" LIMIT {int(limit)}" if limit else ""))
        cur = self.con.execute(sql, params)
        while rows := cur.fetchmany(1000):
            for r in rows:
                d = dict(zip(self.EVENT_COLUMNS, r, strict=True))
                for k in ("source_actor", "target_actor", "trigger", "location"):
                    d[k] = json.loads(d[k]) if d[k] else None
                yield {"kind": "event", **d}

    def actors(self, *, country: str | None = None, sector: str | None = None,
               type_: str | None = None, name: str | None = None, limit: int | None = 50
               ) -> list[dict[str, Any]]:
        """Actors by number of mentions (pronouns and roles included) at or above the
        store's confidence floor."""
        where, params = self._floor(None)
        where.append("via <> 'unlinked' OR actor_id LIKE 'local:%'")
        if country:
            where.append("country = ?")
            params.append(country.upper())
        if sector:
            where.append("sector LIKE ? ESCAPE '\\'")
            params.append(contains(sector.upper()))
        if type_:
            where.append("type = ?")
            params.append(type_)
        if name:
            where.append("(actor_name ILIKE ? ESCAPE '\\' OR actor_id = ?)")
            params += [contains(name), name]
        sql = ("SELECT actor_id, any_value(actor_name), any_value(qid), any_value(type), "
               "mode(code), mode(country), count(*), count(DISTINCT article_id), "
               "list(DISTINCT via) FROM mentions WHERE " + " AND ".join(f"({w})" for w in where)
               + " GROUP BY actor_id ORDER BY count(*) DESC, actor_id"
               + (f" LIMIT {int(limit)}" if limit else ""))
        rows = self.con.execute(sql, params).fetchall()
        keys = ("actor_id", "name", "qid", "type", "code", "country", "mentions", "articles",
                "via")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def problems(self) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT source, message, severity, logged_at FROM problems ORDER BY logged_at"
        ).fetchall()
        return [{"source": r[0], "message": r[1], "severity": r[2], "at": str(r[3])}
                for r in rows]
