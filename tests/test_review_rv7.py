"""Review of the false-event rules of noise.py merged from h/noise7 (issue 10): aims, acts with no agent and
agreeing with a position, tried on styles those rules were not written for (military communique, wire copy,
court report, translated statement, think-tank prose). Each test names the defect it guards; the sentences
are written for these tests."""

from __future__ import annotations

import pytest

from tests.participant_fixtures import no_event_kind, typed_triggers

# The module's pipeline and spaCy model are conftest's `pipe` and `nlp` fixtures.
kind = no_event_kind
types = typed_triggers


# ------------------------------------------------------------------ aiming a weapon is no aim
@pytest.mark.parametrize("text,word", [
    ("Insurgents aimed mortar fire at the airport on Tuesday, the ministry said.", "aimed"),
    ("Police aimed water cannon at the protesters outside parliament, the wire report said.", "aimed"),
])
def test_pointing_a_weapon_at_a_target_is_not_an_aspiration(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    # over-reach: "aim" with an object and "at" is pointing something at someone, not stating a goal
    assert kind(nlp, text, word) != "aspiration"


def test_an_aim_with_a_goal_noun_is_still_an_aspiration(nlp) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, "The regime is prioritizing the economy, the communique said.", "prioritizing") == "aspiration"


# ------------------------------------------------------------------ a change of a party or of an act's means
@pytest.mark.parametrize("text,word", [
    ("The army aims to eliminate the militants hiding in the hills by the end of the year.", "aims"),
    ("The European Union intends to tighten sanctions on Minsk, diplomats said.", "intends"),
    ("NATO aims to reinforce its troops on the eastern flank, the alliance's communique said.", "aims"),
    ("Beijing intends to raise tariffs on American goods, the translated statement said.", "intends"),
    ("Riot police aim to break up the rally before noon, the live blog reported.", "aim"),
    ("The army aims to isolate the town before the assault, the military communique said.", "aims"),
])
def test_changing_a_party_or_an_acts_means_is_a_planned_act(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    # over-reach: WordNet files eliminate/tighten/reinforce/raise as change verbs, but what changes is a
    # party or the means of an ontology act: the aim is a planned act, left to the model
    assert kind(nlp, text, word) != "aspiration"


@pytest.mark.parametrize("text,word", [
    ("NATO aims to reinforce its troops on the eastern flank.", "reinforce"),
    ("The army intends to eliminate the militants.", "eliminate"),
])
def test_the_goal_verb_of_a_planned_act_stays(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word) != "aspiration"


@pytest.mark.parametrize("text,word", [
    ("The new partnership aims to strengthen readiness along the frontier, the press release said.", "strengthen"),
    ("Our government intends to reassess its options, the translated statement read.", "reassess"),
])
def test_the_goal_verb_of_an_aim_that_is_no_act_is_no_event(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    # under-reach: the aim verb was no event, but a model's type proposed on its goal verb (the proposal
    # goes down light verbs to their complement) survived: "aims to strengthen" -> COOPERATE on strengthen
    assert kind(nlp, text, word) == "aspiration"


# ------------------------------------------------------------------ texts: what they provide for
@pytest.mark.parametrize("text,word,etype", [
    ("The accord provides for the release of 40 prisoners by the end of the month.", "provides", "AID"),
    ("The decree provides for the deployment of troops to the border, state television said.", "provides", "AID"),
    ("The memorandum provides for joint patrols along the border.", "provides", "COOPERATE"),
])
def test_what_a_text_provides_for_is_no_aid(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    # under-reach: "accord" (WordNet's first sense is a state) and the issuer's texts (decree, resolution)
    # escaped the text rule; a text's terms are no giving
    assert kind(nlp, text, word, etype) == "no agent"


@pytest.mark.parametrize("text,word,etype", [
    ("The UN resolution supports a two-state solution, diplomats said.", "supports", "SUPPORT"),
    ("The UN resolution demands the withdrawal of all foreign troops.", "demands", "REQUEST"),
    ("The UN agency provided food to 20,000 people in the north, the bulletin said.", "provided", "AID"),
])
def test_an_issuers_text_still_speaks_and_an_agency_still_gives(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word, etype) is None


def test_weapons_made_elsewhere_and_supplied_stay_aid(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "Weapons manufactured in Iran were supplied to the militia, prosecutors told the court.")
    assert ("AID", "supplied") in found


# ------------------------------------------------------------------ agreeing with a party's case
@pytest.mark.parametrize("text", [
    "The judge agreed with the prosecution and jailed the former mayor for fraud, the court report said.",
    '"I agree with him completely," the senator told the radio programme.',
])
def test_agreeing_with_a_partys_case_without_terms_is_support(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    # over-reach of AGREE: with a party but no terms, "agree with" endorses their case or view
    assert [t for t, w in types(pipe, text) if w.lower().startswith("agree")] == ["SUPPORT"]


def test_agreeing_with_a_party_that_talks_will_resume_is_an_agreement(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "Hanoi agreed with Washington that the talks would resume in May, the wire report said.")
    assert "SUPPORT" not in [t for t, w in found if w.lower().startswith("agree")]


def test_a_court_agreeing_with_prosecutors_sentences(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "The court agreed with prosecutors and sentenced him to 12 years in prison.")
    assert ("SANCTION", "sentenced") in found


# ------------------------------------------------------------------ trying hard is no ease
@pytest.mark.parametrize("text,word", [
    ("The army fought hard to retake the airport, a military communique said on Sunday.", "retake"),
    ("Riot police pushed hard to disperse the crowd near the square, the radio bulletin said.", "disperse"),
])
def test_an_effort_is_not_the_ease_of_an_act(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    # over-reach: "hard" as an adverb of the governing verb says how hard someone tried, not how easy the
    # act would be ("harder to reach")
    assert kind(nlp, text, word) != "ease"


def test_a_fight_to_retake_a_town_stays_an_assault(pipe) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in [t for t, _ in types(pipe, "The army fought hard to retake the airport on Sunday.")]


@pytest.mark.xfail(strict=True, reason="detector.decide_article drops the live lexicon trigger 'fought' (no "
                   "noise kind on any word: the model's probability for the attributed sentence is under the "
                   "ASSAULT keep threshold)")
def test_a_fight_reported_by_a_communique_stays_an_assault(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "The army fought hard to retake the airport, a military communique said on Sunday.")
    assert "ASSAULT" in [t for t, _ in found]


# ------------------------------------------------------------------ a made thing described by its making
@pytest.mark.parametrize("text,word,etype", [
    ("Drones manufactured in Iran struck the power station on Monday, the military communique said.",
     "manufactured", "PRODUCE"),
    ("Investigators said the rifles produced at the plant last year ended up with the gang.", "produced",
     "PRODUCE"),
])
def test_a_made_things_origin_is_no_making(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    # under-reach: the made-thing rule read only the parser's subject; a participle describing the thing
    # ("drones manufactured in Iran") told of its origin and was coded PRODUCE
    assert kind(nlp, text, word, etype) == "no agent"


@pytest.mark.parametrize("text,word,etype", [
    ("Missiles supplied by Tehran hit the port city overnight, the wire report said.", "supplied", "AID"),
    ("Weapons manufactured in Iran were supplied to the militia, prosecutors told the court.", "supplied", "AID"),
    ("The shells supplied to the brigade last week were faulty, the ministry said.", "supplied", "AID"),
])
def test_a_giving_with_its_giver_or_receiver_stays(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word, etype) is None
