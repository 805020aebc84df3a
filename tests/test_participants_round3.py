"""Issue 11, round 3: clause-structure rules, each in wordings written for this file (none from an eval set).

- a refusal of a word ("rejected the request") answers whoever asked it of the refuser;
- a verb of saying takes no named object: "said Cairo ... imposed" makes Cairo the one imposing;
- "issued a series of statements demanding": the issuer demands;
- a passive's "by X" hung on its "with" phrase still acts;
- a he/she never stands for a predicate description ("He is a violent man");
- two bodies joined by "and" are two actors.
"""

from __future__ import annotations

import pytest

from tests.participant_fixtures import mention, names
from wirewatch.pipeline import Pipeline


def test_a_refused_request_names_who_asked(pipe: Pipeline) -> None:
    m = mention(pipe, "The fishermen's union asked the port authority to delay the new fees. The port authority "
                      "rejected the request on Friday.", "rejected")
    assert names(m.actor) == ["port authority"] and names(m.recipient) == ["fishermen's union"]


def test_a_refusal_is_not_of_a_request_made_to_someone_else(pipe: Pipeline) -> None:
    m = mention(pipe, "The fishermen's union asked the mayor to delay the new fees. The port authority rejected the "
                      "request on Friday.", "rejected")
    assert "fishermen's union" not in names(m.recipient)


def test_a_saying_verb_object_is_the_content_subject(pipe: Pipeline) -> None:
    m = mention(pipe, "A Western diplomat said Cairo in recent months imposed strict limits on foreign charities.",
                "imposed")
    assert names(m.actor) == ["Egypt"]


def test_the_issuer_of_statements_demands(pipe: Pipeline) -> None:
    m = mention(pipe, "The rebels issued a series of statements demanding that the government release their "
                      "commander.", "demanding")
    assert names(m.actor) == ["rebels"] and names(m.recipient) == ["government"]


def test_a_passive_agent_on_the_with_phrase(pipe: Pipeline) -> None:
    m = mention(pipe, "Several small states have been threatened with trade penalties by Beijing for hosting the "
                      "dissident.", "threatened")
    assert names(m.actor) == ["China"] and "states" in " ".join(names(m.recipient))


def test_a_pronoun_is_not_a_predicate_description(pipe: Pipeline) -> None:
    m = mention(pipe, '"He is a violent man," prosecutor Ann Bell told the court. "He stabbed Officer Ray Dunn '
                      'three times," Bell said.', "stabbed")
    assert m.actor == [] and names(m.recipient) == ["Ray Dunn"]


def test_two_bodies_joined_by_and_are_two_actors(pipe: Pipeline) -> None:
    m = mention(pipe, "The farmers' cooperative and the dairy federation signed a supply agreement on Monday.",
                "signed")
    assert names(m.actor) == ["farmers' cooperative", "dairy federation"]


def test_helicopters_and_tanks_stay_one_side(pipe: Pipeline) -> None:
    m = mention(pipe, "Israeli helicopters and tanks attacked the camp on Tuesday.", "attacked")
    assert len(m.actor) == 1


def test_a_subject_misread_as_possessor_of_the_verb(pipe: Pipeline) -> None:
    # the small model roots "The county's deputy shot and injured ..." on a noun "shot"
    m = mention(pipe, "The county's deputy shot and injured a driver who rammed a patrol car.", "injured")
    assert names(m.actor) == ["deputy"] and names(m.recipient) == ["driver"]


def test_a_named_body_is_no_report_noun(pipe: Pipeline) -> None:
    text = ("The army said its gunners had fired at a rocket crew near the camp. The United Nations agency for "
            "refugees condemned the shelling on Wednesday.")
    m = mention(pipe, text, "condemned")
    assert names(m.actor) == ["United Nations"]


def test_the_gunman_in_an_attempt_did_it(pipe: Pipeline) -> None:
    m = mention(pipe, "In 1994, Ruiz was the gunman in a failed attempt to kill a union boss, according to court "
                      "files.", "kill")
    assert names(m.actor) == ["Ruiz"] and names(m.recipient) == ["union boss"]


@pytest.mark.parametrize(("text", "trigger", "who"), [
    ("Police arrested the opposition leader Ana Soto on Monday. Rights groups condemned the move.", "condemned",
     "Police"),
    ("The government expelled two foreign reporters on Friday. The press union denounced the expulsion.",
     "denounced", "government"),
])
def test_censuring_a_deed_told_before_accuses_its_doer(pipe: Pipeline, text: str, trigger: str, who: str) -> None:
    assert names(mention(pipe, text, trigger).recipient) == [who]


def test_censuring_a_killing_accuses_no_victim(pipe: Pipeline) -> None:
    m = mention(pipe, "Amnesty Global condemned the killing of four protesters in Dorval on Friday.", "condemned")
    assert m.recipient == []
