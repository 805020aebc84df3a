"""Building blocks of the time-expression tagger: calendar arithmetic and TIMEX3 values, number words,
tense cues, and the candidate/context/head machinery the rule modules (see `timex_rules.py`) are written with.

Everything here is pure and cheap: it runs for every time expression of every article.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

# TIMEX3 season codes, and the month each season is taken to start in (northern hemisphere, as news uses it).
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Parts of the day: TIMEX3 codes appended to a date ("1998-08-07TMO").
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
}

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip
# Vague quantities: TIMEX3 writes the unknown count as X ("several years" -> PXY).
VAGUE = {"several", "some", "few", "a few", "many", "numerous", "dozens", "hundreds", "a number"}

NUMBER_WORDS: tuple[str, ...] = tuple(sorted((set(_SMALL) | set(_TENS)) - {"a", "an", "single"}, key=len, reverse=True))
ORDINAL_WORDS: tuple[str, ...] = tuple(sorted(_ORDINALS, key=len, reverse=True))


# Words that multiply the count before them ("two dozen", "three hundred thousand", "5.1 million"); from a
# thousand up each closes a group ("two million three hundred thousand").
SCALES: dict[str, float] = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                            "trillion": 1e12}
# Their plurals: a vague count on their own ("hundreds of years", `VAGUE`), a multiplier inside a written
# figure ("tens of thousands" is read by quantities.py; "5 thousands" here).
PLURAL_SCALES: dict[str, float] = {w + "s": v for w, v in SCALES.items()}
_NUMERAL = re.compile(r"\d+(?:\.\d+)?")


def words_to_number(s: str) -> float | None:
    """The project's one reader of written numbers: 'three' -> 3, 'twenty-four' -> 24, '2 1/2' -> 2.5,
    'a couple of' -> 2, '25,000' -> 25000, '5.1 million' -> 5100000, 'three hundred thousand' -> 300000,
    'a dozen' -> 12, 'two dozen' -> 24, 'several' -> None (vague).

    Returns None for vague quantities and for anything it cannot read; callers then write X."""
    s = s.lower().strip().replace(",", "")
    if not s:
        return None
    s = re.sub(r"\s+of$", "", s)
    if s in ("a couple", "couple", "a pair"):
        return 2.0
    if s in VAGUE:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", s)
    if m:
        val = float(m.group(1))
        if m.group(2):
            val += int(m.group(2)) / int(m.group(3))
        return val
    return read_words(re.split(r"[\s-]+", s))


def read_words(words: list[str], lenient: bool = False) -> float | None:
    """The number the words write, one word at a time ("one hundred and twenty", "5.1 million", "a dozen",
    "forty - two" as a tokenizer splits it). A word that is no part of a number makes it None, or, `lenient`,
    is passed over (a figure's words as the parser hands them: "some 300"); so is a plural scale, which is
    vague on its own ("hundreds") but multiplies inside a figure when `lenient`. None when no word is a number.
    "a"/"an" is one before a scale ("a hundred", "a dozen") or alone ("a year"); elsewhere an article."""
    total, cur, seen = 0.0, 0.0, False
    for i, raw in enumerate(words):
        w = raw.lower().replace(",", "")
        scale = SCALES.get(w) or (PLURAL_SCALES.get(w) if lenient else None)
        if w in ("and", "-"):
            continue
        if _NUMERAL.fullmatch(w):
            cur += float(w)
        elif w in ("a", "an") and (len(words) == 1 or i + 1 < len(words) and words[i + 1].lower() in SCALES):
            cur += 1
        elif scale is not None:
            cur = (cur or 1) * scale
            if scale >= 1000:
                total, cur = total + cur, 0.0
        elif w in _SMALL and w not in ("a", "an"):
            cur += _SMALL[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif lenient:
            continue
        else:
            return None
        seen = True
    return total + cur if seen else None


def ordinal_to_int(s: str) -> int | None:
    """'third' -> 3, '3rd' -> 3, 'twenty-first' -> 21."""
    s = s.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", s)
    if m:
        return int(m.group(1))
    if s in _ORDINALS:
        return _ORDINALS[s]
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINALS:
        return _TENS[parts[0]] + _ORDINALS[parts[1]]
    return None


def spoken_year(s: str) -> int | None:
    """Years as broadcast transcripts spell them: 'nineteen ninety-six' -> 1996, 'two thousand one' -> 2001."""
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    if len(words) >= 2 and words[0] in _SMALL and words[1] not in ("thousand", "hundred"):
        hi = _SMALL[words[0]]
        lo = words_to_number(" ".join(words[1:]))
        if 10 <= hi <= 20 and lo is not None and 10 <= lo < 100:
            return hi * 100 + int(lo)
    if "thousand" in words:
        n = words_to_number(" ".join(words))
        if n is not None and 1000 <= n < 2100:
            return int(n)
    return None


# ----------------------------------------------------------------------------- arithmetic


def add_months(d: date, n: int) -> date:
    """Shift by calendar months, clamping the day (Jan 31 + 1 month -> Feb 28/29)."""
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    month = m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, n: int, unit: str) -> date:
    """Move `d` by n units; unit is day | week | month | quarter | year | decade | century."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "half":
        return add_months(d, 6 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(unit)


def fmt(d: date, precision: str) -> str:
    """The TIMEX3 value of the period of the given precision that contains `d`."""
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "week":
        iso = d.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if precision == "decade":
        return f"{d.year // 10:03d}"
    if precision == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(precision)


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The given weekday (0 = Monday) relative to the anchor: direction -1 = most recent one on or before the
    anchor, +1 = next one on or after it, 0 = the anchor's own week (Monday..Sunday)."""
    diff = weekday - anchor.weekday()
    if direction < 0:
        return anchor + timedelta(days=diff if diff <= 0 else diff - 7)
    if direction > 0:
        return anchor + timedelta(days=diff if diff >= 0 else diff + 7)
    return anchor + timedelta(days=diff)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1 for the last one): Thanksgiving, Memorial Day ..."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(name: str, year: int) -> date | None:
    """Date of a named holiday in a year, for the holidays news mentions most (US-centred like the data)."""
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
        "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
        "veterans day": (11, 11), "boxing day": (12, 26), "may day": (5, 1), "bastille day": (7, 14),
    }  # fmt: skip
    key = name.lower().replace("’", "'")
    if key in fixed:
        mo, dd = fixed[key]
        return date(year, mo, dd)
    if key.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if key == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if key == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if key == "election day":
        first_monday = nth_weekday(year, 11, 0, 1)
        return first_monday + timedelta(days=1)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    return None


# ----------------------------------------------------------------------------- reading values back

_VALUE_RE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
)


def parse_value(value: str | None) -> tuple[date, str] | None:
    """A resolved DATE/TIME value back to (a representative date, its precision), for expressions that are
    relative to an earlier one ("a year earlier", "the next day"). None for refs, durations, X's."""
    if not value:
        return None
    m = _VALUE_RE.match(value)
    if not m:
        return None
    y = int(m.group("y"))
    try:
        if m.group("d"):
            return date(y, int(m.group("m")), int(m.group("d"))), "day"
        if m.group("m"):
            return date(y, int(m.group("m")), 1), "month"
        if m.group("w"):
            return date.fromisocalendar(y, int(m.group("w")), 1), "week"
        if m.group("q"):
            return date(y, 3 * int(m.group("q")) - 2, 1), "quarter"
        if m.group("h"):
            return date(y, 6 * int(m.group("h")) - 5, 1), "half"
        if m.group("s"):
            return date(y, SEASON_MONTH[m.group("s")], 1), "season"
    except ValueError:
        return None
    return date(y, 1, 1), "year"


def shift_value(value: str, n: int, unit: str) -> str | None:
    """Shift a TIMEX3 value by n units keeping its precision: ('1989-Q3', -1, 'year') -> '1988-Q3'."""
    parsed = parse_value(value)
    if parsed is None:
        return None
    d, prec = parsed
    moved = shift(d, n, unit)
    if prec == "season":
        return f"{moved.year:04d}-{value[5:7]}"
    return fmt(moved, prec)


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, 'day') -> P3D, (5.5, 'hour') -> PT5H30M, (None, 'year') -> PXY."""
    if unit == "decade" and n is not None:
        n, unit = n * 10, "year"
    elif unit == "century" and n is not None:
        n, unit = n * 100, "year"
    elif unit == "fortnight" and n is not None:
        n, unit = n * 2, "week"
    codes = {
        "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"), "week": ("", "W"),
        "fortnight": ("", "W"), "month": ("", "M"), "quarter": ("", "Q"), "year": ("", "Y"),
        "decade": ("", "E"), "century": ("", "C"), "millennium": ("", "L"),
    }  # fmt: skip
    t, code = codes[unit]
    if n is None:
        return f"P{t}X{code}"
    whole = int(n)
    frac = n - whole
    if frac < 1e-9:
        return f"P{t}{whole}{code}"
    # A fractional count is written with the next smaller unit: 2 1/2 years -> P2Y6M.
    smaller = {"year": (12, "", "M"), "month": (30, "", "D"), "week": (7, "", "D"), "day": (24, "T", "H"),
               "hour": (60, "T", "M"), "minute": (60, "T", "S")}  # fmt: skip
    if unit not in smaller:
        return f"P{t}{whole}{code}"
    factor, t2, code2 = smaller[unit]
    rest = round(frac * factor)
    head = f"{whole}{code}" if whole else ""
    if t == "T":
        return f"PT{head}{rest}{code2}"
    return f"P{head}{t2}{rest}{code2}"


# ----------------------------------------------------------------------------- candidates and context


@dataclass(slots=True)
class Ctx:
    """What resolvers may consult: the anchor, the text, and what the article has mentioned so far."""

    text: str
    anchor: date | None
    low: str = ""  # the lowercased text, same length
    ref_day: date | None = None  # last day-precision date mentioned
    ref_value: str | None = None  # last DATE value of any precision
    ref_quarter: str | None = None  # last quarter mentioned ("1989-Q3") and where it ended
    ref_quarter_end: int = -1
    _tense_cache: dict[int, int] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 unknown: the tense cue nearest to the expression within its sentence."""
        hit = self._tense_cache.get(start)
        if hit is None:
            hit = sentence_tense(self.low or self.text.lower(), start, end)
            self._tense_cache[start] = hit
        return hit

    def day_ref(self) -> date | None:
        return self.ref_day or self.anchor


Resolver = Callable[[Ctx], str | None]


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    type: str
    resolve: Resolver
    # Derived from an earlier mention ("a year earlier", "the year-ago quarter"): it must not become the
    # reference for later ones, or one "a year ago" would shift every following "the quarter" by a year.
    derived: bool = False


def const(v: str | None) -> Resolver:
    return lambda _ctx: v


# ----------------------------------------------------------------------------- tense

# Tense cues, read word by word around the expression (lowercased). A word list and a short scan are
# several times faster than one big case-insensitive regex over the sentence.
_PAST_WORDS = frozenset(
    "said says say told ago last earlier yesterday previous previously began came went took made met left lost fell "
    "rose saw held gave sent found got hit became ran led fled flew fought bought brought caught kept thought "
    "sought stood sat paid laid chose drove grew knew threw wore tore shot struck spoke wrote broke hid stole swore "
    "taught withdrew arose dealt felt froze heard hung meant sold shook shut spent spread swept did had was were "
    "won".split()
)
_FUTURE_WORDS = frozenset(
    "will shall would might may upcoming tomorrow coming planning schedule expects expect intends slated "
    "postponed".split()
)
# "expected", "scheduled" end in -ed but point forward (unless "was scheduled"); "planned" goes either way
# ("planned a rally Saturday", "planned to pay the claims on Friday") and counts as neither.
_FUTURE_ED = frozenset({"expected", "scheduled", "postponed", "slated", "supposed"})
_NEUTRAL_WORDS = frozenset({"planned"})
# Words in -ed that are not past tenses ("United States", "will succeed", "a hundred").
_NOT_PAST_ED = frozenset(
    "hundred united limited based related interested concerned detailed advanced experienced armed kindred "
    "sacred naked wicked rugged beloved alleged".split()
)
_PAST_EED = frozenset({"agreed", "freed", "guaranteed", "decreed", "disagreed"})
_TO_FUTURE = frozenset(
    {"going", "plan", "plans", "intend", "intends", "intended", "hope", "hopes", "set", "likely", "due",
     "is", "are", "ready", "prepared", "preparing"}
)  # fmt: skip
# Words before which an -ed word is an adjective, not a verb: "a still unspecified date", "the revised plan".
_ADJ_BEFORE = frozenset({"a", "an", "the", "its", "their", "his", "her", "still", "very", "more", "most", "newly"})
_BE_FUTURE = frozenset({"will", "would", "shall", "must", "should", "to"})
_WORD = re.compile(r"[a-z]+")
_DEADLINE_BEFORE = re.compile(
    r"(?<!up )\b(?:by|until|till|effective|payable|starting|beginning)\s+(?:on\s+|at\s+|about\s+)?$"
)


def _cue(words: list[str], i: int) -> int | None:
    """Tense direction signalled by words[i] in its context: -1, +1, 0 (neutral) or None (no cue)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prv = words[i - 1] if i else ""
    if w == "be" and prv in _BE_FUTURE:
        return 1  # "will be", "to be"
    if "be" in words[max(0, i - 2) : i] and any(x in _BE_FUTURE for x in words[max(0, i - 4) : i - 1]):
        return 1  # "will be held", "would still be held", "to be returned"
    if w in ("was", "were", "had", "been") and (nxt in _FUTURE_ED or nxt in ("due", "set", "going", "planning")):
        return -1  # "had been scheduled to expire Friday"
    if prv in ("was", "were", "been") and (w in _FUTURE_ED or w in ("due", "set")):
        return -1
    if w in _FUTURE_ED:
        return 1  # "is expected to grow"
    if prv in ("is", "are", "am", "has", "have", "being") and (w.endswith("ed") or w.endswith("en")):
        return 0  # present passive or perfect: "the case is heard in May", "has given ... until Tuesday"
    if w in _TO_FUTURE and nxt == "to":
        return 1
    if w == "set":
        # "is set for Friday" points forward, "set Friday as the deadline" is a past tense
        return 1 if prv in ("is", "are", "be") else None if prv in _BE_FUTURE or nxt == "for" else -1
    if w == "since":
        return -1  # "since Oct. 23", "since shortly after the Oct. 23 slaying"
    if w in ("soon", "early") and prv == "as":
        return 1  # "as soon as Tuesday", "as early as next week"
    if w == "ll" or (w in ("won", "wo") and nxt == "t"):
        return 1
    if w in _FUTURE_WORDS:
        return 1
    if w in _NEUTRAL_WORDS:
        return 0
    if w in _PAST_WORDS:
        return -1
    if (
        len(w) > 4
        and w.endswith("ed")
        and w not in _NOT_PAST_ED
        and (not w.endswith("eed") or w in _PAST_EED)
        and prv not in _ADJ_BEFORE
    ):
        return -1
    return None


def _breaks_sentence(gap: str, prev_word: str) -> bool:
    """Whether the text between two words ends a sentence ("killed. The", but not "Mr. Bush", "U.S. troops")."""
    if "\n\n" in gap or ";" in gap or ":" in gap:
        return True
    return any(ch in gap for ch in ".!?") and (len(prev_word) > 3 or len(prev_word) > 1 and prev_word not in _ABBREV)


# Short words a period follows without ending the sentence ("Mr. Bush", "Jan. 5", "Gen. Lee", "No. 2").
_ABBREV = frozenset(
    "mr mrs ms dr st jr sr gen col lt sgt cpl adm gov sen rep rev sec pres prof capt cmdr maj jan feb mar apr "
    "jun jul aug sep oct nov dec mon tue wed thu fri sat sun no vs inc co corp ltd bros ft mt ave blvd rd "
    "dept est approx fig vol pp ed eds al".split()
)


def sentence_tense(low: str, start: int, end: int) -> int:
    """Guess whether the expression at [start, end) refers forward or back, from tense cues in its sentence.

    News usually reports the past ("said Friday"), but schedules point forward ("will meet Tuesday"). The
    governing verb usually comes before the expression, so after a deadline preposition right before it
    ("by Friday", "effective Feb. 1") the nearest cue on the left decides, then the nearest on the right."""
    lo = max(0, start - 160)  # a sentence or so each way; cues further off rarely govern the expression
    hi = min(len(low), end + 120)
    toks = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(low, lo, hi)]
    words = [t[2] for t in toks]
    first_after = next((k for k, t in enumerate(toks) if t[0] >= end), len(toks))
    last_before = next((k for k in range(len(toks) - 1, -1, -1) if toks[k][1] <= start), -1)
    deadline = _DEADLINE_BEFORE.search(low, max(0, start - 25), start)
    if (
        deadline
        and "had" not in words[max(0, last_before - 6) : last_before + 1]
        and "had" not in words[first_after : first_after + 4]
    ):
        # "payable Jan. 2", "effective Feb. 1", "by Friday", "until 9 a.m. Tuesday" -- but not in the past
        # perfect ("had filed reports by Wednesday", "until Thursday, they had not")
        return 1
    k = last_before
    # "... officials said. On Tuesday, Rubio will join": a cue in the sentence before is not this one's
    if k >= 0 and _breaks_sentence(low[toks[k][1]:start], words[k]):
        k = -1
    reported: int | None = None
    while k >= 0:
        d = _cue(words, k)
        if d and words[k] in _REPORTING and k < last_before:
            # "officials said the vote on June 12 would ...": the saying is past, what it reports need not
            # be; a cue of the reported clause (on the right) decides, the saying's tense if there is none
            reported = d
            break
        if d:
            return d
        if d == 0:
            break
        if k and _breaks_sentence(low[toks[k - 1][1] : toks[k][0]], words[k - 1]):
            break
        k -= 1
    k = first_after
    while k < len(toks):
        if k > first_after and _breaks_sentence(low[toks[k - 1][1] : toks[k][0]], words[k - 1]):
            break
        d = _cue(words, k)
        if d is not None:
            return d
        k += 1
    return reported or 0


_REPORTING = frozenset({"said", "says", "say", "told"})


# ----------------------------------------------------------------------------- heads


DigitTest = Callable[[str, int, int], bool]


@dataclass(frozen=True, slots=True, eq=False)
class Head:
    """Where a rule may match: every match contains one of its head words ("quarter", a month name, a year).

    Running two dozen rich patterns over a whole article costs milliseconds, so rules run only in small
    windows around their heads, and all heads are found by three shared scans (`HeadScanner`): lowercase
    words at a word start, capitalized words (months, weekdays, holidays), and digit runs that pass the
    head's `digits` test."""

    words: tuple[str, ...] = ()  # lowercase; a word of the text starting with one of these is a hit
    caps: tuple[str, ...] = ()  # case-sensitive, at a word start
    digits: DigitTest | None = None


class HeadScanner:
    """Finds the hits of all heads in three shared scans. Alternatives are tried longest first, so a hit is
    the longest head word at its position; every head with a word that the hit starts with gets it ("years"
    is a hit for "year" too)."""

    def __init__(self, heads: list[Head]) -> None:
        words = sorted({w for h in heads for w in h.words}, key=len, reverse=True)
        caps = sorted({w for h in heads for w in h.caps}, key=len, reverse=True)
        # A lookbehind first would stop `re` from skipping ahead by the first letters, which costs more than
        # it saves for the capitalized words; their word start is checked in Python instead.
        self.word_scan = re.compile(r"(?<![a-z])" + trie_regex(words))
        self.caps_scan = re.compile(trie_regex(caps))
        self.word_heads = {w: [h for h in heads if any(w.startswith(u) for u in h.words)] for w in words}
        self.cap_heads = {w: [h for h in heads if any(w.startswith(u) for u in h.caps)] for w in caps}
        self.digit_heads = [h for h in heads if h.digits is not None]

    def scan(self, text: str, low: str) -> dict[Head, list[tuple[int, int]]]:
        """All head hits of a text (and its same-length lowercase copy), by head, sorted by position."""
        hits: dict[Head, list[tuple[int, int]]] = {}
        for m in self.word_scan.finditer(low):
            for h in self.word_heads[m.group(0)]:
                hits.setdefault(h, []).append(m.span())
        for m in self.caps_scan.finditer(text):
            # capitalized heads are whole words: "Mar" in "Mar. 3" but not in "Marine", "May" not in "Mayor"
            s, e = m.span()
            if (s and text[s - 1].isalpha()) or (e < len(text) and text[e].isalpha()):
                continue
            for h in self.cap_heads[m.group(0)]:
                hits.setdefault(h, []).append(m.span())
        for m in _DIGIT_SCAN.finditer(text):
            s, e = m.span()
            for h in self.digit_heads:
                if h.digits(text, s, e):  # type: ignore[misc]
                    hits.setdefault(h, []).append((s, e))
        for lst in hits.values():
            lst.sort()
        return hits


_DIGIT_SCAN = re.compile(r"\d+")


def trie_regex(words: list[str]) -> str:
    """An alternation factored by common prefixes: `re` tries alternatives one by one, so sharing the first
    letters makes a scan over the whole text several times faster than a flat list of words."""
    tree: dict[str, Any] = {}  # nested: letter -> subtree; "" marks the end of a word
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)
