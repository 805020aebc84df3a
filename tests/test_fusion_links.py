"""eval/fusion_breakdown.py tells a fused pair that passes the threshold on its own (`direct`) from one joined
only through the event's other mentions (`chained`): the measure of whether fusion chains. Hand-made mentions
of a made-up ferry strike and a harbour fire, no spaCy."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from tests.connect_fixtures import hand_mention
from wirewatch.model import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import fusion_breakdown  # noqa: E402

mention = partial(hand_mention, date="2026-05-04", modality="asserted")
UNION = Actor("Ferry Workers Union", "ORG", "TRV", "org:ferry-union")
GUARD = Actor("Coast Guard", "ORG", "TRV", "org:coast-guard")


def test_two_reports_of_one_strike_are_a_direct_link() -> None:
    a = mention("PROTEST", "The Ferry Workers Union struck at the port of Velmar on Monday.", "struck", [UNION])
    b = mention("PROTEST", "Ferry workers of the union struck in Velmar on Monday, halting crossings.", "struck",
                [UNION])
    a.article_id, b.article_id = "velmar-post", "island-radio"
    assert fusion_breakdown.link(a, b, same_story=True) == "direct"


def test_a_strike_and_a_fire_of_other_parties_are_no_direct_link() -> None:
    a = mention("PROTEST", "The Ferry Workers Union struck at the port of Velmar on Monday.", "struck", [UNION])
    b = mention("PROTEST", "The Coast Guard rallied outside parliament in the capital over pay.", "rallied",
                [GUARD], date="2026-05-05")
    a.article_id, b.article_id = "velmar-post", "capital-daily"
    assert fusion_breakdown.link(a, b, same_story=False) == "chained"
