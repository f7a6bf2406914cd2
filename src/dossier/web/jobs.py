"""Ingest from the browser: uploaded files and pasted text go to a folder under the
data dir, and one background worker runs the library pipeline into the
collection's own store. The job's status (a dict) is what the page polls; it is
kept on disk, so jobs survive a restart, and a job can be cancelled."""

from __future__ import annotations

import json
import os
import re
import threading
import traceback
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.pipeline import run
from dossier.settings import SETTINGS
from dossier.store import Store
from dossier.web.sources import NotFound, Registry, WebError

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, n: int) -> str:
    base = _SAFE.sub("_", Path(name or "").name).strip("._") or f"upload-{n}.txt"
    return f"{n:03d}-{base}"[:120]


WEB_DEFAULTS = {s.name.removeprefix("web_"): s.default for s in SETTINGS
                if s.name.startswith("web_")}


def upload_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings an ingest of uploaded files runs with: the web's limits per file
    (``web_max_file_seconds``, ``web_max_unpacked_mb``) where they are lower."""
    out = dict(settings)
    for name in ("max_file_seconds", "max_unpacked_mb"):
        web = float(settings.get(f"web_{name}") or WEB_DEFAULTS[name])
        own = float(settings.get(name) or 0)
        out[name] = min(web, own) if own else web
    return out


class Cancelled(Exception):
    """Raised inside a running job (between documents) when it is cancelled."""


@dataclass
class Job:
    id: str
    collection: str
    files: list[str]
    state: str = "queued"  # queued | running | done | failed | cancelled
    files_total: int = 0
    files_done: int = 0
    documents: int = 0  # documents read so far (a WARC or feed file holds many)
    current: str | None = None
    summary: dict[str, Any] | None = None
    error: str | None = None
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    finished: str | None = None
    resumed: int = 0  # times the job was queued again after a server restart
    cancel_requested: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["files"] = [Path(f).name for f in self.files]
        d["progress"] = (self.files_done / self.files_total) if self.files_total else 0.0
        d["rejected"] = [{"file": Path(p["source"]).name, "reason": p["message"]}
                         for p in (self.summary or {}).get("problems", [])
                         if p.get("severity") == "error"]
        if self.summary:  # the server's folders stay private
            d["summary"] = {**self.summary, "problems": [
                {**p, "source": Path(p["source"]).name}
                for p in self.summary.get("problems", [])]}
        return d


ACTIVE = ("queued", "running")


class Jobs:
    """One worker thread: ingests run one at a time, in order. Each job's state is
    kept in ``DATA/jobs/ID.json``, so that a restarted server lists past jobs and
    queues again those that had not finished (re-ingesting adds nothing twice: the
    store skips documents it holds, and holds only whole ones)."""

    def __init__(self, registry: Registry, settings: dict[str, Any]) -> None:
        self.registry = registry
        self.settings = upload_settings(settings)
        self._jobs: dict[str, Job] = {}
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-ingest")

    def upload_dir(self, job_id: str) -> Path:
        return self.registry.data_dir / "uploads" / job_id

    def _state_file(self, job_id: str) -> Path:
        return self.registry.data_dir / "jobs" / f"{job_id}.json"

    def save(self, job: Job) -> None:
        path = self._state_file(job.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(job), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def resume(self) -> None:
        """Load the jobs a previous server left; queue again those not finished."""
        folder = self.registry.data_dir / "jobs"
        found = []
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                found.append(Job(**json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError, TypeError) as exc:
                print(f"skipping job state {path.name}: {exc}")
        for job in sorted(found, key=lambda j: j.created):
            with self._lock:
                if job.id in self._jobs:
                    continue
                self._jobs[job.id] = job
            if job.state in ACTIVE:
                if job.cancel_requested:
                    self._finish(job, "cancelled")
                    continue
                job.state, job.resumed = "queued", job.resumed + 1
                job.files_done, job.documents, job.current = 0, 0, None
                self.save(job)
                self._futures[job.id] = self._pool.submit(self._run, job)

    def new_id(self) -> str:
        return uuid.uuid4().hex[:12]

    def submit(self, job_id: str, collection: str, files: list[Path]) -> Job:
        job = Job(job_id, collection, [str(f) for f in files], files_total=len(files))
        with self._lock:
            self._jobs[job.id] = job
        self.save(job)
        self._futures[job.id] = self._pool.submit(self._run, job)
        return job

    def retry(self, collection: str) -> Job:
        """A job that ingests again the uploaded files of the collection's documents
        whose analysis failed (the store redoes those and skips the rest)."""
        uploads = (self.registry.data_dir / "uploads").resolve()
        failed = self.registry.get(collection).store.unanalysed()
        files = sorted({Path(f["source"]) for f in failed})
        kept = [f for f in files if f.resolve().is_relative_to(uploads) and f.is_file()]
        if not kept:
            raise WebError(f"collection {collection!r} has no document to retry whose "
                           "uploaded file is still here" if failed else
                           f"collection {collection!r} has no failed analysis to retry",
                           status=409, code="nothing_to_retry")
        return self.submit(self.new_id(), collection, kept)

    def cancel(self, job_id: str) -> Job:
        """Cancel a job: a queued one never starts; a running one stops before its next
        document (what it stored so far stays, whole documents only)."""
        job = self.get(job_id)
        if job.state not in ACTIVE:
            raise WebError(f"job {job_id} is {job.state}: nothing to cancel", status=409,
                           code="finished")
        job.cancel_requested = True
        future = self._futures.get(job.id)
        if job.state == "queued" and future is not None and future.cancel():
            self._finish(job, "cancelled")
        else:
            self.save(job)
        return job

    def _finish(self, job: Job, state: str) -> None:
        job.state, job.current = state, None
        job.finished = datetime.now(UTC).isoformat(timespec="seconds")
        self.save(job)

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no ingest job {job_id!r}")
        return job

    def all(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)

    def _run(self, job: Job) -> None:
        seen: set[str] = set()

        def tick(source: str) -> None:
            if job.cancel_requested:
                raise Cancelled
            job.documents += 1
            if source not in seen:
                seen.add(source)
                job.files_done = len(seen) - 1
                job.current = Path(source).name

        if job.cancel_requested:
            self._finish(job, "cancelled")
            return
        missing = [Path(f).name for f in job.files if not Path(f).exists()]
        if missing:
            job.error = f"uploaded file(s) gone: {', '.join(missing)}"
            self._finish(job, "failed")
            return
        try:
            path = self.registry.begin_write(job.collection)
        except Exception as exc:
            job.error = str(exc)
            self._finish(job, "failed")
            return
        job.state = "running"
        self.save(job)
        state = "failed"
        try:
            with Store(path, write_batch=int(self.settings["write_batch"])) as store:
                store.start_run(job.files)
                dedup = store.deduplicator(float(self.settings["near_duplicate_threshold"]),
                                           int(self.settings["minhash_permutations"]),
                                           int(self.settings["dedup_window"]))
                summary = run(job.files, store, self.settings, dedup, progress=tick)
                store.finish_run(summary)
            job.summary = summary.to_dict()
            job.files_done, state = job.files_total, "done"
        except Cancelled:
            state = "cancelled"
        except Exception as exc:  # the job page says what failed; serving goes on
            job.error = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        finally:
            self.registry.end_write(job.collection)
            self._finish(job, state)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
