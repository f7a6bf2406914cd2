"""Build src/dossier/data/event_verbs.tsv and event_verb_objects.tsv from PETRARCH2's
CAMEO.2.0.txt verb dictionary.

event_verbs.tsv: each verb synset's default code ("---  WARN   [130]  ---") and the
single-word synonyms listed under it (a synonym may carry its own code), skipping
CAMEO 01 (plain statements) and uncoded synsets.

event_verb_objects.tsv: the simplest of the synsets' patterns, those that name what
follows the verb ("- * {DIPLOMATIC TIES} [050] # RESTORE", "- * (WITH) [030] # AGREE",
"- * (INTO CHARGES) [090] # LOOK"), as (verb lemma, key, code) where the key is
``obj:<head word>`` (the head of the noun phrase: its last word; a particle such as
"OFF" too), ``prep:<preposition>`` or ``prep:<preposition>:<head word>``. Patterns
with a source/target marker before the verb, synsets (&TREATY) first, or several
phrases are left out. The verbs are those the pattern's comment names.
PETRARCH2 is MIT-licensed (openeventdata/petrarch2).

    python scripts/build_event_verbs.py ../shared/data/petrarch/CAMEO.2.0.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data"
OUT = DATA / "event_verbs.tsv"
OUT_OBJECTS = DATA / "event_verb_objects.tsv"
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


PATTERN = re.compile(r"^-\s+\*\s+(.*?)\s*\[([0-9]*)(?::[0-9]*)?\]\s*(?:#\s*(.*))?$")
_WORD = re.compile(r"^[A-Z][A-Z'-]*_?$")


def _head(words: list[str]) -> str | None:
    """The head word of a phrase written as words ("DIPLOMATIC TIES" -> "ties")."""
    if not words or not all(_WORD.match(w) for w in words):
        return None
    return words[-1].rstrip("_").lower()


def _key(rest: str) -> str | None:
    """The key of what follows the verb: one noun phrase, word or prepositional phrase
    (a trailing target/source marker allowed), else None."""
    rest = re.sub(r"\s+[+$^]$", "", rest.strip())
    if m := re.fullmatch(r"\{([A-Z' _-]+)\}", rest):
        head = _head(m.group(1).split())
        return f"obj:{head}" if head else None
    if m := re.fullmatch(r"\(([A-Z]+)(?:\s+([+$^]|\{[A-Z' _-]+\}|[A-Z'_-]+))?\)", rest):
        prep, obj = m.group(1).lower(), m.group(2)
        if obj is None or obj in "+$^":
            return f"prep:{prep}"
        head = _head(obj.strip("{}").split())
        return f"prep:{prep}:{head}" if head else None
    if _WORD.match(rest):
        return f"obj:{rest.rstrip('_').lower()}"
    return None


def build_objects(src: Path) -> list[tuple[str, str, str]]:
    rows: dict[tuple[str, str], str] = {}
    for line in src.read_text(encoding="utf-8", errors="replace").splitlines():
        m = PATTERN.match(line.strip())
        if not m or not m.group(3):
            continue
        code = m.group(2)
        if not code.isdigit() or code.startswith("01"):
            continue
        key = _key(m.group(1))
        if key is None:
            continue
        for verb in m.group(3).split(","):
            verb = verb.strip().split()[0].lower() if verb.strip() else ""
            if re.fullmatch(r"[a-z]+", verb):
                rows.setdefault((verb, key), code)
    return sorted((v, k, c) for (v, k), c in rows.items())


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/petrarch/CAMEO.2.0.txt")
    rows = build(src)
    head = ("# Verb lemma -> default CAMEO code, built by scripts/build_event_verbs.py from\n"
            "# PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2, MIT licence), 2026-11.\n"
            "lemma\tcode\n")
    OUT.write_text(head + "".join(f"{v}\t{c}\n" for v, c in rows), encoding="utf-8")
    print(f"{len(rows)} verbs -> {OUT}")
    objects = build_objects(src)
    head = ("# Verb lemma + what follows it -> CAMEO code, built by scripts/build_event_verbs.py\n"
            "# from the patterns of PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2, MIT\n"
            "# licence), 2026-11. key: obj:<head word> | prep:<preposition>[:<head word>]\n"
            "lemma\tkey\tcode\n")
    OUT_OBJECTS.write_text(head + "".join(f"{v}\t{k}\t{c}\n" for v, k, c in objects),
                           encoding="utf-8")
    print(f"{len(objects)} verb patterns -> {OUT_OBJECTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
