"""eval/audit.py counts a marked sheet as the issue's goals read it."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "audit.py"


@pytest.fixture(scope="module")
def audit():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("audit", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sheet(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


def test_an_event_is_fully_right_only_with_every_mark(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marks = ["y y y y y", "y y n y y", "n n n n y", "y y y y "]  # the last is unmarked
    rows = [dict(zip(("real", "source", "target", "code", "polarity"), (m + " ").split(" "),
                     strict=False)) | {"n": str(i), "note": ""} for i, m in enumerate(marks)]
    res = audit.count(_sheet(tmp_path / "e.tsv", rows))
    assert (res["kind"], res["records"], res["marked"]) == ("event", 4, 3)
    assert (res["fully_right"], res["fully_right_share"]) == (1, 0.333)
    assert res["real_share"] == 0.667


def test_quote_shares_are_of_real_quotes(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [{"type": t, "real": r, "speaker": s, "span": p, "note": ""}
            for t, r, s, p in [("direct", "y", "y", "y"), ("indirect", "y", "n", "y"),
                               ("indirect", "n", "-", "-"), ("direct", "y", "y", "n")]]
    res = audit.count(_sheet(tmp_path / "q.tsv", rows))
    assert res["real_share"] == 0.75
    assert (res["speaker_right_of_real"], res["span_right_of_real"]) == (0.667, 0.667)
    assert res["real_share_by_type"] == {"direct": 1.0, "indirect": 0.5}


def test_the_speaker_stays_beside_its_mark_column(audit) -> None:  # type: ignore[no-untyped-def]
    quote = {"source": "p.html", "article_id": "a", "start": 0, "end": 2, "quote_type": "direct",
             "speaker": {"name": "X", "via": "name"}, "cue": None, "confidence": 0.5,
             "text": "Hi"}
    row = audit.row("quote", quote, "Hi there")
    assert row["said_by"] == "X [name]" and row["speaker"] == ""  # the mark starts empty


def test_confidence_bins_count_fully_right_records(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [{"type": "direct", "confidence": c, "real": r, "speaker": s, "span": p, "note": ""}
            for c, r, s, p in [("0.9", "y", "y", "y"), ("0.9", "y", "n", "y"),
                               ("0.4", "n", "-", "-"), ("0.6", "y", "y", "y")]]
    res = audit.count(_sheet(tmp_path / "q.tsv", rows))
    assert res["fully_right"] == 2 and res["fully_right_share"] == 0.5
    assert res["by_confidence"] == [
        {"confidence": "0.00–0.50", "records": 1, "right": 0, "share": 0.0},
        {"confidence": "0.50–0.70", "records": 1, "right": 1, "share": 1.0},
        {"confidence": "0.85–1.00", "records": 2, "right": 1, "share": 0.5}]


@pytest.mark.parametrize(("record", "floor", "expected"), [
    ({"kind": "quote", "act": "speech", "confidence": 0.6}, 0.5, True),
    ({"kind": "quote", "act": "belief", "confidence": 0.9}, 0.5, False),
    ({"kind": "quote", "act": "speech", "confidence": 0.4}, 0.5, False),
    ({"kind": "event", "confidence": 0.4}, 0.5, False),
    ({"kind": "event", "confidence": 0.4}, 0.0, True),
    ({"kind": "mention", "confidence": 0.1}, 0.5, False),  # hidden as the store hides it
    ({"kind": "mention", "confidence": 0.6}, 0.6, True),
])
def test_the_default_view_is_what_the_floor_shows(audit, record, floor, expected) -> None:  # type: ignore[no-untyped-def]
    assert audit.shown(record, floor) is expected


@pytest.mark.parametrize(("confidence", "band", "expected"), [
    (0.6, (0.5, 0.85), True),
    (0.5, (0.5, 0.85), True),     # the low edge is in
    (0.85, (0.5, 0.85), False),   # the high edge is out
    (0.4, (0.5, 0.85), False),
    (0.95, (0.5, 0.85), False),
    (0.2, None, True),            # no band: every record
])
def test_a_band_keeps_only_its_confidences(audit, confidence, band, expected) -> None:  # type: ignore[no-untyped-def]
    assert audit.in_band({"kind": "quote", "confidence": confidence}, band) is expected


@pytest.mark.parametrize(("text", "expected"), [("0.5,0.85", (0.5, 0.85)), ("0,1", (0.0, 1.0)),
                                                ("0.85,0.5", None), ("0.5", None),
                                                ("a,b", None), ("0.5,0.5", None)])
def test_a_band_is_two_rising_numbers(audit, text, expected, capsys) -> None:  # type: ignore[no-untyped-def]
    if expected is not None:
        assert audit.parse_band(text) == expected
        return
    with pytest.raises(SystemExit) as exc:
        audit.main(["sample", "--kind", "quote", "--out", "x.tsv", "--band", text])
    assert exc.value.code == 2 and "--band" in capsys.readouterr().err


def test_carry_fills_only_the_same_records_marked_before(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def quote(n: str, content: str, speaker: str, marks: str = "  ", conf: str = "0.8",
              note: str = "") -> dict[str, str]:
        real, spk, span = (marks.split(" ") + ["", ""])[:3]
        return {"n": n, "file": "8a", "article": "a1", "start": "10", "end": "20",
                "type": "direct", "act": "speech", "said_by": speaker, "cue": "said",
                "confidence": conf, "content": content, "context": f"…{content}…",
                "real": real, "speaker": spk, "span": span, "note": note}

    old = _sheet(tmp_path / "old.tsv", [quote("1", "We will win", "Ann Lee", "y y n",
                                              note="span cut"),
                                        quote("2", "No comment", "Bo Ray", "n - -")])
    new = _sheet(tmp_path / "new.tsv", [
        quote("1", "We will win", "Ann Lee", conf="0.7"),  # same record, new confidence
        quote("2", "No comment", "Cy Tam"),                # another speaker: a new record
        quote("3", "We will win", "Ann Lee", "n - -", note="marked anew")])  # kept as marked
    assert audit.carry(new, [old]) == (1, 1)
    with new.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert [(r["real"], r["speaker"], r["span"]) for r in rows] == [
        ("y", "y", "n"), ("", "", ""), ("n", "-", "-")]
    assert rows[0]["note"] == "carried: span cut" and rows[2]["note"] == "marked anew"
    assert rows[0]["confidence"] == "0.7"  # the new sheet's own columns stay
    res = audit.count(new)
    assert (res["marked"], res["carried"]) == (2, 1)


def _dated(n: str, cameo: str, marks: str, when: str | None = None,
           where: str | None = None) -> dict[str, str]:
    """An event row; ``when``/``where`` None: a sheet drawn before those columns."""
    row = {"n": n, "file": "8a", "article": "a1", "start": "5", "end": "40", "cameo": cameo,
           "source_actor": "Ann Lee (P1)", "target_actor": "Chile (CHL)", "trigger": "met",
           "negated": "False", "modality": "asserted", "confidence": "0.8"}
    if when is not None:
        row |= {"date": "2024-05-02 (day)", "place": "Lima (PER)"}
    row |= dict(zip(("real", "source", "target", "code", "polarity"), marks.split(" "),
                    strict=True))
    if when is not None and where is not None:
        row |= {"when": when, "where": where}
    return row | {"note": ""}


def test_carry_matches_an_older_sheet_on_the_columns_both_have(audit, tmp_path: Path
                                                               ) -> None:  # type: ignore[no-untyped-def]
    old = _sheet(tmp_path / "old.tsv", [_dated("1", "040 CONSULT", "y y y y y"),
                                        _dated("2", "111 ACCUSE", "y y n y y")])
    new = _sheet(tmp_path / "new.tsv", [_dated("1", "040 CONSULT", "    ", "", ""),
                                        _dated("2", "112 ACCUSE", "    ", "", "")])
    assert audit.carry(new, [old]) == (1, 1)  # the code changed: another record
    with new.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert [rows[0][m] for m in ("real", "code", "when", "where")] == ["y", "y", "", ""]
    assert rows[0]["date"] == "2024-05-02 (day)"  # the new sheet's own columns stay
    # a part sheet that marked when/where fills them on the row marked already
    part = _sheet(tmp_path / "part.tsv", [_dated("1", "040 CONSULT", "n n n n n", "y", "-")])
    assert audit.carry(new, [part]) == (0, 1)
    with new.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert [rows[0][m] for m in ("real", "code", "when", "where")] == ["y", "y", "y", "-"]


def test_when_and_where_are_counted_apart_from_fully_right(audit, tmp_path: Path
                                                         ) -> None:  # type: ignore[no-untyped-def]
    rows = [_dated("1", "040", "y y y y y", "y", "y"), _dated("2", "040", "y y y y y", "n", "-"),
            _dated("3", "040", "n - - - -", "-", "-"), _dated("4", "040", "y n y y y", "", "")]
    res = audit.count(_sheet(tmp_path / "e.tsv", rows))
    assert (res["marked"], res["fully_right"]) == (4, 2)  # a blank when/where still counts
    assert res["when"] == {"y": 1, "n": 1, "-": 0, "unmarked": 1}  # of the 3 real rows
    assert (res["when_right_of_real"], res["where_right_of_real"]) == (0.5, 1.0)


def test_an_event_row_shows_its_date_and_place(audit) -> None:  # type: ignore[no-untyped-def]
    event = {"source": "p.html", "article_id": "a", "start": 0, "end": 9, "code": "040",
             "plover": "CONSULT", "source_actor": None, "target_actor": None,
             "trigger": {"text": "met", "start": 4, "end": 7}, "negated": False,
             "modality": "asserted", "date": "2024-05", "date_precision": "month",
             "location": {"name": "Lima", "country": "PER", "lat": None, "lon": None},
             "confidence": 0.7}
    row = audit.row("event", event, "Ann met Bo.")
    assert (row["date"], row["place"]) == ("2024-05 (month)", "Lima (PER)")
    assert row["when"] == row["where"] == ""
    undated = audit.row("event", event | {"date": None, "location": None}, "Ann met Bo.")
    assert (undated["date"], undated["place"]) == ("— (month)", "—")


@pytest.mark.parametrize("content", ["n\tfile\tnote\n1\ta\t\n",   # no mark columns
                                     "n\treal\tspeaker\tspan\tnote\n"])  # no rows
def test_a_file_that_is_no_sheet_is_a_clear_error(audit, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                  content: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    assert audit.main(["count", str(bad)]) == 2
    assert audit.main(["carry", str(bad), "--from", str(bad)]) == 2
    assert "bad.tsv: not an audit sheet" in capsys.readouterr().err


def test_carry_refuses_a_sheet_of_another_kind(audit, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    quotes = _sheet(tmp_path / "q.tsv", [{"n": "1", "real": "", "speaker": "", "span": "",
                                          "note": ""}])
    events = _sheet(tmp_path / "e.tsv", [dict.fromkeys(
        ("n", "real", "source", "target", "code", "polarity", "note"), "y")])
    assert audit.main(["carry", str(quotes), "--from", str(events)]) == 2
    assert "e.tsv: a event sheet" in capsys.readouterr().err


def test_tuning_and_held_apart_pages_split_the_folder(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("0a1.html.gz", "7ff.html.gz", "8b2.html.gz", "f00.html.gz", "x.txt"):
        (tmp_path / name).write_bytes(b"")
    tune = [p.name for p in audit.tuning_pages(tmp_path)]
    held = [p.name for p in audit.held_apart_pages(tmp_path)]
    assert tune == ["0a1.html.gz", "7ff.html.gz"]
    assert held == ["8b2.html.gz", "f00.html.gz"]


def test_fit_gives_each_bin_its_share_and_mean(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def quote(n: str, conf: str, marks: str, act: str = "speech") -> dict[str, str]:
        real, spk, span = marks.split(" ")
        return {"n": n, "file": "0a", "article": "a1", "start": n, "end": "20",
                "type": "direct", "act": act, "said_by": "Ann Lee", "cue": "said",
                "confidence": conf, "content": "x", "context": "…x…",
                "real": real, "speaker": spk, "span": span, "note": ""}

    rows = [quote("1", "0.65", "y y y"), quote("2", "0.75", "y y y"),
            quote("3", "0.80", "y n y"), quote("4", "0.90", "y y y"),
            quote("5", "0.80", "n - -", act="belief")]  # a belief: hidden anyway, not fitted
    table = audit.fit([_sheet(tmp_path / "2026-12-06-tune-quotes.tsv", rows)], [0, 0.7, 0.85])
    assert '"0.00" = [1.00, 0.65]' in table
    assert '"0.70" = [0.50, 0.78]' in table
    assert '"0.85" = [1.00, 0.90]' in table
    # a held-apart audit sheet is never fitted on
    with pytest.raises(audit.SheetError):
        audit.fit([_sheet(tmp_path / "2026-12-06-s13-quotes.tsv", rows)], [0, 0.7])


def _tune_quote(n: int, conf: float, ok: bool, kind: str, page: str = "0a") -> dict[str, str]:
    marks = ("y", "y", "y") if ok else ("y", "n", "y")
    return {"n": str(n), "file": page, "article": "a", "start": str(n), "end": str(n + 9),
            "type": kind.split(".")[0], "act": "speech", "said_by": "Ann Lee",
            "cue": "argued", "confidence": str(conf), "base": str(conf), "profile": kind,
            "content": "x", "context": "…x…", "real": marks[0], "speaker": marks[1],
            "span": marks[2], "note": ""}


def test_fit_gives_a_cell_its_own_share_only_with_enough_quotes(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # in the 0.60 bin: 4 reports of intent (1 right), 2 of a speech verb (both right)
    rows = [_tune_quote(i, 0.65, i == 0, "indirect.intent") for i in range(4)]
    rows += [_tune_quote(10 + i, 0.65, True, "indirect.verb") for i in range(2)]
    sheet = _sheet(tmp_path / "2026-12-06-s14-tune-quotes.tsv", rows)
    table = audit.fit([sheet], [0, 0.6], least=3, z=0)
    # the bin: the quotes no cell takes, the 2 speech-verb reports (2 of 2)
    assert '"0.60" = [1.00, 0.65]' in table
    assert '"indirect.intent@0.60" = [0.25, 0.65]' in table  # 4 >= 3: its own cell
    assert "indirect@0.60" not in table  # the type is the whole bin: the bin's share
    assert "indirect.verb@0.60" not in table  # 2 < 3: takes the bin's share
    bins, cells = audit.fit_table(audit.fit_rows([sheet])[1], [0, 0.6], least=3, z=0)
    intent, verb = (audit.fit_rows([sheet])[1][i] for i in (0, 5))
    assert audit.scaled(bins, cells, [0, 0.6], intent) == 0.25
    assert audit.scaled(bins, cells, [0, 0.6], verb) == 0.65  # right 2 of 2: never raised
    # the whole bin's share (3 of 6) without the rest-of-bin reading
    bins, cells = audit.fit_table(audit.fit_rows([sheet])[1], [0, 0.6], least=3, z=0,
                                  rest_of_bin=False)
    assert audit.scaled(bins, cells, [0, 0.6], verb) == 0.5
    # with too few quotes for any cell, the bin alone
    assert "@" not in audit.fit([sheet], [0, 0.6], least=7, z=0)


@pytest.mark.parametrize(("right_intent", "right_verb", "apart"), [
    (2, 18, True),   # 0.1 against 0.9 of 20 each: far more than two standard errors
    (9, 11, False),  # 0.45 against 0.55: noise
])
def test_a_cell_must_stand_apart_from_the_rest_of_its_bin(audit, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          right_intent: int, right_verb: int,
                                                          apart: bool) -> None:
    rows = [_tune_quote(i, 0.75, i < right_intent, "indirect.intent") for i in range(20)]
    rows += [_tune_quote(100 + i, 0.75, i < right_verb, "indirect.verb") for i in range(20)]
    table = audit.fit([_sheet(tmp_path / "x-tune-quotes.tsv", rows)], [0, 0.7], least=15)
    assert ('"indirect.intent@0.70"' in table) is apart
    assert ('"indirect.verb@0.70"' in table) is apart
    assert '"indirect@0.70"' not in table  # the type is the whole bin: nothing to stand from


@pytest.mark.parametrize(("rest_of_bin", "partial_scaled"), [
    (True, 0.75),   # the bin is the 5 partial quotes no cell takes: 4 right, not lowered
    (False, 0.53),  # the whole bin, 24 right of 45, pulled down by the wrong reports
])
def test_quotes_no_cell_takes_get_the_share_of_the_rest_of_their_bin(  # type: ignore[no-untyped-def]
        audit, tmp_path: Path, rest_of_bin: bool, partial_scaled: float) -> None:
    rows = [_tune_quote(i, 0.75, i < 4, "indirect.verb") for i in range(20)]
    rows += [_tune_quote(100 + i, 0.75, i < 16, "direct") for i in range(20)]
    rows += [_tune_quote(200 + i, 0.75, i < 4, "partial") for i in range(5)]
    kind, fitted = audit.fit_rows([_sheet(tmp_path / "x-tune-quotes.tsv", rows)])
    bins, cells = audit.fit_table(fitted, [0, 0.7], least=15, rest_of_bin=rest_of_bin)
    assert set(cells) == {"direct@0.70", "indirect@0.70", "indirect.verb@0.70"}
    partial = next(r for r in fitted if r["type"] == "partial")
    assert audit.scaled(bins, cells, [0, 0.7], partial) == partial_scaled
    report = next(r for r in fitted if r["type"] == "indirect")
    assert audit.scaled(bins, cells, [0, 0.7], report) == 0.2  # 0.75 · 0.20 / 0.75


@pytest.mark.parametrize(("cue", "profile", "kind"), [
    ("said", "indirect.verb", "indirect.say"),   # a plain speech verb: its own kind
    ("Told", "", "indirect.say"),                # a sheet drawn before kinds
    ("argued", "indirect.verb", "indirect.verb"),
    ("said", "indirect.intent", "indirect.intent"),  # a kind the cue list gave stays
    ("—", "", None),
])
def test_fit_keys_reports_of_plain_speech_verbs_apart(audit, cue: str, profile: str,  # type: ignore[no-untyped-def]
                                                       kind: str | None) -> None:
    assert audit.profile({"type": "indirect", "cue": cue, "profile": profile}) == kind
    assert audit.profile({"type": "direct", "cue": cue, "profile": "direct"}) == "direct"


def test_the_cross_check_scores_each_page_by_the_others(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # page 0a's reports are all right, page 0b's all wrong: fitted on the other page,
    # each page's confidence goes the wrong way, so the check is worse than no scaling
    rows = [_tune_quote(i, 0.8, True, "indirect.verb", "0a") for i in range(3)]
    rows += [_tune_quote(10 + i, 0.8, False, "indirect.verb", "0b") for i in range(3)]
    res = audit.cross_check([_sheet(tmp_path / "x-tune-quotes.tsv", rows)], [0, 0.6], 2)
    assert res["records"] == 6
    assert res["none"]["brier"] == 0.34  # (0.2² · 3 + 0.8² · 3) / 6
    assert res["cells"]["brier"] == 0.82  # 0a at 0.0 (wrong by 1), 0b at 0.8 (by 0.8)
    assert res["cells"]["bins"][0]["records"] == 3


def _event(n: str, conf: str, target: str, marks: str, file: str = "0a") -> dict[str, str]:
    real, src, tgt, code, pol = marks.split(" ")
    return {"n": n, "file": file, "article": "a1", "start": n, "end": "20", "cameo": "190",
            "source_actor": "Russia (RUS)", "target_actor": target, "trigger": "hit",
            "negated": "False", "modality": "asserted", "confidence": conf, "context": "…",
            "real": real, "source": src, "target": tgt, "code": code, "polarity": pol,
            "note": ""}


def test_fit_gives_events_a_cell_for_a_missing_target(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    right, wrong = "y y y y y", "n n n n y"
    alone = [_event(str(i), "0.1", "—", right if i < 3 else wrong) for i in range(20)]
    paired = [_event("30", "0.25", "Ukraine (UKR)", right),
              _event("31", "0.35", "Ukraine (UKR)", wrong),
              _event("32", "0.75", "Ukraine (UKR)", right)]
    table = audit.fit([_sheet(tmp_path / "2026-12-06-tune-events.tsv", alone + paired)])
    assert '"no_target" = [0.15, 0.10]  # share right, mean confidence: 3 of 20' in table
    assert '"0.00" = [0.50, 0.30]' in table  # the bins hold the rest: 1 of 2
    assert '"0.60" = [1.00, 0.75]' in table
    # a cell of fewer than LEAST records falls back to the bins
    few = audit.fit([_sheet(tmp_path / "2026-12-06-tune-events.tsv", alone[:5] + paired)])
    assert "no_target" not in few and '"0.00" = [0.57, 0.16]' in few  # 4 of 7


def test_an_event_in_two_cells_is_fitted_in_the_first(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    right, wrong = "y y y y y", "n n n n y"
    # 20 aid events of a light verb ("sent"), right 1 in 20; 20 of another verb, right
    # 15 in 20; 40 attacks and 40 meetings, each right 28 in 40
    sent = [_event(str(i), "0.3", "Ukraine (UKR)", right if i < 1 else wrong)
            | {"cameo": "070 AID", "trigger": "sent"} for i in range(20)]
    aid = [_event(str(20 + i), "0.3", "Ukraine (UKR)", right if i < 15 else wrong)
           | {"cameo": "070 AID", "trigger": "supplied"} for i in range(20)]
    hits = [_event(str(40 + i), "0.3", "Ukraine (UKR)", right if i < 56 else wrong)
            | ({"cameo": "040 CONSULT", "trigger": "met"} if i % 2 else {})
            for i in range(80)]
    _, rows = audit.fit_rows([_sheet(tmp_path / "2026-12-08-tune-events.tsv",
                                     sent + aid + hits)])
    assert rows[0]["across"] == ["light_verb", "root_07"]
    table = audit.fit([_sheet(tmp_path / "2026-12-08-tune-events.tsv", sent + aid + hits)])
    assert '"light_verb" = [0.05, 0.30]  # share right, mean confidence: 1 of 20' in table
    # root 07 stands apart by all its 40 (16 right), but holds only the 20 the light
    # verb's cell leaves it
    assert '"root_07" = [0.75, 0.30]  # share right, mean confidence: 15 of 20' in table
    # roots 04 and 19 do not stand apart: the bin holds them
    assert '"0.00" = [0.70, 0.30]' in table and "root_19" not in table


def test_split_fits_on_one_half_of_the_pages_and_measures_the_other(audit, tmp_path: Path  # type: ignore[no-untyped-def]
                                                                     ) -> None:
    rows = [_event(str(i), "0.5", "Ukraine (UKR)", "y y y y y" if i % 4 == 0 else "n n n n y",
                   file="0a" if i < 8 else "7f") for i in range(16)]
    res = audit.split([_sheet(tmp_path / "2026-12-06-tune-events.tsv", rows)], [0, 0.6])
    assert [r["split"] for r in res] == ["fit A, measure B", "fit B, measure A"]
    first = res[0]
    assert first["records"] == 8 and first["brier_before"] == 0.25  # 0.5 for each
    # fitted on the other half (right 1 in 4 at 0.5): 0.5 -> 0.25, nearer the truth
    assert first["brier_after"] == 0.1875
    with pytest.raises(audit.SheetError):  # a held-apart sheet is never fitted on
        audit.split([_sheet(tmp_path / "2026-12-06-s13-events.tsv", rows)])


def test_fit_takes_event_sheets_of_the_tuning_pages_only(audit, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         capsys) -> None:
    rows = [_event(str(i), "0.1", "—", "y y y y y") for i in range(3)]
    tune = _sheet(tmp_path / "2026-12-06-tune-events.tsv", rows)
    assert audit.main(["fit", str(tune)]) == 0
    assert '"0.00" = [1.00, 0.10]' in capsys.readouterr().out
    other = _sheet(tmp_path / "2026-12-07-b-tune-events.tsv",
                   [_event("9", "0.3", "—", "n n n n y", file="bbc.com.5224")])
    assert audit.main(["fit", str(tune), str(other)]) == 0  # two tune sheets: 3 of 4 right
    assert '"0.00" = [0.75, 0.15]' in capsys.readouterr().out
    quotes = _sheet(tmp_path / "2026-12-06-tune-quotes.tsv", [_tune_quote(1, 0.5, True, "direct")])
    assert audit.main(["fit", str(tune), str(quotes)]) == 2  # kinds are not mixed
    assert "a quote sheet among sheets of another kind" in capsys.readouterr().err
    held = _sheet(tmp_path / "2026-12-06-s14-events.tsv", rows)
    assert audit.main(["fit", str(tune), str(held)]) == 2  # a held-apart sheet: refused
    assert audit.main(["fit", str(held), "--split"]) == 2


def test_fit_reads_each_record_once_at_its_confidence_before_the_calibration(  # type: ignore[no-untyped-def]
        audit, tmp_path: Path) -> None:
    before = _event("1", "0.05", "—", "n n n n y") | {"base": "0.1"}  # scaled by the pass
    old = _event("2", "0.3", "—", "y y y y y")  # a sheet drawn before the pass: no base
    newer = _sheet(tmp_path / "2026-12-07-tune-events.tsv", [before])
    older = _sheet(tmp_path / "2026-12-06-tune-events.tsv",
                   [old, _event("1", "0.1", "—", "y y y y y")])  # the same record, marked again
    kind, rows = audit.fit_rows([newer, older])
    assert kind == "event"
    assert [(r["conf"], r["right"], r["across"]) for r in rows] == [
        (0.1, False, ["no_target"]), (0.3, True, ["no_target"])]


@pytest.mark.parametrize(("file", "article", "half"), [
    ("0a6711caa7c0", "f0", 0), ("3ffffffffff0", "00", 0),  # Scrapinghub: by the name
    ("4a6711caa7c0", "00", 1), ("7ffffffffff0", "00", 1),
    ("bbc.com.5224", "60240d1c", 0), ("bbc.com.5224", "7f", 0),  # the others: by the id
    ("ccnews_extra", "80240d1c", 1), ("npr_technolo", "f0", 1)])
def test_split_halves_pages_by_name_and_other_news_by_article(audit, file: str,  # type: ignore[no-untyped-def]
                                                              article: str, half: int) -> None:
    assert audit.half({"page": file, "article": article}) == half


@pytest.mark.parametrize(("alone_right", "cell", "in_bin"), [
    (1, True, "[0.90, 0.30]"),    # 1 of 20 against 9 of 10 beside it: its own cell
    (17, False, "[0.87, 0.30]"),  # 17 of 20 against 9 of 10: noise; the bin holds all 30
])
def test_an_event_cell_across_the_bins_must_stand_apart(audit, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         alone_right: int, cell: bool,
                                                         in_bin: str) -> None:
    right, wrong = "y y y y y", "n n n n y"
    alone = [_event(str(i), "0.3", "—", right if i < alone_right else wrong) for i in range(20)]
    paired = [_event(str(50 + i), "0.3", "Ukraine (UKR)", right if i < 9 else wrong)
              for i in range(10)]
    table = audit.fit([_sheet(tmp_path / "2026-12-06-tune-events.tsv", alone + paired)])
    assert ('"no_target"' in table) is cell
    # the bin holds the records no cell takes: the 10 paired ones, or all 30
    assert f'"0.00" = {in_bin}' in table


def test_every_kind_is_checked_page_by_page(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # two pages of events at 0.5: right 1 in 4 on each; fitted on the other page, each
    # page's events fall to 0.25, nearer the truth than 0.5
    rows = [_event(str(i), "0.5", "Ukraine (UKR)", "y y y y y" if i % 4 == 0 else "n n n n y",
                   file="0a" if i < 8 else "7f") for i in range(16)]
    res = audit.cross_check([_sheet(tmp_path / "2026-12-06-tune-events.tsv", rows)])
    assert res["records"] == 16
    assert res["none"]["brier"] == 0.25
    assert res["cells"]["brier"] == 0.1875  # (0.75² · 4 + 0.25² · 12) / 16


def test_the_further_tuning_news_is_its_three_sources(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = ["trafilatura_eval_en_news/html/bbc.com.1.html",
             "trafilatura_eval_en_news/html/cnn.com.2.html",
             "trafilatura_eval_en_news/evaldata_en_news.json",  # the extraction gold: not a page
             "warc/ccnews_extracted_2021-01-02_23articles.parquet",
             "warc/commoncrawl_bbc_news_homepage_2021-11-28.warc",  # a home page: not news
             "feeds/npr_technology_jsonfeed.json",
             "scrapinghub_article_extraction_benchmark/html/0a1.html.gz"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    got = [p.relative_to(tmp_path).as_posix() for p in audit.extra_tuning_pages(tmp_path)]
    assert got == sorted([names[0], names[1], names[3], names[5]])


def test_wikinews_is_one_file_a_year_held_apart_or_tuning(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert audit.wikinews_pages(2019, tmp_path) == []  # absent: no pages, no error
    for year in (2019, 2020):
        (tmp_path / f"wikinews_{year}.jsonl").write_text("{}\n", encoding="utf-8")
    assert audit.wikinews_pages(2019, tmp_path) == [tmp_path / "wikinews_2019.jsonl"]
    assert audit.wikinews_pages(2020, tmp_path) == [tmp_path / "wikinews_2020.jsonl"]
    # the committed files: every line an article with its date, which the JSON Lines
    # reader takes as the publication date
    import json

    from dossier.ingest.base import ReadOptions
    from dossier.ingest.jsonl import read_jsonl

    lines = audit.wikinews_pages(2019)[0].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 171
    first = json.loads(lines[0])
    assert set(first) == {"url", "date", "title", "text"}
    path = tmp_path / "one.jsonl"
    path.write_text(lines[0] + "\n", encoding="utf-8")
    (doc,) = list(read_jsonl(path, ReadOptions()))
    assert doc.published == first["date"] == "2019-01-04"


def test_sample_of_absent_wikinews_says_where_it_looked(audit, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    monkeypatch.setattr(audit, "WIKINEWS", tmp_path)  # (a checkout without the files)
    monkeypatch.setattr(audit.wikinews_pages, "__defaults__", (tmp_path,))
    out = tmp_path / "sheet.tsv"
    assert audit.main(["sample", "--kind", "event", "--pages", "wikinews", "--out",
                       str(out)]) == 2
    assert f"{tmp_path}: no pages found" in capsys.readouterr().err
    assert not out.exists()


def _mention_dump(path: Path, pages: str) -> Path:
    import gzip
    import json

    recs = [{"kind": "mention", "source": "wikinews_2019.jsonl", "article_id": "a1",
             "start": i * 10, "end": i * 10 + 6, "text": "Bernie", "actor_id": f"p{i}",
             "actor_name": "Bernie Sanders", "via": "name", "type": "person",
             "confidence": conf} for i, conf in enumerate((0.9, 0.3, 0.7))]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump({"pages": pages, "records": recs, "texts": {"a1": "Bernie said. " * 4}}, f)
    return path


@pytest.mark.parametrize("view, rows", [("default", 2), ("all", 3)])
def test_sample_from_a_dump_draws_its_records(audit, tmp_path: Path, view: str,  # type: ignore[no-untyped-def]
                                             rows: int) -> None:
    dump = _mention_dump(tmp_path / "d.json.gz", "wikinews")
    out = tmp_path / "sheet.tsv"
    assert audit.main(["sample", "--kind", "mention", "--pages", "wikinews", "--view", view,
                       "--dump", str(dump), "--out", str(out)]) == 0
    kind, _, got = audit.read_sheet(out)
    assert kind == "mention" and len(got) == rows


def test_sample_from_a_dump_of_other_pages_is_an_error(audit, tmp_path: Path, capsys  # type: ignore[no-untyped-def]
                                                       ) -> None:
    dump = _mention_dump(tmp_path / "d.json.gz", "held-apart")
    out = tmp_path / "sheet.tsv"
    assert audit.main(["sample", "--kind", "mention", "--pages", "wikinews",
                       "--dump", str(dump), "--out", str(out)]) == 2
    assert "holds --pages held-apart, not wikinews" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.slow
def test_records_of_the_further_news_come_through_dossiers_readers(audit, tmp_path: Path  # type: ignore[no-untyped-def]
                                                                    ) -> None:
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    stories = ["Iran accused the United States of sabotage on Monday. Thousands of "
               "protesters marched in Tehran on Sunday.",
               "Russia criticised Ukraine over a border village on Tuesday, officials in "
               "Moscow said after a meeting of the security council.",
               "China condemned Japan over a visit to a war shrine, and students in Seoul "
               "demonstrated outside the embassy of Japan on Friday."]
    html = tmp_path / "news.site.story.html"
    html.write_text(f"<html><head><title>Iran</title></head><body><article><h1>Iran</h1>"
                    f"<p>{stories[0]}</p></article></body></html>", encoding="utf-8")
    parquet = tmp_path / "cc.parquet"
    pq.write_table(pa.table({"title": ["Russia"], "main_text": [stories[1]],
                             "url": ["https://example.org/a"], "language": ["en"]}), parquet)
    feed = tmp_path / "feed.json"
    item = {"id": "1", "url": "https://example.org/b", "content_html": f"<p>{stories[2]}</p>"}
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1", "title": "T",
                                "items": [item]}), encoding="utf-8")
    recs, texts = audit.records([html, parquet, feed])
    assert {r["source"] for r in recs if r["kind"] == "article"} == {
        "news.site.story.html", "cc.parquet", "feed.json"}
    events = [r for r in recs if r["kind"] == "event"]
    assert {r["source"] for r in events} == {"news.site.story.html", "cc.parquet", "feed.json"}
    assert all(r["confidence"] <= r["base"] for r in events)
    # the no-target cell is scaled by the page calibration, the others keep their base
    assert any(r["confidence"] < r["base"] for r in events if r["target_actor"] is None)
    assert all(r["confidence"] == r["base"] for r in events if r["target_actor"] is not None)


@pytest.mark.parametrize(("via", "type_", "within"), [
    ("metonym", "state", ["metonym.state", "metonym"]),  # how linked, to what, else how
    ("unlinked", "org", ["unlinked.org", "unlinked"]),
    ("pronoun", "", ["pronoun"]),                        # no type: how it was linked alone
    ("", "person", []),                                  # no via: the bin decides
])
def test_a_mention_falls_in_its_link_and_actor_kind_cells(audit, via: str, type_: str,  # type: ignore[no-untyped-def]
                                                          within: list[str]) -> None:
    assert audit.cells_of("mention", {"via": via, "type": type_}) == (within, [])


def _mention(n: int, via: str, type_: str, conf: str, link: str) -> dict[str, str]:
    return {"n": str(n), "file": "0a", "article": "a1", "start": str(n), "end": "20",
            "mention": "Moscow", "actor": "Russia (RUS)", "via": via, "type": type_,
            "confidence": conf, "context": "…", "link": link, "absurd": "n", "note": ""}


def test_fit_gives_mentions_a_cell_of_how_they_were_linked(audit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    metonyms = [_mention(i, "metonym", "state", "0.7", "y" if i < 5 else "n") for i in range(20)]
    names = [_mention(50 + i, "name", "person", "0.8", "y" if i < 19 else "n")
             for i in range(20)]
    table = audit.fit([_sheet(tmp_path / "2026-12-07-tune-mentions.tsv", metonyms + names)])
    assert '"metonym.state@0.60" = [0.25, 0.70]' in table  # 5 of 20, apart from the names
    assert '"name.person@0.60" = [0.95, 0.80]' in table  # and the names apart from them
    # a mention of the metonyms' cell falls to 0.7 · 0.25 / 0.7; a name is not raised
    bins, cells = {"0.60": (19, 20, 0.8)}, {"metonym.state@0.60": (5, 20, 0.7)}
    metonym = {"conf": 0.7, "within": ["metonym.state", "metonym"], "across": []}
    assert audit.scaled(bins, cells, [0, 0.6], metonym) == 0.25
    name = {"conf": 0.8, "within": ["name.person", "name"], "across": []}
    assert audit.scaled(bins, cells, [0, 0.6], name) == 0.8


def _pool(n: int) -> list[dict[str, object]]:
    return [{"kind": "quote", "source": f"page{i % 7}.html", "article_id": f"a{i % 7}",
             "start": 10 * i, "end": 10 * i + 5, "confidence": 0.8} for i in range(n)]


def test_a_draw_is_the_same_records_whatever_else_the_pool_holds(audit) -> None:  # type: ignore[no-untyped-def]
    pool = _pool(300)
    first = audit.draw(pool, 40, 20261206)
    assert len(first) == 40 and len({id(r) for r in first}) == 40
    assert audit.draw(list(reversed(pool)), 40, 20261206) == first  # order does not count
    # a record gone and two new ones: at most three of the forty rows differ
    changed = [r for r in pool if r is not first[0]] + _pool(302)[300:]
    again = audit.draw(changed, 40, 20261206)
    assert len([r for r in again if r in first]) >= 37
    # a record whose other fields changed keeps its place in the draw
    edited = [dict(r, confidence=0.3) if r is first[5] else r for r in pool]
    assert {(r["source"], r["start"]) for r in audit.draw(edited, 40, 20261206)} == {
        (r["source"], r["start"]) for r in first}


@pytest.mark.parametrize(("n", "seed", "size"), [(40, 1, 40), (500, 20261206, 300),
                                                  (0, 20261206, 0)])
def test_a_draw_takes_at_most_the_pool_and_another_seed_draws_others(  # type: ignore[no-untyped-def]
        audit, n: int, seed: int, size: int) -> None:
    pool = _pool(300)
    got = audit.draw(pool, n, seed)
    assert len(got) == size
    if 0 < size < len(pool):
        assert got != audit.draw(pool, n, 20261206)


def test_fit_reads_an_event_on_two_sheets_of_other_columns_once(  # type: ignore[no-untyped-def]
        audit, tmp_path: Path) -> None:
    newer = _sheet(tmp_path / "2026-12-07-tune-events.tsv",
                   [_event("1", "0.75", "Ukraine (UKR)", "y y y y y") | {"date": "—"}])
    older = _sheet(tmp_path / "2026-12-06-tune-events.tsv",
                   [_event("1", "0.75", "Ukraine (UKR)", "n n n n y") | {"n": "5"}])  # no date
    kind, rows = audit.fit_rows([newer, older])
    assert [r["right"] for r in rows] == [True]  # the newest sheet's marks
