"""Issue 10, round 9 (h/multi): sentences that hold two events of different types, and ones that tell one
event twice. Sentences written for this file in styles the project had not used (harbour and shipyard
labour news, parish and sheriff's-office bulletins, league and union disputes, tribunal reports).

The clause rules of the decision (`detector.clause_probability`, `clause_proposals`, `_place`,
`Detector.one_type_per_word`) were measured by 2-fold document-grouped CV on voa_dev (eval/clause_cv.py) and
ship off: none beat the sentence-level decision on the held-out half (eval/README_detector.md, round 9).
These tests pin what the shipped decision does with two-event sentences, and what each rule does when on, so
that switching one on (a user's model, a later round) cannot double-type a word or tell one event twice.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

from tests.participant_fixtures import events
from wirewatch.extract.detector import Decision, Detector, clause_probability, decide_article, load_detector
from wirewatch.extract.nlp import get_nlp
from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers
from wirewatch.pipeline import Pipeline

DET = load_detector()
pytestmark = pytest.mark.skipif(DET is None, reason="no shipped event detector model")


def _decide(text: str, det: Detector | None = None) -> list[Decision]:
    sents = list(get_nlp()(text).sents)
    return [d for ds in decide_article(sents, load_ontology(), det or DET) for d in ds]


def _all_on() -> Detector:
    assert DET is not None
    return dataclasses.replace(DET, clause_keep=True, clause_margin=0.0, clause_root=True, place_by_clause=True,
                               one_type_per_word=True)


TWO_EVENTS = [
    ("The sultan's envoy praised the mediators, and the rebels released eleven hostages at the crossing.",
     {"SUPPORT", "RETREAT"}),
    ("The county sheriff welcomed the new patrol cars, and deputies arrested two poachers the same evening.",
     {"SUPPORT", "COERCE"}),
    ("The cardinal visited the flooded parishes, and his aides accused the ministry of abandoning them.",
     {"CONSULT", "ACCUSE"}),
    ("Farmers blocked the highway with tractors, and the minister agreed to meet their leaders.",
     {"PROTEST", "AGREE"}),
    ("Customs officers seized a shipment of rifles at the quay, and the importer was charged with smuggling.",
     {"COERCE", "ACCUSE"}),
    ("After the council expelled two opposition members, hundreds of residents marched on the town hall.",
     {"SANCTION", "PROTEST"}),
    ("The ministry froze the assets of three exporters and banned them from public tenders.",
     {"SANCTION", "COERCE"}),
]


@pytest.mark.parametrize(("text", "types"), TWO_EVENTS)
def test_two_events_of_different_types_are_both_found(pipe: Pipeline, text: str, types: set[str]) -> None:
    found = {m.event_type for m in events(pipe, text)}
    assert types <= found, found


@pytest.mark.parametrize(("text", "types"), TWO_EVENTS)
def test_the_clause_rules_keep_both_events(text: str, types: set[str]) -> None:
    assert types <= {d.trigger.type for d in _decide(text, _all_on())}


@pytest.mark.parametrize(("text", "etype"), [
    ("Militants stormed the checkpoint, killing two guards.", "ASSAULT"),
    ("Police arrested the activist at the airport, detaining her for six hours.", "COERCE"),
    ("The two delegations met in Geneva on Monday, holding talks that ran late into the night.", "CONSULT"),
])
def test_one_event_told_twice_is_one_type_once(text: str, etype: str) -> None:
    for det in (DET, _all_on()):
        got = [d.trigger.type for d in _decide(text, det)]
        assert got.count(etype) == 1, got


@pytest.mark.parametrize("text", [
    '"If they cross the river again, then we will retaliate," the colonel told the villagers.',
    "The minister said that if the blockade continues, then we will retaliate with tariffs of our own.",
    "Russia has not agreed to the ceasefire, but the envoys arrived in Riyadh for talks.",
    "The harbour master met the trawler owners on Monday, and the port authority later signed a lease.",
])
def test_no_word_gets_two_types_with_the_clause_rules(text: str) -> None:
    toks = [d.trigger.tok.i for d in _decide(text, _all_on())]
    assert len(toks) == len(set(toks)), [(d.trigger.tok.text, d.trigger.type) for d in _decide(text, _all_on())]


def test_the_retaliation_is_a_threat_not_also_an_attack() -> None:
    got = [(d.trigger.tok.text, d.trigger.type) for d in _decide(
        '"If they cross the river again, then we will retaliate," the colonel told the villagers.')]
    assert got == [("retaliate", "THREATEN")], got


def test_a_second_clause_reads_as_its_own_act() -> None:
    """The sentence's probabilities are its main act's; the arrest's own clause holds COERCE far higher."""
    assert DET is not None
    sent = next(get_nlp()("The county sheriff welcomed the new patrol cars, and deputies arrested two poachers "
                          "the same evening.").sents)
    trigs = find_triggers(sent, load_ontology())
    arrest = next(t for t in trigs if t.tok.lower_ == "arrested")
    on = dataclasses.replace(DET, clause_keep=True)
    whole = on.probabilities(sent.text, [])["COERCE"]
    own = clause_probability(sent, arrest, trigs, on)
    assert own is not None and own > whole
    welcome = next(t for t in trigs if t.tok.lower_ == "welcomed")
    assert clause_probability(sent, welcome, trigs, on) is None  # the main clause: the sentence's figure
    assert clause_probability(sent, arrest, trigs, DET) is None  # off in the shipped decision


def test_the_shipped_decision_has_the_clause_rules_off() -> None:
    assert DET is not None
    assert (DET.clause_keep, DET.clause_margin, DET.clause_root, DET.place_by_clause, DET.one_type_per_word) == (
        False, None, False, False, False)


def test_clause_cv_deals_reports_alternately_and_cuts_the_gold(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    import clause_cv

    ev = tmp_path / "eval"
    ev.mkdir()
    ids = ["a1", "a2", "a3", "a4"]
    (ev / "voa_dev_articles.jsonl").write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in ids))
    gold = {"articles": [{"id": i} for i in ids], "entities": [],
            "events": [{"id": f"{i}-e", "article": i} for i in ids],
            "fusion": [["a1-e", "a2-e"], ["a1-e", "a3-e"]], "conflicts": [{"events": ["a1-e", "a3-e"]}]}
    (ev / "voa_dev_gold.json").write_text(json.dumps(gold))
    hv = clause_cv.halves(tmp_path, tmp_path)
    a = json.loads(hv["A"][1].read_text())
    b = json.loads(hv["B"][1].read_text())
    assert [x["id"] for x in a["articles"]] == ["a1", "a3"] and [x["id"] for x in b["articles"]] == ["a2", "a4"]
    assert a["fusion"] == [["a1-e", "a3-e"]] and b["fusion"] == []
    assert len(a["conflicts"]) == 1 and b["conflicts"] == []
    assert hv["B"][0].read_text().count("\n") == 2
