"""Time expressions: detection, TIMEX3 values against a publication date, and the pipeline component.

All sentences here are made up for the tests. The anchor 2024-05-15 is a Wednesday (ISO week 20, Q2).
"""

from __future__ import annotations

import pytest

from wirewatch.extract.timex import (
    TimexComponent,
    find_timexes,
    parse_anchor,
    precision_of,
    timex_date_and_precision,
)
from wirewatch.model import Article, Timex
from wirewatch.pipeline import Component, Pipeline

ANCHOR = "2024-05-15"


def tag(text: str, anchor: str | None = ANCHOR) -> dict[str, Timex]:
    """Timexes by their text (the sentences below never repeat an expression)."""
    return {t.text: t for t in find_timexes(text, anchor)}


def one(text: str, anchor: str | None = ANCHOR) -> Timex:
    found = find_timexes(text, anchor)
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("The port reopened on March 12, 2024, after the storm.", "March 12, 2024", "2024-03-12"),
        ("The port reopened on 15 May 2024 after the storm.", "15 May 2024", "2024-05-15"),
        ("Filed 2024-05-15 by the harbour office.", "2024-05-15", "2024-05-15"),
        ("The treaty was signed on Friday, Oct. 23, 1998, in Geneva.", "Friday, Oct. 23, 1998", "1998-10-23"),
        ("The mill closed in August 1988 for good.", "August 1988", "1988-08"),
        ("The bridge was built in 1961.", "1961", "1961"),
        ("Output fell in fiscal 1989.", "fiscal 1989", "1989"),
        ("The plant opened in the 1990s.", "the 1990s", "199"),
        ("Such fairs began in the 20th century.", "the 20th century", "19"),
        ("Sales dropped in the third quarter of 1990.", "the third quarter of 1990", "1990-Q3"),
        ("The dam flooded in the summer of 2003.", "the summer of 2003", "2003-SU"),
        ("A broadcast recalled nineteen ninety-six as a hard year.", "nineteen ninety-six", "1996"),
    ],
)
def test_absolute_dates_resolve_with_or_without_anchor(sentence: str, expr: str, value: str) -> None:
    for anchor in (ANCHOR, None):
        found = tag(sentence, anchor)
        assert expr in found, (anchor, list(found))
        assert found[expr].value == value
        assert found[expr].type == "DATE"


def test_month_and_day_without_year() -> None:
    assert one("Aid convoys are due to arrive on June 3.").value == "2024-06-03"
    # Without an anchor the year is unknown and written as XXXX.
    assert one("Aid convoys are due to arrive on June 3.", None).value == "XXXX-06-03"
    # Past tense sends a date that lies ahead of the anchor back to the previous year.
    assert one("The ceasefire collapsed on September 9.").value == "2023-09-09"
    # A near date needs no tense: the nearest one wins.
    assert one("Delegates gather again on June 1 in Vienna.").value == "2024-06-01"


# ----------------------------------------------------------------------------- relative dates


@pytest.mark.parametrize(
    ("sentence", "expr", "value", "precision"),
    [
        ("Rebels shelled the town on Friday, officials said.", "Friday", "2024-05-10", "day"),
        ("The envoy will fly to Cairo on Friday.", "Friday", "2024-05-17", "day"),
        ("Police said on Wednesday that two men were held.", "Wednesday", "2024-05-15", "day"),
        # TimeBank gives a weekday's night or morning the day alone, an evening or afternoon its part of the day
        ("Rockets fell on Tuesday night near the border.", "Tuesday night", "2024-05-14", "day"),
        ("Rockets fell on Tuesday evening near the border.", "Tuesday evening", "2024-05-14TEV", "time"),
        ("The ministry said last month that rationing ends.", "last month", "2024-04", "month"),
        ("Talks resume next week in Doha.", "next week", "2024-W21", "week"),
        ("This week the front stayed quiet.", "This week", "2024-W20", "week"),
        ("The river burst its banks earlier this year.", "earlier this year", "2024", "year"),
        ("Floods hit the valley late last year.", "late last year", "2023", "year"),
        ("Strikes spread in mid-March across the north.", "mid-March", "2024-03", "month"),
        ("Elections are due in 2024.", "2024", "2024", "year"),
        ("The drought ended a year ago.", "a year ago", "2023", "year"),
        ("The levee failed three weeks ago.", "three weeks ago", "2024-W17", "week"),
        ("Crops failed last summer across the plain.", "last summer", "2023-SU", "season"),
        ("The mayor spoke yesterday to reporters.", "yesterday", "2024-05-14", "day"),
        ("Markets opened higher this morning.", "this morning", "2024-05-15TMO", "time"),
        ("A siren sounded at 10:30 a.m. on Tuesday downtown.", "10:30 a.m. on Tuesday", "2024-05-14T10:30", "time"),
        ("Exports will grow in the third quarter, the bank expects.", "the third quarter", "2024-Q3", "quarter"),
    ],
)
def test_relative_expressions_resolve_against_anchor(sentence: str, expr: str, value: str, precision: str) -> None:
    found = tag(sentence)
    assert expr in found, list(found)
    assert found[expr].value == value
    assert found[expr].precision == precision


def test_the_day_before_follows_the_story_not_the_anchor() -> None:
    found = tag("Troops entered the port on Monday. The day before, drones hit a fuel depot.")
    assert found["Monday"].value == "2024-05-13"
    assert found["The day before"].value == "2024-05-12"


def test_a_year_earlier_in_an_earnings_report_is_last_years_quarter() -> None:
    text = "The mill earned $4 million in the first quarter, up from $3 million a year earlier."
    found = tag(text)
    assert found["the first quarter"].value == "2024-Q1"
    assert found["a year earlier"].value == "2023-Q1"


def test_last_year_in_an_earnings_comparison_is_last_years_quarter() -> None:
    text = "The bakery chain lost $2 million in the first quarter, compared with a profit of $1 million last year."
    found = tag(text)
    assert found["last year"].value == "2023-Q1"
    # Without a comparison it is the calendar year.
    assert tag("The bakery chain moved its offices last year.")["last year"].value == "2023"


def test_the_quarter_ended_a_date_is_the_quarter_that_date_closes() -> None:
    found = tag("Sales of the glassworks rose 4% in the quarter ended July 31.", "2024-08-20")
    assert found["the quarter"].value == "2024-Q2"
    # A fiscal quarter the report has named keeps its label.
    text = "The glassworks posted a loss for its first quarter. In the quarter ended Sept. 30, sales fell."
    assert [t.value for t in find_timexes(text, "2024-10-20")] == ["2024-Q1", "2024-Q1", "2024-09-30"]


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # a possessive weekday names what has happened, whatever the tense around it
        ("Lawyers will appeal Tuesday's verdict next month.", "Tuesday's", "2024-05-14"),
        # "set" as a past tense; "since" looks back
        ("The court set Friday as the deadline for the transfer.", "Friday", "2024-05-10"),
        ("The road has been closed since Aug. 3.", "Aug. 3", "2023-08-03"),
        # an -ed adjective is no past-tense cue: "a still unspecified date in January" lies ahead
        ("The bonus will be paid on a still unspecified date in January.", "January", "2025-01"),
        # a deadline word is no future cue in a past-perfect sentence
        ("Until Monday, the rangers had not searched the ridge.", "Monday", "2024-05-13"),
    ],
)
def test_tense_cues_choose_the_direction(sentence: str, expr: str, value: str) -> None:
    found = tag(sentence)
    assert expr in found, list(found)
    assert found[expr].value == value


def test_relative_expressions_stay_unresolved_without_anchor() -> None:
    text = "Rebels shelled the town on Friday; last month the army left, and talks resume next week."
    found = tag(text, None)
    assert set(found) == {"Friday", "last month", "next week"}
    assert all(t.value is None and t.precision is None for t in found.values())


# ----------------------------------------------------------------------------- durations, sets, refs


@pytest.mark.parametrize(
    ("sentence", "expr", "typ", "value"),
    [
        ("The siege lasted three years.", "three years", "DURATION", "P3Y"),
        ("Two days later a truce was called.", "Two days", "DURATION", "P2D"),
        ("Negotiators met for 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
        ("The region has suffered for the past two months.", "the past two months", "DURATION", "P2M"),
        ("He signed a two-year contract.", "two-year", "DURATION", "P2Y"),
        ("Aid has trickled in for several weeks.", "several weeks", "DURATION", "PXW"),
        ("Ferries cross daily when the sea is calm.", "daily", "SET", "P1D"),
        ("Patrols go out every week along the coast.", "every week", "SET", "P1W"),
        ("Markets open on Mondays only.", "Mondays", "SET", "XXXX-WXX-1"),
        ("The herders cross the pass each July.", "each July", "SET", "XXXX-07"),
        ("It was a decades-long feud between the clans.", "decades-long", "DURATION", "PXY"),
        ("Prices are now falling.", "now", "DATE", "PRESENT_REF"),
        ("The camp was recently expanded.", "recently", "DATE", "PAST_REF"),
        ("More clinics may open in the future.", "the future", "DATE", "FUTURE_REF"),
    ],
)
def test_durations_sets_and_references(sentence: str, expr: str, typ: str, value: str) -> None:
    found = tag(sentence)
    assert expr in found, list(found)
    assert (found[expr].type, found[expr].value) == (typ, value)
    assert found[expr].precision is None


# ----------------------------------------------------------------------------- what is not a time


@pytest.mark.parametrize(
    "sentence",
    [
        "May I ask who paid for the fuel?",
        "A 45-year-old farmer was detained at the checkpoint.",
        "Activists joined the March for Life in the capital.",
        "The army deployed 2000 troops to the valley.",
        "Tickets cost $5 a year for members.",
        "Nearly three-quarters of the wells were dry.",
        "She watched CBS's 60 Minutes with her family.",
        "Such worries are common in today's world.",
        "The reform is aimed at today's youth.",
        "She wrote a novel about the people of tomorrow.",
        "The average daily volume was 40,000 barrels.",
        "The firm switched from a fiscal year to a calendar year.",
        "The mayor gave an interview to USA Today.",
    ],
)
def test_generic_words_are_not_tagged(sentence: str) -> None:
    assert find_timexes(sentence, ANCHOR) == []


# ----------------------------------------------------------------------------- offsets and ordering


def test_offsets_slice_the_text_and_spans_are_sorted_and_disjoint() -> None:
    text = (
        "GENEVA, May 15 (Wire) - Envoys met on Wednesday and said talks would resume next week.\n\n"
        "The conflict began in 2019; for five years the two sides have traded fire. Last month a ceasefire "
        "failed, and early this year aid convoys were stopped for 10 days."
    )
    found = find_timexes(text, ANCHOR)
    assert len(found) >= 7
    for t in found:
        assert text[t.start : t.end] == t.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_empty_and_time_free_text() -> None:
    assert find_timexes("", ANCHOR) == []
    assert find_timexes("The minister resigned amid protests.", ANCHOR) == []


def test_anchor_parsing_accepts_timestamps_and_rejects_garbage() -> None:
    assert str(parse_anchor("2024-05-15T09:30:00")) == "2024-05-15"
    assert parse_anchor("yesterday") is None
    assert parse_anchor(None) is None
    assert one("Rebels shelled the town on Friday.", "not a date").value is None


# ----------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("value", "typ", "expected"),
    [
        ("2024-04", "DATE", ("2024-04", "month")),
        ("2024-04-02", "DATE", ("2024-04-02", "day")),
        ("2024-04-02TNI", "TIME", ("2024-04-02", "day")),
        ("2024-W20", "DATE", ("2024-05", "week")),  # Mon 13 .. Sun 19 May
        ("2024-W18", "DATE", ("2024", "week")),  # spans April and May
        ("2020-W53", "DATE", (None, None)),  # Dec 28 .. Jan 3: no common prefix
        ("2024-Q3", "DATE", ("2024", "quarter")),
        ("2024-SU", "DATE", ("2024", "season")),
        ("2024", "DATE", ("2024", "year")),
        ("199", "DATE", ("199", "decade")),
        ("XXXX-08-07", "DATE", (None, None)),
        ("PRESENT_REF", "DATE", (None, None)),
        ("P3D", "DURATION", (None, None)),
        (None, "DATE", (None, None)),
    ],
)
def test_timex_date_and_precision(value: str | None, typ: str, expected: tuple[str | None, str | None]) -> None:
    t = Timex(0, 1, "x", typ, value, precision_of(value, typ))
    assert timex_date_and_precision(t) == expected


def test_component_fills_article_timexes_in_a_pipeline() -> None:
    comp = TimexComponent()
    assert isinstance(comp, Component)
    assert (comp.name, comp.reads, comp.writes) == ("timex", ("text", "published"), ("timexes",))
    art = Article(id="a1", text="Shelling resumed on Friday after a lull last week.", published=ANCHOR)
    out = Pipeline([comp]).run(art)
    assert [(t.text, t.value) for t in out.timexes] == [("Friday", "2024-05-10"), ("last week", "2024-W19")]
    undated = Pipeline([comp]).run(Article(id="a2", text="Shelling resumed on Friday."))
    assert undated.timexes[0].value is None


def test_a_tense_cue_of_the_sentence_before_does_not_date_this_one() -> None:
    # anchor Monday 2025-03-10; the past tense ends with the first sentence
    found = tag("The envoy met the prince earlier in the day. On Tuesday, she will fly to Oslo.", "2025-03-10")
    assert found["Tuesday"].value == "2025-03-11"


def test_a_saying_in_the_past_leaves_the_reported_date_to_its_own_clause() -> None:
    # anchor 2026-03-02: "June 12" is this June unless the reported clause itself looks back
    found = tag("The league said the final on June 12 would be moved to Lisbon.", "2026-03-02")
    assert found["June 12"].value == "2026-06-12"
    found = tag("The league said the final on Oct. 12 had drawn record crowds.", "2026-03-02")
    assert found["Oct. 12"].value == "2025-10-12"


@pytest.mark.parametrize(
    ("text", "value"),
    [("eleven", 11.0), ("ninety-nine", 99.0), ("4,500", 4500.0), ("2.75 million", 2750000.0),
     ("two hundred thousand", 200000.0), ("1.2 billion", 1.2e9), ("a few", None), ("umpteen", None)],
)
def test_one_number_reader(text: str, value: float | None) -> None:
    from wirewatch.extract.timex_base import words_to_number

    assert words_to_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Deputies found the van outside 3150 Orchard Grove Road on Friday.", ["Friday"]),
        ("The tablet's 2560x1600 screen ships in 2026.", ["2026"]),
        ("The SR-2200 drone and the 1750-series pumps were shown.", []),
        ("Under Resolution 2231 the sanctions ended in 2025.", ["2025"]),
        ("In 1985 Harbor Street flooded.", ["1985"]),
    ],
)
def test_a_number_is_a_year_only_where_nothing_says_otherwise(sentence: str, kept: list[str]) -> None:
    assert list(tag(sentence)) == kept
