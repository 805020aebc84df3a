"""One attack's toll told differently by reports: a quantity conflict across the events fusion kept apart.

Events of one type, day and story with compatible parties and places are grouped; two sources' tolls of the
same harm to the same kind of people that no one figure fits conflict, unless a later report's higher toll is
an update. The tolls are read by tolls.py; the figures compared as conflict_values.py compares counts.
"""

from __future__ import annotations

from collections import defaultdict

from ..dates import parse_day as parse_date
from ..model import Conflict, Event, EventMention
from ..store.events import drop_group_count_conflicts
from .conflict_base import POSITIVE, FinderBase, _same_sentence, conflict_id
from .conflict_sides import _actors, _recipients, participants_differ
from .conflict_values import _figures_differ, _plural, _toll_figure, _toll_values
from .fusion import names_equivalent
from .phases import ongoing
from .places import mentions_apart
from .tolls import Toll, tolls

TOLL_GROUP = 12  # events of one story and day set against each other on a toll, at most


class TollRules(FinderBase):
    """One attack's toll told differently by events that fusion kept apart (`ConflictFinder.refresh`)."""

    def tolls_across(self, ev: Event, counted: bool = False) -> list[Conflict]:
        """Reports of one attack that fusion kept apart disagree on its toll: events of one type, day and
        story (or of days close by: `_peers`), with compatible parties and places, whose sentences give
        different counts of the same harm to the same kind of people (connect/tolls.py), told by different
        sources (two reports, or two sources one report credits: "the lawmaker said at least five ...; a
        reporter said at least six"), or two sources told in one event: those of one report, whose counts
        `within` never compares, and two reports' counts that `within` did not read (the toll in a clause of
        its own; `counted`: `within` found the event's count conflict already), paired as `within` pairs them.
        A later report's higher toll is an update, not a contradiction. One conflict per harm and count,
        holding every event whose toll disagrees with another's."""
        if not _event_tolls(ev):
            return []
        group, frontier = {ev.id: ev}, [ev]
        while frontier and len(group) < TOLL_GROUP:
            x = frontier.pop()
            for other in self._peers(x.id, x.story_id, parse_date(x.date), reported=self._reported(x)):
                if other.id not in group and len(group) < TOLL_GROUP and self._toll_compatible(x, other):
                    group[other.id] = other
                    frontier.append(other)
        out = []
        by_key: dict[tuple[str, str], list[tuple[Toll, EventMention, Event]]] = defaultdict(list)
        for member in sorted(group.values(), key=lambda e: e.id):
            for t, m in _event_tolls(member):
                by_key[(t.harm, t.unit)].append((t, m, member))
        for (harm, unit), told in sorted(by_key.items()):
            involved = {e.id for i, (tx, mx, ex) in enumerate(told) for ty, my, ey in told[i + 1:]
                        if (ex.id != ey.id or self._same_event_pair(mx, my, counted))
                        and self._tolls_disagree(tx, mx, ty, my) for e in (ex, ey)}
            if ev.id in involved:
                out.append(self._toll_conflict(harm, unit, [x for x in told if x[2].id in involved]))
        return out

    def _same_event_pair(self, x: EventMention, y: EventMention, counted: bool) -> bool:
        """Two mentions of one event whose tolls this rule sets against each other: one report's two sources,
        or two reports' that `within` did not compare, when they would fuse on their own (`one_happening`)."""
        if self._root(x.article_id) == self._root(y.article_id):
            return True
        return not counted and self.one_happening(self.pairing([x], [y])[0])

    def _toll_compatible(self, a: Event, b: Event) -> bool:
        """Two events that may be two reports of one attack: one type and day, no party or place that
        tells them apart, a toll of one harm and count in each, and no sentence in common."""
        if a.event_type != b.event_type or not (a.date and b.date and len(a.date) >= 10 and a.date == b.date):
            return False
        if participants_differ(_actors(a), _actors(b)) or participants_differ(_recipients(a), _recipients(b)):
            return False
        pa, pb = (a.location and a.location.country), (b.location and b.location.country)
        if (pa and pb and pa != pb) or mentions_apart(a.mentions, b.mentions):
            return False
        keys = {(t.harm, t.unit) for t, _ in _event_tolls(a)}
        return any((t.harm, t.unit) in keys for t, _ in _event_tolls(b)) and not self._shares_sentence(a, b)

    def _tolls_disagree(self, tx: Toll, mx: EventMention, ty: Toll, my: EventMention) -> bool:
        """Two sources' tolls that no one figure fits (conflicts._figures_differ), neither sentence writing the
        other's figure (a report that gives both tells two counts apart), and not a later report's higher toll."""
        if _same_sentence(mx, my) or not self._other_source(mx, my):
            return False
        fx, fy = _toll_figure(tx), _toll_figure(ty)
        if not _figures_differ(fx, fy) or fy.value in _toll_values(mx) or fx.value in _toll_values(my):
            return False
        dx, dy = (parse_date(self._article_published(m.article_id)) for m in (mx, my))
        if dx and dy and dx != dy:
            later, earlier = (fy, fx) if dy > dx else (fx, fy)
            if later.value > earlier.value:
                return False  # the toll rose as news came in
        return True

    def _other_source(self, x: EventMention, y: EventMention) -> bool:
        """Two reports (a copy is its original's), or two sources that one report credits by name."""
        if self._root(x.article_id) != self._root(y.article_id):
            return True
        sx, sy = x.attributed_to or "", y.attributed_to or ""
        return bool(sx and sy) and not (names_equivalent(sx, sy) or sx.lower() in sy.lower()
                                        or sy.lower() in sx.lower())

    def _toll_conflict(self, harm: str, unit: str, told: list[tuple[Toll, EventMention, Event]]) -> Conflict:
        events = sorted({e.id for _, _, e in told})
        first: dict[str, tuple[Toll, list[EventMention]]] = {}
        for t, m, _ in told:
            first.setdefault(t.text.lower(), (t, []))[1].append(m)
        values = [self.value(t.text, ms[0]) for t, ms in first.values()]
        desc = "; ".join(f"{t.text} ({_sources(ms) or self.outlets(ms)})" for t, ms in first.values())
        (_, xs), *rest = first.values()
        conf, why = self.pairing(xs, [m for _, ms in rest for m in ms])
        ev = told[0][2]
        what = f"{'people' if unit == 'people' else _plural(unit)} {harm}"
        one = "One event because" if len(events) == 1 else (
            "One happening though fusion kept the reports apart: the same act on the same day, no party or place "
            "telling them apart;")
        return Conflict(
            id=conflict_id("quantity", events, f"toll|{harm}|{unit}"), field="quantity", event_ids=events,
            values=values, explanation=f"Sources of one {ev.event_type} on {ev.date} disagree on the number of "
            f"{what}: {desc}. {one} {why}", confidence=conf)

    def _drop_superseded_tolls(self, found: list[Conflict]) -> None:
        """A toll conflict holds every event of its group: the one stored before a new report joined the group
        (over fewer events) is replaced, not kept beside it. Only toll conflicts set a count against another
        event's, so a stored quantity conflict over two or more events is one."""
        keep = {c.id for c in found}
        for c in found:
            if c.field == "quantity" and len(c.event_ids) >= 2:
                drop_group_count_conflicts(self.store, c.event_ids, keep)


def _event_tolls(ev: Event) -> list[tuple[Toll, EventMention]]:
    """The tolls an event's mentions tell as news (connect/tolls.py): not a denial, a plan or background,
    nor a standing activity ("the war has killed thousands")."""
    return [(t, m) for m in ev.mentions if m.modality in POSITIVE and not ongoing(m)
            for t in tolls(m.sentence or "")]


def _sources(ms: list[EventMention]) -> str:
    return ", ".join(dict.fromkeys(m.attributed_to for m in ms if m.attributed_to))
