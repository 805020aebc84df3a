"""Event paraphrases (h/recall10, issue 10): WordNet synonyms and troponyms of the anchor verbs (apprehend,
nab, take into custody, bar from, dismantle a ring: COERCE; dispatch, scramble, activate forces: MOBILIZE;
rape: ASSAULT; nominate an official: PERSONNEL), nominalisations of material acts ("the delivery of
howitzers"), operations against armed people ("mounted an operation against gunmen"), and conjoined verbs
that share one subject ("raided ... and killed"). Sentences written for these tests: sheriff's blotter,
court pages, Gulf wire copy, business and statehouse news."""

from __future__ import annotations

import pytest

from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers


def live(nlp, text: str) -> list[tuple[str, str]]:
    onto = load_ontology()
    return [(t.tok.text, t.type) for s in nlp(text).sents for t in find_triggers(s, onto) if not t.suppressed]


@pytest.mark.parametrize("text, trigger, etype", [
    ("Sheriff's deputies apprehended the driver near a truck stop outside Amarillo.", "apprehended", "COERCE"),
    ("Transit officers nabbed a pickpocket on the Red Line platform on Monday.", "nabbed", "COERCE"),
    ("The bookkeeper was taken into custody after the audit, prosecutors said.", "taken", "COERCE"),
    ("The emirate barred the two activists from leaving the country.", "barred", "COERCE"),
    ("State police dismantled a fentanyl ring run out of a car wash.", "dismantled", "COERCE"),
    ("The governor dispatched 200 Guard troops to the flooded towns.", "dispatched", "MOBILIZE"),
    ("The navy scrambled two fighter jets to shadow the bombers.", "scrambled", "MOBILIZE"),
    ("The kingdom activated reserve units along the northern frontier.", "activated", "MOBILIZE"),
    ("Militiamen raped three women in the camp, a witness told the tribunal.", "raped", "ASSAULT"),
    ("The mayor is nominating a retired judge to lead the ethics panel.", "nominating", "PERSONNEL"),
])
def test_wordnet_paraphrases_of_anchor_verbs_are_candidates(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


@pytest.mark.parametrize("text, trigger, etype", [
    ("The delivery of the howitzers to the eastern front was delayed by a week.", "delivery", "AID"),
    ("The activation of the standby brigade was announced by the bloc on Friday.", "activation", "MOBILIZE"),
])
def test_a_material_act_told_by_its_noun_is_a_candidate(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Regulators criticised the violation of the listing rules by the chipmaker.",
    "The signing of the merger papers is set for March.",
    "The delivery of the new sedans to dealers slipped to spring.",
])
def test_a_noun_of_another_kind_is_no_nominalised_event(nlp, text: str) -> None:
    assert not [ty for _, ty in live(nlp, text) if ty in ("REJECT", "AGREE", "AID")]


@pytest.mark.parametrize("text", [
    "Security forces mounted an operation against gunmen in the old quarter of Hebron.",
    "The army began a military push against the rebels north of the capital.",
])
def test_an_operation_against_armed_people_is_an_assault(nlp, text: str) -> None:
    assert "ASSAULT" in [ty for _, ty in live(nlp, text)]


@pytest.mark.parametrize("text", [
    "The charity launched a campaign against malaria in the delta.",
    "The surgeon performed an operation on the senator's knee.",
    "The retailer's push against rising costs lifted its margins.",
])
def test_an_operation_or_campaign_of_another_kind_is_no_assault(nlp, text: str) -> None:
    assert "ASSAULT" not in [ty for _, ty in live(nlp, text)]


def test_a_bar_on_a_thing_is_no_coercion(nlp) -> None:
    assert not [ty for _, ty in live(nlp, "The band played at a bar from nine until late.") if ty == "COERCE"]


def test_conjoined_verbs_sharing_a_subject_are_two_events(nlp) -> None:
    found = live(nlp, "Special forces raided a farmhouse outside Mosul and killed four gunmen, the ministry said.")
    assert ("raided", "ASSAULT") in found and ("killed", "ASSAULT") in found


@pytest.mark.parametrize("text, trigger, etype", [
    ("The league suspended its participation in the regional security forum.", "suspended", "SANCTION"),
    ("The ministry barred the two lawmakers from entering the kingdom.", "barred", "SANCTION"),
    ("Parliament froze military aid to the junta on Tuesday.", "froze", "SANCTION"),
    ("The council announced asset freezes on six shipping executives.", "freezes", "SANCTION"),
    ("The bloc announced travel bans on the generals.", "bans", "SANCTION"),
    ("The bloc imposed a visa ban on the generals.", "imposed", "SANCTION"),
    ("Beijing sent warplanes across the median line on Sunday.", "sent", "MOBILIZE"),
    ("Two Norwegians were freed by their captors on Sunday.", "freed", "RETREAT"),
])
def test_sanctions_deployments_and_releases_of_more_kinds(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Tehran warned Riyadh against hosting the exercises.",
    "The militia warned that any convoy entering the valley would be treated as a target.",
    "The sheriff warned the gang that his deputies will shut down every stash house.",
])
def test_a_partys_warning_of_consequences_is_a_threat(nlp, text: str) -> None:
    assert ("warned", "THREATEN") in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Analysts warned that copper prices could fall further next quarter.",
    "The forecast warned that heavy rain would reach the coast by Friday.",
    "The health agency warned residents to boil their water.",
    "Kamau, a risk consultant in Nairobi, warns that such curbs could push investors away.",
])
def test_a_forecast_or_an_advisory_is_no_threat(nlp, text: str) -> None:
    assert ("warned", "THREATEN") not in live(nlp, text)


def test_a_nominalisation_inside_another_nouns_phrase_is_no_event(nlp) -> None:
    found = live(nlp, "Lawmakers debated a freeze on the delivery of the howitzers.")
    assert ("delivery", "AID") not in found


@pytest.mark.parametrize("text, trigger", [
    ("Riot police broke up the encampment outside the labour ministry before dawn.", "broke"),
    ("A smuggling ring was broken up at the port of Mersin, customs officials said.", "broken"),
])
def test_breaking_up_a_protest_or_a_ring_is_a_coercion(nlp, text: str, trigger: str) -> None:
    assert (trigger, "COERCE") in live(nlp, text)


@pytest.mark.parametrize("text", [
    "The merger talks broke up without a deal late on Friday.",
    "The trio broke up after their farewell tour.",
])
def test_other_break_ups_are_no_coercion(nlp, text: str) -> None:
    assert "COERCE" not in [ty for _, ty in live(nlp, text)]
