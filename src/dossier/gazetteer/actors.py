"""The gazetteer: canonical actors, their names, roles with dates, and the words
that point at them (aliases, demonyms, capitals and seats of power, role titles).

Loaded once from the TSV files in ``dossier/data/gazetteer`` (format in its
README.md); user files with the same columns add or override entries by id.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from dossier.cache import compiled
from dossier.data import data_path
from dossier.errors import DossierError

ActorType = str  # person | org | state | bloc | region


class GazetteerError(DossierError):
    """A gazetteer file cannot be read."""


@dataclass(frozen=True, slots=True)
class Role:
    person_id: str
    role: str
    title: str
    org_id: str
    country: str
    sector: str
    start: date | None
    end: date | None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def ended_before(self, on: date) -> bool:
        return self.end is not None and self.end < on


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: ActorType
    qid: str = ""
    country: str = ""  # CAMEO / ISO3 country (or IGO / bloc code)
    sector: str = ""
    code: str = ""  # full CAMEO actor code
    gender: str = ""
    surname: str = ""
    aliases: tuple[str, ...] = ()
    roles: list[Role] = field(default_factory=list)

    def role_on(self, on: date | None) -> Role | None:
        """The role held on ``on``; latest role if no date. Of several, an office
        before a candidacy or party post (a sitting president running again is
        still the president), then the latest begun."""
        if not self.roles:
            return None

        def rank(r: Role) -> tuple[bool, date]:
            return r.sector != "PTY", r.start or date.min

        if on is None:
            return max(self.roles, key=rank)
        active = [r for r in self.roles if r.active(on)]
        return max(active, key=rank) if active else None

    def code_on(self, on: date | None) -> str:
        if self.type != "person":
            return self.code
        role = self.role_on(on)
        if role is None:
            return self.country
        return (role.country or self.country) + role.sector


@lru_cache(maxsize=65536)  # called for every name variant of every entity
def norm(text: str) -> str:
    """Lookup key: case, accents, possessive, 'the' and punctuation folded."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[^\w\s-]", "", t)
    t = re.sub(r"^the\s+", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


def _rows(text: str, source: str) -> Iterator[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    for n, row in enumerate(reader, start=2):
        if None in row:
            raise GazetteerError(f"{source}: row {n} has more columns than the header")
        yield {k: (v or "").strip() for k, v in row.items()}


def _date(value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return date.fromisoformat(value[:4] + "-01-01") if value[:4].isdigit() else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


class Gazetteer:
    """Actors and lookup tables. Build with :func:`load_gazetteer`."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.names: dict[str, set[str]] = defaultdict(set)  # norm(name/alias) -> ids
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.metonyms: dict[str, str] = {}  # norm(place) -> state or org id
        self.demonyms: dict[str, str] = {}  # norm(adjective) -> state id
        self.role_titles: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self.roles_by_key: dict[str, list[Role]] = defaultdict(list)
        self._metonym_surface: list[str] = []

    # -- building -------------------------------------------------------------
    def add(self, actor: Actor) -> None:
        old = self.actors.get(actor.id)
        if old is not None:
            actor.roles = actor.roles or old.roles
        self.actors[actor.id] = actor
        for n in (actor.name, *actor.aliases):
            if norm(n):
                self.names[norm(n)].add(actor.id)
        if actor.surname:
            self.surnames[norm(actor.surname)].add(actor.id)

    def load_tsv(self, kind: str, text: str, source: str) -> None:
        for row in _rows(text, source):
            if kind == "countries":
                code = row.get("cameo") or row["code"]
                self.add(Actor(id=code, name=row["name"], type="state", qid=row.get("qid", ""),
                               country=code, code=code, aliases=_split(row.get("aliases", ""))))
                for m in _split(row.get("metonyms", "")):
                    self.metonyms.setdefault(norm(m), code)
                    self._metonym_surface.append(m)
                for d in _split(row.get("demonyms", "")):
                    self.demonyms.setdefault(norm(d), code)
            elif kind == "blocs":
                code = row["code"]
                listed = row.get("type", "")
                self.add(Actor(id=code, name=row["name"],
                               type=listed if listed in ("bloc", "region") else "org",
                               qid=row.get("qid", ""), country=code[:3], code=code,
                               sector=code[:3] if code.startswith(("IGO", "NGO")) else "",
                               aliases=_split(row.get("aliases", ""))))
            elif kind == "organisations":
                self.add(Actor(id=row["id"], name=row["name"], type="org", qid=row.get("qid", ""),
                               country=row.get("country", ""), sector=row.get("sector", ""),
                               code=row.get("code", "") or row.get("country", ""),
                               aliases=_split(row.get("aliases", ""))))
            elif kind == "people":
                self.add(Actor(id=row["id"], name=row["name"], type="person",
                               qid=row.get("qid", ""), country=row.get("country", ""),
                               gender=row.get("gender", ""), surname=row.get("surname", ""),
                               aliases=_split(row.get("aliases", ""))))
            elif kind == "roles":
                role = Role(row["person_id"], row["role"], row.get("title", ""),
                            row.get("org_id", ""), row.get("country", ""), row.get("sector", ""),
                            _date(row.get("start", "")), _date(row.get("end", "")))
                person = self.actors.get(role.person_id)
                if person is None:
                    raise GazetteerError(f"{source}: role for unknown person {role.person_id!r}")
                person.roles.append(role)
                self.roles_by_key[role.role].append(role)
            elif kind == "role_titles":
                self.role_titles[row["phrase"].lower()].append(
                    (row["role"], row.get("org_id", ""), row.get("country", "")))
            else:
                raise GazetteerError(f"{source}: unknown gazetteer file kind {kind!r}")
        # the Kremlin, Downing Street: an organisation alias that is also a seat of power
        # stays a name lookup; metonyms only fill what names do not cover.

    # -- lookups --------------------------------------------------------------
    def by_name(self, text: str) -> list[Actor]:
        return [self.actors[i] for i in sorted(self.names.get(norm(text), ()))]

    def by_surname(self, text: str) -> list[Actor]:
        return [self.actors[i] for i in sorted(self.surnames.get(norm(text), ()))]

    def holders(self, role: str, country: str | None, on: date | None,
                org_id: str | None = None) -> list[tuple[Actor, Role]]:
        """People who held ``role`` (for ``country``/``org_id``), newest first."""
        out = []
        for r in self.roles_by_key.get(role, ()):
            if country and r.country != country:
                continue
            if org_id and r.org_id and r.org_id != org_id:
                continue
            out.append((self.actors[r.person_id], r))
        out.sort(key=lambda ar: ar[1].start or date.min, reverse=True)
        if on is not None:
            out = [ar for ar in out if ar[1].start is None or ar[1].start <= on]
        return out

    def next_in_office(self, person_id: str, on: date | None, after: bool = True
                       ) -> Actor | None:
        """The successor (``after``) or predecessor of a person in the office they
        took up last by ``on`` (candidacies and party posts aside): the holder of the
        same role, country and organisation who began within a month of its end (or
        ended within a month of its start). None while a successor is not yet known."""
        person = self.actors.get(person_id)
        if person is None:
            return None
        held = [r for r in person.roles if r.sector != "PTY" and r.start is not None
                and (on is None or r.start <= on)]
        if not held:
            return None
        r = max(held, key=lambda x: x.start or date.min)
        best: tuple[int, Actor] | None = None
        for actor, x in self.holders(r.role, r.country, None, r.org_id or None):
            if actor.id == person_id or (r.org_id and x.org_id != r.org_id):
                continue
            if after:
                if r.end is None or x.start is None or (on is not None and x.start > on):
                    continue
                gap = (x.start - r.end).days
            else:
                if r.start is None or x.end is None:
                    continue
                gap = (r.start - x.end).days
            if -31 <= gap <= 31 and (best is None or abs(gap) < best[0]):
                best = (abs(gap), actor)
        return best[1] if best else None

    def metonyms_surface(self) -> Iterable[str]:
        """Surface forms of capitals and seats of power, as the gazetteer writes them."""
        return self._metonym_surface

    def all_phrases(self) -> Iterable[str]:
        """Every surface string the matcher should find (names, aliases, places)."""
        seen: set[str] = set()
        for a in self.actors.values():
            for n in (a.name, *a.aliases):
                if n not in seen:
                    seen.add(n)
                    yield n


_FILES = ("countries", "blocs", "organisations", "people", "roles", "role_titles")


@cache
def load_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    """The shipped gazetteer, then each user file (its kind from its name:
    ``people.tsv``, ``my-people.tsv`` …) on top. Built once into the user's cache
    (:mod:`dossier.cache`; ~0.1 s to build), keyed by the files and this module's
    code."""
    parts = [(kind, data_path(f"gazetteer/{kind}.tsv").read_text(encoding="utf-8"),
              f"gazetteer/{kind}.tsv") for kind in _FILES]
    for path in extra:
        user_kind = next((k for k in _FILES if path.stem.endswith(k)), None)
        if user_kind is None:
            raise GazetteerError(f"{path}: name a user gazetteer file after its kind "
                                 f"({', '.join(f + '.tsv' for f in _FILES)})")
        try:
            parts.append((user_kind, path.read_text(encoding="utf-8"), str(path)))
        except OSError as exc:
            raise GazetteerError(f"{path}: cannot read: {exc.strerror}") from exc
    return compiled("gazetteer", [Path(__file__).read_bytes(), *(x for p in parts for x in p)],
                    lambda: _build(parts))


def _build(parts: list[tuple[str, str, str]]) -> Gazetteer:
    g = Gazetteer()
    for kind, text, source in parts:
        g.load_tsv(kind, text, source)
    return g
