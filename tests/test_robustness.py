"""No silent loss, no lost run: every input is analysed or reported, and one bad
input costs only itself (issue 21)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.pipeline import WORKER_DIED, Sink, run
from dossier.records import DocumentResult
from dossier.settings import load_settings
from dossier.store import Store

FEED_TEXT = ("Prime Minister Rishi Sunak visited Kyiv on day {i}. He said Britain would send "
             "more aid, and President Volodymyr Zelensky thanked him.")


class _Records(Sink):
    def __init__(self) -> None:
        self.results: list[DocumentResult] = []

    def write(self, result: DocumentResult) -> None:
        self.results.append(result)

    def records(self) -> list[dict]:
        return [r for res in self.results for r in res.records()]


def _feed(path: Path, n: int = 12, marked: int | None = None, mark: str = "BOOM") -> Path:
    rows = []
    for i in range(n):
        text = FEED_TEXT.format(i=i) + (f" {mark}" if i == marked else "")
        rows.append(json.dumps({"text": text, "url": f"https://example.org/{i}",
                                "date": "2023-11-19"}))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _fragile(monkeypatch: pytest.MonkeyPatch, mark: str, die: bool = False) -> None:
    """The quote finder breaks (or kills its process) on a document holding ``mark``."""
    import dossier.analysis

    real = dossier.analysis.extract_quotes

    def fragile(parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mark in parsed.text:
            if die:
                os._exit(3)
            raise RuntimeError("bad document")
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(dossier.analysis, "extract_quotes", fragile)


# -- defect 1: the same document twice in one run ------------------------------------

@pytest.mark.parametrize("how", ["same path twice", "a copy", "jsonl copies"])
def test_the_same_document_twice_in_one_run_is_read_once(tmp_path: Path, how: str) -> None:
    first = _feed(tmp_path / "a.jsonl")
    if how == "same path twice":
        inputs = [first, first]
    else:
        second = tmp_path / ("b.jsonl" if how == "jsonl copies" else "copy.jsonl")
        shutil.copy(first, second)
        inputs = [first, second]
    settings = load_settings(overrides={"workers": "2", "parallel_min_chars": "0"})
    with Store(tmp_path / "s.duckdb", write_batch=4) as store:
        summary = run(inputs, store, settings, store.deduplicator(0.8, 128))
        counts = store.counts()
    assert summary.errors == []
    assert summary.repeated == 12 and summary.documents == 12
    assert counts["documents"] == counts["articles"] == 12
    assert counts["quotes"] >= 12


# -- defects 2 and 4: text too long for the parser ------------------------------------

def test_a_paragraph_of_one_repeated_word_does_not_crash(tmp_path: Path) -> None:
    """'said ' * 35000 overflowed spaCy's stack (SIGSEGV, no error line)."""
    path = tmp_path / "said.txt"
    path.write_text("said " * 35000, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "dossier", "extract", str(path)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["kind"] for r in records] == ["article"]
    assert (records[0]["start"], records[0]["end"]) == (0, 35000 * 5 - 1)


def _one_line(tmp_path: Path, demo_text: str, monkeypatch: pytest.MonkeyPatch,
              copies: int = 1, **overrides: str) -> tuple[str, _Records, object]:
    """The demo's articles on one line (``copies`` times), run with spaCy's max_length
    lowered to 8,000 characters: (the line, the records, the summary)."""
    import dossier.clean.chunk as chunk
    from dossier.analysis import analysers

    one = " ".join(demo_text.split())
    line = " ".join(one.replace("China", f"China{i}") for i in range(copies))
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    monkeypatch.setattr(analysers(None, ()).nlp, "max_length", 8000)
    monkeypatch.setattr(chunk, "LINE_MAX_CHARS", 5000)
    sink = _Records()
    summary = run([path], sink, load_settings(overrides={
        "segment_text": "false", "workers": "1", "published": "2024-05-16", **overrides}))
    assert len(line) > 8000 and summary.errors == [] and summary.unanalysed == 0
    return line, sink, summary


def test_no_nlp_job_is_over_the_models_limit(tmp_path: Path, demo_text: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A dump on one line longer than spaCy's max_length is analysed in pieces, every
    record at offsets into the file (here the limit is lowered to the demo's size)."""
    line, sink, _summary = _one_line(tmp_path, demo_text, monkeypatch)
    records = sink.records()
    assert sum(r["kind"] == "quote" for r in records) >= 10
    assert sum(r["kind"] == "mention" for r in records) >= 50
    for r in records:
        if r["kind"] in ("mention", "quote"):
            assert line[r["start"] : r["end"]] == r["text"]


def _spans(value: object) -> list[tuple[int, int, str]]:
    """Every (start, end, text) inside a record's JSON shape, nested parts included."""
    out: list[tuple[int, int, str]] = []
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            out.append((value["start"], value["end"], value["text"]))
        for v in value.values():
            out.extend(_spans(v))
    elif isinstance(value, list):
        for v in value:
            out.extend(_spans(v))
    return out


def test_every_span_of_a_streamed_line_over_the_models_limit_is_in_the_file(
        tmp_path: Path, demo_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file on one unbroken line longer than nlp.max_length, streamed in parts: every
    article, dropped span, mention, quote and event (with its speaker, cue, trigger
    and actors) points at its words in the file, not into its part."""
    line, sink, _summary = _one_line(tmp_path, demo_text, monkeypatch, copies=2,
                                     stream_chunk_mb="0.01")
    assert len(sink.results) > 1  # streamed: several parts
    assert any(r.document.offset > 0 and r.quotes for r in sink.results)
    kinds = {r["kind"] for r in sink.records()}
    assert {"article", "mention", "quote", "event"} <= kinds
    for res in sink.results:
        for a in res.articles:
            assert line[a.start : a.end] == a.text
    spans = [s for r in sink.records() for s in _spans(r)]
    assert len(spans) > 200
    assert [s for s in spans if line[s[0] : s[1]] != s[2]] == []


# -- defect 3: a worker that dies -------------------------------------------------------

def test_a_dead_worker_costs_only_its_document(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _fragile(monkeypatch, "DIE", die=True)
    sink = _Records()
    summary = run([_feed(tmp_path / "f.jsonl", marked=5, mark="DIE")], sink,
                  load_settings(overrides={"workers": "2", "parallel_min_chars": "0"}))
    assert [p.message for p in summary.problems] == [f"NLP failed: {WORKER_DIED}"]
    assert summary.unanalysed == 1
    states = [r.state for r in sink.results]
    assert states.count("failed") == 1 and states.count("analysed") == 11
    quoted = {r["article_id"] for r in sink.records() if r["kind"] == "quote"}
    assert len(quoted) == 11 and len(sink.results) == 12


# -- document state: stored without analysis, retried ------------------------------------

def test_a_failed_analysis_is_stored_as_such_and_retried(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = _feed(tmp_path / "f.jsonl", marked=5)
    db = tmp_path / "s.duckdb"
    settings = load_settings(overrides={"workers": "1"})
    with pytest.MonkeyPatch.context() as mp:
        _fragile(mp, "BOOM")
        with Store(db) as store:
            first = run([feed], store, settings, store.deduplicator(0.8, 128))
            store.flush()
            failed = store.unanalysed()
            before = store.counts()
    assert first.unanalysed == 1
    assert [(f["locator"], f["reason"]) for f in failed] == [
        ("line 6", "RuntimeError: bad document")]
    with Store(db) as store:
        again = run([feed], store, settings, store.deduplicator(0.8, 128))
        store.flush()
        assert store.unanalysed() == []
        after = store.counts()
        states = dict(store.con.execute(
            "SELECT state, count(*) FROM documents GROUP BY state").fetchall())
    assert (again.already_stored, again.documents, again.unanalysed) == (11, 1, 0)
    assert states == {"analysed": 12}
    assert after["documents"] == before["documents"] == 12
    assert after["articles"] == 12 and after["quotes"] > before["quotes"]
    with Store(db) as store:  # and now nothing is left to do
        third = run([feed], store, settings, store.deduplicator(0.8, 128))
    assert (third.already_stored, third.documents) == (12, 0)


def test_ingest_says_what_was_stored_without_analysis_and_exits_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from dossier.cli import main

    _fragile(monkeypatch, "BOOM")
    folder = tmp_path / ("a-long-folder-name-" * 4)  # the error line is over 80 columns
    folder.mkdir()
    feed = _feed(folder / "f.jsonl", marked=5)
    out = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(tmp_path / "s.duckdb"),
                                    "--workers", "1"])
    assert out.exit_code == 1, out.output
    assert "1 document(s) stored without analysis" in out.output
    # one line per problem, however long, when the output is not a terminal
    line = next(x for x in out.output.splitlines() if x.startswith("error:"))
    assert line == f"error: {feed}: NLP failed: RuntimeError: bad document"


# -- defect 9: no orphan workers ----------------------------------------------------------

def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_the_ingest_that_started_them(
        tmp_path: Path, demo_text: str, sig: int) -> None:
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(f"Edition {i}.\n" + demo_text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dossier", "ingest", str(tmp_path), "--db",
         str(tmp_path / "s.duckdb"), "--workers", "2", "--json"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    workers: set[int] = set()
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.5)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(2)  # let them get to work
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    end = time.time() + 10
    while time.time() < end and any(_alive(w) for w in workers):
        time.sleep(0.2)
    orphans = [w for w in workers if _alive(w)]
    for w in orphans:  # not left behind by a failing test
        os.kill(w, signal.SIGKILL)
    assert orphans == [], f"orphan workers after {sig!r}"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


# -- a stuck document, a native crash in single-process mode ------------------------------

def _stuck(monkeypatch: pytest.MonkeyPatch, mark: str) -> None:
    """The quote finder never returns on a document holding ``mark`` (as a regex gone
    exponential or a parser loop would)."""
    import dossier.analysis

    real = dossier.analysis.extract_quotes

    def stuck(parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mark in parsed.text:
            time.sleep(3600)
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(dossier.analysis, "extract_quotes", stuck)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_stuck_document_costs_only_itself_and_is_retried(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str) -> None:
    """A worker that holds one document past max_document_seconds is killed and
    replaced: that document is stored as failed with the reason, the others are
    analysed, and a re-ingest retries it."""
    from dossier.pipeline import too_slow

    feed = _feed(tmp_path / "f.jsonl", marked=5, mark="STUCK")
    db = tmp_path / "s.duckdb"
    settings = load_settings(overrides={"workers": workers, "parallel_min_chars": "0",
                                        "max_document_seconds": "4"})
    started = time.monotonic()
    with pytest.MonkeyPatch.context() as mp, Store(db) as store:
        _stuck(mp, "STUCK")
        first = run([feed], store, settings, store.deduplicator(0.8, 128))
        store.flush()
        failed = store.unanalysed()
    assert time.monotonic() - started < 120
    assert [p.message for p in first.problems] == [f"NLP failed: {too_slow(4)}"]
    assert [(f["locator"], f["reason"]) for f in failed] == [("line 6", too_slow(4))]
    assert (first.documents, first.unanalysed) == (12, 1)
    with Store(db) as store:
        again = run([feed], store, settings, store.deduplicator(0.8, 128))
        store.flush()
        assert store.unanalysed() == []
    assert (again.already_stored, again.documents, again.unanalysed) == (11, 1, 0)


_CRASH = """
import json, os, signal, sys
import dossier.analysis
from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store

real = dossier.analysis.extract_quotes
def crash(parsed, *args, **kwargs):
    if "CRASH" in parsed.text:
        os.kill(os.getpid(), signal.SIGSEGV)  # as a stack overflow in native code does
    return real(parsed, *args, **kwargs)
dossier.analysis.extract_quotes = crash
with Store(sys.argv[2]) as store:
    summary = run([sys.argv[1]], store, load_settings(overrides={"workers": "1"}),
                  store.deduplicator(0.8, 128))
    store.flush()
    print(json.dumps({"summary": summary.to_dict(), "failed": store.unanalysed()}))
"""


def test_a_native_crash_in_single_process_mode_costs_only_its_document(
        tmp_path: Path) -> None:
    """With --workers 1 a segfault in the NLP killed the run with no word of which
    document did it; the NLP runs in a guarded child process, so it costs that
    document (stored as failed, retried on re-ingest) and the run goes on."""
    feed = _feed(tmp_path / "f.jsonl", marked=5, mark="CRASH")
    script = tmp_path / "crash.py"
    script.write_text(_CRASH, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script), str(feed), str(tmp_path / "s.duckdb")],
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.splitlines()[-1])
    assert (got["summary"]["documents"], got["summary"]["unanalysed"]) == (12, 1)
    assert [(f["locator"], f["reason"]) for f in got["failed"]] == [("line 6", WORKER_DIED)]
    with Store(tmp_path / "s.duckdb") as store:  # the rerun retries it (here it works)
        again = run([feed], store, load_settings(overrides={"workers": "1"}),
                    store.deduplicator(0.8, 128))
        store.flush()
        assert store.unanalysed() == []
    assert (again.already_stored, again.documents, again.unanalysed) == (11, 1, 0)
