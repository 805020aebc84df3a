"""The ingest run: read inputs -> dedup -> extract -> connect -> store, in batches.

Each batch is written in one transaction (article rows, dedup signatures, extraction results, story and
event links), so an interrupted run (Ctrl-C, kill) leaves whole articles or nothing, and re-running the
same command completes it: articles already stored with the same content are skipped ("unchanged").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import ComponentError, InputError
from ..model import Article
from ..pipeline import Pipeline
from ..store.db import Store
from .dedup import NearDuplicateIndex, content_hash, signature

# A connect step runs inside the batch transaction after the article (and its extraction) is stored.
Connector = Callable[[Store, Article], None]


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "extracted": self.extracted,
            "failed": self.failed,
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
    `connectors` override the default connect steps (story assignment, event fusion).
    """
    store = store if store is not None else Store()
    if articles is None:
        from .sources import iter_inputs

        articles = iter_inputs(list(paths or []), stdin=stdin)
    if extract and pipeline is None:
        from ..extract import extraction_components

        pipeline = Pipeline(extraction_components())
    if connectors is None:
        connectors = default_connectors()
    run = _Run(store, pipeline if extract else None, list(connectors))
    batch: list[Article] = []
    for item in articles:
        if isinstance(item, InputError):
            run.report.add_failure(item)
            store.record_error(item)
            if progress:
                progress(1)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            run.flush(batch, progress)
            batch = []
    if batch:
        run.flush(batch, progress)
    return run.report


def default_connectors() -> list[Connector]:
    """Story assignment and event fusion, when the connect package provides them."""
    try:
        from ..connect import default_connectors as connect_defaults
    except ImportError:
        return []
    return list(connect_defaults())


class _Run:
    def __init__(self, store: Store, pipeline: Pipeline | None, connectors: list[Connector]) -> None:
        self.store = store
        self.pipeline = pipeline
        self.connectors = connectors
        self.report = IngestReport()
        self.near = NearDuplicateIndex(store.conn)

    def flush(self, batch: list[Article], progress: Callable[[int], None] | None) -> None:
        todo = self._plan(batch)
        if progress and len(todo) < len(batch):
            progress(len(batch) - len(todo))
        to_extract = [a for a, _ in todo if a.duplicate_kind != "exact"]
        extracted: dict[str, Article | ComponentError] = {}
        if self.pipeline is not None and to_extract:
            for out in self.pipeline.pipe(to_extract):
                if isinstance(out, ComponentError):
                    extracted[out.article_id] = out
                else:
                    extracted[out.id] = out
        with self.store.transaction():
            for art, action in todo:
                self._write(art, action, extracted.get(art.id))
                if progress:
                    progress(1)

    def _plan(self, batch: list[Article]) -> list[tuple[Article, str]]:
        """Decide per article: insert, update (same source, new content), or skip (unchanged)."""
        todo: list[tuple[Article, str]] = []
        pending: dict[str, str] = {}
        for art in batch:
            art.content_hash = art.content_hash or content_hash(art.text)
            action = "insert"
            for _ in range(3):  # the id, then the id suffixed with the content hash
                row = self.store.article_row(art.id)
                prev_hash = row["content_hash"] if row is not None else pending.get(art.id)
                if prev_hash is None:
                    break
                if prev_hash == art.content_hash:
                    action = "skip"
                    break
                if row is not None and row["source"] == art.source and art.id not in pending:
                    action = "update"
                    break
                art.id = f"{art.id}-{art.content_hash[:8]}"
            if action == "skip":
                self.report.unchanged += 1
                continue
            pending[art.id] = art.content_hash
            canonical = self.store.find_by_hash(art.content_hash)
            if canonical is None:
                canonical = next((a.id for a, _ in todo if a.content_hash == art.content_hash), None)
            if canonical is not None and canonical != art.id:
                art.duplicate_of, art.duplicate_kind = canonical, "exact"
            todo.append((art, action))
        return todo

    def _write(self, art: Article, action: str, extracted: Article | ComponentError | None) -> None:
        store = self.store
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
        else:
            store.insert_article(art)
            if art.duplicate_kind == "exact":
                self.report.exact_duplicates += 1
            elif art.duplicate_kind == "near":
                self.report.near_duplicates += 1
            else:
                self.report.stored += 1
        self.near.add(art.id, sig)
        self.report.article_ids.append(art.id)
        if isinstance(extracted, ComponentError):
            self.report.add_failure(extracted)
        elif extracted is not None:
            store.save_extraction(extracted)
            self.report.extracted += 1
            art = extracted
        for connect in self.connectors:
            connect(store, art)


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
    done, failures = 0, []
    for i in range(0, len(ids), batch_size):
        arts = [store.get_article(a) for a in ids[i : i + batch_size]]
        results = list(pipeline.pipe(arts))
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
