"""A person's gender from a title (Mr., Queen) or a given name the name lists are clear about."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Entity

_MALE_TITLES = frozenset({"mr", "mr.", "sir", "king", "prince", "sheikh", "emir", "sultan", "lord", "pope"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "queen", "princess", "lady", "dame"})
_detector: Any = None


def title_gender(titles: Iterable[str]) -> str | None:
    """ "male"/"female" when a title says so (Mr., Mrs., Ms., King, Queen ...), else None."""
    for t in titles:
        for w in t.lower().split():
            if w in _MALE_TITLES:
                return "male"
            if w in _FEMALE_TITLES:
                return "female"
    return None


def given_name_gender(name: str) -> str | None:
    """Gender of a given name where the name lists are clear about it ("Angela" female, "Gary" male;
    "Kim", "Dana" or an unknown name: None)."""
    global _detector
    if _detector is None:
        import gender_guesser.detector as gd

        _detector = gd.Detector(case_sensitive=False)
    g = _detector.get_gender(name)
    return g if g in ("male", "female") else None


def person_gender(ent: Entity) -> str | None:
    """A person's gender from their titles, else from their given name (the first word of a full name)."""
    g = title_gender(ent.titles)
    if g is None and " " in ent.name:
        g = given_name_gender(ent.name.split()[0])
    return g
