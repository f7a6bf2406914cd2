"""Regular expressions compiled once into the user's cache, for Dossier's own workers.

Python compiles a regular expression from its text in Python code (the parser and
the code generator of ``re``) at every start; only the last step, ``_sre.compile``,
is native. A worker's start compiles ~110 of them (spaCy's tokenizer's prefix,
suffix, infix and URL patterns alone ~0.035 s of CPU, spaCy's and the stages'
modules the rest): ~0.05 s of a start-up of ~1.2 s. :func:`install` (called by
Dossier's worker processes with :func:`dossier.quickimport.install`; a program that
imports ``dossier`` as a library keeps Python's own ``re``) has ``re`` take each
pattern's compiled program from a table kept in the user's cache
(:mod:`dossier.cache`'s folder), and :func:`save` adds what a start compiled anew.
The program is what ``re`` would make (a :class:`re.Pattern` made from it equals
``re.compile``'s: tests/test_regexes.py); the table is per Python build and
``_sre`` version, and any pattern it lacks is compiled as before.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from dossier.cache import cache_dir

try:  # the internals of ``re`` this relies on (Python 3.11-3.13)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ORIGINAL = _compiler.compile
    _CODE = _compiler._code
except (ImportError, AttributeError):  # another Python: nothing is installed
    _ORIGINAL = None

# Each pattern's program: (type, pattern, flags) -> the rest of ``_sre.compile``'s
# arguments. Short patterns compile in microseconds and are not kept.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_TABLE: dict[tuple[type, str | bytes, int], Program] = {}
_STATE = {"new": 0, "installed": 0}
MIN_LENGTH = 40
MAX_PATTERNS = 2000


def _path() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    version = f"{sys.version.split()[0]}-{getattr(_sre, 'MAGIC', 0)}-{sys.implementation.name}"
    return folder / f"regexes-{version}.pickle"


def _compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, the program read from the table where it is there."""
    if (not isinstance(p, str | bytes) or flags & _compiler.SRE_FLAG_DEBUG
            or len(p) < MIN_LENGTH):
        return _ORIGINAL(p, flags)  # type: ignore[misc]
    key = (type(p), p, flags)
    program = _TABLE.get(key)
    if program is None:
        parsed = _parser.parse(p, flags)
        groupindex = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        # (plain ints: re's named opcodes do not pickle)
        program = (flags | parsed.state.flags, list(map(int, _CODE(parsed, flags))),
                   parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        if len(_TABLE) < MAX_PATTERNS:
            _TABLE[key] = program
            _STATE["new"] += 1
    return _sre.compile(p, *program)


def install() -> None:
    """Read the table and have ``re`` compile through it (once per process)."""
    if _ORIGINAL is None or _STATE["installed"]:
        return
    load()
    _compiler.compile = _compile
    _STATE["installed"] = 1


def load() -> None:
    """Read the table kept in the user's cache, if there is one."""
    path = _path()
    if path is not None:
        try:
            with path.open("rb") as f:
                _TABLE.update(pickle.load(f))
        except Exception:  # absent, or unreadable: compiled as before, saved anew
            pass


def save() -> None:
    """Write the table if this process compiled patterns it did not hold."""
    path = _path()
    if not _STATE["new"] or path is None:
        return
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            tmp = out.name
            pickle.dump(_TABLE, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _STATE["new"] = 0
    except OSError:  # a read-only home or a full disk is no reason to fail the run
        if tmp:
            Path(tmp).unlink(missing_ok=True)
