"""One-line event summaries built from evidence (wirewatch/serve/summary.py)."""

from __future__ import annotations

from wirewatch.model import Actor, Event, EventMention, Quantity
from wirewatch.serve.summary import summarize

PRK = Actor(name="North Korea", kind="COUNTRY", text="North Korea")


def _mention(sentence: str, trigger: str, **kw: object) -> EventMention:
    return EventMention(article_id="a", event_type="MOBILIZE", sentence=sentence, start=0, end=len(sentence),
                        trigger=trigger, **kw)  # type: ignore[arg-type]


def test_the_evidence_clause_from_actor_to_object_without_time_or_attribution() -> None:
    m = _mention("North Korea fired two short-range ballistic missiles into the East Sea on Wednesday, the "
                 "Joint Chiefs of Staff said.", "fired", actor=[PRK], quantities=[Quantity(2, "missile", "two")])
    ev = Event(id="e", event_type="MOBILIZE", mentions=[m], actor=[PRK])
    assert summarize(ev) == "North Korea fired two short-range ballistic missiles into the East Sea"


def test_a_headline_like_sentence_beats_a_recap_inside_another() -> None:
    recap = _mention("It was North's first ballistic missile firing since January 6, when it test-fired a "
                     "missile.", "firing", actor=[Actor(name="North Korea", text="North")])
    lead = _mention("North Korea launched a pair of missiles late Tuesday, officials said.", "launched", actor=[PRK])
    ev = Event(id="e", event_type="MOBILIZE", mentions=[recap, lead], actor=[PRK])
    assert summarize(ev) == "North Korea launched a pair of missiles"


def test_abbreviations_do_not_end_the_clause() -> None:
    forces = Actor(name="South Korean and U.S. forces", text="South Korean and U.S. forces")
    m = _mention("South Korean and U.S. forces began their annual Freedom Shield exercise on Monday.", "began",
                 actor=[forces])
    assert summarize(Event(id="e", event_type="MOBILIZE", mentions=[m], actor=[forces])) == (
        "South Korean and U.S. forces began their annual Freedom Shield exercise")


def test_without_a_usable_sentence_the_line_is_composed_from_the_fields() -> None:
    m = _mention("Missiles were seen over the sea.", "seen", quantities=[Quantity(3, "missile", "three")])
    ev = Event(id="e", event_type="ACCUSE", mentions=[m], actor=[PRK], recipient=[Actor(name="Japan")])
    assert summarize(ev) == "North Korea accused Japan (three missiles)"
    bare = Event(id="e2", event_type="MOBILIZE", mentions=[], mode="missile test")
    assert summarize(bare) == "An unnamed party mobilized: missile test"
