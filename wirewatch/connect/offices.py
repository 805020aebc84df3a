"""Which post a personnel act is about: "was appointed defence minister", "takes charge of Defence", "was moved
to the foreign affairs ministry", "promoted to the rank of general".

One reshuffle names several people and several posts in a few sentences. When the extractor misses the person
on one side (no recipient), the participants say nothing and every appointment of the day looked like one act;
the post tells them apart: an interior minister and a finance minister are two appointments, whoever they are.
Two mentions that both name a post and share no word of it are two acts (`pairs.gate_reason`, "personnel-post").
A verb of leaving that names where the person goes ("leaves defence for the foreign ministry") is a move, the
appointment there (`departure_act`).

The post is read from the words right after the trigger, up to the end of its clause (a comma, "and", a speech
tag, a date word): the object or complement of "appointed", "named", "moved to". Words that name a post in
general and not which one ("minister", "portfolio", "post", "new") and time words are left out, and so are the
words of the parties' own names; what is left is compared after the one stemmer, with shared concepts
(data/acts.yaml `concepts`) and the spelling pairs of `posts` (defence / defense) folded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import EventMention
from ..text import STOP_WORDS as STOP
from ..text import WORD as _WORD
from .acts import _acts, _lexicon, act_stem, trigger_span

# Where the post's phrase ends: punctuation, a coordination or a subordinate clause, a speech tag, a passive's
# agent ("appointed fire chief by the council").
_END = re.compile(r"[,;:()\u2013\u2014.]|\s(?:and|but|while|after|before|when|who|which|said|says|told|"
                  r"according|replacing|succeeding|in place of|by)\b", re.I)
POST_WORDS = 6  # content words: "Dana Holt as the city's new police chief": the post is in the first few


@lru_cache(maxsize=1)
def _post_tables() -> tuple[frozenset[str], dict[str, str]]:
    """(words that name a post in general, spelling variants -> one form), from data/acts.yaml `posts`."""
    raw = _acts().get("posts") or {}
    general = frozenset(act_stem(w.lower()) for w in raw.get("general") or [])
    variants = {act_stem(w.lower()): act_stem(base.lower())
                for base, ws in (raw.get("variants") or {}).items() for w in ws}
    return general, variants


def post_words(m: EventMention) -> frozenset[str]:
    """The stemmed words of the post the personnel act names after its trigger; empty when it names none."""
    span = trigger_span(m)
    if span is None:
        return frozenset()
    rest = (m.sentence or "")[span[1]:]
    end = _END.search(rest)
    phrase = rest[: end.start()] if end else rest
    general, variants = _post_tables()
    _, concepts = _lexicon()
    # The parties' own names are not the post ("by the council", "Dana Holt as police chief").
    own = {act_stem(w.lower()) for x in (*m.recipient, *m.actor) for w in _WORD.findall(x.name or "")}
    out: set[str] = set()
    seen = 0
    for w in _WORD.findall(phrase):
        lw = w.lower()
        if lw in STOP or len(lw) < 3 or lw.isdigit():
            continue
        seen += 1
        if seen > POST_WORDS:
            break
        s = act_stem(lw)
        if s in general or s in own:
            continue
        out.add(variants.get(s, concepts.get(s, s)))
    return frozenset(out)


def different_posts(a: EventMention, b: EventMention) -> bool:
    """Both personnel mentions name a post, and the two posts share no word: two acts of one reshuffle."""
    pa, pb = post_words(a), post_words(b)
    return bool(pa and pb) and not pa & pb


# A goal after a verb of leaving: "for" / "to" and, within a few words, a post ("for the foreign ministry", "to
# the health portfolio") or a capitalized name ("to Foreign Affairs"); not "for personal reasons", "to spend time".
_GOAL = re.compile(r"\b(?:for|to)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)")
GOAL_WORDS = 4


def departure_act(m: EventMention) -> str | None:
    """The act a verb of leaving names (data/acts.yaml `departures`): its `goal_act` where its clause names
    where the person goes, a post or a portfolio's name after "for" / "to"; else None (no act: a resignation or
    a trip, left to the weighing)."""
    span = trigger_span(m)
    if span is None:
        return None
    rest = (m.sentence or "")[span[1]:]
    end = _END.search(rest)
    found = _GOAL.search(rest[: end.start()] if end else rest)
    if found is None:
        return None
    general, _ = _post_tables()
    goal = _WORD.findall(found.group(1))[:GOAL_WORDS]
    if not any(w[:1].isupper() or act_stem(w.lower()) in general for w in goal):
        return None
    return str((_acts().get("departures") or {}).get(m.event_type, {}).get("goal_act") or "") or None
