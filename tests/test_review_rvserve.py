"""Review of bad input against the web UI and REST API (session 7, h/rvserve): one test per defect found.

Each was a reproduction: an integer past SQLite's 64 bits reached the query (OverflowError, a raw 500), and
HEAD, which every HTTP client may send in place of GET, was refused with 405 on every page; a .jsonl.gz cut short
(an interrupted download) lost every record when it decompressed to under 8 KB; a WARC response record with no
WARC-Target-URI was reported as "AttributeError: 'NoneType' object has no attribute 'startswith'"."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from tests.serve_fixtures import STORY, build_demo_store, make_client
from wirewatch.errors import InputError
from wirewatch.ingest.sources import iter_inputs
from wirewatch.model import Article
from wirewatch.serve.api import create_app

BIG = str(2**63)  # one past SQLite's largest INTEGER
BROWSER = {"Accept": "text/html"}


@pytest.fixture
def client(tmp_path: Path) -> Any:
    db = tmp_path / "demo.db"
    build_demo_store(db).close()
    return make_client(create_app(str(db), token="t", extract=False, connectors=[]))


@pytest.mark.parametrize(
    ("path", "param"),
    [("/api/entity-index", "offset"), ("/api/alerts", "offset"), ("/api/events.csv", "min_sources")],
)  # fmt: skip
def test_integer_past_64_bits_is_a_422_not_a_500(client: Any, path: str, param: str) -> None:
    resp = client.get(path, params={param: BIG})
    assert resp.status_code == 422, resp.text[:300]
    assert resp.json()["error"]["status"] == 422


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/events",
        "/search?q=missile",
        f"/stories/{STORY}",
        "/entities",
        "/docs",
        "/api/events",
        "/api/stories",
        "/healthz",
    ],
)
def test_head_answers_like_get_without_a_body(client: Any, path: str) -> None:
    got = client.get(path, headers=BROWSER)
    head = client.head(path, headers=BROWSER)
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""


def test_head_of_an_unknown_id_is_404_like_get(client: Any) -> None:
    assert client.head("/events/no-such-event", headers=BROWSER).status_code == 404
    assert client.head("/api/events/no-such-event").status_code == 404


@pytest.mark.parametrize("records", [12, 3000])  # about 2 KB and 600 KB decompressed
def test_truncated_jsonl_gz_keeps_the_records_before_the_cut(tmp_path: Path, records: int) -> None:
    lines = "".join(
        json.dumps({"id": f"w{i}", "text": f"Dockworkers in port {i} walked out over pay on Monday."}) + "\n"
        for i in range(records)
    )
    packed = gzip.compress(lines.encode())
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])  # the last third of the download never arrived
    items = list(iter_inputs([path]))
    arts = [a for a in items if isinstance(a, Article)]
    errs = [e for e in items if isinstance(e, InputError)]
    # every complete line the bytes that arrived hold (zlib, not our reader, says how many that is)
    whole_lines = zlib.decompressobj(wbits=31).decompress(packed[: len(packed) * 2 // 3]).count(b"\n")
    assert whole_lines >= 2 and len(arts) == whole_lines and [a.id for a in arts] == [f"w{i}" for i in range(len(arts))]
    (err,) = errs
    assert err.source == str(path) and "corrupt gzip data" in err.reason


def test_warc_response_without_target_uri_says_what_is_missing(tmp_path: Path) -> None:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Troops left the border town on Sunday.</p>"
    head = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n" % len(body)
    path = tmp_path / "crawl.warc"
    path.write_bytes(head + body + b"\r\n\r\n")
    (err,) = list(iter_inputs([path]))
    assert isinstance(err, InputError) and err.source == str(path)
    assert "WARC-Target-URI" in err.reason
