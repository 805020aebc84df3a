"""The read and dedup side of a run (wirewatch/pipeline.py runs read -> dedup -> extract -> write -> connect).

`units_of` groups ready-made articles into inputs the way files are grouped. `DedupPlanner` decides, for
each batch of articles read, what the write step does with each one: insert it (new), update it (the same
input with new content), skip it (already stored), and whether it is a copy (exact: the same content as a
stored article; near: MinHash similarity, checked as each article is written). It extracts and connects
nothing: this package only reads and dedups.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import numpy as np

from ..errors import InputError
from ..model import Article
from ..store import runs
from ..store.db import Store
from .dedup import NearDuplicateIndex, content_hash, signature
from .readers import sha1_12
from .sources import file_stem

# What the write step does with an article: store it, replace the stored version, or leave it ("unchanged").
Action = Literal["insert", "update", "skip"]


def units_of(items: Iterable[Article | InputError]) -> Iterator[tuple[str, Iterator[Article | InputError]]]:
    """Ready-made items grouped into inputs by the file their source names ("a.jsonl:3" -> "a.jsonl"),
    so that a run over `articles` counts and reports like a run over the same files."""
    group: list[Article | InputError] = []
    label: str | None = None
    for item in items:
        src = item.source if isinstance(item, InputError) else (item.source or item.id)
        this = re.sub(r"(?:[:#]\d+)$", "", src or "")
        if group and this != label:
            yield label or "", iter(group)
            group = []
        label = this
        group.append(item)
    if group:
        yield label or "", iter(group)


class DedupPlanner:
    """Dedup decisions against the store and the articles planned before (in this batch and earlier ones)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.near = NearDuplicateIndex(store.conn)

    def plan(self, batch: list[Article]) -> list[tuple[Article, Action]]:
        """An action per article, in batch order. May rename an article (an id already taken by other
        content gets a suffix) and marks exact copies (`duplicate_of`, `duplicate_kind="exact"`)."""
        out: list[tuple[Article, Action]] = []
        planned: list[Article] = []
        pending: dict[str, tuple[str, str | None]] = {}  # id -> (content hash, source) planned in this batch
        store = self.store
        for art in batch:
            art.content_hash = art.content_hash or content_hash(art.text)
            action: Action = "insert"
            for _ in range(4):  # the id, then the id suffixed with the source or the content hash
                row = store.article_row(art.id)
                prev = (row["content_hash"], row["source"]) if row is not None else pending.get(art.id)
                if prev is None:
                    break
                prev_hash, prev_source = prev
                if prev_hash == art.content_hash:
                    if not _named_after_file(art) or _same_file(prev_source, art.source):
                        action = "skip"
                        break
                    # The same file name in another folder: a copy, stored with duplicate_of (once).
                    if runs.stored_from(store, art.source, art.content_hash) or any(
                        h == art.content_hash and s == art.source for h, s in pending.values()
                    ):
                        action = "skip"
                        break
                    art.id = f"{art.id}-{sha1_12(art.source or '')[:8]}"
                    continue
                if row is not None and row["source"] == art.source and art.id not in pending:
                    action = "update"
                    break
                art.id = f"{art.id}-{art.content_hash[:8]}"
            out.append((art, action))
            if action == "skip":
                continue
            pending[art.id] = (art.content_hash, art.source)
            canonical = store.find_by_hash(art.content_hash)
            if canonical is None:
                canonical = next((a.id for a in planned if a.content_hash == art.content_hash), None)
            if canonical is not None and canonical != art.id:
                art.duplicate_of, art.duplicate_kind = canonical, "exact"
            planned.append(art)
        return out

    def place(self, art: Article) -> np.ndarray:
        """Just before the article is written: mark a near copy of a stored article, point a copy at the
        root of its duplicate chain; returns the article's MinHash signature for `remember`."""
        sig = signature(art.text)
        if art.duplicate_kind is None:
            match = self.near.query(sig, exclude=art.id)
            if match is not None:
                row = self.store.article_row(match.article_id)
                root = row["duplicate_of"] if row is not None and row["duplicate_of"] else match.article_id
                art.duplicate_of, art.duplicate_kind = root, "near"
                art.meta["near_similarity"] = round(match.similarity, 3)
        elif art.duplicate_of is not None:
            row = self.store.article_row(art.duplicate_of)
            if row is not None and row["duplicate_of"]:
                art.duplicate_of = row["duplicate_of"]
        return sig

    def remember(self, article_id: str, sig: np.ndarray) -> None:
        """The article is stored: later articles are compared with it."""
        self.near.add(article_id, sig)


def _same_file(a: str | None, b: str | None) -> bool:
    """The same input, however spelt ("corpus/a.txt" and "/home/me/corpus/a.txt")."""
    if a == b:
        return True
    try:
        return a is not None and b is not None and os.path.samefile(a, b)
    except OSError:
        return False  # gone or never a file: a path we cannot compare is another file


def _named_after_file(art: Article) -> bool:
    """True when the article's id is its file's name (a text or HTML file), not an id the input gave."""
    return bool(art.source) and art.id == file_stem(Path(art.source or ""))
