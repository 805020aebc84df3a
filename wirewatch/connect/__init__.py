"""Connect: stories, event fusion, corroboration and contradictions, run per article as it is stored.

Each step is a connector `(store, article) -> None` that runs inside the ingest batch's transaction, after
the article and its extraction results are written: assign the article to a story, fuse its event
mentions with events already known, recount independent sources and confidence, and refresh conflicts.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..model import Article
from ..store import stories as story_db
from ..store.db import Store
from ..store.events import mention_cache
from .conflicts import ConflictFinder
from .corroboration import corroborate
from .fusion import Fuser, aggregate
from .stories import StoryClusterer

__all__ = ["Connecting", "assign_story", "default_connectors", "fuse_events"]


class Connecting:
    """What the connectors keep between the articles of a run, per open store, passed to them explicitly:
    the story clusterer (one per store, so its prepared state is reused across the articles; made by the
    first article placed, and fusion joins stories only where one was) and the stories that absorbed others
    while placing an article, for fusion to revise (`Fuser.refit_story`)."""

    def __init__(self) -> None:
        self.clusterers: WeakKeyDictionary[Store, StoryClusterer] = WeakKeyDictionary()
        self.merged_into: WeakKeyDictionary[Store, set[str]] = WeakKeyDictionary()

    def assign_story(self, store: Store, article: Article) -> None:
        assign_story(store, article, self)

    def fuse_events(self, store: Store, article: Article) -> None:
        fuse_events(store, article, self)


def assign_story(store: Store, article: Article, state: Connecting | None = None) -> None:
    """Put the article in a story (copies follow their original). Merges move the retired stories'
    articles and events in the clusterer's own transaction step (`store.stories.merge_clusters`).
    `state`: the run's (`default_connectors`); None, one of this call's own."""
    state = state or Connecting()
    if article.duplicate_of:
        row = store.article_row(article.duplicate_of)
        story = row["story_id"] if row is not None else None
        story_db.set_article_story(store.conn, article.id, story)
    else:
        clusterer = state.clusterers.get(store)
        if clusterer is None:
            clusterer = state.clusterers[store] = StoryClusterer(store.conn)
        names = [e.name for e in article.entities] or None
        placed = clusterer.assign(article, entities=names)
        story = placed.story_id
        # A merge may join two older stories (a revisit), not only the article's own: fusion revises each
        # survivor.
        state.merged_into.setdefault(store, set()).update(story_db.resolve(store.conn, s) for s in placed.merged)
    article.story_id = story


def fuse_events(store: Store, article: Article, state: Connecting | None = None) -> None:
    """Fuse the article's stored mentions into events; recount sources and refresh conflicts. `state`: the
    run's, that `assign_story` placed the article with (None: no story placed in this call's run)."""
    state = state or Connecting()
    mentions = store.mentions_of(article.id)
    fuser = Fuser(store)
    touched = fuser.fuse(mentions, article.story_id) | store.stale_events
    story = article.story_id
    clusterer = state.clusterers.get(store)
    if story and clusterer is not None:
        # Reports of this story fused with an event a small story holds: one happening (`join_fused`).
        for other in clusterer.stories_fused_with(story, touched):
            if clusterer.join_fused(story, other, article.id) is not None:
                story = article.story_id = story_db.resolve(store.conn, story)
                state.merged_into.setdefault(store, set()).add(story)
    for story in state.merged_into.pop(store, set()):
        touched |= fuser.refit_story(story)
    store.stale_events = set()
    # Aggregation and corroboration set the event's fields and only read its mentions: those come shared from
    # the store's mention cache (store/mention_cache.py); the events are parsed fresh.
    for ev in store.events_by_ids(list(touched), cache=mention_cache(store)):
        store.save_event(corroborate(store, aggregate(ev)))
    found = ConflictFinder(store).refresh(touched)
    from ..live.watch import alert_on_events  # watch rules see every new or changed event

    alert_on_events(store, touched | {e for c in found for e in c.event_ids})


def default_connectors(state: Connecting | None = None) -> list:
    """Story assignment, then event fusion, sharing one `Connecting` (a new one unless given)."""
    state = state or Connecting()
    return [state.assign_story, state.fuse_events]
