"""Contradictions between reports: date, quantity, actor, recipient, location and occurrence.

Within one fused event, mentions from different articles may disagree on the day, on a number ("two" vs
"three missiles"), on who acted or on whom, on where, or on whether it happened at all (one reports it,
another says it did not take place). Across events, a denial (REJECT, or a denied mention) contradicts a
claim or accusation about the same parties in the same story: claim vs denial is an occurrence conflict.
Transliteration variants ("Kim Jong Un" / "Kim Jong-un") and a person vs their own country are not
conflicts.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from rapidfuzz import fuzz

from ..model import Actor, Conflict, ConflictValue, Event, EventMention
from ..store.db import Store
from .fusion import names_equivalent, parse_date

POSITIVE = {"asserted", "reported", "claimed"}
NEGATIVE = {"denied", "negated"}
CLAIM_TYPES = {"ACCUSE"}
DENIAL_TYPES = {"REJECT"}


def conflict_id(field: str, event_ids: Iterable[str], extra: str = "") -> str:
    key = field + "|" + "|".join(sorted(set(event_ids))) + "|" + extra
    return "cf-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _variants(a: Actor, b: Actor) -> bool:
    if (a.entity_id and a.entity_id == b.entity_id) or names_equivalent(a.name, b.name):
        return True
    # A person or body and its own country are one side, not two claims of who acted.
    return bool(a.country and a.country == b.country and "GPE" in (a.kind, b.kind))


def participants_differ(x: list[Actor], y: list[Actor]) -> bool:
    if not x or not y:
        return False
    return not any(_variants(a, b) for a in x for b in y)


class ConflictFinder:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._outlets: dict[str, str | None] = {}

    def outlet(self, article_id: str) -> str | None:
        if article_id not in self._outlets:
            row = self.store.conn.execute("SELECT outlet FROM articles WHERE id = ?", (article_id,)).fetchone()
            self._outlets[article_id] = row["outlet"] if row else None
        return self._outlets[article_id]

    def outlets(self, mentions: list[EventMention]) -> str:
        return ", ".join(sorted({self.outlet(m.article_id) or m.article_id for m in mentions}))

    def value(self, v: Any, m: EventMention) -> ConflictValue:
        return ConflictValue(value=v, article_id=m.article_id, sentence=m.sentence, outlet=self.outlet(m.article_id))

    def _disagreement(self, ev: Event, field: str, key: Callable[[EventMention], Any],
                      differ: Callable[[Any, Any], bool] | None = None, what: str = "") -> list[Conflict]:
        """One conflict when mentions from different articles give values that disagree."""
        by_value: dict[Any, list[EventMention]] = defaultdict(list)
        original: dict[Any, Any] = {}
        for m in ev.mentions:
            v = key(m)
            if v not in (None, "", (), []):
                by_value[_hashable(v)].append(m)
                original.setdefault(_hashable(v), v)
        vals = list(by_value)
        pairs = [(a, b) for i, a in enumerate(vals) for b in vals[i + 1:]
                 if (differ(original[a], original[b]) if differ else a != b)
                 and {m.article_id for m in by_value[a]} != {m.article_id for m in by_value[b]}]
        if not pairs:
            return []
        involved = {v for p in pairs for v in p}
        values = [self.value(_plain(v), by_value[v][0]) for v in vals if v in involved]
        desc = "; ".join(f"{_plain(v)} ({self.outlets(by_value[v])})" for v in vals if v in involved)
        return [Conflict(id=conflict_id(field, [ev.id], what), field=field, event_ids=[ev.id], values=values,
                         explanation=f"Reports disagree on the {what or field} of this {ev.event_type} event: {desc}")]

    def within(self, ev: Event) -> list[Conflict]:
        out: list[Conflict] = []
        if len({m.article_id for m in ev.mentions}) < 2:
            return out
        out += self._disagreement(ev, "date", lambda m: m.date if m.date_precision == "day" else None,
                                  differ=_dates_differ)
        units = {q.unit for m in ev.mentions for q in m.quantities}
        for unit in sorted(units):
            out += self._disagreement(
                ev, "quantity",
                lambda m, u=unit: next((q.value for q in m.quantities if q.unit == u), None),  # type: ignore[misc]
                what=f"number of {unit}s" if not unit.endswith("s") else f"number of {unit}",
            )
        out += self._disagreement(ev, "actor", lambda m: tuple(m.actor), differ=lambda a, b: participants_differ(
            list(a), list(b)))
        out += self._disagreement(ev, "recipient", lambda m: tuple(m.recipient),
                                  differ=lambda a, b: participants_differ(list(a), list(b)))
        out += self._disagreement(ev, "location", _place, differ=lambda a, b: a.lower() != b.lower()
                                  and fuzz.ratio(a, b) < 85)
        pos = [m for m in ev.mentions if m.modality in POSITIVE]
        neg = [m for m in ev.mentions if m.modality in NEGATIVE]
        if pos and neg and {m.article_id for m in pos} != {m.article_id for m in neg}:
            values = [self.value(f"{pos[0].modality}: happened", pos[0]), self.value(f"{neg[0].modality}", neg[0])]
            out.append(Conflict(
                id=conflict_id("occurrence", [ev.id]), field="occurrence", event_ids=[ev.id], values=values,
                explanation=f"{self.outlet(pos[0].article_id) or pos[0].article_id} reports the {ev.event_type} "
                f"event as {pos[0].modality}; {self.outlet(neg[0].article_id) or neg[0].article_id} says "
                f"it is {neg[0].modality}",
            ))
        return out

    def claim_vs_denial(self, ev: Event) -> list[Conflict]:
        """Pair a denial with the claims it answers (same story, the denier is the accused)."""
        if not ev.story_id:
            return []
        out = []
        if ev.event_type in DENIAL_TYPES or ev.modality == "denied":
            others = self.store.events(where="story_id = ? AND id != ? AND (event_type IN ('ACCUSE') OR "
                                       "modality = 'claimed')", params=(ev.story_id, ev.id))
            denial, claims = ev, others
        elif ev.event_type in CLAIM_TYPES or ev.modality == "claimed":
            denial_evs = self.store.events(where="story_id = ? AND id != ? AND (event_type = 'REJECT' OR "
                                           "modality = 'denied')", params=(ev.story_id, ev.id))
            out += [c for d in denial_evs for c in self._pair(d, [ev])]
            return out
        else:
            return []
        return self._pair(denial, claims)

    def _pair(self, denial: Event, claims: list[Event]) -> list[Conflict]:
        out = []
        for c in claims:
            accused = c.recipient if c.event_type in CLAIM_TYPES else c.actor
            if denial.actor and accused and participants_differ(denial.actor, accused):
                continue
            dm, cm = denial.mentions[0], c.mentions[0]
            out.append(Conflict(
                id=conflict_id("occurrence", [c.id, denial.id]), field="occurrence", event_ids=[c.id, denial.id],
                values=[self.value(f"claimed ({c.event_type})", cm), self.value(f"denied ({denial.event_type})", dm)],
                explanation=f"{_names(c.actor) or 'A source'} claims it ({self.outlets([cm])}); "
                f"{_names(denial.actor) or 'a party'} denies it ({self.outlets([dm])})",
            ))
        return out

    def refresh(self, event_ids: Iterable[str]) -> list[Conflict]:
        """Recompute every conflict that involves these events."""
        ids = sorted(set(event_ids))
        found: list[Conflict] = []
        with self.store.transaction() as conn:
            for eid in ids:
                links = conn.execute("SELECT conflict_id FROM conflict_events WHERE event_id = ?", (eid,)).fetchall()
                for (cid,) in links:
                    conn.execute("DELETE FROM conflicts WHERE id = ?", (cid,))
                    conn.execute("DELETE FROM conflict_events WHERE conflict_id = ?", (cid,))
            for ev in self.store.events_by_ids(ids):
                found += self.within(ev) + self.claim_vs_denial(ev)
            for c in found:
                self.store.save_conflict(c)
        return found


def _place(m: EventMention) -> str | None:
    return (m.location.name or m.location.text) if m.location else None


def _dates_differ(a: Any, b: Any) -> bool:
    da, db = parse_date(a), parse_date(b)
    return bool(da and db and da != db)


def _hashable(v: Any) -> Any:
    if isinstance(v, tuple):
        return tuple(sorted((x.name for x in v), key=str.lower)) if v and isinstance(v[0], Actor) else v
    return v


def _plain(v: Any) -> Any:
    if isinstance(v, tuple):
        return " and ".join(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _names(actors: list[Actor]) -> str:
    return " and ".join(a.name for a in actors)
