"""Other word senses, generic statements and figures of speech (extract/noise_senses.py, issue 10). The
sentences are written for these tests, in the styles of product copy, science news, polling stories, sports
and local news; each rule is shown beside the near-miss that must keep its event."""

from __future__ import annotations

from typing import Any

import pytest

from tests.participant_fixtures import no_event_kind, typed_triggers
from wirewatch.extract import load_ontology
from wirewatch.extract.relevance import off_domain
from wirewatch.pipeline import Pipeline


# --- a thing as the doer: it cannot agree, retreat or attack ---------------------------------------------
@pytest.mark.parametrize("text, word, etype", [
    ("The asteroid will retreat beyond the orbit of Jupiter by next spring.", "retreat", "RETREAT"),
    ("The storm agreed with no forecast: it turned north.", "agreed", "AGREE"),  # a natural force speaks not
])
def test_a_thing_as_the_doer_reports_no_act(nlp: Any, text: str, word: str, etype: str) -> None:
    assert no_event_kind(nlp, text, word, etype) == "no doer"


@pytest.mark.parametrize("text, word, etype", [
    ("A car bomb struck the convoy near the bridge.", "struck", "ASSAULT"),  # the instrument
    ("Drones struck a fuel depot outside the port city.", "struck", "ASSAULT"),
    ("The raid freed four hostages held in a farmhouse.", "freed", "RETREAT"),  # an event noun acts
    ("The ministry accepted the union's offer on Tuesday.", "accepted", "AGREE"),
    ("The statement rejected the accusations as baseless.", "rejected", "REJECT"),  # a text for its issuer
    ("Hunters rejected the new quota.", "rejected", "REJECT"),
    ("Tear gas injured dozens of marchers.", "injured", "ASSAULT"),  # a material act's means
    ("Three weeks after the end of their season, the Sixers rejected the offer.", "rejected", "REJECT"),  # a name
    ("A fire set by the militia destroyed the market.", "destroyed", "COERCE"),
])
def test_a_party_instrument_or_event_noun_still_acts(nlp: Any, text: str, word: str, etype: str) -> None:
    assert no_event_kind(nlp, text, word, etype) is None


# --- generic statements ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("Older voters are more likely to join protests than students, the poll found.", "join"),
    ("Men who carry knives are twice as likely to attack a stranger, the study says.", "attack"),
    ("Most hunters oppose the new gun law, a survey shows.", "oppose"),
])
def test_generic_statements_report_no_event(nlp: Any, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word, "PROTEST") == "generic"


@pytest.mark.parametrize("text, word", [
    ("Militants are likely to attack the convoy again, officials warned.", "attack"),  # a forecast: modality's
    ("Most of the prisoners were released on Monday.", "released"),
    ("Many protesters marched to the palace on Friday.", "marched"),
    ("The prisoners oppose their transfer, their lawyer said.", "oppose"),
    ("Many villagers are protesting the new dam this week.", "protesting"),  # going on now
])
def test_forecasts_and_known_people_are_not_generic(nlp: Any, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word, "PROTEST") != "generic"


# --- figures of speech -----------------------------------------------------------------------------------
def test_force_against_an_abstraction_is_a_figure(nlp: Any) -> None:
    text = "The new coach said he would attack the problem of defensive errors."
    assert no_event_kind(nlp, text, "attack", "ASSAULT") == "figure"
    for text, word in [("Gunmen attacked the rally in the market town.", "attacked"),
                       ("Troops attacked rebel positions east of the river.", "attacked"),
                       ("Insurgents attacked government forces near the dam.", "attacked"),  # a body of people
                       ("The clerk was killed execution style in his shop.", "killed")]:  # a misparse
        assert no_event_kind(nlp, text, word, "ASSAULT") is None


@pytest.mark.slow
def test_figures_and_tendencies_in_a_crime_report_yield_no_event(pipe: Pipeline) -> None:
    got = typed_triggers(pipe, (
        "Police arrested two men after a fight outside a bar on Saturday, the sheriff's office said. Young men "
        "who drink late are more likely to attack strangers than friends, a deputy said."))
    assert ("COERCE", "arrested") in got
    assert not [g for g in got if g[1] == "attack"]


# --- article relevance: no public actor, no conflict events -----------------------------------------------
@pytest.mark.parametrize("text, off", [
    ("The Kestrel 3 router supports Wi-Fi 7 and offers four gigabit ports. Setup takes ten minutes. The app "
     "blocks intruders automatically.", True),
    ("The visitors beat Harlow 2-0 on Saturday. Their keeper blocked a late penalty. The captain fought on "
     "with a bandaged knee.", True),
    ("Shares of the retailer rose 4 percent. Profit beat forecasts. The chain expects to open 12 stores.", True),
    ("The router maker's shares fell 9 percent. Police arrested its founder at his home. He denies fraud.", False),
    ("The talks resumed in Nairobi. Kenyan negotiators walked out after an hour. No date was set.", False),
    ("The proposal came in May. Russia rejected it on Friday. It gave no reason.", False),  # a state as a party
    ("The retailer's chief financial officer resigned. Its shares fell 3 percent. A successor will be named in "
     "June.", True),  # a company's officer
    ("Two officers stopped the van on the ring road. The driver was arrested. He was later released on bail.",
     False),
    ("The visitors beat Harlow 2-0.", False),  # too short to judge
])
def test_articles_without_a_public_actor_are_off_domain(nlp: Any, text: str, off: bool) -> None:
    assert off_domain(list(nlp(text).sents), load_ontology()) is off


@pytest.mark.parametrize("text, word, etype", [
    ("The harbour master said the Liberian tanker had illegally entered the bay.", "entered", "ACCUSE"),
    ("A Turkish drone violated the airspace twice, the ministry said.", "violated", "ACCUSE"),
    ("Russia's bombers struck the depot overnight.", "struck", "COERCE"),
])
def test_a_thing_of_a_named_party_or_a_violation_keeps_its_event(nlp: Any, text: str, word: str, etype: str) -> None:
    assert no_event_kind(nlp, text, word, etype) is None


def test_a_named_set_of_people_is_not_a_kind(nlp: Any) -> None:
    text = "All Nordic finance ministers agree with the Danish proposal, a spokesman said."
    assert no_event_kind(nlp, text, "agree", "SUPPORT") is None
    assert no_event_kind(nlp, "Many farmers oppose the new water tax.", "oppose", "REJECT") == "generic"


def test_made_things_may_stand_for_their_users(nlp: Any) -> None:
    text = "The patrol vessel visited the port of Cebu for three days."
    assert no_event_kind(nlp, text, "visited", "CONSULT") is None
    assert no_event_kind(nlp, "The relief package supports the flood-hit farmers.", "supports", "SUPPORT") is None
