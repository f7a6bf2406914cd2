#!/usr/bin/env python3
"""Rebuild the gazetteer's people and roles tables from a Wikidata JSON dump (stdlib only).

Streams the dump (``latest-all.json.bz2`` / ``.gz`` / plain ``.json``: a JSON array with
one entity per line) line by line, keeps the humans (P31 = Q5) who hold one of the
configured positions (P39) and writes ``people.tsv`` and ``roles.tsv`` in the
gazetteer's format (src/dossier/data/gazetteer/README.md), one role row per P39
statement of a configured position, dated by its start time (P580) and end time
(P582) qualifiers at the precision Wikidata gives (day, month or year).

    python scripts/build_gazetteer_wikidata.py DUMP --positions POSITIONS.tsv --out DIR
    python scripts/build_gazetteer_wikidata.py DUMP --positions POSITIONS.tsv \\
        --fill-qids src/dossier/data/gazetteer/people.tsv --out DIR

``POSITIONS.tsv`` (default: scripts/wikidata_positions.tsv) maps each position item to
our role columns: ``position_qid``, ``role`` (roles.tsv vocabulary), ``title``,
``office``, ``org_id``, ``country``, ``sector``. Only positions listed there are read.

``--fill-qids PEOPLE.tsv`` also writes ``DIR/people.filled.tsv``: the given people table
with an empty ``qid`` filled when exactly one human of the dump holding a configured
position has that person's name (label or alias, case and accents folded), and
prints what it filled and what stayed ambiguous. Nothing is filled by guesswork.

A person's ``id`` is the slug of the English label (with the birth year on a clash),
``surname`` the last word of the label (edit by hand for names whose family name comes
first), ``gender`` from P21 (Q6581097 male, Q6581072 female, else unknown), ``country``
the country of the first configured position held, ``born`` the year of P569. Aliases
are the English aliases, minus any that hold a tab or a pipe.

The full dump is ~100 GB compressed; a run over it reads for hours on one core, so
filter it once and keep the output under version control.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
DEFAULT_POSITIONS = HERE / "wikidata_positions.tsv"

HUMAN = "Q5"
MALE, FEMALE = "Q6581097", "Q6581072"
PEOPLE_COLUMNS = ["id", "name", "aliases", "surname", "gender", "country", "qid", "born"]
ROLE_COLUMNS = ["person_id", "role", "title", "office", "org_id", "country", "sector", "start",
                "end", "notes"]


@dataclass(frozen=True)
class Position:
    qid: str
    role: str
    title: str
    office: str
    org_id: str
    country: str
    sector: str


@dataclass
class Holder:
    qid: str
    name: str
    aliases: list[str]
    gender: str
    born: str
    terms: list[tuple[Position, str, str]] = field(default_factory=list)  # (position, start, end)


def read_positions(path: Path) -> dict[str, Position]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t",
                              quoting=csv.QUOTE_NONE):
        r = {k: (v or "").strip() for k, v in row.items()}
        out[r["position_qid"]] = Position(r["position_qid"], r["role"], r.get("title", ""),
                                          r.get("office", ""), r.get("org_id", ""),
                                          r.get("country", ""), r.get("sector", ""))
    return out


def open_dump(path: Path) -> IO[str]:
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def entities(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The entities of a dump read line by line (``[``, ``{...},``, ..., ``]``)."""
    for line in lines:
        line = line.strip().rstrip(",")
        if not line or line in ("[", "]"):
            continue
        yield json.loads(line)


def _ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for st in entity.get("claims", {}).get(prop, []):
        value = st.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def wikidata_time(value: dict[str, Any] | None) -> str:
    """``+2022-10-25T00:00:00Z`` at precision 11/10/9 → ``2022-10-25``/``2022-10``/``2022``."""
    if not value or "time" not in value:
        return ""
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value["time"])
    if not m:
        return ""  # BCE or malformed
    precision = int(value.get("precision", 11))
    if precision >= 11:
        return f"{m[1]}-{m[2]}-{m[3]}"
    if precision == 10:
        return f"{m[1]}-{m[2]}"
    return m[1] if precision == 9 else ""


def _qualifier_time(statement: dict[str, Any], prop: str) -> str:
    for q in statement.get("qualifiers", {}).get(prop, []):
        if q.get("snaktype") == "value":
            return wikidata_time(q.get("datavalue", {}).get("value"))
    return ""


def holder(entity: dict[str, Any], positions: dict[str, Position]) -> Holder | None:
    """The entity as a holder of configured positions, or None."""
    if HUMAN not in _ids(entity, "P31"):
        return None
    terms = []
    for st in entity.get("claims", {}).get("P39", []):
        if st.get("rank") == "deprecated":
            continue
        value = st.get("mainsnak", {}).get("datavalue", {}).get("value")
        pos = positions.get(value.get("id", "")) if isinstance(value, dict) else None
        if pos is not None:
            terms.append((pos, _qualifier_time(st, "P580"), _qualifier_time(st, "P582")))
    if not terms:
        return None
    name = entity.get("labels", {}).get("en", {}).get("value", "")
    if not name:
        return None
    aliases = [a["value"] for a in entity.get("aliases", {}).get("en", [])
               if "\t" not in a["value"] and "|" not in a["value"] and a["value"] != name]
    sex = _ids(entity, "P21")
    gender = "male" if MALE in sex else "female" if FEMALE in sex else "unknown"
    born = ""
    for st in entity.get("claims", {}).get("P569", []):
        born = wikidata_time(st.get("mainsnak", {}).get("datavalue", {}).get("value"))[:4]
        if born:
            break
    terms.sort(key=lambda t: t[1] or "9999")
    return Holder(entity["id"], name, aliases, gender, born, terms)


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def fold(text: str) -> str:
    return slug(text).replace("-", " ")


def collect(lines: Iterable[str], positions: dict[str, Position]) -> list[Holder]:
    out = []
    for entity in entities(lines):
        h = holder(entity, positions)
        if h is not None:
            out.append(h)
    out.sort(key=lambda h: (h.terms[0][1] or "9999", h.name))
    return out


def tables(holders: list[Holder]) -> tuple[list[list[str]], list[list[str]]]:
    """people.tsv and roles.tsv rows (without headers)."""
    counts: dict[str, int] = {}
    for h in holders:
        counts[slug(h.name)] = counts.get(slug(h.name), 0) + 1
    people, roles = [], []
    for h in holders:
        pid = slug(h.name)
        if counts[pid] > 1:
            pid = f"{pid}-{h.born or h.qid.lower()}"
        surname = h.name.split()[-1] if h.name.split() else ""
        people.append([pid, h.name, "|".join(h.aliases), surname, h.gender,
                       h.terms[0][0].country, h.qid, h.born])
        for pos, start, end in h.terms:
            roles.append([pid, pos.role, pos.title, pos.office, pos.org_id, pos.country,
                          pos.sector, start, end, f"wikidata P39 {pos.qid}"])
    return people, roles


def write_tsv(path: Path, header: list[str], rows: list[list[str]], comment: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(comment)
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def fill_qids(people_tsv: Path, holders: list[Holder]) -> tuple[str, list[str], list[str]]:
    """The people table with empty QIDs filled where the name identifies exactly one
    holder not already in the table; also what was filled and what was ambiguous."""
    by_name: dict[str, set[str]] = {}
    for h in holders:
        for n in (h.name, *h.aliases):
            by_name.setdefault(fold(n), set()).add(h.qid)
    lines = people_tsv.read_text(encoding="utf-8").splitlines()
    data = [i for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    header = lines[data[0]].split("\t")
    rows = {i: lines[i].split("\t") for i in data[1:]}
    q = header.index("qid")
    taken = {cells[q] for cells in rows.values() if len(cells) > q and cells[q]}
    filled, ambiguous = [], []
    for i, cells in rows.items():
        cells += [""] * (len(header) - len(cells))
        if cells[q]:
            continue
        row = dict(zip(header, cells, strict=False))
        names = [row["name"], *(a for a in row.get("aliases", "").split("|") if a)]
        hits = set().union(*(by_name.get(fold(n), set()) for n in names)) - taken
        if len(hits) == 1:
            cells[q] = hits.pop()
            taken.add(cells[q])
            filled.append(f"{row['id']}\t{cells[q]}")
        elif len(hits) > 1:
            ambiguous.append(f"{row['id']}\t{','.join(sorted(hits))}")
        lines[i] = "\t".join(cells)
    return "\n".join(lines) + "\n", filled, ambiguous


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", type=Path, help="Wikidata JSON dump (.json, .json.gz, .json.bz2)")
    ap.add_argument("--positions", type=Path, default=DEFAULT_POSITIONS)
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    ap.add_argument("--fill-qids", type=Path, metavar="PEOPLE_TSV")
    args = ap.parse_args(argv)
    positions = read_positions(args.positions)
    if not positions:
        print(f"{args.positions}: no positions", file=sys.stderr)
        return 2
    with open_dump(args.dump) as f:
        holders = collect(f, positions)
    people, roles = tables(holders)
    args.out.mkdir(parents=True, exist_ok=True)
    note = (f"# Built by scripts/build_gazetteer_wikidata.py from {args.dump.name} "
            f"({len(positions)} positions). Wikidata is CC0.\n")
    write_tsv(args.out / "people.tsv", PEOPLE_COLUMNS, people, note)
    write_tsv(args.out / "roles.tsv", ROLE_COLUMNS, roles, note)
    print(f"{len(people)} people, {len(roles)} roles -> {args.out}")
    if args.fill_qids:
        text, filled, ambiguous = fill_qids(args.fill_qids, holders)
        (args.out / "people.filled.tsv").write_text(text, encoding="utf-8")
        for line in filled:
            print(f"filled\t{line}")
        for line in ambiguous:
            print(f"ambiguous\t{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
