"""When a mention stands in time: its phase (news of now, a recap of the past, a plan, a denial) and its aspect.

A background line of a standing position ("has long denied") is the past whatever modality the extractor
gave it, unless the line is a bulletin's reply to the charge itself; a standing or repeated activity ("keeps
shipping shells", "has repeatedly called on") is not one dated act, unless the act's own clause names its day.
The gate of pairs.py and the conflict rules read these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import MODALITY_TABLE, EventMention
from ..text import WORD as _WORD
from .acts import _acts, trigger_span

# Modalities by standing in time: reports of what is happening now fuse with each other; a recap of an
# earlier happening, a plan and a denial are each their own phase (see fusion.py).
PHASE = {m.name: m.phase for m in MODALITY_TABLE.values() if m.phase != "now"}  # the table lives in model.py

# "have repeatedly denied", "has long denied": a standing position restated as background, whatever
# modality the extractor gave the sentence (conflicts.py reads the same pattern).
BACKGROUND = re.compile(r"\b(ha(?:ve|s|d)\s+(?:\w+\s+)?(?:denied|rejected|dismissed)|(?:repeatedly|consistently|long)"
                        r"\s+(?:denied|rejected|dismissed))", re.I)


def phase(modality: str | None) -> str:
    return PHASE.get(modality or "", "now")


def mention_phase(m: EventMention) -> str:
    """The mention's phase; a background line of a standing position is the past, not today's news.

    A "has rejected" line that names its own day ("Pyongyang has rejected the reports, its news agency
    said on Thursday") is that day's news, not a standing position restated."""
    p = phase(m.modality)
    if p != "now" or m.date_from == "text":
        return p
    found = BACKGROUND.search(m.sentence or "")
    # The pattern is a standing denial's; where its verb is the mention's own trigger of an act that is no
    # denial ("President Arrieta has dismissed her interior minister", a bulletin's present perfect), it is
    # that act told as today's news, not a position restated.
    if found and m.event_type != "REJECT" and (span := trigger_span(m)) and found.start() <= span[0] < found.end():
        return p
    # A bare present perfect with the charge itself as its object ("the Board has dismissed the smuggling
    # charge", "has rejected the accusation") replies to a charge the news tells: a bulletin's tense for
    # today's reply. A standing position is told by its adverb ("has long denied") or by what it denies
    # ("has denied any involvement").
    if found and m.event_type == "REJECT" and _reply_to_charge(m):
        return p
    return "past" if found else p


@lru_cache(maxsize=1)
def _reply_pattern() -> re.Pattern[str]:
    charge = "|".join(re.escape(w) for w in _acts()["concepts"]["charge"])
    return re.compile(r"\bha(?:s|ve)\s+(?:denied|rejected|dismissed)\s+(?:the|this|that|these|those)\s+"
                      rf"(?:[\w-]+\s+){{0,2}}?(?:{charge})s?\b", re.I)


def _reply_to_charge(m: EventMention) -> bool:
    """`mention_phase`'s reply to a charge: has/have + a verb of denial + a definite noun of the charge, the
    mention's own trigger its verb (in "police arrested two men; the family has dismissed the charges" the
    reply is another act's sentence)."""
    span = trigger_span(m)
    return span is not None and any(f.start() <= span[0] < f.end()
                                    for f in _reply_pattern().finditer(m.sentence or ""))


@lru_cache(maxsize=1)
def _ongoing_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = (_acts().get("ongoing") or {})
    return (frozenset(w.lower() for w in raw.get("before") or []),
            frozenset(w.lower() for w in raw.get("progressive") or []))


# Words that may stand between an ongoing marker and its trigger inside one verb group: auxiliaries, "to",
# "also" ("has repeatedly called", "continues to send", "have also kept shipping").
_VERB_GROUP = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would",
                         "to", "also", "not", "s", "ve"})
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
# A day of the act's own ("on Tuesday night", "yesterday", "on May 4"), not a habit ("every Monday").
_OWN_DAY = re.compile(r"(?<!every )(?<!each )\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                      r"tonight|last night|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? "
                      r"\d{1,2})\b", re.I)
# Where the act's own clause ends after its trigger: a comma, a semicolon, a dash, or a speech tag.
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s(?:said|says|told|according)\b", re.I)


def _trigger_at(m: EventMention) -> int:
    """Where the trigger starts in its sentence (`trigger_span`), -1 when it cannot be placed."""
    span = trigger_span(m)
    return span[0] if span else -1


def own_day(m: EventMention) -> bool:
    """The act's own clause (from its trigger to the next comma or speech tag) states its day: "repeatedly
    shelled positions on Tuesday night, Armenia said" is one night's fire; in "keeps sending convoys, the
    ministry said on Monday" the day is the statement's."""
    at = _trigger_at(m)
    if at < 0 or m.date_from != "text" or m.date_precision != "day":
        return False
    rest = (m.sentence or "")[at + len(m.trigger or ""):]
    end = _CLAUSE_END.search(rest)
    return bool(_OWN_DAY.search(rest[:end.start()] if end else rest))


def ongoing(m: EventMention) -> bool:
    """The mention states a standing or repeated activity, not one act (data/acts.yaml `ongoing`): "keeps
    shipping shells", "has repeatedly called on China", "continues to send", "has been supplying".

    The marker must belong to the trigger's own verb group: directly before it, or with only auxiliaries,
    "to" or "also" between ("Protests continued and police arrested 40 people" is one arrest; in "Gunmen,
    still at large, killed four" the 'still' is the apposition's). A marker does not override a day the
    act's own clause states (`own_day`)."""
    at = _trigger_at(m)
    if at < 0:
        return False
    marks, progressive = _ongoing_words()
    trig = _WORD.findall(m.trigger or "")
    found = False
    for i, w in enumerate(reversed(_TOKEN.findall((m.sentence or "")[:at]))):
        w = w.lower().strip("'’")
        if w in marks or (i == 0 and w in progressive and bool(trig) and trig[0].lower().endswith("ing")):
            found = True
        elif w in _VERB_GROUP:
            continue
        break
    return found and not own_day(m)
