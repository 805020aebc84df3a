"""Event dates on real-report styles (court, local crime, wire copy, business), all in one report of Thursday
2026-03-19: a day the text names resolves against the report's day, and the report's day stands in for a
missing date only where the act is told as the day's news. A tally up to now, a stretch since an earlier
happening and the retelling of a happening dated days before put the act on days the report does not give: no date
(`extract/report_day.py`). Ages, counts, sums and lengths of time are no dates. Sentences written for this
test."""

from __future__ import annotations

import pytest

from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

THURSDAY = "2026-03-19"


def _one(pipe: Pipeline, text: str, trigger: str) -> EventMention:
    art = pipe.run(Article(id="rd", text=text, published=THURSDAY))
    found = [m for m in art.events if m.trigger == trigger]
    assert found, [m.trigger for m in art.events]
    return found[0]


@pytest.mark.parametrize(("text", "trigger", "want"), [
    # court
    ("A federal judge on Tuesday sentenced the former mayor to 12 years in prison for taking bribes.",
     "sentenced", "2026-03-17"),
    ("The former mayor was convicted in 2024 of taking bribes from contractors.", "convicted", "2024"),
    ("He was arrested last year after a raid on his home.", "arrested", "2025"),
    ("The defendant, who was charged in 2023 with fraud, pleaded guilty on Wednesday.", "pleaded", "2026-03-18"),
    # local crime
    ("Police arrested a 19-year-old man on Tuesday in connection with the shooting.", "arrested", "2026-03-17"),
    ("The gunman, who had previously attacked a neighbour, was shot dead by officers on Monday.", "shot",
     "2026-03-16"),
    ("Police arrested the suspect on Friday.", "arrested", "2026-03-13"),
    ("Earlier this month, police raided a warehouse and seized 200 kilograms of cocaine.", "raided", "2026-03"),
    ("The victim was stabbed on Tuesday night, police said on Wednesday.", "stabbed", "2026-03-17"),
    ("Police said the man had been arrested on Monday after a brawl.", "arrested", "2026-03-16"),
    # wire copy
    ("Protesters clashed with riot police in the capital on Tuesday, a day after the election.", "clashed",
     "2026-03-17"),
    ("The president, 71, met the visiting prime minister on Wednesday.", "met", "2026-03-18"),
    ("Government forces shelled the city on Sunday, killing at least 15 civilians, a monitor said on Tuesday.",
     "shelled", "2026-03-15"),
    ("The minister visited the camp on Monday, the agency reported on Thursday.", "visited", "2026-03-16"),
    ("Two years ago, soldiers opened fire on demonstrators in the same square.", "opened", "2024"),
    ("Fresh riots broke out on Saturday December 14 2025 in the capital.", "riots", "2025-12-14"),
    # business
    ("Regulators fined the bank $2 billion on Monday for money laundering failures.", "fined", "2026-03-16"),
    ("The company sued its former chief executive in 2022 over the merger.", "sued", "2022"),
    ("The chairman, who founded the company in 1998, resigned on Tuesday.", "resigned", "2026-03-17"),
    ("The firm agreed last week to pay $300 million to settle the lawsuit.", "agreed", "2026-03"),
])
def test_a_stated_day_dates_the_act(pipe: Pipeline, text: str, trigger: str, want: str) -> None:
    m = _one(pipe, text, trigger)
    assert (m.date, m.date_from) == (want, "text"), (m.date, m.date_precision, m.date_from)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police arrested the suspect.", "arrested"),
    ("Thousands of people are protesting in the capital against the new tax.", "protesting"),
    ("The judge ordered the 33-year-old defendant held without bail.", "ordered"),
    # numbers that are no dates: ages, counts, sums
    ("Police seized 1,500 rifles and $2 million in cash in the raid.", "seized"),
    ("Officers fired 41 shots at the 23-year-old man, the family's lawyer said.", "fired"),
    ("A 2000-strong force was deployed to the city, the ministry said.", "deployed"),
    # the past perfect of reported speech is the speaker's news: "we killed 20 militants"
    ("The army said it had killed 20 militants in a raid.", "killed"),
])
def test_news_of_the_day_takes_the_reports_day(pipe: Pipeline, text: str, trigger: str) -> None:
    m = _one(pipe, text, trigger)
    assert (m.date, m.date_from) == (THURSDAY, "published"), (m.date, m.date_from)


@pytest.mark.parametrize(("text", "trigger"), [
    # a stretch since an earlier happening
    ("Since the shooting, more than 30 people have been arrested during three nights of unrest.", "arrested"),
    ("Rebels have shelled the town since the ceasefire collapsed.", "shelled"),
    # a tally up to now
    ("The coast guard has, so far, detained 40 smugglers.", "detained"),
])
def test_an_act_on_days_the_report_does_not_give_has_no_date(pipe: Pipeline, text: str, trigger: str) -> None:
    m = _one(pipe, text, trigger)
    assert m.date is None and m.date_from is None, (m.date, m.date_from, m.modality)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The 45-year-old man has been held since his arrest in January.", "held"),
    ("The border has been closed for three weeks.", "closed"),
    ("The group has carried out dozens of attacks in the region over the past decade.", "attacks"),
    ("The union has threatened strikes at the plant for months.", "threatened"),
])
def test_a_period_is_no_report_day(pipe: Pipeline, text: str, trigger: str) -> None:
    m = _one(pipe, text, trigger)
    assert m.date_from != "published", (m.date, m.date_from)


def test_a_causal_since_keeps_the_acts_day(pipe: Pipeline) -> None:
    # "since" giving a reason opens no stretch: the stated day stands
    m = _one(pipe, "The minister resigned on Tuesday, since she had lost the support of her party.", "resigned")
    assert m.date == "2026-03-17", (m.date, m.date_from)


@pytest.mark.parametrize(("text", "value"), [
    ("Looting was reported on Sunday November 8 2009 along the coast.", "2009-11-08"),
    ("The plant opened on June 24 1999 near the river.", "1999-06-24"),
    ("On May 5 20 people were hurt.", None),  # a count after the day is no year
])
def test_a_day_and_year_without_a_comma(text: str, value: str | None) -> None:
    from wirewatch.extract.timex import find_timexes

    values = [t.value for t in find_timexes(text, "2026-03-19")]
    if value:
        assert value in values, values
    else:
        assert not any(v and len(v) == 4 for v in values), values  # no year read from "20 people"


@pytest.mark.parametrize(("text", "trigger"), [
    # the day of a clause with a tense of its own is not the main act's
    ("Nurses rallied outside the assembly, where a vote on their pay will be taken Friday.", "rallied"),
    ("Farmers blocked the highway, where a march will be held on Monday.", "blocked"),
])
def test_a_future_or_place_clause_keeps_its_day(pipe: Pipeline, text: str, trigger: str) -> None:
    m = _one(pipe, text, trigger)
    assert (m.date, m.date_from) == (THURSDAY, "published"), (m.date, m.date_from)


def _all(pipe: Pipeline, text: str) -> list[EventMention]:
    return pipe.run(Article(id="rd", text=text, published=THURSDAY)).events


def test_a_happening_dated_days_before_and_retold_has_no_report_day(pipe: Pipeline) -> None:
    # the later "stabbed" tells Sunday's stabbing again; the arrest is other news, of the report's day (told
    # last: after "Police arrested a 20-year-old man", "stabbed him" may be of that man, another party)
    events = _all(pipe, "A cashier was stabbed on Sunday at a petrol station in Leeds.\n\nThe attacker stabbed "
                        "him three times, a witness said.\n\nPolice arrested a 20-year-old man.")
    stabbed = [m for m in events if m.trigger == "stabbed"]
    assert [(m.date, m.date_from) for m in stabbed] == [("2026-03-15", "text"), (None, None)], stabbed
    arrested = next(m for m in events if m.trigger == "arrested")
    assert (arrested.date, arrested.date_from) == (THURSDAY, "published")


def test_a_happening_of_the_day_before_is_still_the_days_news(pipe: Pipeline) -> None:
    # yesterday's raid, retold: a morning report's news, the report's day stands in
    events = _all(pipe, "Police raided a warehouse in Hull on Wednesday.\n\nOfficers raided two more homes nearby.")
    later = {(m.date, m.date_from) for m in events if m.sentence.startswith("Officers")}
    assert later == {(THURSDAY, "published")}, later


def test_a_statement_is_made_anew(pipe: Pipeline) -> None:
    # a verbal act of the same type dated days before does not make today's one a retelling
    events = _all(pipe, "Last Friday, 300 doctors urged the health minister to resign.\n\n"
                        "A union leader urged the minister to quit.")
    later = {(m.date, m.date_from) for m in events if m.sentence.startswith("A union")}
    assert later == {(THURSDAY, "published")}, later


@pytest.mark.parametrize(("later", "retelling"), [
    # the same people again: Monday's arrest retold
    ("Officers arrested the dock workers at their homes.", True),
    # other people, by other hands: the day's news (review 14, finding 5)
    ("Border guards arrested a lorry driver at the ferry port.", False),
])
def test_only_a_mention_of_the_same_parties_is_a_retelling(pipe: Pipeline, later: str, retelling: bool) -> None:
    first = "Police arrested two dock workers in Hull on Monday over the theft of copper cable."
    events = _all(pipe, first + "\n\n" + later)
    m = next(m for m in events if m.sentence == later and m.trigger == "arrested")
    assert (m.date_from is None) == retelling, (m.date, m.date_from, m.actor, m.recipient)
