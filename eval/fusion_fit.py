"""Fit the fusion pair model (wirewatch/connect/pairs.py) and validate it by grouped cross-validation.

    python eval/fusion_fit.py [--folds 5] [--l2 3.0] [--more] [--write | --shipped]
    python eval/fusion_fit.py --pipeline [--refit] [--more] [--shares 0,0.5,1] [--write]   # threshold (and link share)

Training pairs: mentions extracted by wirewatch (cached, see replay.py) from ECB+ dev (labels: gold
coreference chains of the mentions they match, as score_coref.py matches them) and from our own gold
sets eval/connect and eval/connect2 (labels: gold fusion groups). Pairs are cross-article, of one event
type, inside one topic (ECB+) or storyline (ours): the hard cases. VOA dev is NOT used for fitting the weights;
`--pipeline` counts it in the threshold choice (its storylines as groups) unless `--no-voa`.

Folds are grouped by topic / storyline, never by sentence or pair. For each held-out fold it fits the
logistic regression and its threshold on the other folds and scores the held-out fold twice: pair-level
F1, and cross-document pairwise F1 after online clustering (each mention joins the cluster with the best
mean probability above the threshold, in file order: what fusion does). Prints dev (fit and scored on
all), CV (held-out) and the gap. `--write` stores the model fitted on everything in
wirewatch/connect/data/fusion_model.json with these figures. `--shipped` also scores the model that is
shipped now on each set (clustered as above; those weights were fitted on all data, so this is a dev
figure), to compare it with a refit before writing one.

`--pipeline` chooses the decision threshold through the real ingest path instead of the stand-in
clustering above (which put connect precision at 0.79 where the pipeline gets 0.91): each corpus is
replayed (replay.py) once per threshold on the grid, every labelled cross-article pair is counted (tp / fp
/ fn) per topic or storyline, and then, fold by fold, the threshold with the best mean F1 over the three
corpora on the training folds is chosen and the held-out fold is scored at it. Prints dev (the threshold
best on everything), CV (held-out folds pooled) and the gap per corpus. The weights are the shipped ones
(`--refit`: fitted on all pairs first, so only the threshold is cross-validated then). `--write` stores the
threshold chosen on all folds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import replay  # noqa: E402

from wirewatch.connect.fusion import DATE_WINDOW_DAYS, support  # noqa: E402
from wirewatch.connect.pairs import (  # noqa: E402
    DATA,
    FEATURES,
    PairModel,
    PairView,
    default_model,
    features,
    gate,
    view_in,  # noqa: E402
)
from wirewatch.store.events import mention_events  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "eval"


def _norm(s: str) -> str:
    return re.sub(r"[\s\-]+", " ", s or "").strip().lower()


def _words(s: str) -> list[str]:
    return [w.strip(".,;:!?\"'()[]").lower() for w in s.split()]


def stories_of(corpus: Path, *, real: bool = False) -> dict[str, str | None]:
    """Each article's story as the pipeline assigns it in file order (story assignment does not depend on
    fusion, so it can be computed once). `real`: through the full pipeline with spaCy, as the eval gate
    ingests it; the replayed extraction lands some articles in other stories (its entity names differ), and
    `story_same` is a feature, so our small corpora are fitted on the stories a user gets."""
    if real:
        from wirewatch.pipeline import ingest
        from wirewatch.store.db import Store

        store = Store(":memory:")
        ingest([str(corpus)], store)
        out = {r["id"]: r["story_id"] for r in store.conn.execute("SELECT id, story_id FROM articles")}
        store.close()
        return out
    store = replay.ingest_rows(replay.read_rows(corpus), replay.cached(corpus))
    out = {r["id"]: r["story_id"] for r in store.conn.execute("SELECT id, story_id FROM articles")}
    store.close()
    return out


def own_mentions(corpus: Path, gold_path: Path, tag: str, *,
                 stories: bool = True) -> list[tuple[str, str, str, PairView]]:
    """(group, article, label, view) for each extracted mention matched to a gold event. `stories`: with each
    article's story through the full pipeline (a fitting feature; the labels alone need none)."""
    gold = json.loads(gold_path.read_text())
    group_of = {}
    for i, g in enumerate(gold.get("fusion", [])):
        for eid in g:
            group_of[eid] = f"f{i}"
    # Storylines: articles linked by fusion or conflict gold (union-find), for grouped folds.
    parent: dict[str, str] = {a["id"]: a["id"] for a in gold["articles"]}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x
    art_of = {e["id"]: e["article"] for e in gold["events"]}
    for ids in [*gold.get("fusion", []), *[c["events"] for c in gold.get("conflicts", [])]]:
        for a, b in zip(ids, ids[1:], strict=False):
            parent[find(art_of[a])] = find(art_of[b])
    out = []
    story = stories_of(corpus, real=True) if stories else {}
    for aid, art in replay.cached(corpus).items():
        for m in art.events:
            s = _norm(m.sentence)
            g = next((e for e in gold["events"] if e["article"] == aid and _norm(e["key"]) in s
                      and m.event_type in e["type"]), None)
            if g is not None:
                out.append((f"{tag}:{find(aid)}", aid, group_of.get(g["id"], "s:" + g["id"]), view_in(m, art.events),
                            story.get(aid)))
    return out


def ecb_mentions() -> list[tuple[str, str, str, PairView]]:
    gold = {json.loads(line)["id"]: json.loads(line) for line in (SHARED / "ecb_coref_dev.jsonl").open()}
    out = []
    story = stories_of(SHARED / "ecb_dev.jsonl")
    for aid, art in replay.cached(SHARED / "ecb_dev.jsonl").items():
        gms = gold.get(aid, {}).get("gold", {}).get("mentions", [])
        for m in art.events:
            tw = set(_words(m.trigger))
            for g in gms:
                gw = _words(g["text"])
                if m.start <= g["start"] and g["end"] <= m.end and (
                        tw & set(gw) or any(w[:4] == t[:4] and len(w) >= 4 for w in gw for t in tw)):
                    out.append(("ecb:" + aid.split("_")[1], aid, g["chain"], view_in(m, art.events), story[aid]))
                    break
    return out


def candidate(a: tuple, b: tuple) -> bool:
    """Would fusion compare these two at all? Same story, or dates within its window (fusion.py)."""
    if a[4] is not None and a[4] == b[4]:
        return True
    da, db = _ord(a[3].m.date), _ord(b[3].m.date)
    return da is not None and db is not None and abs(da - db) <= DATE_WINDOW_DAYS


def _ord(v: str | None) -> int | None:
    from wirewatch.dates import parse_day as parse_date

    d = parse_date(v)
    return d.toordinal() if d else None


def by_corpus(ms: list[tuple]) -> dict[str, list[tuple]]:
    out = defaultdict(list)
    for x in ms:
        out[x[0].split(":")[0]].append(x)
    return out


def pairs(ms: list[tuple]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Cross-article pairs fusion would compare (same corpus; same story or near dates), gated; label:
    same storyline and same gold chain / fusion group."""
    X, y, groups = [], [], []
    for xs in by_corpus(ms).values():
        for i, a in enumerate(xs):
            for b in xs[i + 1:]:
                same_story = a[4] is not None and a[4] == b[4]
                if a[1] == b[1] or not gate(a[3], b[3], same_story) or not (a[0] == b[0] or candidate(a, b)):
                    continue
                f = features(a[3], b[3], same_story)
                X.append([f.get(k, 0.0) for k in FEATURES])
                y.append(float(a[0] == b[0] and a[2] == b[2]))
                groups.append(a[0])
    return np.array(X), np.array(y), groups


def fit_lr(X: np.ndarray, y: np.ndarray, l2: float, corpus: list[str]) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (bias not penalised). Each corpus weighs
    the same in total (ECB+ has ten times our pairs), and within it positives and negatives balance."""
    w = np.zeros(X.shape[1])
    sw = np.zeros(len(y))
    names = np.array(corpus)
    for c in set(corpus):
        sel = names == c
        for label in (0.0, 1.0):
            part = sel & (y == label)
            if part.any():
                sw[part] = len(y) / (2 * len(set(corpus)) * part.sum())
    reg = np.full(X.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (sw * (p - y)) + reg * w
        H = (X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(model: PairModel, ms: list[tuple]) -> float:
    """The decision point that clusters the training mentions best (cross-document pairwise F1)."""
    best = (0.0, 0.5)
    parts = list(by_corpus(ms).values())
    for t in np.arange(0.3, 0.96, 0.05):
        model.threshold = float(t)
        f = sum(cluster_score(model, p)[2] for p in parts) / len(parts)  # each corpus counts the same
        if f > best[0] + 1e-9:
            best = (f, float(t))
    return best[1]


def cluster_score(model: PairModel, ms: list[tuple]) -> tuple[float, float, float]:
    """Online clustering per corpus as fusion does it (candidates: same story or near dates; join the
    best mean probability above the threshold), then cross-article pairwise P/R/F1 against the gold."""
    tp = fp = fn = 0
    for xs in by_corpus(ms).values():
        clusters: list[list[tuple]] = []
        assign = []
        for x in sorted(xs, key=lambda t: t[1]):
            best, best_p = None, model.threshold
            for c in clusters:
                if c[0][3].m.event_type != x[3].m.event_type or not any(candidate(x, o) for o in c):
                    continue
                p = support(model.prob(x[3], o[3], x[4] is not None and x[4] == o[4]) for o in c)
                if p >= best_p:
                    best, best_p = c, p
            if best is None:
                best = []
                clusters.append(best)
            best.append(x)
            assign.append((x, id(best)))
        for i, (a, ca) in enumerate(assign):
            for b, cb in assign[i + 1:]:
                if a[1] == b[1]:
                    continue
                same_gold, same_pred = a[0] == b[0] and a[2] == b[2], ca == cb
                tp += same_gold and same_pred
                fp += same_pred and not same_gold
                fn += same_gold and not same_pred
    return prf(tp, fp, fn)


def pair_score(w: np.ndarray, t: float, X: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
    pred = p >= t
    return prf(float((pred & (y > 0)).sum()), float((pred & (y == 0)).sum()), float((~pred & (y > 0)).sum()))


# Evidence against one happening may not count for it: where the data give such a feature a positive
# weight (noisy participants in ECB+), it is dropped and the rest refitted.
NON_POSITIVE = ("actor_differ", "actor_clash", "recip_differ", "recip_clash", "personnel_recip_differ",
                "act_differ", "date_far", "place_differ")


# Dates that fit each other (the same day, days apart within the window, one inside the other's month, a
# publication date standing in for the same day) are evidence FOR one happening; no date is neither for nor
# against. A fit that weighs a fitting date below an unknown one (noise in few pairs) would rank "no date"
# above "a compatible date": each such feature is tied to `date_unknown` (one shared weight) and refitted,
# as pool-adjacent-violators does for an ordered fit.
AT_LEAST_UNKNOWN = ("date_same", "date_near", "date_loose", "date_prefix")


def _fit_tied(X: np.ndarray, y: np.ndarray, l2: float, corpus: list[str], keep: np.ndarray,
              tied: set[int], anchor: int) -> np.ndarray:
    """`fit_lr` over the kept features, the `tied` ones sharing `anchor`'s weight (their columns summed)."""
    cols = [i for i in range(X.shape[1]) if keep[i] and i not in tied]
    Xt = X[:, cols].copy()
    if tied and anchor in cols:
        Xt[:, cols.index(anchor)] += X[:, sorted(tied)].sum(axis=1)
    wt = fit_lr(Xt, y, l2, corpus)
    w = np.zeros(X.shape[1])
    w[cols] = wt
    for i in tied:
        w[i] = w[anchor]
    return w


def fit(ms: list[tuple], l2: float, ordered: bool = False) -> PairModel:
    X, y, groups = pairs(ms)
    corpus = [g.split(":")[0] for g in groups]
    keep = np.ones(len(FEATURES), dtype=bool)
    anchor = FEATURES.index("date_unknown")
    tied: set[int] = set()
    while True:
        w = _fit_tied(X, y, l2, corpus, keep, tied, anchor)
        bad = [i for i, k in enumerate(FEATURES) if k in NON_POSITIVE and w[i] > 0]
        low = [FEATURES.index(k) for k in AT_LEAST_UNKNOWN
               if ordered and FEATURES.index(k) not in tied and w[FEATURES.index(k)] < w[anchor] - 1e-9]
        if not bad and not low:
            break
        keep[bad] = False
        tied.update(low)
    model = PairModel(dict(zip(FEATURES, map(float, w), strict=True)), 0.5)
    model.threshold = best_threshold(model, ms)
    return model


CORPORA = {"ecb": SHARED / "ecb_dev.jsonl", "c1": HERE / "connect" / "corpus.jsonl",
           "c2": HERE / "connect2" / "corpus.jsonl", "voa": SHARED / "voa_dev_articles.jsonl",
           "c4": HERE / "connect4" / "corpus.jsonl", "c6": HERE / "connect6" / "corpus.jsonl"}
TAG = {"ecb": "ecb", "connect": "c1", "connect2": "c2", "connect4": "c4", "connect6": "c6"}
MORE = ("connect4", "connect6")  # our later multi-outlet gold sets (issue 12), storylines as CV groups
GRID = tuple(round(0.15 + 0.05 * i, 2) for i in range(14))  # 0.15 .. 0.80

Counts = dict[tuple[str, str], list[int]]  # (group, group) -> [tp, fp, fn]


def pipeline_counts(tag: str, ms: list[tuple], threshold: float, share: float | None = None) -> Counts:
    """Replay one corpus in file order through the real connectors at this threshold (and link share, see
    fusion.support); count every labelled cross-article pair by the pair of topics / storylines its mentions
    belong to."""
    model = default_model()  # the instance the Fuser uses
    model.threshold = threshold
    if share is not None:
        model.meta["link_share"] = share
    share = model.meta.get("link_share")
    corpus = CORPORA[tag]
    # Replays are cached by corpus, extraction, connector source, weights and threshold: a rerun with a
    # wider grid replays only the new points.
    h = hashlib.sha1(f"{replay._key(corpus)}|{threshold}|{sorted(model.weights.items())}|{share}".encode())
    h.update((DATA / "acts.yaml").read_bytes())
    for src in sorted((HERE.parent / "wirewatch" / "connect").glob("*.py")):
        h.update(src.read_bytes())
    path = replay.CACHE_DIR / f"fusion-{tag}-{h.hexdigest()[:16]}.json"
    if path.exists():
        ev = {tuple(k): v for k, v in json.loads(path.read_text())}
    else:
        store = replay.ingest_rows(replay.read_rows(corpus), replay.cached(corpus))
        ev = mention_events(store)
        store.close()
        path.write_text(json.dumps([[list(k), v] for k, v in ev.items()]))
    return count_pairs(ms, ev)


def count_pairs(ms: list[tuple], ev: dict[tuple, str]) -> Counts:
    """Every labelled cross-article pair of `ms` as tp / fp / fn by the pair of topics / storylines its mentions
    belong to, `ev` giving each mention's predicted event ((article, start, type) -> event id)."""
    out: Counts = defaultdict(lambda: [0, 0, 0])
    for i, a in enumerate(ms):
        ea = ev.get((a[1], a[3].m.start, a[3].m.event_type))
        for b in ms[i + 1:]:
            if a[1] == b[1]:
                continue
            eb = ev.get((b[1], b[3].m.start, b[3].m.event_type))
            same_gold, same_pred = a[0] == b[0] and a[2] == b[2], ea is not None and ea == eb
            if same_gold or same_pred:
                c = out[(min(a[0], b[0]), max(a[0], b[0]))]
                c[0 if same_gold and same_pred else 1 if same_pred else 2] += 1
    return out


def _f1_in(counts: Counts, groups: set[str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for (g, h), c in counts.items():
        if g in groups and h in groups:
            tp, fp, fn = tp + c[0], fp + c[1], fn + c[2]
    return prf(tp, fp, fn)


def pipeline_cv(sets: dict[str, list[tuple]], folds: int, grid: tuple[float, ...] = GRID,
                shares: tuple[float | None, ...] = (None,)) -> tuple[tuple[float, Any], dict[str, Any]]:
    """Threshold and link share (fusion.support) chosen together by grouped CV through the pipeline (see the
    module docstring); returns the point chosen on all folds and the per-corpus figures."""
    points = [(t, sh) for t in grid for sh in shares]
    counts: dict[str, dict[tuple, Counts]] = {}
    for tag, ms in sets.items():
        counts[tag] = {}
        for t, sh in points:
            counts[tag][(t, sh)] = pipeline_counts(tag, ms, t, sh)
            f = _f1_in(counts[tag][(t, sh)], {x[0] for x in ms})
            print(f"  {tag:4s} threshold {t:.2f} share {sh}: P {f[0]:.3f} R {f[1]:.3f} F1 {f[2]:.3f}", file=sys.stderr)
    groups = sorted({x[0] for ms in sets.values() for x in ms})
    fold_of = {g: i % folds for i, g in enumerate(groups)}

    def choose(train: set[str]) -> tuple:
        def mean_f1(pt: tuple) -> float:
            return sum(_f1_in(counts[tag][pt], train)[2] for tag in sets) / len(sets)
        return max(points, key=lambda pt: (round(mean_f1(pt), 6), -abs(pt[0] - 0.5), pt[1] or 0))

    chosen = choose(set(groups))
    held: dict[str, list[int]] = {tag: [0, 0, 0] for tag in sets}
    picks = []
    for k in range(folds):
        test = {g for g in groups if fold_of[g] == k}
        t = choose(set(groups) - test)
        picks.append(t)
        for tag in sets:
            for (g, h), c in counts[tag][t].items():
                if g in test and h in test:
                    held[tag] = [x + y for x, y in zip(held[tag], c, strict=True)]
    report: dict[str, Any] = {"threshold": chosen[0], "fold_thresholds": [p[0] for p in picks], "sets": {}}
    if chosen[1] is not None:
        report.update(link_share=chosen[1], fold_link_shares=[p[1] for p in picks])
    print(f"threshold, link share chosen on all folds {chosen}; on the training folds of each held-out fold {picks}")
    for tag, ms in sets.items():
        dev, cv = _f1_in(counts[tag][chosen], {x[0] for x in ms}), prf(*held[tag])
        report["sets"][tag] = {"dev_f1": round(dev[2], 3), "cv_f1": round(cv[2], 3), "cv_precision": round(cv[0], 3),
                               "cv_recall": round(cv[1], 3), "gap": round(dev[2] - cv[2], 3)}
        print(f"{tag:4s} pipeline cross-doc F1: dev {dev[2]:.3f} (P {dev[0]:.3f} R {dev[1]:.3f}) | "
              f"CV {cv[2]:.3f} (P {cv[0]:.3f} R {cv[1]:.3f}) | gap {dev[2] - cv[2]:+.3f}")
    return chosen, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--ordered", action="store_true",
                    help="tie each fitting date's weight to at least that of an unknown date (AT_LEAST_UNKNOWN)")
    ap.add_argument("--write", action="store_true", help="write the model fitted on all data")
    ap.add_argument("--shipped", action="store_true", help="also score the shipped model on each set")
    ap.add_argument("--more", action="store_true", help="also fit and validate on eval/connect4 and eval/connect6")
    ap.add_argument("--pipeline", action="store_true", help="choose the threshold through the real pipeline")
    ap.add_argument("--refit", action="store_true", help="with --pipeline: refit the weights on all pairs first")
    ap.add_argument("--grid", help="with --pipeline: thresholds to try, comma-separated (default 0.15 .. 0.80)")
    ap.add_argument("--no-voa", action="store_true", help="with --pipeline: leave VOA dev out of the choice")
    ap.add_argument("--shares", help="with --pipeline: link shares to try with each threshold (fusion.support), "
                    "comma-separated (default: the shipped one only)")
    args = ap.parse_args(argv)
    if args.pipeline:
        return main_pipeline(args)

    sets = {
        "ecb": ecb_mentions(),
        "connect": own_mentions(HERE / "connect" / "corpus.jsonl", HERE / "connect" / "gold.json", "c1"),
        "connect2": own_mentions(HERE / "connect2" / "corpus.jsonl", HERE / "connect2" / "gold.json", "c2"),
    }
    if args.more:
        for name in MORE:
            sets[name] = own_mentions(HERE / name / "corpus.jsonl", HERE / name / "gold.json", TAG[name])
    ms = [x for v in sets.values() for x in v]
    groups = sorted({x[0] for x in ms})
    fold_of = {g: i % args.folds for i, g in enumerate(groups)}
    X, y, _ = pairs(ms)
    print(f"mentions {len(ms)} ({', '.join(f'{k} {len(v)}' for k, v in sets.items())}); "
          f"groups {len(groups)}; pairs {len(y)} ({int(y.sum())} coreferent)")

    # Held-out folds: everything fitted on the other folds.
    held: dict[str, list] = defaultdict(list)
    for k in range(args.folds):
        train = [x for x in ms if fold_of[x[0]] != k]
        test = [x for x in ms if fold_of[x[0]] == k]
        model = fit(train, args.l2, args.ordered)
        for name in sets:
            part = [x for x in test if x[0].split(":")[0] == TAG[name]]
            held[name] += part
            held.setdefault("_models", []).append((model, part))
    full = fit(ms, args.l2, args.ordered)
    report: dict[str, Any] = {"features": list(FEATURES), "l2": args.l2, "folds": args.folds, "sets": {}}
    for name in sets:
        tag = TAG[name]
        # CV: each held-out fold clustered by the model fitted without it.
        tp_fp_fn = [0.0, 0.0, 0.0]
        for model, part in held["_models"]:
            part = [x for x in part if x[0].split(":")[0] == tag]
            if not part:
                continue
            p, r, _ = cluster_score(model, part)
            npos = _true_pairs(part)
            tp = r * npos
            tp_fp_fn[0] += tp
            tp_fp_fn[1] += tp / p - tp if p else 0.0
            tp_fp_fn[2] += npos - tp
        cv = prf(*tp_fp_fn)
        dev = cluster_score(full, sets[name])
        report["sets"][name] = {"dev_f1": round(dev[2], 3), "cv_f1": round(cv[2], 3), "cv_precision": round(cv[0], 3),
                                "cv_recall": round(cv[1], 3), "gap": round(dev[2] - cv[2], 3)}
        print(f"{name:9s} clustered cross-doc F1: dev {dev[2]:.3f} (P {dev[0]:.3f} R {dev[1]:.3f}) | "
              f"CV {cv[2]:.3f} (P {cv[0]:.3f} R {cv[1]:.3f}) | gap {dev[2] - cv[2]:+.3f}")
    if args.shipped:
        shipped = PairModel.load()
        for name, part in sets.items():
            p, r, f1 = cluster_score(shipped, part)
            print(f"{name:9s} shipped model (threshold {shipped.threshold:.2f}) clustered cross-doc F1: dev {f1:.3f} "
                  f"(P {p:.3f} R {r:.3f})")
    w = np.array([full.weights[k] for k in FEATURES])
    dp = pair_score(w, full.threshold, X, y)
    print(f"pair-level dev F1 {dp[2]:.3f} at threshold {full.threshold:.2f}")
    print("weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in full.weights.items()))
    if args.write:
        out = {"weights": {k: round(v, 4) for k, v in full.weights.items()}, "threshold": round(full.threshold, 3),
               **report, "fitted_by": "eval/fusion_fit.py"}
        (DATA / "fusion_model.json").write_text(json.dumps(out, indent=1) + "\n")
        print(f"wrote {DATA / 'fusion_model.json'}")
    print(json.dumps(report["sets"]))
    return 0


def main_pipeline(args: argparse.Namespace) -> int:
    sets = {"ecb": ecb_mentions(), "c1": own_mentions(CORPORA["c1"], HERE / "connect" / "gold.json", "c1"),
            "c2": own_mentions(CORPORA["c2"], HERE / "connect2" / "gold.json", "c2")}
    if args.more:
        for name in MORE:
            sets[TAG[name]] = own_mentions(CORPORA[TAG[name]], HERE / name / "gold.json", TAG[name])
    # VOA dev (real reports) joins the threshold choice: its errors may be read, its sentences get no rule;
    # its groups are its storylines, like ours.
    voa_gold = SHARED / "voa_dev_gold.json"
    if voa_gold.exists() and not args.no_voa:
        sets["voa"] = own_mentions(CORPORA["voa"], voa_gold, "voa")
    model = default_model()
    if args.refit:
        model.weights = fit([x for v in sets.values() for x in v], args.l2, args.ordered).weights
    grid = tuple(float(x) for x in args.grid.split(",")) if args.grid else GRID
    shares: tuple[float | None, ...] = tuple(float(x) for x in args.shares.split(",")) if args.shares else (None,)
    (chosen, share), report = pipeline_cv(sets, args.folds, grid, shares)
    if args.write:
        raw = json.loads((DATA / "fusion_model.json").read_text())
        if share is not None:
            raw["link_share"] = share
        raw.update({"weights": {k: round(v, 4) for k, v in model.weights.items()}, "threshold": chosen,
                    "pipeline_cv": report, "fitted_by": "eval/fusion_fit.py" + (" --pipeline --refit" if args.refit
                                                                               else " --pipeline")})
        (DATA / "fusion_model.json").write_text(json.dumps(raw, indent=1) + "\n")
        print(f"wrote {DATA / 'fusion_model.json'}")
    print(json.dumps(report))
    return 0


def _true_pairs(ms: list[tuple]) -> int:
    by = defaultdict(list)
    for x in ms:
        by[x[0]].append(x)
    n = 0
    for xs in by.values():
        for i, a in enumerate(xs):
            n += sum(1 for b in xs[i + 1:] if a[1] != b[1] and a[2] == b[2])
    return n


if __name__ == "__main__":
    sys.exit(main())
