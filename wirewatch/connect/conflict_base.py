"""What every conflict rule reads: the store lookups of one refresh and how sure a pairing of mentions is.

`FinderBase` remembers, while a refresh runs, each article's outlet and report root, the events loaded and
their sentence keys; `pairing` asks the fitted fusion model how sure it is that two sets of mentions tell one
happening, and says the evidence in words. Here too: which modalities say it happened or did not, the claim
and denial types, the peers a refresh compares, a sentence's content words (cached) and the conflict's id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date as Date
from functools import lru_cache
from typing import Any

from ..dates import parse_day as parse_date
from ..model import NEGATIVE_MODALITIES, POSITIVE_MODALITIES, ConflictValue, Event, EventMention
from ..store.db import Store
from ..store.events import article_outlet, event_cache, mention_cache, peer_ids, report_root
from ..text import sentence_key
from .acts import words as _pair_words
from .conflict_sides import _names
from .pairs import PairModel, default_model
from .view_cache import pair_view

# The refresh compares every touched event with hundreds of peers, sentence by sentence: the same sentences'
# words again and again. `pairs.words` is a pure function of its text returning a frozenset, so remembering
# it changes nothing but the time.
words = lru_cache(maxsize=1 << 16)(_pair_words)

# Which modalities say it happened / did not: the table in model.py.
POSITIVE, NEGATIVE = POSITIVE_MODALITIES, NEGATIVE_MODALITIES
CLAIM_TYPES = {"ACCUSE"}
DENIAL_TYPES = {"REJECT"}
MAX_PEERS = 300
PEER_DAYS = 3  # events this close in time are compared even across stories


def conflict_id(field: str, event_ids: Iterable[str], extra: str = "") -> str:
    key = field + "|" + "|".join(sorted(set(event_ids))) + "|" + extra
    return "cf-" + hashlib.sha1(key.encode()).hexdigest()[:12]


class FinderBase:
    """What every conflict rule reads: the store lookups of one refresh (outlets, report roots, events,
    sentence keys, held only while it runs) and how sure the fusion model is that two sets of mentions tell one
    happening (`pairing`)."""

    def __init__(self, store: Store, model: PairModel | None = None) -> None:
        self.store = store
        self.model = model or default_model()
        self._outlets: dict[str, str | None] = {}
        self._roots: dict[str, str] = {}
        self._published: dict[str, str | None] = {}
        # Events loaded during one `refresh` (which writes conflicts only, never events), by id; and the
        # sentence keys of each (see `_shares_sentence`).
        self._holding = False
        self._events: dict[str, Event] = {}
        self._sentence_keys: dict[str, tuple[set[tuple[str, int, int]], set[str]]] = {}
        # The sentence keys of a report's own mentions (`_repeats_its_original`), by root article; held
        # with the events: a refresh writes conflicts only, never mentions.
        self._root_keys: dict[str, set[str]] = {}

    def outlet(self, article_id: str) -> str | None:
        if article_id not in self._outlets:
            self._outlets[article_id] = article_outlet(self.store, article_id)
        return self._outlets[article_id]

    def _root(self, article_id: str) -> str:
        """The report an article copies (itself when it is no copy): a copy's lines are the report's own."""
        if article_id not in self._roots:
            root = report_root(self.store, article_id)
            self._roots[article_id] = root[0] if root else article_id
        return self._roots[article_id]

    def _repeats_its_original(self, ev: Event) -> bool:
        """Every mention of the event is a syndicated copy's sentence that its original also carries: the
        original's own event answers the claim, and the copy would list the same denial twice."""
        for m in ev.mentions:
            root = self._root(m.article_id)
            if root == m.article_id or sentence_key(m.sentence) not in self._report_keys(root):
                return False
        return bool(ev.mentions)

    def _report_keys(self, root: str) -> set[str]:
        """The sentence keys of the report's stored mentions (read once per refresh)."""
        keys = self._root_keys.get(root) if self._holding else None
        if keys is None:
            keys = {sentence_key(x.sentence) for x in self.store.mentions_in(article_ids=[root],
                                                                                cache=mention_cache(self.store))}
            if self._holding:
                self._root_keys[root] = keys
        return keys

    def outlets(self, mentions: list[EventMention]) -> str:
        return ", ".join(sorted({self.outlet(m.article_id) or m.article_id for m in mentions}))

    def value(self, v: Any, m: EventMention) -> ConflictValue:
        return ConflictValue(value=v, article_id=m.article_id, sentence=m.sentence, outlet=self.outlet(m.article_id))

    def pairing(self, xs: list[EventMention], ys: list[EventMention]) -> tuple[float, str]:
        """How sure we are that two sets of mentions report one happening (the fitted fusion model, on
        the best pair from different sentences), and the evidence in words."""
        best, pair = 0.0, None
        for x in xs:
            for y in ys:
                if _same_sentence(x, y):
                    continue
                vx, vy = pair_view(self.store, x), pair_view(self.store, y)
                p = self.model.prob(vx, vy, True)
                if p >= best:
                    best, pair = p, (x, y)
        if pair is None:
            return 0.0, "they are the same sentence"
        return round(best, 3), _why(*pair, best)

    def one_happening(self, conf: float) -> bool:
        """Whether the two sides' best pairing passes the fusion model's own decision point. Below it the
        event was joined through other mentions (a chain), and two values told by mentions that would not
        fuse on their own are more likely two happenings than two versions of one."""
        return conf >= self.model.threshold

    def _reported(self, ev: Event) -> Date | None:
        """The latest publication day of the reports that tell the event (None when none is dated)."""
        days = [d for m in ev.mentions if (d := parse_date(self._article_published(m.article_id)))]
        return max(days, default=None)

    def _article_published(self, article_id: str) -> str | None:
        if article_id not in self._published:
            self._published[article_id] = self.store.article_published(article_id)
        return self._published[article_id]

    def _peers(self, event_id: str, story_id: str | None, day: Date | None,
               reported: Date | None = None) -> list[Event]:
        """`store.events.peers_of`, in its order, each event loaded once per refresh."""
        ids = peer_ids(self.store, event_id, story_id, day, PEER_DAYS, reported=reported, limit=MAX_PEERS)
        return self._load(ids)

    def _load(self, ids: list[str]) -> list[Event]:
        """These events, in this order; during a refresh, the ones not yet held are read in one query."""
        held = self._events if self._holding else {}
        missing = [i for i in ids if i not in held]
        if missing:
            # Shared, parsed objects (store/mention_cache.py): the refresh only reads them.
            for ev in self.store.events_by_ids(missing, cache=mention_cache(self.store),
                                               events=event_cache(self.store)):
                held[ev.id] = ev
        return [held[i] for i in ids if i in held]

    def _shares_sentence(self, a: Event, b: Event) -> bool:
        """`_same_sentence` for some mention of `a` and some of `b`: the same place in one article, or the
        same normalised words; as set intersections rather than every pair of mentions."""
        pa, na = self._keys(a)
        pb, nb = self._keys(b)
        return not pa.isdisjoint(pb) or not na.isdisjoint(nb)

    def _keys(self, ev: Event) -> tuple[set[tuple[str, int, int]], set[str]]:
        held = self._holding and self._events.get(ev.id) is ev
        keys = self._sentence_keys.get(ev.id) if held else None
        if keys is None:
            keys = ({(m.article_id, m.start, m.end) for m in ev.mentions},
                    {sentence_key(m.sentence) for m in ev.mentions})
            if held:
                self._sentence_keys[ev.id] = keys
        return keys

    def _by_date(self, ids: list[str]) -> list[Event]:
        """`store.events_by_ids` (by date, then id), through the events this refresh holds."""
        held = self._load(sorted(set(ids)))
        return sorted(held, key=lambda ev: (ev.date is None, ev.date or "", ev.id))


def _same_sentence(x: EventMention, y: EventMention) -> bool:
    """One sentence: the same place in one article, or the same words in two (a syndicated copy)."""
    if x.article_id == y.article_id and x.start == y.start and x.end == y.end:
        return True
    return sentence_key(x.sentence) == sentence_key(y.sentence)


def _why(x: EventMention, y: EventMention, p: float) -> str:
    """The evidence that two mentions report one happening, for an analyst."""
    from .pairs import participants

    parts = [f"both report {x.event_type}"]
    if participants(x.actor, y.actor) in ("same", "side"):
        parts.append(f"the same actor ({_names(x.actor)} / {_names(y.actor)})")
    if participants(x.recipient, y.recipient) in ("same", "side"):
        parts.append(f"the same target ({_names(x.recipient)})")
    if x.date and y.date:
        parts.append(f"dates {x.date} and {y.date}")
    shared = sorted(_common_words(x.sentence) & _common_words(y.sentence))[:4]
    if shared:
        parts.append("shared words: " + ", ".join(shared))
    return "; ".join(parts) + f" (pairing confidence {p:.2f})"


_TIME_WORDS = frozenset(
    """last next year years month months week weeks day days today yesterday tomorrow earlier later ago
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _common_words(sentence: str) -> set[str]:
    """Content words written in lower case: what a sentence is about, without the names in it (two
    sentences that both name North Korea and Russia are not therefore about the same thing)."""
    return set(_lower_words(sentence))


@lru_cache(maxsize=1 << 16)
def _lower_words(sentence: str) -> frozenset[str]:
    """`_common_words`, remembered: the refresh asks for the same sentences against hundreds of peers."""
    lower = " ".join(w for w in sentence.split() if w[:1].islower())
    return frozenset(w for w in words(lower) if w not in _TIME_WORDS)


def _overlap(a: Event, b: Event) -> int:
    wa = set().union(*(_common_words(m.sentence) for m in a.mentions))
    wb = set().union(*(_common_words(m.sentence) for m in b.mentions))
    return len(wa & wb)
