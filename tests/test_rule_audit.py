"""eval/rule_audit.py: the records a rule changes, as a blind sheet and its key."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"


@pytest.fixture(scope="module")
def rule_audit():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location("rule_audit", EVAL / "rule_audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mention(start: int, actor: str) -> dict[str, Any]:
    return {"kind": "mention", "source": "p.html", "article_id": "a1", "start": start,
            "end": start + 5, "actor_id": actor, "confidence": 0.9}


@pytest.mark.parametrize("on, off, expected", [
    ([_mention(0, "sanders")], [_mention(0, "USA")], [("off", "USA"), ("on", "sanders")]),
    ([_mention(0, "sanders"), _mention(9, "biden")], [_mention(9, "biden")],
     [("on", "sanders")]),
    # a confidence that moved is no change; nor is the same record twice
    ([_mention(0, "sanders") | {"confidence": 0.5}], [_mention(0, "sanders")], []),
    ([{"kind": "quote"}], [], []),  # another kind is not looked at
])
def test_only_what_one_run_makes_is_changed(rule_audit, on, off, expected) -> None:  # type: ignore[no-untyped-def]
    got = rule_audit.changed("mention", on, off)
    assert sorted((v, r["actor_id"]) for v, r in got) == sorted(expected)


@pytest.mark.parametrize("on, off, expected", [
    # a confidence moved across the floor: shown only with the rule off
    ([_mention(0, "sanders") | {"confidence": 0.2}], [_mention(0, "sanders")],
     [("off", "sanders")]),
    # moved but shown in both runs, or hidden in both: no change
    ([_mention(0, "sanders") | {"confidence": 0.7}], [_mention(0, "sanders")], []),
    ([_mention(0, "sanders") | {"confidence": 0.1}], [_mention(0, "sanders") | {
        "confidence": 0.3}], []),
    # a record only one run makes counts only where it is shown
    ([_mention(0, "sanders") | {"confidence": 0.3}], [], []),
])
def test_with_a_floor_what_is_shown_is_changed(rule_audit, on, off, expected) -> None:  # type: ignore[no-untyped-def]
    got = rule_audit.changed("mention", on, off, floor=0.6)
    assert sorted((v, r["actor_id"]) for v, r in got) == sorted(expected)


def _mentions_sheet(sheet: Path) -> Path:
    """A marked mention sheet of four rows: right, absurd, right, unmarked."""
    cols = ["n", "file", "article", "start", "end", "mention", "actor", "via", "type",
            "confidence", "context", "link", "absurd", "note"]
    marks = [("y", "n"), ("n", "y"), ("y", "n"), ("", "")]
    with sheet.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for i, (link, absurd) in enumerate(marks):
            w.writerow({c: "x" for c in cols} | {"n": str(i + 1), "link": link,
                                                "absurd": absurd})
    return sheet


def test_count_adds_up_each_version_by_the_key(rule_audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = _mentions_sheet(tmp_path / "s.tsv")
    key = {"rule": "actors.x.y", "pages": "held-apart", "kind": "mention",
           "version": {"1": "on", "2": "off", "3": "on", "4": "off"}}
    (tmp_path / "s.tsv.key.json").write_text(json.dumps(key))
    got = rule_audit.count(sheet)
    assert got["on"] == {"rows": 2, "marked": 2, "right": 2, "link": 2, "absurd": 0}
    assert got["off"] == {"rows": 2, "marked": 1, "right": 0, "link": 0, "absurd": 1}


def test_a_rule_name_nothing_has_is_an_error(rule_audit, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "s.tsv"
    assert rule_audit.sheet("events.precision.no_such_rule", "held-apart", "event", out) == 2
    assert "events.precision.no_such_rule: no registered rule" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("content", [None, "n\tfile\n"])
def test_a_sheet_with_no_key_or_no_rows_is_an_error(rule_audit, tmp_path: Path, capsys,
                                                     content) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "s.tsv"
    if content is None:  # a marked sheet, its key lost
        _mentions_sheet(sheet)
    else:
        sheet.write_text(content, encoding="utf-8")
    assert rule_audit.main(["count", str(sheet)]) == 2
    assert str(sheet) in capsys.readouterr().err


def _dump(path: Path, pages: str, records: list[dict[str, Any]]) -> Path:
    import gzip

    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump({"pages": pages, "records": records, "texts": {"a1": "Bernie Sanders."}}, f)
    return path


def test_diff_of_two_dumps_is_a_blind_sheet_with_its_key(rule_audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = {"actor_name": "Bernie Sanders", "via": "name", "type": "person",
         "text": "Bernie"}
    old = _dump(tmp_path / "old.json.gz", "wikinews",
                [_mention(0, "USA") | m, _mention(9, "biden") | m])
    new = _dump(tmp_path / "new.json.gz", "wikinews",
                [_mention(0, "sanders") | m, _mention(9, "biden") | m])
    out = tmp_path / "d.tsv"
    assert rule_audit.diff(old, new, "mention", out) == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    key = json.loads((tmp_path / "d.tsv.key.json").read_text())
    assert len(rows) == 2 and sorted(key["version"].values()) == ["off", "on"]
    assert key["pages"] == "wikinews"


def test_diff_of_dumps_of_other_pages_is_an_error(rule_audit, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    old = _dump(tmp_path / "old.json.gz", "wikinews", [])
    new = _dump(tmp_path / "new.json.gz", "held-apart", [])
    assert rule_audit.diff(old, new, "mention", tmp_path / "d.tsv") == 2
    assert "dump both of the same pages" in capsys.readouterr().err
    assert rule_audit.diff(tmp_path / "none.json.gz", new, "mention", tmp_path / "d.tsv") == 2
