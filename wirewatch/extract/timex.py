"""TIMEX3-style time expressions: find them in an article and normalize them against its publication date.

    find_timexes("Rebels attacked the town on Friday.", "2024-05-15")
    -> [Timex(start=28, end=34, text="Friday", type="DATE", value="2024-05-10", precision="day")]

Pure regex and calendar rules (no model), so it is cheap enough to run on every article (about 1 ms for
5 KB). The rules follow the conventions of the TimeBank annotations (what is tagged, what the value looks
like). `timex_rules.py` gathers the patterns, written in `timex_dates.py`, `timex_periods.py`, `timex_days.py`,
`timex_relative.py` and `timex_spans.py` on the vocabulary of `timex_lex.py`; `timex_base.py` holds the
calendar arithmetic, the tense cues and the rule machinery. Relative expressions ("last month", "Friday") need
the anchor: without one their value stays None rather than being guessed. Absolute dates ("March 12, 2024")
resolve either way.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Article, Timex
from .timex_base import Cand, Ctx, parse_value
from .timex_rules import RULES, SCANNER

__all__ = ["TimexComponent", "find_timexes", "parse_anchor", "precision_of", "report_date", "timex_date_and_precision"]


def parse_anchor(anchor: str | None) -> date | None:
    """'2024-05-15' (or an ISO timestamp starting with it) -> date; anything else -> None."""
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor.strip()[:10])
    except ValueError:
        return None


def _lowercase(text: str) -> str:
    """Lowercased text with the same length, so that offsets found in it index the original."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters ("İ") lowercase to two; leave those as they are.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# Where a match may begin: the start of a word or number ("'80s" starts at the apostrophe).
_TOKEN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]|'(?=\d)")


def _candidates(text: str, low: str) -> list[Cand]:
    """Run every rule around its head words: a candidate must contain a head word and start at most
    `rule.back` characters before it. Trying the pattern only at the few word starts in that stretch
    (`re.match`) is much cheaper than letting `re` scan every position of a window."""
    n = len(text)
    head_hits = SCANNER.scan(text, low)
    cands: list[Cand] = []
    for r in RULES:
        hits = head_hits.get(r.head)
        if not hits:
            continue
        hay = low if r.on_lower else text
        seen: set[tuple[int, int]] = set()
        for hs, he in hits:
            hi = min(n, he + r.ahead)
            for w in _TOKEN_START.finditer(hay, max(0, hs - r.back), hs + 1):
                m = r.pattern.match(hay, w.start(), hi)
                if m is None or m.end() <= hs:
                    continue
                span = m.span()
                if span in seen:
                    break
                seen.add(span)
                found = False
                for c in r.handler(m):
                    if r.on_lower and (_title_case_name(text, c.start, c.end) or _after_a_name(text, c.start)):
                        continue
                    if _number_not_a_time(text, c.start, c.end):
                        continue
                    cands.append(c)
                    found = True
                if found:
                    break  # the leftmost reading that the rule accepts; later starts would be shorter
    return cands


_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z&'-]*) $")  # a capitalized word, then one space
_NOT_NAMES = frozenset("And But Or So Yet Until Since Even Only Just Right".split())


def _after_a_name(text: str, start: int) -> bool:
    """A capitalized word right after another one, mid-sentence, is part of a name: "USA Today", "VOA Today"."""
    if not text[start : start + 1].isupper():
        return False
    m = _NAME_BEFORE.search(text, max(0, start - 25), start)
    return m is not None and m.group(1) not in _NOT_NAMES


# A bare number is a year only where nothing says it is something else: a house number ("2088 Philip
# Street"), a dimension or a model ("1920x1200", "KX-4000"), a designation ("Model 3200", "Resolution 1973").
_BARE_NUMBER = re.compile(r"\d{1,4}")
_STREET_AFTER = re.compile(
    r" (?:[A-Z][A-Za-z.'-]* ){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|"
    r"Drive|Dr\.?|Way|Place|Pl\.?|Court|Ct\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Terrace|Circle|Square)\b")
_DESIGNATIONS = frozenset(
    "model flight room suite route highway interstate no no. nos. apt apt. unit gate bus platform channel track "
    "pier lot box exit mile building block sector level floor series version type class form article section "
    "chapter resolution paragraph rule code serial part item case docket".split()
)


_TIME_PREPS = frozenset("in since by until till from before after during early late mid".split())


def _number_not_a_time(text: str, start: int, end: int) -> bool:
    """Is a candidate that is only a number (a "year") really a dimension, an address or a designation?"""
    if not _BARE_NUMBER.fullmatch(text[start:end]):
        return False
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    if re.search(r"[xX\u00d7]\d", after) or re.search(r"\d[xX\u00d7]$", before) or \
            re.search(r"[A-Za-z0-9]-$", before) or re.match(r"-[A-Za-z]", after) or re.match(r"[A-Za-z]", after):
        return True  # "1920x1200", "KX-4000", "4000-series" is left to the rules that read "-"
    prev = re.search(r"([A-Za-z]+\.?)\s+$", text[max(0, start - 20):start])
    if _STREET_AFTER.match(text, end):
        # "In 1990 Main Street was paved": a preposition of time before it keeps it a year
        return prev is None or prev.group(1).lower() not in _TIME_PREPS
    return prev is not None and prev.group(1)[:1].isupper() and prev.group(1).lower() in _DESIGNATIONS


_CALENDAR_NAMES = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def _title_case_name(text: str, start: int, end: int) -> bool:
    """A span whose every word after the first is capitalized is a title, not a time: ABC's "This Week",
    CBS's "60 Minutes". (Month and weekday names come from case-sensitive rules and are not checked.)"""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[0].isupper() for w in words[1:]):
        return False
    return words[-1].lower().rstrip(".,") not in _CALENDAR_NAMES  # "every July", "each Monday" are times


def _select(cands: list[Cand]) -> list[Cand]:
    """Keep the longest candidates that do not overlap (a longer match is the more specific reading:
    "Friday morning" over "Friday", "the past two months" over "two months")."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Cand] = []
    for c in cands:
        if c.end <= c.start:
            continue
        if any(c.start < t.end and t.start < c.end for t in taken):
            continue
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


_PRECISION_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T"), "time"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{2}"), "week"),
    (re.compile(r"^[\dX]{4}-Q[\dX]$"), "quarter"),
    (re.compile(r"^[\dX]{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}$"), "month"),
    (re.compile(r"^[\dX]{4}(?:-H[12])?$"), "year"),
    (re.compile(r"^\d{3}X?$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def precision_of(value: str | None, typ: str) -> str | None:
    """Granularity of a DATE/TIME value (day, month, year, week, quarter, season, decade, century, time);
    None for durations, sets, the PRESENT/PAST/FUTURE refs and unresolved values. Half years count as year."""
    if value is None or typ in ("DURATION", "SET") or value.endswith("_REF"):
        return None
    for pat, name in _PRECISION_PATTERNS:
        if pat.match(value):
            return name
    return None


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def find_timexes(text: str, anchor: str | None) -> list[Timex]:
    """All time expressions of `text`, sorted by start and non-overlapping, with TIMEX3 values resolved
    against `anchor` (publication date, 'YYYY-MM-DD', or None)."""
    if not text:
        return []
    low = _lowercase(text)
    cands = _candidates(text, low)
    ctx = Ctx(text=text, anchor=parse_anchor(anchor), low=low)
    out: list[Timex] = []
    for c in _select(cands):
        value = c.resolve(ctx)
        if value is not None and value == ctx.ref_quarter:
            ctx.ref_quarter_end = c.end  # "the latest quarter" keeps the report's quarter in view
        if value is not None and not c.derived and c.type in ("DATE", "TIME") and not value.endswith("_REF"):
            # Remember what the article is talking about, for "a year earlier", "the next day", "the quarter".
            parsed = parse_value(value)
            if parsed is not None:
                ctx.ref_value = value
                if parsed[1] == "day":
                    ctx.ref_day = parsed[0]
                if parsed[1] == "quarter" and (ctx.anchor is None or parsed[0] < _quarter_start(ctx.anchor)):
                    # Only a completed quarter can be the one an earnings report is about; "the fourth
                    # quarter" in October is a forecast.
                    ctx.ref_quarter = value
                    ctx.ref_quarter_end = c.end
        out.append(Timex(c.start, c.end, text[c.start : c.end], c.type, value, precision_of(value, c.type)))
    return out


_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def timex_date_and_precision(t: Timex) -> tuple[str | None, str | None]:
    """The calendar date usable as an event date, and its precision: ("2024-04", "month").

    The date is always a true calendar prefix (YYYY, YYYY-MM or YYYY-MM-DD) of every day the expression
    covers, so it can be compared with `str.startswith`; the precision names the expression's own
    granularity. A week inside one month gives that month, else its year; a quarter or season gives its
    year; a decade ("199") and a century ("19") are prefixes as they stand. Times give their day. Durations,
    sets, refs, unresolved values, dates with an unknown year (XXXX-08-07) and the week spanning New Year
    give (None, None)."""
    v = t.value
    prec = precision_of(v, t.type)
    if v is None or prec is None:
        return None, None
    if prec in ("decade", "century"):
        return v.rstrip("X"), prec
    if prec == "week":
        parsed = parse_value(v)
        if parsed is None:
            return None, None
        monday = parsed[0]
        sunday = date.fromordinal(monday.toordinal() + 6)
        if monday.year != sunday.year:
            return None, None  # the week of New Year has no common calendar prefix
        same_month = monday.month == sunday.month
        return (f"{monday.year:04d}-{monday.month:02d}" if same_month else f"{monday.year:04d}"), "week"
    m = _DATE_PREFIX.match(v)
    if not m:
        return None, None
    if prec == "time":
        return (f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m.group(3) else None), "day" if m.group(3) else None
    if prec in ("quarter", "season"):
        return m.group(1), prec
    return m.group(0), prec


# A report's own date line sits in its first lines (URL, headline, deck, byline, then "April 04, 2007" or
# "Posted: Nov 27, 2005 8: 20 AM ET"); a dateline opens the body ("March 20, 2007 - A jury ...").
_OPENING_LINES = 6
_DATE_LINE_CHARS = 100
_DATE_LINE_WORDS = 6  # words besides the date on a date line: "Story Created:", "updated", a time zone
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"https?:|www\.|\.(?:com|org|net|html?)\b", re.I)
_DATELINE_DASH = re.compile(r"\s*\)?\s*(?:-|\u2013|\u2014)")
# A stamp of when a copy of the page was taken ("[ downloaded on 2 October 2013 ]", "Retrieved 4 May 2012") or an
# age relative to an unknown now ("Posted 1 year, 160 days ago") is no day the report came out on.
_CAPTURE_STAMP = re.compile(r"\b(?:down\s*loaded|retrieved|accessed|crawled|archived)\b|\bago\b", re.I)


def report_date(text: str) -> str | None:
    """The day a report carries in its own opening when it has no publication date: a date line of its
    own, or a dateline ahead of the first sentence ("LAGOS, Oct. 4, 2012 - Gunmen ..."), 'YYYY-MM-DD'.
    A date inside a sentence of the body ("The gang member shot Ortiz in 2005.") is the news, not the
    report's day, so only a full calendar day that fills its line, or one a dash closes, counts."""
    for line in text.split("\n")[:_OPENING_LINES]:
        if not line.strip() or _URL.search(line):
            continue  # a URL's digits are an archive path or a story id, not a date line
        if _CAPTURE_STAMP.search(line):
            continue
        for t in find_timexes(line[:_DATE_LINE_CHARS], None):
            if t.value is None or not _DAY_VALUE.match(t.value):
                continue
            rest = (line[:t.start] + " " + line[t.end:]).strip() if len(line) <= _DATE_LINE_CHARS else None
            if rest is not None and len(re.findall(r"[A-Za-z]{2,}", rest)) <= _DATE_LINE_WORDS and \
                    not rest.endswith((".", "?", "!")):
                return t.value
            if t.start <= 30 and _DATELINE_DASH.match(line, t.end):
                return t.value
    return None


class TimexComponent:
    """Pipeline component: fills `article.timexes` from the text and the publication date (for a report
    without one, the date its own opening gives: `report_date`)."""

    name = "timex"
    reads: tuple[str, ...] = ("text", "published")
    writes: tuple[str, ...] = ("timexes",)

    def __call__(self, article: Article) -> Article:
        article.timexes = find_timexes(article.text, article.published or report_date(article.text))
        return article
