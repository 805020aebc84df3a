"""Clauses whose form usually marks background, but which report an act of their own.

triggers.py reads a relative clause as a description of a participant, a definite patient of an agentless
passive as a re-mention, and a participle adjunct as a circumstance of the main act. Three things in the
clause itself overturn that reading:

- its own time: "the girls, who were kidnapped last Friday"; a description does not date the act anew, a
  report does. (Not a definite passive: "The missile was launched ... at about 6:50 a.m." after the lead is
  still a re-mention; on eval/connect that reading added a false mention.)
- a time it is told about: "in 2013, when both countries withdrew their ambassadors" (a relative clause on a
  point date says what happened then; "since 2023, when ..." is the start of a state the sentence reports,
  background: on eval/connect both such clauses were no gold events);
- "while" before a participle of a verbal act: "X, while condemning the raid, said ..." is a second stance of
  the same speaker in the same statement, not a result or a purpose ("..., killing two", "to demand reforms").
  A material act there is a circumstance: "were killed while building bombs", "detained while investigating".
  (NGEC quotes, all types: 3 new firings, none of the labelled type; verbal types only: none of them.)
"""

from __future__ import annotations

from typing import Any

from .ontology import EventType

_TIME_ENTS = frozenset({"DATE", "TIME"})
# Prepositions that place an act at a point ("on Friday", "at dawn", "in March", "around noon"). Not those that
# open or bound a stretch ("since May", "for three weeks", "until June"): the act's own day is not told then.
_POINT_PREPS = frozenset({"on", "at", "in", "around", "by", "early", "late"})
_SIMULTANEOUS_MARKS = frozenset({"while", "whilst"})


def own_time(verb: Any) -> bool:
    """Does the verb carry a point time of its own ("last Friday", "around 3 a.m.", "on Sunday")?"""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "tmod") and c.ent_type_ in _TIME_ENTS:
            return True
        if c.dep_ == "prep" and c.lower_ in _POINT_PREPS and any(
                g.dep_ == "pobj" and g.ent_type_ in _TIME_ENTS for g in c.children):
            return True
    return False


def dated_relative(relcl: Any) -> bool:
    """A relative clause that reports an act: one with its own time, or one on a date ("in 2013, when ...")."""
    if relcl.dep_ != "relcl":
        return False
    date = relcl.head
    return own_time(relcl) or date.ent_type_ in _TIME_ENTS and date.dep_ == "pobj" and date.head.lower_ in _POINT_PREPS


def simultaneous_act(tok: Any, etype: EventType) -> bool:
    """A participle adjunct marked "while" of a verbal type (`etype`: an ontology EventType): the speaker's
    second act, told as news ("while condemning the raid")."""
    return etype.verbal and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SIMULTANEOUS_MARKS
                                                        for c in tok.children)
