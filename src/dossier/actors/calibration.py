"""Mention confidence on real news pages: the ``[confidence]`` table of
``actor_cues.toml`` was set on the PolNeAR gold (political news); a hand-marked sheet of
links on the Scrapinghub tuning pages (``data/mention_page_calibration.toml``, fitted by
``eval/audit.py fit``) says how often each kind of link is right on pages of every kind.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from dossier.actors.article import Article
from dossier.actors.cues import BOOK
from dossier.data import load_toml

Table = tuple[dict[str, float], list[tuple[float, float]]]


@cache
def page_table() -> Table:
    """(share right / confidence by cell "via confidence", [(lower edge, share right /
    mean confidence)] by bin) of the marked tuning pages."""
    d = load_toml("mention_page_calibration.toml")
    cells = {k: float(v[0]) / float(v[1]) for k, v in d.get("cells", {}).items()}
    bins = sorted((float(k), float(v[0]) / float(v[1])) for k, v in d["bins"].items())
    return cells, bins


def scaled(confidence: float, via: str, table: Table) -> float:
    """``confidence`` times its cell's ratio (else its bin's), never raised."""
    cells, bins = table
    ratio = cells.get(f"{via} {confidence:.2f}")
    if ratio is None:
        ratio = next((r for lo, r in reversed(bins) if confidence >= lo), 1.0)
    return confidence if ratio >= 1 else round(confidence * ratio, 2)


@BOOK.rule("names", off=None)
def page_calibrated(a: Article) -> None:
    """Confidence means precision on real pages too: once the article is linked, a
    mention's confidence is scaled by the share of right links made on the same
    evidence (its route at that confidence, else its confidence bin) on the marked
    tuning pages, over that confidence, and never raised: lone unknown names ("The
    bundle comes with Mario Kart Deluxe", 0.65) were right 0.60 of the time there, so
    they fall to 0.60."""
    table = page_table()
    for k, m in enumerate(a.out):
        c = scaled(m.confidence, m.via, table)
        if c != m.confidence:
            a.out[k] = replace(m, confidence=c)
