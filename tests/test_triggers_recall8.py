"""Event candidates (h/recall8, issue 10): legal acts (indictments, charges brought, sentences, convictions,
fines), both sides firing ("exchanged artillery fire"), a strike that is an attack and not a walkout, a threat
named by a noun, people set free whatever noun names them, and "no longer" as negation. The sentences are
written for these tests: court pages, police blotter, wire copy."""

from __future__ import annotations

import pytest

from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.triggers import find_triggers


def live(nlp, text: str) -> list[tuple[str, str]]:
    onto = load_ontology()
    return [(t.tok.text, t.type) for s in nlp(text).sents for t in find_triggers(s, onto) if not t.suppressed]


@pytest.mark.parametrize("text, trigger, etype", [
    ("A federal grand jury in Tucson indicted two border agents on smuggling counts.", "indicted", "ACCUSE"),
    ("The county prosecutor filed charges against the landlord on Thursday.", "filed", "ACCUSE"),
    ("Magistrates sentenced the driver to eighteen months for the crash.", "sentenced", "SANCTION"),
    ("The treasurer was convicted of embezzlement after a two-week trial.", "convicted", "SANCTION"),
    ("The ferry operator was fined 40,000 pounds over the safety breach.", "fined", "SANCTION"),
    ("Border guards from both countries exchanged artillery fire near the pass on Sunday.", "exchanged",
     "ASSAULT"),
    ("Police and the gang traded shots outside the depot, the sheriff said.", "traded", "ASSAULT"),
    ("The navy launched strikes against rebel positions along the coast.", "strikes", "ASSAULT"),
    ("Jets carried out strikes near the dam overnight.", "strikes", "ASSAULT"),
    ("The bloc issued threats of sanctions against the junta.", "threats", "THREATEN"),
    ("The twelve miners were freed by the kidnappers late on Friday.", "freed", "RETREAT"),
    ("The 30 students were released before dawn, the governor's office said.", "released", "RETREAT"),
])
def test_legal_and_combat_acts_are_candidates(nlp, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in live(nlp, text)


@pytest.mark.parametrize("text, trigger", [
    ("Dock workers went on strike on Monday over pay.", "strike"),
    ("Teachers staged a national strike against the pension reform.", "strike"),
])
def test_a_walkout_stays_a_protest(nlp, text: str, trigger: str) -> None:
    assert (trigger, "PROTEST") in live(nlp, text)


def test_a_threat_nobody_makes_is_an_assessment(nlp) -> None:
    assert not [t for t in live(nlp, "The threat of famine hangs over the valley.") if t[1] == "THREATEN"]


def test_a_released_statement_is_no_release(nlp) -> None:
    assert ("released", "RETREAT") not in live(nlp, "The club released a statement after the match.")


def test_no_longer_recognizing_is_a_rejection(nlp) -> None:
    assert ("recognize", "REJECT") in live(nlp, "The council said it will no longer recognize the mayor.")
