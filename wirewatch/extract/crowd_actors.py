"""A crowd of a nation is not its state (issue 11: "Greek protesters ..." made Greece the protester).

Street protest is done by people, not governments. Where the words that name a protest's doers are a nationality
("Thousands of Greeks protested", "Palestinians rioted", "Peruvian riots"), the actor is those people, with the
country as their affiliation (`Actor.country`), not the state's entity: a protest by a state's people is no act of
that state, and fusion must not read "Greek rioters" and "Greece" as one side. A city before a protest noun ("the
Lima riots", "an Athens rally") says where it happened, not who protested, as it does before a happening ("the Kabul
attack").

Not a diplomatic protest or a boycott: "China protested the visit" names the state (the text is the country's
name), and "an Arab boycott" may be the states' own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Actor
from .gazetteer import gazetteer

# The doers a street-protest noun names, by its lemma (their agent noun); the others are "protesters".
_DOER_NOUNS = {"riot": "rioters", "strike": "strikers", "march": "marchers", "demonstration": "demonstrators",
               "rally": "protesters", "protest": "protesters", "sit-in": "protesters", "unrest": "protesters"}
_MODIFIERS = ("amod", "compound", "nmod")


def _modifier(noun: Any, text: str) -> Any | None:
    """The token of the protest noun (or of the noun it is a compound of) that is the actor's text as written."""
    holders = [noun] + ([noun.head] if noun.dep_ == "compound" else [])
    return next((c for h in holders for c in h.children if c.dep_ in _MODIFIERS and c.text == text), None)


def crowd_actors(trigger: Any, actors: list[Actor]) -> list[Actor]:
    """The PROTEST actors with a nation's people in place of its state, and a city modifier dropped."""
    if not any(a.kind == "GPE" and a.text for a in actors):
        return actors
    lemma = trigger.lemma_.lower()
    noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else None
    if noun is not None and lemma not in _DOER_NOUNS:
        return actors  # ("boycott", "hunger strike": not a street crowd's)
    gaz = gazetteer()
    out = []
    for a in actors:
        if a.kind != "GPE" or not a.text:
            out.append(a)
            continue
        mod = _modifier(noun, a.text) if noun is not None else None
        demonym_of = gaz.country_of_demonym(a.text)
        if mod is not None and demonym_of is None:
            continue  # "the Lima riots": where, not who
        if demonym_of != a.country:
            out.append(a)  # the state named as itself ("Serbia protested")
            continue
        # "Peruvian riots": Peruvian rioters; "Thousands of Greeks protested": the Greeks
        name = f"{a.text} {_DOER_NOUNS[lemma]}" if mod is not None and noun is not None else a.text
        out.append(replace(a, name=name, kind=None, entity_id=None))
    return out
