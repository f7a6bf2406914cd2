"""Cut long text into pieces the parser can take, at sentence boundaries where there
are some, without changing a character.

spaCy's parser and the code that walks its trees recurse along a sentence: a
"sentence" of ~35,000 tokens (``"said " * 35000``) overflows the C stack and kills
the process (SIGSEGV), and a text over ``nlp.max_length`` (1,000,000 characters) is
refused outright. So no piece of text handed to the NLP is longer than
``PIECE_MAX_CHARS``, and no line in it longer than ``LINE_MAX_CHARS``: a longer
line (a paragraph of a dump, or a whole file on one line) is cut after a sentence
end, else after a clause mark, else at white space, else anywhere. Each piece is a
span of the article, so every record found in it maps back to the file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dossier.records import Article, Dropped, Span

# A line (paragraph) longer than this is cut into pieces of its own. News paragraphs
# run to ~1,500 characters; 10,000 characters hold at most ~10,000 tokens, a third
# of the sentence length that crashed spaCy 3.8's parser walk (35,000 tokens; 25,000
# passed) even if the parser finds no sentence end in them.
LINE_MAX_CHARS = 10_000
# A run of this many characters without white space is no word (URLs stay well
# under it): spaCy's tokenizer strips affixes from a token one at a time, so a
# 60,000-character "((((…said…))))" took 115 s to tokenise. Such runs are cut into
# pieces of this size.
RUN_MAX_CHARS = 1_000
# A piece of whole lines sent to the NLP in one parse: long-form articles (~60,000
# characters) stay whole, and spaCy's 1,000,000-character max_length is far off.
PIECE_MAX_CHARS = 100_000

# Where a long line may be cut, best first: after a sentence end ("… said. The"),
# after a clause mark ("…; the", "…, and"), at any white space.
_BREAKS = (
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"[;:,—–][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)
_LINE = re.compile(r"[^\n]+")
_RUN = re.compile(r"\S{%d,}")


def cut_line(text: str, start: int, end: int, limit: int | None = None) -> list[Span]:
    """``text[start:end]`` as spans of at most ``limit`` characters, each ending at
    the best break in its second half (sentence, clause, white space), else at the
    limit; white space at the cuts is left out."""
    limit = limit or LINE_MAX_CHARS
    out: list[Span] = []
    pos = _skip_space(text, start, end)
    while end - pos > limit:
        stop = pos + limit
        cut = stop
        for rx in _BREAKS:
            last = None
            for m in rx.finditer(text, pos + limit // 2, stop):
                last = m
            if last is not None:
                cut = last.end()
                break
        out.append(_trimmed(text, pos, cut))
        pos = _skip_space(text, cut, end)
    if pos < end:
        out.append(_trimmed(text, pos, end))
    return [s for s in out if s.end > s.start]


def pieces(text: str, limit: int | None = None, line_limit: int | None = None) -> list[Span]:
    """Spans of ``text`` to parse one at a time: runs of whole lines of at most
    ``limit`` characters, and each line over ``line_limit`` cut on its own by
    :func:`cut_line`. Text within both limits is one piece, the whole of it."""
    limit, line_limit = limit or PIECE_MAX_CHARS, line_limit or LINE_MAX_CHARS
    long_run = _RUN.pattern % (RUN_MAX_CHARS + 1)
    runs = re.search(long_run, text) is not None
    if len(text) <= line_limit and not runs:
        return [Span(0, len(text))]
    lines = [m.span() for m in _LINE.finditer(text)]
    if len(text) <= limit and not runs and all(b - a <= line_limit for a, b in lines):
        return [Span(0, len(text))]
    out: list[Span] = []
    first = last = -1  # the run of whole lines gathered so far
    for a, b in lines:
        has_run = runs and re.search(long_run, text[a:b]) is not None
        if b - a > line_limit or has_run:
            if first >= 0:
                out.append(Span(first, last))
                first = -1
            out.extend(_cut_runs(text, a, b, line_limit) if has_run
                       else cut_line(text, a, b, line_limit))
            continue
        if first >= 0 and b - first > limit:
            out.append(Span(first, last))
            first = -1
        if first < 0:
            first = a
        last = b
    if first >= 0:
        out.append(Span(first, last))
    return out


def _cut_runs(text: str, start: int, end: int, line_limit: int) -> list[Span]:
    """A line holding runs of over RUN_MAX_CHARS non-space characters: the text
    between them cut as any long line, each run in pieces of RUN_MAX_CHARS."""
    out: list[Span] = []
    pos = start
    for m in re.finditer(_RUN.pattern % (RUN_MAX_CHARS + 1), text[start:end]):
        a, b = start + m.start(), start + m.end()
        if a > pos:
            out.extend(cut_line(text, pos, a, line_limit))
        out.extend(Span(i, min(i + RUN_MAX_CHARS, b)) for i in range(a, b, RUN_MAX_CHARS))
        pos = b
    if pos < end:
        out.extend(cut_line(text, pos, end, line_limit))
    return out


def article_pieces(article: Article, dropped: list[Dropped]
                   ) -> list[tuple[Article, list[Dropped]]]:
    """The article as pieces for the NLP, each with the dropped spans inside it
    (clipped to it). A piece keeps the article's id and metadata; its ``start`` and
    ``end`` are where it lies in the document, so the NLP's records of a piece are
    records of the article, at offsets into the file."""
    own = [d for d in dropped if d.article_id == article.id]
    spans = pieces(article.text)
    if len(spans) == 1 and len(spans[0]) == len(article.text):
        return [(article, own)]
    out = []
    for s in spans:
        a, b = article.start + s.start, article.start + s.end
        piece = replace(article, start=a, end=b, text=article.text[s.start : s.end])
        inside = [replace(d, start=max(d.start, a), end=min(d.end, b),
                          text=d.text[max(d.start, a) - d.start : min(d.end, b) - d.start])
                  for d in own if d.start < b and d.end > a]
        out.append((piece, inside))
    return out


def needs_pieces(articles: list[Article]) -> bool:
    """Whether any of the articles is too long to be parsed whole."""
    return any(len(pieces(a.text)) > 1 for a in articles)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
