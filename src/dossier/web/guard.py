"""The checks every request passes before the app sees it, answered in the error
shape: a Host the server answers to (a page on another site that rebinds its DNS
name to 127.0.0.1 cannot read or write the store), a query string of sane length,
and, for writes (POST), a same-origin request whose body is not over the limit,
refused before a byte of it is read or spooled to disk.

The write path's CSRF token is checked by the routes themselves (see app.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_QUERY_BYTES = 8 * 1024  # far above any URL the pages make (a search with every facet)
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


class BodyTooLarge(Exception):
    """A body without Content-Length ran past the limit while being read."""


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The names the server answers to: the local ones, the address it listens on
    (unless that is every address) and ``extra`` ("*": any)."""
    names = set(LOCAL_HOSTS) | {h.strip().lower() for h in extra if h.strip()}
    if host not in WILDCARD_HOSTS:
        names.add(host.lower())
    return frozenset(names)


def host_name(value: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: Host allow-list, query-string limit, same-origin writes and
    a body limit (Content-Length checked up front; a chunked body counted as read)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], max_body: int,
                 max_query: int = MAX_QUERY_BYTES) -> None:
        self.app, self.hosts, self.max_body, self.max_query = app, hosts, max_body, max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if "*" not in self.hosts and host_name(host) not in self.hosts:
            await _refuse(send, 400, "invalid_host",
                          f"this server does not answer to host {host[:100]!r}; start it with "
                          "`dossier serve --allow-host NAME` to reach it by that name")
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _refuse(send, 414, "too_long",
                          f"query string over {self.max_query // 1024} KiB; narrow the filters")
            return
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            refused = self._cross_site(headers, host)
            if refused:
                await _refuse(send, 403, "cross_site", refused)
                return
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self.max_body:
                await _refuse(send, 413, "too_large",
                              f"request body over {self.max_body // 2**20} MiB; use "
                              "`dossier ingest` for big batches")
                return
            receive = self._counted(receive)
        await self.app(scope, receive, send)

    @staticmethod
    def _cross_site(headers: dict[str, str], host: str) -> str | None:
        """Why a write comes from another site, or None: browsers send ``Origin`` (and
        ``Sec-Fetch-Site``) with every cross-site POST, so a page elsewhere cannot
        start an ingest in the analyst's browser."""
        if headers.get("sec-fetch-site", "") == "cross-site":
            return "a page on another site cannot write here (Sec-Fetch-Site: cross-site)"
        origin = headers.get("origin")
        if origin is None:
            return None  # not a browser form post (curl, a script): the token decides
        if origin == "null" or urlsplit(origin).netloc.lower() != host.lower():
            return (f"a page on another site ({origin[:100]}) cannot write here; use the "
                    "form on this server's /ingest page")
        return None

    def _counted(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message: dict[str, Any] = dict(await receive())
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge(f"request body over {self.max_body // 2**20} MiB")
            return message

        return counted
