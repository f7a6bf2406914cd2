"""Readers running ahead in processes give the documents of a sequential read, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest import ReadOptions, read_inputs
from dossier.ingest.parallel import read_ahead
from dossier.records import Document, Problem

NEWS = Path(__file__).parents[1] / "fixtures" / "news"


def _key(item: Document | Problem) -> tuple[str, ...]:
    if isinstance(item, Problem):
        return ("problem", item.source, item.message)
    return ("doc", item.id, item.source, item.text, str(item.locator), str(item.published))


@pytest.mark.parametrize("processes", [1, 2, 4])
def test_read_ahead_keeps_input_order(tmp_path: Path, demo_path: Path, processes: int) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    inputs = [str(demo_path), str(NEWS / "ccmain_sample.warc.gz"), str(tmp_path / "missing"),
              str(NEWS / "npr_technology_jsonfeed.json"), str(empty),
              str(NEWS / "news18_malformed.warc.gz"), str(demo_path)]
    options = ReadOptions(published="2024-05-16")
    expected = [_key(i) for i in read_inputs(inputs, options)]
    got = [_key(i) for i in read_ahead(inputs, options, processes)]
    assert got == expected
    kinds = [k[0] for k in expected]
    assert kinds.count("problem") >= 3 and kinds.count("doc") > 10
