"""Dates, in one place: the month table, publication-date normalization for ingest (anything a reader finds
-> "YYYY-MM-DD" or None) and the readers of the ISO values wirewatch stores ("2024-05-14", "2024-05",
"2024-W20", "2024") that fusion, conflicts, stories and the timelines compare.

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
    import dateparser  # imported lazily: it is slow to load and rarely needed
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


# --- date lines and URLs ---------------------------------------------------------------------------
# A report's first lines often carry its date on a line of its own: "Published: November 10, 2011",
# "WEDNESDAY 03 JULY 2013", "8: 56am Monday 10th June 2013", "Posted on March 3, 2012 by admin",
# "Updated: 10:45 GMT, Wed 4 March 2009". A line is a date line only when *every* word of it is a
# label, a weekday, a month, a number, a time, a time zone or a "by Author" tail, so a sentence that
# merely starts with "Published" or holds a date is never taken.

DATE_LABELS = {"published": "published", "posted": "published", "first published": "published",
               "date": "published", "dated": "published", "created": "published",
               "updated": "updated", "last updated": "updated", "modified": "updated",
               "last modified": "updated"}  # fmt: skip
_LABEL = re.compile(
    r"^(?P<label>first published|last updated|last modified|published|posted|updated|modified|created|dated?)"
    r"\b(?:\s+(?:on|at))?\s*[:\-–—]?\s*",
    re.I,
)
_TIME = re.compile(
    r"\b\d{1,2}\s*[:.h]\s*\d{2}(?:\s*[:.]\s*\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?![\w])|\b\d{1,2}\s*[ap]\.?m\.?(?![\w])",
    re.I,
)
_ZONE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|[ECMP][SD]?T|Z)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|[+-]\d{2}:?\d{2}\b",
)
_WEEKDAY_WORD = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?", re.I
)
_BY_TAIL = re.compile(r"\s+by\s+[\w.'’ -]{1,60}$", re.I)
_DATE_WORD = re.compile(
    rf"^(?:{MONTH_RE}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}"
    r"|at|of|the|on|[,./|\-–—()]+)$",
    re.I,
)


def date_line(line: str) -> tuple[str | None, str] | None:
    """(ISO date or None, "published"|"updated") when `line` is a date line, else None.

    The date is None when the line is a date line without a full date ("Updated: 10:45 GMT",
    "Published: March 4"): the line is still boilerplate, but no date is invented from it. Segments
    split by "|" ("PUBLISHED: 12:01 EST, 10 November 2011 | Updated: 08:42 EST, 11 November 2011") must
    each be a date or a byline; the published date is preferred to the updated one."""
    s = line.strip().strip("|•·").strip()
    if not s or len(s) > 160:
        return None
    segments = [seg.strip() for seg in re.split(r"\s[|•·]\s", s)] if re.search(r"\s[|•·]\s", s) else [s]
    found: list[tuple[str | None, str]] = []
    for seg in segments:
        got = _date_segment(seg)
        if got is not None:
            found.append(got)
        elif not (_BYLINE.match(seg) or not _WEEKDAY_WORD.sub("", _ZONE.sub("", _TIME.sub("", seg))).strip(" ,")):
            return None  # neither a date, a byline nor a bare time
    if not found:
        return None
    found.sort(key=lambda f: (f[0] is None, f[1] != "published"))
    return found[0]


_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}$")


def _date_segment(s: str) -> tuple[str | None, str] | None:
    if len(s) > 120:
        return None
    kind = "published"
    m = _LABEL.match(s)
    if m:
        kind = DATE_LABELS[re.sub(r"\s+", " ", m["label"].lower())]
        s = s[m.end() :]
    s = _BY_TAIL.sub("", s)
    core = _ZONE.sub(" ", _TIME.sub(" ", s))
    core = _WEEKDAY_WORD.sub(" ", core)
    words = re.findall(r"[^\s,]+", core)
    if not words:
        # "Updated: 10:45 GMT": a labelled time without a date
        return (None, kind) if m and _TIME.search(s) else None
    if not all(_DATE_WORD.match(w) for w in words):
        return None
    if not any(re.fullmatch(rf"{MONTH_RE}", w, re.I) for w in words) and not re.search(r"\d{4}", core):
        return None  # "at 10", "12": numbers alone are not a date line
    cleaned = re.sub(r"\s+", " ", re.sub(r"\b(?:at|on|the|of)\b|[|()]", " ", core, flags=re.I)).strip(" ,.-–—")
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", cleaned, flags=re.I)
    return normalize_date(cleaned), kind


# "/2013/06/10/" (the day must end the path segment: in "/2013/08/5-thoughts-on-x" the 5 is a slug's)
# and "/2013-06-10-" or "_2013-06-10/" (the dashed form is a date wherever it stands).
_URL_YMD = re.compile(
    r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$|\.[a-z]{2,5}$)|[/_-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/_.-]|$)"
)
_URL_YMONTHD = re.compile(rf"/((?:19|20)\d\d)/({MONTH_RE})/([0-3]?\d)(?:/|$)", re.I)
_URL_COMPACT = re.compile(r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/_.-]|$)")


def date_from_url(url: str | None) -> str | None:
    """The date a URL path spells out: /2013/06/10/, /2013-06-10-, /2013/jun/10/, /20130610/ (the compact
    form only between separators, so a long numeric id is not read as a date)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    m = _URL_YMD.search(path)
    if m:
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        return make_date(int(y), int(mo), int(d))
    m = _URL_YMONTHD.search(path)
    if m:
        month = month_number(m[2])
        return make_date(int(m[1]), month, int(m[3])) if month else None
    m = _URL_COMPACT.search(path)
    if m:
        return make_date(int(m[1]), int(m[2]), int(m[3]))
    return None


# ----------------------------------------------------------------------------- stored ISO values

_STORED_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_STORED_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def parse_day(value: str | None) -> dt.date | None:
    """The day of a day-precise stored value ("2024-05-14", "2024-05-14T09:00"); None for anything coarser."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def first_day(value: str | None, *, precise: bool = False) -> dt.date | None:
    """The first day a stored date can mean: 2024-05-14, 2024-05 (month), 2024-W20 (week), 2024 (year).

    `precise=True` accepts only days and weeks: charts skip coarser dates, which would pile up on the 1st."""
    if not value:
        return None
    try:
        if m := _STORED_WEEK.match(value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if (m := _STORED_DAY.match(value)) and (m[3] or not precise):
            return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None
    return None


def last_day(value: str | None) -> dt.date | None:
    """The last day a stored date can mean, `first_day`'s partner: the day itself, a week's Sunday, a month's
    last day, a year's December 31."""
    first = first_day(value)
    if first is None or not value:
        return None
    if _STORED_WEEK.match(value):
        return first + dt.timedelta(days=6)
    m = _STORED_DAY.match(value)
    if m is None or m[3]:
        return first
    if m[2]:
        return dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(first.year, 12, 31)
