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
from typing import Any, NamedTuple

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
# Day and month in either order, then the year: four digits, or two ("12/16/08", read as Python's %y reads
# them: 69-99 are 19xx, 00-68 are 20xx).
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d])")
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_MDY = re.compile(rf"^{_WEEKDAY}(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I)
_DMY = re.compile(rf"^{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m>{MONTH_RE}),?\s+(?P<y>\d{{4}})\b", re.I)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_NUMERIC_INSIDE = re.compile(r"(?<![\d.:/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.:/-])")


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


def normalize_date(value: Any, *, day_first: bool | None = None, month_of: tuple[int, int] | None = None) -> str | None:
    """Normalize a publication date from any reader field to YYYY-MM-DD, or None when not a full date.

    A numeric date whose numbers cannot tell day from month ("03/04/2024") is None unless the caller knows
    the order: `day_first` (a convention the source itself shows, such as a time zone of its line), or
    `month_of`, the (year, month) another part of the same report gives (its URL's /2024/03/ path): the
    reading in that month is taken, and when both or neither fall in it, none is."""
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
        return _numeric_date(int(m[1]), int(m[2]), _full_year(m[3]), day_first, month_of)
    for rx in (_MDY, _DMY):
        m = rx.match(s)
        if m:
            month = month_number(m["m"])
            return make_date(int(m["y"]), month, int(m["d"])) if month else None
    parsed = parsedate_tz(s)  # RFC 2822, the RSS pubDate format
    if parsed is not None and parsed[0] and parsed[1] and parsed[2]:
        return make_date(parsed[0], parsed[1], parsed[2])
    m = _NUMERIC_INSIDE.search(s)
    if m:  # "10:31 04.03.2008": the numbers decide the order, or the hints do; dateparser would pick one
        return _numeric_date(int(m[1]), int(m[3]), _full_year(m[4]), day_first, month_of)
    return _dateparser_fallback(s)


def _full_year(digits: str) -> int:
    """A year as written: four digits as they are, two as Python's %y reads them (69-99: 19xx, 00-68: 20xx)."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def _numeric_date(a: int, b: int, year: int, day_first: bool | None, month_of: tuple[int, int] | None) -> str | None:
    """Day-first or month-first? Decided when the numbers themselves tell (a day over 12, or both the same),
    else by the source's convention (`day_first`), else by the month another part of the report gives."""
    if a > 12 >= b or a == b:
        return make_date(year, b, a)
    if b > 12 >= a:
        return make_date(year, a, b)
    if a > 12 or b > 12:
        return None
    if day_first is not None:
        return make_date(year, b, a) if day_first else make_date(year, a, b)
    if month_of is not None and month_of[0] == year and (a == month_of[1]) != (b == month_of[1]):
        return make_date(year, a, b) if a == month_of[1] else make_date(year, b, a)
    return None


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

# A label, maybe after a word that says which one ("First published", "Last updated", "Story created",
# "Article posted", "Originally published"), and maybe "on"/"at" and a colon or dash.
_LABEL_WORD = r"(?:published|posted|updated|modified|created|dated?)"
_LABEL = re.compile(
    rf"^(?:(?P<which>first|last|originally|story|article|page|post)\s+)?(?P<label>{_LABEL_WORD})"
    r"\b(?:\s+(?:on|at))?\s*[:\-–—]?\s*",
    re.I,
)
_LATER_LABEL = re.compile(rf"\s+(?:(?:first|last|originally)\s+)?{_LABEL_WORD}\b", re.I)
_UPDATE_LABELS = frozenset({"updated", "modified"})
_TIME = re.compile(
    # not the numbers of a numeric date ("2012.08.08", "4.3.2008")
    r"(?<!\d[./-])\b\d{1,2}\s*[:.h]\s*\d{2}(?![./-]\d)(?:\s*[:.]\s*\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?![\w])"
    r"|\b\d{1,2}\s*[ap]\.?m\.?(?![\w])",
    re.I,
)
_ZONE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|WAT|EAT|SAST|AK[SD]T|HST|[ECMP][SD]?T|Z)\b"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}\b",
)
# The time zone of a date line tells its writer's order of day and month, which its numbers may not:
# North American zones write the month first ("4/3/2012 8:00 AM PDT" is April 3), the zones of Europe, Africa,
# India and Australia the day first ("04/03/2012 10:31 BST" is 4 March). UTC, Z and the East Asian zones (whose
# writers put the year first) tell nothing.
_MONTH_FIRST_ZONES = frozenset({"EST", "EDT", "ET", "CST", "CDT", "CT", "MST", "MDT", "MT", "PST", "PDT", "PT",
                                "AKST", "AKDT", "HST"})
_DAY_FIRST_ZONES = frozenset({"GMT", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "AEST", "AEDT", "WAT",
                              "EAT", "SAST"})
_WEEKDAY_WORD = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?", re.I
)
_BY_TAIL = re.compile(r"\s+by\s+[\w.'’ -]{1,60}$", re.I)
_DATE_WORD = re.compile(
    rf"^(?:{MONTH_RE}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    r"|\d{4}[/.]\d{1,2}[/.]\d{1,2}|at|of|the|on|[,./|\-–—()@]+)$",
    re.I,
)
# A numeric date as a tokenizer left it, spaces around its separators ("12 / 16 / 08", "2012. 08. 08",
# "2012 - 04 - 04"): the same separator twice between three numbers.
_SPACED_NUMERIC = re.compile(r"(?<![\d:])(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2,4})(?![\d:])")


class DateLine(NamedTuple):
    """What a date line says: its date (None when it gives no full, unambiguous one), whether it is the
    publication or an update, and whether a label ("Published:", "Posted on") introduces it."""

    value: str | None
    kind: str  # "published" | "updated"
    labelled: bool


def date_line(line: str, *, month_of: tuple[int, int] | None = None) -> tuple[str | None, str] | None:
    """(ISO date or None, "published"|"updated") when `line` is a date line, else None (`read_date_line`
    without the label flag)."""
    got = read_date_line(line, month_of=month_of)
    return None if got is None else (got.value, got.kind)


def read_date_line(line: str, *, month_of: tuple[int, int] | None = None) -> DateLine | None:
    """The date line `line` is, or None.

    The date is None when the line is a date line without a full date ("Updated: 10:45 GMT",
    "Published: March 4", "Posted: 3/4/08" whose order nothing tells): the line is still boilerplate, but no
    date is invented from it. `month_of` is the (year, month) another part of the report gives (see
    `normalize_date`). Segments split by "|" ("PUBLISHED: 12:01 EST, 10 November 2011 | Updated: 08:42 EST,
    11 November 2011"), or at a second label ("21 July 2013 Last updated at 11:11 GMT"), must each be a
    date or a byline; the published date is preferred to the updated one."""
    s = line.strip().strip("|•·").strip()
    if not s or len(s) > 160:
        return None
    segments = [seg.strip() for seg in re.split(r"\s[|•·]\s", s)] if re.search(r"\s[|•·]\s", s) else [s]
    segments = [part for seg in segments for part in _split_at_labels(seg)]
    found: list[DateLine] = []
    for seg in segments:
        got = _date_segment(seg, month_of)
        if got is not None:
            found.append(got)
        elif not (_BYLINE.match(seg) or not _WEEKDAY_WORD.sub("", _ZONE.sub("", _TIME.sub("", seg))).strip(" ,")):
            return None  # neither a date, a byline nor a bare time
    if not found:
        return None
    found.sort(key=lambda f: (f.value is None, f.kind != "published"))
    return found[0]._replace(labelled=any(f.labelled for f in found))


def _split_at_labels(seg: str) -> list[str]:
    """`seg` cut before each later label that follows a date or a time ("21 July 2013 | Last updated at ..."
    without the bar); a label after words ("Story created", "Originally published") opens the segment."""
    parts: list[str] = []
    start = 0
    for m in _LATER_LABEL.finditer(seg):
        if re.search(r"\d", seg[start : m.start()]):
            parts.append(seg[start : m.start()].strip())
            start = m.start()
    parts.append(seg[start:].strip())
    return [p for p in parts if p]


_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}$")


def _date_segment(s: str, month_of: tuple[int, int] | None) -> DateLine | None:
    if len(s) > 120:
        return None
    kind = "published"
    m = _LABEL.match(s)
    if m:
        kind = "updated" if m["label"].lower() in _UPDATE_LABELS else "published"
        s = s[m.end() :]
    s = _BY_TAIL.sub("", s)
    s = _SPACED_NUMERIC.sub(r"\1\2\3\2\4", s)
    zones = {z.group(0).split()[0].upper() for z in _ZONE.finditer(s)}
    day_first = True if zones & _DAY_FIRST_ZONES else False if zones & _MONTH_FIRST_ZONES else None
    core = _ZONE.sub(" ", _TIME.sub(" ", s))
    core = _WEEKDAY_WORD.sub(" ", core)
    words = re.findall(r"[^\s,]+", core)
    if not words:
        # "Updated: 10:45 GMT": a labelled time without a date
        return DateLine(None, kind, True) if m and _TIME.search(s) else None
    if not all(_DATE_WORD.match(w) for w in words):
        return None
    if not any(re.fullmatch(rf"{MONTH_RE}", w, re.I) for w in words) and not re.search(
        r"\d{4}|\d[/.-]\d{1,2}[/.-]\d", core
    ):
        return None  # "at 10", "12": numbers alone are not a date line
    cleaned = re.sub(r"\s+", " ", re.sub(r"\b(?:at|on|the|of)\b|[|()@]", " ", core, flags=re.I)).strip(" ,.-–—")
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", cleaned, flags=re.I)
    return DateLine(normalize_date(cleaned, day_first=day_first, month_of=month_of), kind, bool(m))


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


_URL_YM = re.compile(rf"/((?:19|20)\d\d)[/-]([01]?\d|{MONTH_RE})(?=[/-])", re.I)


def month_from_url(url: str | None) -> tuple[int, int] | None:
    """The (year, month) a URL path spells out, day or no day (/2013/08/5-thoughts-on-x, /2013/aug/...): what
    tells an ambiguous numeric date line of the same report which of its numbers is the month."""
    path = re.sub(r"^[a-z]+://[^/]+", "", (url or "").strip(), flags=re.I)
    m = _URL_YM.search(path)
    if m is None:
        return None
    month = int(m[2]) if m[2].isdigit() else month_number(m[2])
    return (int(m[1]), month) if month and 1 <= month <= 12 else None


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
