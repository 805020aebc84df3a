"""Poll followed sources: fetch the feed or sitemap (conditional GET), read each new item's page with the
HTML reader (the feed's own text when the page cannot be had), and ingest the articles the normal way.

Why nothing is lost or stored twice when a poll is killed: items are ingested in small chunks, each in one
transaction that also records the chunk's items as read (`source_items`); the feed's validators (ETag,
Last-Modified) are saved only once every item of the feed is handled. A killed poll therefore leaves whole
chunks, and the next poll fetches the feed again in full and reads only the items not yet recorded. Ingest's
own dedup (same id and content -> "unchanged") covers the rest.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import InputError, WirewatchError
from ..ingest.readers import read_html, read_text
from ..model import Article
from ..pipeline import Connector, IngestReport, Pipeline, default_connectors, ingest
from ..store import sources as db
from ..store.db import Store
from .fetch import Fetcher, FetchError, FetchSettings
from .items import Listed, Listing, list_items, slug

log = logging.getLogger("wirewatch.live")

CHUNK = 8  # items fetched, then ingested in one transaction
MAX_CHILD_SITEMAPS = 50
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
FEED_ACCEPT = ("application/atom+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.9,"
               "*/*;q=0.1")


@dataclass
class PollResult:
    source: str
    status: str  # "ok", "not modified", "error"
    error: str | None = None
    items_seen: int = 0
    items_new: int = 0
    stored: int = 0
    duplicates: int = 0
    fallbacks: int = 0  # items stored from the feed's own text because the page could not be read
    failed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


class Poller:
    """Polls sources of one store. `extract=False` stores articles without NLP (and without events)."""

    def __init__(self, store: Store, *, settings: FetchSettings | None = None, extract: bool = True,
                 pipeline: Pipeline | None = None, connectors: list[Connector] | None = None) -> None:
        self.store = store
        self.fetcher = Fetcher(settings or FetchSettings())
        self.extract = extract
        self._pipeline = pipeline
        self.connectors = connectors

    def close(self) -> None:
        self.fetcher.close()

    @property
    def pipeline(self) -> Pipeline | None:
        if self.extract and self._pipeline is None:
            from ..extract import extraction_components

            self._pipeline = Pipeline(extraction_components())  # spaCy loads once per poller
        return self._pipeline

    def due(self, now: datetime | None = None) -> list[db.Source]:
        now = now or datetime.now(UTC)
        return [s for s in db.list_sources(self.store) if s.due(now)]

    def poll_all(self, sources: Iterable[db.Source] | None = None,
                 on_result: Callable[[PollResult], None] | None = None) -> list[PollResult]:
        results = []
        for src in list(db.list_sources(self.store) if sources is None else sources):
            try:
                res = self.poll(src)
            except (sqlite3.Error, WirewatchError) as exc:  # e.g. the database stayed locked: next source
                log.error("polling %s failed: %s", src.name, exc)
                res = PollResult(src.name, "error", error=f"{type(exc).__name__}: {exc}")
            results.append(res)
            if on_result:
                on_result(res)
        return results

    # ------------------------------------------------------------------ one source
    def poll(self, src: db.Source) -> PollResult:
        res = PollResult(src.name, "ok")
        try:
            got = self.fetcher.get(src.url, etag=src.etag, last_modified=src.last_modified, accept=FEED_ACCEPT)
            if got.not_modified:
                db.record_not_modified(self.store, src.id)
                res.status = "not modified"
                return res
            listing = list_items(got.content, source_url=got.url, stem=slug(src.name))
            listing.items += self._child_sitemaps(listing, slug(src.name), res)
        except (FetchError, InputError) as exc:
            return self._failed(src, res, str(exc))
        res.items_seen = len(listing.items)
        res.failed += listing.problems
        complete = self._read_new(src, listing, res)
        if complete:
            etag, modified = got.headers.get("etag"), got.headers.get("last-modified")
        else:  # some page could not be had: poll the whole feed again next time
            etag = modified = None
        db.record_success(self.store, src.id, kind=listing.kind, etag=etag, last_modified=modified,
                          seen=res.items_seen, new=res.items_new)
        return res

    def _failed(self, src: db.Source, res: PollResult, error: str) -> PollResult:
        db.record_failure(self.store, src.id, error)
        res.status, res.error = "error", error
        log.warning("source %s failed: %s", src.name, error)
        return res

    def _child_sitemaps(self, listing: Listing, stem: str, res: PollResult) -> list[Listed]:
        out: list[Listed] = []
        for url in listing.children[:MAX_CHILD_SITEMAPS]:
            try:
                child = list_items(self.fetcher.get(url, accept=FEED_ACCEPT).content, source_url=url, stem=stem)
            except (FetchError, InputError) as exc:
                res.failed.append(str(exc))
                continue
            out += child.items
        if len(listing.children) > MAX_CHILD_SITEMAPS:
            res.failed.append(f"sitemap index lists {len(listing.children)} sitemaps; read the first "
                              f"{MAX_CHILD_SITEMAPS}")
        return out

    def _read_new(self, src: db.Source, listing: Listing, res: PollResult) -> bool:
        """Fetch and ingest the items not read before, chunk by chunk; False if some must be tried again."""
        seen = db.seen_items(self.store, src.id)
        todo = [it for it in dict((it.key, it) for it in listing.items).values() if it.key not in seen]
        complete = True
        for i in range(0, len(todo), CHUNK):
            chunk = todo[i : i + CHUNK]
            articles: list[Article | InputError] = []
            handled: list[Listed] = []
            for it in chunk:
                art = self._article(src, it, res)
                if art is None:
                    complete = False  # a transient failure without fallback: not marked, tried next poll
                    continue
                handled.append(it)
                articles.append(art)
            if not articles:
                continue
            report = self._ingest(src, articles)
            res.stored += report.stored
            res.duplicates += report.duplicates
            res.failed += [f"{f['source']}: {f['reason']}" for f in report.failed]
            with self.store.transaction():  # items whose article was unchanged or unreadable
                for it in handled:
                    db.mark_item(self.store, src.id, it.key, it.article_id, it.url)
            res.items_new += len(handled)
        return complete

    def _article(self, src: db.Source, it: Listed, res: PollResult) -> Article | InputError | None:
        """The item's page read with the HTML reader; else the feed's text; None to retry later."""
        page: Article | InputError | None = None
        transient = False
        if it.url and it.url.lower().startswith(("http://", "https://")):
            try:
                got = self.fetcher.get(it.url, accept=PAGE_ACCEPT)
                page = _read_page(got.content, got.charset, got.headers.get("content-type", ""), it, got.url)
            except FetchError as exc:
                transient = not exc.reason.startswith(("HTTP 4", "disallowed", "too large", "only http"))
                page = InputError(it.url, exc.reason)
        fallback = it.fallback
        if isinstance(page, Article):
            if fallback is not None:  # what the page lacks, the feed often says
                page.title = page.title or fallback.title
                page.published = page.published or fallback.published
                page.outlet = page.outlet or fallback.outlet
            art = page
        elif fallback is not None:
            if page is not None:
                res.fallbacks += 1
                fallback.meta["page_error"] = page.reason
            art = fallback
        elif transient:
            res.failed.append(str(page))
            return None
        else:
            return page or InputError(it.key, "item has no link and no text")
        art.id = it.article_id
        art.meta.update({"live_source": src.name, "live_item": it.key})
        return art

    def _ingest(self, src: db.Source, articles: list[Article | InputError]) -> IngestReport:
        source_id = src.id

        def mark_read(store: Store, art: Article) -> None:
            # Runs inside the chunk's transaction: the article and "this item is read" commit together.
            key = art.meta.get("live_item")
            if key:
                db.mark_item(store, source_id, str(key), art.id, art.url)

        connectors = list(self.connectors if self.connectors is not None else default_connectors())
        return ingest(articles=articles, store=self.store, extract=self.extract, pipeline=self.pipeline,
                      connectors=[*connectors, mark_read], batch_size=CHUNK)


def _read_page(content: bytes, charset: str | None, ctype: str, it: Listed, url: str) -> Article | InputError:
    reader = (read_html(content, source=url, article_id=it.article_id, url=url, charset=charset)
              if "html" in ctype.lower() or content.lstrip()[:1] == b"<" or not ctype
              else read_text(content, source=url, article_id=it.article_id, url=url))
    got = next(iter(reader), None)
    return got if got is not None else InputError(url, "no readable text")


def follow_forever(store: Store, poller: Poller, *, stop: Callable[[], bool] = lambda: False,
                   on_result: Callable[[PollResult], None] | None = None, tick_s: float = 5.0,
                   deliver: Callable[[], Any] | None = None) -> None:
    """Poll due sources until `stop()`; between rounds, deliver queued webhooks and sleep a little."""
    while not stop():
        try:
            poller.poll_all(poller.due(), on_result=on_result)
            if deliver is not None:
                deliver()
        except (sqlite3.Error, WirewatchError) as exc:  # a store error must not kill a long-running follower
            log.error("follow round failed: %s", exc)
        waited = 0.0
        while waited < tick_s and not stop():
            time.sleep(min(0.5, tick_s))
            waited += 0.5
