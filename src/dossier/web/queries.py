"""The queries behind every page. Routes stay thin: they parse parameters, call one
of these with a Source and render the dict it returns (HTML or JSON).

Search, facets, timelines and networks read the derived read model (index.py);
the evidence view reads the store itself (article text and every record in it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

import duckdb

from dossier.store.db import contains
from dossier.web.index import facet_counts
from dossier.web.sources import NotFound, Source

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
KINDS = ("article", "quote", "event")
ESC = "ESCAPE '\\'"  # names match literally: see dossier.store.db.contains


@dataclass(frozen=True)
class Page:
    page: int = 1
    limit: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit

    def meta(self, total: int | None, returned: int) -> dict[str, Any]:
        more = (self.offset + returned < total) if total is not None else returned == self.limit
        return {"page": self.page, "limit": self.limit, "total": total,
                "next_page": self.page + 1 if more else None}


@dataclass(frozen=True)
class Filters:
    """Facets shared by search and the event views; empty fields filter nothing."""

    q: str = ""
    kind: str = ""
    speaker: str = ""
    actor: str = ""
    source_actor: str = ""
    target_actor: str = ""
    country: str = ""
    root: str = ""
    quad: int | None = None
    outlet: str = ""
    since: str = ""
    until: str = ""
    # every record, also quotes and events below the confidence floor (and beliefs)
    everything: bool = False

    def params(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None, False)}


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(f"({c})" for c in self.clauses) if self.clauses else ""


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    res = cur.execute(sql, params)
    cols = [d[0] for d in res.description or []]
    return [dict(zip(cols, r, strict=True)) for r in res.fetchall()]


def _one(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Any:
    row = cur.execute(sql, params).fetchone()
    return row[0] if row else None


def evidence_link(article_id: str, start: int, end: int, kind: str) -> str:
    return f"/articles/{article_id}?focus={kind}:{start}-{end}#focus"


# -- search ---------------------------------------------------------------------------
def _common_where(w: Where, f: Filters) -> Where:
    """The filters that search and events share: CAMEO root, QuadClass, outlet, dates."""
    if f.root:
        w.add("root = ?", f.root.zfill(2))
    if f.quad is not None:
        w.add("quad_class = ?", f.quad)
    if f.outlet:
        w.add("outlet = ?", f.outlet)
    if f.since:
        w.add("date >= ?", f.since)
    if f.until:
        w.add("date <= ?", f.until + "~")
    return w


def _docs_where(f: Filters) -> Where:
    w = Where()
    if not f.everything:
        w.add("shown")
    if f.kind:
        w.add("kind = ?", f.kind)
    if f.speaker:
        w.add(f"speaker_id = ? OR speaker_name ILIKE ? {ESC}", f.speaker, contains(f.speaker))
    if f.actor:
        w.add("list_contains(actors, ?)", f.actor)
    if f.country:
        w.add("list_contains(countries, ?)", f.country.upper())
    return _common_where(w, f)


# Okapi BM25 (k1 = 1.2, b = 0.75, as the FTS extension's match_bm25) straight from
# the index's postings: every query word (stop words aside) must occur. Faster than
# calling match_bm25 once per document, which scans every document; the term ids go
# in as literals so that only their row groups of the (term-sorted) postings are read.
_QUERY_TERMS = """
WITH tokens AS (
  SELECT DISTINCT stem(t, 'porter') AS t FROM (SELECT unnest(fts_main_docs.tokenize(?)) AS t)
  WHERE t NOT IN (SELECT sw FROM fts_main_docs.stopwords))
SELECT (SELECT count(*) FROM tokens), list(termid) FROM fts_main_docs.dict
JOIN tokens ON dict.term = tokens.t
"""

_BM25 = """
WITH tf AS (SELECT docid, termid, count(*) AS tf FROM fts_main_docs.terms
            WHERE termid IN ({ids}) GROUP BY docid, termid),
hit AS (SELECT docid FROM tf GROUP BY docid HAVING count(*) = {n}),
qt AS (SELECT termid, df FROM fts_main_docs.dict WHERE termid IN ({ids}))
SELECT fd.name AS rid,
  sum(log((st.num_docs - qt.df + 0.5) / (qt.df + 0.5) + 1)
      * tf.tf * 2.2 / (tf.tf + 1.2 * (0.25 + 0.75 * fd.len / st.avgdl))) AS score
FROM tf JOIN hit USING (docid) JOIN qt USING (termid)
JOIN fts_main_docs.docs fd ON fd.docid = tf.docid, fts_main_docs.stats st
GROUP BY fd.name
"""


def bm25_scores(cur: duckdb.DuckDBPyConnection, q: str) -> None:
    """Fill the temporary table ``scores (rid, score)`` with the docs matching ``q``."""
    row = cur.execute(_QUERY_TERMS, [q]).fetchone()
    n, ids = (int(row[0]), list(row[1] or [])) if row else (0, [])
    if n == 0 or len(ids) < n:  # only stop words, or a word no doc has
        cur.execute("CREATE TEMP TABLE scores (rid BIGINT, score DOUBLE)")
        return
    lit = ", ".join(str(int(i)) for i in ids)
    cur.execute("CREATE TEMP TABLE scores AS " + _BM25.format(ids=lit, n=n))


def _hits_sql(src: Source, f: Filters) -> tuple[str, list[Any], bool]:
    """SQL selecting matching docs with a ``score`` column; whether it is ranked."""
    w = _docs_where(f)
    if f.q and src.fts:  # the caller first fills the temporary table ``scores``
        return "SELECT d.*, s.score FROM scores s JOIN docs d ON d.rid = s.rid" + w.sql(), \
            w.params, True
    if f.q:  # no FTS extension: every word must occur (case-insensitive)
        for word in f.q.split():
            w.add(f"title ILIKE ? {ESC} OR body ILIKE ? {ESC}", contains(word), contains(word))
    return "SELECT *, NULL::DOUBLE AS score FROM docs" + w.sql(), w.params, False


FACET_SAMPLE = 10_000  # facets of big result sets are counted over the best matches

def search(src: Source, f: Filters, page: Page, facet_size: int = 10) -> dict[str, Any]:
    """Matching docs, best (or newest) first, with facet counts. Ranked matches are
    materialised once per request in temporary tables on the request's cursor;
    unranked ones are read straight from ``docs``."""
    hits, params, ranked = _hits_sql(src, f)
    order = "score DESC, rid" if ranked else "date DESC NULLS LAST, rid"
    with src.ix() as cur:
        try:
            if ranked:
                bm25_scores(cur, f.q)
                if set(f.params()) == {"q", "everything"}:  # nothing else to filter on
                    hits, params = "SELECT rid, score FROM scores", []
                else:
                    cur.execute(f"CREATE TEMP TABLE hits AS SELECT rid, score FROM ({hits})",
                                params)
                    hits, params = "SELECT * FROM hits", []
            total = int(_one(cur, f"SELECT count(*) FROM ({hits})", params))
            top = cur.execute(f"SELECT rid, score FROM ({hits}) ORDER BY {order} "
                              "LIMIT ? OFFSET ?", [*params, page.limit, page.offset]).fetchall()
            items = _page_docs(cur, top)
            if not f.params():
                facet_rows = cur.execute("SELECT facet, value, n FROM facets_all "
                                         "WHERE r <= ? ORDER BY facet, n DESC, value",
                                         [facet_size]).fetchall()
            else:
                facet_rows = facet_counts(cur, f"SELECT rid FROM ({hits}) ORDER BY {order} "
                                          f"LIMIT {FACET_SAMPLE}", params, facet_size)
        finally:
            cur.execute("DROP TABLE IF EXISTS hits")
            cur.execute("DROP TABLE IF EXISTS scores")
        names = _actor_names(cur, {str(v) for k, v, _ in facet_rows if k in ("actor", "speaker")})
    facets: dict[str, list[dict[str, Any]]] = {}
    for facet, value, n in facet_rows:
        label = names.get(value, value) if facet in ("actor", "speaker") else value
        if facet == "quad":
            label = QUAD_NAMES.get(int(value), value)
        elif facet == "root":
            label = f"{value} {cameo_name(value)}".strip()
        facets.setdefault(facet, []).append({"value": value, "label": label, "count": n})
    if "month" in facets:  # the busiest months, in time order
        facets["month"].sort(key=lambda x: x["value"])
    for it in items:
        it["link"] = evidence_link(it["article_id"], it["start"], it["end"], it["kind"])
    return {"query": f.params(), "fts": src.fts, "ranked": ranked, "items": items,
            "facets": facets, "facets_sampled": total > FACET_SAMPLE,
            **page.meta(total, len(items))}


def _page_docs(cur: duckdb.DuckDBPyConnection, top: list[tuple[int, float | None]]
               ) -> list[dict[str, Any]]:
    """The docs of one result page, in ``top``'s order. The rids go in as literals: on
    ``docs`` (sorted by rid) that reads only their row groups."""
    if not top:
        return []
    rids = ", ".join(str(int(r)) for r, _ in top)
    rows = _rows(cur, "SELECT rid, kind, article_id, start_char AS start, end_char AS end, "
                 "title, snippet AS text, date, outlet, speaker_id, speaker_name, "
                 "root, quad_class, goldstein, code, tense, quote_type "
                 f"FROM docs WHERE rid IN ({rids})", [])
    by_rid = {r.pop("rid"): r for r in rows}
    return [{**by_rid[rid], "score": score} for rid, score in top if rid in by_rid]


def cameo_name(code: str) -> str:
    from dossier.events.codes import cameo

    found = cameo().get(code)
    return found.name.capitalize() if found else ""


def _actor_names(cur: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = cur.execute("SELECT actor_id, name FROM actor_stats WHERE list_contains(?, actor_id)",
                       [sorted(ids)]).fetchall()
    return {r[0]: r[1] or r[0] for r in rows}


# -- actors ---------------------------------------------------------------------------
def resolve_actor(src: Source, value: str) -> str:
    """An actor id for ``value``: itself when it is one, else the most mentioned actor
    whose name contains it (so "Putin" finds vladimir-putin), else ``value``."""
    if not value:
        return value
    with src.ix() as cur:
        if _one(cur, "SELECT count(*) FROM actor_stats WHERE actor_id = ?", [value]):
            return value
        found = _one(cur, f"SELECT actor_id FROM actor_stats WHERE name ILIKE ? {ESC} "
                     "ORDER BY mentions DESC, actor_id LIMIT 1", [contains(value)])
    return str(found) if found else value


def actors(src: Source, name: str, type_: str, country: str, page: Page) -> dict[str, Any]:
    w = Where()
    if name:
        w.add(f"name ILIKE ? {ESC} OR actor_id = ?", contains(name), name)
    if type_:
        w.add("type = ?", type_)
    if country:
        w.add("country = ?", country.upper())
    with src.ix() as cur:
        total = int(_one(cur, "SELECT count(*) FROM actor_stats" + w.sql(), w.params))
        items = _rows(cur, "SELECT * FROM actor_stats" + w.sql()
                      + " ORDER BY mentions DESC, actor_id LIMIT ? OFFSET ?",
                      [*w.params, page.limit, page.offset])
    return {"query": {"name": name, "type": type_, "country": country}, "items": items,
            **page.meta(total, len(items))}


def _gazetteer_info(actor_id: str) -> dict[str, Any] | None:
    from dossier.gazetteer import load_gazetteer

    a = load_gazetteer().actors.get(actor_id)
    if a is None:
        return None
    return {"name": a.name, "type": a.type, "qid": a.qid or None, "code": a.code or None,
            "country": a.country or None, "aliases": list(a.aliases),
            "roles": [{"role": r.role, "title": r.title, "country": r.country,
                       "start": str(r.start) if r.start else None,
                       "end": str(r.end) if r.end else None} for r in a.roles]}


_EV_COLS = ("article_id, start_char AS start, end_char AS end, code, root, quad_class, "
            "goldstein, plover, src_id, src_name, src_code, tgt_id, tgt_name, tgt_code, "
            "json_extract_string(trigger, '$.text') AS trigger, modality, date, outlet")


def actor(src: Source, actor_id: str, page: Page, bucket: str = "auto",
          everything: bool = False) -> dict[str, Any]:
    shown = "" if everything else " AND shown"
    with src.ix() as cur:
        stats = _rows(cur, "SELECT * FROM actor_stats WHERE actor_id = ?", [actor_id])
        info = _gazetteer_info(actor_id)
        if not stats and info is None:
            raise NotFound(f"no actor {actor_id!r} in this store or the gazetteer")
        st = stats[0] if stats else {"actor_id": actor_id, "mentions": 0, "articles": 0}
        person = info or {"name": st.get("name"), "type": st.get("type"), "qid": st.get("qid"),
                          "code": st.get("code"), "country": st.get("country"),
                          "aliases": [], "roles": []}
        n_quotes = int(_one(cur, "SELECT count(*) FROM docs WHERE kind = 'quote' AND "
                            "speaker_id = ?" + shown, [actor_id]))
        quotes = _rows(cur, "SELECT article_id, start_char AS start, end_char AS end, "
                       "body AS text, tense, quote_type, date, outlet FROM docs "
                       "WHERE kind = 'quote' AND speaker_id = ?" + shown + " "
                       "ORDER BY date DESC NULLS LAST, article_id, start_char LIMIT ? OFFSET ?",
                       [actor_id, page.limit, page.offset])
        sides: dict[str, dict[str, Any]] = {}
        for side, col in (("as_source", "src_id"), ("as_target", "tgt_id")):
            n = int(_one(cur, f"SELECT count(*) FROM ev WHERE {col} = ? AND NOT negated{shown}",
                         [actor_id]))
            rows = _rows(cur, f"SELECT {_EV_COLS} FROM ev WHERE {col} = ? AND NOT negated{shown} "
                         "ORDER BY date DESC NULLS LAST, article_id, start_char "
                         "LIMIT ? OFFSET ?", [actor_id, page.limit, page.offset])
            sides[side] = {"total": n, "items": _linked(rows, "event")}
        partners = _rows(cur, """
            SELECT other_id AS actor_id, any_value(other_name) AS name, count(*) AS events,
                   round(avg(goldstein), 2) AS mean_goldstein,
                   count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                   count(*) FILTER (WHERE quad_class >= 3) AS conflict
            FROM (SELECT tgt_id AS other_id, tgt_name AS other_name, goldstein, quad_class
                  FROM ev WHERE src_id = ? AND NOT negated""" + shown + """
                  UNION ALL
                  SELECT src_id, src_name, goldstein, quad_class
                  FROM ev WHERE tgt_id = ? AND NOT negated""" + shown + """)
            WHERE other_id IS NOT NULL AND other_id <> ?
            GROUP BY other_id ORDER BY events DESC, other_id LIMIT 15""",
                         [actor_id, actor_id, actor_id])
        series = _timeline(cur, Filters(actor=actor_id, everything=everything), bucket)
    return {"actor_id": actor_id, **person, "mentions": st["mentions"],
            "articles": st["articles"],
            "quotes": {"total": n_quotes, "items": _linked(quotes, "quote")},
            "events": sides, "partners": partners, "timeline": series,
            **page.meta(max(n_quotes, int(sides["as_source"]["total"]),
                            int(sides["as_target"]["total"])), page.limit)}


def _linked(rows: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    for r in rows:
        r["link"] = evidence_link(r["article_id"], r["start"], r["end"], kind)
    return rows


# -- events ---------------------------------------------------------------------------
def _ev_where(f: Filters) -> Where:
    w = Where()
    w.add("NOT negated")
    if not f.everything:
        w.add("shown")
    if f.actor:
        w.add("src_id = ? OR tgt_id = ?", f.actor, f.actor)
    if f.source_actor:
        w.add(f"src_id = ? OR src_name ILIKE ? {ESC}", f.source_actor, contains(f.source_actor))
    if f.target_actor:
        w.add(f"tgt_id = ? OR tgt_name ILIKE ? {ESC}", f.target_actor, contains(f.target_actor))
    if f.country:
        w.add("src_country = ? OR tgt_country = ?", f.country.upper(), f.country.upper())
    return _common_where(w, f)


BUCKETS = ("day", "week", "month", "year")
MAX_BINS = 60  # bars a timeline shows at most when the bin is picked from the data


def pick_bucket(first: date | None, last: date | None) -> str:
    """The finest bin that shows ``first``–``last`` in at most MAX_BINS bars: a store
    of one week's news gets days, one of ten years gets months or years."""
    if first is None or last is None:
        return "day"
    days = (last - first).days + 1
    for bucket, size in (("day", 1), ("week", 7), ("month", 30.44)):
        if days / size <= MAX_BINS:
            return bucket
    return "year"


def _timeline(cur: duckdb.DuckDBPyConnection, f: Filters, bucket: str) -> dict[str, Any]:
    w = _ev_where(f)
    w.add("day IS NOT NULL")
    if bucket == "auto":
        span = cur.execute(f"SELECT min(day), max(day) FROM ev{w.sql()}", w.params).fetchone()
        bucket = pick_bucket(*(span or (None, None)))
    rows = cur.execute(f"SELECT date_trunc('{bucket}', day)::DATE AS b, quad_class, count(*) "
                       f"FROM ev{w.sql()} GROUP BY 1, 2 ORDER BY 1, 2", w.params).fetchall()
    undated = _one(cur, "SELECT count(*) FROM ev" + _ev_where(f).sql() + " AND day IS NULL",
                   _ev_where(f).params)
    buckets: dict[str, dict[str, int]] = {}
    for b, quad, n in rows:
        buckets.setdefault(str(b), {str(q): 0 for q in QUAD_NAMES})[str(quad)] = int(n)
    if rows:  # empty buckets too, so that the axis is time
        for b in _steps(rows[0][0], rows[-1][0], bucket):
            buckets.setdefault(str(b), {str(q): 0 for q in QUAD_NAMES})
    return {"bucket": bucket, "undated": int(undated or 0),
            "series": [{"start": b, "counts": buckets[b]} for b in sorted(buckets)]}


def _steps(first: date, last: date, bucket: str, most: int = 1500) -> list[date]:
    out: list[date] = []
    d = first
    while d <= last and len(out) < most:
        out.append(d)
        if bucket == "day":
            d += timedelta(days=1)
        elif bucket == "week":
            d += timedelta(days=7)
        elif bucket == "month":
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        else:
            d = date(d.year + 1, 1, 1)
    return out


def events(src: Source, f: Filters, page: Page, bucket: str = "auto",
           edges: int = 40) -> dict[str, Any]:
    w = _ev_where(f)
    with src.ix() as cur:
        total = int(_one(cur, "SELECT count(*) FROM ev" + w.sql(), w.params))
        rows = _rows(cur, f"SELECT {_EV_COLS} FROM ev{w.sql()} ORDER BY date DESC NULLS LAST, "
                     "article_id, start_char, trigger_start LIMIT ? OFFSET ?",
                     [*w.params, page.limit, page.offset])
        timeline = _timeline(cur, f, bucket)
        network = _network(cur, w, edges)
    return {"query": f.params(), "items": _linked(rows, "event"), "timeline": timeline,
            "network": network, **page.meta(total, len(rows))}


def _network(cur: duckdb.DuckDBPyConnection, w: Where, edges: int) -> dict[str, Any]:
    w2 = Where(list(w.clauses), list(w.params))
    w2.add("src_id IS NOT NULL AND tgt_id IS NOT NULL AND src_id <> tgt_id")
    links = _rows(cur, f"SELECT src_id AS source, tgt_id AS target, any_value(src_name) AS "
                  f"source_name, any_value(tgt_name) AS target_name, count(*) AS events, "
                  f"round(avg(goldstein), 2) AS mean_goldstein FROM ev{w2.sql()} "
                  f"GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?", [*w2.params, edges])
    nodes: dict[str, dict[str, Any]] = {}
    for e in links:
        for key in ("source", "target"):
            node = nodes.setdefault(e[key], {"id": e[key], "name": e[f"{key}_name"] or e[key],
                                             "events": 0})
            node["events"] += e["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: -n["events"]), "edges": links}


def event_records(src: Source, f: Filters, limit: int) -> tuple[list[dict[str, Any]],
                                                                dict[str, dict[str, Any]]]:
    """Events in the shape ``Store.events`` yields, and their articles (for exports)."""
    w = _ev_where(f)
    with src.ix() as cur:
        rows = _rows(cur, "SELECT source, article_id, start_char AS start, end_char AS end, "
                     "code, root, quad_class, goldstein, plover, plover_mode, source_actor, "
                     "target_actor, trigger, negated, modality, date, date_precision, "
                     f"location, confidence FROM ev{w.sql()} ORDER BY date DESC NULLS LAST, "
                     "source, start_char, trigger_start LIMIT ?", [*w.params, limit])
    for r in rows:
        r["kind"] = "event"
        r["source"] = PurePath(r["source"]).name  # the server's folders stay private
        for k in ("source_actor", "target_actor", "trigger", "location"):
            r[k] = json.loads(r[k]) if r[k] else None
    ids = sorted({r["article_id"] for r in rows})
    arts: dict[str, dict[str, Any]] = {}
    if ids:
        with src.st() as cur:
            for a in _rows(cur, "SELECT id, url, text, start_char AS start FROM articles "
                           "WHERE list_contains(?, id)", [ids]):
                arts[a["id"]] = a
    return rows, arts


# -- evidence -------------------------------------------------------------------------
def article(src: Source, article_id: str, show_dropped: bool) -> dict[str, Any]:
    with src.st() as cur:
        found = _rows(cur, "SELECT id, source, start_char AS start, end_char AS end, title, "
                      "published, url, language, author, site, duplicate_of, document_id, "
                      "text FROM articles WHERE id = ?", [article_id])
        if not found:
            raise NotFound(f"no article {article_id!r} in this store")
        art = found[0]
        art["source"] = PurePath(art["source"]).name  # the server's folders stay private
        mentions = _rows(cur, "SELECT start_char AS start, end_char AS end, text, actor_id, "
                         "actor_name, type, via FROM mentions WHERE article_id = ? "
                         "ORDER BY start_char", [article_id])
        quotes = _rows(cur, "SELECT start_char AS start, end_char AS end, text, quote_type, "
                       "speaker_id, speaker_name, tense, cue FROM quotes WHERE article_id = ? "
                       "ORDER BY start_char", [article_id])
        events = _rows(cur, "SELECT start_char AS start, end_char AS end, code, root, "
                       "quad_class, goldstein, plover, source_actor, target_actor, trigger, "
                       "negated, modality, date FROM events WHERE article_id = ? "
                       "ORDER BY start_char, trigger_start", [article_id])
        dropped = _rows(cur, "SELECT start_char AS start, end_char AS end, reason, text "
                        "FROM dropped WHERE article_id = ? ORDER BY start_char", [article_id])
    for q in quotes:
        q["cue"] = json.loads(q["cue"]) if q["cue"] else None
    for e in events:
        for k in ("source_actor", "target_actor", "trigger"):
            e[k] = json.loads(e[k]) if e[k] else None
    records = {"mentions": mentions, "quotes": quotes, "events": events, "dropped": dropped}
    return {"article": art, **records, "show_dropped": show_dropped,
            "segments": segments(art["text"], art["start"], records, show_dropped)}


def segments(text: str, base: int, records: dict[str, list[dict[str, Any]]],
             show_dropped: bool) -> list[dict[str, Any]]:
    """Split ``text`` at every record boundary; each piece lists the records over it
    (``quote:3`` is ``records["quotes"][3]``). Offsets are store offsets (``base`` is
    the article's start)."""
    spans: list[tuple[int, int, str]] = []
    for kind, rows in records.items():
        one = kind.removesuffix("s")  # "quotes" → "quote", "dropped" stays
        for i, r in enumerate(rows):
            spans.append((r["start"], r["end"], f"{one}:{i}"))
    cuts = {base, base + len(text)}
    for s, e, _ in spans:
        cuts.update((max(base, min(s, base + len(text))), max(base, min(e, base + len(text)))))
    edges = sorted(cuts)
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        refs = [ref for s, e, ref in spans if s <= a and b <= e and s < e]
        is_dropped = any(r.startswith("dropped:") for r in refs)
        if is_dropped and not show_dropped:
            out.append({"start": a, "end": b, "text": "", "refs": refs, "hidden": True})
            continue
        out.append({"start": a, "end": b, "text": text[a - base : b - base], "refs": refs,
                    "hidden": False})
    return out


# -- home -----------------------------------------------------------------------------
def overview(src: Source) -> dict[str, Any]:
    with src.ix() as cur:
        counts = dict(cur.execute("SELECT kind, count(*) FROM docs WHERE shown "
                                  "GROUP BY kind").fetchall())
        hidden = dict(cur.execute("SELECT kind, count(*) FROM docs WHERE NOT shown "
                                  "GROUP BY kind").fetchall())
        negated = _one(cur, "SELECT count(*) FROM ev WHERE negated", [])
        top = _rows(cur, "SELECT actor_id, name, type, mentions FROM actor_stats "
                    "ORDER BY mentions DESC, actor_id LIMIT 12", [])
        dates = cur.execute("SELECT min(published), max(published) FROM art").fetchone()
    return {"store": src.name, "fts": src.fts,
            "counts": {k: int(counts.get(k, 0)) for k in KINDS},
            "hidden": {k: int(hidden.get(k, 0)) for k in KINDS if k != "article"},
            "negated_events": int(negated or 0),
            "published": {"first": dates[0] if dates else None,
                          "last": dates[1] if dates else None},
            "top_actors": top}


# Documents listed on the home page as stored without their analysis.
UNANALYSED_SHOWN = 50


def unanalysed(src: Source) -> dict[str, Any]:
    """Documents stored without their analysis: ``failed`` (the NLP failed on them,
    with the reason; re-ingesting their files retries them) and ``stored`` (ingested
    with the NLP off). File names only: the server's folders stay private."""
    with src.st() as cur:
        counts = dict(cur.execute("SELECT state, count(*) FROM documents WHERE state IN "
                                  "('failed', 'stored') GROUP BY state").fetchall())
        rows = _rows(cur, "SELECT id AS document_id, source, locator, state, "
                     "state_reason AS reason FROM documents WHERE state IN ('failed', 'stored') "
                     "ORDER BY state, source, locator LIMIT ?", [UNANALYSED_SHOWN])
    for r in rows:
        r["source"] = PurePath(r["source"]).name
        if r["state"] == "stored":
            r["reason"] = r["reason"] or "ingested with the NLP off (nlp=false)"
    return {"failed": int(counts.get("failed", 0)), "stored": int(counts.get("stored", 0)),
            "documents": rows}
