"""Issue 11, round 2 review: rules that had been fitted to one dev sentence, each checked on sentences
written for this file in other wordings (invented names and places only).

- a he/she subject past a named object follows the story's subject (centering), in several shapes;
- a city, a region or a capital before a happening ("the Kabul attack") says where, never who;
- light verbs are known by their written form too ("staged", "waged": the small model cuts their stem);
- "get rid of X" is active whatever its form, recognised from its structure.
"""

from __future__ import annotations

import pytest

from tests.participant_fixtures import events, of_trigger, said
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("text", "trigger", "role", "who"), [
    ("Mark Ellis stabbed his neighbour Tom Reed during an argument on Sunday. He was charged with assault "
     "on Monday.", "charged", "recipient", "Mark Ellis"),
    ("Senator Ruth Vale criticised Governor Anna Kerr on Tuesday. She accused the governor of hiding the "
     "budget.", "accused", "actor", "Ruth Vale"),
    ("Jon Price hired accountant Paul Marsh in 2019. Marsh stole $200,000 from the firm. He was arrested "
     "on Friday.", "arrested", "recipient", "Paul Marsh"),
])
def test_a_subject_pronoun_follows_the_story_subject(pipe: Pipeline, text: str, trigger: str, role: str,
                                                     who: str) -> None:
    m = of_trigger(events(pipe, text), trigger)
    assert who in said(getattr(m, role))


def test_a_subject_named_in_between_wins_over_the_first_subject(pipe: Pipeline) -> None:
    text = ("Lena Ortiz sued her former employer Grace Hill on Monday. Hill denied the claims. "
            "She accused Ortiz of theft.")
    m = of_trigger(events(pipe, text), "accused")
    assert said(m.actor) == "Grace Hill" and "Ortiz" in said(m.recipient)


@pytest.mark.parametrize("text", ["The Kabul attack killed twelve people on Monday.",
                                  "The Basra bombing killed four soldiers."])
def test_a_place_before_a_happening_is_no_actor(pipe: Pipeline, text: str) -> None:
    m = of_trigger(events(pipe, text), "killed")
    assert m.actor == [], said(m.actor)


def test_a_country_before_a_happening_is_still_its_side(pipe: Pipeline) -> None:
    m = of_trigger(events(pipe, "An Israeli strike killed two fighters in the south on Monday."), "killed")
    assert "Israel" in said(m.actor)


def test_light_verbs_by_their_written_form(pipe: Pipeline) -> None:
    from wirewatch.extract.nlp import get_nlp
    from wirewatch.extract.participants import _LIGHT_VERBS, _verb_lemmas

    doc = get_nlp()("Teachers waged a strike and farmers staged a sit-in while dockers mounted a blockade.")
    verbs = [t for t in doc if t.lower_ in ("waged", "staged", "mounted")]
    assert len(verbs) == 3 and all(_verb_lemmas(v) & _LIGHT_VERBS for v in verbs)
    assert "stag" not in _LIGHT_VERBS and "wag" not in _LIGHT_VERBS


def test_a_light_verb_purpose_clause_names_the_target(pipe: Pipeline) -> None:
    text = "Hundreds of farmers staged a march on Friday to pressure Governor Ivo Brandt over water rights."
    evs = [m for m in events(pipe, text) if m.event_type == "PROTEST"]
    assert evs and "farmers" in said(evs[0].actor)
    assert "Ivo Brandt" in said(evs[0].recipient)


def test_get_rid_of_is_recognised_by_its_structure() -> None:
    from wirewatch.extract.events import _get_idiom_object
    from wirewatch.extract.nlp import get_nlp

    nlp = get_nlp()
    for text, obj in [("Security forces got rid of nine gunmen near the border.", "gunmen"),
                      ("The army says it got rid of 40 insurgents in the hills.", "insurgents"),
                      ("The new mayor quickly got rid of the old traffic rules.", "rules")]:
        verb = next(t for t in nlp(text) if t.lower_ == "rid")
        found = _get_idiom_object(verb)
        assert found is not None and found.lower_ == obj, text
    # a real get-passive with a by-agent stays passive
    verb = next(t for t in nlp("The rebels got beaten by government troops.") if t.lower_ == "beaten")
    assert _get_idiom_object(verb) is None


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("Rebels staged an assault on a remote army depot.", "assault", "depot"),
    ("The fighters mounted a raid against a fuel depot outside the city.", "raid", "fuel depot"),
    ("The militants launched a night attack on a joint Kenya-U.S. military base.", "attack", "military base"),
])
def test_an_attack_noun_takes_its_target_even_a_thing(pipe: Pipeline, text: str, trigger: str,
                                                      target: str) -> None:
    m = of_trigger(events(pipe, text), trigger)
    assert target in " ".join(f"{a.name} {a.text or ''}" for a in m.recipient), said(m.recipient)


@pytest.mark.parametrize(("text", "who"), [
    ("Norway announced new aid for Sudan on Tuesday.", "Sudan"),
    ("The ministers affirmed their strong support for Moldova on Monday.", "Moldova"),
])
def test_support_or_aid_for_a_party_names_the_recipient(pipe: Pipeline, text: str, who: str) -> None:
    evs = [m for m in events(pipe, text) if m.event_type in ("AID", "SUPPORT")]
    assert evs and who in said(evs[0].recipient)


@pytest.mark.parametrize(("text", "who"), [
    ("The ministers approved a package for helping Jordan.", "Jordan"),
    ("The council backed a proposal for punishing Iran.", "Iran"),
])
def test_a_plan_for_doing_something_to_a_party_names_it(pipe: Pipeline, text: str, who: str) -> None:
    evs = [m for m in events(pipe, text) if m.event_type == "SUPPORT"]
    assert evs and who in said(evs[0].recipient), [(m.event_type, said(m.recipient)) for m in evs]


def test_a_gerund_in_a_plan_is_done_by_who_proposed_it(pipe: Pipeline) -> None:
    text = "The bank proposed a $2 billion plan for rebuilding Haiti and supporting its farmers."
    m = of_trigger(events(pipe, text), "supporting")
    assert "bank" in said(m.actor)


@pytest.mark.parametrize(("text", "who"), [
    ("The president threatened to use force against the rebels.", "rebels"),
    ("Ruritania warned it would use military force against Elbonia.", "Elbonia"),
])
def test_force_used_against_a_party_is_no_recipient(pipe: Pipeline, text: str, who: str) -> None:
    evs = [m for m in events(pipe, text) if m.event_type == "THREATEN"]
    assert evs and said(evs[0].recipient) == who


def test_a_role_noun_with_no_one_named_before_is_the_actor(pipe: Pipeline) -> None:
    evs = [m for m in events(pipe, "The president threatened to use force against the rebels.")
           if m.event_type == "THREATEN"]
    assert evs and said(evs[0].actor) == "president"
    text = "President Lina Moro spoke on Monday. The president threatened to use force against the rebels."
    evs = [m for m in events(pipe, text) if m.event_type == "THREATEN"]
    assert evs and said(evs[0].actor) == "Lina Moro"


def test_the_target_of_a_measure_goes_before_its_label(pipe: Pipeline) -> None:
    text = "Lawmakers want to impose Magnitsky sanctions and other measures against Elbonia."
    evs = [m for m in events(pipe, text) if m.event_type == "SANCTION"]
    assert evs and said(evs[0].recipient) == "Elbonia"


def test_an_agreement_with_a_party_on_a_topic_stays_the_partys(pipe: Pipeline) -> None:
    text = "The nurses' union said it had reached an agreement with Bellmont Clinics on pay for the new staff."
    evs = [m for m in events(pipe, text) if m.event_type == "AGREE"]
    assert evs and "Bellmont" in said(evs[0].recipient), [said(m.recipient) for m in evs]
