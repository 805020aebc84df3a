"""Pair views (`pairs.view`: a mention's stemmed words, names, act) remembered across the articles of a run.

Fusion compares each new mention with the latest mentions of every candidate event, and the conflict
refresh pairs the mentions of disagreeing reports: the same old mentions, article after article. Their
objects come from the store's `MentionCache` (store/mention_cache.py), which hands out the same object for
as long as the stored row is unchanged, so a view is remembered per object: the entry holds the object,
whose id therefore stays its own, and is computed from exactly what the uncached call would read.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..model import EventMention
from ..store.db import Store
from .pairs import PairView, view_in

MAX_ENTRIES = 50_000  # cleared all at once past it: the working set is a few hundred events

_caches: WeakKeyDictionary[Store, dict[int, tuple[EventMention, PairView]]] = WeakKeyDictionary()


def pair_view(store: Store, m: EventMention) -> PairView:
    """`pairs.view(m)`, computed once per mention object while the store is open."""
    cache = _caches.get(store)
    if cache is None:
        cache = _caches[store] = {}
    hit = cache.get(id(m))
    if hit is not None and hit[0] is m:
        return hit[1]
    v = view_in(m, store.mentions_of(m.article_id))
    if len(cache) >= MAX_ENTRIES:
        cache.clear()
    cache[id(m)] = (m, v)
    return v
