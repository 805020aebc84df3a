"""Polite HTTP for the poller: one httpx client with timeouts, retries with backoff, a per-host delay,
robots.txt, a size cap and redirects followed by hand (each hop is checked against robots.txt and the
allowed schemes, and counted).

`Fetcher.get` never raises for what a server does: it returns a `Fetched` with the status and body, or
raises `FetchError` (a WirewatchError) naming the URL and what went wrong after the retries are spent.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from ..errors import WirewatchError

USER_AGENT = f"wirewatch/{__version__} (+https://github.com/wirewatch; news event monitor)"
ROBOTS_TTL_S = 24 * 3600  # robots.txt is read again after a day (a long-running `follow`)
MAX_CRAWL_DELAY_S = 30.0  # a robots.txt Crawl-delay is obeyed up to this
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(WirewatchError):
    """A URL that could not be fetched (after retries): `url`, `reason`."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    headers: httpx.Headers
    not_modified: bool = False

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip('"')
        return None


@dataclass
class FetchSettings:
    timeout_s: float = 20.0
    retries: int = 2  # extra attempts after the first, for timeouts, connection errors, 429 and 5xx
    backoff_s: float = 1.0  # first wait; doubles each retry (a Retry-After header wins, capped at 60 s)
    host_delay_s: float = 1.0  # at least this long between two requests to one host
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Fetcher:
    settings: FetchSettings = field(default_factory=FetchSettings)
    client: httpx.Client | None = None
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.client is None:
            s = self.settings
            self.client = httpx.Client(
                timeout=httpx.Timeout(s.timeout_s), follow_redirects=False,
                headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ public
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> Fetched:
        """GET with conditional headers; 304 gives `not_modified=True`. Raises FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        current = url
        for _ in range(self.settings.max_redirects + 1):
            _check_scheme(current)
            if not self.allowed(current):
                raise FetchError(current, "disallowed by robots.txt")
            resp = self._with_retries(current, headers)
            if resp.status in (301, 302, 303, 307, 308) and "location" in resp.headers:
                current = urljoin(current, resp.headers["location"])
                continue
            if resp.status == 304:
                resp.not_modified = True
                return resp
            if resp.status >= 400:
                raise FetchError(current, f"HTTP {resp.status}")
            return resp
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return True
        parser = self._robots_for(f"{parts.scheme}://{parts.netloc}")
        return True if parser is None else parser.can_fetch(self.settings.user_agent, url)

    def _robots_for(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL_S:
            cached = self._robots[origin] = (time.monotonic(), self._load_robots(origin))
        return cached[1]

    # ------------------------------------------------------------------ internals
    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """None means "no rules" (absent or unreadable robots.txt: 4xx). A server error on robots.txt means
        "everything disallowed" for now (RFC 9309 section 2.3.1.4)."""
        parser = urllib.robotparser.RobotFileParser()
        try:
            resp = self._once(origin + "/robots.txt", {})
        except FetchError:
            return None
        if resp.status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if resp.status >= 400 or resp.status in (301, 302, 303, 307, 308):
            return None
        parser.parse(resp.content.decode("utf-8", errors="replace").splitlines())
        return parser

    def _with_retries(self, url: str, headers: dict[str, str]) -> Fetched:
        s = self.settings
        wait = s.backoff_s
        for attempt in range(s.retries + 1):
            last = attempt == s.retries
            try:
                resp = self._once(url, headers)
            except FetchError:
                if last:
                    raise
                time.sleep(wait)
                wait *= 2
                continue
            if resp.status in RETRY_STATUSES and not last:
                time.sleep(min(_retry_after(resp) or wait, 60.0))
                wait *= 2
                continue
            return resp
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        assert self.client is not None
        self._polite(url)
        cap = self.settings.max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(url, f"too large: {int(declared):,} bytes (limit {cap:,})")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(url, f"too large: more than {cap:,} bytes")
                    chunks.append(chunk)
                return Fetched(url, resp.status_code, b"".join(chunks), resp.headers)
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {self.settings.timeout_s:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None
        finally:
            self._last[urlsplit(url).netloc] = time.monotonic()

    def _polite(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc
        last = self._last.get(host)
        if last is not None:
            delay = self.settings.host_delay_s
            cached = self._robots.get(f"{parts.scheme}://{host}")
            if cached is not None and cached[1] is not None and self.settings.respect_robots:
                asked = cached[1].crawl_delay(self.settings.user_agent)
                if asked:
                    delay = max(delay, min(float(asked), MAX_CRAWL_DELAY_S))
            gap = delay - (time.monotonic() - last)
            if gap > 0:
                time.sleep(gap)


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(url, "only http and https URLs are followed")


def _retry_after(resp: Fetched) -> float | None:
    value = resp.headers.get("retry-after", "")
    return float(value) if value.isdigit() else None
