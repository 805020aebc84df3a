"""The caches of connect's hot path (store/mention_cache.py, connect/view_cache.py, the conflict refresh's
peer loading) change nothing but the time: a changed mention is read anew, and an old conflict that a
later article touches is recomputed with it."""

from __future__ import annotations

import json
from datetime import date

from tests.connect_fixtures import NK, launch
from tests.connect_fixtures import add_corrected as add
from wirewatch.connect.conflicts import ConflictFinder
from wirewatch.connect.view_cache import pair_view
from wirewatch.model import Actor
from wirewatch.store.events import events_near, mention_cache, peers_of
from wirewatch.store.mention_cache import MentionCache


def test_a_third_report_that_joins_an_event_refreshes_its_old_conflict(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3)])
    (old,) = [c for c in store.conflicts() if c.field == "quantity"]
    assert {v.outlet for v in old.values} == {"Harbor Wire", "Korea Ledger"}
    # The third report joins the same event with a third count: the stored conflict must say so, though
    # the event's peers and mentions were read (and cached) while a1 and a2 were connected.
    add(store, "a3", "Gulf Courier", [launch("North Korea fired four ballistic missiles into the East Sea.", 4)])
    (ev,) = store.events()
    (new,) = [c for c in store.conflicts() if c.field == "quantity"]
    assert new.id == old.id and new.event_ids == [ev.id]
    assert sorted(v.value for v in new.values) == [2, 3, 4]
    assert "Gulf Courier" in new.explanation


def test_a_later_report_clears_a_conflict_it_resolves(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3)])
    assert [c.field for c in store.conflicts()] == ["quantity"]
    # The second outlet corrects its count: re-extracted and re-connected, the old conflict goes.
    add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    assert store.conflicts() == []


def test_a_changed_mention_row_is_read_anew(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    (ev,) = events_near(store, "MOBILIZE", "s1", date(2025, 3, 11), 2)
    first = ev.mentions[0]
    (again,) = events_near(store, "MOBILIZE", "s1", date(2025, 3, 11), 2)
    assert again.mentions[0] is first  # the same stored row: the parsed mention is reused
    # An entity merge (or any write) changes the stored row: the next read must see it.
    renamed = [Actor("DPRK", "GPE", "PRK", "gpe:dprk").__dict__]
    store.conn.execute("UPDATE event_mentions SET actor = ? WHERE id = ?", (json.dumps(renamed), first.id))
    (fresh,) = events_near(store, "MOBILIZE", "s1", date(2025, 3, 11), 2)
    assert fresh.mentions[0] is not first and fresh.mentions[0].actor[0].name == "DPRK"
    assert first.actor[0].name == NK.name  # what an earlier reader holds is not changed under it


def test_cached_and_uncached_reads_are_equal(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("Russia fired three ballistic missiles into the Sea of Japan.", 3,
                                             date="2025-03-12")], story="s2")
    cached = peers_of(store, "none", "s1", date(2025, 3, 11), 3)
    assert len(cached) == 2 and len(mention_cache(store)) >= 1
    plain = store._events_where("id IN (SELECT value FROM json_each(?))", (json.dumps([e.id for e in cached]),))
    assert cached == plain


def test_mention_cache_is_bounded():
    cache = MentionCache(max_entries=2)
    rows = [{"id": f"m{i}", "x": i} for i in range(3)]

    class Row(dict):
        def __iter__(self):
            return iter(self.values())

    parsed = [cache.get(Row(r), lambda r: object()) for r in rows]
    assert len(cache) <= 2 and len(set(map(id, parsed))) == 3


def test_pair_view_is_computed_once_per_object(store):
    m = launch("North Korea fired two ballistic missiles into the East Sea.", 2)
    assert pair_view(store, m) is pair_view(store, m)
    other = launch("North Korea fired two ballistic missiles into the East Sea.", 2)
    assert pair_view(store, other) is not pair_view(store, m)
    assert pair_view(store, other).words == pair_view(store, m).words


def test_the_refresh_holds_events_only_while_it_runs(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    finder = ConflictFinder(store)
    (ev,) = store.events()
    finder.refresh([ev.id])
    assert finder._events == {} and not finder._holding
