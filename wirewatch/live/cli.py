"""Command line of the live layer: `sources`, `follow`, `watch`, `alerts` (registered by wirewatch/cli.py)."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any, NoReturn
from urllib.parse import urlsplit

import typer
from rich.console import Console

from ..errors import WirewatchError
from ..store import sources as db

if TYPE_CHECKING:
    from ..store.db import Store

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
# The main CLI module that registered these commands: its --db option and helpers. Passed in rather than
# imported, because under `python -m wirewatch.cli` that module is __main__, not wirewatch.cli.
_host: ModuleType | None = None


def _main() -> ModuleType:
    assert _host is not None, "register() first"
    return _host


def open_store() -> Store:
    store: Store = _main().open_store()
    return store


def open_read_store() -> Store:
    store: Store = _main().open_read_store()
    return store


def fail(message: str, code: int = 2) -> NoReturn:
    _main().fail(message, code)
    raise AssertionError("unreachable")


def _table(title: str, columns: list[str]) -> Any:
    return _main()._table(title, columns)

sources_app = typer.Typer(
    help="Follow RSS/Atom feeds and sitemaps: add, list (with health), remove. `wirewatch follow` polls them.",
    no_args_is_help=True, rich_markup_mode=None,
)
watch_app = typer.Typer(
    help="Watch rules: saved filters over events. Every new or changed event that matches one becomes an "
    "alert (`wirewatch alerts`, the Atom feed /feeds/watch/NAME.atom, an optional webhook).",
    no_args_is_help=True, rich_markup_mode=None,
)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> int:
    """ "90s", "15m", "1h30m", "2d" -> seconds."""
    parts = re.findall(r"(\d+)\s*([smhd])", text.strip().lower())
    if not parts or re.sub(r"(\d+)\s*([smhd])", "", text.strip().lower()).strip():
        raise typer.BadParameter(f"{text!r} is not a duration like 90s, 15m, 1h or 1h30m")
    return sum(int(n) * _UNITS[u] for n, u in parts)


def parse_since(text: str) -> str:
    """An ISO date/timestamp, or a span back from now ("2h", "7d"), as an ISO UTC timestamp prefix."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?", text):
        return text.replace(" ", "T")
    try:
        back = parse_duration(text)
    except typer.BadParameter:
        raise typer.BadParameter(f"{text!r}: use YYYY-MM-DD, an ISO timestamp, or a span like 2h or 7d") from None
    return (datetime.now(UTC) - timedelta(seconds=back)).replace(microsecond=0).isoformat()


def _ago(stamp: str | None) -> str:
    if not stamp:
        return "never"
    secs = int((datetime.now(UTC) - datetime.fromisoformat(stamp)).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if secs >= size:
            return f"{secs // size}{unit} ago"
    return f"{max(secs, 0)}s ago"


def _every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


# ---------------------------------------------------------------------------------------------- sources
@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="http(s) URL of an RSS/Atom feed or a sitemap (sitemap index too).")],
    name: Annotated[str | None, typer.Option(help="Short name [default: from the URL's host and path].")] = None,
    every: Annotated[str, typer.Option(help="How often `follow` polls it: 90s, 15m, 1h, 1d.")] = "15m",
) -> None:
    """Follow a feed or sitemap. Nothing is fetched now: `wirewatch follow` does that."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        fail(f"{url!r} is not an http(s) URL")
    seconds = parse_duration(every)
    if seconds < 60 and not (parts.hostname or "").startswith(("127.", "localhost")):
        err.print("[yellow]warning:[/yellow] polling a public site more often than once a minute is impolite")
    name = name or re.sub(r"[^A-Za-z0-9.]+", "-", f"{parts.hostname}{parts.path}").strip("-")
    store = open_store()
    try:
        src = db.add_source(store, url, name=name, every_s=seconds)
    except WirewatchError as exc:
        fail(str(exc))
    out.print(f"following {src.name} ({src.url}) every {_every(src.every_s)}", markup=False)


@sources_app.command("list")
def sources_list(as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False) -> None:
    """Followed sources and their health: last success, last error, items seen and new on the last poll."""
    srcs = db.list_sources(open_read_store())
    if as_json:
        for s in srcs:
            sys.stdout.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
        return
    if not srcs:
        err.print("no sources: add one with `wirewatch sources add URL`")
        return
    t = _table(f"{len(srcs)} sources", ["name", "kind", "every", "status", "last success", "seen", "new", "total",
                                        "last error", "url"])
    for s in srcs:
        error = f"{s.last_error} ({_ago(s.last_error_at)})" if s.last_error and s.failures else ""
        t.add_row(s.name, s.kind or "?", _every(s.every_s), s.status, _ago(s.last_success_at), str(s.items_seen),
                  str(s.items_new), str(s.items_total), error, s.url)
    t.show()


@sources_app.command("remove")
def sources_remove(key: Annotated[str, typer.Argument(help="Name, URL or id of the source.")]) -> None:
    """Stop following a source (the articles it brought stay)."""
    store = open_store()
    try:
        src = db.remove_source(store, key)
    except WirewatchError as exc:
        fail(str(exc))
    out.print(f"stopped following {src.name}", markup=False)


# ---------------------------------------------------------------------------------------------- follow
def follow(
    once: Annotated[bool, typer.Option("--once", help="Poll every source one time now and exit (for cron).")] = False,
    extract: Annotated[bool, typer.Option(help="Run extraction on new articles.")] = True,
    timeout: Annotated[float, typer.Option(help="Seconds before a request times out.")] = 20.0,
    retries: Annotated[int, typer.Option(min=0, help="Retries after a timeout, connection error, 429 or 5xx.")] = 2,
    backoff: Annotated[float, typer.Option(help="First retry wait in seconds (doubles each retry).")] = 1.0,
    host_delay: Annotated[float, typer.Option(help="Seconds between two requests to the same host.")] = 1.0,
    max_bytes: Annotated[int, typer.Option(help="Largest response read, in bytes.")] = 10 * 1024 * 1024,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line per polled source.")] = False,
) -> None:
    """Poll followed sources and ingest what is new; without --once, keep polling each source when due.

    Requests are conditional (ETag / Last-Modified: an unchanged feed costs one 304), time out, are retried
    with backoff, wait --host-delay between hits on one host, obey robots.txt, stop at --max-bytes and
    follow at most 5 redirects. Each new item's page is read with the HTML reader; when it cannot be
    fetched, the feed's own text of the item is stored instead. Ctrl-C or a kill loses nothing: the next
    run picks up where this one stopped. Queued watch-rule webhooks are sent after each round.
    Exit status 1 when some source failed (with --once)."""
    from .fetch import FetchSettings
    from .poller import Poller, PollResult, follow_forever
    from .watch import deliver_webhooks

    store = open_store()
    settings = FetchSettings(timeout_s=timeout, retries=retries, backoff_s=backoff, host_delay_s=host_delay,
                             max_bytes=max_bytes)
    poller = Poller(store, settings=settings, extract=extract)

    def show(res: PollResult) -> None:
        if as_json:
            sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
            return
        if res.status == "error":
            err.print(f"failed {res.source}: {res.error}", markup=False)
            return
        line = f"{res.source}: {res.status}"
        if res.status == "ok":
            line += (f", {res.items_seen} items, {res.items_new} new, stored {res.stored}, "
                     f"duplicates {res.duplicates}")
            if res.fallbacks:
                line += f", {res.fallbacks} from the feed's text (page unreadable)"
        out.print(line, markup=False)
        for f in res.failed:
            err.print(f"  skipped {f}", markup=False)

    try:
        if once:
            if not db.list_sources(store):
                err.print("no sources: add one with `wirewatch sources add URL`")
            results = poller.poll_all(on_result=show)
            delivered, failed = deliver_webhooks(store)
            if (delivered or failed) and not as_json:
                out.print(f"webhooks: {delivered} delivered, {failed} failed (retried later)")
            if any(r.status == "error" for r in results):
                raise typer.Exit(1)
            return
        err.print(f"following {len(db.list_sources(store))} sources; Ctrl-C stops")
        follow_forever(store, poller, on_result=show, deliver=lambda: deliver_webhooks(store))
    except KeyboardInterrupt:
        err.print("[yellow]interrupted:[/yellow] everything stored so far is kept; the next poll goes on from there")
        raise typer.Exit(130) from None
    finally:
        poller.close()


# ---------------------------------------------------------------------------------------------- watch
@watch_app.command("add")
def watch_add(
    name: Annotated[str, typer.Argument(help="Rule name (letters, digits, - and _); also its feed's name.")],
    actor: Annotated[str | None, typer.Option(help="Actor: entity id or part of a name.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of an actor, recipient or the place.")] = None,
    min_sources: Annotated[int | None, typer.Option(min=1, help="At least this many independent outlets.")] = None,
    query: Annotated[str | None, typer.Option(help="Words that must all appear in the evidence or parties.")] = None,
    webhook: Annotated[str | None, typer.Option(help="URL to POST each alert to as JSON.")] = None,
    backfill: Annotated[bool, typer.Option(help="Also alert on matching events already stored.")] = True,
) -> None:
    """Save a watch rule (any subset of the criteria; all given must hold)."""
    from .watch import backfill as run_backfill

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name):
        fail(f"rule name {name!r}: use 1-64 letters, digits, - or _")
    if webhook and urlsplit(webhook).scheme not in ("http", "https"):
        fail(f"webhook {webhook!r} is not an http(s) URL")
    if country and not re.fullmatch(r"[A-Za-z]{3}", country):
        fail(f"country {country!r}: use an ISO 3166-1 alpha-3 code such as UKR")
    rule = db.WatchRule(name=name, actor=actor, event_type=type_.upper() if type_ else None,
                        country=country.upper() if country else None, min_sources=min_sources, query=query,
                        webhook=webhook)
    if not rule.criteria():
        fail("give at least one of --actor, --type, --country, --min-sources, --query")
    store = open_store()
    try:
        rule = db.add_rule(store, rule)
    except WirewatchError as exc:
        fail(str(exc))
    n = run_backfill(store, rule) if backfill else 0
    crit = ", ".join(f"{k}={v}" for k, v in rule.criteria().items())
    out.print(f"watching {name}: {crit}" + (f"; {n} events already match" if backfill else ""), markup=False)


@watch_app.command("list")
def watch_list(as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False) -> None:
    """Saved rules with their alert counts."""
    store = open_read_store()
    rules = db.list_rules(store)
    counts = {r.name: len(db.alerts(store, rule=r.name)) for r in rules}
    if as_json:
        for r in rules:
            sys.stdout.write(json.dumps({**r.to_dict(), "alerts": counts[r.name]}, ensure_ascii=False) + "\n")
        return
    if not rules:
        err.print("no watch rules: add one with `wirewatch watch add NAME --actor ...`")
        return
    t = _table(f"{len(rules)} watch rules", ["name", "criteria", "alerts", "webhook", "feed"])
    for r in rules:
        t.add_row(r.name, ", ".join(f"{k}={v}" for k, v in r.criteria().items()), str(counts[r.name]),
                  r.webhook or "", f"/feeds/watch/{r.name}.atom")
    t.show()


@watch_app.command("remove")
def watch_remove(name: Annotated[str, typer.Argument(help="Rule name.")]) -> None:
    """Delete a rule with its alerts and undelivered webhooks."""
    store = open_store()
    try:
        db.remove_rule(store, name)
    except WirewatchError as exc:
        fail(str(exc))
    out.print(f"removed watch rule {name}", markup=False)


@watch_app.command("deliver")
def watch_deliver() -> None:
    """Send queued webhook deliveries now (follow and serve --follow do this on their own)."""
    from .watch import deliver_webhooks

    store = open_store()
    delivered, failed = deliver_webhooks(store)
    out.print(f"delivered {delivered}, failed {failed}, still queued {db.pending_deliveries(store)}")


def alerts(
    rule: Annotated[str | None, typer.Option(help="Only this rule.")] = None,
    since: Annotated[str | None, typer.Option(help="Changed since YYYY-MM-DD, an ISO time, or 2h / 7d ago.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: the alert and its event.")] = False,
) -> None:
    """Alerts of watch rules, newest change first: the event, why it is news (new, more sources, conflict)."""
    from ..serve.queries import EventFilter, Reader, event_summary

    store = open_read_store()
    if rule is not None:
        try:
            db.get_rule(store, rule)
        except WirewatchError as exc:
            fail(str(exc))
    found = db.alerts(store, rule=rule, since=parse_since(since) if since else None, limit=limit)
    reader = Reader(store)
    events = {ev.id: ev for ev in reader.events(EventFilter(ids=[a.event_id for a in found]))} if found else {}
    if as_json:
        for a in found:
            ev = events.get(a.event_id)
            sys.stdout.write(json.dumps({**a.to_dict(), "event": reader.event_json(ev) if ev else None},
                                        ensure_ascii=False) + "\n")
        return
    if not found:
        err.print("no alerts")
        return
    t = _table(f"{len(found)} alerts", ["when", "rule", "why", "date", "event", "src", "evidence"])
    for a in found:
        ev = events.get(a.event_id)
        m = ev.mentions[0] if ev and ev.mentions else None
        t.add_row(a.updated_at, a.rule, a.reason, (ev.date or "?") if ev else "?",
                  event_summary(ev) if ev else f"{a.event_id} (gone)", str(a.sources),
                  (m.sentence[:140] + f"  [{m.article_id}]") if m else "")
    t.show()


def register(app: typer.Typer, host: ModuleType) -> None:
    global _host
    _host = host
    app.add_typer(sources_app, name="sources")
    app.add_typer(watch_app, name="watch")
    app.command()(follow)
    app.command()(alerts)
