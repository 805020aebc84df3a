"""The gate prints a held-out set's figures only: its error lines are what tuning would read."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from participants_eval import score  # noqa: E402

GOLD = {"articles": [{"id": "a1"}], "junk": ["GPS"], "entities": [],
        "events": [{"article": "a1", "key": "shot", "type": ["ASSAULT"], "actor": ["gunman"]}]}
ENTITIES = [{"name": "GPS", "kind": "ORG"}]


@pytest.mark.parametrize("show", [True, False])
def test_error_lines_print_only_when_asked(capsys: pytest.CaptureFixture[str], show: bool) -> None:
    out = score(GOLD, [], ENTITIES, show_errors=show)
    printed = capsys.readouterr().out
    assert out["junk_entities"] == 1
    assert ("junk_entity" in printed) is show
    assert "junk_entities: 1" in printed
