"""Readers for text, HTML, JSON and JSON Lines (feeds: feeds.py, web archives: warc.py). Each turns
already-opened input into `Article`s and `InputError`s.

Readers never raise for bad input: a problem with one record becomes an `InputError` naming the file
and the line or item, and the reader goes on with the next record. Opening files, picking the reader
and the whole-file size limits live in `sources.py`; the per-article limit is enforced here because
streaming formats (JSONL, WARC) only learn a record's size while reading it.

Size limits (bytes of input):
* MAX_ARTICLE_BYTES (5 MiB): one article's text: a text file, a JSONL line, a JSON record's text, a WARC
  record's payload, stdin. Larger inputs are refused with InputError "too large" rather than truncated:
  no real news report is that long, so such a file is a dump or a mistake, and half an article would
  silently produce wrong offsets and events.
* MAX_HTML_BYTES (20 MiB): one HTML page (markup, inline scripts and JSON weigh more than the text).
* MAX_DOCUMENT_BYTES (100 MiB): formats parsed whole (a feed, a JSON array). JSONL and WARC files are
  streamed record by record and have no whole-file limit.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from ..dates import normalize_date
from ..errors import InputError
from ..model import Article
from .encoding import BinaryInput, declared_charset, decode_bytes
from .metadata import recover_metadata

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024

Item = Article | InputError

TOKEN_ID = re.compile(r"[A-Za-z0-9._:-]{1,80}")
HTML_HINT = re.compile(r"<(?:p|div|br|span|a|html|body|article|h[1-6]|li|em|strong)\b[^>]*>", re.I)
HTML_MIME = ("text/html", "application/xhtml+xml", "application/xml+html")
_TEXT_FIELDS = ("text", "content", "body")
_KNOWN_FIELDS = {
    "id", "text", "content", "body", "title", "url", "link", "outlet", "source", "publisher",
    "published", "date", "published_at", "publishedAt", "dateline", "language",
}  # fmt: skip


def sha1_12(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8", errors="replace")).hexdigest()[:12]


def too_large(size: int, limit: int, what: str = "article") -> str:
    return f"too large: {size:,} bytes (limit {limit:,} bytes per {what}); not read"


# Characters that show nothing: zero-width spaces and joiners, direction marks, soft hyphens, BOMs.
_INVISIBLE = re.compile(r"[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        r"\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\x00-\x1f\x7f]+")


def is_blank(text: str) -> bool:
    """True when `text` holds no visible character (only whitespace, zero-width or control characters)."""
    if text[:1000].strip(" \n\t") and not _INVISIBLE.fullmatch(text[:1000]):
        return False  # the common case, decided on the first characters
    return _INVISIBLE.sub("", text) == ""


def finish(article: Article, *, html: str | None = None, where: str | None = None, keep_text: bool = False) -> Item:
    """Recover metadata, clean the body; an article without any text left becomes an InputError."""
    recover_metadata(article, html=html, keep_text=keep_text)
    if is_blank(article.text):
        return InputError(where or article.source or article.id, "no article text (empty or only boilerplate)")
    return article


# --- plain text ------------------------------------------------------------------------------------


def read_text(data: bytes, *, source: str, article_id: str, url: str | None = None) -> Iterator[Item]:
    """A text file holds one article."""
    if len(data) > MAX_ARTICLE_BYTES:
        yield InputError(source, too_large(len(data), MAX_ARTICLE_BYTES))
        return
    try:
        text, encoding = decode_bytes(data)
    except BinaryInput as exc:
        yield InputError(source, f"not text: {exc}")
        return
    if is_blank(text):
        reason = "empty file" if not text.strip() else "no visible text (only zero-width or control characters)"
        yield InputError(source, reason)
        return
    art = Article(id=article_id, text=text, url=url, source=source, meta={"format": "text"})
    _note_encoding(art, encoding, text)
    yield finish(art)


def text_article(text: str, *, source: str, article_id: str) -> Item:
    """An article from text that is already decoded (stdin)."""
    if not text.strip():
        return InputError(source, "empty input")
    return finish(Article(id=article_id, text=text, source=source, meta={"format": "text"}))


# --- HTML ------------------------------------------------------------------------------------------


def read_html(
    data: bytes | str,
    *,
    source: str,
    article_id: str,
    url: str | None = None,
    charset: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Iterator[Item]:
    """An HTML page holds one article; its main text is extracted, its markup gives the metadata."""
    size = len(data)
    if size > MAX_HTML_BYTES:
        yield InputError(source, too_large(size, MAX_HTML_BYTES, "HTML page"))
        return
    encoding = "str"
    if isinstance(data, bytes):
        try:
            html, encoding = decode_bytes(data, declared=charset or declared_charset(data))
        except BinaryInput as exc:
            yield InputError(source, f"not HTML: {exc}")
            return
    else:
        html = data
    if not html.strip():
        yield InputError(source, "empty file")
        return
    from .htmltext import html_to_text  # lazy: trafilatura is slow to import

    text, method = html_to_text(html, url=url)
    if not text.strip():
        yield InputError(source, "no readable text in HTML")
        return
    art = Article(
        id=article_id, text=text, url=url, source=source, meta={"format": "html", "extractor": method, **(meta or {})}
    )
    _note_encoding(art, encoding, text)
    yield finish(art, html=html)


# --- JSON and JSON Lines ---------------------------------------------------------------------------


def article_from_record(obj: Any, *, source: str, default_id: str, where: str, line: int | None = None) -> Item:
    """One JSON object -> Article. Accepted fields: id, text|content|body, title, url|link,
    outlet|source|publisher, published|date|published_at, dateline, language; others go to meta."""
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}", line)
    text = next((obj[k] for k in _TEXT_FIELDS if isinstance(obj.get(k), str) and not is_blank(obj[k])), None)
    if text is None:
        return InputError(where, "no text (expected a non-empty 'text', 'content' or 'body' field)", line)
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        kind = {dict: "an object", list: "an array", bool: "a boolean", float: "a number with a fraction"}.get(
            type(raw_id), type(raw_id).__name__
        )
        return InputError(where, f"'id' must be a string or an integer, got {kind}: {json.dumps(raw_id)[:60]}", line)
    if len(text.encode("utf-8", errors="replace")) > MAX_ARTICLE_BYTES:
        return InputError(where, too_large(len(text.encode("utf-8", errors="replace")), MAX_ARTICLE_BYTES), line)
    art_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else default_id
    meta: dict[str, Any] = {"format": "json"}
    html: str | None = None
    if HTML_HINT.search(text[:5000]):
        # Exports from CMSs carry HTML in "content"; the words are what we need.
        meta["text_format"] = "html"
        if re.search(r"<html\b", text[:5000], re.I):
            from .htmltext import html_to_text

            html = text
            text, meta["extractor"] = html_to_text(text)
        else:
            text = markup_to_text(text)
    raw_published = _first(obj, "published", "date", "published_at", "publishedAt")
    published = normalize_date(raw_published)
    if raw_published is not None and published is None:
        meta["published_raw"] = raw_published  # kept for the record; unparseable dates stay null
    extra = {k: v for k, v in obj.items() if k not in _KNOWN_FIELDS and isinstance(v, str | int | float | bool)}
    if extra:
        meta["extra"] = extra
    art = Article(
        id=art_id,
        text=text,
        title=clean_str(obj.get("title")),
        outlet=_outlet(_first(obj, "outlet", "source", "publisher")),
        published=published,
        dateline=clean_str(obj.get("dateline")),
        url=clean_str(_first(obj, "url", "link")),
        language=lang_code(clean_str(obj.get("language"))),
        source=source,
        meta=meta,
    )
    # A plain-text body given in JSON is kept verbatim (offsets index the producer's text).
    result = finish(art, html=html, where=where, keep_text=meta.get("text_format") != "html")
    if isinstance(result, InputError) and line is not None:
        return InputError(where, result.reason, line)
    return result


def read_jsonl(stream: IO[bytes] | IO[str], *, source: str, stem: str) -> Iterator[Item]:
    """JSON Lines, streamed: one article per line; a broken line is an InputError naming its number."""
    lineno = 0
    seen_record = False
    while True:
        chunk = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not chunk:
            if not seen_record:
                yield InputError(source, "no JSON lines: the file holds only blank lines" if lineno else "empty file")
            return
        lineno += 1
        if len(chunk) > MAX_ARTICLE_BYTES and not _ends_line(chunk):
            seen_record = True
            size = len(chunk) + _skip_rest_of_line(stream)
            yield InputError(source, too_large(size, MAX_ARTICLE_BYTES, "line"), lineno)
            continue
        if isinstance(chunk, bytes):
            try:
                line = chunk.decode("utf-8")
            except UnicodeDecodeError:
                line = chunk.decode("utf-8", errors="replace")  # JSON is UTF-8 by definition
        else:
            line = chunk
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen_record = True
        if "\x00" in line:
            yield InputError(source, "line contains NUL bytes (binary data); line skipped", lineno)
            continue
        try:
            obj = json.loads(line)
        except RecursionError:
            yield InputError(source, "JSON nested too deeply to read", lineno)
            continue
        except json.JSONDecodeError as exc:
            yield InputError(source, f"invalid JSON: {exc.msg} (column {exc.colno})", lineno)
            continue
        yield article_from_record(
            obj, source=f"{source}:{lineno}", default_id=f"{stem}-{lineno}", where=source, line=lineno
        )


def read_json_document(data: bytes | str, *, source: str, stem: str) -> Iterator[Item]:
    """A .json file: an array of articles, one article object, or {"articles": [...]}. A file that
    turns out to be JSON Lines is read as such."""
    if len(data) > MAX_DOCUMENT_BYTES:
        yield InputError(source, too_large(len(data), MAX_DOCUMENT_BYTES, "JSON document"))
        return
    if isinstance(data, bytes):
        try:
            text, _ = decode_bytes(data)
        except BinaryInput as exc:
            yield InputError(source, f"not JSON: {exc}")
            return
    else:
        text = data
    if not text.strip():
        yield InputError(source, "empty file")
        return
    try:
        doc = json.loads(text)
    except RecursionError:
        yield InputError(source, "JSON nested too deeply to read")
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            import io

            yield from read_jsonl(io.StringIO(text), source=source, stem=stem)
            return
        yield InputError(source, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
        return
    records: list[Any]
    if isinstance(doc, list):
        records = doc
    elif isinstance(doc, dict) and any(k in doc for k in _TEXT_FIELDS):
        records = [doc]
    elif isinstance(doc, dict) and any(isinstance(doc.get(k), list) for k in ("articles", "items", "data")):
        records = next(doc[k] for k in ("articles", "items", "data") if isinstance(doc.get(k), list))
    else:
        yield InputError(source, "JSON holds no articles (expected an array of objects or an object with text)")
        return
    if not records:
        yield InputError(source, "JSON array is empty")
    for i, obj in enumerate(records, 1):
        where = f"{source}#{i}"
        yield article_from_record(obj, source=where, default_id=f"{stem}-{i}", where=where)


# --- helpers ---------------------------------------------------------------------------------------


def markup_to_text(body: str) -> str:
    if HTML_HINT.search(body[:5000]) or "&" in body:
        from .htmltext import fragment_to_text

        return fragment_to_text(body)
    return body.replace("\r\n", "\n").strip()


def _note_encoding(art: Article, encoding: str, text: str) -> None:
    art.meta["encoding"] = encoding
    bad = text.count("\ufffd")
    if bad:
        art.meta["decode_replacements"] = bad


def _ends_line(chunk: bytes | str) -> bool:
    return chunk.endswith(b"\n") if isinstance(chunk, bytes) else chunk.endswith("\n")


def _skip_rest_of_line(stream: IO[bytes] | IO[str]) -> int:
    """Consume the rest of an overlong line in bounded pieces; return how many units were skipped."""
    skipped = 0
    while True:
        piece = stream.readline(1024 * 1024)
        skipped += len(piece)
        if not piece or _ends_line(piece):
            return skipped


def _first(obj: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = obj.get(k)
        if v is not None and v != "":
            return v
    return None


def clean_str(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _outlet(value: Any) -> str | None:
    if isinstance(value, dict):  # {"name": "Reuters", "url": ...}
        value = value.get("name") or value.get("title")
    return clean_str(value)


def lang_code(value: str | None) -> str | None:
    m = re.match(r"([A-Za-z]{2,3})(?:$|[-_])", value or "")
    return m[1].lower() if m else None
