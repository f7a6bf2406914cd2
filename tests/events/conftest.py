"""Event tests: a function from a sentence (and its date) to the events Dossier codes."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors.link import linker_for
from dossier.events.extract import extract_events
from dossier.records import Event

D = date(2024, 5, 16)


@pytest.fixture(scope="module")
def events():  # type: ignore[no-untyped-def]
    linker = linker_for(None)

    def run(text: str, on: date = D) -> list[Event]:
        doc = linker.nlp(text)
        mentions = linker.link(doc, source="t", article_id="a", published=on)
        return extract_events(doc, mentions, source="t", article_id="a", published=on)

    return run
