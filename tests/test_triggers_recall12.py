"""Event recall, round 12 (h/recall12, issue 10): a need said of a party is a request ("says Washington needs
to act", "said urgent help was needed"), mending or furthering ties is cooperation ("looking to reset
relations with Cairo"), "dismissed the board of inquiry's conclusions" is a rejection whatever the parser made
the object, and a quoted "we" in a sentence that closes a quotation left open is the quotation's speaker.
Sentences written for these tests: a Balkan foreign desk, a port city's council, a court page."""

from __future__ import annotations

import pytest

from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers
from wirewatch.model import Article


def live(nlp, text: str) -> list[tuple[str, str]]:
    onto = load_ontology()
    return [(t.tok.text, t.type) for s in nlp(text).sents for t in find_triggers(s, onto) if not t.suppressed]


@pytest.mark.parametrize("text, trigger", [
    ("The foreign minister said Belgrade needs to withdraw its police from the border.", "said"),
    ("Petrovic insists the harbour board needs to publish the contracts.", "insists"),
    ("The envoy said urgent food aid was badly needed in the valley.", "said"),
])
def test_a_need_said_of_a_party_is_a_request(nlp, text: str, trigger: str) -> None:
    assert (trigger, "REQUEST") in live(nlp, text)


@pytest.mark.parametrize("text", [
    "The minister said Belgrade does not need to withdraw its police.",
    "The mayor said the ferry needs repairs.",  # a need of a thing, asked of nobody
    "The coach said they need to win on Sunday.",  # a pronoun: whose need is unknown
])
def test_no_request_without_a_party_asked_to_act(nlp, text: str) -> None:
    assert all(t != "REQUEST" for _, t in live(nlp, text))


@pytest.mark.parametrize("text, trigger", [
    ("Ankara is looking to reset relations with Cairo after years of animosity.", "reset"),
    ("Diplomats said efforts are under way to repair ties between the two capitals.", "repair"),
    ("Hanoi and Canberra elevated their ties to a strategic partnership.", "elevated"),
    ("The two governments moved to normalize relations last spring.", "normalize"),
])
def test_mending_or_furthering_ties_is_cooperation(nlp, text: str, trigger: str) -> None:
    assert (trigger, "COOPERATE") in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Crews worked overnight to repair the rail links to the port.",
    "The council will repair the fence along the harbour road.",
])
def test_repairs_of_things_are_no_cooperation(nlp, text: str) -> None:
    assert all(t != "COOPERATE" for _, t in live(nlp, text))


def test_dismissing_findings_split_at_a_possessive_is_a_rejection(nlp) -> None:
    # the parser makes "board" the object and "conclusions" the object of "of"
    found = live(nlp, "Vasquez dismissed the board of inquiry's conclusions as biased.")
    assert ("dismissed", "REJECT") in found and ("dismissed", "PERSONNEL") not in found


def test_dismissing_a_person_of_a_possessed_body_stays_a_change_of_office(nlp) -> None:
    # "of the party's ethics inquiry" hangs a possessive under the person: the chairman is still who was dismissed
    found = live(nlp, "The council dismissed the chairman of the party's ethics inquiry on Monday.")
    assert ("dismissed", "PERSONNEL") in found and ("dismissed", "REJECT") not in found


def test_dismissing_an_official_stays_a_change_of_office(nlp) -> None:
    assert ("dismissed", "PERSONNEL") in live(nlp, "The president dismissed the head of the port authority.")


def test_quoted_we_closing_an_open_quotation_is_the_speaker(pipe) -> None:
    text = ("\"Belgrade must understand that pressure gets it nowhere,\" Foreign Minister Ilir Kastrati said "
            "on Tuesday. \"If Belgrade treats us fairly, we will be fair. But if it sanctions us, then we will "
            "retaliate.\"")
    events = pipe.run(Article(id="q", text=text, published="2024-05-02")).events
    threats = [m for m in events if m.event_type == "THREATEN" and m.trigger == "retaliate"]
    assert threats and any(a.name == "Ilir Kastrati" for a in threats[0].actor)


@pytest.mark.parametrize("text", [
    "The army launched an operation to drive the bandits out of the hills.",
    "Police mounted a security operation to clear the highway of gunmen.",
    "The alliance and local forces launched an operation to retake the valley.",
])
def test_an_operation_launched_without_a_target_is_a_mobilization(nlp, text: str) -> None:
    assert any(t == "MOBILIZE" for _, t in live(nlp, text))


@pytest.mark.parametrize("text", [
    "The retailer launched operations in three new markets.",
    "The charity launched a campaign to raise money for the clinic.",
    "Volunteers launched a rescue operation after the ferry capsized.",
    "The company launched an operation to recover the lost data.",
])
def test_business_operations_and_campaigns_are_no_mobilization(nlp, text: str) -> None:
    assert all(t != "MOBILIZE" for _, t in live(nlp, text))


def test_an_operation_against_people_stays_an_assault(nlp) -> None:
    found = live(nlp, "The army launched an operation against the bandits in the hills.")
    assert ("operation", "ASSAULT") in found and ("operation", "MOBILIZE") not in found


def test_a_promise_on_a_negated_condition_is_a_threat(nlp) -> None:
    # "if ... not" is "unless": the act is held over the other side
    found = live(nlp, "\"We will buy Chinese jets if the embargo is not lifted,\" the defence minister said.")
    assert ("buy", "THREATEN") in found


def test_a_promise_on_a_plain_condition_stays_an_offer(nlp) -> None:
    found = live(nlp, "\"We will buy Chinese jets if the price is right,\" the defence minister said.")
    assert ("buy", "THREATEN") not in found


@pytest.mark.parametrize("text", [
    "The ministers concluded the Baltic Energy Summit in Riga on Friday.",
    "The Ocean Conference opened in Lisbon with forty delegations.",
])
def test_a_meeting_told_by_its_name_is_a_meeting(nlp, text: str) -> None:
    assert any(t == "CONSULT" for _, t in live(nlp, text))


@pytest.mark.parametrize("text", [
    "She moved to Summit County in 2019.",
    "The Summit Series hockey jerseys sold out.",
])
def test_a_name_that_begins_with_a_meeting_word_is_no_meeting(nlp, text: str) -> None:
    assert all(t != "CONSULT" for _, t in live(nlp, text))


def test_a_state_blocking_a_sale_is_a_sanction(nlp) -> None:
    assert ("blocked", "SANCTION") in live(nlp, "The president blocked the sale of patrol boats to Caracas.")


def test_blocking_a_road_stays_a_protest(nlp) -> None:
    assert ("blocked", "SANCTION") not in live(nlp, "Farmers blocked the road to the capital with tractors.")


@pytest.mark.parametrize("text", [
    "The defence minister said Tirana would respond firmly to any attack on its ships.",
    "\"We will react to any provocation,\" the army chief said.",
])
def test_a_party_that_will_answer_any_hostile_move_threatens(nlp, text: str) -> None:
    assert any(t == "THREATEN" for _, t in live(nlp, text))


@pytest.mark.parametrize("text", [
    "The ministry responded to questions from reporters on Monday.",
    "The mayor will respond to the residents' letter next week.",
    "Oil prices would react to any change in supply.",
])
def test_answers_past_particular_or_of_things_are_no_threat(nlp, text: str) -> None:
    assert all(t != "THREATEN" for _, t in live(nlp, text))


def test_a_counteroffensive_is_an_attack_not_a_mobilization(nlp) -> None:
    found = live(nlp, "Rebel units may launch a counteroffensive near the dam this week, a commander said.")
    assert ("counteroffensive", "ASSAULT") in found and all(t != "MOBILIZE" for _, t in found)
