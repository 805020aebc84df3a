"""One-line summaries of events, built from their evidence: "North Korea fired two short-range ballistic
missiles", not "North Korea · MOBILIZE".

`summarize` takes the clause of an evidence sentence that runs from the actor (as written) through the
trigger to the end of the act's object, cut before the time, place, attribution and subordinate clauses
that a headline leaves out. When no sentence names the actor before the act, it composes a line from the
fields: actor, a verb for the event type, recipient, mode and the number reported ("North Korea mobilized:
missile test (3 missiles)"). Every list, brief, timeline and feed labels events through this one function.
"""

from __future__ import annotations

import re
from collections import Counter

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
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)"
# "last week", "this month", "late Tuesday": a time; "this year's plan" is an object, so no possessive.
_DAY = rf"(?:{_WEEKDAY}|(?:last|this|next|early|late)\s+(?:week|month|year|night|weekend|{_WEEKDAY})\b(?!['’]s))"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# Time phrases ("on Wednesday", "in March", "late Tuesday", "a day earlier"): a headline leaves them out.
_TIME = (
    rf"\s(?:on|in|at|by|from|during|late|early)\s+(?:the\s+)?(?:{_DAY}|{_MONTH}|\d)[\w.]*|\s{_DAY}\b|"
    r"\s(?:a|an|one|two|three|four|five|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+"
    r"(?:earlier|later|ago|before|after|since)\b"
)
_TIME_RE = re.compile(_TIME, re.I)
# Where a headline-style clause ends: punctuation, attribution, subordinate clauses, and time phrases;
# plain prepositions stay ("called on North Korea to ..."). Quotation marks do not end it: a quoted object
# ("urged the industry to \"overfulfil\" the plan") is the act's own wording; the marks are dropped.
_CUT = re.compile(
    r"(?<!\d),|,(?!\d{3}\b)|[;:!?\u2014\u2013(]|(?-i:(?<![A-Z]))\.(?:\s|$)|\s(?:said|says|told|according|reported|while|as|after|before|"
    r"since|because|although|though|which|who|adding|amid|despite)\b|" + _TIME,
    re.I,
)
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
    # The widest subject that is one phrase ("North Korean leader Kim Jong Un watched"); one broken by
    # punctuation or a clause ("North Korea, which ..., fired") gives way to the actor nearest the act.
    # A time phrase inside the subject ("A spokesperson ... on Wednesday rejected") is dropped, not a cut.
    clean = [j for j in sorted(set(starts)) if not _CUT.search(_TIME_RE.sub(" ", s[j:i]))]
    if not clean:
        return None
    subject = " ".join(_TIME_RE.sub(" ", s[clean[0]:i]).split())
    rest = _CUT.split(s[i + len(trig):], maxsplit=1)[0]
    words = f"{subject} {trig}{rest}".split()
    if not subject or len(words) < MIN_WORDS:
        return None
    words = words[:MAX_WORDS]
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    line = " ".join(words)
    return (line[0].upper() + line[1:], clean[0] == 0) if len(words) >= MIN_WORDS else None


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
