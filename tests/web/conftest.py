"""Fixtures for the web tests: one demo store for the session, an app per test."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store
from dossier.web.app import create_app

DEMO = Path(__file__).resolve().parents[2] / "examples" / "huffpost-china-dump.txt"
BASE = "http://127.0.0.1:8000"  # a host the app answers to (see dossier.web.guard)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo ingested once (articles, mentions, quotes, events, dropped)."""
    path = tmp_path_factory.mktemp("webstore") / "demo.duckdb"
    settings = load_settings(overrides={"published": "2024-05-16"})
    with Store(path) as store:
        store.start_run([str(DEMO)])
        summary = run([DEMO], store, settings)
        store.finish_run(summary)
    return path


@pytest.fixture(scope="session")
def web_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("webcache")


@pytest.fixture
def client(web_db: Path, web_cache: Path, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(web_db, tmp_path / "data", web_cache, timeout=10.0,
                     settings=load_settings(overrides={"published": "2024-05-16"}))
    with TestClient(app, raise_server_exceptions=False, base_url=BASE) as c:
        yield c


def _ingest_post(client: TestClient, data: dict[str, str], **kwargs: Any) -> Any:
    """POST /ingest.json as the app's own form does: with its CSRF token."""
    token = client.get("/ingest.json").json()["csrf_token"]
    return client.post("/ingest.json", data={"csrf_token": token, **data}, **kwargs)


@pytest.fixture
def ingest_post() -> Callable[..., Any]:
    return _ingest_post


@contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """``app`` on a real uvicorn server (the configuration `dossier serve` uses) on a
    free local port, in a thread; yields its base URL."""
    import uvicorn

    from dossier.web.app import server_config

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(server_config(app, "127.0.0.1", port))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve_app() -> Callable[[Any], Any]:
    return serve_in_thread
