"""An aspectual verb with a goal ("goes to X") reaches it: no activity going on (noise._continuing_activity)."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def test_a_post_that_goes_to_someone_is_an_appointment(pipe: Pipeline) -> None:
    text = ("Governor Alvarez dismissed the state treasurer on Friday. The treasury job goes to Dana Whitfield, "
            "a former auditor.")
    events = pipe.run(Article(id="goal", text=text, published="2026-04-04")).events
    assert any(m.event_type == "PERSONNEL" and m.trigger == "goes" for m in events), \
        [(m.event_type, m.trigger) for m in events]


def test_an_activity_that_goes_on_is_still_no_event(pipe: Pipeline) -> None:
    events = pipe.run(Article(id="goal2", text="The recount went on through the night.", published="2026-04-04")).events
    assert not [m for m in events if m.trigger == "went"], [(m.event_type, m.trigger) for m in events]
