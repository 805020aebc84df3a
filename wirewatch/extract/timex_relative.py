"""Calendar units relative to now or to the story: "last week", "earlier this year", "the next day",
"year-end", "three years ago", "a year earlier", "the year-ago quarter".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .timex_base import (
    Cand,
    Ctx,
    const,
    duration_value,
    fmt,
    parse_value,
    shift,
    shift_value,
    words_to_number,
)
from .timex_lex import (
    APPROX,
    H_UNIT,
    H_YEAR_ADJ,
    H_YEAR_END,
    NUM,
    UNIT,
    UNIT_NAMES,
    cand,
    quarter_context,
    rule,
)

# --- "last week", "this month", "next year", "earlier this year", "late last year", "the past year",
# "the weekend", "this decade", "the end of the month", "that day", "the next day", "the day before"
_REL_MOD = (
    r"(?:(?:early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
    r"the\s+rest\s+of|the\s+remainder\s+of|around|by|until)[\s-]+)?"
)
_ANAPHORIC = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
_DEICTIC = {"this": 0, "the current": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "this past": -1,
            "next": 1, "coming": 1, "the coming": 1, "this coming": 1, "following": 1}  # fmt: skip
_PARTS = {"morning": "MO", "night": "NI", "evening": "EV", "afternoon": "AF"}
# An earnings comparison ending right before "last year": "compared with $3 million last year", "up from ..."
_COMPARED_BEFORE = re.compile(r"(?:compared\s+with|from|versus|against)\s+[^.;]*?\d[^.;]*?\s+$")


@rule(
    rf"\b(?P<pre>{_REL_MOD})(?P<mod>last|this|next|the\s+past|the\s+last|the\s+coming|the\s+current|the\s+previous|"
    rf"the\s+prior|the\s+following|the\s+same|the\s+next|that|the|this\s+past|this\s+coming|past|coming|current|"
    rf"previous|following|this\s+fiscal|the\s+fiscal|the\s+current\s+fiscal|the\s+latest\s+fiscal|the\s+full|"
    rf"the\s+entire|the\s+whole)\s+(?P<unit>week|weekend|month|year|decade|century|day|morning|night|evening|"
    rf"afternoon)(?P<poss>'s)?\b(?!-)(?P<tail>\s+(?:before|after)(?=\s+(?:the|his|her|its|their|a|an)\s|\s*[,.;]))?",
    re.IGNORECASE,
    head=H_UNIT,
    back=36,
    ahead=25,
)
def _rel_unit(m: re.Match[str]) -> Iterator[Cand]:
    """Calendar units named relative to now or to the story: "last week", "this month", "next year",
    "earlier this year", "the past year", "the weekend", "that day", "the next morning", "the day after"."""
    pre = re.sub(r"\s+", " ", m.group("pre").lower().strip().rstrip("-"))
    mod = re.sub(r"\s+", " ", m.group("mod").lower())
    unit = m.group("unit").lower()
    tail = (m.group("tail") or "").strip().lower()
    after = m.string[m.end() : m.end() + 12]
    # Prepositions ("by", "until") introduce the expression but are not part of it.
    start = m.start("mod") if pre in ("around", "by", "until") else m.start()
    s, e = m.start(), m.end()
    if mod == "the" and not pre and not tail and not m.group("poss") and \
            re.match(r"\s+of\b" if unit == "weekend" else r"\s+(?:of|in|for|to)\b", after):
        # "the year of the dragon", "the month of Ramadan", "the year to March"; a weekend is no such unit
        # of account: "agreed at the weekend to cut spending" is the weekend itself
        return
    if unit in _PARTS and mod not in _ANAPHORIC:
        return  # "this morning", "last night" have their own rule; "the night" is too vague
    if tail and not (mod in ("the", "that") and unit in ("day", "week", "month", "year")):
        tail = ""  # "this week after the vote": "after" starts a clause, and is no part of the expression
        e = m.end("poss") if m.group("poss") else m.end("unit")
    if mod == "the" and unit == "day" and not tail and not pre:
        return  # "the day" alone: too generic
    if "fiscal" in mod:
        if mod == "the fiscal":
            yield Cand(start, e, "DURATION", const("P1Y"))  # "throughout the fiscal year"
            return
        off = -1 if "latest" in mod else 0
        yield Cand(start, e, "DATE", lambda ctx: None if ctx.anchor is None else f"{ctx.anchor.year + off:04d}")
        return
    if unit == "year" and mod == "the" and re.match(r"\s+(?:ended|ending)\b", after):
        yield Cand(start, e, "DURATION", const("P1Y"))  # "the year ended Sept. 30": a fiscal year
        return
    if (
        mod in ("the past", "the last", "past")
        and not pre
        and unit in ("week", "month", "century")
        or (mod in ("past", "the past") and unit == "decade")
    ):
        # "the past week": a span reaching back from now
        yield Cand(start, e, "DURATION", const(duration_value(1, unit)))
        return
    anaphoric = mod in _ANAPHORIC and not (mod == "the next" and unit in ("week", "month", "year", "decade"))
    if tail:
        anaphoric = True
    if mod in _ANAPHORIC and not anaphoric:
        off = _ANAPHORIC[mod]
    elif anaphoric:
        off = {"before": -1, "after": 1}.get(tail, _ANAPHORIC.get(mod, 0))
    else:
        off = _DEICTIC.get(mod, 0)
        if mod in ("the past", "the last"):
            off = -1  # "the past year" is last year in TimeBank, "the last decade" the previous one
    typ = "TIME" if unit in _PARTS else "DATE"
    comparison = (
        mod == "last"
        and unit == "year"
        and not pre
        and (
            _COMPARED_BEFORE.search(m.string, max(0, s - 60), s) is not None
            or (m.group("poss") is not None and re.match(r"\s+(?:[$#]|c\$|us\$)?\d", after, re.IGNORECASE) is not None)
        )
    )

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        base = ctx.anchor
        if comparison:
            q = quarter_context(ctx, s)
            if q:
                return shift_value(q, -1, "year")  # "compared with $3 million last year": the year-ago quarter
        if anaphoric:
            if unit in ("day", *_PARTS):
                base = ctx.day_ref() or base
            else:
                ref = parse_value(ctx.ref_value)
                base = ref[0] if ref else base
        if unit == "weekend":
            return _weekend(base, off, mod, ctx.tense(s, e))
        if unit in _PARTS:
            return f"{shift(base, off, 'day').isoformat()}T{_PARTS[unit]}"
        return fmt(shift(base, off, unit), unit)

    yield Cand(start, e, typ, res, derived=anaphoric)


def _weekend(base: date, off: int, mod: str, tense: int) -> str:
    """The weekend a phrase names, said on `base`. "Over the weekend" and "at the weekend" (British), said on a
    weekday, are the one just past unless the clause looks ahead ("will meet at the weekend"); "this weekend"
    is the coming one, but the one just past in a past-tense clause ("protesters marched this weekend", said on
    a Monday). Said on a Saturday or a Sunday, "the weekend" and "this weekend" are the current one."""
    o = off
    if mod in ("the", "this") and base.weekday() < 5 and tense < 0 or mod == "the" and base.weekday() < 5 and \
            tense == 0:
        o = -1
    return f"{fmt(shift(base, o, 'week'), 'week')}-WE"


# "the end of the year", "year-end", "year's end", "the end of the month"
@rule(r"\b(?:around\s+)?(?:(?:the\s+)?year[\s-]end|year's\s+end)\b", re.IGNORECASE, head=H_YEAR_END, back=12, ahead=4)
def _year_end(m: re.Match[str]) -> Iterator[Cand]:
    yield cand(m, "DATE", lambda ctx: None if ctx.anchor is None else f"{ctx.anchor.year:04d}")


# --- "three years ago", "a year earlier", "two days later", "a week or so ago", "six months from now"
@rule(
    rf"\b(?P<approx>{APPROX}\s+)?(?P<num>{NUM})\s+(?P<units>(?P<unit>{UNIT})s?)(?P<orso>\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)\b",
    re.IGNORECASE,
    head=H_UNIT,
    back=30,
    ahead=35,
)
def _ago(m: re.Match[str]) -> Iterator[Cand]:
    unit = UNIT_NAMES.get(m.group("unit").lower().rstrip("s"), m.group("unit").lower().rstrip("s"))
    if unit not in ("day", "week", "fortnight", "month", "quarter", "year", "decade", "century", "hour", "minute"):
        return
    n = words_to_number(m.group("num"))
    direction = m.group("dir").lower()
    s = m.start()
    if (
        direction not in ("ago", "back", "hence")
        and not direction.startswith("from")
        and not (direction == "earlier" and unit == "year" and n == 1)
    ):
        # "three days later", "a day earlier", "30 days before": TimeBank marks the span itself, a DURATION
        yield cand(m, "DURATION", const(duration_value(n, unit)), end=m.end("units"))
        return
    if n is None:
        yield cand(m, "DATE", const("PAST_REF" if direction in ("ago", "back") else "FUTURE_REF"))
        return
    sign = -1 if direction in ("ago", "back", "earlier") else 1
    whole = int(round(n))

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        if unit == "year" and whole == 1 and sign < 0:
            # Earnings news: "a year ago/earlier" means the same quarter of last year.
            q = quarter_context(ctx, s)
            if q:
                return shift_value(q, -1, "year")
            if direction == "earlier":
                base = parse_value(ctx.ref_value)
                return fmt(shift(base[0] if base else ctx.anchor, -1, "year"), "year")
        if unit in ("hour", "minute"):
            return ctx.anchor.isoformat()
        u = {"fortnight": "week", "decade": "year", "century": "year"}.get(unit, unit)
        k = whole * {"fortnight": 2, "decade": 10, "century": 100}.get(unit, 1)
        return fmt(shift(ctx.anchor, sign * k, u), u)

    yield cand(m, "DATE", res, derived=True)


# "year-earlier profit", "the year-ago results": an adjective for the same period of last year
@rule(
    r"\b(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)\b(?![\s-]+(?:quarter|period|nine|six|first|second|"
    r"third|fourth|fiscal))",
    re.IGNORECASE,
    head=H_YEAR_ADJ,
    back=20,
    ahead=14,
)
def _year_ago_adj(m: re.Match[str]) -> Iterator[Cand]:
    s = m.start()

    def res(ctx: Ctx) -> str | None:
        if ctx.anchor is None:
            return None
        q = quarter_context(ctx, s)
        return shift_value(q, -1, "year") if q else f"{ctx.anchor.year - 1:04d}"

    yield cand(m, "DATE", res, derived=True)
