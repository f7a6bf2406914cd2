"""Split text into paragraph spans without changing a character."""

from __future__ import annotations

import re
from statistics import mean

from dossier.records import Span

_BLOCK_SEP = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")

# Hard-wrapped text (Markdown, e-mail) keeps lines shorter than this on average;
# one-paragraph-per-line dumps have far longer lines.
WRAPPED_LINE_CHARS = 100


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs as spans into ``text``.

    One paragraph a line, unless the text is hard-wrapped into blank-line separated
    blocks (most blocks several lines, lines short): then a block is a paragraph.
    """
    blocks: list[Span] = []
    pos = 0
    for m in _BLOCK_SEP.finditer(text):
        span = _trim(text, pos, m.start())
        if span:
            blocks.append(span)
        pos = m.end()
    last = _trim(text, pos, len(text))
    if last:
        blocks.append(last)
    multi = [b for b in blocks if "\n" in text[b.start : b.end]]
    if len(blocks) > 1 and len(multi) >= len(blocks) / 2:
        lines = [len(m.group()) for b in multi for m in _LINE.finditer(text, b.start, b.end)]
        if lines and mean(lines) < WRAPPED_LINE_CHARS:
            return blocks
    out: list[Span] = []
    for m in _LINE.finditer(text):
        span = _trim(text, m.start(), m.end())
        if span:
            out.append(span)
    return out
