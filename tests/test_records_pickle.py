"""Records cross from worker processes to the main process pickled: each comes back
equal, nested parts and all, and is pickled as its class and field values (not the
dataclass's field-by-field state)."""

from __future__ import annotations

import copy
import pickle

import pytest

from dossier.records import (
    ActorRef,
    Article,
    Cue,
    Document,
    DocumentResult,
    Dropped,
    Event,
    Location,
    Mention,
    Problem,
    Quote,
    ReportedVia,
    Span,
    Speaker,
    TextSpan,
    Trigger,
)

DOC = Document("d1", "news.txt", "Xi met Putin in Beijing.", "text", notes=("repaired",))
ART = Article("a1", "news.txt", "d1", 0, 24, "Xi met Putin in Beijing.", title="T",
              duplicate_kind="near", offsets_in_article=True)
MENTION = Mention("news.txt", "a1", 0, 2, "Xi", "xi-jinping", "Xi Jinping", "Q15031",
                  "CHNGOV", "CHN", "GOV", "person", "name", "c1", confidence=0.95)
XI = ActorRef("Xi Jinping", "xi-jinping", "CHNGOV", "CHN", "GOV")
QUOTE = Quote("news.txt", "a1", 3, 12, "met Putin", "indirect",
              Speaker("Xi Jinping", "xi-jinping", None, 0, 2, "name", TextSpan(0, 2, "Xi")),
              Cue("said", "say", 13, 17), "past", ReportedVia("Xinhua", None), ("CHN",), 0.8,
              segments=(TextSpan(3, 6, "met"), TextSpan(7, 12, "Putin")))
EVENT = Event("news.txt", "a1", 0, 24, "040", "04", 1, 1.0, "CONSULT", None, XI, None,
              Trigger("met", 3, 6), False, "asserted", "2024-05-16", "day",
              Location("Beijing", "CHN", 39.9, 116.4), 0.7)
RECORDS = [Span(1, 3), DOC, ART, Dropped("news.txt", "d1", 0, 2, "ad-marker", "Ad", "a1"),
           MENTION, QUOTE, EVENT, Problem("news.txt", "bad", "warning"), XI]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_record_comes_back_equal(record: object) -> None:
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.copy(record) == record
    assert copy.deepcopy(record) == record


@pytest.mark.parametrize("record", [MENTION, QUOTE, EVENT, XI], ids=lambda r: type(r).__name__)
def test_record_pickled_as_class_and_values(record: object) -> None:
    cls, values = record.__reduce__()  # type: ignore[misc]
    assert cls is type(record)
    assert cls(*values) == record


def test_result_with_records_comes_back_equal() -> None:
    result = DocumentResult(DOC, [ART], mentions=[MENTION], quotes=[QUOTE], events=[EVENT],
                            analysed=True)
    assert pickle.loads(pickle.dumps(result)) == result
