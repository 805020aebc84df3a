"""Issue 11, round 5 (recipients): two error kinds a blind judge found on unseen reports, fixed from the
clause structure and checked on sentences written for this file (invented names and places only).

- disjoint reference: a plain he/she/him/her never means another core argument of its own verb. "He
  stabbed Cole" - he is not Cole (the victim was taken for the actor and the recipient then dropped);
  "Dunn pulled a knife and stabbed her" - her is not Dunn (the recipient was dropped as the actor);
- what was fired at is an attack's target even when it is a thing: "fired on the tanker", "opened fire
  at a bus", "shot at a car", and the noun a stranded "at/on" points back to ("the car the soldiers shot at").
- a blast told in a "when/as" clause harmed the subject of the passive harm verb it explains: "Two
  fishermen were wounded when a mine exploded" (the explosion had no recipient);
- a passive coordinated after an active verb acts on their shared subject: "left the bar and was stabbed".
"""

from __future__ import annotations

import pytest

from tests.participant_fixtures import events, of_trigger, said
from wirewatch.pipeline import Pipeline


def test_a_subject_pronoun_is_not_the_named_object_of_its_verb(pipe: Pipeline) -> None:
    text = ("Martin Cole, a night guard, was found dead on Sunday. Police said he had argued with a visitor. "
            "He stabbed Cole, a father of two, and fled with his wallet.")
    m = of_trigger(events(pipe, text), "stabbed")
    assert "Cole" in said(m.recipient)
    assert "Cole" not in said(m.actor)


def test_an_object_pronoun_is_not_the_subject_of_its_verb(pipe: Pipeline) -> None:
    text = "Lisa Hart told police that Carl Dunn pulled out a knife and stabbed her in the arm."
    m = of_trigger(events(pipe, text), "stabbed")
    assert said(m.actor) == "Carl Dunn"
    assert said(m.recipient) == "Lisa Hart"


def test_an_object_pronoun_with_no_other_antecedent_stays_unnamed(pipe: Pipeline) -> None:
    m = of_trigger(events(pipe, "Police said Carl Dunn pulled out a knife and stabbed her in the arm."),
                   "stabbed")
    assert said(m.actor) == "Carl Dunn" and not m.recipient


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("The navy said the patrol boat fired on the tanker near the strait.", "fired", "tanker"),
    ("Rebels fired on a convoy outside Tarsk on Monday.", "fired", "convoy"),
    ("Gunmen opened fire on a bus near Tarsk.", "opened", "bus"),
    ("Troops shot at a car that failed to stop.", "shot", "car"),
    ("Police said the car the soldiers shot at was carrying four children.", "shot", "car"),
    ("Witnesses said the protesters the police fired on were unarmed.", "fired", "protesters"),
])
def test_what_was_fired_at_is_the_target(pipe: Pipeline, text: str, trigger: str, target: str) -> None:
    m = of_trigger(events(pipe, text), trigger)
    assert said(m.recipient) == target


def test_a_day_fired_on_is_no_target(pipe: Pipeline) -> None:
    for m in events(pipe, "Militia fighters fired on Monday from the hills above Tarsk."):
        assert "Monday" not in said(m.recipient)


@pytest.mark.parametrize(("text", "victim"), [
    ("Two fishermen were wounded when a mine exploded near the harbour.", "fishermen"),
    ("Pablo Ruiz, a driver, was killed when a device exploded under his van.", "Pablo Ruiz"),
])
def test_a_blast_told_in_a_when_clause_harmed_the_main_clause_subject(pipe: Pipeline, text: str,
                                                                      victim: str) -> None:
    m = of_trigger(events(pipe, text), "exploded")
    assert victim in said(m.recipient)


def test_a_when_clause_aimed_at_something_keeps_its_own_target(pipe: Pipeline) -> None:
    m = of_trigger(events(pipe, "Two guards were wounded when rebels fired on the convoy."), "fired")
    assert said(m.recipient) == "convoy"


@pytest.mark.parametrize(("text", "trigger", "who"), [
    ("After police sealed the road, Ana Ruiz tried to walk past the barrier and was arrested.", "arrested",
     "Ana Ruiz"),
    ("Omar Pike left the bar at midnight and was stabbed outside.", "stabbed", "Omar Pike"),
])
def test_a_coordinated_passive_acts_on_the_shared_subject(pipe: Pipeline, text: str, trigger: str,
                                                         who: str) -> None:
    m = of_trigger(events(pipe, text), trigger)
    assert said(m.recipient) == who and who not in said(m.actor)
