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


def test_the_number_is_the_one_most_reports_count_and_is_said_once() -> None:
    """A stray number in one sentence ("its two neighbours") is not the event's, and a count that already
    names its noun is not followed by the noun again."""
    stray = _mention("North Korea's missile launch has produced a discrepancy between its two neighbours.", "launch",
                     actor=[PRK], modality="asserted", quantities=[Quantity(2, "neighbour", "two neighbours")])
    fired = [_mention(f"North Korea fired {n} short-range ballistic missiles, officials said.", "fired",
                      modality="reported", quantities=[Quantity(2, "missile", f"{n} short-range ballistic missiles")])
             for n in ("two", "two")]
    ev = Event(id="e", event_type="MOBILIZE", mentions=[stray, *fired], actor=[PRK], modality="asserted")
    assert summarize(ev) == "North Korea fired two short-range ballistic missiles"
    bare = Event(id="e2", event_type="MOBILIZE", mentions=[stray], actor=[PRK])
    assert "neighbours neighbours" not in summarize(bare)


def test_a_time_phrase_after_the_object_is_cut() -> None:
    kim = Actor(name="Kim Jong Un", text="North Korean leader Kim Jong Un")
    m = _mention("North Korean leader Kim Jong Un watched a test-fire of a missile system a day earlier, state "
                 "media reported.", "watched", actor=[kim])
    ev = Event(id="e", event_type="MOBILIZE", mentions=[m], actor=m.actor)
    assert summarize(ev) == "North Korean leader Kim Jong Un watched a test-fire of a missile system"


def test_a_composed_line_uses_the_evidence_verb_and_folds_the_count_into_the_recipient() -> None:
    ccg = Actor(name="China Coast Guard", text="The China Coast Guard")
    m = _mention("The China Coast Guard said on Tuesday it had expelled two Philippine vessels.", "expelled",
                 actor=[ccg], quantities=[Quantity(2, "vessel", "two Philippine vessels")])
    ev = Event(id="e", event_type="SANCTION", mentions=[m], actor=[ccg], recipient=[Actor(name="Philippine vessels")])
    assert summarize(ev) == "China Coast Guard expelled two Philippine vessels"


def test_quoted_objects_numbers_and_possessive_years_stay_in_the_line() -> None:
    kim = Actor(name="Kim", text="Kim")
    m = _mention('Kim urged the munitions industry to "overfulfil" this year\'s production plan.', "urged", actor=[kim])
    assert summarize(Event(id="e", event_type="DEMAND", mentions=[m], actor=[kim])) == (
        "Kim urged the munitions industry to overfulfil this year's production plan")
    m = _mention("North Korea has sent roughly 3,000 additional troops to Russia, Seoul said.", "sent", actor=[PRK])
    assert summarize(Event(id="e", event_type="MOBILIZE", mentions=[m], actor=[PRK])) == (
        "North Korea has sent roughly 3,000 additional troops to Russia")


def test_a_time_inside_the_subject_is_dropped_and_a_clause_never_ends_on_a_preposition() -> None:
    spox = Actor(name="spokesperson", text="A spokesperson")
    m = _mention("A spokesperson for the Foreign Ministry on Wednesday rejected reports that troops were sent.",
                 "rejected", actor=[spox])
    assert summarize(Event(id="e", event_type="REJECT", mentions=[m], actor=[spox])) == (
        "A spokesperson for the Foreign Ministry rejected reports that troops were sent")
    kim = Actor(name="Kim", text="Kim")
    m = _mention("Kim also watched a demonstration in which a drone hit a target.", "watched", actor=[kim])
    assert summarize(Event(id="e", event_type="MOBILIZE", mentions=[m], actor=[kim])) == (
        "Kim also watched a demonstration")
