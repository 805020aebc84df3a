"""Extraction misses behind fusion (h/extract16, issues 10-12): a walkout idiom, a suspended licence, an armed
strike told by what it hit, a succession read the successor's way, and an appointment by "bring in ... to
run". Sentences written for these tests (a provincial health service, a customs office, an invented ministry
shake-up), with the readings each rule must leave alone."""

from __future__ import annotations

import pytest

from wirewatch.model import Article
from wirewatch.pipeline import default_pipeline, extract_articles


@pytest.fixture(scope="module")
def pipe():
    return default_pipeline()


def events(pipe, text: str) -> list[tuple[str, str, list[str], list[str]]]:
    [art] = extract_articles(pipe, [Article(id="t", text=text, published="2026-03-03")])
    assert isinstance(art, Article)
    return [(e.event_type, e.trigger, [a.name for a in e.actor], [a.name for a in e.recipient]) for e in art.events]


def types(pipe, text: str) -> set[str]:
    return {t for t, *_ in events(pipe, text)}


def test_walking_off_the_job_is_a_protest(pipe) -> None:
    assert "PROTEST" in types(pipe, "Bus drivers in the provincial capital walked off the job on Thursday.")


def test_walking_out_of_talks_is_no_protest(pipe) -> None:
    assert "PROTEST" not in types(pipe, "The opposition delegation walked out of the budget negotiations.")


def test_a_suspended_licence_is_a_sanction(pipe) -> None:
    assert "SANCTION" in types(pipe, "The customs office suspended the import licences of three fuel dealers.")


def test_a_strike_that_hit_a_depot_is_an_attack(pipe) -> None:
    found = types(pipe, "A third strike shortly after dawn hit an ammunition depot outside the garrison town.")
    assert "ASSAULT" in found and "PROTEST" not in found


def test_a_strike_that_hit_production_is_no_attack(pipe) -> None:
    assert "ASSAULT" not in types(pipe, "The strike hit production at the copper smelter for a third day.")


@pytest.mark.parametrize("text,recipient", [
    ("Colonel Ruth Okafor replaces General Samuel Ade as army chief.", ["Ruth Okafor"]),
    ("Amina Diallo, a former deputy governor, replaces Paul Mensah at the health ministry.", ["Amina Diallo"]),
])
def test_who_replaces_someone_in_a_post_takes_the_post(pipe, text, recipient) -> None:
    assert [(a, r) for t, _, a, r in events(pipe, text) if t == "PERSONNEL"] == [([], recipient)]


def test_replacing_someone_with_another_keeps_the_appointer(pipe) -> None:
    [(actor, _)] = [(a, r) for t, _, a, r in events(pipe, "The president replaced Samuel Ade with Ruth Okafor.")
                    if t == "PERSONNEL"]
    assert actor == ["president"]


def test_the_possessor_of_a_replacement_is_not_its_actor(pipe) -> None:
    text = "His replacement, Rosa Quispe, arrived at the ministry on Monday."
    found = [(a, r) for t, trig, a, r in events(pipe, text) if t == "PERSONNEL"]
    assert found == [([], ["Rosa Quispe"])]


@pytest.mark.parametrize("text,actor,recipient", [
    ("The governor brought in Maria Gonzalez to head the health ministry after the scandal.", ["governor"],
     ["Maria Gonzalez"]),
    ("The new premier has brought in a veteran diplomat, Ana Silva, to lead the foreign ministry.", ["new premier"],
     ["Ana Silva"]),
])
def test_bringing_someone_in_to_run_a_portfolio_is_an_appointment(pipe, text, actor, recipient) -> None:
    assert [(a, r) for t, _, a, r in events(pipe, text) if t == "PERSONNEL"] == [(actor, recipient)]


def test_bringing_someone_in_to_run_a_club_academy_is_no_appointment(pipe) -> None:
    assert "PERSONNEL" not in types(pipe, "The club brought in Marco Rossi to run the academy.")
