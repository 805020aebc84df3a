"""Read-side queries of the analyst pages: map points, the entity index with counts, filtered conflicts,
and the CSV form of event and conflict lists. Used by serve/live_routes.py (pages and API alike)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Conflict, Event
from ..store import views
from .queries import EventFilter, Page, Reader, event_summary


# ---------------------------------------------------------------------------------------------- map
@dataclass
class MapPoint:
    id: str
    lat: float
    lon: float
    place: str
    country: str | None
    date: str | None
    event_type: str
    label: str
    sources: int
    modality: str

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def map_points(r: Reader, f: EventFilter, limit: int = 2000) -> tuple[list[MapPoint], int]:
    """Events whose place has coordinates, newest first;
    also how many events matching `f` have no coordinates."""
    ids = views.located_event_ids(r.conn, f, limit)  # the same filters as every event list
    events = r.events(EventFilter(ids=ids), newest_first=True) if ids else []
    points = []
    for ev in events:
        loc = ev.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        points.append(MapPoint(ev.id, float(loc.lat), float(loc.lon), loc.name or loc.text, loc.country, ev.date,
                               ev.event_type, event_summary(ev), ev.sources or len(ev.mentions), ev.modality))
    return points, max(r.count_events(f) - len(points), 0)


def project(points: list[MapPoint], width: int = 960, height: int = 480, *,
            mercator: bool = False) -> list[dict[str, Any]]:
    """x/y of each point: equirectangular on a `width` x `height` plot, or Web Mercator on a square `width`
    plot (what slippy-map tiles use; latitudes beyond +-85 are clamped)."""
    out = []
    for p in points:
        x = (p.lon + 180.0) / 360.0 * width
        if mercator:
            lat = math.radians(max(min(p.lat, 85.0511), -85.0511))
            y = (1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * width
        else:
            y = (90.0 - p.lat) / 180.0 * height
        out.append({**p.to_dict(), "x": round(x, 1), "y": round(y, 1), "r": 4 + 2 * min(p.sources, 6)})
    return out


TILE_ZOOM = 2  # 4 x 4 tiles: the whole world on one page


def tiles(template: str, size: int) -> list[dict[str, Any]]:
    """The tiles of the world at TILE_ZOOM from a {z}/{x}/{y} URL template, placed on a `size` square."""
    n = 2**TILE_ZOOM
    step = size / n
    return [{"href": template.replace("{z}", str(TILE_ZOOM)).replace("{x}", str(x)).replace("{y}", str(y)),
             "x": round(x * step, 1), "y": round(y * step, 1), "size": round(step, 1)}
            for y in range(n) for x in range(n)]


# ---------------------------------------------------------------------------------------------- entities
def entity_index(r: Reader, q: str | None, kind: str | None, limit: int, offset: int) -> Page:
    """Entities with the number of reports naming them and of events they act in or are the target of,
    most-reported first. `q` matches a part of the name or an alias."""
    ids = views.entity_ids(r.conn, q, kind, limit, offset, most_reported=True)
    by_id = {e.id: e for e in r.store.entities(ids)}
    found = [by_id[i] for i in ids if i in by_id]
    events = views.event_counts_by_entity(r.conn, ids)
    items = [{"id": e.id, "name": e.name, "kind": e.kind, "country": e.country,
              "aliases": [a for a in e.aliases if a != e.name], "articles": len(e.articles),
              "events": events.get(e.id, 0)} for e in found]
    return Page(items, views.count_entities(r.conn, q, kind), limit, offset)


# ---------------------------------------------------------------------------------------------- conflicts
@dataclass
class ConflictFilter:
    field: str | None = None
    story: str | None = None
    outlet: str | None = None  # one of the disagreeing outlets contains this
    q: str | None = None  # words in the explanation or the quoted sentences
    hide_background: bool = False  # drop conflicts all of whose events are background references


def conflicts(r: Reader, f: ConflictFilter) -> list[Conflict]:
    found = [c for c in r.conflicts(story=f.story) if not f.field or c.field == f.field]
    if f.outlet:
        needle = f.outlet.lower()
        found = [c for c in found if any(needle in (v.outlet or "").lower() for v in c.values)]
    if f.q:
        words = f.q.lower().split()
        found = [c for c in found
                 if all(w in (c.explanation + " " + " ".join(v.sentence for v in c.values)).lower() for w in words)]
    if f.hide_background and found:
        ids = sorted({e for c in found for e in c.event_ids})
        modality = {ev.id: ev.modality for ev in r.events(EventFilter(ids=ids))}
        found = [c for c in found if any(modality.get(e) != "historical" for e in c.event_ids)]
    return found


def conflict_stories(r: Reader) -> dict[str, str]:
    """story id -> label, for the stories that have conflicts (the conflicts page's story filter)."""
    return views.conflict_story_labels(r.conn)


def conflict_fields(r: Reader) -> list[str]:
    return views.conflict_fields(r.conn)


# ---------------------------------------------------------------------------------------------- CSV
EVENT_COLUMNS = ["id", "date", "date_precision", "date_from", "event_type", "mode", "actor", "recipient", "modality",
                 "attributed_to", "place", "country", "lat", "lon", "sources", "confidence", "story_id",
                 "outlets", "article_ids", "evidence"]
CONFLICT_COLUMNS = ["id", "field", "explanation", "event_ids", "value", "outlet", "article_id", "sentence"]


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading = + - @ would make it a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _write(columns: list[str], rows: Iterable[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([_cell(v) for v in row])
    return buf.getvalue()


def events_csv(r: Reader, events: list[Event]) -> str:
    outlets = r.outlets()

    def row(ev: Event) -> list[Any]:
        loc = ev.location
        outs = sorted({outlets.get(m.article_id, {}).get("outlet") or "" for m in ev.mentions} - {""})
        return [ev.id, ev.date, ev.date_precision, ev.date_source(), ev.event_type, ev.mode,
                "; ".join(a.name for a in ev.actor),
                "; ".join(a.name for a in ev.recipient), ev.modality, ev.attributed_to,
                loc.name or loc.text if loc else None, loc.country if loc else None, loc.lat if loc else None,
                loc.lon if loc else None, ev.sources or len(ev.mentions), round(ev.confidence, 3), ev.story_id,
                "; ".join(outs), "; ".join(dict.fromkeys(m.article_id for m in ev.mentions)),
                ev.mentions[0].sentence if ev.mentions else None]

    return _write(EVENT_COLUMNS, (row(ev) for ev in events))


def conflicts_csv(found: list[Conflict]) -> str:
    """One line per (conflict, disagreeing value): what each outlet says."""
    return _write(CONFLICT_COLUMNS, ([c.id, c.field, c.explanation, "; ".join(c.event_ids), v.value, v.outlet,
                                      v.article_id, v.sentence] for c in found for v in c.values))


def entity_kinds(r: Reader) -> list[str]:
    return views.entity_kinds(r.conn)
