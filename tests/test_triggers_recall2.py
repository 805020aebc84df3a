"""Event candidates (h/recall2, issue 10): a story's lead is no re-mention, a participle with its own agent
reports an act, "blew up" with nothing blown up is an explosion, and the trigger words grown from WordNet
(trigger_expansion.py, kept by grouped CV on the training rows) load beside the hand lexicon. The sentences
are written for these tests, in styles the project's fixtures do not use: local crime, court, wire copy,
business."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.extract import trigger_expansion as te
from wirewatch.extract.ontology import LEARNED_PATH, add_learned, learned_entries, load_ontology
from wirewatch.extract.triggers import find_triggers


def live(nlp, text: str, ontology=None, sentence: int = -1) -> list[tuple[str, str]]:
    onto = ontology or load_ontology()
    sents = list(nlp(text).sents)
    return [(t.tok.text, t.type) for t in find_triggers(sents[sentence], onto) if not t.suppressed]


# --- the lead sentence refers back to nothing -------------------------------------------------------------
def test_a_definite_victim_in_a_storys_lead_is_an_event(nlp) -> None:
    assert ("stabbed", "ASSAULT") in live(nlp, "The night manager of a Fresno motel was stabbed during a "
                                               "robbery early on Saturday, deputies said.")


def test_a_definite_patient_later_in_the_story_is_still_a_re_mention(nlp) -> None:
    text = ("Border guards seized a truck carrying 40 rifles near Tiraspol on Friday. "
            "The rifles were seized at a checkpoint on the main road.")
    assert ("seized", "COERCE") not in live(nlp, text)


# --- reduced relatives with an agent ----------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger, etype", [
    ("Neighbours held a vigil on Sunday for a delivery driver shot by a carjacker in Camden.", "shot", "ASSAULT"),
    ("The court heard evidence about a shipment of rifles supplied by a Belgrade broker.", "supplied", "AID"),
])
def test_a_participle_with_its_own_agent_is_a_candidate(nlp, text: str, trigger: str, etype: str) -> None:
    # held back like a relative clause: the detector keeps it at its type's own threshold
    sent = next(iter(nlp(text).sents))
    assert [(t.tok.text, t.type) for t in find_triggers(sent, load_ontology()) if t.relative] == [(trigger, etype)]


def test_a_participle_without_an_agent_still_describes(nlp) -> None:
    # "newly deployed", "earmarked for deployment": descriptions of a thing, no act told
    assert not [t for t in live(nlp, "The company sells a camera system designed for deployed forces.")
                if t[1] == "MOBILIZE"]


# --- "blew up": demolition or explosion ---------------------------------------------------------------------
@pytest.mark.parametrize("text, etype", [
    ("A gas canister bomb blew up outside a bank in Quetta on Monday.", "ASSAULT"),
    ("Insurgents blew up a railway culvert south of the town.", "COERCE"),
    ("The pipeline was blown up overnight, the operator said.", "COERCE"),
])
def test_blew_up_is_an_explosion_only_with_nothing_blown_up(nlp, text: str, etype: str) -> None:
    assert ("blew" if "blew" in text else "blown", etype) in live(nlp, text, sentence=0)


def test_a_deal_that_blew_up_is_no_event(nlp) -> None:
    # business copy: an intransitive "blew up" whose subject is no physical thing is a figure of speech
    assert live(nlp, "The merger talks between the two grocers blew up on Friday over the price.") == []


# --- the learned trigger words ---------------------------------------------------------------------------
def test_the_learned_words_load_at_the_lowest_priority() -> None:
    entries = learned_entries()
    assert LEARNED_PATH.exists(), "data/triggers_learned.yaml ships (its header holds the CV figures)"
    onto = load_ontology()
    hand = load_ontology(learned=False)
    for etype, trig in entries:
        head = trig.split()[0]
        assert any(s.learned and s.type == etype for s in onto.verbs[head])
        # a hand-written trigger on the same word is listed first and wins ties (order)
        hand_orders = [s.order for s in hand.verbs.get(head, [])]
        assert all(s.order > max(hand_orders, default=0) for s in onto.verbs[head] if s.learned)


def test_a_user_ontology_can_switch_the_learned_words_off(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("learned_triggers: false\n")
    assert not any(s.learned for specs in load_ontology(str(f)).verbs.values() for s in specs)


def test_a_learned_word_is_a_candidate_and_a_hand_word_wins_its_tie(nlp) -> None:
    # (the word was "apprehend" until h/recall10 put it in the hand lexicon; "handcuff" is not there)
    onto = add_learned(load_ontology(learned=False), [("COERCE", "handcuff"), ("ASSAULT", "detain"),
                                                       ("NOSUCHTYPE", "grumble")])
    text = "Transit officers handcuffed the suspect on the platform, the prosecutor told jurors."
    sent = next(iter(nlp(text).sents))
    (trig,) = [t for t in find_triggers(sent, onto) if t.tok.text == "handcuffed"]
    assert (trig.type, trig.spec.learned, trig.suppressed) == ("COERCE", True, False)
    sent = next(iter(nlp("Deputies detained two men outside the casino in Reno.").sents))
    (trig,) = [t for t in find_triggers(sent, onto) if t.tok.text == "detained"]
    assert (trig.type, trig.spec.learned) == ("COERCE", False)  # the hand lexicon's entry
    assert "grumble" not in onto.verbs  # a type the ontology lacks gets nothing


@pytest.mark.parametrize("word, trigger", [
    ("punch", "punch"), ("blow_up", "blow up"), ("get_rid_of", "get rid"), ("take_into_custody", "take custody"),
    ("pull_in_one's_horns", None), ("set_up_shop", "set shop"), ("make_full_use", None),
])
def test_wordnet_words_become_lexicon_triggers(word: str, trigger: str | None) -> None:
    assert te.trigger_of(word) == trigger


def _evidence(rows: list[tuple[str, str, set[int]]]) -> te.Evidence:
    return te.Evidence([r[0] for r in rows], [1.0] * len(rows), [r[1] for r in rows], [set() for _ in rows],
                       [r[2] for r in rows])


def test_the_cv_keeps_a_word_its_folds_support_and_drops_one_business_copy_contradicts() -> None:
    # candidate 0 fires ASSAULT on ASSAULT quotes; candidate 1 fires ASSAULT on product copy (NONE rows)
    cands = [te.Candidate("pummel", "ASSAULT", [te.Path_("beat", 1, True, 1)]),
             te.Candidate("bundle", "ASSAULT", [te.Path_("beat", 1, True, 1)])]
    rows = []
    for g in range(10):
        rows += [("ASSAULT", f"news{g}", {0}), ("ASSAULT", f"news{g}", set()), ("NONE", f"shop{g}", {1}),
                 ("NONE", f"shop{g}", set())]
    ev = _evidence(rows)
    res = te.cross_validate(ev, cands, k=5, log=lambda m: None)
    assert res["accepted"] == {0}
    assert res["cv_new"][2] > res["cv_base"][2]
    assert res["dev_new"][1] > res["dev_base"][1]
