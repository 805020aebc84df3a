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
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|next|early|late)"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# Where a headline-style clause ends: punctuation, attribution, subordinate clauses, and time phrases
# ("on Wednesday", "in March", "late Tuesday"); plain prepositions stay ("called on North Korea to ...").
_CUT = re.compile(
    r"[,;:!?\u2014\u2013(\"“”]|(?-i:(?<![A-Z]))\.(?:\s|$)|\s(?:said|says|told|according|reported|while|as|after|before|since|"
    r"because|although|though|which|who|adding|amid|despite)\b|"
    rf"\s(?:on|in|at|by|from|during|late|early)\s+(?:the\s+)?(?:{_DAY}|{_MONTH}|\d)|\s{_DAY}\b",
    re.I,
)


def summarize(ev: Event) -> str:
    """The event as one line of news (see the module docstring)."""
    best: tuple[tuple[int, int, int, float], str] | None = None
    for m in ev.mentions:
        found = _clause(ev, m)
        if found is None:
            continue
        line, at_start = found
        # Prefer the wording of the event itself (same modality), a sentence that opens with its actor
        # (a headline-like sentence, not a recap inside another), one that carries the number, a sure type.
        rank = (int(m.modality == ev.modality), int(at_start), int(any(q.text in line for q in m.quantities)),
                m.type_confidence or 0.0)
        if best is None or rank > best[0]:
            best = (rank, line)
    return _with_number(best[1], ev) if best else _composed(ev)


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
    s, trig = " ".join(m.sentence.split()), m.trigger or ""
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
    clean = [j for j in sorted(set(starts)) if not _CUT.search(s[j:i])]
    if not clean:
        return None
    subject = s[clean[0]:i].strip()
    rest = _CUT.split(s[i + len(trig):], maxsplit=1)[0]
    words = f"{subject} {trig}{rest}".split()
    if not subject or len(words) < MIN_WORDS:
        return None
    words = words[:MAX_WORDS]
    while words and words[-1].lower() in {"and", "or", "the", "a", "an", "to", "of", "with", "that", "its"}:
        words.pop()
    line = " ".join(words)
    return (line[0].upper() + line[1:], clean[0] == 0) if len(words) >= MIN_WORDS else None


def _with_number(line: str, ev: Event) -> str:
    """Append the reported number when the clause leaves it out ("... fired missiles (3 missiles)")."""
    for m in ev.mentions:
        for q in m.quantities:
            if q.text and q.text.lower() in line.lower():
                return line
    num = next((q for m in _by_evidence(ev) for q in m.quantities if q.text), None)
    return f"{line} ({_count(num)})" if num is not None and num.unit and num.unit not in line else line


def _count(q: Quantity) -> str:
    """"3 missiles", "one drone": the number as written with its counted noun."""
    unit = q.unit or ""
    if unit and q.value != 1 and not unit.endswith("s"):
        unit += "s"
    return f"{q.text} {unit}".strip()


def _names(actors: list[Actor]) -> str:
    names = [a.name for a in actors if a.name]
    return " and ".join(dict.fromkeys(names)) if names else ""


def _composed(ev: Event) -> str:
    """A line from the fields when no evidence clause will do: actor, act, recipient, mode, number."""
    actor = _names(ev.actor) or "An unnamed party"
    verb = TYPE_VERBS.get(ev.event_type, ev.event_type.lower().replace("_", " "))
    recipient = _names(ev.recipient)
    line = f"{actor} {verb} {recipient}".strip() if recipient else f"{actor} {verb.split()[0]}"
    if ev.mode:
        line += f": {ev.mode}"
    num = next((q for m in ev.mentions for q in m.quantities if q.text), None)
    if num is not None:
        line += f" ({_count(num)})"
    return line
