"""A verb with an object or a complement clause does not take its set member from its subject (triggers.py
_spec_matches, issue 10 round 12): "every shell ... makes a settlement harder" makes no shell."""

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
