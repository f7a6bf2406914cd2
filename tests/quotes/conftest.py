"""Quote tests: a function from text to the quotes Dossier finds in it.

Where a room's tests are (``src/dossier/quotes/``):

- every rule, and what switching it off loses: ``test_rules.py`` (add a new rule's
  example there);
- marks (``marks.py``): ``test_extract.py``, ``test_typos_and_misparses.py``;
- cues (``cues.py``, ``lexicon.py``): ``test_extract.py``, ``test_recall.py``
  (continued quotations), ``test_typos_and_misparses.py`` (misclosed marks);
- speakers (``speakers.py``, ``mentions.py``, ``sources.py``): ``test_sources.py``,
  ``test_sources_round5.py``, ``test_phrase.py``, ``test_demo_quotes.py``;
- content shapes (``clauses.py``, ``objects.py``): ``test_reported.py``,
  ``test_naming_and_nesting.py``, ``test_wire_copy.py``;
- strategies (``marked.py``, ``reported.py``, ``paragraphs.py``) and post-passes
  (``post.py``): ``test_reported.py``, ``test_recall.py``,
  ``test_naming_and_nesting.py`` (reports nested in another quote).
"""

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
