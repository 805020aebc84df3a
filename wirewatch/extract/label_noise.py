"""The label-noise filter for the detector's training quotes, measured by nested grouped cross-validation.

The NGEC screen labels are one LLM annotator's, and by the train README's verified kept-rates about 15% of
the quotes do not hold the labelled event. The filter: fit the model on the other (grouped) folds, and give a
quote whose out-of-fold probability of its own label is low, relative to that type's threshold, less weight
("down": weight x min(1, ratio / tau)) or none ("drop": ratio < tau). Only the screen quotes are judged
(group "ngec:"): PLOVER gold, ECB+ negatives and our own copy are not one annotator's screen.

`nested_cv` scores the filter honestly: for each outer fold the ratios come from inner folds of the outer
training rows only, tau is chosen by an inner CV of those rows (each inner fold scored by a model whose weights
come from ratios of its own training rows only: `filtered_oof`), and the outer fold, with its original labels,
is scored by the model fit on the filtered outer training rows (thresholds chosen on the other outer folds, as
in `train.cross_validate`). The same run also scores every tau of the grid fixed in advance, so the table says
how much the choice itself is worth.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from .detector import FeatureConfig, hashed_counts
from .train import NONE, Row, choose_thresholds, decide, embeddings, fit, held_out_decisions, predict, scores

NOISY_GROUP = "ngec:"
TAUS = (0.0, 0.35, 0.7)  # 0: no filter
MODES = ("drop", "down")


def _oof(rows: Sequence[Row], counts: Sequence[Counter[int]], types: list[str], cfg: FeatureConfig, C: float,
         folds: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Grouped out-of-fold probabilities of `rows` (a model per fold, fit on the others)."""
    from sklearn.model_selection import GroupKFold

    P = np.zeros((len(rows), len(types)))
    for tr, te in GroupKFold(n_splits=folds).split(np.zeros(len(rows)), groups=[r.group for r in rows]):
        W, b, idf = fit([rows[i] for i in tr], [counts[i] for i in tr], types, cfg, C,
                        None if weights is None else weights[tr])
        P[te] = predict(W, b, idf, [counts[i] for i in te], cfg.dim, embeddings([rows[i] for i in te], cfg),
                        cfg.encoder)
    return P


def filtered_oof(rows: Sequence[Row], counts: Sequence[Counter[int]], types: list[str], cfg: FeatureConfig,
                 C: float, folds: int, tau: float, mode: str) -> np.ndarray:
    """Grouped out-of-fold probabilities of `rows` with the filter inside each fold: a fold is predicted by a
    model fit on the other folds, weighted by ratios from a grouped CV of those other folds alone. (Ratios
    of all rows would let a held-out row's label reach the weights of the rows it is scored against.)"""
    from sklearn.model_selection import GroupKFold

    P = np.zeros((len(rows), len(types)))
    for tr, te in GroupKFold(n_splits=folds).split(np.zeros(len(rows)), groups=[r.group for r in rows]):
        sub, sub_counts = [rows[i] for i in tr], [counts[i] for i in tr]
        ratio = own_label_ratio(sub, _oof(sub, sub_counts, types, cfg, C, folds), types)
        W, b, idf = fit(sub, sub_counts, types, cfg, C, filtered_weights(sub, ratio, tau, mode))
        P[te] = predict(W, b, idf, [counts[i] for i in te], cfg.dim, embeddings([rows[i] for i in te], cfg),
                        cfg.encoder)
    return P


def own_label_ratio(rows: Sequence[Row], P: np.ndarray, types: list[str]) -> np.ndarray:
    """Per row, its out-of-fold probability of its own label over that type's threshold (chosen on the same
    out-of-fold probabilities); NaN for the rows the filter does not judge (not a screen quote)."""
    th = choose_thresholds(P, [r.label for r in rows], types)
    col = {t: k for k, t in enumerate(types)}
    out = np.full(len(rows), np.nan)
    for i, r in enumerate(rows):
        if r.group.startswith(NOISY_GROUP) and r.label in col:
            out[i] = P[i, col[r.label]] / th[r.label]
    return out


def filtered_weights(rows: Sequence[Row], ratio: np.ndarray, tau: float, mode: str) -> np.ndarray:
    w = np.array([r.weight for r in rows], dtype=np.float64)
    if tau <= 0:
        return w
    judged = ~np.isnan(ratio)
    r = np.where(judged, ratio, np.inf)
    if mode == "drop":
        return np.where(r < tau, 0.0, w)
    if mode == "down":
        return w * np.minimum(1.0, r / tau)
    raise ValueError(f"unknown label-noise mode {mode!r} (one of {MODES})")


def _f(P: np.ndarray, labels: list[str], types: list[str]) -> float:
    """The inner criterion: mean of micro- and macro-F1 at thresholds chosen on the same probabilities."""
    s = scores(labels, decide(P, types, choose_thresholds(P, labels, types)), types)
    return (s["micro_f1"] + s["macro_f1"]) / 2


def nested_cv(rows: list[Row], cfg: FeatureConfig, C: float, mode: str, taus: Sequence[float] = TAUS,
              folds: int = 5, inner: int = 3, log=print) -> dict:
    """Outer grouped `folds`-fold CV of the filter with tau chosen inside each outer fold (see the module's
    docstring). Returns {"nested": scores, "chosen": taus per fold, "fixed": {tau: scores}, "touched": share of
    judged quotes given weight 0 (drop) or under full weight (down) at each fixed tau, over the outer folds,
    "oof": the nested out-of-fold probabilities, "fold_of": each row's outer fold}."""
    from sklearn.model_selection import GroupKFold

    types = sorted({r.label for r in rows} - {NONE})
    counts = [hashed_counts(r.text, cfg, r.cues) for r in rows]
    labels = [r.label for r in rows]
    P_nested = np.zeros((len(rows), len(types)))
    P_fixed = {tau: np.zeros((len(rows), len(types))) for tau in taus}
    fold_of = np.zeros(len(rows), dtype=int)
    chosen: list[float] = []
    touched = {tau: [0, 0] for tau in taus}
    splits = GroupKFold(n_splits=folds).split(np.zeros(len(rows)), groups=[r.group for r in rows])
    for k, (tr, te) in enumerate(splits):
        fold_of[te] = k
        sub, sub_counts = [rows[i] for i in tr], [counts[i] for i in tr]
        sub_labels = [labels[i] for i in tr]
        # the unfiltered inner out-of-fold probabilities give the ratios and score tau 0 (no filter)
        P0 = _oof(sub, sub_counts, types, cfg, C, inner)
        ratio = own_label_ratio(sub, P0, types)
        inner_f: dict[float, float] = {}
        for tau in taus:
            w = filtered_weights(sub, ratio, tau, mode)
            judged = ~np.isnan(ratio)
            touched[tau][0] += int(((w < np.array([r.weight for r in sub])) & judged).sum())
            touched[tau][1] += int(judged.sum())
            if len(taus) > 1:  # one tau fixed in advance (train.py's build) needs no inner choice
                inner_f[tau] = _f(P0 if tau <= 0 else filtered_oof(sub, sub_counts, types, cfg, C, inner, tau,
                                                                   mode), sub_labels, types)
            else:
                inner_f[tau] = 0.0
            W, b, idf = fit(sub, sub_counts, types, cfg, C, w)
            P_fixed[tau][te] = predict(W, b, idf, [counts[i] for i in te], cfg.dim,
                                       embeddings([rows[i] for i in te], cfg), cfg.encoder)
        best = max(taus, key=lambda t: (round(inner_f[t], 6), -t))
        chosen.append(best)
        P_nested[te] = P_fixed[best][te]
        log(f"  outer fold {k + 1}/{folds} ({mode}): inner criterion "
            + ", ".join(f"tau {t}: {v:.4f}" for t, v in inner_f.items()) + f" -> tau {best}")

    def outer(P: np.ndarray) -> dict:
        pred = held_out_decisions(P, labels, fold_of, folds, types)
        s = scores(labels, pred, types)
        plover = [i for i, r in enumerate(rows) if r.group.startswith("plover:")]
        s["plover_micro_f1"] = scores([labels[i] for i in plover], [pred[i] for i in plover], types)["micro_f1"] \
            if plover else 0.0
        return s

    return {"mode": mode, "nested": outer(P_nested), "chosen": chosen, "oof": P_nested, "fold_of": fold_of,
            "fixed": {tau: outer(P) for tau, P in P_fixed.items()},
            "touched": {tau: (a / b if b else 0.0) for tau, (a, b) in touched.items()}}
