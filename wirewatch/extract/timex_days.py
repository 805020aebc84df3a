"""Days and times of day: today, yesterday, tomorrow, tonight, parts of the day, weekdays, clock times and
holidays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from .timex_base import (
    DAY_PARTS,
    Cand,
    Ctx,
    const,
    holiday,
    weekday_near,
    words_to_number,
)
from .timex_lex import (
    CLOCK,
    H_CLOCK,
    H_HOLIDAY,
    H_OVERNIGHT,
    H_PART,
    H_RELDAY,
    H_WEEKDAY,
    MONTH_BEFORE_DAY,
    PART,
    TZ,
    WEEKDAY,
    YEAR,
    cand,
    mod_direction,
    month_num,
    resolve_month_day,
    rule,
    weekday_num,
)

# --- today, yesterday, tomorrow, tonight, this morning, last night
_GENERIC_AFTER_TODAY = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|young|children|kids|teenagers|families|parents|"
    r"students|consumers|workers|voters|economy|technology|standards|culture|computers|market|age|era)s?\b"
)


@rule(
    rf"\b(?P<mod>(?:early|late|earlier|later|(?:the\s+)?day\s+before|(?:the\s+)?day\s+after)\s+)?"
    rf"(?P<w>today|tonight|tomorrow|yesterday)(?P<poss>'s)?(?:\s+(?P<part>{PART}))?\b",
    re.IGNORECASE,
    head=H_RELDAY,
    back=25,
    ahead=15,
)
def _rel_day(m: re.Match[str]) -> Iterator[Cand]:
    w = m.group("w").lower()
    mod = (m.group("mod") or "").lower()
    text = m.string
    if w in ("today", "tomorrow") and not mod and not m.group("part"):
        if m.group("poss") and _GENERIC_AFTER_TODAY.match(text, m.end()):
            return  # "today's youth", "in today's world": the present age, not the day
        if w == "tomorrow" and text.endswith("of ", 0, m.start()):
            return  # "the people of tomorrow"
    off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[w]
    if "day before" in mod:
        off -= 1
    elif "day after" in mod:
        off += 1
    part = m.group("part")
    code = DAY_PARTS[part.lower()] if part else ("NI" if w == "tonight" else None)
    typ = "TIME" if code else "DATE"

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        d = (ctx.anchor + timedelta(days=off)).isoformat()
        return f"{d}T{code}" if code else d

    yield cand(m, typ, res)


@rule(
    r"\b(?P<pm>(?:early|late|mid)[\s-]?(?P<part2>morning|afternoon|evening)(?:\s+(?P<day2>today|yesterday|tomorrow))?)\b",
    re.IGNORECASE,
    head=H_PART,
    back=6,
    ahead=14,
)
def _part_of_day(m: re.Match[str]) -> Iterator[Cand]:
    """ "mid-afternoon", "late morning yesterday": a part of the anchor's day (or of the day named)."""
    code = DAY_PARTS[m.group("part2").lower()]
    off = {"today": 0, "yesterday": -1, "tomorrow": 1}.get((m.group("day2") or "today").lower(), 0)
    yield cand(m, "TIME", lambda ctx: None if ctx.anchor is None else f"{ctx.anchor + timedelta(days=off)}T{code}")


@rule(
    rf"\b(?P<mod>this|last|tomorrow|yesterday|later\s+this|earlier\s+this|early\s+this)\s+(?P<part>{PART})\b",
    re.IGNORECASE,
    head=H_PART,
    back=15,
    ahead=3,
)
def _this_morning(m: re.Match[str]) -> Iterator[Cand]:
    mod = m.group("mod").lower()
    part = m.group("part").lower()
    off = -1 if mod == "last" or mod == "yesterday" else 1 if mod == "tomorrow" else 0
    if mod == "last" and part != "night":
        off = -1
    code = DAY_PARTS[part]

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        return f"{(ctx.anchor + timedelta(days=off)).isoformat()}T{code}"

    yield cand(m, "TIME", res)


# --- "overnight": the night before the report, or before the day named ("overnight Tuesday", "Monday
# overnight"). Not the adjective of a kind ("an overnight flight", "an overnight success") nor the figure of a
# sudden change ("it will not happen overnight").
_OVERNIGHT_NOUN = re.compile(r"\s+(?:success|sensation|star|stay|stays|bag|flight|train|bus|shift|ferry|trip|"
                             r"guest|camp|delivery|rate|rates|market|markets|lending|repo)\b")
_NOT_BEFORE = re.compile(r"(?:n't|\bnot|\bnever|\bcannot)\b[^.;,]{0,40}$")


@rule(
    rf"\b(?:(?P<wd1>(?i:{WEEKDAY}))\s+)?overnight(?:\s+(?:on\s+)?(?P<wd2>(?i:{WEEKDAY})))?\b",
    re.IGNORECASE,
    head=H_OVERNIGHT,
    back=12,
    ahead=16,
)
def _overnight(m: re.Match[str]) -> Iterator[Cand]:
    text = m.string
    wd = m.group("wd1") or m.group("wd2")
    if not wd and (re.search(r"\b(?:an?|the)\s+$", text[max(0, m.start() - 5) : m.start()])
                   or _OVERNIGHT_NOUN.match(text, m.end()) or _NOT_BEFORE.search(text, max(0, m.start() - 60),
                                                                                 m.start())):
        return
    s, e = m.start(), m.end()

    def res(ctx: Ctx) -> str | None:
        a = ctx.anchor
        if a is None:
            return None
        if wd:
            n = weekday_num(wd)
            d = a if n == a.weekday() else weekday_near(a, n, 1 if ctx.tense(s, e) > 0 else -1)
        else:
            d = a - timedelta(days=1)
        return f"{d.isoformat()}TNI"

    # A bare "overnight" is the night before the day in view, which is not always the report's: it does not
    # become the narrative's day for the expressions after it ("the previous Friday").
    yield cand(m, "TIME", res, derived=not wd)


# --- weekdays: "Friday", "last Friday", "Friday morning", "Friday's", "Tuesdays" (a SET), "every Monday"
@rule(
    rf"\b(?P<mod>(?i:last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|the\s+next|early|late|"
    rf"earlier|later|coming|past|every|each|on)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?(?P<poss>'s)?"
    rf"(?:(?:\s+|-)(?P<part>(?i:{PART})s?))?\b",  # "Monday night", "the Tuesday-morning blast"
    head=H_WEEKDAY,
    back=25,
    ahead=20,
)
def _weekday(m: re.Match[str]) -> Iterator[Cand]:
    wd = weekday_num(m.group("wd"))
    mod = (m.group("mod") or "").lower().strip()
    part = (m.group("part") or "").lower().rstrip("s")
    code = DAY_PARTS.get(part)
    start = m.start("wd") if mod == "on" else m.start()
    if m.group("pl") or mod in ("every", "each") or (m.group("part") or "").endswith("s"):
        yield cand(m, "SET", const(f"XXXX-WXX-{wd + 1}" + (f"T{code}" if code else "")), start=start)
        return
    s, e = m.start(), m.end()
    # TimeBank mostly gives "Friday night" and "Tuesday morning" the day alone, but keeps the part of the day
    # of an evening or an afternoon ("Thursday evening" -> 1998-02-12TEV).
    day_code = code if part in ("evening", "afternoon") else None
    poss = m.group("poss") is not None

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        if mod in ("last", "the previous", "this past", "past"):
            d = weekday_near(a - timedelta(days=1), wd, -1)
            if mod == "the previous" and ctx.ref_day and ctx.ref_day != a:
                d = weekday_near(ctx.ref_day - timedelta(days=1), wd, -1)
        elif mod in ("next", "this coming", "coming", "the following", "the next"):
            d = weekday_near(a + timedelta(days=1), wd, 1)
        elif wd == a.weekday():
            d = a
        else:
            # "Wednesday's ruling": a possessive weekday names something that has happened
            t = -1 if poss else ctx.tense(s, e)
            d = weekday_near(a, wd, 1 if t > 0 else -1)
        v = d.isoformat()
        return f"{v}T{day_code}" if day_code else v

    yield cand(m, "TIME" if day_code else "DATE", res, start=start)


# --- clock times: "10:35 a.m.", "noon", "4 in the morning", optionally with the day: "10 p.m. Wednesday",
# "5 p.m. EST Nov. 9", "midnight Friday"
@rule(
    rf"\b(?P<approx>(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    rf"(?P<clock>{CLOCK}){TZ}(?P<day>,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<rel>(?i:today|yesterday|tomorrow))|"
    rf"(?P<mon>{MONTH_BEFORE_DAY})\s+(?P<md>[0-3]?\d)\b))?",
    head=H_CLOCK,
    back=40,
    ahead=40,
)
def _clock(m: re.Match[str]) -> Iterator[Cand]:
    clock = m.group("clock").lower()
    hm = _clock_value(clock)
    if hm is None:
        return
    wd = m.group("wd")
    rel = (m.group("rel") or "").lower()
    mon = m.group("mon")
    md = int(m.group("md")) if m.group("md") else None
    s, e = m.start(), m.end()
    md_res = resolve_month_day(month_num(mon), md, None, None, s, e) if mon and md else None

    def res(ctx: Ctx) -> str | None:
        day: str | None = None
        a = ctx.anchor
        if md_res is not None:
            day = md_res(ctx)
        elif a is None:
            return None
        elif wd:
            n = weekday_num(wd)
            day = (a if n == a.weekday() else weekday_near(a, n, 1 if ctx.tense(s, e) > 0 else -1)).isoformat()
        elif rel:
            day = (a + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[rel])).isoformat()
        else:
            # A bare clock time belongs to the day the sentence is about: the nearest day mentioned nearby.
            near = _nearby_day(ctx, s, e)
            day = (near or a).isoformat()
        if day is None or day.startswith("XXXX"):
            return None
        return f"{day}T{hm}"

    yield cand(m, "TIME", res)


def _clock_value(clock: str) -> str | None:
    if clock == "noon" or clock == "midday":
        return "12:00"
    if clock == "midnight":
        return "24"  # TIMEX3 writes midnight as the end of the day
    m = re.match(r"(\d{1,2}|[a-z]+)(?::(\d\d))?\s*(.*)$", clock)
    if not m:
        return None
    h_txt = m.group(1)
    h = int(h_txt) if h_txt.isdigit() else int(words_to_number(h_txt) or -1)
    if not 0 <= h <= 24:
        return None
    mins = m.group(2) or "00"
    rest = m.group(3)
    if rest.startswith("p") or "afternoon" in rest or "evening" in rest or "night" in rest:
        if h < 12:
            h += 12
    elif rest.startswith("a") and h == 12:
        h = 0
    return f"{h:02d}:{mins}"


_NEAR_DAY = re.compile(rf"\b(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)


def _nearby_day(ctx: Ctx, s: int, e: int) -> date | None:
    """The day named right after a clock time ("10:35 a.m. (0735 GMT) Friday") or else the last day-precision
    date mentioned in the article."""
    m = _NEAR_DAY.search(ctx.text, e, min(len(ctx.text), e + 30))
    if m and ctx.anchor is not None:
        w = m.group(0).lower()
        if w in ("today", "tonight"):
            return ctx.anchor
        if w == "yesterday":
            return ctx.anchor - timedelta(days=1)
        if w == "tomorrow":
            return ctx.anchor + timedelta(days=1)
        n = weekday_num(w)
        return ctx.anchor if n == ctx.anchor.weekday() else weekday_near(ctx.anchor, n, ctx.tense(s, e) or -1)
    return ctx.ref_day


# --- holidays
_HOLIDAY = (
    r"(?:Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|"
    r"Good\s+Friday|Memorial\s+Day|Labor\s+Day|Independence\s+Day|Election\s+Day|Halloween|Valentine's\s+Day|"
    r"Veterans\s+Day|Boxing\s+Day|Bastille\s+Day)"
)


@rule(
    rf"\b(?P<mod>(?i:last|next|this|this\s+past|this\s+coming)\s+)?(?P<h>{_HOLIDAY})(?:,?\s+(?P<y>{YEAR}))?\b",
    head=H_HOLIDAY,
    back=20,
    ahead=12,
)
def _holiday(m: re.Match[str]) -> Iterator[Cand]:
    name = re.sub(r"\s+", " ", m.group("h"))
    if name == "Easter" and re.match(r"\s+(?:week|Monday|Island)", m.string[m.end() : m.end() + 8]):
        return
    y = m.group("y")
    direction = mod_direction(m.group("mod") or "")
    s, e = m.start(), m.end()

    def res(ctx: Ctx) -> str | None:
        if y:
            d = holiday(name, int(y))
            return d.isoformat() if d else None
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        opts = [d for d in (holiday(name, a.year - 1), holiday(name, a.year), holiday(name, a.year + 1)) if d]
        if direction < 0:
            pick = max((d for d in opts if d < a), default=None)
        elif direction > 0:
            pick = min((d for d in opts if d > a), default=None)
        else:
            t = ctx.tense(s, e)
            pool = [d for d in opts if (d <= a if t < 0 else d >= a if t > 0 else True)] or opts
            pick = min(pool, key=lambda d: abs((d - a).days))
        return pick.isoformat() if pick else None

    yield cand(m, "DATE", res)
