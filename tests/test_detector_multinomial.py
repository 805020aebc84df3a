"""The multinomial event detector (train.fit_multinomial, link "softmax"): one softmax over the types and NONE,
trained on the tiny fixture, saved, loaded and predicting; one-vs-rest files still load as sigmoids."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wirewatch.extract.detector import SIGMOID, SOFTMAX, Detector, DetectorError, link_probabilities

FIXTURE = Path(__file__).parent / "fixtures" / "detector_train.jsonl"


def test_softmax_link_leaves_the_rest_to_none() -> None:
    z = np.array([[2.0, -1.0], [800.0, 0.0], [-800.0, -800.0]])  # large logits must not overflow
    p = link_probabilities(z, softmax=True)
    none = 1.0 - p.sum(axis=1)
    # types and NONE (logit 0) make one distribution
    assert np.all(p >= 0) and np.all(none >= -1e-12)
    assert p[0] == pytest.approx(np.exp([2.0, -1.0]) / (1 + np.exp(2.0) + np.exp(-1.0)))
    assert p[1, 0] == pytest.approx(1.0) and p[2].sum() == pytest.approx(0.0)
    # one-vs-rest: each type its own sigmoid, which may sum past 1
    assert link_probabilities(np.array([3.0, 3.0]), softmax=False).sum() > 1.0


@pytest.mark.slow
def test_multinomial_trains_loads_and_predicts(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from wirewatch.extract import train

    out = tmp_path / "multi"
    args = ["--no-shared", "--extra", str(FIXTURE), "--out", str(out), "--folds", "3", "-C", "8"]
    assert train.main([*args, "--multinomial"]) == 0
    assert json.loads(out.with_suffix(".json").read_text())["link"] == SOFTMAX
    det = Detector.load(out)
    assert det.link == SOFTMAX and det.types == ["CONSULT", "PROTEST"]
    p = det.probabilities("Hundreds of nurses marched on the town hall in a protest over staffing.")
    q = det.probabilities("The two defence ministers held talks in Oslo on Tuesday.")
    r = det.probabilities("The blender has three speeds and a glass jug.")
    assert p["PROTEST"] > p["CONSULT"] and q["CONSULT"] > q["PROTEST"]
    for probs in (p, q, r):
        assert sum(probs.values()) < 1.0  # what is left is NONE's
    assert max(r.values()) < max(p.values())
    # the CLI setting does not stick to the module, and one-vs-rest files carry no link and load as sigmoids
    shipped = train.MULTINOMIAL
    out2 = tmp_path / "ovr"
    args2 = ["--no-shared", "--extra", str(FIXTURE), "--out", str(out2), "--folds", "3", "-C", "8"]
    assert train.main([*args2, "--no-multinomial"]) == 0 and train.MULTINOMIAL is shipped
    ovr = Detector.load(out2)
    assert ovr.link == SIGMOID and "link" not in json.loads(out2.with_suffix(".json").read_text())
    # deterministic, as make model needs
    out3 = tmp_path / "multi2"
    train.main(["--no-shared", "--extra", str(FIXTURE), "--out", str(out3), "--folds", "3", "-C", "8", "--multinomial"])
    assert np.array_equal(Detector.load(out3).W, det.W)


def test_unknown_link_is_a_clear_error(tmp_path: Path) -> None:
    from wirewatch.extract.detector import FeatureConfig

    (tmp_path / "m.json").write_text(json.dumps({"types": ["A"], "thresholds": {"A": 0.5}, "link": "probit",
                                                 "features": FeatureConfig(dim_bits=4).to_dict()}))
    np.savez(tmp_path / "m.npz", W=np.zeros((16, 1)), b=np.zeros(1), idf=np.zeros(16))
    with pytest.raises(DetectorError, match="unknown link"):
        Detector.load(tmp_path / "m")
