"""Word senses and non-happenings the trigger rules and the proposal anchor must not code as events
(issue 10, round 2 error kinds): attribution verbs, light/aspectual verbs, abstract objects of give/offer,
product copy, generic statements, figures of speech. Sentences written for this test."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from wirewatch.extract.detector import _anchor, decide_article, load_detector
from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers


@lru_cache(maxsize=1)
def _nlp() -> Any:
    from wirewatch.extract.nlp import get_nlp

    return get_nlp()


def _sent(text: str) -> Any:
    return next(iter(_nlp()(text).sents))


def _live(text: str) -> list[tuple[str, str]]:
    return [(t.tok.lower_, t.type) for t in find_triggers(_sent(text), load_ontology()) if not t.suppressed]


@pytest.mark.parametrize("text", [
    "The two ministries gave conflicting counts of the prisoners released.",
    "Officials in Lagos offered a lower tally of the dead on Sunday.",
    "The new tablet offers two USB ports and a brighter screen.",
    "The board supports up to 32GB of memory.",
])
def test_abstract_or_product_objects_are_not_aid_agree_support(text: str) -> None:
    assert not [ty for _, ty in _live(text) if ty in ("AID", "AGREE", "SUPPORT")]


@pytest.mark.parametrize("text, kind", [
    ("The government offered talks to the rebels on Monday.", "AGREE"),
    ("Berlin offered a ceasefire deal to both sides.", "AGREE"),
    ("Norway gave dozens of missiles to Ukraine last year.", "AID"),
    ("The senator supports the peace plan.", "SUPPORT"),
])
def test_the_event_senses_stay(text: str, kind: str) -> None:
    assert kind in [ty for _, ty in _live(text)]


@pytest.mark.parametrize("text", [
    "Armed robberies are seldom committed by teenagers.",
    "Rebels usually attack convoys at night.",
    "The striker was too exhausted to fight for the ball.",
])
def test_generic_statements_and_figures_of_speech_are_not_events(text: str) -> None:
    assert _live(text) == []
    assert _anchor(_sent(text)) is None  # and nothing is proposed on them


def test_a_past_happening_with_a_frequency_word_elsewhere_stays() -> None:
    assert ("attacked", "ASSAULT") in _live("Rebels attacked the convoy on Monday, as they often do.")


def test_proposals_hang_on_the_reported_act_not_on_the_verb_of_saying() -> None:
    assert _anchor(_sent("Troops shelled the village overnight, the agency said.")).lemma_ == "shell"
    assert _anchor(_sent("The lawyer tried to reach the court before noon.")).lemma_ == "reach"
    assert _anchor(_sent("The minister accused the army of lying.")).lemma_ == "accuse"


@pytest.mark.slow
def test_trailing_agency_is_never_the_actor_of_a_proposal() -> None:
    det = load_detector()
    if det is None:
        pytest.skip("no shipped model")
    doc = _nlp()("Hundreds of farmers blocked the highway into the capital for a third day, Reuters said.")
    for ds in decide_article(list(doc.sents), load_ontology(), det):
        assert all(d.trigger.tok.lemma_ != "say" for d in ds)
