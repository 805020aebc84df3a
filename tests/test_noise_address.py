"""A question asked and a direction to the reader report no event (noise_address.py, issue 10 round 12)."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(m.event_type, m.trigger) for m in pipe.run(Article(id="addr", text=text, published="2026-05-02")).events]


def test_a_question_asked_is_no_request(pipe: Pipeline) -> None:
    for text in ("Who pays for the new bridge, the councillor asked.",
                 '"Why would the mayor hide the audit?" she asked.',
                 "Reporters asked whether the envoy would return to Harare.",
                 "The opposition leader smiled. Teodora Vance asked."):
        assert not [e for e in _events(pipe, text) if e[1] == "asked"], (text, _events(pipe, text))


def test_asking_for_something_stays_a_request(pipe: Pipeline) -> None:
    for text in ("The governor asked the federal government to send more firefighters.",
                 "Farmers in Lusaka asked for emergency grain deliveries.",
                 "The defence ministry asked that the hearing be postponed."):
        assert ("REQUEST", "asked") in _events(pipe, text), (text, _events(pipe, text))


def test_a_direction_to_the_reader_is_no_event(pipe: Pipeline) -> None:
    text = "For the full list of the new zoning rules, visit the Harbor Watch website."
    assert not [e for e in _events(pipe, text) if e[1] == "visit"], _events(pipe, text)


def test_a_visit_told_of_a_party_stays(pipe: Pipeline) -> None:
    text = "For the first time in a decade, the Kenyan president will visit Mogadishu on Monday."
    assert ("CONSULT", "visit") in _events(pipe, text), _events(pipe, text)
