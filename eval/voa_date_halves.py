"""VOA dev date accuracy by halves of the sorted article ids (presentation_eval.sorted_halves: first 12 = half 1).

    python eval/voa_date_halves.py            # date accuracy of each half
    python eval/voa_date_halves.py --list 1   # and half 1's wrong dates (half 2 is the held-out check)

Counted as score.py counts `date_accuracy`: over the found required gold events that carry a date (not a
"month-before" one), the matched mention's fused event's date must start with the gold date.
"""

from __future__ import annotations

import argparse
from collections import Counter

from presentation_eval import matched_gold, sorted_halves, suite_events  # (puts the project root on sys.path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", choices=["1"], help="print that half's wrong dates (half 1 only: half 2 is held out)")
    args = ap.parse_args(argv)
    S, _, events, gold, _ = suite_events("voa")
    half = sorted_halves(gold)
    pred = [(ev, m) for ev in events for m in ev.get("mentions") or [] if m.get("article_id") in half]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for g, (ev, m) in matched_gold(S, pred, gold):
        if not g.get("date") or g["date"].startswith("month-before"):
            continue
        h = half[g["article"]]
        ok = str(ev.get("date") or "").startswith(g["date"])
        total[h] += 1
        right[h] += ok
        if not ok and args.list == h:
            print(f"  {g['id']} gold={g['date']} got={ev.get('date')} mention={m.get('date')}/{m.get('date_from')}"
                  f" | {g['key']}")
    for h in ("1", "2"):
        print(f"half {h}: date_accuracy {right[h] / max(total[h], 1):.3f} ({right[h]}/{total[h]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
