"""Read-side listings of the API, the web UI, the CLI and the briefs: filtered, ordered, paged in SQL.

Every event is a stored event (a lone mention is a one-mention event, see `Store.seal_mentions`), so the
event queries here read the `events` table only. Filters travel as an `EventFilter`, lists of ids as one
JSON parameter (json_each): no query is ever built from user text.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..model import Article


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


def _ids(values: list[str]) -> str:
    return json.dumps(list(values))


def like(value: str) -> str:
    """A case-insensitive substring pattern for LIKE, with the user's wildcards taken out."""
    return "%" + value.lower().replace("\\", "").replace("%", "").replace("_", "") + "%"


def _party_clause(column: str) -> str:
    # An actor matches by entity id, or by a case-insensitive substring of its canonical name or surface text.
    # An id merged into another entity (store/entity_merges.py) matches that entity, unless it is live again.
    return (
        f"EXISTS (SELECT 1 FROM json_each({column}) j WHERE json_extract(j.value, '$.entity_id') IN "
        f"(?, (SELECT m.new_id FROM entity_merges m WHERE m.old_id = ? "
        f"AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.id = m.old_id))) "
        f"OR lower(json_extract(j.value, '$.name')) LIKE ? OR lower(json_extract(j.value, '$.text')) LIKE ?)"
    )


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over `events e` for a filter."""
    parts: list[str] = []
    params: list[Any] = []
    if f.type:
        parts.append("upper(e.event_type) = upper(?)")
        params.append(f.type)
    if f.modality:
        parts.append("e.modality = ?")
        params.append(f.modality)
    if f.since:
        parts.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        # "2024-05-14" <= "2024-05-14T..." would drop same-day times: compare against the day's end.
        parts.append("e.date <= ?")
        params.append(f.until + "\uffff")
    if f.story:
        parts.append("e.story_id = ?")
        params.append(f.story)
    if f.min_sources is not None:
        parts.append("e.sources >= ?")
        params.append(f.min_sources)
    for value, column in ((f.actor, "actor"), (f.recipient, "recipient")):
        if value:
            parts.append(_party_clause(f"e.{column}"))
            params += [value, value, like(value), like(value)]
    if f.entity:
        parts.append(f"({_party_clause('e.actor')} OR {_party_clause('e.recipient')})")
        params += [f.entity, f.entity, like(f.entity), like(f.entity)] * 2
    if f.country:
        c = f.country.upper()
        parts.append(
            "(EXISTS (SELECT 1 FROM json_each(e.actor) j WHERE upper(json_extract(j.value, '$.country')) = ?) "
            "OR EXISTS (SELECT 1 FROM json_each(e.recipient) j WHERE upper(json_extract(j.value, '$.country')) = ?) "
            "OR upper(json_extract(e.location, '$.country')) = ?)"
        )
        params += [c, c, c]
    if f.hide_background:
        parts.append("e.modality != 'historical'")
    if f.ids is not None:
        parts.append("e.id IN (SELECT value FROM json_each(?))")
        params.append(_ids(f.ids))
    return " AND ".join(parts) or "1", params


# ---------------------------------------------------------------------------------------------- events
def count_events(conn: sqlite3.Connection, f: EventFilter) -> int:
    where, params = _where(f)
    return int(conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0])


def event_ids(conn: sqlite3.Connection, f: EventFilter, limit: int | None = None, offset: int = 0, *,
              by_weight: bool = False, newest_first: bool = False) -> list[str]:
    """Ids of the events matching `f`: by date (undated last), then id; `by_weight`: sources, confidence,
    then date; `newest_first` reverses the date order."""
    where, params = _where(f)
    order = "e.sources DESC, e.confidence DESC, " if by_weight else ""
    direction = " DESC" if newest_first else ""
    sql = f"SELECT e.id FROM events e WHERE {where} ORDER BY {order}e.date IS NULL, e.date{direction}, e.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [r[0] for r in conn.execute(sql, params)]


def located_event_ids(conn: sqlite3.Connection, f: EventFilter, limit: int) -> list[str]:
    """Ids of the events matching `f` whose place has coordinates, newest first (the map)."""
    where, params = _where(f)
    rows = conn.execute(
        f"SELECT e.id FROM events e WHERE {where} AND json_extract(e.location, '$.lat') IS NOT NULL "
        "AND json_extract(e.location, '$.lon') IS NOT NULL ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT ?",
        [*params, limit],
    )
    return [r[0] for r in rows]


def event_types(conn: sqlite3.Connection) -> set[str]:
    """The event types the store holds."""
    return {r[0] for r in conn.execute("SELECT DISTINCT event_type FROM event_mentions")}


def event_counts_by_entity(conn: sqlite3.Connection, entity_ids: list[str]) -> dict[str, int]:
    """entity id -> the number of events naming it as actor or recipient."""
    if not entity_ids:
        return {}
    rows = conn.execute(
        "SELECT json_extract(j.value, '$.entity_id') AS eid, count(DISTINCT t.id) AS n FROM events t, "
        "json_each(json_array(json(t.actor), json(t.recipient))) side, json_each(side.value) j "
        "WHERE json_extract(j.value, '$.entity_id') IN (SELECT value FROM json_each(?)) GROUP BY eid",
        (_ids(entity_ids),),
    )
    return {r["eid"]: int(r["n"]) for r in rows}


# ---------------------------------------------------------------------------------------------- articles
def article_meta(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """article id -> {outlet, title, published, url}: what evidence lines show next to a sentence."""
    return {
        r["id"]: {"outlet": r["outlet"], "title": r["title"], "published": r["published"], "url": r["url"]}
        for r in conn.execute("SELECT id, outlet, title, published, url FROM articles")
    }


def articles_page(store: Any, limit: int, offset: int) -> list[Article]:
    """A page of articles, newest first (undated last). `store` is a Store (typed Any: db.py imports this)."""
    rows = store.conn.execute(
        "SELECT * FROM articles ORDER BY published IS NULL, published DESC, rowid LIMIT ? OFFSET ?", (limit, offset)
    )
    return [store._article_from_row(r) for r in rows]


# ---------------------------------------------------------------------------------------------- entities
def _entity_where(q: str | None, kind: str | None) -> tuple[str, list[Any]]:
    parts, params = [], []
    if q:
        parts.append("(lower(e.name) LIKE ? OR lower(e.aliases) LIKE ? OR e.id = ?)")
        params += [like(q), like(q), q]
    if kind:
        parts.append("upper(e.kind) = upper(?)")
        params.append(kind)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def count_entities(conn: sqlite3.Connection, q: str | None = None, kind: str | None = None) -> int:
    """Entities whose name or an alias contains `q` (or whose id is `q`), of `kind`."""
    where, params = _entity_where(q, kind)
    return int(conn.execute(f"SELECT count(*) FROM entities e{where}", params).fetchone()[0])


def entity_ids(conn: sqlite3.Connection, q: str | None, kind: str | None, limit: int, offset: int, *,
               most_reported: bool = False) -> list[str]:
    """A page of entity ids (filters as `count_entities`) by name, or by the number of reports naming them."""
    where, params = _entity_where(q, kind)
    order = "e.name, e.id"
    if most_reported:
        order = ("(SELECT count(DISTINCT m.article_id) FROM entity_mentions m WHERE m.entity_id = e.id) DESC, "
                 + order)
    rows = conn.execute(f"SELECT e.id FROM entities e{where} ORDER BY {order} LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    return [r[0] for r in rows]


def find_entity_id(conn: sqlite3.Connection, name: str) -> str | None:
    """By id, exact name, alias, then name substring (case-insensitive): what `brief --entity` takes."""
    for where, param in (
        ("e.id = ?", name),
        ("e.id = (SELECT new_id FROM entity_merges WHERE old_id = ?)", name),
        ("lower(e.name) = lower(?)", name),
        ("EXISTS (SELECT 1 FROM json_each(e.aliases) j WHERE lower(j.value) = lower(?))", name),
        ("lower(e.name) LIKE ?", like(name)),
    ):
        row = conn.execute(f"SELECT e.id FROM entities e WHERE {where} ORDER BY e.name LIMIT 1", (param,)).fetchone()
        if row is not None:
            return str(row[0])
    return None


def co_occurring(conn: sqlite3.Connection, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities named in the same reports as `entity_id`, most shared reports first."""
    rows = conn.execute(
        "SELECT e.id, e.name, e.kind, count(DISTINCT o.article_id) AS articles "
        "FROM entity_mentions m JOIN entity_mentions o ON o.article_id = m.article_id "
        "JOIN entities e ON e.id = o.entity_id "
        "WHERE m.entity_id = ? AND o.entity_id != ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?",
        (entity_id, entity_id, limit),
    )
    return [dict(r) for r in rows]


def key_entities(conn: sqlite3.Connection, article_ids: list[str], limit: int = 5) -> list[dict[str, Any]]:
    """The entities most of these articles name: {id, name, n}."""
    rows = conn.execute(
        "SELECT e.id, e.name, count(DISTINCT m.article_id) AS n FROM entity_mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN (SELECT value FROM json_each(?)) "
        "GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
        (_ids(article_ids), limit),
    )
    return [dict(r) for r in rows]


def entity_kinds(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT kind FROM entities ORDER BY kind")]


# ---------------------------------------------------------------------------------------------- stories
def story_rows(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0, *, recent_first: bool = False,
               story_id: str | None = None) -> list[dict[str, Any]]:
    """A page of stories with their counts: articles, distinct outlets, events and conflicts.

    One query pages the stories and counts, for the page only, their events and conflicts; one more fetches
    the page's article ids, one the key entities of stories the clusterer left without. The work per page
    does not grow with the number of stories (tests/test_web.py counts the statements). Default order: first
    date, then id; `recent_first` (the home page): last date, then sources, newest first."""
    order = ('coalesce(s."end", \'\') DESC, s.sources DESC, s.id' if recent_first
             else "s.start IS NULL, s.start, s.id")
    params: list[Any] = [story_id] if story_id is not None else []
    where = "AND a.story_id = ?" if story_id is not None else ""
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [limit, offset]
    sql = (
        "SELECT s.*, coalesce(nullif(c.label, ''), (SELECT b.title FROM articles b WHERE b.story_id = s.id "
        "AND coalesce(b.title, '') != '' ORDER BY b.published IS NULL, b.published, b.rowid LIMIT 1), '') "
        "AS label, c.key_entities AS cluster_keys, "
        "(SELECT count(*) FROM events v WHERE v.story_id = s.id) AS events, "
        "(SELECT count(DISTINCT ce.conflict_id) FROM conflict_events ce JOIN events v ON v.id = ce.event_id "
        "WHERE v.story_id = s.id) AS conflicts "
        "FROM (SELECT a.story_id AS id, count(*) AS articles, count(DISTINCT nullif(a.outlet, '')) AS sources, "
        "json_group_array(DISTINCT nullif(a.outlet, '')) AS outlets, min(nullif(a.published, '')) AS start, "
        "max(nullif(a.published, '')) AS \"end\" FROM articles a "
        f"WHERE a.story_id IS NOT NULL {where} GROUP BY a.story_id) s "
        f"LEFT JOIN story_clusters c ON c.id = s.id ORDER BY {order}{page}"
    )
    rows = conn.execute(sql, params).fetchall()
    members: dict[str, list[str]] = {r["id"]: [] for r in rows}
    for a in conn.execute(
        "SELECT id, story_id FROM articles WHERE story_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY published IS NULL, published, rowid", (_ids(list(members)),)
    ):
        members[a["story_id"]].append(a["id"])
    # Key entities for the stories whose clusterer left none: one query for the whole page.
    keys = {r["id"]: json.loads(r["cluster_keys"] or "[]") for r in rows}
    for k in conn.execute(
        "SELECT story_id, name FROM (SELECT a.story_id, e.name, row_number() OVER (PARTITION BY a.story_id "
        "ORDER BY count(DISTINCT m.article_id) DESC, e.name) AS rank FROM entity_mentions m "
        "JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id "
        "WHERE a.story_id IN (SELECT value FROM json_each(?)) GROUP BY a.story_id, e.id) "
        "WHERE rank <= 5 ORDER BY story_id, rank", (_ids([i for i, v in keys.items() if not v]),)
    ).fetchall():
        keys[k["story_id"]].append(k["name"])
    out = []
    for r in rows:
        outlets = sorted(o for o in json.loads(r["outlets"]) if o)
        out.append({
            "id": r["id"], "label": r["label"], "start": r["start"], "end": r["end"], "key_entities": keys[r["id"]],
            "article_ids": members[r["id"]], "articles": r["articles"], "outlets": outlets,
            "sources": len(outlets), "events": r["events"], "conflicts": r["conflicts"],
        })
    return out


def count_stories(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL").fetchone()[0])


# ---------------------------------------------------------------------------------------------- conflicts
def conflict_story_labels(conn: sqlite3.Connection) -> dict[str, str]:
    """story id -> label, for the stories that have conflicts (the conflicts page's story filter)."""
    rows = conn.execute(
        "SELECT DISTINCT e.story_id, coalesce(c.label, '') AS label FROM conflict_events ce "
        "JOIN events e ON e.id = ce.event_id LEFT JOIN story_clusters c ON c.id = e.story_id "
        "WHERE e.story_id IS NOT NULL ORDER BY label, e.story_id")
    labels = {row["story_id"]: row["label"] for row in rows}
    for sid in [k for k, v in labels.items() if not v]:  # no clusterer label: the first article's title
        row = conn.execute("SELECT title FROM articles WHERE story_id = ? AND title IS NOT NULL "
                           "ORDER BY published IS NULL, published, rowid LIMIT 1", (sid,)).fetchone()
        labels[sid] = (row["title"] if row else None) or sid
    return labels


def conflict_fields(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT field FROM conflicts ORDER BY field")]
