"""dossier.parse.tree.positions: where a token text stands, read off the token array."""

from __future__ import annotations

import pytest
import spacy

from dossier.parse.tree import positions


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy.blank("en")


@pytest.mark.parametrize(("text", "wanted", "expected"), [
    ("the Space Launch System (SLS) and the ( other )", "(", [4, 9]),
    ("Rand Paul spoke. Sen. Rand Paul said", "Rand", [0, 5]),
    # case counts, as the token's text does
    ("rand Rand RAND", "Rand", [1]),
    # a text no token has, one the vocabulary never saw, and an empty document
    ("no brackets here", "(", []),
    ("no brackets here", "Zyxwvut-never-seen", []),
    ("", "(", []),
])
def test_positions_are_the_tokens_with_that_text(nlp, text: str, wanted: str,  # type: ignore[no-untyped-def]
                                                 expected: list[int]) -> None:
    doc = nlp(text)
    assert positions(doc, wanted) == expected
    assert positions(doc, wanted) == [t.i for t in doc if t.text == wanted]  # the walk's
