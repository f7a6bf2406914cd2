"""Quote tests: a function from text to the quotes Dossier finds in it."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.quotes.extract import extract_quotes
from dossier.records import Quote


@pytest.fixture(scope="module")
def quotes():  # type: ignore[no-untyped-def]
    an = analysers()

    def run(text: str, on: date = date(2024, 5, 16)) -> list[Quote]:
        return extract_quotes(an.read(text, published=on), an.geo)

    return run
