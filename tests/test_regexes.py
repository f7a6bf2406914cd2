"""Regular expressions' programs kept in the user's cache (dossier.regexes): a pattern
made from the table is the one ``re`` compiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier import regexes
from dossier.parse import load_nlp

TEXT = "Mr. O'Brien's U.S.-based firm (est. 1999) said: “We'll see,” at https://x.org/a?b=1."


def _patterns() -> list[tuple[str, int]]:
    tok = load_nlp().tokenizer
    found = [(f.__self__.pattern, f.__self__.flags) for f in (
        tok.prefix_search, tok.suffix_search, tok.infix_finditer, tok.url_match)]
    return found + [
        (r"(?P<word>[A-Z][\w'’-]+) (?P=word)\b and (?:some|any)thing else entirely", 0),
        (r"^\s*(?:by|from)\s+(?P<name>[^,;]+?)\s*(?:,|$)  # a byline", re.M | re.X),
        (r"(?i)\b(?:in|at)\s+(?:the\s+)?(?:capital|city)\s+of\s+([A-Z]\w+)", 0),
    ]


@pytest.mark.skipif(regexes._ORIGINAL is None, reason="this Python's re has other internals")
def test_a_pattern_from_the_table_is_res_own(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexes, "_TABLE", {})
    monkeypatch.setitem(regexes._STATE, "new", 0)
    patterns = _patterns()
    made = [regexes._compile(p, flags) for p, flags in patterns]  # compiled, kept
    assert regexes._STATE["new"] == len(patterns)
    regexes.save()
    assert list(tmp_path.glob("regexes-*.pickle"))
    monkeypatch.setattr(regexes, "_TABLE", {})
    regexes.load()
    assert len(regexes._TABLE) == len(patterns)
    for (p, flags), first in zip(patterns, made, strict=True):
        again = regexes._compile(p, flags)  # from the table
        own = re._compiler.compile(p, flags)  # type: ignore[attr-defined]
        assert again == own == first  # (flags, pattern and program alike)
        assert (again.groups, again.groupindex) == (own.groups, own.groupindex)
        assert [m.span() for m in again.finditer(TEXT)] == [m.span() for m in own.finditer(TEXT)]
    assert regexes._STATE["new"] == 0  # (saved, and none new since)
