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


@pytest.fixture(scope="session")
def found_on(link):  # type: ignore[no-untyped-def]
    """The first mention written ``surface`` in ``text`` (on the date ``on``): its actor
    (``local:<type>`` for an unknown one) and type, or None."""

    def run(text: str, surface: str, on: date) -> tuple[str, str] | None:
        m = next((m for m in link(text, on) if m.text == surface), None)
        if m is None:
            return None
        return (f"local:{m.type}" if m.actor_id.startswith("local:") else m.actor_id, m.type)

    return run
