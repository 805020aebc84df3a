"""HTML -> main text and HTML -> metadata, for the HTML, feed and WARC readers.

Main text comes from trafilatura (boilerplate removal), with lxml as the fallback so that a page that
trafilatura rejects (too short, truncated, odd markup) still gives its words. Metadata is read from the
markup the publisher wrote on purpose (meta tags, JSON-LD) before any heuristic; htmldate runs without
its "extensive" text search, which would take copyright years or random dates from the page body.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..dates import normalize_date

# trafilatura and htmldate log every page they find too short or undated; the reader reports what
# matters as InputError, so their chatter is kept to errors.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "table", "tr", "header", "footer", "aside", "figure", "figcaption", "dd", "dt",
}  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "nav", "form", "button")

_DATE_META = (
    "article:published_time", "og:published_time", "article.published", "datepublished", "date",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "citation_date",
)  # fmt: skip
_OUTLET_META = ("og:site_name", "publisher", "dc.publisher", "dcterms.publisher", "application-name")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "opinionnewsarticle",
    "report",
    "webpage",
    "liveblogposting",
}


# Bounds on one start tag before any parser sees it: libxml2 and trafilatura check attributes against
# each other, so a <p> with 200,000 attributes never finishes. Only tags longer than MAX_TAG_CHARS are
# rewritten (their first MAX_ATTRS attributes kept, each value cut to MAX_ATTR_VALUE characters).
MAX_TAG_CHARS = 4000
MAX_ATTRS = 64
MAX_ATTR_VALUE = 2000
_LONG_TAG = re.compile(rf"<([A-Za-z][\w:.-]{{0,40}})(\s[^<>]{{{MAX_TAG_CHARS},}})>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def bound_markup(html: str) -> str:
    """`html` with overlong start tags cut down to a bounded number and size of attributes."""

    def cut(m: re.Match[str]) -> str:
        kept: list[str] = []
        for am in _ATTR.finditer(m[2]):
            if len(kept) >= MAX_ATTRS:
                break
            name, value = am[1][:100], am[2]
            if value is None:
                kept.append(name)
            else:
                quote = value[0] if value[0] in "\"'" else ""
                inner = value[1:-1] if quote else value
                kept.append(f'{name}="{inner[:MAX_ATTR_VALUE].replace(chr(34), "&quot;")}"')
        return f"<{m[1]}{' ' if kept else ''}{' '.join(kept)}>"

    return _LONG_TAG.sub(cut, html) if "<" in html else html


def parse_html(html: str) -> Any | None:
    """lxml tree of a (possibly truncated or broken) page, or None when there is nothing to parse."""
    html = bound_markup(html)
    # lxml refuses str input that carries an XML encoding declaration; the text is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, str]:
    """Main text of a page and the method that produced it ("trafilatura" or "lxml")."""
    import trafilatura  # imported lazily: heavy, and only HTML inputs need it

    html = bound_markup(html)

    for precision in (True, False):
        try:
            text = trafilatura.extract(
                html, url=url, include_comments=False, favor_precision=precision, include_tables=False
            )
        except Exception:  # noqa: BLE001 - trafilatura can raise on pathological markup; fall back
            text = None
        if text and text.strip():
            return text.strip(), "trafilatura"
    return fragment_to_text(html), "lxml"


def fragment_to_text(html: str) -> str:
    """Visible text of HTML (a page or a feed item's fragment), one paragraph per block element."""
    tree = parse_html(html)
    if tree is None:
        return ""
    for bad in tree.xpath("//" + " | //".join(_DROP_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    body = tree.find("body")
    walk(body if body is not None else tree)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_metadata(html: str, *, url: str | None = None) -> dict[str, str]:
    """Title, published, outlet, url and language as the page declares them (keys only when found).

    Each found value also has a "<key>_from" entry naming the markup it came from.
    """
    out: dict[str, str] = {}
    html = bound_markup(html)  # htmldate and trafilatura below parse it again
    tree = parse_html(html)
    if tree is None:
        return out
    metas: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld_article(tree)

    def put(key: str, value: str | None, origin: str) -> None:
        if value and key not in out:
            out[key] = value
            out[key + "_from"] = origin

    # published: declared markup first, htmldate (markup-only mode) last
    for key in _DATE_META:
        put("published", normalize_date(metas.get(key)), f"meta:{key}")
    put("published", normalize_date(ld.get("datePublished")), "json-ld:datePublished")
    for t in tree.xpath("//time[@pubdate or @itemprop='datePublished'][@datetime]"):
        put("published", normalize_date(t.get("datetime")), "time[datetime]")
    if "published" not in out:
        put("published", _htmldate(html, url), "htmldate")

    # outlet
    for key in _OUTLET_META:
        put("outlet", _clean(metas.get(key)), f"meta:{key}")
    publisher = ld.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    if isinstance(publisher, dict):
        put("outlet", _clean(publisher.get("name")), "json-ld:publisher")
    elif isinstance(publisher, str):
        put("outlet", _clean(publisher), "json-ld:publisher")

    # title: the publisher's own declarations; <title> often carries " | Site Name", trafilatura trims it
    headline = ld.get("headline")
    put("title", _clean(headline) if isinstance(headline, str) else None, "json-ld:headline")
    for key in _TITLE_META:
        put("title", _clean(metas.get(key)), f"meta:{key}")
    if "title" not in out or "outlet" not in out:
        tm = _trafilatura_metadata(html, url)
        put("title", _clean(tm.get("title")), "trafilatura")
        site = _clean(tm.get("sitename"))
        # trafilatura falls back to the host name; a domain is not a declared outlet name
        if site and not re.search(r"\.[a-z]{2,}$", site):
            put("outlet", site, "trafilatura")

    canonical = tree.xpath("//link[@rel='canonical']/@href")
    put("url", metas.get("og:url") or (str(canonical[0]) if canonical else None), "meta:url")

    lang = tree.get("lang") or metas.get("og:locale") or metas.get("content-language") or ""
    lang_m = re.match(r"([a-zA-Z]{2,3})(?:$|[-_])", lang.strip())
    put("language", lang_m[1].lower() if lang_m else None, "html:lang")
    return out


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _json_ld_article(tree: Any) -> dict[str, Any]:
    """The first JSON-LD object that describes an article (searching @graph and lists)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds) and (
                    "datePublished" in item or "headline" in item
                ):
                    return item
                if "@graph" in item:
                    stack.append(item["@graph"])
    return {}


def _htmldate(html: str, url: str | None) -> str | None:
    try:
        from htmldate import find_date

        got = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; a missing date is fine
        return None
    return normalize_date(got) if got else None


def _trafilatura_metadata(html: str, url: str | None) -> dict[str, Any]:
    try:
        from trafilatura.metadata import extract_metadata

        doc = extract_metadata(html, default_url=url, extensive=False)
    except Exception:  # noqa: BLE001 - best effort only
        return {}
    return {"title": getattr(doc, "title", None), "sitename": getattr(doc, "sitename", None)}
