"""scripts/match_people_qids.py on a hand-made snapshot (fictional people, made-up QIDs):
a QID is taken only for the same name (or the same name once middle initials are dropped),
the same birth year and a country of an office, and never when a namesake in the repository
has another QID; existing QIDs are checked, not changed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "match_people_qids.py"

BIO = """id,name,gender,dob,dobp,dod,dodp,image,enwiki
Q999999001,Marta Quillfeather,female,1961-03-02,11,,,,Marta Quillfeather
Q999999002,Tobias K. Wren,male,1950-05-01,11,,,,Tobias K. Wren
Q999999003,Anna Pell,female,1970-01-01,11,,,,Anna Pell (diplomat)
Q999999004,Anna Pell,female,1982-01-01,11,,,,Anna Pell (judge)
Q999999005,Ivo Strand,male,1956-07-07,11,,,,Ivo Strand
Q999999006,Odile Varga,female,1966-02-02,11,,,,Odile Varga
Q999999007,Petra Lund,female,1971-09-09,11,,,,Petra Lund
Q999999008,Karl Ober,male,1944,9,,,,Karl Ober (politician)
"""
HOLDERS = """position,person,personID,start,end
Minister of Lighthouses,Marta Quillfeather,Q999999001,2001-01-01,2003-01-01
Minister of Lighthouses,Tobias K. Wren,Q999999002,2003-01-01,2005-01-01
Envoy to the Moon,Anna Pell,Q999999003,2005-01-01,2006-01-01
Judge of the Moon Court,Anna Pell,Q999999004,2010-01-01,
Minister of Tides,Ivo Strand,Q999999005,2006-01-01,2007-01-01
Minister of Tides,Odile Varga,Q999999006,2007-01-01,2008-01-01
Minister of Tides,Petra Lund,Q999999007,2008-01-01,2009-01-01
"""
PEOPLE = """id\tname\taliases\tsurname\tgender\tcountry\tqid\tborn
marta-quillfeather\tMarta Quillfeather\t\tQuillfeather\tfemale\tGBR\t\t1961
tobias-wren\tTobias Wren\t\tWren\tmale\tGBR\t\t1950
anna-pell\tAnna Pell\t\tPell\tfemale\tGBR\t\t1970
ivo-strand\tIvo Strand\t\tStrand\tmale\tGBR\t\t1955
odile-varga\tOdile Varga\t\tVarga\tfemale\tFRA\t\t1966
petra-lund\tPetra Lund\t\tLund\tfemale\tGBR\tQ999999099\t1971
karl-ober\tKarl Ober\t\tOber\tmale\tGBR\t\t1944
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("match_people_qids", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    tmp = tmp_path_factory.mktemp("match")
    repo = tmp / "mirror" / "example+lighthouse-ministers" / "repo"
    (repo / "html").mkdir(parents=True)
    (repo / "html" / "bio.csv").write_text(BIO, encoding="utf-8")
    (repo / "html" / "holders21.csv").write_text(HOLDERS, encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    sources = tmp / "sources.tsv"
    sources.write_text(f"repo\tcountry\tcommit\nexample/lighthouse-ministers\tGBR\t{commit}\n",
                       encoding="utf-8")
    mod.SOURCES = sources
    people = tmp / "people.tsv"
    people.write_text(PEOPLE, encoding="utf-8")
    evidence = tmp / "evidence.tsv"

    def go(capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, str], str, str]:
        argv = ["match", "--mirror", str(tmp / "mirror"), "--people", str(people),
                "--evidence", str(evidence)]
        old, sys.argv = sys.argv, argv
        try:
            assert mod.main() == 0
        finally:
            sys.argv = old
        rows = [line.split("\t") for line in evidence.read_text(encoding="utf-8").splitlines()
                if not line.startswith("#")][1:]
        return {r[0]: r[1] for r in rows}, capsys.readouterr().out, evidence.read_text()

    return go


@pytest.mark.parametrize("pid,qid", [
    ("marta-quillfeather", "Q999999001"),  # same name, year, country
    ("tobias-wren", "Q999999002"),  # the same once the middle initial is dropped
])
def test_a_qid_is_taken(run, capsys, pid: str, qid: str) -> None:  # type: ignore[no-untyped-def]
    accepted, _out, _text = run(capsys)
    assert accepted[pid] == qid


@pytest.mark.parametrize("pid", [
    "anna-pell",  # a namesake with another QID in the repository
    "ivo-strand",  # another birth year
    "odile-varga",  # the repository lists offices of another country
    "petra-lund",  # has a QID already: checked, not changed
    "karl-ober",  # named in the repository but holding none of its offices
])
def test_no_qid_is_taken(run, capsys, pid: str) -> None:  # type: ignore[no-untyped-def]
    accepted, _out, _text = run(capsys)
    assert pid not in accepted


def test_the_report_names_rejections_and_conflicts(run, capsys) -> None:  # type: ignore[no-untyped-def]
    _accepted, out, text = run(capsys)
    assert "REJECT\tanna-pell\tnamesakes Q999999003,Q999999004" in out
    assert "REJECT\tivo-strand\tQ999999005 born 1956" in out
    assert "CONFLICT\tpetra-lund\thas Q999999099; example/lighthouse-ministers pair" in out
    assert "name-initials+born+country+gender" in text
