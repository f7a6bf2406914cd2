"""Event tests: a function from a sentence (and its date) to the events Dossier codes.

The confidences asserted here are the rules' own (``[confidence]`` of
``event_patterns.toml``): ``events.post.page_calibrated``, which scales them to the
share right on real pages, is switched off but in tests/events/test_post.py."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event
from dossier.rules import switched_off

D = date(2024, 5, 16)


@pytest.fixture(scope="module")
def events():  # type: ignore[no-untyped-def]
    an = analysers()

    def run(text: str, on: date = D) -> list[Event]:
        return extract_events(an.read(text, published=on), an.geo)

    return run


@pytest.fixture(autouse=True)
def rules_own_confidence(request):  # type: ignore[no-untyped-def]
    if request.module.__name__.rsplit(".", 1)[-1] == "test_post":
        yield
        return
    with switched_off("events.post.page_calibrated"):
        yield
