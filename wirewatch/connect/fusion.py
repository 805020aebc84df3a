"""Cross-source event fusion: mentions of one real-world happening become one `Event`.

Online: each new mention is compared only with candidate events found through indexed columns
(same event type, and the same story or a date within the window), so the cost per article stays flat as
the store grows. A mention joins the candidate whose mentions it matches best (the mean over its best few
mentions, the single worst left out, see `support`), when that passes the fitted threshold; else it
starts a new event.

Whether two mentions report one happening is event coreference over arguments, decided by the fitted pair
model in `pairs.py` (participants, act synonyms, dates within their precision, phase, place, wording);
quantities are left out, so "two missiles" and "three missiles" can fuse and be flagged as a conflict.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from ..dates import parse_day as parse_date
from ..model import MODALITY_TABLE, STAND_IN_DATES, Actor, Event, EventMention
from ..store.db import Store
from ..store.events import events_near, mention_cache
from ..text import sentence_key
from .pairs import PairModel, PairView, date_evidence, default_model, reciprocal
from .places import different_places
from .view_cache import pair_view

DATE_WINDOW_DAYS = 2  # beyond this, two day-precise dates are two happenings
MODALITY_RANK = {m.name: m.standing for m in MODALITY_TABLE.values()}  # the table lives in model.py


def date_score(a: str | None, b: str | None, *, soft: bool = False) -> float | None:
    """1 for the same date, lower for near dates, None when the dates rule out one happening.

    `soft`: one of the dates is only the report's publication date (no time expression in the sentence),
    so a gap of up to a week is still compatible: the report may come days after the happening."""
    if not a or not b:
        return 0.5  # unknown: neither for nor against
    da, db = parse_date(a), parse_date(b)
    if da and db:
        gap = abs((da - db).days)
        if gap == 0:
            return 1.0 if not soft else 0.7
        limit = 7 if soft else DATE_WINDOW_DAYS
        return 0.4 if gap <= limit else None
    # month / year precision: compatible when one is a prefix of the other
    if a.startswith(b[:7]) or b.startswith(a[:7]):
        return 0.7
    if a[:4] != b[:4]:
        return None
    return 0.2


def name_key(name: str) -> str:
    """Case, hyphens and punctuation folded: "Kim Jong-un" and "Kim Jong Un" share a key."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.replace("-", " ").lower()).split())


def names_equivalent(a: str, b: str) -> bool:
    """The same name in another transliteration or spelling."""
    ka, kb = name_key(a), name_key(b)
    return ka == kb or fuzz.token_sort_ratio(ka, kb) >= 88


def actor_keys(actors: list[Actor]) -> set[str]:
    return {(a.entity_id or a.name).lower() for a in actors}


def same_participants(a: list[Actor], b: list[Actor]) -> float:
    """1 when they share a participant, 0.5 when unknown, near 0 when they clearly differ.

    Named participants (with an entity id) are compared by identity or name variant; otherwise the
    countries decide ("South Korean military" and "South Korea" are one side); bare common nouns
    ("officials", "both sides") say nothing either way."""
    if not a or not b:
        return 0.5
    if actor_keys(a) & actor_keys(b) or any(names_equivalent(x.name, y.name) for x in a for y in b):
        return 1.0
    ca, cb = {x.country for x in a if x.country}, {y.country for y in b if y.country}
    if ca and cb:
        if not ca & cb:
            return 0.0
        # A state and one of its own bodies or forces ("North Korea" / "Missile Administration") are the
        # same side; two bodies of one country may still be two actors.
        state = any(x.kind == "GPE" and x.country in cb for x in a) or \
            any(y.kind == "GPE" and y.country in ca for y in b)
        return 0.9 if state else 0.8
    named_a, named_b = [x for x in a if x.entity_id], [y for y in b if y.entity_id]
    return 0.2 if named_a and named_b else 0.5


def event_id_for(m: EventMention) -> str:
    return "ev-" + hashlib.sha1(f"{m.article_id}|{m.id}|{m.event_type}".encode()).hexdigest()[:12]


_source_key = lru_cache(maxsize=4096)(name_key)  # a big event cites a handful of sources many times


@lru_cache(maxsize=4096)
def _keys_equivalent(ka: str, kb: str) -> bool:
    """`names_equivalent` on two name keys, remembered: a big event cites a handful of sources many times."""
    return ka == kb or fuzz.token_sort_ratio(ka, kb) >= 88


def cited_source(ms: list[EventMention], best: EventMention) -> str | None:
    """The source that goes with the event's modality (that of `best`, the mention that speaks for the
    event) and that most of its reports credit: one vote per article and source, spellings folded by
    `names_equivalent` (then, between as many reports, one per mention); on a tie, `best`'s own source, else
    the first cited. Only when no mention of that modality names a source do the others vote. Every other
    source stays listed in `Event.attributions()`.

    (The most factual mention's source alone let one outlet's "officials said" stand for a happening most
    reports credit to the defence ministry; counting mentions let one report repeating "officials said"
    outvote two outlets; counting every modality let a militia's denial name the source of a police report.)
    Near-linear: mentions are grouped by `name_key` first, and only the distinct keys are compared."""
    cited = [m for m in ms if m.attributed_to and m.modality == best.modality] or \
        [m for m in ms if m.attributed_to]
    if not cited:
        return None
    first: dict[str, str] = {}  # name key -> first spelling cited
    reports: dict[str, set[str]] = {}  # name key -> articles citing it
    times: Counter[str] = Counter()  # name key -> mentions citing it
    for m in cited:
        k = _source_key(m.attributed_to or "")
        first.setdefault(k, m.attributed_to or "")
        reports.setdefault(k, set()).add(m.article_id)
        times[k] += 1
    keys = list(first)
    votes: dict[str, tuple[int, int]] = {}
    for k in keys:
        same = [o for o in keys if _keys_equivalent(k, o)]
        # reports first; within as many reports, how often they credit it
        votes[k] = (len(set().union(*(reports[o] for o in same))), sum(times[o] for o in same))
    top = max(votes.values())
    leaders = [k for k in keys if votes[k] == top]
    own = _source_key(best.attributed_to or "")
    return first[own] if best.attributed_to and own in leaders else first[leaders[0]]


def aggregate(ev: Event) -> Event:
    """Recompute an event's fields from its mentions (the mentions are the evidence)."""
    ms = ev.mentions
    if not ms:
        return ev
    # A reciprocal report's actor is one of the parties, not who acted on whom ("North and South Korea exchanged
    # fire" read with actor South Korea): a one-sided report's actor speaks for the event where there is one.
    # Its recipient comes from the same reports: a reciprocal report's recipient may be the actor's own side.
    one_sided = [m for m in ms if m.actor and not reciprocal(m)] or ms
    ev.actor = next((list(m.actor) for m in one_sided if m.actor), [])
    ev.recipient = next((list(m.recipient) for m in one_sided if m.recipient), [])
    ev.location = next((m.location for m in ms if m.location), None)
    ev.mode = next((m.mode for m in ms if m.mode), None)
    ev.context = sorted({c for m in ms for c in m.context})
    best = speaking_mention(ms)
    ev.modality = best.modality
    ev.attributed_to = cited_source(ms, best)
    ev.date, ev.date_precision = event_date(ms)
    return ev


def speaking_mention(ms: list[EventMention]) -> EventMention:
    """The mention whose presentation (modality) the event takes: the one most reports give, each report
    voting once with its most factual mention (copies of one sentence vote once); on a tie the most
    factual (`ModalityInfo.standing`).

    (The most factual mention alone let one outlet's bare "fired" stand for a happening three others report
    as planned or expected; grouped CV by article over the VOA dev, eval/connect and eval/participants gold
    chose the vote in every fold: eval/aggregate_cv.py.)"""
    per_report: dict[str, EventMention] = {}
    for m in ms:
        cur = per_report.get(m.article_id)
        if cur is None or MODALITY_RANK.get(m.modality, 9) < MODALITY_RANK.get(cur.modality, 9):
            per_report[m.article_id] = m
    # A sentence reprinted word for word by several papers is one report's voice, however often it is
    # copied (corroboration folds syndicated copies the same way, by the store's duplicate links).
    voices: dict[str, EventMention] = {}
    for m in per_report.values():
        voices.setdefault(sentence_key(m.sentence) or m.article_id, m)
    votes = Counter(m.modality for m in voices.values())
    top = max(votes.values())
    modality = min((k for k, n in votes.items() if n == top), key=lambda k: MODALITY_RANK.get(k, 9))
    return next(m for m in per_report.values() if m.modality == modality)


def event_date(ms: list[EventMention]) -> tuple[str | None, str | None]:
    """Dates read from the event's own sentences outrank the stand-ins (`model.STAND_IN_DATES`): among
    those, the most precise date most mentions agree on, ties to the earliest. Among stand-ins each report
    votes once: a date carried from the sentence before ("context") wins a tie with the reports' own
    publication dates, but not against more reports (one article's carried "2019" outvoted two outlets
    reporting the arrests that day)."""
    stated = [m for m in ms if m.date and m.date_from not in STAND_IN_DATES]
    if stated:
        top = max(len(m.date or "") for m in stated)
        counts = Counter(m.date for m in stated if len(m.date or "") == top)
        date = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or ""))[0][0]
        return date, next(m.date_precision for m in stated if m.date == date)
    reports: dict[str, set[str]] = {}
    for m in ms:
        if m.date:
            reports.setdefault(m.date, set()).add(m.article_id)
    if not reports:
        return None, None
    carried = {m.date for m in ms if m.date and m.date_from == "context"}
    date = min(reports, key=lambda d: (-len(reports[d]), d not in carried, -len(d), d))
    return date, next(m.date_precision for m in ms if m.date == date)


MAX_COMPARED = 24
REFIT_EVENTS = 60  # newest events of a story revisited after a story merge (`Fuser.refit_story`)


SUPPORT_TOP = 3  # how many of an event's best-matching mentions speak for it at least (see `support`)
LINK_SHARE = 0.0  # share of the compared mentions a join must fit beyond the best few; shipped in fusion_model.json


def support(probs: Iterable[float], share: float = LINK_SHARE) -> float:
    """How well a mention fits an event: the mean probability over its best mentions, at least SUPPORT_TOP of
    them and at least `share` of all it is compared with, the single worst left out once there are three.

    A single best link lets one reworded report chain happenings (greedy single-link clustering): an event
    that has gathered a raid, an air strike and a kill count matches whatever any one of them matches, and two
    summits of one week become one through a third mention that resembles each. `share` 1 is average link: the new
    mention must fit the event as a whole. (A plain mean over every mention kept a new report out of a big
    event worded many ways; one mis-read mention, a wrong actor gated to 0, is the worst and left out.)
    `share` is chosen with the threshold by grouped CV through the pipeline (eval/fusion_fit.py --pipeline)."""
    ps = sorted(probs, reverse=True)
    if len(ps) >= 3:
        ps = ps[:-1]
    k = max(min(SUPPORT_TOP, len(ps)), math.ceil(share * len(ps) - 1e-9))
    top = ps[:k]
    return sum(top) / len(top) if top else 0.0


def kept_apart(m: EventMention, others: list[EventMention]) -> bool:
    """`m` names another place than some mention of an event (places.different_places): it never joins that
    event. `support` leaves an event's single worst link out, so that one mis-read mention cannot keep a report
    out; two towns written are no mis-reading, and one such mention is enough."""
    return any(different_places(m, x) for x in others)


class Fuser:
    """Assigns each stored mention of an article to an event, creating or updating events in the store."""

    def __init__(self, store: Store, model: PairModel | None = None) -> None:
        self.store = store
        self.model = model or default_model()
        self._views: dict[str, PairView] = {}

    def candidates(self, m: EventMention, story: str | None) -> list[Event]:
        return events_near(self.store, m.event_type, story, parse_date(m.date), DATE_WINDOW_DAYS,
                           article_id=m.article_id)

    def fuse(self, mentions: list[EventMention], story: str | None) -> set[str]:
        """Fuse the mentions; returns the ids of events created or changed."""
        touched: set[str] = set()
        grown: dict[str, Event] = {}
        model = self.model
        share = float(model.meta.get("link_share", LINK_SHARE))
        for m in mentions:
            vm = self._view(m)
            best, best_score, best_dated = None, model.threshold, -1
            for ev in self.candidates(m, story):
                # The latest MAX_COMPARED mentions stand for a big event: comparing with every one made a
                # wire dump that repeats one report a thousand times quadratic (benchmarks/hostile.py).
                others = [x for x in ev.mentions if x.id != m.id][-MAX_COMPARED:]
                if not others or kept_apart(m, others):
                    continue
                # Mean probability over most of its mentions (`support`): one reworded report cannot chain
                # two happenings together, as a single best link would.
                same_story = bool(story) and ev.story_id == story
                s = support((model.prob(vm, self._view(x), same_story) for x in others), share)
                if s < model.threshold:
                    continue
                # Among events it fits, one whose dates fit the mention's (stated, or through a publication
                # date) beats one whose dates say nothing or do not fit: an undated copy of today's wire story
                # joins today's happening, not January's background raid of the same kind
                # (`pairs.date_evidence`). Between two that both fit, the fit decides: a stated day preferred
                # to a publication date took a $5 million pledge into the same day's airlift (connect2).
                dated = min(1, max(date_evidence(m, x) for x in others))
                if (dated, s) >= (best_dated, best_score):
                    best, best_score, best_dated = ev, s, dated
            ev = best if best is not None else Event(
                id=self.store.free_event_id(event_id_for(m), m.id), event_type=m.event_type, story_id=story)
            ev.mentions = [x for x in ev.mentions if x.id != m.id] + [m]
            m.event_id = ev.id
            if ev.story_id is None:
                ev.story_id = story
            self.store.save_event(aggregate(ev))
            touched.add(ev.id)
            grown[ev.id] = ev
        for ev in grown.values():
            if ev.id in touched:
                touched -= self.absorb_fitting(ev, story)
        return touched

    def absorb_fitting(self, ev: Event, story: str | None) -> set[str]:
        """Revise earlier decisions now that `ev` has grown: a nearby event of its type whose every mention
        would join `ev` if it arrived now (the arrival rule of `fuse`: `support` over ev's mentions at the
        threshold) is merged into it. Returns the ids of the events absorbed (now gone).

        Without it the arrival order decided: a report dated "Monday" in its own time zone that came first
        stayed a lone event, because the one report it was compared with then said "Tuesday"; arriving after
        three reports of the launch, it joined them (eval/connect in shuffled orders). Stricter than arrival in
        one way: every absorbed mention's date must fit a date of ev's."""
        model = self.model
        share = float(model.meta.get("link_share", LINK_SHARE))
        mine = [self._view(x) for x in ev.mentions[-MAX_COMPARED:]]
        gone: set[str] = set()
        day = parse_date(ev.date)
        for other in events_near(self.store, ev.event_type, story, day, DATE_WINDOW_DAYS):
            if other.id == ev.id or not other.mentions or len(other.mentions) > MAX_COMPARED:
                continue
            same_story = bool(story) and other.story_id == story
            # Only where dates speak for it (`pairs.date_evidence`): each mention's date must fit one of ev's. A
            # recap of January's seizure is not pulled in through an undated copy of today's, however alike
            # their words (a late arrival may be, but a revision asks for more than the arrival rule).
            if all(max(date_evidence(x, y.m) for y in mine) >= 1 and not kept_apart(x, [y.m for y in mine]) and
                   support((model.prob(self._view(x), y, same_story) for y in mine), share) >= model.threshold
                   for x in other.mentions):
                for x in other.mentions:
                    x.event_id = ev.id
                ev.mentions = ev.mentions + other.mentions
                self.store.save_event(aggregate(ev))  # the emptied event is dropped with its conflicts
                gone.add(other.id)
                mine = [self._view(x) for x in ev.mentions[-MAX_COMPARED:]]
        return gone

    def refit_story(self, story: str, limit: int = REFIT_EVENTS) -> set[str]:
        """Revise fusion after stories merged into `story`: events that were fused apart while their reports
        sat in two stories (and were weighed as cross-story pairs) meet again as one story's, by the rule of
        `absorb_fitting`. Bounded: the story's `limit` newest events. Returns the ids of events changed or gone.

        Without it a story merge came too late for fusion: in one arrival order a launch report founded its own
        story, joined the launch story only at a later revisit, and its event stayed apart (eval/connect_eval.py
        shuffled orders)."""
        ids = self.store.newest_event_ids_of_story(story, limit)
        touched: set[str] = set()
        gone: set[str] = set()
        for ev in self.store.events_by_ids(ids, cache=mention_cache(self.store)):
            if ev.id in gone or not ev.mentions:
                continue
            absorbed = self.absorb_fitting(ev, story)
            if absorbed:
                gone |= absorbed
                touched.add(ev.id)
        return touched | gone

    def _view(self, m: EventMention) -> PairView:
        key = m.id or str(id(m))
        v = self._views.get(key)
        if v is None or v.m.sentence != m.sentence:
            v = self._views[key] = pair_view(self.store, m)
        return v
