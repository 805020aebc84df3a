"""Vocabulary and machinery of the time-expression rules: month and weekday names, the regex fragments the
patterns are built from, the calendar helpers the resolvers share, the head words and the rule registry.

Each family module (`timex_dates`, `timex_periods`, `timex_days`, `timex_relative`, `timex_spans`)
registers its rules here with `@rule` when imported; `timex_rules` imports them in a fixed order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from ..dates import MONTHS as _DATES_MONTHS
from ..dates import month_number
from .timex_base import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    Cand,
    Ctx,
    DigitTest,
    Head,
    HeadScanner,
    Resolver,
    spoken_year,
)

# ----------------------------------------------------------------------------- vocabulary

MONTHS = _DATES_MONTHS  # one month table for the project: wirewatch/dates.py
WEEKDAYS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
UNIT_NAMES: dict[str, str] = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "fortnight": "fortnight",
    "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century", "millennium": "millennium", "millennia": "millennium", "weekend": "weekend",
}  # fmt: skip

# Month names are matched case-sensitively (capitalized) so that "may", "march" and "august" as ordinary
# words are not dates; abbreviations need their period unless a day number follows.
MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTH_BARE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
MONTH = rf"(?:{MONTH_FULL}|{_MONTH_ABBR}|{MONTH_FULL.upper()})"
MONTH_BEFORE_DAY = rf"(?:{MONTH_FULL}|{_MONTH_ABBR}|{_MONTH_BARE}|{MONTH_FULL.upper()})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUMW = "|".join(NUMBER_WORDS)
ORDW = "|".join(ORDINAL_WORDS)
SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]\w+)?))?)"
)
# A count of units: digits (with an optional fraction), number words, or a vague quantity.
NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:{_NUMW}|a)(?:[\s-](?:{_NUMW}))?(?:\s+(?:hundred|thousand))|"
    rf"(?:{_NUMW})(?:[\s-](?:{_NUMW}))?"
    r"|a\s+couple\s+of|a\s+few|couple\s+of|several|few|some|many|a|an|dozens\s+of|hundreds\s+of)"
)
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
APPROX = (
    r"(?:about|nearly|almost|roughly|approximately|around|some|more\s+than|less\s+than|fewer\s+than|over|under|"
    r"up\s+to|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|only|just|barely|well\s+over|a\s+full|"
    r"the\s+better\s+part\s+of|within)"
)
PART = r"(?:morning|afternoon|evening|night)"
TZ = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|Z|local\s+time|[A-Z][a-z]+\s+time)\)?)?"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|A\.M\.?|P\.M\.?)|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"|noon|midnight|midday|(?:[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:o'clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night))"
)

# ----------------------------------------------------------------------------- helpers


def month_num(s: str) -> int:
    """The month of a name the patterns matched ("March", "Sept.", "DEC"); dates.month_number reads it."""
    n = month_number(s)
    if n is None:
        raise ValueError(f"not a month name: {s!r}")
    return n


def weekday_num(s: str) -> int:
    return WEEKDAYS[s[:3].lower()]


def year_of(s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    return spoken_year(s)


def pick_year(year: int, anchor_pos: int, pos_in_year: Callable[[int], int], tense: int) -> int:
    """Year of a date or month named without one ("Aug. 7", "in January"): with a past tense the latest one
    up to the anchor, with a future tense the next one from it, otherwise the nearest one. Positions are
    month * 31 + day within a year (month * 31 for a month)."""
    best = year
    best_dist = 10**9
    near = min((abs((y - year) * 372 + pos_in_year(y) - anchor_pos), y) for y in (year - 1, year, year + 1))
    if near[0] <= 62:
        return near[1]  # within two months of the anchor: the tense guess is not worth the risk
    for y in (year - 1, year, year + 1):
        dist = (y - year) * 372 + pos_in_year(y) - anchor_pos
        if (tense < 0 and dist > 0) or (tense > 0 and dist < 0):
            continue
        if abs(dist) < best_dist or (abs(dist) == best_dist and y == year):
            best, best_dist = y, abs(dist)
    return best


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def mod_direction(mod: str) -> int:
    mod = mod.lower()
    if re.search(r"\b(?:last|past|previous|preceding|earlier)\b", mod):
        return -1
    if re.search(r"\b(?:next|coming|following|later|upcoming)\b", mod):
        return 1
    return 0


# ----------------------------------------------------------------------------- the rules
# Each rule is a compiled pattern, the head words it needs, and a handler that turns a match into candidates
# (usually one).

Handler = Callable[[re.Match[str]], Iterator[Cand]]


_HEADS: list[Head] = []


def head(words: str = "", caps: str = "", digits: DigitTest | None = None) -> Head:
    """A head from '|'-separated literals."""
    h = Head(tuple(w for w in words.split("|") if w), tuple(w for w in caps.split("|") if w), digits)
    _HEADS.append(h)
    return h


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler
    head: Head
    back: int  # how far before the head word a match may start (modifiers: "the past two ...")
    ahead: int  # how far after the head word it may end
    # Case-insensitive rules run case-sensitively on the lowercased text: the same matches, several
    # times faster in `re`. Their handlers then see lowercase text in `m.string`.
    on_lower: bool = False


RULES: list[Rule] = []


def rule(pattern: str, flags: int = 0, *, head: Head, back: int = 40, ahead: int = 40) -> Callable[[Handler], Handler]:
    """Register the decorated handler for matches of `pattern` (compiled once, at import)."""

    def deco(fn: Handler) -> Handler:
        on_lower = bool(flags & re.IGNORECASE)
        compiled = re.compile(pattern, flags & ~re.IGNORECASE)
        RULES.append(Rule(compiled, fn, head, back, ahead, on_lower))
        return fn

    return deco


def _after(text: str, e: int, chars: str) -> bool:
    return e < len(text) and text[e] in chars


_MONTH_NAMES = "January February March April May June July August September October November December".split()
_MONTHS_CAP = "|".join(
    _MONTH_NAMES + [m.upper() for m in _MONTH_NAMES] + "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Head words of the rule families (see `Head`).
H_ISO = head(digits=lambda t, s, e: e - s == 4 and _after(t, e, "-"))
H_SLASH = head(digits=lambda t, s, e: e - s <= 2 and _after(t, e, "/"))
H_YEAR = head(digits=lambda t, s, e: e - s == 4 and (t[s] == "1" and t[s + 1] >= "5" or t.startswith("20", s)))
H_QCODE = head(digits=lambda t, s, e: e - s == 1 and (_after(t, e, "Q") or (s > 0 and t[s - 1] == "Q")))
H_DECADE = head(
    "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    digits=lambda t, s, e: t[e - 1] == "0" and (_after(t, e, "s") or t.startswith("'s", e)),
)
H_CLOCK = head(
    "noon|midnight|midday|o'clock|in the morning|in the afternoon|in the evening|at night",
    digits=lambda t, s, e: (
        e - s <= 2 and (_after(t, e, ":") or re.match(r"\s?[apAP]\.?[mM]", t[e : e + 4]) is not None)
    ),
)
H_MONTH = head(caps=_MONTHS_CAP)
H_WEEKDAY = head(caps="|".join(f"{d}day|{d}days" for d in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")))
H_HOLIDAY = head(
    caps="Christmas|New Year|Thanksgiving|Easter|Good Friday|Memorial Day|Labor Day|Independence Day|Election Day|"
    "Halloween|Valentine|Veterans Day|Boxing Day|Bastille Day"
)
H_SPOKEN = head("nineteen|eighteen|twenty|two thousand")
H_CENTURY = head("century")
H_QUARTER = head("quarter|half|period")
H_SEASON = head("spring|summer|fall|autumn|winter")
H_RELDAY = head("today|tonight|tomorrow|yesterday")
H_PART = head("morning|afternoon|evening|night")
H_OVERNIGHT = head("overnight")
H_UNIT = head(
    "second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni|morning|evening|afternoon"
)
H_YEAR_ADJ = head("year-ago|year-earlier")
H_YEAR_END = head("year-end|year end|year's end")
H_LONG = head("long")
H_PLURAL = head("years|months|weeks|days|decades|hours|minutes|centuries|quarters")
H_SETW = head("daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|semiannually")
H_EVERY = head("every|each|per |once a|twice a|times a")
H_REF = head(
    "now|current|present|recent|lately|past|formerly|ago|future|term|later date|soon as possible|these days|moment"
)


SCANNER = HeadScanner(_HEADS)


def cand(
    m: re.Match[str], typ: str, res: Resolver, start: int | None = None, end: int | None = None, derived: bool = False
) -> Cand:
    """A candidate spanning the match (or the given part of it)."""
    return Cand(m.start() if start is None else start, m.end() if end is None else end, typ, res, derived=derived)


def resolve_month_day(mon: int, day: int, year: int | None, wd: str | None, s: int, e: int) -> Resolver:
    """Resolver of a month and day ("Aug. 7"), with its year if given, else the year picked from the anchor,
    the weekday named with it and the tense of the sentence around [s, e)."""

    def res(ctx: Ctx) -> str | None:
        if year is not None:
            d = safe_date(year, mon, day)
            return d.isoformat() if d else None
        if ctx.anchor is None:
            # The year is unknown: TIMEX3 keeps the month and day and writes the year as XXXX.
            return f"XXXX-{mon:02d}-{day:02d}"
        a = ctx.anchor
        y = a.year
        if wd:
            # A weekday pins the year: take the year, near the anchor, in which the date falls on it.
            for cand_y in (a.year, a.year - 1, a.year + 1):
                d = safe_date(cand_y, mon, day)
                if d and d.weekday() == weekday_num(wd):
                    return d.isoformat()
        if safe_date(y, mon, day) is None:
            return None
        y = pick_year(a.year, a.month * 31 + a.day, lambda yy: mon * 31 + day, ctx.tense(s, e))
        d = safe_date(y, mon, day)
        return d.isoformat() if d else None

    return res


def quarter_context(ctx: Ctx, pos: int) -> str | None:
    """The quarter an earnings report is about, when one was named shortly before `pos`."""
    if ctx.ref_quarter and pos - ctx.ref_quarter_end < 1000:
        return ctx.ref_quarter
    return None
