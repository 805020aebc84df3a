"""A reduced relative the tagger calls a past tense (VBD) is still a participle: it has no subject of its own,
so the clause that governs its noun lends it none (arguments.modified_noun)."""
from __future__ import annotations

from tests.participant_fixtures import events, names
from wirewatch.pipeline import Pipeline


def test_whoever_detected_the_missiles_did_not_fire_them(pipe: Pipeline) -> None:
    evs = events(pipe, "South Korea's military said it detected two short-range missiles fired from near "
                       "Pyongyang, while Japan's Defense Ministry said three had been launched.")
    fired = [m for m in evs if m.trigger == "fired"]
    assert fired and "South Korea's military" not in names(fired[0].actor), \
        [(m.event_type, m.trigger, names(m.actor)) for m in evs]


def test_a_participle_keeps_its_by_agent(pipe: Pipeline) -> None:
    evs = events(pipe, "Residents found the bodies of three men killed by gunmen near the market.")
    (killed,) = [m for m in evs if m.trigger == "killed"]
    assert names(killed.actor) == ["gunmen"] and names(killed.recipient) == ["men"]
