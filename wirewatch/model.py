"""The records that flow through wirewatch: one `Article` goes ingest -> extract -> connect -> store.

Everything here is a plain dataclass so that components, the store and the exporters share one
vocabulary. Character offsets (`start`, `end`) always index into `Article.text`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Modality(StrEnum):
    """How a report presents an event. A `StrEnum`: each member equals its stored string ("asserted" ==
    Modality.ASSERTED), so records, SQL rows and JSON keep plain strings. What each one means for
    extraction, fusion, conflicts, corroboration and briefs is its row in `MODALITY_TABLE` (`.info`)."""

    ASSERTED = "asserted"  # stated as fact by the outlet
    REPORTED = "reported"  # attributed to a source ("according to KCNA")
    CLAIMED = "claimed"  # one party's claim or accusation
    DENIED = "denied"  # a party denies it
    PLANNED = "planned"  # future or intended
    SPECULATED = "speculated"  # analysts suggest, possibly
    HYPOTHETICAL = "hypothetical"  # if ... would
    NEGATED = "negated"  # has not
    HISTORICAL = "historical"  # background, not news

    @property
    def info(self) -> ModalityInfo:
        return MODALITY_TABLE[self.value]


@dataclass(frozen=True)
class ModalityInfo:
    """One row of the modality table: the single place that says how each modality behaves."""

    name: str
    # When several markers apply to one mention the most specific wins ("KCNA reported Seoul denied ..."
    # is denied): higher beats lower.
    specificity: int
    # A report with no time expression dates the event by its publication day only when it presents the
    # event as happening now (not planned, supposed, negated or long past).
    dated_by_report: bool
    # Fusion keeps phases apart: background, plans and denials are not the same happening as the news.
    phase: str = "now"  # now | past | future | possible | denied
    # Which mention speaks for a fused event: the most factual presentation (lowest) wins.
    standing: int = 0
    # For contradictions: "positive" says it happened, "negative" that it did not, None neither.
    polarity: str | None = None
    # How much one mention of it supports the event having happened (corroboration).
    support: float = 0.5
    # The report credits someone else's words for it (a brief does not state it as fact).
    said: bool = False
    # Background: a recap of an earlier happening, folded away in briefs.
    background: bool = False


MODALITY_TABLE: dict[str, ModalityInfo] = {m.name: m for m in (
    ModalityInfo("asserted", 0, True, standing=0, polarity="positive", support=1.0),
    ModalityInfo("reported", 1, True, standing=1, polarity="positive", support=0.9, said=True),
    ModalityInfo("historical", 2, False, "past", standing=6, support=0.8, background=True),
    ModalityInfo("planned", 3, False, "future", standing=3, support=0.5),
    ModalityInfo("speculated", 4, False, "possible", standing=4, support=0.35, said=True),
    ModalityInfo("claimed", 5, True, standing=2, polarity="positive", support=0.6, said=True),
    ModalityInfo("hypothetical", 6, False, "future", standing=5, support=0.2),
    ModalityInfo("negated", 7, False, standing=7, polarity="negative", support=0.0, said=True),
    ModalityInfo("denied", 8, True, "denied", standing=8, polarity="negative", support=0.0, said=True),
)}
assert set(MODALITY_TABLE) == {m.value for m in Modality}
MODALITIES: tuple[str, ...] = tuple(MODALITY_TABLE)
# The modalities that say it happened (asserted, reported, claimed) / that it did not (negated, denied).
POSITIVE_MODALITIES = frozenset(m.name for m in MODALITY_TABLE.values() if m.polarity == "positive")
NEGATIVE_MODALITIES = frozenset(m.name for m in MODALITY_TABLE.values() if m.polarity == "negative")


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Timex:
    """A TIMEX3-style time expression. `value` is the normalized value (2024-05-15, 2024-W20, P3D,
    PRESENT_REF, ...) or None when it cannot be resolved (e.g. "last month" with no publication date)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    # day | month | year | week | quarter | season | decade | century | time | None (for durations / refs)
    precision: str | None = None

    def to_dict(self, article_id: str) -> dict[str, Any]:
        return {"article_id": article_id, **asdict(self)}


@dataclass
class EntityMention:
    """One span of text that names an entity. `entity_id` links it to an `Entity`."""

    start: int
    end: int
    text: str
    kind: str  # PERSON | ORG | GPE | LOC | NORP | FAC | ...
    entity_id: str


@dataclass
class Entity:
    """A canonical real-world entity. `id` is stable across articles (derived from kind + canonical name)
    so that the same entity seen in two articles is one row in the store."""

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166-1 alpha-3
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # roles seen with it: "Deputy State Department spokesman"
    lat: float | None = None
    lon: float | None = None
    articles: list[str] = field(default_factory=list)


@dataclass
class Actor:
    """A participant of an event as it appears in the export: canonical name plus where it came from."""

    name: str
    kind: str | None = None
    country: str | None = None
    entity_id: str | None = None
    text: str | None = None  # as written in the sentence

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Location:
    text: str  # as written
    name: str | None = None  # canonical (gazetteer) name
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Quantity:
    """A number attached to an event ("three ballistic missiles"), used to spot numeric contradictions."""

    value: float  # the figure written; for a range its low end
    unit: str  # the counted noun, lemmatized: "missile", "soldier"
    text: str
    # How exact the figure is (extract/quantities.py reads it, connect/conflicts.py compares by it): "" exact,
    # "min" ("at least 12"), "max" ("up to 40"), "about" ("some 300"), "nearly" ("nearly 200"), "range"
    # ("between 30 and 40", "dozens": `high` is the top).
    bound: str = ""
    high: float | None = None
    per: str = ""  # a rate's time unit: "300 trucks a day" -> "day"


# Where a mention's date stands in for one its sentence does not state: such a date is only weighed in
# fusion and never contradicts another report's.
STAND_IN_DATES = frozenset({"published", "context", "period"})


@dataclass
class EventMention:
    """One sentence's report of an event. Fusion groups mentions of one happening into an `Event`."""

    article_id: str
    event_type: str
    sentence: str
    start: int  # sentence offsets in the article text
    end: int
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Actor] = field(default_factory=list)  # empty = unknown; several = compound actor
    recipient: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    attributed_to: str | None = None
    date: str | None = None
    date_precision: str | None = None
    # Where the date came from: "text" (a time expression of the sentence), "context" (the narrative time of
    # the sentences before, extract/timex_narrative.py) or "published" (the report's date, used for a
    # past/present report with no time expression) or "period" (the calendar prefix of a stretch the act went
    # on through: "since January", extract/timex_signals.py). Only text dates can contradict (`STAND_IN_DATES`).
    date_from: str | None = None
    location: Location | None = None
    quantities: list[Quantity] = field(default_factory=list)
    # The event detector's probability that the sentence reports an event of this type (extract/detector.py);
    # None when the type was decided by its triggers alone (a type the model was not trained on).
    type_confidence: float | None = None
    id: str = ""  # mention id, set by the store
    event_id: str | None = None  # fused event, set by connect


@dataclass
class Event:
    """One real-world happening, fused from one or more mentions."""

    id: str
    event_type: str
    mentions: list[EventMention] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    attributed_to: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    story_id: str | None = None
    sources: int = 0  # distinct independent outlets
    confidence: float = 0.0
    confidence_reasons: list[str] = field(default_factory=list)

    def attributions(self) -> list[str]:
        """Every source the reports attribute the event to, once each, in mention order: `attributed_to`
        is the one that goes with the event's modality, this keeps the others visible."""
        return list(dict.fromkeys(m.attributed_to for m in self.mentions if m.attributed_to))

    def date_source(self) -> str | None:
        """Where `date` came from, as a mention's `date_from`: "text" when a report's own sentence states it,
        else the stand-in that gave it ("context", "period", or "published": the report's day for a past
        report of news that states no time); None without a date. A reader who wants only dates the text
        gives (the ontology's "null where unknown") reads `date` where this is not "published"."""
        if not self.date:
            return None
        kinds = [m.date_from for m in self.mentions if m.date == self.date and m.date_from]
        return next((k for k in kinds if k not in STAND_IN_DATES), kinds[0] if kinds else None)


@dataclass
class Story:
    id: str
    label: str = ""
    start: str | None = None
    end: str | None = None
    key_entities: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass
class ConflictValue:
    value: Any
    article_id: str
    sentence: str
    outlet: str | None = None


@dataclass
class Conflict:
    id: str
    field: str  # date | quantity | actor | recipient | location | occurrence
    event_ids: list[str]
    values: list[ConflictValue]
    explanation: str = ""
    confidence: float = 0.0  # how sure the pairing is (same happening / the denial answers the claim)


@dataclass
class Article:
    """A news report. Metadata fields stay None when unknown: wirewatch never invents them."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD)
    dateline: str | None = None  # "PYONGYANG", "SEOUL"
    url: str | None = None
    language: str | None = None
    source: str | None = None  # where it came from: path, path:line, path#item
    content_hash: str = ""
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact | near
    story_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # reader-specific extras (feed, warc record id, ...)
    # Filled by extraction components:
    sentences: list[Sentence] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    # The parsed spaCy Doc while the article is in the pipeline; never stored.
    doc: Any = field(default=None, repr=False, compare=False)
