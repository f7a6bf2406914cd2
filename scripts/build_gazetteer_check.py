#!/usr/bin/env python3
"""Validate the actor gazetteer TSVs in ``src/dossier/data/gazetteer`` (stdlib only).

Usage::

    python scripts/build_gazetteer_check.py [GAZETTEER_DIR] [--strict]

Checks headers, duplicate ids/codes/QIDs, cross-file references (people, organisations,
countries, blocs), date syntax and order, the role/sector vocabularies declared in the
files' ``# vocabulary:`` comment lines, and that no single-holder office has two holders
on the same day. Prints a summary (rows per file) and exits 1 on any error. Warnings
(e.g. an alias shared by two people) are printed but only fail with ``--strict``.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "src" / "dossier" / "data" / "gazetteer"

# Required leading columns of each file; extra columns after them are allowed.
SCHEMAS: dict[str, list[str]] = {
    "countries.tsv": [
        "code", "iso3", "iso2", "cameo", "name", "aliases", "demonyms", "combining_forms",
        "capital", "metonyms", "qid", "region", "status", "parent",
    ],
    "blocs.tsv": ["code", "name", "aliases", "type", "qid", "members", "notes"],
    "organisations.tsv": [
        "id", "name", "aliases", "country", "sector", "code", "qid", "type", "notes",
    ],
    "people.tsv": ["id", "name", "aliases", "surname", "gender", "country", "qid", "born"],
    "roles.tsv": [
        "person_id", "role", "title", "office", "org_id", "country", "sector", "start", "end",
        "notes",
    ],
    "role_titles.tsv": ["phrase", "role", "org_id", "country", "notes"],
}

QID_RE = re.compile(r"^Q[1-9]\d*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE3_RE = re.compile(r"^[A-Z]{3}$")
GENDERS = {"male", "female", "unknown"}
COUNTRY_STATUS = {"member", "observer", "territory", "disputed", "region"}
BLOC_TYPES = {"bloc", "igo", "ngo", "region"}
ORG_TYPES = {"org"}
# Offices whose role is in this set may have several holders at once.
MULTI_HOLDER_ROLES = {"spokesperson", "presidential_aide", "official"}


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]
    vocab: dict[str, set[str]] = field(default_factory=dict)


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"ERROR {where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"warning {where}: {msg}")


def load(path: Path, rep: Report) -> Table | None:
    """Read one TSV: ``#`` comments (only before the header), a header, then rows."""
    if not path.exists():
        rep.error(path.name, "file is missing")
        return None
    vocab: dict[str, set[str]] = {}
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        rep.error(path.name, "file starts with a BOM")
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            if header is not None:
                rep.error(f"{path.name}:{lineno}", "comment line after the header")
                continue
            m = re.match(r"#\s*vocabulary\s+(\w+)\s*:\s*(.*)$", line)
            if m:
                words = {w.strip() for w in m.group(2).split(",") if w.strip()}
                vocab.setdefault(m.group(1), set()).update(words)
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            want = SCHEMAS[path.name]
            if header[: len(want)] != want:
                rep.error(path.name, f"header {header} does not start with {want}")
            if len(set(header)) != len(header):
                rep.error(path.name, "duplicate column names in header")
            continue
        where = f"{path.name}:{lineno}"
        if len(cells) != len(header):
            rep.error(where, f"{len(cells)} fields, header has {len(header)}")
            cells = (cells + [""] * len(header))[: len(header)]
        for c in cells:
            if c != c.strip():
                rep.error(where, f"leading/trailing whitespace in field {c!r}")
            if "|" in c and ("||" in c or c.startswith("|") or c.endswith("|")):
                rep.error(where, f"empty item in pipe list {c!r}")
        rows.append(dict(zip(header, cells, strict=True)))
        lines.append(lineno)
    if header is None:
        rep.error(path.name, "no header line")
        return None
    return Table(path.name, header, rows, lines, vocab)


def parse_date(s: str, *, end: bool) -> date | None:
    """ISO date of reduced precision; ``end`` picks the last day of the period."""
    m = DATE_RE.match(s)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else (12 if end else 1)
    if not 1 <= mo <= 12:
        return None
    if m.group(3):
        d = int(m.group(3))
    else:
        d = calendar.monthrange(y, mo)[1] if end else 1
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def pipes(value: str) -> list[str]:
    return [v for v in value.split("|") if v] if value else []


def check(directory: Path) -> tuple[Report, dict[str, int]]:
    rep = Report()
    tables: dict[str, Table] = {}
    for name in SCHEMAS:
        t = load(directory / name, rep)
        if t is not None:
            tables[name] = t
    counts = {name: len(t.rows) for name, t in tables.items()}

    def rows(name: str) -> list[tuple[str, dict[str, str]]]:
        t = tables.get(name)
        if t is None:
            return []
        return [(f"{name}:{ln}", r) for ln, r in zip(t.lines, t.rows, strict=True)]

    qids: dict[str, str] = {}

    def check_qid(where: str, q: str) -> None:
        if not q:
            return
        if not QID_RE.match(q):
            rep.error(where, f"bad QID {q!r}")
        elif q in qids:
            rep.error(where, f"QID {q} already used at {qids[q]}")
        else:
            qids[q] = where

    def unique(name: str, col: str) -> set[str]:
        seen: dict[str, str] = {}
        for where, r in rows(name):
            v = r[col]
            if not v:
                rep.error(where, f"empty {col}")
            elif v in seen:
                rep.error(where, f"duplicate {col} {v!r} (first at {seen[v]})")
            else:
                seen[v] = where
        return set(seen)

    # ---- countries --------------------------------------------------------------
    country_codes = unique("countries.tsv", "code")
    iso2_seen: dict[str, str] = {}
    names_seen: dict[str, str] = {}
    for where, r in rows("countries.tsv"):
        if not CODE3_RE.match(r["code"]):
            rep.error(where, f"code {r['code']!r} is not three capitals")
        if r["iso3"] and not CODE3_RE.match(r["iso3"]):
            rep.error(where, f"iso3 {r['iso3']!r} is not three capitals")
        if r["iso2"]:
            if not re.match(r"^[A-Z]{2}$", r["iso2"]):
                rep.error(where, f"iso2 {r['iso2']!r} is not two capitals")
            elif r["iso2"] in iso2_seen:
                rep.error(where, f"duplicate iso2 {r['iso2']} (first at {iso2_seen[r['iso2']]})")
            else:
                iso2_seen[r["iso2"]] = where
        if not re.match(r"^[A-Z]{3,9}$", r["cameo"] or "XXX"):
            rep.error(where, f"cameo {r['cameo']!r} malformed")
        if not r["name"]:
            rep.error(where, "empty name")
        for n in [r["name"], *pipes(r["aliases"])]:
            key = n.casefold()
            if key in names_seen and names_seen[key] != r["code"]:
                rep.error(where, f"name/alias {n!r} also used by {names_seen[key]}")
            names_seen[key] = r["code"]
        if r["status"] not in COUNTRY_STATUS:
            rep.error(where, f"status {r['status']!r} not in {sorted(COUNTRY_STATUS)}")
        if r["status"] == "member" and r["parent"]:
            rep.error(where, "a member state has no parent")
        if not r["region"]:
            rep.error(where, "empty region")
        for cf in pipes(r["combining_forms"]):
            if not cf.endswith("-"):
                rep.error(where, f"combining form {cf!r} should end with '-'")
        check_qid(where, r["qid"])
    for where, r in rows("countries.tsv"):
        if r["parent"] and r["parent"] not in country_codes:
            rep.error(where, f"parent {r['parent']!r} is not a country code")
    members = sum(1 for _, r in rows("countries.tsv") if r["status"] == "member")
    if tables.get("countries.tsv") and members != 193:
        rep.error("countries.tsv", f"{members} UN member states, expected 193")

    # ---- blocs ------------------------------------------------------------------
    bloc_codes = unique("blocs.tsv", "code")
    for where, r in rows("blocs.tsv"):
        if not re.match(r"^[A-Z]{3,12}$", r["code"]):
            rep.error(where, f"code {r['code']!r} malformed")
        if r["type"] not in BLOC_TYPES:
            rep.error(where, f"type {r['type']!r} not in {sorted(BLOC_TYPES)}")
        for m in pipes(r["members"]):
            if m not in country_codes:
                rep.error(where, f"member {m!r} is not a country code")
        if len(set(pipes(r["members"]))) != len(pipes(r["members"])):
            rep.error(where, "duplicate member")
        check_qid(where, r["qid"])
    overlap = country_codes & bloc_codes
    if overlap:
        rep.error("blocs.tsv", f"codes also used for countries: {sorted(overlap)}")
    actor_codes = country_codes | bloc_codes

    # ---- organisations ----------------------------------------------------------
    org_ids = unique("organisations.tsv", "id")
    t_org = tables.get("organisations.tsv")
    sectors = t_org.vocab.get("sectors", set()) if t_org else set()
    if t_org and not sectors:
        rep.error("organisations.tsv", "no '# vocabulary sectors:' comment line")
    for where, r in rows("organisations.tsv"):
        if not SLUG_RE.match(r["id"]):
            rep.error(where, f"id {r['id']!r} is not a lowercase slug")
        if r["country"] not in actor_codes:
            rep.error(where, f"country {r['country']!r} is not in countries.tsv or blocs.tsv")
        sec = r["sector"]
        parts = [sec[i : i + 3] for i in range(0, len(sec), 3)]
        if not sec or len(sec) % 3 or any(p not in sectors for p in parts):
            rep.error(where, f"sector {sec!r} is not built from the declared vocabulary")
        if r["code"] != r["country"] + r["sector"]:
            rep.error(where, f"code {r['code']!r} != country + sector")
        if r["type"] not in ORG_TYPES:
            rep.error(where, f"type {r['type']!r} not in {sorted(ORG_TYPES)}")
        if not r["name"]:
            rep.error(where, "empty name")
        check_qid(where, r["qid"])

    # ---- people -----------------------------------------------------------------
    person_ids = unique("people.tsv", "id")
    alias_owner: dict[str, str] = {}
    for where, r in rows("people.tsv"):
        if not SLUG_RE.match(r["id"]):
            rep.error(where, f"id {r['id']!r} is not a lowercase slug")
        if r["gender"] not in GENDERS:
            rep.error(where, f"gender {r['gender']!r} not in {sorted(GENDERS)}")
        if r["country"] not in actor_codes:
            rep.error(where, f"country {r['country']!r} is not in countries.tsv or blocs.tsv")
        if r["born"] and not re.match(r"^\d{4}$", r["born"]):
            rep.error(where, f"born {r['born']!r} is not a year")
        if not r["name"] or not r["surname"]:
            rep.error(where, "empty name or surname")
        elif r["surname"].casefold() not in r["name"].casefold() and not any(
            r["surname"].casefold() in a.casefold() for a in pipes(r["aliases"])
        ):
            rep.warn(where, f"surname {r['surname']!r} appears in neither name nor aliases")
        for a in {r["name"], *pipes(r["aliases"])}:
            key = a.casefold()
            if key in alias_owner and alias_owner[key] != r["id"]:
                rep.warn(where, f"name/alias {a!r} shared with {alias_owner[key]}")
            alias_owner.setdefault(key, r["id"])
        check_qid(where, r["qid"])

    # ---- roles ------------------------------------------------------------------
    t_roles = tables.get("roles.tsv")
    role_vocab = t_roles.vocab.get("roles", set()) if t_roles else set()
    if t_roles and not role_vocab:
        rep.error("roles.tsv", "no '# vocabulary roles:' comment line")
    used_people: set[str] = set()
    terms: dict[str, list[tuple[date, date, str, str]]] = defaultdict(list)
    office_meta: dict[str, tuple[str, str]] = {}
    seen_rows: set[tuple[str, ...]] = set()
    for where, r in rows("roles.tsv"):
        key = tuple(r.values())
        if key in seen_rows:
            rep.error(where, "duplicate row")
        seen_rows.add(key)
        pid = r["person_id"]
        used_people.add(pid)
        if pid not in person_ids:
            rep.error(where, f"person_id {pid!r} not in people.tsv")
        if r["role"] not in role_vocab:
            rep.error(where, f"role {r['role']!r} not in the declared vocabulary")
        if r["org_id"] and r["org_id"] not in org_ids:
            rep.error(where, f"org_id {r['org_id']!r} not in organisations.tsv")
        if r["country"] not in actor_codes:
            rep.error(where, f"country {r['country']!r} is not in countries.tsv or blocs.tsv")
        parts = [r["sector"][i : i + 3] for i in range(0, len(r["sector"]), 3)]
        if not r["sector"] or len(r["sector"]) % 3 or any(p not in sectors for p in parts):
            rep.error(where, f"sector {r['sector']!r} not built from the organisations vocabulary")
        if not r["title"]:
            rep.error(where, "empty title")
        if not SLUG_RE.match(r["office"]):
            rep.error(where, f"office {r['office']!r} is not a lowercase slug")
        meta = (r["role"], r["country"])
        if office_meta.setdefault(r["office"], meta) != meta:
            rep.error(where, f"office {r['office']} used with role/country {meta} and "
                      f"{office_meta[r['office']]}")
        start = parse_date(r["start"], end=False) if r["start"] else None
        if r["start"] and start is None:
            rep.error(where, f"bad start date {r['start']!r}")
        if not r["start"]:
            rep.error(where, "empty start date")
        stop = parse_date(r["end"], end=True) if r["end"] else None
        if r["end"] and stop is None:
            rep.error(where, f"bad end date {r['end']!r}")
        if start and stop and start > stop:
            rep.error(where, f"start {r['start']} after end {r['end']}")
        if stop and stop > date(2026, 12, 31):
            rep.error(where, f"end {r['end']} lies in the future of the 2026-11 snapshot")
        if start and r["role"] not in MULTI_HOLDER_ROLES:
            # Shortest interval the imprecise dates allow: latest start, earliest end.
            s = parse_date(r["start"], end=True)
            e = parse_date(r["end"], end=False) if r["end"] else date.max
            assert s is not None and e is not None
            terms[r["office"]].append((s, e, pid, where))
    for office, ts in terms.items():
        ts.sort()
        for (_s1, e1, p1, w1), (s2, _e2, p2, w2) in zip(ts, ts[1:], strict=False):
            # A handover day (one term ends the day the next starts) is not an overlap.
            if s2 < e1:
                rep.error(w2, f"office {office}: {p2} from {s2} overlaps {p1} ({w1}) to {e1}")
    for where, r in rows("people.tsv"):
        if r["id"] not in used_people:
            rep.warn(where, f"person {r['id']} has no role")

    # ---- role titles ------------------------------------------------------------
    seen_phrase: set[tuple[str, str, str, str]] = set()
    for where, r in rows("role_titles.tsv"):
        if r["phrase"] != r["phrase"].lower() or not r["phrase"]:
            rep.error(where, f"phrase {r['phrase']!r} must be lowercase and non-empty")
        if r["role"] not in role_vocab:
            rep.error(where, f"role {r['role']!r} not in roles.tsv vocabulary")
        if r["org_id"] and r["org_id"] not in org_ids:
            rep.error(where, f"org_id {r['org_id']!r} not in organisations.tsv")
        if r["country"] and r["country"] not in actor_codes:
            rep.error(where, f"country {r['country']!r} unknown")
        k = (r["phrase"], r["role"], r["org_id"], r["country"])
        if k in seen_phrase:
            rep.error(where, "duplicate phrase/role/org/country")
        seen_phrase.add(k)
    return rep, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--strict", action="store_true", help="fail on warnings too")
    ap.add_argument("--quiet-warnings", action="store_true", help="count warnings only")
    args = ap.parse_args(argv)
    rep, counts = check(args.directory)
    if not args.quiet_warnings:
        for w in rep.warnings:
            print(w)
    for e in rep.errors:
        print(e)
    print(f"gazetteer: {args.directory}")
    for name in SCHEMAS:
        print(f"  {name:20s} {counts.get(name, 0):6d} rows")
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    failed = bool(rep.errors) or (args.strict and bool(rep.warnings))
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
