"""Event dates resolved against the article's date, with their precision.

dateparser handles most phrases ("on Thursday", "in December 2023", "last week");
it misses "last March", "earlier on Wednesday" and seasons, which are handled here
first.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser  # type: ignore[import-untyped]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_LAST_MONTH = re.compile(r"\blast (" + "|".join(_MONTHS) + r")\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on |earlier on |late on |early on )?(" + "|".join(_DAYS) + r")\b",
                      re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b")


@lru_cache(maxsize=16384)  # news repeats its date phrases; dateparser is slow
def resolve(phrase: str, base: date | None) -> tuple[str | None, str]:
    """``(ISO date, precision)`` for a date phrase, relative to ``base``."""
    p = phrase.strip()
    if m := _MONTH_YEAR.search(p):
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1).lower()]:02d}", "month"
    if base is None:
        return None, "none"
    if m := _LAST_MONTH.search(p):
        month = _MONTHS[m.group(1).lower()]
        year = base.year - 1 if month >= base.month else base.year
        return f"{year:04d}-{month:02d}", "month"
    if m := _WEEKDAY.search(p):
        target = _DAYS[m.group(1).lower()]
        back = (base.weekday() - target) % 7
        return (base - timedelta(days=back)).isoformat(), "day"
    if m := _YEAR.search(p):
        return m.group(1), "year"
    if re.search(r"\bthis year\b", p, re.I):
        return f"{base.year:04d}", "year"
    if re.search(r"\blast year\b", p, re.I):
        return f"{base.year - 1:04d}", "year"
    parsed = dateparser.parse(p, settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": [],
    }, languages=["en"])
    if parsed is None:
        return None, "none"
    return parsed.date().isoformat(), "day"
