"""Date and count rules of conflicts.py: a period is known by the extractor's `date_from == "period"`, not by
words of the sentence ("between Russia and Ukraine", "its first launch since January" date nothing); a count
of more is an increment ("300 more", "an additional 300"), not a floor ("more than 300"); a day of the month
is no second count."""

from __future__ import annotations

import pytest

from tests.connect_fixtures import add_report
from wirewatch.connect.conflicts import _counts_comparable, _increment
from wirewatch.model import Actor, EventMention, Quantity

NGA_POLICE = Actor("Nigerian police", "ORG", "NGA", "org:nigerian police")
RUS = Actor("Russia", "GPE", "RUS", "gpe:russia")
UKR = Actor("Ukraine", "GPE", "UKR", "gpe:ukraine")
NK = Actor("North Korea", "GPE", "PRK", "gpe:north korea")


def add(store, aid, outlet, mentions, story="s-lagos"):
    return add_report(store, aid, outlet, mentions, story)


def arrest(sentence, n, text, date="2026-03-14"):
    return EventMention(article_id="", event_type="COERCE", sentence=sentence, start=0, end=0, trigger="arrested",
                        actor=[NGA_POLICE], quantities=[Quantity(n, "people", text)], date=date,
                        date_precision="day", date_from="text", modality="asserted")


def _quantity_conflicts(store):
    assert len([e for e in store.events() if e.event_type == "COERCE"]) == 1  # one happening, fused
    return [c for c in store.conflicts() if c.field == "quantity"]


# --- counts (reviewer's cases first)

def test_more_than_a_number_is_not_an_increment(store):
    # "More than 300" is a total with a floor, not "300 more": it disagrees with a total of 150.
    add(store, "lagos-a", "Lagos Ledger",
        [arrest("Nigerian police arrested more than 300 people in Lagos on Saturday.", 300, "more than 300 people")])
    add(store, "lagos-b", "Harbour Wire",
        [arrest("Nigerian police arrested 150 people in Lagos on Saturday.", 150, "150 people")])
    assert _quantity_conflicts(store), "300+ vs 150 arrested: no quantity conflict"


def test_a_day_of_the_month_is_not_a_second_count(store):
    # Report A's "March 14" is a date, not a count of 14 people: A (12) and B (14) still disagree.
    add(store, "lagos-a", "Lagos Ledger",
        [arrest("Nigerian police arrested 12 people in Lagos on March 14.", 12, "12 people")])
    add(store, "lagos-b", "Harbour Wire",
        [arrest("Nigerian police arrested 14 people in Lagos on Saturday.", 14, "14 people")])
    assert _quantity_conflicts(store), "12 vs 14 arrested: no quantity conflict"


def test_an_additional_count_is_not_set_against_a_total(store):
    # "an additional 200" (the increment word before the number, outside the quantity's own text) is a count
    # of more: it does not disagree with the first report's total of 150.
    add(store, "lagos-a", "Lagos Ledger",
        [arrest("Nigerian police arrested 150 people in Lagos on Saturday.", 150, "150 people")])
    add(store, "lagos-b", "Harbour Wire",
        [arrest("Nigerian police arrested an additional 200 people in Lagos on Saturday.", 200, "200 people")])
    assert _quantity_conflicts(store) == []


@pytest.mark.parametrize(("sentence", "text", "more"), [
    ("Police arrested 300 more people.", "300 more people", True),
    ("Police arrested dozens more protesters.", "dozens more protesters", True),
    ("Russia deployed 1,500 additional troops.", "1,500 additional troops", True),
    ("Russia sent another 3,000 troops.", "3,000 troops", True),
    ("Russia sent a further 2,000 soldiers.", "further 2,000 soldiers", True),
    ("Police arrested more than 300 people.", "more than 300 people", False),
    ("Police arrested 300 or more people.", "300 or more people", False),
    ("Police held no more than 20 people.", "no more than 20 people", False),
    ("Police arrested far more than 40 people.", "far more than 40 people", False),
    ("Police arrested 40 people, more than last year.", "40 people", False),
])
def test_only_an_increment_is_a_count_of_more(sentence: str, text: str, more: bool) -> None:
    assert _increment(Quantity(1, "person", text), sentence) is more


def _m(sentence: str, *qs: Quantity) -> EventMention:
    return EventMention(article_id="a", event_type="COERCE", sentence=sentence, start=0, end=0,
                        quantities=list(qs))


def test_numbers_of_time_expressions_are_no_counts_but_written_counts_are() -> None:
    twelve = [_m("Police arrested 12 people on 14 March 2026 at 10:30.", Quantity(12, "people", "12 people"))]
    fourteen = [_m("Police arrested 14 people on Saturday.", Quantity(14, "people", "14 people"))]
    assert _counts_comparable(twelve, 12.0, fourteen, 14.0)
    assert _counts_comparable([_m("Police arrested 12 people in 2014.")], 12.0, [_m("They held 2014 people.")],
                              2014.0)
    # A report that writes both numbers, in figures or in words, contradicts neither.
    both = [_m("Police arrested 12 people, adding to the 14 held on Friday.")]
    assert not _counts_comparable(both, 12.0, fourteen, 14.0)
    words = [_m("Police arrested 12 people after three were held.", Quantity(3, "people", "three"))]
    assert not _counts_comparable(words, 12.0, [_m("Police arrested three people.")], 3.0)


# --- dates: participants "between X and Y" and a "first since" gap are no span

def talks(sentence, day):
    return EventMention(article_id="", event_type="CONSULT", sentence=sentence, start=0, end=0, trigger="talks",
                        actor=[RUS, UKR], modality="asserted", date=day, date_precision="day", date_from="text")


def launch(sentence, day, date_from="text", precision="day"):
    return EventMention(article_id="", event_type="MOBILIZE", sentence=sentence, start=0, end=0,
                        trigger="fired", mode="weapons", actor=[NK], modality="asserted", date=day,
                        date_precision=precision, date_from=date_from)


def _date_conflicts(store, etype):
    assert len([e for e in store.events() if e.event_type == etype]) == 1
    return [c for c in store.conflicts() if c.field == "date"]


def test_talks_between_two_parties_still_state_their_day(store):
    add(store, "ist-a", "Bosphorus Daily",
        [talks("Talks between Russia and Ukraine took place in Istanbul on Monday, March 16.", "2026-03-16")],
        story="s-ist")
    add(store, "ist-b", "Danube Wire",
        [talks("Talks between Russia and Ukraine took place in Istanbul on Tuesday, March 17.", "2026-03-17")],
        story="s-ist")
    assert _date_conflicts(store, "CONSULT"), "Monday vs Tuesday: no date conflict"


def test_a_first_since_comparison_still_states_the_day(store):
    # "its first ... since January" measures a gap; the launch's own day is stated and can disagree.
    add(store, "nk-a", "Harbor Wire", [launch("North Korea fired a ballistic missile into the sea on Monday, "
                                              "March 16, its first launch since January.", "2026-03-16")],
        story="s-nk")
    add(store, "nk-b", "Korea Ledger", [launch("North Korea fired a ballistic missile into the sea on Tuesday, "
                                               "March 17.", "2026-03-17")], story="s-nk")
    assert _date_conflicts(store, "MOBILIZE"), "Monday vs Tuesday: no date conflict"


def test_since_as_a_cause_does_not_hide_a_stated_day(store):
    # "since" meaning "because": no span at all.
    add(store, "nk-a", "Harbor Wire", [launch("North Korea fired a missile on Monday, March 16, since talks with "
                                              "Seoul had stalled.", "2026-03-16")], story="s-nk")
    add(store, "nk-b", "Korea Ledger", [launch("North Korea fired a missile on Wednesday, March 18.",
                                               "2026-03-18")], story="s-nk")
    assert _date_conflicts(store, "MOBILIZE")


def test_a_period_date_never_contradicts_a_day(store):
    # What the extractor gives "has fired missiles since January": the period's prefix, a stand-in.
    add(store, "nk-a", "Harbor Wire", [launch("North Korea has fired missiles into the sea since January.", "2026",
                                              date_from="period", precision="period")], story="s-nk")
    add(store, "nk-b", "Korea Ledger", [launch("North Korea fired a missile into the sea on Tuesday, March 17.",
                                               "2026-03-17")], story="s-nk")
    assert _date_conflicts(store, "MOBILIZE") == []
