"""Quotation marks: the content spans of quotations, joined across paragraphs (the UK
and US convention: a paragraph that opens a quote and does not close it continues
into the next one that opens with a mark), and where a quotation stands in its
paragraph."""

from __future__ import annotations

import re

from dossier.parse import misclosed
from dossier.quotes.book import BOOK

_OPEN = "“"
_CLOSE = "”"
# curly, straight, and two apostrophes (''…'', the convention of some news archives)
MARK = re.compile(r"''|[“”\"]")
# what may stand around a quotation's content on its line: space and marks
MARKS = " \t“”\"‘’'"
# Spaces a web page sets between sentences besides the plain one: no-break, thin,
# narrow no-break.
WIDE_SPACES = "\xa0\u2009\u202f"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Content spans (inside the marks) of quotations, joined across paragraphs."""
    spans: list[tuple[int, int]] = []
    cur: int | None = None  # content start of the quote now open
    cur_end = 0  # where its content reached at the end of the last paragraph
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        tail = end - (len(line) - len(line.rstrip()))
        i = start
        if cur is not None:  # a quote left open at the previous paragraph's end
            if continues(stripped):  # skip this paragraph's opening mark
                i = lead + (2 if stripped.startswith("''") else 1)
            else:
                spans.append((cur, cur_end))
                cur = None
        for m in MARK.finditer(text, i, end):
            k, ch = m.start(), m.group()
            if cur is None:
                if ch == _OPEN or (ch in ('"', "''") and opens(text, k)) or (
                        ch == _CLOSE and close_mark_opens(k, lead)):
                    cur = m.end()
            elif ch in (_CLOSE, '"', "''") or misclosed_mark(text, k):
                spans.append((cur, k))
                cur = None
        if cur is not None:
            cur_end = tail
    if cur is not None:
        spans.append((cur, cur_end))
    spans = [(a, b) for a, b in spans if b > a]
    singles = [(a, b) for a, b in single_quotes(text)
               if not any(qa <= b and a <= qb for qa, qb in spans)]
    return sorted(spans + singles) if singles else spans


# UK single quotation marks: an opening ‘ or ' after space, a bracket or a dash and
# before a letter; a closing ’ or ' after a word and before punctuation, space or the
# line's end, with punctuation just inside it or just outside (‘…,’ she said; ‘….’;
# ‘…’.). An apostrophe inside a word ("don’t") or a plural's ("the farmers’ union")
# closes nothing.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–]))[‘'](?=[A-Za-z])")
_SINGLE_CLOSE = re.compile(r"(?<=[.,!?…])[’'](?=[\s)\]—–]|$)|(?<=[\w])[’'](?=[.,;:!?…]*(?:\s|$))"
                           r"(?=[.,;:!?…])")
# A single-quoted quotation has at least this many words (shorter: a title, a scare
# quote, "rock 'n' roll").
SINGLE_MIN_WORDS = 3


@BOOK.rule("marks", off=[])
def single_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations in single marks (UK copy) within one paragraph: "who wrote on X:
    ‘Military Industrial Complex seems to be in charge.’", "'We will not back
    down,' she said." (not an apostrophe: "don’t", "the farmers’ union", "’90s")."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "‘" not in line and "'" not in line:
            continue
        k = 0
        while (m := _SINGLE_OPEN.search(line, k)) is not None:
            c = _SINGLE_CLOSE.search(line, m.end())
            if c is None:
                break
            again = _SINGLE_OPEN.search(line, m.end(), c.start())
            if again is not None and line[again.start()] == line[m.start()]:
                k = again.start()  # "the so-called ‘golden era’ is … ‘a disgrace’"
                continue
            body = line[m.end() : c.start()]
            if len(body.split()) >= SINGLE_MIN_WORDS and "“" not in body and '"' not in body:
                out.append((start + m.end(), start + c.start()))
            k = c.end()
    return out


@BOOK.rule("marks", off=False)
def continues(paragraph: str) -> bool:
    """A quotation left open at a paragraph's end goes on in the next paragraph when
    that one opens with a mark (the UK and US convention): "Osborne said: “I believe
    our two countries are partners.⏎“Britain can be China’s best partner.”"."""
    return paragraph[0] in (_OPEN, '"') or paragraph.startswith("''")


@BOOK.rule("marks", off=False)
def close_mark_opens(k: int, lead: int) -> bool:
    """A paragraph that opens with ” (a typo for “) opens a quotation: "”We will
    win,” he said."."""
    return k == lead


@BOOK.rule("marks", off=False)
def misclosed_mark(text: str, k: int) -> bool:
    """An opening mark typed for the closing one closes the quotation: "“We will not
    sign it,“ the minister said" (:func:`dossier.parse.misclosed`)."""
    return misclosed(text, k)


def opens(text: str, k: int) -> bool:
    """A straight double quote opens when it follows space or start, not a word."""
    return k == 0 or not text[k - 1].isalnum()


def whole_paragraph(text: str, a: int, b: int) -> bool:
    """Whether the quotation ``text[a:b]`` is all its paragraph holds, but its marks."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:a].strip(" “\"")
    after = text[b:line_end].strip(" ”\".,")
    return not before and not after
