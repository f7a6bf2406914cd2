"""Build src/dossier/data/gazetteer/agents.tsv from PETRARCH2's Phoenix.agents.txt.

An agent is a noun for a kind of actor ("police", "rebels", "foreign minister") with its
CAMEO sector code (COP, REB, GOVFRM …); the event stage gives it the country of a
modifier ("Israeli soldiers" → ISRMIL), of a prepositional phrase ("soldiers from
Gondor") or of the article's focus. Kept: entries whose code is a sector alone
("[~COP]"), of one or two words (a head noun and one modifier, as the event stage
reads them), with PETRARCH's substitution sets (!PERSON!, !MINIST!) expanded and
irregular plurals ({GENDARMERIE}) listed as their own rows; bare "man", "woman",
"person", "people" left out (anyone at all). Codes are PETRARCH's.
Phoenix.agents.txt is MIT-licensed (Open Event Data Alliance, openeventdata/petrarch2).

    python scripts/build_event_agents.py ../shared/data/petrarch/Phoenix.agents.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data" / "gazetteer" / "agents.tsv"
LINE = re.compile(r"^([A-Z!][A-Z0-9_!'-]*)\s*(?:\{([^}]*)\})?\s*\[\s*~([A-Z]+)\s*\]")
TOO_GENERIC = frozenset({"man", "men", "woman", "women", "person", "people"})
SUBST = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")


def build(src: Path) -> list[tuple[str, str]]:
    subst: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].strip()
        if m := SUBST.match(line):
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = LINE.match(line)
        if not m:
            continue
        forms = [m.group(1)] + [f for f in (m.group(2) or "").split() if f]
        for form in forms:
            for phrase in _expand(form, subst):
                words = phrase.lower().replace("_", " ").split()
                if " ".join(words) in TOO_GENERIC:
                    continue
                if 1 <= len(words) <= 2 and all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
                    rows.setdefault(" ".join(words), m.group(3))
    return sorted(rows.items())


def _expand(form: str, subst: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", form)
    if m is None:
        return [form.rstrip("_")]
    return [x for w in subst.get(m.group(1), [])
            for x in _expand(form[: m.start()] + w + form[m.end():], subst)]


def main() -> int:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch/Phoenix.agents.txt")
    rows = build(src)
    head = ("# Generic agents -> CAMEO sector code, built by scripts/build_event_agents.py from\n"
            "# PETRARCH2's Phoenix.agents.txt (Open Event Data Alliance, MIT licence), 2026-11.\n"
            "# phrase: lower case, one or two words (modifier and head noun), singular.\n"
            "phrase\tsector\n")
    OUT.write_text(head + "".join(f"{p}\t{s}\n" for p, s in rows), encoding="utf-8")
    print(f"{len(rows)} agents -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
