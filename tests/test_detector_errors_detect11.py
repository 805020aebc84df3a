"""eval/detector_errors.py: the decision rules it compares on out-of-fold probabilities, on rows made up here."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from detector_errors import _decide, _micro_macro, _ovr, nested, report  # noqa: E402

from wirewatch.extract.train import NONE, Row  # noqa: E402

TYPES = ["ACCUSE", "ASSAULT"]


def test_decide_is_none_when_no_type_clears_its_threshold() -> None:
    P = np.array([[0.1, 0.2], [0.6, 0.2]])
    assert _decide(P, np.array([0.5, 0.5])).tolist() == [-1, 0]


def test_ratio_prefers_the_type_furthest_over_its_threshold() -> None:
    # ASSAULT's p is lower but twice its threshold; ACCUSE's is barely over its own
    P = np.array([[0.55, 0.4]])
    th = np.array([0.5, 0.2])
    assert _decide(P, th).tolist() == [0]
    assert _decide(P, th, ratio=True).tolist() == [1]


def test_a_wrong_type_costs_precision_and_recall() -> None:
    y = np.array([0, 1, -1])
    assert _micro_macro(np.array([0, 1, -1]), y, 2)[0] == pytest.approx(1.0)
    # one row of ASSAULT called ACCUSE: 1 tp, 1 fp, 1 fn -> micro 2/4
    assert _micro_macro(np.array([0, 0, -1]), y, 2)[0] == pytest.approx(0.5)


def _separable(n: int = 40) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    y = np.array([0, 1, -1] * n)
    P = rng.uniform(0.0, 0.3, size=(len(y), 2))
    P[y == 0, 0] += 0.6
    P[y == 1, 1] += 0.6
    return P, y, np.arange(len(y)) % 5


def test_nested_rules_decide_separable_rows_right() -> None:
    P, y, fold = _separable()
    assert nested(P, y, fold, TYPES, _ovr) == pytest.approx((1.0, 1.0))
    assert nested(P, y, fold, TYPES, _ovr, ratio=True) == pytest.approx((1.0, 1.0))


def test_report_counts_errors_by_kind(capsys: pytest.CaptureFixture[str]) -> None:
    P, y, fold = _separable()
    P[0] = [0.0, 0.0]  # an ACCUSE row no type clears: missed
    rows = [Row(f"s{i}", TYPES[k] if k >= 0 else NONE, 1.0, f"doc:{i}") for i, k in enumerate(y)]
    report(P, rows, TYPES, fold)
    out = capsys.readouterr().out
    assert "missed 1," in out and "ACCUSE->NONE 1" in out
