"""Where the detector's grouped-CV errors are, and what the decision rule alone could win (round 11).

Called by `python eval/detector_cv.py --errors` on the out-of-fold probabilities of its CV. Prints:
- the error accounting of the held-out decisions: quotes missed (no type cleared its threshold), quotes given
  another type (one error that counts as a false positive *and* a false negative in micro-F1), NONE rows
  given a type; by source, and the commonest confusions;
- how often the quote's label is the model's top type, or in its top two, ignoring thresholds;
- nested comparisons of decision rules on the same probabilities (every fold decided with what was chosen on
  the other folds' out-of-fold probabilities): the shipped per-type one-vs-rest F1 thresholds, the argmax of
  p / threshold instead of p, one scale on all thresholds, and thresholds tuned jointly for micro + macro F1.
These rules are training-side only (detector.decide_article decides the pipeline); they say how much of the
gap is the decision and how much the probabilities.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from wirewatch.extract import train as T


def _decide(probs: np.ndarray, th: np.ndarray, ratio: bool = False) -> np.ndarray:
    """Column index of each row's type (-1: none cleared its threshold); argmax of p, or of p / threshold."""
    ok = probs >= th
    a = np.where(ok, probs / th if ratio else probs, -1.0).argmax(1)
    return np.where(ok.any(1), a, -1)


def _micro_macro(pred: np.ndarray, y: np.ndarray, n_types: int) -> tuple[float, float]:
    """As train.scores, on column indices (-1 = NONE)."""
    tp = int(((pred == y) & (y >= 0)).sum())
    fp = int(((pred >= 0) & (pred != y)).sum())
    fn = int(((y >= 0) & (pred != y)).sum())
    f1 = []
    for k in range(n_types):
        a, b, c = ((pred == k) & (y == k)).sum(), ((pred == k) & (y != k)).sum(), ((y == k) & (pred != k)).sum()
        if a + c:
            f1.append(2 * a / (2 * a + b + c))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0, float(np.mean(f1)) if f1 else 0.0


def _ovr(P: np.ndarray, y: np.ndarray, types: list[str]) -> np.ndarray:
    th = T.choose_thresholds(P, [types[i] if i >= 0 else T.NONE for i in y], types)
    return np.array([th[t] for t in types])


def _scaled(P: np.ndarray, y: np.ndarray, types: list[str]) -> np.ndarray:
    th, best, scale = _ovr(P, y, types), -1.0, 1.0
    for s in np.round(np.arange(0.5, 1.51, 0.05), 2):
        v = sum(_micro_macro(_decide(P, th * s), y, len(types)))
        if v > best + 1e-9:
            best, scale = v, float(s)
    return th * scale


def _joint(P: np.ndarray, y: np.ndarray, types: list[str], ratio: bool, rounds: int = 2) -> np.ndarray:
    """Coordinate ascent on micro + macro F1 from the one-vs-rest thresholds, over train.GRID."""
    th = _ovr(P, y, types)
    best = sum(_micro_macro(_decide(P, th, ratio), y, len(types)))
    for _ in range(rounds):
        for k in range(len(types)):
            for g in T.GRID:
                t2 = th.copy()
                t2[k] = g
                v = sum(_micro_macro(_decide(P, t2, ratio), y, len(types)))
                if v > best + 1e-9:
                    best, th = v, t2
    return th


Chooser = Callable[[np.ndarray, np.ndarray, list[str]], np.ndarray]


def nested(P: np.ndarray, y: np.ndarray, fold_of: np.ndarray, types: list[str], choose: Chooser,
           ratio: bool = False) -> tuple[float, float]:
    """Micro / macro F1 with each fold decided by the thresholds `choose` picks on the other folds."""
    pred = np.full(len(y), -1)
    for k in sorted(set(fold_of.tolist())):
        mine = fold_of == k
        pred[mine] = _decide(P[mine], choose(P[~mine], y[~mine], types), ratio)
    return _micro_macro(pred, y, len(types))


def report(P: np.ndarray, rows: Sequence[T.Row], types: list[str], fold_of: np.ndarray) -> None:
    labels = [r.label for r in rows]
    pred = T.held_out_decisions(P, labels, fold_of, int(fold_of.max()) + 1, types)
    kinds: Counter[tuple[str, str]] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for r, p in zip(rows, pred, strict=True):
        kind = ("right" if p == r.label else "missed" if p == T.NONE else
                "NONE typed" if r.label == T.NONE else "other type")
        kinds[(r.group.split(":")[0], kind)] += 1
        if p != r.label:
            pairs[(r.label, p)] += 1
    total = Counter(k for (_, k), v in kinds.items() for _ in range(v))
    print("held-out decisions: " + ", ".join(f"{k} {total[k]}" for k in ("right", "missed", "other type",
                                                                         "NONE typed")))
    for src in sorted({s for s, _ in kinds}):
        print(f"  {src:7s} " + ", ".join(f"{k} {kinds[(src, k)]}" for k in ("right", "missed", "other type",
                                                                             "NONE typed") if kinds[(src, k)]))
    print("commonest errors (label -> decision): " + ", ".join(f"{g}->{p} {v}" for (g, p), v in
                                                               pairs.most_common(20)))
    quotes = [i for i, r in enumerate(rows) if r.label != T.NONE]
    order = np.argsort(-P[quotes], axis=1)
    y_q = np.array([types.index(rows[i].label) for i in quotes])
    print(f"labelled rows: label is the top type {np.mean(order[:, 0] == y_q):.3f}, in the top two "
          f"{np.mean((order[:, :2] == y_q[:, None]).any(1)):.3f} (thresholds ignored)")
    y = np.array([types.index(lab) if lab != T.NONE else -1 for lab in labels])
    print("decision rules on the same out-of-fold probabilities (nested: chosen on the other folds):")
    rules: list[tuple[str, Chooser, bool]] = [
        ("per-type one-vs-rest F1 thresholds (shipped)", _ovr, False),
        ("same thresholds, argmax of p / threshold", _ovr, True),
        ("one scale on all thresholds (micro+macro)", _scaled, False),
        ("thresholds tuned jointly (micro+macro)", lambda P, y, t: _joint(P, y, t, False), False),
        ("jointly, argmax of p / threshold", lambda P, y, t: _joint(P, y, t, True), True)]
    for name, choose, ratio in rules:
        mi, ma = nested(P, y, fold_of, types, choose, ratio)
        print(f"  {name:46s} micro {mi:.3f} macro {ma:.3f}")
