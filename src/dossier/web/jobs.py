"""Ingest from the browser: uploaded files and pasted text go to a folder under the
data dir, and one background worker runs the library pipeline into the
collection's own store. The job's status (a dict) is what the page polls."""

from __future__ import annotations

import re
import threading
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.pipeline import run
from dossier.store import Store
from dossier.web.sources import NotFound, Registry

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, n: int) -> str:
    base = _SAFE.sub("_", Path(name or "").name).strip("._") or f"upload-{n}.txt"
    return f"{n:03d}-{base}"[:120]


@dataclass
class Job:
    id: str
    collection: str
    files: list[str]
    state: str = "queued"  # queued | running | done | failed
    files_total: int = 0
    files_done: int = 0
    documents: int = 0  # documents read so far (a WARC or feed file holds many)
    current: str | None = None
    summary: dict[str, Any] | None = None
    error: str | None = None
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    finished: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["files"] = [Path(f).name for f in self.files]
        d["progress"] = (self.files_done / self.files_total) if self.files_total else 0.0
        return d


class Jobs:
    """One worker thread: ingests run one at a time, in order."""

    def __init__(self, registry: Registry, settings: dict[str, Any]) -> None:
        self.registry = registry
        self.settings = settings
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-ingest")

    def upload_dir(self, job_id: str) -> Path:
        return self.registry.data_dir / "uploads" / job_id

    def new_id(self) -> str:
        return uuid.uuid4().hex[:12]

    def submit(self, job_id: str, collection: str, files: list[Path]) -> Job:
        job = Job(job_id, collection, [str(f) for f in files], files_total=len(files))
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job)
        return job

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
            job.documents += 1
            if source not in seen:
                seen.add(source)
                job.files_done = len(seen) - 1
                job.current = Path(source).name

        try:
            path = self.registry.begin_write(job.collection)
        except Exception as exc:
            job.state, job.error = "failed", str(exc)
            return
        job.state = "running"
        try:
            with Store(path, write_batch=int(self.settings["write_batch"])) as store:
                store.start_run(job.files)
                dedup = store.deduplicator(float(self.settings["near_duplicate_threshold"]),
                                           int(self.settings["minhash_permutations"]),
                                           int(self.settings["dedup_window"]))
                summary = run(job.files, store, self.settings, dedup, progress=tick)
                store.finish_run(summary)
            job.summary = summary.to_dict()
            job.files_done, job.current, job.state = job.files_total, None, "done"
        except Exception as exc:  # the job page says what failed; serving goes on
            job.state = "failed"
            job.error = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        finally:
            job.finished = datetime.now(UTC).isoformat(timespec="seconds")
            self.registry.end_write(job.collection)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
