"""Event recall, round 15 (h/recall15, issue 10). Clauses whose form marks background but which report an act
of their own (clause_news.py): a relative clause or a definite passive with its own time, a relative clause on
a date, a participle adjunct marked "while"; a definite event noun with its own target ("the sanctions on X") is
no re-mention; light verbs with "blame", "barred from travel", "talk together"; a text does no violence
("legislation targeting X"). Sentences written for these tests: a fisheries dispute, a border-town page, a
regional trade desk."""

from __future__ import annotations

import pytest

from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers


def live(nlp, text: str) -> list[tuple[str, str]]:
    onto = load_ontology()
    return [(t.tok.text, t.type) for s in nlp(text).sents for t in find_triggers(s, onto) if not t.suppressed]


_LEAD = "Gunmen stormed a ferry terminal in the port of Kalvo on Saturday. "


@pytest.mark.parametrize("text, trigger, etype", [
    # a relative clause with its own day
    ("Police said no ransom was paid for the traders, who were abducted last Tuesday near the market.",
     "abducted", "COERCE"),
    # a relative clause on a date says what happened then
    ("Trade between the two states collapsed in 2019, when both governments expelled their envoys.",
     "expelled", "SANCTION"),
])
def test_a_relative_clause_with_its_own_time_reports_an_act(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


def test_a_relative_clause_without_time_stays_background(nlp) -> None:
    text = "Police questioned the traders, who were abducted near the market, about their captors."
    assert ("abducted", "COERCE") not in live(nlp, text)


def test_a_relative_clause_on_the_start_of_a_state_stays_background(nlp) -> None:
    # "since 2021, when ...": the origin of the state the sentence reports, not news of its own
    text = "Fishing rights have been disputed since 2021, when the two states expelled their envoys."
    assert ("expelled", "SANCTION") not in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Officials outlined the sanctions on the two shipping firms at a briefing in Oslo.",
    "Exporters complained after the ministry confirmed the embargo on rice shipments to the north.",
])
def test_a_definite_event_noun_with_its_own_target_is_no_anaphor(nlp, text: str) -> None:
    assert any(t in ("SANCTION", "COERCE") for _, t in live(nlp, text))


def test_a_definite_event_noun_without_parties_still_refers_back(nlp) -> None:
    text = _LEAD + "Officials outlined the sanctions at a briefing in Oslo."
    assert ("sanctions", "SANCTION") not in live(nlp, text)


def test_a_while_participle_is_a_second_act_of_the_subject(nlp) -> None:
    text = "The mayor, while condemning the looting, says the curfew will be lifted on Friday."
    assert ("condemning", "ACCUSE") in live(nlp, text)


def test_a_result_participle_stays_a_circumstance(nlp) -> None:
    # "..., killing two": a result of the main act, not a second one (the rule this round leaves alone)
    text = "Rebels shelled the border town on Monday, killing two farmers."
    assert ("killing", "ASSAULT") not in live(nlp, text)


@pytest.mark.parametrize("text, trigger, etype", [
    ("The fisheries ministry placed the blame on foreign trawlers for the collapse of the catch.", "placed",
     "ACCUSE"),
    ("The opposition pinned blame on the harbour authority.", "pinned", "ACCUSE"),
    ("The two trawler owners were barred from travel to the European Union.", "barred", "SANCTION"),
    ("Customs officers from both sides have been talking together about the queues.", "talking", "CONSULT"),
])
def test_light_and_phrasal_verbs_of_a_type(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


def test_a_bar_from_a_place_is_still_coercion(nlp) -> None:
    assert ("barred", "COERCE") in live(nlp, "The protesters were barred from the square by riot police.")


@pytest.mark.parametrize("text", [
    "The parliament approved legislation on Tuesday targeting the country's largest banks.",
    "A new regulation targeting foreign trawlers takes effect in June.",
])
def test_a_text_that_targets_does_no_violence(nlp, text: str) -> None:
    assert all(t != "ASSAULT" for _, t in live(nlp, text))


@pytest.mark.parametrize("text", [
    "Airstrikes targeting militant hideouts killed 12 people on Monday.",
    "Rebels targeted an army convoy near the border town.",
])
def test_force_that_targets_stays_an_attack(nlp, text: str) -> None:
    assert any(t == "ASSAULT" for _, t in live(nlp, text))
