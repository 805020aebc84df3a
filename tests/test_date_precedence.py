"""Which date a report is published on, by format: a producer's own field, then the page's markup, then a
date line at the top of the text, then none, and never the day of ingest (reports invented for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.ingest.readers import article_from_record, read_html
from wirewatch.model import Article
from wirewatch.pipeline import ingest
from wirewatch.store import export
from wirewatch.store.db import Store

TOP = "Dockers Vote to Accept New Contract\nHarbour Gazette\nTuesday, March 4, 2008\n\n"
BODY = (
    "Dockers at the eastern terminal voted on Tuesday to accept a three-year contract that raises pay by four "
    "percent a year, ending a dispute that began in the autumn."
)


def record(**fields: object) -> Article:
    art = article_from_record({"id": "d1", **fields}, source="t.jsonl", default_id="d1", where="t.jsonl")
    assert isinstance(art, Article), art
    return art


def test_json_record_whose_first_lines_are_title_outlet_date() -> None:
    art = record(text=TOP + BODY)
    assert art.published == "2008-03-04" and art.meta["published_from"] == "date_line"
    assert art.text == TOP + BODY  # a JSON body is kept as given: offsets index the producer's text


def test_json_field_wins_over_the_date_line() -> None:
    art = record(text=TOP + BODY, published="2008-03-05T08:00:00Z")
    assert art.published == "2008-03-05" and "published_from" not in art.meta


def test_unreadable_json_date_is_kept_and_the_date_line_used() -> None:
    art = record(text=TOP + BODY, published="sometime last week")
    assert art.meta["published_raw"] == "sometime last week" and art.published == "2008-03-04"


def page(head: str) -> str:
    return (
        f"<html><head><title>Dockers Vote to Accept New Contract</title>{head}</head><body><article>"
        "<h1>Dockers Vote to Accept New Contract</h1><p>Tuesday, March 4, 2008</p>"
        f"<p>{BODY}</p><p>{BODY.replace('eastern', 'western')}</p></article></body></html>"
    )


def html_article(html: str) -> Article:
    (art,) = list(read_html(html.encode(), source="p.html", article_id="p"))
    assert isinstance(art, Article), art
    return art


def test_html_meta_wins_over_the_date_line() -> None:
    art = html_article(page('<meta property="article:published_time" content="2008-03-05T07:00:00Z">'))
    assert art.published == "2008-03-05" and art.meta["published_from"] == "meta:article:published_time"


def test_html_without_meta_takes_the_date_line() -> None:
    art = html_article(page(""))
    assert art.published == "2008-03-04"


def test_no_date_anywhere_exports_null(tmp_path: Path) -> None:
    src = tmp_path / "undated.txt"
    src.write_text("Dockers Vote to Accept New Contract\n\n" + BODY + "\n", encoding="utf-8")
    store = Store(str(tmp_path / "t.db"))
    ingest([str(src)], store)
    out = tmp_path / "articles.jsonl"
    export.write(store, "articles", "jsonl", out)
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["published"] is None  # not the day it was ingested
    store.close()
