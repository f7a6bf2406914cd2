"""The web write path (issue 21, defect 8): requests from other sites, rejected uploads,
oversized bodies and query strings, private paths, impossible dates; ingest jobs
that can be cancelled and survive a restart."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dossier.settings import load_settings
from dossier.web.app import create_app
from dossier.web.guard import BodyTooLarge, Guard, allowed_hosts, host_name


def _error(res: Any, status: int, code: str) -> dict[str, Any]:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/json")
    body = res.json()
    assert body["error"]["code"] == code and body["error"]["message"], body
    return body


def _uploads(client: TestClient) -> list[Path]:
    folder = client.app.state.registry.data_dir / "uploads"  # type: ignore[attr-defined]
    return sorted(folder.rglob("*")) if folder.exists() else []


# -- who may write ------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_other_hosts_are_refused(client: TestClient, ingest_post: Any, host: str) -> None:
    _error(client.get("/.json", headers={"Host": host}), 400, "invalid_host")
    token = client.get("/ingest.json").json()["csrf_token"]
    res = client.post("/ingest.json", headers={"Host": host},
                      data={"collection": "x", "text": "Some text.", "csrf_token": token})
    _error(res, 400, "invalid_host")
    assert _uploads(client) == [] and client.get("/ingest.json").json()["jobs"] == []


@pytest.mark.parametrize(("value", "name"), [
    ("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"), ("LocalHost", "localhost"),
    ("::1", "::1"), ("news.example.org", "news.example.org"),
])
def test_host_name(value: str, name: str) -> None:
    assert host_name(value) == name


def test_allowed_hosts() -> None:
    assert allowed_hosts("0.0.0.0") == {"127.0.0.1", "localhost", "::1"}
    assert "10.0.0.5" in allowed_hosts("10.0.0.5")
    assert "dossier.lan" in allowed_hosts("0.0.0.0", ["Dossier.lan"])


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:9999"},  # another local app, another origin
    {"Sec-Fetch-Site": "cross-site"},
])
def test_cross_site_posts_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    token = client.get("/ingest.json").json()["csrf_token"]
    res = client.post("/ingest.json", headers=headers,
                      data={"collection": "x", "text": "Some text.", "csrf_token": token})
    _error(res, 403, "cross_site")
    assert _uploads(client) == []


@pytest.mark.parametrize("token", ["", "forged"])
def test_posts_need_the_form_token(client: TestClient, token: str) -> None:
    res = client.post("/ingest.json", data={"collection": "x", "text": "Some text.",
                                            "csrf_token": token})
    _error(res, 403, "cross_site")
    assert _uploads(client) == []


def test_same_origin_form_post_and_header_token_work(client: TestClient) -> None:
    page = client.get("/ingest").text
    token = client.app.state.csrf_token  # type: ignore[attr-defined]
    assert f'name="csrf_token" value="{token}"' in page
    res = client.post("/ingest.json", headers={"Origin": "http://127.0.0.1:8000"},
                      data={"collection": "same", "text": "Norway opened a harbour.",
                            "csrf_token": token})
    assert res.status_code == 202, res.text
    res = client.post("/ingest.json", headers={"X-CSRF-Token": token},
                      data={"collection": "same", "text": "Iceland closed a port."})
    assert res.status_code == 202, res.text


# -- what a refused upload leaves ---------------------------------------------------------
@pytest.mark.parametrize(("data", "files", "status", "code"), [
    ({"collection": "big"}, [("files", ("a.txt", b"x" * 100, "text/plain"))], 413,
     "too_large"),
    ({"collection": "Bad Name!"}, [("files", ("a.txt", b"Some text.", "text/plain"))], 422,
     "invalid_parameter"),
    ({"collection": "empty", "text": "  "}, [("files", ("", b"", "text/plain"))], 422,
     "invalid_parameter"),
])
def test_refused_uploads_leave_nothing_on_disk(client: TestClient, ingest_post: Any,
                                               monkeypatch: pytest.MonkeyPatch,
                                               data: dict[str, str], files: Any, status: int,
                                               code: str) -> None:
    from dossier.web import app as web_app

    monkeypatch.setattr(web_app, "MAX_UPLOAD_BYTES", 50)
    _error(ingest_post(client, data, files=files), status, code)
    assert _uploads(client) == []


def test_pasted_text_over_1_mib_is_too_large(client: TestClient, ingest_post: Any) -> None:
    text = "Norway opened a new harbour. " * 40_000  # 1.1 MiB
    _error(ingest_post(client, {"collection": "pasted", "text": text}), 413, "too_large")
    assert _uploads(client) == []


def _call(app: Any, scope: dict[str, Any], chunks: list[bytes]) -> tuple[list[Any], int]:
    """Run ASGI ``app`` once; the messages it sent and how many body chunks it read."""
    sent: list[Any] = []
    reads = 0

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        body = chunks[reads - 1] if reads <= len(chunks) else b""
        return {"type": "http.request", "body": body, "more_body": reads < len(chunks)}

    async def send(message: Any) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent, reads


def _scope(headers: dict[str, str]) -> dict[str, Any]:
    return {"type": "http", "method": "POST", "path": "/ingest", "query_string": b"",
            "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}


def test_a_big_body_is_refused_before_it_is_read() -> None:
    async def inner(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the app must not see the request")

    guard = Guard(inner, allowed_hosts("127.0.0.1"), max_body=1000)
    sent, reads = _call(guard, _scope({"host": "127.0.0.1:8000",
                                        "content-length": str(200 * 2**20)}), [b"x" * 10])
    assert reads == 0 and sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["error"]["code"] == "too_large"


def test_a_chunked_body_is_cut_at_the_limit() -> None:
    got: list[int] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            got.append(len(message["body"]))
            if not message.get("more_body"):
                break

    guard = Guard(inner, allowed_hosts("127.0.0.1"), max_body=1000)
    with pytest.raises(BodyTooLarge):
        _call(guard, _scope({"host": "127.0.0.1"}), [b"x" * 600] * 5)
    assert sum(got) <= 1000


# -- long query strings, over a real server -------------------------------------------------
@pytest.fixture
def live(web_db: Path, web_cache: Path, tmp_path: Path, serve_app: Any) -> Iterator[str]:
    app = create_app(web_db, tmp_path / "data", web_cache, timeout=10.0,
                     settings=load_settings())
    with serve_app(app) as url:
        yield url


@pytest.mark.parametrize("size", [20_000, 100_000])
def test_long_query_strings_get_the_error_shape(live: str, size: int) -> None:
    import http.client
    from urllib.parse import urlsplit

    con = http.client.HTTPConnection(urlsplit(live).netloc, timeout=30)
    con.request("GET", "/search.json?q=" + "x" * size)
    res = con.getresponse()
    assert res.status == 414 and res.getheader("content-type") == "application/json"
    assert json.loads(res.read())["error"]["code"] == "too_long"
    con.close()


# -- no server paths in what the browser sees ----------------------------------------------
def test_collections_name_the_main_store_without_its_folder(client: TestClient,
                                                            web_db: Path) -> None:
    body = client.get("/collections.json").text
    assert json.loads(body)["main"] == web_db.name and str(web_db.parent) not in body


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover"])
def test_exports_name_files_not_folders(client: TestClient, fmt: str) -> None:
    res = client.get("/events/export", params={"format": fmt})
    assert res.status_code == 200 and "huffpost-china-dump.txt" in res.text
    assert "/examples/" not in res.text and str(Path.cwd()) not in res.text


def test_evidence_view_names_the_file_only(client: TestClient) -> None:
    art = client.get("/search.json", params={"kind": "article"}).json()["items"][0]
    got = client.get(f"/articles/{art['article_id']}.json").json()["article"]["source"]
    assert got == "huffpost-china-dump.txt"


def test_unopenable_store_message_has_no_folder(tmp_path: Path) -> None:
    bad = tmp_path / "private" / "broken.duckdb"
    bad.parent.mkdir()
    bad.write_text("not a database", encoding="utf-8")
    app = create_app(bad, tmp_path / "data", tmp_path / "cache")
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        res = c.get("/search.json")
    body = _error(res, 503, "store_unavailable")
    assert str(tmp_path) not in body["error"]["message"]
    assert "broken.duckdb" in body["error"]["message"]


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(("params", "status"), [
    ({"since": "2024-02-31"}, 422), ({"until": "2023-02-29"}, 422), ({"since": "2024-13"}, 422),
    ({"since": "2024-00"}, 422), ({"since": "2024-02-29"}, 200), ({"until": "2024-05"}, 200),
])
def test_impossible_dates_are_422(client: TestClient, params: dict[str, str],
                                  status: int) -> None:
    for route in ("/search.json", "/events.json", "/events/export"):
        res = client.get(route, params=params)
        if status == 422:
            _error(res, 422, "invalid_parameter")
        else:
            assert res.status_code == 200, (route, res.text)


# -- jobs: cancelled, resumed -------------------------------------------------------------
def _wait(client: TestClient, job_id: str, states: tuple[str, ...] = ("done", "failed",
                                                                         "cancelled")
          ) -> dict[str, Any]:
    for _ in range(400):
        job = client.get(f"/ingest/jobs/{job_id}.json").json()
        if job["state"] in states:
            return job
        time.sleep(0.1)
    raise AssertionError(job)


def test_jobs_can_be_cancelled(client: TestClient, ingest_post: Any,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.web import jobs as web_jobs

    release = threading.Event()
    real_run = web_jobs.run

    def slow_run(files: Any, sink: Any, settings: Any, dedup: Any, progress: Any) -> Any:
        release.wait(30)  # holds the one worker: the next job stays queued
        return real_run(files, sink, settings, dedup, progress=progress)

    monkeypatch.setattr(web_jobs, "run", slow_run)
    first = ingest_post(client, {"collection": "slow", "text": "Norway opened a harbour.\n"})
    second = ingest_post(client, {"collection": "later", "text": "Iceland closed a port.\n"})
    first_id, second_id = first.json()["id"], second.json()["id"]
    _wait(client, first_id, ("running",))
    token = client.app.state.csrf_token  # type: ignore[attr-defined]
    res = client.post(f"/ingest/jobs/{second_id}/cancel.json", data={"csrf_token": token})
    assert res.status_code == 202 and res.json()["state"] == "cancelled"
    res = client.post(f"/ingest/jobs/{first_id}/cancel.json", data={"csrf_token": token})
    assert res.status_code == 202 and res.json()["cancel_requested"]
    release.set()
    assert _wait(client, first_id)["state"] == "cancelled"
    _error(client.post(f"/ingest/jobs/{first_id}/cancel.json", data={"csrf_token": token}),
           409, "finished")
    _error(client.post(f"/ingest/jobs/{first_id}/cancel.json"), 403, "cross_site")
    assert "later" not in [c["name"] for c in client.get("/collections.json").json()["items"]]
    data_dir = client.app.state.registry.data_dir  # type: ignore[attr-defined]
    saved = json.loads((data_dir / "jobs" / f"{second_id}.json").read_text())
    assert saved["state"] == "cancelled"


def test_unfinished_jobs_survive_a_restart(web_db: Path, web_cache: Path,
                                           tmp_path: Path) -> None:
    data = tmp_path / "data"
    upload = data / "uploads" / "abc123" / "001-story.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("Norway opened a new harbour in Bergen on Tuesday.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (data / "jobs").mkdir()
    for job_id, state in (("abc123", "running"), ("old999", "done")):
        (data / "jobs" / f"{job_id}.json").write_text(json.dumps({
            "id": job_id, "collection": "restarted", "files": [str(upload)],
            "state": state, "files_total": 1, "created": f"2024-05-16T10:00:0{len(state)}"}))
    app = create_app(web_db, data, web_cache, settings=load_settings())
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        job = _wait(c, "abc123")
        assert job["state"] == "done" and job["resumed"] == 1, job
        assert job["summary"]["articles"] == 1
        assert c.get("/ingest/jobs/old999.json").json()["state"] == "done"
        assert c.get("/search.json", params={"q": "harbour", "c": "restarted"}).json()["total"]


def test_job_page_lists_rejected_files(client: TestClient, ingest_post: Any) -> None:
    res = ingest_post(client, {"collection": "mixed", "text": "Norway opened a harbour.\n"},
                      files=[("files", ("empty.txt", b"", "text/plain"))])
    job = _wait(client, res.json()["id"])
    assert job["rejected"] and job["rejected"][0]["file"] == "001-empty.txt"
    assert "/" not in json.dumps(job["summary"]["problems"])
    html = client.get(f"/ingest/jobs/{job['id']}").text
    assert "Files not read" in html and "001-empty.txt</b>: " + job["rejected"][0]["reason"] \
        in html.replace("&#39;", "'")


# -- documents stored without analysis: listed on the home page, retried -----------------

def test_home_lists_failed_analyses_and_retries_them(client: TestClient, ingest_post: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.analysis

    real = dossier.analysis.extract_quotes

    def fragile(parsed: Any, *args: Any, **kwargs: Any) -> Any:
        if "Bergen" in parsed.text:
            raise RuntimeError("bad document")
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(dossier.analysis, "extract_quotes", fragile)
    good = ("Rishi Sunak visited Kyiv. He said: “Britain will send more aid to Ukraine "
            "this winter.”\n").encode()
    res = ingest_post(client, {"collection": "fragile",
                               "text": "Norway's prime minister said in Bergen: \"We will "
                                       "build the harbour.\"\n"},
                      files=[("files", ("good.txt", good, "text/plain"))])
    job = _wait(client, res.json()["id"])
    assert job["state"] == "done" and job["summary"]["unanalysed"] == 1, job
    home = client.get("/.json", params={"c": "fragile"}).json()
    assert home["unanalysed"]["failed"] == 1 and home["can_retry"]
    [doc] = home["unanalysed"]["documents"]
    assert (doc["source"], doc["state"], doc["reason"]) == (
        "002-pasted.txt", "failed", "RuntimeError: bad document")
    html = client.get("/", params={"c": "fragile"}).text
    assert "Stored without analysis" in html and 'action="/ingest/retry"' in html
    assert "002-pasted.txt" in html and "RuntimeError: bad document" in html
    main = client.get("/.json").json()  # the demo store: everything analysed
    assert main["unanalysed"]["failed"] == 0 and not main["can_retry"]
    _error(client.post("/ingest/retry.json", data={"collection": "fragile"}), 403,
           "cross_site")

    monkeypatch.undo()  # the analysis works again: the retry redoes that document only
    token = client.app.state.csrf_token  # type: ignore[attr-defined]
    res = client.post("/ingest/retry.json", data={"collection": "fragile",
                                                  "csrf_token": token})
    assert res.status_code == 202, res.text
    again = _wait(client, res.json()["id"])
    assert again["state"] == "done" and again["files"] == ["002-pasted.txt"], again
    assert (again["summary"]["documents"], again["summary"]["unanalysed"]) == (1, 0)
    home = client.get("/.json", params={"c": "fragile"}).json()
    assert home["unanalysed"] == {"failed": 0, "stored": 0, "documents": []}
    assert home["overview"]["counts"]["quote"] >= 2
    assert "Stored without analysis" not in client.get("/", params={"c": "fragile"}).text
    _error(client.post("/ingest/retry.json", data={"collection": "fragile",
                                                   "csrf_token": token}),
           409, "nothing_to_retry")


# -- uploads: lower limits per file ---------------------------------------------------------

@pytest.mark.parametrize(("given", "seconds", "unpacked"), [
    ({}, 300.0, 256.0),  # the web's defaults: far under max_file_seconds (3,600 s)
    ({"max_file_seconds": "60", "max_unpacked_mb": "10"}, 60.0, 10.0),  # the lower applies
    ({"web_max_file_seconds": "5", "max_file_seconds": "0"}, 5.0, 256.0),  # 0: no limit
])
def test_uploads_run_with_the_webs_limits_per_file(given: dict[str, str], seconds: float,
                                                   unpacked: float) -> None:
    from dossier.web.jobs import upload_settings

    got = upload_settings(load_settings(overrides=given))
    assert (got["max_file_seconds"], got["max_unpacked_mb"]) == (seconds, unpacked)


def test_a_gzipped_upload_past_web_max_unpacked_mb_is_stopped(
        web_db: Path, web_cache: Path, tmp_path: Path, ingest_post: Any,
        make_varied_text: Any) -> None:
    """A gzip of 3 MiB of text packs ~3x, as real text does: no ratio stops it; the
    upload's cap on unpacked size does, and the file beside it is stored."""
    import gzip

    settings = load_settings(overrides={"web_max_unpacked_mb": "1", "nlp": "false"})
    app = create_app(web_db, tmp_path / "data", web_cache, settings=settings)
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        res = ingest_post(c, {"collection": "bomb", "text": "Norway opened a harbour.\n"},
                          files=[("files", ("big.txt.gz", gzip.compress(make_varied_text(3 << 20)),
                                            "application/gzip"))])
        job = _wait(c, res.json()["id"])
        assert job["state"] == "done", job
        [rejected] = job["rejected"]
        assert rejected["file"] == "001-big.txt.gz" and "max_unpacked_mb" in rejected["reason"]
        assert c.get("/search.json", params={"q": "harbour", "c": "bomb"}).json()["total"]


def test_home_lists_documents_ingested_without_nlp(web_db: Path, web_cache: Path,
                                                   tmp_path: Path) -> None:
    """A collection ingested with nlp=false: its documents are listed as stored without
    analysis, with no retry offered (a re-ingest with the NLP on does not redo them)."""
    from dossier.pipeline import run
    from dossier.store import Store

    story = tmp_path / "story.txt"
    story.write_text("Norway opened a new harbour in Bergen on Tuesday.\n", encoding="utf-8")
    path = tmp_path / "data" / "collections" / "plain.duckdb"
    path.parent.mkdir(parents=True)
    with Store(path) as store:
        run([story], store, load_settings(overrides={"nlp": "false"}))
    app = create_app(web_db, tmp_path / "data", web_cache, settings=load_settings())
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        home = c.get("/.json", params={"c": "plain"}).json()
        assert (home["unanalysed"]["failed"], home["unanalysed"]["stored"]) == (0, 1)
        assert home["unanalysed"]["documents"][0]["source"] == "story.txt"
        assert "NLP off" in home["unanalysed"]["documents"][0]["reason"]
        assert not home["can_retry"]
        assert 'action="/ingest/retry"' not in c.get("/", params={"c": "plain"}).text
