"""Articles' side tables: the near-duplicate index (`minhashes`, `minhash_bands`), ingest errors and the
counts `wirewatch info` shows. Article rows themselves are read and written by `Store` (store/db.py).
"""

from __future__ import annotations

import sqlite3


def count_duplicates(conn: sqlite3.Connection) -> int:
    """Articles stored as an exact or near copy of another."""
    return int(conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0])


def count_ingest_errors(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM ingest_errors").fetchone()[0])


# ---------------------------------------------------------------------------------------------- minhash LSH
def band_members(conn: sqlite3.Connection, band: int, key: int) -> list[str]:
    """The articles whose signature has `key` in `band` (one indexed lookup)."""
    return [r[0] for r in conn.execute("SELECT article_id FROM minhash_bands WHERE band = ? AND key = ?", (band, key))]


def signature_bytes(conn: sqlite3.Connection, article_id: str) -> bytes | None:
    """The article's stored MinHash signature (raw uint64 bytes), None when it has none."""
    row = conn.execute("SELECT signature FROM minhashes WHERE article_id = ?", (article_id,)).fetchone()
    return bytes(row[0]) if row is not None else None


def save_signature(conn: sqlite3.Connection, article_id: str, signature: bytes, band_keys: list[int]) -> None:
    """Store (or replace) the article's signature and its band keys, key i for band i."""
    conn.execute("INSERT OR REPLACE INTO minhashes(article_id, signature) VALUES (?, ?)", (article_id, signature))
    conn.execute("DELETE FROM minhash_bands WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO minhash_bands(band, key, article_id) VALUES (?, ?, ?)",
        [(b, k, article_id) for b, k in enumerate(band_keys)],
    )
