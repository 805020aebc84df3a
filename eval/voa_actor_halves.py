"""VOA actors by halves of the sorted article ids, scored as score.py scores the exported (fused) events:
of the gold events found, the share with an acceptable actor, per half.

    python eval/voa_actor_halves.py [--errors 1|2|none]

Issue 11's actor round (h/actors12) read the wrong-actor events of half 1 only (the first 12 ids sorted);
half 2 is its held-out figure. The next round (h/actors13) read half 2's only: half 1 is its check. The
events come from the extraction cache (`eval/replay.py`) through the real ingest path, so the totals equal
the gate's voa event_recall and event_recall_with_actor.
"""

from __future__ import annotations

import argparse
import sys

from presentation_eval import (  # (its import of replay puts the project root on sys.path)
    matched_gold,
    sorted_halves,
    suite_events,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", choices=["1", "2", "none"], default="1", help="whose wrong actors to print")
    show = ap.parse_args(argv).errors
    S, _rows, events, gold, _md5_halves = suite_events("voa")
    half = sorted_halves(gold)
    pred = [(ev, m) for ev in events for m in ev.get("mentions") or []]
    found = {g["id"]: ev for g, (ev, _m) in matched_gold(S, pred, gold)}
    tally = {h: [0, 0, 0] for h in "12"}  # found, found with actor, required
    for g in gold["events"]:
        if not g.get("required", True):
            continue
        h = half[g["article"]]
        tally[h][2] += 1
        if g["id"] not in found:
            continue
        tally[h][0] += 1
        ev = found[g["id"]]
        ok = not g.get("actor") or S.names_match(ev.get("actor"), g["actor"])
        tally[h][1] += ok
        if not ok and show == h:
            print(f"--- {g['id']} {g['type']} key={g['key']!r}\n    gold={g['actor'][:4]} "
                  f"got={S.name_of(ev.get('actor'))!r}")
    for h in "12":
        f, a, n = tally[h]
        print(f"half {h}: event_recall={f / n:.3f} recall_with_actor={a / n:.3f} actor_of_found={a / max(f, 1):.3f}"
              f" (required {n}, found {f}, with actor {a})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
