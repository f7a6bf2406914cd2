"""Build src/dossier/data/event_verbs.tsv from PETRARCH2's CAMEO.2.0.txt verb dictionary.

Takes each verb synset's default code ("---  WARN   [130]  ---") and the single-word
synonyms listed under it (a synonym may carry its own code), skipping CAMEO 01
(plain statements) and uncoded synsets. Patterns (lines starting with "-") and
multi-word forms are left out: Dossier's own patterns in event_patterns.toml cover
the idioms it codes. PETRARCH2 is MIT-licensed (openeventdata/petrarch2).

    python scripts/build_event_verbs.py ../shared/data/petrarch/CAMEO.2.0.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data" / "event_verbs.tsv"
HEADER = re.compile(r"^---\s+([A-Z_]+)\s+\[([0-9-]+)\]\s+---")
SYNONYM = re.compile(r"^\+?([A-Z]+)\s*(?:\{[^}]*\})?\s*(?:\[([0-9]+)\])?")


def build(src: Path) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    code = ""
    for line in src.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := HEADER.match(line):
            code = m.group(2)
            verb = m.group(1).split("_")[0].lower()
            if code.isdigit() and not code.startswith("01") and "_" not in m.group(1):
                rows.setdefault(verb, code)
            continue
        if not code or line.startswith(("-", "#", " ", "<")) or not line.strip():
            continue
        if m := SYNONYM.match(line):
            word = m.group(1).lower()
            own = m.group(2) or code
            if own.isdigit() and not own.startswith("01") and "_" not in line.split()[0]:
                rows.setdefault(word, own)
    return sorted(rows.items())


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/petrarch/CAMEO.2.0.txt")
    rows = build(src)
    head = ("# Verb lemma -> default CAMEO code, built by scripts/build_event_verbs.py from\n"
            "# PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2, MIT licence), 2026-11.\n"
            "lemma\tcode\n")
    OUT.write_text(head + "".join(f"{v}\t{c}\n" for v, c in rows), encoding="utf-8")
    print(f"{len(rows)} verbs -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
