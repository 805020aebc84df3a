"""Event paraphrases, round 11 (h/recall11, issue 10): changes of office told by the post ("the transport
portfolio passed to X", "heads to the Treasury", "lost his job", "took the reins", "stepped into the role",
"sworn in") and verdicts ("found guilty", "the jury found X guilty of"). Sentences written for these tests:
statehouse and county news, a Gulf cabinet story, court pages, sports and shopping copy for the non-events."""

from __future__ import annotations

import pytest

from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers


def live(nlp, text: str) -> list[tuple[str, str]]:
    onto = load_ontology()
    return [(t.tok.text, t.type) for s in nlp(text).sents for t in find_triggers(s, onto) if not t.suppressed]


@pytest.mark.parametrize("text, trigger", [
    ("The transport portfolio passed to Amina Diallo after the coalition vote.", "passed"),
    ("The housing job goes to Kofi Mensah, a former city planner.", "goes"),
    ("The interior post falls to Jonas Berg, a retired police chief.", "falls"),
    ("Layla Haddad, the outgoing trade minister, heads to the Foreign Ministry.", "heads"),
    ("Deputy Mayor Carl Voss lost his job on Tuesday after the audit.", "lost"),
    ("General Okafor will take the helm of the army next month.", "take"),
    ("Sheriff Dana Ruiz took the reins of the county department on Monday.", "took"),
    ("Councilwoman Ellen Tran took office in January.", "took"),
    ("Mayor Tom Kline stepped into the role after the vote.", "stepped"),
    ("Noura Al-Sabah has been sworn in as minister of health.", "sworn"),
    ("Judge Ortiz swore in the new sheriff at the courthouse.", "swore"),
])
def test_changes_of_office_told_by_the_post_are_personnel(nlp, text: str, trigger: str) -> None:
    assert (trigger, "PERSONNEL") in live(nlp, text)


@pytest.mark.parametrize("text", [
    "Thousands of factory workers lost their jobs last year.",
    "The striker heads to Madrid for the cup final.",
    "The prize went to Ana Lopez for her second novel.",
    "Kenji Sato heads the foreign ministry.",
    "Chancellor Weber took a tough position on migration.",
    "The new chief executive took the helm of the company in May.",
])
def test_posts_of_no_public_office_or_no_change_are_not_personnel(nlp, text: str) -> None:
    assert all(t != "PERSONNEL" for _, t in live(nlp, text))


def test_a_witness_sworn_in_is_no_promise_and_no_appointment(nlp) -> None:
    # "swear" is an AGREE verb (an oath); "sworn in" is an office taken or a witness's oath, never AGREE
    assert live(nlp, "The witness was sworn in before she testified about the crash.") == []


@pytest.mark.parametrize("text, trigger", [
    ("A county jury found Marcus Bell guilty of second-degree murder.", "found"),
    ("The treasurer was found guilty of embezzling school funds.", "found"),
])
def test_verdicts_are_sanctions(nlp, text: str, trigger: str) -> None:
    assert (trigger, "SANCTION") in live(nlp, text)


def test_the_deed_of_a_verdict_is_background_to_it(nlp) -> None:
    # the assault is told as the reason of the verdict, not as news of its own
    got = live(nlp, "The bouncer was found guilty of assaulting a patron outside the bar.")
    assert ("found", "SANCTION") in got and ("assaulting", "ASSAULT") not in got


@pytest.mark.parametrize("text, trigger", [
    ("Quorix agreed to buy the chipmaker Lumen for 2 billion dollars.", "agreed"),
    ("The two regional lenders agreed to merge by the end of the year.", "agreed"),
])
def test_deals_to_buy_are_agreements(nlp, text: str, trigger: str) -> None:
    # ontology.md: AGREE is "agree to, promise, sign"; a deal to buy is one (already found before round 11)
    assert (trigger, "AGREE") in live(nlp, text)


@pytest.mark.parametrize("text, trigger, etype", [
    ("The mayor's decision to close the shelter is a disgrace, the tenants' union said.", "disgrace", "ACCUSE"),
    ("Each of the drone flights over the base was a clear violation of the 2019 accord, Doha said.",
     "violation", "ACCUSE"),
    ("Riyadh is the aggressor in this conflict, the Houthi spokesman said.", "aggressor", "ACCUSE"),
    ("The detention of the two reporters is utterly unacceptable, the press federation said.", "unacceptable",
     "ACCUSE"),
    ("The company's allegations against the regulator are baseless, a commission spokeswoman said.", "baseless",
     "REJECT"),
    ("The reports that the plant leaked coolant are untrue, the utility said.", "untrue", "REJECT"),
])
def test_verdicts_told_by_the_copula(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


@pytest.mark.parametrize("text", [
    "The weather in Duluth was appalling on Sunday.",
    "The drill is not a provocation, the navy said.",
    "A lie is a lie.",
    "The final score was false on the stadium board.",
])
def test_copular_judgements_of_things_kinds_or_negated_are_no_verdicts(nlp, text: str) -> None:
    assert all(t not in ("ACCUSE", "REJECT") for _, t in live(nlp, text))


@pytest.mark.parametrize("text, trigger, etype", [
    ("The Qatari foreign ministry is deeply disappointed by the closure of the crossing.", "disappointed",
     "ACCUSE"),
    ("Tenants were angered by the landlord's decision to double the rent.", "angered", "ACCUSE"),
    ("The county board is grateful to Sheriff Molina for her work during the floods.", "grateful", "SUPPORT"),
    ("We are very proud of Coach Adebayo and the relief volunteers.", "proud", "SUPPORT"),
])
def test_feelings_toward_a_party_or_its_act(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


@pytest.mark.parametrize("text", [
    "The lab was pleased with the results of the second trial.",
    "Regulators are worried about the pace of the rollout.",
    "The ministry is not disappointed by the vote.",
])
def test_feelings_about_things_worries_or_negated_are_none(nlp, text: str) -> None:
    assert all(t not in ("ACCUSE", "SUPPORT") for _, t in live(nlp, text))
