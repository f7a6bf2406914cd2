"""Feed reader: the real NPR JSON Feed, RSS with local links followed, Atom, bad feeds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dossier.errors import InputError
from dossier.ingest import read_file, read_inputs
from dossier.ingest.base import ReadOptions
from dossier.ingest.feeds import local_page, read_feed
from dossier.records import Document, Problem

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"
NPR = NEWS / "npr_technology_jsonfeed.json"
GOLD = json.loads((NEWS / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
OPTIONS = ReadOptions()


def collect(path: Path, options: ReadOptions = OPTIONS) -> tuple[list[Document], InputError | None]:
    docs: list[Document] = []
    try:
        for doc in read_feed(path, options):
            docs.append(doc)
    except InputError as exc:
        return docs, exc
    return docs, None


def squash(text: str) -> str:
    return " ".join(text.split())


def test_npr_json_feed() -> None:
    docs, error = collect(NPR)
    assert error is None
    assert len(docs) == 25
    first = docs[0]
    assert first.title == "Keller Rinaudo: How can delivery drones save lives?"
    assert first.published == "2021-10-29"
    assert first.author == "Manoush Zomorodi"
    assert first.locator == "1050315385"
    assert first.url is not None and first.url.startswith("https://www.npr.org/2021/10/29/1050315385/")
    assert first.site == "Technology"
    assert first.format == "feed" and first.single_article is True
    assert first.source == str(NPR)
    assert "Zipline, a delivery company that uses drones" in first.text
    assert "npr-rss-pixel" not in first.text and "<" not in first.text
    assert len({d.id for d in docs}) == 25


def test_npr_json_feed_through_the_dispatcher() -> None:
    docs = list(read_file(NPR))
    assert len(docs) == 25 and docs[0].format == "feed"


def test_npr_ids_are_stable() -> None:
    assert [d.id for d in collect(NPR)[0]] == [d.id for d in collect(NPR)[0]]


def page_html(title: str, body: str, date: str = "2020-02-01") -> str:
    return (f'<html lang="en"><head><title>{title}</title>'
            f'<meta property="article:published_time" content="{date}"></head>'
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body} Officials said more would follow later in the week.</p>"
            "</article><footer>Copyright The Paper</footer></body></html>")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A directory with saved pages and an RSS feed whose items link to them."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_text(
        page_html("Bridge to close", "The council voted to close the old bridge for repairs."),
        encoding="utf-8")
    (tmp_path / "pages" / "two.html.gz").write_bytes(gzip.compress(
        page_html("Harbour reopens", "Boats went out again after the storm had passed.",
                  "2020-02-03").encode()))
    absolute = tmp_path / "elsewhere.html"
    absolute.write_text(page_html("Absolute path", "A page named by its absolute path here."),
                        encoding="utf-8")
    (tmp_path / "secrets.txt").write_text("top secret words that must not be read", "utf-8")
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Paper</title><link>https://paper.example/</link><language>en-gb</language>
<item><title>Bridge to close (feed title)</title><link>pages/one.html</link>
  <guid isPermaLink="false">paper-1</guid><pubDate>Tue, 03 Mar 2020 23:30:00 -0500</pubDate>
  <description>Short teaser.</description></item>
<item><title>Harbour</title><link>{(tmp_path / "pages" / "two.html.gz").as_uri()}</link>
  <guid isPermaLink="false">paper-2</guid></item>
<item><title>Absolute</title><link>{absolute}</link><guid isPermaLink="false">paper-3</guid></item>
<item><title>Web only</title><link>https://paper.example/web</link><guid>paper-4</guid>
  <description>&lt;p&gt;Only the &lt;b&gt;feed&lt;/b&gt; has this text.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>The full text of the web-only item.</p>
  <p>Second paragraph.</p>]]></content:encoded>
</item>
<item><title>Secrets</title><link>secrets.txt</link><guid>paper-5</guid>
  <description>Plain teaser &amp; more.</description></item>
<item><title>Nothing</title><link>https://paper.example/empty</link><guid>paper-6</guid></item>
</channel></rss>"""
    path = tmp_path / "feed.rss"
    path.write_text(rss, encoding="utf-8")
    return path


def test_local_links_are_followed(site: Path) -> None:
    docs, error = collect(site)
    by_id = {d.locator: d for d in docs}
    one = by_id["paper-1"]
    assert "The council voted to close the old bridge for repairs." in one.text
    assert "Home | World" not in one.text and "Copyright" not in one.text
    assert one.title == "Bridge to close (feed title)"  # the item's title wins
    assert one.published == "2020-03-03"  # the item's date, as written
    assert one.language == "en"
    assert one.site == "The Paper"
    assert any("linked page" in n for n in one.notes)
    two = by_id["paper-2"]
    assert "Boats went out again" in two.text
    assert two.title == "Harbour"
    assert two.published == "2020-02-03"  # no item date: the page's
    assert "A page named by its absolute path" in by_id["paper-3"].text


def test_web_links_use_the_feed_content(site: Path) -> None:
    docs, _ = collect(site)
    web = {d.locator: d for d in docs}["paper-4"]
    assert web.text == "The full text of the web-only item.\nSecond paragraph."
    assert web.url == "https://paper.example/web"
    assert web.language == "en"  # from the channel


def test_non_html_local_files_are_not_followed(site: Path) -> None:
    docs, _ = collect(site)
    secrets = {d.locator: d for d in docs}["paper-5"]
    assert secrets.text == "Plain teaser & more."
    assert "top secret" not in secrets.text


def test_items_without_text_are_reported_after_the_others(site: Path) -> None:
    docs, error = collect(site)
    assert [d.locator for d in docs] == ["paper-1", "paper-2", "paper-3", "paper-4", "paper-5"]
    assert error is not None and error.source == str(site)
    assert "skipped 1 of 6 feed items with no text: paper-6" in error.problem
    out = list(read_inputs([site]))
    assert isinstance(out[-1], Problem) and len(out) == 6


def test_following_can_be_switched_off(site: Path) -> None:
    docs, error = collect(site, ReadOptions(follow_local_links=False))
    by_id = {d.locator: d for d in docs}
    assert by_id["paper-1"].text == "Short teaser."
    assert "paper-2" not in by_id and "paper-3" not in by_id  # no content of their own
    assert error is not None and "skipped 3 of 6" in error.problem


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("pages/one.html", "pages/one.html"),
        ("./pages/one.html#top", "pages/one.html"),
        ("https://paper.example/pages/one.html", None),
        ("pages/missing.html", None),
        ("secrets.txt", None),
        ("", None),
    ],
)
def test_local_page_resolution(site: Path, link: str, expected: str | None) -> None:
    found = local_page(link, site.parent)
    assert found == (site.parent / expected if expected else None)


def test_file_url_resolution(site: Path) -> None:
    page = site.parent / "pages" / "one.html"
    assert local_page(page.as_uri(), Path("/nowhere")) == page
    # feedparser rewrites file:///a/b as file://a/b
    assert local_page("file:/" + str(page), Path("/nowhere")) == page


def test_atom_feed(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Atom Site</title>
<entry><id>urn:a:1</id><title>Eintrag</title><link href="https://example.org/1"/>
<updated>2022-01-02T03:04:05Z</updated><author><name>Max Muster</name></author>
<content type="html">&lt;p&gt;Der Rat hat am Montag entschieden.&lt;/p&gt;
&lt;p&gt;Mehr folgt.&lt;/p&gt;</content></entry>
<entry><id>urn:a:2</id><title>Text</title>
<content type="text">Nur Text &amp; mehr.</content></entry>
</feed>"""
    path = tmp_path / "feed.atom"
    path.write_text(atom, encoding="utf-8")
    docs, error = collect(path)
    assert error is None
    assert [d.text for d in docs] == ["Der Rat hat am Montag entschieden.\nMehr folgt.",
                                      "Nur Text & mehr."]
    first = docs[0]
    assert (first.title, first.published, first.author, first.language, first.site) == (
        "Eintrag", "2022-01-02", "Max Muster", "de", "Atom Site")


def test_json_feed_1_1(tmp_path: Path) -> None:
    key = sorted(GOLD)[0]
    (tmp_path / "saved.html").write_bytes(
        gzip.decompress((NEWS / "scrapinghub" / f"{key}.html.gz").read_bytes()))
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Site",
        "language": "en",
        "items": [
            {"id": 1, "url": "saved.html", "title": "Saved page",
             "authors": [{"name": "A. Writer"}, {"name": "B. Writer"}],
             "date_published": "2019-11-20T07:00:00+03:00", "content_text": "teaser"},
            {"id": "2", "content_text": "Plain text item.\nWith two lines.",
             "date_published": "not a date"},
            "not an object",
            {"id": "4", "title": "empty"},
        ],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    docs, error = collect(path, ReadOptions(published="2000-01-01"))
    assert [d.locator for d in docs] == ["1", "2"]
    saved, plain = docs
    first_para = squash(GOLD[key]["articleBody"].split("\n")[0])[:60]
    assert first_para in squash(saved.text)
    assert saved.author == "A. Writer; B. Writer"
    assert saved.published == "2019-11-20"
    assert saved.title == "Saved page"
    assert saved.url == GOLD[key]["url"]  # the page's canonical address
    assert plain.text == "Plain text item.\nWith two lines."
    assert plain.published == "2000-01-01" and plain.language == "en"
    assert any("unreadable date" in n for n in plain.notes)
    assert error is not None
    assert "skipped 2 of 4 feed items" in error.problem
    assert "item 3: a JSON str, not an object" in error.problem and "4: no text" in error.problem


def test_truncated_rss_yields_what_it_can(site: Path, tmp_path: Path) -> None:
    raw = site.read_bytes()
    cut = tmp_path / "cut.rss"
    cut.write_bytes(raw[: raw.index(b"<item><title>Absolute")] + b"<item><title>Abs")
    docs, error = collect(cut)
    assert [d.locator for d in docs][:2] == ["paper-1", "paper-2"]
    assert error is not None and "malformed feed XML" in error.problem


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.json", b'{"version": "https://jsonfeed.org/version/1", "items": [', "not valid JSON"),
        ("bad.json", b'{"version": "https://jsonfeed.org/version/1"}', "no \"items\" list"),
        ("bad.rss", b"<rss><channel><title>x</title></channel></rss>", "the feed has no items"),
        ("bad.rss", b"<rss><<<<garbage", "not a readable RSS or Atom feed"),
        ("bad.rss", b"", "file is empty"),
    ],
    ids=["json-cut", "json-no-items", "rss-no-items", "rss-garbage", "empty"],
)
def test_bad_feeds(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    docs, error = collect(path)
    assert docs == []
    assert error is not None and problem in error.problem and error.source == str(path)
