"""Modality, attribution and date accuracy of found gold events, by document half, with the errors of one half.

    python eval/presentation_eval.py voa                # figures of both halves, errors of the tuning half A
    python eval/presentation_eval.py connect --errors none
    python eval/presentation_eval.py voa --errors B     # only to check a finished change, never to tune

Replays the cached extraction (replay.py) through the real ingest path and scores exactly as score.py does
(a found gold event is judged on the *event* its first matching mention belongs to). Documents are split
once, by an md5 of the article id; for VOA dev three more documents, the first three held-out ids in sorted
order, join the tuning half so the halves are 12/12 documents. Each error line also shows the mention's own
values and every source the event's reports credit, so a fusion-level loss is told apart from an extraction
one. Half B is the held-out check: read its figures, not its errors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
SHARED = HERE.parent.parent / "shared" / "eval"

import replay  # noqa: E402

SUITES = {"voa": (SHARED / "voa_dev_articles.jsonl", SHARED / "voa_dev_gold.json"),
          "connect": (HERE / "connect" / "corpus.jsonl", HERE / "connect" / "gold.json"),
          "connect2": (HERE / "connect2" / "corpus.jsonl", HERE / "connect2" / "gold.json"),
          "participants": (HERE / "participants" / "corpus.jsonl", HERE / "participants" / "gold.json")}


def _scorer() -> Any:
    sys.path.insert(0, str(SHARED))
    import score  # the official scorer's matching and name rules

    return score


def halves(ids: list[str], suite: str) -> dict[str, str]:
    h = {a: "A" if int(hashlib.md5(a.encode()).hexdigest(), 16) % 2 == 0 else "B" for a in ids}
    if suite == "voa":
        for a in sorted(a for a in ids if h[a] == "B")[:3]:
            h[a] = "A"
    return h


def suite_events(suite: str) -> tuple[Any, list[dict], list[dict], dict, dict[str, str]]:
    """One suite replayed from the extraction cache: (the scorer module, corpus rows, exported events, gold,
    each article's half)."""
    S = _scorer()
    corpus, gold_path = SUITES[suite]
    arts = replay.cached(corpus, quiet=True)
    rows = replay.read_rows(corpus)
    store = replay.ingest_rows(rows, arts)
    with tempfile.TemporaryDirectory() as d:
        events = S.load_jsonl(replay.export_all(store, Path(d), ("events",))["events"])
    store.close()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return S, rows, events, gold, halves([r["id"] for r in rows], suite)


def mention_matches(S: Any, g: dict, ev: dict, m: dict) -> bool:
    """score.py's match of a predicted mention to gold event `g`, actor aside: its article, a sentence holding
    the gold key, a gold type."""
    return m.get("article_id") == g["article"] and S.norm(g["key"]) in S.norm(m.get("sentence")) and \
        ev.get("event_type") in g["type"]


def matched_gold(S: Any, pred: list[tuple[dict, dict]], gold: dict) -> Iterator[tuple[dict, tuple[dict, dict]]]:
    """Each required gold event with the (event, mention) it is scored against: a mention of its article whose
    sentence holds the gold key, of a gold type, with a matching actor when the gold names one (else any)."""
    for g in gold["events"]:
        if not g.get("required", True):
            continue
        cands = [(ev, m) for ev, m in pred if mention_matches(S, g, ev, m)]
        if g.get("actor"):
            cands = [x for x in cands if S.names_match(x[0].get("actor"), g["actor"])] or cands
        if cands:
            yield g, cands[0]


def sorted_halves(gold: dict) -> dict[str, str]:
    """{article id: "1" | "2"}: the first half of the sorted article ids is half 1 (VOA dev: 12 and 12). Issue
    10's rounds read one half's errors and hold the other out (eval/voa_recall_halves.py, voa_actor_halves.py)."""
    ids = sorted(a["id"] for a in gold["articles"])
    return {a: "1" if i < len(ids) // 2 else "2" for i, a in enumerate(ids)}


def figures(S: Any, events: list[dict], gold: dict) -> dict[str, tuple[float, float, int, int]]:
    """{half: (precision, recall, predicted mentions, required gold)} as score.py counts them: precision over
    the half's predicted mentions (true when matching any gold event, required or borderline), recall over
    its required gold events."""
    half = sorted_halves(gold)
    pred = [(ev, m) for ev in events for m in ev.get("mentions") or [] if m.get("article_id") in half]
    found = {g["id"] for g, _ in matched_gold(S, pred, gold)}
    out = {}
    for h in "12":
        mine = [(ev, m) for ev, m in pred if half[m["article_id"]] == h]
        tp = sum(1 for ev, m in mine if any(mention_matches(S, g, ev, m) for g in gold["events"]))
        req = [g for g in gold["events"] if g.get("required", True) and half[g["article"]] == h]
        n_found = sum(1 for g in req if g["id"] in found)
        out[h] = (tp / max(len(mine), 1), n_found / max(len(req), 1), len(mine), len(req))
    return out


def run(suite: str, show: str) -> dict[str, dict[str, Any]]:
    S, rows, events, gold, half = suite_events(suite)
    pub = {r["id"]: r.get("published") for r in rows}
    pred = list(S.mentions(events))
    tally = {h: {k: [0, 0] for k in ("modality", "attribution", "date")} for h in "AB"}
    for g, (ev, m) in matched_gold(S, pred, gold):
        h, wrong = half.get(g["article"], "B"), []
        checks = []
        if g.get("modality"):
            checks.append(("modality", ev.get("modality") in g["modality"], g["modality"], ev.get("modality"),
                           m.get("modality")))
        if g.get("attributed_to"):
            checks.append(("attribution", S.names_match(ev.get("attributed_to"), g["attributed_to"]),
                           g["attributed_to"], ev.get("attributed_to"), m.get("attributed_to")))
        if g.get("date") and not g["date"].startswith("month-before"):
            checks.append(("date", str(ev.get("date") or "").startswith(g["date"]), g["date"], ev.get("date"),
                           f"{m.get('date')} {m.get('date_from')}"))
        for field, ok, want, got, own in checks:
            tally[h][field][0] += ok
            tally[h][field][1] += 1
            if not ok:
                wrong.append(f"    {field}: gold={want} event={got!r} mention={own!r}")
        if wrong and show == h:
            srcs = [x.get("attributed_to") for x in ev["mentions"]]
            print(f"--- {g['id']} {ev['event_type']} published={pub.get(g['article'])} mentions={len(srcs)} "
                  f"sources={srcs}\n    {m.get('sentence', '')[:240]}")
            print("\n".join(wrong))
    out: dict[str, dict[str, Any]] = {}
    for h in ("A", "B", "all"):
        parts = ("A", "B") if h == "all" else (h,)
        out[h] = {}
        for k in ("modality", "attribution", "date"):
            a, b = sum(tally[p][k][0] for p in parts), sum(tally[p][k][1] for p in parts)
            out[h][k] = round(a / b, 3) if b else None
            out[h][f"{k}_n"] = b
    for h, figs in out.items():
        print(f"{suite} {h:3s} " + " ".join(f"{k}={'-' if figs[k] is None else f'{figs[k]:.3f}'} (n={figs[k + '_n']})"
                                            for k in ("modality", "attribution", "date")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suites", nargs="*", choices=[*SUITES, []], help="default: all whose data is present")
    ap.add_argument("--errors", choices=["A", "B", "none"], default="A", help="whose errors to print")
    args = ap.parse_args(argv)
    result = {}
    for name in args.suites or list(SUITES):
        if not all(p.exists() for p in SUITES[name]):
            print(f"{name}: data not present")
            continue
        result[name] = run(name, args.errors)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
