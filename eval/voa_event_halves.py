"""VOA dev event precision and recall by halves of the sorted article ids, as score.py scores them.

    python eval/voa_event_halves.py                 # figures of both halves
    python eval/voa_event_halves.py --false 2       # also the false mentions of half 2 (the tuning half)
    python eval/voa_event_halves.py --missed 2      # also the gold events half 2 misses

Half 1 is the first 12 ids sorted, half 2 the last 12. Issue 10's precision rounds read the false mentions of
one half and hold the other out (round 12 read half 1, round 13 half 2). A predicted mention is true when it
matches any gold event, required or borderline (score.py's event_precision); recall counts required gold
events found, with or without their actor. The events come from the extraction cache (`eval/replay.py`)
through the real ingest path, so the totals equal the gate's voa event_precision and event_recall.
"""

from __future__ import annotations

import argparse
import sys

from presentation_eval import suite_events  # (its import of replay puts the project root on sys.path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--false", choices=["1", "2"], help="print the false mentions of this half")
    ap.add_argument("--missed", choices=["1", "2"], help="print the missed required gold events of this half")
    args = ap.parse_args(argv)
    S, _rows, events, gold, _md5_halves = suite_events("voa")
    ids = sorted(a["id"] for a in gold["articles"])
    half = {a: "1" if i < len(ids) // 2 else "2" for i, a in enumerate(ids)}
    gevents = gold["events"]

    def matches(g: dict, ev: dict, m: dict) -> bool:  # score.py's match, actor aside
        return (m.get("article_id") == g["article"] and S.norm(g["key"]) in S.norm(m.get("sentence"))
                and ev.get("event_type") in g["type"])

    pred = [(ev, m) for ev, m in S.mentions(events) if m.get("article_id") in half]
    tally = {h: [0, 0, 0, 0] for h in "12"}  # true mentions, mentions, required found, required
    for ev, m in sorted(pred, key=lambda x: (x[1]["article_id"], x[1].get("start") or 0)):
        h = half[m["article_id"]]
        ok = any(matches(g, ev, m) for g in gevents)
        tally[h][0] += ok
        tally[h][1] += 1
        if not ok and args.false == h:
            trig = m.get("trigger") or ev.get("trigger")
            print(f"FALSE {m['article_id']} {ev.get('event_type')} trig={trig!r} actor={S.name_of(ev.get('actor'))!r}"
                  f" rec={S.name_of(ev.get('recipient'))!r}\n    {m.get('sentence')}")
    for g in gevents:
        if not g.get("required", True):
            continue
        h = half[g["article"]]
        tally[h][3] += 1
        hit = any(matches(g, ev, m) for ev, m in pred)
        tally[h][2] += hit
        if not hit and args.missed == h:
            print(f"MISSED {g['id']} {g['type']} key={g['key']!r}")
    for h in "12":
        t, n, f, r = tally[h]
        print(f"half {h}: event_precision={t / max(n, 1):.3f} ({t}/{n}) event_recall={f / max(r, 1):.3f} ({f}/{r})")
    t, n, f, r = (sum(x[i] for x in tally.values()) for i in range(4))
    print(f"all: event_precision={t / max(n, 1):.3f} ({t}/{n}) event_recall={f / max(r, 1):.3f} ({f}/{r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
