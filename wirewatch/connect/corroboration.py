"""How many independent outlets report an event, and how far to trust it.

Independence: mentions are grouped by their article's root (an article and its syndicated or exact
copies are one report), and roots are counted by outlet; a report with no known outlet counts as a source
of its own. Confidence rises with independent sources and falls with hedging and denials; the reasons are
kept so the UI and briefings can show why.
"""

from __future__ import annotations

from ..model import MODALITY_TABLE, Event
from ..store.db import Store
from ..store.events import report_root

# How much one mention of each modality supports the event having happened.
SUPPORT = {m.name: m.support for m in MODALITY_TABLE.values()}  # the table lives in model.py


def independent_sources(store: Store, ev: Event) -> dict[str, list[str]]:
    """{source key: [article ids]}: one key per independent outlet (copies folded into their root)."""
    out: dict[str, list[str]] = {}
    for m in ev.mentions:
        root = report_root(store, m.article_id)
        if root is None:
            continue
        key = (root[1] or f"article {root[0]}").strip()
        out.setdefault(key, [])
        if m.article_id not in out[key]:
            out[key].append(m.article_id)
    return out


def corroborate(store: Store, ev: Event) -> Event:
    sources = independent_sources(store, ev)
    ev.sources = len(sources)
    best_by_source = {}
    for key, arts in sources.items():
        mods = [m.modality for m in ev.mentions if m.article_id in arts]
        best_by_source[key] = max((SUPPORT.get(x, 0.5) for x in mods), default=0.5)
    # Noisy-OR over independent sources: each source alone supports the event with its best modality.
    disbelief = 1.0
    for s in best_by_source.values():
        disbelief *= 1.0 - 0.6 * s
    conf = 1.0 - disbelief
    denials = [m for m in ev.mentions if m.modality in ("denied", "negated")]
    hedged = [m for m in ev.mentions if m.modality in ("speculated", "hypothetical", "claimed")]
    if denials:
        conf *= 0.6
    ev.confidence = round(max(0.0, min(1.0, conf)), 3)
    names = ", ".join(sorted(sources))
    reasons = [f"{ev.sources} independent source{'s' if ev.sources != 1 else ''}: {names}"]
    copies = sum(len(v) for v in sources.values()) - len(sources)
    if copies:
        reasons.append(f"{copies} syndicated or repeated report{'s' if copies != 1 else ''} counted once")
    for m in hedged:
        who = f" by {m.attributed_to}" if m.attributed_to else ""
        reasons.append(f"{m.modality}{who} in {m.article_id}")
    for m in denials:
        who = f" ({m.attributed_to})" if m.attributed_to else ""
        reasons.append(f"{m.modality}{who} in {m.article_id}")
    ev.confidence_reasons = reasons
    return ev
