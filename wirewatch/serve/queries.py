"""Read-side queries shared by the REST API, the web UI, the CLI and the briefings.

The SQL lives in store/views.py (filters and pagination done there: a page of events never loads the whole
store); this module checks filters, turns rows into model objects and records, and holds display helpers.
Every event is a stored event: a lone mention is a one-mention event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import FilterError, NotFoundError
from ..model import MODALITIES, Article, Conflict, Entity, Event
from ..records import article_record, event_record
from ..store import entity_merges, views
from ..store.db import Store
from ..store.views import EventFilter as EventFilter  # re-exported: it lives with the SQL it drives

# The fields connect/conflicts.py compares (tests/test_web.py checks this list against that module).
CONFLICT_FIELDS = ("date", "quantity", "actor", "recipient", "location", "occurrence")
MAX_INT = 2**63 - 1  # SQLite's integer range: a larger offset or count cannot even be bound to a query
_DATE_FILTER = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(name: str, value: str | None) -> str | None:
    """A date filter as YYYY, YYYY-MM or YYYY-MM-DD naming a real day; FilterError otherwise ("March")."""
    if not value:
        return None
    m = _DATE_FILTER.match(value)
    try:
        if m:
            date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            return value
    except ValueError:
        pass
    raise FilterError(f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05, "
                      "2024-05-14)", name)


def check_choice(name: str, value: str | None, allowed: list[str] | tuple[str, ...]) -> str | None:
    """`value` if it is one of `allowed` (case-insensitive), else FilterError listing them."""
    if value is None or value.upper() in {a.upper() for a in allowed}:
        return value
    raise FilterError(f"{name}: unknown value {value!r}; allowed: {', '.join(allowed)}", name)


@dataclass
class Page:
    items: list[Any]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


class Reader:
    """Queries over one (read-only) store connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self._outlets: dict[str, dict[str, Any]] | None = None

    # ------------------------------------------------------------------ events
    def event_types(self) -> list[str]:
        """The shipped ontology's types and any other type the store holds (a user ontology's)."""
        from ..extract.ontology import load_ontology

        return sorted(set(load_ontology().types) | views.event_types(self.conn))

    def check_filter(self, f: EventFilter) -> EventFilter:
        """Raise FilterError (with the allowed values) for a filter that can only match by accident: an unknown
        type or modality, a date that is not one, a count out of range. What the CLI, API and UI share."""
        if f.type:
            check_choice("type", f.type, self.event_types())
        check_choice("modality", f.modality, MODALITIES)
        check_date("since", f.since)
        check_date("until", f.until)
        if f.min_sources is not None and not 1 <= f.min_sources <= MAX_INT:
            raise FilterError(f"min_sources: {f.min_sources} is out of range; use a whole number from 1",
                              "min_sources")
        return f

    def count_events(self, f: EventFilter) -> int:
        return views.count_events(self.conn, f)

    def events(self, f: EventFilter | None = None, limit: int | None = None, offset: int = 0, *,
               by_weight: bool = False, newest_first: bool = False) -> list[Event]:
        """Events matching `f`, ordered by date (undated last), then id.

        `by_weight` orders by sources, then confidence, then date instead: what a brief keeps when cut short.
        `newest_first` reverses the date order (the UI's event list)."""
        ids = views.event_ids(self.conn, f or EventFilter(), limit, offset, by_weight=by_weight,
                              newest_first=newest_first)
        by_id = {ev.id: ev for ev in self.store.events_by_ids(ids)}
        return [by_id[i] for i in ids if i in by_id]

    def event(self, event_id: str) -> Event:
        found = self.events(EventFilter(ids=[event_id]))
        if not found and (held_by := self.store.event_of_mention(event_id)):
            found = self.events(EventFilter(ids=[held_by]))  # an old link to a lone mention's own id
        if not found:
            raise NotFoundError(f"no event {event_id!r}")
        return found[0]

    def outlets(self) -> dict[str, dict[str, Any]]:
        """article id -> {outlet, title, published, url}: what evidence lines show next to a sentence."""
        if self._outlets is None:
            self._outlets = views.article_meta(self.conn)
        return self._outlets

    def event_json(self, ev: Event) -> dict[str, Any]:
        """records.event_record, with each mention's outlet and title added so clients need no second call."""
        rec = event_record(ev)
        meta = self.outlets()
        for m in rec["mentions"]:
            info = meta.get(m["article_id"], {})
            m["outlet"] = info.get("outlet")
            m["article_title"] = info.get("title")
            m["published"] = info.get("published")
        return rec

    # ------------------------------------------------------------------ articles
    def articles(self, limit: int, offset: int) -> Page:
        total = self.store.count("articles")
        arts = views.articles_page(self.store, limit, offset)
        return Page([article_record(a) for a in arts], total, limit, offset)

    def search(self, query: str, limit: int, offset: int) -> Page:
        """Full-text hits; snippets mark hits with store.search's HIT_OPEN/HIT_CLOSE (bad syntax: SearchSyntaxError)."""
        hits, total = self.store.search_page(query, limit, offset)
        for h in hits:
            h.pop("rank", None)
        return Page(hits, total, limit, offset)

    def article(self, article_id: str) -> Article:
        return self.store.get_article(article_id, with_extraction=True)

    # ------------------------------------------------------------------ entities
    def entities(self, q: str | None, kind: str | None, limit: int, offset: int) -> Page:
        """Entities whose name or an alias contains `q` (or whose id is `q`), of `kind`, by name."""
        ids = views.entity_ids(self.conn, q, kind, limit, offset)
        by_id = {e.id: e for e in self.store.entities(ids)}
        return Page([by_id[i] for i in ids if i in by_id], views.count_entities(self.conn, q, kind), limit, offset)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id, or the one it was merged into (an old link still works)."""
        found = self.store.entities([entity_id])
        if not found and (canonical := entity_merges.resolve(self.conn, entity_id)) is not None:
            found = self.store.entities([canonical])
        if not found:
            raise NotFoundError(f"no entity {entity_id!r}")
        return found[0]

    def find_entity(self, name: str) -> Entity:
        """By id, exact name, alias, then name substring (case-insensitive): what `brief --entity` takes."""
        found = views.find_entity_id(self.conn, name)
        if found is None:
            raise NotFoundError(f"no entity named {name!r}")
        return self.entity(found)

    def co_occurring(self, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
        return views.co_occurring(self.conn, entity_id, limit)

    # ------------------------------------------------------------------ stories and conflicts
    def stories(self, limit: int | None = None, offset: int = 0, *, recent_first: bool = False,
                story_id: str | None = None) -> list[dict[str, Any]]:
        """A page of stories with their counts: articles, distinct outlets, events and conflicts
        (store/views.py's `story_rows`)."""
        return views.story_rows(self.conn, limit, offset, recent_first=recent_first, story_id=story_id)

    def count_stories(self) -> int:
        return views.count_stories(self.conn)

    def story(self, story_id: str) -> dict[str, Any]:
        found = self.stories(story_id=story_id)
        if not found:
            raise NotFoundError(f"no story {story_id!r}")
        return found[0]

    def key_entities(self, article_ids: list[str], limit: int = 5) -> list[dict[str, Any]]:
        return views.key_entities(self.conn, article_ids, limit)

    def conflicts(self, story: str | None = None, event_ids: list[str] | None = None) -> list[Conflict]:
        conflicts = self.store.conflicts()
        if story is None and event_ids is None:
            return conflicts
        wanted = set(event_ids or [])
        if story is not None:
            wanted |= {ev.id for ev in self.events(EventFilter(story=story))}
        return [c for c in conflicts if wanted & set(c.event_ids)]


@dataclass
class Segment:
    """A run of article text with the highlight classes that apply to all of it (rendered autoescaped)."""

    text: str
    classes: list[str] = field(default_factory=list)
    title: str | None = None
    data: dict[str, str] = field(default_factory=dict)  # class -> its span's value (e.g. entity -> entity id)


def segments(text: str, spans: list[tuple[int, int, str, str | None]]) -> list[Segment]:
    """Cut `text` at every span boundary; each piece carries the classes of the spans covering it.

    Highlighting this way never inserts markup into the text itself: templates escape each piece and wrap
    it in <mark>, so an article containing HTML stays inert."""
    bounds = {0, len(text)}
    for start, end, _, _ in spans:
        if 0 <= start < end <= len(text):
            bounds |= {start, end}
    cuts = sorted(bounds)
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [(c, t) for s, e, c, t in spans if s <= lo and hi <= e]
        classes = sorted({c for c, _ in covering})
        title = next((t for _, t in covering if t), None)
        out.append(Segment(text[lo:hi], classes, title, {c: t for c, t in covering if t}))
    return out


def trigger_parts(sentence: str, sentence_start: int, trig_start: int | None, trig_end: int | None,
                  trigger: str) -> tuple[str, str, str]:
    """(before, trigger, after) of an evidence sentence, by offsets when known, else by the trigger word."""
    if trig_start is not None and trig_end is not None:
        lo, hi = trig_start - sentence_start, trig_end - sentence_start
        if 0 <= lo < hi <= len(sentence):
            return sentence[:lo], sentence[lo:hi], sentence[hi:]
    if trigger:
        m = re.search(re.escape(trigger), sentence, flags=re.IGNORECASE)
        if m:
            return sentence[: m.start()], m.group(0), sentence[m.end():]
    return sentence, "", ""


def actor_names(actors: list[Any]) -> str:
    return " & ".join(a.name for a in actors) if actors else "?"


def event_summary(ev: Event) -> str:
    """The one-line label of an event in lists and charts, built from its evidence (serve/summary.py)."""
    from .summary import summarize

    return summarize(ev)


def outlet_counts(ev: Event, outlets: dict[str, dict[str, Any]]) -> Counter[str]:
    return Counter(outlets.get(m.article_id, {}).get("outlet") or "unknown outlet" for m in ev.mentions)


