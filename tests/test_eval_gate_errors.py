"""The gate prints VOA's error lines only for the one half asked for (--errors-half), held-out suites never."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import gate  # noqa: E402

# Four articles: sorted, "a1" and "a2" are half 1, "b1" and "b2" half 2. One key holds "; " on purpose.
GOLD = {"articles": [{"id": i} for i in ("b2", "a1", "b1", "a2")],
        "events": [{"id": "e1", "article": "a1", "type": ["PROTEST"], "key": "marched"},
                   {"id": "e2", "article": "a2", "type": ["ARREST"], "key": "held; later freed"},
                   {"id": "e3", "article": "b1", "type": ["ASSAULT"], "key": "shelled"},
                   {"id": "e4", "article": "b2", "type": ["ACCUSE"], "key": "blamed"}]}
MISSED = 'missed: e1 PROTEST "marched"; e2 ARREST "held; later freed"; e3 ASSAULT "shelled"; e4 ACCUSE "blamed"'


def test_no_half_asked_prints_no_misses() -> None:
    keep = gate.misses_of_half(GOLD, None)
    assert keep(MISSED) is None
    assert keep("some other error line") is None


@pytest.mark.parametrize(("half", "mine", "theirs"), [("1", ["e1", "e2"], ["e3", "e4"]),
                                                      ("2", ["e3", "e4"], ["e1", "e2"])])
def test_one_half_prints_its_own_misses_only(half: str, mine: list[str], theirs: list[str]) -> None:
    kept = gate.misses_of_half(GOLD, half)(MISSED)
    assert kept is not None and kept.startswith(f"missed (half {half}): ")
    assert all(f"{e} " in kept for e in mine)
    assert not any(f"{e} " in kept for e in theirs)
    if half == "1":
        assert 'e2 ARREST "held; later freed"' in kept


def test_a_half_with_nothing_missed_prints_nothing() -> None:
    assert gate.misses_of_half(GOLD, "2")('missed: e1 PROTEST "marched"') is None


@pytest.fixture
def fake_scorer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for score.py that prints two figures, a missed line and its JSON."""
    script = tmp_path / "score.py"
    script.write_text("import json\n"
                      "print('event_recall: 0.500')\nprint('predicted_mentions: 7')\n"
                      f"print({MISSED!r})\n"
                      "print(json.dumps({'event_recall': 0.5, 'predicted_mentions': 7}))\n", encoding="utf-8")
    monkeypatch.setattr(gate, "scorer", lambda: script)


@pytest.mark.parametrize(("half", "held_out", "shown"), [(None, False, []), ("1", False, ["e1", "e2"]),
                                                         ("2", False, ["e3", "e4"]), ("1", True, [])])
def test_run_score_prints_figures_and_only_the_asked_half(capsys: pytest.CaptureFixture[str], fake_scorer: None,
                                                          half: str | None, held_out: bool, shown: list[str]) -> None:
    got = gate.run_score([], held_out=held_out, errors=gate.misses_of_half(GOLD, half))
    out = capsys.readouterr().out
    assert got == {"event_recall": 0.5, "predicted_mentions": 7}
    assert "event_recall: 0.500" in out and "predicted_mentions: 7" in out
    assert ("missed" in out) is bool(shown)
    for e in ("e1", "e2", "e3", "e4"):
        assert (f"{e} " in out) is (e in shown)


def test_own_dev_suites_still_print_the_whole_missed_line(capsys: pytest.CaptureFixture[str],
                                                          fake_scorer: None) -> None:
    gate.run_score([])
    assert MISSED in capsys.readouterr().out


def test_main_passes_the_half_to_voa_only(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str | None] = []
    monkeypatch.setattr(gate, "suite_voa", lambda work, half=None: asked.append(half) or {})
    assert gate.main(["voa", "--show"]) == 0
    assert gate.main(["voa", "--show", "--errors-half", "2"]) == 0
    assert asked == [None, "2"]
    with pytest.raises(SystemExit):
        gate.main(["voa", "--errors-half", "3"])
