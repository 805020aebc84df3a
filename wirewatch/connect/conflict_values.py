"""The values reports give for a field of one event, and when two of them disagree.

Counts: the counted noun's family ("companies" / "entities", "soldiers" / "troops"), an increment told from a
total ("300 more" / "more than 300"), the interval a bounded figure allows and when no value fits both; a
report that writes both numbers tells two counts apart. Dates: only a date the sentence states as the
happening's, compared at the precision both have. Places resolved in a gazetteer; how a value is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..extract.quantities import span
from ..model import STAND_IN_DATES, Actor, EventMention, Quantity
from .acts import _groups as _people_groups
from .acts import _lexicon, act_stem
from .conflict_base import NEGATIVE
from .phases import ongoing
from .tolls import Toll, tolls

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


def _toll_figure(t: Toll) -> Figure:
    q = Quantity(value=t.value, unit=t.unit, text=t.text, bound=t.bound, high=t.high)
    low, high = span(q)
    return Figure(low, high, t.value, t.text, t.bound or None)


def _toll_values(m: EventMention) -> set[float]:
    """Every figure the mention's sentence writes (`_written_counts`, toll ranges' tops with them)."""
    return _written_counts(m) | {t.value for t in tolls(m.sentence or "")} | {
        t.high for t in tolls(m.sentence or "") if t.high is not None}


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


def _plural(unit: str) -> str:
    if " per " in unit:  # "truck per day" -> "trucks per day"
        head, _, per = unit.partition(" per ")
        return f"{_plural(head)} per {per}"
    if unit.endswith("s"):
        return unit
    return unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"
