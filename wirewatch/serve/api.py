"""The REST API (`/api/...`), its auth, limits and error shape; `create_app` also mounts the web UI.

Every request opens its own read-only connection to the SQLite store, so the server is safe next to a
running `wirewatch ingest` (the store is in WAL mode: readers never block the writer). Writes (POST
/api/articles) go through one lock and one writable connection at a time, because SQLite has one writer.

Errors always have one JSON shape: {"error": {"code": "not_found", "message": "...", "status": 404}}.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import FilterError, NotFoundError, SearchSyntaxError, WirewatchError
from ..model import Article, Modality
from ..records import article_record, conflict_record, entity_record, mention_record, timex_record
from ..store.db import Store
from .date_note import DATE_FROM_DOC
from .deps import STATUS_CODES, ApiError, Settings, reader, require_read, require_write, settings
from .head import HeadAsGet
from .queries import CONFLICT_FIELDS, MAX_INT, EventFilter, Page, Reader, check_choice, event_summary
from .web import docs_router, error_page, web

log = logging.getLogger("wirewatch.serve")

MAX_BODY = 2 * 1024 * 1024  # bytes per POST
MAX_ARTICLES = 100  # articles per POST
MAX_TEXT = 200_000  # characters of text per article
MAX_LIMIT = 200  # page size cap for every list
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HERE = Path(__file__).parent

CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
class ErrorBody(BaseModel):
    code: str
    message: str
    status: int


class ErrorResponse(BaseModel):
    error: ErrorBody


class ListResponse(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class Participant(BaseModel):
    """An actor or recipient: the canonical name and where it came from (null when unknown)."""

    name: str
    kind: str | None = Field(None, description="PERSON, ORG, GPE, NORP, ...")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    entity_id: str | None = Field(None, description="the entity it resolves to (GET /api/entities/{id})")
    text: str | None = Field(None, description="as written in the sentence")


class MentionOut(BaseModel):
    """One sentence reporting the event, with its article's outlet, title and date."""

    model_config = ConfigDict(extra="allow")
    id: str | None
    article_id: str
    sentence: str
    start: int
    end: int
    trigger: str
    modality: str
    attributed_to: str | None
    type_confidence: float | None
    date: str | None = None
    date_precision: str | None = None
    date_from: str | None = Field(None, description=DATE_FROM_DOC)
    outlet: str | None = None
    article_title: str | None = None
    published: str | None = None


class EventOut(BaseModel):
    """One event (a lone report is a one-mention event). `actor` and `recipient` are always lists."""

    model_config = ConfigDict(extra="allow")
    id: str
    event_type: str
    type_confidence: float | None
    mode: str | None
    context: list[str]
    actor: list[Participant] = Field(description="who acts; [] when no side is named")
    recipient: list[Participant] = Field(description="who is acted on; [] when none")
    modality: str
    attributed_to: str | None
    date: str | None
    date_precision: str | None
    date_from: str | None = Field(None, description=DATE_FROM_DOC)
    location: dict[str, Any] | None
    story_id: str | None
    sources: int = Field(description="independent outlets reporting it")
    confidence: float
    confidence_reasons: list[str]
    mentions: list[MentionOut]


class EventList(BaseModel):
    items: list[EventOut]
    total: int
    limit: int
    offset: int


class ArticleIn(BaseModel):
    """One report to ingest. Without an id, one is derived from the text's hash."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, min_length=1, max_length=300,
                           description="stable id; re-posting it with new text updates the article")
    text: str = Field(min_length=1, description=f"plain text of the report (at most {MAX_TEXT} characters)")
    title: str | None = Field(None, max_length=2000, description="headline")
    url: str | None = Field(None, max_length=4000, description="where it was published")
    outlet: str | None = Field(None, max_length=300, description="who published it (counts as one source)")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$",
                                  description="publication date, YYYY-MM-DD (a real day), optionally with a time")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        # The CLI refuses such files too: an article of spaces (or zero-width marks) has nothing to extract.
        if not value.translate(_INVISIBLE).strip():
            raise ValueError("text is blank")
        return value

    @field_validator("published")
    @classmethod
    def _real_day(cls, value: str | None) -> str | None:
        # "2025-13-45" matches the pattern; stored, it would become an event date no calendar has.
        if value is None:
            return value
        try:
            date.fromisoformat(value[:10])
            if len(value) > 10:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{value!r} is not a real date and time (YYYY-MM-DD[THH:MM[:SS]][+HH:MM])") from None
        return value


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


# Only documents the body in OpenAPI: the handler parses it itself, to enforce the size limits first.
ARTICLES_IN: TypeAdapter[ArticleIn | list[ArticleIn]] = TypeAdapter(ArticleIn | list[ArticleIn])
BODY_SCHEMA = ARTICLES_IN.json_schema(ref_template="#/components/schemas/{model}")
BODY_DEFS = BODY_SCHEMA.pop("$defs", {})  # moved into components.schemas by create_app's openapi()
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorResponse, "description": STATUS_CODES[s]} for s in (401, 404, 422)
}


# ---------------------------------------------------------------------------------------------- tokens
def token_file(db_path: str | Path, suffix: str = ".token") -> Path:
    return Path(str(db_path) + suffix)


def resolve_token(db_path: str | Path, env: str = "WIREWATCH_TOKEN", suffix: str = ".token") -> tuple[str, bool]:
    """A token: $env, else the file `<db><suffix>`, else a new one saved there (mode 0600).

    Returns (token, created) so the CLI prints a new token exactly once. The write token uses the defaults;
    `serve --lock-reads` uses ("WIREWATCH_READ_TOKEN", ".read-token")."""
    value = os.environ.get(env)
    if value:
        return value, False
    path = token_file(db_path, suffix)
    if path.exists():
        saved = path.read_text(encoding="utf-8").strip()
        if saved:
            return saved, False
    token = secrets.token_urlsafe(32)
    # Created with mode 0600, so the token is never readable by other users, not even for a moment.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    os.chmod(path, 0o600)  # an existing empty file may have had wider permissions
    return token, True


ReaderDep = Annotated[Reader, Depends(reader)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT)]


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return Page(items[offset: offset + limit], len(items), limit, offset).to_dict()


# ---------------------------------------------------------------------------------------------- routes
api = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)


@api.get("/articles", response_model=ListResponse, summary="Search (q) or list articles")
def list_articles(r: ReaderDep, q: Annotated[str | None, Query(description="full-text query")] = None,
                  limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    if q:
        return r.search(q, limit, offset).to_dict()
    return r.articles(limit, offset).to_dict()


@api.get("/articles/{article_id:path}", summary="One article with its text and extraction results")
def get_article(article_id: str, r: ReaderDep) -> dict[str, Any]:
    a = r.article(article_id)
    rec = article_record(a, with_text=True)
    rec["entity_mentions"] = [vars(m) for m in a.entity_mentions]
    rec["timexes"] = [timex_record(t, a.id) for t in a.timexes]
    rec["event_mentions"] = [{**mention_record(m), "event_id": m.event_id, "event_type": m.event_type}
                             for m in a.events]
    return rec


@api.post("/articles", status_code=201, summary="Ingest one article or a list (bearer token required)",
          dependencies=[Depends(require_write)],
          responses={413: {"model": ErrorResponse, "description": "payload_too_large"}},
          openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
              "schema": BODY_SCHEMA}}}})
async def post_articles(request: Request) -> dict[str, Any]:
    s = settings(request)
    body = await _read_body(request, s.max_body)
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"body is not valid JSON: {exc}", "invalid_json") from exc
    except RecursionError as exc:  # [[[[...]]]] 100,000 deep: no article is shaped like that
        raise ApiError(400, "body is nested too deeply to be an article or a list of articles",
                       "invalid_json") from exc
    raw = data if isinstance(data, list) else [data]
    if not raw or not all(isinstance(x, dict) for x in raw):
        raise ApiError(422, "send one article object or a non-empty list of them")
    if len(raw) > s.max_articles:
        raise ApiError(413, f"{len(raw)} articles in one request; at most {s.max_articles}", "too_many_articles")
    items = []
    for i, obj in enumerate(raw):
        try:
            items.append(ArticleIn.model_validate(obj))
        except ValidationError as exc:
            prefix = ("body", i) if isinstance(data, list) else ("body",)
            raise RequestValidationError(
                [{**e, "loc": (*prefix, *e["loc"])} for e in exc.errors(include_url=False, include_context=False)]
            ) from exc
    for i, item in enumerate(items):
        if len(item.text) > s.max_text:
            raise ApiError(422, f"article {i}: text has {len(item.text)} characters; at most {s.max_text}",
                           "text_too_long")
    articles = [
        Article(id=a.id or "api-" + hashlib.sha256(a.text.encode()).hexdigest()[:16], text=a.text, title=a.title,
                url=a.url, outlet=a.outlet, published=a.published, source="api")
        for a in items
    ]
    report = await run_in_threadpool(_ingest, s, articles)
    return {**report.to_dict(), "article_ids": report.article_ids}


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed `limit` (before reading it all)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"body of {declared} bytes; at most {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(s: Settings, articles: list[Article]) -> Any:
    from ..pipeline import ingest

    with s.write_lock:
        if s.extract and s.pipeline is None:
            # Built once per server: loading the spaCy model per request would take seconds each time.
            from ..extract import extraction_components
            from ..pipeline import Pipeline

            s.pipeline = Pipeline(extraction_components())
        store = Store(s.db_path)
        try:
            return ingest(articles=articles, store=store, extract=s.extract, pipeline=s.pipeline,
                          connectors=s.connectors)
        finally:
            store.close()


@api.get("/events", response_model=EventList,
         summary="Events (a report no other outlet repeats is a one-mention event)")
def list_events(
    r: ReaderDep,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    actor: Annotated[str | None, Query(description="entity id, or part of the actor's name")] = None,
    recipient: Annotated[str | None, Query(description="entity id, or part of the recipient's name")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 of an actor, recipient or place")] = None,
    modality: Modality | None = None,
    since: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]], inclusive")] = None,
    story: Annotated[str | None, Query(description="story id")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=MAX_INT,
                                             description="at least this many independent outlets")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    f = r.check_filter(EventFilter(type=type, actor=actor, recipient=recipient, country=country,
                                   modality=modality, since=since, until=until, story=story, min_sources=min_sources))
    items = [r.event_json(ev) for ev in r.events(f, limit, offset)]
    return Page(items, r.count_events(f), limit, offset).to_dict()


@api.get("/events/{event_id:path}", response_model=EventOut, summary="One event with its evidence mentions")
def get_event(event_id: str, r: ReaderDep) -> dict[str, Any]:
    ev = r.event(event_id)
    rec = r.event_json(ev)
    rec["conflicts"] = [conflict_record(c) for c in r.conflicts(event_ids=[ev.id])]
    return rec


@api.get("/entities", response_model=ListResponse, summary="Entities by name/alias (q) and kind")
def list_entities(r: ReaderDep, q: Annotated[str | None, Query(description="part of a name or alias")] = None,
                  kind: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
    page = r.entities(q, kind, limit, offset)
    return Page([entity_record(e) for e in page.items], page.total, limit, offset).to_dict()


@api.get("/entities/{entity_id:path}", summary="One entity, its events as actor/recipient, co-occurring entities")
def get_entity(entity_id: str, r: ReaderDep) -> dict[str, Any]:
    e = r.entity(entity_id)
    return {
        **entity_record(e),
        "events_as_actor": [r.event_json(ev) for ev in r.events(EventFilter(actor=e.id), MAX_LIMIT)],
        "events_as_recipient": [r.event_json(ev) for ev in r.events(EventFilter(recipient=e.id), MAX_LIMIT)],
        "co_occurring": r.co_occurring(e.id),
    }


@api.get("/stories", response_model=ListResponse, summary="Stories with article, source, event, conflict counts")
def list_stories(r: ReaderDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return Page(r.stories(limit, offset), r.count_stories(), limit, offset).to_dict()


@api.get("/stories/{story_id:path}", summary="One story with its events and conflicts")
def get_story(story_id: str, r: ReaderDep) -> dict[str, Any]:
    story = r.story(story_id)
    story["events"] = [r.event_json(ev) for ev in r.events(EventFilter(story=story_id))]
    story["conflicts"] = [conflict_record(c) for c in r.conflicts(story=story_id)]
    return story


@api.get("/conflicts", response_model=ListResponse, summary="Contradictions between sources")
def list_conflicts(r: ReaderDep, story: Annotated[str | None, Query(description="story id")] = None,
                   field: Annotated[str | None, Query(description=", ".join(CONFLICT_FIELDS))] = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    check_choice("field", field, CONFLICT_FIELDS)
    found = [c for c in r.conflicts(story=story) if field is None or c.field == field]
    return _page([conflict_record(c) for c in found], limit, offset)


@api.get("/timeline", response_model=ListResponse, summary="Dated events in date order (by story or entity)")
def timeline(r: ReaderDep, story: Annotated[str | None, Query(description="story id")] = None,
             entity: Annotated[str | None, Query(description="entity id")] = None, limit: Limit = MAX_LIMIT,
             offset: Offset = 0) -> dict[str, Any]:
    if entity is not None:
        entity = r.entity(entity).id  # 404 for an unknown entity rather than an empty timeline
    if story is not None:
        r.story(story)
    f = EventFilter(story=story, entity=entity, since="0")  # since="0": dated events only
    items = [
        {"id": ev.id, "date": ev.date, "date_precision": ev.date_precision, "date_from": ev.date_source(),
         "event_type": ev.event_type,
         "label": event_summary(ev), "modality": ev.modality, "sources": ev.sources,
         "confidence": round(ev.confidence, 3), "story_id": ev.story_id}
        for ev in r.events(f, limit, offset)
    ]
    return Page(items, r.count_events(f), limit, offset).to_dict()


# ---------------------------------------------------------------------------------------------- the app
def _error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None,
           details: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message, "status": status}}
    if details is not None:
        body["error"]["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    """Errors of the web UI's pages are HTML pages, whatever the Accept header (curl sends */*); only a
    client that asks for JSON and not HTML gets the API's JSON shape there. The API is always JSON."""
    path = request.url.path
    if path.startswith("/api/") or path in ("/api", "/openapi.json", "/healthz"):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "application/json" not in accept


def install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = getattr(exc, "code", None) or STATUS_CODES.get(exc.status_code, "error")
        if _wants_html(request):
            return error_page(request, exc.status_code, str(exc.detail), exc.headers)
        return _error(exc.status_code, code, str(exc.detail), exc.headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(x) for x in first["loc"])
        message = f"{where}: {first['msg']}" if where else str(first["msg"])
        if _wants_html(request):
            return error_page(request, 422, message)
        return _error(422, "validation_error", message, details=errors)

    async def not_found(request: Request, exc: Exception) -> Response:
        if _wants_html(request):
            return error_page(request, 404, str(exc))
        return _error(404, "not_found", str(exc))

    async def wirewatch_error(request: Request, exc: Exception) -> Response:
        # Broken FTS syntax is the client's to fix (400); a filter value outside its allowed values is 422.
        status, code = (422, "validation_error") if isinstance(exc, FilterError) else (
            (400, "bad_query") if isinstance(exc, SearchSyntaxError) else (400, "bad_request"))
        if _wants_html(request):
            return error_page(request, status, str(exc))
        return _error(status, code, str(exc))

    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        if _wants_html(request):
            return error_page(request, 500, "Something went wrong on the server; the error is in its log.")
        return _error(500, "internal_error", "internal server error")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(WirewatchError, wirewatch_error)
    app.add_exception_handler(Exception, internal)


def create_app(
    db_path: str,
    *,
    token: str | None = None,
    read_token: str | None = None,
    extract: bool = True,
    max_body: int = MAX_BODY,
    max_articles: int = MAX_ARTICLES,
    max_text: int = MAX_TEXT,
    connectors: list[Any] | None = None,
) -> FastAPI:
    """The whole server: REST API, web UI, static files, offline /docs, /healthz.

    `token` guards writes (default: $WIREWATCH_TOKEN or `<db>.token`, created when missing); `read_token`
    (default $WIREWATCH_READ_TOKEN) locks reads too. `extract=False` stores POSTed articles without NLP."""
    db_path = str(db_path)
    Store(db_path).close()  # create and migrate once, so per-request connections can be read-only
    if token is None:
        token, _ = resolve_token(db_path)
    if read_token is None:
        read_token = os.environ.get("WIREWATCH_READ_TOKEN") or None
    from .. import __version__
    from . import live_routes

    app = FastAPI(title="wirewatch", version=__version__, docs_url=None, redoc_url=None,
                  description="Evidence-backed event database: events, entities, stories, conflicts.")
    app.state.settings = Settings(db_path, token, read_token, extract, max_body, max_articles, max_text)
    app.state.settings.connectors = connectors

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.get("/healthz", include_in_schema=False)
    def healthz(request: Request) -> dict[str, Any]:
        store = Store(settings(request).db_path, readonly=True)
        try:
            return {"status": "ok", "schema_version": store.schema_version(), "articles": store.count("articles")}
        finally:
            store.close()

    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        # The POST body is documented by hand (openapi_extra), so its models are not registered by FastAPI.
        if app.openapi_schema is None:
            base_openapi().setdefault("components", {}).setdefault("schemas", {}).update(BODY_DEFS)
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]
    install_error_handlers(app)
    app.add_middleware(HeadAsGet)  # outermost: HEAD takes every GET route, error pages included
    app.include_router(api)
    app.include_router(live_routes.api_router)  # sources, watch, alerts, map, entity index, CSV
    app.include_router(live_routes.feeds_router)  # /feeds/watch/NAME.atom
    app.include_router(docs_router)
    app.include_router(live_routes.pages_router)  # before `web`: /entities/ is the index, not an entity
    app.include_router(web)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


__all__ = ["create_app", "resolve_token", "token_file"]
