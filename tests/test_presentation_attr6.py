"""Sources named as the text names them, and ... (issue 11, h/attr6), on sentences written for these tests in
styles the project had not seen: a radio bulletin, an SEC-style enforcement release, an aid-agency wire,
a defence-alliance briefing. Each rule is tested on both sides of its limit."""

from __future__ import annotations

import pytest

from wirewatch.extract import extraction_components
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

PUB = "2024-03-12"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(extraction_components())


def run(pipe: Pipeline, text: str, published: str = PUB) -> list[EventMention]:
    return pipe.run(Article(id="a6", text=text, published=published)).events


def by_trigger(evs: list[EventMention], trigger: str) -> EventMention:
    hits = [m for m in evs if m.trigger == trigger]
    assert hits, [(m.event_type, m.trigger) for m in evs]
    return hits[0]


# --- an organisation is credited by the name the text gives it, not the alias table's canonical name -------
def test_a_body_known_by_a_table_name_is_credited_as_the_text_writes_it(pipe: Pipeline) -> None:
    # the alias table files the State Department as "US Department of State"; the bulletin never says so
    evs = run(pipe, "WASHINGTON (Radio bulletin) - The State Department said on Monday that Iranian forces seized "
                    "a tanker in the Gulf. A State Department spokesperson told reporters the crew had been detained.")
    assert by_trigger(evs, "seized").attributed_to == "State Department"
    assert by_trigger(evs, "detained").attributed_to == "State Department spokesperson"


def test_the_sentence_own_naming_comes_before_the_article_usual_one(pipe: Pipeline) -> None:
    evs = run(pipe, "The Red Cross said gunmen abducted two nurses near Goma. The International Committee of the "
                    "Red Cross (ICRC) urged the kidnappers to release them. The ICRC said the nurses were unharmed. "
                    "A spokesman for the ICRC said rebels had attacked a convoy.")
    assert by_trigger(evs, "abducted").attributed_to == "Red Cross"
    assert by_trigger(evs, "attacked").attributed_to == "ICRC"


def test_an_abbreviation_the_release_uses_throughout_is_its_name(pipe: Pipeline) -> None:
    evs = run(pipe, "The Securities and Exchange Commission (SEC) on Tuesday charged a Miami hedge fund with "
                    "fraud. The SEC said the fund misled investors. According to the SEC, the manager threatened "
                    "a whistleblower.")
    assert by_trigger(evs, "threatened").attributed_to == "SEC"


def test_a_body_named_elsewhere_goes_by_the_article_most_written_name(pipe: Pipeline) -> None:
    # "the officials" take their body from an earlier sentence: the name the briefing uses most (NATO, twice)
    evs = run(pipe, "Officials from the North Atlantic Treaty Organization met in Brussels. NATO said Russia had "
                    "attacked a depot. NATO added that drones struck a rail line. The officials said the alliance "
                    "would send troops.")
    assert by_trigger(evs, "send").attributed_to == "NATO officials"


def test_on_a_tie_the_canonical_name_stands(pipe: Pipeline) -> None:
    evs = run(pipe, "Officials from the North Atlantic Treaty Organization met in Brussels. NATO said Russia had "
                    "attacked a depot. The officials said the alliance would send troops.")
    assert by_trigger(evs, "send").attributed_to == "North Atlantic Treaty Organization officials"


def test_a_person_keeps_the_full_name(pipe: Pipeline) -> None:
    evs = run(pipe, "Police Chief Dana Whitfield said officers arrested two men after a brawl. Whitfield said "
                    "one of them had stabbed a bouncer.")
    assert by_trigger(evs, "stabbed").attributed_to == "Dana Whitfield"
