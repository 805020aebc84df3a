"""Where a mention's sentence says its happening took place: the towns, districts and sites it names.

The extractor's `location` is one place or none; a sentence often names the place in a phrase the extractor
does not read as the event's location ("a drone strike hit a market in the central Malian town of Boni",
"another strike targeted the locality of Hombori"). Two uses of force, arrests or protests on one day in one
region are told apart by their places, and a report that names the same town as another is anchored to it
even when its trigger is a generic word ("a second strike has hit the outskirts of Hombori").

Only places below a country count: "Mali" and "Boni" are not two places (Boni is in Mali), and a country is
the side of a party as often as the place of an act. A place named as a reference point of a distance or
direction ("60 km east of Boni") is not where the act happened: the settlement-noun pattern never reads it,
and it does not count as writing the other report's place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import EventMention

# Acts that happen at one place (a strike, an arrest, a march, a deployment): two reports naming two different
# towns are two acts. Statements, calls and accusations are made somewhere else than what they are about
# ("the UN office in Geneva called for an inquiry into the strike in Boni"), so their places are no test.
PLACED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})

_NAME = r"[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]+))*"
# A settlement or site noun with "of" and a name: "the town of Boni", "the outskirts of Hombori", "the
# locality of X", "the district of X". The name is the place itself, whatever the gazetteer knows of it.
_SETTLEMENT_OF = re.compile(
    r"\b(?:town|city|village|locality|commune|municipality|district|province|region|outskirts|edge|suburbs?|"
    r"port|area|neighbou?rhood|township|county|prefecture|department)\s+of\s+(" + _NAME + ")")
# A place named as a reference point of a direction ("60 km east of Boni", "north of Tarvos"): not where the act
# happened, and not a place of the other report's that this sentence writes.
_REFERENCE_POINT = re.compile(r"\b(?:(?:about|some|around|roughly)\s+)?(?:\d+\s*(?:km|kilomet(?:er|re)s?|miles?)\s+)?"
                              r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+" + _NAME)
# A preposition of place with a name: taken only where the gazetteer knows the name as a city ("in Geneva",
# "near Gao"), so that "in January" or "in Parliament" are never places.
_AT_NAME = re.compile(r"\b(?:in|at|near|outside|around)\s+(" + _NAME + ")")


def _gazetteer() -> Any:
    from ..extract.gazetteer import gazetteer

    return gazetteer()


def _is_country(name: str) -> bool:
    return _gazetteer().country_of_name(name) is not None


@lru_cache(maxsize=8192)
def _named_places(sentence: str, location: str, resolved: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(every place named, the places named for sure): the sure ones are read from a settlement phrase or known
    to the gazetteer as cities; a location the extractor read but the gazetteer does not know may be another
    name of a place the other report names ("Ayungin Shoal" / "Second Thomas Shoal"), or the far end of a
    launch ("toward the East Sea" / "from near Pyongyang"), and only anchors."""
    g = _gazetteer()
    sure: set[str] = set()
    for found in _SETTLEMENT_OF.finditer(sentence):
        sure.add(found.group(1))
    for found in _AT_NAME.finditer(sentence):
        name = found.group(1)
        if g.city(name) is not None:
            sure.add(name)
    named = set(sure)
    if location:
        (sure if resolved else named).add(location)
        named.add(location)
    def keep(ps: set[str]) -> frozenset[str]:
        return frozenset(p.lower() for p in ps if not _is_country(p))
    return keep(named), keep(sure)


def _read(m: EventMention) -> tuple[frozenset[str], frozenset[str]]:
    loc = m.location
    name = (loc.name or loc.text or "") if loc else ""
    return _named_places(m.sentence or "", name, bool(loc and loc.lat is not None))


def places(m: EventMention) -> frozenset[str]:
    """The sub-country places the mention's sentence names (lower-cased): its location and the places read
    from settlement phrases and city names (see the module's doc)."""
    return _read(m)[0]


def shared_place(a: EventMention, b: EventMention) -> bool:
    """Both sentences name one place."""
    return bool(places(a) & places(b))


def different_places(a: EventMention, b: EventMention) -> bool:
    """Two acts of a placed type (`PLACED_TYPES`) whose sentences each name a place for sure (`_named_places`;
    in one report, any place it names), none in common, and neither sentence writes a place of the other's
    outside a reference point: "a strike hit the market in the town of Boni" and "another strike targeted the
    locality of Hombori" are two strikes; "fired from near Pyongyang into the East Sea" names the other
    report's "toward the East Sea" too."""
    if a.event_type not in PLACED_TYPES or b.event_type not in PLACED_TYPES:
        return False
    (na, sa), (nb, sb) = _read(a), _read(b)
    if a.article_id and a.article_id == b.article_id:
        sa, sb = na, nb  # one writer gives one place one name: every place it names counts
    if not (sa and sb) or na & nb:
        return False
    ta, tb = (_REFERENCE_POINT.sub(" ", x.sentence or "").lower() for x in (a, b))
    return not (any(p in tb for p in na) or any(p in ta for p in nb))


def mentions_apart(xs: list[EventMention], ys: list[EventMention]) -> bool:
    """Some mention of one event names another place than some mention of the other (`different_places`):
    two strikes on two towns, whose tolls are two counts, not one count in dispute (conflicts.tolls_across)."""
    return any(different_places(x, y) for x in xs for y in ys)
