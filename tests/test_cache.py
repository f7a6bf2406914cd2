"""Compiled tables: built once, read back while their inputs stay the same."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dossier.cache import compiled


@pytest.fixture()
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "cache"))
    return []


def _build(builds: list[int]):  # type: ignore[no-untyped-def]
    def build() -> dict[str, int]:
        builds.append(1)
        return {"n": len(builds)}
    return build


def test_a_table_is_built_once_for_the_same_inputs(builds: list[int]) -> None:
    assert compiled("t", ["a", b"b"], _build(builds)) == {"n": 1}
    assert compiled("t", ["a", b"b"], _build(builds)) == {"n": 1}
    assert len(builds) == 1


@pytest.mark.parametrize("inputs", [["a", b"c"], ["a"], ["ab", b""]])
def test_changed_inputs_build_afresh(builds: list[int], inputs: list[str | bytes]) -> None:
    compiled("t", ["a", b"b"], _build(builds))
    assert compiled("t", inputs, _build(builds)) == {"n": 2}


def test_a_broken_cache_file_is_built_again(builds: list[int], tmp_path: Path) -> None:
    compiled("t", ["a"], _build(builds))
    for f in (tmp_path / "cache").glob("t-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert compiled("t", ["a"], _build(builds)) == {"n": 2}


def test_caching_off_or_unwritable_still_builds(builds: list[int], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", "off")
    compiled("t", ["a"], _build(builds))
    compiled("t", ["a"], _build(builds))
    assert len(builds) == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(blocker / "sub"))  # a file in the way
    assert compiled("t", ["a"], _build(builds)) == {"n": 3}


def test_an_entry_unread_for_a_week_goes_when_another_is_written(builds: list[int],
                                                                  tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    week_ago = time.time() - 8 * 24 * 3600
    entries = []
    for inputs in (["old"], ["recent"]):
        compiled("t", inputs, _build(builds))
        entries.append(next(p for p in cache.glob("t-*.pickle") if p not in entries))
        os.utime(entries[-1], (week_ago, week_ago))
    compiled("tt", ["another name"], _build(builds))
    other = next(cache.glob("tt-*.pickle"))
    os.utime(other, (week_ago, week_ago))
    old, recent = entries
    assert compiled("t", ["recent"], _build(builds)) == {"n": 2}  # read: not stale now
    compiled("t", ["new"], _build(builds))
    assert not old.exists() and recent.exists() and other.exists()
    assert len(list(cache.glob("t-*.pickle"))) == 2 and len(builds) == 4


def test_the_gazetteer_is_compiled_and_a_changed_user_file_builds_afresh(
        builds: list[int], tmp_path: Path) -> None:
    from dossier.gazetteer.actors import load_gazetteer

    load = load_gazetteer.__wrapped__  # past the per-process cache: the user cache's turn
    user = tmp_path / "countries.tsv"
    fixture = (Path(__file__).parent / "fixtures" / "gazetteer" / "countries.tsv").read_text()
    user.write_text(fixture, encoding="utf-8")
    first = load((user,))
    assert [a.name for a in first.by_name("Freedonia")] == ["Freedonia"]
    assert len(list((tmp_path / "cache").glob("gazetteer-*.pickle"))) == 1
    again = load((user,))  # read back: the same tables
    assert again is not first and vars(again) == vars(first)
    user.write_text(fixture.replace("Freedonia", "Grand Fenwick"), encoding="utf-8")
    changed = load((user,))
    assert changed.by_name("Freedonia") == [] and changed.by_name("Grand Fenwick")
    assert len(list((tmp_path / "cache").glob("gazetteer-*.pickle"))) == 2


def test_a_half_written_entry_left_by_a_killed_process_goes(builds: list[int],
                                                             tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    compiled("t", ["a"], _build(builds))
    hour_ago = time.time() - 2 * 3600
    left, writing = cache / "tmpold.tmp", cache / "tmpnow.tmp"  # killed; another process's
    for f in (left, writing):
        f.write_bytes(b"half")
    os.utime(left, (hour_ago, hour_ago))
    compiled("t", ["b"], _build(builds))
    assert not left.exists() and writing.exists()


def test_another_python_builds_its_own_entry(builds: list[int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    compiled("t", ["a"], _build(builds))
    monkeypatch.setattr(sys, "version_info", (3, 99, 0, "final", 0))
    assert compiled("t", ["a"], _build(builds)) == {"n": 2}


def test_a_mapped_entry_reads_its_arrays_in_place(builds: list[int], tmp_path: Path) -> None:
    """``mapped=True`` (the language identifier's tables): the arrays come back equal,
    as read-only views of the mapped file (no copy); a truncated entry is built again;
    the plain entry of the same name and inputs is another file."""
    from array import array

    import numpy as np

    def build() -> dict[str, object]:
        builds.append(1)
        return {"big": np.arange(3000, dtype=np.float16).reshape(100, 30), "small": [1, "two"],
                "states": np.frombuffer(array("I", range(50)), dtype=np.uint32)}

    first = compiled("m", ["a"], build, mapped=True)
    again = compiled("m", ["a"], build, mapped=True)
    assert len(builds) == 1 and again["small"] == [1, "two"]
    assert np.array_equal(again["big"], first["big"]) and again["big"].dtype == np.float16
    assert not again["big"].flags.writeable and not again["big"].flags.owndata
    assert memoryview(again["states"])[7] == 7 and isinstance(memoryview(again["states"])[7], int)
    for f in (tmp_path / "cache").glob("m-*.pickle"):
        f.write_bytes(f.read_bytes()[:-100])
    assert np.array_equal(compiled("m", ["a"], build, mapped=True)["big"], first["big"])
    assert len(builds) == 2
    compiled("m", ["a"], build)
    assert len(builds) == 3


def test_a_changed_data_file_is_parsed_afresh(builds: list[int], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.data as data

    monkeypatch.setattr(data, "data_path", lambda name: tmp_path / name)
    words = tmp_path / "words.toml"
    for text, want in (('w = ["a"]\n', ["a"]), ('w = ["a"]\n', ["a"]), ('w = ["b"]\n', ["b"])):
        words.write_text(text, encoding="utf-8")
        assert data.load_toml.__wrapped__("words.toml") == {"w": want}
    assert len(list((tmp_path / "cache").glob("toml-words-*.pickle"))) == 2
