"""Exact and near-duplicate articles: a duplicate points at the first copy seen.

Exact: SHA-256 of the text lowercased with punctuation and white space folded.
Near: MinHash of word 5-shingles in an LSH index (datasketch), at the estimated
Jaccard similarity ``near_duplicate_threshold``. The index can be seeded from the
store so duplicates are found across runs too.

Memory: an article costs ~3.5 KB in the index, so the index keeps only the latest
``window`` originals (setting ``dedup_window``; 100k ≈ 350 MB, about a day of the
world's news); an article is compared with those. Older ones fall out, oldest first.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import sys
import threading
import types
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

# datasketch is imported where it is used (a process that only runs the NLP, a
# worker or a Ray actor, never needs it), and without scipy.integrate: _datasketch.

_TOKEN = re.compile(r"\w+")
SHINGLE = 5
# Stored signatures are only comparable under the same hashing scheme.
SCHEME = "affine32"


def normalise(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def text_hash(text: str) -> str:
    return _tokens_hash(normalise(text))


def _tokens_hash(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


_IMPORT = threading.Lock()


def _datasketch() -> Any:
    """datasketch, imported without ``scipy.integrate``: its LSH modules import
    ``quad`` at their top only for the optimiser that picks an index's bands and rows
    (:func:`lsh_params` keeps its answer in the user's cache), and that import was
    ~0.45 s of the ~0.55 s of CPU datasketch took to import. While datasketch imports,
    a stand-in ``scipy.integrate`` serves it a ``quad`` that imports the real one when
    called; the stand-in is taken away at once, so any other import of
    ``scipy.integrate`` gets the real module. A datasketch that imports more of it
    than ``quad`` is imported again the plain way."""
    with _IMPORT:
        if "datasketch" in sys.modules or "scipy.integrate" in sys.modules:
            import datasketch

            return datasketch
        stand_in = _stand_in()
        sys.modules["scipy.integrate"] = stand_in
        ds: Any = None
        try:
            ds = importlib.import_module("datasketch")
        except ImportError:  # a datasketch that wants more of scipy.integrate than quad
            for name in [m for m in sys.modules if m.split(".")[0] == "datasketch"]:
                del sys.modules[name]
        finally:
            if sys.modules.get("scipy.integrate") is stand_in:
                del sys.modules["scipy.integrate"]
        if ds is None:  # the plain import, scipy.integrate and all
            ds = importlib.import_module("datasketch")
        return ds


def _stand_in() -> types.ModuleType:
    """The ``scipy.integrate`` datasketch is imported with: ``quad`` alone."""
    stand_in = types.ModuleType("scipy.integrate")
    stand_in.quad = _quad  # type: ignore[attr-defined]
    return stand_in


def _quad(*args: Any, **kwargs: Any) -> Any:
    """scipy's ``quad``, imported when first called."""
    from scipy.integrate import quad

    return quad(*args, **kwargs)


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The bands and rows datasketch's ``MinHashLSH`` chooses for this threshold and
    number of permutations (by numerical integration, with scipy), kept in the user's
    cache (:mod:`dossier.cache`) under datasketch's version."""
    from dossier.cache import compiled

    ds = _datasketch()

    def build() -> tuple[int, int]:
        index = ds.MinHashLSH(threshold=threshold, num_perm=num_perm)
        return int(index.b), int(index.r)

    return compiled("lsh-params", [ds.__version__, repr(float(threshold)), str(num_perm)],
                    build)


def minhash(text: str, num_perm: int = 128) -> MinHash:
    return _tokens_minhash(normalise(text), num_perm)


def _tokens_minhash(tokens: list[str], num_perm: int) -> MinHash:
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
    m = _new_minhash(num_perm)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


_PERMUTATIONS: dict[int, Any] = {}


def _new_minhash(num_perm: int, hashvalues: Any = None) -> MinHash:
    """``MinHash(num_perm, hashvalues, scheme=SCHEME)`` with the permutations made
    once per ``num_perm``: a MinHash draws its own from its seed (the same every time)
    when not given them, ~8 % of the main process's samples in a run (py-spy; three
    a new article: its signature, the query and its insertion into the index)."""
    ds = _datasketch()
    perms = _PERMUTATIONS.get(num_perm)
    if perms is None:
        perms = _PERMUTATIONS[num_perm] = ds.MinHash(num_perm=num_perm,
                                                     scheme=SCHEME).permutations
    return ds.MinHash(num_perm=num_perm, hashvalues=hashvalues, scheme=SCHEME,  # type: ignore[no-any-return]
                      permutations=perms)


class Deduplicator:
    """Remembers articles and tells whether a new one repeats an earlier one.

    The LSH index (and datasketch, ~0.1 s to import) is made when a second article
    is compared: with ``signatures=False`` (the caller keeps no MinHash signatures,
    as ``dossier extract``) the first original waits for one, so a run of one
    article never needs them."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128,
                 window: int = 100_000, signatures: bool = True) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.window = max(1, window)
        self.signatures = signatures
        self._exact: dict[str, str] = {}
        self._index: MinHashLSH | None = None
        self._order: deque[tuple[str, str]] = deque()  # (article id, text hash), oldest first
        # originals not yet in the index (id → text): nothing was there to compare them with
        self._unindexed: dict[str, str] = {}

    @classmethod
    def from_settings(cls, settings: dict[str, Any], signatures: bool = True) -> Deduplicator:
        return cls(float(settings["near_duplicate_threshold"]),
                   int(settings["minhash_permutations"]),
                   int(settings.get("dedup_window", 100_000)), signatures)

    def __len__(self) -> int:
        return len(self._order)

    @property
    def _lsh(self) -> MinHashLSH:
        if self._index is None:
            self._index = _datasketch().MinHashLSH(
                threshold=self.threshold, num_perm=self.num_perm,
                params=lsh_params(self.threshold, self.num_perm))
        return self._index

    def _signature(self, text: str, tokens: list[str] | None = None) -> bytes:
        m = _tokens_minhash(normalise(text) if tokens is None else tokens, self.num_perm)
        return m.hashvalues.astype(np.uint64).tobytes()  # type: ignore[no-any-return]

    def check(self, article_id: str, text: str
              ) -> tuple[str | None, str | None, str, bytes | None]:
        """``(duplicate_of, kind, text_hash, minhash_bytes)`` for a new article, and
        remember it if it is not a duplicate. ``kind`` is "exact" or "near". The
        signature is None only with ``signatures=False`` when none was needed."""
        tokens = normalise(text)  # (once: the hash, the signature and the length)
        h = _tokens_hash(tokens)
        sig = self._signature(text, tokens) if self.signatures else None
        first = self._exact.get(h)
        if first is not None and first != article_id:
            return first, "exact", h, sig
        if first == article_id:
            return None, None, h, sig
        if self._order and len(tokens) >= SHINGLE:  # something to compare with
            for old_id, old_text in list(self._unindexed.items()):
                self._insert(old_id, self._signature(old_text))
            self._unindexed.clear()
            sig = sig or self._signature(text, tokens)
            candidates = sorted(self._lsh.query(self._minhash(sig)))
            if candidates:
                return candidates[0], "near", h, sig
        if sig is None:
            self._unindexed[article_id] = text
        self.remember(article_id, h, sig)
        return None, None, h, sig

    def _minhash(self, signature: bytes) -> MinHash:
        return _new_minhash(self.num_perm, np.frombuffer(signature, dtype=np.uint64))

    def _insert(self, article_id: str, signature: bytes) -> None:
        if len(signature) == 8 * self.num_perm:
            self._lsh.insert(article_id, self._minhash(signature))

    def remember(self, article_id: str, text_hash_: str, signature: bytes | None) -> None:
        """Add an original article (from this run or from the store); without a
        signature it is found only as an exact copy (``check`` keeps the text of
        one of this run in ``_unindexed``, to index when a comparison needs it)."""
        if self._exact.get(text_hash_) == article_id or (
                self._index is not None and article_id in self._index):
            return
        self._exact.setdefault(text_hash_, article_id)
        if signature is not None:
            self._insert(article_id, signature)
        self._order.append((article_id, text_hash_))
        while len(self._order) > self.window:
            old_id, old_hash = self._order.popleft()
            self._unindexed.pop(old_id, None)
            if self._index is not None and old_id in self._index:
                self._index.remove(old_id)
            if self._exact.get(old_hash) == old_id:
                del self._exact[old_hash]

    def seed(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        for article_id, h, sig in rows:
            self.remember(article_id, h, sig)
