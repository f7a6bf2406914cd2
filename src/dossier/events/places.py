"""Where an event happened: place names in its sentence, through the run's
:class:`~dossier.gazetteer.Geography`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from dossier.gazetteer import Geography

# Prepositions that place an event ("in Shanghai", "at the UN in Geneva").
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


def locate(sent: Span, trigger: Token, geo: Geography) -> dict[str, Any] | None:
    """The place of the event: a city or country in a locative phrase of its
    sentence, the one nearest the trigger."""
    best: tuple[int, dict[str, Any]] | None = None
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        prep = ent.root.head if ent.root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in LOCATIVE:
            continue
        city = geo.city(ent.text)
        place: dict[str, Any] | None = None
        if city is not None:
            place = {"name": city["name"], "country": city["country"], "lat": city["lat"],
                     "lon": city["lon"]}
        else:
            state = geo.state(ent.text)
            if state is not None:
                place = {"name": state.name, "country": state.code, "lat": None, "lon": None}
        if place is not None:
            distance = abs(ent.root.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, place)
    return best[1] if best else None
