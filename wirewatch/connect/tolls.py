"""Tolls: how many people a sentence says were killed, wounded, detained or are missing, read from its words.

"Gunmen stormed a hotel ..., leaving at least five people dead", "at least six people have been confirmed
dead", "the group said it had killed more than 10 people", "wounding at least 12 people", "the deaths of 16
militants". A toll is (harm, what it counts, the figure). Its harm is the harm word that governs the count:
the one written just before the figure ("killing", "injuring", "the deaths of"), else the first one after
its noun in the same clause ("were killed", "have been confirmed dead"); a count with neither is no toll
("five others were injured" is a wounding, not a killing, though the sentence also says "killed").

The figure is read from the words (extract/quantities.read_figure), not from the mention's quantities: a
mention holds the counts of its own trigger's clause, and the toll of an attack is often told in a clause
with no trigger of its own ("A reporter said at least six people have been confirmed dead, while the siege
continues"). connect/conflicts.py sets tolls of events that fusion kept apart against each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..extract.quantities import qualifier, read_figure
from .acts import act_stem

# Harm words, by kind (stems as act_stem reads them).
_HARMS = {
    "killed": "kill killed killing kills dead death deaths die died dies dying fatalities perished",
    "wounded": "wound wounded wounding wounds injure injured injures injuring injuries hurt hurting",
    "detained": "arrest arrested arresting arrests detain detained detains detaining",
    "missing": "missing",
}
HARM_OF = {w: kind for kind, ws in _HARMS.items() for w in ws.split()}
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen""".split())
_JOINERS = frozenset({"to", "or", "and", "-", "\u2013"})
# Words before a figure that bound it (extract/quantities reads them): looked for in the three words before.
_QUALIFYING = frozenset(
    """at least more than over upwards of no fewer less not in excess just well a minimum up most under as many
    maximum nearly almost close shy about around roughly some approximately an estimated circa between""".split())
# What stops the counted noun: a verb of being or having, a relative, a preposition, a time word ("two others
# Monday", "three people today").
_NOUN_STOP = frozenset(
    """were was are is be been being have has had who that which including among in at on of from by and or but
    as after before during when while with today yesterday tonight overnight monday tuesday wednesday thursday
    friday saturday sunday last this earlier later said says told since for into near across against than per
    late early""".split())
# The words between a count's noun and its harm ("were killed", "have been confirmed dead", "were reported
# killed"): a later word of another kind ends the search.
_CLAUSE_STOP = frozenset({",", ";", ":", ".", "\u2014", "(", "but", "while", "and", "whereas"})
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z'\u2019-]*|[^\sA-Za-z\d]")
# What people are counted as: one family (the other nouns count themselves: "militants", "attackers").
_PEOPLE = frozenset({"people", "person", "persons", "individual", "individuals", "civilian", "civilians"})
_AUXILIARIES = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "be", "reported", "confirmed"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "dozens", "hundreds", "scores", "all"})
_MAX_AFTER = 8  # words from a count's noun to its harm


@dataclass(frozen=True)
class Toll:
    harm: str  # killed | wounded | detained | missing
    unit: str  # what is counted: "people" (people, persons, civilians), else the noun's stem
    value: float
    bound: str  # min | max | about | nearly | range | "" (quantities.span reads it)
    high: float | None
    text: str  # as written: "at least five people"


def _is_number(w: str) -> bool:
    return w[:1].isdigit() or w.lower() in _NUMBER_WORDS


@lru_cache(maxsize=1 << 14)
def tolls(sentence: str) -> tuple[Toll, ...]:
    """Every toll the sentence writes, in order (the numbers of its time expressions are no counts)."""
    from ..extract.timex import find_timexes  # regex only

    spans = [(t.start, t.end) for t in find_timexes(sentence, None)]
    toks = [(m.group(), m.start()) for m in _TOKEN.finditer(sentence)]
    words = [t for t, _ in toks]
    out: list[Toll] = []
    i = 0
    while i < len(words):
        at = toks[i][1]
        # "G7", "F-16", "S-400": a figure glued to a name is part of it.
        # "60s", "3rd": so is a figure with letters glued after it.
        end = at + len(words[i])
        glued = (at > 0 and (sentence[at - 1].isalnum() or (sentence[at - 1] == "-" and at > 1
                                                              and sentence[at - 2].isalpha()))) or (
            words[i][:1].isdigit() and end < len(sentence) and sentence[end].isalpha())
        if not _is_number(words[i]) or glued or any(a <= at < b for a, b in spans):
            i += 1
            continue
        j = i + 1  # the figure: numbers and the words joining a range ("30 to 40", "two or three")
        while j < len(words) and (
                (_is_number(words[j]) and not (words[j][:1].isdigit() and words[j - 1][:1].isdigit()))
                or (words[j].lower() in _JOINERS and j + 1 < len(words) and _is_number(words[j + 1]))):
            j += 1
        # Its qualifier: the words before that make one of quantities' bounds ("at least", "more than",
        # "between"); "killed in two attacks" has none.
        q = next((i - n for n in (4, 3, 2, 1) if i - n >= 0 and _is_qualifier(words[i - n:i])), i)
        toll = _toll(words, q, i, j)
        if toll is not None:
            out.append(toll)
        i = j
    return tuple(out)


def _is_qualifier(ws: list[str]) -> bool:
    if all(w.lower() in _QUALIFYING for w in ws):
        kind, n = qualifier(ws)
        return n == len(ws) or [w.lower() for w in ws] == ["between"]
    return False


def _toll(words: list[str], q: int, i: int, j: int) -> Toll | None:
    fig = read_figure(words[q:j])
    if fig is None and q < i:
        q, fig = i, read_figure(words[i:j])
    if fig is None:
        return None
    value, bound, high = fig
    if words[j:j + 1] in (["%"], ["percent"]) or (q > 0 and words[q - 1] in ("$", "\u20ac", "\u00a3")):
        return None
    # "a 15-year-old", "three-day talks", "2-1": a figure joined to the next word modifies it; "no one else",
    # "any one of them" are no counts.
    if words[j:j + 1] in (["-"], ["\u2013"], ["/"], [":"]) or (i > 0 and words[i - 1].lower() in ("no", "any")):
        return None
    noun: list[str] = []
    k = j
    while k < len(words) and len(noun) < 4 and words[k][:1].isalpha() and words[k].lower() not in _NOUN_STOP \
            and words[k].lower() not in HARM_OF:
        if noun and words[k].lower().endswith(("ed", "ing")):
            break  # "six people tied to the plot", "three men suspected of ..."
        noun.append(words[k])
        k += 1
    harm = _harm_before(words, q) or _harm_after(words, k)
    if harm is None:
        return None
    # A bare figure counts people only beside its harm word: "12 killed", "killing 12", "three were killed".
    if not noun and not _harm_before(words, q):
        between = next((n for n, w in enumerate(words[k:k + 4]) if w.lower() in HARM_OF), None)
        if between is None or any(w.lower() not in _AUXILIARIES for w in words[k:k + between]):
            return None
    unit = noun[-1].lower() if noun else "people"  # "12 killed", "killing 12"
    unit = "people" if unit in _PEOPLE else act_stem(unit)
    return Toll(harm, unit, value, bound, high, " ".join(words[q:k]))


def _harm_before(words: list[str], q: int) -> str | None:
    """"killing at least 12", "injuring about 20 people", "the deaths of 16 militants", "killed more than 10"."""
    before = [w.lower() for w in words[max(0, q - 2):q]]
    if before[-1:] and before[-1] in HARM_OF:
        return HARM_OF[before[-1]]
    if before[-1:] == ["of"] and before[:1] and before[0] in ("deaths", "death", "killing", "arrest"):
        return HARM_OF[before[0]]
    return None


def _harm_after(words: list[str], k: int) -> str | None:
    """"people were killed", "people have been confirmed dead", "people dead": the first harm word after the
    count's noun, before the clause ends."""
    for n, w in enumerate(words[k:k + _MAX_AFTER]):
        lw = w.lower()
        if lw in HARM_OF:
            # "Two missiles killed 3 soldiers", "the blasts killed at least 40": the count did the harm.
            nxt = [w.lower() for w in words[k + n + 1:k + n + 5]]
            if nxt and (_is_number(nxt[0]) or nxt[0] in _DETERMINERS or (
                    nxt[0] in _QUALIFYING and any(_is_number(w) for w in nxt[1:]))):
                return None
            return HARM_OF[lw]
        if lw in _CLAUSE_STOP:
            return None
    return None
