"""The word lists in `data/lexicon.yaml` and `data/aliases.yaml`, loaded once into frozensets and dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .gazetteer import fold, load_yaml


@dataclass(frozen=True)
class KnownEntity:
    name: str
    kind: str
    country: str | None
    state_media: bool = False
    aliases: tuple[str, ...] = ()


@dataclass
class Lexicon:
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    known: dict[str, KnownEntity] = field(default_factory=dict)  # folded alias -> entity
    known_exact: dict[str, KnownEntity] = field(default_factory=dict)  # all-caps short forms, as written

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.sets[key]

    def known_entity(self, text: str) -> KnownEntity | None:
        t = text.strip()
        hit = self.known_exact.get(t)
        if hit is not None:
            return hit
        f = fold(t)
        if f.startswith("the "):
            f = f[4:]
        return self.known.get(f)

    def known_surface_forms(self) -> list[str]:
        """Every name and alias as written, for the phrase matcher."""
        forms = {e.name for e in self.known.values()} | {a for e in self.known.values() for a in e.aliases}
        return sorted(forms | set(self.known_exact))


def _is_short_caps(s: str) -> bool:
    return len(s) <= 5 and s.replace(".", "").replace("-", "").isupper()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = load_yaml("lexicon.yaml")
    lex = Lexicon(sets={k: frozenset(str(x).lower() for x in v) for k, v in raw.items()})
    # Name lists are matched as written.
    lex.sets["korean_surnames_cased"] = frozenset(str(x) for x in raw.get("korean_surnames") or [])
    for name, spec in (load_yaml("aliases.yaml") or {}).items():
        spec = spec or {}
        aliases = tuple(str(a) for a in spec.get("aliases") or [])
        ent = KnownEntity(name=name, kind=spec.get("kind", "ORG"), country=spec.get("country"),
                          state_media=bool(spec.get("state_media")), aliases=aliases)
        for a in (name, *aliases):
            if _is_short_caps(a):
                # "AP", "AU", "EC": only as written, so that ordinary words never match.
                lex.known_exact[a] = ent
            else:
                key = fold(a)
                lex.known[key[4:] if key.startswith("the ") else key] = ent
    return lex
