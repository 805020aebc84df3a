"""What a mention's trigger names, read from the shipped act lexicon (data/acts.yaml).

The act a trigger names within its type ("fired" / "dismissed" -> dismiss), through the one stemmer with
irregular forms brought to their base; the concepts that map a sentence's content words onto shared ones
(plant / factory); the generic words that name a kind of act and not which one ("talks", "the attack"); the
mutual acts that have parties rather than an actor and a recipient; the acts of a type's toll; where the
trigger stands in its sentence. Fusion (pairs.py), offices.py, tolls.py and conflicts read these tables.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..model import EventMention
from ..text import STOP_WORDS as STOP
from ..text import WORD as _WORD
from ..text import stem

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _acts() -> dict[str, Any]:
    """data/acts.yaml, read once for the six tables made from it (read anew by each, it cost ~0.2 s CPU a
    process); libyaml's loader where PyYAML has it (the same data, ten times faster). Not to be mutated."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / "acts.yaml").read_text(encoding="utf-8"), Loader=loader)


def trigger_span(m: EventMention) -> tuple[int, int] | None:
    """The trigger's offsets inside its sentence, None when it cannot be placed. The extractor stores
    `trigger_start` in the article's offsets (hand-made mentions sometimes in the sentence's): the offset is
    taken only where the sentence has the trigger's text there, else the trigger's first occurrence."""
    sent, trig = m.sentence or "", m.trigger or ""
    if not trig:
        return None
    if m.trigger_start is not None:
        for at in (m.trigger_start - m.start, m.trigger_start):
            if at >= 0 and sent[at:at + len(trig)] == trig:
                return at, at + len(trig)
    at = sent.find(trig)
    return (at, at + len(trig)) if at >= 0 else None


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    raw = _acts()
    return {form: base for base, forms in (raw.get("irregular") or {}).items() for form in forms}


def act_stem(w: str) -> str:
    """The one stemmer (wirewatch/text.py), hyphens and quotes trimmed, irregular forms first brought to
    their base word (data/acts.yaml): fire/fired/firing -> fire, shot/shooting -> shoot."""
    w = w.strip("'-")
    return stem(_irregular().get(w.lower(), w))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    raw = _acts()
    acts: dict[tuple[str, str], str] = {}
    for etype, classes in raw["acts"].items():
        for act, words in classes.items():
            for w in words:
                acts.setdefault((etype, act_stem(w)), act)
    concepts = {act_stem(w): c for c, words in raw["concepts"].items() for w in words}
    return acts, concepts


@lru_cache(maxsize=1)
def _departures() -> dict[str, frozenset[str]]:
    """Event type -> the stems of its verbs of leaving (data/acts.yaml `departures`)."""
    raw = _acts().get("departures") or {}
    return {t: frozenset(act_stem(w) for w in d.get("words") or []) for t, d in raw.items()}


def act_of(m: EventMention) -> str | None:
    """The act a mention's trigger names within its type ("dismiss", "appoint"), None when not listed; a verb
    of leaving names it by its goal (`offices.departure_act`)."""
    acts, _ = _lexicon()
    for w in reversed(_WORD.findall(m.trigger or "")):
        s = act_stem(w)
        if s in _departures().get(m.event_type, ()):
            from .offices import departure_act  # offices.py reads this module's tables; asked only here

            return departure_act(m)
        a = acts.get((m.event_type, s))
        if a:
            return a
    return None


# A result adjunct: a comma, then an -ing participle ("fired tear gas at the crowd, wounding 12").
_RESULT_PARTICIPLE = re.compile(r",\s+(?:\w+ly\s+)?(\w+ing)\b", re.I)


@lru_cache(maxsize=8192)
def act_with_result(sentence: str, event_type: str) -> tuple[str, str] | None:
    """(the act, its result) when the sentence tells an act of `event_type` and then, in a result participle
    after a comma, another act of that type that the first brought about ("Police fired tear gas at the
    workers, wounding 12": (attack, wound)); None otherwise. The words' acts come from data/acts.yaml."""
    acts, _ = _lexicon()
    sent = sentence or ""
    for found in _RESULT_PARTICIPLE.finditer(sent):
        result = acts.get((event_type, act_stem(found.group(1).lower())))
        if not result:
            continue
        before = [a for w in _WORD.findall(sent[:found.start()]) if (a := acts.get((event_type, act_stem(w))))]
        cause = next((a for a in reversed(before) if a != result), None)
        if cause:
            return cause, result
    return None


# A share written as a figure ("22%", "22 percent", "22 per cent"): a demand's or a result's own number, which
# two reports of it write alike. Bare numbers are left out (days, tolls, counts that reports dispute).
_PERCENT = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(?:%|per\s?cent\b)", re.I)


def words(sentence: str) -> frozenset[str]:
    """Content words of a sentence, stemmed and mapped to shared concepts (plant/factory -> factory), and the
    shares it writes as figures (`_PERCENT`: "22%")."""
    _, concepts = _lexicon()
    out = {f"{found.group(1).replace(',', '.')}%" for found in _PERCENT.finditer(sentence)}
    for w in _WORD.findall(sentence):
        lw = w.lower()
        if lw in STOP or len(lw) < 3:
            continue
        s = act_stem(lw)
        out.add(concepts.get(s, s))
    return frozenset(out)


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    raw = _acts()
    return frozenset(w.lower() for w in raw.get("generic") or [])


def is_generic(trigger: str | None) -> bool:
    """The trigger's head word names a kind of act and not which one (data/acts.yaml `generic`)."""
    ws = _WORD.findall(trigger or "")
    return bool(ws) and ws[-1].lower() in _generic()


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    """Stemmed head noun -> the group of people it names (data/acts.yaml `groups`: soldiers / troops)."""
    raw = _acts()
    return {act_stem(w.lower()): g for g, ws in (raw.get("groups") or {}).items() for w in ws}


@lru_cache(maxsize=1)
def _mutual() -> tuple[frozenset[str], frozenset[str]]:
    raw = _acts().get("mutual") or {}
    return frozenset(raw.get("types") or []), frozenset(act_stem(w.lower()) for w in raw.get("words") or [])


def mutual_mention(m: EventMention) -> bool:
    """`mutual` for a bare mention (its trigger's last word, stemmed, as `view` reads it)."""
    types, ws = _mutual()
    return m.event_type in types or act_stem((_WORD.findall(m.trigger or "") or [""])[-1]) in ws


@lru_cache(maxsize=1)
def _toll() -> dict[str, frozenset[str]]:
    raw = _acts().get("toll") or {}
    return {etype: frozenset(acts) for etype, acts in raw.items()}
