"""eval/fusion_breakdown.match with `keyed`: where one sentence holds two acts of one type ("X was moved to ...,
and Y was named ..."), score.py's matching (sentence, type, actor) gives both gold events the sentence's first
mention; keyed matching gives each the mention whose trigger its key names. Hand-made mentions, no spaCy."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from tests.connect_fixtures import hand_mention
from wirewatch.model import EventMention

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import fusion_breakdown  # noqa: E402

mention = partial(hand_mention, date="2026-06-02", modality="asserted")
SENTENCE = ("Transport Minister Ada Okafor was moved to the interior ministry, and banker Lio Marsh was named "
            "transport minister.")
GOLD = {"events": [
    {"id": "g1", "article": "port-daily", "type": ["PERSONNEL"], "key": "was moved to the interior ministry"},
    {"id": "g2", "article": "port-daily", "type": ["PERSONNEL"], "key": "Lio Marsh was named transport minister"},
]}


def _mentions() -> list[EventMention]:
    moved = mention("PERSONNEL", SENTENCE, "moved", [])
    named = mention("PERSONNEL", SENTENCE, "named", [])
    for m in (moved, named):
        m.article_id = "port-daily"
    return [moved, named]


def test_scorer_matching_gives_both_gold_events_the_first_act_of_the_sentence() -> None:
    matched, _ = fusion_breakdown.match(GOLD, _mentions())
    assert matched["g1"].trigger == matched["g2"].trigger == "moved"


def test_keyed_matching_gives_each_gold_event_the_act_its_key_names() -> None:
    matched, _ = fusion_breakdown.match(GOLD, _mentions(), keyed=True)
    assert (matched["g1"].trigger, matched["g2"].trigger) == ("moved", "named")
