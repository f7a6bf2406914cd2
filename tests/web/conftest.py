"""Fixtures for the web tests: one demo store for the session, an app per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store
from dossier.web.app import create_app

DEMO = Path(__file__).resolve().parents[2] / "examples" / "huffpost-china-dump.txt"


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
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
