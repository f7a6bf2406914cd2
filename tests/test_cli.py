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


def test_export_all_matches_extract(runner: CliRunner, db: Path, demo_path: Path) -> None:
    """`extract` writes every record; `export --all` gives them back from the store."""
    exported = runner.invoke(main, ["export", "--db", str(db), "--kind", "all", "--all"])
    extracted = runner.invoke(main, ["extract", str(demo_path), "--published", "2024-05-16"])
    strip = {"text", "document_id", "author", "site", "locator", "article_id", "chain"}

    def key(line: str) -> tuple:
        r = json.loads(line)
        return tuple(sorted((k, str(v)) for k, v in r.items() if k not in strip))

    assert sorted(map(key, exported.output.splitlines())) == sorted(
        map(key, extracted.stdout.splitlines()))


def test_views_hide_records_below_the_floor_and_beliefs(runner: CliRunner, db: Path) -> None:
    """Quotes and events under the confidence floor, and quotes of beliefs, stay in the
    store but leave the default views (quotes, events, export) until asked for."""
    import duckdb

    from dossier.settings import default_min_confidence

    floor = default_min_confidence()
    con = duckdb.connect(str(db))
    quote = con.execute("SELECT start_char FROM quotes WHERE confidence >= ? AND act = 'speech' "
                        "ORDER BY start_char LIMIT 2", [floor]).fetchall()
    con.execute("UPDATE quotes SET act = 'belief' WHERE start_char = ?", [quote[0][0]])
    con.execute("UPDATE quotes SET confidence = 0.2 WHERE start_char = ?", [quote[1][0]])
    event = con.execute("SELECT min(trigger_start) FROM events WHERE NOT negated").fetchone()
    con.execute("UPDATE events SET confidence = 0.2 WHERE trigger_start = ?", [event[0]])
    total_q, low_q = con.execute("SELECT count(*), count(*) FILTER (WHERE confidence < ? "
                                 "OR act = 'belief') FROM quotes", [floor]).fetchone()
    total_e, low_e = con.execute("SELECT count(*) FILTER (WHERE NOT negated), count(*) "
                                 "FILTER (WHERE NOT negated AND confidence < ?) "
                                 "FROM events", [floor]).fetchone()
    total_m, low_m = con.execute("SELECT count(*), count(*) FILTER (WHERE confidence < ?) "
                                 "FROM mentions", [floor]).fetchone()
    con.close()
    assert low_q >= 2 and low_e >= 1 and low_m >= 1

    def count(*args: str) -> int:
        res = runner.invoke(main, [*args, "--db", str(db), "--json", "--limit", "100000"])
        assert res.exit_code == 0, res.output
        return len(res.stdout.splitlines())

    assert count("quotes") == total_q - low_q
    assert count("quotes", "--all") == total_q
    assert count("events") == total_e - low_e
    assert count("events", "--min-confidence", "0") == total_e
    assert count("events", "--min-confidence", "0.99") < total_e - low_e

    def exported(*args: str, kind: str = "quotes") -> list[dict]:
        res = runner.invoke(main, ["export", "--db", str(db), "--kind", kind, *args])
        assert res.exit_code == 0, res.output
        return [json.loads(line) for line in res.stdout.splitlines()]

    shown, everything = exported(), exported("--all")
    assert len(shown) == total_q - low_q and len(everything) == total_q
    mentions = exported(kind="mentions")
    assert len(mentions) == total_m - low_m and len(exported("--all", kind="mentions")) == total_m
    assert min(m["confidence"] for m in mentions) >= floor
    assert all(q["act"] == "speech" and q["confidence"] >= floor for q in shown)
    assert {q["act"] for q in everything} == {"speech", "belief"}


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
        (["quotes", "--min-confidence", "2"], "0<=x<=1"),
        (["ingest", "x.txt", "--set", "min_confidence=1.5"], "must be between 0.0 and 1.0"),
        # a model not installed: one error before the first document, not one a document
        (["extract", "x.txt", "--set", "spacy_model=no_such_pipeline"],
         "spacy_model 'no_such_pipeline': no such package or folder"),
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


# -- issue 22: what a new user hits in the first hour -------------------------------------
@pytest.mark.parametrize(("args", "option"), [
    (["quotes", "--limit", "-1"], "--limit"),
    (["events", "--limit", "-5"], "--limit"),
    (["articles", "--limit", "many"], "--limit"),
    (["actors", "--limit", "-1"], "--limit"),
    (["events", "--since", "2024-13-45"], "--since"),
    (["events", "--since", "notadate"], "--since"),
    (["quotes", "--since", "2024-02-31"], "--since"),
    (["articles", "--until", "12"], "--until"),
    (["events", "--root", "99"], "--root"),
    (["events", "--root", "abc"], "--root"),
    (["actors", "--country", "Great Britain"], "--country"),
    (["articles", "--language", "english"], "--language"),
])
def test_bad_filter_values_are_one_line_usage_errors(runner: CliRunner, db: Path,
                                                     args: list[str], option: str) -> None:
    res = runner.invoke(main, [*args, "--db", str(db)])
    assert res.exit_code == 2, res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and option in lines[0] and "Traceback" not in res.output, lines


@pytest.mark.parametrize(("value", "end", "expected"), [
    ("2024-05-16", False, "2024-05-16"),
    ("2024-05", False, "2024-05"),
    ("2024", False, "2024"),
    ("16 May 2024", False, "2024-05-16"),
    ("May 2024", False, "2024-05-01"),
    ("May 2024", True, "2024-05-31"),
    ("2024-02-31", False, None),
    ("2024-13", False, None),
    ("notadate", False, None),
    ("99", False, None),
    ("", False, None),
])
def test_parse_date(value: str, end: bool, expected: str | None) -> None:
    from dossier.terminal import parse_date

    if expected is None:
        with pytest.raises(ValueError, match="not a date"):
            parse_date(value, end=end)
    else:
        assert parse_date(value, end=end) == expected


def test_since_takes_words_dateparser_reads(runner: CliRunner, db: Path) -> None:
    from datetime import date, timedelta

    res = runner.invoke(main, ["events", "--db", str(db), "--since", "yesterday"])
    assert res.exit_code == 0
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert f"no events match --since '{yesterday}'" in res.stderr and res.stdout == ""
    found = runner.invoke(main, ["events", "--db", str(db), "--since", "15 May 2024", "--json"])
    assert found.exit_code == 0 and len(found.stdout.splitlines()) > 10
    assert "'yesterday'" in runner.invoke(main, ["events", "--help"]).output


@pytest.mark.parametrize("args", [
    ["quotes", "--speaker", "%"], ["quotes", "--speaker", "_"], ["quotes", "--about", "%"],
    ["events", "--source-actor", "%"], ["events", "--target-actor", "_%"],
    ["articles", "--search", "_%_"], ["articles", "--source", "%"],
])
def test_like_wildcards_match_themselves(runner: CliRunner, db: Path, args: list[str]) -> None:
    res = runner.invoke(main, [*args, "--db", str(db), "--json"])
    assert res.exit_code == 0 and res.stdout == ""


def test_actor_percent_is_no_actor(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["actor", "%", "--db", str(db)])
    assert res.exit_code == 1 and "no actor called '%'" in res.output


def test_limit_zero_means_all(runner: CliRunner, db: Path) -> None:
    # (every record: the demo's default view shows fewer quotes than the default limit)
    res = runner.invoke(main, ["quotes", "--db", str(db), "--json", "--limit", "0", "--all"])
    assert len(res.stdout.splitlines()) > 50
    res = runner.invoke(main, ["quotes", "--db", str(db), "--json", "--all"])
    assert len(res.stdout.splitlines()) == 50
    assert "0: all of them" in runner.invoke(main, ["quotes", "--help"]).output


def _subprocess_env() -> dict[str, str]:
    import os

    src = str(Path(__file__).resolve().parents[1] / "src")
    return {**os.environ, "PYTHONPATH": src, "DOSSIER_PROGRESS_SECONDS": "0.2"}


def test_closed_pipe_ends_quietly(db: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "dossier", "export", "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=_subprocess_env())
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # what `| head -c 100` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and err == ""


def test_ctrl_c_exits_130(tmp_path: Path, demo_path: Path, make_varied_text) -> None:  # type: ignore[no-untyped-def]
    import signal
    import subprocess
    import sys

    # the demo and a second file long enough that the run cannot end before the signal
    # comes (the demo alone takes ~2 s: on a busy machine the run could end first)
    more = tmp_path / "more.txt"
    more.write_bytes(make_varied_text(300_000))
    # started as a shell starts it: Ctrl-C at its default and not blocked, whatever a
    # library earlier in this test process did to its own signal state (in the full
    # suite the run went on to the end after the signal, never when run alone)
    start = ("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
             "signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT]); "
             "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])")
    proc = subprocess.Popen([sys.executable, "-c", start, "-m", "dossier", "ingest",
                             str(demo_path), str(more), "--db", str(tmp_path / "x.duckdb")],
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_subprocess_env())
    assert proc.stderr is not None
    line = proc.stderr.readline().decode()  # the first progress line: the run is going
    assert line.startswith("ingest: "), line
    proc.send_signal(signal.SIGINT)
    out, rest = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out.decode()[-500:], rest.decode()[-1500:])
    assert "interrupted" in rest.decode() and "Traceback" not in rest.decode()


@pytest.mark.parametrize(("clipped", "text", "width"), [
    ("Use conventional…", "Use conventional military force against", 20),
    ("short", "short", 10),
    ("one two three", "one  two\nthree", 13),
    ("abcdefghi…", "abcdefghijklmnop", 10),  # no word boundary near: cut inside
])
def test_clip_at_word_boundaries(clipped: str, text: str, width: int) -> None:
    from dossier.terminal import clip

    assert clip(text, width) == clipped


def test_tables_fit_the_terminal(runner: CliRunner, db: Path) -> None:
    for cmd in (["quotes", "--limit", "12"], ["events", "--limit", "12"], ["articles"],
                ["actors", "--limit", "12"], ["dropped"]):
        res = runner.invoke(main, [*cmd, "--db", str(db)], env={"COLUMNS": "80"})
        lines = res.stdout.splitlines()
        assert all(len(line) <= 80 for line in lines), cmd
        rows = len(list(runner.invoke(main, [*cmd, "--db", str(db), "--json"]).stdout
                        .splitlines()))
        assert len(lines) == rows + 1, cmd  # one line a row, under one header
    quotes = runner.invoke(main, ["quotes", "--db", str(db), "--limit", "20"],
                           env={"COLUMNS": "80"}).stdout
    full = [json.loads(x)["text"] for x in runner.invoke(
        main, ["quotes", "--db", str(db), "--limit", "20", "--json"]).stdout.splitlines()]
    at = quotes.splitlines()[0].index("quote")
    cut = [c for c in (line[at:].split("…")[0].strip()
                       for line in quotes.splitlines()[1:] if "…" in line[at:]) if c]
    assert cut
    for c in cut:  # each cut ends at a word's end (unless one long word fills the cell)
        whole = next(t for t in full if " ".join(t.split()).startswith(c))
        rest = " ".join(whole.split())[len(c):]
        assert rest[:1] in (" ", ",", ";", ":", ".", "-", "–") or " " not in c[len(c) // 3:], (
            c, rest[:10])
    wide = runner.invoke(main, ["quotes", "--db", str(db), "--limit", "20", "--wide"],
                         env={"COLUMNS": "80"}).stdout
    assert "…" not in wide and " ".join(full[0].split()) in wide


def test_actor_lists_articles_and_roles_in_date_order(runner: CliRunner, db: Path) -> None:
    res = runner.invoke(main, ["actor", "Putin", "--db", str(db)])
    assert "mention(s) in 3 article(s):" in res.stdout
    assert "Vladimir Putin has made a" in res.stdout  # an article's opening
    starts = [line.split(": ")[1][:10] for line in res.stdout.splitlines()
              if " – " in line and line.startswith("  ") and ": " in line]
    assert len(starts) >= 4 and starts == sorted(starts)


@pytest.mark.parametrize(("cmd", "what"), [
    (["quotes", "--speaker", "Nobody Atall"], "no quotes match --speaker 'Nobody Atall'"),
    (["events", "--root", "20"], "no events match --root '20'"),
    (["articles", "--since", "2030-01-01"], "no articles match --since '2030-01-01'"),
])
def test_empty_results_say_so(runner: CliRunner, db: Path, cmd: list[str], what: str) -> None:
    res = runner.invoke(main, [*cmd, "--db", str(db)])
    assert res.exit_code == 0 and res.stdout == "" and what in res.stderr


def test_progress_lines_when_not_a_terminal(runner: CliRunner, tmp_path: Path,
                                            demo_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    import dossier.cli

    monkeypatch.setattr(dossier.cli, "PROGRESS_EVERY", 0.05)
    res = runner.invoke(main, ["ingest", str(demo_path), "--db", str(tmp_path / "x.duckdb")])
    lines = [x for x in res.stderr.splitlines() if x.startswith("ingest: ")]
    assert lines and "of 1 file(s) begun" in lines[-1] and "document(s) read" in lines[-1]


def test_summary_names_skipped_languages_and_negated_events(runner: CliRunner,
                                                            tmp_path: Path) -> None:
    (tmp_path / "neg.txt").write_text(
        "Russia did not invade Finland on Monday, the Kremlin said. China criticised Japan "
        "over the dispute.\n\nGermany praised France for its support.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(
        "Le président de la République a rencontré hier à Paris le chancelier allemand pour "
        "discuter de la guerre en Ukraine et de la politique énergétique européenne. Les deux "
        "dirigeants ont affirmé leur volonté de renforcer la coopération entre leurs pays.\n",
        encoding="utf-8")
    args = ["ingest", str(tmp_path / "neg.txt"), str(tmp_path / "fr.txt"), "--db",
            str(tmp_path / "x.duckdb")]
    res = runner.invoke(main, args)
    assert "1 article in French: not analysed — English only for now" in res.stdout
    assert "plus 1 negated" in res.stdout
    js = json.loads(runner.invoke(main, [*args[:3], "--db", str(tmp_path / "y.duckdb"),
                                         "--json"]).stdout)
    assert js["negated_events"] == 1 and js["not_analysed_languages"] == {"fr": 1}


def test_ingest_into_a_served_store_exits_2_at_once(runner: CliRunner, db: Path,
                                                    demo_path: Path) -> None:
    """What docs/web.md says: no waiting for the server, a one-line lock error."""
    import subprocess
    import sys

    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; "
                               f"c = duckdb.connect({str(db)!r}, read_only=True); "
                               "print('open', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        res = runner.invoke(main, ["ingest", str(demo_path), "--db", str(db)])
        assert res.exit_code == 2 and "lock" in res.output
        assert len([x for x in res.output.splitlines() if x.strip()]) == 1
    finally:
        holder.kill()
        holder.wait()
    web_md = (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text()
    assert "exits at once with status 2" in web_md
