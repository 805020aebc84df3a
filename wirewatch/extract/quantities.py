"""Counts attached to an event, read as an analyst reads them: the figure, what it counts, how exact it is.

"at least 12 people" is a floor, "up to 40" a ceiling, "some 300" and "nearly 200" approximations,
"between 30 and 40", "30 to 40", "two or three" and "dozens of" ranges, "300 trucks a day" a rate. The
bound travels on the `Quantity` (model.py) so that connect/conflicts.py can tell "at least 12" from "15"
(no contradiction) and from "40" against "12" (one); `span` turns it into the interval it allows.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..model import Quantity
from .timex_base import PLURAL_SCALES, SCALES, read_words

# Words before a count that make it an increment, kept in the quantity's text.
_INCREMENT_WORDS = frozenset({"additional", "another", "further", "extra"})

# Words before a figure that bound it, longest first within each kind ("no more than" before "more than").
_QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted((
    *((tuple(w.split()), "min") for w in (
        "at least", "more than", "over", "upwards of", "no fewer than", "no less than", "not less than",
        "in excess of", "just over", "well over", "a minimum of")),
    *((tuple(w.split()), "max") for w in (
        "up to", "at most", "fewer than", "less than", "under", "no more than", "not more than", "as many as",
        "a maximum of")),
    *((tuple(w.split()), "nearly") for w in ("nearly", "almost", "close to", "just under", "just shy of")),
    *((tuple(w.split()), "about") for w in (
        "about", "around", "roughly", "some", "approximately", "an estimated", "estimated", "about some",
        "round about", "an approximate", "circa", "perhaps", "possibly")),
), key=lambda q: -len(q[0])))
# A count of a time unit is a duration, not a count of things ("two days", "three weeks"); the same units after a
# count make it a rate ("300 trucks a day").
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year", "decade"})
_RATE_ARTICLES = frozenset({"a", "an", "per", "each", "every"})
# "12 people a day after the riot", "five soldiers a week earlier": a time offset, not a rate.
_OFFSET_WORDS = frozenset({"after", "before", "earlier", "later", "ago", "since", "prior", "previously", "on"})
_RATE_ADVERBS = {"hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week", "monthly": "month",
                 "yearly": "year", "annually": "year"}
# "dozens of people", "hundreds of protesters", "tens of thousands of refugees": how many of the scale at least
# (two) and at most (ten) the plural says.
_VAGUE_SCALES = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1e6, "tens": 10,
                 "billions": 1e9}
_CURRENCIES = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_SCALES = {**SCALES, **PLURAL_SCALES}
_RANGE_SPAN = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-\u2013](\d[\d,]*(?:\.\d+)?)$")
# How far an approximation reaches: "some 300" allows 255-345, "nearly 200" 170-200 (no analyst reads
# "some 300" against "320" as a contradiction, and all read it against "500" as one).
APPROX = 0.15


def span(q: Quantity) -> tuple[float, float]:
    """The interval of values the quantity allows (inclusive)."""
    v = q.value
    if q.bound == "min":
        return (v, math.inf)
    if q.bound == "max":
        return (0.0, v)
    if q.bound == "about":
        return (v * (1 - APPROX), v * (1 + APPROX))
    if q.bound == "nearly":
        return (v * (1 - APPROX), v)
    if q.bound == "range" and q.high is not None:
        return (v, q.high)
    return (v, v)


def read_number(words: list[str]) -> float | None:
    """ "three" -> 3, "25,000" -> 25000, "5.1 million" -> 5100000, "two dozen" -> 24, "a dozen" -> 12,
    "one hundred and twenty" -> 120, "forty - two" -> 42; None when no word is a number. The words of a
    figure as the parser gives them, read by the one reader of written numbers (timex_base.read_words),
    passing over the words that are no part of the number."""
    return read_words(words, lenient=True)


def qualifier(words: list[str]) -> tuple[str, int]:
    """The bound the leading words give ("at least" -> "min") and how many words it takes."""
    low = [w.lower() for w in words]
    for phrase, kind in _QUALIFIERS:
        if tuple(low[:len(phrase)]) == phrase:
            return kind, len(phrase)
    return "", 0


def read_figure(words: list[str]) -> tuple[float, str, float | None] | None:
    """(value, bound, high) of a written figure with its qualifier: "at least 12", "between 30 and 40",
    "30 to 40", "30-40", "two or three", "2 to 3 million", "nearly 200"."""
    kind, skip = qualifier(words)
    rest = words[skip:]
    between = bool(rest) and rest[0].lower() == "between"
    if between:
        rest = rest[1:]
    if len(rest) == 1 and (m := _RANGE_SPAN.match(rest[0])):
        lo, hi = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
        return (lo, "range", hi) if lo < hi else None
    cut = next((i for i, w in enumerate(rest) if 0 < i < len(rest) - 1 and (
        w.lower() in ("to", "or") or (w.lower() == "and" and between) or (w in ("-", "\u2013") and _digit(rest[i - 1])
                                                                          and _digit(rest[i + 1])))), None)
    if cut is None:
        value = read_number(rest)
        return None if value is None else (value, kind, None)
    low, high = read_number(rest[:cut]), read_number(rest[cut + 1:])
    if low is None or high is None:
        return None
    lo, hi = low, high
    scale = rest[-1].lower()
    if scale in _SCALES and not any(w.lower() in _SCALES for w in rest[:cut]):
        lo *= _SCALES[scale]  # "2 to 3 million": the scale belongs to both ends
    if lo >= hi:
        return None
    return (lo, "range", hi)


def _digit(w: str) -> bool:
    return bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?", w))


def _rate(doc: Any, end: int) -> tuple[str, int]:
    """The time unit of a rate written right after the counted phrase ("a day", "per hour", "each month",
    "daily") and the index just past it; ("", end) when there is none."""
    if end < len(doc) and doc[end].lower_ in _RATE_ADVERBS:
        return _RATE_ADVERBS[doc[end].lower_], end + 1
    if end + 1 < len(doc) and doc[end].lower_ in _RATE_ARTICLES and doc[end + 1].lemma_.lower() in _TIME_UNITS \
            and doc[end + 1].tag_ == "NN" and not (end + 2 < len(doc) and doc[end + 2].lower_ in _OFFSET_WORDS):
        return doc[end + 1].lemma_.lower(), end + 2
    return "", end


def _looks_like_year(t: Any) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", t.text))


def quantities_in(doc: Any, scope: list[Any]) -> list[Quantity]:
    """The counts of things in an event's clause (`scope`: its tokens): numeric modifiers of nouns ("three
    missiles", "at least 12 people", "between 30 and 40 protesters", "300 trucks a day"), vague plurals
    ("dozens of people") and sums of money ("$2 million a month")."""
    out: list[Quantity] = []
    scope = [*scope, *_content_clauses(scope)]
    in_scope = {t.i for t in scope}
    for t in scope:
        q = _counted(doc, t) or _vague(doc, t)
        if q is not None:
            out.append(q)
    for ent in doc.ents:
        if ent.label_ == "MONEY" and any(i in in_scope for i in range(ent.start, ent.end)):
            q = _money(doc, ent)
            if q is not None:
                out.append(q)
    return out


_CAUSATIVES = frozenset({"let", "make", "help", "have"})


def _content_clauses(scope: list[Any]) -> list[Any]:
    """The tokens of the infinitive clauses that complete the clause's head ("agreed to let 300 trucks a day
    through", "pledged to send 3,000 troops", "vowed to release 40 prisoners"): what is agreed, pledged or
    threatened is the act itself, and its counts are the event's. Clauses of saying (ccomp) and other
    events' clauses stay out."""
    from .arguments import ArticleContext

    seen = {t.i for t in scope}
    heads = [t for t in scope if t.head.i not in seen or t.head == t]
    out: list[Any] = []
    while heads:
        t = heads.pop()
        for c in t.children:
            infinitive = c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            # "let 450 lorries a day cross": the parser makes the causative's bare clause a ccomp
            caused = c.dep_ == "ccomp" and t.lemma_.lower() in _CAUSATIVES and t.dep_ == "xcomp"
            if c.pos_ in ("VERB", "AUX") and (infinitive or caused):
                clause = [x for x in ArticleContext.clause_scope(c) if x.i not in seen]
                seen.update(x.i for x in clause)
                out.extend(clause)
                heads.append(c)
    return out


def _counted(doc: Any, t: Any) -> Quantity | None:
    """A number modifying the noun it counts: "three ballistic missiles", "at least 12 people"."""
    if t.dep_ != "nummod" or t.ent_type_ in ("TIME", "PERCENT", "ORDINAL"):
        return None
    noun = t.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME") or \
            noun.lemma_.lower() in _TIME_UNITS or noun.lower_ in _SCALES:
        return None
    # The tagger calls "30" in "between 30 and 40 protesters" a date; a year or a counted time is one.
    if t.ent_type_ == "DATE" and (_looks_like_year(t) or not any(x.lower_ == "between" for x in doc[t.i - 1:t.i])):
        return None
    if not t.whitespace_ and noun.i == t.i + 1:
        return None  # "a 4K display", "5G networks", "3D printers": a spec or a name, not a count
    if noun.i == t.i + 2 and doc[t.i + 1].text == "-" and not t.whitespace_:
        return None  # "a two-dose vaccine", "the 110-kilometer border": a measure of the noun after
    if noun.i < t.i:
        return None  # a figure after its noun counts nothing of it ("Flight 370", "Britain two of its nationals")
    nums = [x for x in t.subtree if x.i < noun.i]  # "between 30 and 40": the last figure follows `t`
    lo = nums[0].i
    # Quantifier words the parser hangs on the noun ("30 to 40": "30" and "to" as the noun's quantmods;
    # "between" as the head of the phrase).
    while lo > 0 and doc[lo - 1].head == noun and doc[lo - 1].dep_ in ("quantmod", "advmod") and doc[lo - 1].i < t.i:
        lo -= 1
    if lo > 0 and doc[lo - 1].lower_ == "between":
        lo -= 1
    figure = read_figure([x.text for x in doc[lo:nums[-1].i + 1]])
    if figure is None:
        return None
    if lo > 0 and doc[lo - 1].lower_ in _INCREMENT_WORDS and doc[lo - 1].head in (noun, t):
        lo -= 1  # "an additional 300 people": the count is an increment (connect/conflicts.py reads it)
    per, end = _rate(doc, noun.i + 1)
    value, bound, high = figure
    return Quantity(value=value, unit=noun.lemma_.lower(), text=doc[lo:end].text, bound=bound, high=high, per=per)


def _vague(doc: Any, t: Any) -> Quantity | None:
    """ "dozens of people", "hundreds of protesters", "tens of thousands of refugees": a range of the scale."""
    if t.lower_ not in _VAGUE_SCALES:
        return None
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _VAGUE_SCALES:
        return None  # "thousands" in "tens of thousands of": the outer word reads the whole phrase
    scale, head, first = _VAGUE_SCALES[t.lower_], t, t.i
    # "Tens of thousands of": the parser may hang "Tens of" on "thousands" as its quantifier.
    while first >= 2 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in _VAGUE_SCALES:
        scale, first = scale * _VAGUE_SCALES[doc[first - 2].lower_], first - 2
    while True:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        if obj.lower_ in _VAGUE_SCALES:
            scale, head = scale * _VAGUE_SCALES[obj.lower_], obj
            continue
        break
    if obj.pos_ not in ("NOUN", "PROPN") or obj.lemma_.lower() in _TIME_UNITS or obj.ent_type_ in ("DATE", "TIME"):
        return None
    lo = first - 1 if first > 0 and doc[first - 1].lower_ in ("many", "several") else first
    per, end = _rate(doc, obj.i + 1)
    return Quantity(value=2 * scale, unit=obj.lemma_.lower(), text=doc[lo:end].text, bound="range", high=10 * scale,
                    per=per)


def _money(doc: Any, ent: Any) -> Quantity | None:
    """A sum written with a currency sign ("$2 million", "US$40,000", "about €3 billion a year"); sums written
    with the currency as a noun ("40 million dollars") are counted nouns."""
    toks = list(ent)
    sign = next((i for i, x in enumerate(toks) if x.lower_ in _CURRENCIES), None)
    if sign is None:
        return None
    words = [x.text for i, x in enumerate(toks) if i != sign]
    lo = ent.start
    # A qualifier just before the sum ("more than $2 million") or inside the entity ("about $3 billion").
    before = [x.text for x in doc[max(0, lo - 3):lo]]
    for k in range(len(before), 0, -1):
        kind, n = qualifier(before[-k:])
        if kind and n == k:
            words, lo = before[-k:] + words, lo - k
            break
    figure = read_figure(words)
    if figure is None:
        return None
    value, bound, high = figure
    per, end = _rate(doc, ent.end)
    return Quantity(value=value, unit=_CURRENCIES[toks[sign].lower_], text=doc[lo:end].text, bound=bound, high=high,
                    per=per)
