"""The store's typed read queries, the always-fused guarantee, stable event shapes and schema upgrades.

All on in-memory (or tmp) databases built with Store methods: no spaCy."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

from wirewatch.connect.fusion import event_id_for
from wirewatch.model import Actor, Article, Entity, EntityMention, Event, EventMention
from wirewatch.records import event_record
from wirewatch.store import articles, export, search, views
from wirewatch.store.db import Store, _split_sql
from wirewatch.store.migrations import MIGRATIONS
from wirewatch.store.views import EventFilter

NK = Actor("North Korea", "GPE", "PRK", "gpe:nk", "North Korea")
JP = Actor("Japan", "GPE", "JPN", "gpe:jp", "Japan")


def mention(aid: str, i: int, etype: str = "MOBILIZE", date: str | None = "2025-03-11",
            actor: list[Actor] | None = None, recipient: list[Actor] | None = None) -> EventMention:
    return EventMention(article_id=aid, event_type=etype, sentence=f"Sentence {i} of {aid}.", start=i * 30,
                        end=i * 30 + 20, id=f"{aid}#m{i}", date=date, date_precision="day" if date else None,
                        actor=actor if actor is not None else [NK], recipient=recipient or [])


def write(store: Store, aid: str, mentions: list[EventMention], *, story: str | None = "s1",
          published: str | None = "2025-03-11", outlet: str = "Harbor Wire") -> Article:
    """An article and its mentions, with no fusion step: what `ingest` stores with connect off."""
    art = Article(id=aid, text="x " * 200, title=f"Title {aid}", outlet=outlet, published=published,
                  story_id=story, content_hash=aid)
    art.events = mentions
    art.entities = [Entity(id="gpe:nk", name="North Korea", kind="GPE", country="PRK", aliases=["DPRK"])]
    art.entity_mentions = [EntityMention(0, 2, "x", "GPE", "gpe:nk")]
    with store.transaction():
        store.insert_article(art)
        store.save_extraction(art)
    return art


# ---------------------------------------------------------------------------------------------- always fused
def test_a_lone_mention_is_stored_as_a_one_mention_event(store: Store) -> None:
    write(store, "a1", [mention("a1", 0), mention("a1", 1, "ACCUSE")])
    (m0, m1) = store.mentions_of("a1")
    assert m0.event_id == event_id_for(m0) and m1.event_id == event_id_for(m1)
    evs = {ev.id: ev for ev in store.events()}
    assert set(evs) == {m0.event_id, m1.event_id}
    ev = evs[m0.event_id]
    assert [m.id for m in ev.mentions] == ["a1#m0"] and ev.sources == 1 and ev.story_id == "s1"
    assert ev.actor == [NK] and ev.date == "2025-03-11"  # connect.fusion.aggregate filled it


def test_an_event_left_without_mentions_is_deleted(store: Store) -> None:
    write(store, "a1", [mention("a1", 0)])
    write(store, "a2", [mention("a2", 0)])
    ms = store.mentions()
    # A fusion step puts a2's mention into a1's event: a2's one-mention event has nothing left to show.
    store.save_event(Event(id=ms[0].event_id or "", event_type="MOBILIZE", mentions=ms, sources=2))
    assert [ev.id for ev in store.events()] == [ms[0].event_id]
    assert {m.event_id for m in store.mentions()} == {ms[0].event_id}


def test_re_extraction_replaces_the_one_mention_events(store: Store) -> None:
    art = write(store, "a1", [mention("a1", 0), mention("a1", 1)])
    art.events = [mention("a1", 0)]
    with store.transaction():
        store.save_extraction(art)
    assert [len(ev.mentions) for ev in store.events()] == [1] and store.count("event_mentions") == 1


def test_seal_mentions_gives_loose_mentions_of_an_old_run_an_event(store: Store) -> None:
    write(store, "a1", [mention("a1", 0)])
    store.clear_fusion()
    assert store.count("events") == 0
    assert store.seal_mentions() == 1 and store.seal_mentions() == 0
    assert [m.event_id for m in store.mentions()] == [ev.id for ev in store.events()]


def test_an_updated_article_never_takes_another_outlets_mention_out_of_the_event(store: Store) -> None:
    """Review finding: the updated article's mention gets its old event id back (ids derive from the first
    mention); INSERT OR REPLACE then unlinked the other outlet's mention, which no reader showed again."""
    from wirewatch.connect import fuse_events

    a1 = write(store, "a1", [mention("a1", 0)])
    a2 = write(store, "a2", [mention("a2", 0)])
    store.save_event(Event(id=store.mentions_of("a1")[0].event_id or "", event_type="MOBILIZE",
                           mentions=store.mentions(), sources=2))
    fused = store.mentions_of("a2")[0].event_id
    # a1 is updated: same type, another actor and a far date, so it no longer matches the fused event.
    a1.events = [mention("a1", 0, date="2019-01-02", actor=[JP])]
    with store.transaction():
        store.save_extraction(a1)
        fuse_events(store, a1)
    assert store.mentions_of("a2")[0].event_id == fused
    assert all(m.event_id for m in store.mentions())
    assert sorted(len(ev.mentions) for ev in store.events()) == [1, 1]
    assert len({ev.id for ev in store.events()}) == 2 and a2.id


def test_an_interrupted_reextract_leaves_every_mention_in_an_event(store: Store) -> None:
    from wirewatch.errors import ComponentError
    from wirewatch.pipeline import reextract

    write(store, "a1", [mention("a1", 0)])

    class Broken:
        name, reads, writes = "broken", (), ()

        def __call__(self, doc: object) -> object:
            raise ComponentError("broken", "a1", "boom")

    # Whatever the run does with the failure (report it or raise), nothing stored may be hidden.
    with contextlib.suppress(Exception):
        reextract(store, pipeline=Broken(), connectors=[])  # type: ignore[arg-type]
    assert store.count("event_mentions") == 1 and store.count("events") == 1


def test_an_old_link_to_a_lone_mentions_own_id_still_finds_its_event(store: Store) -> None:
    from wirewatch.serve.queries import Reader

    write(store, "a1", [mention("a1", 0)])
    ev = Reader(store).event("a1#m0")
    assert [m.id for m in ev.mentions] == ["a1#m0"] and ev.id.startswith("ev-")


# ---------------------------------------------------------------------------------------------- shapes
def test_actor_and_recipient_are_always_lists_of_participants(store: Store) -> None:
    write(store, "a1", [mention("a1", 0), mention("a1", 1, actor=[], recipient=[JP]),
                        mention("a1", 2, actor=[NK, JP])])
    rows = [json.loads(line) for line in export.to_string(store, "events").splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert isinstance(row["actor"], list) and isinstance(row["recipient"], list)
        for p in row["actor"] + row["recipient"]:
            assert set(p) == {"name", "kind", "country", "entity_id", "text"}
    assert sorted(len(r["actor"]) for r in rows) == [0, 1, 2]
    assert event_record(Event(id="e", event_type="X"))["actor"] == []


# ---------------------------------------------------------------------------------------------- typed queries
def test_mentions_and_events_by_article_story_and_ids(store: Store) -> None:
    write(store, "a1", [mention("a1", 0), mention("a1", 1)], story="s1")
    write(store, "b1", [mention("b1", 0, date="2025-04-01")], story="s2")
    assert [m.id for m in store.mentions_of("a1")] == ["a1#m0", "a1#m1"]
    assert store.mentions_of("nope") == []
    (ev,) = store.events_by_story("s2")
    assert [m.article_id for m in ev.mentions] == ["b1"]
    assert [m.id for m in store.mentions_in(event_ids=[ev.id])] == ["b1#m0"]
    assert [e.id for e in store.events_by_ids([ev.id, "missing"])] == [ev.id]
    assert [a.id for a in store.articles_by_ids(["b1", "a1", "zz"])] == ["a1", "b1"]
    assert [e.id for e in store.entities(["gpe:nk"])] == ["gpe:nk"] and store.entities([]) == []


def test_event_views_filter_order_and_page(store: Store) -> None:
    write(store, "a1", [mention("a1", 0, date="2025-03-11"), mention("a1", 1, "ACCUSE", date=None)])
    write(store, "b1", [mention("b1", 0, date="2025-04-01", recipient=[JP])], story="s2")
    c = store.conn
    assert views.count_events(c, EventFilter()) == 3
    dated = views.event_ids(c, EventFilter())
    assert len(dated) == 3 and dated[-1] == event_id_for(store.mentions_of("a1")[1])  # undated last
    assert views.event_ids(c, EventFilter(), limit=1, offset=1) == dated[1:2]
    assert views.event_ids(c, EventFilter(since="2025-04"), newest_first=True) == [dated[1]]
    assert views.count_events(c, EventFilter(recipient="japan")) == 1
    assert views.count_events(c, EventFilter(country="jpn", story="s2")) == 1
    assert views.count_events(c, EventFilter(type="accuse")) == 1
    assert views.count_events(c, EventFilter(ids=[dated[0], "x"])) == 1
    assert views.event_types(c) == {"MOBILIZE", "ACCUSE"}
    assert views.event_counts_by_entity(c, ["gpe:nk", "gpe:jp"]) == {"gpe:nk": 3, "gpe:jp": 1}


def test_entity_and_story_views(store: Store) -> None:
    write(store, "a1", [mention("a1", 0)], story="s1", outlet="Harbor Wire")
    write(store, "a2", [mention("a2", 0)], story="s1", outlet="Korea Ledger", published="2025-03-12")
    c = store.conn
    assert views.find_entity_id(c, "dprk") == "gpe:nk" and views.find_entity_id(c, "nobody") is None
    assert views.count_entities(c, "north", None) == 1 and views.count_entities(c, None, "ORG") == 0
    assert views.entity_ids(c, None, "gpe", 10, 0, most_reported=True) == ["gpe:nk"]
    assert views.key_entities(c, ["a1", "a2"]) == [{"id": "gpe:nk", "name": "North Korea", "n": 2}]
    (s,) = views.story_rows(c)
    assert s["article_ids"] == ["a1", "a2"] and s["sources"] == 2 and s["events"] == 2 and s["conflicts"] == 0
    assert s["start"] == "2025-03-11" and s["end"] == "2025-03-12" and s["key_entities"] == ["North Korea"]
    assert views.count_stories(c) == 1 and views.story_rows(c, story_id="nope") == []
    assert [a.id for a in views.articles_page(store, 1, 0)] == ["a2"]  # newest first
    assert views.entity_kinds(c) == ["GPE"] and views.conflict_fields(c) == []
    assert articles.count_duplicates(c) == 0 and articles.count_ingest_errors(c) == 0


def test_one_search_one_marker(store: Store) -> None:
    store.insert_article(Article(id="a1", text="Missiles flew east [sic] at dawn.", title="Launch"))
    hits, total = search.search(store.conn, "missiles")
    assert total == 1 and search.HIT_OPEN + "Missiles" + search.HIT_CLOSE in hits[0]["snippet"]
    assert search.snippet_pieces(hits[0]["snippet"])[0] == ("Missiles", True)
    assert search.plain_snippet(hits[0]["snippet"]).startswith("[Missiles] flew east [sic]")


def test_minhash_signatures_round_trip(store: Store) -> None:
    store.insert_article(Article(id="a1", text="t"))
    articles.save_signature(store.conn, "a1", b"\x01" * 16, [5, 7])
    assert articles.band_members(store.conn, 1, 7) == ["a1"] and articles.band_members(store.conn, 0, 7) == []
    assert articles.signature_bytes(store.conn, "a1") == b"\x01" * 16
    assert articles.signature_bytes(store.conn, "zz") is None


# ---------------------------------------------------------------------------------------------- upgrades
V4_MEMBERS = (("a1", "s1"), ("a2", "s1"), ("b1", "s2"))  # article -> story, in both v4 mappings


def build_v4(path: Path) -> None:
    """A database as wirewatch left it at schema version 4, with articles, mentions (one fused, two loose),
    an event, a story cluster and story_articles rows."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    for m in MIGRATIONS[:4]:
        assert m.step is None
        for stmt in _split_sql(m.sql):
            conn.execute(stmt)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2024-01-01T00:00:00+00:00')", (m.version, m.name))
    assert max(m.version for m in MIGRATIONS[:4]) == 4
    for aid, story in V4_MEMBERS:
        conn.execute("INSERT INTO articles(id, title, outlet, published, text, content_hash, story_id, meta, "
                     "ingested_at) VALUES (?, ?, 'Wire', '2024-05-01', ?, ?, ?, '{}', '2024-05-01')",
                     (aid, f"Title {aid}", f"Body of {aid} about a missile launch.", aid, story))
    conn.execute("INSERT INTO events(id, event_type, context, actor, recipient, modality, story_id, sources, "
                 "confidence, confidence_reasons) VALUES ('ev-old', 'MOBILIZE', '[]', ?, '[]', 'asserted', 's1', "
                 "2, 0.8, '[]')", (json.dumps([{"name": "North Korea"}]),))
    for mid, aid, eid, etype in (("a1#m0", "a1", "ev-old", "MOBILIZE"), ("a2#m0", "a2", "ev-old", "MOBILIZE"),
                                 ("a2#m1", "a2", None, "ACCUSE"), ("b1#m0", "b1", None, "CONSULT")):
        conn.execute("INSERT INTO event_mentions(id, article_id, event_id, event_type, context, actor, recipient, "
                     'modality, quantities, sentence, start, "end", trigger) VALUES (?, ?, ?, ?, \'[]\', ?, \'[]\', '
                     "'asserted', '[]', 'A sentence.', 0, 11, 'fired')",
                     (mid, aid, eid, etype, json.dumps([{"name": "North Korea", "country": "PRK"}])))
    conn.execute("INSERT INTO story_clusters(id, seq, label, size) VALUES ('s1', 1, 'Launch', 2), "
                 "('s2', 2, '', 1)")
    for seq, (aid, story) in enumerate(V4_MEMBERS, 1):
        conn.execute("INSERT INTO story_articles(article_id, story_id, seq, published, title, score, is_new) "
                     "VALUES (?, ?, ?, '2024-05-01', ?, 1.0, ?)", (aid, story, seq, f"Title {aid}", int(seq != 2)))
    conn.commit()
    conn.close()


def test_a_version_4_database_upgrades_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    build_v4(path)
    store = Store(path)
    assert store.schema_version() == MIGRATIONS[-1].version
    assert [m["version"] for m in store.migrations()] == [m.version for m in MIGRATIONS]
    # Nothing lost: every article, mention and story membership is still there.
    assert [a.id for a in store.iter_articles()] == ["a1", "a2", "b1"]
    assert {m.id for m in store.mentions()} == {"a1#m0", "a2#m0", "a2#m1", "b1#m0"}
    # Story membership as every reader sees it (a migration that merges the two v4 mappings extends this).
    assert {a.id: a.story_id for a in store.iter_articles()} == dict(V4_MEMBERS)
    assert {s["id"]: s["article_ids"] for s in views.story_rows(store.conn)} == {"s1": ["a1", "a2"], "s2": ["b1"]}
    assert {s["id"]: s["label"] for s in views.story_rows(store.conn)} == {"s1": "Launch", "s2": "Title b1"}
    # The fused event is kept as it was; each loose mention now has its one-mention event, in its story.
    evs = {ev.id: ev for ev in store.events()}
    assert len(evs["ev-old"].mentions) == 2 and evs["ev-old"].sources == 2
    loose = {m.id: m for m in store.mentions() if m.event_id != "ev-old"}
    assert {m.event_id for m in loose.values()} == {event_id_for(m) for m in loose.values()}
    assert evs[loose["b1#m0"].event_id or ""].story_id == "s2"
    assert all(m.event_id for m in store.mentions()) and len(evs) == 3
    assert search.search(store.conn, "missile")[1] == 3  # the full-text index came through
    store.close()
    Store(path).close()  # opening again applies nothing and changes nothing
    again = Store(path, readonly=True)
    assert again.count("events") == 3
    again.close()


def test_cli_reads_of_an_older_database_upgrade_it_first(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirewatch.cli import app

    path = tmp_path / "v4.db"
    build_v4(path)
    out = CliRunner().invoke(app, ["--db", str(path), "events", "--json"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 3 and {len(r["mentions"]) for r in rows} == {1, 2}
    with Store(path, readonly=True) as s:
        assert s.schema_version() == MIGRATIONS[-1].version


def test_cli_reads_of_an_older_read_only_database_fail_with_how_to_fix(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import wirewatch.cli as cli

    path = tmp_path / "v4.db"
    build_v4(path)
    # As root every file is writable, so the read-only case is the access check saying no.
    monkeypatch.setattr(cli.os, "access", lambda *a, **k: False)
    out = CliRunner().invoke(cli.app, ["--db", str(path), "events", "--json"])
    assert out.exit_code == 2, out.output
    assert "schema version 4" in out.stderr and "copy it somewhere writable" in out.stderr
    assert "Traceback" not in out.output
    with Store(path, readonly=True) as s:
        assert s.schema_version() == 4  # left as it was
