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
0.5 s to unpack; kept ``mapped``: its tables are read in place, ~0.02 s to open),
the tokenized gazetteer phrases (~0.2 MB), the deduplication index's bands and rows
(worked out with scipy, which a run then need not import) and the parsed TOML word
lists of ``dossier/data``. The same folder holds the workers' table of compiled
regular expressions (:mod:`dossier.regexes`, ~0.1 MB).

``compiled(..., mapped=True)`` keeps a value holding large numpy arrays so that they
are not read back whole: the arrays are written after the pickle, in the same file,
and come back as read-only arrays over the file mapped into memory (``mmap``), whose
pages the system reads when they are first used.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TypeVar

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


def compiled(name: str, inputs: Iterable[str | bytes], build: Callable[[], T],
             mapped: bool = False) -> T:
    """``build()``, or what an earlier run built from the same inputs; ``mapped``: its
    numpy arrays are read in place (see above; the entry is another file)."""
    folder = cache_dir()
    if folder is None:
        return build()
    # the release and the Python that pickles (an entry is read by the same minor version)
    h = hashlib.sha256(f"{__version__} {sys.version_info[:2]}{' mapped' if mapped else ''}"
                       .encode())
    for part in inputs:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x1f")
    path = folder / f"{name}-{h.hexdigest()[:20]}.pickle"
    try:
        with path.open("rb") as f:
            value: T = _load_mapped(f) if mapped else pickle.load(f)
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
            if mapped:
                _dump_mapped(value, out)
            else:
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


# A mapped entry: this line, the pickle's length and the number of arrays, each
# array's length, the pickle, then the arrays' bytes, each from a 64-byte boundary.
_MAPPED = b"dossier mapped 1\n"
_ALIGN = 64


def _dump_mapped(value: object, out: IO[bytes]) -> None:
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    out.write(_MAPPED + struct.pack(f"<QQ{len(raws)}Q", len(data), len(raws),
                                    *(r.nbytes for r in raws)))
    out.write(data)
    for r in raws:
        out.write(b"\0" * (-out.tell() % _ALIGN))
        out.write(r)


def _load_mapped(f: IO[bytes]) -> Any:
    view = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
    if view[: len(_MAPPED)] != _MAPPED:
        raise ValueError("not a mapped entry")
    at = len(_MAPPED)
    size, n = struct.unpack_from("<QQ", view, at)
    lengths = struct.unpack_from(f"<{n}Q", view, at + 16)
    at += 16 + 8 * n
    data = view[at : at + size]
    at += size
    buffers = []
    for length in lengths:
        at += -at % _ALIGN
        buffers.append(view[at : at + length])
        at += length
    if at > len(view):
        raise ValueError("a truncated entry")
    return pickle.loads(data, buffers=buffers)
