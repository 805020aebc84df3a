"""Entity merges across reports, recorded; and the queries the end-of-run merge reads its candidates with.

When extract/entity_merge.py finds that two stored entities are one ("Biden" and "Joe Biden"), the store
moves the old id's mentions and links to the canonical id and the old row goes (`Store.merge_entities`).
The old id is recorded here, so that an `/entities/<old id>` link, a watch rule or an `--actor` filter
written before the merge still finds the entity. A chain (a -> b, later b -> c) is kept flat: a -> c.

The merge of a run reads the entities its reports name and the stored entities that could be one with them
(`candidates`): the same folded name under another kind, a full name sharing a first or last word, a mention
text equal to an acronym. The name-word expressions are the ones migration 10 indexes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

# Keep these two expressions identical to migration 10's indexes, or SQLite scans the table.
FIRST_WORD = "lower(substr(name, 1, instr(name || ' ', ' ') - 1))"
LAST_WORD = "lower(replace(name, rtrim(name, replace(name, ' ', '')), ''))"
_MAX_HOPS = 16  # a chain is kept flat on write; this only guards against a hand-edited loop


def _ids(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


def record(conn: sqlite3.Connection, mapping: dict[str, str], at: str) -> None:
    """Record old id -> canonical id; earlier merges into an old id now point at its canonical id."""
    for old, new in mapping.items():
        conn.execute("UPDATE entity_merges SET new_id = ?, merged_at = ? WHERE new_id = ?", (new, at, old))
        conn.execute(
            "INSERT INTO entity_merges(old_id, new_id, merged_at) VALUES (?, ?, ?) "
            "ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id, merged_at = excluded.merged_at",
            (old, new, at),
        )
    # An id merged away and later merged into again (it was re-extracted in between) is no alias of itself.
    conn.execute("DELETE FROM entity_merges WHERE old_id = new_id")


def forget_live(conn: sqlite3.Connection, entity_ids: Iterable[str] | None = None) -> int:
    """Drop the merge rows of ids that are live again (a later report named that entity on its own, and the
    merge did not take it this time): a live id names itself, never its old target. With `entity_ids`, only
    those ids are looked at (a run's entities, indexed); without, every recorded one."""
    if entity_ids is None:
        cur = conn.execute("DELETE FROM entity_merges WHERE old_id IN (SELECT id FROM entities)")
    else:
        cur = conn.execute("DELETE FROM entity_merges WHERE old_id IN (SELECT value FROM json_each(?)) "
                           "AND old_id IN (SELECT id FROM entities)", (_ids(entity_ids),))
    return cur.rowcount


def resolve(conn: sqlite3.Connection, entity_id: str) -> str | None:
    """The stored entity an id names: itself when stored, else the entity it was merged into (None: neither)."""
    eid = entity_id
    for _ in range(_MAX_HOPS):
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (eid,)).fetchone() is not None:
            return eid
        row = conn.execute("SELECT new_id FROM entity_merges WHERE old_id = ?", (eid,)).fetchone()
        if row is None:
            return None
        eid = str(row[0])
    return None


def merged_into(conn: sqlite3.Connection, entity_id: str) -> list[str]:
    """The old ids recorded as merged into this entity (an id live again is not one of them)."""
    rows = conn.execute("SELECT old_id FROM entity_merges m WHERE new_id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM entities x WHERE x.id = m.old_id) ORDER BY old_id", (entity_id,))
    return [str(r[0]) for r in rows]


def named_in(conn: sqlite3.Connection, article_ids: Iterable[str]) -> list[str]:
    """Ids of the entities these reports name."""
    rows = conn.execute(
        "SELECT DISTINCT entity_id FROM entity_mentions WHERE article_id IN (SELECT value FROM json_each(?))",
        (_ids(article_ids),))
    return sorted(str(r[0]) for r in rows)


def candidates(conn: sqlite3.Connection, *, ids: Iterable[str] = (), first_words: Iterable[str] = (),
               last_words: Iterable[str] = (), mention_texts: Iterable[str] = ()) -> list[str]:
    """Ids of stored entities with one of these ids, first words or last words of their name (compared
    lower-case), or named by a mention with one of these texts. Every branch is an indexed lookup."""
    rows = conn.execute(
        "SELECT id FROM entities WHERE id IN (SELECT value FROM json_each(?)) "
        f"UNION SELECT id FROM entities WHERE {FIRST_WORD} IN (SELECT lower(value) FROM json_each(?)) "
        f"UNION SELECT id FROM entities WHERE {LAST_WORD} IN (SELECT lower(value) FROM json_each(?)) "
        "UNION SELECT DISTINCT entity_id FROM entity_mentions WHERE text IN (SELECT value FROM json_each(?))",
        (_ids(ids), _ids(first_words), _ids(last_words), _ids(mention_texts)),
    )
    return sorted(str(r[0]) for r in rows)
