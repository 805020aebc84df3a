"""The ingest run: read inputs -> dedup -> extract -> connect -> store, in batches.

Each batch is written in one transaction (article rows, dedup signatures, extraction results, story and
event links), so an interrupted run (Ctrl-C, kill) leaves whole articles or nothing, and re-running the
same command completes it: articles already stored with the same content are skipped ("unchanged").
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import ComponentError, InputError
from ..extract.nlp import restore_text
from ..model import Article
from ..pipeline import Pipeline
from ..store.db import Store
from ..store.stories import reset as reset_stories
from .dedup import NearDuplicateIndex, content_hash, signature
from .readers import sha1_12

# A connect step runs inside the batch transaction after the article (and its extraction) is stored.
Connector = Callable[[Store, Article], None]


# How each input (file, "-", unreadable path) ended, best outcome first: a JSONL file with one good line
# and one broken line is "stored" (the broken line is listed under "failed").
FILE_OUTCOMES = ("stored", "updated", "duplicate", "unchanged", "failed")


@dataclass
class IngestReport:
    stored: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    updated: int = 0
    extracted: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    # input -> its outcome (one of FILE_OUTCOMES); every input the run opened is here
    files: dict[str, str] = field(default_factory=dict)

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def ok(self) -> bool:
        return not self.failed

    def add_failure(self, err: InputError | ComponentError) -> None:
        if isinstance(err, InputError):
            self.failed.append({"source": err.source, "line": err.line, "reason": err.reason})
        else:
            self.failed.append(
                {"source": err.article_id, "line": None, "reason": f"{err.component}: {err.cause!r}"}
            )

    def note_file(self, unit: str, outcome: str) -> None:
        prev = self.files.get(unit)
        if prev is None or FILE_OUTCOMES.index(outcome) < FILE_OUTCOMES.index(prev):
            self.files[unit] = outcome

    def to_dict(self) -> dict[str, Any]:
        outcomes = list(self.files.values())
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "extracted": self.extracted,
            "failed": self.failed,
            "files": {"total": len(outcomes), **{o: outcomes.count(o) for o in FILE_OUTCOMES}},
        }


def ingest(
    paths: Iterable[str | Path] | None = None,
    store: Store | None = None,
    *,
    articles: Iterable[Article | InputError] | None = None,
    extract: bool = True,
    pipeline: Pipeline | None = None,
    connectors: Sequence[Connector] | None = None,
    batch_size: int = 32,
    stdin: TextIO | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest files/folders (`paths`, "-" for stdin) or ready-made `articles` into `store`.

    `extract=False` stores articles only. `pipeline` overrides the default extraction pipeline;
    `connectors` override the default connect steps (story assignment, event fusion). `progress(n)`
    counts inputs (files, "-", unreadable paths; for `articles`, the files their sources name) as
    each one is completely written, the unit `sources.count_inputs` counts.
    """
    store = store if store is not None else Store()
    if articles is None:
        from .sources import iter_input_files

        units: Iterable[tuple[str, Iterable[Article | InputError]]] = iter_input_files(list(paths or []), stdin=stdin)
    else:
        units = _units_of(articles)
    if extract and pipeline is None:
        from ..extract import extraction_components

        pipeline = Pipeline(extraction_components())
    if connectors is None:
        connectors = default_connectors()
    run = _Run(store, pipeline if extract else None, list(connectors), progress)
    batch: list[tuple[Article, str]] = []
    for unit, items in units:
        run.open(unit)
        for item in items:
            if isinstance(item, InputError):
                run.report.add_failure(item)
                run.report.note_file(unit, "failed")
                store.record_error(item)
                continue
            run.pending[unit] += 1
            batch.append((item, unit))
            if len(batch) >= batch_size:
                run.flush(batch)
                batch = []
        run.close(unit)
    if batch:
        run.flush(batch)
    return run.report


def _units_of(items: Iterable[Article | InputError]) -> Iterator[tuple[str, Iterator[Article | InputError]]]:
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


def default_connectors() -> list[Connector]:
    """Story assignment and event fusion, when the connect package provides them."""
    try:
        from ..connect import default_connectors as connect_defaults
    except ImportError:
        return []
    return list(connect_defaults())


class _Run:
    def __init__(
        self, store: Store, pipeline: Pipeline | None, connectors: list[Connector],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.connectors = connectors
        self.progress = progress
        self.report = IngestReport()
        self.near = NearDuplicateIndex(store.conn)
        self.pending: Counter[str] = Counter()  # input -> its articles read but not written yet
        self.reading: set[str] = set()

    def open(self, unit: str) -> None:
        self.reading.add(unit)

    def close(self, unit: str) -> None:
        self.reading.discard(unit)
        self._done(unit)

    def _done(self, unit: str) -> None:
        if unit not in self.reading and self.pending[unit] == 0:
            del self.pending[unit]
            if self.progress:
                self.progress(1)

    def _written(self, unit: str, outcome: str) -> None:
        self.report.note_file(unit, outcome)
        self.pending[unit] -= 1
        self._done(unit)

    def flush(self, batch: list[tuple[Article, str]]) -> None:
        unit_of = {id(a): u for a, u in batch}
        todo = self._plan([a for a, _ in batch])
        planned = {id(a) for a, _ in todo}
        for art, unit in batch:
            if id(art) not in planned:
                self._written(unit, "unchanged")
        to_extract = [a for a, _ in todo if a.duplicate_kind != "exact"]
        extracted: dict[int, Article | ComponentError] = {}
        if self.pipeline is not None and to_extract:
            by_id = {a.id: a for a in to_extract}
            for out in self.pipeline.pipe(to_extract):
                if isinstance(out, Article):
                    restore_text(out)
                key = out.article_id if isinstance(out, ComponentError) else out.id
                if key in by_id:
                    extracted[id(by_id[key])] = out
        with self.store.transaction():
            for art, action in todo:
                outcome = self._write(art, action, extracted.get(id(art)))
                self._written(unit_of[id(art)], outcome)

    def _plan(self, batch: list[Article]) -> list[tuple[Article, str]]:
        """Decide per article: insert, update (same source, new content), or skip (unchanged)."""
        todo: list[tuple[Article, str]] = []
        pending: dict[str, tuple[str, str | None]] = {}  # id -> (content hash, source) planned in this batch
        for art in batch:
            art.content_hash = art.content_hash or content_hash(art.text)
            action = "insert"
            for _ in range(4):  # the id, then the id suffixed with the source or the content hash
                row = self.store.article_row(art.id)
                prev = (row["content_hash"], row["source"]) if row is not None else pending.get(art.id)
                if prev is None:
                    break
                prev_hash, prev_source = prev
                if prev_hash == art.content_hash:
                    if not _named_after_file(art) or _same_file(prev_source, art.source):
                        action = "skip"
                        break
                    # The same file name in another folder: a copy, stored with duplicate_of (once).
                    if self._stored_from(art.source, art.content_hash) or any(
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
            if action == "skip":
                self.report.unchanged += 1
                continue
            pending[art.id] = (art.content_hash, art.source)
            canonical = self.store.find_by_hash(art.content_hash)
            if canonical is None:
                canonical = next((a.id for a, _ in todo if a.content_hash == art.content_hash), None)
            if canonical is not None and canonical != art.id:
                art.duplicate_of, art.duplicate_kind = canonical, "exact"
            todo.append((art, action))
        return todo

    def _stored_from(self, source: str | None, chash: str) -> bool:
        row = self.store.conn.execute(
            "SELECT 1 FROM articles WHERE source = ? AND content_hash = ? LIMIT 1", (source, chash)
        ).fetchone()
        return row is not None

    def _write(self, art: Article, action: str, extracted: Article | ComponentError | None) -> str:
        """Store one planned article; returns the input's outcome (stored, duplicate, updated, unchanged,
        failed)."""
        store = self.store
        restore_text(art)  # whole again even when a component after the parse failed
        sig = signature(art.text)
        if art.duplicate_kind is None:
            match = self.near.query(sig, exclude=art.id)
            if match is not None:
                row = store.article_row(match.article_id)
                root = row["duplicate_of"] if row is not None and row["duplicate_of"] else match.article_id
                art.duplicate_of, art.duplicate_kind = root, "near"
                art.meta["near_similarity"] = round(match.similarity, 3)
        elif art.duplicate_of is not None:
            # An exact copy: point at the root of the duplicate chain.
            row = store.article_row(art.duplicate_of)
            if row is not None and row["duplicate_of"]:
                art.duplicate_of = row["duplicate_of"]
        if action == "update":
            store.replace_article(art)
            self.report.updated += 1
            outcome = "updated"
        elif not store.insert_article(art):
            # Another writer (the API, a second ingest) stored this id since the plan was made.
            row = store.article_row(art.id)
            if row is not None and row["content_hash"] == art.content_hash:
                self.report.unchanged += 1
                return "unchanged"
            self.report.failed.append({"source": art.source or art.id, "line": None, "reason": (
                f"article id {art.id!r} was stored by another writer during this run with different content; "
                "run the same command again to store this version")})
            return "failed"
        else:
            if art.duplicate_kind == "exact":
                self.report.exact_duplicates += 1
            elif art.duplicate_kind == "near":
                self.report.near_duplicates += 1
            else:
                self.report.stored += 1
            outcome = "duplicate" if art.duplicate_kind else "stored"
        self.near.add(art.id, sig)
        self.report.article_ids.append(art.id)
        if isinstance(extracted, ComponentError):
            self.report.add_failure(extracted)
        elif extracted is not None:
            store.save_extraction(extracted)
            self.report.extracted += 1
            art = extracted
            parse = art.meta.get("parse")
            if parse:
                self.report.failed.append({"source": art.source or art.id, "line": None, "reason": (
                    f"extraction incomplete: {parse['reason']} after {parse['parsed_chars']:,} of "
                    f"{parse['total_chars']:,} characters; the article is stored, the rest is not extracted")})
        for connect in self.connectors:
            connect(store, art)
        return outcome


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
    from .sources import file_stem

    return bool(art.source) and art.id == file_stem(Path(art.source or ""))


def reextract(
    store: Store,
    *,
    ontology: str | None = None,
    only_missing: bool = False,
    pipeline: Pipeline | None = None,
    connectors: Sequence[Connector] | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, list[str]]:
    """Run extraction again over stored articles (exact duplicates are skipped: they repeat their original).

    Returns (articles extracted, failure messages). Each batch is one transaction, like ingest.
    """
    if pipeline is None:
        from ..extract import extraction_components

        pipeline = Pipeline(extraction_components(ontology))
    if connectors is None:
        connectors = default_connectors()
    where = "(duplicate_kind IS NULL OR duplicate_kind != 'exact')"
    if only_missing:
        where += " AND extracted_at IS NULL"
    ids = [r[0] for r in store.conn.execute(f"SELECT id FROM articles WHERE {where} ORDER BY rowid")]
    if not only_missing:
        # Fusion is incremental (each article joins the events known so far): re-fusing into the events of
        # the previous run would depend on that run and drift (95 -> 91 demo events). Fuse from scratch,
        # in arrival order, like ingest did.
        store.clear_fusion()
        with store.transaction():
            reset_stories(store.conn)  # stories too: fusion looks within the story an article had then
    done, failures = 0, []
    for i in range(0, len(ids), batch_size):
        arts = [store.get_article(a) for a in ids[i : i + batch_size]]
        results = [restore_text(r) if isinstance(r, Article) else r for r in pipeline.pipe(arts)]
        with store.transaction():
            for res in results:
                if isinstance(res, ComponentError):
                    failures.append(str(res))
                    continue
                store.save_extraction(res)
                for connect in connectors:
                    connect(store, res)
                done += 1
        if progress:
            progress(len(arts))
    return done, failures
