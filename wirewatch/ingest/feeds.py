"""RSS and Atom feeds: one article per item (see readers.py for the shared rules and limits)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..dates import normalize_date
from ..errors import InputError
from ..model import Article
from .readers import (
    MAX_DOCUMENT_BYTES,
    TOKEN_ID,
    Item,
    clean_str,
    finish,
    lang_code,
    markup_to_text,
    sha1_12,
    too_large,
)


def read_feed(data: bytes, *, source: str, stem: str) -> Iterator[Item]:
    """RSS 0.9x/1.0/2.0 or Atom: one article per item. A feed that is not well-formed XML still gives
    the items feedparser recovers, plus one InputError saying it was malformed."""
    if len(data) > MAX_DOCUMENT_BYTES:
        yield InputError(source, too_large(len(data), MAX_DOCUMENT_BYTES, "feed"))
        return
    if not data.strip():
        yield InputError(source, "empty file")
        return
    import feedparser  # lazy: only feeds need it

    # Bytes, never str: feedparser reads a str as a URL or file name to fetch.
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser is lenient but not bulletproof
        yield InputError(source, f"malformed feed: {exc}")
        return
    problem = _feed_problem(parsed)
    entries = list(parsed.get("entries") or [])
    if not entries:
        yield InputError(source, f"malformed feed: {problem}" if problem else "feed has no items")
        return
    feed = parsed.get("feed") or {}
    feed_title = clean_str(feed.get("title"))
    feed_lang = lang_code(clean_str(feed.get("language")) or clean_str(parsed.get("namespaces", {}).get("xml:lang")))
    for i, entry in enumerate(entries, 1):
        where = f"{source}#{i}"
        guid, link, title = clean_str(entry.get("id")), clean_str(entry.get("link")), clean_str(entry.get("title"))
        body = ""
        for c in entry.get("content") or []:
            if clean_str(c.get("value")):
                body = c["value"]
                break
        body = body or clean_str(entry.get("summary")) or clean_str(entry.get("description")) or ""
        text = markup_to_text(body)
        if not text.strip():
            yield InputError(where, "feed item has no text")
            continue
        key = guid or link or title or text
        art_id = guid if guid and TOKEN_ID.fullmatch(guid) else f"{stem}-{sha1_12(key)}"
        published = normalize_date(clean_str(entry.get("published")))
        meta: dict[str, Any] = {"format": parsed.get("version") or "feed", "feed_title": feed_title, "guid": guid}
        if published:
            meta["published_from"] = "feed:published"
        else:
            published = normalize_date(clean_str(entry.get("updated")))
            if published:
                meta["published_from"] = "feed:updated"
        source_title = clean_str((entry.get("source") or {}).get("title"))
        outlet = source_title or feed_title
        if outlet:
            meta["outlet_from"] = "feed:item_source" if source_title else "feed:title"
        if entry.get("author"):
            meta["author"] = clean_str(entry.get("author"))
        art = Article(
            id=art_id,
            text=text,
            title=title,
            outlet=outlet,
            published=published,
            url=link,
            language=lang_code(clean_str(entry.get("language"))) or feed_lang,
            source=where,
            meta=meta,
        )
        yield finish(art, where=where)
    if problem:
        yield InputError(source, f"malformed feed: {problem}; {len(entries)} items recovered")


def _feed_problem(parsed: Any) -> str | None:
    """The parse error worth reporting, if any. feedparser also flags harmless things (an encoding
    declared in the HTTP sense but not the XML one) that do not mean the feed is broken."""
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    name = type(exc).__name__
    if name in ("CharacterEncodingOverride", "NonXMLContentType"):
        return None
    return f"{name}: {exc}" if exc else "not well-formed"
