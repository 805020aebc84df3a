"""The embedded SQLite store: articles, extraction results, events, stories and conflicts.

Opened in WAL mode with foreign keys on, so a web server can read while an ingest writes. Every write path
goes through `transaction()`; an interrupted ingest therefore leaves whole articles or nothing.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFoundError, StoreError
from ..model import (
    Actor,
    Article,
    Conflict,
    ConflictValue,
    Entity,
    EntityMention,
    Event,
    EventMention,
    Location,
    Quantity,
    Story,
    Timex,
)
from . import entity_merges, search
from .mention_cache import EventCache, MentionCache
from .migrations import MIGRATIONS
from .search import fts_query, fts_words  # noqa: F401 - re-exported for older imports

MEMORY = ":memory:"


def default_db_path() -> Path:
    """`$WIREWATCH_DB`, else `$XDG_DATA_HOME/wirewatch/wirewatch.db` (~/.local/share/...)."""
    env = os.environ.get("WIREWATCH_DB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wirewatch" / "wirewatch.db"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


_FIELDS: dict[type, tuple[str, ...]] = {}


def flat(obj: Actor | Location | Quantity) -> dict[str, Any]:
    """`dataclasses.asdict` of a record whose fields are plain values (Actor, Location, Quantity), in field
    order: asdict recurses and deep-copies every value, a tenth of the write path's time for the same dict."""
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    return {n: getattr(obj, n) for n in names}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _actors(raw: str | None) -> list[Actor]:
    return [Actor(**a) for a in json.loads(raw or "[]")]


def _location(raw: str | None) -> Location | None:
    return Location(**json.loads(raw)) if raw else None


class Store:
    """The wirewatch database. `Store(":memory:")` for tests; `Store()` opens the default location."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = str(path) if path is not None else str(default_db_path())
        self.readonly = readonly
        try:
            if self.path != MEMORY and not readonly:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            if readonly:
                if self.path != MEMORY and not Path(self.path).exists():
                    raise StoreError(f"no database at {self.path}")
                uri = f"file:{Path(self.path).resolve()}?mode=ro" if self.path != MEMORY else self.path
                self.conn = sqlite3.connect(uri, uri=self.path != MEMORY, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        # Autocommit mode: transactions are explicit (BEGIN/COMMIT in `transaction`).
        self.conn.isolation_level = None
        self._depth = 0
        self.stale_events: set[str] = set()
        self._unsealed: set[str] = set()  # articles whose mentions were written in the open transaction
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self._check_is_ours()
            if not readonly:
                if self.path != MEMORY:
                    self.conn.execute("PRAGMA journal_mode = WAL")
                    self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
        except sqlite3.DatabaseError as exc:  # "file is not a database": /etc/passwd, a PDF, a truncated copy
            self.conn.close()
            raise StoreError(f"{self.path} is not a wirewatch database: {exc}") from exc
        except StoreError:
            self.conn.close()
            raise

    # ------------------------------------------------------------------ plumbing
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nested calls join the outer transaction."""
        if getattr(self, "_depth", 0):
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self.conn.execute("BEGIN IMMEDIATE")
        stale = set(self.stale_events)  # what the transaction adds to it goes with a rollback
        try:
            yield self.conn
            # Always fused: a mention no fusion step grouped (connect off) leaves as a one-mention event.
            self.seal_mentions(sorted(self._unsealed))
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.stale_events = stale
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0
            self._unsealed = set()

    def _check_is_ours(self) -> None:
        """Refuse another program's SQLite file rather than add our tables to it (or fail on a missing one)."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_migrations" in tables or (not tables and not self.readonly):
            return  # ours, or a new empty file to create
        found = f"it has other tables ({', '.join(sorted(tables)[:5])})" if tables else "it is empty"
        raise StoreError(f"{self.path} is not a wirewatch database: {found}; give another --db / WIREWATCH_DB")

    def schema_version(self) -> int:
        try:
            row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0] or 0)

    def migrations(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        return [dict(r) for r in rows]

    def migrate(self) -> list[int]:
        """Apply missing migrations; returns the versions applied."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        have = self.schema_version()
        latest = max(m.version for m in MIGRATIONS)
        if have > latest:
            raise StoreError(
                f"{self.path} has schema version {have}, newer than this wirewatch knows ({latest}); upgrade"
            )
        applied = []
        self._depth = 0
        for m in MIGRATIONS:
            if m.version <= have:
                continue
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for stmt in _split_sql(m.sql):
                    self.conn.execute(stmt)
                if m.step:
                    self._depth = 1  # the step's writes join the migration's transaction
                    try:
                        getattr(self, m.step)()
                    finally:
                        self._depth = 0
                self.conn.execute(
                    "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, now_iso()),
                )
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {m.version} ({m.name}) failed on {self.path}: {exc}") from exc
            applied.append(m.version)
        return applied

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_published(self, article_id: str) -> str | None:
        """The article's publication date (None when unknown or no such article)."""
        row = self.conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def article_row(self, article_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    def find_by_hash(self, content_hash: str) -> str | None:
        """The canonical (first stored, non-duplicate where possible) article with this content hash."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY duplicate_of IS NOT NULL, rowid LIMIT 1",
            (content_hash,),
        ).fetchone()
        return row["id"] if row else None

    def insert_article(self, a: Article) -> bool:
        """Insert a new article; False (and nothing written) when the id is already stored, e.g. by a
        concurrent writer since the caller looked: the caller decides, the store never raises for it."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO articles(id, title, outlet, published, dateline, url, language, source, "
                "content_hash, duplicate_of, duplicate_kind, story_id, text, meta, ingested_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
                (
                    a.id, a.title, a.outlet, a.published, a.dateline, a.url, a.language, a.source,
                    a.content_hash, a.duplicate_of, a.duplicate_kind, a.story_id, a.text,
                    _dumps(a.meta), now_iso(),
                ),
            )
            return cur.rowcount == 1

    def replace_article(self, a: Article) -> None:
        """Update an article whose source changed; its extraction results are cleared for a re-run."""
        with self.transaction() as c:
            self.clear_extraction(a.id)
            c.execute(
                "UPDATE articles SET title=?, outlet=?, published=?, dateline=?, url=?, language=?, source=?, "
                "content_hash=?, duplicate_of=?, duplicate_kind=?, text=?, meta=?, ingested_at=?, "
                "extracted_at=NULL WHERE id=?",
                (
                    a.title, a.outlet, a.published, a.dateline, a.url, a.language, a.source, a.content_hash,
                    a.duplicate_of, a.duplicate_kind, a.text, _dumps(a.meta), now_iso(), a.id,
                ),
            )

    def set_story(self, article_id: str, story_id: str | None) -> None:
        self.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def get_article(self, article_id: str, *, with_extraction: bool = False) -> Article:
        row = self.article_row(article_id)
        if row is None:
            raise NotFoundError(f"no article {article_id!r}")
        art = self._article_from_row(row)
        if with_extraction:
            self._load_extraction(art)
        return art

    def _article_from_row(self, row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"], text=row["text"], title=row["title"], outlet=row["outlet"],
            published=row["published"], dateline=row["dateline"], url=row["url"],
            language=row["language"], source=row["source"], content_hash=row["content_hash"],
            duplicate_of=row["duplicate_of"], duplicate_kind=row["duplicate_kind"],
            story_id=row["story_id"], meta=json.loads(row["meta"] or "{}"),
        )

    def iter_articles(self) -> Iterator[Article]:
        """Every article in arrival order (`articles_by_ids` or store/views.py's `articles_page` for some)."""
        for row in self.conn.execute("SELECT * FROM articles ORDER BY rowid"):
            yield self._article_from_row(row)

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]:
        """These articles (the ones stored), in arrival order."""
        rows = self.conn.execute("SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
                                 (_dumps(list(ids)),))
        return [self._article_from_row(r) for r in rows]

    def count(self, table: str) -> int:
        if table not in {"articles", "entities", "events", "event_mentions", "conflicts", "timexes"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def record_error(self, err: InputError) -> None:
        self.conn.execute(
            "INSERT INTO ingest_errors(source, line, reason, at) VALUES (?,?,?,?)",
            (err.source, err.line, err.reason, now_iso()),
        )

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 10, offset: int = 0) -> list[dict[str, Any]]:
        """Ranked full-text hits (store/search.py: the one search; hits marked HIT_OPEN ... HIT_CLOSE)."""
        return search.search(self.conn, query, limit, offset)[0]

    def search_page(self, query: str, limit: int = 10, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """(hits, total) of store/search.py's `search`."""
        return search.search(self.conn, query, limit, offset)

    # ------------------------------------------------------------------ extraction results
    def clear_extraction(self, article_id: str) -> None:
        """Drop an article's extraction results. Events left without mentions are deleted with their
        conflicts; events that keep other mentions are remembered in `stale_events` for re-aggregation."""
        c = self.conn
        touched = [
            r[0]
            for r in c.execute(
                "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ? AND event_id IS NOT NULL",
                (article_id,),
            )
        ]
        c.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article_id,))
        c.execute("DELETE FROM timexes WHERE article_id = ?", (article_id,))
        c.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
        self._drop_emptied(touched)

    def _drop_emptied(self, event_ids: Sequence[str]) -> None:
        """Events that lost mentions: deleted with their conflicts when none is left (no event without
        evidence), else remembered in `stale_events` for re-aggregation."""
        c = self.conn
        for eid in event_ids:
            if c.execute("SELECT 1 FROM event_mentions WHERE event_id = ? LIMIT 1", (eid,)).fetchone():
                self.stale_events.add(eid)
                continue
            for (cid,) in c.execute("SELECT conflict_id FROM conflict_events WHERE event_id = ?", (eid,)).fetchall():
                c.execute("DELETE FROM conflicts WHERE id = ?", (cid,))
            c.execute("DELETE FROM events WHERE id = ?", (eid,))
            self.stale_events.discard(eid)

    def clear_fusion(self) -> None:
        """Drop every fused event and conflict; mentions stay, unfused. A full re-extraction starts from here,
        so its result does not depend on the events an earlier run left behind (re-running is idempotent).
        Readers see no event until the articles are written again; `seal_mentions()` (no ids) afterwards
        gives any mention still loose (an article whose re-extraction failed) its one-mention event."""
        with self.transaction() as c:
            c.execute("DELETE FROM conflicts")  # conflict_events cascade
            c.execute("UPDATE event_mentions SET event_id = NULL WHERE event_id IS NOT NULL")
            c.execute("DELETE FROM events")
        self.stale_events = set()

    def save_extraction(self, a: Article) -> None:
        """Replace the article's entity mentions, timexes and event mentions; upsert its entities."""
        with self.transaction() as c:
            self.clear_extraction(a.id)
            for e in a.entities:
                self.upsert_entity(e)
            c.executemany(
                'INSERT INTO entity_mentions(article_id, entity_id, start, "end", text, kind) '
                "VALUES (?,?,?,?,?,?)",
                [(a.id, m.entity_id, m.start, m.end, m.text, m.kind) for m in a.entity_mentions],
            )
            c.executemany(
                'INSERT INTO timexes(article_id, start, "end", text, type, value, precision) '
                "VALUES (?,?,?,?,?,?,?)",
                [(a.id, t.start, t.end, t.text, t.type, t.value, t.precision) for t in a.timexes],
            )
            for i, m in enumerate(a.events):
                m.id = m.id or f"{a.id}#m{i}"
                self._insert_mention(m)
            if a.events:
                self._unsealed.add(a.id)
            c.execute("UPDATE articles SET extracted_at = ? WHERE id = ?", (now_iso(), a.id))

    def upsert_entity(self, e: Entity) -> None:
        row = self.conn.execute("SELECT aliases, titles, country, lat, lon FROM entities WHERE id = ?", (e.id,))
        old = row.fetchone()
        if old is None:
            self.conn.execute(
                "INSERT INTO entities(id, name, kind, country, aliases, titles, lat, lon) VALUES (?,?,?,?,?,?,?,?)",
                (e.id, e.name, e.kind, e.country, _dumps(sorted(set(e.aliases))),
                 _dumps(sorted(set(e.titles))), e.lat, e.lon),
            )
            return
        aliases = sorted(set(json.loads(old["aliases"])) | set(e.aliases))
        titles = sorted(set(json.loads(old["titles"])) | set(e.titles))
        self.conn.execute(
            "UPDATE entities SET aliases=?, titles=?, country=coalesce(country, ?), lat=coalesce(lat, ?), "
            "lon=coalesce(lon, ?) WHERE id=?",
            (_dumps(aliases), _dumps(titles), e.country, e.lat, e.lon, e.id),
        )

    def merge_entities(self, mapping: dict[str, str], merged_entities: Sequence[Entity]) -> int:
        """Merge stored entities old id -> canonical id (extract.entity_merge decides which, and gives the
        canonical entities with the aliases and titles they absorbed): mentions and the participants' links
        move to the canonical entity; the old row goes."""
        merged = {e.id: e for e in merged_entities}
        with self.transaction() as c:
            for e in merged.values():
                c.execute("UPDATE entities SET aliases=?, titles=?, country=? WHERE id=?",
                          (_dumps(sorted(set(e.aliases))), _dumps(sorted(set(e.titles))), e.country, e.id))
            # Only the reports that name a merged entity can hold participants that link to it (indexed).
            arts = [r[0] for r in c.execute(
                "SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id IN (SELECT value FROM json_each(?))",
                (_dumps(sorted(mapping)),))]
            for old, new in mapping.items():
                c.execute("UPDATE entity_mentions SET entity_id=? WHERE entity_id=?", (new, old))
                c.execute("DELETE FROM entities WHERE id=?", (old,))
            entity_merges.record(c, mapping, now_iso())  # old ids keep resolving (links, watch rules)
            scope = {
                "event_mentions": "SELECT id, actor, recipient FROM event_mentions "
                                  "WHERE article_id IN (SELECT value FROM json_each(?))",
                "events": "SELECT id, actor, recipient FROM events WHERE id IN (SELECT event_id FROM event_mentions "
                          "WHERE article_id IN (SELECT value FROM json_each(?)))",
            }
            for table, sql in scope.items():
                for r in c.execute(sql, (_dumps(arts),)).fetchall():
                    cols = {k: json.loads(r[k]) for k in ("actor", "recipient")}
                    hit = False
                    for parts in cols.values():
                        for p in parts:
                            if p.get("entity_id") in mapping:
                                p["entity_id"], hit = mapping[p["entity_id"]], True
                    if hit:
                        c.execute(f"UPDATE {table} SET actor=?, recipient=? WHERE id=?",
                                  (_dumps(cols["actor"]), _dumps(cols["recipient"]), r["id"]))
        return len(mapping)

    def _insert_mention(self, m: EventMention) -> None:
        self.conn.execute(
            "INSERT INTO event_mentions(id, article_id, event_id, event_type, mode, context, actor, recipient, "
            'modality, attributed_to, date, date_precision, location, quantities, sentence, start, "end", '
            "trigger, trigger_start, trigger_end, date_from, type_confidence) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                m.id, m.article_id, m.event_id, m.event_type, m.mode, _dumps(m.context),
                _dumps([flat(a) for a in m.actor]), _dumps([flat(a) for a in m.recipient]),
                m.modality, m.attributed_to, m.date, m.date_precision,
                _dumps(flat(m.location)) if m.location else None,
                _dumps([flat(q) for q in m.quantities]), m.sentence, m.start, m.end,
                m.trigger, m.trigger_start, m.trigger_end, m.date_from, m.type_confidence,
            ),
        )

    def _load_extraction(self, a: Article) -> None:
        a.entity_mentions = [
            EntityMention(start=r["start"], end=r["end"], text=r["text"], kind=r["kind"], entity_id=r["entity_id"])
            for r in self.conn.execute(
                "SELECT * FROM entity_mentions WHERE article_id = ? ORDER BY start", (a.id,)
            )
        ]
        a.timexes = [
            Timex(start=r["start"], end=r["end"], text=r["text"], type=r["type"], value=r["value"],
                  precision=r["precision"])
            for r in self.conn.execute("SELECT * FROM timexes WHERE article_id = ? ORDER BY start", (a.id,))
        ]
        a.events = self.mentions_of(a.id)

    def mentions(self) -> list[EventMention]:
        """Every event mention, by article and position (`mentions_of`, `mentions_in` for some)."""
        return self._mentions_where("", ())

    def _mentions_where(self, where: str, params: Sequence[Any],
                        cache: MentionCache | None = None) -> list[EventMention]:
        # `where` is SQL written inside this package, never a caller's text.
        sql = "SELECT * FROM event_mentions" + (f" WHERE {where}" if where else "") + " ORDER BY article_id, start"
        rows = self.conn.execute(sql, tuple(params))
        if cache is None:
            return [self._mention_from_row(r) for r in rows]
        return [cache.get(r, self._mention_from_row) for r in rows]

    def mentions_of(self, article_id: str) -> list[EventMention]:
        """The article's event mentions, in text order."""
        return self.mentions_in(event_ids=None, article_ids=[article_id])

    def mentions_in(self, *, event_ids: Sequence[str] | None = None, article_ids: Sequence[str] | None = None,
                    cache: MentionCache | None = None) -> list[EventMention]:
        """Mentions held by these events and/or written by these articles, by article and position."""
        parts, params = [], []
        if event_ids is not None:
            parts.append("event_id IN (SELECT value FROM json_each(?))")
            params.append(_dumps(list(event_ids)))
        if article_ids is not None:
            parts.append("article_id IN (SELECT value FROM json_each(?))")
            params.append(_dumps(list(article_ids)))
        return self._mentions_where(" AND ".join(parts), params, cache)

    @staticmethod
    def _mention_from_row(r: sqlite3.Row) -> EventMention:
        return EventMention(
            id=r["id"], article_id=r["article_id"], event_id=r["event_id"], event_type=r["event_type"],
            mode=r["mode"], context=json.loads(r["context"]), actor=_actors(r["actor"]),
            recipient=_actors(r["recipient"]), modality=r["modality"], attributed_to=r["attributed_to"],
            date=r["date"], date_precision=r["date_precision"], location=_location(r["location"]),
            quantities=[Quantity(**q) for q in json.loads(r["quantities"])], sentence=r["sentence"],
            start=r["start"], end=r["end"], trigger=r["trigger"], trigger_start=r["trigger_start"],
            trigger_end=r["trigger_end"], date_from=r["date_from"], type_confidence=r["type_confidence"],
        )

    # ------------------------------------------------------------------ entities
    def entities(self, ids: Sequence[str] | None = None) -> list[Entity]:
        """Entities (these ids; all when None) by name, each with the articles naming it."""
        where, params = "", tuple[str, ...]()
        if ids is not None:
            where, params = " WHERE e.id IN (SELECT value FROM json_each(?))", (_dumps(list(ids)),)
        sql = (
            "SELECT e.*, (SELECT json_group_array(DISTINCT article_id) FROM entity_mentions m "
            "WHERE m.entity_id = e.id) AS arts FROM entities e" + where + " ORDER BY e.name"
        )
        out = []
        for r in self.conn.execute(sql, params):
            out.append(Entity(
                id=r["id"], name=r["name"], kind=r["kind"], country=r["country"],
                aliases=json.loads(r["aliases"]), titles=json.loads(r["titles"]), lat=r["lat"], lon=r["lon"],
                articles=sorted(json.loads(r["arts"] or "[]")),
            ))
        return out

    # ------------------------------------------------------------------ events
    def save_event(self, ev: Event) -> None:
        with self.transaction() as c:
            c.execute(
                # An upsert, not INSERT OR REPLACE: a replace deletes the row first, and the foreign keys
                # then unlink every mention (and conflict) of the event, not just the ones saved here.
                "INSERT INTO events(id, event_type, mode, context, actor, recipient, modality, "
                "attributed_to, date, date_precision, location, story_id, sources, confidence, "
                "confidence_reasons) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "event_type = excluded.event_type, mode = excluded.mode, context = excluded.context, "
                "actor = excluded.actor, recipient = excluded.recipient, modality = excluded.modality, "
                "attributed_to = excluded.attributed_to, date = excluded.date, "
                "date_precision = excluded.date_precision, location = excluded.location, "
                "story_id = excluded.story_id, sources = excluded.sources, confidence = excluded.confidence, "
                "confidence_reasons = excluded.confidence_reasons",
                (
                    ev.id, ev.event_type, ev.mode, _dumps(ev.context), _dumps([flat(a) for a in ev.actor]),
                    _dumps([flat(a) for a in ev.recipient]), ev.modality, ev.attributed_to, ev.date,
                    ev.date_precision, _dumps(flat(ev.location)) if ev.location else None, ev.story_id,
                    ev.sources, ev.confidence, _dumps(ev.confidence_reasons),
                ),
            )
            ids = [m.id for m in ev.mentions if m.id]
            moved = [r[0] for r in c.execute(
                "SELECT DISTINCT event_id FROM event_mentions WHERE id IN (SELECT value FROM json_each(?)) "
                "AND event_id IS NOT NULL AND event_id != ?", (_dumps(ids), ev.id))]
            # One statement for all: an event of hundreds of mentions was hundreds of UPDATEs per save.
            c.execute("UPDATE event_mentions SET event_id = ? WHERE id IN (SELECT value FROM json_each(?)) "
                      "AND event_id IS NOT ?", (ev.id, _dumps(ids), ev.id))
            # A mention that joins this event leaves its one-mention event (or an older one) behind.
            self._drop_emptied(moved)

    def free_event_id(self, base: str, mention_id: str | None) -> str:
        """`base` (a new event's id, derived from its first mention) unless an event of that id already holds
        other mentions (an updated article's mention that no longer matches its old event): then `base-2`,
        `base-3`, ... so the new event never takes over the old one."""
        candidate, n = base, 1
        while self.conn.execute(
            "SELECT 1 FROM event_mentions WHERE event_id = ? AND id IS NOT ? LIMIT 1", (candidate, mention_id)
        ).fetchone():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def event_of_mention(self, mention_id: str) -> str | None:
        """The id of the event that holds this mention (links made when a lone mention was served under
        its own id, e.g. `A#m0`, still find it)."""
        row = self.conn.execute("SELECT event_id FROM event_mentions WHERE id = ?", (mention_id,)).fetchone()
        return row[0] if row else None

    def seal_mentions(self, article_ids: Sequence[str] | None = None) -> int:
        """Give every mention that no event holds (of these articles; of all when None) its one-mention
        event, so readers only ever read events. Returns how many events were made.

        The event is what fusion makes of a mention that matches nothing (connect.fusion's id and
        aggregate), counted as one source with no corroboration yet."""
        if article_ids is not None and not article_ids:
            return 0
        sql = ("SELECT m.*, a.story_id AS article_story FROM event_mentions m JOIN articles a ON a.id = m.article_id "
               "WHERE m.event_id IS NULL")
        params: tuple[Any, ...] = ()
        if article_ids is not None:
            sql += " AND m.article_id IN (SELECT value FROM json_each(?))"
            params = (_dumps(list(article_ids)),)
        rows = self.conn.execute(sql + " ORDER BY m.article_id, m.start, m.id", params).fetchall()
        if not rows:
            return 0
        from ..connect.fusion import aggregate, event_id_for  # connect imports the store: import when used

        for r in rows:
            m = self._mention_from_row(r)
            ev = aggregate(Event(id=self.free_event_id(event_id_for(m), m.id), event_type=m.event_type, mentions=[m],
                                 story_id=r["article_story"], sources=1))
            self.save_event(ev)
        return len(rows)

    def events(self, *, limit: int | None = None, offset: int = 0) -> list[Event]:
        """Events with their mentions, by date (undated last), then id. Every stored mention belongs to one
        (see `seal_mentions`); `events_by_ids`, `events_by_story`, store/events.py and store/views.py select."""
        return self._events_where("", (), limit=limit, offset=offset)

    def _events_where(self, where: str, params: Sequence[Any], *, limit: int | None = None,
                      offset: int = 0, cache: MentionCache | None = None,
                      events: EventCache | None = None, copies: bool = False) -> list[Event]:
        # `where` is SQL written inside this package (store/events.py), never a caller's text.
        sql = "SELECT * FROM events" + (f" WHERE {where}" if where else "") + " ORDER BY date IS NULL, date, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self.conn.execute(sql, tuple(params)).fetchall()
        # Mentions for all these events in a few queries rather than one per event.
        by_event: dict[str, list[EventMention]] = {}
        ids = [r["id"] for r in rows]
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for m in self.mentions_in(event_ids=chunk, cache=cache):
                by_event.setdefault(m.event_id or "", []).append(m)
        if events is not None:
            return [events.get(r, by_event.get(r["id"], []), self._event_from_row, copy=copies) for r in rows]
        out = []
        for r in rows:
            ev = self._event_from_row(r)
            ev.mentions = by_event.get(ev.id, [])
            out.append(ev)
        return out

    @staticmethod
    def _event_from_row(r: sqlite3.Row) -> Event:
        return Event(
            id=r["id"], event_type=r["event_type"], mode=r["mode"], context=json.loads(r["context"]),
            actor=_actors(r["actor"]), recipient=_actors(r["recipient"]), modality=r["modality"],
            attributed_to=r["attributed_to"], date=r["date"], date_precision=r["date_precision"],
            location=_location(r["location"]), story_id=r["story_id"], sources=r["sources"],
            confidence=r["confidence"], confidence_reasons=json.loads(r["confidence_reasons"]),
        )

    def events_by_ids(self, ids: Sequence[str], *, cache: MentionCache | None = None,
                      events: EventCache | None = None) -> list[Event]:
        """`cache`: parsed mentions to reuse where their stored row is unchanged (see MentionCache);
        `events`: parsed events to reuse where their row and their mentions are unchanged (read-only
        callers only: the objects are shared between reads)."""
        ids = sorted(set(ids))
        if not ids:
            return []
        return self._events_where("id IN (SELECT value FROM json_each(?))", (_dumps(ids),), cache=cache,
                                  events=events)

    def events_by_story(self, story_id: str) -> list[Event]:
        """The story's events, by date."""
        return self._events_where("story_id = ?", (story_id,))

    def newest_event_ids_of_story(self, story_id: str, limit: int) -> list[str]:
        """The ids of the story's `limit` most recently stored events, newest first (fusion's refit)."""
        sql = "SELECT id FROM events WHERE story_id = ? ORDER BY rowid DESC LIMIT ?"
        return [r[0] for r in self.conn.execute(sql, (story_id, limit))]

    # ------------------------------------------------------------------ conflicts and stories
    def save_conflict(self, c: Conflict) -> None:
        self.conn.execute(
            'INSERT OR REPLACE INTO conflicts(id, field, event_ids, "values", explanation, confidence) '
            "VALUES (?,?,?,?,?,?)",
            (c.id, c.field, _dumps(c.event_ids), _dumps([asdict(v) for v in c.values]), c.explanation,
             c.confidence),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO conflict_events(conflict_id, event_id) VALUES (?, ?)",
            [(c.id, e) for e in c.event_ids],
        )

    def conflicts(self) -> list[Conflict]:
        """Every conflict, surest pairings first (see connect/conflicts.py)."""
        sql = "SELECT * FROM conflicts ORDER BY confidence DESC, id"
        return [
            Conflict(
                id=r["id"], field=r["field"], event_ids=json.loads(r["event_ids"]),
                values=[ConflictValue(**v) for v in json.loads(r["values"])], explanation=r["explanation"],
                confidence=r["confidence"],
            )
            for r in self.conn.execute(sql)
        ]

    def stories(self) -> list[Story]:
        """Stories as the articles' story ids group them, with the clusterer's label and key entities
        (falling back to the earliest article's title), ordered by their first date."""
        out: dict[str, Story] = {}
        for r in self.conn.execute(
            "SELECT a.id, a.title, a.published, a.story_id, c.label, c.key_entities FROM articles a "
            "LEFT JOIN story_clusters c ON c.id = a.story_id WHERE a.story_id IS NOT NULL "
            "ORDER BY a.published IS NULL, a.published, a.rowid"
        ):
            s = out.get(r["story_id"])
            if s is None:
                s = out[r["story_id"]] = Story(
                    id=r["story_id"], label=r["label"] or r["title"] or "",
                    key_entities=json.loads(r["key_entities"] or "[]"),
                )
            s.article_ids.append(r["id"])
            if r["published"]:
                s.start = min(s.start or r["published"], r["published"])
                s.end = max(s.end or r["published"], r["published"])
            if not s.label and r["title"]:
                s.label = r["title"]
        return sorted(out.values(), key=lambda s: (s.start is None, s.start or "", s.id))


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements; trigger bodies (BEGIN ... END;) stay whole."""
    out, buf, depth = [], [], 0
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        if re.search(r"\bBEGIN\s*$", stripped):
            depth += 1
        if stripped.endswith(";"):
            if depth and stripped.upper() == "END;":
                depth -= 1
            if not depth:
                out.append("\n".join(buf))
                buf = []
    if buf:
        out.append("\n".join(buf))
    return out
