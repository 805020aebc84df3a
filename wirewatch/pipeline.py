"""The run: read -> dedup -> extract -> write -> connect, and the components extraction is made of.

    read     wirewatch.ingest.sources: files, folders, stdin -> Articles and InputErrors, input by input
    dedup    wirewatch.ingest.batch.DedupPlanner: insert, update or skip each article; exact and near copies
    extract  `extract_articles`: the pipeline's components over a batch; touches no store and no global state,
             one result per article, in order, picklable (no spaCy Doc, the whole text), so it runs here or
             on Dask workers (wirewatch/scale/dask_runner.py) with the same results
    write    `Run`: article row, dedup signature and extraction results, one transaction per batch
    connect  connectors (story, event fusion, corroboration, conflicts) in the same transaction, in input order

`ingest`, `reextract` and `wirewatch.scale.run_batch` are this one run: only where extraction happens
differs. Write and connect need the whole database and happen in one process, the run's single writer, so an
interrupted run leaves whole articles or nothing and re-running the same command completes it.

A component is any object with a `name`, the `reads` and `writes` it declares (Article attribute names),
and `__call__(article) -> article`; it may offer `pipe(articles) -> iterator` for batch efficiency (the parse
component uses spaCy's `nlp.pipe`). `Pipeline` checks the declarations when it is built, as spaCy's
`analyze_pipes` does: a component that reads what no earlier component writes is a ConfigError. Running, it
wraps any failure in a ComponentError naming the component and the article, so a bad article never takes
the batch down silently.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TextIO, runtime_checkable

from .errors import ComponentError, ConfigError, InputError
from .model import Article

if TYPE_CHECKING:  # the store, dedup (numpy) and NLP load when a run starts, not on import
    from pathlib import Path

    from .ingest.batch import Action
    from .store.db import Store


@runtime_checkable
class Component(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


# --- declarations ------------------------------------------------------------------------------------

ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Article))
# What extraction fills in (model.Article, "Filled by extraction components"); the rest comes with the input.
EXTRACTED_FIELDS: tuple[str, ...] = ("doc", "sentences", "entity_mentions", "entities", "timexes", "events")
INPUT_FIELDS: tuple[str, ...] = tuple(f for f in ARTICLE_FIELDS if f not in EXTRACTED_FIELDS)


def analyze_components(components: Sequence[Any]) -> list[str]:
    """What is wrong with the declared reads/writes of these components, in this order (empty: nothing).

    A component may read the input attributes of an Article (INPUT_FIELDS) and whatever an earlier
    component writes; every name it declares must be an Article attribute."""
    problems: list[str] = []
    written = set(INPUT_FIELDS)
    for i, c in enumerate(components):
        missing = [a for a in ("name", "reads", "writes") if not hasattr(c, a)]
        if missing or not callable(c):
            what = ", ".join(missing) if missing else "__call__"
            problems.append(f"pipeline component {c!r} has no {what}: a component declares `name`, `reads` and "
                            "`writes` (Article attribute names) and is called with an article")
            continue
        for attr in (*c.reads, *c.writes):
            if attr not in ARTICLE_FIELDS:
                problems.append(f"component {c.name!r} declares {attr!r}, which is not an Article attribute "
                                f"(known: {', '.join(ARTICLE_FIELDS)})")
        for attr in c.reads:
            if attr in written or attr not in ARTICLE_FIELDS:
                continue
            later = [d.name for d in components[i + 1 :] if attr in getattr(d, "writes", ())]
            fix = (f"move {later[0]!r} before {c.name!r}" if later
                   else f"add a component that writes {attr!r} before {c.name!r}")
            before = ", ".join(repr(getattr(d, "name", d)) for d in components[:i]) or "none"
            problems.append(f"component {c.name!r} reads {attr!r}, which no earlier component writes "
                            f"(components before it: {before}); {fix}")
        written.update(c.writes)
    names = [getattr(c, "name", None) for c in components]
    for name, n in Counter(names).items():
        if n > 1 and name is not None:
            problems.append(f"two components are named {name!r}: names must be unique")
    return problems


class Pipeline:
    """An ordered list of components, checked when built. `run` processes one article, `pipe` a stream."""

    def __init__(self, components: Iterable[Component] = ()) -> None:
        self.components: list[Component] = list(components)
        _check(self.components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def add(self, component: Component) -> None:
        _check([*self.components, component])
        self.components.append(component)

    def get(self, name: str) -> Component:
        for c in self.components:
            if c.name == name:
                return c
        raise KeyError(name)

    def run(self, article: Article) -> Article:
        for c in self.components:
            try:
                article = c(article)
            except Exception as exc:  # noqa: BLE001 - re-raised with the component's name
                raise ComponentError(c.name, article.id, exc) from exc
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article | ComponentError]:
        """Process a stream; yields each article, or a ComponentError for one that failed, in input order.

        Components with a `pipe` method get whole batches; when a batch fails, its articles are retried
        one by one so that only the bad article is reported.
        """
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[Article | ComponentError]:
        items: list[Article | ComponentError] = list(batch)
        for c in self.components:
            live = [a for a in items if isinstance(a, Article)]
            if not live:
                break
            batch_fn = getattr(c, "pipe", None)
            results: dict[int, Article | ComponentError] = {}
            done = False
            if batch_fn is not None and len(live) > 1:
                try:
                    for a, out in zip(live, batch_fn(live), strict=True):
                        results[id(a)] = out
                    done = True
                except Exception:  # noqa: BLE001 - fall back to one by one to find the culprit
                    results = {}
            if not done:
                for a in live:
                    try:
                        results[id(a)] = c(a)
                    except Exception as exc:  # noqa: BLE001
                        results[id(a)] = ComponentError(c.name, a.id, exc)
            items = [results.get(id(a), a) if isinstance(a, Article) else a for a in items]
        yield from items


def _check(components: Sequence[Any]) -> None:
    problems = analyze_components(components)
    if problems:
        raise ConfigError("invalid pipeline: " + "; ".join(problems))


def default_pipeline(ontology: str | None = None) -> Pipeline:
    """parse -> timex -> entities -> events; `ontology` is a YAML file merged over the shipped ontology."""
    from .extract import extraction_components

    return Pipeline(extraction_components(ontology))


# --- extract -----------------------------------------------------------------------------------------

Extracted = Article | ComponentError


def extract_articles(pipeline: Pipeline, articles: Sequence[Article], *, batch_size: int = 32) -> list[Extracted]:
    """The extract step: one result per article, in order: the extracted article, or the ComponentError of
    the component that failed on it. Each article gets its whole text back (the parse may have cut a very
    long one) and loses its spaCy Doc, so results are plain data that pickle."""
    from .extract.nlp import restore_text

    results = list(pipeline.pipe(articles, batch_size=batch_size))
    for art, res in zip(articles, results, strict=True):
        for a in (art, res) if isinstance(res, Article) else (art,):
            restore_text(a)
            a.doc = None
    return results


@dataclass
class Prepared:
    """An article extracted before the run reached it (on a Dask worker), with its extract result."""

    article: Article
    result: Extracted


# --- the run -----------------------------------------------------------------------------------------

# A connect step runs inside the batch transaction after the article (and its extraction) is stored.
Connector = Callable[["Store", Article], None]
# An extract step as the run calls it: articles in, one result each out (see `extract_articles`).
Extractor = Callable[[list[Article]], list[Extracted]]

# How each input (file, "-", unreadable path) ended, best outcome first: a JSONL file with one good line
# and one broken line is "stored" (the broken line is listed under "failed").
FILE_OUTCOMES = ("stored", "updated", "duplicate", "unchanged", "failed")


@dataclass
class IngestReport:
    """What a run did: `ingest`, `reextract` and `run_batch` all return one."""

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


def default_connectors() -> list[Connector]:
    """Story assignment, then event fusion (with corroboration and conflicts)."""
    from .connect import default_connectors as connect_defaults

    return list(connect_defaults())


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
    from .ingest.batch import units_of
    from .ingest.sources import iter_input_files
    from .store.db import Store

    store = store if store is not None else Store()
    units: Iterable[tuple[str, Iterable[Article | InputError | Prepared]]] = (
        iter_input_files(list(paths or []), stdin=stdin) if articles is None else units_of(articles)
    )
    extractor: Extractor | None = None
    if extract:
        pipe = pipeline if pipeline is not None else default_pipeline()
        extractor = lambda arts: extract_articles(pipe, arts, batch_size=batch_size)  # noqa: E731
    run = Run(store, extractor, connectors, batch_size=batch_size, progress=progress)
    return run.feed(units)


class Run:
    """Write + connect over a stream of inputs: the single writer of a run.

    `feed` takes (input, items) pairs; an item is an Article to extract here (with `extractor`, or stored
    unextracted when there is none), a `Prepared` article extracted elsewhere, or an InputError. Batches of
    `batch_size` articles are planned (dedup), extracted and written in one transaction each.
    """

    def __init__(
        self, store: Store, extractor: Extractor | None, connectors: Sequence[Connector] | None = None, *,
        batch_size: int = 32, progress: Callable[[int], None] | None = None,
    ) -> None:
        from .ingest.batch import DedupPlanner

        self.store = store
        self.extractor = extractor
        self.connectors = list(connectors) if connectors is not None else default_connectors()
        self.batch_size = batch_size
        self.progress = progress
        self.report = IngestReport()
        self.planner = DedupPlanner(store)
        self.pending: Counter[str] = Counter()  # input -> its articles read but not written yet
        self.reading: set[str] = set()

    def feed(self, units: Iterable[tuple[str, Iterable[Article | InputError | Prepared]]]) -> IngestReport:
        batch: list[tuple[Article, str, Extracted | None]] = []
        for unit, items in units:
            self.reading.add(unit)
            for item in items:
                if isinstance(item, InputError):
                    self.report.add_failure(item)
                    self.report.note_file(unit, "failed")
                    self.store.record_error(item)
                    continue
                self.pending[unit] += 1
                if isinstance(item, Prepared):
                    batch.append((item.article, unit, item.result))
                else:
                    batch.append((item, unit, None))
                if len(batch) >= self.batch_size:
                    self._flush(batch)
                    batch = []
            self.reading.discard(unit)
            self._done(unit)
        if batch:
            self._flush(batch)
        if self.report.extracted:
            merge_entities_across_articles(self.store, self.report.article_ids)
        return self.report

    def _done(self, unit: str) -> None:
        if unit not in self.reading and self.pending[unit] == 0:
            del self.pending[unit]
            if self.progress:
                self.progress(1)

    def _written(self, unit: str, outcome: str) -> None:
        self.report.note_file(unit, outcome)
        self.pending[unit] -= 1
        self._done(unit)

    def _flush(self, batch: list[tuple[Article, str, Extracted | None]]) -> None:
        plan = self.planner.plan([a for a, _, _ in batch])
        todo: list[tuple[Article, Action, str, Extracted | None]] = []
        for (art, action), (_, unit, result) in zip(plan, batch, strict=True):
            if action == "skip":
                self.report.unchanged += 1
                self._written(unit, "unchanged")
            elif art.duplicate_kind == "exact":
                todo.append((art, action, unit, None))  # a copy repeats its original: never extracted
            else:
                todo.append((art, action, unit, result))
        here = [i for i, (art, _, _, result) in enumerate(todo) if result is None and art.duplicate_kind != "exact"]
        if self.extractor is not None and here:
            results = self.extractor([todo[i][0] for i in here])
            for i, res in zip(here, results, strict=True):
                art, action, unit, _ = todo[i]
                todo[i] = (art, action, unit, res)
        with self.store.transaction():
            for art, action, unit, result in todo:
                self._written(unit, self._write(art, action, result))

    def _write(self, art: Article, action: Action, result: Extracted | None) -> str:
        """Store one planned article, its extraction and its connections; returns the input's outcome
        (stored, duplicate, updated, unchanged, failed)."""
        store = self.store
        sig = self.planner.place(art)
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
        self.planner.remember(art.id, sig)
        self.report.article_ids.append(art.id)
        extracted = save_extraction(store, self.report, art, result) if result is not None else None
        for connect in self.connectors:
            connect(store, extracted or art)
        return outcome


def merge_entities_across_articles(store: Store, article_ids: Sequence[str] | None = None) -> int:
    """One entity across articles ("Biden" here, "Joe Biden" there): run once at the end of a run that
    extracted something, after fusion (see extract/entity_merge.py). With the run's `article_ids`, only the
    entities those reports name and their candidates are read (a live poll does not read the whole store)."""
    from .extract.entity_merge import canonicalise

    with store.transaction():
        return canonicalise(store, article_ids)


def save_extraction(store: Store, report: IngestReport, art: Article, result: Extracted) -> Article | None:
    """The write step for an extract result of a stored article: its results saved (or its failure
    reported); returns the extracted article, or None when extraction failed."""
    if isinstance(result, ComponentError):
        # Named by the article's final id: dedup may have renamed it after a worker extracted it.
        report.add_failure(ComponentError(result.component, art.id, result.cause))
        return None
    _follow_id(result, art.id)
    store.save_extraction(result)
    report.extracted += 1
    parse = result.meta.get("parse")
    if parse:
        report.failed.append({"source": result.source or result.id, "line": None, "reason": (
            f"extraction incomplete: {parse['reason']} after {parse['parsed_chars']:,} of "
            f"{parse['total_chars']:,} characters; the article is stored, the rest is not extracted")})
    return result


def _follow_id(result: Article, article_id: str) -> None:
    """The extraction results follow the article's stored id (dedup renames an article whose id is taken by
    other content; on a Dask worker that happens after extraction). A no-op for an article extracted here."""
    result.id = article_id
    for m in result.events:
        m.article_id = article_id
    for e in result.entities:
        if e.articles:
            e.articles = [article_id]


def reextract(
    store: Store,
    *,
    ontology: str | None = None,
    only_missing: bool = False,
    pipeline: Pipeline | None = None,
    connectors: Sequence[Connector] | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Run extraction again over stored articles (exact duplicates are skipped: they repeat their original).

    The report is ingest's: `extracted` articles, `failed` (component failures, incomplete extractions),
    `article_ids` re-extracted; nothing is stored or deduplicated anew. Each batch is one transaction.
    `progress(n)` counts articles.
    """
    from .store import runs
    from .store.stories import reset as reset_stories

    pipe = pipeline if pipeline is not None else default_pipeline(ontology)
    connectors = list(connectors) if connectors is not None else default_connectors()
    report = IngestReport()
    ids = runs.articles_to_extract(store, only_missing=only_missing)
    if not only_missing:
        # Fusion is incremental (each article joins the events known so far): re-fusing into the events of
        # the previous run would depend on that run and drift (95 -> 91 demo events). Fuse from scratch,
        # in arrival order, like ingest did.
        store.clear_fusion()
        with store.transaction():
            reset_stories(store.conn)  # stories too: fusion looks within the story an article had then
    try:
        for i in range(0, len(ids), batch_size):
            arts = [store.get_article(a) for a in ids[i : i + batch_size]]
            results = extract_articles(pipe, arts, batch_size=batch_size)
            with store.transaction():
                for art, res in zip(arts, results, strict=True):
                    extracted = save_extraction(store, report, art, res)
                    if extracted is not None:
                        report.article_ids.append(art.id)
                    # A failed article is still placed in a story (its copies follow it), as ingest does:
                    # the stories were reset above.
                    for connect in connectors:
                        connect(store, extracted or art)
            if progress:
                progress(len(arts))
        if report.article_ids:
            merge_entities_across_articles(store, report.article_ids)  # re-extracted ones bring back their ids
    finally:
        if not only_missing:
            # An article whose re-extraction failed, or every article after an interrupt, keeps its old
            # mentions loose (clear_fusion): they become one-mention events again, so no reader loses them.
            with store.transaction():
                store.seal_mentions()
    return report

