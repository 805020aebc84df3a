"""Trigger matching (triggers.py, issue 10 round 12): a verb with an object or a complement clause does not take
its set member from its subject ("every shell ... makes a settlement harder" makes no shell); "give up" is
another verb than "give"."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(m.event_type, m.trigger) for m in pipe.run(Article(id="subj", text=text, published="2026-05-02")).events]


def test_a_weapon_as_subject_is_not_made(pipe: Pipeline) -> None:
    text = '"Every rocket that crosses the border makes a truce harder to reach," the envoy told reporters in Doha.'
    assert not [e for e in _events(pipe, text) if e[1] == "makes"], _events(pipe, text)


def test_a_weapon_as_object_is_made(pipe: Pipeline) -> None:
    text = "A state factory near Tula makes artillery shells for the army, the ministry said on Monday."
    assert ("PRODUCE", "makes") in _events(pipe, text), _events(pipe, text)


def test_a_phrasal_verb_with_up_is_another_word(pipe: Pipeline) -> None:
    text = "Western envoys want sanctions to make the junta give up its ballistic missile programme."
    assert not [e for e in _events(pipe, text) if e[1] == "give"], _events(pipe, text)


def test_up_to_a_number_is_no_particle(pipe: Pipeline) -> None:
    text = "The governor of Sonora ordered up to 400 police officers to the border town on Sunday."
    assert [e for e in _events(pipe, text) if e[1] == "ordered"], _events(pipe, text)
