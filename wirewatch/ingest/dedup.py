"""Exact and near-duplicate detection.

Exact: SHA-256 of the normalized body (Unicode NFKC, case-folded, whitespace collapsed), so a copy that
differs only in spacing or case is still exact.

Near (syndicated copies with another headline, footer or a changed word): MinHash over word 3-shingles
(datasketch), banded LSH with the bands kept in SQLite (`minhash_bands`), so a lookup is one indexed query
per band and nothing is held in memory. Candidates are confirmed by the estimated Jaccard similarity.
With 128 permutations in 16 bands of 8 rows the LSH threshold is about (1/16)^(1/8) = 0.71; we confirm at
NEAR_THRESHOLD.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..store import articles

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
NEAR_THRESHOLD = 0.75
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(normalize(text))
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray:
    # Imported here: datasketch (with scipy) costs about half a second of CPU per process, which processes
    # that never sign an article (extraction workers, export, the web UI) need not pay.
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(list(shingles(text)))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 63-bit key per band (SQLite integers are signed 64-bit)."""
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0] >> 1)
    return keys


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class NearMatch:
    article_id: str
    similarity: float


class NearDuplicateIndex:
    """The LSH index over the store's `minhashes` / `minhash_bands` tables (SQL in store/articles.py)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sig: np.ndarray, exclude: str | None = None) -> NearMatch | None:
        """The most similar stored article above NEAR_THRESHOLD, if any."""
        cands: set[str] = set()
        for band, key in enumerate(band_keys(sig)):
            cands.update(aid for aid in articles.band_members(self.conn, band, key) if aid != exclude)
        best: NearMatch | None = None
        for aid in sorted(cands):
            stored = articles.signature_bytes(self.conn, aid)
            if stored is None:
                continue
            sim = jaccard(sig, np.frombuffer(stored, dtype=np.uint64))
            if sim >= NEAR_THRESHOLD and (best is None or sim > best.similarity):
                best = NearMatch(aid, sim)
        return best

    def add(self, article_id: str, sig: np.ndarray) -> None:
        articles.save_signature(self.conn, article_id, sig.tobytes(), band_keys(sig))
