"""Negation and modality (events.modality): negated events are flagged, not counted;
future, hypothetical and intended events are marked. Sentences written for these
tests; the rules' own rows are in test_rules.py."""

from __future__ import annotations

import pytest

from dossier.records import Event


def dyads(evs: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_actor and e.source_actor.country,
             e.target_actor and e.target_actor.country)
            for e in evs if not e.negated}


@pytest.mark.parametrize(
    "text",
    [
        "President Xi has not publicly condemned Russia.",  # negated
        "China stops short of offering weapons to Russia.",  # negating governor
    ],
)
def test_negated_events_flagged_not_counted(events, text: str) -> None:  # type: ignore[no-untyped-def]
    evs = events(text)
    assert dyads(evs) == set()
    assert all(e.negated for e in evs)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Liz Truss will call on Rishi Sunak to stand firm.", "future"),
        ("Russia could attack Ukraine again.", "hypothetical"),
        ("If China invades Taiwan, the US would respond.", "hypothetical"),
    ],
)
def test_modality(events, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    evs = events(text)
    assert evs and evs[0].modality == modality
