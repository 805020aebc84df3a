"""Where a fused event's actor or date goes wrong: the fusion pick, or every mention already wrong?

    python eval/fused_fields_errors.py SUITE [--field actor|date] [--list]

score.py judges a found gold event on the fused event's one actor and one date (connect/fusion.aggregate picks
them from the event's mentions). For each wrong one this sorts the error: "pick" when some mention of the
event holds a value the gold accepts (a better policy over the mentions could score it), "mentions" when none
does (extraction's, or a gold that two reports of one event date or name differently). Tuning suites only;
VOA dev lists half 1's errors only (sorted ids, presentation_eval.sorted_halves), half 2 as counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

import replay
from presentation_eval import SUITES, _scorer, mention_matches, sorted_halves  # puts the project root on sys.path

from wirewatch.records import event_record

HERE = replay.HERE
ALL = {**SUITES, **{n: (HERE / n / "corpus.jsonl", HERE / n / "gold.json") for n in ("connect4", "connect6")}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", choices=sorted(ALL))
    ap.add_argument("--field", choices=["actor", "date"], default="actor")
    ap.add_argument("--list", action="store_true", help="print each error with its event's mentions")
    args = ap.parse_args(argv)
    S = _scorer()
    corpus, gold_path = ALL[args.suite]
    store = replay.ingest_rows(replay.read_rows(corpus), replay.cached(corpus, quiet=True))
    recs = [(ev, event_record(ev)) for ev in store.events()]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    half = sorted_halves(gold) if args.suite == "voa" else {a["id"]: "1" for a in gold["articles"]}
    tally: Counter[tuple[str, str]] = Counter()
    for g in gold["events"]:
        if not g.get("required", True):
            continue
        cands = [(ev, r, mr) for ev, r in recs for mr in r["mentions"] if mention_matches(S, g, r, mr)]
        if not cands:
            continue
        if args.field == "actor":
            if not g.get("actor") or any(S.names_match(r["actor"], g["actor"]) for _, r, _ in cands):
                continue
            own = any(S.names_match(x["actor"], g["actor"]) for _, r, _ in cands for x in r["mentions"])
        else:
            if g.get("actor"):
                cands = [c for c in cands if S.names_match(c[1]["actor"], g["actor"])] or cands
            if not g.get("date") or g["date"].startswith("month-before") or \
                    str(cands[0][1]["date"] or "").startswith(g["date"]):
                continue
            own = any(str(x["date"] or "").startswith(g["date"]) for x in cands[0][1]["mentions"])
        h = half[g["article"]]
        tally[(h, "pick" if own else "mentions")] += 1
        if args.list and h == "1":
            ev, r, _ = cands[0]
            got = r["date"] if args.field == "date" else S.name_of(r["actor"])
            print(f"--- {g['id']} gold={g.get(args.field)} got={got!r} {'pick' if own else 'mentions'} | {g['key']}")
            for x in r["mentions"]:
                print(f"    {x['article_id'][:16]:16} {x['modality'][:9]:9} actor={S.name_of(x['actor'])!r} "
                      f"date={x['date']}/{x['date_from']} | {x['sentence'][:100]}")
    for h in sorted({k[0] for k in tally} | {"1"}):
        print(f"{args.suite} half {h} wrong {args.field}: pick {tally[(h, 'pick')]}, mentions {tally[(h, 'mentions')]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
