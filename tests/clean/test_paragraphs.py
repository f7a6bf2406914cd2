from __future__ import annotations

import pytest

from dossier.clean.paragraphs import paragraph_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\nTwo.\n", ["One.", "Two."]),
        ("One.\r\n\r\nTwo.", ["One.", "Two."]),
        ("  padded  \n\n\n", ["padded"]),
        ("", []),
        ("\n \n", []),
        # hard-wrapped Markdown: blocks are paragraphs
        ("A short\nwrapped line\nhere.\n\nSecond block\nwraps too.\n",
         ["A short\nwrapped line\nhere.", "Second block\nwraps too."]),
        ("single line without newline", ["single line without newline"]),
    ],
)
def test_paragraph_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in paragraph_spans(text)] == expected


def test_spans_point_into_the_text(demo_text: str) -> None:
    for s in paragraph_spans(demo_text):
        chunk = demo_text[s.start : s.end]
        assert chunk == chunk.strip() and chunk
