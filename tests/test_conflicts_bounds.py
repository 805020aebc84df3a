"""Counts compared as an analyst compares them (connect/conflicts.py over extract/quantities.py's bounds): an
approximation or a range contradicts another report's figure only when no value fits both, a floor or a ceiling
whenever the other report states another figure (the gold's reading: outlets give different tolls); a rate
is set only against rates of the same time unit. Two outlets' reports of one round-up (a Kenyan police
operation, told as wire copy and as a radio bulletin), and one agreement on lorries across a border."""

from __future__ import annotations

import pytest

from tests.connect_fixtures import add_report
from wirewatch.connect.conflicts import Figure, _figures_differ
from wirewatch.model import Actor, EventMention, Quantity

KEN_POLICE = Actor("Kenyan police", "ORG", "KEN", "org:kenyan police")
KGZ = Actor("Kyrgyzstan", "GPE", "KGZ", "gpe:kyrgyzstan")


def detained(sentence: str, q: Quantity) -> EventMention:
    return EventMention(article_id="", event_type="COERCE", sentence=sentence, start=0, end=0, trigger="detained",
                        actor=[KEN_POLICE], quantities=[q], date="2026-04-02", date_precision="day",
                        date_from="text", modality="asserted")


def _count_conflicts(store, wire: tuple[str, Quantity], radio: tuple[str, Quantity]) -> list:
    add_report(store, "wire", "Rift Valley Wire", [detained(*wire)], "s-eastleigh")
    add_report(store, "radio", "Capital FM Bulletin", [detained(*radio)], "s-eastleigh")
    assert len([e for e in store.events() if e.event_type == "COERCE"]) == 1  # one round-up, fused
    return [c for c in store.conflicts() if c.field == "quantity"]


WIRE_FLOOR = ("Kenyan police detained at least 12 people in a raid on Nairobi's Eastleigh district on Thursday.",
              Quantity(12, "people", "at least 12 people", bound="min"))


def test_a_floor_and_another_figure_above_it_are_different_tolls(store) -> None:
    radio = ("Kenyan police detained 15 people in Nairobi's Eastleigh district on Thursday, the bulletin said.",
             Quantity(15, "people", "15 people"))
    found = _count_conflicts(store, WIRE_FLOOR, radio)
    assert found and "at least 12" in found[0].explanation, found


def test_a_floor_and_the_same_figure_agree(store) -> None:
    radio = ("Kenyan police detained 12 people in Nairobi's Eastleigh district on Thursday, the bulletin said.",
             Quantity(12, "people", "12 people"))
    assert not _count_conflicts(store, WIRE_FLOOR, radio)


def test_a_floor_and_a_figure_below_it_disagree(store) -> None:
    radio = ("Kenyan police detained 8 people in Nairobi's Eastleigh district on Thursday, the bulletin said.",
             Quantity(8, "people", "8 people"))
    found = _count_conflicts(store, WIRE_FLOOR, radio)
    assert found and "at least 12" in found[0].explanation, found


def test_two_exact_figures_far_apart_disagree(store) -> None:
    wire = ("Kenyan police detained 12 people in a raid on Nairobi's Eastleigh district on Thursday.",
            Quantity(12, "people", "12 people"))
    radio = ("Kenyan police detained 40 people in Nairobi's Eastleigh district on Thursday, the bulletin said.",
             Quantity(40, "people", "40 people"))
    assert _count_conflicts(store, wire, radio)


def test_a_range_holds_a_figure_inside_it(store) -> None:
    wire = ("Kenyan police detained between 30 and 40 people in a raid on Nairobi's Eastleigh district on Thursday.",
            Quantity(30, "people", "between 30 and 40 people", bound="range", high=40))
    radio = ("Kenyan police detained 35 people in Nairobi's Eastleigh district on Thursday, the bulletin said.",
             Quantity(35, "people", "35 people"))
    assert not _count_conflicts(store, wire, radio)


@pytest.mark.parametrize("a, b, differ", [
    (Quantity(300, "people", "some 300 people", bound="about"), Quantity(320, "people", "320 people"), False),
    (Quantity(300, "people", "some 300 people", bound="about"), Quantity(500, "people", "500 people"), True),
    (Quantity(50, "men", "up to 50 men", bound="max"), Quantity(30, "men", "30 men"), True),
    (Quantity(50, "men", "up to 50 men", bound="max"), Quantity(50, "men", "50 men"), False),
    (Quantity(50, "men", "up to 50 men", bound="max"), Quantity(80, "men", "80 men"), True),
    (Quantity(200, "soldier", "nearly 200 soldiers", bound="nearly"), Quantity(250, "soldier", "250"), True),
    (Quantity(24, "people", "dozens of people", bound="range", high=120), Quantity(12, "people", "12"), True),
    (Quantity(24, "people", "dozens of people", bound="range", high=120), Quantity(40, "people", "40"), False),
    (Quantity(12, "people", "at least 12", bound="min"), Quantity(40, "people", "at least 40", bound="min"), True),
    (Quantity(12, "people", "at least 12", bound="min"), Quantity(12, "people", "at least 12", bound="min"), False),
])
def test_figures_differ_by_interval_or_stated_bound(a: Quantity, b: Quantity, differ: bool) -> None:
    from wirewatch.extract.quantities import span

    fa, fb = Figure(*span(a), a.value, a.text, a.bound), Figure(*span(b), b.value, b.text, b.bound)
    assert _figures_differ(fa, fb) is differ


def agreed(sentence: str, q: Quantity) -> EventMention:
    return EventMention(article_id="", event_type="AGREE", sentence=sentence, start=0, end=0, trigger="agreed",
                        actor=[KGZ], quantities=[q], date="2026-05-05", date_precision="day", date_from="text",
                        modality="asserted")


def test_rates_disagree_with_rates_not_with_totals(store) -> None:
    # a ministry statement, translated, and a trade newsletter
    add_report(store, "mfa", "Kabar", [agreed(
        "Kyrgyzstan agreed on Tuesday to let 300 lorries a day cross the Torugart pass from June.",
        Quantity(300, "lorry", "300 lorries a day", per="day"))], "s-torugart")
    add_report(store, "trade", "Silk Freight Weekly", [agreed(
        "Kyrgyzstan agreed on Tuesday to let 500 lorries a day cross the Torugart pass from June.",
        Quantity(500, "lorry", "500 lorries a day", per="day"))], "s-torugart")
    found = [c for c in store.conflicts() if c.field == "quantity"]
    assert found and "lorries per day" in found[0].explanation, found


def test_a_rate_and_a_total_are_two_measures(store) -> None:
    add_report(store, "mfa", "Kabar", [agreed(
        "Kyrgyzstan agreed on Tuesday to let 300 lorries a day cross the Torugart pass from June.",
        Quantity(300, "lorry", "300 lorries a day", per="day"))], "s-torugart")
    add_report(store, "trade", "Silk Freight Weekly", [agreed(
        "Kyrgyzstan agreed on Tuesday to let 9,000 lorries cross the Torugart pass from June.",
        Quantity(9000, "lorry", "9,000 lorries"))], "s-torugart")
    assert len([e for e in store.events() if e.event_type == "AGREE"]) == 1
    assert not [c for c in store.conflicts() if c.field == "quantity"]
