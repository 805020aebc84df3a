"""The `wirewatch` command line: a thin layer over the library (wirewatch.ingest, wirewatch.Store, ...).

Output that pipes: tables and summaries go to stdout, progress bars and warnings to stderr; `--json`
gives machine-readable output. Exit status 1 means some input failed (the rest was stored), 2 a usage or
configuration error (a bad filter value, a file that is not a wirewatch database). A reader that closes the
pipe early (`wirewatch search x | head -3`) is not an error: exit status 0.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import FilterError, NotFoundError, WirewatchError
from .serve.queries import MAX_INT
from .store import articles, views
from .store.db import Store, default_db_path
from .store.migrations import MIGRATIONS
from .store.search import plain_snippet

if TYPE_CHECKING:  # the ingest stack (numpy, datasketch) loads only when a command needs it
    from .pipeline import IngestReport

class _Commands(typer.core.TyperGroup):
    """Every command runs inside this: a closed pipe ends the command quietly (click would exit 1)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            _reader_went_away()


def _reader_went_away() -> NoReturn:
    # The reader (head, less) has all it wants. Point stdout at /dev/null so the interpreter's final flush
    # does not fail again, and exit 0: nothing went wrong with the data.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(0)


app = typer.Typer(
    cls=_Commands,
    help="wirewatch: turn news reports into an evidence-backed event database.\n\n"
    "Ingest reports (text, HTML, RSS/Atom, JSON Lines, WARC, folders of them), extract PLOVER events with "
    "actors, dates, modality and attribution, and query or export them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
class _Stdout(Console):
    def on_broken_pipe(self) -> None:  # rich's own handler exits 1, which means "some input failed" here
        self.quiet = True
        _reader_went_away()


out = _Stdout(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


class State:
    db: str | None = None


state = State()


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="WIREWATCH_DB", help=f"SQLite database file [default: {default_db_path()}]"),
    ] = None,
) -> None:
    state.db = db


def open_store(readonly: bool = False) -> Store:
    return Store(state.db, readonly=readonly)


def open_read_store() -> Store:
    """Queries open the database read-only and never create an empty one by accident."""
    path = Path(state.db or default_db_path())
    if not path.exists():
        fail(f"no database at {path}: ingest something first, or pass --db / set WIREWATCH_DB")
    store = Store(path, readonly=True)
    have, latest = store.schema_version(), max(m.version for m in MIGRATIONS)
    if have < latest and os.access(path, os.W_OK):
        # An older database: upgrade it once (as `serve` does), so readers see what the migrations add.
        store.close()
        Store(path).close()
        store = Store(path, readonly=True)
    elif have < latest:
        # Read-only (another user's file, a mounted archive): the readers need what later migrations add
        # (the story mapping, sealed events), so an old schema cannot be read as it is.
        store.close()
        fail(f"{path} has schema version {have} and this wirewatch needs {latest}, but the file is read-only, so "
             "it cannot be upgraded; copy it somewhere writable and pass the copy as --db")
    return store


T = TypeVar("T")


def checked_filters(reader: Any, story: str | None, check: Callable[[], T]) -> T:
    """`check()` (a command's filter validation) and the story's existence, or one error line that says
    how to fix it; returns what `check` returned."""
    try:
        out = check()
        if story is not None:
            reader.story(story)
    except FilterError as exc:
        fail(said(exc))
    except NotFoundError as exc:
        fail(f"{exc}; see `wirewatch stories`")
    return out


def said(exc: Exception) -> str:
    """An error's message as the CLI says it: a bad filter names its option (`--since`), not the API field."""
    return exc.for_option() if isinstance(exc, FilterError) else str(exc)


def fail(message: str, code: int = 2) -> NoReturn:
    # One line (soft_wrap), and the message printed as it is: paths and queries may contain [brackets].
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(code)


def unwritable(exc: OSError, path: str | None) -> NoReturn:
    """An output file that cannot be written, as one error line naming it (not a traceback)."""
    fail(f"cannot write {exc.filename or path}: {exc.strerror or exc}")


def show_cut(shown: int, total: int, offset: int, what: str) -> None:
    """On stderr, so pipes get only the rows: say that a list is cut and how to see the rest."""
    if shown < total:
        start = f" (from #{offset + 1})" if offset else ""
        err.print(f"showing {shown} of {total} {what}{start}, use --limit/--offset for the rest",
                  soft_wrap=True, markup=False)


def clip(text: str, n: int) -> str:
    """`text` cut to at most about `n` characters at a word boundary, with an ellipsis ("National", not "Nationa")."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > n // 2 else text[:n]).rstrip(" ,;:-") + "…"


LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, max=MAX_INT, help="How many to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, max=MAX_INT, help="Skip this many first (next page).")]
OntologyOpt = Annotated[Path | None, typer.Option(help="YAML file adding or overriding event types.", exists=True)]
SummaryJsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON summary instead of text.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


# ---------------------------------------------------------------------------------------------- ingest
def report_ingest(report: IngestReport, store: Store, as_json: bool) -> None:
    """The end-of-run summary shared by `ingest` and `batch`; exit status 1 when some input failed."""
    summary: dict[str, Any] = report.to_dict()
    summary["database"] = store.path
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        out.print(
            f"stored {report.stored}, duplicates {report.duplicates} "
            f"(exact {report.exact_duplicates}, near {report.near_duplicates}), unchanged {report.unchanged}, "
            f"updated {report.updated}, failed {len(report.failed)}"
        )
        out.print(
            f"database {store.path}: {store.count('articles')} articles, {store.count('events')} events, "
            f"{store.count('event_mentions')} event mentions, {store.count('entities')} entities"
        )
        for f in report.failed:
            where = f"{f['source']}:{f['line']}" if f.get("line") else f["source"]
            err.print(f"[red]failed[/red] {where}: {f['reason']}")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read (recursively); - reads stdin.")],
    extract: Annotated[bool, typer.Option(help="Run extraction (entities, events, time).")] = True,
    ontology: OntologyOpt = None,
    as_json: SummaryJsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Read reports into the database: dedup, extract, connect.

    Every problem (unreadable file, broken JSON line, malformed feed) is reported with the file and line; the
    other inputs are still stored. Re-running the same command changes nothing that is already stored.
    Exit status 1 when some input failed. Prints one summary line (stored, duplicates, unchanged, updated,
    failed) and the database's counts; --json prints the summary as one JSON object, with `files`.

    \b
    Examples:
      wirewatch --db news.db ingest reports/ feed.xml crawl.warc.gz
      cat items.jsonl | wirewatch --db news.db ingest --json -
    """
    from .ingest.sources import count_inputs
    from .pipeline import ingest as run_ingest

    pipeline = None
    if extract:
        from .extract import extraction_components
        from .pipeline import Pipeline

        try:
            pipeline = Pipeline(extraction_components(str(ontology) if ontology else None))
        except WirewatchError as exc:
            fail(said(exc))
    store = open_store()
    show = not quiet and not as_json and err.is_terminal
    total = count_inputs(paths) if show else None  # inputs, the unit ingest reports progress in
    progress = Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=not show, transient=True,
    )
    with progress:
        task = progress.add_task("ingest", total=total)
        try:
            report = run_ingest(
                paths, store, extract=extract, pipeline=pipeline, stdin=sys.stdin,
                progress=lambda n: progress.advance(task, n),
            )
        except KeyboardInterrupt:
            err.print("[yellow]interrupted:[/yellow] finished batches are stored; run the same command to go on")
            raise typer.Exit(130) from None
    report_ingest(report, store, as_json)


@app.command()
def extract(
    ontology: OntologyOpt = None,
    missing: Annotated[bool, typer.Option("--missing", help="Only articles never extracted.")] = False,
) -> None:
    """Re-run extraction over stored articles (after a model or ontology change)."""
    from .pipeline import reextract

    store = open_store()
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not err.is_terminal, transient=True) as progress:
        task = progress.add_task("extract", total=store.count("articles"))
        try:
            report = reextract(store, ontology=str(ontology) if ontology else None, only_missing=missing,
                               progress=lambda k: progress.advance(task, k))
        except WirewatchError as exc:
            fail(said(exc))
    out.print(f"extracted {report.extracted} articles, {len(report.failed)} failed")
    for f in report.failed:
        err.print(f"[red]failed[/red] {f['source']}: {f['reason']}")
    if report.failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------------------------------------- query
@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words to find, e.g. "tactical missile" (FTS5 syntax allowed).')],
    limit: LimitOpt = 10,
    offset: OffsetOpt = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """Full-text search over articles; prints ranked snippets with [matches] marked.

    Plain words are searched as words. FTS5 syntax ("exact phrase", AND, OR, NOT, NEAR(a b), prefix*) is
    used as written; when it is broken (an unclosed quote, a lone NOT) the error says how to fix it.
    Each hit is a numbered line (title, article id, outlet, date) and its snippet; --json: one hit per line.

    \b
    Examples:
      wirewatch search "tactical missile"
      wirewatch search '"ballistic missiles" NOT test' --json
    """
    store = open_read_store()
    try:
        hits, total = store.search_page(query, limit=limit, offset=offset)
    except WirewatchError as exc:
        fail(said(exc))
    show_cut(len(hits), total, offset, "matches")
    if as_json:
        for h in hits:
            # Pipes get visible marks ("[ballistic] missiles"), as before the one search marker.
            h = {**h, "snippet": plain_snippet(h["snippet"])}
            sys.stdout.write(json.dumps(h, ensure_ascii=False) + "\n")
        return
    if not hits:
        err.print("no matches")
        return
    for i, h in enumerate(hits, 1):
        meta = " · ".join(x for x in (h["outlet"], h["published"]) if x)
        # Article text is data, not rich markup: "[ballistic]" match marks must print as they are.
        out.print(f"{i}. {h['title'] or '(untitled)'}  {h['id']}" + (f"  ({meta})" if meta else ""), markup=False)
        out.print(f"   {plain_snippet(h['snippet'])}", markup=False)


@app.command()
def export(
    kind: Annotated[str, typer.Argument(help="articles | events | entities | timexes | conflicts | stories")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet")] = "jsonl",
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write; default stdout.")] = None,
    with_text: Annotated[bool, typer.Option("--with-text", help="articles: include the body text.")] = False,
) -> None:
    """Export records in the documented contract (one JSON object per line for jsonl).

    jsonl: one record per line; csv: a header row, nested values (actor, mentions) as JSON in their cell,
    formula-like cells prefixed with '; parquet: needs -o FILE.

    \b
    Examples:
      wirewatch export events | head -1
      wirewatch export articles -f csv -o articles.csv --with-text
    """
    from .store import export as exporting

    store = open_read_store()
    try:
        n = exporting.write(store, kind, fmt, output, with_text=with_text)
    except WirewatchError as exc:
        fail(said(exc))
    except BrokenPipeError:
        raise  # a reader that went away: _Commands ends quietly
    except OSError as exc:
        unwritable(exc, output)
    if output and output != "-":
        err.print(f"wrote {n} {kind} to {output}")


@app.command()
def info(as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False) -> None:
    """Show the database location, schema version and counts."""
    store = open_read_store()
    data: dict[str, Any] = {
        "database": store.path,
        "schema_version": store.schema_version(),
        **{t: store.count(t) for t in ("articles", "entities", "events", "event_mentions", "conflicts")},
        "duplicates": articles.count_duplicates(store.conn),
        "ingest_errors": articles.count_ingest_errors(store.conn),
    }
    if as_json:
        out.print_json(json.dumps(data))
        return
    for k, v in data.items():
        out.print(f"{k:16s} {v}")


@app.command()
def events(
    type_: Annotated[str | None, typer.Option("--type", "-t", help="Event type, e.g. MOBILIZE.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name contains this.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name contains this.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country of actor or recipient.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, reported, claimed, denied, planned, ...")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, inclusive.")] = None,
    story: Annotated[str | None, typer.Option(help="Only this story.")] = None,
    min_sources: Annotated[int | None, typer.Option(min=1, help="At least this many independent outlets.")] = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines in the export contract.")] = False,
) -> None:
    """Browse events in date order with filters; each line shows who did what to whom and the evidence.

    A filter that cannot match (an unknown --type or --modality, a --since that is not a date, an unknown
    --story) is an error (exit 2) that lists what is allowed, not an empty list. On a terminal a table;
    piped, tab-separated lines with a header row (date, type, actor, recipient, modality, src, evidence);
    --json: one event record per line.

    \b
    Examples:
      wirewatch events --type MOBILIZE --since 2025-03 --min-sources 2
      wirewatch events --country PRK --json | head -3
    """
    from .records import event_record
    from .serve.date_note import event_date_text
    from .serve.queries import EventFilter, Reader

    reader = Reader(open_read_store())
    flt = checked_filters(reader, story, lambda: reader.check_filter(EventFilter(
        type=type_, actor=actor, recipient=recipient, country=country, modality=modality, since=since,
        until=until, story=story, min_sources=min_sources)))
    evs, total = reader.events(flt, limit=limit, offset=offset), reader.count_events(flt)
    show_cut(len(evs), total, offset, "events")
    if as_json:
        for ev in evs:
            sys.stdout.write(json.dumps(event_record(ev), ensure_ascii=False) + "\n")
        return
    t = _table(f"{len(evs)} of {total} events", ["date", "type", "actor", "recipient", "modality", "src", "evidence"])
    for ev in evs:
        m = ev.mentions[0] if ev.mentions else None
        t.add_row(
            event_date_text(ev, "?"), ev.event_type + (f"/{ev.mode}" if ev.mode else ""),
            ", ".join(a.name for a in ev.actor) or "-", ", ".join(a.name for a in ev.recipient) or "-",
            ev.modality + (f" ({ev.attributed_to})" if ev.attributed_to else ""), str(ev.sources),
            (clip(m.sentence, 160) + f"  [{m.article_id}]") if m else "",
        )
    t.show()


@app.command()
def entities(
    name: Annotated[str | None, typer.Option(help="Name or alias contains this.")] = None,
    kind: Annotated[str | None, typer.Option(help="PERSON, ORG, GPE, LOC, ...")] = None,
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines in the export contract.")] = False,
) -> None:
    """Browse canonical entities with their aliases, country and the number of articles naming them."""
    from .records import entity_record

    store = open_read_store()
    ids = views.entity_ids(store.conn, name, kind, limit, offset, most_reported=True)
    by_id = {e.id: e for e in store.entities(ids)}
    ents = [by_id[i] for i in ids if i in by_id]
    total = views.count_entities(store.conn, name, kind)
    show_cut(len(ents), total, offset, "entities")
    if as_json:
        for e in ents:
            sys.stdout.write(json.dumps(entity_record(e), ensure_ascii=False) + "\n")
        return
    t = _table(f"{len(ents)} entities", ["name", "kind", "country", "aliases", "titles", "articles"])
    for e in ents:
        t.add_row(e.name, e.kind, e.country or "", ", ".join(a for a in e.aliases if a != e.name),
                  ", ".join(e.titles[:3]), str(len(e.articles)))
    t.show()


@app.command()
def stories(
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """List stories: label, time span, articles, independent outlets, events and conflicts."""
    from .serve.queries import Reader

    reader = Reader(open_read_store())
    rows = reader.stories(limit, offset)
    show_cut(len(rows), reader.count_stories(), offset, "stories")
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    t = _table(f"{len(rows)} stories", ["id", "span", "articles", "sources", "events", "conflicts", "label"])
    for r in rows:
        span = f"{r['start'] or '?'}..{r['end'] or '?'}"
        t.add_row(r["id"], span, str(r["articles"]), str(r["sources"]), str(r["events"]), str(r["conflicts"]),
                  r["label"])
    t.show()


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="Story id (see `wirewatch stories`).")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON: the story, its events and conflicts.")] = False,
) -> None:
    """A story's timeline: fused events in date order with sources, confidence and conflicts."""
    from .records import conflict_record, event_record
    from .serve.date_note import event_date_text
    from .serve.queries import EventFilter, Reader

    reader = Reader(open_read_store())
    try:
        info = reader.story(story_id)
    except WirewatchError as exc:
        fail(said(exc))
    evs = reader.events(EventFilter(story=story_id))
    conflicts = reader.conflicts(story=story_id)
    if as_json:
        sys.stdout.write(json.dumps({"story": info, "events": [event_record(e) for e in evs],
                                    "conflicts": [conflict_record(c) for c in conflicts]}, ensure_ascii=False))
        sys.stdout.write("\n")
        return
    out.print(f"{info['label']}  [{story_id}]", markup=False)
    out.print(f"{info['start'] or '?'} .. {info['end'] or '?'} · {info['articles']} articles · "
              f"{info['sources']} outlets: {', '.join(info['outlets'])}", markup=False)
    flagged = {e for c in conflicts for e in c.event_ids}
    for ev in evs:
        who = ", ".join(a.name for a in ev.actor) or "?"
        whom = ", ".join(a.name for a in ev.recipient)
        mark = "  ⚠ conflict" if ev.id in flagged else ""
        out.print(f"\n{event_date_text(ev)}  {ev.event_type}  {who}" + (f" -> {whom}" if whom else "")
                  + f"  ({ev.sources} source{'s' if ev.sources != 1 else ''}, confidence {ev.confidence:.2f}, "
                  f"{ev.modality}){mark}", markup=False)
        for m in ev.mentions[:3]:
            out.print(f"    \u201c{clip(m.sentence, 200)}\u201d  [{m.article_id}]", markup=False)
    if conflicts:
        out.print("\nConflicts:", markup=False)
        for c in conflicts:
            out.print(f"  {c.field}: {c.explanation}", markup=False)


@app.command()
def conflicts(
    story_id: Annotated[str | None, typer.Option("--story", help="Only this story.")] = None,
    field: Annotated[str | None, typer.Option(help="date, quantity, actor, recipient, location, occurrence")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines in the export contract.")] = False,
) -> None:
    """Contradictions between reports: who says what, in which outlet and sentence.

    Each conflict is a line "[field] explanation (conflict id; events)" and one indented line per value with
    its outlet and sentence; --json: one conflict record per line.

    \b
    Example:
      wirewatch conflicts --field quantity
    """
    from .records import conflict_record
    from .serve.queries import CONFLICT_FIELDS, Reader, check_choice

    reader = Reader(open_read_store())
    checked_filters(reader, story_id, lambda: check_choice("field", field, CONFLICT_FIELDS))
    found = reader.conflicts(story=story_id)
    if field:
        found = [c for c in found if c.field == field]
    if as_json:
        for c in found:
            sys.stdout.write(json.dumps(conflict_record(c), ensure_ascii=False) + "\n")
        return
    if not found:
        err.print("no conflicts")
    for c in found:
        out.print(f"[{c.field}] {c.explanation}  ({c.id}; events {', '.join(c.event_ids)})", markup=False)
        for v in c.values:
            out.print(f"    {v.value!s:<24} {v.outlet or v.article_id}: \u201c{clip(v.sentence, 160)}\u201d",
                      markup=False)


class _Rows:
    """A rich table on a terminal; tab-separated lines with a header when piped (for cut, sort, awk)."""

    def __init__(self, title: str, columns: list[str]) -> None:
        self.title, self.columns = title, columns
        self.rows: list[list[str]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append([str(c) for c in cells])

    def show(self) -> None:
        if out.is_terminal:
            t = Table(title=self.title, show_lines=False, header_style="bold")
            for c in self.columns:
                t.add_column(c, overflow="fold")
            for r in self.rows:
                t.add_row(*r)
            out.print(t, markup=False)
            return
        sys.stdout.write("\t".join(self.columns) + "\n")
        for r in self.rows:
            sys.stdout.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) + "\n")


def _table(title: str, columns: list[str]) -> _Rows:
    return _Rows(title, columns)


# ---------------------------------------------------------------------------------------------- serve, brief
@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    lock_reads: Annotated[
        bool, typer.Option("--lock-reads", help="Require a read token too ($WIREWATCH_READ_TOKEN or <db>.read-token).")
    ] = False,
    extract: Annotated[bool, typer.Option(help="Run extraction on articles POSTed to /api/articles.")] = True,
    follow: Annotated[
        bool, typer.Option("--follow", help="Also poll followed sources (see `wirewatch follow`) in this process.")
    ] = False,
) -> None:
    """Serve the web UI (/), the REST API (/api, docs at /docs) and /healthz over the database.

    Writes (POST /api/articles) need `Authorization: Bearer TOKEN`: $WIREWATCH_TOKEN, else the token in
    <db>.token, created and printed at the first start. Reads are open unless --lock-reads or
    $WIREWATCH_READ_TOKEN is set."""
    import os

    import uvicorn

    from .serve.api import create_app, resolve_token, token_file

    db = str(state.db or default_db_path())
    try:
        Store(db).close()
        token, created = resolve_token(db)
        read_token = None
        if lock_reads or os.environ.get("WIREWATCH_READ_TOKEN"):
            read_token, read_created = resolve_token(db, "WIREWATCH_READ_TOKEN", ".read-token")
            if read_created:
                err.print(f"read token (saved to {token_file(db, '.read-token')}, mode 0600): {read_token}",
                          soft_wrap=True, markup=False)
        application = create_app(db, token=token, read_token=read_token, extract=extract)
    except WirewatchError as exc:
        fail(said(exc))
    if created:
        # soft_wrap: a token broken over two lines cannot be copied.
        err.print(f"write token (saved to {token_file(db)}, mode 0600): {token}", soft_wrap=True, markup=False)
    err.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs; reads {'locked' if read_token else 'open'})",
              soft_wrap=True, markup=False)
    follower = None
    if follow:
        from .live.service import BackgroundFollower

        follower = BackgroundFollower(db, extract=extract).start()
        err.print("following sources in the background (see /sources)")
    try:
        uvicorn.run(application, host=host, port=port, log_level="info")
    finally:
        if follower is not None:
            follower.stop()


@app.command()
def brief(
    story: Annotated[str | None, typer.Option("--story", help="Story id.")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Entity id, name or alias.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md | html")] = "md",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write (timeline PNG next to it); default stdout.")
    ] = None,
) -> None:
    """Write a situation report: key events, contradictions, who said what, and a timeline picture.

    Give at least one of --story, --entity, --since. Markdown goes to stdout; with -o FILE the timeline PNG
    goes next to FILE (brief.html: brief.timeline.png).

    \b
    Examples:
      wirewatch brief --story s-000001
      wirewatch brief --entity "North Korea" --since 2025-03-01 -f html -o brief.html
    """
    from .serve.brief import build_brief, write_brief
    from .serve.queries import Reader

    store = open_read_store()
    try:
        report = build_brief(Reader(store), story=story, entity=entity, since=since,
                             picture=output is not None or fmt == "html")
        text, png = write_brief(report, fmt, output)
    except WirewatchError as exc:
        fail(said(exc))
    except OSError as exc:
        unwritable(exc, output)
    if output:
        err.print(f"wrote {output}" + (f" and {png}" if png else ""))
    else:
        sys.stdout.write(text)


# ----------------------------------------------------------------------------------------------- batch
@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read (recursively); no stdin.")],
    scheduler: Annotated[str | None, typer.Option(
        help="Address of a running Dask scheduler (tcp://HOST:PORT) whose workers read and extract; default: "
             "start a local cluster of --workers processes. `synchronous`: all in this process (debugging).",
    )] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes of the local cluster (without --scheduler).")
    ] = 2,
    partition_size: Annotated[int, typer.Option(min=1, help="Files per Dask task.")] = 200,
    ontology: OntologyOpt = None,
    as_json: SummaryJsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Ingest a big archive with reading and extraction spread over Dask workers (a local or remote cluster).

    Use it for large folders (thousands to millions of files): files are split into partitions, each worker
    reads its partition and runs the CPU-heavy extraction (spaCy loaded once per worker), and this process
    writes the results in input order, the only writer of the database, so dedup, stories, event fusion and
    conflicts come out the same as with `ingest`. Workers of a remote cluster need wirewatch and the spaCy
    model installed and the files at the same paths (see README, "Scale-out"). Memory stays bounded: results
    stream partition by partition. For a few files, or stdin, `ingest` is simpler and starts faster.
    Exit status 1 when some input failed.
    """
    from .scale.dask_runner import run_batch

    if "-" in paths:
        fail("batch cannot read stdin; use `wirewatch ingest -`")
    store = open_store()
    show = not quiet and not as_json and err.is_terminal
    progress = Progress(
        TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TextColumn("partitions"), TimeElapsedColumn(),
        console=err, disable=not show, transient=True,
    )  # fmt: skip
    with progress:
        task = progress.add_task("batch", total=None)
        try:
            report = run_batch(
                paths, store, workers=workers, partition_size=partition_size, scheduler=scheduler,
                ontology=str(ontology) if ontology else None,
                on_partition=lambda done, total: progress.update(task, completed=done, total=total),
            )  # fmt: skip
        except KeyboardInterrupt:
            err.print("[yellow]interrupted:[/yellow] finished batches are stored; run the same command to go on")
            raise typer.Exit(130) from None
        except WirewatchError as exc:
            fail(said(exc))
    report_ingest(report, store, as_json)


# sources, follow, watch, alerts: the live layer's commands (wirewatch/live/cli.py)
from .live.cli import register as _register_live  # noqa: E402 - needs the helpers defined above

_register_live(app, sys.modules[__name__])


def main() -> None:
    try:
        app()
    except WirewatchError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        sys.exit(2)
    except sqlite3.DatabaseError as exc:  # a store damaged after it was opened: one line, not a traceback
        err.print(f"[red]error:[/red] database {escape(str(state.db or default_db_path()))}: {escape(str(exc))}",
                  soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
