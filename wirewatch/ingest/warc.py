"""WARC and ARC web archives: one article per HTML or text record (see readers.py for shared rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from ..errors import InputError
from ..model import Article
from . import readers
from .readers import HTML_HINT, HTML_MIME, Item, sha1_12


def read_warc(stream: IO[bytes], *, source: str, stem: str) -> Iterator[Item]:
    """WARC (or ARC) archive, plain or gzipped, streamed: one article per HTML or text response,
    resource or conversion record. Requests, metadata, redirects, errors and images are skipped."""
    from warcio.archiveiterator import ArchiveIterator  # lazy: only archives need it

    found = 0
    index = 0
    try:
        archive = ArchiveIterator(stream, arc2warc=True)
        _require_target_uri(archive.loader)
        for index, record in enumerate(archive, 1):
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            where = f"{source}#{index}"
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            mime = ctype.split(";")[0].strip().lower()
            if mime and mime not in HTML_MIME and not mime.startswith("text/"):
                continue
            payload = record.content_stream().read(readers.MAX_ARTICLE_BYTES + 1)
            found += 1
            if len(payload) > readers.MAX_ARTICLE_BYTES:
                yield InputError(where, f"record too large (over {readers.MAX_ARTICLE_BYTES:,} bytes); skipped")
                continue
            left = getattr(record.raw_stream, "limit", 0)
            if isinstance(left, int) and left > 0:
                # The archive ends inside this record: half a page would give half an article.
                yield InputError(where, f"truncated record ({left:,} bytes missing); skipped")
                continue
            if not payload.strip():
                yield InputError(where, "empty record")
                continue
            art_id = f"{stem}-{sha1_12(uri or record.rec_headers.get_header('WARC-Record-ID') or where)}"
            meta = {
                "format": "warc",
                "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
                # The crawl time, not the publication date: kept apart on purpose.
                "warc_date": record.rec_headers.get_header("WARC-Date"),
            }
            charset_m = re.search(r"charset=([\w.:-]+)", ctype, re.I)
            charset = charset_m[1] if charset_m else None
            is_html = mime in HTML_MIME or (not mime and HTML_HINT.search(payload[:4096].decode("latin-1")))
            try:
                if is_html:
                    got = list(
                        readers.read_html(
                            payload, source=where, article_id=art_id, url=uri or None, charset=charset, meta=meta
                        )
                    )
                else:
                    got = list(readers.read_text(payload, source=where, article_id=art_id, url=uri or None))
            except Exception as exc:  # noqa: BLE001 - a page our readers choke on is this record's problem
                got = [InputError(where, f"unexpected error while reading the record: {type(exc).__name__}: {exc}")]
            for item in got:
                if isinstance(item, Article):
                    item.meta.update(meta)
                yield item
    except _NoTargetURI as exc:
        yield InputError(source, f"broken archive at record {index + 1}: {exc}")
        return
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged archives
        yield InputError(source, f"broken archive after record {index}: {type(exc).__name__}: {exc}")
        return
    if not found:
        yield InputError(source, "archive holds no HTML or text records")


class _NoTargetURI(Exception):
    pass


def _require_target_uri(loader: Any) -> None:
    """Make warcio say what is missing: on an HTTP record with no WARC-Target-URI its loader calls
    uri.startswith and the reader saw only "AttributeError: 'NoneType' object has no attribute 'startswith'"."""
    parse_http = loader.load_http_headers

    def load_http_headers(rec_type: str, uri: str | None, stream: Any, length: int | None) -> Any:
        if uri is None and length != 0 and rec_type in loader.HTTP_RECORDS:
            raise _NoTargetURI(f"{rec_type} record has no WARC-Target-URI header")
        return parse_http(rec_type, uri, stream, length)

    loader.load_http_headers = load_http_headers
