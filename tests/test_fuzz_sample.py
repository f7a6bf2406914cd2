"""A small sample of the fuzz corpus (benchmarks/fuzz_corpus.py; the full run is
benchmarks/fuzz.py): bad inputs of every kind beside good files, in one run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dossier.pipeline import run
from dossier.settings import load_settings
from dossier.store import Store

CORPUS = Path(__file__).parents[1] / "benchmarks" / "fuzz_corpus.py"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fuzz_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_corpus"] = module
    spec.loader.exec_module(module)
    return module


def test_every_kind_of_bad_input_is_generated_the_same_each_time(corpus) -> None:  # type: ignore[no-untyped-def]
    first = list(corpus.bad_inputs(120, seed=5))
    assert first == list(corpus.bad_inputs(120, seed=5))
    kinds = {name.split("-")[1].split(".")[0] for name, _ in first}
    assert kinds == {g.__name__.strip("_") for g in corpus.GENERATORS}


def test_bad_inputs_cost_only_themselves(tmp_path: Path, corpus) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    bad = list(corpus.bad_inputs(24, seed=7))
    good = list(corpus.good_inputs(3, seed=7))
    for name, data in [*bad, *good]:
        (folder / name).write_bytes(data)
    settings = load_settings(overrides={"workers": "1", "max_file_seconds": "60"})
    with Store(tmp_path / "s.duckdb") as store:
        summary = run([folder], store, settings, store.deduplicator(0.8, 128))
        store.flush()
        states = dict(store.con.execute(
            "SELECT source, state FROM documents WHERE source LIKE '%good%'").fetchall())
        mentions = dict(store.con.execute(
            "SELECT source, count(*) FROM mentions WHERE source LIKE '%good%' "
            "GROUP BY source").fetchall())
    assert not [p for p in summary.problems if "unexpected" in p.message]
    assert all(p.source.startswith(str(folder)) for p in summary.problems)
    assert states == {str(folder / name): "analysed" for name, _ in good}
    assert set(mentions) == set(states)
    assert len(summary.files) == len(bad) + len(good)  # every input analysed or reported
