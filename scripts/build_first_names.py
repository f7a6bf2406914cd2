"""Build src/dossier/data/first_names.tsv: common US first names and their gender, for
people the gazetteer does not know (``actors.names.census_first_name``).

The names are the Social Security Administration's top 200 baby names of each decade
from the 1960s to the 1990s, by sex (public US government data), as the Faker package
lists them with a weight each (joke2k/faker, MIT licence:
faker/providers/person/en_US/__init__.py, ``first_names_female`` and
``first_names_male``). A name in both lists (Taylor, Jordan, Kelly, Casey …) says no
gender and is left out; so is a name the hand list of actor_cues.toml already gives,
and one that often starts a person's span as a surname or a place ("Clinton Kaine
ticket", "Jackson Hole"), in ``NOT_FIRST``.

    python scripts/build_first_names.py FAKER/faker/providers/person/en_US/__init__.py
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/dossier/data/first_names.tsv"
CUES = ROOT / "src/dossier/data/actor_cues.toml"
# Surnames and places more often than first names at the start of a name in the news.
NOT_FIRST = {"austin", "carter", "chase", "clinton", "dakota", "grant", "hunter",
             "jackson", "logan", "madison", "mason", "mercedes", "parker"}
HEADER = """\
# Common US first names with a clear gender, built by scripts/build_first_names.py from
# the SSA's top 200 baby names of each decade, 1960s-1990s, by sex (public US government
# data), as listed with weights in Faker (joke2k/faker, MIT licence), 2026-12. Names in
# both lists, names in actor_cues.toml's [first_names] and a few surnames and places
# (the script's NOT_FIRST) are left out.
# weight: Faker's weight for the name (its share among the names of that sex)
name\tgender\tweight
"""


def names(source: str, var: str) -> dict[str, float]:
    """The (name, weight) pairs of the OrderedDict assigned to ``var``."""
    start = source.index(f"{var} = OrderedDict(")
    end = source.index("\n    )\n", start)
    return {n.lower(): float(w) for n, w in
            re.findall(r'\("([^"]+)",\s*([0-9.eE-]+)\)', source[start:end])}


def main(path: str) -> int:
    source = Path(path).read_text(encoding="utf-8")
    female = names(source, "first_names_female")
    male = names(source, "first_names_male")
    hand = tomllib.loads(CUES.read_text(encoding="utf-8"))["first_names"]
    known = set(hand["male"]) | set(hand["female"]) | NOT_FIRST
    rows = [(n, "female", w) for n, w in female.items() if n not in male] + \
        [(n, "male", w) for n, w in male.items() if n not in female]
    rows = sorted(r for r in rows if r[0] not in known and r[0].isalpha())
    OUT.write_text(HEADER + "".join(f"{n}\t{g}\t{w:g}\n" for n, g, w in rows),
                   encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
