"""One story mapping (`articles.story_id`): the upgrade from the two-copy schema and the readers that agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wirewatch.connect import assign_story
from wirewatch.connect.stories import StoryClusterer
from wirewatch.model import Article
from wirewatch.store import stories as story_db
from wirewatch.store.db import Store, _split_sql
from wirewatch.store.migrations import MIGRATIONS


def _version4_db(path: Path) -> None:
    """A database as wirewatch left it with migrations 1..4: membership in both articles.story_id and
    story_articles, the two disagreeing the ways they did in the field."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for m in MIGRATIONS[:4]:
        assert m.version <= 4
        for stmt in _split_sql(m.sql):
            conn.execute(stmt)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (m.version, m.name))

    def article(aid: str, story: str | None, dup: str | None = None) -> None:
        conn.execute(
            "INSERT INTO articles(id, title, content_hash, duplicate_of, duplicate_kind, story_id, text, ingested_at)"
            " VALUES (?, ?, 'h', ?, ?, ?, 'text', 'then')",
            (aid, f"title {aid}", dup, "exact" if dup else None, story),
        )

    article("a1", "s-000001")  # both copies agree
    article("a2", "s-000001")
    article("a3", "s-000001", dup="a1")  # a duplicate: only in articles
    article("b1", None)  # placed by the clusterer, never written back to articles
    article("c1", "s-000003")  # its story was merged into s-000001 later; articles kept the old id
    article("d1", "s-000004")  # both name a story merged away
    for sid, seq in (("s-000001", 1), ("s-000002", 2), ("s-000003", 3), ("s-000004", 4)):
        conn.execute("INSERT INTO story_clusters(id, seq, label, size) VALUES (?, ?, ?, 1)", (sid, seq, f"L{sid}"))
    conn.executemany(
        "INSERT INTO story_articles VALUES (?, ?, ?, NULL, NULL, ?, ?)",
        [("a1", "s-000001", 1, 0.0, 1), ("a2", "s-000001", 2, 0.4, 0), ("b1", "s-000002", 3, 0.0, 1),
         ("c1", "s-000001", 4, 0.0, 1), ("d1", "s-000004", 5, 0.0, 1)],
    )
    conn.executemany("INSERT INTO story_meta VALUES (?, ?)", [("n_docs", "5"), ("n_stories", "4")])
    conn.executemany(
        "INSERT INTO story_merges(old_id, new_id) VALUES (?, ?)", [("s-000003", "s-000001"), ("s-000004", "s-000001")]
    )
    conn.execute("INSERT INTO events(id, event_type, modality, story_id) VALUES ('e1', 'ASSAULT', 'asserted', "
                 "'s-000004')")
    conn.commit()
    conn.close()


def test_upgrading_a_version4_database_keeps_every_articles_story(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    _version4_db(path)
    store = Store(path)  # migrates to the latest version
    assert store.schema_version() == max(m.version for m in MIGRATIONS)
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "story_articles" not in tables
    story = {a.id: a.story_id for a in store.iter_articles()}
    assert story == {"a1": "s-000001", "a2": "s-000001", "a3": "s-000001", "b1": "s-000002",
                     "c1": "s-000001", "d1": "s-000001"}
    # The clusterer's per-article state came along; the duplicate has none (it was never placed).
    assert story_db.placement(store.conn, "a2") == ("s-000001", 0.4)
    assert story_db.placement(store.conn, "a3") is None
    assert store.events()[0].story_id == "s-000001"
    # Every reader now sees the same members.
    by_reader = {s.id: sorted(s.article_ids) for s in store.stories()}
    clusterer = StoryClusterer(store.conn)
    assert by_reader == {sid: sorted(clusterer.story(sid).article_ids) for sid in by_reader}
    assert by_reader["s-000001"] == ["a1", "a2", "a3", "c1", "d1"]
    # ... and the clusterer goes on from the migrated state.
    late = Article(id="z1", text="An unrelated report about a harvest festival in Normandy orchards.")
    store.insert_article(late)
    assert clusterer.assign(late).story_id not in by_reader


def _placed_original_and_copy() -> tuple[Store, Article, Article]:
    """A store with one report and its exact copy, both placed in a story."""
    store = Store(":memory:")
    orig = Article(id="o1", title="Floods hit Valencia", text="Floods hit Valencia on Monday, killing 95 people.")
    copy = Article(id="o1-copy", title=orig.title, text=orig.text, duplicate_of="o1", duplicate_kind="exact")
    for a in (orig, copy):
        store.insert_article(a)
        assign_story(store, a)
    return store, orig, copy


def test_duplicates_follow_their_original_through_merges() -> None:
    """A copy's story is the original's, also after the original's story merges into another."""
    store, orig, copy = _placed_original_and_copy()
    assert copy.story_id == orig.story_id
    other = "s-000099"
    story_db.insert_cluster(store.conn, other, 99, 0)
    story_db.merge_clusters(store.conn, other, orig.story_id or "", "o1", 1.0, 3)
    assert {a.id: a.story_id for a in store.iter_articles()} == {"o1": other, "o1-copy": other}


def test_reset_forgets_stories_and_copies_follow_their_original_when_it_is_placed_again() -> None:
    store, orig, copy = _placed_original_and_copy()
    first = orig.story_id
    with store.transaction():
        story_db.reset(store.conn)
    assert story_db.placement(store.conn, "o1") is None and store.stories()[0].article_ids == ["o1-copy"]
    assign_story(store, orig)  # a re-run places originals only (exact copies are not re-extracted)
    assert orig.story_id == first  # the same stream gives the same ids
    assert {a.id: a.story_id for a in store.iter_articles()} == {"o1": first, "o1-copy": first}
