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
from datasketch import MinHash

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
    """The LSH index over the store's `minhashes` / `minhash_bands` tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sig: np.ndarray, exclude: str | None = None) -> NearMatch | None:
        """The most similar stored article above NEAR_THRESHOLD, if any."""
        keys = band_keys(sig)
        cands: set[str] = set()
        for band, key in enumerate(keys):
            for (aid,) in self.conn.execute(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND key = ?", (band, key)
            ):
                if aid != exclude:
                    cands.add(aid)
        best: NearMatch | None = None
        for aid in sorted(cands):
            row = self.conn.execute("SELECT signature FROM minhashes WHERE article_id = ?", (aid,)).fetchone()
            if row is None:
                continue
            sim = jaccard(sig, np.frombuffer(row[0], dtype=np.uint64))
            if sim >= NEAR_THRESHOLD and (best is None or sim > best.similarity):
                best = NearMatch(aid, sim)
        return best

    def add(self, article_id: str, sig: np.ndarray) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO minhashes(article_id, signature) VALUES (?, ?)", (article_id, sig.tobytes())
        )
        self.conn.execute("DELETE FROM minhash_bands WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO minhash_bands(band, key, article_id) VALUES (?, ?, ?)",
            [(b, k, article_id) for b, k in enumerate(band_keys(sig))],
        )
