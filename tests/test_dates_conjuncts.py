"""Coordinated verbs share a time expression (`extract/conjunct_time.py`): one hung on the last conjunct dates
the earlier ones too, in a reported clause as in a main one; a conjunct told in another tense (a future, a
modal) does not take the other's day. All in a report of Thursday 2026-03-19; sentences written for this
test (wire copy, court reports, local crime)."""

from __future__ import annotations

import pytest

from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

THURSDAY = "2026-03-19"


def _one(pipe: Pipeline, text: str, trigger: str) -> EventMention:
    art = pipe.run(Article(id="cj", text=text, published=THURSDAY))
    found = [m for m in art.events if m.trigger == trigger]
    assert found, [m.trigger for m in art.events]
    return found[0]


@pytest.mark.parametrize(("text", "trigger", "want"), [
    # a time after the last conjunct, in what someone said (fails without conjunct_time: no date)
    ("Police said officers seized the weapons and arrested six men on Sunday.", "seized", "2026-03-15"),
    ("The agency said soldiers raided the camp and detained 40 people on Tuesday.", "raided", "2026-03-17"),
    ("Prosecutors said the gang kidnapped a trader and shot his guard on Saturday.", "kidnapped", "2026-03-14"),
    # controls: the time on the first conjunct, or on the main clause (these passed before)
    ("Police seized the weapons on Sunday and arrested six men.", "arrested", "2026-03-15"),
    ("Police said they seized the weapons on Sunday and arrested six men.", "arrested", "2026-03-15"),
    ("The man was arrested on Monday and charged with murder, police said.", "charged", "2026-03-16"),
    ("A court on Tuesday convicted the former mayor and sentenced him to five years.", "sentenced", "2026-03-17"),
])
def test_conjuncts_share_their_time(pipe: Pipeline, text: str, trigger: str, want: str) -> None:
    m = _one(pipe, text, trigger)
    assert (m.date, m.date_from) == (want, "text")


@pytest.mark.parametrize(("text", "trigger", "other_day"), [
    # a future conjunct with a subject of its own: the arrest's day is no day of the charge (fails without:
    # dated Monday); the second, with a time of its own, is a control
    ("Police arrested the driver on Monday and he will be charged later.", "charged", "2026-03-16"),
    ("Officers detained the suspects on Saturday, and prosecutors will charge them next month.", "charge",
     "2026-03-14"),
])
def test_a_conjunct_in_another_tense_keeps_its_own_time(pipe: Pipeline, text: str, trigger: str,
                                                        other_day: str) -> None:
    assert _one(pipe, text, trigger).date != other_day


def test_a_future_conjunct_is_not_the_first_ones_day(pipe: Pipeline) -> None:
    m = _one(pipe, "The suspect was arrested on Monday and will appear in court on Friday.", "arrested")
    assert m.date == "2026-03-16"
