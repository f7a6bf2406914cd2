"""The JSON API and the HTML pages: every route, the JSON twin, the error shape,
pagination and limits."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dossier.store.export import GDELT_COLUMNS


def _error(res: Any, status: int, code: str) -> dict[str, Any]:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/json")
    body = res.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


def _taiwan_event(client: TestClient) -> dict[str, Any]:
    res = client.get("/search.json", params={"q": "Taiwan", "kind": "event"})
    items = res.json()["items"]
    return next(i for i in items if i["title"] == "Taiwan criticised China")


PAGES = ["/", "/search?q=Taiwan", "/actors", "/actors/vladimir-putin", "/events",
         "/ingest", "/collections"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_html(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("text/html")
    assert "<title>" in res.text and "Dossier" in res.text


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client: TestClient, path: str) -> None:
    base, _, query = path.partition("?")
    suffixed = client.get((base.rstrip("/") or "") + ".json" + ("?" + query if query else ""))
    accepted = client.get(path, headers={"Accept": "application/json"})
    for res in (suffixed, accepted):
        assert res.status_code == 200, res.text
        assert res.headers["content-type"].startswith("application/json")
    assert suffixed.json() == accepted.json()


def test_home_counts(client: TestClient) -> None:
    data = client.get("/.json").json()
    o = data["overview"]
    assert o["counts"]["article"] >= 6 and o["counts"]["quote"] > 20
    assert o["counts"]["event"] > 10 and o["fts"] is True
    assert any(a["actor_id"] == "vladimir-putin" for a in o["top_actors"])


def test_search_ranks_with_fts_and_links_to_evidence(client: TestClient) -> None:
    data = client.get("/search.json", params={"q": "Taiwan"}).json()
    assert data["ranked"] and data["fts"] and data["total"] >= 5
    assert {i["kind"] for i in data["items"]} == {"article", "quote", "event"}
    scores = [i["score"] for i in data["items"]]
    assert scores == sorted(scores, reverse=True)
    assert all(i["link"].startswith(f"/articles/{i['article_id']}?focus=") for i in data["items"])
    assert {f for f in data["facets"]} >= {"kind", "actor", "country", "outlet", "speaker",
                                           "month", "quad", "root"}
    months = [m["value"] for m in data["facets"]["month"]]
    assert months == sorted(months) and "2024-05" in months


@pytest.mark.parametrize(("params", "check"), [
    ({"kind": "quote", "speaker": "rishi-sunak"},
     lambda i: i["kind"] == "quote" and i["speaker_id"] == "rishi-sunak"),
    ({"kind": "event", "quad": "4"}, lambda i: i["quad_class"] == 4),
    ({"kind": "event", "root": "11"}, lambda i: i["root"] == "11"),
    ({"actor": "xi-jinping", "kind": "event"}, lambda i: "Xi" in i["title"] or "Xi" in i["text"]),
    ({"country": "TWN", "kind": "event"}, lambda i: i["kind"] == "event"),
    ({"outlet": "huffpost-china-dump.txt"}, lambda i: i["outlet"] == "huffpost-china-dump.txt"),
    ({"since": "2024-05-01", "until": "2024-05-31", "kind": "event"},
     lambda i: "2024-05-01" <= i["date"] <= "2024-05-31"),
])
def test_search_facets_filter(client: TestClient, params: dict[str, str], check: Any) -> None:
    data = client.get("/search.json", params={"limit": 100, **params}).json()
    assert data["items"], params
    assert all(check(i) for i in data["items"]), params
    assert data["query"] == {k: (int(v) if k == "quad" else v) for k, v in params.items()}


def test_search_pagination(client: TestClient) -> None:
    first = client.get("/search.json", params={"kind": "quote", "limit": 5}).json()
    second = client.get("/search.json", params={"kind": "quote", "limit": 5, "page": 2}).json()
    assert len(first["items"]) == 5 and first["next_page"] == 2 and first["total"] > 10
    assert second["page"] == 2 and first["items"] != second["items"]
    last_page = (first["total"] + 4) // 5
    last = client.get("/search.json", params={"kind": "quote", "limit": 5,
                                              "page": last_page}).json()
    assert last["next_page"] is None


def test_search_html_keeps_state_in_the_url(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Taiwan", "kind": "event"}).text
    assert 'value="Taiwan"' in html and '<option value="event" selected>' in html
    assert "/articles/" in html and "focus=event" in html


def test_actor_dossier(client: TestClient) -> None:
    d = client.get("/actors/vladimir-putin.json").json()
    assert d["qid"] == "Q7747" and d["type"] == "person" and d["roles"]
    assert d["quotes"]["total"] >= 3
    dates = [q["date"] or "" for q in d["quotes"]["items"]]
    assert dates == sorted(dates, reverse=True)
    assert all(q["tense"] for q in d["quotes"]["items"])
    assert d["events"]["as_source"]["total"] > 0 and d["events"]["as_target"]["total"] > 0
    assert d["partners"][0]["actor_id"] == "xi-jinping"
    assert d["timeline"]["series"]


def test_actor_pages_and_list(client: TestClient) -> None:
    d = client.get("/actors.json", params={"type": "person", "limit": 3}).json()
    assert len(d["items"]) == 3 and all(a["type"] == "person" for a in d["items"])
    assert d["next_page"] == 2
    small = client.get("/actors/vladimir-putin.json", params={"limit": 1}).json()
    assert len(small["quotes"]["items"]) == 1 and small["next_page"] == 2


def test_events_page(client: TestClient) -> None:
    d = client.get("/events.json", params={"bucket": "day"}).json()
    assert d["total"] > 10 and d["items"]
    assert d["timeline"]["bucket"] == "day" and d["timeline"]["series"]
    assert d["network"]["nodes"] and d["network"]["edges"]
    assert all(set(s["counts"]) == {"1", "2", "3", "4"} for s in d["timeline"]["series"])
    html = client.get("/events").text
    assert '<svg class="timeline"' in html and '<svg class="network"' in html
    conflict = client.get("/events.json", params={"quad": "4"}).json()
    assert conflict["items"] and all(e["quad_class"] == 4 for e in conflict["items"])
    china = client.get("/events.json", params={"source_actor": "China"}).json()
    assert all(e["src_name"] == "China" for e in china["items"])


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover"])
def test_event_export(client: TestClient, fmt: str) -> None:
    res = client.get("/events/export", params={"format": fmt, "root": "11"})
    assert res.status_code == 200
    assert "attachment" in res.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(res.text)))
        assert rows and all(r["root"] == "11" for r in rows)
    elif fmt == "gdelt":
        rows = [line.split("\t") for line in res.text.splitlines()]
        assert rows[0] == GDELT_COLUMNS and len(rows) > 1
        assert all(len(r) == len(GDELT_COLUMNS) for r in rows)
    else:
        recs = [json.loads(line) for line in res.text.splitlines()]
        assert recs and all(r["cameo"].startswith("11") for r in recs)
        assert any("criticised by Taiwan" in r["text"] for r in recs)


def test_export_limit(client: TestClient) -> None:
    res = client.get("/events/export", params={"format": "csv", "limit": 2})
    assert len(list(csv.DictReader(io.StringIO(res.text)))) == 2


def test_evidence_view(client: TestClient) -> None:
    ev = _taiwan_event(client)
    res = client.get(ev["link"].split("#")[0])
    assert res.status_code == 200
    assert 'id="focus"' in res.text and "seg" in res.text
    d = client.get(f"/articles/{ev['article_id']}.json").json()
    art = d["article"]
    assert d["quotes"] and d["events"] and d["mentions"] and d["dropped"]
    for q in d["quotes"]:  # every span points at its words
        assert art["text"][q["start"] - art["start"]: q["end"] - art["start"]] == q["text"]
    for m in d["mentions"]:
        assert art["text"][m["start"] - art["start"]: m["end"] - art["start"]] == m["text"]
    joined = "".join(s["text"] for s in d["segments"])
    assert "Advertisement" not in joined and joined  # dropped boilerplate hidden
    shown = client.get(f"/articles/{ev['article_id']}.json", params={"dropped": "1"}).json()
    assert "".join(s["text"] for s in shown["segments"]) == art["text"]
    assert "show dropped boilerplate" in res.text


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/articles/nope.json", 404, "not_found"),
    ("/actors/nobody-at-all.json", 404, "not_found"),
    ("/ingest/jobs/nojob.json", 404, "not_found"),
    ("/no/such/page.json", 404, "not_found"),
    ("/search.json?quad=7", 422, "invalid_parameter"),
    ("/search.json?kind=person", 422, "invalid_parameter"),
    ("/search.json?since=May", 422, "invalid_parameter"),
    ("/search.json?limit=0", 422, "invalid_parameter"),
    ("/search.json?limit=100000", 422, "invalid_parameter"),
    ("/search.json?page=0", 422, "invalid_parameter"),
    ("/actors.json?type=alien", 422, "invalid_parameter"),
    ("/actors/vladimir-putin.json?bucket=decade", 422, "invalid_parameter"),
    ("/events.json?edges=1000", 422, "invalid_parameter"),
    ("/events.json?root=123", 422, "invalid_parameter"),
    ("/events.json?until=yesterday", 422, "invalid_parameter"),
    ("/events/export?quad=5", 422, "invalid_parameter"),
    ("/events.json?c=nocollection", 404, "not_found"),
    ("/events/export?format=xml", 422, "invalid_parameter"),
    ("/events/export?format=csv&limit=1000000", 422, "invalid_parameter"),
    ("/articles/x.json?focus=bogus", 422, "invalid_parameter"),
    ("/search.json?c=Bad%20Name", 422, "invalid_parameter"),
    ("/search.json?c=nocollection", 404, "not_found"),
])
def test_error_shape(client: TestClient, path: str, status: int, code: str) -> None:
    _error(client.get(path), status, code)


def test_error_page_in_html(client: TestClient) -> None:
    res = client.get("/articles/nope")
    assert res.status_code == 404 and res.headers["content-type"].startswith("text/html")
    assert 'data-code="not_found"' in res.text
    _error(client.get("/articles/nope", headers={"Accept": "application/json"}), 404,
           "not_found")


def test_method_not_allowed_has_the_error_shape(client: TestClient) -> None:
    _error(client.delete("/search.json"), 405, "method_not_allowed")


def test_query_timeout_gives_504(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.web import queries
    from dossier.web.sources import QueryTimeout

    def slow(*args: Any, **kwargs: Any) -> Any:
        raise QueryTimeout("the query took longer than 5 s")

    monkeypatch.setattr(queries, "search", slow)
    _error(client.get("/search.json?q=x"), 504, "query_timeout")


def test_timed_interrupts_a_long_query(web_db: Any) -> None:
    import duckdb

    from dossier.web.sources import QueryTimeout, timed

    con = duckdb.connect()
    start = time.monotonic()
    with pytest.raises(QueryTimeout), timed(con, 0.2) as cur:
        cur.execute("SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3").fetchall()
    assert time.monotonic() - start < 5


def test_ingest_from_the_browser(client: TestClient, ingest_post: Any) -> None:
    text = ("Prime Minister Rishi Sunak met Chancellor Olaf Scholz in Berlin on Monday. "
            "Sunak said: “We stand together with Ukraine.” Germany criticised Russia.\n\n"
            "The two leaders discussed energy and defence.\n")
    res = ingest_post(client, {"collection": "my-notes", "text": text},
                      files=[("files", ("story two.txt", b"Boris Johnson visited Kyiv on "
                                        b"Friday. He praised Ukraine.\n", "text/plain"))])
    assert res.status_code == 202, res.text
    job = res.json()
    assert job["collection"] == "my-notes" and job["files_total"] == 2
    for _ in range(240):
        job = client.get(f"/ingest/jobs/{job['id']}.json").json()
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.5)
    assert job["state"] == "done", job
    assert job["progress"] == 1.0 and job["summary"]["articles"] >= 2
    assert "my-notes" in client.get("/collections.json").json()["items"][0]["name"]
    found = client.get("/search.json", params={"q": "Ukraine", "c": "my-notes"}).json()
    assert found["total"] >= 1
    art = found["items"][0]["article_id"]
    assert client.get(f"/articles/{art}.json", params={"c": "my-notes"}).status_code == 200
    # the main store is untouched
    assert client.get(f"/articles/{art}.json").status_code == 404
    html = client.get(f"/ingest/jobs/{job['id']}").text
    assert 'id="job-progress"' in html


@pytest.mark.parametrize(("data", "code", "status"), [
    ({"collection": "Bad Name!", "text": "x y z"}, "invalid_parameter", 422),
    ({"collection": "main", "text": "x y z"}, "invalid_parameter", 422),
    ({"collection": "ok-name", "text": "   "}, "invalid_parameter", 422),
    ({"text": "no collection"}, "invalid_parameter", 422),
])
def test_ingest_rejects_bad_input(client: TestClient, ingest_post: Any, data: dict[str, str],
                                  code: str, status: int) -> None:
    _error(ingest_post(client, data), status, code)


def test_html_ingest_redirects_to_the_job_page(client: TestClient) -> None:
    token = client.get("/ingest.json").json()["csrf_token"]
    res = client.post("/ingest", data={"collection": "redirected", "text": "Short text.",
                                       "csrf_token": token}, follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"].startswith("/ingest/jobs/")


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"ok": True}


def test_store_is_opened_read_only(client: TestClient, web_db: Any) -> None:
    client.get("/search.json?q=Taiwan")
    src = client.app.state.registry.get("main")  # type: ignore[attr-defined]
    assert src.store.read_only
    import duckdb

    with pytest.raises(duckdb.Error):
        src.store.con.execute("CREATE TABLE x (i INT)")


def test_collection_being_ingested_is_busy(client: TestClient) -> None:
    registry = client.app.state.registry  # type: ignore[attr-defined]
    registry.begin_write("inflight")
    try:
        _error(client.get("/search.json", params={"c": "inflight"}), 409, "busy")
        assert "inflight" in [c["name"] for c in client.get("/collections.json").json()["items"]]
    finally:
        registry.end_write("inflight")


@pytest.mark.parametrize(("path", "kind"), [
    ("/static/app.css", "text/css"),
    ("/static/app.js", "javascript"),
    ("/openapi.json", "application/json"),
])
def test_static_and_openapi(client: TestClient, path: str, kind: str) -> None:
    res = client.get(path)
    assert res.status_code == 200 and kind in res.headers["content-type"]
    if path == "/openapi.json":
        assert "/actors/{actor_id}" in res.json()["paths"]


def test_missing_static_file_has_the_error_shape(client: TestClient) -> None:
    _error(client.get("/static/nope.js"), 404, "not_found")


@pytest.mark.parametrize("route", ["/search.json", "/events.json"])
def test_actor_filter_takes_a_name(client: TestClient, route: str) -> None:
    by_name = client.get(route, params={"actor": "Putin", "limit": 100}).json()
    by_id = client.get(route, params={"actor": "vladimir-putin", "limit": 100}).json()
    assert by_name["total"] == by_id["total"] > 0
    assert by_name["query"]["actor"] == "vladimir-putin"


def test_upload_too_large(client: TestClient, ingest_post: Any,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.web import app as web_app

    monkeypatch.setattr(web_app, "MAX_UPLOAD_BYTES", 10)
    res = ingest_post(client, {"collection": "big"},
                      files=[("files", ("a.txt", b"x" * 100, "text/plain"))])
    _error(res, 413, "too_large")


def test_without_a_main_store(tmp_path: Any) -> None:
    from dossier.web.app import create_app

    with TestClient(create_app(None, tmp_path / "d", tmp_path / "c"),
                    raise_server_exceptions=False, base_url="http://127.0.0.1:8000") as c:
        home = c.get("/.json").json()
        assert home["overview"] is None and home["collections"] == []
        assert "No main store" in c.get("/").text
        _error(c.get("/search.json"), 404, "not_found")


def _wait(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    for _ in range(240):
        job = client.get(f"/ingest/jobs/{job['id']}.json").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.25)
    raise AssertionError(job)


def test_ingest_again_into_a_collection_being_read(client: TestClient, ingest_post: Any) -> None:
    first = ingest_post(client, {
        "collection": "twice", "text": "Norway opened a new harbour in Bergen on Tuesday.\n"})
    assert _wait(client, first.json())["state"] == "done"
    assert client.get("/search.json", params={"c": "twice", "q": "harbour"}).json()["total"]
    second = ingest_post(client, {
        "collection": "twice", "text": "Iceland closed its old ferry port in Reykjavik.\n"})
    done = _wait(client, second.json())
    assert done["state"] == "done", done
    found = client.get("/search.json", params={"c": "twice", "q": "ferry"}).json()
    assert found["total"] >= 1
    assert client.get("/.json", params={"c": "twice"}).json()["overview"]["counts"][
        "article"] == 2


@pytest.mark.parametrize(("first", "last", "bucket"), [
    ("2024-05-16", "2024-05-16", "day"), ("2024-05-01", "2024-06-29", "day"),
    ("2024-01-01", "2024-12-31", "week"), ("2020-01-01", "2024-05-16", "month"),
    ("1989-06-04", "2024-05-16", "year"),
])
def test_timeline_bin_follows_the_span(first: str, last: str, bucket: str) -> None:
    from datetime import date

    from dossier.web.queries import pick_bucket

    assert pick_bucket(date.fromisoformat(first), date.fromisoformat(last)) == bucket


def test_events_timeline_picks_its_bin_and_counts_the_undated(client: TestClient) -> None:
    d = client.get("/events.json").json()
    assert d["timeline"]["bucket"] == "day" and 0 < len(d["timeline"]["series"]) <= 60
    dated = sum(sum(s["counts"].values()) for s in d["timeline"]["series"])
    assert dated + d["timeline"]["undated"] == d["total"]
    years = client.get("/events.json", params={"bucket": "year"}).json()["timeline"]
    assert years["bucket"] == "year" and years["series"][0]["start"].endswith("-01-01")


def test_event_rows_carry_actor_codes_as_the_cli_reads_them(client: TestClient,
                                                            web_db: Any) -> None:
    from dossier.store import Store

    with Store(web_db, read_only=True) as store:
        cli = {(e["trigger"]["text"], e["start"]): e for e in
               store.events(source_actor="vladimir-putin")}
    page = client.get("/actors/vladimir-putin.json").json()["events"]["as_source"]["items"]
    assert page
    for e in page:
        rec = next(r for (t, s), r in cli.items() if t == e["trigger"] and s == e["start"])
        assert e["tgt_code"] == (rec["target_actor"] or {}).get("code")
        assert e["src_code"] == (rec["source_actor"] or {}).get("code")
    html = client.get("/actors/vladimir-putin").text
    assert '<small class="code">CHNGOV</small>' in html


def test_home_says_how_many_events_are_negated(tmp_path: Any) -> None:
    from dossier.pipeline import run
    from dossier.settings import load_settings
    from dossier.store import Store
    from dossier.web.app import create_app

    story = tmp_path / "neg.txt"
    story.write_text("Russia did not invade Finland on Monday, the Kremlin said. China "
                     "criticised Japan over the dispute.\n", encoding="utf-8")
    db = tmp_path / "neg.duckdb"
    with Store(db) as store:
        run([story], store, load_settings())
    with TestClient(create_app(db, tmp_path / "d", tmp_path / "c"),
                    base_url="http://127.0.0.1:8000") as c:
        o = c.get("/.json").json()["overview"]
        assert o["negated_events"] == 1 and o["counts"]["event"] >= 1
        assert "and 1 negated, not shown" in c.get("/").text


def test_no_results_is_not_a_numbered_item(client: TestClient) -> None:
    html = client.get("/search", params={"q": "zzyzxqqq"}).text
    assert '<p class="empty">No results for these filters.</p>' in html
    assert "<li>No results" not in html and 'class="pager"' not in html


@pytest.mark.parametrize("path", ["/events.json?actor=%25", "/events.json?source_actor=%25",
                                  "/search.json?speaker=_&kind=quote", "/actors.json?name=%25"])
def test_percent_and_underscore_are_no_wildcards(client: TestClient, path: str) -> None:
    d = client.get(path).json()
    assert d["total"] == 0 and d["items"] == [], path


def test_floor_hides_low_confidence_records_until_all_is_asked(
        web_db: Path, tmp_path: Path) -> None:
    """Quotes and events under the min_confidence setting are kept, counted as hidden
    on the home page and shown with all=1; a floor of 0 hides only the beliefs (nothing else in
    the demo is under it)."""
    from dossier.settings import load_settings
    from dossier.web.app import create_app

    def app(floor: float) -> TestClient:
        return TestClient(create_app(web_db, tmp_path / "d", tmp_path / "c", settings=load_settings(
            overrides={"min_confidence": floor})), base_url="http://127.0.0.1:8000")

    import duckdb

    con = duckdb.connect(str(web_db), read_only=True)
    beliefs = con.execute("SELECT count(*) FROM quotes WHERE act = 'belief'").fetchone()[0]
    con.close()
    with app(0.0) as c:  # a floor of 0 hides the beliefs alone
        o = c.get("/.json").json()["overview"]
        n_quotes = o["counts"]["quote"] + o["hidden"]["quote"]
        n_events = o["counts"]["event"]
        assert o["hidden"] == {"quote": beliefs, "event": 0}
    with app(0.85) as c:
        o = c.get("/.json").json()["overview"]
        assert 0 < o["counts"]["quote"] < n_quotes and o["counts"]["event"] < n_events
        assert o["counts"]["quote"] + o["hidden"]["quote"] == n_quotes
        assert o["counts"]["event"] + o["hidden"]["event"] == n_events
        assert "kept but not shown" in c.get("/").text
        shown = c.get("/search.json", params={"kind": "quote", "limit": 1}).json()["total"]
        every = c.get("/search.json", params={"kind": "quote", "all": "1", "limit": 1}).json()
        assert shown == o["counts"]["quote"] and every["total"] == n_quotes
        ev = c.get("/events.json", params={"limit": 1}).json()["total"]
        ev_all = c.get("/events.json", params={"all": "1", "limit": 1}).json()["total"]
        assert ev == o["counts"]["event"] and ev_all == n_events
        putin = c.get("/actors/vladimir-putin.json").json()
        putin_all = c.get("/actors/vladimir-putin.json", params={"all": "1"}).json()
        assert putin["events"]["as_source"]["total"] <= putin_all["events"]["as_source"]["total"]
