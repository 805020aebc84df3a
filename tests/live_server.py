"""A local news site on 127.0.0.1 for the live tests: an Atom feed, an RSS feed, a sitemap, article pages,
robots.txt, a feed that fails with 500 and one that hangs. It answers conditional requests with 304 and
records every request (path and headers), so tests can check what the poller sent.

The reports are written for these tests (fictional outlets and places-of-record).
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ARTICLES = {
    "/news/port-strike.html": (
        "Dockworkers strike at Marlow port",
        "Riverside Ledger",
        "2025-02-03",
        "Dockworkers at the port of Marlow walked off the job on Monday, halting cargo traffic for the day. "
        "The Harbour Workers Union said the strike would continue until the port authority agreed to talks "
        "on wages. A spokesperson for the port authority said contingency plans were in place.",
    ),
    "/news/ministers-meet.html": (
        "Kenya and Tanzania ministers meet in Arusha",
        "Riverside Ledger",
        "2025-02-04",
        "The foreign ministers of Kenya and Tanzania met in Arusha on Tuesday to discuss border trade. "
        "Officials said the two governments agreed to reopen a customs post that closed last year.",
    ),
    "/world/flood-aid.html": (
        "Aid convoy reaches flooded villages",
        "Eastbank Courier",
        "2025-02-05",
        "An aid convoy reached three flooded villages in the Lowland district on Wednesday, the regional "
        "governor said. Relief workers handed out food and water to several hundred families.",
    ),
    "/world/sanctions.html": (
        "Canada imposes sanctions on shipping firms",
        "Eastbank Courier",
        "2025-02-06",
        "Canada imposed sanctions on four shipping companies on Thursday, accusing them of carrying "
        "embargoed oil. The foreign ministry said the measures freeze the firms' assets in Canada.",
    ),
}
PRIVATE = "/private/leak.html"  # robots.txt disallows it; the feed lists it anyway


def page(path: str) -> bytes:
    title, outlet, day, text = ARTICLES[path]
    paras = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<!doctype html><html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{day}T09:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>Copyright {outlet}</footer></body></html>"
    ).encode()


def atom(base: str) -> bytes:
    entries = ""
    for i, path in enumerate(("/news/port-strike.html", "/news/ministers-meet.html")):
        title, _, day, text = ARTICLES[path]
        entries += (
            f"<entry><title>{title}</title><id>tag:ledger.test,2025:{i}</id>"
            f'<link rel="alternate" href="{base}{path}"/><updated>{day}T09:00:00Z</updated>'
            f"<summary>{text[:80]}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Riverside Ledger</title><id>tag:ledger.test,2025:feed</id><updated>2025-02-04T09:00:00Z</updated>'
        f'<link rel="self" href="{base}/feeds/ledger.atom"/>{entries}</feed>'
    ).encode()


def rss(base: str) -> bytes:
    items = ""
    for path in ("/world/flood-aid.html", "/world/sanctions.html"):
        title, _, day, text = ARTICLES[path]
        items += (f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
                  f"<description>{text}</description><pubDate>{day}</pubDate></item>")
    items += (f"<item><title>Leaked memo</title><link>{base}{PRIVATE}</link><guid>{base}{PRIVATE}</guid>"
              "<description>A memo seen by this newspaper describes the ministry's budget plans for next year in "
              "detail, according to two officials.</description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Eastbank Courier</title>'
            f"<link>{base}/</link><description>World news</description>{items}</channel></rss>").encode()


def sitemap(base: str) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2025-02-06</lastmod></url>" for p in ARTICLES)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


ROBOTS = b"User-agent: *\nDisallow: /private/\n"
LAST_MODIFIED = formatdate(1738659600, usegmt=True)


@dataclass
class Site:
    """The server's state: what each path serves and every request seen."""

    base: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds to sleep before answering
    status: dict[str, int] = field(default_factory=dict)  # path -> forced status
    hit: dict[str, threading.Event] = field(default_factory=dict)  # path -> set when requested
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self, prefix: str = "") -> list[str]:
        return [p for p, _ in self.requests if p.startswith(prefix)]

    def headers_for(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]

    def body(self, path: str) -> tuple[bytes, str] | None:
        if path in ARTICLES:
            return page(path), "text/html; charset=utf-8"
        if path == PRIVATE:
            return b"<html><body><p>secret</p></body></html>", "text/html"
        if path == "/feeds/ledger.atom":
            return atom(self.base), "application/atom+xml"
        if path in ("/feeds/courier.rss", "/feeds/broken.rss", "/feeds/slow.rss"):
            return rss(self.base), "application/rss+xml"
        if path == "/sitemap.xml":
            return sitemap(self.base), "application/xml"
        if path == "/robots.txt":
            return ROBOTS, "text/plain"
        if path == "/hook":
            return b"{}", "application/json"
        return None


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _record(self, body: bytes = b"") -> str:
            path = self.path.split("?")[0]
            with site.lock:
                site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                if body:
                    site.requests[-1][1]["__body__"] = body.decode()
            if path in site.hit:
                site.hit[path].set()
            return path

        def do_POST(self) -> None:  # noqa: N802 - the webhook receiver
            length = int(self.headers.get("content-length") or 0)
            self._record(self.rfile.read(length))
            self.send_response(int(site.status.get("/hook", 200)))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802
            path = self._record()
            if path in site.slow:
                time.sleep(site.slow[path])
            if path in site.status:
                self.send_response(site.status[path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            found = site.body(path)
            if found is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data, ctype = found
            etag = f'"{abs(hash(data)) % 10**12}"'
            # If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 13.2.2).
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if (inm == etag) if inm is not None else (ims == LAST_MODIFIED):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    return Handler


class LiveServer:
    def __init__(self) -> None:
        self.site = Site()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.site))
        self.httpd.daemon_threads = True
        self.site.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return self.site.base

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
