"""A length of time is not a period: "jailed for five years", "held for two days in January" say how long the
act or its outcome lasts, not when it happened, so the sentence's other time expression (else the report's
day) dates the act. Only a period that opens ("since X"), bounds ("until X") or spans ("between X and Y") the
act, or one counted back from the report ("over the past month"), stands in for its date - and only when the
sentence states no point date for the act (`events._date`, `timex_signals.period_of`)."""

from __future__ import annotations

import pytest

from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline


def _one(pipe: Pipeline, text: str, trigger: str, published: str = "2026-03-20") -> EventMention:
    art = pipe.run(Article(id="dp", text=text, published=published))
    found = [m for m in art.events if m.trigger == trigger]
    assert found, [m.trigger for m in art.events]
    return found[0]


# --- reviewer's cases (a duration with "for" erased the date the sentence states elsewhere)

def test_for_duration_keeps_the_stated_month(pipe: Pipeline) -> None:
    m = _one(pipe, "Police held the activist for two days in January.", "held")
    assert m.date == "2026-01", (m.date, m.date_precision, m.date_from)


def test_for_duration_keeps_last_week(pipe: Pipeline) -> None:
    m = _one(pipe, "Police detained the journalist for three days last week before releasing him on Friday.",
             "detained")
    assert m.date is not None and m.date.startswith("2026-03"), (m.date, m.date_precision, m.date_from)


def test_for_duration_in_a_past_year_stays_historical(pipe: Pipeline) -> None:
    m = _one(pipe, "Rebels besieged the town for a month in 2024, killing hundreds.", "besieged")
    assert m.date == "2024", (m.date, m.date_from)
    assert m.modality == "historical"


@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("The court jailed the opposition leader for five years on Monday.", "jailed", "2026-03-16"),
    ("A court in Ankara jailed the journalist for two years in February.", "jailed", "2026-02"),
    ("Israel and Hamas agreed to a truce for a week on Friday.", "agreed", "2026-03-20"),
    ("Troops will be deployed to the border for six months from May.", "deployed", "2026-05"),
    # other wordings: the length after the date, "over"/"during" lengths, a length of the outcome
    ("On Wednesday a military court sentenced the colonel to prison for ten years.", "sentenced", "2026-03-18"),
    ("Security forces detained the reporter in February for nine days.", "detained", "2026-02"),
    ("Police arrested the two organisers on Tuesday and held them for 48 hours.", "arrested", "2026-03-17"),
])
def test_a_length_of_time_is_not_the_acts_period(pipe: Pipeline, text: str, trigger: str, want: str) -> None:
    # "for five years" is the sentence, "for a week" the truce: the act itself is dated by the other timex.
    m = _one(pipe, text, trigger)
    assert m.date == want, (m.date, m.date_precision, m.date_from)
    assert m.date_from == "text"


def test_a_length_alone_leaves_the_act_dated_as_any_other(pipe: Pipeline) -> None:
    # No other time expression: the length says nothing of when, so the report's day stands in as for any
    # past report with no date of its own (not an undated "period").
    m = _one(pipe, "A court in Nairobi jailed the blogger for three years.", "jailed")
    assert (m.date, m.date_from) == ("2026-03-20", "published")


# --- what still is a period

@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("Government forces have shelled the camp for three weeks.", "shelled", "2026"),  # counted back from now
    ("Police arrested 40 people over the past month.", "arrested", "2026"),
    ("Russia has sent 3,000 troops to the region since January, officials said on Monday.", "sent", "2026"),
])
def test_a_period_counted_from_the_report_or_opened_by_since_stands_in(pipe: Pipeline, text: str, trigger: str,
                                                                      want: str) -> None:
    # The saying's Monday is the main clause's day, weaker than the act's own "since January".
    m = _one(pipe, text, trigger)
    assert (m.date, m.date_from) == (want, "period"), (m.date, m.date_from)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Israeli forces struck the camp from March 3 to March 5.", "struck"),
    ("Rebels attacked the town repeatedly between January and February.", "attacked"),
])
def test_the_closing_day_of_a_range_is_not_a_point_date(pipe: Pipeline, text: str, trigger: str) -> None:
    m = _one(pipe, text, trigger)
    assert m.date_from == "period", (m.date, m.date_from)


def test_a_point_date_of_the_act_beats_its_period(pipe: Pipeline) -> None:
    # "since May" bounds the holding; the release, the act of the sentence, is dated Friday.
    m = _one(pipe, "The journalist, held since May, was released on Friday.", "released")
    assert (m.date, m.date_from) == ("2026-03-20", "text")
