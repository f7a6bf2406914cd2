"""Actor tests: a function from a text (and its article's date) to the mentions the
linker finds in it, one linker for the whole session."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.records import Mention


@pytest.fixture(scope="session")
def link():  # type: ignore[no-untyped-def]
    an = analysers()

    def run(text: str, on: date | None = None) -> list[Mention]:
        return an.read(text, published=on).mentions

    return run
