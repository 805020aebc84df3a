"""Statements that report no event of the ontology (issue 10, extract/noise.py): sourcing boilerplate, a
series named by a plural event noun, a danger assessed of a thing or a happening, an activity said to go on.
Each kind is tried in several styles (wire copy, local crime, business, Middle East reports), with the
near-misses that must stay events. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.participant_fixtures import no_event_kind, typed_triggers
from wirewatch.extract import load_ontology
from wirewatch.extract.triggers import find_triggers
from wirewatch.pipeline import Pipeline


def live(nlp, text: str) -> list[tuple[str, str]]:
    sent = next(iter(nlp(text).sents))
    return [(t.tok.text, t.type) for t in find_triggers(sent, load_ontology()) if not t.suppressed]


# --- (1) sourcing boilerplate ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("A senior diplomat, speaking on condition of anonymity to discuss the negotiations, said Cairo had "
     "offered to host a second round.", "discuss"),
    ("Two detectives, who spoke on condition of anonymity because they were not authorized to discuss the "
     "case, said the suspect fled on foot.", "discuss"),
    ("A hospital worker, who was not authorised to talk to the media, said the wounded included children.",
     "talk"),
    ("The company's spokeswoman declined to discuss the terms of the buyout.", "discuss"),
    ("A Gaza health official, who asked not to be identified because he was not permitted to speak "
     "publicly, said 14 bodies had been recovered.", "speak"),
])
def test_the_purpose_of_anonymity_or_of_a_licence_to_speak_is_no_event(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "sourcing"


def test_sourcing_boilerplate_yields_no_consultation_end_to_end(pipe: Pipeline) -> None:
    text = ("A senior official, speaking on condition of anonymity to discuss intelligence matters, said the "
            "convoy had turned back at the border.")
    assert not [e for e in typed_triggers(pipe, text) if e[0] == "CONSULT"]


@pytest.mark.parametrize("text, word", [
    ("The foreign minister refused to talk with the Hamas envoy.", "talk"),
    ("Union leaders said they would discuss the offer with management on Friday.", "discuss"),
    ("Lebanese and Israeli officers met to discuss the border dispute.", "discuss"),
])
def test_talking_to_a_party_is_not_sourcing(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


# --- (2) a series named by a plural event noun ------------------------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("The launch was the latest in a string of weapons tests this year.", "tests"),
    ("Repeated launches of this kind threaten the peace of the region.", "launches"),
    ("A spate of burglaries has alarmed residents of the east side.", "burglaries"),
    ("Frequent strikes at the port have cost exporters millions, the chamber said.", "strikes"),
    ("Such arrests have drawn criticism from rights groups in Bahrain.", "arrests"),
    ("Raids of this sort are common in the West Bank, residents said.", "Raids"),
    ("Residents said the nightly raids begin when the patrols leave.", "raids"),
])
def test_a_plural_event_noun_that_names_a_series_is_no_happening(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "series"


@pytest.mark.parametrize("text, word", [
    ("Three attacks on Monday killed 12 people in Kirkuk.", "attacks"),
    ("Two waves of airstrikes hit the city overnight.", "airstrikes"),
    ("Militants carried out two attacks on army posts on Sunday.", "attacks"),
    ("Police arrested three men after a series of raids on Tuesday.", "raids"),
    ("The village suffered repeated raids by armed herders.", "raids"),
])
def test_counted_or_dated_happenings_are_not_a_series(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


def test_a_series_does_not_become_a_launch_of_its_own(pipe: Pipeline) -> None:
    got = typed_triggers(pipe, "North Korea launched two missiles on Wednesday, the latest in a string of weapons "
                       "tests this year.")
    assert ("MOBILIZE", "launched") in got and ("MOBILIZE", "tests") not in got


def test_three_attacks_on_monday_stay_an_event(pipe: Pipeline) -> None:
    assert [e for e in typed_triggers(pipe, "Three attacks on Monday killed 12 people in Kirkuk.") if e[0] == "ASSAULT"]


# --- (3) a danger assessed of a thing or a happening ------------------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("The command said the event did not pose an immediate threat to U.S. personnel.", "pose"),
    ("The command said the event did not pose an immediate threat to U.S. personnel.", "threat"),
    ("Rising interest rates threaten the recovery, the central bank said.", "threaten"),
    ("Repeated launches of this kind threaten the peace of the region.", "threaten"),
    ("The spill poses a serious risk to fisheries along the coast.", "poses"),
    ("The flooding endangered hundreds of homes in the valley.", "endangered"),
    ("The bank warned that rising interest rates threaten the recovery.", "warned"),
])
def test_a_danger_told_of_a_thing_or_happening_is_an_assessment(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "assessment"


@pytest.mark.parametrize("text, word", [
    ("Militants threatened to attack the convoy.", "threatened"),
    ("The rebels threatened the town's mayor.", "threatened"),
    ("Iran threatened Israel with a crushing response.", "threatened"),
    ("The gang threatened shop owners who refused to pay.", "threatened"),
    ("He poses a threat to the witnesses, the prosecutor told the court.", "poses"),
    ("The statement threatened sanctions and travel bans on the junta's leaders.", "threatened"),
])
def test_a_threatening_party_makes_a_threat(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


def test_militants_threatening_a_convoy_stays_threaten(pipe: Pipeline) -> None:
    assert ("THREATEN", "threatened") in typed_triggers(pipe, "Militants threatened to attack the convoy.")


def test_an_assessed_danger_is_no_threat_end_to_end(pipe: Pipeline) -> None:
    got = typed_triggers(pipe, "The command said the event did not pose an immediate threat to U.S. personnel.")
    assert not [e for e in got if e[0] == "THREATEN"]


# --- (4) an activity said to go on ------------------------------------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("Japanese officials said analysis of the flight data was continuing.", "continuing"),
    ("The search for the missing fishermen resumed on Thursday.", "resumed"),
    ("Construction of the pipeline stopped in March, the contractor said.", "stopped"),
])
def test_an_ordinary_activity_going_on_is_no_event(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) == "continuation"


def test_an_activity_going_on_gets_no_type_from_the_model(pipe: Pipeline) -> None:
    assert typed_triggers(pipe, "Japanese officials said analysis of the flight data was continuing.") == []


@pytest.mark.parametrize("text, word", [
    ("The talks continued on Tuesday in Doha.", "continued"),
    ("Fighting resumed in the north overnight.", "resumed"),
    ("The rebels continued to shell the town.", "continued"),
])
def test_an_event_of_the_ontology_going_on_is_not_noise(nlp, text: str, word: str) -> None:
    assert no_event_kind(nlp, text, word) is None


@pytest.mark.parametrize("text, trigger, etype", [
    ("The talks continued on Tuesday in Doha.", "talks", "CONSULT"),
    ("The protests continued for a third night in Tbilisi.", "protests", "PROTEST"),
])
def test_an_ontology_event_said_to_go_on_is_reported(nlp, text: str, trigger: str, etype: str) -> None:
    # a definite subject of "continued" is news going on, not a re-mention (triggers._anaphoric)
    assert (trigger, etype) in live(nlp, text)
