"""Event recall, round 13 (h/recall13, issue 10): officials or envoys who gather or convene meet; a call "for X
to act" whose "for" the parser made the infinitive's mark is still a call for; "calls on X to" as a noun is
a request; "raped" (lemmatised "rap") is the verb rape; a speaker saying a party committed abuses accuses it,
and a committed wrong is no promise; two coordinated verbs share the object written after the second.
Sentences written for these tests: a regional summit desk, a court page, a rights monitor's bulletin."""

from __future__ import annotations

import pytest

from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import _shared_object, find_triggers


def live(nlp, text: str) -> list[tuple[str, str]]:
    onto = load_ontology()
    return [(t.tok.text, t.type) for s in nlp(text).sents for t in find_triggers(s, onto) if not t.suppressed]


@pytest.mark.parametrize("text, trigger", [
    ("Finance ministers from the Andean states gathered Monday in Quito to weigh a common currency.", "gathered"),
    ("Envoys of the six coastal states will gather in Mombasa next week.", "gather"),
    ("The regional bloc convened an emergency session in Dakar on Friday.", "convened"),
])
def test_officials_who_gather_or_convene_meet(nlp, text: str, trigger: str) -> None:
    assert (trigger, "CONSULT") in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Hundreds of farmers gathered outside the ministry on Monday.",  # a crowd: the model's call, not CONSULT
    "Investigators gathered evidence from the wreck for three days.",
    "Police officers gathered evidence at the scene.",  # officials, but what they gathered is a thing
    "The minister gathered support from rural lawmakers.",
])
def test_a_crowd_or_evidence_gathered_is_no_meeting(nlp, text: str) -> None:
    assert all(t != "CONSULT" for _, t in live(nlp, text))


@pytest.mark.parametrize("text, trigger", [
    ('"We called for the junta to free the detained reporters at once," the union said.', "called"),
    ("The council called Tuesday for both militias to leave the port.", "called"),
])
def test_a_call_for_a_party_to_act_is_a_request(nlp, text: str, trigger: str) -> None:
    assert (trigger, "REQUEST") in live(nlp, text)


def test_calls_on_a_party_as_a_noun_are_a_request(nlp) -> None:
    found = live(nlp, "Their repeated calls on the governor to reopen the clinic went unanswered, the bishop said.")
    assert ("calls", "REQUEST") in found


def test_called_without_a_request_is_none(nlp) -> None:
    # "called" a name: no "for" at all, on the verb or as the mark of a clause of its own
    assert all(t != "REQUEST" for _, t in live(nlp, "Residents called the new bridge a white elephant."))


@pytest.mark.parametrize("text", [
    '"Most of the women we saw had been raped, often by men in uniform," the nurse said.',
    "Two girls were raped near the camp last week, the monitor reported.",
])
def test_raped_is_the_verb_rape(nlp, text: str) -> None:
    assert ("raped", "ASSAULT") in live(nlp, text)


def test_a_wrong_committed_is_an_accusation_not_a_promise(nlp) -> None:
    found = live(nlp, "The monitor says both militias have committed grave abuses against villagers.")
    assert ("committed", "ACCUSE") in found and ("committed", "AGREE") not in found


def test_committing_troops_or_to_talks_stays_a_commitment(nlp) -> None:
    assert ("committed", "AGREE") in live(nlp, "The president committed to new talks with the rebels.")
    assert all(t != "ACCUSE" for _, t in live(nlp, "The minister said Lisbon has committed 300 troops to the mission."))


def test_coordinated_verbs_share_the_object_after_the_second(nlp) -> None:
    # the parser hangs "the curbs" on "easing" only; lifting them is the concession too
    found = live(nlp, "Officials hinted at lifting or easing the sanctions on the port.")
    assert ("lifting", "CONCEDE") in found


def test_a_verb_with_its_own_object_keeps_it(nlp) -> None:
    # "lifted the ban": "lifted" has its own object; the next verb's "a new tax" is not lifted
    doc = nlp("The council lifted the ban and imposed a new tax on the traders.")
    lifted = next(t for t in doc if t.lower_ == "lifted")
    assert ("lifted", "CONCEDE") in live(nlp, doc.text) and _shared_object(lifted) is None
    bare = next(t for t in nlp("Officials hinted at lifting or easing the sanctions.") if t.lower_ == "lifting")
    assert _shared_object(bare) is not None and _shared_object(bare).lower_ == "sanctions"


@pytest.mark.parametrize("text", [
    "Protesters gathered and attacked the minister outside the court.",
    "Supporters gathered and cheered the president at the rally.",
])
def test_a_person_object_of_the_next_verb_fills_no_doer_set(nlp, text: str) -> None:
    # "the minister" is only attacked: the crowd that gathered is no meeting of officials
    assert ("gathered", "CONSULT") not in live(nlp, text)


def test_suicide_committed_is_no_commitment(nlp) -> None:
    text = "Officers said the detained man committed suicide in his cell overnight."
    assert ("committed", "AGREE") not in live(nlp, text)
