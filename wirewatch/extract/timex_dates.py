"""Absolute dates: ISO and numeric dates, month and day, month and year, a month alone, years, spoken
years, decades and centuries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .timex_base import (
    Cand,
    Ctx,
    Resolver,
    const,
    fmt,
    ordinal_to_int,
    parse_value,
    spoken_year,
)
from .timex_lex import (
    H_CENTURY,
    H_DECADE,
    H_ISO,
    H_MONTH,
    H_SLASH,
    H_SPOKEN,
    H_YEAR,
    MONTH,
    MONTH_BEFORE_DAY,
    ORDW,
    SPOKEN_YEAR,
    WEEKDAY,
    YEAR,
    cand,
    mod_direction,
    month_num,
    pick_year,
    resolve_month_day,
    rule,
    safe_date,
    year_of,
)


# --- ISO and numeric dates: absolute, resolve without an anchor.
@rule(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?(?![\d-])", head=H_ISO, back=2, ahead=12)
def _iso(m: re.Match[str]) -> Iterator[Cand]:
    d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        return
    if m.group(4):
        yield cand(m, "TIME", const(f"{d.isoformat()}T{m.group(4)}:{m.group(5)}"))
    else:
        yield cand(m, "DATE", const(d.isoformat()))


@rule(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])", head=H_SLASH, back=6, ahead=8)
def _slash(m: re.Match[str]) -> Iterator[Cand]:
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if len(m.group(3)) == 2:
        y += 1900 if y > 30 else 2000
    # US order (month/day) unless the first number cannot be a month.
    mo, dd = (a, b) if a <= 12 else (b, a)
    d = safe_date(y, mo, dd)
    if d is not None:
        yield cand(m, "DATE", const(d.isoformat()))


# --- "Friday, Oct. 23, 1998", "Aug. 7", "March eighth", "Monday Oct. 26"
@rule(
    rf"(?P<weekof>\b(?i:the\s+)?week\s+of\s+)?(?:\b(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?(?P<pre>\b(?:early|late|mid|around|on)[\s-]+)?"
    rf"\b(?P<mon>{MONTH_BEFORE_DAY})\s+"
    rf"(?P<day>[0-3]?\d(?:st|nd|rd|th)?(?![\d,.]\d)|(?i:{ORDW}|twenty[\s-](?:first|second|third|fourth|fifth|sixth|"
    rf"seventh|eighth|ninth)|thirty[\s-]first))\b(?!\s*(?:%|percent|-year|-month|-day|(?!{YEAR}\b(?![,.]\d))\d))"
    rf"(?:,?\s+(?P<year>{YEAR})\b(?![,.]\d))?",
    head=H_MONTH,
    back=25,
    ahead=30,
)
def _month_day(m: re.Match[str]) -> Iterator[Cand]:
    mon = month_num(m.group("mon"))
    day = ordinal_to_int(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", m.group("day")))
    if day is None or not 1 <= day <= 31:
        return
    year = year_of(m.group("year"))
    wd = m.group("wd")
    start = m.start("pre") if m.group("pre") and m.group("pre").strip().lower() not in ("on",) else m.start("mon")
    if wd:
        start = m.start("wd")
    res = resolve_month_day(mon, day, year, wd, m.start(), m.end())
    if m.group("weekof"):
        yield cand(m, "DATE", _week_of(res), start=m.start("weekof"))  # "the week of March 6"
        return
    yield cand(m, "DATE", res, start=start)


def _week_of(day_res: Resolver) -> Resolver:
    """The ISO week containing the day `day_res` resolves to."""

    def res(ctx: Ctx) -> str | None:
        day = day_res(ctx)
        parsed = parse_value(day)
        return fmt(parsed[0], "week") if parsed and parsed[1] == "day" else day

    return res


# --- "15 May 2024", "the 15th of May"
@rule(
    rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?\b(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?",
    head=H_MONTH,
    back=25,
    ahead=12,
)
def _day_month(m: re.Match[str]) -> Iterator[Cand]:
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return
    mon = month_num(m.group("mon"))
    yield cand(m, "DATE", resolve_month_day(mon, day, year_of(m.group("year")), m.group("wd"), m.start(), m.end()))


# --- "August 1988", "January nineteen ninety-seven", "June last year", "early March 2024"
@rule(
    rf"\b(?P<pre>(?:early|late|mid|the\s+(?:middle|end|beginning|start)\s+of)[\s-]+)?(?P<mon>{MONTH})(?:\s+of)?,?\s+"
    rf"(?P<year>{YEAR}\b(?![,.]\d)|(?i:{SPOKEN_YEAR})|(?i:this|last|next)\s+year)",
    head=H_MONTH,
    back=30,
    ahead=40,
)
def _month_year_rule(m: re.Match[str]) -> Iterator[Cand]:
    mon = month_num(m.group("mon"))
    ytxt = m.group("year").lower()
    if "year" in ytxt:
        off = {"this": 0, "last": -1, "next": 1}[ytxt.split()[0]]

        def res(ctx: Ctx) -> str | None:
            return None if ctx.anchor is None else f"{ctx.anchor.year + off:04d}-{mon:02d}"

        yield cand(m, "DATE", res)
        return
    y = year_of(m.group("year"))
    if y is not None:
        yield cand(m, "DATE", const(f"{y:04d}-{mon:02d}"))


# --- a month alone: "in April", "last November", "mid-March", "early December"
_MONTH_MOD = (
    r"(?:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|last|next|this|"
    r"this\s+past|this\s+coming|the\s+coming|the\s+past|the\s+previous|the\s+following|(?:early|late)\s+last|"
    r"(?:early|late)\s+next|(?:early|late)\s+this)"
)
_MAY_OK_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|through|to|of|during|before|after|late|early|mid|last|next|this|that|"
    r"between|and|or|since\s+early|since\s+late)[\s-]*$",
    re.IGNORECASE,
)


@rule(rf"\b(?P<mod>(?i:{_MONTH_MOD})[\s-]+)?(?P<mon>{MONTH})(?!\s+\d)\b", head=H_MONTH, back=30, ahead=12)
def _month_alone(m: re.Match[str]) -> Iterator[Cand]:
    mon_txt = m.group("mon")
    mod = (m.group("mod") or "").lower()
    # "May" is mostly the modal verb: accept it only after a preposition that takes a date.
    if mon_txt in ("May", "MAY") and not mod and not _MAY_OK_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
        return
    if mon_txt == "March" and not mod:
        # "March" is also an event ("the March for Life") and, sentence-initially, a verb: after an article
        # or before "of"/"for"/"on" it is not a date, and at a sentence start it needs a date preposition.
        text = m.string
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"\b(?:the|a|an|annual|this)\s+$", before, re.IGNORECASE) or re.match(
            r"\s+(?:of|for|on|to|against|through|in)\s+(?:the\s+)?[A-Z]", text[m.end() : m.end() + 20]
        ):
            return
        if (m.start() == 0 or re.search(r"[.!?\n]\s*$", before[-3:])) and not _MAY_OK_BEFORE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            return
    mon = month_num(mon_txt)
    direction = mod_direction(mod)
    explicit = "this" in mod.split() and direction == 0
    s, e = m.start(), m.end()

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return f"XXXX-{mon:02d}"
        a = ctx.anchor
        if direction < 0:
            # "last April" in October is this year's; "last February" in March means a year ago, since
            # the month just past would be "last month".
            y = a.year if mon < a.month - 1 else a.year - 1
        elif direction > 0:
            y = a.year if mon > a.month + 1 else a.year + 1
        elif explicit or mon == a.month:
            y = a.year
        else:
            y = pick_year(a.year, a.month * 31, lambda yy: mon * 31, ctx.tense(s, e))
        return f"{y:04d}-{mon:02d}"

    yield cand(m, "DATE", res)


# --- years and modified years: "1998", "fiscal 1989", "mid-1996", "the end of 1990", "early 1991"
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$£€#]|\b(?:about|some|nearly|almost|more\s+than|over|under|approximately|roughly|up\s+to|at\s+least|"
    r"No\.|number|Nos?\.|flight|route|highway|room|page|pages|model|version)\s*)$",
    re.IGNORECASE,
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|(?:GMT|UTC|hours|hrs|local)\b|[a-z]*(?:people|troops|soldiers|members|workers|employees|"
    r"jobs|shares|tons|tonnes|meters|metres|feet|miles|kilometers|km|acres|barrels|points|votes|copies|homes|"
    r"houses|beds|students|pages|words|men|women|children|cars|vehicles|units|pounds|dollars|yen|marks|francs|"
    r"lire|rubles|yuan|cases|deaths|refugees)\b)",
)


@rule(
    rf"(?<![\d$.,#-])\b(?P<mod>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|(?:the\s+)?(?:year|end|beginning|start|"
    rf"middle|first\s+half|second\s+half|last\s+half|spring|summer|fall|autumn|winter)(?:\s+of)?|early|late|mid|"
    rf"post|pre|FY)[\s-]*)?(?P<year>{YEAR})(?!\d|,\d|\.\d|s\b|'s\b)",
    head=H_YEAR,
    back=24,
    ahead=12,
)
def _year(m: re.Match[str]) -> Iterator[Cand]:
    text = m.string
    if not m.group("mod"):
        if _NOT_YEAR_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            return
        if _NOT_YEAR_AFTER.match(text, m.end()):
            return
    y = int(m.group("year"))
    mod = (m.group("mod") or "").lower()
    value = f"{y:04d}"
    for key, code in (("spring", "SP"), ("summer", "SU"), ("fall", "FA"), ("autumn", "FA"), ("winter", "WI")):
        if key in mod:
            value = f"{y:04d}-{code}"
    if "first half" in mod:
        value = f"{y:04d}-H1"
    elif "second half" in mod or "last half" in mod:
        value = f"{y:04d}-H2"
    yield cand(m, "DATE", const(value))


@rule(rf"\b(?P<the>the\s+year\s+)?(?P<y>{SPOKEN_YEAR})\b", re.IGNORECASE, head=H_SPOKEN, back=12, ahead=40)
def _spoken(m: re.Match[str]) -> Iterator[Cand]:
    y = spoken_year(m.group("y"))
    if y is None:
        return
    # "two thousand" alone is usually a count; only "the year two thousand" or "in two thousand" is a year.
    if (
        m.group("y").lower().startswith("two thousand")
        and not m.group("the")
        and not re.search(r"\b(?:in|since|until|by|of)\s+$", m.string[max(0, m.start() - 8) : m.start()])
    ):
        return
    yield cand(m, "DATE", const(f"{y:04d}"))


# --- decades and centuries
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


@rule(
    r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<full>1[0-9]|20)(?P<dec>\d)0'?s\b|'(?P<dec2>\d)0s\b|"
    r"(?P<word>(?<=the\s)(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b))",
    re.IGNORECASE,
    head=H_DECADE,
    back=16,
    ahead=6,
)
def _decade(m: re.Match[str]) -> Iterator[Cand]:
    if m.group("full"):
        value = f"{m.group('full')}{m.group('dec')}"
        yield cand(m, "DATE", const(value))
        return
    dec = int(m.group("dec2")) if m.group("dec2") else _DECADE_WORDS[m.group("word").lower()]

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        # Century of the most recent such decade that has begun by the anchor.
        cent = ctx.anchor.year // 100
        if dec * 10 > ctx.anchor.year % 100:
            cent -= 1
        return f"{cent:02d}{dec}"

    yield cand(m, "DATE", res)


@rule(
    rf"\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDW}|twenty[\s-]first)[\s-]+century\b(?!-old)",
    re.IGNORECASE,
    head=H_CENTURY,
    back=30,
    ahead=8,
)
def _century(m: re.Match[str]) -> Iterator[Cand]:
    n = ordinal_to_int(m.group("ord"))
    if n:
        yield cand(m, "DATE", const(f"{n - 1:02d}"))
