"""Mention confidence on real pages (dossier.actors.calibration): the scaling by a
cell or a bin of the marked tuning sheet, never raising; the shipped table is the fit
of the committed sheet."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dossier.actors.calibration import Table, page_table, scaled
from dossier.data import data_path
from dossier.rules import switched_off

ROOT = Path(__file__).resolve().parents[2]
SHEET = ROOT / "eval" / "audits" / "2026-12-06-s14-tune-mentions-after.tsv"
TABLE: Table = ({"unlinked 0.65": 0.6 / 0.65, "name 0.80": 1.2},
                [(0.0, 1.3), (0.6, 0.5), (0.85, 1.05)])


@pytest.mark.parametrize(("confidence", "via", "expected"), [
    (0.65, "unlinked", 0.6),   # its cell: right 0.60 of the time
    (0.8, "name", 0.8),        # a cell right more often than its confidence: not raised
    (0.7, "pronoun", 0.35),    # no cell: the bin's ratio (0.5)
    (0.4, "unlinked", 0.4),    # a bin right more often: not raised
    (0.9, "alias", 0.9),
])
def test_a_mention_is_scaled_by_its_cell_else_its_bin(confidence: float, via: str,
                                                       expected: float) -> None:
    assert scaled(confidence, via, TABLE) == expected


def test_the_shipped_table_never_raises_and_is_the_committed_sheets_fit() -> None:
    cells, bins = page_table()
    assert bins and all(r > 0 for _, r in bins) and all(r > 0 for r in cells.values())
    if not SHEET.exists():
        pytest.skip("the marked sheet is not in this checkout")
    spec = importlib.util.spec_from_file_location("audit", ROOT / "eval" / "audit.py")
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    fitted = audit.fit(SHEET, [0.0, 0.5, 0.6, 0.7, 0.85])
    shipped = data_path("mention_page_calibration.toml").read_text(encoding="utf-8")
    assert fitted.split("[bins]", 1)[1] == shipped.split("[bins]", 1)[1]


@pytest.mark.parametrize(("text", "surface", "before", "after"), [
    # a lone unknown name: 0.65 by the rules, right 0.60 of the time on real pages
    ("The bundle comes with Mario Kart Deluxe and a case.", "Mario Kart Deluxe", 0.65, 0.6),
    # an unknown person shown acting keeps its 0.8 (right 0.82 there)
    ("Jane Kaufman filed the suit on Monday.", "Jane Kaufman", 0.8, 0.8),
])
def test_page_calibrated_on_and_off(link, text: str, surface: str, before: float,  # type: ignore[no-untyped-def]
                                    after: float) -> None:
    def confidence() -> float:
        return next(m.confidence for m in link(text) if m.text == surface)

    assert confidence() == after
    with switched_off("actors.names.page_calibrated"):
        assert confidence() == before
