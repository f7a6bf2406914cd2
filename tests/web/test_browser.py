"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Search, open an actor page, click through to the evidence view, export, ingest from
the browser. With DOSSIER_SCREENSHOTS=docs the screenshots go to docs/ (for the
README and docs/web.md); otherwise to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
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
def server(web_db: Path, tmp_path_factory: pytest.TempPathFactory,
           serve_app: Any) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    app = create_app(web_db, tmp / "data", tmp / "cache", timeout=10.0,
                     settings=load_settings(overrides={"published": "2024-05-16"}))
    with serve_app(app) as url:
        yield url


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
    page.locator("svg.network a text.label >> nth=0").click()
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


# -- issue 22: the web UI a new user sees -------------------------------------------------
_CORNERS = """(sel) => {
  const svg = document.querySelector(sel);
  const f = svg.getBoundingClientRect();
  const labels = [...svg.querySelectorAll('text.label')].map(t => {
    const b = t.getBBox(), m = t.getScreenCTM();
    const pt = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x, p.y]; };
    return {text: t.textContent, corners: [pt(b.x, b.y), pt(b.x + b.width, b.y),
            pt(b.x + b.width, b.y + b.height), pt(b.x, b.y + b.height)]};
  });
  return {frame: [f.left, f.top, f.right, f.bottom], labels};
}"""


def _overlap(p: list[list[float]], q: list[list[float]]) -> bool:
    """Whether two convex quadrilaterals (a label's box, rotated) overlap by more than
    half a pixel: the separating axis test."""
    for poly in (p, q):
        for i in range(4):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % 4]
            nx, ny = y2 - y1, x1 - x2
            norm = (nx * nx + ny * ny) ** 0.5 or 1.0
            a = [(x * nx + y * ny) / norm for x, y in p]
            b = [(x * nx + y * ny) / norm for x, y in q]
            if max(a) <= min(b) + 0.5 or max(b) <= min(a) + 0.5:
                return False
    return True


def _check_labels(page: Any, sel: str = "svg.network") -> int:
    """Every label inside the drawing and none over another; the number of labels."""
    got = page.evaluate(_CORNERS, sel)
    left, top, right, bottom = got["frame"]
    labels = got["labels"]
    for lab in labels:
        for x, y in lab["corners"]:
            assert left - 0.5 <= x <= right + 0.5 and top - 0.5 <= y <= bottom + 0.5, lab
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not _overlap(a["corners"], b["corners"]), (a, b)
    return len(labels)


def test_dyad_network_labels_are_readable(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/events")
    net = page.locator("svg.network")
    assert _check_labels(page) >= 5
    assert net.bounding_box()["width"] > 520  # sized to the page, not a 520 px box
    net.screenshot(path=str(shots / "web-network.png"))
    href = page.locator("svg.network a >> nth=0").get_attribute("href")
    page.locator("svg.network a text.label >> nth=0").click()
    page.wait_for_url("**" + href)
    assert page.locator("h1").count() == 1


def test_dyad_network_with_a_hundred_actors(server: str, page: Any) -> None:
    from dossier.web import svg

    names = ["Ministry of Foreign Affairs of Ruritania", "Xi Jinping", "NATO", "Jo Ng"]
    nodes = [{"id": f"a{i}", "name": f"{names[i % 4]} {i}", "events": 1 + i % 7}
             for i in range(100)]
    edges = [{"source": f"a{i}", "target": f"a{(i * 7 + 3) % 100}", "events": 1 + i % 5,
              "mean_goldstein": (i % 21) - 10, "source_name": "", "target_name": ""}
             for i in range(100)]
    drawing = svg.network({"nodes": nodes, "edges": edges})
    page.goto(server + "/healthz")
    page.set_content(f'<link rel="stylesheet" href="{server}/static/app.css">'
                     f'<main style="max-width: 1280px">{drawing}</main>')
    page.wait_for_load_state("load")
    assert _check_labels(page) == 100
    assert page.locator("svg.network a").count() == 100


def test_timeline_bars_fit_the_data(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/events")
    tl = page.locator("svg.timeline")
    assert tl.get_attribute("data-bucket") == "day"  # the demo's events span days
    widths = page.evaluate("() => [...document.querySelectorAll('svg.timeline rect.bar')]"
                           ".map(r => r.getBoundingClientRect().width)")
    assert widths and min(widths) >= 6
    tl.screenshot(path=str(shots / "web-timeline.png"))
    undated = page.locator("svg.timeline text.undated")
    if undated.count():  # the events with no day are named, not silently left out
        assert "without a day date" in (undated.text_content() or "")


def test_filter_fields_are_labelled_and_wide_enough(server: str, page: Any) -> None:
    for path in ("/search?q=Taiwan", "/events"):
        page.goto(server + path)
        fields = page.evaluate("""() => [...document.querySelectorAll(
            'form.filters input, form.filters select')].map(el => {
              const label = el.closest('label');
              const ctx = document.createElement('canvas').getContext('2d');
              ctx.font = getComputedStyle(el).font;
              const hint = el.placeholder || '';
              return {name: el.name, type: el.type,
                      label: label ? label.childNodes[0].textContent.trim() : '',
                      room: el.clientWidth - 8, hint: ctx.measureText(hint).width};
            })""")
        assert len(fields) >= 8, path
        for f in fields:
            assert f["label"], f
            assert f["hint"] <= f["room"], f  # the hint is not cut off
        assert {f["name"] for f in fields if f["type"] == "date"} == {"since", "until"}


def test_month_facet_fills_the_date_inputs(server: str, page: Any) -> None:
    page.goto(server + "/search?q=Taiwan&since=2024-05&until=2024-05")
    assert page.input_value("input[name=since]") == "2024-05-01"
    assert page.input_value("input[name=until]") == "2024-05-31"


def test_no_results_is_a_sentence(server: str, page: Any) -> None:
    page.goto(server + "/search?q=zzyzxqqq")
    assert page.locator("ol.results li").count() == 0
    assert page.locator("p.empty").inner_text().startswith("No results")
    assert page.locator("nav.pager").count() == 0


def test_job_page_lists_rejected_files(server: str, page: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.goto(server + "/ingest")
    page.fill("input[name=collection]", "with-rejects")
    page.set_input_files("input[name=files]", str(empty))
    page.fill("textarea[name=text]", "Norway opened a new harbour in Bergen on Tuesday.\n")
    page.click("form.ingest button[type=submit]")
    page.wait_for_url("**/ingest/jobs/**")
    page.wait_for_selector("#job-rejected:not([hidden])", timeout=180_000)
    item = page.locator("#job-rejected-list li").inner_text()
    assert item.startswith("001-empty.txt: ") and len(item) > len("001-empty.txt: ") + 3


def test_actor_page_and_cli_show_the_same_target(server: str, page: Any, web_db: Path) -> None:
    from dossier.store import Store

    with Store(web_db, read_only=True) as store:
        cli = next(e for e in store.events(source_actor="vladimir-putin")
                   if e["trigger"]["text"] == "thanked")
    code = cli["target_actor"]["code"]
    assert code == "CHNGOV"
    page.goto(server + "/actors/vladimir-putin")
    row = page.locator("table.events tr", has_text="thanked").first
    target = row.locator("td.tgt-actor").inner_text()
    assert code in target and target.strip() != "?"
