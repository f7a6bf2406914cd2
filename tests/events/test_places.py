"""Event places (events.places): the city or country of a locative phrase nearest the
trigger."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protests spread across China. In Shanghai the police cracked down on demonstrators.",
         ("Shanghai", "CHN")),
        ("Speaking in Canberra, Boris Johnson criticised Russia.", ("Canberra", "AUS")),
        ("Boris Johnson criticised Russia.", None),  # no place in the sentence
    ],
)
def test_location(events, text: str, expected: tuple | None) -> None:  # type: ignore[no-untyped-def]
    (e,) = [e for e in events(text) if not e.negated]
    if expected is None:
        assert e.location is None
    else:
        assert (e.location.name, e.location.country) == expected
        assert e.location.lat is not None
