"""The gate prints a held-out set's figures only: its error lines are what tuning would read."""
from __future__ import annotations

import re
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


def test_held_out_entity_set_prints_figures_only(capsys: pytest.CaptureFixture[str]) -> None:
    """entities_own3 was written after the entities_own2 rules were fitted: the gate prints its figures, never
    the names it merged wrongly."""
    import gate

    folder = Path(gate.HERE) / "entities_own3"
    if not (folder / "gold.json").exists():
        pytest.skip("eval/entities_own3 not in this checkout")
    shown = gate._own_entities_suite(folder, show_errors=True)
    full = capsys.readouterr().out
    held = gate.suite_entities_own3(Path("."))
    quiet = capsys.readouterr().out
    assert held == shown
    figure = re.compile(r"^\s+\w+: -?\d+\.\d{3}$")
    assert quiet.strip() and all(figure.match(line) for line in quiet.splitlines())
    assert len(quiet.splitlines()) == len(held or {})
    assert len(full.splitlines()) >= len(quiet.splitlines())
