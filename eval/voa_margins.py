"""The pipeline's keep scale and propose / extra margins of an event model, by 2-fold CV over voa_dev halves.

    python eval/voa_margins.py [--model STEM] [--grid K:P:E ...]

Round 1's procedure (README_detector.md, "Thresholds and the decision"): the 24 voa_dev reports in two halves
(the first 12 ids sorted, the last 12; as eval/voa_actor_halves.py), each setting's event F1 from score.py on
each half; a half's choice is scored on the other half. Each setting is the model's files with only
keep_scale / propose_margin / extra_margin changed ("off" = no further type), extracted through the real
pipeline (eval/replay.py's cache, keyed on the variant's path) and ingested as the gate does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import replay  # puts the project root on sys.path

from wirewatch.extract.detector import DEFAULT_MODEL, RELEVANCE_SUFFIX

SHARED = replay.ROOT.parent / "shared" / "eval"
CORPUS, GOLD = SHARED / "voa_dev_articles.jsonl", SHARED / "voa_dev_gold.json"
# Round 1's table, around the shipped (0.25, 0.05, 0.05)
GRID = ("0.25:0.05:0.05", "0.5:0.05:0.05", "0.125:0.05:0.05", "0.25:0.0:0.05", "0.25:0.1:0.05",
        "0.25:0.05:0.0", "0.25:0.05:0.1", "0.25:0.05:off", "0.5:0.1:0.1")


def half_golds(work: Path) -> dict[str, Path]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    ids = sorted(a["id"] for a in gold["articles"])
    out = {}
    for h, mine in (("1", set(ids[:len(ids) // 2])), ("2", set(ids[len(ids) // 2:]))):
        evs = {e["id"] for e in gold["events"] if e["article"] in mine}
        sub = {"articles": [a for a in gold["articles"] if a["id"] in mine],
               "events": [e for e in gold["events"] if e["article"] in mine],
               "fusion": [g for g in gold.get("fusion") or [] if set(g) <= evs],
               "conflicts": [c for c in gold.get("conflicts") or [] if set(c["events"]) <= evs]}
        out[h] = work / f"gold_half{h}.json"
        out[h].write_text(json.dumps(sub), encoding="utf-8")
    return out


def variant(base: Path, work: Path, setting: str) -> Path:
    """A copy of the model's files with the setting's keep_scale, propose_margin and extra_margin."""
    keep, propose, extra = setting.split(":")
    stem = work / setting.replace(":", "_") / base.name
    stem.parent.mkdir(parents=True)
    rel = base.with_name(base.name + RELEVANCE_SUFFIX)
    for src in (base.with_suffix(".npz"), rel.with_suffix(".npz"), rel.with_suffix(".json")):
        shutil.copy(src, stem.parent / src.name)
    meta = json.loads(base.with_suffix(".json").read_text())
    meta.update(keep_scale=float(keep), propose_margin=float(propose),
                extra_margin=None if extra == "off" else float(extra))
    stem.with_suffix(".json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    return stem


def event_figures(stem: Path, golds: dict[str, Path], work: Path) -> dict[str, dict[str, float]]:
    os.environ["WIREWATCH_EVENT_MODEL"] = str(stem)
    arts = replay.cached(CORPUS, quiet=True)
    store = replay.ingest_rows(replay.read_rows(CORPUS), arts)
    events = replay.export_all(store, stem.parent, ("events",))["events"]
    store.close()
    out = {}
    for h, gold in golds.items():
        proc = subprocess.run([sys.executable, str(SHARED / "score.py"), "events", str(gold), str(events)],
                              capture_output=True, text=True, check=True)
        out[h] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="the model stem (STEM.npz, STEM.json)")
    ap.add_argument("--grid", nargs="+", default=list(GRID), help="settings keep_scale:propose:extra")
    args = ap.parse_args(argv)
    if not GOLD.exists():
        print(f"skipped: {GOLD} not present")
        return 0
    with tempfile.TemporaryDirectory(prefix="voa-margins-") as d:
        work = Path(d)
        golds = half_golds(work)
        res = {}
        print(f"{'keep:propose:extra':20s} {'F1 half 1':>9s} {'F1 half 2':>9s}  (P / R-actor each)")
        for s in args.grid:
            res[s] = event_figures(variant(args.model, work, s), golds, work)
            f = res[s]
            print(f"{s:20s} {f['1']['event_f1']:9.3f} {f['2']['event_f1']:9.3f}  "
                  + "  ".join(f"{f[h]['event_precision']:.3f} / {f[h]['event_recall_with_actor']:.3f}" for h in "12"),
                  flush=True)
    for a, b in (("1", "2"), ("2", "1")):
        pick = max(args.grid, key=lambda s: res[s][a]["event_f1"])
        print(f"half {a} picks {pick} (F1 {res[pick][a]['event_f1']:.3f}) -> half {b} {res[pick][b]['event_f1']:.3f}")
    best = max(args.grid, key=lambda s: res[s]["1"]["event_f1"] + res[s]["2"]["event_f1"])
    print(f"best mean over the halves: {best} "
          f"({(res[best]['1']['event_f1'] + res[best]['2']['event_f1']) / 2:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
