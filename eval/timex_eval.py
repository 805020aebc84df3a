"""Run the time-expression tagger over a JSONL of articles and write timexes in the export contract.

    python eval/timex_eval.py ARTICLES.jsonl OUT.jsonl [--errors] [--folds 2 --seed N]
    python /work/shared/eval/score.py timex ARTICLES.jsonl OUT.jsonl

Each input line needs `id` and `text`, optionally `published` (the anchor). With --errors, and when the
input carries gold (`gold.timexes`), prints the misses, the spurious tags and the wrong values to stderr.

With --folds K (gold input only) the articles are shuffled with --seed and dealt into K folds, and each fold
is scored on its own, the way score.py scores a file: a check that a gain holds on a held-out half too, not
only on the whole set. The scoring function is score.py's own `score_timex` when the shared scorer is
present (next to the data or at /work/shared/eval/score.py), else an identical copy.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wirewatch.extract.timex import find_timexes  # noqa: E402


def _errors(doc: dict[str, Any], pred: list[dict[str, Any]]) -> list[str]:
    """Same greedy matching as score.py, reported line by line."""
    gold = (doc.get("gold") or {}).get("timexes") or []
    used: set[int] = set()
    lines: list[str] = []
    text = doc["text"]
    for g in gold:
        hit = None
        for j, p in enumerate(pred):
            if j in used or p["start"] >= g["end"] or p["end"] <= g["start"]:
                continue
            hit = j
            break
        ctx = text[max(0, g["start"] - 40) : g["end"] + 25].replace("\n", " ")
        if hit is None:
            lines.append(f"MISS  {doc['id']} {g['text']!r} {g['value']}  | {ctx}")
            continue
        used.add(hit)
        if str(pred[hit]["value"]) != str(g["value"]):
            lines.append(
                f"VALUE {doc['id']} {g['text']!r} gold={g['value']} pred={pred[hit]['value']} "
                f"({pred[hit]['text']!r}) pub={doc.get('published')} | {ctx}"
            )
    for j, p in enumerate(pred):
        if j not in used:
            ctx = text[max(0, p["start"] - 40) : p["end"] + 25].replace("\n", " ")
            lines.append(f"EXTRA {doc['id']} {p['text']!r} {p['value']}  | {ctx}")
    return lines


_SHARED_SCORER = Path("/work/shared/eval/score.py")


def _load_scorer(articles: Path) -> Callable[[Any], None] | None:
    """score.py's `score_timex`, from next to the articles or the shared eval folder; None if neither exists."""
    for path in (articles.resolve().parent / "score.py", _SHARED_SCORER):
        if path.is_file():
            spec = importlib.util.spec_from_file_location("_wirewatch_score", path)
            if spec is None or spec.loader is None:
                continue
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            fn = getattr(mod, "score_timex", None)
            if fn is not None:
                return fn
    return None


def _score_fallback(gold_docs: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """The same figures as score.py's score_timex (greedy first-overlap matching, value compared as str)."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for t in pred:
        by_doc.setdefault(t["article_id"], []).append(t)
    ng = npd = span_tp = val_tp = 0
    for g in gold_docs:
        gt, pt = g["gold"]["timexes"], by_doc.get(g["id"], [])
        ng += len(gt)
        npd += len(pt)
        used: set[int] = set()
        for x in gt:
            for j, y in enumerate(pt):
                if j in used or y.get("start") is None or y["start"] >= x["end"] or y["end"] <= x["start"]:
                    continue
                used.add(j)
                span_tp += 1
                val_tp += str(y.get("value")) == str(x["value"])
                break

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    sp, sr = span_tp / max(1, npd), span_tp / max(1, ng)
    vp, vr = val_tp / max(1, npd), val_tp / max(1, ng)
    return {"gold": ng, "predicted": npd, "relaxed_span_f1": f1(sp, sr), "value_precision": vp,
            "value_recall": vr, "value_f1": f1(vp, vr)}  # fmt: skip


def _score(
    scorer: Callable[[Any], None] | None, gold_docs: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> dict[str, Any]:
    if scorer is None:
        return _score_fallback(gold_docs, pred)
    with tempfile.TemporaryDirectory() as tmp:
        gp, pp = Path(tmp, "gold.jsonl"), Path(tmp, "pred.jsonl")
        gp.write_text("".join(json.dumps(d) + "\n" for d in gold_docs), encoding="utf-8")
        pp.write_text("".join(json.dumps(t) + "\n" for t in pred), encoding="utf-8")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            scorer(SimpleNamespace(gold=str(gp), timexes=str(pp)))
    return json.loads(buf.getvalue().strip().splitlines()[-1])


def folds(docs: list[dict[str, Any]], k: int, seed: int) -> list[list[dict[str, Any]]]:
    """Deal the articles, shuffled with `seed`, into k folds of (nearly) equal size. Lines that repeat an
    article id stay in one fold: the scorer pools predictions by id, so splitting them would score a fold
    against predictions made for the other."""
    ids = list(dict.fromkeys(d["id"] for d in docs))
    random.Random(seed).shuffle(ids)
    fold_of = {doc_id: j % k for j, doc_id in enumerate(ids)}
    return [[d for d in docs if fold_of[d["id"]] == j] for j in range(k)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles")
    ap.add_argument("out")
    ap.add_argument("--errors", action="store_true", help="print misses, extras and wrong values to stderr")
    ap.add_argument("--folds", type=int, default=0, help="score K random folds of the articles separately")
    ap.add_argument("--seed", type=int, default=0, help="shuffle seed for --folds")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in Path(args.articles).read_text(encoding="utf-8").splitlines() if line.strip()]
    elapsed = 0.0
    n = 0
    all_rows: list[dict[str, Any]] = []
    with open(args.out, "w", encoding="utf-8") as f:
        for doc in docs:
            t0 = time.perf_counter()
            timexes = find_timexes(doc["text"], doc.get("published"))
            elapsed += time.perf_counter() - t0
            rows = [t.to_dict(doc["id"]) for t in timexes]
            n += len(rows)
            all_rows.extend(rows)
            for row in rows:
                f.write(json.dumps(row) + "\n")
            if args.errors:
                for line in _errors(doc, rows):
                    print(line, file=sys.stderr)
    chars = sum(len(d["text"]) for d in docs)
    ms = elapsed * 1000
    print(
        f"{len(docs)} articles, {n} timexes, {ms:.1f} ms total, {ms / max(1, len(docs)):.3f} ms/article, "
        f"{ms / max(1, chars) * 5000:.3f} ms per 5 KB",
        file=sys.stderr,
    )
    if args.folds > 1:
        gold_docs = [d for d in docs if (d.get("gold") or {}).get("timexes") is not None]
        scorer = _load_scorer(Path(args.articles))
        for j, fold in enumerate(folds(gold_docs, args.folds, args.seed)):
            ids = {d["id"] for d in fold}
            sc = _score(scorer, fold, [r for r in all_rows if r["article_id"] in ids])
            print(
                f"fold {j + 1}/{args.folds} (seed {args.seed}): {len(fold)} articles, gold {sc['gold']}, "
                f"predicted {sc['predicted']}, value_f1 {sc['value_f1']:.3f} (P {sc['value_precision']:.3f} "
                f"R {sc['value_recall']:.3f}), relaxed_span_f1 {sc['relaxed_span_f1']:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
