"""The date roles are resolved on when the article has none: the latest full date
its text gives ("Nov. 3, 2019", "3 November 2019"), else the latest year it names
at least twice, at mid-year; with neither, the latest holder of each role."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from dossier.actors.cues import BOOK

# Years a news text may plausibly be dated in.
FIRST_YEAR, LAST_YEAR = 1990, 2035
# A year alone dates the text when it is the latest named and named this often (a
# year named once is as likely a look back: "the 2015 state visit").
YEAR_REPEATS = 2
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?" \
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@BOOK.rule("roles", off=None)
def date_in_text(text: str) -> date | None:
    """An undated article's date from its text: "WASHINGTON, Nov. 3, 2019 — …" is
    2019-11-03 ("Truss condemned Sunak" is then read in 2019, not with the latest
    roles); the latest full date, else the latest year if named twice (July 1)."""
    found: list[date] = []
    for m in _MDY.finditer(text):
        found += _day(int(m.group(3)), m.group(1), int(m.group(2)))
    for m in _DMY.finditer(text):
        found += _day(int(m.group(3)), m.group(2), int(m.group(1)))
    if found:
        return max(found)
    years = Counter(int(y) for y in _YEAR.findall(text) if FIRST_YEAR <= int(y) <= LAST_YEAR)
    if years and years[max(years)] >= YEAR_REPEATS:
        return date(max(years), 7, 1)
    return None


def _day(year: int, month: str, day: int) -> list[date]:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return []
    try:
        return [date(year, _MONTHS.index(month[:3].lower()) + 1, day)]
    except ValueError:
        return []
