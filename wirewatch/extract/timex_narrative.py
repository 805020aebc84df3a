"""Narrative time: a past-tense sentence with no time expression of its own goes on at the time of the
sentence before it.

News tells background as a short story: "Talks broke down at the Geneva summit held in March. There, the
envoys traded accusations." The second sentence happened in March, not on the day of the report, and is
background like the first. Without this, every such sentence took the publication date (`events._date`),
which is right only for the news itself.

The carry is narrow on purpose:
- only to a mention that would otherwise be dated by the report (a finite past/present report of a real
  happening, no time expression in its sentence at all), told in the simple or perfect past ("asked", "were
  killed", "had fired"; never "has been", "is", "will");
- only from a date the text gave in the sentence before, in the same paragraph (a dated event, or a past
  time expression that is not just a noun's modifier), or up to `MAX_GAP` sentences back when those in
  between carry no event and no time expression;
- one step only: a sentence dated by the carry does not pass it on (chains drifted into the news of the
  day: "Seven others were killed" two sentences after Tuesday's claim of an attack, fused with the wrong
  report), and an event dated by the report returns the story to the report's day;
- never a future date (a plan's day is not when the next sentence happened).
A carried date is marked `date_from="context"`: it came from the text, but not from the event's own
sentence, so fusion only weighs it and it never contradicts another report (`model.STAND_IN_DATES`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from ..model import STAND_IN_DATES, EventMention

MAX_GAP = 2  # sentences without a date or an event that the narrative time survives
# Modalities whose text date is a time the story was at (a plan's date is not).
_CARRIES = frozenset({"asserted", "reported", "claimed", "historical"})
_RECEIVES = frozenset({"asserted", "reported", "claimed"})
_BACKGROUND_DAYS = 60  # as events._BACKGROUND_DAYS: this far before the report is background


@dataclass
class SentenceTime:
    """What one sentence says about time: its mentions (with where their dates came from and whether they
    are told in the past) and the last past calendar date of its own time expressions."""

    mentions: list[EventMention] = field(default_factory=list)
    past: list[bool] = field(default_factory=list)
    has_timex: bool = False
    new_paragraph: bool = False  # a paragraph break ends the narrative (the report's layout says so)
    anchor: tuple[str, str] | None = None  # (date prefix, precision) of a past time expression


def past_tense(tok: Any) -> bool:
    """Told in the simple or perfect past: the trigger's own tense, else that of the verb it hangs from
    ("the attack, which killed ..." is the noun's clause). Present perfect ("has rejected") is news now."""
    x = tok
    for _ in range(4):
        auxes = [c for c in x.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ in ("VBZ", "VBP", "MD") or c.lower_ in ("will", "'ll") for c in auxes) or \
                x.tag_ in ("VBZ", "VBP"):
            return False
        if x.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
            return True
        if x.head == x or x.dep_ in ("ccomp", "csubj", "parataxis"):
            return False
        x = x.head
    return False


def _end_day(date: str) -> Date | None:
    """The last day a date prefix (2019, 2019-02, 2019-02-13) covers."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", date)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 12), int(m[3] or 0)
    try:
        if d:
            return Date(y, mo, d)
        nxt = Date(y + mo // 12, mo % 12 + 1, 1)
        return Date.fromordinal(nxt.toordinal() - 1)
    except ValueError:
        return None


def not_after(date: str, published: str | None) -> bool:
    """Does the date begin on or before the report's day? (ISO prefixes compare as strings.)"""
    return _end_day(date) is not None and (not published or date[:10] <= published[:10])


def long_before(date: str, published: str | None) -> bool:
    end, pub = _end_day(date), _end_day(published[:10]) if published else None
    return end is not None and pub is not None and (pub - end).days >= _BACKGROUND_DAYS


def carry(sentences: list[SentenceTime], published: str | None) -> None:
    """Give the report-dated past mentions of each sentence the narrative time of the sentences before."""
    story: tuple[str, str] | None = None  # (date, precision) the narrative is at
    gap = 0
    for s in sentences:
        if s.new_paragraph:
            story = None
        if story is not None and gap <= MAX_GAP and not s.has_timex:
            for m, past in zip(s.mentions, s.past, strict=True):
                if m.date_from == "published" and past and m.modality in _RECEIVES and story[0] != m.date:
                    m.date, m.date_precision, m.date_from = story[0], story[1], "context"
                    if long_before(story[0], published):
                        m.modality = "historical"
        dated = [m for m in s.mentions if m.date and m.date_from == "text" and
                 m.modality in _CARRIES and not_after(m.date, published)]
        if dated:
            story, gap = (dated[-1].date or "", dated[-1].date_precision or ""), 0
        elif s.anchor is not None:
            story, gap = s.anchor, 0
        elif s.has_timex or any(m.date_from in STAND_IN_DATES for m in s.mentions):
            # Back to the report's own day, carried once already, or moved to a time that cannot be
            # followed (a time expression that dates nothing past: "talks due in February").
            story = None
        else:
            gap += 1
