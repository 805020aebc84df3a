"""Coordinated verbs and the time they share.

"Police seized the weapons and arrested six men on Sunday": one time expression after the last conjunct
dates the whole coordination, as one before or inside the first does ("seized the weapons on Sunday and
arrested six men"). The parse hangs the time on one conjunct only, so the event code asks here which verbs
coordinated with the trigger's share its time: those told in the same tense. A conjunct in another tense says
otherwise ("was arrested on Monday and will appear in court on Friday", "arrested the man on Monday and he
will be charged later"): the arrest's day is no day of the appearance, nor of the charge.
"""

from __future__ import annotations

from typing import Any

# Auxiliaries of an act not (yet) done: a future, a possibility, an obligation, an infinitive.
_IRREALIS_AUX = frozenset({"will", "'ll", "shall", "would", "may", "might", "could", "should", "must", "can",
                           "ca", "to"})


def _own_tense(verb: Any) -> str | None:
    """ "past", "perfect", "present" or "irrealis" from the verb's own form and auxiliaries; None when it has
    none of its own (a participle or bare verb that shares its first conjunct's: "was arrested and charged").
    A past perfect is past here ("had arrested six men on Sunday"), but a present perfect is a tense of its
    own: English gives it no definite past time ("seized the airport on Friday and has since arrested dozens"
    tells arrests over the days since, none of them on Friday)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _IRREALIS_AUX for c in auxes):
        return "irrealis"
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP")
                                  for c in auxes):
        return "perfect"
    tags = {verb.tag_} | {c.tag_ for c in auxes}
    if "VBD" in tags or any(c.lemma_.lower() == "have" for c in auxes if c.dep_ == "aux") and verb.tag_ == "VBN":
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def tense(verb: Any) -> str | None:
    """The verb's tense, a conjunct without auxiliaries of its own taking that of the verb it is coordinated
    with."""
    own = _own_tense(verb)
    if own is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return tense(verb.head)
    return own


def time_sharing_conjuncts(verb: Any) -> set[int]:
    """Token indices of the verbs coordinated with `verb` that share its time: told in the past (or the
    present perfect), as it is.
    A time expression on one of them dates `verb` when `verb` has none of its own."""
    mine = tense(verb) if verb.pos_ in ("VERB", "AUX") else None
    if mine not in ("past", "perfect"):
        return set()
    return {c.i for c in verb.conjuncts if c.pos_ in ("VERB", "AUX") and tense(c) == mine}


def tense_apart(verb: Any) -> bool:
    """Is `verb` a conjunct told in another tense than the verb it is coordinated with ("... on Monday and
    he will be charged later")? Then that verb's time expression is not its."""
    x = verb
    while x.dep_ == "conj" and x.head != x:
        mine, theirs = tense(x), tense(x.head)
        if mine is not None and theirs is not None and mine != theirs:
            return True
        x = x.head
    return False
