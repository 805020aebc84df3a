"""Are two event mentions one happening? Pair features and the fitted model that weighs them.

Fusion is event coreference over arguments: the participants must be compatible (same person appointed,
same target accused, same country's forces), the triggers must mean the same act (synonym sets shipped
in data/acts.yaml), the phase must agree (a plan is not its execution, a background recap is not the
news), the dates must fit within each other's precision. Quantities are left out on purpose: "two" vs
"three missiles" is one happening with a conflict.

The weights are not set by hand: `eval/fusion_fit.py` fits a logistic regression over these features on
pairs of mentions labelled by ECB+ dev coreference gold and our own multi-outlet gold, validates it by
grouped cross-validation (folds by topic / storyline) and writes data/fusion_model.json.

This module holds the pair view of a mention, the features, the hard gate and the model. What they read lives
beside it: acts.py (the act lexicon, the trigger), phases.py (phase and aspect), actors.py (participants and
parties compared) and pair_dates.py (dates compared); the names callers import from here stay importable here.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import STAND_IN_DATES, Actor, EventMention
from ..text import STOP_WORDS as STOP
from ..text import WORD as _WORD

# What this module reads from the modules split out of it, and (noqa) the names of theirs that callers
# (conflicts.py, tests, eval) import from here.
from .actors import (  # noqa: F401
    _names_other_party,
    _plays,
    _same_actor,
    distinct_people,
    mutual,
    mutual_roles,
    names_actor,
    participants,
    parties,
    recipients_overlap,
    reciprocal,
    resolved,
    roles,
    roles_reversed,
    speaks_for,
    swapped,
)
from .acts import (  # noqa: F401
    DATA,
    _acts,
    _groups,
    _lexicon,
    _toll,
    act_of,
    act_stem,
    act_with_result,
    is_generic,
    mutual_mention,
    trigger_span,
    words,
)
from .pair_dates import (
    acted_after,
    date_evidence,  # noqa: F401
    dates,
    schedule,
)
from .phases import BACKGROUND, mention_phase, ongoing, own_day, phase  # noqa: F401
from .places import different_places, shared_place

CONTESTED = frozenset({"ASSAULT", "COERCE"})  # who acted on whom is disputed (conflicts.BLAME_TYPES)


def one_telling(a: PairView, b: PairView) -> bool:
    """Reports in two articles that each tell one act and its result in the same grammar (`act_with_result`),
    where each extractor read only one of the two, and not the same one ("police fired tear gas ..., wounding
    12" read as the firing / "fired tear gas ..., injuring 20" read as the injuring): the mention stands for its
    sentence's happening, told alike in both. Where the other act has a mention of its own in that sentence
    (`PairView.read_acts`), each act meets its own; coordinated acts ("arrested 14 miners and destroyed two
    dredges") and two acts of one article stay two."""
    if a.m.article_id == b.m.article_id or not (a.act and b.act) or a.act == b.act:
        return False
    if b.act in a.read_acts or a.act in b.read_acts:
        return False
    told = act_with_result(a.m.sentence, a.m.event_type)
    return told is not None and set(told) == {a.act, b.act} and told == act_with_result(b.m.sentence, b.m.event_type)


FEATURES = (
    "bias",
    "actor_same", "actor_side", "actor_differ", "actor_clash",
    "recip_same", "recip_side", "recip_differ", "recip_clash",
    "personnel_recip_differ",  # one reshuffle names several people: the recipient decides
    "act_same", "act_differ",
    "trigger_same",
    "overlap", "jaccard", "names_shared",
    "date_same", "date_near", "date_far", "date_loose", "date_prefix", "date_unknown",
    "phase_same_now", "phase_mixed", "phase_past", "phase_denied",
    "place_same", "place_differ",
    "story_same",
)


@dataclass
class PairView:
    """What the features read from one mention, computed once per mention."""

    m: EventMention
    words: frozenset[str]
    names: frozenset[str]
    act: str | None
    trigger: str
    actor: list[Actor] = field(default_factory=list)  # the mention's actors, speakers resolved (`speaks_for`)
    recipient: list[Actor] = field(default_factory=list)
    generic: bool = False  # the trigger names a kind of act, not which one ("talks", "the attack": `is_generic`)
    # The acts of other mentions of its type that the extractor read in the same sentence (`view_cache.pair_view`
    # fills it from the store; empty for a mention seen alone): what the sentence tells beside this mention.
    read_acts: frozenset[str] = frozenset()
    # `mention_phase` and `ongoing` of `m`, remembered with what they read: the gate asks them of the same
    # mention for every pair it weighs (a fifth of the connect step when recomputed).
    _memo: dict[str, tuple[tuple[object, ...], object]] = field(default_factory=dict, repr=False, compare=False)

    def phase(self) -> str:
        """`mention_phase(self.m)`, computed again only if a field it reads has changed."""
        m = self.m
        key = (m.modality, m.date_from, m.sentence)
        hit = self._memo.get("phase")
        if hit is None or hit[0] != key:
            hit = self._memo["phase"] = (key, mention_phase(m))
        return str(hit[1])

    def ongoing(self) -> bool:
        """`ongoing(self.m)`, computed again only if a field it reads has changed."""
        m = self.m
        key = (m.sentence, m.trigger, m.trigger_start, m.start, m.date_from, m.date_precision)
        hit = self._memo.get("ongoing")
        if hit is None or hit[0] != key:
            hit = self._memo["ongoing"] = (key, ongoing(m))
        return bool(hit[1])

    def reciprocal(self) -> bool:
        """`reciprocal(self.m)`, computed again only if a field it reads has changed (`roles` asks it of both
        mentions of every pair weighed: a regex search of the sentence each time)."""
        m = self.m
        key = (m.event_type, m.trigger, m.sentence, m.trigger_start, m.start)
        hit = self._memo.get("reciprocal")
        if hit is None or hit[0] != key:
            hit = self._memo["reciprocal"] = (key, reciprocal(m))
        return bool(hit[1])


def view(m: EventMention) -> PairView:
    names = frozenset(act_stem(w) for w in _WORD.findall(m.sentence) if w[:1].isupper() and w.lower() not in STOP)
    trig = act_stem((_WORD.findall(m.trigger or "") or [""])[-1])
    return PairView(m, words(m.sentence), names, act_of(m), trig, resolved(m.actor, m.sentence),
                    resolved(m.recipient, m.sentence), is_generic(m.trigger))


def read_acts_of(m: EventMention, same_article: Iterable[EventMention]) -> frozenset[str]:
    """Acts of the other mentions of `m`'s type read in its sentence (`PairView.read_acts`, `one_telling`);
    `same_article` holds the mentions of m's article (others are skipped)."""
    return frozenset(a for x in same_article if x.article_id == m.article_id and x.start == m.start
                     and x.event_type == m.event_type and x.id != m.id and (a := act_of(x)))


def view_in(m: EventMention, same_article: Iterable[EventMention]) -> PairView:
    """`view(m)` with the acts the other mentions of its sentence were read as (`read_acts_of`)."""
    v = view(m)
    v.read_acts = read_acts_of(m, same_article)
    return v


def features(a: PairView, b: PairView, same_story: bool = False) -> dict[str, float]:
    f = {"bias": 1.0, "story_same": float(same_story)}
    act, rec = roles(a, b)
    for k in ("same", "side", "differ", "clash"):
        f[f"actor_{k}"] = float(act == k)
        f[f"recip_{k}"] = float(rec == k)
    if a.m.event_type == "PERSONNEL":
        f["personnel_recip_differ"] = float(rec in ("differ", "clash") or distinct_people(a.recipient, b.recipient))
    if a.act and b.act:
        f["act_same" if a.act == b.act or one_telling(a, b) else "act_differ"] = 1.0
    f["trigger_same"] = float(bool(a.trigger) and a.trigger == b.trigger)
    wa, wb = a.words, b.words
    inter = len(wa & wb)
    f["overlap"] = inter / max(1, min(len(wa), len(wb)))
    f["jaccard"] = inter / max(1, len(wa | wb))
    f["names_shared"] = min(3, len(a.names & b.names)) / 3
    d = dates(a.m, b.m)
    f["date_" + {"loose_far": "loose"}.get(d, d)] = 1.0 if d != "loose_far" else 0.5
    pa, pb = a.phase(), b.phase()
    if pa == pb == "now":
        f["phase_same_now"] = 1.0
    elif pa != pb:
        f["phase_mixed"] = 1.0
    if "past" in (pa, pb):
        f["phase_past"] = 1.0
    if "denied" in (pa, pb):
        f["phase_denied"] = 1.0
    la, lb = a.m.location, b.m.location
    if la and lb and la.country and lb.country:
        same = (la.name or la.text).lower() == (lb.name or lb.text).lower()
        f["place_same" if same else "place_differ"] = 1.0 if same or la.country != lb.country else 0.5
    return {k: v for k, v in f.items() if k in FEATURES and v}


def linked(a: PairView, b: PairView) -> bool:
    """Evidence beyond the act that two mentions are about the same parties: a participant they share (as
    actor or as recipient), or at least two names both sentences write."""
    if "same" in roles(a, b):
        return True
    return len(a.names & b.names) >= 2


def gate(a: PairView, b: PairView, same_story: bool = True) -> bool:
    """Hard conditions before any weighing (see `gate_reason`): True when none rules the pair out."""
    return gate_reason(a, b, same_story) is None


def _different_posts(a: EventMention, b: EventMention) -> bool:
    """`offices.different_posts`, imported here, not at the top (offices.py reads the act tables of acts.py), and
    only for the personnel pairs that ask it: an import statement in `gate_reason` cost every pair weighed."""
    from .offices import different_posts

    return different_posts(a, b)


def gate_reason(a: PairView, b: PairView, same_story: bool = True) -> str | None:
    """Hard conditions before any weighing: one type; never a background recap or a denial with a report
    of the happening; text dates that fit; participants not of two different countries (a launch and the
    other side's raised alert, or two versions of who acted, which conflicts.py sets against each other);
    across stories (met only through the date window), shared parties (see `linked`) or one stated day.
    Returns the condition that fails (for eval/fusion_breakdown.py), None when the pair may be weighed."""
    if a.m.event_type != b.m.event_type:
        return "type"
    # Two stories of one week are full of meetings, calls and "urged" lines that share only the verb: a
    # mention of another story needs evidence of the same parties, or both sentences must name the same day.
    if not same_story and not linked(a, b) and dates(a.m, b.m) != "same":
        return "other-story-unlinked"
    # "The talks" and "the attack" name a kind of act, not which one: a week of diplomacy holds several talks,
    # a war several attacks. Two reports joined on such a word need a party, a place or a stated day in common
    # (Monday's talks of two foreign ministers in one city and a statement "from the site of their talks").
    # Linking by "most mentions" alone (fusion.support) does not stop the first such pair, a one-mention event.
    # (Asking it only where one of the two words is generic was tried: ECB+ dev coreference F1 0.774 -> 0.792,
    # VOA dev fusion F1 0.214 -> 0.138, our corpora unchanged; the mean over the tuning corpora keeps both.)
    if (a.generic or b.generic) and a.m.article_id != b.m.article_id and not anchored(a, b):
        return "generic-unanchored"
    # Two strikes (arrests, marches) whose sentences name two different towns and none in common are two acts,
    # however alike their words and day (places.py).
    if different_places(a.m, b.m):
        return "place-differ"
    pa, pb = a.phase(), b.phase()
    if "denied" in (pa, pb) and pa != pb:
        return "phase-denied"
    # A background recap of a past happening (a historical line, "has long denied") is not the news: it
    # never fuses with a report of the happening, and two recaps never make a multi-source event on their
    # own (two outlets' background lines about one old launch). Letting a recap join the report it recalls
    # when both state the same day was tried: eval/connect's gold keeps such a recap ("The launch came a
    # week after North Korea fired two missiles") an event of its own, and fusion precision fell 0.94 -> 0.82.
    if "past" in (pa, pb):
        return "phase-past"
    # A standing or repeated activity ("keeps shipping shells", "has repeatedly called on China") is not one
    # dated act ("delivered a new batch last month", "called on China on Friday"): joined, the ongoing line's
    # report day was set against the delivery's month as a date conflict.
    if a.ongoing() != b.ongoing():
        return "aspect"
    # Dates read from both sentences that lie days apart are two happenings (a publication date standing
    # in for a missing one may be days late, so it is only weighed).
    if dates(a.m, b.m) == "far" and not STAND_IN_DATES & {a.m.date_from, b.m.date_from}:
        return "date-far"
    # (Ruling out one writer's two stated dates that cannot fit, "In January, customs seized ..." / "on Tuesday
    # seized ...", as two happenings was tried: neutral on the tuning corpora, it lowered the held-out
    # eval/connect3 fusion F1 0.405 -> 0.364, a timex read wrong is a hard gate there; they stay weighed.)
    # One decree names several people: a dismissal and an appointment, or two appointments, are as many
    # events as there are people and acts.
    # Two people of one country are "one side" to `participants`, but not one appointee.
    if a.m.event_type == "PERSONNEL" and (
            participants(a.recipient, b.recipient) in ("differ", "clash") or distinct_people(a.recipient, b.recipient)
            or (a.act and b.act and a.act != b.act)):
        return "personnel"
    # With the person missing on one side, the post tells a reshuffle's acts apart: "was appointed as minister
    # of finance" and "was named interior minister" are two appointments (offices.py). Where both name the
    # person, the person decides: one dismissal is told by its post, its reason or the man's record ("sacked
    # Finance Minister Kamau" / "relieved of his duties"; ECB+ dev lost 5 true pairs when it was asked always).
    if a.m.event_type == "PERSONNEL" and participants(a.recipient, b.recipient) == "unknown" \
            and _different_posts(a.m, b.m):
        return "personnel-post"
    # Two named actors that are different entities are two happenings (al-Qaeda's threat and Russia's, both
    # against the US; two protests on one day), however alike the act and whatever recipient or other name
    # the sentences share, unless one sentence also names the other's actor (then the extractor may have
    # picked another participant of the one happening as its actor).
    # (Counting a person against a body known only by its country, "Bush" / "the Azerbaijani parliament",
    # as different too was tried: connect2 lost a fused report and two conflicts of one happening.)
    # Two mentions of one sentence that the extractor told apart are two clauses, two acts ("killed all six
    # attackers ... and later killed 50 militants in airstrikes"): fusing them chained every happening of a
    # report's opening sentence into one event.
    if a.m.article_id == b.m.article_id and a.m.start == b.m.start and (a.m.trigger_start != b.m.trigger_start
                                                                      or a.m.trigger != b.m.trigger):
        return "same-sentence"
    # One report tells its own happenings apart by whom they struck: "four guests were killed", "police killed
    # all five attackers" and "drones killed 30 insurgents" in one report are three acts, and joined they made
    # one event that then matched whatever any of them matched (a chain). Within one report, two mentions that
    # both describe their recipients must share a word of them ("guests" / "hotel guests"); a name and a
    # description may be one person ("the deputy" / a deputy's name) and are left to the weighing.
    if a.m.article_id == b.m.article_id and not recipients_overlap(
            a.recipient, b.recipient, literal=not same_place(a, b) and two_places(a, b)):
        return "same-article-recipients"
    # Talks of two parties are one meeting whichever party each report writes first (`swapped`).
    if swapped(a, b):
        return None
    # Cooperation with Ukraine is not cooperation with Russia: recipients of two countries are two acts,
    # except where "whom" is itself contested (uses of force, where each side names the other's losses).
    act, rec = roles(a, b)
    if a.m.event_type not in CONTESTED and rec == "clash":
        return "recipient-clash"
    # A mutual act's parties compared as a set (`mutual_roles`): one party in common and the other two named
    # and told apart ("Rojas met Ferreyra" / "Rojas met Arce" on one day in one city) are two meetings, unless
    # one sentence also names the other's party (then the extractor may have read another party of the one
    # meeting: "Rojas met Ferreyra, with Arce attending").
    if mutual(a) and mutual(b) and rec == "differ" and not (_names_other_party(a, b) or _names_other_party(b, a)):
        return "mutual-other-party"
    # The one who acted in one report is the one acted on in the other ("the group said it had killed more
    # than 10 people" / "airstrikes killed 50 al-Shabab militants"): two acts, however alike their words.
    # Mutual blame over one clash is two versions, which conflicts.py sets against each other, never one.
    if roles_reversed(a, b) or roles_reversed(b, a):
        return "roles-reversed"
    # A plan is not its execution ("plans to urge G7 ministers" / "G7 diplomats urged Russia"): an intention
    # names no day of its own. A schedule does ("will join the talks on Tuesday"): that is a preview of the
    # happening of that day and may be weighed with its report (the dates are then checked like any others);
    # so may a plan about the very one the report names as acted on ("decided to fire O'Brien" / "the Sixers
    # fired Jim O'Brien"), when nothing tells their actors apart.
    # The exemption is for a decision told on the day of its act, never for an act days after the plan was
    # stated ("Israel plans to strike Iran's nuclear sites" on May 1 / "Israel struck" them on May 8).
    if {pa, pb} == {"future", "now"}:
        plan, done = (a.m, b.m) if pa == "future" else (b.m, a.m)
        if not schedule(plan) and not (
                rec == "same" and act not in ("differ", "clash")
                and not acted_after(plan, done)):
            return "plan-vs-act"
    # Two schedules that state different days are two appointments ("meetings in Ottawa on Wednesday" / "a
    # side meeting on Thursday"): a plan's stated day is the day of its happening, where two reports of one
    # happening may differ by a day (time zones, a late report) and are weighed. Measured: VOA dev fusion F1
    # 0.286 -> 0.300 (conflict precision 0.33 -> 0.50), eval/connect, connect2, connect4 unchanged.
    if pa == pb == "future" and schedule(a.m) and schedule(b.m) and a.m.date_precision == b.m.date_precision \
            == "day" and dates(a.m, b.m) == "near":
        return "schedule-days"
    # (Telling uses of force apart across reports by victims described in words they do not share, "people" /
    # "attackers", as `recipients_overlap` does inside one report, was tried: VOA dev fusion F1 0.286 -> 0.263,
    # our corpora unchanged; outlets describe one attack's victims in other words.)
    if act == "clash":
        return "actor-clash"
    if act == "differ" and not (names_actor(a, b.actor) or names_actor(b, a.actor)):
        return "actor-differ"
    return None


def two_places(a: PairView, b: PairView) -> bool:
    """Both mentions name a place of their happening."""
    return bool(a.m.location and b.m.location and (a.m.location.name or a.m.location.text)
                and (b.m.location.name or b.m.location.text))


def same_place(a: PairView, b: PairView) -> bool:
    la, lb = a.m.location, b.m.location
    if la is None or lb is None:
        return False
    return (la.name or la.text or "").lower() == (lb.name or lb.text or "").lower()


def anchored(a: PairView, b: PairView) -> bool:
    """Evidence beyond the act that two reports tell one happening: shared parties (`linked`), one place, or
    one day both sentences state."""
    return linked(a, b) or same_place(a, b) or shared_place(a.m, b.m) or dates(a.m, b.m) == "same"


# Between two coordinated clauses of one toll: "and" (or a comma list), never a sequence ("and later",
# "then", "after") or a second clause of its own (a semicolon, "while", "but", a relative "who").
_SEQUENCE = re.compile(r"[;:()\u2013\u2014]|\b(?:later|then|afterwards?|after|before|while|when|but|"
                       r"whereas|since|until|who|which|whom|earlier|subsequently|also)\b", re.I)
_COORD = re.compile(r"(?:^|\W)and\b|,", re.I)
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "be", "is", "are", "got", "get", "gets"})
TOLL_GAP_WORDS = 8  # "were killed and nine other officers of the unit were wounded": the second clause's subject


def one_toll(a: PairView, b: PairView) -> bool:
    """Two mentions of one sentence that tell one happening's toll: the dead and the hurt of one attack,
    written as coordinated clauses ("four officers were killed and nine others were wounded") or as one
    clause's coordinated verbs ("the blast killed 12 and wounded 30"). Their triggers name two different
    acts of the type's toll (data/acts.yaml `toll`), only a coordination stands between them, their actors
    (if any) are not told apart, they name no two places and share a phase. The same act twice is two sets
    of victims ("killed all six attackers and later killed 50 militants"): not a toll."""
    ma, mb = a.m, b.m
    if ma.article_id != mb.article_id or ma.start != mb.start or ma.event_type != mb.event_type:
        return False
    acts = _toll().get(ma.event_type)
    if not acts or a.act not in acts or b.act not in acts or a.act == b.act:
        return False
    sa, sb = trigger_span(ma), trigger_span(mb)
    if sa is None or sb is None:
        return False
    first, second = sorted((sa, sb))
    between = (ma.sentence or "")[first[1]:second[0]]
    if not _COORD.search(between) or _SEQUENCE.search(between) or len(_WORD.findall(between)) > TOLL_GAP_WORDS:
        return False
    # After the coordination, the second clause either shares the first one's subject ("killed 12 and wounded
    # 30"), or is passive, its subject the victims ("and nine others were wounded"). An active clause with a
    # subject of its own ("and soldiers wounded three rebels") is another party's act.
    tail = _WORD.findall(re.split(r"(?:^|\W)and\b|,", between, flags=re.I)[-1])
    if tail and tail[-1].lower() not in _PASSIVE_AUX:
        return False
    # Two clauses with actors of their own are one toll only when the actors are one side: "rebels killed two
    # villagers and soldiers wounded three rebels" is an attack and the answer to it.
    if a.actor and b.actor and participants(a.actor, b.actor) not in ("same", "side"):
        return False
    if roles_reversed(a, b) or roles_reversed(b, a):
        return False
    if two_places(a, b) and not same_place(a, b):
        return False
    return a.phase() == b.phase()


class PairModel:
    """Logistic regression over `features`; `threshold` is the fitted decision point for one event."""

    def __init__(self, weights: dict[str, float], threshold: float, meta: dict | None = None) -> None:
        self.weights, self.threshold, self.meta = weights, threshold, meta or {}

    def prob(self, a: PairView, b: PairView, same_story: bool = False) -> float:
        # One sentence's toll of one attack is one happening by its grammar, whatever the weights say.
        if one_toll(a, b):
            return 1.0
        if not gate(a, b, same_story):
            return 0.0
        z = sum(self.weights.get(k, 0.0) * v for k, v in features(a, b, same_story).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path | None = None) -> PairModel:
        raw = json.loads((path or DATA / "fusion_model.json").read_text(encoding="utf-8"))
        return cls(raw["weights"], raw["threshold"], raw)


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    return PairModel.load()
