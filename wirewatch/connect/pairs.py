"""Are two event mentions one happening? Pair features and the fitted model that weighs them.

Fusion is event coreference over arguments: the participants must be compatible (same person appointed,
same target accused, same country's forces), the triggers must mean the same act (synonym sets shipped
in data/acts.yaml), the phase must agree (a plan is not its execution, a background recap is not the
news), the dates must fit within each other's precision. Quantities are left out on purpose: "two" vs
"three missiles" is one happening with a conflict.

The weights are not set by hand: `eval/fusion_fit.py` fits a logistic regression over these features on
pairs of mentions labelled by ECB+ dev coreference gold and our own multi-outlet gold, validates it by
grouped cross-validation (folds by topic / storyline) and writes data/fusion_model.json.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..dates import first_day, last_day, parse_day
from ..model import MODALITY_TABLE, STAND_IN_DATES, Actor, EventMention
from ..text import STOP_WORDS as STOP
from ..text import WORD as _WORD
from ..text import stem
from .places import different_places, shared_place

DATA = Path(__file__).parent / "data"
# Modalities by standing in time: reports of what is happening now fuse with each other; a recap of an
# earlier happening, a plan and a denial are each their own phase (see fusion.py).
PHASE = {m.name: m.phase for m in MODALITY_TABLE.values() if m.phase != "now"}  # the table lives in model.py

# "have repeatedly denied", "has long denied": a standing position restated as background, whatever
# modality the extractor gave the sentence (conflicts.py reads the same pattern).
BACKGROUND = re.compile(r"\b(ha(?:ve|s|d)\s+(?:\w+\s+)?(?:denied|rejected|dismissed)|(?:repeatedly|consistently|long)"
                        r"\s+(?:denied|rejected|dismissed))", re.I)


CONTESTED = frozenset({"ASSAULT", "COERCE"})  # who acted on whom is disputed (conflicts.BLAME_TYPES)


def phase(modality: str | None) -> str:
    return PHASE.get(modality or "", "now")


def mention_phase(m: EventMention) -> str:
    """The mention's phase; a background line of a standing position is the past, not today's news.

    A "has rejected" line that names its own day ("Pyongyang has rejected the reports, its news agency
    said on Thursday") is that day's news, not a standing position restated."""
    p = phase(m.modality)
    if p != "now" or m.date_from == "text":
        return p
    found = BACKGROUND.search(m.sentence or "")
    # The pattern is a standing denial's; where its verb is the mention's own trigger of an act that is no
    # denial ("President Arrieta has dismissed her interior minister", a bulletin's present perfect), it is
    # that act told as today's news, not a position restated.
    if found and m.event_type != "REJECT" and (span := trigger_span(m)) and found.start() <= span[0] < found.end():
        return p
    # A bare present perfect with the charge itself as its object ("the Board has dismissed the smuggling
    # charge", "has rejected the accusation") replies to a charge the news tells: a bulletin's tense for
    # today's reply. A standing position is told by its adverb ("has long denied") or by what it denies
    # ("has denied any involvement").
    if found and m.event_type == "REJECT" and _reply_to_charge(m):
        return p
    return "past" if found else p


@lru_cache(maxsize=1)
def _reply_pattern() -> re.Pattern[str]:
    charge = "|".join(re.escape(w) for w in _acts()["concepts"]["charge"])
    return re.compile(r"\bha(?:s|ve)\s+(?:denied|rejected|dismissed)\s+(?:the|this|that|these|those)\s+"
                      rf"(?:[\w-]+\s+){{0,2}}?(?:{charge})s?\b", re.I)


def _reply_to_charge(m: EventMention) -> bool:
    """`mention_phase`'s reply to a charge: has/have + a verb of denial + a definite noun of the charge, the
    mention's own trigger its verb (in "police arrested two men; the family has dismissed the charges" the
    reply is another act's sentence)."""
    span = trigger_span(m)
    return span is not None and any(f.start() <= span[0] < f.end()
                                    for f in _reply_pattern().finditer(m.sentence or ""))


@lru_cache(maxsize=1)
def _acts() -> dict[str, Any]:
    """data/acts.yaml, read once for the six tables made from it (read anew by each, it cost ~0.2 s CPU a
    process); libyaml's loader where PyYAML has it (the same data, ten times faster). Not to be mutated."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / "acts.yaml").read_text(encoding="utf-8"), Loader=loader)


@lru_cache(maxsize=1)
def _ongoing_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = (_acts().get("ongoing") or {})
    return (frozenset(w.lower() for w in raw.get("before") or []),
            frozenset(w.lower() for w in raw.get("progressive") or []))


# Words that may stand between an ongoing marker and its trigger inside one verb group: auxiliaries, "to",
# "also" ("has repeatedly called", "continues to send", "have also kept shipping").
_VERB_GROUP = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would",
                         "to", "also", "not", "s", "ve"})
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
# A day of the act's own ("on Tuesday night", "yesterday", "on May 4"), not a habit ("every Monday").
_OWN_DAY = re.compile(r"(?<!every )(?<!each )\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                      r"tonight|last night|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? "
                      r"\d{1,2})\b", re.I)
# Where the act's own clause ends after its trigger: a comma, a semicolon, a dash, or a speech tag.
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s(?:said|says|told|according)\b", re.I)


def trigger_span(m: EventMention) -> tuple[int, int] | None:
    """The trigger's offsets inside its sentence, None when it cannot be placed. The extractor stores
    `trigger_start` in the article's offsets (hand-made mentions sometimes in the sentence's): the offset is
    taken only where the sentence has the trigger's text there, else the trigger's first occurrence."""
    sent, trig = m.sentence or "", m.trigger or ""
    if not trig:
        return None
    if m.trigger_start is not None:
        for at in (m.trigger_start - m.start, m.trigger_start):
            if at >= 0 and sent[at:at + len(trig)] == trig:
                return at, at + len(trig)
    at = sent.find(trig)
    return (at, at + len(trig)) if at >= 0 else None


def _trigger_at(m: EventMention) -> int:
    """Where the trigger starts in its sentence (`trigger_span`), -1 when it cannot be placed."""
    span = trigger_span(m)
    return span[0] if span else -1


def own_day(m: EventMention) -> bool:
    """The act's own clause (from its trigger to the next comma or speech tag) states its day: "repeatedly
    shelled positions on Tuesday night, Armenia said" is one night's fire; in "keeps sending convoys, the
    ministry said on Monday" the day is the statement's."""
    at = _trigger_at(m)
    if at < 0 or m.date_from != "text" or m.date_precision != "day":
        return False
    rest = (m.sentence or "")[at + len(m.trigger or ""):]
    end = _CLAUSE_END.search(rest)
    return bool(_OWN_DAY.search(rest[:end.start()] if end else rest))


def ongoing(m: EventMention) -> bool:
    """The mention states a standing or repeated activity, not one act (data/acts.yaml `ongoing`): "keeps
    shipping shells", "has repeatedly called on China", "continues to send", "has been supplying".

    The marker must belong to the trigger's own verb group: directly before it, or with only auxiliaries,
    "to" or "also" between ("Protests continued and police arrested 40 people" is one arrest; in "Gunmen,
    still at large, killed four" the 'still' is the apposition's). A marker does not override a day the
    act's own clause states (`own_day`)."""
    at = _trigger_at(m)
    if at < 0:
        return False
    marks, progressive = _ongoing_words()
    trig = _WORD.findall(m.trigger or "")
    found = False
    for i, w in enumerate(reversed(_TOKEN.findall((m.sentence or "")[:at]))):
        w = w.lower().strip("'’")
        if w in marks or (i == 0 and w in progressive and bool(trig) and trig[0].lower().endswith("ing")):
            found = True
        elif w in _VERB_GROUP:
            continue
        break
    return found and not own_day(m)


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    raw = _acts()
    return {form: base for base, forms in (raw.get("irregular") or {}).items() for form in forms}


def act_stem(w: str) -> str:
    """The one stemmer (wirewatch/text.py), hyphens and quotes trimmed, irregular forms first brought to
    their base word (data/acts.yaml): fire/fired/firing -> fire, shot/shooting -> shoot."""
    w = w.strip("'-")
    return stem(_irregular().get(w.lower(), w))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    raw = _acts()
    acts: dict[tuple[str, str], str] = {}
    for etype, classes in raw["acts"].items():
        for act, words in classes.items():
            for w in words:
                acts.setdefault((etype, act_stem(w)), act)
    concepts = {act_stem(w): c for c, words in raw["concepts"].items() for w in words}
    return acts, concepts


@lru_cache(maxsize=1)
def _departures() -> dict[str, frozenset[str]]:
    """Event type -> the stems of its verbs of leaving (data/acts.yaml `departures`)."""
    raw = _acts().get("departures") or {}
    return {t: frozenset(act_stem(w) for w in d.get("words") or []) for t, d in raw.items()}


def act_of(m: EventMention) -> str | None:
    """The act a mention's trigger names within its type ("dismiss", "appoint"), None when not listed; a verb
    of leaving names it by its goal (`offices.departure_act`)."""
    acts, _ = _lexicon()
    for w in reversed(_WORD.findall(m.trigger or "")):
        s = act_stem(w)
        if s in _departures().get(m.event_type, ()):
            from .offices import departure_act  # offices.py reads this module's tables; asked only here

            return departure_act(m)
        a = acts.get((m.event_type, s))
        if a:
            return a
    return None


# A result adjunct: a comma, then an -ing participle ("fired tear gas at the crowd, wounding 12").
_RESULT_PARTICIPLE = re.compile(r",\s+(?:\w+ly\s+)?(\w+ing)\b", re.I)


@lru_cache(maxsize=8192)
def act_with_result(sentence: str, event_type: str) -> tuple[str, str] | None:
    """(the act, its result) when the sentence tells an act of `event_type` and then, in a result participle
    after a comma, another act of that type that the first brought about ("Police fired tear gas at the
    workers, wounding 12": (attack, wound)); None otherwise. The words' acts come from data/acts.yaml."""
    acts, _ = _lexicon()
    sent = sentence or ""
    for found in _RESULT_PARTICIPLE.finditer(sent):
        result = acts.get((event_type, act_stem(found.group(1).lower())))
        if not result:
            continue
        before = [a for w in _WORD.findall(sent[:found.start()]) if (a := acts.get((event_type, act_stem(w))))]
        cause = next((a for a in reversed(before) if a != result), None)
        if cause:
            return cause, result
    return None


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


# A share written as a figure ("22%", "22 percent", "22 per cent"): a demand's or a result's own number, which
# two reports of it write alike. Bare numbers are left out (days, tolls, counts that reports dispute).
_PERCENT = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(?:%|per\s?cent\b)", re.I)


def words(sentence: str) -> frozenset[str]:
    """Content words of a sentence, stemmed and mapped to shared concepts (plant/factory -> factory), and the
    shares it writes as figures (`_PERCENT`: "22%")."""
    _, concepts = _lexicon()
    out = {f"{found.group(1).replace(',', '.')}%" for found in _PERCENT.finditer(sentence)}
    for w in _WORD.findall(sentence):
        lw = w.lower()
        if lw in STOP or len(lw) < 3:
            continue
        s = act_stem(lw)
        out.add(concepts.get(s, s))
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name lower-cased, punctuation and hyphens made spaces (cached: `_same_actor` keys both names of every
    pair of participants weighed, the same few hundred names article after article)."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.replace("-", " ").lower()).split())


def _same_actor(x: Actor, y: Actor) -> bool:
    from rapidfuzz import fuzz

    if x.entity_id and x.entity_id == y.entity_id:
        return True
    kx, ky = name_key(x.name), name_key(y.name)
    if kx == ky or fuzz.token_sort_ratio(kx, ky) >= 88:
        return True
    # "Otieno" and "Peter Otieno": a surname standing for the full name.
    tx, ty = kx.split(), ky.split()
    return bool(tx and ty) and (x.kind == y.kind == "PERSON" or None in (x.kind, y.kind)) and (
        (len(tx) == 1 and tx[0] == ty[-1]) or (len(ty) == 1 and ty[0] == tx[-1]))


def participants(a: list[Actor], b: list[Actor]) -> str:
    """How two participant lists relate: same | side (one country) | unknown | differ | clash."""
    if not a or not b:
        return "unknown"
    if any(_same_actor(x, y) for x in a for y in b):
        return "same"
    ca, cb = {x.country for x in a if x.country}, {y.country for y in b if y.country}
    if ca and cb:
        return "side" if ca & cb else "clash"
    named_a, named_b = [x for x in a if x.entity_id], [y for y in b if y.entity_id]
    return "differ" if named_a and named_b else "unknown"


def parties(actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """A mutual act's parties: its actors and recipients as one list, each party once ("A and B met" read as
    actors A, B and recipient B, or as actor A and recipient B, has the parties A and B)."""
    out: list[Actor] = []
    for x in (*actors, *recipients):
        if not any(_same_actor(x, y) for y in out):
            out.append(x)
    return out


# `participants`' words from the closest relation to the farthest.
_RELATION_RANK = ("same", "side", "unknown", "differ", "clash")


def _absorbed(x: Actor, matched: list[Actor]) -> bool:
    """`x` is the state of a matched party, or a body of a matched state ("Chile" beside its minister Rojas):
    one side, not another party."""
    return bool(x.country) and any(y.country == x.country and "GPE" in (x.kind, y.kind) for y in matched)


def mutual_roles(pa: list[Actor], pb: list[Actor]) -> tuple[str, str]:
    """How the parties of two reports of a mutual act relate, as one unordered set: (the relation of the best
    matched pair of parties, that of the second), each `participants`' word. "A met B", "A and B met" and "B
    met A" give (same, same); "A met B" and "A met C" give (same, the relation of B and C); a report that
    names one party only gives (same, unknown). Parties beyond the matched two still count: when both reports
    name one more and those differ, the second relation is theirs (A, B and C met / A, B and D met)."""
    if not pa or not pb:
        return "unknown", "unknown"
    rest_a, rest_b = list(pa), list(pb)
    found: list[str] = []
    got_a: list[Actor] = []
    got_b: list[Actor] = []
    for level in ("same", "side"):
        for x in list(rest_a):
            y = next((y for y in rest_b if participants([x], [y]) == level), None)
            if y is not None:
                found.append(level)
                rest_a.remove(x)
                rest_b.remove(y)
                got_a.append(x)
                got_b.append(y)
    if not found:
        return participants(pa, pb), "unknown"
    rest_a = [x for x in rest_a if not _absorbed(x, got_a)]
    rest_b = [y for y in rest_b if not _absorbed(y, got_b)]
    left = participants(rest_a, rest_b)  # the parties no match took: "unknown" when one report names no more
    if len(found) == 1:
        return found[0], left
    # Two parties matched, and each report names a further one: trilateral talks with Kavonia and with Zeland
    # are two meetings, however well Ostravia and Merlund match. The weakest relation speaks for the rest.
    second = max((found[1], left), key=_RELATION_RANK.index) if left in ("differ", "clash") else found[1]
    return found[0], second


def roles(a: PairView, b: PairView) -> tuple[str, str]:
    """How the two mentions' actors and recipients relate (`participants`): (actor, recipient). For a mutual
    act (`mutual`: talks, an agreement, a clash) there is no one side acting on the other, so the parties are
    compared as one unordered set (`mutual_roles`): which party a report writes first, or as the subject of
    "A and B met", says nothing of which meeting it was."""
    if (mutual(a) and mutual(b)) or a.reciprocal() or b.reciprocal():
        return mutual_roles(parties(a.actor, a.recipient), parties(b.actor, b.recipient))
    return participants(a.actor, b.actor), participants(a.recipient, b.recipient)


# Before a reciprocal verb, its subject coordinates the parties ("North and South Korea exchanged", "both sides
# clashed"); after it, a preposition names the other party ("clashed with police", "clashes between ...").
# The coordination ends right before the trigger: the last conjunct is a few words, no determiner or
# possessive inside it, so "units crossed the Vell and started Friday's clash" (two verbs of one party) is none.
_CONJUNCT_WORD = r"(?!(?:the|a|an|its|their|his|her|then|later)\b)[\w.-]+\s+"
_PARTIES_BEFORE = re.compile(rf"\b(?:and|both)\s+(?:the\s+)?(?:{_CONJUNCT_WORD}){{1,3}}$", re.I)
_PARTY_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:with|between)\b", re.I)


def reciprocal(m: EventMention) -> bool:
    """A mutual act (`mutual`) told as one the parties did to each other, the parties written so: a subject that
    coordinates them before the trigger, or "with" / "between" after it. Its actor is then one of the parties,
    not the one who acted on the other, and it is compared with a one-sided report of the same act by parties
    ("North and South Korea exchanged artillery fire" read with actor South Korea / "North Korean artillery
    fired shells at South Korean marines"). A single party told as the one who started it ("South Korean forces
    had started Friday's clash") is one side's version, set against the other's (conflicts.py)."""
    if not mutual_mention(m):
        return False
    span = trigger_span(m)
    if span is None:
        return False
    sent = m.sentence or ""
    return bool(_PARTIES_BEFORE.search(sent[:span[0]]) or _PARTY_AFTER.match(sent[span[1]:]))


def distinct_people(a: list[Actor], b: list[Actor]) -> bool:
    """Both lists name people, and none of one is one of the other (Mwila and Banda, both appointed)."""
    pa, pb = [x for x in a if x.kind == "PERSON"], [y for y in b if y.kind == "PERSON"]
    return bool(pa and pb) and not any(_same_actor(x, y) for x in pa for y in pb)


def _day(value: str | None) -> int | None:
    d = parse_day(value)
    return d.toordinal() if d else None


def dates(a: EventMention, b: EventMention) -> str:
    """same | near (1-2 days) | far | unknown | loose (a publication date stands in) | prefix (month)."""
    if not a.date or not b.date:
        return "unknown"
    da, db = _day(a.date), _day(b.date)
    loose = bool(STAND_IN_DATES & {a.date_from, b.date_from})
    if da is not None and db is not None:
        gap = abs(da - db)
        if gap == 0:
            return "loose" if loose else "same"
        if gap <= 2:
            return "near"
        return "loose_far" if loose and gap <= 7 else "far"
    # A report's publication day stands in for a happening of that day or the week before, not for "January"
    # in a report of March. (Two stated months that differ are left to the weighing: "last month" and "in
    # early September" may be two reports' versions of one dismissal, a date conflict.)
    if loose and (sa := _span(a)) and (sb := _span(b)):
        return "loose_far" if _disjoint(sa, sb) else "prefix"
    if a.date.startswith(b.date[:7]) or b.date.startswith(a.date[:7]):
        return "prefix"
    return "far" if a.date[:4] != b.date[:4] else "unknown"


def date_evidence(a: EventMention, b: EventMention) -> int:
    """How much the two dates say for one happening: 2 when both sentences state dates that fit (same day,
    near days, one within the other's month or year), 1 when they fit only through a stand-in (a publication
    date), 0 when nothing is known or they do not fit."""
    d = dates(a, b)
    if d not in ("same", "near", "prefix", "loose"):
        return 0
    return 1 if STAND_IN_DATES & {a.date_from, b.date_from} else 2


def _disjoint(sa: tuple[int, int], sb: tuple[int, int]) -> bool:
    """No day fits both spans (March 11 and "January"; May and June)."""
    return not (sa[0] <= sb[1] and sb[0] <= sa[1])


PUBLISHED_LAG_DAYS = 7  # a report may tell a happening up to a week after it (fusion.date_score's soft window)


def _span(m: EventMention) -> tuple[int, int] | None:
    """The days a mention's date can mean, as ordinals: a day, a week, a month or a year (`dates.first_day` /
    `last_day`); a publication date standing in for a missing one (`date_from` "published") means that day or
    the week before it."""
    first, last = first_day(m.date), last_day(m.date)
    if first is None or last is None:
        return None
    if m.date_from == "published":
        first = first - dt.timedelta(days=PUBLISHED_LAG_DAYS)
    return first.toordinal(), last.toordinal()


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


SPEAKERS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen",
                      "press secretary", "a spokesperson", "a spokesman", "a spokeswoman", "the spokesperson",
                      "the spokesman", "the spokeswoman"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our"})
_CAPS = r"(?:[A-Z][\w'’.-]*|of|the|for)"
# "a spokesperson for North Korea's Foreign Ministry", "Kremlin spokesman", "the ministry's spokeswoman"
_SPEAKS_FOR = re.compile(r"\bspokes(?:person|man|woman|people|men|women)\s+for\s+(?:the\s+)?"
                         r"([A-Z][\w'’.-]*(?:\s+" + _CAPS + r")*)")
_SPEAKER_OF = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*?)(?:'s|’s)?\s+(?:\w+\s+)?spokes(?:person|man|woman)\b")


def speaks_for(actor: Actor, sentence: str) -> Actor:
    """A bare speaker ("spokesperson", "the spokesman") stands for the body it speaks for, when the phrase
    or the sentence names it ("a spokesperson for North Korea's Foreign Ministry" -> North Korea's Foreign
    Ministry, of North Korea; "Kremlin spokesman" -> Kremlin): two spokespeople of two states are two
    deniers, not one. Anything else is returned as it is."""
    if actor.entity_id or actor.country or (actor.name or "").lower().strip() not in SPEAKERS:
        return actor
    for text in (actor.text or "", sentence or ""):
        m = _SPEAKS_FOR.search(text) or _SPEAKER_OF.search(text)
        if m is None:
            continue
        body = re.sub(r"\s+(?:of|the|for)$", "", m.group(1).strip())
        body = re.sub(r"^(?:The|A|An)(?:\s+|$)", "", body)
        if not body or body.lower() in SPEAKERS or body.lower() in _DETERMINERS:
            continue
        return Actor(name=body, kind="ORG", country=_country_in(body), text=actor.text or actor.name)
    return actor


@lru_cache(maxsize=2048)
def _country_in(phrase: str) -> str | None:
    """The country a body's name belongs to: the whole name, its possessor ("North Korea's ..."), or its
    leading words, as the gazetteer knows them."""
    from ..extract.gazetteer import gazetteer

    g = gazetteer()
    head = re.split(r"'s\b|’s\b", phrase)[0].strip()
    tokens = head.split()
    for cand in (phrase, head, *(" ".join(tokens[:k]) for k in range(len(tokens), 0, -1))):
        c = g.country_of_any(cand)
        if c:
            return c
    return None


def resolved(actors: list[Actor], sentence: str) -> list[Actor]:
    return [speaks_for(a, sentence) for a in actors]


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


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    raw = _acts()
    return frozenset(w.lower() for w in raw.get("generic") or [])


def is_generic(trigger: str | None) -> bool:
    """The trigger's head word names a kind of act and not which one (data/acts.yaml `generic`)."""
    ws = _WORD.findall(trigger or "")
    return bool(ws) and ws[-1].lower() in _generic()


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
    """`offices.different_posts`, imported here, not at the top (offices.py reads this module's tables), and
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


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    """Stemmed head noun -> the group of people it names (data/acts.yaml `groups`: soldiers / troops)."""
    raw = _acts()
    return {act_stem(w.lower()): g for g, ws in (raw.get("groups") or {}).items() for w in ws}


def _name_words(actors: list[Actor], literal: bool = False) -> set[str]:
    """The words of the participants' names, stemmed, a word that names a group of people brought to that
    group ("troops" and "soldiers" describe the same people in other words), unless `literal`."""
    groups = {} if literal else _groups()
    out = set()
    for x in actors:
        for w in _WORD.findall(x.name or ""):
            if w.lower() not in STOP and len(w) >= 3 and not w.isdigit():
                s = act_stem(w.lower())
                out.add(groups.get(s, s))
    return out


def _described(actors: list[Actor]) -> bool:
    """Only descriptions ("attackers", "other people"), no one named: a name and a description may be one
    person ("the deputy" / the deputy's name); two descriptions in one writer's words are told apart by them."""
    return bool(actors) and not any(x.entity_id or x.country or x.kind == "PERSON" for x in actors)


def recipients_overlap(a: list[Actor], b: list[Actor], literal: bool = False) -> bool:
    """False when both lists describe their recipients (`_described`) and share no word of them ("attackers"
    / "insurgents"); "other people" / "people" and "rebel fighters" / "rebel units" share one, and so do
    "soldiers" / "troops", words of one group of people (`_groups`), except with `literal` (the two mentions
    name two different places: "six soldiers were killed in Gao" and "troops were killed in Menaka" are told
    apart by the writer's own words and places)."""
    if not (_described(a) and _described(b)):
        return True
    return bool(_name_words(a, literal) & _name_words(b, literal))


def two_places(a: PairView, b: PairView) -> bool:
    """Both mentions name a place of their happening."""
    return bool(a.m.location and b.m.location and (a.m.location.name or a.m.location.text)
                and (b.m.location.name or b.m.location.text))


def acted_after(plan: EventMention, act: EventMention) -> bool:
    """The act's day is later than the day the plan was stated (both known)."""
    dp, da = _day(plan.date), _day(act.date)
    return dp is not None and da is not None and da > dp


def schedule(m: EventMention) -> bool:
    """A plan that states the day or month of its happening in its own sentence ("will meet on Tuesday")."""
    return bool(m.date) and m.date_from not in STAND_IN_DATES and m.date_precision in ("day", "month")


def _identified(x: Actor) -> bool:
    return bool(x.entity_id or x.country or (x.name or "")[:1].isupper())


def _plays(x: Actor, y: Actor) -> bool:
    """`x` is `y`, or `y` names x's members ("al-Shabab" / "al-Shabab militants", "Kelvonia" / "Kelvonian
    forces" by country): x's whole name opens or ends y's."""
    if _same_actor(x, y):
        return True
    # Two entities the linker or the gazetteer tells apart are not one another's members, however their names
    # end ("Sudan" / "South Sudan", "Guinea" / "Equatorial Guinea").
    if (x.entity_id and y.entity_id and x.entity_id != y.entity_id and x.kind == y.kind in ("GPE", "LOC")) or (
            x.country and y.country and x.country != y.country):
        return False
    kx, ky = name_key(x.name or ""), name_key(y.name or "")
    return bool(kx) and len(kx) >= 3 and (ky.startswith(kx + " ") or ky.endswith(" " + kx))


@lru_cache(maxsize=1)
def _mutual() -> tuple[frozenset[str], frozenset[str]]:
    raw = _acts().get("mutual") or {}
    return frozenset(raw.get("types") or []), frozenset(act_stem(w.lower()) for w in raw.get("words") or [])


def mutual(v: PairView) -> bool:
    """The act has no one side acting on the other (data/acts.yaml `mutual`: talks, a clash)."""
    types, ws = _mutual()
    return v.m.event_type in types or v.trigger in ws


def mutual_mention(m: EventMention) -> bool:
    """`mutual` for a bare mention (its trigger's last word, stemmed, as `view` reads it)."""
    types, ws = _mutual()
    return m.event_type in types or act_stem((_WORD.findall(m.trigger or "") or [""])[-1]) in ws


def swapped(a: PairView, b: PairView) -> bool:
    """A mutual act (`mutual`) whose two parties the two reports write in the other order: a's actor is b's
    recipient and a's recipient is b's actor ("the union held talks with the ministry" / "the ministry held
    talks with the union")."""
    return (mutual(a) and mutual(b) and bool(a.actor and a.recipient and b.actor and b.recipient)
            and participants(a.actor, b.recipient) == "same" and participants(a.recipient, b.actor) == "same")


def roles_reversed(a: PairView, b: PairView) -> bool:
    """An identified actor of `a` is a recipient of `b`, and not also one of b's actors; never for a mutual
    act (talks, a clash), where either party may be written first."""
    if mutual(a) or mutual(b):
        return False
    return any(_identified(x) and any(_plays(x, r) for r in b.recipient)
               and not any(_plays(x, y) or _plays(y, x) for y in b.actor) for x in a.actor)


def same_place(a: PairView, b: PairView) -> bool:
    la, lb = a.m.location, b.m.location
    if la is None or lb is None:
        return False
    return (la.name or la.text or "").lower() == (lb.name or lb.text or "").lower()


def anchored(a: PairView, b: PairView) -> bool:
    """Evidence beyond the act that two reports tell one happening: shared parties (`linked`), one place, or
    one day both sentences state."""
    return linked(a, b) or same_place(a, b) or shared_place(a.m, b.m) or dates(a.m, b.m) == "same"


def _names_other_party(v: PairView, w: PairView) -> bool:
    """Does v's sentence write the name of a party of `w` that is none of v's own parties?"""
    own = parties(v.actor, v.recipient)
    sent = f" {name_key(v.m.sentence or '')} "
    return any(name_key(y.name) and f" {name_key(y.name)} " in sent
               for y in parties(w.actor, w.recipient) if not any(_same_actor(x, y) for x in own))


def names_actor(v: PairView, actors: list[Actor]) -> bool:
    """Does the mention's sentence write one of these identified actors' names (case and punctuation folded),
    other than as its own recipient? ("Bush threatened action against Russia" names Russia as the one
    threatened, not as a second actor of Bush's threat.)"""
    sent = f" {name_key(v.m.sentence or '')} "
    return any((x.entity_id or x.country) and name_key(x.name) and f" {name_key(x.name)} " in sent
               and not any(_same_actor(x, r) for r in v.recipient) for x in actors)


@lru_cache(maxsize=1)
def _toll() -> dict[str, frozenset[str]]:
    raw = _acts().get("toll") or {}
    return {etype: frozenset(acts) for etype, acts in raw.items()}


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
