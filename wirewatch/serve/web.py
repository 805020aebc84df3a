"""The web UI: server-rendered pages over the same queries as the API.

Article text is untrusted input. Templates are rendered with autoescape on and no `|safe` on anything
derived from articles; highlights are built by cutting the text into pieces (`queries.segments`,
`queries.trigger_parts`) that the template escapes one by one and wraps in <mark>, never by inserting
markup into the text. The Content-Security-Policy set in api.py blocks inline scripts as a second line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..dates import first_day as parse_date
from ..errors import FilterError, SearchSyntaxError
from ..model import MODALITIES, Event
from ..store.search import snippet_pieces
from .date_note import event_date_html
from .deps import reader, require_read
from .queries import (
    MAX_INT,
    EventFilter,
    Reader,
    event_summary,
    outlet_counts,
    segments,
    trigger_parts,
)

HERE = Path(__file__).parent
PAGE = 50  # events (and stories, entities) per UI page
env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every template, whatever its extension (the SVG partial included)
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["urlq"] = lambda s: quote(str(s), safe="")
env.filters["anchor"] = lambda s: "ev-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(s))
# Only http(s) links from article metadata: a "javascript:" URL would run on click.
env.tests["is_web_url"] = lambda u: bool(re.match(r"^https?://", str(u), flags=re.IGNORECASE))
env.globals.update(event_summary=event_summary, trigger_parts=trigger_parts, event_date=event_date_html)
templates = Jinja2Templates(env=env)


def page(request: Request, name: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=http_status)


def error_page(request: Request, status: int, message: str, headers: Any = None) -> HTMLResponse:
    resp = page(request, "error.html", status, status=status, message=message)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


web = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])
docs_router = APIRouter(include_in_schema=False)
ReaderDep = Depends(reader)


@docs_router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """An offline API reference built from the OpenAPI schema (FastAPI's own page loads JS from a CDN)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "description": p.get("description") or p.get("schema", {}).get("description", "")}
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            for ref in dict.fromkeys(re.findall(r"#/components/schemas/(\w+)", str(body))):
                model = schema.get("components", {}).get("schemas", {}).get(ref, {})
                params += [{"name": name, "in": "body", "required": name in model.get("required", []),
                            "description": prop.get("description", "")}
                           for name, prop in model.get("properties", {}).items()]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": params, "responses": sorted(op.get("responses", {}))})
    return page(request, "docs.html", ops=ops, title=schema["info"]["title"], version=schema["info"]["version"])


@web.get("/", response_class=HTMLResponse)
def index(request: Request, offset: int = Query(0, ge=0, le=MAX_INT), r: Reader = ReaderDep) -> HTMLResponse:
    # Paged in SQL, newest first: the page costs the same with 10 stories or 10,000.
    stories = r.stories(PAGE, offset, recent_first=True)
    n_stories = r.count_stories()
    counts = {t: r.store.count(t) for t in ("articles", "events", "entities", "conflicts")}
    counts["events"] = r.count_events(EventFilter())
    # Without stories (no connect step has run yet) the latest reports are the way in.
    latest = [] if n_stories else r.articles(20, 0).items
    return page(request, "index.html", stories=stories, counts=counts, latest=latest, n_stories=n_stories,
                offset=offset, page_size=PAGE)


@web.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    country: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
    min_sources: str | None = None,
    offset: int = Query(0, ge=0, le=MAX_INT),
    hide_background: bool = False,
    r: Reader = ReaderDep,
) -> HTMLResponse:
    """All events (also those no story holds yet), filtered like GET /api/events.

    A bad filter ("since=March") shows this page again, status 422, with the form as sent and what is allowed."""
    # Empty form fields arrive as "": they mean "no filter".
    form = {"type": type, "actor": actor, "recipient": recipient, "country": country, "modality": modality,
            "since": since, "until": until, "story": story}
    form = {k: (v.strip() or None if v else None) for k, v in form.items()}
    context: dict[str, Any] = {"form": form, "min_sources": min_sources or None, "page_size": PAGE,
                               "modalities": MODALITIES, "offset": offset, "error": None}
    try:
        sources = _whole_number("min_sources", min_sources)
        f = r.check_filter(EventFilter(
            type=form["type"], actor=form["actor"], recipient=form["recipient"], country=form["country"],
            modality=form["modality"], since=form["since"], until=form["until"], story=form["story"],
            min_sources=sources, hide_background=hide_background))
    except FilterError as exc:
        return page(request, "events.html", 422, events=[], total=0, query={}, **{**context, "error": str(exc)})
    total = r.count_events(f)
    events = r.events(f, PAGE, offset, newest_first=True)
    conflicted = {eid for c in r.conflicts(event_ids=[ev.id for ev in events]) for eid in c.event_ids}
    extra = {"min_sources": sources, "hide_background": "true" if hide_background else None}
    query = {k: v for k, v in {**form, **extra}.items() if v is not None}
    return page(request, "events.html", events=_cards(r, events, conflicted), total=total, query=query, **context)


def _whole_number(name: str, value: str | None) -> int | None:
    if not value or not value.strip():
        return None
    text = value.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_INT:
        raise FilterError(f"{name}: {value!r} is not a whole number from 1", name)
    return int(text)


@web.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", offset: int = Query(0, ge=0, le=MAX_INT),
           r: Reader = ReaderDep) -> HTMLResponse:
    """Reports by full text and entities by name. Broken FTS syntax (an unclosed quote, a lone NOT) answers 400
    with a hint and a link that searches the plain words instead."""
    hits, entities = [], []
    total = 0
    if q.strip():
        try:
            found = r.search(q, 20, offset)
        except SearchSyntaxError as exc:
            return page(request, "search.html", 400, q=q, hits=[], total=0, offset=offset, entities=[],
                        error=str(exc), plain=exc.plain)
        total = found.total
        for h in found.items:
            h["pieces"] = snippet_pieces(h["snippet"])
            hits.append(h)
        entities = r.entities(q, None, 20, 0).items
    return page(request, "search.html", q=q, hits=hits, total=total, offset=offset, entities=entities,
                error=None, plain="")


@web.get("/stories/{story_id:path}/brief", response_class=HTMLResponse)
def story_brief(story_id: str, r: Reader = ReaderDep) -> HTMLResponse:
    from .brief import build_brief, render_html

    return HTMLResponse(render_html(build_brief(r, story=story_id), standalone=False))


@web.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story(request: Request, story_id: str, r: Reader = ReaderDep) -> HTMLResponse:
    s = r.story(story_id)
    events = r.events(EventFilter(story=story_id))
    conflicts = r.conflicts(story=story_id)
    conflicted = {eid for c in conflicts for eid in c.event_ids}
    return page(request, "story.html", story=s, events=_cards(r, events, conflicted), conflicts=conflicts,
                chart=timeline_chart(events), outlets=r.outlets())


@web.get("/events/{event_id:path}", response_class=HTMLResponse)
def event(request: Request, event_id: str, r: Reader = ReaderDep) -> HTMLResponse:
    ev = r.event(event_id)
    conflicts = r.conflicts(event_ids=[ev.id])
    return page(request, "event.html", card=_cards(r, [ev], {c for x in conflicts for c in x.event_ids})[0],
                conflicts=conflicts, outlets=r.outlets())


@web.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, r: Reader = ReaderDep) -> HTMLResponse:
    e = r.entity(entity_id)
    as_actor = r.events(EventFilter(actor=e.id), 200)
    as_recipient = r.events(EventFilter(recipient=e.id), 200)
    return page(request, "entity.html", entity=e, as_actor=_cards(r, as_actor, set()),
                as_recipient=_cards(r, as_recipient, set()), co=r.co_occurring(e.id), outlets=r.outlets())


@web.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str, r: Reader = ReaderDep) -> HTMLResponse:
    a = r.article(article_id)
    spans: list[tuple[int, int, str, str | None]] = []
    for m in a.events:
        spans.append((m.start, m.end, "evidence", f"{m.event_type} ({m.modality})"))
        if m.trigger_start is not None and m.trigger_end is not None:
            spans.append((m.trigger_start, m.trigger_end, "trigger", m.event_type))
    for em in a.entity_mentions:
        spans.append((em.start, em.end, "entity", em.entity_id))
    return page(request, "article.html", article=a, pieces=segments(a.text, spans), mentions=a.events)


# ---------------------------------------------------------------------------------------------- helpers
def _cards(r: Reader, events: list[Event], conflicted: set[str]) -> list[dict[str, Any]]:
    """What an event card shows: the event, its per-outlet counts, each mention with its outlet."""
    outlets = r.outlets()
    cards = []
    for ev in events:
        evidence = []
        for m in ev.mentions:
            before, trig, after = trigger_parts(m.sentence, m.start, m.trigger_start, m.trigger_end, m.trigger)
            info = outlets.get(m.article_id, {})
            evidence.append({"m": m, "before": before, "trigger": trig, "after": after,
                             "outlet": info.get("outlet"), "title": info.get("title"),
                             "published": info.get("published")})
        cards.append({"ev": ev, "label": event_summary(ev), "evidence": evidence,
                      "outlet_counts": outlet_counts(ev, outlets), "conflict": ev.id in conflicted})
    return cards


@dataclass
class Point:
    x: float
    y: float
    r: float
    anchor: str
    label: str
    cls: str


def timeline_chart(events: list[Event], width: int = 860) -> dict[str, Any] | None:
    """Geometry of the story timeline: one lane per event type, x by date, dot size by sources.

    Only numbers and strings leave here; the SVG itself is a template, so labels are escaped like the rest."""
    dated = [(parse_date(ev.date, precise=True), ev) for ev in events]
    dated_events = [(d, ev) for d, ev in dated if d is not None]
    if not dated_events:
        return None
    lanes = sorted({ev.event_type for _, ev in dated_events})
    first = min(d for d, _ in dated_events)
    last = max(d for d, _ in dated_events)
    span = max((last - first).days, 1)
    left, right, lane_h, top, pad = 130, 50, 34, 20, 24
    plot_w = width - left - right - 2 * pad

    def x_of(d: date) -> float:
        # Dots keep `pad` pixels clear of the lane labels and the right edge.
        return left + pad + plot_w * ((d - first).days / span if last != first else 0.5)

    points = []
    for d, ev in dated_events:
        y = top + lane_h * lanes.index(ev.event_type) + lane_h / 2
        radius = 5 + 2.5 * min(ev.sources or 1, 6)
        cls = "denied" if ev.modality in {"denied", "negated"} else (
            "uncertain" if ev.modality in {"claimed", "speculated", "planned", "hypothetical"} else "firm")
        points.append(Point(round(x_of(d), 1), y, radius, "ev-" + re.sub(r"[^A-Za-z0-9_-]", "_", ev.id),
                            f"{ev.date} · {event_summary(ev)} · {ev.sources} source(s)", cls))
    step = max(1, -(-span // 6))  # at most ~7 ticks, on whole days
    ticks = [{"x": round(x_of(date.fromordinal(o)), 1), "label": date.fromordinal(o).isoformat()}
             for o in range(first.toordinal(), last.toordinal() + 1, step)]
    height = top + lane_h * len(lanes) + 30
    return {"width": width, "height": height, "left": left, "right": width - right, "axis_y": height - 26,
            "lanes": [{"label": t, "y": top + lane_h * i + lane_h / 2} for i, t in enumerate(lanes)],
            "points": points, "ticks": ticks, "undated": len(events) - len(dated_events)}
