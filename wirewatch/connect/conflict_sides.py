"""Whose side a party of a conflict is: name variants, a person and their own country, a speaker's body.

Two participant lists differ only when no pair of them is one entity, a transliteration variant or a party and
its own country; a bare common noun ("officials") contradicts no one. The event's actors and recipients are
read with a bare speaker resolved to the body it speaks for (actors.speaks_for).
"""

from __future__ import annotations

from ..model import Actor, Event, EventMention
from .actors import _same_actor, resolved
from .fusion import names_equivalent


def _variants(a: Actor, b: Actor) -> bool:
    if (a.entity_id and a.entity_id == b.entity_id) or names_equivalent(a.name, b.name) or _same_actor(a, b):
        return True
    if not (a.entity_id or a.country) or not (b.entity_id or b.country):
        return True  # a bare common noun ("officials") cannot contradict anyone
    # A person or body and its own country are one side, not two claims of who acted.
    return bool(a.country and a.country == b.country and "GPE" in (a.kind, b.kind))


def participants_differ(x: list[Actor], y: list[Actor]) -> bool:
    if not x or not y:
        return False
    return not any(_variants(a, b) for a in x for b in y)


def _acted_on(actors: list[Actor], recipients: list[Actor], by_country: bool) -> bool:
    """These actors are those acted on, or of their side: no participant told apart, or (`by_country`) one
    country."""
    return not participants_differ(actors, recipients) or (by_country and same_side(actors, recipients))


def same_side(x: list[Actor], y: list[Actor]) -> bool:
    """Known on both sides and the same: one entity, a name variant, or the same country."""
    for a in x:
        for b in y:
            if (a.entity_id and a.entity_id == b.entity_id) or names_equivalent(a.name, b.name):
                return True
            if a.country and a.country == b.country:
                return True
    return False


def _parties(m: EventMention) -> tuple[Actor, ...]:
    """A mutual act's identified parties, actor and recipient alike, each entity once, in name order."""
    seen: dict[str, Actor] = {}
    for a in (*m.actor, *m.recipient):
        if a.entity_id:
            seen.setdefault(a.entity_id, a)
    return tuple(sorted(seen.values(), key=lambda a: a.name.lower()))


def _actors(ev: Event) -> list[Actor]:
    """The event's actors, a bare speaker resolved to the body it speaks for (pairs.speaks_for), read in
    the sentence of the first mention that names them."""
    m = next((x for x in ev.mentions if x.actor), None)
    return resolved(ev.actor, m.sentence if m else "")


def _recipients(ev: Event) -> list[Actor]:
    m = next((x for x in ev.mentions if x.recipient), None)
    return resolved(ev.recipient, m.sentence if m else "")


def _names(actors: list[Actor]) -> str:
    return " and ".join(a.name for a in actors)
