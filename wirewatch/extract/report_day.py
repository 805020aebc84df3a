"""When the report's day may stand in for an event's missing date (`events._date`).

A report with no time expression for an act dates it by its publication day only when it tells the act
as the day's news. Some grammar says the act's day is another, unknown one, and the report's day is then
none of its days (the ontology's "null where unknown"):
- a tally summed up to now: "has, thus far, confiscated 14 rifles", "have so far arrested 50", "to date";
- a stretch begun at an earlier happening: "Since the shooting, 50 arrests have been made", "has been held
  since his arrest", "has reshuffled his generals since taking power", "has since detained dozens" (a
  "since" with a calendar time, "since May", is a period the timex gives: `timex_signals.period_of`).

(The narrator's past perfect, "46 people had been arrested", was tried as a third such grammar: right on the
ECB+ crime reports, but the undated mentions then fused across days on held-out wire copy, eval/connect3
conflict precision .786 -> .688.)

And one fact of the report: a happening it has dated days before its own day, told again in the past with no
time ("Gray was shot on Saturday night ... . They killed my little brother", "Two bullets struck from the
front"), is that happening retold, not the day's news (`retold`), unless it names other parties.
"""

from __future__ import annotations

from typing import Any

from ..model import POSITIVE_MODALITIES, Actor, EventMention
from .timex_narrative import days_before


def tally_so_far(verb: Any) -> bool:
    """ "The ship has, thus far, confiscated 14 rifles", "have so far arrested 50 people", "... to date": acts
    summed up to now happened on days the sentence does not give."""
    # (a parse that leaves "has" the head keeps the adverb there: "has, so far, detained")
    heads = [verb, verb.head] if verb.head.lemma_.lower() == "have" and verb.head.i < verb.i else [verb]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "advmod" and c.lower_ == "far" and c.i > 0 and c.doc[c.i - 1].lower_ in ("so", "thus"):
            return True  # "so" parsed as the head's own advmod or as that of "far": the words decide
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ == "date" for g in c.children):
            return True
    return False


def since_happening(verb: Any) -> bool:
    """ "Since the shooting, over 50 arrests have been made", "has been held since his arrest", "has
    reshuffled officials since taking power": the act fills a stretch from an earlier happening up to now.
    Only "since" with a noun or a gerund, or a clause it opens under a perfect ("have fled since the
    fighting began"); a causal "since" ("since he was tired") governs no perfect."""
    for c in verb.children:
        if c.lower_ != "since":
            continue
        if c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return True
        if c.dep_ == "advmod" and perfect(verb):
            return True  # "seized the airport on Friday and has since arrested dozens": from then until now
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) and \
                perfect(verb):
            return True
    return False


def perfect(verb: Any) -> bool:
    """Is the verb a present or past perfect ("have fled", "had been arrested")?"""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def no_report_day(verb: Any) -> bool:
    """Does the grammar of the act's verb say the report's day is not its day?"""
    return tally_so_far(verb) or since_happening(verb)


# A happening the report dated this many days before its own day, or more, is no news of that day.
RETOLD_DAYS = 2


def retold(mentions: list[EventMention], past: list[bool], published: str | None, verbal: set[str]) -> None:
    """Drop the report's-day stand-in of a past mention of a deed whose type the report has already dated,
    from the text, `RETOLD_DAYS` or more before its own day: the undated retelling is of that happening, on a
    day the sentence does not give. Not of a verbal act (`verbal` types): a statement is made anew ("Last
    Friday, 1,300 biologists urged ..." and, today, "federal scientists must be heard," an ecologist said).
    Nor of a mention that names other parties than every such dated one (`_other_parties`): "Police arrested
    two men on Monday ... Border guards arrested a woman" is the day's news about other people."""
    dated: dict[str, list[EventMention]] = {}
    for m in mentions:
        if m.date_from == "text" and m.date and m.modality in POSITIVE_MODALITIES and m.event_type not in verbal \
                and (days_before(m.date, published) or 0) >= RETOLD_DAYS:
            dated.setdefault(m.event_type, []).append(m)
    for m, was in zip(mentions, past, strict=True):
        if m.date_from == "published" and was and \
                any(not _other_parties(m, d) for d in dated.get(m.event_type, ())):
            m.date = m.date_precision = m.date_from = None


def _other_parties(m: EventMention, d: EventMention) -> bool:
    """Does `m` name other parties than `d`: none of those `d` names, and someone else in a role where `d`
    names someone too? One party in common makes the same happening ("Officers arrested the dock workers"
    after "Police arrested two dock workers on Monday"), and a role either leaves open is no difference ("A
    cashier was stabbed on Sunday" and "The attacker stabbed him")."""
    def keys(actors: list[Actor]) -> set[str]:
        return {a.entity_id or a.name.lower() for a in actors}

    if keys(m.actor + m.recipient) & keys(d.actor + d.recipient):
        return False
    return any(mine and theirs for mine, theirs in ((m.actor, d.actor), (m.recipient, d.recipient)))
