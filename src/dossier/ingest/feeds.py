"""News feeds: RSS and Atom (with feedparser) and JSON Feed 1.x; one Document per item.

For each item the text comes from, in this order:

1. the page its link points to, when that is a local HTML file (a ``file:`` URL or
   a path, relative to the feed's directory or absolute) and the
   ``follow_local_links`` setting is on. Web links are never fetched;
2. the item's full content (``content:encoded`` / Atom ``content`` / JSON Feed
   ``content_html`` or ``content_text``);
3. its summary (``description``, ``summary``).

HTML goes through :func:`~dossier.ingest.html.html_to_document`, plain text is kept
as given. Title, date, author and link come from the item first, the followed page
second; the site is the feed's title. ``locator`` is the item's id, else its link.
Items without text are skipped and reported once, after the others were yielded.
"""

from __future__ import annotations

import html as htmllib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from dossier.errors import InputError
from dossier.ingest.base import ReadOptions, language_tag, load_json, read_bytes
from dossier.ingest.html import (
    fix_text,
    gunzip,
    html_to_document,
    iso_date,
    looks_like_html,
    text_to_document,
)
from dossier.records import Document, content_id

# Shown in a problem message: at most this many skipped items.
MAX_DETAILS = 5
# Local links are followed only to files with these endings (never to any file a
# feed names: a feed from elsewhere must not make us read /etc/passwd).
LOCAL_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# feedparser reports these for feeds it still read in full: not worth a Problem.
_BENIGN_BOZO = ("CharacterEncodingOverride", "NonXMLContentType")


def local_page(link: str, feed_dir: Path) -> Path | None:
    """The local HTML file an item link points to, or None (web link, no such file)."""
    link = link.strip()
    if not link:
        return None
    if link.lower().startswith("file:"):
        parsed = urlparse(link)
        path = url2pathname(parsed.path)
        if parsed.netloc and parsed.netloc.lower() != "localhost":
            # feedparser turns file:///a/b into file://a/b: the "host" is a directory
            path = "/" + parsed.netloc + path
        candidate = Path(path)
    elif _SCHEME.match(link):
        return None
    else:
        candidate = Path(unquote(link.split("#", 1)[0].split("?", 1)[0]))
        if not candidate.is_absolute():
            candidate = feed_dir / candidate
    if not candidate.name.lower().endswith(LOCAL_PAGE_SUFFIXES):
        return None
    return candidate if candidate.is_file() else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = fix_text(" ".join(value.split()))[0]
    return value or None


class _Item:
    """What a reader needs of one feed item, whatever the feed format."""

    def __init__(self, *, key: str, link: str | None, title: str | None, date: object,
                 author: str | None, language: str | None,
                 bodies: list[tuple[str, bool]], raw: bytes) -> None:
        self.key = key  # locator: item id, else link, else "item N"
        self.link = link
        self.title = title
        self.date = date
        self.author = author
        self.language = language
        self.bodies = bodies  # (content, is_html), best first
        self.raw = raw  # bytes the id is a hash of


def _item_document(item: _Item, source: str, feed_dir: Path, site: str | None,
                   options: ReadOptions) -> tuple[Document | None, str | None]:
    """The item's Document, or None and why there is none."""
    doc: Document | None = None
    notes: list[str] = []
    link = item.link or ""
    web_link = link if link.lower().startswith(("http:", "https:")) else None
    page = local_page(item.link, feed_dir) if item.link and options.follow_local_links else None
    if page is not None:
        try:
            raw = read_bytes(page, options)
            if raw[:2] == b"\x1f\x8b":
                raw = gunzip(raw, str(page), options.max_file_bytes, options)
            doc = html_to_document(raw, source, locator=item.key, url=web_link, options=options,
                                   doc_id=content_id(raw, item.key), fmt="feed",
                                   notes=(f"text from the linked page {page}",))
        except InputError as exc:
            notes.append(f"linked page {page} not used: {exc.problem}")
    for body, is_html in item.bodies if doc is None else ():
        if is_html and not looks_like_html(body):
            body, is_html = htmllib.unescape(body), False
        doc_id = content_id(item.raw, item.key)
        try:
            if is_html:
                doc = html_to_document(body, source, locator=item.key, url=web_link,
                                       options=options, doc_id=doc_id, fmt="feed",
                                       notes=tuple(notes), fragment=True)
            else:
                doc = text_to_document(body, source, locator=item.key, url=web_link,
                                       options=options, doc_id=doc_id, fmt="feed",
                                       notes=tuple(notes))
            break
        except InputError:
            continue
    if doc is None:
        return None, f"{item.key}: no text" + (f" ({notes[0]})" if notes else "")
    published = iso_date(item.date)
    if published is None and item.date not in (None, ""):
        doc = replace(doc, notes=(*doc.notes, f"unreadable date {str(item.date)[:40]!r}"))
    return replace(
        doc,
        title=item.title or doc.title,
        published=published or doc.published,
        author=item.author or doc.author,
        site=site or doc.site,
        language=doc.language or item.language,
    ), None


def _rss_items(raw: bytes, source: str) -> tuple[list[_Item], str | None, str | None]:
    """Items, site name and a problem (malformed XML that was read in part) of RSS/Atom."""
    import feedparser

    # A stream, never bytes or str: feedparser would take those for a file name or URL.
    parsed = feedparser.parse(io.BytesIO(raw), resolve_relative_uris=False)
    problem = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        name = type(exc).__name__
        if not parsed.entries:
            raise InputError(source, f"not a readable RSS or Atom feed ({name}: {exc})",
                             "check that the file is a whole feed; open it in a browser")
        if name not in _BENIGN_BOZO:
            problem = f"malformed feed XML ({exc}): items after the damage may be missing"
    feed = parsed.get("feed", {})
    feed_lang = language_tag(feed.get("language"))
    items = []
    for n, entry in enumerate(parsed.entries, start=1):
        bodies: list[tuple[str, bool]] = []
        contents = sorted(entry.get("content", []), key=lambda c: -len(c.get("value") or ""))
        for c in [*contents, entry.get("summary_detail") or {}]:
            value = c.get("value")
            if isinstance(value, str) and value.strip():
                bodies.append((value, "html" in (c.get("type") or "text/html")))
        link = entry.get("link")
        key = entry.get("id") or link or f"item {n}"
        # dict.get: feedparser's own get("updated") falls back to "published" with a warning
        updated = dict.get(entry, "updated")
        fields = {k: dict.get(entry, k) for k in ("id", "link", "title", "published", "updated")}
        fields["bodies"] = [b for b, _ in bodies]
        items.append(_Item(
            key=str(key), link=link, title=_clean(entry.get("title")),
            date=entry.get("published") or updated or entry.get("created"),
            author=_clean(entry.get("author")),
            language=language_tag(contents[0].get("language") if contents else None) or feed_lang,
            bodies=bodies,
            raw=json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str).encode(),
        ))
    return items, _clean(feed.get("title")), problem


def _json_authors(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    if not isinstance(authors, list):
        authors = [obj.get("author")]
    names = [a.get("name") for a in authors if isinstance(a, dict)]
    return _clean("; ".join(n for n in names if isinstance(n, str) and n.strip()))


def _json_feed_items(raw: bytes, source: str) -> tuple[list[_Item], str | None, list[str]]:
    """Items, site name and malformed-item notes of a JSON Feed (version 1 or 1.1)."""
    try:
        feed = load_json(raw)
    except ValueError as exc:
        raise InputError(source, f"not valid JSON ({exc}): cannot read this JSON Feed",
                         "check that the file is a whole JSON Feed") from exc
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise InputError(source, "not a JSON Feed: no \"items\" list",
                         "see https://jsonfeed.org/version/1.1 for the format")
    feed_lang = language_tag(feed.get("language"))
    feed_author = _json_authors(feed)
    items: list[_Item] = []
    bad: list[str] = []
    for n, item in enumerate(feed["items"], start=1):
        if not isinstance(item, dict):
            bad.append(f"item {n}: a JSON {type(item).__name__}, not an object")
            continue
        bodies = [(item[k], k == "content_html")  # summary is plain text in JSON Feed
                  for k in ("content_html", "content_text", "summary")
                  if isinstance(item.get(k), str) and item[k].strip()]
        link = item.get("url") or item.get("external_url")
        link = link if isinstance(link, str) else None
        key = item.get("id")
        key = str(key) if isinstance(key, str | int) and str(key) else (link or f"item {n}")
        items.append(_Item(
            key=key, link=link, title=_clean(item.get("title")),
            date=item.get("date_published") or item.get("date_modified"),
            author=_json_authors(item) or feed_author,
            language=language_tag(item.get("language")) or feed_lang,
            bodies=bodies,
            raw=json.dumps(item, sort_keys=True, ensure_ascii=False).encode(),
        ))
    return items, _clean(feed.get("title")), bad


def read_feed(path: Path, options: ReadOptions) -> Iterator[Document]:
    """Documents from the items of one RSS, Atom or JSON Feed file."""
    source = str(path)
    raw = read_bytes(path, options)
    if raw[:2] == b"\x1f\x8b":
        raw = gunzip(raw, source, options.max_file_bytes, options)
    problems: list[str] = []
    skipped: list[str] = []
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        items, site, skipped = _json_feed_items(raw, source)
    else:
        items, site, problem = _rss_items(raw, source)
        if problem:
            problems.append(problem)
    if not items and not skipped:
        raise InputError(source, "the feed has no items", "nothing to ingest")
    yielded = 0
    for item in items:
        doc, why = _item_document(item, source, path.parent, site, options)
        if doc is None:
            skipped.append(why or item.key)
            continue
        yield doc
        yielded += 1
    if skipped:
        details = "; ".join(skipped[:MAX_DETAILS])
        more = f"; and {len(skipped) - MAX_DETAILS} more" if len(skipped) > MAX_DETAILS else ""
        problems.append(f"skipped {len(skipped)} of {len(skipped) + yielded} feed items "
                        f"with no text: {details}{more}")
    if problems:
        raise InputError(source, "; ".join(problems),
                         f"the other {yielded} items were read" if yielded else
                         "the feed may list only links: save the pages next to it")
