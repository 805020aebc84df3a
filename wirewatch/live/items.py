"""What a followed document lists: feed items (with their own text as the fallback) or sitemap URLs.

`list_items` turns the bytes of a feed or sitemap into `Listed` items; each has a stable `key` (the feed
item's guid or link, the sitemap's loc) that the poller records once read, and the `fallback` article
built from the feed's own text, used when the item's page cannot be fetched or read.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError
from ..ingest.feeds import read_feed
from ..ingest.readers import sha1_12
from ..model import Article

MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's own limit per file


@dataclass
class Listed:
    key: str
    url: str | None
    article_id: str
    fallback: Article | None = None  # feed items: the feed's text of the item
    lastmod: str | None = None


@dataclass
class Listing:
    kind: str  # "rss", "atom", "sitemap", "sitemapindex"
    items: list[Listed]
    problems: list[str]  # items the feed had that could not be read, a recovered parse error
    children: list[str]  # sitemap index: the sitemaps it lists


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "source"


def list_items(data: bytes, *, source_url: str, stem: str) -> Listing:
    """Raises InputError when `data` is neither a feed nor a sitemap."""
    if data[:2] == b"\x1f\x8b":  # a gzipped sitemap (sitemap.xml.gz): not a transfer encoding, so undone here
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(source_url, f"corrupt gzip data: {exc}") from None
    root = _xml_root(data)
    if root is not None and etree.QName(root).localname in ("urlset", "sitemapindex"):
        return _sitemap(root, stem)
    return _feed(data, source_url, stem)


def _xml_root(data: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _sitemap(root: etree._Element, stem: str) -> Listing:
    index = etree.QName(root).localname == "sitemapindex"
    kind = "sitemapindex" if index else "sitemap"
    items: list[Listed] = []
    children: list[str] = []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = lastmod = None
        for child in node:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "loc" and child.text:
                loc = child.text.strip()
            elif name == "lastmod" and child.text:
                lastmod = child.text.strip()
        if not loc:
            continue
        if index:
            children.append(loc)
        else:
            # A new <lastmod> makes it a new item: the page is read again and ingest updates the article.
            key = f"{loc} {lastmod}" if lastmod else loc
            items.append(Listed(key=key, url=loc, article_id=f"{stem}-{sha1_12(loc)}", lastmod=lastmod))
        if len(items) + len(children) >= MAX_SITEMAP_URLS:
            break
    return Listing(kind, items, [], children)


def _feed(data: bytes, source_url: str, stem: str) -> Listing:
    """Items from read_feed (the ingest reader, so ids and metadata are the ones `ingest` gives a saved
    feed); an item without text of its own is still listed by its link, to be read from its page."""
    import feedparser

    entries = list(feedparser.parse(data).get("entries") or [])
    fallbacks: dict[int, Article] = {}
    problems: list[str] = []
    kind = "feed"
    for got in read_feed(data, source=source_url, stem=stem):
        where = got.source if isinstance(got, InputError) else (got.source or "")
        index = int(where.rsplit("#", 1)[1]) if re.search(r"#\d+$", where) else None
        if isinstance(got, Article) and index is not None:
            fallbacks[index] = got
            fmt = str(got.meta.get("format") or "")
            kind = "atom" if fmt.startswith("atom") else "rss" if fmt.startswith("rss") else kind
        elif isinstance(got, InputError) and got.reason not in ("feed has no items", "feed item has no text"):
            problems.append(str(got))
    items: list[Listed] = []
    for i, entry in enumerate(entries, 1):
        fallback = fallbacks.get(i)
        guid, link = (entry.get("id") or "").strip() or None, (entry.get("link") or "").strip() or None
        key = guid or link or (fallback.id if fallback else None)
        if key is None:
            problems.append(f"{source_url}#{i}: feed item has neither id, link nor text")
            continue
        art_id = fallback.id if fallback else f"{stem}-{sha1_12(key)}"
        items.append(Listed(key=key, url=link, article_id=art_id, fallback=fallback))
    if not items and not entries and problems:
        raise InputError(source_url, f"not a readable feed or sitemap ({problems[0]})")
    if not entries and _xml_root(data) is None and not data.lstrip().startswith(b"<"):
        raise InputError(source_url, "not a feed or sitemap")
    return Listing(kind, items, problems, [])
