"""Which mention's presentation a fused event takes (connect/fusion.speaking_mention): grouped CV by article.

Three rules: "factual" (the most factual mention, the rule before), "vote" (the modality most reports give,
each report voting once with its most factual mention, ties to the most factual: the shipped rule) and
"first" (the first report's). Each is run through the real pipeline on the VOA dev gold, eval/connect and
eval/participants; 5 folds of articles (never of sentences); each fold's rule is chosen on the other four and
scored on it. Prints each rule's dev figure, the cross-validated figure of the choice, and the gap.

    python eval/aggregate_cv.py
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import gate  # noqa: E402

from wirewatch.connect import fusion  # noqa: E402
from wirewatch.model import EventMention  # noqa: E402

RANK = fusion.MODALITY_RANK
SUITES = {"voa": (gate.SHARED / "eval" / "voa_dev_articles.jsonl", gate.SHARED / "eval" / "voa_dev_gold.json"),
          "connect": (HERE / "connect" / "corpus.jsonl", HERE / "connect" / "gold.json"),
          "participants": (HERE / "participants" / "corpus.jsonl", HERE / "participants" / "gold.json")}


def _factual(ms: list[EventMention]) -> EventMention:
    return min(ms, key=lambda m: RANK.get(m.modality, 9))


def _first(ms: list[EventMention]) -> EventMention:
    return ms[0]


RULES = {"factual": _factual, "vote": fusion.speaking_mention, "first": _first}


def _norm(s: object) -> str:
    return " ".join(str(s or "").replace("-", " ").split()).lower()


def _names_match(pred: object, aliases: list[str]) -> bool:
    p = _norm(" | ".join(a.get("name", "") for a in pred) if isinstance(pred, list) else pred)
    return bool(p) and any(_norm(a) and (_norm(a) in p or p in _norm(a)) for a in aliases)


def judged(rule: str) -> dict[str, bool]:
    """Per gold event with a modality: is the fused event's modality one the gold accepts (as score.py)?"""
    real = fusion.speaking_mention
    fusion.speaking_mention = RULES[rule]  # type: ignore[assignment]
    out: dict[str, bool] = {}
    try:
        for suite, (inputs, gold_path) in SUITES.items():
            if not inputs.exists() or not gold_path.exists():
                continue
            with tempfile.TemporaryDirectory() as d:
                f = gate.build([inputs], Path(d), ("events",))
                events = [json.loads(line) for line in f["events"].read_text(encoding="utf-8").splitlines() if line]
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pred = [(ev, m) for ev in events for m in ev.get("mentions") or []]
            for g in gold["events"]:
                if not g.get("required", True) or not g.get("modality"):
                    continue
                cands = [(ev, m) for ev, m in pred if m.get("article_id") == g["article"] and
                         _norm(g["key"]) in _norm(m.get("sentence")) and ev.get("event_type") in g["type"]]
                if g.get("actor"):
                    cands = [(ev, m) for ev, m in cands if _names_match(ev.get("actor"), g["actor"])] or cands
                if cands:
                    out[f"{suite}|{g['article']}|{g['id']}"] = cands[0][0].get("modality") in g["modality"]
    finally:
        fusion.speaking_mention = real  # type: ignore[assignment]
    return out


def main() -> None:
    per_rule = {r: judged(r) for r in RULES}
    keys = sorted(set.intersection(*(set(v) for v in per_rule.values())))
    articles = sorted({k.rsplit("|", 1)[0] for k in keys})
    random.Random(0).shuffle(articles)
    fold = {a: i % 5 for i, a in enumerate(articles)}

    def acc(rule: str, ks: list[str]) -> float:
        return sum(per_rule[rule][k] for k in ks) / len(ks) if ks else 0.0

    held: list[bool] = []
    chosen: Counter[str] = Counter()
    for f in range(5):
        train = [k for k in keys if fold[k.rsplit("|", 1)[0]] != f]
        test = [k for k in keys if fold[k.rsplit("|", 1)[0]] == f]
        best = max(RULES, key=lambda r: (acc(r, train), r == "vote"))
        chosen[best] += 1
        held += [per_rule[best][k] for k in test]
        print(f"fold {f}: chose {best:8} train {acc(best, train):.3f}  held-out {acc(best, test):.3f}  (n={len(test)})")
    cv = sum(held) / len(held) if held else 0.0
    for r in RULES:
        print(f"dev modality ({r}): {acc(r, keys):.3f}")
    print(f"chosen: {dict(chosen)}; grouped CV modality {cv:.3f}; dev (vote) {acc('vote', keys):.3f}; "
          f"gap {acc('vote', keys) - cv:+.3f}  ({len(keys)} gold events, {len(articles)} articles)")


if __name__ == "__main__":
    main()
