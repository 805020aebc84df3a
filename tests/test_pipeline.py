"""The pipeline owns the run: declared reads/writes checked when built, one report type, one direction of imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from wirewatch.errors import ComponentError, ConfigError
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import (
    ARTICLE_FIELDS,
    EXTRACTED_FIELDS,
    INPUT_FIELDS,
    IngestReport,
    Pipeline,
    analyze_components,
    ingest,
    reextract,
)
from wirewatch.store.db import Store

PKG = Path(__file__).resolve().parent.parent / "wirewatch"


class Fake:
    """A component that declares what it reads and writes and does nothing else."""

    def __init__(self, name: str, reads: tuple[str, ...] = (), writes: tuple[str, ...] = ()) -> None:
        self.name, self.reads, self.writes = name, reads, writes

    def __call__(self, article: Article) -> Article:
        return article


def test_a_component_reading_what_nothing_before_it_writes_is_refused() -> None:
    parse = Fake("parse", ("text",), ("doc", "sentences"))
    events = Fake("events", ("doc", "timexes"), ("events",))
    timex = Fake("timex", ("text",), ("timexes",))
    with pytest.raises(ConfigError) as exc:
        Pipeline([parse, events, timex])
    msg = str(exc.value)
    assert "component 'events' reads 'timexes', which no earlier component writes" in msg
    assert "components before it: 'parse'" in msg and "move 'timex' before 'events'" in msg
    with pytest.raises(ConfigError, match="add a component that writes 'doc' before 'events'"):
        Pipeline([Fake("events", ("doc",), ("events",))])
    assert Pipeline([parse, timex, events]).names == ["parse", "timex", "events"]


def test_add_checks_too_and_input_attributes_need_no_writer() -> None:
    pipe = Pipeline([Fake("dates", ("text", "published", "id", "meta"), ("timexes",))])
    with pytest.raises(ConfigError, match="'entities' reads 'doc'"):
        pipe.add(Fake("entities", ("doc",), ("entities",)))
    assert pipe.names == ["dates"]  # the refused component was not added
    with pytest.raises(ConfigError, match="two components are named 'dates'"):
        pipe.add(Fake("dates", ("timexes",), ()))


def test_declarations_must_name_article_attributes() -> None:
    with pytest.raises(ConfigError, match="component 'x' declares 'evnets', which is not an Article attribute"):
        Pipeline([Fake("x", ("text",), ("evnets",))])
    with pytest.raises(ConfigError, match="has no name, reads, writes"):
        Pipeline([lambda a: a])  # type: ignore[list-item]


def test_the_shipped_extraction_pipeline_is_consistent() -> None:
    from wirewatch.extract import extraction_components

    comps = extraction_components()
    assert analyze_components(comps) == []
    with pytest.raises(ConfigError, match="move 'parse' before 'entities'"):
        Pipeline([comps[2], comps[0], comps[1], comps[3]])
    assert set(EXTRACTED_FIELDS) <= set(ARTICLE_FIELDS) and "text" in INPUT_FIELDS and "events" not in INPUT_FIELDS


class Mentions:
    """Writes one event mention per article; fails on an article whose text says so."""

    name, reads, writes = "mentions", ("text", "id"), ("events",)

    def __call__(self, article: Article) -> Article:
        if "FAIL" in article.text:
            raise ValueError("bad article")
        article.events = [EventMention(article_id=article.id, event_type="MOBILIZE", sentence=article.text,
                                       start=0, end=len(article.text))]
        return article


def test_reextract_returns_the_ingest_report() -> None:
    store = Store(":memory:")
    arts = [Article(id="a1", text="Troops moved north."), Article(id="a2", text="Troops FAIL moved."),
            Article(id="a3", text="Troops moved north.")]  # a3: an exact copy of a1, never extracted
    first = ingest(articles=arts, store=store, pipeline=Pipeline([Mentions()]), connectors=[])
    assert (first.stored, first.exact_duplicates, first.extracted) == (2, 1, 1)
    report = reextract(store, pipeline=Pipeline([Mentions()]), connectors=[])
    assert isinstance(report, IngestReport)
    assert (report.stored, report.extracted, report.article_ids) == (0, 1, ["a1"])
    assert report.failed == [{"source": "a2", "line": None, "reason": "mentions: ValueError('bad article')"}]
    assert report.to_dict()["failed"] == first.to_dict()["failed"]
    assert store.count("event_mentions") == 1


def test_extract_results_lose_the_doc_and_keep_the_whole_text() -> None:
    from wirewatch.pipeline import extract_articles

    class Cut:
        name, reads, writes = "cut", ("text",), ("doc",)

        def __call__(self, article: Article) -> Article:
            article.doc = object()
            article.meta["_unparsed_tail"] = article.text[5:]  # what the parse does to a very long text
            article.text = article.text[:5]
            return article

    art = Article(id="a", text="Troops moved north.")
    (res,) = extract_articles(Pipeline([Cut()]), [art])
    assert res is art and art.doc is None and art.text == "Troops moved north." and not art.meta


def test_failures_name_the_component() -> None:
    class Boom(Fake):
        def __call__(self, article: Article) -> Article:
            raise KeyError("x")

    out = list(Pipeline([Boom("boom", ("text",), ())]).pipe([Article(id="a", text="t")]))
    assert isinstance(out[0], ComponentError) and out[0].component == "boom" and out[0].article_id == "a"


def _imports(path: Path) -> set[str]:
    """Modules a source file imports, made absolute ("..extract" in wirewatch/ingest -> wirewatch.extract)."""
    pkg = ".".join(path.relative_to(PKG.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = pkg.split(".")[: len(pkg.split(".")) - (node.level - 1)] if node.level else []
            found.add(".".join([*base, node.module or ""]).strip("."))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_ingest_only_reads_and_dedups() -> None:
    """ingest/ imports neither extraction, nor connect, nor the run that uses them (not even lazily)."""
    for path in sorted((PKG / "ingest").glob("*.py")):
        bad = {m for m in _imports(path) if m.split(".")[:2] in (["wirewatch", "extract"], ["wirewatch", "connect"])
               or m == "wirewatch.pipeline"}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_no_import_error_fallbacks_in_the_run() -> None:
    """An import bug must raise, not silently run without time expressions or connectors."""
    files = [PKG / "pipeline.py", PKG / "extract" / "__init__.py", PKG / "extract" / "events.py",
             *(PKG / "ingest").glob("*.py"), *(PKG / "scale").glob("*.py")]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                assert not names & {"ImportError", "ModuleNotFoundError"}, f"{path.name}:{node.lineno}"
