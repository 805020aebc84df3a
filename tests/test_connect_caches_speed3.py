"""The conflict refresh's event cache (store/mention_cache.py EventCache) and its per-refresh memo of a report's
sentences change nothing but the time: an event whose row or mentions changed is read anew, a cached read
equals an uncached one, and a syndicated copy's repeated denial is still recognised."""

from __future__ import annotations

import json

from tests.connect_fixtures import NK, launch
from tests.connect_fixtures import add_corrected as add
from wirewatch.connect.conflicts import ConflictFinder
from wirewatch.model import Actor, Event, EventMention
from wirewatch.store.events import event_cache, mention_cache
from wirewatch.store.mention_cache import EventCache


def cached_read(store, ids):
    return store.events_by_ids(ids, cache=mention_cache(store), events=event_cache(store))


def test_an_unchanged_event_is_the_same_object_and_equals_an_uncached_read(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    (ev,) = store.events()
    (first,) = cached_read(store, [ev.id])
    (again,) = cached_read(store, [ev.id])
    assert again is first
    assert first == store.events_by_ids([ev.id])[0]


def test_a_changed_event_row_is_read_anew(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    (ev,) = store.events()
    (first,) = cached_read(store, [ev.id])
    store.conn.execute("UPDATE events SET story_id = 's9' WHERE id = ?", (ev.id,))
    (fresh,) = cached_read(store, [ev.id])
    assert fresh is not first and fresh.story_id == "s9" and first.story_id == "s1"
    assert fresh == store.events_by_ids([ev.id])[0]


def test_an_event_whose_mentions_changed_is_read_anew(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    (ev,) = store.events()
    (first,) = cached_read(store, [ev.id])
    # A mention row changes (an entity merge renames its actor) while the event row stays as it was.
    renamed = [Actor("DPRK", "GPE", "PRK", "gpe:dprk").__dict__]
    store.conn.execute("UPDATE event_mentions SET actor = ? WHERE id = ?", (json.dumps(renamed), first.mentions[0].id))
    (fresh,) = cached_read(store, [ev.id])
    assert fresh is not first and fresh.mentions[0].actor[0].name == "DPRK"
    assert first.mentions[0].actor[0].name == NK.name
    # A second report joins the event: its mention list differs.
    add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    (joined,) = [e for e in cached_read(store, [e.id for e in store.events()]) if e.id == ev.id]
    assert joined is not fresh and joined == store.events_by_ids([ev.id])[0]


def test_event_cache_is_bounded():
    cache = EventCache(max_entries=2)

    class Row(dict):
        def __iter__(self):
            return iter(self.values())

    class Ev:
        mentions: list = []

    parsed = [cache.get(Row({"id": f"e{i}", "x": i}), [], lambda r: Ev()) for i in range(3)]
    assert len(cache) <= 2 and len(set(map(id, parsed))) == 3


def test_a_copy_that_repeats_its_originals_denial_is_recognised_in_every_refresh(store):
    def denial():
        return EventMention(article_id="", event_type="REJECT", sentence="North Korea denied sending troops to Russia.",
                            start=0, end=0, mode="", actor=[NK], modality="asserted", date="2025-03-11",
                            date_precision="day")

    add(store, "orig", "Harbor Wire", [denial()])
    add(store, "copy", "Gulf Courier", [denial()])
    store.conn.execute("UPDATE articles SET duplicate_of = 'orig' WHERE id = ?", ("copy",))
    finder = ConflictFinder(store)
    copy_events = [Event(id="e-copy", event_type="REJECT", mentions=store.mentions_of("copy"))]
    assert copy_events[0].mentions
    for _ in range(2):  # the memo lives for one refresh; the answer is the same in the next
        finder._events, finder._holding = {}, True
        try:
            for ev in copy_events:
                assert finder._repeats_its_original(ev)
        finally:
            finder._events, finder._root_keys, finder._holding = {}, {}, False
    assert finder._root_keys == {}
