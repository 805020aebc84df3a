"""Narrative time: a past-tense sentence with no time expression of its own goes on at the time of the
sentence before it.

News tells background as a short story: "Talks broke down at the Geneva summit held in March. There, the
envoys traded accusations." The second sentence happened in March, not on the day of the report. Without
this, every such sentence took the publication date (`events._date`), which is right only for the news
itself. (VOA dev date accuracy, held-out half: 0.851 without the carry, see README.)

The carry is narrow on purpose:
- only to a mention that would otherwise be dated by the report (a finite past/present report of a real
  happening, no time expression in its sentence at all), told in the simple or perfect past ("asked", "were
  killed", "had fired"; never "has been", "is", "will");
- only from a date the text gave in the sentence before, in the same paragraph (a dated event, or a past
  time expression that is not just a noun's modifier), or up to `MAX_GAP` sentences back when those in
  between carry no event and no time expression; a paragraph is what the readers lay out as one
  (`paragraph_ends`: trafilatura gives one a line);
- never from a time expression inside what someone said ("Rebels seized Amara in 2019, the army said.
  Troops arrested 40 protesters.": 2019 is the army's time, the arrests are today's news);
- one step only: a sentence dated by the carry does not pass it on (chains drifted into the news of the
  day: "Seven others were killed" two sentences after Tuesday's claim of an attack, fused with the wrong
  report), and an event dated by the report returns the story to the report's day;
- never a future date, nor one that goes on after the report's day ("next week", "later this month":
  the whole interval is compared, not its calendar prefix);
- a backstory the text steps into is background: a sentence that opens on an anaphor of time or place
  ("There,", "At the time,", "Back then,": `FRAME_OPENERS`) under a carried date that ended
  `BACKGROUND_DAYS` or more before the report (the "Hanoi summit held in February" of a December report)
  is told inside that past, so what it tells is historical, as its own date would make it
  (`events._long_before`); and that frame goes on past one step, sentence by sentence, while each is told
  wholly in the past with no time of its own ("There, Kim asked for relief. Trump denied the request.").
  Without the anaphor the carried date is the date only: "Vantix sued Nuvia in 2024. Nuvia denied the
  claim." may be today's denial (and a carried "2019" once made the next paragraph's arrests history). A
  recent carried date ("on Saturday") goes one step; a mention dated by the report returns the story to
  the report's day.
A carried date is marked `date_from="context"`: it came from the text, but not from the event's own
sentence, so fusion only weighs it and it never contradicts another report (`model.STAND_IN_DATES`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from ..model import MODALITY_TABLE, POSITIVE_MODALITIES, STAND_IN_DATES, EventMention
from .lexicon import lexicon

MAX_GAP = 2  # sentences without a date or an event that the narrative time survives
# A happening dated this many days before the report, or more, is background, not news.
BACKGROUND_DAYS = 60
# Sentence openers that point back to the time or place of the sentence before ("There, the envoys traded
# accusations"): the sentence is told inside that frame.
FRAME_OPENERS = ("there", "then", "back then", "at the time", "at that time", "at that point", "that day",
                 "that night", "that year", "at the meeting", "at the summit", "at the talks")
# Modalities whose text date is a time the story was at (a plan's date is not): those that say it happened
# (the table's positive polarity: asserted, reported, claimed) receive a carried date, and background ones
# carry it on too. Read from `model.MODALITY_TABLE`, the one place modalities are described.
_CARRIES = POSITIVE_MODALITIES | frozenset(m.name for m in MODALITY_TABLE.values() if m.background)


@dataclass
class SentenceTime:
    """What one sentence says about time: its mentions (with where their dates came from and whether they
    are told in the past) and the last past calendar date of its own time expressions."""

    mentions: list[EventMention] = field(default_factory=list)
    past: list[bool] = field(default_factory=list)
    has_timex: bool = False
    new_paragraph: bool = False  # a paragraph break ends the narrative (the report's layout says so)
    framed: bool = False  # opens on a `FRAME_OPENERS` anaphor, followed by a comma
    # dates that set no narrative time for the next sentence: inside what someone said, or starting a stretch
    # up to now ("since May")
    frameless_dates: set[str] = field(default_factory=set)
    anchor: tuple[str, str] | None = None  # (date prefix, precision) of a past time expression


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def paragraph_ends(text: str) -> list[int]:
    """Where each paragraph break of the text ends (for `bisect`), as the readers lay text out: a text with
    a blank line anywhere separates paragraphs by blank lines (plain text and JSON files, feed and HTML
    fragments read by lxml; a single newline there only wraps a line); one without separates them by
    single newlines (trafilatura's main text of a page: one paragraph a line)."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    return [m.end() for m in breaks.finditer(text)]


def in_speech(tok: Any) -> bool:
    """Is the token inside the complement of a verb of saying ("Rebels seized Amara in 2019, the army
    said": "2019" is the army's)?"""
    says = lexicon()["reporting_verbs"]
    x = tok
    for _ in range(8):
        if x.head == x:
            return False
        if x.dep_ in ("ccomp", "parataxis") and x.head.lemma_.lower() in says:
            return True
        x = x.head
    return False


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
    """The last day a date covers: a calendar prefix (2019, 2019-02, 2019-02-13, a time of that day) or an
    ISO week (2025-W24)."""
    w = re.match(r"(\d{4})-W(\d{2})$", date)
    if w:
        try:
            return Date.fromisocalendar(int(w[1]), int(w[2]), 7)
        except ValueError:
            return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T[\d:.]*)?$", date)
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
    """Is the whole of the date over by the end of the report's day? The interval, not its prefix:
    "next week" (2025-W25) and "later this month" (2025-06) of a report of 2025-06-10 begin, or go on,
    after it, and the story cannot already be there."""
    end = _end_day(date)
    if end is None:
        return False
    pub = _end_day(published[:10]) if published else None
    return pub is None or end <= pub


def days_before(date: str, published: str | None) -> int | None:
    """How many days before the report's day the whole of the date ended (None when either is unknown)."""
    end = _end_day(date)
    pub = _end_day(published[:10]) if published else None
    return None if end is None or pub is None else (pub - end).days


def _long_past(date: str, published: str | None) -> bool:
    """Did the whole of the date end `BACKGROUND_DAYS` or more before the report's day?"""
    end = _end_day(date)
    pub = _end_day(published[:10]) if published else None
    return end is not None and pub is not None and (pub - end).days >= BACKGROUND_DAYS


def carry(sentences: list[SentenceTime], published: str | None) -> None:
    """Give the report-dated past mentions of each sentence the narrative time of the sentences before."""
    story: tuple[str, str] | None = None  # (date, precision) the narrative is at
    framed = False  # the narrative is inside a long-past frame the text stepped into ("There, ...")
    gap = 0
    for s in sentences:
        if s.new_paragraph:
            story = None
        if s.new_paragraph or story is None:
            framed = False
        backstory = story is not None and _long_past(story[0], published) and (s.framed or framed)
        # Past the opener, the frame is the narrator's: a sentence someone is reported to say ("North Korea
        # fired missiles, the South's military said") is that source's news, and takes no date from it.
        going_on = backstory and not s.framed
        carried = 0
        if story is not None and gap <= MAX_GAP and not s.has_timex:
            for m, past in zip(s.mentions, s.past, strict=True):
                if going_on and m.modality != "asserted":
                    continue
                if m.date_from == "published" and past and m.modality in POSITIVE_MODALITIES and story[0] != m.date:
                    m.date, m.date_precision, m.date_from = story[0], story[1], "context"
                    carried += 1
                    if backstory and m.modality in ("asserted", "reported"):
                        m.modality = "historical"  # told inside a long-past frame: background
        # A date inside what someone said is the speaker's, no frame for the narrator's next sentence
        # ("Rebels seized Amara in 2019, the army said. Troops arrested 40 protesters."); the day of the
        # saying is ("Blinken issued a statement Tuesday saying ... . The statement threatened sanctions.").
        dated = [m for m in s.mentions if m.date and m.date_from == "text" and m.date not in s.frameless_dates
                 and m.modality in _CARRIES and not_after(m.date, published)]
        if dated:
            story, gap, framed = (dated[-1].date or "", dated[-1].date_precision or ""), 0, False
        elif s.anchor is not None:
            story, gap, framed = s.anchor, 0, False
        elif backstory and carried and not s.has_timex and all(m.date_from == "context" for m in s.mentions):
            framed, gap = True, 0  # the backstory goes on: every mention of this sentence was told inside it
        elif s.has_timex or any(m.date_from in STAND_IN_DATES for m in s.mentions):
            # Back to the report's own day, carried once already, or moved to a time that cannot be
            # followed (a time expression that dates nothing past: "talks due in February"; one inside
            # what someone said).
            story = None
        else:
            gap += 1
