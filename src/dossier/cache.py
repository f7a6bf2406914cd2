"""Tables compiled once and kept in the user's cache folder, so a run does not pay
again for what an earlier one built (the city table takes ~2 s to build, ~0.1 s to
read back).

Each entry is a pickle named by what it was built from — the package version, the
names and contents of its inputs and a format number — so a changed input or a new
release builds afresh. Set ``DOSSIER_CACHE_DIR`` to put the cache elsewhere, or to
``off`` to build every time. A cache that cannot be read or written is ignored: the
table is built as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import platformdirs

from dossier import __version__

T = TypeVar("T")


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
    h = hashlib.sha256(__version__.encode())
    for part in inputs:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x1f")
    path = folder / f"{name}-{h.hexdigest()[:20]}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
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
    except OSError:  # a read-only home or a full disk is no reason to fail the run
        if tmp:
            Path(tmp).unlink(missing_ok=True)
    return value
