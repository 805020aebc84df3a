"""Situation reports ("briefs") for a story, an entity or a period, as Markdown or HTML.

A brief says what happened (key events ranked by independent sources, then how sure extraction is of
them, each with its date, source counts and confidence; background and weakly supported events folded
away below them), where sources disagree (conflicts with each outlet's value), who said what
(attributions, claims, denials), and shows a timeline picture (matplotlib PNG: a file next to the output,
and a data URI inside HTML so the file stands alone). Every statement quotes its evidence sentence and
names the outlet.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2

from ..dates import first_day as parse_date
from ..errors import ConfigError
from ..model import MODALITY_TABLE, Conflict, Event
from .date_note import event_date_html, event_date_text
from .queries import EventFilter, Reader, outlet_counts
from .summary import evidence, summarize

MAX_EVENTS = 60  # key events listed; the rest are counted, so a long story still gives a readable brief
SAID_MODALITIES = {m.name for m in MODALITY_TABLE.values() if m.said}  # the table lives in model.py
# Folded away (listed on demand): background recaps and events too weakly supported to lead a brief.
BACKGROUND = {m.name for m in MODALITY_TABLE.values() if m.background}
MIN_KEY_CONFIDENCE = 0.75  # a single report leads only when it is this firm
MIN_TYPE_CONFIDENCE = 0.5  # below this detector probability an event's type is a guess: folded away
SAME_STATEMENT = 90  # rapidfuzz token-set ratio above which two sentences of one speaker are one statement
TOP_FOR_BOTTOM_LINE = 3
# Words that name a time, never a speaker ("midday said ..." is a parsing slip, not a source).
TIME_WORDS = frozenset("""morning midday noon afternoon evening night tonight today yesterday tomorrow week month
    year monday tuesday wednesday thursday friday saturday sunday earlier later""".split())
_NUMBER = re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)"
                     r"\b", re.I)
HERE = Path(__file__).parent
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined,
    trim_blocks=True, lstrip_blocks=True,
)
_env.globals.update(event_date=event_date_html)


@dataclass
class Said:
    source: str  # who said it: the attributed source, else the outlet
    modality: str
    sentence: str
    outlet: str | None
    article_id: str
    event: str  # the event's one-line label
    date: str | None
    denial: bool = False  # a denial or rejection: listed first


@dataclass
class Brief:
    title: str
    scope: str
    period: str
    events: list[Event]
    omitted: int
    conflicts: list[Conflict]
    said: list[Said]
    outlets: dict[str, dict[str, Any]]
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    png: bytes | None = None
    folded: list[Event] = field(default_factory=list)  # background and low-confidence events, on demand
    bottom_line: str = ""

    def outlet_line(self, ev: Event) -> str:
        counts = outlet_counts(ev, self.outlets)
        return ", ".join(f"{o} ({n})" if n > 1 else o for o, n in sorted(counts.items()))

    def label(self, ev: Event) -> str:
        return one_line(ev)


def build_brief(r: Reader, *, story: str | None = None, entity: str | None = None,
                since: str | None = None, picture: bool = True) -> Brief:
    """Collect a brief's content; exactly one of story / entity, or since alone (since can narrow either)."""
    if story and entity:
        raise ConfigError("give --story or --entity, not both")
    if not (story or entity or since):
        raise ConfigError("give --story ID, --entity NAME or --since DATE")
    if since and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", since):
        raise ConfigError(f"--since wants YYYY-MM-DD, got {since!r}")
    f = EventFilter(since=since)
    if story:
        s = r.story(story)
        f.story = story
        title, scope = f"Situation report: {s['label'] or story}", f"story {story}"
    elif entity:
        e = r.find_entity(entity)
        f.entity = e.id
        title, scope = f"Situation report: {e.name}", f"entity {e.name} ({e.id})"
    else:
        title, scope = f"Situation report since {since}", f"all events since {since}"
    if since and (story or entity):
        scope += f", since {since}"
    total = r.count_events(f)
    # The best-supported events when there are more than fit.
    fetched = r.events(f, MAX_EVENTS, by_weight=True)
    outlets = r.outlets()
    key = [ev for ev in fetched if is_key(ev, outlets)]
    folded = [ev for ev in fetched if not is_key(ev, outlets)]
    # Ranked, best-supported first (ties in date order); the timeline picture shows the chronology.
    key.sort(key=lambda ev: (ev.date is None, ev.date or "", ev.id))
    key.sort(key=lambda ev: weight(ev, outlets), reverse=True)
    top = key[:TOP_FOR_BOTTOM_LINE]
    dates = sorted(d for d in (ev.date for ev in fetched) if d)
    period = f"{dates[0]} – {dates[-1]}" if dates else "undated"
    conflicts = r.conflicts(event_ids=[ev.id for ev in fetched])
    brief = Brief(title, scope, period, key, total - len(fetched), conflicts, _said(fetched, outlets), outlets,
                  folded=folded)
    brief.bottom_line = bottom_line(top, conflicts)
    events = key
    if picture:
        brief.png = timeline_png(events, title)
    return brief


def type_confidence(ev: Event, outlets: dict[str, dict[str, Any]] | None = None) -> float:
    """How sure extraction is of the event's type, given every independent report of it: the chance that
    at least one report's type is right (noisy-OR over the best detector probability per outlet, at most
    `ev.sources` of them, so copies of one report count once). Six outlets whose sentences the detector
    reads at 0.45 each make a sure launch; one report at 0.3 stays a guess. A type decided by triggers
    alone, with no probability, counts as MIN_TYPE_CONFIDENCE."""
    best: dict[str, float] = {}
    for m in ev.mentions:
        if m.type_confidence is None:
            continue
        who = (outlets or {}).get(m.article_id, {}).get("outlet") or m.article_id
        best[who] = max(best.get(who, 0.0), m.type_confidence)
    if not best:
        return MIN_TYPE_CONFIDENCE
    miss = 1.0
    for p in sorted(best.values(), reverse=True)[: max(1, ev.sources or 1)]:
        miss *= 1.0 - p
    return 1.0 - miss


def weight(ev: Event, outlets: dict[str, dict[str, Any]] | None = None) -> tuple[int, float, float]:
    """Key events lead by independent sources, then by extraction (type) confidence, then corroboration."""
    return (ev.sources or 0, round(type_confidence(ev, outlets), 2), ev.confidence or 0.0)


def is_key(ev: Event, outlets: dict[str, dict[str, Any]] | None = None) -> bool:
    """Key: news (not background) with a known actor and a type extraction is sure of, told by two
    independent sources or firmly by one."""
    return (ev.modality not in BACKGROUND and bool(ev.actor)
            and type_confidence(ev, outlets) >= MIN_TYPE_CONFIDENCE
            and ((ev.sources or 0) >= 2 or (ev.confidence or 0.0) >= MIN_KEY_CONFIDENCE))


def one_line(ev: Event) -> str:
    """The event as a line of news built from its evidence (see serve/summary.py)."""
    return summarize(ev)


def bottom_line(top: list[Event], conflicts: list[Conflict]) -> str:
    """One paragraph: the best-supported events, then what sources dispute."""
    if not top:
        return "No well-supported events in this scope."
    parts = []
    for ev in top:
        when = f" ({event_date_text(ev)})" if ev.date else ""
        parts.append(f"{one_line(ev)}{when}, {ev.sources} independent source{'s' if ev.sources != 1 else ''}")
    text = "; ".join(parts) + "."
    if conflicts:
        fields = sorted({c.field for c in conflicts})
        text += (f" Sources disagree on {len(conflicts)} point{'s' if len(conflicts) != 1 else ''} "
                 f"({', '.join(fields)}); surest: {conflicts[0].explanation.split('. ')[0].rstrip('.')}.")
    else:
        text += " No contradictions between sources."
    return text


def _statement_types() -> frozenset[str]:
    """Event types that are themselves statements of their actor (an accusation, a rejection, a threat):
    the ontology's verbal types, less CONSULT (a meeting is not a saying)."""
    from ..extract.ontology import load_ontology

    return frozenset(n for n, t in load_ontology().types.items() if t.verbal) - {"CONSULT"}


def _speaker(m: Any, outlet: str | None, ev: Event | None = None) -> str:
    """Who said it: the source a saying credits, else, for a statement type, its actor, else the outlet."""
    src = (m.attributed_to or "").strip()
    if src and set(src.lower().split()) <= TIME_WORDS | {"the", "on", "at", "by"}:
        src = ""  # a time word parsed as a speaker
    if not src and ev is not None and ev.event_type in _statement_types():
        src = next((a.name for a in [*m.actor, *ev.actor] if a.name), "")
    return src or outlet or "unattributed"


def _full_name(source: str, names: Iterable[str], at: int | None = None,
               where: Mapping[str, Sequence[int]] | None = None) -> str:
    """A speaker named by a bare role noun ("the command", "ministry") takes the full name the same
    report gives it ("U.S. Indo-Pacific Command"), so one speaker is listed under one name. Only when the
    report gives one such name: where it names two bodies ("U.S. officials", "Iranian officials"), a bare
    "officials" is the one named last before it (`where` holds each name's sentence offsets, `at` this
    sentence's), or, with none before or two in one sentence, stays bare: never a guess."""
    bare = source.lower().removeprefix("the ").strip()
    if not bare or source != source.lower():
        return source
    longer = sorted({n for n in names
                     if n.lower().removeprefix("the ").strip() != bare and n.lower().endswith(" " + bare)})
    if len(longer) <= 1:
        return longer[0] if longer else source
    if at is None or where is None:
        return source
    before = sorted(((max(p for p in where.get(n, ()) if p <= at), n) for n in longer
                     if any(p <= at for p in where.get(n, ()))), reverse=True)
    if not before or (len(before) > 1 and before[0][0] == before[1][0]):
        return source
    return before[0][1]


def _said(events: list[Event], outlets: dict[str, dict[str, Any]]) -> list[Said]:
    """Attributed, claimed and denied statements, and acts that are statements (an accusation, a
    rejection: their actor is the speaker), denials first: they are what an analyst must weigh. One line
    per speaker and sentence (a sentence carrying two events is said once)."""
    from rapidfuzz import fuzz

    statements = _statement_types()
    out = []
    seen: dict[str, list[str]] = {}  # speaker -> the sentences already listed for it
    named: dict[str, dict[str, list[int]]] = {}  # article -> the speakers it names -> where (sentence offsets)
    for ev in events:
        for m in ev.mentions:
            if m.attributed_to:
                named.setdefault(m.article_id, {}).setdefault(m.attributed_to.strip(), []).append(m.start)
    for ev in events:
        for m in ev.mentions:
            if not m.attributed_to and m.modality not in SAID_MODALITIES and ev.event_type not in statements:
                continue
            outlet = outlets.get(m.article_id, {}).get("outlet")
            where = named.get(m.article_id, {})
            source = _full_name(_speaker(m, outlet, ev), where, m.start, where)
            sentence = " ".join(m.sentence.split())
            said_before = seen.setdefault(source.lower(), [])
            # A reworded copy ("the latest" / "the newest" in a near-duplicate report) is said once.
            if any(fuzz.token_set_ratio(sentence, prior) >= SAME_STATEMENT for prior in said_before):
                continue
            said_before.append(sentence)
            denial = m.modality in {"denied", "negated"} or ev.event_type == "REJECT"
            out.append(Said(source, m.modality, m.sentence, outlet, m.article_id, one_line(ev), ev.date, denial))
    out.sort(key=lambda s: (not s.denial, s.date or "9999", s.source))
    return out


def timeline_png(events: list[Event], title: str) -> bytes:
    """A timeline picture: one row per event type, dot size = sources, colour = how firm the report is."""
    # Figure + Agg canvas, not pyplot: no display is needed and no global state is shared between the
    # web server's threads.
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dated = [(parse_date(ev.date, precise=True), ev) for ev in events]
    points = [(d, ev) for d, ev in dated if d is not None]
    lanes = sorted({ev.event_type for _, ev in points})
    fig = Figure(figsize=(9, 1.4 + 0.5 * max(len(lanes), 1)), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if not points:
        ax.text(0.5, 0.5, "no events with a day or week date", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        colours = {"denied": "#b42318", "negated": "#b42318", "claimed": "#f79009", "speculated": "#f79009",
                   "planned": "#f79009", "hypothetical": "#f79009"}
        xs = [float(mdates.date2num(d)) for d, _ in points]
        ys = [lanes.index(ev.event_type) for _, ev in points]
        sizes = [40 + 40 * min(ev.sources or 1, 6) for _, ev in points]
        cs = [colours.get(ev.modality, "#1f5fbf") for _, ev in points]
        ax.scatter(xs, ys, s=sizes, c=cs, alpha=0.8, edgecolors="white", linewidths=1.2, zorder=3)
        if len(points) <= 12:
            for x, (_, ev) in zip(xs, points, strict=True):
                label = one_line(ev).split(" · ")[0]
                ax.annotate(label[:28], (x, lanes.index(ev.event_type)), xytext=(0, 10),
                            textcoords="offset points", ha="center", fontsize=7, color="#344054")
        ax.set_yticks(range(len(lanes)), lanes, fontsize=8)
        ax.set_ylim(-0.7, len(lanes) - 0.3)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        lo, hi = min(xs), max(xs)
        pad = max((hi - lo) * 0.08, 1.5)
        ax.set_xlim(lo - pad, hi + pad)
        # AutoDateLocator cannot pick ticks for spans of a few days (it warns); days are the natural unit there.
        span = (hi - lo) + 2 * pad
        locator = mdates.DayLocator(interval=max(1, round(span / 6))) if span < 60 else mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.grid(axis="x", color="#e3e6ec", zorder=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="x", labelsize=8)
    ax.set_title(title[:90], fontsize=10, loc="left")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- rendering
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
_ENTITY = re.compile(r"&(#?\w+;)")  # only an "&" that would start an HTML entity needs escaping


def md(text: Any) -> str:
    """Escape report text for Markdown: HTML characters become entities (a Markdown viewer would render raw
    HTML from an article), Markdown syntax characters are backslashed, newlines become spaces."""
    s = str(text) if text is not None else ""
    s = _ENTITY.sub(r"&amp;\1", s).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(s.split()))


def render_markdown(b: Brief, png_name: str | None = None) -> str:
    lines = [f"# {md(b.title)}", "", f"- **Scope:** {md(b.scope)}", f"- **Period:** {md(b.period)}",
             f"- **Events:** {len(b.events) + len(b.folded) + b.omitted}", f"- **Generated:** {b.generated}", ""]
    if png_name:
        lines += [f"![Timeline of events]({png_name})", ""]
    lines += ["## Bottom line", "", md(b.bottom_line), ""]
    lines += ["## Key events", ""]
    if not b.events:
        lines.append("_No events._")
    for ev in b.events:
        lines.append(f"- **{md(event_date_text(ev))}** {md(one_line(ev))} — {md(ev.modality)}; "
                     f"{ev.sources} source(s), confidence {ev.confidence:.2f}; {md(b.outlet_line(ev))}")
        m = evidence(ev)
        if m is not None:
            lines.append(f"  > “{md(m.sentence)}” ({md(b.outlets.get(m.article_id, {}).get('outlet') or '?')}, "
                         f"{md(m.article_id)})")
    if b.omitted:
        lines.append(f"- … and {b.omitted} more event(s) not listed")
    if b.folded:
        lines += ["", "<details><summary>Background and low-confidence events "
                  f"({len(b.folded)})</summary>", ""]
        for ev in b.folded:
            lines.append(f"- {md(event_date_text(ev))} {md(one_line(ev))} — {md(ev.modality)}, "
                         f"confidence {ev.confidence:.2f}")
        lines += ["", "</details>"]
    lines += ["", "## Contradictions", ""]
    if not b.conflicts:
        lines.append("_No contradictions between sources._")
    for c in b.conflicts:
        lines.append(f"- **{md(c.field)}**: {md(c.explanation)}")
        for v in c.values:
            lines.append(f"  - {md(v.value)} — {md(v.outlet or 'unknown outlet')}: “{md(v.sentence)}” "
                         f"({md(v.article_id)})")
    lines += ["", "## Who said what", ""]
    if not b.said:
        lines.append("_No attributed statements._")
    for s in b.said:
        lines.append(f"- **{md(s.source)}** ({md(s.modality)}, via {md(s.outlet or 'unknown outlet')}, "
                     f"{md(s.date or 'undated')}): “{md(s.sentence)}”")
    return "\n".join(lines) + "\n"


def render_html(b: Brief, *, standalone: bool = True) -> str:
    """HTML brief; `standalone` inlines the stylesheet (a file to mail around), else links /static."""
    css = (HERE / "static" / "brief.css").read_text(encoding="utf-8") if standalone else None
    png = base64.b64encode(b.png).decode("ascii") if b.png else None
    return _env.get_template("brief.html").render(b=b, css=css, png=png, standalone=standalone,
                                                  summary=one_line, evidence=evidence)


def write_brief(b: Brief, fmt: str, out: str | Path | None) -> tuple[str, Path | None]:
    """Render `b`; with `out`, write it there and the PNG next to it (<stem>.timeline.png).

    Returns (text, png path or None). Without `out` the caller prints the text; Markdown then has no
    picture (there is no file to point at), HTML still embeds it."""
    if fmt not in {"md", "html"}:
        raise ConfigError(f"unknown brief format {fmt!r}; choose md or html")
    png_path = None
    if out is not None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
    if out is not None and b.png:
        out = Path(out)
        png_path = out.with_name(out.stem + ".timeline.png")
        png_path.write_bytes(b.png)
    text = render_markdown(b, png_path.name if png_path else None) if fmt == "md" else render_html(b)
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    return text, png_path
