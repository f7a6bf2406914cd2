"""The analyst's web app: server-rendered pages, each with a JSON twin.

Every page answers JSON when its path ends in ``.json`` or the request sends
``Accept: application/json``. Errors, in JSON, always have one shape:
``{"error": {"code": "...", "message": "..."}}`` (see docs/web.md). Routes are
thin: they check parameters and call one function of ``queries``.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

import platformdirs
from fastapi import Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from dossier.errors import DossierError
from dossier.settings import load_settings
from dossier.web import queries as Q
from dossier.web import svg
from dossier.web.guard import BodyTooLarge, Guard, allowed_hosts
from dossier.web.jobs import Jobs, safe_filename
from dossier.web.sources import MAIN, Registry, Source, WebError, valid_collection

HERE = Path(__file__).parent
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
MAX_LIMIT = 500
MAX_UPLOAD_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = 1024 * 1024  # pasted text (a form field): Starlette's part limit
JSON_ONLY = ("/static", "/events/export", "/healthz")  # no HTML page: errors in JSON


class JsonSuffix:
    """``/x.json`` is ``/x`` answered in JSON: strips the suffix, flags the scope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.endswith(".json") and path != "/openapi.json":
            scope = dict(scope)
            scope["path"] = scope["path"][: -len(".json")] or "/"
            scope["raw_path"] = scope["path"].encode()
            scope["dossier.json"] = True
        await self.app(scope, receive, send)


def wants_json(request: Request) -> bool:
    if request.scope.get("dossier.json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


_PATH = re.compile(r"(?:[A-Za-z]:)?[/\\](?:[^\s'\"/\\]+[/\\])+(?=[^\s'\"/\\])")


def no_paths(message: str) -> str:
    """``message`` with every absolute path cut to its file name: the server's folders
    are no business of a browser (``/home/ana/news.duckdb`` → ``news.duckdb``)."""
    return _PATH.sub("", message)


def create_app(db: Path | None, data_dir: Path | None = None, cache_dir: Path | None = None,
               timeout: float = 5.0, settings: dict[str, Any] | None = None,
               hosts: frozenset[str] | None = None) -> FastAPI:
    """The app over store ``db`` (read-only) and the collections under ``data_dir``;
    it answers requests for ``hosts`` (default: the local names) only."""
    data_dir = data_dir or Path(platformdirs.user_data_dir("dossier")) / "web"
    cache_dir = cache_dir or Path(platformdirs.user_cache_dir("dossier")) / "web"
    settings = settings or load_settings()
    registry = Registry(db, data_dir, cache_dir, timeout, float(settings["min_confidence"]))
    jobs = Jobs(registry, settings)
    # the write path's CSRF token: the form carries it, a page on another site cannot
    # read it (same-origin policy); a script gets it from GET /ingest.json
    csrf_token = secrets.token_urlsafe(32)

    def check_token(request: Request, form_token: str) -> None:
        given = form_token or request.headers.get("x-csrf-token", "")
        if not secrets.compare_digest(given.encode(), csrf_token.encode()):
            raise WebError("missing or stale form token (csrf_token): reload the ingest page "
                           "and send again; scripts take it from GET /ingest.json",
                           status=403, code="cross_site")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        jobs.resume()
        yield
        jobs.shutdown()
        registry.close()

    app = FastAPI(title="Dossier", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The analyst's web UI and its JSON twin; see docs/web.md.")
    app.state.registry = registry
    app.state.jobs = jobs
    app.state.csrf_token = csrf_token
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["timeline_svg"] = svg.timeline
    templates.env.globals["network_svg"] = svg.network
    templates.env.globals["quad_names"] = Q.QUAD_NAMES
    templates.env.globals["cameo_name"] = Q.cameo_name
    templates.env.globals["full_date"] = full_date
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def respond(request: Request, template: str, data: dict[str, Any],
                status: int = 200) -> Response:
        if wants_json(request):
            return JSONResponse(_jsonable(data), status_code=status)
        c = request.query_params.get("c") or MAIN

        def href(path: str, params: dict[str, Any] | None = None, **changes: Any) -> str:
            path, _, frag = path.partition("#")
            path, _, query = path.partition("?")
            merged = {**dict(parse_qsl(query)), **(params or {}), **changes}
            if c != MAIN:
                merged["c"] = c
            qs = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
            return path + ("?" + qs if qs else "") + ("#" + frag if frag else "")

        ctx = {"d": data, "c": c, "href": href, "qs": dict(request.query_params),
               "collections": registry.collections(), "has_main": registry.main is not None,
               "csrf_token": csrf_token}
        return templates.TemplateResponse(request, template, ctx, status_code=status)

    def fail(request: Request, status: int, code: str, message: str) -> Response:
        if wants_json(request) or request.url.path.startswith(JSON_ONLY):
            return JSONResponse(error_body(code, message), status_code=status)
        return respond(request, "error.html", error_body(code, message), status)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return fail(request, exc.status, exc.code, exc.message)

    @app.exception_handler(DossierError)
    async def _dossier_error(request: Request, exc: DossierError) -> Response:
        return fail(request, 503, "store_unavailable", no_paths(str(exc)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        msgs = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ())[1:]) or "request"
            msgs.append(f"{where}: {e.get('msg', 'invalid')}")
        return fail(request, 422, "invalid_parameter", "; ".join(msgs))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(exc.__cause__, BodyTooLarge):
            return fail(request, 413, "too_large", f"{exc.__cause__}; use `dossier ingest` "
                        "for big batches")
        if exc.status_code == 400 and "exceeded maximum size" in str(exc.detail):
            return fail(request, 413, "too_large", f"pasted text over "
                        f"{MAX_TEXT_BYTES // 2**20} MiB: save it to a file and upload that")
        codes = {404: "not_found", 405: "method_not_allowed"}
        return fail(request, exc.status_code, codes.get(exc.status_code, "http_error"),
                    str(exc.detail) if exc.status_code != 404 else
                    f"no page at {request.url.path}")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        return fail(request, 500, "internal", no_paths(f"{type(exc).__name__}: {exc}"))

    def source(c: str) -> Source:
        return registry.get(c or MAIN)

    def page(page_: int, limit: int) -> Q.Page:
        return Q.Page(page_, limit)

    # -- pages ----------------------------------------------------------------------
    @app.get("/")
    def home(request: Request, c: str = MAIN) -> Response:
        data: dict[str, Any] = {"store": c or MAIN, "overview": None}
        if c != MAIN or registry.main is not None:
            data["overview"] = Q.overview(source(c))
            data["unanalysed"] = Q.unanalysed(source(c))
            data["can_retry"] = c != MAIN and data["unanalysed"]["failed"] > 0
        data["collections"] = registry.collections()
        return respond(request, "home.html", data)

    def shared_filters(
        actor: str = Query("", max_length=200),
        country: str = Query("", max_length=8),
        root: str = Query("", pattern=r"^(\d{1,2})?$"),
        quad: str = Query("", pattern=r"^[1-4]?$"),
        outlet: str = Query("", max_length=200),
        since: str = Query("", pattern=DATE),
        until: str = Query("", pattern=DATE),
        all_: bool = Query(False, alias="all"),
        c: str = MAIN,
    ) -> tuple[Any, dict[str, Any]]:
        """The filters search and the event views share (a dependency of both): the
        collection's source and the Filters fields, the actor resolved by name."""
        real_date("since", since)
        real_date("until", until)
        src = source(c)
        return src, {"actor": Q.resolve_actor(src, actor.strip()), "country": country,
                     "root": root, "quad": int(quad) if quad else None, "outlet": outlet,
                     "since": since, "until": until, "everything": all_}

    @app.get("/search")
    def search(
        request: Request,
        shared: tuple[Any, dict[str, Any]] = Depends(shared_filters),
        q: str = Query("", max_length=200),
        kind: str = Query("", pattern=r"^(article|quote|event)?$"),
        speaker: str = Query("", max_length=200),
        page_: int = Query(1, alias="page", ge=1, le=10_000),
        limit: int = Query(20, ge=1, le=MAX_LIMIT),
    ) -> Response:
        src, fields = shared
        f = Q.Filters(q=q.strip(), kind=kind, speaker=speaker, **fields)
        return respond(request, "search.html", Q.search(src, f, page(page_, limit)))

    @app.get("/actors")
    def actors(
        request: Request,
        name: str = Query("", max_length=200),
        type_: str = Query("", alias="type", pattern=r"^(person|org|state|bloc|region)?$"),
        country: str = Query("", max_length=8),
        page_: int = Query(1, alias="page", ge=1, le=10_000),
        limit: int = Query(50, ge=1, le=MAX_LIMIT),
        c: str = MAIN,
    ) -> Response:
        data = Q.actors(source(c), name, type_, country, page(page_, limit))
        return respond(request, "actors.html", data)

    @app.get("/actors/{actor_id}")
    def actor(
        request: Request,
        actor_id: str,
        bucket: str = Query("auto", pattern=r"^(auto|day|week|month|year)$"),
        page_: int = Query(1, alias="page", ge=1, le=10_000),
        limit: int = Query(20, ge=1, le=MAX_LIMIT),
        all_: bool = Query(False, alias="all"),
        c: str = MAIN,
    ) -> Response:
        data = Q.actor(source(c), actor_id, page(page_, limit), bucket, everything=all_)
        return respond(request, "actor.html", data)

    def event_filters(
        shared: tuple[Any, dict[str, Any]] = Depends(shared_filters),
        source_actor: str = Query("", max_length=200),
        target_actor: str = Query("", max_length=200),
    ) -> tuple[Any, Q.Filters]:
        """The event filters both /events and /events/export take (a dependency)."""
        src, fields = shared
        return src, Q.Filters(source_actor=source_actor, target_actor=target_actor, **fields)

    @app.get("/events")
    def events(
        request: Request,
        filters: tuple[Any, Q.Filters] = Depends(event_filters),
        bucket: str = Query("auto", pattern=r"^(auto|day|week|month|year)$"),
        edges: int = Query(40, ge=1, le=200),
        page_: int = Query(1, alias="page", ge=1, le=10_000),
        limit: int = Query(50, ge=1, le=MAX_LIMIT),
    ) -> Response:
        src, f = filters
        data = Q.events(src, f, page(page_, limit), bucket, edges)
        return respond(request, "events.html", data)

    @app.get("/events/export")
    def events_export(
        filters: tuple[Any, Q.Filters] = Depends(event_filters),
        format_: str = Query("csv", alias="format", pattern=r"^(csv|gdelt|plover)$"),
        limit: int = Query(10_000, ge=1, le=100_000),
    ) -> Response:
        src, f = filters
        rows, arts = Q.event_records(src, f, limit)
        body, media, ext = _export(format_, rows, arts)
        return Response(body, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="dossier-events.{ext}"'})

    @app.get("/articles/{article_id}")
    def article(
        request: Request,
        article_id: str,
        dropped: bool = False,
        focus: str = Query("", pattern=r"^((article|quote|event|mention|dropped):\d+-\d+)?$"),
        c: str = MAIN,
    ) -> Response:
        data = Q.article(source(c), article_id, dropped)
        _mark_focus(data["segments"], focus)
        data["focus"] = focus or None
        return respond(request, "article.html", data)

    # -- ingest ---------------------------------------------------------------------
    @app.get("/ingest")
    def ingest_form(request: Request) -> Response:
        return respond(request, "ingest.html", {
            "collections": registry.collections(), "csrf_token": csrf_token,
            "jobs": [j.to_dict() for j in jobs.all()[:20]]})

    @app.post("/ingest")
    async def ingest(
        request: Request,
        collection: str = Form(..., max_length=63),
        text: str = Form("", max_length=MAX_TEXT_BYTES),
        files: Annotated[list[UploadFile] | None, File()] = None,
        csrf: str = Form("", alias="csrf_token", max_length=200),
    ) -> Response:
        check_token(request, csrf)
        name = valid_collection(collection)
        job_id = jobs.new_id()
        folder = jobs.upload_dir(job_id)
        try:
            saved = await _save_uploads(folder, files or [], text)
        except BaseException:  # a rejected upload leaves nothing on disk
            shutil.rmtree(folder, ignore_errors=True)
            raise
        job = jobs.submit(job_id, name, saved)
        if wants_json(request):
            return JSONResponse(job.to_dict(), status_code=202,
                                headers={"Location": f"/ingest/jobs/{job.id}"})
        return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)

    @app.post("/ingest/retry")
    def retry(request: Request, collection: str = Form(..., max_length=63),
              csrf: str = Form("", alias="csrf_token", max_length=200)) -> Response:
        """Ingest again the files of a collection's documents whose analysis failed:
        as a re-ingest with the CLI, it redoes exactly those documents."""
        check_token(request, csrf)
        job = jobs.retry(valid_collection(collection))
        if wants_json(request):
            return JSONResponse(job.to_dict(), status_code=202,
                                headers={"Location": f"/ingest/jobs/{job.id}"})
        return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)

    @app.get("/ingest/jobs/{job_id}")
    def ingest_job(request: Request, job_id: str) -> Response:
        return respond(request, "job.html", jobs.get(job_id).to_dict())

    @app.post("/ingest/jobs/{job_id}/cancel")
    def cancel_job(request: Request, job_id: str,
                   csrf: str = Form("", alias="csrf_token", max_length=200)) -> Response:
        check_token(request, csrf)
        job = jobs.cancel(job_id)
        if wants_json(request):
            return JSONResponse(job.to_dict(), status_code=202)
        return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)

    @app.get("/collections")
    def collections(request: Request) -> Response:
        names = registry.collections()
        return respond(request, "collections.html", {
            "main": registry.main.name if registry.main else None,
            "items": [{"name": n} for n in names], "page": 1, "limit": len(names),
            "total": len(names), "next_page": None})

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {"ok": True}

    app.add_middleware(JsonSuffix)
    app.add_middleware(Guard, hosts=hosts or allowed_hosts("127.0.0.1"),
                       max_body=MAX_UPLOAD_BYTES + MAX_TEXT_BYTES + 64 * 1024)
    return app


# Request head h11 reads before it gives up with a plain-text 400 (its default is
# 16 KiB): big enough that a long query string reaches the app and gets the error
# shape (414 too_long) from Guard instead.
MAX_REQUEST_HEAD = 1024 * 1024


def server_options(host: str, port: int) -> dict[str, Any]:
    """uvicorn's options for the app: h11 (pure Python, no build step), with a
    request-head limit above Guard's, so every refusal has the error shape."""
    return {"host": host, "port": port, "log_level": "warning", "http": "h11",
            "h11_max_incomplete_event_size": MAX_REQUEST_HEAD}


def server_config(app: FastAPI, host: str, port: int) -> Any:
    """A uvicorn Config with :func:`server_options` (tests run it in a thread)."""
    import uvicorn

    return uvicorn.Config(app, **server_options(host, port))


def full_date(value: str, end: bool) -> str:
    """``YYYY`` or ``YYYY-MM`` as the day a date input shows: the first of the
    period, or its last with ``end`` (a month facet's link keeps its meaning)."""
    parts = value.split("-")
    try:
        if len(parts) == 1 and value:
            return f"{value}-12-31" if end else f"{value}-01-01"
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            last = (date(y + m // 12, m % 12 + 1, 1) - date.resolution).day
            return f"{value}-{last:02d}" if end else f"{value}-01"
    except ValueError:
        return ""
    return value


def real_date(name: str, value: str) -> None:
    """``YYYY-MM-DD`` and ``YYYY-MM`` must be days and months that exist (the pattern
    lets 2024-02-31 through)."""
    parts = value.split("-")
    if len(parts) < 2:
        return
    try:
        date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    except ValueError as exc:
        raise WebError(f"{name}: {value!r} is not a date ({exc})", status=422,
                       code="invalid_parameter") from None


async def _save_uploads(folder: Path, files: list[UploadFile], text: str) -> list[Path]:
    """Write the uploads and the pasted text into ``folder``; the files, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    total = 0
    for n, up in enumerate(files, 1):
        if not up.filename:
            continue
        data = await up.read()
        total += len(data)
        if total > MAX_UPLOAD_BYTES:
            raise WebError(f"uploads larger than {MAX_UPLOAD_BYTES // 2**20} MiB in all; "
                           "use `dossier ingest` for big batches", status=413, code="too_large")
        dest = folder / safe_filename(up.filename, n)
        dest.write_bytes(data)
        saved.append(dest)
    if text.strip():
        dest = folder / f"{len(saved) + 1:03d}-pasted.txt"
        dest.write_text(text, encoding="utf-8")
        saved.append(dest)
    if not saved:
        raise WebError("nothing to ingest: choose files or paste text", status=422,
                       code="invalid_parameter")
    return saved


def _mark_focus(segments: list[dict[str, Any]], focus: str) -> None:
    m = re.match(r"^\w+:(\d+)-(\d+)$", focus or "")
    if not m:
        return
    lo, hi = int(m.group(1)), int(m.group(2))
    first = True
    for seg in segments:
        seg["focus"] = lo <= seg["start"] and seg["end"] <= hi and seg["start"] < seg["end"]
        if seg["focus"] and first:
            seg["anchor"], first = True, False


class _ExportStore:
    """What ``export_events`` reads, over already-filtered rows."""

    def __init__(self, rows: list[dict[str, Any]], arts: dict[str, dict[str, Any]]) -> None:
        self.rows, self.arts = rows, arts

    def articles(self, with_text: bool = True) -> Iterator[dict[str, Any]]:
        yield from self.arts.values()

    def events(self) -> Iterator[dict[str, Any]]:
        yield from self.rows


def _export(fmt: str, rows: list[dict[str, Any]], arts: dict[str, dict[str, Any]]
            ) -> tuple[str, str, str]:
    from dossier.store.export import EVENT_FIELDS, export_events, flat

    out = io.StringIO()
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EVENT_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({f: flat(f, r.get(f)) for f in EVENT_FIELDS})
        return out.getvalue(), "text/csv; charset=utf-8", "csv"
    export_events(_ExportStore(rows, arts), "gdelt" if fmt == "gdelt" else "plover",  # type: ignore[arg-type]
                  out)
    if fmt == "gdelt":
        return out.getvalue(), "text/tab-separated-values; charset=utf-8", "tsv"
    return out.getvalue(), "application/x-ndjson; charset=utf-8", "plover.jsonl"

