"""dossier.parse.tree.positions and first_between: where token texts stand, read off the
token array; column (the token array read once) and labelled (children with their
labels)."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import IS_UPPER, LOWER, ORTH
from spacy.tokens import Doc

from dossier.parse.tree import column, first_between, forget, labelled, positions


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


DASHES = frozenset({"-", "--", "–", "—"})


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("WASHINGTON ( AFP ) – Senator Ward spoke", 1, 10, 4),
    ("WASHINGTON ( AFP ) – Senator Ward spoke", 5, 10, None),  # after the dash
    ("WASHINGTON ( AFP ) – Senator Ward spoke", 1, 4, None),  # before it
    ("WASHINGTON ( AFP ) – Senator Ward spoke", 4, 5, 4),  # the dash alone
    ("Hamas – the group that rules Gaza – attacked", 0, 10, 1),  # the first of two
    ("Hamas – the group that rules Gaza – attacked", 2, 10, 7),
    # a window past the document's end, one that starts past it, an empty one
    ("Kabul -- Afghan forces", 1, 30, 1),
    ("Kabul -- Afghan forces", 9, 30, None),
    ("Kabul -- Afghan forces", 2, 2, None),
    # no dash at all, marks that are no dash of the set, an empty document
    ("Hamas said the group rules Gaza", 0, 10, None),
    ("a minus − sign and a hyphen ‐ too", 0, 10, None),
    ("", 0, 10, None),
])
def test_first_between_is_the_walk_over_the_slice(nlp, text: str, start: int,  # type: ignore[no-untyped-def]
                                                  end: int, expected: int | None) -> None:
    doc = nlp(text)
    assert first_between(doc, DASHES, start, end) == expected
    assert next((t.i for t in doc[start:end] if t.text in DASHES), None) == expected  # the walk's
    # asked again (the places kept), and about another set of texts
    assert first_between(doc, DASHES, start, end) == expected
    gaza = next((t.i for t in doc if t.text == "Gaza"), None)
    assert first_between(doc, frozenset({"Gaza"}), 0, 10) == gaza
    # another document between two questions about this one
    assert first_between(nlp("x – y"), DASHES, 0, 3) == 1
    assert first_between(doc, DASHES, start, end) == expected


@pytest.mark.parametrize("text", ["Rand Paul spoke. SEN. Rand Paul said", "x", ""])
def test_column_is_the_token_array_read_once(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc, other = nlp(text), nlp(text + " and more")
    for attr in (ORTH, LOWER, IS_UPPER):
        got = column(doc, attr)
        assert numpy.array_equal(got, doc.to_array(attr))
        assert column(other, attr).tolist() == other.to_array(attr).tolist()  # its own
        assert column(doc, attr) is got  # kept, and read-only
        assert not got.flags.writeable


def test_labelled_is_each_child_with_its_label(nlp) -> None:  # type: ignore[no-untyped-def]
    words = "Kyiv said that talks went well".split()
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 4, 4, 1, 4],
              deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "advmod"])
    for tok in doc:
        want = [(c.dep_, c.i) for c in tok.children]
        assert [(d, c.i) for d, c in labelled(tok)] == want
        assert [(d, c.i) for d, c in labelled(tok)] == want  # asked again
    other = Doc(nlp.vocab, words=["Go", "now"], heads=[0, 0], deps=["ROOT", "advmod"])
    assert [(d, c.i) for d, c in labelled(other[0])] == [("advmod", 1)]
    forget()
    assert [(d, c.i) for d, c in labelled(doc[1])] == [("nsubj", 0), ("ccomp", 4)]
