"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Search, open an actor page, click through to the evidence view, export, ingest from
the browser. With DOSSIER_SCREENSHOTS=docs the screenshots go to docs/ (for the
README and docs/web.md); otherwise to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossier.settings import load_settings
from dossier.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]


def _chromium() -> str | None:
    for name in (os.environ.get("DOSSIER_CHROMIUM"), "chromium", "chromium-browser"):
        if name and (found := shutil.which(name)):
            return found
    return None


CHROMIUM = _chromium()
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI: no chromium on PATH; .ci/run installs it with apt-get")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def server(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    tmp = tmp_path_factory.mktemp("browser")
    app = create_app(web_db, tmp / "data", tmp / "cache", timeout=10.0,
                     settings=load_settings(overrides={"published": "2024-05-16"}))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ROOT / "docs" if os.environ.get("DOSSIER_SCREENSHOTS") == "docs" else (
        tmp_path_factory.mktemp("shots"))


def test_search_actor_evidence(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/")
    page.fill("header input[name=q]", "Taiwan")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Taiwan")
    assert page.locator("ol.results li.hit").count() >= 5
    page.screenshot(path=str(shots / "web-search.png"), full_page=True)

    # a facet narrows the results and keeps the query in the (shareable) URL
    page.click("a.facet[data-facet=kind]:has-text('quote')")
    page.wait_for_url("**kind=quote**")
    assert "q=Taiwan" in page.url
    assert page.locator("li.hit.event").count() == 0

    # open a speaker's actor page from a quote
    page.goto(server + "/search?q=Taiwan&kind=quote&speaker=liz-truss")
    page.click("li.hit.quote b a")
    page.wait_for_url("**/actors/liz-truss")
    assert "Liz Truss" in page.locator("h1").inner_text()
    assert page.locator("svg.timeline").count() == 1
    page.screenshot(path=str(shots / "web-actor.png"), full_page=False)

    # click through to the evidence view: the quote is marked and scrolled to
    page.click("ol.quotes a.evidence >> nth=0")
    page.wait_for_url("**/articles/**focus=quote**")
    focus = page.locator("#focus")
    assert focus.is_visible()
    assert page.locator(".seg.focus").count() >= 1
    page.locator("#text .seg.q >> nth=0").dispatch_event("click")
    assert page.locator("aside.records li.on").count() >= 1
    assert page.locator("#text .seg.d").count() == 0
    page.screenshot(path=str(shots / "web-evidence.png"), full_page=False)
    page.click("#toggle-dropped")
    page.wait_for_url("**dropped=1**")
    assert page.locator("#text .seg.d").count() >= 1


def test_events_and_export(server: str, page: Any, shots: Path, tmp_path: Path) -> None:
    page.goto(server + "/events")
    assert page.locator("svg.timeline rect").count() >= 1
    assert page.locator("svg.network line").count() >= 1
    page.screenshot(path=str(shots / "web-events.png"), full_page=False)
    for fmt, first in (("csv", "kind,source,article_id"), ("gdelt", "GLOBALEVENTID\tSQLDATE"),
                       ("plover", '{"id": ')):
        with page.expect_download() as info:
            page.click(f"a.export[data-format={fmt}]")
        dest = tmp_path / f"events.{fmt}"
        info.value.save_as(str(dest))
        assert dest.read_text(encoding="utf-8").startswith(first), fmt
    # the network's nodes lead to actor pages
    page.locator("svg.network a >> nth=0").click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").count() == 1


def test_ingest_from_the_browser(server: str, page: Any) -> None:
    page.goto(server + "/ingest")
    page.fill("input[name=collection]", "pasted")
    page.fill("textarea[name=text]",
              "Prime Minister Rishi Sunak met Chancellor Olaf Scholz in Berlin on Monday. "
              "Sunak said: “We stand together with Ukraine.”\n")
    page.click("form.ingest button[type=submit]")
    page.wait_for_url("**/ingest/jobs/**")
    page.wait_for_selector("#job-links:not([hidden])", timeout=180_000)
    assert page.locator("#job-state").inner_text() == "done"
    page.click("#open-collection")
    page.wait_for_url("**/?c=pasted")
    assert "store: pasted" in page.locator("header .store").inner_text()
    assert page.locator("p.counts").inner_text().startswith("1 articles")
