"""``quotes.mentions._after_first_name_hits`` finds what the pattern it stands for
finds ("<Capitalised word> <name>" at word boundaries), hit for hit, from any offset:
made-up sentences, names with and without regular-expression characters."""

from __future__ import annotations

import re

import pytest

from dossier.quotes.mentions import _after_first_name_hits

TEXTS = [
    "Officials said Maria Lopez met Lopez's aides. Later Juan Lopez spoke; (Ana Lopez) too.",
    "The minister, Lopez, said: “Dr Lopez and O’Brien Lopez-Smith agreed,” said Ed Lopez.",
    "Xi Jinping met Xi. “Xi,” said Xi Jinping’s aide, and Mr. Xi left.",
    "Jean-Paul Sartre and Jean-Paul Sartres; J. Sartre, JP Sartre and d'Sartre Sartre.",
    "U.S. President Biden said Biden would go. VP Biden_ and Joe Biden2 and Joe  Biden.",
    "Kim Jong Un met Moon Jae-in. Moon said Kim Jong Un and President Moon Jae-in spoke.",
    "Ümit Özdağ and Ahmet Özdağ said Özdağ left; İsmail Özdağ stayed with Özdağlar.",
    "a.b (c.d) e+f said A e+f; Qq e+f and X e+f. Zz a.b and Yy (c.d) were there.",
    "",
]
NAMES = ["Lopez", "Xi", "Xi Jinping", "Sartre", "Biden", "Moon Jae-in", "Kim Jong Un",
         "Özdağ", "e+f", "a.b", "(c.d)", "Nobody", "Lopez-Smith"]


def expected(text: str, name: str, at: int) -> list[tuple[int, int, int]]:
    pattern = re.compile(r"\b([A-Z][\w'’-]+) " + re.escape(name) + r"\b")
    return [(m.start(1), m.end(1), m.end()) for m in pattern.finditer(text, at)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name", NAMES)
def test_hits_are_the_patterns(text: str, name: str) -> None:
    for at in range(len(text) + 1):
        assert list(_after_first_name_hits(text, name, at)) == expected(text, name, at)


@pytest.mark.parametrize(("text", "name", "hits"), [
    ("Then Maria Lopez said so.", "Lopez", ["Maria Lopez"]),
    ("Then maria Lopez said so.", "Lopez", []),  # no capital
    ("Then Maria Lopezes said so.", "Lopez", []),  # no word boundary after the name
    ("Then Maria  Lopez said so.", "Lopez", []),  # two spaces
    ("“Maria Lopez,” he said, and Juan Lopez did.", "Lopez", ["Maria Lopez", "Juan Lopez"]),
])
def test_hits_in_sentences(text: str, name: str, hits: list[str]) -> None:
    assert [text[s:e] for s, _, e in _after_first_name_hits(text, name, 0)] == hits
