"""Contradictions between reports: date, quantity, actor, recipient, location and occurrence.

Within one fused event, mentions from different articles may disagree on the day, on a number ("two" vs
"three missiles"), on who acted or on whom, on where, or on whether it happened at all (one reports it,
another says it did not take place). Across events, a denial (REJECT, or a denied mention) contradicts a
claim or accusation about the same parties in the same story: claim vs denial is an occurrence conflict.
Transliteration variants ("Kim Jong Un" / "Kim Jong-un") and a person vs their own country are not
conflicts.

This module holds `ConflictFinder`: the disagreements within one fused event, the rules across events and the
refresh that writes them. What it builds on lives beside it: conflict_base.py (the store lookups of a refresh,
the pairing of two sides' mentions), conflict_sides.py (whose side a party is), conflict_values.py (the
values compared and when two differ), denials.py (a denial against the claim it answers) and
toll_conflicts.py (one attack's toll across events); the names callers import from here stay importable here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ..dates import parse_day as parse_date
from ..model import Conflict, Event, EventMention
from ..store.events import drop_conflicts_of
from .acts import mutual_mention
from .conflict_base import NEGATIVE, POSITIVE, _overlap, conflict_id
from .conflict_sides import _acted_on, _actors, _names, _parties, _recipients, participants_differ, same_side

# Names of the split-out modules that callers (tests, eval) import from this module.
from .conflict_values import (  # noqa: F401
    Figure,
    _count,
    _counts_comparable,
    _dates_differ,
    _figures_differ,
    _hashable,
    _increment,
    _place,
    _plain,
    _plural,
    _stated_date,
    quantity_key,
)
from .denials import (
    DenialRules,
    _rejects_as_such,  # noqa: F401
)
from .fusion import date_score
from .phases import ongoing
from .toll_conflicts import TollRules

# Where "who did it" is contested: uses of force. A launch and the other side's raised alert on the same
# day (both MOBILIZE) are two acts, not two versions of one.
BLAME_TYPES = {"ASSAULT", "COERCE"}
MANY_RECIPIENTS = {"PERSONNEL"}  # the official removed and the one appointed are both recipients


class ConflictFinder(DenialRules, TollRules):
    def _disagreement(self, ev: Event, field: str, key: Callable[[EventMention], Any],
                      differ: Callable[[Any, Any], bool] | None = None, what: str = "",
                      comparable: Callable[[list[EventMention], Any, list[EventMention], Any], bool] | None = None,
                      ) -> list[Conflict]:
        """One conflict when mentions from different articles give values that disagree (and, with
        `comparable`, when the two sides' mentions may be set against each other at all)."""
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
                 and {m.article_id for m in by_value[a]} != {m.article_id for m in by_value[b]}
                 and (comparable is None or comparable(by_value[a], original[a], by_value[b], original[b]))]
        if not pairs:
            return []
        involved = {v for p in pairs for v in p}
        values = [self.value(_plain(v), by_value[v][0]) for v in vals if v in involved]
        desc = "; ".join(f"{_plain(v)} ({self.outlets(by_value[v])})" for v in vals if v in involved)
        a, b = pairs[0]
        conf, why = self.pairing(by_value[a], by_value[b])
        if not self.one_happening(conf):
            return []
        return [Conflict(id=conflict_id(field, [ev.id], what), field=field, event_ids=[ev.id], values=values,
                         explanation=f"Reports disagree on the {what or field} of this {ev.event_type} event: {desc}. "
                         f"One event because {why}", confidence=conf)]

    def within(self, ev: Event) -> list[Conflict]:
        out: list[Conflict] = []
        if len({m.article_id for m in ev.mentions}) < 2:
            return out
        out += self._disagreement(ev, "date", _stated_date, differ=_dates_differ)
        units = {quantity_key(q) for m in ev.mentions for q in m.quantities}
        for unit in sorted(units):
            # A count of more ("3,000 more soldiers") is set only against other counts of more, a total only
            # against totals: the first deployment's 11,000 and this year's 3,000 more do not disagree.
            for more in (False, True):
                out += self._disagreement(
                    ev, "quantity", lambda m, u=unit, x=more: _count(m, u, x),  # type: ignore[misc]
                    differ=_figures_differ, what=f"number of {'additional ' if more else ''}{_plural(unit)}",
                    comparable=_counts_comparable,
                )
        # A mutual act (talks, a clash: pairs.mutual) has parties, not an actor and a recipient: "Varnavia held
        # talks with Torsk" and "Torsk held talks with Varnavia" name one meeting's parties in either order, so
        # its parties are compared as one set.
        if all(mutual_mention(m) for m in ev.mentions):
            out += self._disagreement(ev, "actor", _parties,
                                      differ=lambda a, b: participants_differ(list(a), list(b)), what="parties")
        else:
            out += self._disagreement(ev, "actor", lambda m: tuple(a for a in m.actor if a.entity_id),
                                      differ=lambda a, b: participants_differ(list(a), list(b)))
        if ev.event_type not in MANY_RECIPIENTS and not all(mutual_mention(m) for m in ev.mentions):
            out += self._disagreement(ev, "recipient", lambda m: tuple(a for a in m.recipient if a.entity_id),
                                      differ=lambda a, b: participants_differ(list(a), list(b)))
        out += self._disagreement(ev, "location", _place, differ=lambda a, b: a[1] != b[1])
        pos = [m for m in ev.mentions if m.modality in POSITIVE]
        neg = [m for m in ev.mentions if m.modality in NEGATIVE]
        if pos and neg and {m.article_id for m in pos} != {m.article_id for m in neg}:
            values = [self.value(f"{pos[0].modality}: happened", pos[0]), self.value(f"{neg[0].modality}", neg[0])]
            conf, why = self.pairing(pos, neg)
            if not self.one_happening(conf):
                return out
            out.append(Conflict(
                id=conflict_id("occurrence", [ev.id]), field="occurrence", event_ids=[ev.id], values=values,
                explanation=f"{self.outlet(pos[0].article_id) or pos[0].article_id} reports the {ev.event_type} "
                f"event as {pos[0].modality}; {self.outlet(neg[0].article_id) or neg[0].article_id} says "
                f"it is {neg[0].modality}. One event because {why}", confidence=conf,
            ))
        return out

    def across(self, ev: Event) -> list[Conflict]:
        """Contradictions between this event and other events of its story, or of the same days (story
        clustering depends on arrival order, so a claim and its denial may land in two stories)."""
        peers = self._peers(ev.id, ev.story_id, parse_date(ev.date), reported=self._reported(ev))
        out: list[Conflict] = []
        articles = {m.article_id for m in ev.mentions}
        for other in peers:
            if articles == {m.article_id for m in other.mentions}:
                continue  # one report does not contradict itself
            if self._shares_sentence(ev, other):
                continue  # nor does one sentence ("have denied ..., though they signed ...")
            for rule in (self._claim_vs_denial, self._held_vs_not, self._who_did_it):
                c = rule(ev, other) or rule(other, ev)
                if c is not None:
                    out.append(c)
                    break
        return out

    def _held_vs_not(self, neg: Event, pos: Event) -> Conflict | None:
        """The same kind of happening reported as taking place and as not taking place (called off)."""
        if neg.event_type != pos.event_type or neg.modality not in NEGATIVE or pos.modality not in POSITIVE:
            return None
        if participants_differ(neg.actor, pos.actor) or _overlap(neg, pos) < 2:
            return None
        nm, pm = neg.mentions[0], pos.mentions[0]
        conf, why = self.pairing(pos.mentions, neg.mentions)
        # "All G7 ministers agree" and "Russia has not agreed": a party not known on one side is no evidence
        # of one happening (the wording alike says nothing of who): the same side acting or acted on must say so.
        if not (same_side(_actors(neg), _actors(pos)) or same_side(_recipients(neg), _recipients(pos))):
            return None
        return Conflict(
            id=conflict_id("occurrence", [pos.id, neg.id]), field="occurrence", event_ids=[pos.id, neg.id],
            values=[self.value(f"{pm.modality}: took place", pm), self.value(f"{nm.modality}: did not", nm)],
            explanation=f"{self.outlets(pos.mentions)} report the {pos.event_type} as taking place; "
            f"{self.outlets(neg.mentions)} say it did not. One happening because {why}", confidence=conf,
        )

    def _who_did_it(self, a: Event, b: Event) -> Conflict | None:
        """Mutual blame: the same use of force on the same days, each side naming the other as the actor."""
        if a.event_type != b.event_type or a.event_type not in BLAME_TYPES or a.id > b.id:
            return None
        if not (a.actor and b.actor) or not participants_differ(a.actor, b.actor):
            return None
        if date_score(a.date, b.date) is None:
            return None
        # Versions come from reports: the mentions that name each side's actor must not all be one report's
        # (a witness mis-read as the actor of the gunfire beside the group's own claim, both in one article).
        ra = {self._root(m.article_id) for m in a.mentions if participants_differ(m.actor, b.actor)}
        rb = {self._root(m.article_id) for m in b.mentions if participants_differ(m.actor, a.actor)}
        if len(ra | rb) == 1:
            return None
        # A standing war ("the paramilitary has been fighting the army") is no version of one attack.
        if all(ongoing(m) for m in a.mentions) or all(ongoing(m) for m in b.mentions):
            return None
        # Each side names the other: one's actor is the other's recipient, or of its country ("Ardenian units had
        # started the clash" / Belmoran batteries "shelled Ardenian border guards").
        # The country tells the sides apart only where the two actors are of different sides: in a domestic clash
        # (police, gunmen and the villagers they attacked, all of one country) everyone shares it.
        by_country = not same_side(a.actor, b.actor)
        reversed_roles = (b.recipient and _acted_on(a.actor, b.recipient, by_country)) or (
            a.recipient and _acted_on(b.actor, a.recipient, by_country))
        if not reversed_roles and _overlap(a, b) < 3:
            return None
        am, bm = a.mentions[0], b.mentions[0]
        conf = 0.7 if reversed_roles else 0.5
        return Conflict(
            id=conflict_id("actor", [a.id, b.id]), field="actor", event_ids=[a.id, b.id],
            values=[self.value(_names(a.actor), am), self.value(_names(b.actor), bm)],
            explanation=f"Who acted first: {_names(a.actor)} ({self.outlets(a.mentions)}) vs "
            f"{_names(b.actor)} ({self.outlets(b.mentions)}). One clash because it is the same use of force on "
            f"the same days" + (", each side naming the other" if reversed_roles else ", told in the same words"),
            confidence=conf,
        )

    def refresh(self, event_ids: Iterable[str]) -> list[Conflict]:
        """Recompute every conflict that involves these events."""
        ids = sorted(set(event_ids))
        found: list[Conflict] = []
        self._events, self._sentence_keys, self._root_keys, self._holding = {}, {}, {}, True
        try:
            with self.store.transaction():
                drop_conflicts_of(self.store, ids)
                for ev in self._by_date(ids):
                    own = self.within(ev)
                    counted = any(c.field == "quantity" for c in own)
                    found += own + self.across(ev)
                    have = {f.id for f in found}
                    found += [c for c in self.tolls_across(ev, counted) if c.id not in have]
                self._drop_superseded_tolls(found)
                for c in found:
                    self.store.save_conflict(c)
        finally:
            # Held only while the refresh runs: the next article's fusion changes events.
            self._events, self._sentence_keys, self._root_keys, self._holding = {}, {}, {}, False
        return found
