"""A "since" date starts a stretch that reaches up to now: neither it nor the flashback told at its start
("the first test since May, when it fired ...") moves the narrative time of the sentences after it."""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline

TEXT = ("Port Aldin, June 20 (Coast Wire) - Rebel gunboats shelled the harbour on Friday, the navy said.\n\n"
        "The shelling was the rebels' first attack on the port since April 2, when they sank a ferry. "
        "Navy commandos arrested three suspected smugglers near the breakwater, the port authority said.")


def test_a_since_flashback_does_not_date_the_next_sentence(pipe: Pipeline) -> None:
    events = pipe.run(Article(id="since", text=TEXT, published="2026-06-20")).events
    sank = [m for m in events if m.trigger == "sank"]
    closed = [m for m in events if m.trigger == "arrested"]
    assert closed, [(m.event_type, m.trigger) for m in events]
    assert all(m.date != "2026-04-02" for m in closed), [(m.trigger, m.date, m.date_from) for m in closed]
    # the flashback itself keeps its own date
    assert all(m.date == "2026-04-02" for m in sank), [(m.trigger, m.date) for m in sank]
