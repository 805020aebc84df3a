"""Forecasts, timetables and "earlier" (modality.py).

"X is expected to <act>" with no one named who expects it is a timetable only when the act has a calendar
time of its own ("is expected to meet Iwaya on Thursday"); a forecast of what a party will do ("Hamas is
expected to reject the proposal", "is widely expected to retaliate", "is expected to launch another missile
soon, experts warned") stays a guess: speculated.

A bare "earlier" on a past perfect ("Police had detained him earlier") sets the act before the story's time
by an amount not said: it is neither dated by the later act's day nor by the report's. "Earlier this month",
"Earlier on Sunday" and a simple past "Earlier, police fired tear gas" only order the act in the story."""

from __future__ import annotations

import pytest

from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline


def _one(pipe: Pipeline, text: str, trigger: str) -> EventMention:
    art = pipe.run(Article(id="mf", text=text, published="2026-03-20"))
    found = [m for m in art.events if m.trigger == trigger]
    assert found, [m.trigger for m in art.events]
    return found[0]


def _second(pipe: Pipeline, text: str) -> EventMention:
    art = pipe.run(Article(id="mf-earlier", text=text, published="2026-03-20"))
    second = text.split(". ", 1)[1]
    (m,) = [m for m in art.events if m.sentence.strip() == second.strip()]
    return m


@pytest.mark.parametrize(("text", "trigger"), [
    # reviewer's cases
    ("Iran is widely expected to retaliate against Israel, analysts said.", "retaliate"),
    ("North Korea is expected to launch another missile soon, experts warned.", "launch"),
    ("Hamas is expected to reject the ceasefire proposal.", "reject"),
    # other wordings: a vague future, a length, a dated forecast credited to analysts
    ("The junta is expected to expel the French ambassador in the coming days.", "expel"),
    ("Israel is expected to retaliate within days, diplomats said.", "retaliate"),
    ("Pyongyang is expected to fire another missile on Friday, analysts said.", "fire"),
])
def test_expected_to_forecast_is_speculation_not_a_schedule(pipe: Pipeline, text: str, trigger: str) -> None:
    assert _one(pipe, text, trigger).modality == "speculated"


@pytest.mark.parametrize(("text", "trigger", "date"), [
    ("Rubio is expected to meet Iwaya on Thursday.", "meet", "2026-03-26"),
    ("The president is expected to meet Chinese leaders in April.", "meet", "2026-04"),
    ("The envoy is expected to visit Kyiv next week, the ministry said.", "visit", None),
])
def test_expected_to_with_a_calendar_time_is_a_timetable(pipe: Pipeline, text: str, trigger: str,
                                                         date: str | None) -> None:
    m = _one(pipe, text, trigger)
    assert m.modality == "planned", (m.modality, m.date)
    if date is not None:
        assert m.date == date


@pytest.mark.parametrize(("text", "day"), [
    # reviewer's cases
    ("Kenyan police arrested an opposition activist on Tuesday. Police had detained him earlier for leading "
     "protests.", "2026-03-17"),
    ("Soldiers fired on protesters in Bamako on Friday. Earlier, soldiers had fired tear gas at a crowd in Kayes.",
     "2026-03-20"),
    # other wordings: "had earlier", a passive past perfect
    ("Troops shelled the village on Wednesday. The army had earlier bombed a bridge nearby.", "2026-03-18"),
    ("Police arrested a reporter in Harare on Thursday. He had been detained earlier over a protest video.",
     "2026-03-19"),
])
def test_a_bare_earlier_past_perfect_is_not_dated_the_day_of_the_later_act(pipe: Pipeline, text: str,
                                                                           day: str) -> None:
    m = _second(pipe, text)
    assert m.modality == "historical" or m.date != day, (m.modality, m.date, m.date_from)
    assert not (m.modality == "asserted" and m.date_from in ("published", "context")), (m.modality, m.date_from)


@pytest.mark.parametrize(("text", "date"), [
    ("Police arrested 40 protesters on Monday. Earlier this month, police had arrested the group's leader.",
     "2026-03"),
    ("Police arrested 40 protesters on Monday. Earlier on Sunday, police had arrested the group's leader.",
     "2026-03-15"),
])
def test_a_dated_earlier_orders_and_does_not_background(pipe: Pipeline, text: str, date: str) -> None:
    m = _second(pipe, text)
    assert (m.modality, m.date) == ("asserted", date)


def test_a_simple_past_earlier_is_the_storys_news(pipe: Pipeline) -> None:
    m = _second(pipe, "Soldiers fired on protesters in Bamako on Friday. Earlier, police fired tear gas at a crowd "
                      "in Kayes.")
    assert m.modality == "asserted"
