"""Durations ("three years", "the past two months", "for weeks"), frequencies ("daily", "every Monday") and
the PRESENT_REF / PAST_REF / FUTURE_REF references ("now", "recently", "the future").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .timex_base import (
    DAY_PARTS,
    SEASONS,
    Cand,
    const,
    duration_value,
    words_to_number,
)
from .timex_lex import (
    APPROX,
    H_EVERY,
    H_LONG,
    H_PLURAL,
    H_REF,
    H_SETW,
    H_UNIT,
    MONTH_FULL,
    MONTHS,
    NUM,
    UNIT,
    UNIT_NAMES,
    cand,
    rule,
)


# --- durations: "three years", "the past two months", "16-hour", "two-year", "the first nine months",
# "2 1/2 years", "a minute and a half", "several weeks", "up to 180 days"
@rule(
    rf"\b(?P<pre>(?:the\s+)?(?:past|last|next|first|coming|previous|final|remaining|following|latest|ensuing|"
    rf"preceding|initial|subsequent|additional|same|year-earlier|year-ago|other)\s+|each\s+of\s+the\s+(?:past|last|next)\s+|"
    rf"the\s+)?(?P<approx>{APPROX}\s+(?:the\s+(?:past|last|next)\s+)?)?(?P<num>{NUM})(?P<num2>\s+(?:or|to|and)\s+{NUM})?"
    rf"(?P<sep>[\s-]+)(?P<extra>(?:more|additional|full|straight|consecutive|trading|business|working|calendar|"
    rf"fiscal|long|short|successive)\s+)?(?P<unit>{UNIT}|weekend)(?P<pl>s)?(?P<half>\s+and\s+a\s+half)?"
    rf"(?P<rng>\s+(?:or|to)\s+(?:{NUM}\s+)?(?:{UNIT})s?)?\b(?P<old>-old|\s+old\b|-long)?",
    re.IGNORECASE,
    head=H_UNIT,
    back=36,
    ahead=22,
)
def _duration(m: re.Match[str]) -> Iterator[Cand]:
    text = m.string
    num_txt = m.group("num")
    low = num_txt.lower()
    unit = UNIT_NAMES[m.group("unit").lower().rstrip("s")] if m.group("unit").lower() != "centuries" else "century"
    old = (m.group("old") or "").lower().strip()
    if old in ("-old", "old"):
        return  # ages ("a 44-year-old protester") are not time expressions in TimeBank
    if unit == "weekend":
        return
    after = text[m.end() : m.end() + 12]
    if unit == "quarter" and (low in ("a", "an", "one") or re.match(r"\s+of\b|-point", after) or "-" in m.group("sep")):
        return  # "three-quarters of", "a quarter of the company": fractions
    if re.match(r"\d", num_txt):
        before = text[max(0, m.start() - 2) : m.start()]
        if "$" in before or re.search(r"\d[.,]$", before):
            return
    if low in ("a", "an") and not m.group("pre") and not m.group("approx"):
        # "$5 a year", "700 seats a week", "twice a day": a rate, not a span
        prev = text[max(0, m.start() - 20) : m.start()]
        if re.search(r"(?:\d|cents?|share|times|once|twice|per|million|billion|thousand|%|percent)\s*$", prev) or (
            re.search(r"[a-z]{3,}s\s*$", prev)
            and not re.search(
                r"\b(?:was|has|is|as|this|its|his|hers|thus|less|unless|"
                r"perhaps|always|across|besides|towards)\s*$",
                prev,
            )
        ):
            return
    if low in ("some", "many", "few") and not m.group("pre"):
        return  # "some days" / "many years" are too loose to tag on their own
    if low == "a" and m.group("sep").strip() == "-":
        return
    if low in ("a", "an") and m.group("pl"):
        return  # "a decades-long feud": the article belongs to the noun, not to a count of units
    if low in ("a", "an") and (m.group("extra") or "").strip().lower() in ("fiscal", "calendar") and not m.group("pre"):
        return  # "changed from a fiscal year to a calendar year": a kind of year, not a span
    if unit == "second" and low in ("a", "an") and not m.group("pre"):
        return  # "a second group": the ordinal
    n = words_to_number(num_txt)
    if m.group("half"):
        n = (n or 1) + 0.5
    # Ranges ("two to three weeks") keep the lower bound, as TimeBank mostly does.
    yield Cand(m.start(), m.end(), "DURATION", const(duration_value(n, unit)))


@rule(r"\b(?P<u>day|week|month|year|decade|hour)s?-long\b", re.IGNORECASE, head=H_LONG, back=12, ahead=2)
def _long(m: re.Match[str]) -> Iterator[Cand]:
    u = m.group("u").lower()
    plural = m.group(0).lower().startswith(u + "s")
    if plural and u == "decade":
        u = "year"  # "decades-long": some number of years, as for "for decades"
    yield cand(m, "DURATION", const(duration_value(None if plural else 1, u)))


# bare plural units in durative contexts: "for years", "in recent months", "over the coming weeks"
@rule(
    r"\b(?P<ctx>for|over|within|after|in|recent|the\s+coming|coming|future|the\s+past\s+few|the\s+last\s+few|"
    r"the\s+next\s+few|past|the\s+ensuing|the\s+following|several|in\s+the\s+coming)\s+(?P<u>years|months|weeks|"
    r"days|decades|centuries|hours|minutes|quarters)\b(?!\s+(?:ago|earlier|later|of\s+(?:the|a|an|his|her|its|"
    r"their)\b|-old|old))",
    re.IGNORECASE,
    head=H_PLURAL,
    back=25,
    ahead=40,
)
def _bare_plural(m: re.Match[str]) -> Iterator[Cand]:
    ctx_w = re.sub(r"\s+", " ", m.group("ctx").lower())
    u = m.group("u").lower()
    unit = {"years": "year", "months": "month", "weeks": "week", "days": "day", "decades": "year",
            "centuries": "century", "hours": "hour", "minutes": "minute", "quarters": "quarter"}[u]  # fmt: skip
    # The context word belongs to the expression unless it is a preposition ("for years").
    start = m.start("u") if ctx_w in ("for", "over", "within", "after", "in") else m.start()
    if ctx_w.startswith("in "):
        start = m.start() + 3
    if ctx_w == "recent" and u == "years":
        yield Cand(start, m.end(), "DATE", const("PAST_REF"))  # TimeBank: "in recent years" is a past reference
        return
    if "coming" in ctx_w or ctx_w == "future":
        yield Cand(start, m.end(), "DATE", const("FUTURE_REF"))
        return
    yield Cand(start, m.end(), "DURATION", const(duration_value(None, unit)))


# --- frequencies (SET): "daily", "every day", "each month", "twice a year", "every Monday" (weekday rule)
# "annually" is left out: in business news it is mostly a growth rate ("rise 8% annually"), rarely tagged.
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H",
              "nightly": "P1D", "biweekly": "P2W", "bimonthly": "P2M", "semiannually": "P6M"}  # fmt: skip


@rule(
    r"\b(?:daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|semiannually)\b",
    re.IGNORECASE,
    head=H_SETW,
    back=1,
    ahead=14,
)
def _set_word(m: re.Match[str]) -> Iterator[Cand]:
    w = m.group(0).lower()
    after = m.string[m.end() : m.end() + 20]
    if w in ("weekly", "monthly") and re.match(r"\s+(?:magazine|newspaper|paper|report|journal|publication)", after):
        return
    if re.search(r"\baverage\s+$", m.string[max(0, m.start() - 10) : m.start()]):
        return  # "average daily volume": a statistic, not a recurrence
    yield cand(m, "SET", const(_SET_WORDS[w]))


@rule(
    rf"\b(?P<q>every|each|per|once\s+a|twice\s+a|(?:\w+\s+)?times\s+a)\s+(?P<other>other\s+)?"
    rf"(?P<u>day|week|month|year|quarter|hour|minute|morning|afternoon|evening|night|summer|winter|spring|fall|"
    rf"autumn|weekend|{MONTH_FULL.lower()})\b",
    re.IGNORECASE,
    head=H_EVERY,
    back=10,
    ahead=20,
)
def _every(m: re.Match[str]) -> Iterator[Cand]:
    u = m.group("u").lower()
    n = 2 if m.group("other") else 1
    if u in ("morning", "afternoon", "evening", "night"):
        v = f"XXXX-XX-XXT{DAY_PARTS[u]}"
    elif u in SEASONS:
        v = f"XXXX-{SEASONS[u]}"
    elif u[:3] in MONTHS and u not in ("day",):
        v = f"XXXX-{MONTHS[u[:3]]:02d}"
    elif u == "weekend":
        v = "XXXX-WXX-WE"
    else:
        v = duration_value(n, u)
    yield cand(m, "SET", const(v))


# --- references: PRESENT_REF / PAST_REF / FUTURE_REF
_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "the present": "PRESENT_REF", "at the moment": "PRESENT_REF", "at this time": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "in the past": "PAST_REF", "long ago": "PAST_REF",
    "some time ago": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "a later date": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the immediate future": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}  # fmt: skip


@rule(
    r"\b(?:right\s+now|now|currently|current|at\s+present|presently|these\s+days|nowadays|the\s+present(?!\s+\w+ing)|"
    r"at\s+the\s+moment|(?:more\s+)?recently|recent|lately|the\s+past(?!\s+(?:few|several|\d|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve|twenty|thirty|week|month|year|decade|century|quarter|day|weekend|"
    r"summer|winter|spring|fall|autumn|night|morning|evening|hour|minute|\w+ty))|formerly|long\s+ago|"
    r"some\s+time\s+ago|the\s+(?:near|distant|immediate)\s+future|the\s+future|"
    r"the\s+(?:near|short|long)\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible)\b(?![\s-]+(?:dated|day))",
    re.IGNORECASE,
    head=H_REF,
    back=12,
    ahead=30,
)
def _ref(m: re.Match[str]) -> Iterator[Cand]:
    key = re.sub(r"\s+", " ", m.group(0).lower())
    text = m.string
    after = text[m.end() : m.end() + 30]
    # "current" as a noun ("the current of the river") or in "current account" is not a time
    if key == "current" and (re.match(r"\s+(?:of|account|events?\b)", after) or not re.match(r"\s+[a-z]", after)):
        return
    if key == "current" and text[max(0, m.start() - 5) : m.start()] == "then ":
        return  # "the then current price" looks back, and TimeBank does not agree on it
    if key in ("recent",) and not re.match(r"\s+[a-z]", after):
        return
    if key in ("the past",) and re.match(r"\s+(?:president|chairman|champion|decade)", after):
        return
    yield cand(m, "DATE", const(_REFS[key]))
