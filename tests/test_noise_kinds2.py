"""More statements that report no event (issue 10, extract/noise.py): an aim or a priority, the ease of an
act, a text or a made thing as the subject of an act that needs an agent; and the display rule of
triggers._spectacle, which only display nouns pass. Each kind is tried in styles the project had not used
(radio bulletin, press release, court report, translated statement, blog), with the near-misses that stay
events. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.participant_fixtures import no_event_kind, typed_triggers
from wirewatch.extract.nlp import get_nlp

# The module's pipeline and spaCy model are conftest's `pipe` and `nlp` fixtures.
kind = no_event_kind
types = typed_triggers


# ------------------------------------------------------------------ aims and priorities
@pytest.mark.parametrize("text,word", [
    ("The ministry is prioritizing the modernization of its coastal artillery, a spokeswoman told the radio "
     "bulletin.", "prioritizing"),
    ("The new partnership aims to strengthen readiness along the frontier, the press release said.", "aims"),
    ("Our government intends to reassess its options, the translated statement read.", "intends"),
])
def test_an_aim_that_is_no_act_is_no_event(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word) == "aspiration"


@pytest.mark.parametrize("text,word", [
    ("The agency is aiming to send the island 40 tonnes of rice by June.", "aiming"),  # a planned act
    ("Protesters who aim to block the highway gathered at dawn.", "aim"),
    ("We hope the council accepts our demands, the union's leader wrote on his blog.", "hope"),  # a wish on others
])
def test_an_aim_at_an_act_is_left_to_the_model(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word) != "aspiration"


# ------------------------------------------------------------------ the ease of an act
@pytest.mark.parametrize("text,word", [
    ("Analysts say the new tariffs make a compromise harder to reach.", "reach"),
    ("Such drones would be difficult to counter, the blog post argued.", "counter"),
    ("It was impossible to verify the claim independently, the court was told.", "verify"),
])
def test_the_ease_of_an_act_is_no_event(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word) == "ease"


def test_an_act_reached_stays(pipe) -> None:  # type: ignore[no-untyped-def]
    assert "AGREE" in [t for t, _ in types(pipe, "The two unions reached a compromise with the railway "
                                                 "operator on Tuesday, the radio bulletin said.")]
    assert kind(get_nlp(), "They were ready to reach a compromise.", "reach") != "ease"


# ------------------------------------------------------------------ no agent
@pytest.mark.parametrize("text,word,etype", [
    ("The 1994 charter guarantees the support of every member state.", "guarantees", "AGREE"),
    ("He said the defence treaty signed by the two states last year provided for mutual assistance.", "provided",
     "AID"),
])
def test_a_text_is_no_party_to_a_cooperative_act(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word, etype) == "no agent"


@pytest.mark.parametrize("text,word,etype", [
    ("The ministry agreed to the terms on Monday.", "agreed", "AGREE"),  # a body acts
    ("The statement accused the army of looting.", "accused", "ACCUSE"),  # a text speaks for its issuer
    ("The proposal received support from several lawmakers.", "received", "SUPPORT"),  # its agents named
    ("A Philippine warship harassed two fishing boats.", "harassed", "THREATEN"),  # a vessel for its crew
    ("The factory manufactured 300 drones last year.", "manufactured", "PRODUCE"),  # a maker with its object
])
def test_a_party_or_a_speaking_text_acts(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert kind(nlp, text, word, etype) is None


@pytest.mark.parametrize("text,word,etype", [
    ("A spokesman noted that the shells supplied thus far this month were destined for the front.", "supplied",
     "AID"),
    ("Officials said the launchers manufactured last year are intended for deployment to the border.",
     "manufactured", "PRODUCE"),
])
def test_a_made_thing_is_not_its_own_maker(nlp, text: str, word: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    # the parser reads the participle as the clause's verb with the thing as its subject
    assert kind(nlp, text, word, etype) == "no agent"


# ------------------------------------------------------------------ what was watched
def test_a_massacre_witnessed_is_a_happening(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "Two shepherds witnessed a massacre near the well on Sunday, the court report said.")
    assert "ASSAULT" in [t for t, _ in found]


def test_a_drill_watched_is_a_display(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "The defence minister observed a drill at the naval base on Thursday.")
    assert "MOBILIZE" not in [t for t, _ in found] or all(w != "drill" for _, w in found)


# ------------------------------------------------------------------ agreeing with a position
@pytest.mark.parametrize("text", [
    '"I agree with the strikes," the senator told the radio programme.',
    "The bar association said it agreed with the appeals court's ruling on the detentions.",
])
def test_agreeing_with_an_act_or_a_ruling_is_support(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [t for t, w in types(pipe, text) if w.lower().startswith("agree")]
    assert found == ["SUPPORT"], types(pipe, text)


@pytest.mark.parametrize("text", [
    "Kavonia agreed with Merlund on a prisoner exchange, the foreign ministry said in a statement.",
    "The union agreed with the rail operator to end the strike on Friday.",
])
def test_agreeing_with_a_party_on_terms_is_an_agreement(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "SUPPORT" not in [t for t, w in types(pipe, text) if w.lower().startswith("agree")]


# ------------------------------------------------------------------ offices are public ones
def test_a_team_firing_its_coach_is_no_change_of_office(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "The club fired its coach after a run of defeats, the team said on Sunday.")
    assert "PERSONNEL" not in [t for t, _ in found]


def test_a_president_firing_his_army_chief_is_one(pipe) -> None:  # type: ignore[no-untyped-def]
    found = types(pipe, "The president fired the army chief on Monday, state radio said.")
    assert "PERSONNEL" in [t for t, _ in found]
