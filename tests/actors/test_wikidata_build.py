"""scripts/build_gazetteer_wikidata.py on a hand-made five-entity dump (fictional people,
real position items): humans holding configured positions become people and dated
roles in the gazetteer's format; others are skipped."""

from __future__ import annotations

import bz2
import gzip
import importlib.util
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from dossier.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[2]
DUMP = ROOT / "tests" / "fixtures" / "wikidata" / "mini-dump.json"
SCRIPT = ROOT / "scripts" / "build_gazetteer_wikidata.py"


@pytest.fixture(scope="module")
def build():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_gazetteer_wikidata", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


@pytest.mark.parametrize("compress", ["", ".gz", ".bz2"])
def test_builds_people_and_roles(build, tmp_path, compress) -> None:  # type: ignore[no-untyped-def]
    dump = tmp_path / f"dump.json{compress}"
    if compress == ".gz":
        dump.write_bytes(gzip.compress(DUMP.read_bytes()))
    elif compress == ".bz2":
        dump.write_bytes(bz2.compress(DUMP.read_bytes()))
    else:
        shutil.copy(DUMP, dump)
    out = tmp_path / "out"
    assert build.main([str(dump), "--out", str(out)]) == 0
    people = {r["qid"]: r for r in _rows(out / "people.tsv")}
    # not a human (Q9000003) and a human without a configured position (Q9000004): skipped
    assert set(people) == {"Q9000001", "Q9000002", "Q9000005"}
    ada = people["Q9000001"]
    assert (ada["id"], ada["name"], ada["gender"], ada["country"], ada["born"]) == (
        "ada-example", "Ada Example", "female", "USA", "1950")
    assert ada["aliases"] == "Ada B. Example"  # an alias holding "|" is dropped
    assert ada["surname"] == "Example"
    # two humans with one label: told apart by birth year
    assert people["Q9000002"]["id"] == "bo-sample-1960"
    assert people["Q9000005"]["id"] == "bo-sample-1970"
    assert people["Q9000005"]["gender"] == "unknown"
    roles = _rows(out / "roles.tsv")
    by_person = {r["person_id"]: r for r in roles}
    # an unconfigured position (Q99999) and a deprecated statement are not roles
    assert len(roles) == 3
    assert by_person["ada-example"]["office"] == "usa-president"
    assert (by_person["ada-example"]["start"], by_person["ada-example"]["end"]) == (
        "2001-01-20", "2005-01-20")
    # month and year precision are kept, not padded to a guessed day
    assert (by_person["bo-sample-1960"]["start"], by_person["bo-sample-1960"]["end"]) == (
        "2010-05", "")
    assert by_person["bo-sample-1970"]["start"] == "1999"
    assert by_person["bo-sample-1970"]["role"] == "vice_president"


def test_output_loads_as_a_gazetteer(build, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    build.main([str(DUMP), "--out", str(out)])
    g = Gazetteer()
    g.load_tsv("people", (out / "people.tsv").read_text(encoding="utf-8"), "people.tsv")
    g.load_tsv("roles", (out / "roles.tsv").read_text(encoding="utf-8"), "roles.tsv")
    ada = g.actors["ada-example"]
    assert ada.qid == "Q9000001"
    role = ada.role_on(date(2003, 6, 1))
    assert role is not None and role.role == "president" and role.country == "USA"
    assert ada.role_on(date(2006, 1, 1)) is None  # outside the term
    assert [a.id for a in g.by_name("Ada B. Example")] == ["ada-example"]


def test_fill_qids_only_when_unambiguous(build, tmp_path) -> None:  # type: ignore[no-untyped-def]
    people = tmp_path / "people.tsv"
    people.write_text(
        "# comment kept\n"
        "id\tname\taliases\tsurname\tgender\tcountry\tqid\tborn\n"
        "ada-example\tAda Example\t\tExample\tfemale\tUSA\t\t1950\n"
        "bo-sample\tBo Sample\t\tSample\tmale\tGBR\t\t1960\n"
        "ann-alias\tAnn Other\tAda B. Example\tOther\tfemale\tUSA\t\t\n"
        "zed-unknown\tZed Unknown\t\tUnknown\tmale\tUSA\t\t\n"
        "kept\tKept Person\t\tPerson\tmale\tUSA\tQ42\t\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build.main([str(DUMP), "--out", str(out), "--fill-qids", str(people)]) == 0
    text = (out / "people.filled.tsv").read_text(encoding="utf-8")
    assert text.startswith("# comment kept\n")
    rows = {r["id"]: r["qid"] for r in _rows(out / "people.filled.tsv")}
    assert rows["ada-example"] == "Q9000001"
    assert rows["bo-sample"] == ""  # two humans named Bo Sample: left empty
    assert rows["ann-alias"] == ""  # Q9000001 is already someone else's
    assert rows["zed-unknown"] == ""
    assert rows["kept"] == "Q42"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"time": "+2022-10-25T00:00:00Z", "precision": 11}, "2022-10-25"),
        ({"time": "+2022-10-00T00:00:00Z", "precision": 10}, "2022-10"),
        ({"time": "+2022-00-00T00:00:00Z", "precision": 9}, "2022"),
        ({"time": "+2000-00-00T00:00:00Z", "precision": 7}, ""),  # a century: no date
        ({"time": "-0044-03-15T00:00:00Z", "precision": 11}, ""),  # BCE
        (None, ""),
    ],
)
def test_wikidata_time(build, value, expected) -> None:  # type: ignore[no-untyped-def]
    assert build.wikidata_time(value) == expected
