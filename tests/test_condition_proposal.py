"""No proposal hangs on the verb of a condition the lexicon ruled out (Trigger.ruled_out, issue 10 round 12)."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def test_a_hypothetical_in_a_condition_is_no_event(pipe: Pipeline) -> None:
    text = "It would be surprising if Iran were not sharing missile technology with the Houthis."
    events = pipe.run(Article(id="cond", text=text, published="2026-05-02")).events
    assert not [m for m in events if m.trigger == "sharing"], [(m.event_type, m.trigger) for m in events]


def test_a_main_clause_act_beside_a_condition_stays(pipe: Pipeline) -> None:
    text = "Police arrested two men in Leeds on Monday if witnesses are to be believed."
    events = pipe.run(Article(id="cond2", text=text, published="2026-05-02")).events
    assert ("COERCE", "arrested") in [(m.event_type, m.trigger) for m in events], events
