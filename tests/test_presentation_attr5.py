"""Scope of attribution and conditions over the parse (issue 11, h/attr5), on sentences written for these
tests in styles the project had not seen: a sheriff's press release, court copy, wire copy with a dateline,
a broadcast transcript, business wire. Each rule is tested in more than one wording, and where it has a
limit, on the other side of it."""

from __future__ import annotations

import pytest

from tests.participant_fixtures import of_trigger
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

PUB = "2024-03-12"


def run(pipe: Pipeline, text: str, published: str = PUB) -> list[EventMention]:
    return pipe.run(Article(id="a5", text=text, published=published)).events


# --- a verb of saying governs the adverbial and relative clauses of what it reports ----------------------
@pytest.mark.parametrize("text, trigger, source", [
    ("The sheriff's office said deputies arrested the suspect after he stabbed a clerk.", "stabbed",
     "sheriff's office"),
    ("The Nigerian army said troops killed 12 insurgents as the militants attacked a base near Maiduguri.",
     "attacked", "Nigerian army"),
    ("A Reuters stringer in the town said at least six people have been confirmed dead, while the siege "
     "continues.", "siege", "Reuters stringer"),
])
def test_a_saying_credits_the_clauses_inside_what_it_reports(pipe: Pipeline, text: str, trigger: str,
                                                              source: str) -> None:
    m = of_trigger(run(pipe, text), trigger)
    assert m.attributed_to == source and m.modality == "reported"


def test_a_saying_does_not_credit_the_clause_it_is_not_the_content_of(pipe: Pipeline) -> None:
    # "traders said" reports the price rise only through the sentence; a clause under a claim verb
    # ("charged ... after tenants accused him") is not the prosecutors' word
    m = of_trigger(run(pipe, "Court filings show prosecutors charged the landlord after tenants accused him "
                             "of assault."), "accused")
    assert m.attributed_to is None and m.modality == "asserted"


# --- a verb of saying the tagger read as a noun ("media report") still credits its speaker ----------------
@pytest.mark.parametrize("text, trigger, source", [
    ("Markets are nervous as state media report Tehran deploying troops to the coast.", "deploying", "state media"),
    ("As Lebanese television reported Israeli jets striking targets near Tyre, the ministry called an "
     "emergency meeting.", "striking", "Lebanese television"),
])
def test_an_outlet_reporting_in_an_as_clause_is_the_source(pipe: Pipeline, text: str, trigger: str,
                                                           source: str) -> None:
    m = of_trigger(run(pipe, text), trigger)
    assert m.attributed_to == source and m.modality == "reported"


# --- "in case ...", wherever the parser hangs it, makes the act it conditions hypothetical ----------------
def test_in_case_on_the_condition_verb_makes_the_governed_act_hypothetical(pipe: Pipeline) -> None:
    evs = run(pipe, '"We discussed imposing tariffs on the firm in case the deal is not signed," the '
                    'ministers said.')
    m = of_trigger(evs, "imposing")
    assert m.modality == "hypothetical" and m.attributed_to == "ministers"


def test_a_precaution_taken_in_case_is_still_a_deed(pipe: Pipeline) -> None:
    m = of_trigger(run(pipe, "The plant deployed extra guards in case protesters return."), "deployed")
    assert m.modality == "asserted"


# --- a backstory the text steps into ("There,", "At the time,") is background; without the anaphor it is not
@pytest.mark.parametrize("text, triggers", [
    # court copy: the trial long before the report
    ("The case dates to the trial held in Fresno in May 2021. At the time, the defendant threatened a "
     "witness. Deputies arrested him in the courtroom.", ("threatened", "arrested")),
    # a transcript-style recap, Gulf wire
    ("The feud began at the Doha summit held in October 2022. There, the Emirati envoy accused Qatar of "
     "funding militias.", ("accused",)),
])
def test_a_long_past_frame_makes_what_it_tells_historical(pipe: Pipeline, text: str,
                                                           triggers: tuple[str, ...]) -> None:
    evs = run(pipe, text)
    for trigger in triggers:
        m = of_trigger(evs, trigger)
        assert m.modality == "historical" and m.date_from == "context", (trigger, m.modality, m.date)


def test_a_response_after_a_dated_past_is_not_made_background(pipe: Pipeline) -> None:
    # business wire: "denied the claim" may be today's answer; no anaphor puts it back in 2022
    evs = run(pipe, "A rival sued Orbix Labs in 2022, claiming it copied a sensor design. Orbix denied the claim.")
    assert of_trigger(evs, "denied").modality != "historical"


# --- an attempt told as made is an act; the passive of scheduling makes its subject planned ---------------
@pytest.mark.parametrize("text, trigger", [
    ("Hundreds of fans tried to storm the stadium while others threw bottles at police.", "storm"),
    ("Striking dockworkers attempted to blockade the port on Monday.", "blockade"),
])
def test_an_attempt_made_is_not_a_plan(pipe: Pipeline, text: str, trigger: str) -> None:
    assert of_trigger(run(pipe, text), trigger).modality == "asserted"


def test_an_attempt_to_come_is_still_planned(pipe: Pipeline) -> None:
    assert of_trigger(run(pipe, "The union will try to blockade the port next week."), "blockade").modality == \
        "planned"


def test_a_scheduled_event_is_planned(pipe: Pipeline) -> None:
    assert of_trigger(run(pipe, "A rally was planned in the capital."), "rally").modality == "planned"


def test_the_statement_is_its_issuers_whoever_spoke_since(pipe: Pipeline) -> None:
    # press-release style: "X said in a statement" makes X the statement's issuer for "The statement said"
    evs = run(pipe, "Delegates from the Andean League met in Quito. The League said in a statement that members "
                    "had agreed to cut tariffs. Delegates said the talks were tense. The statement said members "
                    "condemned the border closure.")
    assert "League" in (of_trigger(evs, "condemned").attributed_to or "")
