"""Where articles come from: files, folders and stdin, each dispatched to the reader for its format.

`iter_inputs` never stops on a bad input: every problem (missing file, no permission, binary data,
a broken JSONL line, an oversized file) is yielded as an `InputError` and reading goes on.

Format by name first, content second: .txt/.text/.md/no extension -> text, .html/.htm -> HTML,
.xml/.rss/.atom -> feed, .jsonl/.ndjson -> JSON Lines, .json -> JSON, .warc/.warc.gz/.arc/.arc.gz ->
WARC; any of them may also be gzipped (".jsonl.gz"). A text-type or unknown name is sniffed, so a
saved page called "story.txt" is read as HTML and a feed without extension as a feed; an unknown
binary file is an InputError.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from ..errors import InputError
from ..model import Article
from . import readers
from .encoding import BinaryInput, binary_kind, decode_bytes, magic_kind
from .feeds import read_feed
from .readers import MAX_ARTICLE_BYTES, MAX_DOCUMENT_BYTES, MAX_HTML_BYTES, Item
from .warc import read_warc

STDIN_SOURCE = "<stdin>"
_TEXT_EXT = {".txt", ".text", ".md", ""}
_EXT_FORMAT = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    **{ext: "text" for ext in _TEXT_EXT},
}  # fmt: skip
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".warc.wet", ".warc.wet.gz")
_LIMITS = {"text": MAX_ARTICLE_BYTES, "html": MAX_HTML_BYTES, "feed": MAX_DOCUMENT_BYTES, "json": MAX_DOCUMENT_BYTES}
_HEAD_BYTES = 8192  # enough to sniff a format by


class _GzipUpToCut(io.RawIOBase):
    """A gzip stream that gives every byte a file cut short still holds, then raises EOFError (as GzipFile
    does, so the caller reports "corrupt gzip data"). GzipFile raises with its last decoded block unreturned:
    a truncated .jsonl.gz under 8 KB decompressed lost every record, a bigger one its last block's lines.
    Concatenated members (`cat a.gz b.gz`) are read on, as gzip(1) does."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.inflate = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
        self.pending = b""
        self.cut = False

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        while not self.pending:
            if self.inflate.eof:  # a member ended: another may follow
                rest = self.inflate.unused_data.lstrip(b"\0")  # zero padding after the last member, as GzipFile
                if not rest and not (rest := self.raw.read(65536).lstrip(b"\0")):
                    return 0
                self.inflate = zlib.decompressobj(wbits=31)
                self.pending = self.inflate.decompress(rest)
                continue
            chunk = self.raw.read(65536)
            if not chunk:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            self.pending = self.inflate.decompress(chunk)
        n = min(len(buf), len(self.pending))
        buf[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def _gunzip(raw: IO[bytes]) -> io.BufferedReader:
    return io.BufferedReader(_GzipUpToCut(raw))


def _gzip_head(raw: IO[bytes], size: int) -> bytes:
    """The first `size` decompressed bytes (fewer from a file cut short, rather than an error), rewound after."""
    stream = _gunzip(raw)
    out = b""
    try:
        while len(out) < size and (chunk := stream.read1(size - len(out))):
            out += chunk
    except EOFError:
        pass  # the cut is reported when the whole file is read
    raw.seek(0)
    return out


def iter_inputs(paths: Iterable[str | Path], *, stdin: TextIO | None = None) -> Iterator[Article | InputError]:
    """Articles (and InputErrors) from files, folders (recursively, sorted, hidden entries skipped) and
    "-" (stdin: one text article, or JSON Lines / JSON / HTML / a feed when it looks like one)."""
    for _, items in iter_input_files(paths, stdin=stdin):
        yield from items


def iter_input_files(
    paths: Iterable[str | Path], *, stdin: TextIO | None = None
) -> Iterator[tuple[str, Iterator[Article | InputError]]]:
    """(input, its items) per input file, "-" or unreadable path, in order: the unit that progress bars
    and the end-of-run summary count. Every input yields at least one item: a file that gives no article
    and no error says so ("no articles found"), so nothing is dropped silently."""
    for p in paths:
        if str(p) == "-":
            make = functools.partial(read_stdin, stdin if stdin is not None else sys.stdin)
            yield STDIN_SOURCE, _at_least_one(STDIN_SOURCE, _guard(STDIN_SOURCE, make))
            continue
        for entry in expand_path(Path(p)):
            if isinstance(entry, InputError):
                yield entry.source, iter([entry])
                continue
            yield read_input(entry)


def read_input(path: Path, source: str | None = None) -> tuple[str, Iterator[Article | InputError]]:
    """(input, its items) for one file. `source` is the name reports and the store give it (default: the
    path as given): a Dask worker opens the absolute path but names the file as the client listed it."""
    source = str(path) if source is None else source
    if not _utf8(source):
        shown = display_path(source)
        return shown, iter([InputError(shown, "file name is not valid UTF-8; rename the file to ingest it")])
    return source, _at_least_one(source, _guard(source, functools.partial(read_file, path, source)))


def display_path(path: str | Path) -> str:
    """A path as printable, storable text: bytes that are not UTF-8 (kept by Python as surrogates) are
    shown as \\xNN escapes."""
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _at_least_one(source: str, items: Iterable[Item]) -> Iterator[Item]:
    any_item = False
    for item in items:
        any_item = True
        yield item
    if not any_item:
        yield InputError(source, "no articles found in this input")


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many inputs `iter_input_files` will yield (stdin and each unreadable path count as one); a
    feed, JSONL or WARC file counts once however many articles it holds. None when the paths cannot be
    walked."""
    try:
        total = 0
        for p in paths:
            if str(p) == "-":
                total += 1
                continue
            total += sum(1 for _ in expand_path(Path(p)))
        return total
    except OSError:
        return None


# --- files -----------------------------------------------------------------------------------------


def read_file(path: Path, source: str | None = None) -> Iterator[Item]:
    """All articles of one file, whatever its format; `source` names it (default: the path)."""
    source = str(path) if source is None else source
    try:
        st = path.stat()
    except OSError as exc:
        yield InputError(source, _os_reason(exc))
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputError(source, "not a regular file")
        return
    if st.st_size == 0:
        yield InputError(source, "empty file")
        return
    name = path.name.lower()
    stem = file_stem(path)
    try:
        with open(path, "rb") as raw:
            gz = name.endswith(".gz")
            if name.endswith(_WARC_SUFFIXES):
                yield from read_warc(raw, source=source, stem=stem)
                return
            head = _gzip_head(raw, _HEAD_BYTES) if gz else raw.read(_HEAD_BYTES)
            stream: IO[bytes] = _gunzip(raw) if gz else raw
            inner = name[:-3] if gz else name
            fmt = _format_for(inner, head)
            if fmt == "warc":  # a WARC under another name: warcio handles its own (de)compression
                raw.seek(0)
                yield from read_warc(raw, source=source, stem=stem)
                return
            if fmt.startswith("binary:"):
                yield InputError(source, f"binary file ({fmt[7:]}), not a supported input format")
                return
            if fmt == "jsonl":  # streamed line by line from the start again
                raw.seek(0)
                lines: IO[bytes] = _gunzip(raw) if gz else raw
                yield from readers.read_jsonl(lines, source=source, stem=stem)
                return
            limit = _LIMITS[fmt]
            if not gz and st.st_size > limit:  # refuse before reading: a 50 MB file never enters memory
                yield InputError(source, readers.too_large(st.st_size, limit, _unit(fmt)))
                return
            data = stream.read(limit + 1) if gz else head + stream.read(limit + 1 - len(head))
            if len(data) > limit:
                yield InputError(source, readers.too_large(len(data), limit, _unit(fmt)) + " (after decompression)")
                return
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield InputError(source, f"corrupt gzip data: {exc}")
        return
    except OSError as exc:
        yield InputError(source, _os_reason(exc))
        return
    if fmt == "text":
        yield from readers.read_text(data, source=source, article_id=stem)
    elif fmt == "html":
        yield from readers.read_html(data, source=source, article_id=stem)
    elif fmt == "feed":
        yield from read_feed(data, source=source, stem=stem)
    else:
        yield from readers.read_json_document(data, source=source, stem=stem)


def read_stdin(stream: TextIO) -> Iterator[Item]:
    """stdin is usually one pasted article; JSON Lines, JSON, HTML and feeds are recognised."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        # The real stdin: read bytes so that binary or non-UTF-8 input gets the same treatment as a
        # file (detection, a clear error) instead of a UnicodeDecodeError from the locale codec.
        data = buffer.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            yield InputError(STDIN_SOURCE, readers.too_large(len(data), MAX_DOCUMENT_BYTES, "stdin"))
            return
        try:
            text, _ = decode_bytes(data)
        except BinaryInput as exc:
            yield InputError(STDIN_SOURCE, f"not text: {exc}")
            return
    else:
        text = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(text) > MAX_DOCUMENT_BYTES:
            yield InputError(STDIN_SOURCE, readers.too_large(len(text), MAX_DOCUMENT_BYTES, "stdin"))
            return
    if not text.strip():
        yield InputError(STDIN_SOURCE, "empty input")
        return
    fmt = _sniff(text[:8192].encode("utf-8", errors="replace"), allow_json=True) or "text"
    if fmt == "jsonl":
        yield from readers.read_jsonl(io.StringIO(text), source=STDIN_SOURCE, stem="stdin")
    elif fmt == "json":
        yield from readers.read_json_document(text, source=STDIN_SOURCE, stem="stdin")
    elif fmt == "feed":
        yield from read_feed(text.encode("utf-8"), source=STDIN_SOURCE, stem="stdin")
    elif fmt == "html":
        yield from readers.read_html(text, source=STDIN_SOURCE, article_id=f"stdin-{_sha1(text)}")
    elif len(text.encode("utf-8", errors="replace")) > MAX_ARTICLE_BYTES:
        yield InputError(STDIN_SOURCE, readers.too_large(len(text.encode("utf-8", "replace")), MAX_ARTICLE_BYTES))
    else:
        yield readers.text_article(text.replace("\r\n", "\n"), source=STDIN_SOURCE, article_id=f"stdin-{_sha1(text)}")


def file_stem(path: Path) -> str:
    """The file name without its format suffixes: "a.txt" -> "a", "crawl.warc.gz" -> "crawl"."""
    name = path.name
    lower = name.lower()
    for suffix in sorted(_WARC_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)] or name
    if lower.endswith(".gz"):
        name = name[:-3]
    return Path(name).stem or name


# --- walking ---------------------------------------------------------------------------------------


def expand_path(path: Path) -> Iterator[Path | InputError]:
    """A file as itself; a folder as its files, recursively, in sorted order, hidden entries skipped.
    Symlinked folders are not followed (no loops); symlinked files are read."""
    try:
        is_dir = path.is_dir()
    except OSError as exc:
        yield InputError(display_path(path), _os_reason(exc))
        return
    if not is_dir:
        if not path.exists() and not path.is_symlink():
            yield InputError(display_path(path), "no such file or directory")
        else:
            yield path
        return
    try:
        with os.scandir(path) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(display_path(path), _os_reason(exc))
        return
    for e in entries:
        child = path / e.name
        try:
            if e.is_dir(follow_symlinks=False):
                yield from expand_path(child)
                continue
            if e.is_symlink() and e.is_dir():
                continue  # a link to a folder: skipped to avoid cycles
        except OSError as exc:
            yield InputError(display_path(child), _os_reason(exc))
            continue
        yield child


def _guard(source: str, make: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """Run a reader; an unexpected exception in it becomes an InputError for that source instead of
    ending the whole run (the articles it yielded before the failure are kept)."""
    try:
        yield from make()
    except Exception as exc:  # noqa: BLE001 - the contract is: report and go on
        yield InputError(source, f"unexpected error while reading: {type(exc).__name__}: {exc}")


# --- format detection ------------------------------------------------------------------------------


def _format_for(name: str, head: bytes) -> str:
    """The format of a file: "text", "html", "feed", "jsonl", "json", "warc" or "binary:<what>", from
    its name (without .gz) and its first bytes."""
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "binary:gzip data, but the name does not end in .gz"
    ext = os.path.splitext(name)[1]
    if _EXT_FORMAT.get(ext) == "jsonl":
        # Read line by line whatever the first 8 KB hold: one NUL byte rejects its line, not the file.
        magic = magic_kind(head)
        return f"binary:{magic}" if magic else "jsonl"
    kind = binary_kind(head)
    if kind:
        return f"binary:{kind}"
    by_name = _EXT_FORMAT.get(ext)
    if by_name in ("text", None):
        # Text-type names are sniffed only for markup (a saved page called .txt); names we do not know,
        # or no extension at all, may be anything.
        sniffed = _sniff(head, allow_json=by_name is None or ext == "")
        return sniffed or "text"
    return by_name


def _sniff(head: bytes, *, allow_json: bool) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    if start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed"):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")):
            return "feed"
        if b"<html" in start:
            return "html"
        return None
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or (
        start.startswith(b"<") and b"<p" in start and b"</" in start
    ):
        return "html"
    if allow_json and start.startswith(b"["):
        return "json"
    if allow_json and start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith(b"}") else "json"
    return None


def _unit(fmt: str) -> str:
    return {"text": "article", "html": "HTML page"}.get(fmt, "document")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", errors="replace")).hexdigest()[:12]
