"""The CAMEO code table: names, root, QuadClass, Goldstein, PLOVER type and mode (the
official 2021 CAMEO→PLOVER mapping with the amendments of
``data/cameo/plover_amendments.tsv``: CAMEO 02 appeals are PLOVER REQUEST)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from functools import cache

from dossier.data import data_path


@dataclass(frozen=True, slots=True)
class Code:
    code: str  # leading zeros kept: "042"
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None


@cache
def cameo() -> dict[str, Code]:
    text = data_path("cameo/cameo_codes_merged.tsv").read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        plover = row["plover_event"].strip()
        if not plover or plover.startswith("dropped"):
            plover = ""
        out[row["code"]] = Code(
            code=row["code"], name=row["name_gdelt_lookup"] or row["name_cameo_1.1b3_manual"],
            root=row["root"].zfill(2), quad_class=int(row["quadclass_gdelt"] or 0),
            goldstein=float(row["goldstein_gdelt"] or 0.0), plover=plover or None,
            plover_mode=row["plover_mode"].strip() or None)
    for code, (plover, mode) in plover_amendments().items():
        out[code] = replace(out[code], plover=plover, plover_mode=mode)
    return out


@cache
def plover_amendments() -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode) where Dossier departs from the 2021 table (the
    file's header says why and on whose authority)."""
    text = data_path("cameo/plover_amendments.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return {row["code"]: (row["plover_event"].strip(), row["plover_mode"].strip() or None)
            for row in csv.DictReader(lines, delimiter="\t")}
