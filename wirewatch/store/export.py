"""Exports in the contract of `../shared/eval/README.md`: JSON Lines, CSV and Parquet.

JSONL keeps nested fields (actor objects, mention lists) as they are. CSV and Parquet are flat tables:
nested values are JSON-encoded strings in their column, so every row has the same schema.

CSV cells are opened by spreadsheets, which run a cell that starts with = + - @ (or TAB / CR, which some
of them skip first) as a formula: `=HYPERLINK(...)` in a scraped title would be live. Such cells get a
leading `'` (OWASP's advice for CSV injection); JSONL and Parquet keep values exactly.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import ConfigError
from ..records import (
    article_record,
    conflict_record,
    entity_record,
    event_record,
)
from .db import Store

KINDS = ("articles", "events", "entities", "timexes", "conflicts", "stories")
FORMATS = ("jsonl", "csv", "parquet")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def rows(store: Store, kind: str, *, with_text: bool = False) -> Iterator[dict[str, Any]]:
    """The export records of one kind, in a stable order; `with_text` adds each article's body text."""
    if kind == "articles":
        for a in store.iter_articles():
            yield article_record(a, with_text=with_text)
    elif kind == "events":
        for ev in store.events():  # every mention is in an event (a lone one in a one-mention event)
            yield event_record(ev)
    elif kind == "entities":
        for e in store.entities():
            yield entity_record(e)
    elif kind == "timexes":
        for r in store.conn.execute('SELECT * FROM timexes ORDER BY article_id, start'):
            yield {k: r[k] for k in ("article_id", "start", "end", "text", "type", "value", "precision")}
    elif kind == "conflicts":
        for c in store.conflicts():
            yield conflict_record(c)
    elif kind == "stories":
        for s in store.stories():
            yield {
                "id": s.id, "label": s.label, "start": s.start, "end": s.end,
                "key_entities": s.key_entities, "article_ids": s.article_ids,
            }
    else:
        raise ConfigError(f"unknown export kind {kind!r}; choose one of {', '.join(KINDS)}")


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for k, v in rec.items()
    }


def csv_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write(
    store: Store, kind: str, fmt: str = "jsonl", out: str | Path | None = None, *, with_text: bool = False
) -> int:
    """Write one export; `out` None or "-" means stdout (not for parquet). Returns the row count.
    `with_text` adds the body text to article records."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    records = rows(store, kind, with_text=with_text)
    to_stdout = out is None or str(out) == "-"
    if fmt == "parquet":
        if to_stdout:
            raise ConfigError("parquet is binary: give an output file with -o FILE")
        return _write_parquet(list(records), Path(str(out)))
    if to_stdout:
        return _write_text(records, fmt, sys.stdout)
    with open(str(out), "w", encoding="utf-8", newline="") as fh:
        return _write_text(records, fmt, fh)


def _write_text(records: Iterator[dict[str, Any]], fmt: str, fh: TextIO) -> int:
    n = 0
    if fmt == "jsonl":
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer: csv.DictWriter[str] | None = None
    for rec in records:
        flat = {k: csv_safe(v) for k, v in _flat(rec).items()}
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def _write_parquet(records: list[dict[str, Any]], path: Path | BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [_flat(r) for r in records]
    columns: dict[str, list[Any]] = {}
    for rec in flat:
        for k in rec:
            columns.setdefault(k, [])
    for rec in flat:
        for k in columns:
            columns[k].append(rec.get(k))
    table = pa.table(columns) if columns else pa.table({})
    pq.write_table(table, path)
    return len(flat)


def to_string(store: Store, kind: str, fmt: str = "jsonl", *, with_text: bool = False) -> str:
    buf = io.StringIO()
    _write_text(rows(store, kind, with_text=with_text), fmt, buf)
    return buf.getvalue()
