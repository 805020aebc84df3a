"""Why gold conflicts are missed and predicted ones are wrong, by kind (tuning suites only: connect3 is held out).

    python eval/conflict_errors.py [connect | connect2 | connect4 | voa]
    python eval/conflict_errors.py voa --half B   # only to check a finished change: figures, never its lines

For VOA dev only the tuning half A's lines are printed (presentation_eval.halves, by article id): a gold
conflict belongs to the half of its events' articles, one that spans both halves to neither; a predicted
conflict to the half of its mentions' articles. Half B's tally is printed as figures only.

Replays a suite in file order (cached extraction, real connectors), matches gold events to mentions as score.py
does (fusion_breakdown.match), and sorts each gold conflict into one cause:

  found                      a predicted conflict holds both events, of the gold field
  unmatched                  extraction found no mention for one of its events
  split                      its events are different predicted events: fusion kept them apart (only the
                             claim-vs-denial, held-vs-not, who-did-it and toll rules compare two events)
  one-article                one event, but every mention of it is from one article (a report's own update)
  no-values:<field>          one event, but a side states no value of the field (no count of that noun, a
                             stand-in date)
  consistent-bounds          one event, and the counts agree under the conflict rule (conflicts._figures_differ)
                             ("at least five" and "seven"): no contradiction for an analyst
  other                      one event with differing values, yet no conflict (pairing below the threshold...)

and lists every predicted conflict that no gold conflict backs, with its field and pairing confidence.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import replay  # noqa: E402
from fusion_breakdown import SUITES, match  # noqa: E402
from presentation_eval import halves  # noqa: E402

from wirewatch.connect.conflicts import Figure, _figures_differ, _stated_date, quantity_key  # noqa: E402
from wirewatch.extract.quantities import span  # noqa: E402
from wirewatch.model import EventMention  # noqa: E402


def _figures(m: EventMention) -> dict[str, Figure]:
    return {quantity_key(q): Figure(*span(q), q.value, q.text, q.bound) for q in m.quantities}


def cause(field: list[str], events: list[str], matched: dict[str, EventMention], all_mentions: dict[str, list[
        EventMention]]) -> str:
    if any(e not in matched for e in events):
        return "unmatched"
    ids = {matched[e].event_id for e in events}
    if len(ids) > 1:
        return "split"
    mentions = all_mentions[next(iter(ids)) or ""]
    if len({m.article_id for m in mentions}) < 2:
        return "one-article"
    if "quantity" in field:
        # Each side's counts: every mention of the event in that side's sentence (one sentence may tell the
        # killing and the wounding as two mentions; the matched one need not hold the count).
        sides = [{k: f for m in mentions if m.article_id == matched[e].article_id and m.sentence == matched[e].sentence
                  for k, f in _figures(m).items()} for e in events]
        shared = set(sides[0]).intersection(*sides[1:])
        if not shared:
            return "no-values:quantity"
        if not any(_figures_differ(sides[0][u], s[u]) for u in shared for s in sides[1:]):
            return "consistent-bounds"
    if "date" in field and any(_stated_date(matched[e]) is None for e in events):
        return "no-values:date"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", choices=list(SUITES), nargs="?", default="voa")
    ap.add_argument("--half", choices=("A", "B"), default="A",
                    help="VOA dev: whose lines to print (A, the tuning half; B only to check a finished change)")
    args = ap.parse_args(argv)
    corpus, gold_path = SUITES[args.suite]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows_in = replay.read_rows(corpus)
    half = halves([r["id"] for r in rows_in], "voa") if args.suite == "voa" else {}
    art_of = {g["id"]: g["article"] for g in gold["events"]}

    def half_of(articles: set[str]) -> str:
        """The half these articles are all in ("A" outside VOA; "AB" when they span both)."""
        return "".join(sorted({half.get(a, "A") for a in articles})) if half else "A"
    store = replay.ingest_rows(rows_in, replay.cached(corpus))
    with tempfile.TemporaryDirectory() as d:
        out = replay.export_all(store, Path(d), ("events", "conflicts"))
        rows = [json.loads(line) for line in out["events"].open(encoding="utf-8") if line.strip()]
        predicted = [json.loads(line) for line in out["conflicts"].open(encoding="utf-8") if line.strip()]
    by_key = {(m.article_id, m.start, m.event_type, m.event_id): m for m in store.mentions()}
    mentions = [by_key[(x["article_id"], x["start"], ev["event_type"], ev["id"])]
                for ev in rows for x in ev.get("mentions") or []
                if (x["article_id"], x["start"], ev["event_type"], ev["id"]) in by_key]
    # Every stored mention of each event (two mentions of one sentence share the key above: "killed" and
    # "injured" in "five people were killed, and five others were injured").
    of_event: dict[str, list[EventMention]] = {}
    for m in store.mentions():
        of_event.setdefault(m.event_id or "", []).append(m)
    matched, _ = match(gold, mentions)
    key = {g["id"]: g["key"] for g in gold["events"]}
    tally: dict[str, Counter[str]] = {}
    backed: set[int] = set()
    print(f"{args.suite}: gold conflicts, each with its cause" + (f" (half {args.half})" if half else ""))
    for g in gold.get("conflicts") or []:
        field = g.get("field") or []
        ids = {matched[e].event_id for e in g["events"] if e in matched}
        hits = [i for i, c in enumerate(predicted) if ids and ids <= set(c["event_ids"])]
        backed.update(hits)
        found = [i for i in hits if not field or predicted[i]["field"] in field]
        c = "found" if found else cause(field, g["events"], matched, of_event)
        h = half_of({art_of[e] for e in g["events"]})
        tally.setdefault(h, Counter())[c] += 1
        if h == args.half:
            print(f"  {c:22s} {'/'.join(field):10s} " + " | ".join(f"{e} \"{key[e]}\"" for e in g["events"]))
    for h, t in sorted(tally.items()):
        print(f"total{' half ' + h if half else ''} {sum(t.values())}: "
              + ", ".join(f"{k} {v}" for k, v in t.most_common()))
    print("predicted conflicts no gold conflict backs:")
    arts_of = {ev_id: {m.article_id for m in ms} for ev_id, ms in of_event.items()}
    unbacked: Counter[str] = Counter()
    for i, c in enumerate(predicted):
        if i not in backed:
            h = half_of(set().union(*(arts_of.get(e, set()) for e in c["event_ids"])))
            unbacked[h] += 1
            if h == args.half:
                print(f"  {c['field']:10s} {c.get('confidence', 0):.2f} {c['explanation'][:200]}")
    if half:
        print("unbacked by half: " + ", ".join(f"{h} {n}" for h, n in sorted(unbacked.items())))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
