"""What the command line needs beyond click: filter values checked as usage errors,
tables that fit the terminal, and progress when output is not a terminal.

Kept apart from ``cli.py`` so that the commands stay thin shells over the library.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import click
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

ELLIPSIS = "…"


# -- filter values ----------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str, *, end: bool = False) -> str:
    """``value`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (what the store compares).

    ISO forms are checked (no 2024-02-31); anything else goes to dateparser in
    English ("yesterday", "3 days ago", "16 May 2024", "May 2024": the month's first
    day, or its last with ``end``). Bare numbers other than a year are refused
    (dateparser reads "12" as the 12th of this month). Raises ValueError."""
    text = value.strip()
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a date ({exc})") from None
        return text
    if not text or text.isdigit() or not re.search(r"[A-Za-z]", text):
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or words "
                         "such as 'yesterday', '3 days ago', '16 May 2024'")
    import dateparser  # type: ignore[import-untyped]

    found = dateparser.parse(text, languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "last" if end else "first",
        "RETURN_AS_TIMEZONE_AWARE": False})
    if found is None:
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or words "
                         "such as 'yesterday', '3 days ago', '16 May 2024'")
    return found.date().isoformat()


class DateParam(click.ParamType):
    """A date filter; see :func:`parse_date`."""

    name = "date"

    def __init__(self, end: bool = False) -> None:
        self.end = end

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            return parse_date(str(value), end=self.end)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DATE_HELP = ("YYYY-MM-DD, YYYY-MM, YYYY, or what dateparser reads in English "
             "('yesterday', '3 days ago', '16 May 2024')")


class CameoRoot(click.ParamType):
    """A CAMEO root code, 01-20 ("4" is "04")."""

    name = "root"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        from dossier.events.codes import cameo

        text = str(value).strip()
        roots = {c.root for c in cameo().values()}
        if text.isdigit() and len(text) <= 2 and text.zfill(2) in roots:
            return text.zfill(2)
        self.fail(f"{value!r} is not a CAMEO root code: use 01-20 (e.g. 04 consult, "
                  "11 disapprove)", param, ctx)


class Code(click.ParamType):
    """A short upper-case code (ISO 3166 alpha-3 country, CAMEO sector, ISO 639-1
    language): letters only, ``length`` of them at most."""

    def __init__(self, name: str, lengths: tuple[int, ...], example: str,
                 lower: bool = False) -> None:
        self.name, self.lengths, self.example, self.lower = name, lengths, example, lower

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        text = str(value).strip()
        if text.isascii() and text.isalpha() and len(text) in self.lengths:
            return text.lower() if self.lower else text.upper()
        self.fail(f"{value!r} is not a {self.name} code (e.g. {self.example})", param, ctx)


def limit_option(default: int) -> Callable[[Any], Any]:
    return click.option("--limit", type=click.IntRange(min=0), default=default,
                        show_default=True, help="At most this many rows (0: all of them).")


# -- tables -----------------------------------------------------------------------------
def clip(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` cells, cut at a word boundary with "…"."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    cut = text[: width - 1]
    while cell_len(cut) > width - 1:
        cut = cut[:-1]
    space = cut.rfind(" ")
    if space >= width // 3:  # a word boundary not too far back
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + ELLIPSIS


FLEX_MIN = 16  # the flexible column keeps at least this many cells before others shrink


def print_table(columns: Sequence[str], rows: Sequence[Sequence[str]], *, flex: str,
                shrink: Sequence[str] = (), wide: bool = False,
                console: Console | None = None) -> None:
    """A table as wide as the terminal, one line a row: the ``flex`` column gets what
    the others leave and is cut at a word boundary with "…"; the ``shrink`` columns
    (names) take a fifth of the line at most. ``wide``: every cell whole."""
    from rich.table import Table  # (here: a run's start-up needs no table)

    con = console or Console(highlight=False)
    t = Table(box=None, header_style="bold", pad_edge=False, expand=False)
    if wide:
        for col in columns:
            t.add_column(col, no_wrap=True)
        for r in rows:
            t.add_row(*(escape(" ".join(c.split())) for c in r))
        Console(highlight=False, width=10**5, file=con.file).print(t, crop=False)
        return
    nat = [max([cell_len(col)] + [cell_len(" ".join(r[i].split())) for r in rows])
           for i, col in enumerate(columns)]
    k = list(columns).index(flex)
    small = [i for i, c in enumerate(columns) if c in shrink]
    avail = con.width - 2 * (len(columns) - 1)
    widths = list(nat)
    for i in small:  # names: a fifth of the line at most, the rest for the text
        widths[i] = min(nat[i], max(12, cell_len(columns[i]), avail // 5))
    widths[k] = max(min(nat[k], FLEX_MIN),
                    min(nat[k], avail - sum(w for i, w in enumerate(widths) if i != k)))
    for i, col in enumerate(columns):
        t.add_column(col, no_wrap=True, overflow="ellipsis", width=widths[i])
    for r in rows:
        t.add_row(*(escape(clip(c, widths[i])) for i, c in enumerate(r)))
    con.print(t)


def say_empty(what: str, filters: dict[str, Any]) -> None:
    """One line on stderr for an empty result, with the filters that made it so."""
    given = " ".join(f"--{k.replace('_', '-')} {v!r}" for k, v in filters.items()
                     if v not in (None, "", False))
    click.echo(f"no {what} match" + (f" {given}" if given else "") + " in this store", err=True)


# -- progress ---------------------------------------------------------------------------
class Heartbeat:
    """One line on stderr every ``every`` seconds while a run goes on, for output that
    is not a terminal (a log, a pipe): what has been read and stored so far."""

    def __init__(self, label: str, files: int, every: float = 10.0,
                 written: Callable[[], int] = lambda: 0,
                 echo: Callable[[str], None] | None = None) -> None:
        self.label, self.files, self.every, self.written = label, files, every, written
        self.echo = echo or (lambda line: click.echo(line, err=True))
        self.sources: set[str] = set()
        self.documents = 0
        self._start = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True,
                                        name="dossier-heartbeat")

    def tick(self, source: str) -> None:
        self.documents += 1
        self.sources.add(source)

    def line(self) -> str:
        return (f"{self.label}: {len(self.sources)} of {self.files or '?'} file(s) begun, "
                f"{self.documents} document(s) read, {self.written()} analysed and written, "
                f"{time.monotonic() - self._start:.0f} s")

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.echo(self.line())

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=1)
