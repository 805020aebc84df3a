"""A change of office told without the classic verbs (h/personnel, issues 10 and 12; office_change.py):
a person + a verb of change of state, motion or possession + an office. The sentences are written for this
test in styles the project's corpora do not have (military orders, city hall, a premier's office), with the
false friends the rule must leave alone (a company's head of marketing, a coach, a briefing, a call)."""

from __future__ import annotations

import pytest

from wirewatch.model import Article
from wirewatch.pipeline import default_pipeline, extract_articles


@pytest.fixture(scope="module")
def pipe():
    return default_pipeline()


def personnel(pipe, text: str) -> list[tuple[str, list[str], list[str]]]:
    [art] = extract_articles(pipe, [Article(id="t", text=text, published="2026-03-03")])
    assert isinstance(art, Article)
    return [(e.trigger, [a.name for a in e.actor], [a.name for a in e.recipient])
            for e in art.events if e.event_type == "PERSONNEL"]


@pytest.mark.parametrize("text,trigger,actor,recipient", [
    ("Major General Tomasz Wrona takes command of the 12th Mechanised Division on Monday.", "takes", [],
     ["Tomasz Wrona"]),
    ("Councillor Priya Nand becomes the city's new mayor after the vote.", "becomes", [], ["Priya Nand"]),
    ("The premier has handed Mariam Osei the health portfolio.", "handed", ["premier"], ["Mariam Osei"]),
    ("Lucia Ferraz was moved to the Interior Ministry in a late-night shuffle.", "moved", [], ["Lucia Ferraz"]),
    ("Brigadier Ahmed Saleh takes over as army chief from General Omar Bashir.", "takes", [], ["Ahmed Saleh"]),
    ("In the reshuffle, Jonas Petersen switches to the justice portfolio.", "switches", [], ["Jonas Petersen"]),
    ("Prime Minister Kato dropped Hiroshi Ueda from the cabinet on Friday.", "dropped", ["Kato"], ["Hiroshi Ueda"]),
    ("Deputy Mayor Kwame Asante was made acting governor of the province.", "made", [], ["Kwame Asante"]),
    ("Halima Yusuf leaves defence for the foreign ministry.", "leaves", [], ["Halima Yusuf"]),
    ("Peter Mwangi was transferred from defence to foreign affairs.", "transferred", [], ["Peter Mwangi"]),
    ("Taking over is Grace Achieng.", "Taking", [], ["Grace Achieng"]),
])
def test_a_person_who_reaches_an_office_is_a_personnel_event(pipe, text, trigger, actor, recipient) -> None:
    assert personnel(pipe, text) == [(trigger, actor, recipient)]


@pytest.mark.parametrize("text", [
    "The coach dropped the striker from the squad.",  # a team is no public office
    "Maria Lopez becomes the new head of marketing at the company.",  # a company's role
    "The minister takes charge of the briefing.",  # a briefing is no office
    "He got a call from the minister.",  # a role noun as a source is no office reached
    "She gave the documents to the defence minister.",  # ... nor as a recipient of a thing
    "Rebels took over the town overnight.",  # a town taken, nobody named succeeds
    "Tom Hale leaves finance for a career in teaching.",  # a career, not a portfolio
    "The defence minister got a warm welcome in Paris.",
    "Anna Berg moved to London to study finance.",
    "The board picked Laura Chen to run the bank.",  # a bank's board
])
def test_no_office_no_change_of_office(pipe, text) -> None:
    assert personnel(pipe, text) == []


def test_a_user_ontology_without_the_type_has_no_rule(tmp_path) -> None:
    from wirewatch.extract.ontology import _compile

    onto = _compile({"types": {"ASSAULT": {"verbs": ["attack"]}},
                     "office_change": {"type": "PERSONNEL", "holder_subject": ["become"]}})
    assert onto.office_change == {}


def test_a_passive_whose_subject_the_parser_misattached_keeps_its_holder(pipe) -> None:
    text = ("In changes read out at the palace, Omar Haddad, until now a deputy governor of the central bank, "
            "was picked to head the Treasury.")
    assert personnel(pipe, text) == [("picked", [], ["Omar Haddad"])]


def _types(pipe, text: str) -> set[str]:
    [art] = extract_articles(pipe, [Article(id="t", text=text, published="2026-03-03")])
    assert isinstance(art, Article)
    return {e.event_type for e in art.events}


@pytest.mark.parametrize("text,attack", [
    ("Protesters pelted riot police with stones outside the parliament.", True),
    ("Border guards sprayed the migrants with tear gas at the crossing.", True),
    ("A patrol ship hit the fishing trawler with water cannon off the reef.", True),
    ("The company was hit with a fine of two million dollars.", False),  # a fine is no instrument of force
    ("The storm hit the coast with heavy rain.", False),
    ("The agency said the missiles hit a target in the sea after a pre-set flight.", False),  # not "with"
])
def test_hitting_someone_with_an_instrument_of_force_is_an_attack(pipe, text, attack) -> None:
    assert ("ASSAULT" in _types(pipe, text)) is attack


@pytest.mark.parametrize("text,trigger,recipient", [
    # a portfolio named by a nested modifier ("the [home affairs] ministry")
    ("Interior Minister Sofia Marin was moved to the home affairs ministry on Monday.", "moved", ["Sofia Marin"]),
    # the inverted copula, after a sentence the parser reads differently
    ("Jan Novak is out after two years. Taking over is Eva Dvorak, a former envoy to Vienna.", "Taking",
     ["Eva Dvorak"]),
])
def test_portfolios_and_inversions(pipe, text, trigger, recipient) -> None:
    got = personnel(pipe, text)
    assert got == ([] if trigger is None else [(trigger, [], recipient)])


def _accusations(pipe, text: str) -> list[tuple[str, list[str], list[str]]]:
    [art] = extract_articles(pipe, [Article(id="t", text=text, published="2026-03-03")])
    assert isinstance(art, Article)
    return [(e.trigger, [a.name for a in e.actor], [a.name for a in e.recipient])
            for e in art.events if e.event_type == "ACCUSE"]


@pytest.mark.parametrize("text,expected", [
    ("The ministry said Azeri troops had violated the ceasefire overnight.",
     [("violated", ["ministry"], ["Azeri troops"])]),
    ("A spokesman for the navy said a Russian submarine had entered the bay unlawfully.",
     [("entered", ["navy"], ["Russian submarine"])]),
    ("Officials said the plane had entered the airspace without a flight plan.", []),  # no wrong alleged
    ("Fishing crews illegally entered the waters last year.", []),  # narrated by the outlet, nobody alleges it
])
def test_a_speaker_saying_another_did_wrong_accuses_it(pipe, text, expected) -> None:
    assert _accusations(pipe, text) == expected
