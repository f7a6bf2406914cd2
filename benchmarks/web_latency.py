"""Latency of the web app's main pages on a large generated store (a script, not a test).

    python benchmarks/web_latency.py --articles 100000 --store /tmp/web-100k.duckdb

Generates a store of N synthetic articles (if the file is missing) with mentions,
quotes, events and dropped spans in the real schema (SQL, no NLP), builds the web
read model (timed), starts the app with uvicorn on 127.0.0.1 and requests each main
page ``--rounds`` times with varied parameters over HTTP; prints p50/p95/max per
page and writes them as JSON (``--out``, default docs/web-latency.json).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import httpx2 as httpx  # the maintained successor of httpx (Starlette 1.x wants it)
import uvicorn

from dossier.store import Store
from dossier.web import index
from dossier.web.app import create_app

WORDS = ("government minister said talks trade security border sanctions military "
         "election economy energy summit agreement crisis protest court parliament "
         "president troops aid diplomatic rights climate market inflation report "
         "spokesman meeting vote reform police attack ceasefire oil gas bank").split()
VOCABULARY = 5000
COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "UKR", "IND", "JPN", "BRA", "IRN",
             "ISR", "TUR", "ZAF", "NGA", "MEX", "CAN", "AUS", "KOR", "PRK"]


def vocabulary(size: int = VOCABULARY) -> list[str]:
    """Words by Zipf rank (word at rank r is drawn with probability ~ 1/r): the real
    words sit at ranks 40 to 2000, so a query matches from ~25% to ~1% of articles."""
    words = [f"w{r}" for r in range(1, size + 1)]
    for k, word in enumerate(WORDS):
        words[int(40 * (50 ** (k / (len(WORDS) - 1))))] = word
    return words


def generate(path: Path, n: int, seed: int = 7) -> None:
    """A store of ``n`` articles: ~10 mentions, 3 quotes, 3 events, 1 dropped each."""
    with Store(path) as store:
        store.con.close()
    con = duckdb.connect(str(path))
    con.execute("SELECT setseed(?)", [seed / 100])
    con.execute("CREATE TEMP TABLE w AS SELECT ?::VARCHAR[] AS words, ?::VARCHAR[] AS cc",
                [vocabulary(), COUNTRIES])
    # 400 actors: 20 states and 380 people/organisations of those states, Zipf-like use
    con.execute("""CREATE TEMP TABLE actors AS
        SELECT i, CASE WHEN i < 20 THEN cc[i + 1] ELSE 'actor-' || i END AS actor_id,
               CASE WHEN i < 20 THEN 'State ' || cc[i + 1] ELSE 'Person ' || i END AS name,
               CASE WHEN i < 20 THEN 'state' WHEN i % 3 = 0 THEN 'org' ELSE 'person' END
                 AS type,
               cc[i % 20 + 1] AS country
        FROM range(400) t(i), w""")
    con.execute("""CREATE TEMP TABLE arts AS
        SELECT i, lpad(to_hex(i), 16, '0') AS id,
               'feeds/outlet' || (i % 25) || '.jsonl' AS source,
               (DATE '2023-01-01' + (i % 730)::INTEGER)::VARCHAR AS published,
               array_to_string(list_transform(range(220), x -> words[
                   floor(exp((hash(i * 7919 + x) % 1000000) / 1e6 * ln(len(words))))::BIGINT
               ]), ' ') AS text
        FROM range(?) t(i), w""", [n])
    con.execute("""INSERT INTO documents (id, source, format, title, published, url, n_chars)
        SELECT 'd' || id, source, 'jsonl', 'Story ' || i, published,
               'https://outlet' || (i % 25) || '.example/' || i, length(text) FROM arts""")
    con.execute("""INSERT INTO articles SELECT id, 'd' || id, source, 0, length(text), text,
        'Story ' || i || ': ' || split_part(text, ' ', 3) || ' ' || split_part(text, ' ', 9),
        published, 'https://outlet' || (i % 25) || '.example/' || i, 'en', NULL, NULL, NULL,
        NULL, NULL, true, md5(text), NULL FROM arts""")
    zipf = "floor(pow(random(), 2.2) * 400)::INT"
    con.execute(f"""INSERT INTO mentions SELECT a.id, 'd' || a.id, a.source, k * 20,
        k * 20 + 8, 'name', x.actor_id, x.name, NULL, x.country, x.country, NULL, x.type,
        'name', a.id || ':' || x.actor_id, 'published', 0.9
        FROM (SELECT *, {zipf} AS xi FROM arts, range(10) r(k)) a
        JOIN actors x ON x.i = a.xi""")
    con.execute(f"""INSERT INTO quotes SELECT a.id, 'd' || a.id, a.source, 300 + k * 200,
        380 + k * 200, substr(a.text, 301 + k * 200, 80), 'direct',
        json_object('name', x.name, 'actor_id', x.actor_id), x.actor_id, x.name,
        json_object('text', 'said', 'lemma', 'say', 'start', 290 + k * 200, 'end',
                    294 + k * 200),
        ['past', 'present', 'future'][1 + (hash(a.i + k) % 3)::BIGINT], NULL, [], 0.9,
        'speech', NULL
        FROM (SELECT *, {zipf} AS xi FROM arts, range(3) r(k)) a
        JOIN actors x ON x.i = a.xi""")
    con.execute(f"""INSERT INTO events SELECT a.id, 'd' || a.id, a.source, 900 + k * 150,
        1000 + k * 150, lpad((1 + (hash(a.i * 3 + k) % 20)::BIGINT)::VARCHAR, 2, '0') || '0',
        lpad((1 + (hash(a.i * 3 + k) % 20)::BIGINT)::VARCHAR, 2, '0'),
        1 + (hash(a.i * 5 + k) % 4)::INTEGER,
        round(((hash(a.i * 11 + k) % 200)::INTEGER - 100) / 10, 1),
        'CONSULT', NULL,
        json_object('name', s.name, 'actor_id', s.actor_id, 'code', s.country,
                    'country', s.country),
        s.country,
        json_object('name', t.name, 'actor_id', t.actor_id, 'code', t.country,
                    'country', t.country),
        t.country, json_object('text', 'met', 'start', 950 + k * 150, 'end', 953 + k * 150),
        950 + k * 150, false, 'asserted', a.published, 'article', NULL, 0.8
        FROM (SELECT *, {zipf} AS si, {zipf} AS ti FROM arts, range(3) r(k)) a
        JOIN actors s ON s.i = a.si JOIN actors t ON t.i = a.ti""")
    con.execute("""INSERT INTO dropped SELECT 'd' || id, source, 200, 213, 'ad-marker',
        'Advertisement', id FROM arts""")
    con.execute("CHECKPOINT")
    con.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(app: Any, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(300):
        if server.started:
            return server
        time.sleep(0.05)
    raise RuntimeError("server did not start")


def _urls(con: duckdb.DuckDBPyConnection, rounds: int, rng: random.Random) -> dict[str, list[str]]:
    actors = [r[0] for r in con.execute(
        "SELECT actor_id FROM actor_stats ORDER BY mentions DESC LIMIT 200").fetchall()]
    arts = [r[0] for r in con.execute(
        "SELECT id FROM art USING SAMPLE 200 ROWS").fetchall()]
    words = WORDS + ["talks trade", "border security", "oil sanctions"]
    pages: dict[str, list[str]] = {k: [] for k in (
        "home", "search", "search_facets", "actor", "events", "events_filtered", "article")}
    for _ in range(rounds):
        pages["home"].append("/")
        pages["search"].append(f"/search?q={rng.choice(words)}")
        pages["search_facets"].append(
            f"/search?q={rng.choice(words)}&kind=event&quad={rng.randint(1, 4)}"
            f"&since=2023-06-01&until=2024-03-31")
        pages["actor"].append(f"/actors/{rng.choice(actors)}")
        pages["events"].append(f"/events?page={rng.randint(1, 50)}")
        pages["events_filtered"].append(
            f"/events?actor={rng.choice(actors)}&quad={rng.randint(1, 4)}&bucket=day")
        pages["article"].append(f"/articles/{rng.choice(arts)}?dropped=1")
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "web-100k.duckdb")
    ap.add_argument("--cache-dir", type=Path,
                    default=Path(tempfile.gettempdir()) / "web-latency-cache")
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path("docs/web-latency.json"))
    ap.add_argument("--rebuild", action="store_true",
                    help="Rebuild the read model even when it is fresh (to time the build).")
    args = ap.parse_args()
    if not args.store.exists():
        t = time.perf_counter()
        generate(args.store, args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    if args.rebuild:
        index.build(args.store, index.cache_path(args.store, args.cache_dir))
    ix = index.ensure(args.store, args.cache_dir)
    build_s = time.perf_counter() - t
    built = args.rebuild or build_s > 1
    load_before = round(os.getloadavg()[0], 2)
    print(f"read model ready in {build_s:.1f} s ({ix})")
    app = create_app(args.store, args.cache_dir / "data", args.cache_dir, timeout=10.0)
    port = _free_port()
    server = _serve(app, port)
    con = duckdb.connect(str(ix), read_only=True)
    pages = _urls(con, args.rounds, random.Random(1))
    con.close()
    counts = {}
    results: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        counts = client.get("/.json").json()["overview"]["counts"]
        for urls in pages.values():
            client.get(urls[0])  # warm up
        times: dict[str, list[float]] = {name: [] for name in pages}
        for i in range(args.rounds):  # interleaved: a burst of load hits every page alike
            for name, urls in pages.items():
                t = time.perf_counter()
                res = client.get(urls[i])
                times[name].append((time.perf_counter() - t) * 1000)
                if res.status_code != 200:
                    raise SystemExit(f"{urls[i]}: {res.status_code} {res.text[:200]}")
        for name, ts in times.items():
            ts.sort()
            results[name] = {"p50_ms": round(statistics.median(ts), 1),
                             "p95_ms": round(ts[max(0, int(len(ts) * 0.95) - 1)], 1),
                             "max_ms": round(ts[-1], 1), "n": len(ts)}
            print(f"{name:16} p50 {results[name]['p50_ms']:7.1f} ms   "
                  f"p95 {results[name]['p95_ms']:7.1f} ms   max {results[name]['max_ms']:7.1f} ms")
    server.should_exit = True
    report = {"articles": args.articles, "counts": counts,
              "index_build_s": round(build_s, 1) if built else None,
              "machine": "2 cores, shared with other work",
              "load_average_1m": [load_before, round(os.getloadavg()[0], 2)],
              "pages": results}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
