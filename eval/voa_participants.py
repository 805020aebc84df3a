"""VOA participants at mention level, by document half: are the gold events found, with an acceptable actor,
and (where the gold names one) an acceptable recipient?

    python eval/voa_participants.py [--errors A|B|none]

Mentions come straight from the cached extraction (`eval/replay.py`), one event per mention, no fusion, so
the figures measure the participant rules alone. Halves are those of `eval/presentation_eval.py` (md5 of the
article id): rules are tuned by reading the errors of half A only; half B is the held-out figure, printed
with the gap. Matching (sentence holds `key`, type among the gold's, names contain one another) is the
official scorer's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import replay  # noqa: E402  (puts the project root on sys.path)
from presentation_eval import SUITES, _scorer, halves

from wirewatch.records import event_from_mention, event_record


def run(show: str) -> dict[str, dict[str, float | None]]:
    S = _scorer()
    corpus, gold_path = SUITES["voa"]
    arts = replay.cached(corpus, quiet=True)
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    half = halves(list(arts), "voa")
    pred: list[tuple[dict[str, Any], str]] = []
    for aid, art in arts.items():
        for m in art.events:
            pred.append((event_record(event_from_mention(m)), aid))
    tally = {h: {k: [0, 0] for k in ("found", "actor", "recipient")} for h in "AB"}
    for g in gold["events"]:
        if not g.get("required", True):
            continue
        h = half.get(g["article"], "B")
        cands = [ev for ev, aid in pred if aid == g["article"] and ev["event_type"] in g["type"] and
                 S.norm(g["key"]) in S.norm(ev["mentions"][0].get("sentence"))]
        tally[h]["found"][1] += 1
        if not cands:
            continue
        tally[h]["found"][0] += 1
        wrong = []
        if g.get("actor"):
            ok = any(S.names_match(ev.get("actor"), g["actor"]) for ev in cands)
            tally[h]["actor"][0] += ok
            tally[h]["actor"][1] += 1
            if not ok:
                wrong.append(f"    actor: gold={g['actor'][:4]} got={[S.name_of(ev.get('actor')) for ev in cands]}")
        if g.get("recipient"):
            ok = any(S.names_match(ev.get("recipient"), g["recipient"]) for ev in cands)
            tally[h]["recipient"][0] += ok
            tally[h]["recipient"][1] += 1
            if not ok:
                wrong.append(f"    recipient: gold={g['recipient'][:4]} "
                             f"got={[S.name_of(ev.get('recipient')) for ev in cands]}")
        if wrong and show == h:
            print(f"--- {g['id']} {cands[0]['event_type']} key={g['key']!r}\n    "
                  f"{cands[0]['mentions'][0].get('sentence', '')[:260]}")
            print("\n".join(wrong))
    out: dict[str, dict[str, float | None]] = {}
    for h in ("A", "B"):
        f, a, r = (tally[h][k] for k in ("found", "actor", "recipient"))
        out[h] = {"event_recall": round(f[0] / f[1], 3) if f[1] else None,
                  "actor_of_found": round(a[0] / a[1], 3) if a[1] else None,
                  "recipient_of_found": round(r[0] / r[1], 3) if r[1] else None,
                  "n_found": f[0], "n_recipient": r[1]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", choices=["A", "B", "none"], default="A",
                    help="whose errors to print (A, the tuning half; B only to check a finished change)")
    args = ap.parse_args(argv)
    out = run(args.errors)
    for k in ("event_recall", "actor_of_found", "recipient_of_found"):
        a, b = out["A"][k], out["B"][k]
        gap = f"{a - b:+.3f}" if a is not None and b is not None else "-"
        print(f"{k:20s} tuned(A)={a} held-out(B)={b} gap={gap}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
