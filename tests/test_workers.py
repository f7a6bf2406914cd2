"""Two worker processes give the same records as one."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from dossier.ingest import read_inputs
from dossier.pipeline import Sink, run
from dossier.records import DocumentResult
from dossier.settings import load_settings


class _Records(Sink):
    def __init__(self) -> None:
        self.records: list[dict] = []

    def write(self, result: DocumentResult) -> None:
        self.records.extend(result.records())


def test_two_workers_same_records_as_one(tmp_path: Path, demo_text: str) -> None:
    paras = demo_text.split("\n")
    for i in range(3):  # three different documents
        (tmp_path / f"d{i}.txt").write_text("\n".join(paras[i * 40 : i * 40 + 60]) + "\n",
                                            encoding="utf-8")
    one, two = _Records(), _Records()
    s1 = run([tmp_path], one, load_settings(overrides={"workers": "1",
                                                       "published": "2024-05-16"}))
    s2 = run([tmp_path], two, load_settings(overrides={"workers": "2",
                                                       "published": "2024-05-16"}))
    assert s1.errors == s2.errors == []
    assert one.records == two.records
    kinds = {r["kind"] for r in one.records}
    assert {"article", "mention", "quote"} <= kinds


def test_auto_workers_start_only_for_a_big_enough_batch(
        tmp_path: Path, demo_text: str, monkeypatch: object) -> None:
    import dossier.pipeline as pipeline

    started: list[int] = []
    real_pool = pipeline._pool

    def counting_pool(workers: int, settings: dict) -> object:
        started.append(workers)
        return real_pool(workers, settings)

    monkeypatch.setattr(pipeline, "_pool", counting_pool)  # type: ignore[attr-defined]
    paras = demo_text.split("\n")
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text("\n".join(paras[i * 40 : i * 40 + 60]) + "\n",
                                            encoding="utf-8")
    small, big = _Records(), _Records()
    run([tmp_path], small, load_settings(overrides={"workers": "0",
                                                    "parallel_min_chars": "10000000"}))
    assert started == [1]  # too little text: one worker process (the guard)
    started.clear()
    run([tmp_path], big, load_settings(overrides={"workers": "0", "parallel_min_chars": "0"}))
    assert started == [os.cpu_count() or 1]
    assert small.records == big.records


def _slow_start(settings: dict[str, Any]) -> None:
    time.sleep(120)  # a model that takes long to load


def test_the_worker_starts_with_the_run_and_an_idle_one_is_not_waited_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first worker is started before anything is read, so that it loads the
    model while the main process reads and cleans; a run that gives it nothing (an
    empty file) ends it at once instead of waiting for its model."""
    import dossier.pipeline as pipeline

    started: list[int] = []
    real_pool, real_cleaned = pipeline._pool, pipeline.cleaned

    def counting_pool(workers: int, settings: dict[str, Any]) -> Any:
        started.append(workers)
        return real_pool(workers, settings)

    def cleaned(*args: Any, **kwargs: Any) -> Any:
        assert started == [1], "read before the worker started"
        yield from real_cleaned(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_pool", counting_pool)
    monkeypatch.setattr(pipeline, "_init_worker", _slow_start)
    monkeypatch.setattr(pipeline, "cleaned", cleaned)
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    t = time.monotonic()
    summary = run([path], _Records(), load_settings(overrides={"workers": "1"}))
    assert started == [1] and time.monotonic() - t < 30
    assert [p.message for p in summary.problems] == ["file is empty (nothing to ingest)"]


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]


def test_the_guard_worker_runs_one_blas_thread() -> None:
    """A second BLAS thread competes with the main process's reading; on a busy
    machine it made the guard's first sentence cost 0.17 s of CPU instead of 0.01."""
    import dossier.pipeline as pipeline

    pool = pipeline._pool(1, load_settings())
    try:
        assert set(pool.submit(_blas_threads).result()) == {1}
    finally:
        pool.shutdown()


def test_a_long_dump_is_spread_over_the_workers(demo_path: Path, monkeypatch: object) -> None:
    import dossier.pipeline as pipeline

    settings = {"published": "2024-05-16"}
    one, two = _Records(), _Records()
    run([demo_path], one, load_settings(overrides={**settings, "workers": "1"}))
    monkeypatch.setattr(pipeline, "JOB_CHARS", 6000)  # type: ignore[attr-defined]
    result = pipeline.clean_document(
        next(iter(read_inputs([demo_path]))), load_settings())  # type: ignore[arg-type]
    jobs = pipeline.nlp_jobs(result)
    assert len(jobs) >= 3 and all(j.document.text == "" for j in jobs)
    assert [a for j in jobs for a in j.articles] == result.articles
    assert sorted((d for j in jobs for d in j.dropped), key=lambda d: d.start) == \
        [d for d in result.dropped if d.article_id]
    run([demo_path], two, load_settings(overrides={**settings, "workers": "2"}))
    assert one.records == two.records
    assert sum(r["kind"] == "quote" for r in two.records) > 20


def test_read_workers_give_the_records_of_one_reader(tmp_path: Path, demo_text: str) -> None:
    paras = demo_text.split("\n")
    for i in range(4):
        (tmp_path / f"d{i}.txt").write_text("\n".join(paras[i * 30 : i * 30 + 60]) + "\n",
                                            encoding="utf-8")
    one, many = _Records(), _Records()
    settings = {"nlp": "false", "published": "2024-05-16"}
    run([tmp_path], one, load_settings(overrides={**settings, "read_workers": "1"}))
    run([tmp_path], many, load_settings(overrides={**settings, "read_workers": "3"}))
    assert one.records == many.records
    assert sum(r["kind"] == "article" for r in one.records) >= 4
    # later copies of the same paragraphs are found as duplicates in both: order kept
    assert any(r.get("duplicate_of") for r in many.records if r["kind"] == "article")


def _feed(tmp_path: Path, n: int = 12, bad: int | None = None) -> Path:
    """A JSON Lines file of short one-article documents (as a feed or crawl gives)."""
    import json

    rows = []
    for i in range(n):
        text = (f"Prime Minister Rishi Sunak visited Kyiv on day {i}. He said Britain would "
                f"send more aid, and President Volodymyr Zelensky thanked him.")
        if i == bad:
            text += " BOOM"
        rows.append(json.dumps({"text": text, "url": f"https://example.org/{i}",
                                "date": "2023-11-19"}))
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


class _Sizes:
    """How many documents each analyse_many call got, kept in a file: the calls run in
    the NLP worker process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.clear()

    def add(self, n: int) -> None:
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(f"{n}\n")

    def list(self) -> list[int]:
        return [int(x) for x in self.path.read_text(encoding="utf-8").split()]

    def clear(self) -> None:
        self.path.write_text("", encoding="utf-8")


@pytest.fixture
def sizes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> _Sizes:
    """How many documents each analyse_many call of the run got."""
    import dossier.pipeline as pipeline

    seen = _Sizes(tmp_path / "sizes.txt")
    real = pipeline.analyse_many

    def spy(results: list[DocumentResult], settings: dict) -> None:
        seen.add(len(results))
        real(results, settings)

    monkeypatch.setattr(pipeline, "analyse_many", spy)
    return seen


def test_short_documents_parse_together_with_the_records_of_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sizes: _Sizes) -> None:
    """One-article documents share one nlp.pipe stream (spaCy is ~15% faster in
    batches), and their records are those of analysing each on its own."""
    import dossier.pipeline as pipeline

    feed = _feed(tmp_path)
    grouped = _Records()
    run([feed], grouped, load_settings(overrides={"workers": "1"}))
    assert max(sizes.list()) > 1
    monkeypatch.setattr(pipeline, "JOB_CHARS", 1)  # every document a job of its own
    sizes.clear()
    alone = _Records()
    run([feed], alone, load_settings(overrides={"workers": "1"}))
    assert max(sizes.list()) == 1
    assert grouped.records == alone.records
    assert sum(r["kind"] == "quote" for r in grouped.records) >= 12


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_that_breaks_the_nlp_costs_only_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str) -> None:
    import dossier.analysis

    real = dossier.analysis.extract_quotes

    def fragile(parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "BOOM" in parsed.text:
            raise RuntimeError("bad document")
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(dossier.analysis, "extract_quotes", fragile)
    sink = _Records()
    summary = run([_feed(tmp_path, bad=5)], sink, load_settings(overrides={"workers": workers}))
    assert [p.message for p in summary.problems if "NLP failed" in p.message] == [
        "NLP failed: RuntimeError: bad document"]
    quoted = {r["article_id"] for r in sink.records if r["kind"] == "quote"}
    articles = [r["id"] for r in sink.records if r["kind"] == "article"]
    assert len(articles) == 12 and len(quoted) == 11  # all but the bad one


def test_a_slow_stream_is_not_held_back_for_a_full_job(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sizes: _Sizes) -> None:
    """Short documents wait at most GROUP_SECONDS for company: past it, each goes on
    as it comes (here: always past it)."""
    import dossier.pipeline as pipeline

    monkeypatch.setattr(pipeline, "GROUP_SECONDS", -1.0)
    sink = _Records()
    run([_feed(tmp_path)], sink, load_settings(overrides={"workers": "1"}))
    assert sizes.list() == [1] * 12
    assert sum(r["kind"] == "article" for r in sink.records) == 12
