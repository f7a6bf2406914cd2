"""eval/round.py: the side-by-side table of two rounds' figures."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "round.py"


@pytest.fixture(scope="module")
def rnd() -> SimpleNamespace:
    return SimpleNamespace(**runpy.run_path(str(SCRIPT)))


def _round(folder: Path, runs: dict[str, dict]) -> Path:  # type: ignore[type-arg]
    folder.mkdir()
    for name, res in runs.items():
        (folder / f"{name}.json").write_text(json.dumps(res), encoding="utf-8")
    return folder


def _row(text: str, label: str) -> list[str]:
    line = next(ln for ln in text.splitlines() if ln.startswith(label))
    return line[len(label):].split()


def test_table_puts_rounds_side_by_side(rnd, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _round(tmp_path / "before", {"zsp-B": {"shown": 173, "shown_type_dyad_right": 0.705},
                                          "polnear-B": {"content_jaccard": {"f1": 0.677}}})
    after = _round(tmp_path / "after", {"zsp-B": {"shown": 161, "shown_type_dyad_right": 0.727}})
    text = rnd.table([before, after])
    assert _row(text, "ZSP B shown type+dyad right") == ["0.705", "0.727"]
    assert _row(text, "ZSP B shown ") == ["173", "161"]
    # a run missing from a round, or a figure missing from a run: a dash, not a zero
    assert _row(text, "PolNeAR B (measure only) content J F1") == ["0.677", "—"]
    assert _row(text, "ZSP B (measure only) coverage") == ["—", "—"]


@pytest.mark.parametrize(("res", "key", "want"), [
    ({"all": {"precision": 0.9}}, "all.precision", 0.9),
    ({"all": {"precision": 0.9}}, "all.recall", None),
    ({"all": 0.9}, "all.precision", None),
    ({}, "shown", None),
])
def test_figure_reads_a_dotted_key(rnd, res: dict, key: str, want: object) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert rnd.figure(res, key) == want


def test_run_names_the_evaluation_that_failed(rnd, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checkout = tmp_path / "checkout"
    (checkout / "eval").mkdir(parents=True)
    (checkout / "eval" / "ok.py").write_text(
        "import json, sys\njson.dump({'shown': 3}, open(sys.argv[-1], 'w'))\n", encoding="utf-8")
    (checkout / "eval" / "bad.py").write_text("raise SystemExit('no data here')\n",
                                              encoding="utf-8")
    monkeypatch.setitem(rnd.run.__globals__, "RUNS", {"zsp-B": ["ok.py"], "plover": ["bad.py"]})
    out = tmp_path / "out"
    assert rnd.run(out, checkout) == ["plover"]
    assert json.loads((out / "zsp-B.json").read_text(encoding="utf-8")) == {"shown": 3}
    assert "no data here" in (out / "plover.txt").read_text(encoding="utf-8")
