"""extract/quantities.py: how exact a count is (floors, ceilings, approximations, ranges, vague plurals), rates and
sums of money, read from sentences in styles the project had not used (court copy, charity press release, radio
bulletin, blog, translated ministry statement, shipping notice); and the interval each figure allows."""

from __future__ import annotations

import math
from typing import Any

import pytest

from wirewatch.extract.quantities import quantities_in, read_figure, span
from wirewatch.model import Quantity


@pytest.fixture(scope="module")
def nlp() -> Any:
    from wirewatch.extract.nlp import get_nlp

    return get_nlp()


def counts(nlp: Any, text: str) -> dict[str, Quantity]:
    """unit -> quantity over the whole sentence (scope = every token)."""
    doc = nlp(text)
    return {q.unit: q for q in quantities_in(doc, list(doc))}


@pytest.mark.parametrize("text, unit, value, bound, high", [
    # court report
    ("The jury heard that Mr Hale smuggled between 40 and 50 migrants across the Channel in a rigid inflatable.",
     "migrant", 40, "range", 50),
    # radio bulletin
    ("Up to 60 fishermen are still missing off the coast of Kerala, the coastguard says.", "fisherman", 60, "max",
     None),
    # blog
    ("Honestly? Nearly 900 volunteers turned up to clear the beach, which blew my mind.", "volunteer", 900, "nearly",
     None),
    # translated statement
    ("The Ministry states that no fewer than 14 aircraft of the aggressor violated the airspace of the Republic.",
     "aircraft", 14, "min", None),
    # shipping notice
    ("Port authorities said some 3,200 containers were stranded at the terminal.", "container", 3200, "about", None),
    ("Witnesses counted two or three drones over the refinery before the blast.", "drone", 2, "range", 3),
    ("The council confirmed 30-40 households had no water on Sunday.", "household", 30, "range", 40),
    ("Gunmen abducted two dozen schoolgirls from the dormitory overnight.", "schoolgirl", 24, "", None),
    ("Forty-five delegates walked out of the congress.", "delegate", 45, "", None),
])
def test_bounds_ranges_and_spelled_numbers(nlp: Any, text: str, unit: str, value: float, bound: str,
                                           high: float | None) -> None:
    q = counts(nlp, text)[unit]
    assert (q.value, q.bound, q.high) == (value, bound, high), q


def test_vague_plurals_are_ranges_of_their_scale(nlp: Any) -> None:
    q = counts(nlp, "Hundreds of dock workers marched on the port authority building.")["worker"]
    assert (q.value, q.bound, q.high) == (200, "range", 1000)
    q = counts(nlp, "Tens of thousands of refugees have crossed into Chad since April, the agency said.")["refugee"]
    assert span(q) == (20000, 100000)
    q = counts(nlp, "Dozens of shops were looted in the old town.")["shop"]
    assert span(q) == (24, 120)


def test_rates_carry_their_time_unit(nlp: Any) -> None:
    q = counts(nlp, "The new pumps move 12,000 litres an hour out of the flooded mine.")["litre"]
    assert (q.value, q.per) == (12000, "hour") and q.text == "12,000 litres an hour"
    q = counts(nlp, "Under the deal, 80 lorries per day may use the bridge.")["lorry"]
    assert q.per == "day"


def test_a_time_offset_after_a_count_is_no_rate(nlp: Any) -> None:
    # "a day after": when, not how often
    q = counts(nlp, "Police detained 12 people a day after the riot in the market.")["people"]
    assert (q.value, q.per) == (12, "")


def test_sums_of_money_with_a_currency_sign(nlp: Any) -> None:
    # charity press release
    q = counts(nlp, "The Foundation will disburse $3.5 million a year to rural clinics, it announced today.")["dollar"]
    assert (q.value, q.per, q.bound) == (3.5e6, "year", "")
    q = counts(nlp, "Donors pledged more than $40 million at the conference in Geneva.")["dollar"]
    assert (q.value, q.bound) == (40e6, "min")


def test_durations_and_years_are_no_counts(nlp: Any) -> None:
    found = counts(nlp, "Over the past two days, in 2024 terms, the river rose three metres.")
    assert "day" not in found and "metre" in found


def test_a_count_in_the_complement_of_an_agreement_is_the_events() -> None:
    from tests.participant_fixtures import events
    from wirewatch.extract import extraction_components
    from wirewatch.pipeline import Pipeline

    pipe = Pipeline(extraction_components())
    found = events(pipe, "Under Tuesday's accord, the two governments agreed to let 450 lorries a day cross the "
                         "Torugart pass.")
    agree = [m for m in found if m.event_type == "AGREE"]
    assert agree and any((q.unit, q.value, q.per) == ("lorry", 450, "day") for q in agree[0].quantities), \
        [(m.event_type, m.quantities) for m in found]


@pytest.mark.parametrize("words, expected", [
    ("at least 12", (12, "min", None)),
    ("2 to 3 million", (2e6, "range", 3e6)),
    ("a dozen", (12, "", None)),
    ("one hundred and twenty", (120, "", None)),
    ("between 30 and 40", (30, "range", 40)),
    ("as many as 300", (300, "max", None)),
])
def test_read_figure(words: str, expected: tuple[float, str, float | None]) -> None:
    assert read_figure(words.split()) == expected


def test_spans() -> None:
    assert span(Quantity(12, "people", "12 people")) == (12, 12)
    assert span(Quantity(12, "people", "at least 12 people", bound="min")) == (12, math.inf)
    assert span(Quantity(50, "men", "up to 50 men", bound="max")) == (0, 50)
    lo, hi = span(Quantity(300, "people", "some 300 people", bound="about"))
    assert lo < 300 < hi and hi < 400
    lo, hi = span(Quantity(200, "soldier", "nearly 200 soldiers", bound="nearly"))
    assert lo < 200 and hi == 200
