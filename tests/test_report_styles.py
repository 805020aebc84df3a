"""Modality, attribution and dates on short reports in styles the rules were not written on (police blotter,
court docket, wire copy with nested attributions, op-ed speculation, periods and durations): the expectations
in tests/fixtures/styles/reports.json were written with the reports, before any output on them was read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wirewatch.extract import extraction_components
from wirewatch.extract.timex_signals import common_prefix, duration_days, season_span
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

DATA = json.loads((Path(__file__).parent / "fixtures" / "styles" / "reports.json").read_text(encoding="utf-8"))
CASES = [(r, x) for r in DATA["reports"] for x in r["expect"]]


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[EventMention]]:
    pipe = Pipeline(extraction_components())
    return {r["id"]: pipe.run(Article(id=r["id"], text=r["text"], published=r["published"])).events
            for r in DATA["reports"]}


@pytest.mark.parametrize(("report", "want"), CASES, ids=[f'{r["id"]}:{x["key"][:30]}' for r, x in CASES])
def test_report_style(extracted: dict[str, list[EventMention]], report: dict[str, Any], want: dict[str, Any]) -> None:
    found = [m for m in extracted[report["id"]] if want["key"] in m.sentence and m.trigger == want["trigger"]]
    assert found, f'no event on "{want["trigger"]}" in "{want["key"]}"'
    m = found[0]
    assert m.modality in want["modality"]
    if "source" in want:
        if want["source"] is None:
            assert m.attributed_to is None
        else:
            assert m.attributed_to and want["source"].lower() in m.attributed_to.lower()
    assert m.date == want["date"] or bool(want["date"]) and len(want["date"]) == 10 and str(m.date).startswith(
        want["date"]), (m.date, m.date_from)
    if "date_from" in want:
        assert m.date_from == want["date_from"]


def test_period_prefix_is_true_of_every_day() -> None:
    assert common_prefix((date(2025, 1, 1), date(2025, 3, 19))) == ("2025", "year")
    assert common_prefix((date(2021, 3, 6), date(2021, 3, 19))) == ("2021-03", "month")
    assert common_prefix((date(2011, 1, 1), date(2020, 2, 17))) == (None, None)
    assert common_prefix((date(2025, 3, 19), date(2025, 3, 19))) == ("2025-03-19", "day")


def test_durations_and_seasons() -> None:
    assert duration_days("P3W") == 21
    assert duration_days("PXW") == 14  # "the past few weeks": at least the plural
    assert duration_days("2025-03") is None
    assert season_span("2026-SU") == (date(2026, 6, 1), date(2026, 8, 31))
    assert season_span("2025-WI") == (date(2025, 12, 1), date(2026, 2, 28))


def test_a_period_never_makes_a_date_conflict() -> None:
    """The demo's "sent roughly 3,000 additional troops since January" set against an accusation dated by
    its own day: the period is a stand-in, only stated days can contradict."""
    from wirewatch.model import STAND_IN_DATES

    pipe = Pipeline(extraction_components())
    text = ("North Korea has sent roughly 3,000 additional troops to Russia since January, South Korea's spy "
            "agency told lawmakers on Tuesday.")
    m = next(e for e in pipe.run(Article(id="p", text=text, published="2025-03-19")).events if e.trigger == "sent")
    assert (m.date, m.date_from) == ("2025", "period") and m.date_from in STAND_IN_DATES


def test_the_past_perfect_under_a_dated_saying_is_not_dated_by_the_saying() -> None:
    """ "said on Wednesday that the army had fired": the firing came before the saying; only a stand-in."""
    pipe = Pipeline(extraction_components())
    text = "South Korea's presidential office said on Wednesday that the army had fired warning shots at soldiers."
    m = next(e for e in pipe.run(Article(id="p", text=text, published="2026-06-03")).events if e.trigger == "fired")
    assert m.date_from == "published"
    text = "Police said on Tuesday that officers arrested a suspect in the shooting."
    m = next(e for e in pipe.run(Article(id="p", text=text, published="2026-06-03")).events if e.trigger == "arrested")
    assert (m.date, m.date_from) == ("2026-06-02", "text")  # the simple past keeps the saying's day
