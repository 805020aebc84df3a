"""Fusion, conflicts and stories over arrival orders, on cached extraction (see replay.py).

    python eval/connect_eval.py [SUITE ...] [--shuffles N]

Suites: connect, connect2, connect4, connect6 (our own gold), connect3, connect5 (held out: figures only, which
is all this prints), voa (VOA dev), ecb (ECB+ dev event coreference and stories).
Each suite is run in file order and in N shuffled orders (fixed seeds); per order it prints the scorer's
headline figures, then the mean and the worst over the shuffles. The last line is one JSON object.
For our own gold and VOA dev it adds `fusible_share` (gold cross-article fusion pairs whose two events both
matched an extracted mention) and `fusible_fusion_f1` (fusion F1 with recall over those pairs only): what
fusion can be asked for, told apart from what extraction lost; and `keyed_fusion_f1`, fusion F1 with gold events
matched to the mention whose trigger their key names when one sentence holds two acts of one type (score.py, shared,
matches by sentence, type and actor only, so such a gold event can be scored on its sibling's mention).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import replay  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))  # score.py, for `fusible`
SCORE, SCORE_COREF = SHARED / "score.py", SHARED / "score_coref.py"
SUITES: dict[str, dict[str, Any]] = {
    "connect": {"corpus": HERE / "connect" / "corpus.jsonl", "gold": HERE / "connect" / "gold.json"},
    "connect2": {"corpus": HERE / "connect2" / "corpus.jsonl", "gold": HERE / "connect2" / "gold.json"},
    "connect3": {"corpus": HERE / "connect3" / "corpus.jsonl", "gold": HERE / "connect3" / "gold.json"},
    "connect4": {"corpus": HERE / "connect4" / "corpus.jsonl", "gold": HERE / "connect4" / "gold.json"},
    "connect5": {"corpus": HERE / "connect5" / "corpus.jsonl", "gold": HERE / "connect5" / "gold.json"},
    "connect6": {"corpus": HERE / "connect6" / "corpus.jsonl", "gold": HERE / "connect6" / "gold.json"},
    "voa": {"corpus": SHARED / "voa_dev_articles.jsonl", "gold": SHARED / "voa_dev_gold.json"},
    "ecb": {"corpus": SHARED / "ecb_dev.jsonl", "gold": SHARED / "ecb_coref_dev.jsonl"},
}
HEADLINE = {
    "events": ["fusion_precision", "fusion_recall", "fusion_f1", "conflict_precision", "conflict_recall",
               "fusible_share", "fusible_fusion_recall", "fusible_fusion_f1", "sibling_matched", "keyed_fusion_f1"],
    "ecb": ["coverage", "cross_doc_pairwise_precision", "cross_doc_pairwise_recall", "cross_doc_pairwise_f1",
            "stories_bcubed_f1"],
}


def _last_json(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def fusible(gold_path: Path, events_path: Path) -> dict[str, float]:
    """Fusion over the gold pairs extraction made fusible: both gold events matched to a mention (score.py's
    matching: same article, the key inside the mention's sentence, an acceptable type, an actor alias preferred,
    the first in export order). A pair with one side unextracted is extraction's loss, not fusion's: the share
    of gold pairs that are fusible, and fusion recall over those pairs only with the F1 it makes with score.py's
    precision (every false pair is between two matched mentions); the precision itself is not returned.
    `sibling_matched` counts gold events that matching gave to another act of the same sentence than the one
    their key names (a mention with its trigger in the key was there too): the scorer's matching, which no
    fusion decision can mend. `keyed_fusion_*` is fusion P/R/F1 over all gold pairs with that one change to the
    matching (of a gold event's candidates, one whose trigger lies inside the key first): what the figures would be
    if the scorer told the acts of one sentence apart (score.py is shared and stays as it is)."""
    import score  # type: ignore[import-not-found]

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts = {a["id"] for a in gold["articles"]}
    pred = [(ev, m) for ev, m in score.mentions(score.load_jsonl(events_path)) if m.get("article_id") in arts]
    matched, keyed_matched = {}, {}
    sibling = 0  # gold events matched to another act of their sentence than the one their key names
    for g in gold["events"]:
        cands = [(ev, m) for ev, m in pred if m.get("article_id") == g["article"]
                 and score.norm(g["key"]) in score.norm(m.get("sentence")) and ev.get("event_type") in g["type"]]
        if g.get("actor"):
            cands = [(ev, m) for ev, m in cands if score.names_match(ev.get("actor"), g["actor"])] or cands
        if cands:
            matched[g["id"]] = cands[0][0].get("id")
            # The scorer tells mentions apart by sentence, type and actor only: where one sentence holds two acts
            # of one type ("arrested 14 miners and destroyed two dredges"), the gold key may name the other one.
            keyed = [c for c in cands if score.norm(c[1].get("trigger")) in score.norm(g["key"])]
            sibling += bool(keyed) and cands[0] not in keyed
            keyed_matched[g["id"]] = (keyed or cands)[0][0].get("id")
    art_of = {g["id"]: g["article"] for g in gold["events"]}
    group = {e: i for i, grp in enumerate(gold.get("fusion") or []) for e in grp}
    gold_pairs = [(a, b) for grp in gold.get("fusion") or [] for a, b in combinations(grp, 2) if art_of[a] != art_of[b]]

    def fusion_over(match: dict[str, Any], pairs: list[tuple[str, str]]) -> tuple[float, float]:
        """Precision and recall over `pairs` of fusion as `match` reads the mentions."""
        tp = sum(match[a] == match[b] for a, b in pairs if a in match and b in match)
        fp = sum(match[a] == match[b] and not (a in group and group[a] == group.get(b))
                 for a, b in combinations(sorted(match), 2) if art_of[a] != art_of[b])
        return score.ratio(tp, tp + fp), score.ratio(tp, len(pairs))

    fusible_pairs = [(a, b) for a, b in gold_pairs if a in matched and b in matched]
    p, r = fusion_over(matched, fusible_pairs)
    kp, kr = fusion_over(keyed_matched, gold_pairs)
    return {"fusible_pairs": len(fusible_pairs), "gold_pairs": len(gold_pairs),
            "fusible_share": score.ratio(len(fusible_pairs), len(gold_pairs)),
            "fusible_fusion_recall": r, "fusible_fusion_f1": score.f1(p, r), "sibling_matched": sibling,
            "keyed_fusion_precision": kp, "keyed_fusion_recall": kr, "keyed_fusion_f1": score.f1(kp, kr)}


def score_order(name: str, rows: list[dict[str, Any]], arts: dict[str, Any]) -> dict[str, float]:
    spec = SUITES[name]
    store = replay.ingest_rows(rows, arts)
    with tempfile.TemporaryDirectory() as d:
        f = replay.export_all(store, Path(d), ("events", "entities", "articles", "conflicts"))
        store.close()
        if name == "ecb":
            s = _last_json([str(SCORE_COREF), str(spec["gold"]), str(f["events"])])
            st = _last_json([str(SCORE), "stories", str(SHARED / "ecb_dev.jsonl"), str(f["articles"])])
            s["stories_bcubed_f1"] = st["bcubed_f1"]
            return s
        s = _last_json([str(SCORE), "events", str(spec["gold"]), str(f["events"]), "--entities",
                        str(f["entities"]), "--articles", str(f["articles"]), "--conflicts", str(f["conflicts"])])
        return {**s, **fusible(spec["gold"], f["events"])}


def run_suite(name: str, shuffles: int) -> dict[str, Any]:
    spec = SUITES[name]
    if not spec["corpus"].exists() or not spec["gold"].exists():
        return {"skipped": "data not present"}
    arts = replay.cached(spec["corpus"])
    rows = replay.read_rows(spec["corpus"])
    keys = HEADLINE["ecb" if name == "ecb" else "events"]
    results = {"file": score_order(name, rows, arts)}
    for seed in range(shuffles):
        order = rows[:]
        random.Random(seed).shuffle(order)
        results[f"shuffle{seed}"] = score_order(name, order, arts)
    for order_name, s in results.items():
        print(f"  {name:8s} {order_name:9s} " + " ".join(f"{k}={s.get(k, 0):.3f}" for k in keys))
    summary: dict[str, Any] = {"file": {k: results["file"].get(k) for k in keys}}
    if shuffles:
        sh = [results[f"shuffle{i}"] for i in range(shuffles)]
        summary["mean"] = {k: sum(s.get(k, 0) for s in sh) / len(sh) for k in keys}
        summary["worst"] = {k: min(s.get(k, 0) for s in sh) for k in keys}
        print(f"  {name:8s} mean      " + " ".join(f"{k}={v:.3f}" for k, v in summary["mean"].items()))
        print(f"  {name:8s} worst     " + " ".join(f"{k}={v:.3f}" for k, v in summary["worst"].items()))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suites", nargs="*", choices=[*SUITES, []], help="default: all")
    ap.add_argument("--shuffles", type=int, default=5)
    args = ap.parse_args(argv)
    out = {name: run_suite(name, args.shuffles) for name in (args.suites or list(SUITES))}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
