"""Routes of the live and analyst layer: watch-rule Atom feeds, sources/watch/alerts API, the map, the
entity index, the conflicts page and CSV downloads. `create_app` includes `api_router`, `feeds_router`
and `pages_router` (before the web UI, so /entities/ is the index and not an entity called "").

Every route depends on `require_read`: with reads locked, feeds and CSV need the token like any page
(feed readers send it as the password of HTTP Basic auth)."""

from __future__ import annotations

import os
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..store import sources as db
from . import analyst
from .api import CSP, DATE, ERRORS, MAX_LIMIT, ListResponse, ReaderDep, require_read
from .queries import MAX_INT, EventFilter, Page

CSV_TYPE = "text/csv; charset=utf-8"
CSV_MAX = 10_000  # rows per CSV download

api_router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)
feeds_router = APIRouter(dependencies=[Depends(require_read)], responses=ERRORS, tags=["feeds"])
pages_router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])

Type = Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")]
Actor = Annotated[str | None, Query(description="entity id, or part of the actor's name")]
Recipient = Annotated[str | None, Query(description="entity id, or part of the recipient's name")]
Country = Annotated[str | None, Query(description="ISO 3166-1 alpha-3 of an actor, recipient or place")]
Since = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
Until = Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")]
Story = Annotated[str | None, Query(description="story id")]
MinSources = Annotated[int | None, Query(ge=1, le=MAX_INT, description="at least this many independent outlets")]
HideBackground = Annotated[bool, Query(description="leave out background references (modality historical)")]


def _filter(type: str | None = None, actor: str | None = None, recipient: str | None = None,
            country: str | None = None, modality: str | None = None, since: str | None = None,
            until: str | None = None, story: str | None = None, min_sources: int | None = None,
            hide_background: bool = False) -> EventFilter:
    # Empty form fields arrive as "": they mean "no filter".
    return EventFilter(type=type or None, actor=actor or None, recipient=recipient or None,
                       country=country or None, modality=modality or None, since=since or None,
                       until=until or None, story=story or None, min_sources=min_sources,
                       hide_background=hide_background)


def _csv(body: str, name: str) -> Response:
    return Response(body, media_type=CSV_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'})


# ---------------------------------------------------------------------------------------------- API
@api_router.get("/sources", response_model=ListResponse, summary="Followed feeds and sitemaps with their health")
def api_sources(r: ReaderDep) -> dict[str, Any]:
    items = [s.to_dict() for s in db.list_sources(r.store)]
    return Page(items, len(items), len(items), 0).to_dict()


@api_router.get("/watch", response_model=ListResponse, summary="Watch rules (webhook URLs are not shown)")
def api_watch(r: ReaderDep) -> dict[str, Any]:
    items = []
    for rule in db.list_rules(r.store):
        rec = rule.to_dict()
        rec["webhook"] = bool(rule.webhook)
        rec["feed"] = f"/feeds/watch/{rule.name}.atom"
        rec["alerts"] = len(db.alerts(r.store, rule=rule.name))
        items.append(rec)
    return Page(items, len(items), len(items), 0).to_dict()


@api_router.get("/alerts", response_model=ListResponse, summary="Alerts of watch rules, newest change first")
def api_alerts(r: ReaderDep, rule: Annotated[str | None, Query(description="rule name")] = None,
               since: Annotated[str | None, Query(description="changed on/after this ISO date or time")] = None,
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
               offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0) -> dict[str, Any]:
    if rule is not None:
        db.get_rule(r.store, rule)  # 404 for an unknown rule
    found = db.alerts(r.store, rule=rule, since=since)
    page = found[offset: offset + limit]
    events = {ev.id: ev for ev in r.events(EventFilter(ids=[a.event_id for a in page]))} if page else {}
    items = [{**a.to_dict(), "event": r.event_json(events[a.event_id]) if a.event_id in events else None}
             for a in page]
    return Page(items, len(found), limit, offset).to_dict()


@api_router.get("/map", response_model=ListResponse, summary="Events with coordinates (for a map)")
def api_map(r: ReaderDep, type: Type = None, actor: Actor = None, country: Country = None, since: Since = None,
            until: Until = None, story: Story = None, hide_background: HideBackground = False) -> dict[str, Any]:
    points, _ = analyst.map_points(r, _filter(type, actor, None, country, None, since, until, story,
                                              hide_background=hide_background))
    return Page([p.to_dict() for p in points], len(points), len(points), 0).to_dict()


@api_router.get("/entity-index", response_model=ListResponse,
                summary="Entities with report and event counts, most reported first")
def api_entity_index(r: ReaderDep, q: Annotated[str | None, Query(description="part of a name or alias")] = None,
                     kind: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
                     limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
                     offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0) -> dict[str, Any]:
    return analyst.entity_index(r, q, kind, limit, offset).to_dict()


@api_router.get("/events.csv", summary="Events as CSV (same filters as /api/events)",
                response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def api_events_csv(r: ReaderDep, type: Type = None, actor: Actor = None, recipient: Recipient = None,
                   country: Country = None, modality: Annotated[str | None, Query()] = None, since: Since = None,
                   until: Until = None, story: Story = None, min_sources: MinSources = None,
                   hide_background: HideBackground = False) -> Response:
    f = _filter(type, actor, recipient, country, modality, since, until, story, min_sources, hide_background)
    return _csv(analyst.events_csv(r, r.events(f, CSV_MAX, newest_first=True)), "events.csv")


@api_router.get("/conflicts.csv", summary="Conflicts as CSV, one line per disagreeing value",
                response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def api_conflicts_csv(r: ReaderDep, field: Annotated[str | None, Query(description="date, quantity, ...")] = None,
                      story: Story = None, outlet: Annotated[str | None, Query(description="part of an outlet")] = None,
                      q: Annotated[str | None, Query(description="words in explanation or sentences")] = None,
                      hide_background: HideBackground = False) -> Response:
    found = analyst.conflicts(r, analyst.ConflictFilter(field or None, story or None, outlet or None, q or None,
                                                         hide_background))
    return _csv(analyst.conflicts_csv(found[:CSV_MAX]), "conflicts.csv")


# ---------------------------------------------------------------------------------------------- Atom
@feeds_router.get("/feeds/watch/{name}.atom", summary="Atom feed of a watch rule's alerts",
                  response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def watch_feed(name: str, request: Request, r: ReaderDep,
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100) -> Response:
    from .atomfeed import render

    rule = db.get_rule(r.store, name)
    found = db.alerts(r.store, rule=name, limit=limit)
    events = {ev.id: ev for ev in r.events(EventFilter(ids=[a.event_id for a in found]))} if found else {}
    body = render(rule, found, events, r.outlets(), str(request.base_url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


# ---------------------------------------------------------------------------------------------- pages
def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    from .web import page

    return page(request, name, **context)


def _query(**values: Any) -> dict[str, Any]:
    """The filled-in filters, as the links of the page (CSV download, pager) repeat them."""
    return {k: ("true" if v is True else v) for k, v in values.items() if v not in (None, "", False)}


@pages_router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, r: ReaderDep, type: str | None = None, actor: str | None = None,
             country: str | None = None, since: Since = None, until: Until = None, story: str | None = None,
             hide_background: bool = False) -> HTMLResponse:
    """Without $WIREWATCH_MAP_TILES: dots over a coarse land outline, nothing fetched from elsewhere. With
    it (a {z}/{x}/{y} tile URL template, e.g. a tile server of your own), the world's tiles at zoom 2 lie
    under the dots, and the page's Content-Security-Policy allows images from that one origin."""
    from .world_outline import land_paths

    f = _filter(type, actor, None, country, None, since, until, story, hide_background=hide_background)
    points, unplaced = analyst.map_points(r, f)
    form = _query(type=type, actor=actor, country=country, since=since, until=until, story=story,
                  hide_background=hide_background)
    template = os.environ.get("WIREWATCH_MAP_TILES", "").strip()
    origin = _origin(template) if template else None
    width = 960
    height = width if origin else 480
    resp = _page(request, "map.html", points=analyst.project(points, width, height, mercator=bool(origin)),
                 unplaced=unplaced, form=form, width=width, height=height, lons=range(-180, 180, 30),
                 lats=range(-90, 91, 30), lands=[] if origin else land_paths(width, height),
                 tiles=analyst.tiles(template, width) if origin else [],
                 attribution=os.environ.get("WIREWATCH_MAP_ATTRIBUTION", "map tiles: " + (origin or "")))
    if origin:
        resp.headers["Content-Security-Policy"] = CSP.replace("img-src 'self' data:", f"img-src 'self' data: {origin}")
    return resp


def _origin(template: str) -> str | None:
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.netloc or "{x}" not in template:
        return None  # not a usable template: fall back to the outline rather than break the page
    return f"{parts.scheme}://{parts.netloc}"


@pages_router.get("/entities", response_class=HTMLResponse)
@pages_router.get("/entities/", response_class=HTMLResponse)
def entities_page(request: Request, r: ReaderDep, q: str | None = None, kind: str | None = None,
                  offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0) -> HTMLResponse:
    found = analyst.entity_index(r, q or None, kind or None, 100, offset)
    kinds = analyst.entity_kinds(r)
    return _page(request, "entities_index.html", found=found, q=q or "", kind=kind or "", kinds=kinds,
                 query=_query(q=q, kind=kind), offset=offset)


@pages_router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, r: ReaderDep, field: str | None = None, story: str | None = None,
                   outlet: str | None = None, q: str | None = None, hide_background: bool = False) -> HTMLResponse:
    f = analyst.ConflictFilter(field or None, story or None, outlet or None, q or None, hide_background)
    found = analyst.conflicts(r, f)
    stories = analyst.conflict_stories(r)
    return _page(request, "conflicts_page.html", conflicts=found, fields=analyst.conflict_fields(r), f=f,
                 stories=stories, query=_query(field=field, story=story, outlet=outlet, q=q,
                                               hide_background=hide_background))


@pages_router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, r: ReaderDep) -> HTMLResponse:
    return _page(request, "sources.html", sources=db.list_sources(r.store))


@pages_router.get("/watch", response_class=HTMLResponse)
def watch_page(request: Request, r: ReaderDep) -> HTMLResponse:
    rules = [(rule, len(db.alerts(r.store, rule=rule.name))) for rule in db.list_rules(r.store)]
    return _page(request, "watch.html", rules=rules)


@pages_router.get("/watch/{name}", response_class=HTMLResponse)
def watch_rule_page(request: Request, name: str, r: ReaderDep) -> HTMLResponse:
    from .web import _cards

    rule = db.get_rule(r.store, name)
    found = db.alerts(r.store, rule=name, limit=200)
    events = {ev.id: ev for ev in r.events(EventFilter(ids=[a.event_id for a in found]))} if found else {}
    conflicted = {e for c in r.conflicts(event_ids=list(events)) for e in c.event_ids} if events else set()
    cards = _cards(r, [events[a.event_id] for a in found if a.event_id in events], conflicted)
    reasons = {a.event_id: a for a in found}
    return _page(request, "watch_rule.html", rule=rule, cards=cards, reasons=reasons)


__all__ = ["api_router", "feeds_router", "pages_router"]
