"""Read-side queries shared by the REST API, the web UI and the briefings.

The store keeps fused events in `events` and not-yet-fused mentions in `event_mentions` (event_id NULL).
Readers should see both, so the event queries here run over a UNION of the two tables, with filters and
pagination done in SQL: a page of events never loads the whole store.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import FilterError, NotFoundError
from ..model import MODALITIES, Article, Conflict, Entity, Event
from ..records import article_record, event_from_mention, event_record
from ..store.db import Store

# Private-use characters mark search hits in snippets: they never occur in news text, so splitting on them
# cannot be confused by brackets in an article (FTS snippet() only knows literal marker strings).
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"


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
                      "2024-05-14)")


def check_choice(name: str, value: str | None, allowed: list[str] | tuple[str, ...]) -> str | None:
    """`value` if it is one of `allowed` (case-insensitive), else FilterError listing them."""
    if value is None or value.upper() in {a.upper() for a in allowed}:
        return value
    raise FilterError(f"{name}: unknown value {value!r}; allowed: {', '.join(allowed)}")


@dataclass
class EventFilter:
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    story: str | None = None
    min_sources: int | None = None
    entity: str | None = None  # actor or recipient (by entity id or name)
    ids: list[str] | None = None
    hide_background: bool = False  # leave out background references (modality "historical")


@dataclass
class Page:
    items: list[Any]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


def _party_clause(column: str) -> str:
    # An actor matches by entity id, or by a case-insensitive substring of its canonical name or surface text.
    return (
        f"EXISTS (SELECT 1 FROM json_each({column}) j WHERE json_extract(j.value, '$.entity_id') = ? "
        f"OR lower(json_extract(j.value, '$.name')) LIKE ? OR lower(json_extract(j.value, '$.text')) LIKE ?)"
    )


def _like(value: str) -> str:
    return "%" + value.lower().replace("\\", "").replace("%", "").replace("_", "") + "%"


def _where(f: EventFilter, alias: str, story_expr: str, sources_expr: str) -> tuple[str, list[Any]]:
    """The WHERE clause of one side of the union; both tables share the column names used here."""
    parts: list[str] = []
    params: list[Any] = []
    a = alias
    if f.type:
        parts.append(f"upper({a}.event_type) = upper(?)")
        params.append(f.type)
    if f.modality:
        parts.append(f"{a}.modality = ?")
        params.append(f.modality)
    if f.since:
        parts.append(f"{a}.date >= ?")
        params.append(f.since)
    if f.until:
        # "2024-05-14" <= "2024-05-14T..." would drop same-day times: compare against the day's end.
        parts.append(f"{a}.date <= ?")
        params.append(f.until + "\uffff")
    if f.story:
        parts.append(f"{story_expr} = ?")
        params.append(f.story)
    if f.min_sources is not None:
        parts.append(f"{sources_expr} >= ?")
        params.append(f.min_sources)
    for value, column in ((f.actor, "actor"), (f.recipient, "recipient")):
        if value:
            parts.append(_party_clause(f"{a}.{column}"))
            params += [value, _like(value), _like(value)]
    if f.entity:
        parts.append(f"({_party_clause(f'{a}.actor')} OR {_party_clause(f'{a}.recipient')})")
        params += [f.entity, _like(f.entity), _like(f.entity)] * 2
    if f.country:
        c = f.country.upper()
        parts.append(
            f"(EXISTS (SELECT 1 FROM json_each({a}.actor) j WHERE upper(json_extract(j.value, '$.country')) = ?) "
            f"OR EXISTS (SELECT 1 FROM json_each({a}.recipient) j "
            f"WHERE upper(json_extract(j.value, '$.country')) = ?) "
            f"OR upper(json_extract({a}.location, '$.country')) = ?)"
        )
        params += [c, c, c]
    if f.hide_background:
        parts.append(f"{a}.modality != 'historical'")
    if f.ids is not None:
        parts.append(f"{a}.id IN (SELECT value FROM json_each(?))")
        params.append(_json_list(f.ids))
    return " AND ".join(parts) or "1", params


def _json_list(values: list[str]) -> str:
    # Lists travel into SQL as one JSON parameter (json_each), so no query is built from ids.
    return json.dumps(values)


class Reader:
    """Queries over one (read-only) store connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self._outlets: dict[str, dict[str, Any]] | None = None

    # ------------------------------------------------------------------ events
    def _union(self, f: EventFilter) -> tuple[str, list[Any]]:
        w1, p1 = _where(f, "e", "e.story_id", "e.sources")
        w2, p2 = _where(f, "m", "a.story_id", "1")
        sql = (
            f"SELECT 'e' AS k, e.id AS id, e.date AS date, e.sources AS sources, e.confidence AS confidence "
            f"FROM events e WHERE {w1} "
            "UNION ALL "
            "SELECT 'm' AS k, m.id AS id, m.date AS date, 1 AS sources, 0.0 AS confidence FROM event_mentions m "
            f"JOIN articles a ON a.id = m.article_id WHERE m.event_id IS NULL AND {w2}"
        )
        return sql, p1 + p2

    def event_types(self) -> list[str]:
        """The shipped ontology's types and any other type the store holds (a user ontology's)."""
        from ..extract.ontology import load_ontology

        stored = {r[0] for r in self.conn.execute("SELECT DISTINCT event_type FROM event_mentions")}
        return sorted(set(load_ontology().types) | stored)

    def check_filter(self, f: EventFilter) -> EventFilter:
        """Raise FilterError (with the allowed values) for a filter that can only match by accident: an unknown
        type or modality, a date that is not one, a count out of range. What the CLI, API and UI share."""
        if f.type:
            check_choice("type", f.type, self.event_types())
        check_choice("modality", f.modality, MODALITIES)
        check_date("since", f.since)
        check_date("until", f.until)
        if f.min_sources is not None and not 1 <= f.min_sources <= MAX_INT:
            raise FilterError(f"min_sources: {f.min_sources} is out of range; use a whole number from 1")
        return f

    def count_events(self, f: EventFilter) -> int:
        sql, params = self._union(f)
        return int(self.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def events(self, f: EventFilter | None = None, limit: int | None = None, offset: int = 0, *,
               by_weight: bool = False, newest_first: bool = False) -> list[Event]:
        """Fused and unfused events matching `f`, ordered by date (undated last), then id.

        `by_weight` orders by sources, then confidence, then date instead: what a brief keeps when cut short.
        `newest_first` reverses the date order (the UI's event list)."""
        sql, params = self._union(f or EventFilter())
        order = "sources DESC, confidence DESC, " if by_weight else ""
        direction = "DESC" if newest_first else ""
        sql = f"SELECT k, id FROM ({sql}) ORDER BY {order}date IS NULL, date {direction}, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        keys = [(r["k"], r["id"]) for r in self.conn.execute(sql, params)]
        fused_ids = [i for k, i in keys if k == "e"]
        mention_ids = [i for k, i in keys if k == "m"]
        by_id: dict[str, Event] = {}
        if fused_ids:
            for ev in self.store.events(where="id IN (SELECT value FROM json_each(?))",
                                        params=(_json_list(fused_ids),)):
                by_id[ev.id] = ev
        if mention_ids:
            story_of = self._story_of_articles(mention_ids)
            for m in self.store.mentions(where="id IN (SELECT value FROM json_each(?))",
                                         params=(_json_list(mention_ids),)):
                ev = event_from_mention(m)
                ev.story_id = story_of.get(m.article_id)
                by_id[ev.id] = ev
        return [by_id[i] for _, i in keys if i in by_id]

    def _story_of_articles(self, mention_ids: list[str]) -> dict[str, str | None]:
        rows = self.conn.execute(
            "SELECT a.id, a.story_id FROM articles a JOIN event_mentions m ON m.article_id = a.id "
            "WHERE m.id IN (SELECT value FROM json_each(?))",
            (_json_list(mention_ids),),
        )
        return {r["id"]: r["story_id"] for r in rows}

    def event(self, event_id: str) -> Event:
        found = self.events(EventFilter(ids=[event_id]))
        if not found:
            raise NotFoundError(f"no event {event_id!r}")
        return found[0]

    def outlets(self) -> dict[str, dict[str, Any]]:
        """article id -> {outlet, title, published, url}: what evidence lines show next to a sentence."""
        if self._outlets is None:
            self._outlets = {
                r["id"]: {"outlet": r["outlet"], "title": r["title"], "published": r["published"], "url": r["url"]}
                for r in self.conn.execute("SELECT id, outlet, title, published, url FROM articles")
            }
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
        arts = self.store.iter_articles(order=f"published IS NULL, published DESC, rowid LIMIT {int(limit)} "
                                              f"OFFSET {int(offset)}")
        return Page([article_record(a) for a in arts], total, limit, offset)

    def search(self, query: str, limit: int, offset: int) -> Page:
        """Full-text hits with a snippet whose matches are wrapped in HIT_OPEN/HIT_CLOSE (QueryError on bad syntax)."""
        hits, total = self.store.search_page(query, limit, offset, (HIT_OPEN, HIT_CLOSE))
        for h in hits:
            h.pop("rank", None)
        return Page(hits, total, limit, offset)

    def article(self, article_id: str) -> Article:
        return self.store.get_article(article_id, with_extraction=True)

    # ------------------------------------------------------------------ entities
    def entities(self, q: str | None, kind: str | None, limit: int, offset: int) -> Page:
        parts, params = [], []
        if q:
            parts.append("(lower(e.name) LIKE ? OR lower(e.aliases) LIKE ? OR e.id = ?)")
            params += [_like(q), _like(q), q]
        if kind:
            parts.append("upper(e.kind) = upper(?)")
            params.append(kind)
        where = " AND ".join(parts)
        total = int(self.conn.execute(
            "SELECT count(*) FROM entities e" + (f" WHERE {where}" if where else ""), params).fetchone()[0])
        ids = [r[0] for r in self.conn.execute(
            "SELECT e.id FROM entities e" + (f" WHERE {where}" if where else "") + " ORDER BY e.name, e.id "
            "LIMIT ? OFFSET ?", [*params, limit, offset])]
        items = self.store.entities(where="e.id IN (SELECT value FROM json_each(?))", params=(_json_list(ids),))
        return Page(items, total, limit, offset)

    def entity(self, entity_id: str) -> Entity:
        found = self.store.entities(where="e.id = ?", params=(entity_id,))
        if not found:
            raise NotFoundError(f"no entity {entity_id!r}")
        return found[0]

    def find_entity(self, name: str) -> Entity:
        """By id, exact name, alias, then name substring (case-insensitive): what `brief --entity` takes."""
        for where, params in (
            ("e.id = ?", (name,)),
            ("lower(e.name) = lower(?)", (name,)),
            ("EXISTS (SELECT 1 FROM json_each(e.aliases) j WHERE lower(j.value) = lower(?))", (name,)),
            ("lower(e.name) LIKE ?", (_like(name),)),
        ):
            found = self.store.entities(where=where, params=params)
            if found:
                return found[0]
        raise NotFoundError(f"no entity named {name!r}")

    def co_occurring(self, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.id, e.name, e.kind, count(DISTINCT o.article_id) AS articles "
            "FROM entity_mentions m JOIN entity_mentions o ON o.article_id = m.article_id "
            "JOIN entities e ON e.id = o.entity_id "
            "WHERE m.entity_id = ? AND o.entity_id != ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?",
            (entity_id, entity_id, limit),
        )
        return [dict(r) for r in rows]

    # ------------------------------------------------------------------ stories and conflicts
    def stories(self, limit: int | None = None, offset: int = 0, *, recent_first: bool = False,
                story_id: str | None = None) -> list[dict[str, Any]]:
        """A page of stories with their counts: articles, distinct outlets, events and conflicts.

        One query pages the stories and counts, for the page only, their events (fused and not yet fused) and
        conflicts; one more fetches the page's article ids. The work per page does not grow with the number
        of stories (tests/test_web.py counts the statements). Default order: first date, then id;
        `recent_first` (the home page): last date, then sources, newest first."""
        order = ('coalesce(s."end", \'\') DESC, s.sources DESC, s.id' if recent_first
                 else "s.start IS NULL, s.start, s.id")
        params: list[Any] = [story_id] if story_id is not None else []
        where = "AND a.story_id = ?" if story_id is not None else ""
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params += [limit, offset]
        story_events = (
            "SELECT id FROM events WHERE story_id = s.id UNION ALL SELECT m.id FROM event_mentions m "
            "JOIN articles b ON b.id = m.article_id WHERE m.event_id IS NULL AND b.story_id = s.id"
        )
        sql = (
            "SELECT s.*, coalesce(nullif(c.label, ''), (SELECT b.title FROM articles b WHERE b.story_id = s.id "
            "AND coalesce(b.title, '') != '' ORDER BY b.published IS NULL, b.published, b.rowid LIMIT 1), '') "
            "AS label, c.key_entities AS cluster_keys, "
            f"(SELECT count(*) FROM ({story_events})) AS events, "
            "(SELECT count(DISTINCT ce.conflict_id) FROM conflict_events ce "
            f"WHERE ce.event_id IN ({story_events})) AS conflicts "
            "FROM (SELECT a.story_id AS id, count(*) AS articles, count(DISTINCT nullif(a.outlet, '')) AS sources, "
            "json_group_array(DISTINCT nullif(a.outlet, '')) AS outlets, min(nullif(a.published, '')) AS start, "
            "max(nullif(a.published, '')) AS \"end\" FROM articles a "
            f"WHERE a.story_id IS NOT NULL {where} GROUP BY a.story_id) s "
            f"LEFT JOIN story_clusters c ON c.id = s.id ORDER BY {order}{page}"
        )
        rows = self.conn.execute(sql, params).fetchall()
        members: dict[str, list[str]] = {r["id"]: [] for r in rows}
        for a in self.conn.execute(
            "SELECT id, story_id FROM articles WHERE story_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY published IS NULL, published, rowid", (_json_list(list(members)),)
        ):
            members[a["story_id"]].append(a["id"])
        # Key entities for the stories whose clusterer left none: one query for the whole page.
        keys = {r["id"]: json.loads(r["cluster_keys"] or "[]") for r in rows}
        for k in self.conn.execute(
            "SELECT story_id, name FROM (SELECT a.story_id, e.name, row_number() OVER (PARTITION BY a.story_id "
            "ORDER BY count(DISTINCT m.article_id) DESC, e.name) AS rank FROM entity_mentions m "
            "JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id "
            "WHERE a.story_id IN (SELECT value FROM json_each(?)) GROUP BY a.story_id, e.id) "
            "WHERE rank <= 5 ORDER BY story_id, rank", (_json_list([i for i, v in keys.items() if not v]),)
        ).fetchall():
            keys[k["story_id"]].append(k["name"])
        out = []
        for r in rows:
            outlets = sorted(o for o in json.loads(r["outlets"]) if o)
            key = keys[r["id"]]
            out.append({
                "id": r["id"], "label": r["label"], "start": r["start"], "end": r["end"], "key_entities": key,
                "article_ids": members[r["id"]], "articles": r["articles"], "outlets": outlets,
                "sources": len(outlets), "events": r["events"], "conflicts": r["conflicts"],
            })
        return out

    def count_stories(self) -> int:
        return int(self.conn.execute(
            "SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL").fetchone()[0])

    def story(self, story_id: str) -> dict[str, Any]:
        found = self.stories(story_id=story_id)
        if not found:
            raise NotFoundError(f"no story {story_id!r}")
        return found[0]

    def key_entities(self, article_ids: list[str], limit: int = 5) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.id, e.name, count(DISTINCT m.article_id) AS n FROM entity_mentions m "
            "JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN (SELECT value FROM json_each(?)) "
            "GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
            (_json_list(article_ids), limit),
        )
        return [dict(r) for r in rows]

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


