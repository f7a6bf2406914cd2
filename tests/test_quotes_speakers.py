"""eval/quotes_speakers.py scores quote records against gold quotes as its docstring
says (a hand-made example; the pipeline is not run)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"


@pytest.fixture(scope="module")
def qs():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(EVAL))
    try:
        yield importlib.import_module("quotes_speakers")
    finally:
        sys.path.remove(str(EVAL))


def _gold(quotes: list[tuple[int, int, str, str]], **extra: Any) -> dict[str, Any]:
    return {"page": "p.html.gz", "article_id": "A", "text_sha1": "x",
            "quotes": [{"start": s, "end": e, "speaker": sp, "speaker_kind": k, "cue": "said",
                        "note": ""} | extra for s, e, sp, k in quotes]}


def _rec(start: int, end: int, speaker: str | None, qtype: str = "direct",
         article: str = "A", **extra: Any) -> dict[str, Any]:
    return {"kind": "quote", "article_id": article, "start": start, "end": end,
            "quote_type": qtype, "speaker": {"name": speaker} if speaker else None,
            "confidence": 0.9} | extra


GOLD = [_gold([(0, 100, "Jerome Powell", "person"), (200, 300, "Federal Reserve", "org"),
               (400, 500, "", "unknown"), (600, 700, "Jane Doe", "person")])]


def test_found_right_wrong_and_missed(qs) -> None:  # type: ignore[no-untyped-def]
    recs = [
        _rec(10, 60, "jerome  POWELL"),       # covers 50%: found, speaker right (normalised)
        _rec(250, 280, "Jerome Powell"),      # covers exactly 30%: found, speaker wrong
        _rec(400, 500, None, "partial"),      # found; a gold "" wants no speaker: right
        _rec(600, 629, "Jane Doe"),           # covers 29%: not found
        _rec(800, 900, "Someone"),            # overlaps no gold quote: unmatched
        _rec(0, 100, "Jerome Powell", "indirect"),  # indirect records are not scored
        _rec(600, 700, "Jane Doe", article="B"),    # another article: not scored
        {"kind": "mention", "article_id": "A", "start": 0, "end": 100},
    ]
    res = qs.score(GOLD, recs)
    assert (res["gold_quotes"], res["found"], res["recall"]) == (4, 3, 0.75)
    assert (res["records"], res["records_on_gold"], res["precision"]) == (5, 4, 0.8)
    assert (res["speaker_right"], res["speaker_right_of_found"]) == (2, 0.667)
    assert res["by_kind"]["person"] == {"gold": 2, "found": 1, "recall": 0.5,
                                        "speaker_right": 1, "speaker_right_of_found": 1.0}
    assert res["by_kind"]["org"]["speaker_right_of_found"] == 0.0
    assert res["by_kind"]["unknown"]["speaker_right"] == 1
    err = res["errors"]
    assert [e["start"] for e in err["missed"]] == [600]
    assert [(e["gold_speaker"], e["got"]) for e in err["wrong_speaker"]] == [
        ("Federal Reserve", "Jerome Powell")]
    assert [e["start"] for e in err["unmatched_records"]] == [800]


def test_the_best_covering_record_decides_the_speaker(qs) -> None:  # type: ignore[no-untyped-def]
    gold = [_gold([(0, 100, "Jerome Powell", "person")])]
    res = qs.score(gold, [_rec(0, 35, "Jerome Powell"), _rec(35, 100, "Powell's aide")])
    assert (res["found"], res["speaker_right"]) == (1, 0)
    assert res["precision"] == 1.0


@pytest.mark.parametrize(("gold", "also", "got", "right"), [
    ("Jerome Powell", [], "Jerome  Powell", True),
    ("De’Broski Herbert", [], "de'broski herbert", True),
    ("Jerome Powell", [], "Powell", False),
    ("", [], None, True),
    ("", [], "Jerome Powell", False),
    ("Jerome Powell", [], None, False),
    ("Dale Ford", ["Martha Fry"], "Martha Fry", True),
    ("Dale Ford", ["Martha Fry"], "Ford", False),
])
def test_speaker_right(qs, gold: str, also: list[str], got: str | None,  # type: ignore[no-untyped-def]
                       right: bool) -> None:
    q = {"speaker": gold, "also": also}
    assert qs.speaker_right(q, _rec(0, 1, got)) is right


def test_no_records_means_nothing_found_and_no_precision(qs) -> None:  # type: ignore[no-untyped-def]
    res = qs.score(GOLD, [])
    assert (res["found"], res["recall"], res["precision"], res["speaker_right_of_found"]) == (
        0, 0.0, None, None)


def test_a_changed_text_or_article_is_refused(qs) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    row = _gold([]) | {"text_sha1": hashlib.sha1(b"the text").hexdigest()}
    assert qs.check_texts([row], {"A": "the text"}) == []
    assert "SHA-1" in qs.check_texts([row], {"A": "the text, edited"})[0]
    assert "no article" in qs.check_texts([row], {"B": "the text"})[0]


def test_the_gold_file_is_well_formed(qs) -> None:  # type: ignore[no-untyped-def]
    rows = qs.load_gold(qs.GOLD)
    assert len(rows) == 25
    assert all(r["page"][0] in "89abcdef" for r in rows)  # held-apart pages only
    quotes = [q for r in rows for q in r["quotes"]]
    assert len(quotes) == 329
    for q in quotes:
        assert 0 <= q["start"] < q["end"]
        assert q["speaker_kind"] in qs.KINDS
        assert (q["speaker"] == "") == (q["speaker_kind"] == "unknown")


def test_the_tune_gold_is_well_formed_and_on_tuning_pages_only(qs) -> None:  # type: ignore[no-untyped-def]
    rows = qs.load_gold(qs.TUNE)
    assert len(rows) == 25
    assert all(r["page"][0] in "01234567" for r in rows)  # tuning pages only
    assert not {r["page"] for r in rows} & {r["page"] for r in qs.load_gold(qs.GOLD)}
    quotes = [q for r in rows for q in r["quotes"]]
    assert len(quotes) == 289
    for r in rows:
        spans = [(q["start"], q["end"]) for q in r["quotes"]]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no overlaps
    for q in quotes:
        assert 0 <= q["start"] < q["end"]
        assert q["speaker_kind"] in qs.KINDS
        assert (q["speaker"] == "") == (q["speaker_kind"] == "unknown")
        assert isinstance(q.get("also", []), list)


@pytest.mark.parametrize(("speaker", "cause"), [
    (None, "no_speaker"),
    ({"name": "he", "actor_id": None}, "unlinked_pronoun"),
    ({"name": "the company", "actor_id": None}, "unlinked_phrase"),
    ({"name": "Jane Roe", "actor_id": "local:person:ab12"}, "other_local_actor"),
    ({"name": "Jerome Powell", "actor_id": "jerome-powell"}, "other_known_actor"),
])
def test_a_wrong_speaker_is_counted_by_its_cause(qs, speaker, cause) -> None:  # type: ignore[no-untyped-def]
    rec = _rec(200, 300, None) | {"speaker": speaker}
    res = qs.score(GOLD, [rec])
    assert res["wrong_by_cause"] == {cause: 1}
