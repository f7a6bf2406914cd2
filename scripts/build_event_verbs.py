"""Build src/dossier/data/event_verbs.tsv, event_verb_objects.tsv and event_verb_forms.tsv
from PETRARCH2's CAMEO.2.0.txt verb dictionary.

The dictionary is a list of synonym blocks ("---  WARN   [130]  ---", then the verbs
of the block, then its patterns "- * {DIPLOMATIC TIES} [050] # RESTORE"); PETRARCH2
applies a block's patterns to every verb of the block. Synonym sets ("&CEASEFIRE":
TRUCE, ARMISTICE, CEASEFIRE …) stand for any of their words inside a pattern.

event_verbs.tsv: each block's default code and the single-word verbs listed under it
(a verb may carry its own code), skipping CAMEO 01 (plain statements) and uncoded
blocks.

event_verb_objects.tsv: the patterns that name what follows the verb, as (verb lemma,
key, code, origin). A key part is ``obj:<head word>`` (the head of a noun phrase: its
last word; a particle such as "OFF" too), ``prep:<preposition>`` or
``prep:<preposition>:<head word>``; a pattern of several phrases ("- * VICTORY (IN
ELECTION)") has a key of several parts, space-separated, all of which must be there.
A synonym set in a pattern is written out word by word (its single words; a phrase
"CEASE_FIRE" is left out, its head word alone would be too loose). A two-word verb
("+CALL_OFF [160]", "+ASK_FOR") is its verb with the particle as key. Patterns with a
word before the verb ("- &MILITARY * [154]", "- ABRUPTLY * TALKS") are left out.
``origin``: ``verb`` when the pattern's comment names the verb (where the pattern was
found, "# RESTORE"), ``block`` when the verb only shares the block with it (PETRARCH2
codes "expedite aid" by "- * AID [070] # RUSH" in the block of ACCELERATE, EXPEDITE,
RUSH …): the coder trusts these less.

event_verb_forms.tsv: the irregular and spelled-out forms listed with a verb ("SPEED
{SPEEDING SPEEDS SPED}", "KIDNAP {KIDNAPS KIDNAPPED KIDNAPPING}") -> its lemma, for
words the tagger leaves unlemmatised.

PETRARCH2 is MIT-licensed (openeventdata/petrarch2).

    python scripts/build_event_verbs.py ../shared/data/petrarch/CAMEO.2.0.txt
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "dossier" / "data"
OUT = DATA / "event_verbs.tsv"
OUT_OBJECTS = DATA / "event_verb_objects.tsv"
OUT_FORMS = DATA / "event_verb_forms.tsv"
OUT_SETS = DATA / "event_verb_sets.tsv"
HEADER = re.compile(r"^---\s+([A-Z_]+)\s+\[([0-9-]+)\]\s+---")
VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([0-9-]+)\])?")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([0-9-]*)(?::[0-9-]*)?\]\s*(?:#\s*(.*))?$")
_WORD = re.compile(r"^[A-Z][A-Z'-]*_?$")
_SET = re.compile(r"^&[A-Z_]+$")
# The words after a verb that make a two-word verb a verb and its particle.
PARTICLES = frozenset({"about", "after", "against", "around", "aside", "at", "away",
                       "back", "by", "down", "for", "forward", "from", "in", "into",
                       "of", "off", "on", "out", "over", "to", "toward", "up", "upon",
                       "with"})
ATTRIBUTION = ("# from PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2, MIT licence), "
               "2026-12.\n")


@dataclass
class Block:
    name: str
    code: str
    verbs: dict[str, str] = field(default_factory=dict)  # lemma -> its code ("" none)
    phrasal: list[tuple[str, str, str]] = field(default_factory=list)  # verb, key, code
    patterns: list[tuple[str, str, list[str]]] = field(default_factory=list)


def _coded(code: str) -> bool:
    return code.isdigit() and not code.startswith("01")


def read(src: Path) -> tuple[list[Block], dict[str, list[str]], dict[str, str]]:
    """The verb blocks, the synonym sets (name -> single words) and the verb forms."""
    sets: dict[str, list[str]] = {}  # "&treaty" -> its single words
    blocks: list[Block] = []
    forms: dict[str, str] = {}
    current: list[str] | None = None
    verbs_part = False
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("-") else raw.rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            verbs_part, current = True, None
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not verbs_part:
            if line.startswith("&"):
                current = sets.setdefault(line.strip().lower(), [])
            elif line.startswith("+") and current is not None:
                word = line[1:].strip()
                if "_" not in word.rstrip("_"):
                    current.append(word.rstrip("_").lower())
            continue
        if m := HEADER.match(raw):
            name = m.group(1)
            name += f"_{len(blocks)}" if any(b.name == name for b in blocks) else ""
            blocks.append(Block(name, m.group(2)))
            continue
        if not blocks or not line.strip():
            continue
        block = blocks[-1]
        if line.startswith("-"):
            if m := PATTERN.match(line.strip()):
                named = [v.strip().split()[0].lower() for v in (m.group(3) or "").split(",")
                         if v.strip()]
                block.patterns.append((m.group(1), m.group(2), named))
            continue
        if m := VERB_LINE.match(line):
            word, spelled, own = m.group(1), m.group(2) or "", m.group(3) or ""
            code = own or block.code
            words = word.lstrip("+").rstrip("_").lower().split("_")
            if len(words) == 1:
                block.verbs.setdefault(words[0], own)
                for form in spelled.split():
                    if "_" not in form:
                        forms.setdefault(form.strip("+").lower(), words[0])
            elif len(words) == 2 and words[1] in PARTICLES and _coded(code):
                block.phrasal.append((words[0], words[1], code))
    return blocks, sets, forms


def build(blocks: list[Block]) -> list[tuple[str, str, str]]:
    """(lemma, its code or "---", its block) for each verb of each block."""
    rows: dict[tuple[str, str], str] = {}
    for b in blocks:
        for verb, own in b.verbs.items():
            code = own or b.code
            rows.setdefault((verb, b.name), code if _coded(code) else "---")
        for verb, _, _ in b.phrasal:
            rows.setdefault((verb, b.name), "---")
        for _, _, named in b.patterns:  # a verb a pattern was found with, not listed
            for verb in named:
                if re.fullmatch(r"[a-z][a-z-]*", verb):
                    rows.setdefault((verb, b.name), "---")
    return [(v, c, name) for (v, name), c in rows.items()]


def _head(words: list[str]) -> str | None:
    """The head word of a phrase written as words ("DIPLOMATIC TIES" -> "ties"); a
    synonym set alone stands as itself ("&TREATY" -> "&treaty")."""
    if not words or not all(_WORD.match(w) or (_SET.match(w) and len(words) == 1)
                            for w in words):
        return None  # a set with other words ("{TRADE &TREATY}"): its head would be too loose
    return words[-1].rstrip("_").lower()


_ELEMENT = re.compile(r"\{[^}]*\}|\([^)]*\)|[+$^]|&[A-Z_]+|[A-Z][A-Z'_-]*")


def _key(rest: str) -> str | None:
    """The key of what follows the verb, its parts space-separated, or None when it
    is not a sequence of phrases."""
    out: list[str] = []
    text = rest.strip()
    pos = 0
    while pos < len(text):
        if text[pos] == " ":
            pos += 1
            continue
        m = _ELEMENT.match(text, pos)
        if not m:
            return None
        el, pos = m.group(0), m.end()
        if el in "+$^":
            continue  # a target or source marker
        if el.startswith("("):
            inner = re.sub(r"[+$^]", " ", el[1:-1]).split(None, 1)
            if not inner or not re.fullmatch(r"[A-Z]+", inner[0]):
                return None
            prep = inner[0].lower()
            if len(inner) == 1:
                out.append(f"prep:{prep}")
                continue
            head = _head(inner[1].strip().strip("{}").split())
            if head is None:
                return None
            out.append(f"prep:{prep}:{head}")
        else:
            head = _head(el.strip("{}").split())
            if head is None:
                return None
            out.append(f"obj:{head}")
    return " ".join(dict.fromkeys(out)) or None


def build_objects(blocks: list[Block]) -> list[tuple[str, str, str, str]]:
    """(block, key, code, the verbs the pattern names) of each block's patterns."""
    rows: dict[tuple[str, str, str], list[str]] = {}
    for b in blocks:
        for _, particle, code in b.phrasal:  # the block's verbs with the particle
            for key in (f"obj:{particle}", f"prep:{particle}"):
                rows.setdefault((b.name, key, code), [])
        for text, code, verbs in b.patterns:
            if not _coded(code) or not text.startswith("*"):
                continue
            key = _key(text[1:])
            if key is None or key.count(" ") > 2:
                continue
            named = rows.setdefault((b.name, key, code), [])
            named += [v for v in verbs if re.fullmatch(r"[a-z][a-z-]*", v) and v not in named]
    return [(name, key, code, ",".join(verbs)) for (name, key, code), verbs in rows.items()]


def _write(path: Path, what: str, columns: str, rows: list[tuple[str, ...]]) -> None:
    head = (f"# {what}, built by scripts/build_event_verbs.py\n" + ATTRIBUTION
            + "".join(f"# {line}\n" for line in COLUMNS.get(path.name, ()))
            + columns + "\n")
    path.write_text(head + "".join("\t".join(r) + "\n" for r in rows),
                    encoding="utf-8")
    print(f"{len(rows)} rows -> {path}")


COLUMNS = {
    "event_verbs.tsv": ("code: the verb's default code, --- none (only its block's "
                        "patterns code it)",),
    "event_verb_objects.tsv": (
        "key: parts obj:<head word> | prep:<preposition>[:<head word>], space-separated,",
        "all needed; a word &name stands for any word of that synonym set;",
        "verbs: the verbs the pattern was found with (it codes the block's others too)"),
}


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/petrarch/CAMEO.2.0.txt")
    blocks, sets, forms = read(src)
    verbs = sorted(build(blocks))
    _write(OUT, "Verb lemma -> default CAMEO code and synonym block", "lemma\tcode\tblock",
           verbs)
    _write(OUT_OBJECTS, "Synonym block + what follows the verb -> CAMEO code",
           "block\tkey\tcode\tverbs", build_objects(blocks))  # in the file's order
    _write(OUT_SETS, "Synonym set -> its words", "set\tword",
           sorted((name, w) for name, words in sets.items() for w in dict.fromkeys(words)))
    known = {v for v, _, _ in verbs}
    _write(OUT_FORMS, "Verb form -> lemma, as listed with the verb", "form\tlemma",
           sorted((f, v) for f, v in forms.items() if v in known and f != v))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
