#!/usr/bin/env python3
"""Pair people.tsv rows that have no Wikidata QID with QIDs from public office-holder snapshots.

Reads the repositories listed in scripts/qid_match_sources.tsv (EveryPolitician's later Wikidata
office-holder lists, every-politician-scrapers/*) from a local mirror of git snapshots, at the
pinned commit, and accepts a QID for a person only when all of these hold:

* one of the source's name forms for the QID (its label, or its English Wikipedia title without
  a parenthetical) equals the person's name or one of the aliases (case, accents and punctuation
  ignored);
* the source gives a birth date whose year equals the person's `born` (and no other year);
* the repository's country is the person's country or the country of one of the person's roles
  (international offices: the person holds a role whose country is a bloc);
* the gender, where both give one, agrees;
* no other QID in the same repository carries any of the person's name forms (a namesake), and
  no other repository pairs the person with a different QID;
* the QID is not used anywhere else in the gazetteer.

It also checks the QIDs people.tsv already has against the same sources and prints every
disagreement (another QID for the same name, birth year and country; another birth year for the
same QID). It never changes an existing QID.

Usage:
    python scripts/match_people_qids.py [--mirror /work/.mirror] [--people PEOPLE.tsv]
        [--evidence OUT.tsv] [--apply]

To rebuild the evidence of 2026-12-07: `git show 1e534ca:src/dossier/data/gazetteer/people.tsv >
/tmp/people.tsv` and run with `--people /tmp/people.tsv --evidence OUT.tsv`.

Without --apply it only prints the report. Output is sorted by person id (deterministic).
Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "src" / "dossier" / "data" / "gazetteer"
SOURCES = Path(__file__).resolve().parent / "qid_match_sources.tsv"
FILES = ("html/bio.csv", "html/holders21.csv", "html/current.csv", "html/legislators.csv")
POSITION_FILES = FILES[1:]

EVIDENCE_HEADER = """\
# qid_evidence_2026-12-07.tsv - where the Wikidata QIDs added to people.tsv on 2026-12-07
#   (issue 18) come from. Built by scripts/match_people_qids.py from the snapshots listed in
#   scripts/qid_match_sources.tsv: EveryPolitician's later office-holder lists
#   (every-politician-scrapers/*, 2022-2023; CC0 facts from Wikidata: label, English Wikipedia
#   title, birth date, gender, offices held). Facts only; no code or text copied.
# Each row: the person's id and QID, the files (repo:path@commit) that pair one of the person's
#   names with that QID and a birth date, the facts that agree with people.tsv (name or alias, or
#   name-initials: equal once middle initials are dropped; birth year; country of an office the
#   source lists; gender where both give one), and how many repositories agree.
# Rejected (QID left empty): a namesake with another QID in the same repository, two
#   repositories giving different QIDs, another birth year, a different gender, or a QID
#   already used in the gazetteer.
"""


def norm(name: str) -> str:
    """Compare names without case, accents, punctuation or a trailing parenthetical."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("đ", "d")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain.lower()).split())


def loose(form: str) -> str:
    """The form without middle initials ('patrick m shanahan' -> 'patrick shanahan').

    '' when there is none to drop.
    """
    tokens = form.split()
    kept = tokens[:1] + [t for t in tokens[1:-1] if len(t) > 1] + tokens[-1:]
    return " ".join(kept) if len(kept) >= 2 and kept != tokens else ""


def year(value: str) -> str:
    match = re.match(r"^(\d{4})", value.strip())
    return match.group(1) if match else ""


def read_tsv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def git_show(repo_dir: Path, commit: str, path: str) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(repo_dir), "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


class Source:
    """One repository: per QID its name forms, birth years, genders and the files naming it."""

    def __init__(self, repo: str, country: str, commit: str) -> None:
        self.repo, self.country, self.commit = repo, country, commit
        self.names: dict[str, set[str]] = defaultdict(set)
        self.years: dict[str, set[str]] = defaultdict(set)
        self.genders: dict[str, set[str]] = defaultdict(set)
        self.files: dict[str, set[str]] = defaultdict(set)
        self.holders: set[str] = set()
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.by_loose: dict[str, set[str]] = defaultdict(set)

    def load(self, mirror: Path) -> bool:
        repo_dir = mirror / self.repo.replace("/", "+") / "repo"
        found = False
        for path in FILES:
            text = git_show(repo_dir, self.commit, path)
            if text is None:
                continue
            found = True
            for row in csv.DictReader(io.StringIO(text)):
                qid = (row.get("id") or row.get("personID") or "").strip()
                if not re.fullmatch(r"Q[1-9][0-9]*", qid):
                    continue
                if path in POSITION_FILES:
                    self.holders.add(qid)
                for key in ("name", "person", "enwiki"):
                    form = norm(row.get(key) or "")
                    if form:
                        self.names[qid].add(form)
                        self.by_name[form].add(qid)
                        self.by_loose[loose(form) or form].add(qid)
                born = year(row.get("dob") or row.get("DOB") or "")
                if born:
                    self.years[qid].add(born)
                    self.files[qid].add(path)
                gender = (row.get("gender") or "").strip()
                if gender in ("male", "female"):
                    self.genders[qid].add(gender)
        return found

    def cite(self, qid: str) -> list[str]:
        return [f"{self.repo}:{path}@{self.commit}" for path in sorted(self.files[qid])]


def person_forms(row: dict[str, str]) -> set[str]:
    forms = {norm(row["name"])}
    forms.update(norm(alias) for alias in row["aliases"].split("|") if alias)
    return {form for form in forms if form}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", default="/work/.mirror",
                        help="folder of OWNER+NAME/repo git snapshots")
    parser.add_argument("--people", default=str(GAZ / "people.tsv"),
                        help="people table to fill (default: the shipped one; the evidence of "
                             "2026-12-07 was built from it as of commit 1e534ca)")
    parser.add_argument("--evidence", help="write the accepted pairs to this TSV")
    parser.add_argument("--apply", action="store_true",
                        help="write the accepted QIDs into the people table")
    args = parser.parse_args()

    sources = [Source(r["repo"], r["country"], r["commit"]) for r in read_tsv(SOURCES)]
    for source in sources:
        if not source.load(Path(args.mirror)):
            print(f"missing snapshot: {source.repo}@{source.commit}", file=sys.stderr)
            return 2

    people_path = Path(args.people)
    people = read_tsv(people_path)
    blocs = {row["code"] for row in read_tsv(GAZ / "blocs.tsv")}
    role_countries: dict[str, set[str]] = defaultdict(set)
    for role in read_tsv(GAZ / "roles.tsv"):
        role_countries[role["person_id"]].add(role["country"])
    used: dict[str, str] = {}
    tables = [GAZ / name for name in ("countries.tsv", "blocs.tsv", "organisations.tsv")]
    tables.append(people_path)
    for table in tables:
        name = table.name
        for row in read_tsv(table):
            if row.get("qid"):
                used[row["qid"]] = f"{name}:{row.get('id') or row.get('code')}"

    accepted: dict[str, tuple[str, list[str], int, str]] = {}
    rejected: list[str] = []
    conflicts: list[str] = []
    found_again = 0
    for person in people:
        pid, forms, born = person["id"], person_forms(person), person["born"]
        countries = {person["country"]} | role_countries[pid]
        international = bool(countries & blocs)
        candidates: dict[str, list[Source]] = defaultdict(list)
        tiers: dict[str, set[str]] = defaultdict(set)
        notes: list[str] = []
        for source in sources:
            if source.country != "*" and source.country not in countries:
                continue
            if source.country == "*" and not international:
                continue
            named = set().union(*(source.by_name.get(form, set()) for form in forms))
            tier = "name"
            if not named & source.holders:
                # second tier: both sides without middle initials, namesakes counted the same way
                looser = {loose(form) or form for form in forms}
                named = set().union(*(source.by_loose.get(form, set()) for form in looser))
                tier = "name-initials"
                if not named & source.holders:
                    continue
            if len(named) > 1:
                notes.append(f"namesakes {','.join(sorted(named))} in {source.repo}")
                continue
            qid = next(iter(named))
            years = source.years.get(qid, set())
            if not born or years != {born}:
                if years and born and born not in years:
                    notes.append(f"{qid} born {'/'.join(sorted(years))} in {source.repo}")
                elif len(years) > 1:
                    notes.append(f"{qid} several birth years in {source.repo}")
                continue
            genders = source.genders.get(qid, set())
            if person["gender"] in ("male", "female") and genders and genders != {person["gender"]}:
                notes.append(f"{qid} gender {'/'.join(sorted(genders))} in {source.repo}")
                continue
            candidates[qid].append(source)
            tiers[qid].add(tier)
        existing = person["qid"]
        if existing:
            if existing in candidates:
                found_again += 1
            for qid in sorted(candidates):
                if qid != existing:
                    where = ",".join(s.repo for s in candidates[qid])
                    conflicts.append(
                        f"{pid}\thas {existing}; {where} pair name+born+country with {qid}")
            for source in sources:
                years = source.years.get(existing, set())
                if years and born and born not in years:
                    conflicts.append(
                        f"{pid}\t{existing} born {'/'.join(sorted(years))} in {source.repo}, "
                        f"people.tsv {born}"
                    )
            continue
        if len(candidates) > 1:
            rejected.append(f"{pid}\tseveral QIDs: {','.join(sorted(candidates))}")
            continue
        if not candidates:
            if notes:
                rejected.append(f"{pid}\t" + "; ".join(notes))
            continue
        qid, agreeing = next(iter(candidates.items()))
        if notes:
            rejected.append(f"{pid}\t{qid} accepted by {len(agreeing)} but " + "; ".join(notes))
            continue
        if qid in used:
            rejected.append(f"{pid}\t{qid} already used by {used[qid]}")
            continue
        cites = [cite for source in agreeing for cite in source.cite(qid)]
        facts = ("name" if "name" in tiers[qid] else "name-initials") + "+born+country"
        if person["gender"] in ("male", "female") and any(s.genders.get(qid) for s in agreeing):
            facts += "+gender"
        accepted[pid] = (qid, cites, len(agreeing), facts)

    twice = defaultdict(list)
    for pid, (qid, *_rest) in accepted.items():
        twice[qid].append(pid)
    for qid, pids in sorted(twice.items()):
        if len(pids) > 1:
            for pid in pids:
                others = ",".join(p for p in pids if p != pid)
                rejected.append(f"{pid}\t{qid} also matched {others}")
                del accepted[pid]

    have = sum(1 for p in people if p["qid"])
    print(f"people {len(people)}, with QID {have}, accepted {len(accepted)} "
          f"({sum(1 for a in accepted.values() if a[2] > 1)} by two or more repositories)")
    print(f"existing QIDs found again (name+born+country) {found_again}, "
          f"conflicts {len(conflicts)}")
    print(f"rejected {len(rejected)}")
    for line in sorted(rejected):
        print("REJECT\t" + line)
    for line in sorted(conflicts):
        print("CONFLICT\t" + line)
    for pid in sorted(accepted):
        qid, cites, agree, facts = accepted[pid]
        print(f"ACCEPT\t{pid}\t{qid}\t{agree}")

    if args.evidence:
        with open(args.evidence, "w", encoding="utf-8") as out:
            out.write(EVIDENCE_HEADER)
            out.write("id\tqid\tsources\tfacts\tagree\n")
            for pid in sorted(accepted):
                qid, cites, agree, facts = accepted[pid]
                out.write(f"{pid}\t{qid}\t{';'.join(cites)}\t{facts}\t{agree}\n")
    if args.apply:
        path = people_path
        lines = path.read_text(encoding="utf-8").split("\n")
        header_seen = False
        for i, line in enumerate(lines):
            if line.startswith("#") or not line:
                continue
            cells = line.split("\t")
            if not header_seen:
                header_seen, qcol = True, cells.index("qid")
                continue
            if cells[0] in accepted and not cells[qcol]:
                cells[qcol] = accepted[cells[0]][0]
                lines[i] = "\t".join(cells)
        path.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
