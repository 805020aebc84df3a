from __future__ import annotations

import sqlite3

import pytest

from wirewatch.errors import NotFoundError, StoreError
from wirewatch.model import Actor, Article, Entity, EntityMention, EventMention, Quantity, Timex
from wirewatch.store.db import Store, _split_sql, fts_query
from wirewatch.store.migrations import MIGRATIONS


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "w.db"
    s = Store(path)
    versions = [m["version"] for m in s.migrations()]
    assert versions == [m.version for m in MIGRATIONS]
    assert s.schema_version() == MIGRATIONS[-1].version
    s.close()
    s2 = Store(path)
    assert s2.migrate() == []  # nothing left to apply
    assert len(s2.migrations()) == len(MIGRATIONS)
    assert s2.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s2.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "w.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_readonly_store_of_missing_file_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_split_sql_keeps_trigger_bodies_whole():
    stmts = _split_sql("CREATE TABLE t(x);\nCREATE TRIGGER a AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n")
    assert len(stmts) == 2
    assert stmts[1].strip().endswith("END;")


def test_search_ranks_and_marks(store, launch_article, summit_article):
    store.insert_article(launch_article)
    store.insert_article(summit_article)
    hits = store.search("ballistic missiles")
    assert [h["id"] for h in hits] == ["launch-1"]
    assert "\ue000ballistic\ue001" in hits[0]["snippet"]
    # Title matches are weighted: a word only in one title ranks that article first.
    assert store.search("Montevideo")[0]["id"] == "summit-1"


@pytest.mark.parametrize("query", ["short-range", "east: coast", "U.S.", "it's"])
def test_search_survives_punctuation(store, launch_article, query):
    store.insert_article(launch_article)
    store.search(query)  # must not raise an FTS5 syntax error


def test_fts_query_quotes_words_but_passes_syntax():
    assert fts_query("short-range missile") == '"short-range" "missile"'
    assert fts_query('"exact phrase"') == '"exact phrase"'
    assert fts_query("missile OR rocket") == "missile OR rocket"


def test_get_article_missing(store):
    with pytest.raises(NotFoundError):
        store.get_article("nope")


def test_extraction_roundtrip_and_entity_merge(store, launch_article):
    store.insert_article(launch_article)
    a = launch_article
    a.entities = [Entity(id="gpe:north korea", name="North Korea", kind="GPE", country="PRK", aliases=["North Korea"])]
    a.entity_mentions = [EntityMention(0, 11, "North Korea", "GPE", "gpe:north korea")]
    a.timexes = [Timex(start=80, end=87, text="Tuesday", type="DATE", value="2025-03-11", precision="day")]
    a.events = [
        EventMention(
            article_id=a.id, event_type="MOBILIZE", sentence=a.text[:120], start=0, end=120, mode="weapons",
            actor=[Actor("North Korea", "GPE", "PRK", "gpe:north korea")], quantities=[Quantity(2, "missile", "two")],
            date="2025-03-11", date_precision="day",
        )
    ]
    store.save_extraction(a)
    # A second article adds an alias to the same entity id.
    other = Article(id="x", text="Pyongyang said nothing.")
    store.insert_article(other)
    other.entities = [Entity(id="gpe:north korea", name="North Korea", kind="GPE", aliases=["DPRK"])]
    other.entity_mentions = [EntityMention(0, 9, "Pyongyang", "GPE", "gpe:north korea")]
    store.save_extraction(other)
    (ent,) = store.entities()
    assert ent.aliases == ["DPRK", "North Korea"]
    assert ent.articles == ["launch-1", "x"]
    back = store.get_article("launch-1", with_extraction=True)
    assert back.events[0].actor[0].country == "PRK"
    assert back.events[0].quantities[0].unit == "missile"
    assert back.timexes[0].value == "2025-03-11"
    # Saving again replaces, never duplicates.
    store.save_extraction(a)
    assert store.count("event_mentions") == 1
