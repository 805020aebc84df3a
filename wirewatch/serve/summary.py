"""One-line summaries of events, built from their evidence: "North Korea fired two short-range ballistic
missiles", not "North Korea · MOBILIZE".

`summarize` takes the clause of an evidence sentence that runs from the actor (as written) through the
trigger to the end of the act's object, cut before the time, place, attribution and subordinate clauses
that a headline leaves out. Time phrases are those the time-expression extractor finds (extract/timex.py),
taken whole with their preposition and modifiers ("late on Friday"); one inside the subject is dropped
("The army on 12 March attacked" -> "The army attacked"). When no sentence names the actor before the act,
it composes a line from the fields: actor, a verb for the event type, recipient, mode and the number
reported ("North Korea mobilized: missile test (3 missiles)"). Every list, brief, timeline and feed labels
events through this one function.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..dates import MONTH_RE
from ..extract.timex import find_timexes
from ..model import Actor, Event, EventMention, Quantity

MAX_WORDS = 18  # longer clauses are cut at this many words: a summary, not the sentence again
MIN_WORDS = 3
MAX_SUBJECT_CHARS = 80  # the actor must stand this close before the act

# A verb per PLOVER type, for lines composed from fields.
TYPE_VERBS = {
    "AGREE": "agreed with", "ACCUSE": "accused", "ASSAULT": "attacked", "AID": "gave aid to",
    "COERCE": "coerced", "CONSULT": "met", "COOPERATE": "cooperated with", "DEMAND": "made demands of",
    "DISAPPROVE": "criticized", "MOBILIZE": "mobilized", "PROTEST": "protested against", "REJECT": "rejected",
    "REQUEST": "asked", "RETREAT": "pulled back from", "SANCTION": "sanctioned", "SUPPORT": "supported",
    "THREATEN": "threatened", "YIELD": "yielded to", "CONVENTIONAL_MILITARY": "used force against",
}
# Where a headline-style clause ends: punctuation, attribution and subordinate clauses; plain prepositions
# stay ("called on North Korea to ..."). Quotation marks do not end it: a quoted object ("urged the industry
# to \"overfulfil\" the plan") is the act's own wording; the marks are dropped. Time phrases end it too, but
# they are found by the time-expression extractor (`_time_phrases`), not here.
_CUT = re.compile(
    r"(?<!\d),|,(?!\d{3}\b)|[;:!?\u2014\u2013(]|(?-i:(?<![A-Z]))\.(?:\s|$)|\s(?:said|says|told|according|reported|while|as|after|before|"
    r"since|because|although|though|which|who|adding|amid|despite)\b",
    re.I,
)
# What goes with a time expression into its phrase, before it: a modifier, a preposition, a part of the
# day ("late on Friday", "at dawn on Sunday", "on the night of 3 May", "overnight Sunday"), and after it,
# the word that makes a duration a time ("a day earlier", "three days later").
_LEAD = re.compile(
    r"(?:\b(?:late|early|shortly|just|as\s+(?:early|late)\s+as)\s+)?"
    r"(?:\b(?:on|in|at|by|from|during|since|until|till|through|throughout|around|about|before|after|over|"
    r"between|within|for)\s+)?"
    r"(?:\b(?:the\s+)?(?:night|morning|evening|afternoon|early\s+hours|weekend|dawn|dusk|noon|midday|midnight)"
    r"\s+(?:on|of)\s+)?(?:\b(?:late|early|overnight)\s+)?$",
    re.I,
)
_TRAIL = re.compile(r"\s+(?:earlier|later|ago|local\s+time)\b", re.I)
# A time expression inside a noun phrase is no time phrase: "the 2024 plan", "its 2030 goals", "this year's".
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|your|this|that|these|those|whose)\s+$", re.I)
_COMPOUND_AFTER = re.compile(r"['\u2019]s\b|-[A-Za-z]")
# Phrases the extractor leaves out: month abbreviations it does not read ("in Sept.") and "overnight".
# Month names are whole, capitalized words after a preposition: "in Mariupol" and "Theresa May" are no times.
_FALLBACK = re.compile(
    rf"\b(?:on|in|at|by|from|during|since|until|till|early|late|mid)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?"
    rf"(?-i:{MONTH_RE})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{{4}}\b)?|\bovernight\b",
    re.I,
)
# Two time phrases joined into one ("from Monday to Wednesday", "Friday night and Saturday morning").
_JOIN = re.compile(r"\s*(?:,|\s(?:and|or|to|through|until|till)\s|-)\s*$", re.I)
_PREPOSITIONS = frozenset("""in on at by from during since until till through for of to with about around
    over before after between within""".split())

# Words a clause cut short must not end on.
_DANGLING = frozenset("""and or the a an to of with that its their his her in on at for by from into onto
    over under against about than as""".split())
_QUOTES = re.compile(r"[\"“”]")


def summarize(ev: Event) -> str:
    """The event as one line of news (see the module docstring)."""
    best = _best_clause(ev)
    return _with_number(best[0], ev) if best else _composed(ev)


def evidence(ev: Event) -> EventMention | None:
    """The mention whose sentence the summary line is built from (the one a brief quotes), else the
    event's first mention."""
    best = _best_clause(ev)
    return best[1] if best else (ev.mentions[0] if ev.mentions else None)


def _best_clause(ev: Event) -> tuple[str, EventMention] | None:
    best: tuple[tuple[int, int, int, float], str, EventMention] | None = None
    unit = _main_unit(ev)
    for m in ev.mentions:
        found = _clause(ev, m)
        if found is None:
            continue
        line, at_start = found
        # Prefer a sentence that opens with its actor (a headline-like sentence, not a recap inside
        # another), one that carries the event's own number (the missiles, not "its two neighbours"),
        # the wording of the event itself (same modality), a sure type.
        rank = (int(at_start), int(any(q.text in line for q in m.quantities if q.unit == unit)),
                int(m.modality == ev.modality), m.type_confidence or 0.0)
        if best is None or rank > best[0]:
            best = (rank, line, m)
    return (best[1], best[2]) if best else None


def _main_unit(ev: Event) -> str | None:
    """What the event's numbers count, as most of its mentions say ("missile" five times beats
    "neighbour" once): a stray number in one sentence is not the event's."""
    units = Counter(q.unit for m in ev.mentions for q in m.quantities if q.unit)
    return units.most_common(1)[0][0] if units else None


def _by_evidence(ev: Event) -> list[EventMention]:
    """Mentions whose modality matches the event's first (their wording is the event's), then the rest."""
    return sorted(ev.mentions, key=lambda m: (m.modality != ev.modality, -(m.type_confidence or 0.0)))


def _surfaces(ev: Event, m: EventMention) -> list[str]:
    names: list[str] = []
    for a in [*m.actor, *ev.actor]:
        for s in (a.text, a.name):
            if s and s not in names:
                names.append(s)
    return names


def _clause(ev: Event, m: EventMention) -> tuple[str, bool] | None:
    """The actor-to-object clause of one mention's sentence, and whether the sentence opens with it."""
    s, trig = " ".join(_QUOTES.sub("", m.sentence).split()), m.trigger or ""
    if not trig:
        return None
    i = s.find(trig)
    if i < 0:
        return None
    starts = [j for j in (s.rfind(name, 0, i) for name in _surfaces(ev, m)) if j >= 0 and i - j <= MAX_SUBJECT_CHARS]
    if not starts:
        return None
    times = _time_phrases(s)
    # The widest subject that is one phrase ("North Korean leader Kim Jong Un watched"); one broken by
    # punctuation or a clause ("North Korea, which ..., fired") gives way to the actor nearest the act.
    # A time phrase inside the subject ("A spokesperson ... on Wednesday rejected") is dropped whole, with
    # its preposition and modifiers, not a cut.
    subjects = [(j, _without(s, j, i, times)) for j in sorted(set(starts))]
    clean = [(j, text) for j, text in subjects if not _CUT.search(text)]
    if not clean:
        return None
    subject = " ".join(clean[0][1].split())
    after = i + len(trig)
    stop = min([a for a, _ in times if a >= after] + [len(s)])
    rest = _CUT.split(s[after:stop], maxsplit=1)[0]
    words = f"{subject} {trig}{rest}".split()
    if not subject or len(words) < MIN_WORDS:
        return None
    words = words[:MAX_WORDS]
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    line = " ".join(words)
    return (line[0].upper() + line[1:], clean[0][0] == 0) if len(words) >= MIN_WORDS else None


@lru_cache(maxsize=4096)  # a sentence is summarized for every list, brief and feed that shows its event
def _time_phrases(s: str) -> tuple[tuple[int, int], ...]:
    """The time phrases of a sentence as (start, end) spans, in order: each time expression the extractor
    finds (extract/timex.py, the spans events are dated from) with its preposition, modifiers and part of
    the day ("late on Friday", "in early May", "on the night of 3 May", "a day earlier"); phrases joined by
    "and"/"to" become one; a phrase set off by commas takes them along. An expression inside a noun phrase
    ("the 2024 plan", "this year's") and a bare duration ("for three years") are no time phrases."""
    spans: list[tuple[int, int]] = []
    for t in find_timexes(s, None):
        start, end = t.start, t.end
        trail = _TRAIL.match(s, end)
        if t.type not in ("DATE", "TIME") and trail is None and not t.text.lower().startswith(
                ("the past", "the last", "the next", "the coming")):
            continue
        if trail is not None:
            end = trail.end()
        lead = _LEAD.search(s, max(0, start - 60), start)
        if lead is not None and lead.start() < start:
            start = lead.start()
        elif _DETERMINER.search(s, max(0, start - 8), start):
            continue
        if _COMPOUND_AFTER.match(s, end) or t.text.endswith(("'s", "\u2019s")):
            continue
        spans.append((start, end))
    spans.extend(m.span() for m in _FALLBACK.finditer(s)
                 if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in spans))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and (a <= merged[-1][1] or _JOIN.fullmatch(s, merged[-1][1], a)):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    out: list[tuple[int, int]] = []
    for a, b in merged:
        if s[max(0, a - 2):a] == ", " and s[b:b + 1] == ",":
            a, b = a - 2, b + 1
        out.append((a, b))
    return tuple(out)


def _without(s: str, j: int, i: int, times: tuple[tuple[int, int], ...]) -> str:
    """s[j:i] with the time phrases inside it left out, never ending on a preposition the cut orphaned."""
    parts, at = [], j
    for a, b in times:
        if a >= j and b <= i:
            parts.append(s[at:a])
            at = b
    parts.append(s[at:i])
    words = " ".join(parts).split()
    while words and words[-1].lower() in _PREPOSITIONS:
        words.pop()
    return " ".join(words) + " "


def _with_number(line: str, ev: Event) -> str:
    """Append the reported number when the clause leaves it out ("... fired missiles (3 missiles)")."""
    for m in ev.mentions:
        for q in m.quantities:
            if q.text and q.text.lower() in line.lower():
                return line
    unit = _main_unit(ev)
    num = next((q for m in _by_evidence(ev) for q in m.quantities if q.text and q.unit == unit), None)
    return f"{line} ({_count(num)})" if num is not None and num.unit and num.unit not in line else line


def _count(q: Quantity) -> str:
    """"3 missiles", "one drone": the number as written with its counted noun (once: a text that
    already names it, "two short-range missiles", is the count)."""
    unit = q.unit or ""
    if unit and unit.lower() in q.text.lower():
        return q.text
    if unit and q.value != 1 and not unit.endswith("s"):
        unit += "s"
    return f"{q.text} {unit}".strip()


def _names(actors: list[Actor]) -> str:
    names = [a.name for a in actors if a.name]
    return " and ".join(dict.fromkeys(names)) if names else ""


def _composed(ev: Event) -> str:
    """A line from the fields when no evidence clause will do: actor, act, recipient, mode, number. The
    act is the evidence's own past-tense verb when it has one ("expelled"), else a verb for the type."""
    actor = _names(ev.actor) or "An unnamed party"
    lead = _by_evidence(ev)
    trig = (lead[0].trigger or "").strip() if lead else ""
    own = trig.lower() if re.fullmatch(r"[A-Za-z]{3,}ed", trig) else None
    verb = own or TYPE_VERBS.get(ev.event_type, ev.event_type.lower().replace("_", " "))
    recipient = _names(ev.recipient)
    unit = _main_unit(ev)
    num = next((q for m in ev.mentions for q in m.quantities if q.text and q.unit == unit), None)
    if recipient and num is not None and recipient.lower() in num.text.lower():
        recipient, num = num.text, None  # "expelled two Philippine vessels", not "... vessels (two ... vessels)"
    line = f"{actor} {verb} {recipient}".strip() if recipient else f"{actor} {verb if own else verb.split()[0]}"
    if ev.mode:
        line += f": {ev.mode}"
    if num is not None:
        line += f" ({_count(num)})"
    return line
