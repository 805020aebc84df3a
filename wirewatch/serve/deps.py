"""What the API, the web UI and the analyst pages share per request: the settings, the token checks, the
error type and the read-only store connection. Its own module, so api.py and web.py need not import each other.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import threading
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.db import Store
from .queries import Reader

STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error", 500: "internal_error",
    503: "unavailable",
}


class ApiError(StarletteHTTPException):
    """An HTTP error with a machine-readable code (defaults to the status's generic code)."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or STATUS_CODES.get(status, "error")



def _presented(request: Request) -> str | None:
    """The secret in an Authorization header: Bearer TOKEN, or Basic with the token as password (browsers)."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip()).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return None
    return None


def _matches(given: str | None, *tokens: str | None) -> bool:
    return given is not None and any(t and hmac.compare_digest(given.encode(), t.encode()) for t in tokens)


class Settings:
    def __init__(self, db_path: str, token: str, read_token: str | None, extract: bool,
                 max_body: int, max_articles: int, max_text: int) -> None:
        self.db_path = db_path
        self.token = token
        self.read_token = read_token
        self.extract = extract
        self.max_body = max_body
        self.max_articles = max_articles
        self.max_text = max_text
        self.write_lock = threading.Lock()
        self.pipeline: Any = None
        self.connectors: list[Any] | None = None


def settings(request: Request) -> Settings:
    s: Settings = request.app.state.settings
    return s


def require_read(request: Request) -> None:
    s = settings(request)
    if s.read_token and not _matches(_presented(request), s.read_token, s.token):
        html = not (request.url.path + "/").startswith("/api/")
        # Browsers answer a Basic challenge with a login prompt: that is how the UI is unlocked.
        challenge = 'Basic realm="wirewatch"' if html else 'Bearer realm="wirewatch"'
        raise ApiError(401, "reads are locked: send the read token (Authorization: Bearer TOKEN)",
                       headers={"WWW-Authenticate": challenge})


def require_write(request: Request) -> None:
    given = _presented(request) if request.headers.get("authorization", "").lower().startswith("bearer") else None
    if not _matches(given, settings(request).token):
        raise ApiError(401, "missing or wrong token: send Authorization: Bearer TOKEN",
                       headers={"WWW-Authenticate": 'Bearer realm="wirewatch"'})


def reader(request: Request) -> Iterator[Reader]:
    """A fresh read-only connection per request, closed when the response is done.

    The request reads inside one transaction, i.e. one WAL snapshot: a page and its total agree even while
    an ingest commits batches meanwhile (and the writer is never blocked by it)."""
    store = Store(settings(request).db_path, readonly=True)
    try:
        store.conn.execute("BEGIN")
        yield Reader(store)
    finally:
        if store.conn.in_transaction:
            store.conn.execute("ROLLBACK")
        store.close()


ReaderDep = Annotated[Reader, Depends(reader)]
