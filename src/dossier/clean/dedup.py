"""Exact and near-duplicate articles: a duplicate points at the first copy seen.

Exact: SHA-256 of the text lowercased with punctuation and white space folded.
Near: MinHash of word 5-shingles in an LSH index (datasketch), at the estimated
Jaccard similarity ``near_duplicate_threshold``. The index can be seeded from the
store so duplicates are found across runs too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

_TOKEN = re.compile(r"\w+")
SHINGLE = 5
# Stored signatures are only comparable under the same hashing scheme.
SCHEME = "affine32"


def normalise(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(normalise(text)).encode("utf-8")).hexdigest()


def minhash(text: str, num_perm: int = 128) -> MinHash:
    tokens = normalise(text)
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
    m = MinHash(num_perm=num_perm, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


class Deduplicator:
    """Remembers articles and tells whether a new one repeats an earlier one."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._exact: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def __len__(self) -> int:
        return len(self._exact)

    def check(self, article_id: str, text: str) -> tuple[str | None, str | None, str, bytes]:
        """``(duplicate_of, kind, text_hash, minhash_bytes)`` for a new article, and
        remember it if it is not a duplicate. ``kind`` is "exact" or "near"."""
        h = text_hash(text)
        m = minhash(text, self.num_perm)
        sig = m.hashvalues.astype(np.uint64).tobytes()
        first = self._exact.get(h)
        if first is not None and first != article_id:
            return first, "exact", h, sig
        if first == article_id:
            return None, None, h, sig
        if len(normalise(text)) >= SHINGLE:
            candidates = sorted(self._lsh.query(m))
            if candidates:
                return candidates[0], "near", h, sig
        self.remember(article_id, h, sig)
        return None, None, h, sig

    def remember(self, article_id: str, text_hash_: str, signature: bytes) -> None:
        """Add an original article (from this run or from the store)."""
        self._exact.setdefault(text_hash_, article_id)
        if article_id not in self._lsh:
            hv = np.frombuffer(signature, dtype=np.uint64)
            if len(hv) == self.num_perm:
                m = MinHash(num_perm=self.num_perm, hashvalues=hv, scheme=SCHEME)
                self._lsh.insert(article_id, m)

    def seed(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        for article_id, h, sig in rows:
            self.remember(article_id, h, sig)
