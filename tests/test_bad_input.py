"""Bad input: every problem is an InputError naming the file (and line), and the good inputs still come out.

Binary and huge fixtures are generated here in tmp_path, never committed.
"""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import random
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest import readers, sources
from wirewatch.ingest.sources import iter_inputs
from wirewatch.model import Article

GOOD = "Firefighters contained a large forest fire near the northern border on Sunday, officials said."


def read(*paths: str | Path) -> tuple[list[Article], list[InputError]]:
    arts: list[Article] = []
    errs: list[InputError] = []
    for item in iter_inputs(paths):
        assert isinstance(item, Article | InputError)
        (arts if isinstance(item, Article) else errs).append(item)  # type: ignore[arg-type]
    return arts, errs


def only_error(path: Path) -> InputError:
    arts, errs = read(path)
    assert arts == []
    assert len(errs) == 1, errs
    assert errs[0].source == str(path)
    return errs[0]


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n\t\n")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    assert "empty" in only_error(tmp_path / "empty.txt").reason
    assert "empty" in only_error(tmp_path / "blank.txt").reason
    assert "only blank lines" in only_error(tmp_path / "empty.jsonl").reason  # reported, never silent


def test_random_binary(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(8192)
    for name in ("noise.bin", "noise.txt", "noise"):
        (tmp_path / name).write_bytes(data)
        err = only_error(tmp_path / name)
        assert "binary" in err.reason or "not text" in err.reason


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    rnd = random.Random(3)
    data = bytes(rnd.choice([b for b in range(1, 256)]) for _ in range(8192))  # control bytes, no NUL
    (tmp_path / "x.txt").write_bytes(data)
    assert "control bytes" in only_error(tmp_path / "x.txt").reason


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "PDF" in only_error(tmp_path / "report.pdf").reason
    assert "PNG" in only_error(tmp_path / "photo.txt").reason


def test_invalid_utf8_is_decoded_not_refused(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(("Caf\u00e9 owners said on Monday that " + GOOD).encode("cp1252"))
    (tmp_path / "stray.txt").write_bytes("Caf\u00e9 \u2013 ".encode() + b"\xff " + GOOD.encode())
    (tmp_path / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    arts, errs = read(tmp_path)
    assert errs == []
    got = {a.id: a for a in arts}
    assert got["latin"].text.startswith("Caf\u00e9 owners") and got["latin"].meta["encoding"] == "cp1252"
    assert got["stray"].text.startswith("Caf\u00e9 \u2013 \ufffd")  # UTF-8 kept, the stray byte replaced
    assert got["stray"].meta["decode_replacements"] == 1
    assert got["utf16"].text == GOOD


def test_truncated_html(tmp_path: Path) -> None:
    (tmp_path / "cut.html").write_text(
        "<!DOCTYPE html><html><head><title>Fire Contained</title></head><body><article><p>" + GOOD + " The blaze"
    )
    (tmp_path / "cut2.html").write_text('<html><head><meta property="og:site_name" content="Bor')
    (tmp_path / "cut3.htm").write_bytes(b"<html><body><p>" + GOOD.encode() + b'</p><p class="')
    arts, errs = read(tmp_path)
    ids = {a.id for a in arts}
    assert {"cut", "cut3"} <= ids
    assert next(a for a in arts if a.id == "cut").text.startswith("Firefighters contained")
    assert [e.source for e in errs] == [str(tmp_path / "cut2.html")]  # nothing readable: reported
    assert "no readable text" in errs[0].reason


def test_jsonl_with_broken_lines_names_them(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": GOOD}),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "title": "Only a title"}),
        json.dumps({"id": "ok-2", "text": GOOD.replace("Sunday", "Monday")}),
    ]
    path.write_text("\n".join(lines) + "\n")
    arts, errs = read(path)
    assert [a.id for a in arts] == ["ok-1", "ok-2"]
    assert [(e.source, e.line) for e in errs] == [(str(path), 2), (str(path), 4), (str(path), 5)]
    assert "invalid JSON" in errs[0].reason and f"{path}:2" in str(errs[0])
    assert "JSON object" in errs[1].reason
    assert "no text" in errs[2].reason


def test_overlong_jsonl_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x " * 5000}) + "\n" + json.dumps({"id": "after", "text": GOOD}) + "\n")
    arts, errs = read(path)
    assert [a.id for a in arts] == ["after"]
    assert errs[0].line == 1 and "too large" in errs[0].reason


def test_malformed_feeds(tmp_path: Path) -> None:
    (tmp_path / "cut.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><ti')
    (tmp_path / "junk.xml").write_text("<?xml version='1.0'?><notafeed><a>1</b></notafeed>")
    (tmp_path / "half.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Border News</title>'
        f"<item><guid>bn-1</guid><title>Fire contained</title><description>{GOOD}</description></item>"
        "<item><guid>bn-2</guid><title>Second"
    )
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["bn-1"]  # what can be recovered is kept
    by_source: dict[str, list[str]] = {}
    for e in errs:
        by_source.setdefault(e.source, []).append(e.reason)
    assert any("malformed feed" in r for r in by_source[str(tmp_path / "cut.rss")])
    assert any("malformed feed" in r for r in by_source[str(tmp_path / "junk.xml")])
    assert any("items recovered" in r for r in by_source[str(tmp_path / "half.rss")])


def test_invalid_json_document(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('[{"text": "a"},\n {"text": ]')
    (tmp_path / "odd.json").write_text(json.dumps({"count": 3}))
    (tmp_path / "mixed.json").write_text(json.dumps([{"text": GOOD}, 7, {"title": "no text"}]))
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["mixed-1"]
    where = {(e.source, e.line) for e in errs}
    assert (str(tmp_path / "bad.json"), 2) in where
    assert (str(tmp_path / "odd.json"), None) in where
    assert {f"{tmp_path / 'mixed.json'}#2", f"{tmp_path / 'mixed.json'}#3"} <= {e.source for e in errs}


def test_50mb_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = (GOOD + " ") * 20 + "\n"
    with open(big, "w") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (tmp_path / "small.txt").write_text(GOOD)
    tracemalloc.start()
    try:
        arts, errs = read(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.id for a in arts] == ["small"]
    assert len(errs) == 1 and errs[0].source == str(big)
    assert "too large" in errs[0].reason
    assert peak < 10 * 1024 * 1024  # the 50 MB never entered memory


def test_huge_gzipped_text_is_refused_after_a_bounded_read(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb") as fh:
        for _ in range(12):
            fh.write(b"a" * (1024 * 1024))
    err = only_error(path)
    assert "too large" in err.reason and "decompression" in err.reason


def test_corrupt_gzip(tmp_path: Path) -> None:
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": GOOD}).encode())[:20])
    (tmp_path / "notgz.txt.gz").write_text(GOOD)
    arts, errs = read(tmp_path)
    assert arts == []
    assert {e.source for e in errs} == {str(tmp_path / "broken.jsonl.gz"), str(tmp_path / "notgz.txt.gz")}


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests often run as root, where chmod 000 does not stop reads: simulate the refusal instead.
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    (tmp_path / "open.txt").write_text(GOOD)
    real_open = builtins.open

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(sources, "open", fake_open, raising=False)
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["open"]
    assert [(e.source, e.reason) for e in errs] == [(str(locked), "permission denied")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read chmod 000 files")
def test_permission_denied_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    try:
        assert only_error(locked).reason == "permission denied"
    finally:
        locked.chmod(0o644)


def test_unreadable_subfolder_does_not_stop_the_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    real_scandir = os.scandir

    def fake_scandir(path: Any) -> Any:
        if Path(path) == tmp_path / "a":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", fake_scandir)
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["b"]
    assert [(e.source, e.reason) for e in errs] == [(str(tmp_path / "a"), "permission denied")]


def test_missing_path_and_special_files(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    arts, errs = read(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert [a.id for a in arts] == ["ok"]
    assert errs[0].source == str(tmp_path / "nope.txt") and "no such file" in errs[0].reason
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        assert only_error(tmp_path / "pipe.txt").reason == "not a regular file"


def test_a_crashing_reader_is_reported_and_the_walk_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.html").write_text(f"<html><body><p>{GOOD}</p></body></html>")

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(readers, "read_text", boom)
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["b"]
    assert errs[0].source == str(tmp_path / "a.txt") and "RuntimeError: reader bug" in errs[0].reason


def test_broken_and_truncated_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (tmp_path / "garbage.warc").write_bytes(b"this is not an archive at all\n" * 10)
    full = tmp_path / "full.warc"
    with open(full, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for n in (1, 2):
            page = f"<html><head><title>Page {n}</title></head><body><p>{GOOD}</p><p>{GOOD}</p></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(
                w.create_warc_record(
                    f"https://border.example/{n}", "response", payload=io.BytesIO(page.encode()), http_headers=headers
                )
            )
    data = full.read_bytes()
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 60])  # the archive ends inside record 2
    full.unlink()
    arts, errs = read(tmp_path)
    assert [a.title for a in arts] == ["Page 1"]
    sources_ = {e.source for e in errs}
    assert str(tmp_path / "garbage.warc") in sources_
    assert f"{tmp_path / 'cut.warc'}#2" in sources_


class _BinaryStdin(io.TextIOWrapper):
    """A text stream whose bytes are binary, like `cat photo.jpg | wirewatch ingest -`."""


def test_binary_on_stdin() -> None:
    stdin = _BinaryStdin(io.BytesIO(b"\x00\x01\x02garbage\xff" * 100), encoding="utf-8")
    items = list(iter_inputs(["-"], stdin=stdin))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].source == "<stdin>" and "NUL" in items[0].reason


def test_latin1_on_stdin_bytes() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(("Caf\u00e9 " + GOOD).encode("cp1252")), encoding="utf-8")
    (item,) = iter_inputs(["-"], stdin=stdin)
    assert isinstance(item, Article) and item.text.startswith("Caf\u00e9 ")
