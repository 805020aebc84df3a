"""Weekday + part of day as a modifier, "overnight", the weekend by tense and British "at the weekend", and a
present perfect conjunct that does not take the day of a past one. Sentences written for these tests (wire
copy, a city desk, a parliamentary sketch). Anchor 2024-05-15 is a Wednesday (ISO week 20)."""

from __future__ import annotations

import pytest

from wirewatch.extract.timex import find_timexes
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

WEDNESDAY = "2024-05-15"


def values(text: str) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, WEDNESDAY)}


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Investigators combed through the wreck left by the Tuesday-morning blast.", "Tuesday-morning", "2024-05-14"),
    ("Rebel gunners shelled the river port overnight, the garrison said.", "overnight", "2024-05-14TNI"),
    ("Militia fighters stormed two villages overnight Tuesday, residents said.", "overnight Tuesday",
     "2024-05-14TNI"),
    ("Finance ministers agreed at the weekend to freeze fuel duty.", "the weekend", "2024-W19-WE"),
    ("Thousands of nurses marched this weekend in the capital.", "this weekend", "2024-W19-WE"),
    ("Union leaders will meet this weekend to weigh the offer.", "this weekend", "2024-W20-WE"),
    ("The cabinet will meet at the weekend to settle the budget.", "the weekend", "2024-W20-WE"),
])
def test_parts_of_day_and_weekends_resolve(text: str, expr: str, value: str) -> None:
    assert values(text).get(expr) == value, values(text)


@pytest.mark.parametrize("text", [
    "The airline scrapped its overnight flight to Lagos.",
    "A settlement will not happen overnight, the mediator warned.",
    "The band became an overnight sensation after the festival.",
])
def test_overnight_as_a_kind_or_a_figure_is_no_time(text: str) -> None:
    assert not any("overnight" in k for k in values(text)), values(text)


def test_a_year_to_a_month_is_still_no_weekend_rule() -> None:
    # "the weekend of" keeps its guard as "the year of" does: a named weekend, no unit of account
    assert "the weekend" not in values("Organisers postponed the weekend of concerts until June.")


def _one(pipe: Pipeline, text: str, trigger: str) -> EventMention:
    art = pipe.run(Article(id="wk", text=text, published=WEDNESDAY))
    found = [m for m in art.events if m.trigger == trigger]
    assert found, [(m.event_type, m.trigger) for m in art.events]
    return found[0]


def test_a_present_perfect_conjunct_does_not_take_the_past_day(pipe: Pipeline) -> None:
    text = "The junta seized the airport on Friday and has since detained dozens of officers, exiles said."
    assert _one(pipe, text, "seized").date == "2024-05-10"
    assert _one(pipe, text, "detained").date != "2024-05-10"
