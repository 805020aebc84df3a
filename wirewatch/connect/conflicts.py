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
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Any

from ..dates import parse_day as parse_date
from ..extract.quantities import span
from ..model import (
    NEGATIVE_MODALITIES,
    POSITIVE_MODALITIES,
    STAND_IN_DATES,
    Actor,
    Conflict,
    ConflictValue,
    Event,
    EventMention,
    Quantity,
)
from ..store.db import Store
from ..store.events import (
    article_outlet,
    drop_conflicts_of,
    drop_group_count_conflicts,
    event_cache,
    mention_cache,
    peer_ids,
    report_root,
    sibling_event_ids,
)
from ..text import sentence_key
from .fusion import date_score, names_equivalent
from .pairs import (
    BACKGROUND,
    PairModel,
    _lexicon,
    _same_actor,
    act_of,
    act_stem,
    default_model,
    mutual_mention,
    ongoing,
    resolved,
)
from .pairs import _groups as _people_groups
from .pairs import words as _pair_words
from .places import mentions_apart
from .tolls import Toll, tolls
from .view_cache import pair_view

# The refresh compares every touched event with hundreds of peers, sentence by sentence: the same sentences'
# words again and again. `pairs.words` is a pure function of its text returning a frozenset, so remembering
# it changes nothing but the time.
words = lru_cache(maxsize=1 << 16)(_pair_words)

# Which modalities say it happened / did not: the table in model.py.
POSITIVE, NEGATIVE = POSITIVE_MODALITIES, NEGATIVE_MODALITIES
CLAIM_TYPES = {"ACCUSE"}
DENIAL_TYPES = {"REJECT"}
# Where "who did it" is contested: uses of force. A launch and the other side's raised alert on the same
# day (both MOBILIZE) are two acts, not two versions of one.
BLAME_TYPES = {"ASSAULT", "COERCE"}
MAX_PEERS = 300
PEER_DAYS = 3  # events this close in time are compared even across stories
TOLL_GROUP = 12  # events of one story and day set against each other on a toll, at most
MANY_RECIPIENTS = {"PERSONNEL"}  # the official removed and the one appointed are both recipients
# Counted nouns that count the same things: "seven companies" and "nine entities" sanctioned disagree.
UNIT_FAMILY = {"company": "entity", "firm": "entity", "entity": "entity", "organization": "entity",
               "organisation": "entity", "business": "entity"}


# A head noun that says only "some of a group": the word before it says which ("three crew members",
# "two family members", "four security personnel").
MEMBER_HEADS = frozenset({"member", "personnel"})


def unit_key(unit: str) -> str:
    """The counted noun's family: UNIT_FAMILY, else the group of people or the concept fusion's act data give
    it (pairs data/acts.yaml `groups`, `concepts`: soldiers / troops, sailors / crew), else the noun."""
    if unit in UNIT_FAMILY:
        return UNIT_FAMILY[unit]
    stemmed = act_stem(unit.lower())
    _, concepts = _lexicon()
    return _people_groups().get(stemmed) or concepts.get(stemmed) or unit


def quantity_key(q: Quantity) -> str:
    """`unit_key` of what the quantity counts, reading the word before a bare "members" ("crew members"); a
    rate's time unit with it ("truck per day"): 300 trucks a day and 9,000 trucks in all are two measures."""
    unit = q.unit
    if unit.lower() in MEMBER_HEADS:
        ws = re.findall(r"[A-Za-z]+", q.text or "")
        heads = [i for i, w in enumerate(ws) if act_stem(w.lower()) == act_stem(unit.lower())]
        if heads and heads[-1] > 0:
            unit = ws[heads[-1] - 1].lower()
    return unit_key(unit) + (f" per {q.per}" if q.per else "")


def conflict_id(field: str, event_ids: Iterable[str], extra: str = "") -> str:
    key = field + "|" + "|".join(sorted(set(event_ids))) + "|" + extra
    return "cf-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _variants(a: Actor, b: Actor) -> bool:
    if (a.entity_id and a.entity_id == b.entity_id) or names_equivalent(a.name, b.name) or _same_actor(a, b):
        return True
    if not (a.entity_id or a.country) or not (b.entity_id or b.country):
        return True  # a bare common noun ("officials") cannot contradict anyone
    # A person or body and its own country are one side, not two claims of who acted.
    return bool(a.country and a.country == b.country and "GPE" in (a.kind, b.kind))


def participants_differ(x: list[Actor], y: list[Actor]) -> bool:
    if not x or not y:
        return False
    return not any(_variants(a, b) for a in x for b in y)


def _acted_on(actors: list[Actor], recipients: list[Actor], by_country: bool) -> bool:
    """These actors are those acted on, or of their side: no participant told apart, or (`by_country`) one
    country."""
    return not participants_differ(actors, recipients) or (by_country and same_side(actors, recipients))


def same_side(x: list[Actor], y: list[Actor]) -> bool:
    """Known on both sides and the same: one entity, a name variant, or the same country."""
    for a in x:
        for b in y:
            if (a.entity_id and a.entity_id == b.entity_id) or names_equivalent(a.name, b.name):
                return True
            if a.country and a.country == b.country:
                return True
    return False


class ConflictFinder:
    def __init__(self, store: Store, model: PairModel | None = None) -> None:
        self.store = store
        self.model = model or default_model()
        self._outlets: dict[str, str | None] = {}
        self._roots: dict[str, str] = {}
        self._published: dict[str, str | None] = {}
        # Events loaded during one `refresh` (which writes conflicts only, never events), by id; and the
        # sentence keys of each (see `_shares_sentence`).
        self._holding = False
        self._events: dict[str, Event] = {}
        self._sentence_keys: dict[str, tuple[set[tuple[str, int, int]], set[str]]] = {}
        # The sentence keys of a report's own mentions (`_repeats_its_original`), by root article; held
        # with the events: a refresh writes conflicts only, never mentions.
        self._root_keys: dict[str, set[str]] = {}

    def outlet(self, article_id: str) -> str | None:
        if article_id not in self._outlets:
            self._outlets[article_id] = article_outlet(self.store, article_id)
        return self._outlets[article_id]

    def _root(self, article_id: str) -> str:
        """The report an article copies (itself when it is no copy): a copy's lines are the report's own."""
        if article_id not in self._roots:
            root = report_root(self.store, article_id)
            self._roots[article_id] = root[0] if root else article_id
        return self._roots[article_id]

    def _repeats_its_original(self, ev: Event) -> bool:
        """Every mention of the event is a syndicated copy's sentence that its original also carries: the
        original's own event answers the claim, and the copy would list the same denial twice."""
        for m in ev.mentions:
            root = self._root(m.article_id)
            if root == m.article_id or sentence_key(m.sentence) not in self._report_keys(root):
                return False
        return bool(ev.mentions)

    def _report_keys(self, root: str) -> set[str]:
        """The sentence keys of the report's stored mentions (read once per refresh)."""
        keys = self._root_keys.get(root) if self._holding else None
        if keys is None:
            keys = {sentence_key(x.sentence) for x in self.store.mentions_in(article_ids=[root],
                                                                                cache=mention_cache(self.store))}
            if self._holding:
                self._root_keys[root] = keys
        return keys

    def outlets(self, mentions: list[EventMention]) -> str:
        return ", ".join(sorted({self.outlet(m.article_id) or m.article_id for m in mentions}))

    def value(self, v: Any, m: EventMention) -> ConflictValue:
        return ConflictValue(value=v, article_id=m.article_id, sentence=m.sentence, outlet=self.outlet(m.article_id))

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

    def pairing(self, xs: list[EventMention], ys: list[EventMention]) -> tuple[float, str]:
        """How sure we are that two sets of mentions report one happening (the fitted fusion model, on
        the best pair from different sentences), and the evidence in words."""
        best, pair = 0.0, None
        for x in xs:
            for y in ys:
                if _same_sentence(x, y):
                    continue
                vx, vy = pair_view(self.store, x), pair_view(self.store, y)
                p = self.model.prob(vx, vy, True)
                if p >= best:
                    best, pair = p, (x, y)
        if pair is None:
            return 0.0, "they are the same sentence"
        return round(best, 3), _why(*pair, best)

    def one_happening(self, conf: float) -> bool:
        """Whether the two sides' best pairing passes the fusion model's own decision point. Below it the
        event was joined through other mentions (a chain), and two values told by mentions that would not
        fuse on their own are more likely two happenings than two versions of one."""
        return conf >= self.model.threshold

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

    def _reported(self, ev: Event) -> Date | None:
        """The latest publication day of the reports that tell the event (None when none is dated)."""
        days = [d for m in ev.mentions if (d := parse_date(self._article_published(m.article_id)))]
        return max(days, default=None)

    def _article_published(self, article_id: str) -> str | None:
        if article_id not in self._published:
            self._published[article_id] = self.store.article_published(article_id)
        return self._published[article_id]

    def _peers(self, event_id: str, story_id: str | None, day: Date | None,
               reported: Date | None = None) -> list[Event]:
        """`store.events.peers_of`, in its order, each event loaded once per refresh."""
        ids = peer_ids(self.store, event_id, story_id, day, PEER_DAYS, reported=reported, limit=MAX_PEERS)
        return self._load(ids)

    def _load(self, ids: list[str]) -> list[Event]:
        """These events, in this order; during a refresh, the ones not yet held are read in one query."""
        held = self._events if self._holding else {}
        missing = [i for i in ids if i not in held]
        if missing:
            # Shared, parsed objects (store/mention_cache.py): the refresh only reads them.
            for ev in self.store.events_by_ids(missing, cache=mention_cache(self.store),
                                               events=event_cache(self.store)):
                held[ev.id] = ev
        return [held[i] for i in ids if i in held]

    def _shares_sentence(self, a: Event, b: Event) -> bool:
        """`_same_sentence` for some mention of `a` and some of `b`: the same place in one article, or the
        same normalised words; as set intersections rather than every pair of mentions."""
        pa, na = self._keys(a)
        pb, nb = self._keys(b)
        return not pa.isdisjoint(pb) or not na.isdisjoint(nb)

    def _keys(self, ev: Event) -> tuple[set[tuple[str, int, int]], set[str]]:
        held = self._holding and self._events.get(ev.id) is ev
        keys = self._sentence_keys.get(ev.id) if held else None
        if keys is None:
            keys = ({(m.article_id, m.start, m.end) for m in ev.mentions},
                    {sentence_key(m.sentence) for m in ev.mentions})
            if held:
                self._sentence_keys[ev.id] = keys
        return keys

    def _claim_vs_denial(self, denial: Event, claim: Event) -> Conflict | None:
        """A denial answers a claim: same parties and the denial's scope matching the claim.

        Parties: a rejection (REJECT) answers an accusation when the one rejecting is the accused (or the
        claimed actor) - "the two sides failed to agree" answers nobody; a denied report of a happening
        ("denied that Ri had been dismissed") answers claims of the same kind of happening by the same actor.
        Scope: the denial is about what the claim says (shared content words, synonyms mapped: "troops
        had crossed the border" answers "sending soldiers into its territory"), or it rejects "the
        accusations" / "the claims" as such, naming the accuser or coming within days of the claim. A
        background line ("have repeatedly denied ...") answers only a claim of that very act."""
        if not _is_denial(denial) or _is_denial(claim) or self._repeats_its_original(denial):
            return None
        if claim.modality not in POSITIVE and claim.event_type not in CLAIM_TYPES:
            return None
        # Speakers stand for the body they speak for ("a spokesperson for North Korea's Foreign Ministry").
        denier, claimant = _actors(denial), _actors(claim)
        accused = _recipients(claim) if claim.event_type in CLAIM_TYPES else claimant
        # Scope is judged sentence against sentence: the union of many reports' words would match anything.
        overlap = _pair_overlap(denial, claim)
        if denial.event_type in DENIAL_TYPES:
            # The accused denies; or a body of unknown side denies that the named actor did it ("the
            # ministry denied that police had used rubber bullets"), which needs the same wording and the
            # claim's actor named as the one the denial clears (a denial of "reports" or a side not known
            # to match answered a treaty line by whatever words they shared).
            named = not any(a.country for a in denier) and same_side(_recipients(denial), claimant) \
                and overlap >= 2
            by_accused = same_side(denier, accused)
            if not by_accused and not named:
                return None
        elif denial.event_type != claim.event_type or participants_differ(denier, accused):
            return None
        else:
            by_accused = True
        found = self._scope(denial, claim)
        if found is None:
            return None
        dm, cm, shared, background, generic = found
        if self._better_sibling(denial, claim) or (generic and self._better_accusation(denial, claim)):
            return None
        conf = min(0.95, 0.5 + 0.1 * len(shared) + (0.2 if generic else 0.0) - (0.2 if background else 0.0))
        scope = (f"both speak of {', '.join(sorted(shared)[:5])}" if shared else "it names the accuser") + (
            "; it rejects the accusation itself" if generic else "") + (
            "; a standing denial, restated as background, that names this very act" if background else "")
        return Conflict(
            id=conflict_id("occurrence", [claim.id, denial.id]), field="occurrence",
            event_ids=[claim.id, denial.id],
            values=[self.value(f"{cm.modality} ({claim.event_type})", cm),
                    self.value(f"denied ({denial.event_type})", dm)],
            explanation=f"{_names(claimant) or 'A source'}: {claim.event_type} ({self.outlets(claim.mentions)}); "
            f"{_names(denier) or 'a party'} denies it ({self.outlets(denial.mentions)}). The denial answers "
            f"this claim because " + (f"the denier is the accused ({_names(accused) or 'same side'})" if by_accused
                                      else "the denier's side is not known and it names what the claim says")
            + f" and {scope}",
            confidence=round(max(0.1, conf), 3),
        )

    def _scope(self, denial: Event, claim: Event) -> tuple[EventMention, EventMention, set[str], bool, bool] | None:
        """The denial sentence and claim sentence that answer each other best, judged sentence against
        sentence (the union of many reports' words would match anything): (denial mention, claim mention,
        shared words, denial is background, denial rejects the accusation as such), or None.

        Two sentences of one text (a syndicated copy) never answer each other. A background line ("have
        repeatedly denied any transfer of weapons") answers only a claim of that very act: the claim's
        act word, or for an accusation its content, must be in the denial. So must what a specific denial
        of a happening denies: a rejection of "reports that it had sent troops" answers the sending, not
        the same party's demand for shells or its factory visit on the same topic."""
        parties = _party_words(denial, claim)
        best: tuple[int, tuple[EventMention, EventMention, set[str], bool, bool]] | None = None
        claim_reports = {self._root(c.article_id) for c in claim.mentions}
        for d in denial.mentions:
            background = bool(_BACKGROUND.search(d.sentence)) or d.modality == "historical"
            # A report's own background line ("have repeatedly denied any transfer of weapons") is context to
            # the news it tells: when that report tells the claimed happening too, other outlets' copies of
            # the same news are not contradicted by it either.
            if background and self._root(d.article_id) in claim_reports:
                continue
            # What is denied: a rejection's object ("rejected reports that the country had sent troops"),
            # not the rest of its sentence ("..., calling them a clumsy fabrication").
            scope_text = _denied_text(d) if denial.event_type in DENIAL_TYPES else d.sentence
            wd = _common_words(scope_text) - parties - words(d.trigger or "")
            generic_text = claim.event_type in CLAIM_TYPES and not background and _rejects_as_such(scope_text)
            for c in claim.mentions:
                if _same_sentence(d, c):
                    continue
                shared = (_common_words(c.sentence) - parties) & wd
                generic = generic_text and (_names_accuser(denial, claim) or _days_apart(denial, claim) <= PEER_DAYS)
                # A background denial, or a claim told inside a denial's sentence, must name the very act:
                # an accusation's content, or the claimed act's own word ("sent", "dismissed").
                # A denial of a happening ("rejected reports that it had sent troops") answers a report of
                # that act (sending, deploying troops), not the same parties' other acts on the same topic
                # (a demand for more shells, a factory visit): what it denies must name the claimed act.
                names_it = bool(words(c.trigger or "") & wd) or _scope_names_act(scope_text, c)
                very_act = (claim.event_type in CLAIM_TYPES and not background) or names_it or (
                    claim.event_type in CLAIM_TYPES and _names_act(d, c))
                if not ((len(shared) >= 2 and very_act) or generic):
                    continue
                one_report = self._root(d.article_id) == self._root(c.article_id)
                # An outlet's own background line beside its own news, or a syndicated copy's news ("have
                # repeatedly denied any transfer of weapons or troops" after "has sent 3,000 more troops"), is
                # context the report gives, not a second report that contradicts the first.
                if background and one_report:
                    continue
                # Inside one article a denial answers a claim only explicitly: it rejects the accusation
                # itself, or names the claimed act and most of what the claim says.
                if one_report and not (generic or (names_it and len(shared) >= 3)):
                    continue
                score = len(shared) + 2 * generic - 2 * background - one_report
                if best is None or score > best[0]:
                    best = (score, (d, c, shared, background, generic))
        return best[1] if best else None

    def _better_sibling(self, denial: Event, claim: Event) -> bool:
        """One sentence often carries two acts ("removed Ri ... and appointed Ryom"); a denial of the
        dismissal answers the dismissal, not the appointment. True when another event told in the same
        sentence as the claim fits the denial's words better (ties: the smaller id), so the pairing does
        not depend on which event was refreshed first."""
        mine = _act_score(denial, claim)
        for m in claim.mentions:
            ids = sibling_event_ids(self.store, m.article_id, m.start, claim.event_type, claim.id)
            for other in self._by_date([i for i in ids if i != denial.id]):
                theirs = _act_score(denial, other)
                if theirs > mine or (theirs == mine and other.id < claim.id and not _is_denial(other)):
                    return True
        return False

    def _better_accusation(self, denial: Event, claim: Event) -> bool:
        """A rejection of "the accusations" as such answers the accuser's accusation, not each of its claim
        lines of those days: True when another claim event of the same accuser is named by the rejection's
        own word ("rejected Guyana's accusations" / "accused Venezuela of ...") and this one is not
        ("summoned Venezuela's ambassador to protest")."""
        if _trigger_named(denial, claim):
            return False
        peers = self._peers(denial.id, denial.story_id, parse_date(denial.date))
        return any(o.id != claim.id and o.event_type in CLAIM_TYPES and not _is_denial(o)
                   and same_side(o.actor, claim.actor) and _trigger_named(denial, o) for o in peers)

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

    def _by_date(self, ids: list[str]) -> list[Event]:
        """`store.events_by_ids` (by date, then id), through the events this refresh holds."""
        held = self._load(sorted(set(ids)))
        return sorted(held, key=lambda ev: (ev.date is None, ev.date or "", ev.id))


_BACKGROUND = BACKGROUND
# The denial rejects the claim as such: "rejected Guyana's accusations", "called the claims a fabrication".
_GENERIC = re.compile(r"\b(accusations?|allegations?|claims?|charges?|reports?|fabricat\w*|baseless|lies)\b", re.I)
# "reports that it had started building ...", "accusations of spying": the noun names its own content, which
# is then what is denied; only a bare "the accusations", "the reports" rejects the claim as such. The content
# may follow a phrase that says whose or where the claim is ("reports in the local press that ...", "claims by
# state media that ...", "allegations made on Monday about ..."): up to six words with no verb of saying, no
# "and" / "as" (a second clause or "as baseless") and no punctuation between the noun and "that" / "about".
_CONTENT = re.compile(
    r"\s+(?:of\b|(?:(?!(?:and|but|as|which|who|said|says|saying|calling|adding|while)\b)[\w'-]+\s+){0,6}?"
    r"(?:that|about)\b)", re.I)


def _rejects_as_such(scope_text: str) -> bool:
    """The denial rejects an accusation or report as such ("rejected the accusations", "called it a
    fabrication"), not a report of some content of its own ("denied reports that it had started building a
    structure on Scarborough Shoal" answers a claim of that building, not a summons over a water-cannon attack)."""
    return any(not _CONTENT.match(scope_text, m.end()) for m in _GENERIC.finditer(scope_text))


def _same_sentence(x: EventMention, y: EventMention) -> bool:
    """One sentence: the same place in one article, or the same words in two (a syndicated copy)."""
    if x.article_id == y.article_id and x.start == y.start and x.end == y.end:
        return True
    return sentence_key(x.sentence) == sentence_key(y.sentence)


_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:saying|calling|describing|adding|while|but|though|although)\b")


def _denied_text(m: EventMention) -> str:
    """The words after a denial's trigger up to the end of its clause: what it denies."""
    sent = m.sentence or ""
    at = (m.trigger_end - m.start) if m.trigger_end is not None and m.trigger_end >= m.start else -1
    if not 0 <= at <= len(sent):
        i = sent.lower().find((m.trigger or "").lower()) if m.trigger else -1
        at = i + len(m.trigger) if i >= 0 else 0
    rest = sent[at:]
    end = _CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest


def _party_words(a: Event, b: Event) -> set[str]:
    """The parties' own names as words: both sentences name the accused, which says nothing of what."""
    out: set[str] = set()
    for ev in (a, b):
        for x in [*ev.actor, *ev.recipient]:
            out |= words(x.name)
    return out


def _names_act(denial: EventMention, claim: EventMention) -> bool:
    """A word of the denial (its own verb left out) falls in the act that the claim's trigger names
    (data/acts.yaml): "denied that Ri had been dismissed" names a dismissal."""
    act = act_of(claim)
    if act is None:
        return False
    from .pairs import _lexicon, act_stem

    table, _ = _lexicon()
    own = {act_stem(w) for w in (denial.trigger or "").split()}
    return any(table.get((claim.event_type, act_stem(w.strip(".,;:\"'()"))), None) == act
               for w in denial.sentence.split() if act_stem(w.strip(".,;:\"'()")) not in own)


def _scope_names_act(scope_text: str, claim: EventMention) -> bool:
    """A word of what the denial denies falls in the act that the claim's trigger names (data/acts.yaml):
    "reports that the country had sent troops" names a deployment and a delivery, not a demand."""
    act = act_of(claim)
    if act is None:
        return False
    return _text_names_act(scope_text, claim.event_type, act)


@lru_cache(maxsize=1 << 16)
def _text_names_act(scope_text: str, event_type: str, act: str) -> bool:
    """`_scope_names_act` for the claim's type and act, remembered (the acts table is shipped data)."""
    from .pairs import _lexicon, act_stem

    table, _ = _lexicon()
    return any(table.get((event_type, act_stem(w.strip(".,;:\"'()"))), None) == act for w in scope_text.split())


def _names_accuser(denial: Event, claim: Event) -> bool:
    text = " ".join(m.sentence for m in denial.mentions).lower()
    return any(a.name.lower() in text for a in claim.actor if a.name and a.name[:1].isupper())


def _days_apart(a: Event, b: Event) -> int:
    da, db = parse_date(a.date), parse_date(b.date)
    return abs((da - db).days) if da and db else 0


def _why(x: EventMention, y: EventMention, p: float) -> str:
    """The evidence that two mentions report one happening, for an analyst."""
    from .pairs import participants

    parts = [f"both report {x.event_type}"]
    if participants(x.actor, y.actor) in ("same", "side"):
        parts.append(f"the same actor ({_names(x.actor)} / {_names(y.actor)})")
    if participants(x.recipient, y.recipient) in ("same", "side"):
        parts.append(f"the same target ({_names(x.recipient)})")
    if x.date and y.date:
        parts.append(f"dates {x.date} and {y.date}")
    shared = sorted(_common_words(x.sentence) & _common_words(y.sentence))[:4]
    if shared:
        parts.append("shared words: " + ", ".join(shared))
    return "; ".join(parts) + f" (pairing confidence {p:.2f})"


def _is_denial(ev: Event) -> bool:
    return ev.event_type in DENIAL_TYPES or ev.modality == "denied"


_TIME_WORDS = frozenset(
    """last next year years month months week weeks day days today yesterday tomorrow earlier later ago
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _common_words(sentence: str) -> set[str]:
    """Content words written in lower case: what a sentence is about, without the names in it (two
    sentences that both name North Korea and Russia are not therefore about the same thing)."""
    return set(_lower_words(sentence))


@lru_cache(maxsize=1 << 16)
def _lower_words(sentence: str) -> frozenset[str]:
    """`_common_words`, remembered: the refresh asks for the same sentences against hundreds of peers."""
    lower = " ".join(w for w in sentence.split() if w[:1].islower())
    return frozenset(w for w in words(lower) if w not in _TIME_WORDS)


def _overlap(a: Event, b: Event) -> int:
    wa = set().union(*(_common_words(m.sentence) for m in a.mentions))
    wb = set().union(*(_common_words(m.sentence) for m in b.mentions))
    return len(wa & wb)


def _trigger_named(denial: Event, claim: Event) -> bool:
    """Does a denial's sentence write the word of a claim's trigger (stemmed: "accusations" / "accused")?"""
    from .pairs import act_stem

    trig = {act_stem(w) for m in claim.mentions for w in (m.trigger or "").split()[-1:]} - {""}
    return any(act_stem(w.strip(".,;:\"'()").lower()) in trig for m in denial.mentions for w in m.sentence.split())


def _act_score(denial: Event, claim: Event) -> int:
    """How well a denial's words name the claim's act: 1 when a word of the denial falls in the act
    (data/acts.yaml) that the claim's trigger names."""
    acts = {act_of(m) for m in claim.mentions} - {None}
    if not acts:
        return 0
    from .pairs import _lexicon, act_stem

    table, _ = _lexicon()
    for m in denial.mentions:
        for w in m.sentence.split():
            if table.get((claim.event_type, act_stem(w.strip(".,;:\"'()"))), None) in acts:
                return 1
    return 0


def _pair_overlap(a: Event, b: Event) -> int:
    """The most content words one sentence of `a` shares with one sentence of `b`, the parties' own names
    left out (both sentences name the accused; that says nothing about what is denied), other names kept
    ("denied that Defense Minister Ri Chol Min had been dismissed")."""
    parties: set[str] = set()
    for ev in (a, b):
        for x in [*ev.actor, *ev.recipient]:
            parties |= words(x.name)
    # The denial's own verb ("dismissed the claims") says that it denies, not what.
    wa = [words(m.sentence) - parties - _TIME_WORDS - words(m.trigger or "") for m in a.mentions]
    wb = [words(m.sentence) - parties - _TIME_WORDS for m in b.mentions]
    return max((len(x & y) for x in wa for y in wb), default=0)


def _place(m: EventMention) -> tuple[str, str] | None:
    """(name, country) of a place resolved in a gazetteer. Places in different countries contradict;
    "East Sea" vs "east coast" (launch site vs landing area, both unresolved) do not."""
    loc = m.location
    if loc is None or not loc.country:
        return None
    return (loc.name or loc.text, loc.country)


# "a day earlier ... reported Thursday", "the day before": the day the sentence names is the report's,
# the happening's lies at an offset from it, so that date cannot be set against another outlet's.
_OFFSET = re.compile(r"\b(?:(?:a|one|two|three|four|\d+)\s+(?:days?|nights?|weeks?)\s+(?:earlier|before|after|later|"
                     r"previously)|the\s+(?:day|night|week)\s+before|the\s+previous\s+(?:day|night|week)|"
                     r"the\s+next\s+day|overnight)\b", re.I)


# An increment: "300 more", "1,500 additional troops", "an additional 300", "another 3,000", "a further 2,000".
# "More than 300", "300 or more" and "no more than 20" are totals with a floor or a ceiling, not counts of more.
_ADDED = frozenset({"additional", "another", "further", "extra"})
_BOUND_BEFORE_MORE = frozenset({"or", "no", "not", "any"})
_WORD = re.compile(r"[\w'-]+")
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _increment(q: Quantity, sentence: str) -> bool:
    """Is this count an increment? Its own words ("300 more people", "further 2,000 soldiers"), and the word
    written just before it ("an additional 300 people", "another 3,000 troops": the quantity's text starts at
    the number)."""
    ws = _WORD.findall(q.text.lower())
    at = sentence.find(q.text) if sentence else -1
    before = _WORD.findall(sentence[:at].lower())[-1:] if at > 0 else []
    if any(w in _ADDED for w in ws + before):
        return True
    return any(w == "more" and i > 0 and ws[i - 1] not in _BOUND_BEFORE_MORE and ws[i + 1:i + 2] != ["than"]
               for i, w in enumerate(ws))


@dataclass(frozen=True)
class Figure:
    """A count as compared: the interval it allows (extract/quantities.span) and how it reads."""

    low: float
    high: float
    value: float  # the figure written (a range's low end)
    text: str  # "" when exact: the plain number is shown
    bound: str | None = None  # extract/quantities: min | max | about | nearly | range | None (exact)

    def plain(self) -> Any:
        if self.text:
            return self.text
        return int(self.value) if float(self.value).is_integer() else self.value


def _count(m: EventMention, unit: str, more: bool) -> Figure | None:
    """The mention's first count of this unit that is (`more`) or is not an increment."""
    q = next((q for q in m.quantities if quantity_key(q) == unit and _increment(q, m.sentence or "") == more), None)
    if q is None:
        return None
    low, high = span(q)
    return Figure(low, high, q.value, _bounded_text(q), q.bound)


def _bounded_text(q: Quantity) -> str:
    """How a bounded count reads: as written ("at least 12 people", "dozens of protesters"); an exact one is
    shown as its plain number, as before."""
    return q.text if q.bound else ""


def _figures_differ(a: Figure, b: Figure) -> bool:
    """Two figures contradict when no value fits both ("12" and "40"; "some 300" and "500"), or when a floor or
    a ceiling states another figure than the other report ("at least 5 killed" against "7 killed"). The second
    reading is the gold's (VOA dev, eval/connect2: outlets giving different tolls disagree even when one is
    a floor) and an analyst's: each outlet says how many it can vouch for. An approximation or a range still
    holds a figure inside it ("some 300" and "320", "between 30 and 40" and "35" agree)."""
    if a.high < b.low or b.high < a.low:
        return True
    return bool({a.bound, b.bound} & {"min", "max"}) and a.value != b.value


@lru_cache(maxsize=1 << 14)
def _numbers_outside_dates(sentence: str) -> frozenset[float]:
    """The numbers a sentence writes in figures, less those inside its time expressions ("on March 14",
    "in 2024", "at 10:30" are no counts)."""
    from ..extract.timex import find_timexes  # regex only; the extract package is not needed to load connect

    spans = [(t.start, t.end) for t in find_timexes(sentence, None)]
    out = set()
    for n in _NUM.finditer(sentence):
        if any(a <= n.start() < b for a, b in spans):
            continue
        try:
            out.add(float(n.group().replace(",", "")))
        except ValueError:
            continue
    return frozenset(out)


def _written_counts(m: EventMention) -> set[float]:
    """The counts a mention's sentence writes: its extracted quantities (in words too: "three"; both ends of a
    range) and the figures outside its time expressions ("adding to the 4,000 already there" has no counted
    noun)."""
    out = {q.value for q in m.quantities} | {q.high for q in m.quantities if q.high is not None}
    return out | _numbers_outside_dates(m.sentence or "")


def _counts_comparable(xs: list[EventMention], vx: Any, ys: list[EventMention], vy: Any) -> bool:
    """A report that writes both numbers ("3,000 more ... in addition to some 11,000 sent last year") tells
    two counts apart; it does not contradict the other report's number. A day of the month ("on March 14")
    is no second count."""
    fx, fy = (v.value if isinstance(v, Figure) else v for v in (vx, vy))
    return not (any(fy in _written_counts(m) for m in xs) or any(fx in _written_counts(m) for m in ys))


def _parties(m: EventMention) -> tuple[Actor, ...]:
    """A mutual act's identified parties, actor and recipient alike, each entity once, in name order."""
    seen: dict[str, Actor] = {}
    for a in (*m.actor, *m.recipient):
        if a.entity_id:
            seen.setdefault(a.entity_id, a)
    return tuple(sorted(seen.values(), key=lambda a: a.name.lower()))


def _stated_date(m: EventMention) -> str | None:
    """A date the sentence states (day or month) as the happening's; a publication date standing in, or a
    report's day with the happening at an offset from it, cannot contradict."""
    # A report that it did not happen ("postponed until next month") gives no day of the happening: that
    # is the occurrence conflict, not a date one.
    if m.date_from in STAND_IN_DATES or m.date_precision not in ("day", "month") or m.modality in NEGATIVE:
        return None
    # A period ("since January", "between January and February", "over the past month") is already a
    # stand-in (`date_from == "period"`, extract/timex_signals.py); only the offset is read here.
    if _OFFSET.search(m.sentence or ""):
        return None
    # A standing activity ("keeps shipping shells, the agency said on Tuesday") has no day of its own: the
    # day its sentence names is the report's.
    if ongoing(m):
        return None
    return m.date


def _dates_differ(a: Any, b: Any) -> bool:
    """Different at the precision both have: 2025-10 vs 2025-09-14 differ, 2025-09 vs 2025-09-14 do not."""
    n = min(len(a), len(b))
    return n >= 7 and a[:n] != b[:n]


def _event_tolls(ev: Event) -> list[tuple[Toll, EventMention]]:
    """The tolls an event's mentions tell as news (connect/tolls.py): not a denial, a plan or background,
    nor a standing activity ("the war has killed thousands")."""
    return [(t, m) for m in ev.mentions if m.modality in POSITIVE and not ongoing(m)
            for t in tolls(m.sentence or "")]


def _toll_figure(t: Toll) -> Figure:
    q = Quantity(value=t.value, unit=t.unit, text=t.text, bound=t.bound, high=t.high)
    low, high = span(q)
    return Figure(low, high, t.value, t.text, t.bound or None)


def _toll_values(m: EventMention) -> set[float]:
    """Every figure the mention's sentence writes (`_written_counts`, toll ranges' tops with them)."""
    return _written_counts(m) | {t.value for t in tolls(m.sentence or "")} | {
        t.high for t in tolls(m.sentence or "") if t.high is not None}


def _sources(ms: list[EventMention]) -> str:
    return ", ".join(dict.fromkeys(m.attributed_to for m in ms if m.attributed_to))


def _hashable(v: Any) -> Any:
    if isinstance(v, tuple):
        return tuple(sorted((x.name for x in v), key=str.lower)) if v and isinstance(v[0], Actor) else v
    return v


def _plain(v: Any) -> Any:
    if isinstance(v, Figure):
        return v.plain()
    if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], str) and len(v[1]) == 3 and v[1].isupper():
        return f"{v[0]} ({v[1]})"  # a place and its country
    if isinstance(v, tuple):
        return " and ".join(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _actors(ev: Event) -> list[Actor]:
    """The event's actors, a bare speaker resolved to the body it speaks for (pairs.speaks_for), read in
    the sentence of the first mention that names them."""
    m = next((x for x in ev.mentions if x.actor), None)
    return resolved(ev.actor, m.sentence if m else "")


def _recipients(ev: Event) -> list[Actor]:
    m = next((x for x in ev.mentions if x.recipient), None)
    return resolved(ev.recipient, m.sentence if m else "")


def _names(actors: list[Actor]) -> str:
    return " and ".join(a.name for a in actors)


def _plural(unit: str) -> str:
    if " per " in unit:  # "truck per day" -> "trucks per day"
        head, _, per = unit.partition(" per ")
        return f"{_plural(head)} per {per}"
    if unit.endswith("s"):
        return unit
    return unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"
