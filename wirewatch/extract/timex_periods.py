"""Parts of a year: quarters and halves ("the third quarter", "Q3 2024", "the latest quarter", "the quarter
ended July 31") and seasons ("last spring", "the summer of 2003").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from .timex_base import (
    SEASONS,
    Cand,
    Ctx,
    const,
    fmt,
    parse_value,
    shift,
    shift_value,
)
from .timex_lex import (
    H_QCODE,
    H_QUARTER,
    H_SEASON,
    MONTH_BEFORE_DAY,
    SPOKEN_YEAR,
    YEAR,
    cand,
    mod_direction,
    month_num,
    resolve_month_day,
    rule,
    year_of,
)

# --- quarters and halves: "the third quarter", "third-quarter", "the 1988 fourth quarter",
# "this year's third quarter", "the third quarter of 1990", "Q3 2024", "the first half"
_QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_QORD_N = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


@rule(
    rf"\b(?P<det>(?:the|this|last|next|its|their|a|an|that)\s+)?(?P<yq>(?:(?:year-ago|year-earlier|year\s+ago|"
    rf"latest|current|comparable|same|flat|fiscal|{YEAR}|this\s+year's|last\s+year's|next\s+year's|"
    rf"(?:fiscal\s+)?{YEAR}'s)\s+)*)(?P<ord>{_QORD})[\s-]+(?:fiscal[\s-]+|calendar[\s-]+)?(?P<what>quarter|half|"
    rf"period)(?P<pl>s)?(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year))?\b",
    re.IGNORECASE,
    head=H_QUARTER,
    back=70,
    ahead=35,
)
def _quarter(m: re.Match[str]) -> Iterator[Cand]:
    ordw = m.group("ord").lower()
    what = m.group("what").lower()
    if what == "period":
        return
    if ordw == "last" and not (m.group("y2") or re.search(r"\d{4}", m.group("yq") or "")):
        return  # "last quarter" is the relative rule's
    n = _QORD_N.get(ordw, 4 if what == "quarter" else 2)
    if what == "half" and n > 2:
        n = 2
    yq = (m.group("yq") or "").lower()
    y2 = (m.group("y2") or "").lower()
    years = re.findall(r"\d{4}", yq + " " + y2)
    det = (m.group("det") or "").lower().strip()
    start = m.start("det") if det in ("the", "this", "last", "next", "its", "their", "that") else m.start("yq")
    if m.group("pl") and not years:
        yield cand(m, "SET", const(f"XXXX-Q{n}" if what == "quarter" else f"XXXX-H{n}"), start=start)
        return
    code = f"Q{n}" if what == "quarter" else f"H{n}"
    if years:
        yield cand(m, "DATE", const(f"{years[0]}-{code}"), start=start)
        return
    offset = 0
    if re.search(r"year-ago|year-earlier|year\s+ago|last\s+year", yq + " " + y2):
        offset = -1
    elif "next year" in yq + " " + y2:
        offset = 1
    s, e = m.start(), m.end()
    explicit_this = "this year" in yq + " " + y2 or det == "this"

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        y = a.year + offset
        cur = (a.month - 1) // 3 + 1 if what == "quarter" else (a.month - 1) // 6 + 1
        if offset == 0 and not explicit_this and n > cur and ctx.tense(s, e) <= 0:
            # Early in a year, "the fourth quarter" reported in past tense is last year's.
            y -= 1
        return f"{y:04d}-{code}"

    yield cand(m, "DATE", res, start=start)


@rule(
    r"\bQ([1-4])(?:\s+(?P<y>(?:19|20)\d\d))?\b|\b([1-4])Q(?:\s*(?P<y2>(?:19|20)\d\d))?\b", head=H_QCODE, back=2, ahead=8
)
def _qcode(m: re.Match[str]) -> Iterator[Cand]:
    n = int(m.group(1) or m.group(3))
    y = m.group("y") or m.group("y2")
    if y:
        yield cand(m, "DATE", const(f"{y}-Q{n}"))
        return

    def res(ctx: Ctx) -> str | None:
        return None if ctx.anchor is None else f"{ctx.anchor.year:04d}-Q{n}"

    yield cand(m, "DATE", res)


# "the quarter", "the latest quarter", "the year-ago period", "the current quarter", "last quarter"
_QUARTER_ENDED = re.compile(rf"\s+(?:ended|ending)\s+(?P<mon>{MONTH_BEFORE_DAY})\s+(?P<day>[0-3]?\d)\b", re.IGNORECASE)


@rule(
    r"\b(?P<det>the|this|last|next|that|its|their)\s+(?P<mod>(?:(?:latest|current|most\s+recent|recent|"
    r"previous|prior|same|comparable|corresponding|year-ago|year-earlier|fiscal|just-ended|just\s+ended|"
    r"\d{4})\s+)*)(?P<what>quarter|period)\b(?!-to-|-end)(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?",
    re.IGNORECASE,
    head=H_QUARTER,
    back=60,
    ahead=25,
)
def _the_quarter(m: re.Match[str]) -> Iterator[Cand]:
    det = m.group("det").lower()
    mod = m.group("mod").lower()
    what = m.group("what").lower()
    tail = (m.group("tail") or "").lower()
    if what == "period" and not (mod.strip() or tail):
        return  # "the period" alone is too vague to tag
    year_m = re.search(r"\d{4}", mod)
    ago = bool(re.search(r"year-ago|year-earlier", mod) or tail)
    s = m.start()
    ended = _QUARTER_ENDED.match(m.string, m.end()) if what == "quarter" and not tail else None
    if ended and not ago and not year_m:
        # "the quarter ended July 31": the quarter that the closing date ends, unless a fiscal one was named
        end_res = resolve_month_day(month_num(ended.group("mon")), int(ended.group("day")), None, None, s, m.end())

        def ended_res(ctx: Ctx) -> str | None:
            if ctx.ref_quarter and s - ctx.ref_quarter_end < 2500:
                return ctx.ref_quarter  # a fiscal quarter the article named: "its first quarter ended Sept. 29"
            parsed = parse_value(end_res(ctx))
            if parsed is None or parsed[1] != "day":
                return None
            return fmt(parsed[0] - timedelta(days=45), "quarter")

        yield cand(m, "DATE", ended_res, derived=True)
        return

    def res(ctx: Ctx) -> str | None:
        if year_m:
            q = ctx.ref_quarter[-2:] if ctx.ref_quarter else None
            return f"{year_m.group(0)}-{q}" if q else year_m.group(0)
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        cur = fmt(a, "quarter")
        # Earnings news speaks of "the quarter" meaning the one just reported: the last one mentioned, or
        # else the last completed quarter.
        reported = ctx.ref_quarter if ctx.ref_quarter and s - ctx.ref_quarter_end < 2500 else None
        last_done = fmt(shift(a, -1, "quarter"), "quarter")
        if re.search(r"latest|most\s+recent|just", mod):
            return last_done
        if ago:
            return shift_value(reported or last_done, -1, "year")
        if det == "next":
            return fmt(shift(a, 1, "quarter"), "quarter")
        if det == "last" or "previous" in mod or "prior" in mod:
            return last_done
        if "current" in mod:
            return cur
        return reported or last_done

    yield cand(m, "DATE", res, derived=True)


# --- seasons
@rule(
    r"\b(?P<mod>(?:last|next|this|this\s+past|this\s+coming|the\s+coming|the\s+past|early|late|mid|the|the\s+early|"
    r"the\s+late|that|in\s+the)[\s-]+)?(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?"
    rf"(?P<year>\d{{4}}\b|{SPOKEN_YEAR}))?",
    re.IGNORECASE,
    head=H_SEASON,
    back=20,
    ahead=40,
)
def _season(m: re.Match[str]) -> Iterator[Cand]:
    mod = (m.group("mod") or "").lower().strip()
    season = m.group("s").lower()
    ytxt = m.group("year")
    if not mod and not ytxt and season in ("fall", "spring"):
        return  # the verbs and the water source
    # "the fall of the Berlin Wall": with "the" and no year, a season only when no "of" follows.
    if (
        season in ("fall", "spring")
        and mod in ("the", "in the")
        and not ytxt
        and re.match(r"\s+of\b", m.string[m.end() :])
    ):
        return
    code = SEASONS[season]
    start = m.start() if not mod.startswith("in ") else m.start("s") - len("the ")
    if ytxt:
        y = year_of(ytxt.strip())
        if y is not None:
            yield cand(m, "DATE", const(f"{y:04d}-{code}"), start=start)
            return
    if ytxt:
        return
    direction = mod_direction(mod)
    explicit = mod.startswith("this") and direction == 0
    s, e = m.start(), m.end()
    smonth = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        cur_season = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
            a.month, "FA"
        )
        y = a.year
        if "last" in mod.split():
            y = a.year - 1  # TimeBank: "last spring" is last year's spring, even in October
        elif direction < 0:
            y = a.year if smonth < a.month and cur_season != code else a.year - 1
        elif direction > 0:
            y = a.year if smonth > a.month else a.year + 1
        elif not explicit and code != cur_season:
            t = ctx.tense(s, e)
            if t < 0 and smonth > a.month:
                y -= 1
            elif t > 0 and smonth < a.month:
                y += 1
        return f"{y:04d}-{code}"

    yield cand(m, "DATE", res, start=start)
