"""Publication-date normalization for ingest: anything a reader finds -> "YYYY-MM-DD" or None.

The rule everywhere is *never invent*: a value that lacks a day, a month or a year, a relative phrase
("yesterday"), or a numeric date whose day/month order cannot be told apart ("03/04/2024") gives None.
Timestamps keep the calendar date as written (no time-zone conversion), because the local date is the
one the report itself uses ("on Tuesday" in a Seoul report means Seoul's Tuesday).
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_tz
from typing import Any

MIN_YEAR = 1900
MAX_YEAR = 2100

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# "March", "Mar.", "Sept." ...: shared with the date-line patterns of metadata.py.
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:$|T)")
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_MDY = re.compile(rf"^{_WEEKDAY}(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I)
_DMY = re.compile(rf"^{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m>{MONTH_RE}),?\s+(?P<y>\d{{4}})\b", re.I)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def month_number(name: str) -> int | None:
    """'March' / 'Mar.' / 'sept' -> 3 / 3 / 9; None for anything else."""
    key = name.strip().rstrip(".").lower()
    return MONTHS.get(key[:4] if key.startswith("sept") else key[:3])


def make_date(year: int, month: int, day: int) -> str | None:
    """ISO string for a real calendar day in the plausible range, else None (Feb 30 is not a date)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_date(value: Any) -> str | None:
    """Normalize a publication date from any reader field to YYYY-MM-DD, or None when not a full date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 100:
        return None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", s):
        return _from_epoch(float(s))
    for rx in (_ISO, _COMPACT, _YMD_SLASH):
        m = rx.match(s)
        if m:
            return make_date(int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC_DMY.match(s)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        # Day-first or month-first? Only decide when the numbers themselves tell.
        if a > 12 >= b or a == b:
            return make_date(year, b, a)
        if b > 12 >= a:
            return make_date(year, a, b)
        return None
    for rx in (_MDY, _DMY):
        m = rx.match(s)
        if m:
            month = month_number(m["m"])
            return make_date(int(m["y"]), month, int(m["d"])) if month else None
    parsed = parsedate_tz(s)  # RFC 2822, the RSS pubDate format
    if parsed is not None and parsed[0] and parsed[1] and parsed[2]:
        return make_date(parsed[0], parsed[1], parsed[2])
    return _dateparser_fallback(s)


def _from_epoch(x: float) -> str | None:
    if x > 1e11:  # milliseconds, as JavaScript writes them
        x /= 1000.0
    try:
        d = dt.datetime.fromtimestamp(x, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    # Small numbers are far more likely counts or ids than 1970s timestamps.
    return d.date().isoformat() if 1990 <= d.year <= MAX_YEAR else None


def _dateparser_fallback(s: str) -> str | None:
    """Other languages and layouts ("15. Mai 2024"). dateparser resolves relative phrases against today,
    which would invent a date, so it is only asked when the string itself holds a year, and its answer
    is kept only when it has that year."""
    years = {int(y) for y in _YEAR.findall(s)}
    if len(years) != 1:
        return None
    try:
        import dateparser  # imported lazily: it is slow to load and rarely needed
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        got = dateparser.parse(s, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    if got is None or got.year not in years:
        return None
    return make_date(got.year, got.month, got.day)
