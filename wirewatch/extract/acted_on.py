"""The party acted on where the phrase names a thing of theirs (issue 11: objects and things as recipients).

PLOVER's recipient is a party. An act done to a part of someone's body is done to them: "a bullet struck the side of
his neck", "grazed the back of her head", so "the side" or "the back" is no recipient; the one the body part belongs
to is. A body noun is one whose commonest WordNet sense is a part of the body ("neck", "thigh"), and only with an
owner named on it: "vessels" (a blood vessel, by WordNet's commonest sense) with no possessor is a ship.

A list that joins people with goods ("seized 12 nationals as well as arms and equipment") names the people as the
party; the goods are what was taken (`arguments.ArticleContext.actors`).
"""

from __future__ import annotations

from typing import Any

from . import wordclass


def _possessor(tok: Any) -> Any | None:
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def body_owner(tok: Any) -> Any | None:
    """The owner of the body part `tok` names, through "of" phrases ("the side of his neck": his), or None
    when the phrase names no body part with an owner."""
    node = tok
    for _ in range(3):
        if wordclass.classes(node.lemma_.lower(), "n")[:1] == ("body",):
            owner = _possessor(node)
            if owner is not None:
                return owner
        of = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        node = obj
    return None
