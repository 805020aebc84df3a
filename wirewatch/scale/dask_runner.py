"""Batch runs over big archives on Dask: extraction in parallel, writes in order.

`run_batch` lists the input files (folders recursively, with the same rules as `iter_inputs`), cuts the
list into partitions (a `dask.bag`), and in each partition reads the files and runs the CPU-heavy
extraction (spaCy parse, time expressions, entities, events). A worker process loads the spaCy pipeline
once and keeps it in a module-level cache. A partition returns plain, picklable results: `Article`s with
their extraction results (the spaCy `doc` dropped) and `InputError`s.

The driver writes the results into the store one after another through the ordinary `ingest` path
(`ingest(articles=...)`), so dedup, story assignment, event fusion and conflicts, which need the global
state of the database, run exactly as in a plain ingest of the same files in the same order. The
driver's pipeline does no extraction: it only carries over what the workers found.

Results stream partition by partition: besides the one being written, at most `workers + 1` partitions
are being extracted or wait in memory, never the whole archive.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Literal

from ..errors import ComponentError, InputError
from ..ingest.batch import Connector, IngestReport, ingest
from ..ingest.sources import expand_path, iter_inputs
from ..model import Article
from ..pipeline import Pipeline
from ..store.db import Store

Scheduler = Literal["processes", "threads", "synchronous"]
SCHEDULERS: tuple[str, ...] = ("processes", "threads", "synchronous")

# One partition's output: each item with, for an article whose extraction failed, (component, cause).
Result = tuple[Article | InputError, tuple[str, BaseException] | None]

# Per process: extraction pipelines by ontology path, built on first use (spaCy loads once per worker).
_PIPELINES: dict[str | None, Pipeline] = {}
# Components keep per-call state: with the "threads" scheduler, one partition at a time uses the pipeline.
_LOCK = threading.Lock()


def worker_pipeline(ontology: str | None = None) -> Pipeline:
    """The extraction pipeline of this process, loaded on first use and cached."""
    pipe = _PIPELINES.get(ontology)
    if pipe is None:
        from ..extract import extraction_components

        pipe = _PIPELINES[ontology] = Pipeline(extraction_components(ontology))
    return pipe


def list_inputs(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files `iter_inputs` would read, in its order; a path that cannot be walked is an InputError."""
    for p in paths:
        if str(p) == "-":
            raise ValueError("run_batch cannot read stdin; use ingest (wirewatch ingest -) instead")
        yield from expand_path(Path(p))


def extract_partition(files: Sequence[str], ontology: str | None = None, batch_size: int = 32) -> list[Result]:
    """Read and extract one partition of files (runs in a worker). Never raises for a bad input."""
    items = list(iter_inputs(files))
    arts = [a for a in items if isinstance(a, Article)]
    failures: dict[int, tuple[str, BaseException]] = {}
    if arts:
        with _LOCK:
            pipeline = worker_pipeline(ontology)
            results = list(pipeline.pipe(arts, batch_size=batch_size))
        for art, res in zip(arts, results, strict=True):
            if isinstance(res, ComponentError):
                failures[id(art)] = (res.component, _picklable(res.cause))
    out: list[Result] = []
    for item in items:
        if isinstance(item, Article):
            item.doc = None  # a spaCy Doc is big and not needed any more: only the extraction results travel
        out.append((item, failures.get(id(item))))
    return out


def run_batch(
    paths: Iterable[str | Path],
    store: Store,
    *,
    workers: int = 2,
    partition_size: int = 200,
    scheduler: Scheduler | str = "processes",
    ontology: str | None = None,
    connectors: Sequence[Connector] | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    on_partition: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest files/folders into `store` with extraction spread over Dask workers.

    `workers`: processes (or threads) extracting in parallel; `partition_size`: files per Dask partition;
    `scheduler`: "processes" (real parallelism, each worker loads spaCy once), "threads" or "synchronous"
    (both in this process: for tests and debugging). `progress(n)` is called as articles are written (like
    `ingest`), `on_partition(done, total)` after each partition is written. The report is `ingest`'s.
    """
    if scheduler not in SCHEDULERS:
        raise ValueError(f"unknown scheduler {scheduler!r}: use one of {', '.join(SCHEDULERS)}")
    if workers < 1 or partition_size < 1:
        raise ValueError("workers and partition_size must be at least 1")
    entries = list(list_inputs(paths))  # paths only (small); the articles themselves stream
    restore = _Restore()
    items = _stream(entries, restore, workers=workers, partition_size=partition_size, scheduler=scheduler,
                    ontology=ontology, on_partition=on_partition)
    return ingest(articles=items, store=store, pipeline=Pipeline([restore]), connectors=connectors,
                  batch_size=batch_size, progress=progress)


# --- streaming ---------------------------------------------------------------------------------------


def _stream(
    entries: list[Path | InputError],
    restore: _Restore,
    *,
    workers: int,
    partition_size: int,
    scheduler: str,
    ontology: str | None,
    on_partition: Callable[[int, int], None] | None,
) -> Iterator[Article | InputError]:
    """Articles and InputErrors in input order; partitions are extracted ahead of the writes, in parallel."""
    import dask
    import dask.bag as db

    # Walking errors (a missing path) come first in their place: split the list into runs of files.
    runs: list[list[str] | InputError] = []
    for e in entries:
        if isinstance(e, InputError):
            runs.append(e)
        elif runs and isinstance(runs[-1], list):
            runs[-1].append(str(e))
        else:
            runs.append([str(e)])
    parts: list[Any] = []  # dask delayed partitions and InputErrors, in order
    for run in runs:
        if isinstance(run, InputError):
            parts.append(run)
            continue
        bag = db.from_sequence(run, partition_size=partition_size)
        parts.extend(bag.map_partitions(extract_partition, ontology).to_delayed())
    total = sum(1 for p in parts if not isinstance(p, InputError))
    written = 0

    def emit(part: list[Result]) -> Iterator[Article | InputError]:
        nonlocal written
        for item, failure in part:
            if failure is not None and isinstance(item, Article):
                restore.failed[id(item)] = (item, failure)
            yield item
        written += 1
        if on_partition:
            on_partition(written, total)

    if scheduler == "synchronous":  # everything in this thread, one partition at a time: for debugging
        for p in parts:
            if isinstance(p, InputError):
                yield p
            else:
                (part,) = dask.compute(p, scheduler="synchronous")
                yield from emit(part)
        return

    with ExitStack() as stack:
        compute_kw: dict[str, Any] = {"scheduler": "synchronous"}  # "threads": parallelism from `ahead`
        if scheduler == "processes" and total:
            ctx = multiprocessing.get_context(dask.config.get("multiprocessing.context", "spawn"))
            pool = stack.enter_context(ProcessPoolExecutor(min(workers, total), mp_context=ctx))
            compute_kw = {"scheduler": "processes", "pool": pool, "chunksize": 1}
        # Partitions are computed `workers` at a time, in order, while this thread writes the earlier ones;
        # at most `workers + 1` finished or running partitions wait here, so memory stays bounded.
        ahead = stack.enter_context(ThreadPoolExecutor(workers, thread_name_prefix="wirewatch-batch"))
        queue: deque[Future[list[Result]] | InputError] = deque()
        todo = iter(parts)
        for p in todo:
            queue.append(p if isinstance(p, InputError) else ahead.submit(_compute, p, compute_kw))
            if sum(1 for q in queue if not isinstance(q, InputError)) > workers:
                break
        while queue:
            head = queue.popleft()
            if isinstance(head, InputError):
                yield head
                continue
            part = head.result()
            for p in todo:  # refill: one partition out, one in
                queue.append(p if isinstance(p, InputError) else ahead.submit(_compute, p, compute_kw))
                if not isinstance(p, InputError):
                    break
            yield from emit(part)
            del part


def _compute(part: Any, kwargs: dict[str, Any]) -> list[Result]:
    (result,) = _dask_compute(part, **kwargs)
    return result


def _dask_compute(*args: Any, **kwargs: Any) -> Any:
    import dask

    return dask.compute(*args, **kwargs)


class _Restore:
    """The driver's pipeline: no extraction, only what the workers found, made to look as if it had been
    extracted here. Ingest may rename an article (an id already taken by other content); its event
    mentions then follow the new id. A failure of a worker's component is raised again, under that
    component's name, so the report reads exactly like a plain ingest's."""

    reads: tuple[str, ...] = ("events", "entities")
    writes: tuple[str, ...] = ("events", "entities")

    def __init__(self) -> None:
        # id(article) -> (article, (component, cause)); the article is kept so that its id() is not reused
        self.failed: dict[int, tuple[Article, tuple[str, BaseException]]] = {}
        # Pipeline reads `name` when it wraps a failure: set to the failing worker component's name first.
        self.name = "restore"

    def __call__(self, article: Article) -> Article:
        entry = self.failed.pop(id(article), None)
        if entry is not None and entry[0] is article:
            self.name = entry[1][0]
            raise entry[1][1]
        self.name = "restore"
        for m in article.events:
            m.article_id = article.id
        for e in article.entities:
            if e.articles:
                e.articles = [article.id]
        return article


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any exception that does not travel is replaced by its description
        return RuntimeError(repr(exc))
