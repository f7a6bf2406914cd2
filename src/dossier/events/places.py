"""Where an event happened: place names in its sentence, through the run's
:class:`~dossier.gazetteer.Geography`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.events.book import BOOK
from dossier.gazetteer import Geography
from dossier.parse import ents_in
from dossier.records import Location

# Prepositions that place an event ("in Shanghai", "at the UN in Geneva").
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


@BOOK.rule("places", off=None)
def locate(sent: Span, trigger: Token, geo: Geography) -> Location | None:
    """The place of the event: a city or country in a locative phrase of its
    sentence, the one nearest the trigger: "Protests spread across China. In Shanghai
    the police cracked down on demonstrators" (Shanghai), "Speaking in Canberra, Boris
    Johnson criticised Russia" (Canberra)."""
    best: tuple[int, Location] | None = None
    for ent in ents_in(sent):
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        prep = ent.root.head if ent.root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in LOCATIVE:
            continue
        city = geo.city(ent.text)
        place: Location | None = None
        if city is not None:
            place = Location(city["name"], city["country"], city["lat"], city["lon"])
        else:
            state = geo.state(ent.text)
            if state is not None:
                place = Location(state.name, state.code, None, None)
        if place is not None:
            distance = abs(ent.root.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, place)
    return best[1] if best else None
