"""Issue 11, h/args11: participants of reports in four styles (US local crime, court reports, Middle East wire
copy, business deals) in `fixtures/args11_participants_reports.json`, each expectation tagged with the kind
of construction it tests (possessive nominalisation, passive by-agent, coordination, pronoun, title+surname,
appositive, reported speech, instrument).

`unseen`: 18 reports (24 expectations) written before any code was run on them. First run, on main as it
stood (e3eaf2e): found 17/24 (the seven misses are detection, issue 10: 'murdering' and 'killing' after a
conviction, 'buy' after 'agreed to', 'was acquired by', 'the seizure of', 'would strike', 'the conviction
of'), actor right 17/17, recipient right 16/17 ("fined the software maker Tessaro 95 million euros": the
tagger reads Tessaro as a verb; left alone). `rule`: one report per rule this branch added, each a kind of
construction the parser gets wrong in a way a general rule can undo (a town heading a "City, State-based
Name" object; a description and its name read as two objects; a possessive and a hyphenated kin noun read as
objects of their own; a pronoun after a sentence naming two people; a verb read as a noun in front of a
saying clause; "X said it had been fined": the pronoun, a party; "will respond to any attack": who answers a
deed is its target; "the 22-year-old": the person named with that age; "a package for rebuilding
roads and helping Lebanon": the party of the second gerund; "her son's arrest": the one Ortega named, when
exactly one fits; "agreed to be bought by X": X; "rejected Marlow Homes'
proposal": Marlow Homes, not the proposal; "The Turkish military carried out
strikes": the military, though "military parade" is a trigger; "Crestline denied the allegations" after
"Marsh sued Crestline Energy": Marsh; "Police arrested three men. Their arrest ...":
the men). Each of those failed before the branch's rules.
`unseen2`: 10 more reports (12 expectations) written after the first rules and run once: found 8/12 (the
misses are detection), actor 8/8, recipient 7/8 (the passive complement, then given its rule)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_participants_args7 import names_match
from wirewatch.extract import extraction_components
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "args11_participants_reports.json"
REPORTS = json.loads(FIXTURE.read_text(encoding="utf-8"))["reports"]
CASES = [(r, e) for r in REPORTS for e in r["expect"]]
# Known misses of the participant rules on the unseen set (see the docstring): kept visible, not hidden.
KNOWN = {("biz-3", "fined")}


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[EventMention]]:
    pipe = Pipeline(extraction_components())
    return {r["id"]: pipe.run(Article(id=r["id"], text=r["text"], published="2026-03-11")).events for r in REPORTS}


def _hit(extracted: dict[str, list[EventMention]], report: dict, exp: dict) -> EventMention | None:
    hits = [m for m in extracted[report["id"]] if m.trigger == exp["trigger"] and exp["type"] in (None, m.event_type)]
    return hits[0] if hits else None


@pytest.mark.parametrize(("report", "exp"), CASES, ids=[f"{r['id']}:{e['trigger']}" for r, e in CASES])
def test_participants_by_kind_of_construction(extracted: dict[str, list[EventMention]], report: dict,
                                              exp: dict) -> None:
    m = _hit(extracted, report, exp)
    if m is None:
        assert report["set"] != "rule", [(x.event_type, x.trigger) for x in extracted[report["id"]]]
        pytest.skip(f"not detected (issue 10): {[(x.event_type, x.trigger) for x in extracted[report['id']]]}")
    if (report["id"], exp["trigger"]) in KNOWN:
        pytest.xfail("known: " + exp["kind"])
    assert names_match(m.actor, exp["actor"]), (exp["kind"], "actor", [a.name for a in m.actor], exp["actor"])
    assert names_match(m.recipient, exp["recipient"]), (exp["kind"], "recipient", [a.name for a in m.recipient],
                                                        exp["recipient"])


def test_accuracy_on_the_unseen_reports(extracted: dict[str, list[EventMention]]) -> None:
    """Issue 11 asks actor and recipient accuracy >= 0.85 on new reports, of the events found."""
    found = [(m, e) for r, e in CASES if r["set"].startswith("unseen") and (m := _hit(extracted, r, e)) is not None]
    assert len(found) >= 15, len(found)
    actor = sum(names_match(m.actor, e["actor"]) for m, e in found) / len(found)
    recipient = sum(names_match(m.recipient, e["recipient"]) for m, e in found) / len(found)
    assert actor >= 0.9 and recipient >= 0.9, (actor, recipient)


def test_the_fixture_covers_styles_and_kinds() -> None:
    unseen = [r for r in REPORTS if r["set"] == "unseen"]
    assert len(unseen) >= 15
    assert {r["style"] for r in unseen} >= {"local crime", "court report", "Middle East wire", "business deal"}
    kinds = " ".join(e["kind"] for _, e in CASES)
    for kind in ("possessive nominalisation", "passive by-agent", "coordination", "pronoun", "appositive",
                 "title+surname", "reported speech", "instrument"):
        assert kind in kinds, kind
    assert sum(e["actor"] is None for _, e in CASES) >= 3  # nobody named rather than a nearby noun


@pytest.mark.parametrize(("rid", "name"), [("rule-based", "Clearpath"), ("rule-deed-owner", "Marlow Homes")])
def test_the_party_by_its_name(extracted: dict[str, list[EventMention]], rid: str, name: str) -> None:
    """ "acquire Waterloo, Ont-based Clearpath", "rejected Marlow Homes' proposal": the phrase as written holds
    the name either way, so the recipient's own name is asked (not the town, not the proposal)."""
    report = next(r for r in REPORTS if r["id"] == rid)
    m = _hit(extracted, report, report["expect"][0])
    assert m is not None and [a.name for a in m.recipient] == [name], m and [a.name for a in m.recipient]
