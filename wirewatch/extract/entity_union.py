"""One run's entities united by id, a bare acronym folded into the organisation it abbreviates."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Entity
from .gazetteer import fold


def merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Union entities by id (aliases, titles, articles); then fold a bare acronym organisation
    ("IAEA" seen alone in one article) into the organisation that lists it as an alias."""
    by_id: dict[str, Entity] = {}
    for e in entities:
        cur = by_id.get(e.id)
        if cur is None:
            by_id[e.id] = Entity(id=e.id, name=e.name, kind=e.kind, country=e.country,
                                 aliases=list(e.aliases), titles=list(e.titles), lat=e.lat, lon=e.lon,
                                 articles=list(e.articles))
            continue
        _absorb(cur, e)
    # NER sometimes calls a person a facility or place ("Japan's Kenji Sato" as FAC): an identical
    # multi-word name that is a PERSON elsewhere is that person.
    persons = {fold(e.name): e.id for e in by_id.values() if e.kind == "PERSON" and " " in e.name}
    for eid in list(by_id):
        e = by_id[eid]
        owner_id = persons.get(fold(e.name))
        if e.kind in ("FAC", "LOC") and owner_id and e.lat is None and owner_id in by_id:
            _absorb(by_id[owner_id], e)
            del by_id[eid]
    alias_owner: dict[str, str] = {}
    for e in by_id.values():
        for a in e.aliases:
            if e.name != a and _acronym_str(a):
                alias_owner.setdefault(a.replace(".", ""), e.id)
    for eid in list(by_id):
        e = by_id[eid]
        owner = alias_owner.get(e.name.replace(".", ""))
        if e.kind == "ORG" and _acronym_str(e.name) and owner and owner != eid and owner in by_id:
            _absorb(by_id[owner], e)
            del by_id[eid]
    return list(by_id.values())


def _acronym_str(s: str) -> bool:
    t = s.replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def _absorb(cur: Entity, e: Entity) -> None:
    for src, dst in ((e.aliases, cur.aliases), (e.titles, cur.titles), (e.articles, cur.articles)):
        for x in src:
            if x not in dst:
                dst.append(x)
    if e.name not in cur.aliases:
        cur.aliases.append(e.name)
    cur.country = cur.country or e.country
    if cur.lat is None and e.lat is not None:
        cur.lat, cur.lon = e.lat, e.lon
