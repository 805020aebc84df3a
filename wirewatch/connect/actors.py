"""How the participants of two event mentions relate: actors, recipients and the parties of a mutual act.

One participant matches another by entity, by name (fuzzy, a surname for the full name) or by country
(`participants`: same / side / unknown / differ / clash); a mutual act (talks, a clash) compares its parties
as one unordered set (`mutual_roles`), also when one report writes them as a reciprocal subject ("North and
South Korea exchanged fire"). A bare speaker stands for the body it speaks for (`speaks_for`). The tests of
roles that pairs.py's gate asks: reversed roles, swapped parties, described recipients that share no word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Actor, EventMention
from ..text import STOP_WORDS as STOP
from ..text import WORD as _WORD
from .acts import _groups, _mutual, act_stem, mutual_mention, trigger_span

if TYPE_CHECKING:
    from .pairs import PairView


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name lower-cased, punctuation and hyphens made spaces (cached: `_same_actor` keys both names of every
    pair of participants weighed, the same few hundred names article after article)."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.replace("-", " ").lower()).split())


def _same_actor(x: Actor, y: Actor) -> bool:
    from rapidfuzz import fuzz

    if x.entity_id and x.entity_id == y.entity_id:
        return True
    kx, ky = name_key(x.name), name_key(y.name)
    if kx == ky or fuzz.token_sort_ratio(kx, ky) >= 88:
        return True
    # "Otieno" and "Peter Otieno": a surname standing for the full name.
    tx, ty = kx.split(), ky.split()
    return bool(tx and ty) and (x.kind == y.kind == "PERSON" or None in (x.kind, y.kind)) and (
        (len(tx) == 1 and tx[0] == ty[-1]) or (len(ty) == 1 and ty[0] == tx[-1]))


def participants(a: list[Actor], b: list[Actor]) -> str:
    """How two participant lists relate: same | side (one country) | unknown | differ | clash."""
    if not a or not b:
        return "unknown"
    if any(_same_actor(x, y) for x in a for y in b):
        return "same"
    ca, cb = {x.country for x in a if x.country}, {y.country for y in b if y.country}
    if ca and cb:
        return "side" if ca & cb else "clash"
    named_a, named_b = [x for x in a if x.entity_id], [y for y in b if y.entity_id]
    return "differ" if named_a and named_b else "unknown"


def parties(actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """A mutual act's parties: its actors and recipients as one list, each party once ("A and B met" read as
    actors A, B and recipient B, or as actor A and recipient B, has the parties A and B)."""
    out: list[Actor] = []
    for x in (*actors, *recipients):
        if not any(_same_actor(x, y) for y in out):
            out.append(x)
    return out


# `participants`' words from the closest relation to the farthest.
_RELATION_RANK = ("same", "side", "unknown", "differ", "clash")


def _absorbed(x: Actor, matched: list[Actor]) -> bool:
    """`x` is the state of a matched party, or a body of a matched state ("Chile" beside its minister Rojas):
    one side, not another party."""
    return bool(x.country) and any(y.country == x.country and "GPE" in (x.kind, y.kind) for y in matched)


def mutual_roles(pa: list[Actor], pb: list[Actor]) -> tuple[str, str]:
    """How the parties of two reports of a mutual act relate, as one unordered set: (the relation of the best
    matched pair of parties, that of the second), each `participants`' word. "A met B", "A and B met" and "B
    met A" give (same, same); "A met B" and "A met C" give (same, the relation of B and C); a report that
    names one party only gives (same, unknown). Parties beyond the matched two still count: when both reports
    name one more and those differ, the second relation is theirs (A, B and C met / A, B and D met)."""
    if not pa or not pb:
        return "unknown", "unknown"
    rest_a, rest_b = list(pa), list(pb)
    found: list[str] = []
    got_a: list[Actor] = []
    got_b: list[Actor] = []
    for level in ("same", "side"):
        for x in list(rest_a):
            y = next((y for y in rest_b if participants([x], [y]) == level), None)
            if y is not None:
                found.append(level)
                rest_a.remove(x)
                rest_b.remove(y)
                got_a.append(x)
                got_b.append(y)
    if not found:
        return participants(pa, pb), "unknown"
    rest_a = [x for x in rest_a if not _absorbed(x, got_a)]
    rest_b = [y for y in rest_b if not _absorbed(y, got_b)]
    left = participants(rest_a, rest_b)  # the parties no match took: "unknown" when one report names no more
    if len(found) == 1:
        return found[0], left
    # Two parties matched, and each report names a further one: trilateral talks with Kavonia and with Zeland
    # are two meetings, however well Ostravia and Merlund match. The weakest relation speaks for the rest.
    second = max((found[1], left), key=_RELATION_RANK.index) if left in ("differ", "clash") else found[1]
    return found[0], second


def roles(a: PairView, b: PairView) -> tuple[str, str]:
    """How the two mentions' actors and recipients relate (`participants`): (actor, recipient). For a mutual
    act (`mutual`: talks, an agreement, a clash) there is no one side acting on the other, so the parties are
    compared as one unordered set (`mutual_roles`): which party a report writes first, or as the subject of
    "A and B met", says nothing of which meeting it was."""
    if (mutual(a) and mutual(b)) or a.reciprocal() or b.reciprocal():
        return mutual_roles(parties(a.actor, a.recipient), parties(b.actor, b.recipient))
    return participants(a.actor, b.actor), participants(a.recipient, b.recipient)


# Before a reciprocal verb, its subject coordinates the parties ("North and South Korea exchanged", "both sides
# clashed"); after it, a preposition names the other party ("clashed with police", "clashes between ...").
# The coordination ends right before the trigger: the last conjunct is a few words, no determiner or
# possessive inside it, so "units crossed the Vell and started Friday's clash" (two verbs of one party) is none.
_CONJUNCT_WORD = r"(?!(?:the|a|an|its|their|his|her|then|later)\b)[\w.-]+\s+"
_PARTIES_BEFORE = re.compile(rf"\b(?:and|both)\s+(?:the\s+)?(?:{_CONJUNCT_WORD}){{1,3}}$", re.I)
_PARTY_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:with|between)\b", re.I)


def reciprocal(m: EventMention) -> bool:
    """A mutual act (`mutual`) told as one the parties did to each other, the parties written so: a subject that
    coordinates them before the trigger, or "with" / "between" after it. Its actor is then one of the parties,
    not the one who acted on the other, and it is compared with a one-sided report of the same act by parties
    ("North and South Korea exchanged artillery fire" read with actor South Korea / "North Korean artillery
    fired shells at South Korean marines"). A single party told as the one who started it ("South Korean forces
    had started Friday's clash") is one side's version, set against the other's (conflicts.py)."""
    if not mutual_mention(m):
        return False
    span = trigger_span(m)
    if span is None:
        return False
    sent = m.sentence or ""
    return bool(_PARTIES_BEFORE.search(sent[:span[0]]) or _PARTY_AFTER.match(sent[span[1]:]))


def distinct_people(a: list[Actor], b: list[Actor]) -> bool:
    """Both lists name people, and none of one is one of the other (Mwila and Banda, both appointed)."""
    pa, pb = [x for x in a if x.kind == "PERSON"], [y for y in b if y.kind == "PERSON"]
    return bool(pa and pb) and not any(_same_actor(x, y) for x in pa for y in pb)


SPEAKERS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen",
                      "press secretary", "a spokesperson", "a spokesman", "a spokeswoman", "the spokesperson",
                      "the spokesman", "the spokeswoman"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our"})
_CAPS = r"(?:[A-Z][\w'’.-]*|of|the|for)"
# "a spokesperson for North Korea's Foreign Ministry", "Kremlin spokesman", "the ministry's spokeswoman"
_SPEAKS_FOR = re.compile(r"\bspokes(?:person|man|woman|people|men|women)\s+for\s+(?:the\s+)?"
                         r"([A-Z][\w'’.-]*(?:\s+" + _CAPS + r")*)")
_SPEAKER_OF = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*?)(?:'s|’s)?\s+(?:\w+\s+)?spokes(?:person|man|woman)\b")


def speaks_for(actor: Actor, sentence: str) -> Actor:
    """A bare speaker ("spokesperson", "the spokesman") stands for the body it speaks for, when the phrase
    or the sentence names it ("a spokesperson for North Korea's Foreign Ministry" -> North Korea's Foreign
    Ministry, of North Korea; "Kremlin spokesman" -> Kremlin): two spokespeople of two states are two
    deniers, not one. Anything else is returned as it is."""
    if actor.entity_id or actor.country or (actor.name or "").lower().strip() not in SPEAKERS:
        return actor
    for text in (actor.text or "", sentence or ""):
        m = _SPEAKS_FOR.search(text) or _SPEAKER_OF.search(text)
        if m is None:
            continue
        body = re.sub(r"\s+(?:of|the|for)$", "", m.group(1).strip())
        body = re.sub(r"^(?:The|A|An)(?:\s+|$)", "", body)
        if not body or body.lower() in SPEAKERS or body.lower() in _DETERMINERS:
            continue
        return Actor(name=body, kind="ORG", country=_country_in(body), text=actor.text or actor.name)
    return actor


@lru_cache(maxsize=2048)
def _country_in(phrase: str) -> str | None:
    """The country a body's name belongs to: the whole name, its possessor ("North Korea's ..."), or its
    leading words, as the gazetteer knows them."""
    from ..extract.gazetteer import gazetteer

    g = gazetteer()
    head = re.split(r"'s\b|’s\b", phrase)[0].strip()
    tokens = head.split()
    for cand in (phrase, head, *(" ".join(tokens[:k]) for k in range(len(tokens), 0, -1))):
        c = g.country_of_any(cand)
        if c:
            return c
    return None


def resolved(actors: list[Actor], sentence: str) -> list[Actor]:
    return [speaks_for(a, sentence) for a in actors]


def _name_words(actors: list[Actor], literal: bool = False) -> set[str]:
    """The words of the participants' names, stemmed, a word that names a group of people brought to that
    group ("troops" and "soldiers" describe the same people in other words), unless `literal`."""
    groups = {} if literal else _groups()
    out = set()
    for x in actors:
        for w in _WORD.findall(x.name or ""):
            if w.lower() not in STOP and len(w) >= 3 and not w.isdigit():
                s = act_stem(w.lower())
                out.add(groups.get(s, s))
    return out


def _described(actors: list[Actor]) -> bool:
    """Only descriptions ("attackers", "other people"), no one named: a name and a description may be one
    person ("the deputy" / the deputy's name); two descriptions in one writer's words are told apart by them."""
    return bool(actors) and not any(x.entity_id or x.country or x.kind == "PERSON" for x in actors)


def recipients_overlap(a: list[Actor], b: list[Actor], literal: bool = False) -> bool:
    """False when both lists describe their recipients (`_described`) and share no word of them ("attackers"
    / "insurgents"); "other people" / "people" and "rebel fighters" / "rebel units" share one, and so do
    "soldiers" / "troops", words of one group of people (`_groups`), except with `literal` (the two mentions
    name two different places: "six soldiers were killed in Gao" and "troops were killed in Menaka" are told
    apart by the writer's own words and places)."""
    if not (_described(a) and _described(b)):
        return True
    return bool(_name_words(a, literal) & _name_words(b, literal))


def _identified(x: Actor) -> bool:
    return bool(x.entity_id or x.country or (x.name or "")[:1].isupper())


def _plays(x: Actor, y: Actor) -> bool:
    """`x` is `y`, or `y` names x's members ("al-Shabab" / "al-Shabab militants", "Kelvonia" / "Kelvonian
    forces" by country): x's whole name opens or ends y's."""
    if _same_actor(x, y):
        return True
    # Two entities the linker or the gazetteer tells apart are not one another's members, however their names
    # end ("Sudan" / "South Sudan", "Guinea" / "Equatorial Guinea").
    if (x.entity_id and y.entity_id and x.entity_id != y.entity_id and x.kind == y.kind in ("GPE", "LOC")) or (
            x.country and y.country and x.country != y.country):
        return False
    kx, ky = name_key(x.name or ""), name_key(y.name or "")
    return bool(kx) and len(kx) >= 3 and (ky.startswith(kx + " ") or ky.endswith(" " + kx))


def mutual(v: PairView) -> bool:
    """The act has no one side acting on the other (data/acts.yaml `mutual`: talks, a clash)."""
    types, ws = _mutual()
    return v.m.event_type in types or v.trigger in ws


def swapped(a: PairView, b: PairView) -> bool:
    """A mutual act (`mutual`) whose two parties the two reports write in the other order: a's actor is b's
    recipient and a's recipient is b's actor ("the union held talks with the ministry" / "the ministry held
    talks with the union")."""
    return (mutual(a) and mutual(b) and bool(a.actor and a.recipient and b.actor and b.recipient)
            and participants(a.actor, b.recipient) == "same" and participants(a.recipient, b.actor) == "same")


def roles_reversed(a: PairView, b: PairView) -> bool:
    """An identified actor of `a` is a recipient of `b`, and not also one of b's actors; never for a mutual
    act (talks, a clash), where either party may be written first."""
    if mutual(a) or mutual(b):
        return False
    return any(_identified(x) and any(_plays(x, r) for r in b.recipient)
               and not any(_plays(x, y) or _plays(y, x) for y in b.actor) for x in a.actor)


def _names_other_party(v: PairView, w: PairView) -> bool:
    """Does v's sentence write the name of a party of `w` that is none of v's own parties?"""
    own = parties(v.actor, v.recipient)
    sent = f" {name_key(v.m.sentence or '')} "
    return any(name_key(y.name) and f" {name_key(y.name)} " in sent
               for y in parties(w.actor, w.recipient) if not any(_same_actor(x, y) for x in own))


def names_actor(v: PairView, actors: list[Actor]) -> bool:
    """Does the mention's sentence write one of these identified actors' names (case and punctuation folded),
    other than as its own recipient? ("Bush threatened action against Russia" names Russia as the one
    threatened, not as a second actor of Bush's threat.)"""
    sent = f" {name_key(v.m.sentence or '')} "
    return any((x.entity_id or x.country) and name_key(x.name) and f" {name_key(x.name)} " in sent
               and not any(_same_actor(x, r) for r in v.recipient) for x in actors)
