"""The label-noise filter of the detector's training quotes (extract/label_noise.py) on a tiny hand-made set:
a quote whose label contradicts what the other documents teach gets the lowest own-label ratio and is the one
dropped; rows that are not screen quotes are never judged; the nested CV runs and reports every setting."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn")

from wirewatch.extract import label_noise as N  # noqa: E402
from wirewatch.extract.detector import FeatureConfig, hashed_counts  # noqa: E402
from wirewatch.extract.train import Row  # noqa: E402

CFG = FeatureConfig(dim_bits=12, word_ngrams=1, char_ngrams=None, cues=False)
PROTEST = ["Thousands of workers marched through the capital in a protest over wages.",
           "Students held a protest march outside the ministry against the new fees.",
           "Farmers blocked the highway in a protest against import quotas.",
           "Residents marched in the main square in protest at the dam project.",
           "Dock workers marched to the port gates in a protest over pay.",
           "Nurses held a protest outside the hospital over staffing."]
CONSULT = ["The foreign ministers held talks in Vienna on Monday.",
           "The two leaders met for talks on trade at the summit.",
           "Envoys of both sides met in Geneva for a second round of talks.",
           "The president met the visiting prime minister for talks on security.",
           "Officials of the two countries held talks on the border dispute.",
           "The ministers met again for talks on the water treaty."]
WRONG = "Teachers marched through the city in a protest over pay cuts."  # labelled CONSULT: a screen error


def _rows() -> list[Row]:
    rows = [Row(t, "PROTEST", 1.0, f"ngec:p{i}") for i, t in enumerate(PROTEST)]
    rows += [Row(t, "CONSULT", 1.0, f"ngec:c{i}") for i, t in enumerate(CONSULT)]
    rows.append(Row(WRONG, "CONSULT", 1.0, "ngec:wrong"))
    rows += [Row(t, "NONE", 1.0, f"own:n{i}") for i, t in enumerate([
        "The laptop offers two ports and a bright screen.", "Shares rose after the earnings report.",
        "The recipe needs two eggs and a cup of flour.", "Rain is expected across the north tomorrow."])]
    rows.append(Row("Pensioners marched on the town hall in a protest over bus fares.", "PROTEST", 1.0, "plover:1"))
    return rows


def test_the_mislabelled_quote_has_the_lowest_own_label_ratio_and_is_dropped() -> None:
    rows = _rows()
    counts = [hashed_counts(r.text, CFG) for r in rows]
    P = N._oof(rows, counts, ["CONSULT", "PROTEST"], CFG, 8.0, folds=3)
    ratio = N.own_label_ratio(rows, P, ["CONSULT", "PROTEST"])
    wrong = next(i for i, r in enumerate(rows) if r.text == WRONG)
    judged = ~np.isnan(ratio)
    assert not judged[-1] and not judged[-2]  # PLOVER gold and our own copy are not judged
    assert ratio[wrong] == np.nanmin(ratio)
    tau = float(np.nanmin(ratio[judged & (np.arange(len(rows)) != wrong)]))  # just above the wrong one
    w = N.filtered_weights(rows, ratio, tau, "drop")
    assert w[wrong] == 0 and (w[np.arange(len(rows)) != wrong] > 0).all()
    down = N.filtered_weights(rows, ratio, tau, "down")
    assert 0 <= down[wrong] < 1 and down[-1] == 1.0
    assert (N.filtered_weights(rows, ratio, 0.0, "drop") == 1.0).all()  # tau 0: no filter
    with pytest.raises(ValueError, match="mode"):
        N.filtered_weights(rows, ratio, 0.5, "relabel")


def test_nested_cv_reports_the_chosen_and_every_fixed_setting() -> None:
    rows = _rows() * 1  # 18 rows, 18 groups
    res = N.nested_cv(rows, CFG, 8.0, "drop", taus=(0.0, 0.5), folds=3, inner=3, log=lambda s: None)
    assert len(res["chosen"]) == 3 and set(res["chosen"]) <= {0.0, 0.5}
    assert set(res["fixed"]) == {0.0, 0.5}
    for s in [res["nested"], *res["fixed"].values()]:
        assert 0.0 <= s["micro_f1"] <= 1.0 and 0.0 <= s["plover_micro_f1"] <= 1.0
    assert res["touched"][0.0] == 0.0


@pytest.mark.slow
def test_thresholds_from_repeated_cv_are_recorded(tmp_path) -> None:
    """`--threshold-repeats N`: the thresholds come from the pooled out-of-fold probabilities of N grouped
    CVs with shuffled fold assignments, and every repeat's figures are kept in the model's JSON."""
    from pathlib import Path

    from wirewatch.extract import train
    from wirewatch.extract.detector import Detector

    fixture = Path(__file__).parent / "fixtures" / "detector_train.jsonl"
    out = tmp_path / "det"
    assert train.main(["--no-shared", "--extra", str(fixture), "--out", str(out), "--folds", "3", "-C", "8",
                       "--threshold-repeats", "2"]) == 0
    det = Detector.load(out)
    reps = det.meta["cv"]["repeats"]
    assert [r["seed"] for r in reps] == [0, 1] and all(0 <= r["micro_f1"] <= 1 for r in reps)
    assert set(det.thresholds) == {"CONSULT", "PROTEST"} and all(0 < v < 1 for v in det.thresholds.values())
