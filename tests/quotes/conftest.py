"""Quote tests: a function from text to the quotes Dossier finds in it."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors.link import linker_for
from dossier.quotes.extract import extract_quotes
from dossier.records import Quote


@pytest.fixture(scope="module")
def quotes():  # type: ignore[no-untyped-def]
    linker = linker_for(None)

    def run(text: str, on: date = date(2024, 5, 16)) -> list[Quote]:
        doc = linker.nlp(text)
        mentions = linker.link(doc, source="t", article_id="a", published=on)
        return extract_quotes(doc, mentions, source="t", article_id="a")

    return run
