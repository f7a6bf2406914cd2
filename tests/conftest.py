from __future__ import annotations

import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
DEMO = ROOT / "examples" / "huffpost-china-dump.txt"


@pytest.fixture(scope="session")
def demo_path() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def demo_text() -> str:
    return DEMO.read_text(encoding="utf-8")


def varied_text(n_bytes: int) -> bytes:
    """Paragraphs of made-up text that pack only ~3x with gzip, as real news does
    (a bomb's repeats pack ~1000x)."""
    rng = random.Random(21)
    words = [f"{w}{i}" for i, w in enumerate(("council budget minister talks harbour "
                                              "Tuesday said would").split() * 300)]
    out, size = [], 0
    while size < n_bytes:
        line = " ".join(rng.choice(words) for _ in range(12)) + ".\n\n"
        out.append(line)
        size += len(line)
    return "".join(out).encode()


@pytest.fixture(scope="session")
def make_varied_text():  # type: ignore[no-untyped-def]
    return varied_text
