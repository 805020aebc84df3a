"""The queries of an ingest or re-extraction run (wirewatch/pipeline.py) that no other reader shares.

Typed functions over a `Store`, so that the pipeline and the dedup planner hold no SQL.
"""

from __future__ import annotations

from .db import Store


def stored_from(store: Store, source: str | None, content_hash: str) -> bool:
    """True when an article with this content was already stored from this input (file, file:line)."""
    row = store.conn.execute(
        "SELECT 1 FROM articles WHERE source = ? AND content_hash = ? LIMIT 1", (source, content_hash)
    ).fetchone()
    return row is not None


def articles_to_extract(store: Store, *, only_missing: bool = False) -> list[str]:
    """Ids of the stored articles a re-extraction runs over, in arrival order. Exact duplicates are left
    out (they repeat their original); `only_missing` keeps the articles never extracted."""
    sql = "SELECT id FROM articles WHERE (duplicate_kind IS NULL OR duplicate_kind != 'exact')"
    if only_missing:
        sql += " AND extracted_at IS NULL"
    return [r[0] for r in store.conn.execute(sql + " ORDER BY rowid")]
