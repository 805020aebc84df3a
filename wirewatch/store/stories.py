"""The story tables: the SQL of the online story clusterer (wirewatch/connect/stories.py).

Story membership has one home, `articles.story_id`; the clusterer's per-article state sits beside it
(`story_seq`: arrival number, NULL for an article the clusterer never placed itself, such as a
duplicate that follows its original; `story_score`: similarity when it joined; `story_founder`: 1 when
it started its story). The clusterer's own state lives in `story_meta` (counters), `story_terms`
(document frequencies), `story_clusters` (one row per story: centroid, label, span), `story_postings`
(term -> story inverted index) and `story_merges` (old id -> surviving id). Every function takes the
connection of a migrated wirewatch store and leaves transactions to the caller.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import NotFoundError, StoreError

# SQLite limits bound parameters; IN lists are read in chunks of this size.
_CHUNK = 900


@dataclass
class ClusterRow:
    """A live story's scoring state."""

    id: str
    seq: int
    centroid: dict[str, float]
    start: str | None
    end: str | None


@dataclass
class ClusterState:
    """The fields of a story row that a join or a merge updates."""

    label: str
    label_score: float
    start: str | None
    end: str | None
    size: int
    names: dict[str, str]


@dataclass
class StoryInfo:
    id: str
    label: str
    start: str | None
    end: str | None
    key_entities: list[str]


def has_schema(conn: sqlite3.Connection) -> bool:
    """Whether `conn` holds a migrated wirewatch store with the story tables."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_clusters'").fetchone() is not None


def require_schema(conn: sqlite3.Connection) -> None:
    if not has_schema(conn):
        raise StoreError("the story clusterer needs a wirewatch store (open it with Store(path) first)")


# ---------------------------------------------------------------------- counters and document frequency
def get_counter(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM story_meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def set_counter(conn: sqlite3.Connection, key: str, value: int) -> None:
    conn.execute(
        "INSERT INTO story_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(value)),
    )


def add_document_frequencies(conn: sqlite3.Connection, counts: Iterable[tuple[str, int]]) -> None:
    """Add `n` documents to each term's document frequency."""
    conn.executemany(
        "INSERT INTO story_terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        counts,
    )


def count_documents(conn: sqlite3.Connection, terms: Sequence[str]) -> dict[str, int]:
    """Add one document to each of `terms` (distinct) and return their document frequencies, in one
    statement per chunk (the upsert returns the new value: no second lookup per term)."""
    out: dict[str, int] = {}
    for i in range(0, len(terms), _CHUNK):
        chunk = list(terms[i : i + _CHUNK])
        marks = ",".join("(?, 1)" for _ in chunk)
        out.update(
            conn.execute(
                f"INSERT INTO story_terms(term, df) VALUES {marks} "
                "ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING term, df",
                chunk,
            ).fetchall()
        )
    return out


def document_frequencies(conn: sqlite3.Connection, terms: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(terms), _CHUNK):
        chunk = list(terms[i : i + _CHUNK])
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT term, df FROM story_terms WHERE term IN ({marks})", chunk))
    return out


# ---------------------------------------------------------------------- blocking index
def stories_posted_under(conn: sqlite3.Connection, term: str, limit: int) -> list[str]:
    """The `limit` stories most recently posted under `term`, newest first."""
    rows = conn.execute(
        "SELECT story_id FROM story_postings WHERE term = ? ORDER BY seq DESC LIMIT ?", (term, limit)
    )
    return [r[0] for r in rows]


def add_postings(conn: sqlite3.Connection, story_id: str, postings: Iterable[tuple[str, float]], seq: int) -> None:
    """Post `story_id` under each (term, weight); weights of a term already posted add up."""
    conn.executemany(
        "INSERT INTO story_postings(term, story_id, weight, seq) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(term, story_id) DO UPDATE SET weight = weight + excluded.weight, seq = excluded.seq",
        [(f, story_id, w, seq) for f, w in postings],
    )


def replace_postings(conn: sqlite3.Connection, story_id: str, postings: Iterable[tuple[str, float, int]]) -> None:
    """Rebuild a story's postings from scratch (after a split): (term, weight, seq) rows."""
    conn.execute("DELETE FROM story_postings WHERE story_id = ?", (story_id,))
    conn.executemany(
        "INSERT INTO story_postings(term, story_id, weight, seq) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(term, story_id) DO UPDATE SET weight = weight + excluded.weight, seq = max(seq, excluded.seq)",
        [(f, story_id, w, s) for f, w, s in postings],
    )


# ---------------------------------------------------------------------- story rows
def live_clusters(
    conn: sqlite3.Connection, ids: Sequence[str], keep: Callable[[str | None, str | None], bool] | None = None
) -> list[ClusterRow]:
    """The scoring state of those of `ids` that were not merged away and, when `keep` is given, whose
    (start, end) span it accepts. The span test comes before the centroid is decoded: decoding is the
    costly part, and in a large store many blocked candidates lie outside the time window."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [
        ClusterRow(r[0], r[1], json.loads(r[2]), r[3], r[4])
        for r in conn.execute(
            f"SELECT id, seq, centroid, start_date, end_date FROM story_clusters "
            f"WHERE id IN ({marks}) AND merged_into IS NULL",
            list(ids),
        )
        if keep is None or keep(r[3], r[4])
    ]


def small_clusters(conn: sqlite3.Connection, last_changed_from: int, last_changed_to: int, limit: int,
                   max_size: int = 1) -> list[ClusterRow]:
    """Live stories of at most `max_size` articles last changed by an arrival in
    (`last_changed_from`, `last_changed_to`]."""
    return [
        ClusterRow(r[0], r[1], json.loads(r[2]), r[3], r[4])
        for r in conn.execute(
            "SELECT id, seq, centroid, start_date, end_date FROM story_clusters WHERE merged_into IS NULL "
            "AND size <= ? AND updated_seq <= ? AND updated_seq > ? ORDER BY updated_seq LIMIT ?",
            (max_size, last_changed_to, last_changed_from, limit),
        )
    ]


def insert_cluster(conn: sqlite3.Connection, story_id: str, seq: int, updated_seq: int) -> None:
    conn.execute("INSERT INTO story_clusters(id, seq, updated_seq) VALUES (?, ?, ?)", (story_id, seq, updated_seq))


def cluster_state(conn: sqlite3.Connection, story_id: str) -> ClusterState:
    row = conn.execute(
        "SELECT label, label_score, start_date, end_date, size, names FROM story_clusters WHERE id = ?", (story_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no story {story_id!r}")
    return ClusterState(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))


def update_cluster(
    conn: sqlite3.Connection,
    story_id: str,
    state: ClusterState,
    centroid: dict[str, float],
    key_entities: list[str],
    updated_seq: int,
) -> None:
    conn.execute(
        "UPDATE story_clusters SET label = ?, label_score = ?, start_date = ?, end_date = ?, size = ?, "
        "centroid = ?, names = ?, key_entities = ?, updated_seq = ? WHERE id = ?",
        (
            state.label,
            state.label_score,
            state.start,
            state.end,
            state.size,
            json.dumps(centroid, separators=(",", ":")),
            json.dumps(state.names, separators=(",", ":")),
            json.dumps(key_entities),
            updated_seq,
            story_id,
        ),
    )


def story_info(conn: sqlite3.Connection, story_id: str) -> StoryInfo | None:
    row = conn.execute(
        "SELECT id, label, start_date, end_date, key_entities FROM story_clusters WHERE id = ?", (story_id,)
    ).fetchone()
    return StoryInfo(row[0], row[1], row[2], row[3], json.loads(row[4])) if row else None


# ---------------------------------------------------------------------- membership (articles.story_id)
def set_member(conn: sqlite3.Connection, article_id: str, story_id: str, seq: int, score: float,
               founder: bool, vector: dict[str, float] | None = None) -> None:
    """Record the clusterer's placement of a stored article (and what it added to the centroid)."""
    cur = conn.execute(
        "UPDATE articles SET story_id = ?, story_seq = ?, story_score = ?, story_founder = ?, story_vector = ? "
        "WHERE id = ?",
        (story_id, seq, score, int(founder), _vector_json(vector), article_id),
    )
    if cur.rowcount != 1:
        raise NotFoundError(f"no stored article {article_id!r}: store an article before assigning its story")
    # Its copies follow it (they are placed by copying, and a re-run places the original again).
    conn.execute(
        "UPDATE articles SET story_id = ? WHERE duplicate_of = ? AND story_seq IS NULL", (story_id, article_id)
    )


def reset(conn: sqlite3.Connection) -> None:
    """Forget every story (clusterer state and placements; duplicates keep theirs until their original is
    placed again): a full re-run rebuilds stories in arrival order exactly as ingest did, and fusion,
    which looks for events within an article's story, sees the stories it saw then."""
    for table in ("story_meta", "story_terms", "story_clusters", "story_postings", "story_merges"):
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    conn.execute(
        "UPDATE articles SET story_id = NULL, story_seq = NULL, story_score = NULL, story_founder = NULL, "
        "story_vector = NULL WHERE story_seq IS NOT NULL OR duplicate_of IS NULL"
    )
    conn.execute("UPDATE events SET story_id = NULL WHERE story_id IS NOT NULL")


def set_members(
    conn: sqlite3.Connection, rows: Iterable[tuple[str, str, int, float, bool, dict[str, float] | None]]
) -> None:
    """Bulk `set_member`: (article_id, story_id, seq, score, founder, vector) rows of stored articles."""
    conn.executemany(
        "UPDATE articles SET story_id = ?, story_seq = ?, story_score = ?, story_founder = ?, story_vector = ? "
        "WHERE id = ?",
        [(sid, seq, score, int(founder), _vector_json(vec), aid) for aid, sid, seq, score, founder, vec in rows],
    )


def _vector_json(vector: dict[str, float] | None) -> str | None:
    if vector is None:
        return None
    return json.dumps({f: round(w, 5) for f, w in vector.items()}, separators=(",", ":"))


def set_article_story(conn: sqlite3.Connection, article_id: str, story_id: str | None) -> None:
    """An article that follows another's story (a duplicate): membership only, no clusterer state."""
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))


def placement(conn: sqlite3.Connection, article_id: str) -> tuple[str, float] | None:
    """(story id, score) of an article the clusterer placed, or None."""
    row = conn.execute(
        "SELECT story_id, story_score FROM articles WHERE id = ? AND story_seq IS NOT NULL", (article_id,)
    ).fetchone()
    return (row[0], float(row[1] or 0.0)) if row else None


def placed_article_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM articles WHERE story_seq IS NOT NULL")}


def story_article_ids(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """A story's members, duplicates included: placed ones in arrival order, then the others as stored."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY story_seq IS NULL, story_seq, rowid", (story_id,)
        )
    ]


def story_of_articles(conn: sqlite3.Connection) -> dict[str, str]:
    """article id -> story id for every article in a story."""
    return dict(conn.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"))


@dataclass
class Member:
    """A placed article as the clusterer sees it when it reconsiders a story."""

    article_id: str
    seq: int
    score: float
    vector: dict[str, float]
    title: str | None
    text_start: str
    published: str | None


def placed_members(conn: sqlite3.Connection, story_id: str, limit: int) -> list[Member]:
    """The last `limit` members the clusterer placed in `story_id` that carry a vector, in arrival order."""
    rows = conn.execute(
        "SELECT id, story_seq, story_score, story_vector, title, substr(text, 1, 400), published FROM articles "
        "WHERE story_id = ? AND story_seq IS NOT NULL AND story_vector IS NOT NULL ORDER BY story_seq DESC LIMIT ?",
        (story_id, limit),
    ).fetchall()
    return [Member(r[0], r[1], float(r[2] or 0.0), json.loads(r[3]), r[4], r[5], r[6]) for r in reversed(rows)]


def count_placed(conn: sqlite3.Connection, story_id: str) -> int:
    row = conn.execute("SELECT COUNT(*) FROM articles WHERE story_id = ? AND story_seq IS NOT NULL", (story_id,))
    return int(row.fetchone()[0])


# ---------------------------------------------------------------------- merges
def resolve(conn: sqlite3.Connection, story_id: str) -> str:
    """The live story that `story_id` now is (redirects are kept one hop deep)."""
    row = conn.execute("SELECT new_id FROM story_merges WHERE old_id = ?", (story_id,)).fetchone()
    return row[0] if row else story_id


def merge_map(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT old_id, new_id FROM story_merges"))


def merge_clusters(
    conn: sqlite3.Connection, keep: str, gone: str, article_id: str, score: float, seq: int
) -> None:
    """Retire story `gone` into `keep` (whose row the caller has already updated): its articles, events
    and postings move over, and every redirect that pointed at `gone` points at `keep`."""
    conn.execute(
        "UPDATE story_clusters SET merged_into = ?, size = 0, centroid = '{}', names = '{}' WHERE id = ?", (keep, gone)
    )
    move_story(conn, gone, keep)
    conn.execute(
        "INSERT INTO story_postings(term, story_id, weight, seq) "
        "SELECT term, ?, weight, seq FROM story_postings WHERE story_id = ? "
        "ON CONFLICT(term, story_id) DO UPDATE SET weight = weight + excluded.weight, seq = max(seq, excluded.seq)",
        (keep, gone),
    )
    conn.execute("DELETE FROM story_postings WHERE story_id = ?", (gone,))
    conn.execute("UPDATE story_merges SET new_id = ? WHERE new_id = ?", (keep, gone))
    conn.execute(
        "INSERT OR REPLACE INTO story_merges(old_id, new_id, article_id, score, seq) VALUES (?, ?, ?, ?, ?)",
        (gone, keep, article_id, score, seq),
    )


def move_story(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Everything filed under story `old` (articles, duplicates included, and fused events) now under `new`."""
    conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (new, old))
    conn.execute("UPDATE events SET story_id = ? WHERE story_id = ?", (new, old))


def split_articles(conn: sqlite3.Connection, old: str, new: str, article_ids: Sequence[str]) -> None:
    """Move some of story `old`'s articles, the duplicates that follow them, and the fused events all of
    whose mentions come from them, to story `new` (a split; the caller keeps `article_ids` small)."""
    ids = list(article_ids)
    marks = ",".join("?" * len(ids))
    conn.execute(
        f"UPDATE articles SET story_id = ? WHERE story_id = ? AND (id IN ({marks}) OR duplicate_of IN ({marks}))",
        [new, old, *ids, *ids],
    )
    conn.execute(
        "UPDATE events SET story_id = ? WHERE story_id = ? AND id IN (SELECT m.event_id FROM event_mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE a.story_id = ?) AND id NOT IN (SELECT m.event_id FROM "
        "event_mentions m JOIN articles a ON a.id = m.article_id WHERE a.story_id = ? AND m.event_id IS NOT NULL)",
        (new, old, new, old),
    )
