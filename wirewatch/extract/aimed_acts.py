"""Acts told by a noun or a light verb and the party they are aimed at (issue 10, round 17). Like
paraphrase.py, each rule is a construction over a class of words the ontology names, never one sentence:

- measures against a party (`measure_against`, SANCTION): a noun of a step taken (`measure_nouns`:
  "measures", "steps", "legislation") aimed "against" a party or "targeting" one, or called punitive
  (`punitive_modifiers`): "punitive measures against Canberra", "a bill targeting the ministry", "retaliatory
  steps". "Measures against the virus" aim at no party and "measures to boost growth" at nothing;
- hostile encounters (`hostile_encounter`, ASSAULT): a noun of a meeting of sides (`encounter_nouns`:
  "confrontation", "skirmish", "scuffle") "with" an armed force, or called violent (`violent_modifiers`):
  "violent confrontations with riot police". A "confrontation with Beijing over trade" is words, not force;
- force used against a party (`force_used_against`, ASSAULT): a verb of using (`use_verbs`) whose object is
  a weapon or force and which is aimed "against" a party: "the drones Moscow has used against Kyiv", "used
  tear gas against the marchers". "Used the funds against inflation" aims at no party;
- acting in support of a party (`in_support_of`, SUPPORT): "in support of X" / "in solidarity with X"
  (`support_nouns`) on an act whose word is no trigger itself: "held prayers in support of the strikers",
  "lit candles in solidarity with the victims". On a trigger ("rallied in support of") that trigger's event
  carries the support.
"""

from __future__ import annotations

from typing import Any

from . import wordclass
from .ontology import Ontology


def _party(t: Any) -> bool:
    """A side an act can be aimed at: a name, a country, a people, a person or group noun."""
    if t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or t.pos_ == "PROPN":
        return True
    return t.pos_ == "NOUN" and wordclass.classes(t.lemma_.lower(), "n")[:1] in (("person",), ("group",))


def _objects_of(tok: Any, preps: tuple[str, ...]) -> list[Any]:
    """The objects of `tok`'s prepositions `preps` ("against X"), with their conjuncts."""
    out: list[Any] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for o in prep.children:
                if o.dep_ == "pobj":
                    out += [o, *o.conjuncts]
    return out


def _modified_by(tok: Any, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in words for c in tok.children)


def measure_against(tok: Any, onto: Ontology) -> bool:
    """A measure noun aimed at a party, or a punitive one (SANCTION)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in onto.lists.get("measure_nouns", frozenset()):
        return False
    if _modified_by(tok, onto.lists.get("punitive_modifiers", frozenset())):
        return True
    if any(_party(o) for o in _objects_of(tok, ("against",))):
        return True
    # "legislation targeting Turkey": a participle of aiming whose object is the party
    return any(c.dep_ == "acl" and c.lemma_.lower() in onto.lists.get("aiming_verbs", frozenset())
               and any(o.dep_ == "dobj" and any(_party(x) for x in (o, *o.conjuncts)) for o in c.children)
               for c in tok.children)


def _armed_force(t: Any, onto: Ontology) -> bool:
    lem = t.lemma_.lower()
    return lem in onto.sets.get("troop", frozenset()) or lem in onto.contexts.get("military", frozenset())


def hostile_encounter(tok: Any, onto: Ontology) -> bool:
    """An encounter noun "with" an armed force, or a violent one "with" a party (ASSAULT)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in onto.lists.get("encounter_nouns", frozenset()):
        return False
    sides = _objects_of(tok, ("with", "between"))
    if any(_armed_force(o, onto) for o in sides):
        return True
    return _modified_by(tok, onto.lists.get("violent_modifiers", frozenset())) and any(_party(o) for o in sides)


def force_used_against(tok: Any, onto: Ontology) -> bool:
    """A verb of using whose object is a weapon or a means of force, aimed "against" a party (ASSAULT). The
    object may be the noun a relative clause hangs on ("the weapons Russia has used against Ukraine")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in onto.lists.get("use_verbs", frozenset()):
        return False
    means = onto.sets.get("weapon", frozenset()) | onto.sets.get("force_means", frozenset()) | onto.sets.get(
        "troop", frozenset())
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl" and not objs:
        objs = [tok.head]
    if not any(o.lemma_.lower() in means for o in objs):
        return False
    # (the parser may hang "against X" on the object: "used drones against government troops")
    return any(_party(o) for h in (tok, *objs) for o in _objects_of(h, ("against",)))


def aimed_by_measure(tok: Any, onto: Ontology) -> bool:
    """ "legislation targeting Turkey", "sanctions targeting officials": the participle of aiming tells what a
    step is aimed at (`measure_against`); it is no attack of its own."""
    head = tok.head
    return tok.dep_ == "acl" and tok.lemma_.lower() in onto.lists.get("aiming_verbs", frozenset()) and (
        head.lemma_.lower() in onto.lists.get("measure_nouns", frozenset())
        or head.lemma_.lower() in onto.sets.get("sanction", frozenset()))


def in_support_of(tok: Any, onto: Ontology, is_trigger: Any) -> bool:
    """ "in support of X" / "in solidarity with X" (the noun `tok` of `support_nouns`) with X a party, on an
    act whose own word is no trigger (`is_trigger(word)`): SUPPORT, the act's doer supporting X."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in onto.lists.get("support_nouns", frozenset()):
        return False
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i:
        return False
    if not any(_party(o) for o in _objects_of(tok, ("of", "with", "for"))):
        return False
    return not is_trigger(prep.head)
