"""A share of production is an economic figure, not a PRODUCE event (noise._share_of, issue 10 round 12)."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(m.event_type, m.trigger) for m in pipe.run(Article(id="share", text=text, published="2026-05-02")).events]


def test_a_fraction_of_output_is_no_production(pipe: Pipeline) -> None:
    text = "The four member states together account for roughly a third of world output."
    assert not [e for e in _events(pipe, text) if e[0] == "PRODUCE"], _events(pipe, text)


def test_production_of_weapons_stays(pipe: Pipeline) -> None:
    text = "Pyongyang has expanded the production of artillery shells, South Korea's defence ministry said."
    assert [e for e in _events(pipe, text) if e[0] == "PRODUCE"], _events(pipe, text)
