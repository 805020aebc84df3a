"""The event ontology: types, modes, contexts and trigger lexicons, loaded from YAML.

`load_ontology(path)` reads the shipped `data/ontology.yaml` and merges a user file over it (new types are
added; a type the user names has the keys given replaced; `sets`/`contexts` merge key by key; lists such as
`commissive_verbs` are replaced). Triggers are compiled into dicts keyed by lemma, so matching a document
is one dict lookup per token.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).parent / "data" / "ontology.yaml"
# Trigger words grown from WordNet and kept by grouped CV on the training rows (trigger_expansion.py).
LEARNED_PATH = Path(__file__).parent / "data" / "triggers_learned.yaml"


@dataclass(frozen=True)
class TriggerSpec:
    """One trigger: a head lemma, optionally with a dependent lemma (`dep`) or a set of them (`dep_set`)."""

    type: str
    head: str
    pos: str  # VERB | NOUN
    dep: str | None = None
    dep_set: str | None = None  # a name in Ontology.sets, or "PERSON" for a person entity
    order: int = 0
    learned: bool = False  # from triggers_learned.yaml (WordNet, kept by CV), not the hand lexicon

    @property
    def specificity(self) -> int:
        # A target phrase says more than an object: "fired shells at targets" is an attack, not a test.
        if self.dep in ("at", "on", "against", "upon"):
            return 2
        return 1 if (self.dep or self.dep_set) else 0


@dataclass
class EventType:
    name: str
    quad: str = ""
    description: str = ""
    recipient: bool = True
    modes: dict[str, str] = field(default_factory=dict)
    context: list[str] = field(default_factory=list)
    inverse: frozenset[str] = frozenset()

    @property
    def verbal(self) -> bool:
        return self.quad.startswith("verbal")


@dataclass
class Ontology:
    types: dict[str, EventType]
    sets: dict[str, frozenset[str]]
    contexts: dict[str, frozenset[str]]
    verbs: dict[str, list[TriggerSpec]]  # anchor lemma -> specs
    nouns: dict[str, list[TriggerSpec]]
    lists: dict[str, frozenset[str]]  # commissive_verbs, directive_verbs, speech_act_types, ...
    context_index: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lemma -> contexts
    not_events: dict[str, frozenset[str]] = field(default_factory=dict)  # head lemma -> dependent lemmas
    # verb lemma -> (object classes that rule its bare trigger out, how many of the object's senses are
    # looked at, sets whose members pass anyway); ontology.yaml `object_senses`
    object_senses: dict[str, tuple[frozenset[str], int, frozenset[str]]] = field(default_factory=dict)
    # verb lemma -> the type its bare trigger has instead when `object_senses` rules its own type out
    # ("dismissed the findings" is a rejection, not a dismissal of an official); ontology.yaml `as:`
    object_sense_types: dict[str, str] = field(default_factory=dict)
    # trigger ("blow up") -> the type it has with no object, not passive (ontology.yaml `intransitive`)
    intransitive: dict[str, str] = field(default_factory=dict)
    # a change of office without the classic verbs (extract/office_change.py; ontology.yaml `office_change`):
    # "type" -> the event type, verb classes ("holder_subject", "act_on", "dismiss", "serve") -> lemmas
    office_change: dict[str, Any] = field(default_factory=dict)

    def mode_for(self, event_type: str, lemma: str) -> str | None:
        t = self.types.get(event_type)
        return t.modes.get(lemma) if t else None

    def is_type(self, name: str, list_name: str) -> bool:
        return name in self.lists.get(list_name, frozenset())


def _merge(base: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, val in user.items():
        if key == "types":
            base_types = {k: dict(v or {}) for k, v in (base.get("types") or {}).items()}
            # The user's types come first, so their triggers win ties with the shipped ones.
            types = {t: {**base_types.get(t, {}), **(spec or {})} for t, spec in (val or {}).items()}
            types.update({t: spec for t, spec in base_types.items() if t not in types})
            out["types"] = types
        elif key in ("sets", "contexts", "object_senses", "intransitive", "office_change"):
            out[key] = {**(base.get(key) or {}), **(val or {})}
        else:
            out[key] = val
    return out


def _compile(raw: dict[str, Any]) -> Ontology:
    types: dict[str, EventType] = {}
    verbs: dict[str, list[TriggerSpec]] = {}
    nouns: dict[str, list[TriggerSpec]] = {}
    order = 0
    for tname, spec in (raw.get("types") or {}).items():
        spec = spec or {}
        types[tname] = EventType(
            name=tname, quad=str(spec.get("quad", "")), description=str(spec.get("description", "")),
            recipient=bool(spec.get("recipient", True)),
            modes={str(k).lower(): str(v) for k, v in (spec.get("modes") or {}).items()},
            context=[str(c) for c in spec.get("context") or []],
            inverse=frozenset(str(x).lower() for x in spec.get("inverse") or []))
        for pos, index in (("VERB", verbs), ("NOUN", nouns)):
            for trig in spec.get("verbs" if pos == "VERB" else "nouns") or []:
                order += 1
                for anchor, ts in _parse_trigger(tname, str(trig), pos, order):
                    index.setdefault(anchor, []).append(ts)
    sets = {k: frozenset(str(x).lower() for x in v) for k, v in (raw.get("sets") or {}).items()}
    contexts = {k: frozenset(str(x).lower() for x in v) for k, v in (raw.get("contexts") or {}).items()}
    lists = {k: frozenset(str(x) if k.endswith("_types") else str(x).lower() for x in v)
             for k, v in raw.items() if isinstance(v, list)}
    ctx_index: dict[str, tuple[str, ...]] = {}
    for ctx, lemmas in contexts.items():
        for lem in lemmas:
            ctx_index[lem] = (*ctx_index.get(lem, ()), ctx)
    not_events: dict[str, set[str]] = {}
    for pair in raw.get("not_events") or []:
        words = str(pair).lower().split()
        if len(words) == 2:
            # Either word may be the head: "decline (to) comment", "news conference".
            not_events.setdefault(words[0], set()).add(words[1])
            not_events.setdefault(words[1], set()).add(words[0])
    object_senses = {str(k).lower(): (frozenset(str(c) for c in (v or {}).get("not") or []),
                                      int((v or {}).get("senses", 2)),
                                      frozenset(str(c).lower() for c in (v or {}).get("unless") or []))
                     for k, v in (raw.get("object_senses") or {}).items()}
    object_sense_types = {str(k).lower(): str(v["as"]) for k, v in (raw.get("object_senses") or {}).items()
                          if isinstance(v, dict) and v.get("as") and str(v["as"]) in types}
    intransitive = {" ".join(str(k).lower().split()): str(v) for k, v in (raw.get("intransitive") or {}).items()}
    office: dict[str, Any] = {k: frozenset(str(x).lower() for x in v) if isinstance(v, list) else str(v)
                              for k, v in (raw.get("office_change") or {}).items()}
    if office.get("type") not in types:
        office = {}  # a user ontology without the type has no change-of-office rule
    return Ontology(types, sets, contexts, verbs, nouns, lists, ctx_index,
                    {k: frozenset(v) for k, v in not_events.items()}, object_senses,
                    object_sense_types=object_sense_types, intransitive=intransitive, office_change=office)


def add_learned(onto: Ontology, entries: list[tuple[str, str]]) -> Ontology:
    """`onto` plus (type, trigger) verb entries as learned triggers, after every hand-written one (so a
    hand trigger wins a tie on the same word); a type the ontology lacks is skipped."""
    verbs = {k: list(v) for k, v in onto.verbs.items()}
    order = 1 + max((s.order for specs in onto.verbs.values() for s in specs), default=0) + \
        max((s.order for specs in onto.nouns.values() for s in specs), default=0)
    for tname, trig in entries:
        if tname not in onto.types:
            continue
        order += 1
        for anchor, ts in _parse_trigger(tname, trig, "VERB", order):
            verbs.setdefault(anchor, []).append(replace(ts, learned=True))
    return replace(onto, verbs=verbs)


def learned_entries(path: Path = LEARNED_PATH) -> list[tuple[str, str]]:
    """(type, trigger) pairs of the learned lexicon file (none when it is absent)."""
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f) or {}
    return [(str(t), str(w)) for t, ws in (raw.get("verbs") or {}).items() for w in ws or []]


def _parse_trigger(tname: str, trig: str, pos: str, order: int) -> list[tuple[str, TriggerSpec]]:
    """ "visit" | "call for" | "provide @aid" | "test-fire" -> (anchor lemma, spec) pairs.

    A two-word trigger of plain words is indexed under both words: in "hunger strike" the head is the
    second word, in "call for" the first; whichever token carries the other as a dependent is the trigger.
    """
    words = trig.lower().replace("-", " ").split() if "@" not in trig else trig.lower().split()
    if len(words) == 1:
        return [(words[0], TriggerSpec(tname, words[0], pos, order=order))]
    head, dep = words[0], " ".join(words[1:])
    if dep.startswith("@"):
        name = dep[1:]
        return [(head, TriggerSpec(tname, head, pos, dep_set="PERSON" if name == "person" else name,
                                   order=order))]
    dep = words[-1]  # "put house arrest": the last word is what must hang off the head
    out = [(head, TriggerSpec(tname, head, pos, dep=dep, order=order))]
    if pos == "NOUN":
        # Noun compounds are written modifier-first ("hunger strike"): the second word is the head.
        out.append((dep, TriggerSpec(tname, dep, pos, dep=head, order=order)))
    return out


def load_ontology(path: str | Path | None = None, learned: bool = True) -> Ontology:
    """The shipped ontology, with the YAML at `path` (if any) merged over it, plus the learned trigger words
    (`triggers_learned.yaml`) unless `learned` is False or the merged YAML says `learned_triggers: false`."""
    return _load(str(path) if path else "", learned, _content_key(path))


def _content_key(path: str | Path | None) -> str:
    """What the cached ontology of `path` is keyed on beside the path: the file's content (an edited file in
    a long-running process, an API server or a Dask worker, is read anew; an unchanged one is not)."""
    if not path:
        return ""
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""  # `_load` reports the unreadable file


@lru_cache(maxsize=8)
def _load(path: str, learned: bool = True, content_key: str = "") -> Ontology:
    with open(DEFAULT_PATH, encoding="utf-8") as f:
        raw = yaml.safe_load(f) or {}
    if path:
        with open(path, encoding="utf-8") as f:
            raw = _merge(raw, yaml.safe_load(f) or {})
    onto = _compile(raw)
    if learned and raw.get("learned_triggers", True) is not False:
        onto = add_learned(onto, learned_entries())
    return onto
