"""The CLI through its documented commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dossier.cli import main


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def db(tmp_path: Path, runner: CliRunner, demo_path: Path) -> Path:
    path = tmp_path / "demo.duckdb"
    res = runner.invoke(main, ["ingest", str(demo_path), "--db", str(path),
                               "--published", "2024-05-16"])
    assert res.exit_code == 0, res.output
    return path


def test_ingest_prints_a_summary(runner: CliRunner, tmp_path: Path, demo_path: Path) -> None:
    res = runner.invoke(main, ["ingest", str(demo_path), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 0
    assert "article(s) from 1 document(s)" in res.output
    assert "21 ad-marker" in res.output and "7 consent-notice" in res.output
    again = runner.invoke(main, ["ingest", str(demo_path), "--db", str(tmp_path / "x.duckdb")])
    assert "already in the store" in again.output


def test_ingest_bad_file_exit_1_and_rest_stored(runner: CliRunner, tmp_path: Path,
                                                demo_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = runner.invoke(main, ["ingest", str(tmp_path / "empty.txt"), str(demo_path),
                               "--db", str(tmp_path / "x.duckdb"), "--json"])
    assert res.exit_code == 1
    summary = json.loads(res.output)
    assert summary["documents"] == 1
    assert [p["source"] for p in summary["problems"] if p["severity"] == "error"] == [
        str(tmp_path / "empty.txt")]


def test_extract_writes_contract_jsonl(runner: CliRunner, demo_path: Path) -> None:
    res = runner.invoke(main, ["extract", str(demo_path), "--format", "jsonl",
                               "--published", "2024-05-16"])
    assert res.exit_code == 0
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    kinds = {r["kind"] for r in recs}
    assert kinds == {"article", "dropped", "mention", "quote", "event"}
    assert all(r["source"] == str(demo_path) for r in recs)


def test_articles_lists_and_filters(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["articles", "--db", str(db), "--json", "--search", "Zhurong"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert len(rows) == 1 and "Zhurong" in rows[0]["text"]
    none = runner.invoke(main, ["articles", "--db", str(db), "--json", "--since", "2025-01-01"])
    assert none.output == ""


def test_dropped_lists_reasons(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["dropped", "--db", str(db), "--json", "--reason", "embed-echo"])
    (row,) = [json.loads(line) for line in res.output.splitlines()]
    assert row["text"].startswith("1/ China and the Chinese Communist Party")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(runner: CliRunner, db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    res = runner.invoke(main, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    if fmt == "jsonl":
        recs = [json.loads(line) for line in out.read_text().splitlines()]
    elif fmt == "csv":
        recs = list(csv.DictReader(io.StringIO(out.read_text())))
    else:
        recs = pq.read_table(out).to_pylist()
    kinds = [r["kind"] for r in recs]
    assert kinds.count("dropped") == 29 and kinds.count("article") >= 6


def test_export_matches_extract(runner: CliRunner, db: Path, demo_path: Path) -> None:
    exported = runner.invoke(main, ["export", "--db", str(db), "--kind", "all"])
    extracted = runner.invoke(main, ["extract", str(demo_path), "--published", "2024-05-16"])
    strip = {"text", "document_id", "author", "site", "locator", "article_id", "chain"}

    def key(line: str) -> tuple:
        r = json.loads(line)
        return tuple(sorted((k, str(v)) for k, v in r.items() if k not in strip))

    assert sorted(map(key, exported.output.splitlines())) == sorted(
        map(key, extracted.stdout.splitlines()))


def test_parquet_needs_output(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert res.exit_code == 2 and "-o FILE" in res.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "x.txt", "--set", "nope=1"], "unknown setting"),
        (["ingest", "x.txt", "--set", "max_file_mb=big"], "takes a int"),
        (["extract", "x.txt", "--published", "May 2024"], "YYYY-MM-DD"),
        (["articles", "--db", "/nonexistent/none.duckdb"], "no store here"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(runner: CliRunner, args: list[str],
                                                  message: str) -> None:
    res = runner.invoke(main, args)
    assert res.exit_code == 2 and message in res.output


def test_every_command_has_help_with_example(runner: CliRunner) -> None:
    for name, cmd in main.commands.items():
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0
        assert "Example:" in res.output, name
        assert cmd.help


def test_settings_lists_every_setting(runner: CliRunner) -> None:
    from dossier.settings import SETTINGS

    res = runner.invoke(main, ["settings"])
    for s in SETTINGS:
        assert s.name in res.output


def test_actors_and_actor(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["actors", "--db", str(db), "--json", "--type", "person"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    ids = [r["actor_id"] for r in rows]
    assert {"vladimir-putin", "xi-jinping", "rishi-sunak", "liz-truss"} <= set(ids[:8])
    gbr = runner.invoke(main, ["actors", "--db", str(db), "--json", "--country", "GBR"])
    assert all(json.loads(line)["country"] == "GBR" for line in gbr.output.splitlines())
    one = runner.invoke(main, ["actor", "Putin", "--db", str(db), "--json"])
    (info,) = json.loads(one.output)
    assert info["actor_id"] == "vladimir-putin" and info["qid"] == "Q7747"
    assert any(r["role"] == "president" and r["start"] == "2012-05-07" for r in info["roles"])
    assert info["mentions"] > 10 and info["articles"]
    missing = runner.invoke(main, ["actor", "Nobody Atall", "--db", str(db)])
    assert missing.exit_code == 1 and "no actor called" in missing.output


def test_user_gazetteer_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text("id\tname\taliases\tsurname\tgender\tcountry\tqid\tborn\n"
                      "maria-gonzalvez\tMaria Gonzalvez\t\tGonzalvez\tfemale\tESP\t\t1970\n",
                      encoding="utf-8")
    text = tmp_path / "story.txt"
    text.write_text("Maria Gonzalvez opened the bakery on Monday. Gonzalvez said prices rose.\n",
                    encoding="utf-8")
    res = runner.invoke(main, ["extract", str(text), "--gazetteer", str(people)])
    ms = [json.loads(line) for line in res.stdout.splitlines()
          if json.loads(line)["kind"] == "mention"]
    assert [m["actor_id"] for m in ms if m["text"].endswith("Gonzalvez")] == [
        "maria-gonzalvez", "maria-gonzalvez"]


def test_quotes_command(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["quotes", "--db", str(db), "--json", "--speaker", "Sunak",
                               "--about", "China"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows and all(r["speaker"]["actor_id"] == "rishi-sunak" for r in rows)
    assert any("largest threat to Britain" in r["text"] for r in rows)
    truss = runner.invoke(main, ["quotes", "--db", str(db), "--json", "--speaker", "liz-truss"])
    tenses = {json.loads(line)["tense"] for line in truss.output.splitlines()}
    assert "future" in tenses  # "She will say: “…”"
    none = runner.invoke(main, ["quotes", "--db", str(db), "--json", "--since", "2030-01-01"])
    assert none.output == ""


@pytest.mark.parametrize(("setting", "message"), [
    ("near_duplicate_threshold=0.99", "between 0.1 and 0.95"),
    ("workers=-1", "between 0 and 1024"),
    ("write_batch=0", "between 1 and 100000"),
    ("dedup_window=0", "between 1 and"),
    ("read_workers=0", "between 1 and 256"),
])
def test_setting_ranges(runner: CliRunner, setting: str, message: str) -> None:
    res = runner.invoke(main, ["extract", "x.txt", "--set", setting])
    assert res.exit_code == 2 and message in res.output


def test_events_command(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["events", "--db", str(db), "--json", "--source-actor", "CHN"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert any(r["code"] == "070" and r["target_actor"]["country"] == "RUS" for r in rows)
    crit = runner.invoke(main, ["events", "--db", str(db), "--json", "--root", "11",
                                "--target-actor", "CHN"])
    # (an accusation with no known accuser has no source actor: kept with the target)
    assert any((json.loads(line)["source_actor"] or {}).get("country") == "TWN"
               for line in crit.output.splitlines())


def test_gdelt_and_plover_exports(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    from dossier.store.export import GDELT_COLUMNS

    gd = runner.invoke(main, ["export", "--db", str(db), "--format", "gdelt"])
    rows = [line.split("\t") for line in gd.output.splitlines()]
    assert rows[0] == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert all(len(r) == 61 for r in rows)
    col = {c: i for i, c in enumerate(GDELT_COLUMNS)}
    supply = [r for r in rows[1:] if r[col["EventCode"]] == "070"]
    assert supply and supply[0][col["Actor1CountryCode"]] == "CHN"
    assert supply[0][col["Actor2CountryCode"]] == "RUS" and supply[0][col["QuadClass"]] == "2"
    out = tmp_path / "events.plover.jsonl"
    res = runner.invoke(main, ["export", "--db", str(db), "--format", "plover", "-o", str(out)])
    assert res.exit_code == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    crit = [r for r in recs if r["cameo"] == "111" and r["source"]
            and r["source"][0]["code"] == "TWN"]
    assert crit and crit[0]["event"] == "ACCUSE" and "criticised by Taiwan" in crit[0]["text"]


def test_parquet_dataset_export_is_partitioned_by_month(runner: CliRunner, db: Path,
                                                        tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "dataset"
    res = runner.invoke(main, ["export", "--db", str(db), "--format", "parquet-dataset",
                               "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "quotes" / "month=2024-05").is_dir()
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("articles", "dropped", "mentions", "quotes", "events"):
            stored = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            read = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/{table}/**/*.parquet', "
                              "hive_partitioning = true)").fetchone()[0]
            assert read == stored > 0, table
    bad = runner.invoke(main, ["export", "--db", str(db), "--format", "parquet-dataset"])
    assert bad.exit_code == 2 and "-o DIR" in bad.output
