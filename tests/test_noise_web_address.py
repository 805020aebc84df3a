"""A web address kept in a record's text is no sentence: its slug words trigger no event (noise_address)."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _triggers(pipe: Pipeline, text: str) -> list[str]:
    return [m.trigger for m in pipe.run(Article(id="w1", text=text, published="2026-05-04")).events]


def test_a_spaced_address_line_yields_no_event(pipe: Pipeline) -> None:
    text = ("http: / / www. harbourpost. example / world / two - soldiers - killed - as - militants - storm - base\n"
            "Militants storm army base\n"
            "Militants attacked an army base near Kidal on Monday, killing two soldiers, officials said.")
    triggers = _triggers(pipe, text)
    assert "attacked" in triggers, triggers  # the report's own sentence keeps its event
    assert "killed" not in triggers, triggers  # the slug's "two - soldiers - killed" is no ASSAULT


def test_the_same_words_outside_an_address_keep_their_event(pipe: Pipeline) -> None:
    text = "Militants attacked an army base near Kidal on Monday, killing two soldiers, officials said."
    assert "attacked" in _triggers(pipe, text)
    slug = "http: / / www. harbourpost. example / world / two - soldiers - killed - as - militants - storm - base"
    assert "killed" in _triggers(pipe, slug.split("/ world / ")[1].replace(" - ", " ").capitalize() + ".")
