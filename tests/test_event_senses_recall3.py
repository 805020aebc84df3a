"""Issue 10, round 8 (h/recall3): three kinds of event decision fixed from the clause structure, each checked
on sentences written for this file (styles the project had not used: defence-trade copy, farm-show and
school copy, naval drills, insurgent claims), with the happenings they must not touch beside them.

- a display watched by a spectator is not a protest: one event noun ("a demonstration") that is the object
  of a perception verb and names no parties of its own (`triggers._spectacle`);
- a strike on a practice target is a weapons test, not an attack: "a target ship", "a mock target", "a hulk
  used as a target" (`triggers._practice_target`);
- a claim of responsibility is an admission of the claimant's own act: the act is the event, by the
  claimant, and no accusation is coded or proposed on the claiming verb (`triggers._claimant`).
"""

from __future__ import annotations

import pytest

from tests.participant_fixtures import events, said
from wirewatch.pipeline import Pipeline


def _types(pipe: Pipeline, text: str) -> list[str]:
    return [m.event_type for m in events(pipe, text)]


@pytest.mark.parametrize("text", [
    "The defence minister watched a demonstration of the new howitzer at the proving ground on Tuesday.",
    "Farm ministers from six countries watched a demonstration in which a drone sprayed a wheat field.",
    "Members of the trade delegation observed a demonstration of the robotic welding line.",
])
def test_a_watched_demonstration_is_a_display_not_a_protest(pipe: Pipeline, text: str) -> None:
    assert "PROTEST" not in _types(pipe, text)


@pytest.mark.parametrize("text", [
    "Journalists watched a demonstration by nurses outside the regional hospital on Monday.",
    "Thousands of teachers staged a demonstration outside the education ministry on Monday.",
])
def test_a_demonstration_with_its_parties_stays_a_protest(pipe: Pipeline, text: str) -> None:
    assert "PROTEST" in _types(pipe, text)


def test_what_was_going_on_when_watched_stays() -> None:
    # "observed intense fighting": not one performance (no "a/an"), a report that fighting went on
    from wirewatch.extract.nlp import get_nlp
    from wirewatch.extract.ontology import load_ontology
    from wirewatch.extract.triggers import find_triggers

    sent = next(iter(get_nlp()("Ceasefire monitors observed intense fighting near Dorvik on Sunday.").sents))
    assert [t.type for t in find_triggers(sent, load_ontology()) if not t.suppressed] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "During the exercise, two frigates sank a target ship with anti-ship missiles, the navy said.",
    "The new rocket hit a floating target off the coast after a flight of 200 kilometres.",
    "An artillery battery destroyed a mock target on the range, the army said in a statement.",
    "The missiles struck a decommissioned tanker used as a target during the drill, state media said.",
])
def test_a_strike_on_a_practice_target_is_a_test_not_an_attack(pipe: Pipeline, text: str) -> None:
    assert not {"ASSAULT", "COERCE"} & set(_types(pipe, text))


@pytest.mark.parametrize("text", [
    "Government jets struck rebel targets near the border town of Askel overnight.",
    "Rebel fighters attacked the army barracks in Askel on Sunday.",
])
def test_a_strike_on_someones_targets_stays_an_attack(pipe: Pipeline, text: str) -> None:
    assert "ASSAULT" in _types(pipe, text)


def test_a_claim_of_responsibility_codes_the_claimants_act(pipe: Pipeline) -> None:
    text = ("Gunmen ambushed an army convoy on the Harlo road on Saturday, killing three soldiers. "
            "The Northern Liberation Front claimed responsibility for the attack in a statement on Sunday.")
    evs = [m for m in events(pipe, text) if "responsibility" in m.sentence]
    assert [m.event_type for m in evs] == ["ASSAULT"]  # the attack, not an accusation
    assert "Northern Liberation Front" in said(evs[0].actor)
    assert evs[0].modality == "claimed"


def test_nobody_claiming_responsibility_is_no_accusation(pipe: Pipeline) -> None:
    text = ("A car bomb exploded outside a police station in Harlo on Saturday. "
            "No group has claimed responsibility for the bombing.")
    assert "ACCUSE" not in _types(pipe, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("The spokesman dismissed the study's conclusions as politically motivated.", "REJECT"),
    ("The appeals court dismissed a challenge to the election results on Thursday.", "REJECT"),
    ("The junta leader dismissed his defence minister on Friday.", "PERSONNEL"),
])
def test_one_dismisses_officials_or_arguments(text: str, kind: str) -> None:
    # ontology `object_senses` with `as:`: an idea, a finding or a challenge dismissed is a rejection
    from wirewatch.extract.nlp import get_nlp
    from wirewatch.extract.ontology import load_ontology
    from wirewatch.extract.triggers import find_triggers

    sent = next(iter(get_nlp()(text).sents))
    assert [t.type for t in find_triggers(sent, load_ontology()) if t.tok.lower_ == "dismissed"] == [kind]
