"""Tables compiled once and kept in the user's cache folder, so a run does not pay
again for what an earlier one built (the city table takes ~2 s to build, ~0.1 s to
read back).

Each entry is a pickle named by what it was built from — the package and Python versions, the
names and contents of its inputs and a format number — so a changed input or a new
release builds afresh; an entry of the same name that no run has read for a week
(its inputs changed, an earlier release) is removed when a new one is written, and
so is a half-written file an hour old (a process killed while writing). Set
``DOSSIER_CACHE_DIR`` to put the cache elsewhere, or to ``off`` to build every
time. A cache that cannot be read or written is ignored: the table is built as if
there were none.

What is kept: the city table (~2 MB), the language identifier unpacked (~70 MB,
0.5 s to unpack, ~0.1 s to read back) and the tokenized gazetteer phrases (~0.2 MB).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import platformdirs

from dossier import __version__

T = TypeVar("T")

# An entry unread this long is removed when another of its name is written.
STALE_SECONDS = 7 * 24 * 3600
# A half-written entry (a process killed while writing) this old is left over: removed.
LEFTOVER_SECONDS = 3600


def cache_dir() -> Path | None:
    """Where compiled tables are kept, or None when caching is off."""
    value = os.environ.get("DOSSIER_CACHE_DIR", "")
    if value.lower() == "off":
        return None
    return Path(value) if value else Path(platformdirs.user_cache_dir("dossier")) / "compiled"


def compiled(name: str, inputs: Iterable[str | bytes], build: Callable[[], T]) -> T:
    """``build()``, or what an earlier run built from the same inputs."""
    folder = cache_dir()
    if folder is None:
        return build()
    # the release and the Python that pickles (an entry is read by the same minor version)
    h = hashlib.sha256(f"{__version__} {sys.version_info[:2]}".encode())
    for part in inputs:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x1f")
    path = folder / f"{name}-{h.hexdigest()[:20]}.pickle"
    try:
        with path.open("rb") as f:
            value: T = pickle.load(f)
        os.utime(path)  # read now: not stale
        return value
    except Exception:  # absent, truncated, or from an incompatible Python: build anew
        pass
    value = build()
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as out:
            tmp = out.name
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _remove_stale(folder, name, path)
    except OSError:  # a read-only home or a full disk is no reason to fail the run
        if tmp:
            Path(tmp).unlink(missing_ok=True)
    return value


def _remove_stale(folder: Path, name: str, keep: Path) -> None:
    """Remove the entries of ``name`` but ``keep`` that no run has read for a while,
    and half-written files an ended process left behind."""
    now = time.time()
    for tmp in folder.glob("*.tmp"):
        try:
            if now - tmp.stat().st_mtime > LEFTOVER_SECONDS:
                tmp.unlink(missing_ok=True)
        except OSError:
            pass
    for old in folder.glob(f"{name}-*.pickle"):
        digest = old.name[len(name) + 1 : -len(".pickle")]
        if old != keep and len(digest) == 20 and now - old.stat().st_mtime > STALE_SECONDS:
            old.unlink(missing_ok=True)
