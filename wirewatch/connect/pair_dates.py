"""How the dates of two event mentions fit: the same day, near days, one inside the other's month, or apart.

A publication date standing in for a missing one (`date_from` "published") means that day or the week before
it, so it is only weighed, never a hard test. Also when a plan's day is stated (`schedule`) and whether an act
came after the day its plan was told (`acted_after`).
"""

from __future__ import annotations

import datetime as dt

from ..dates import first_day, last_day, parse_day
from ..model import STAND_IN_DATES, EventMention


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


def acted_after(plan: EventMention, act: EventMention) -> bool:
    """The act's day is later than the day the plan was stated (both known)."""
    dp, da = _day(plan.date), _day(act.date)
    return dp is not None and da is not None and da > dp


def schedule(m: EventMention) -> bool:
    """A plan that states the day or month of its happening in its own sentence ("will meet on Tuesday")."""
    return bool(m.date) and m.date_from not in STAND_IN_DATES and m.date_precision in ("day", "month")
