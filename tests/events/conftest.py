"""Event tests: a function from a sentence (and its date) to the events Dossier codes."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event

D = date(2024, 5, 16)


@pytest.fixture(scope="module")
def events():  # type: ignore[no-untyped-def]
    an = analysers()

    def run(text: str, on: date = D) -> list[Event]:
        return extract_events(an.read(text, published=on), an.geo)

    return run
