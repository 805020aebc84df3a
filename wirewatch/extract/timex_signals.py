"""Time expressions that open or close a period rather than date an act (TimeML SIGNALs).

"has sent 3,000 troops since January", "arrested 40 people over the past month", "has shelled the camp for
three weeks", "will stay until June": the time expression bounds a stretch of time during which the act went
on (or goes on), it is not the act's day. A length of time alone ("jailed him for five years", "held him for
two days in January") is how long the act or its outcome lasts, not when: it bounds nothing unless it is
counted back from the report ("over the past month", "have shelled the camp for three weeks").

An event governed by a period carries it: as its date the longest calendar prefix shared by every day of the
period ("since May" in a December report: the year), and `date_from = "period"`, a stand-in
(`model.STAND_IN_DATES`) that fusion only weighs and that never contradicts another report. A period with no
common prefix ("since 2011" in 2020) gives no date at all. A period stands in only where the sentence states
no point date for the act itself (`events._date`).
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta
from typing import Any

from ..model import Timex

Span = tuple[Date, Date]

# The word that introduces the expression ("since January"), or the head of its prepositional phrase.
_SINCE = frozenset({"since"})
_UNTIL = frozenset({"until", "till", "til", "through", "thru"})
_BEFORE = frozenset({"before"})  # "will impose tariffs before the summer": by then, at the latest
RANGE_SIGNALS = frozenset({"between", "from"})  # "between X and Y", "from X to Y" (events._range_end)
_ACROSS = frozenset({"for", "over", "during", "throughout", "across"})
_BACK = re.compile(r"\b(?:past|last|previous|preceding)\b", re.IGNORECASE)
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?|X)(D|W|M|Y|DE)$")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365, "DE": 3652}


def signal_of(doc: Any, t: Timex) -> str | None:
    """The lower-cased signal word of a time expression: the preposition it is the object of, else the
    word right before it."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ == "pobj" and root.head.pos_ == "ADP":
        return str(root.head.lower_)
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.sent == span.sent:
            return str(prev.lower_)
    return None


def duration_days(value: str | None) -> int | None:
    """Days in a TIMEX3 duration (P3W -> 21, P1M -> 30); an unspecified count of a plural unit ("the past
    few weeks", PXW) counts two: at least the plural."""
    m = _DURATION.match(value or "")
    if not m:
        return None
    n = 2.0 if m[1] == "X" else float(m[1])
    return max(1, round(n * _UNIT_DAYS[m[2]]))


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}


def season_span(value: str | None) -> Span | None:
    """The days of a season value (2026-SU: June to August; a winter runs into the next year)."""
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value or "")
    if not m:
        return None
    year, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
    end_year = year + 1 if last < first else year
    nxt = Date(end_year + last // 12, last % 12 + 1, 1)
    return Date(year, first, 1), nxt - timedelta(days=1)


def common_prefix(span: Span) -> tuple[str | None, str | None]:
    """The longest calendar prefix (YYYY-MM-DD, YYYY-MM or YYYY) true of every day of the span, and its
    precision."""
    a, b = span
    if a == b:
        return a.isoformat(), "day"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}", "month"
    if a.year == b.year:
        return f"{a.year:04d}", "year"
    return None, None


def period_of(doc: Any, t: Timex, t_span: Span | None, published: Date | None, *, ongoing: bool,
              future: bool, negated: bool = False, to: Span | None = None) -> Span | None | bool:
    """The period a time expression opens for the act it governs, or False when it dates the act itself.

    `t_span`: the days the expression covers (for a DATE); `ongoing`: the act is told in a perfect or
    progressive form ("has sent", "have been fighting"); `future`: it lies ahead ("will stay until June").
    Returns None when the expression is a period whose days are unknown ("stayed until June" told in the
    past: when it began is not said). `negated`: "did not arrive until Friday" arrived on Friday. `to`: the days
    of the expression that closes a "between X and Y" / "from X to Y" range."""
    sig = signal_of(doc, t)
    text = t.text
    if t.type == "DURATION":
        days = duration_days(t.value)
        back = bool(_BACK.search(text))
        if days is None or not (back or sig in _ACROSS):
            return False
        if back or (ongoing and not future):
            # "over the past month", "for three weeks" in "have shelled ... for three weeks": up to the report
            if published is None:
                return None
            return published - timedelta(days=days - 1), published
        # "was jailed for five years on Monday", "will deploy for six months from May": the act's length;
        # the act is dated as any other (by the sentence's other time expression, else the report).
        return False
    if t_span is None or sig is None:
        return False
    if sig in RANGE_SIGNALS and to is not None:
        return (t_span[0], to[1]) if to[1] >= t_span[0] else None
    if sig in _SINCE:
        if published is None or t_span[0] > published:
            return None
        return t_span[0], published
    if sig in _UNTIL or sig in _BEFORE:
        if negated:
            return False
        end = t_span[1] if sig in _UNTIL else t_span[0] - timedelta(days=1)
        if future and published is not None and end >= published:
            return published, end
        return None
    return False
