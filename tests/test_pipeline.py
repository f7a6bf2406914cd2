"""The extraction contract: `dossier extract` records on the demo and other inputs."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from dossier.pipeline import (
    Sink,
    article_language,
    detect_language,
    process_document,
    run,
)
from dossier.records import Document, DocumentResult
from dossier.settings import load_settings, model_language

FIXTURES = Path(__file__).parent / "fixtures"


class ListSink(Sink):
    def __init__(self) -> None:
        self.results: list[DocumentResult] = []

    def write(self, result: DocumentResult) -> None:
        self.results.append(result)


@pytest.fixture(scope="module")
def demo_records(demo_path: Path) -> list[dict]:
    sink = ListSink()
    run([demo_path], sink, load_settings(overrides={"published": "2024-05-16"}))
    return [r for res in sink.results for r in res.records()]


def test_article_records_follow_the_contract(demo_records: list[dict], demo_text: str,
                                             demo_path: Path) -> None:
    arts = [r for r in demo_records if r["kind"] == "article"]
    assert len(arts) >= 6
    for a in arts:
        assert {"kind", "id", "source", "start", "end", "title", "published", "url",
                "language", "duplicate_of"} <= a.keys()
        assert a["source"] == str(demo_path)
        assert a["published"] == "2024-05-16"
        assert a["language"] == "en"
        assert "text" not in a  # offsets point into the file itself
        assert 0 <= a["start"] < a["end"] <= len(demo_text)
    # articles do not overlap and come in order
    spans = [(a["start"], a["end"]) for a in arts]
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))


def test_no_ad_or_consent_line_inside_article_text(demo_records: list[dict],
                                                   demo_text: str) -> None:
    arts = [r for r in demo_records if r["kind"] == "article"]
    dropped = [r for r in demo_records if r["kind"] == "dropped"]
    for d in dropped:
        assert demo_text[d["start"] : d["end"]] == d["text"]
        if d["reason"] == "consent-notice":
            assert all(not (a["start"] <= d["start"] < a["end"]) for a in arts)
    # every dropped span inside an article is marked with that article
    for d in dropped:
        inside = [a["id"] for a in arts if a["start"] <= d["start"] < a["end"]]
        assert d["article_id"] == (inside[0] if inside else None)


def test_nothing_lost(demo_records: list[dict], demo_text: str) -> None:
    """Every non-blank character is in an article or a dropped span."""
    covered = bytearray(len(demo_text))
    for r in demo_records:
        for i in range(r["start"], r["end"]):
            covered[i] = 1
    lost = "".join(c for i, c in enumerate(demo_text) if not covered[i] and not c.isspace())
    assert lost == ""


def test_html_document_is_one_article_with_text() -> None:
    html = next((FIXTURES / "news" / "scrapinghub").glob("*.html*"))
    sink = ListSink()
    summary = run([html], sink)
    assert summary.errors == []
    (res,) = sink.results
    (art,) = res.articles
    rec = art.to_dict()
    assert rec["start"] == 0 and rec["end"] == len(rec["text"]) > 200


def test_text_file_not_split_when_segmentation_off(demo_path: Path) -> None:
    sink = ListSink()
    run([demo_path], sink, load_settings(overrides={"segment_text": "false"}))
    (res,) = sink.results
    assert len(res.articles) == 1
    assert res.articles[0].text.startswith("The Russian president")
    assert res.articles[0].text.endswith("apps such as WhatsApp.")


def test_duplicate_article_points_at_first_copy(tmp_path: Path, demo_text: str) -> None:
    (tmp_path / "a.txt").write_text(demo_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(demo_text.replace("Advertisement\n", ""), encoding="utf-8")
    sink = ListSink()
    run([tmp_path], sink)
    first, second = sink.results
    originals = {a.id for a in first.articles}
    assert all(a.duplicate_of is None for a in first.articles)
    dups = [a for a in second.articles if a.duplicate_of]
    assert dups and all(a.duplicate_of in originals for a in dups)


def test_document_notes_become_warnings() -> None:
    doc = Document(id="x", source="x.txt", text="Some words here that make text.\n",
                   format="text", notes=("repaired mojibake",))
    res = process_document(doc, load_settings())
    assert [(p.severity, p.message) for p in res.problems] == [("warning", "repaired mojibake")]


def test_jsonl_round_trip_of_records(demo_records: list[dict]) -> None:
    for r in demo_records:
        assert json.loads(json.dumps(r)) == r


def test_no_english_nlp_on_other_languages(tmp_path: Path) -> None:
    text = ("El presidente del Gobierno visitó Lisboa el lunes y criticó a la Comisión "
            "Europea por las cuotas de pesca. Dijo que los pescadores pierden millones.\n")
    (tmp_path / "es.txt").write_text(text, encoding="utf-8")
    sink = ListSink()
    run([tmp_path], sink)
    (res,) = sink.results
    assert res.articles[0].language == "es"
    assert res.mentions == [] and res.quotes == [] and res.events == []


SCHEMA = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data" / "schema" / \
    "records.schema.json"


def _validator(kind: str):  # type: ignore[no-untyped-def]
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({**schema["$defs"][kind], "$defs": schema["$defs"]})


@pytest.mark.parametrize("kind", ["article", "dropped", "mention", "quote", "event"])
def test_every_record_kind_follows_its_json_schema(demo_records: list[dict], kind: str) -> None:
    records = [r for r in demo_records if r["kind"] == kind]
    assert records, kind
    check = _validator(kind)
    errors = [f"{e.json_path}: {e.message}" for r in records for e in check.iter_errors(r)]
    assert not errors, errors[:5]
    # and the schema is no blank cheque: a record missing a field, or with one it does
    # not know, or a nested part of the wrong shape, fails
    bad = dict(records[0])
    bad.pop("source")
    assert list(check.iter_errors(bad))
    assert list(check.iter_errors({**records[0], "surprise": 1}))
    nested = {"quote": "speaker", "event": "trigger"}.get(kind)
    if nested:
        assert list(check.iter_errors({**records[0], nested: {"text": "x"}}))


@pytest.mark.parametrize(("text", "expected"), [
    # short English sentences made mostly of names: the identifier alone says jv, pcm, lg
    ("Putin met Xi in Beijing.", "en"),
    ("Xi hosted Lula in Beijing.", "en"),
    ("Modi visited Tokyo on Monday.", "en"),
    # other languages stay themselves, however short
    ("Le président a dit qu'il irait à Paris.", "fr"),
    ("El presidente viajó a Madrid ayer.", "es"),
    ("De premier zei dat hij naar Brussel gaat.", "nl"),
    ("Presiden Jokowi bertemu Xi di Beijing kemarin.", "id"),
])
def test_short_texts_keep_the_models_language(text: str, expected: str) -> None:
    assert detect_language(text, "en") == expected


def test_without_a_preference_the_identifier_decides() -> None:
    assert detect_language("Putin met Xi in Beijing.") != "en"  # why the preference exists
    assert detect_language("Putin met Xi.", "en") is None  # too short to say


@pytest.mark.parametrize("text", [
    "Putin met Xi in Beijing.", "Le président a dit qu'il irait à Paris.",
    "Presiden Jokowi bertemu Xi di Beijing kemarin.", "ДОСЬЕ И НОВОСТИ", "", "1234 5678",
])
def test_the_cached_identifier_ranks_as_py3langids_own(text: str) -> None:
    """The identifier made from the tables kept mapped in the user cache scores every
    language as the one py3langid unpacks from its model (a script's capitals, an
    empty text and one without features included)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from dossier.pipeline import _language_identifier

    own = _own_identifier(LanguageIdentifier, MODEL_DIR / MODEL_FILE)
    assert _language_identifier().rank(text) == own.rank(text)
    assert _language_identifier().classify(text) == own.classify(text)


@functools.cache
def _own_identifier(cls: Any, model: Path) -> Any:
    return cls.from_model_file(model)


@pytest.mark.parametrize(("model", "lang"), [
    (None, "en"), ("en_core_web_trf", "en"), ("de_core_news_sm", "de"),
    ("/models/fr_dep_news_trf", "fr"), ("C:\\models\\es_core_news_md", "es"),
    ("/models/my-pipeline", "en"),
])
def test_model_language_from_the_setting(model: str | None, lang: str) -> None:
    assert model_language({"spacy_model": model}) == lang


def test_a_short_english_sentence_is_analysed() -> None:
    doc = Document(id="one", source="one.txt", text="Putin met Xi in Beijing.\n", format="text")
    res = process_document(doc, load_settings())
    assert res.articles[0].language == "en"
    assert {m.text for m in res.mentions} >= {"Putin", "Xi"}


GERMAN = ("Am 12. September startet wieder die Messe in Köln, und wir sind mit dabei. Auf "
          "Europas größter Konferenz für die Digitalbranche werden mehr als 40.000 Besucher "
          "erwartet, mit über 1.000 Ausstellern und über 100 Seminaren.")
ENGLISH = ("The prime minister told parliament on Tuesday that the talks with Beijing would "
           "resume next month, despite the row over the ambassador's remarks.")


@pytest.mark.parametrize(("declared", "text", "expected"), [
    ("en", GERMAN, "de"),  # a template's lang="en" over German text
    ("en-GB", ENGLISH, "en"),  # the primary subtag, which the model's language is
    ("EN_us", ENGLISH, "en"),
    ("  ", ENGLISH, "en"),  # blank: as none
    ("tlh", ENGLISH, "en"),  # a tag the identifier does not know: the text's
    ("en", "Putin met Xi in Beijing.", "en"),  # short: the declared one stands
    ("fr", ENGLISH, "en"),
    (None, GERMAN, "de"),
    (None, ENGLISH, "en"),
])
def test_a_declared_language_the_text_clearly_contradicts_is_not_kept(
        declared: str | None, text: str, expected: str) -> None:
    assert article_language(declared, text, {"spacy_model": None}) == expected


def test_no_span_starts_or_ends_in_blanks(demo_records: list[dict]) -> None:
    # an "according to" clause ran over the blanks a dropped ad marker leaves
    # ("… other states”.\n             \n"): a span ends on its last word
    spans = [r for r in demo_records if r["kind"] in ("quote", "mention")]
    assert spans and all(r["text"] == r["text"].strip() for r in spans)


def test_a_json_row_declaring_en_us_is_analysed(tmp_path: Path) -> None:
    # JSON Lines rows keep the tag as written ("en-US"); the article is English
    row = {"text": ENGLISH + " Mr Sunak told MPs on Wednesday that Britain would act.",
           "language": "en-US"}
    (tmp_path / "rows.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    sink = ListSink()
    run([tmp_path / "rows.jsonl"], sink, load_settings())
    assert sink.results and sink.results[0].articles[0].language == "en"
    assert sink.results[0].mentions  # analysed, not skipped as another language
