"""Why gold fusion pairs are missed or wrongly made: fusion's errors told apart from extraction's.

    python eval/fusion_breakdown.py [connect | connect2 | connect4 | connect6 | voa] [--pairs] [--explain]
        [--shuffle SEED] [--keyed] [--half 1|2]
    python eval/fusion_breakdown.py ecb [--explain]   # ECB+ dev coreference: missed / false pairs by kind

Replays a suite in file order (or in connect_eval.py's shuffled order SEED, to read what a different arrival
order loses) (cached extraction, real connectors, see replay.py), matches gold events to
extracted mentions as score.py does (same article, sentence contains the key, acceptable type, actor
preferred), and sorts every gold cross-article fusion pair into one cause:

  fused                     both matched, one predicted event (a true positive)
  unmatched:no-sentence     no mention of that article has the key's sentence (extraction missed it)
  unmatched:type            a mention has the sentence, but of no acceptable type (extraction's type)
  split:type                both matched, with different (acceptable) event types
  split:gate:<why>          the pair model's hard conditions rule them out (phase, actor, date, ...)
  split:not-compared        neither a shared story nor dates within fusion's window: never compared
  split:below-threshold     compared, probability under the threshold
  split:joined-elsewhere    above the threshold, but the mention joined another event it fitted better
                            (or the event's other mentions pulled the support under the threshold)

and, with --pairs, lists every predicted cross-article pair that the gold does not fuse (false merges).
Both modes end with `fused pairs by link`: every fused cross-article pair, true or false, told by the pair's
own probability: `direct` (at the threshold) or `chained` (under it: the two met only through the event's
other mentions, `fusion.support`). Chaining that joins as many true pairs as false ones is no precision lever.
Only for tuning suites: connect3 is held out and never explained here. `--half 1` keeps VOA dev to the pairs of one
half's articles (the half whose errors a round may read); `--keyed` matches a gold event to the mention whose trigger
its key names, where one sentence holds two acts of one type (score.py cannot tell them apart).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import replay  # noqa: E402
from presentation_eval import sorted_halves  # noqa: E402

from wirewatch.connect.fusion import DATE_WINDOW_DAYS  # noqa: E402
from wirewatch.connect.pairs import PairView, dates, default_model, features, gate_reason, view_in  # noqa: E402
from wirewatch.dates import parse_day  # noqa: E402
from wirewatch.model import EventMention  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "eval"
SUITES = {
    "connect": (HERE / "connect" / "corpus.jsonl", HERE / "connect" / "gold.json"),
    "connect2": (HERE / "connect2" / "corpus.jsonl", HERE / "connect2" / "gold.json"),
    "connect4": (HERE / "connect4" / "corpus.jsonl", HERE / "connect4" / "gold.json"),
    "connect6": (HERE / "connect6" / "corpus.jsonl", HERE / "connect6" / "gold.json"),
    "voa": (SHARED / "voa_dev_articles.jsonl", SHARED / "voa_dev_gold.json"),
}


# The mentions of each article, as the store holds them: a view reads its sentence's other acts from them
# (`pairs.read_acts_of`), as fusion's does (connect/view_cache.py). Filled once the store is built.
_ARTICLE_MENTIONS: dict[str, list[EventMention]] = {}


def _hold(mentions: list[EventMention]) -> None:
    _ARTICLE_MENTIONS.clear()
    for m in mentions:
        _ARTICLE_MENTIONS.setdefault(m.article_id, []).append(m)


def view(m: EventMention) -> PairView:
    return view_in(m, _ARTICLE_MENTIONS.get(m.article_id, []))


def _norm(s: Any) -> str:
    return re.sub(r"[\s\-]+", " ", str(s or "")).strip().lower()


def _names_match(actors: list[Any], aliases: list[str]) -> bool:
    p = _norm(" | ".join(a.name for a in actors))
    return bool(p) and any(_norm(a) and (_norm(a) in p or p in _norm(a)) for a in aliases)


def match(gold: dict[str, Any], mentions: list[EventMention],
          keyed: bool = False) -> tuple[dict[str, EventMention], dict[str, str]]:
    """score.py's matching: gold event id -> the mention it matches; and for the unmatched, why. `keyed`: of the
    candidates, one whose trigger lies inside the key first (score.py tells the acts of one sentence apart by
    type and actor only, so "X was moved to ..., and Y was appointed ..." scores Y's gold event on X's mention)."""
    matched: dict[str, EventMention] = {}
    why: dict[str, str] = {}
    by_art: dict[str, list[EventMention]] = {}
    for m in mentions:
        by_art.setdefault(m.article_id, []).append(m)
    for g in gold["events"]:
        in_sent = [m for m in by_art.get(g["article"], []) if _norm(g["key"]) in _norm(m.sentence)]
        cands = [m for m in in_sent if m.event_type in g["type"]]
        if g.get("actor"):
            cands = [m for m in cands if _names_match(m.actor, g["actor"])] or cands
        if keyed:
            cands = [m for m in cands if _norm(m.trigger) in _norm(g["key"])] or cands
        if cands:
            matched[g["id"]] = cands[0]
        else:
            why[g["id"]] = "unmatched:type" if in_sent else "unmatched:no-sentence"
    return matched, why


def cause(a: EventMention, b: EventMention, story: dict[str, str | None], ev_of: dict[str, str]) -> str:
    if a.event_id and a.event_id == b.event_id:
        return "fused"
    if a.event_type != b.event_type:
        return "split:type"
    va, vb = view(a), view(b)
    same_story = bool(story.get(a.article_id)) and story.get(a.article_id) == story.get(b.article_id)
    why = gate_reason(va, vb, same_story)
    if why:
        return f"split:gate:{why}"
    da, db = parse_day(a.date), parse_day(b.date)
    near = da is not None and db is not None and abs((da - db).days) <= DATE_WINDOW_DAYS
    if not same_story and not near:
        return "split:not-compared"
    model = default_model()
    p = model.prob(va, vb, same_story)
    return f"split:below-threshold ({p:.2f} < {model.threshold:.2f}; dates {dates(a, b)})" \
        if p < model.threshold else f"split:joined-elsewhere ({p:.2f})"


def kinds(a: EventMention, b: EventMention) -> list[str]:
    """What differs between two mentions of one gold happening, by kind (issue 12): the trigger (same word,
    another word of the same act, an act unknown on one side, two acts), the dates (same, near, one side
    undated, other precision, far), a participant missing on one side, the type."""
    va, vb = view(a), view(b)
    out = []
    if a.event_type != b.event_type:
        out.append("type-differs")
    if va.trigger == vb.trigger:
        out.append("trigger:same-word")
    elif va.act and va.act == vb.act:
        out.append("trigger:same-act-other-word")
    elif va.act and vb.act:
        out.append("trigger:acts-differ")
    else:
        out.append("trigger:act-unknown")
    d = dates(a, b)
    out.append("date:" + ("precision-differs" if d == "prefix" else d))
    for role, xa, xb in (("actor", va.actor, vb.actor), ("recipient", va.recipient, vb.recipient)):
        if bool(xa) != bool(xb):
            out.append(f"{role}:missing-one-side")
    return out


def explain(a: EventMention, b: EventMention, same_story: bool) -> str:
    """The two mentions as the pair model reads them, and the features it weighs."""
    va, vb = view(a), view(b)
    side = [f"[{v.trigger}/{v.act} A={[x.name for x in v.actor]} R={[x.name for x in v.recipient]} "
            f"{v.m.date}/{v.m.date_from}]" for v in (va, vb)]
    f = features(va, vb, same_story)
    return " ".join(side) + " " + " ".join(f"{k}={v:.2f}" for k, v in f.items() if k != "bias")


def link(a: EventMention, b: EventMention, same_story: bool) -> str:
    """`direct` when the pair alone passes the fusion threshold, else `chained` (fused through other mentions)."""
    model = default_model()
    return "direct" if model.prob(view(a), view(b), same_story) >= model.threshold else "chained"


def print_links(links: Counter[str]) -> None:
    print("fused pairs by link: " + ", ".join(f"{k} {v}" for k, v in sorted(links.items())))


def ecb(explain_pairs: bool) -> int:
    """ECB+ dev: gold mentions matched as score_coref.py matches them (inside a predicted mention of the article,
    the trigger sharing a word); every cross-document pair of one chain not fused, and every fused pair of two
    chains, tallied by `kinds` (and by the gate's reason)."""
    sys.path.insert(0, str(SHARED))
    import score_coref  # type: ignore[import-not-found]

    corpus, gold_path = SHARED / "ecb_dev.jsonl", SHARED / "ecb_coref_dev.jsonl"
    store = replay.ingest_rows(replay.read_rows(corpus), replay.cached(corpus))
    story = {r["id"]: r["story_id"] for r in store.conn.execute("SELECT id, story_id FROM articles")}
    _hold(store.mentions())
    by_art: dict[str, list[EventMention]] = {}
    for m in store.mentions():
        by_art.setdefault(m.article_id, []).append(m)
    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    found = []  # (article, chain, mention)
    for r in rows:
        for g in r["gold"]["mentions"]:
            gw = score_coref.gold_words(g, r.get("text"))
            hit = next((m for m in sorted(by_art.get(r["id"], []), key=lambda m: m.start)
                        if m.start <= g["start"] and g["end"] <= m.end and score_coref.trigger_matches(m.trigger, gw)),
                       None)
            if hit is not None:
                found.append((r["id"], g["chain"], hit))
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    links: Counter[str] = Counter()
    n_true = n_missed = n_false = 0
    for (aa, ca, ma), (ab, cb, mb) in combinations(found, 2):
        if aa == ab:
            continue
        same_pred = bool(ma.event_id) and ma.event_id == mb.event_id
        if same_pred:
            same = bool(story.get(aa)) and story.get(aa) == story.get(ab)
            links[f"{'true' if ca == cb else 'false'}:{link(ma, mb, same)}"] += 1
        if ca == cb:
            n_true += 1
        if ca == cb and not same_pred:
            n_missed += 1
            same = bool(story.get(aa)) and story.get(aa) == story.get(ab)
            why = gate_reason(view(ma), view(mb), same) if ma.event_type == mb.event_type else "type"
            if not why:
                model = default_model()
                why = "" if model.prob(view(ma), view(mb), same) >= model.threshold else "below-threshold"
            for k in [*kinds(ma, mb), f"gate:{why}" if why else "weighed:joined-elsewhere"]:
                missed[k] += 1
            if explain_pairs:
                print(f"  missed {why or 'weighed'}: \"{ma.trigger}\" {ma.sentence[:70]!r} | \"{mb.trigger}\" "
                      f"{mb.sentence[:70]!r}\n      " + explain(ma, mb, same))
        elif ca != cb and same_pred:
            n_false += 1
            for k in kinds(ma, mb):
                false[k] += 1
            if explain_pairs:
                same = bool(story.get(aa)) and story.get(aa) == story.get(ab)
                print(f"  false {ca}~{cb}: \"{ma.trigger}\" {ma.sentence[:70]!r} | \"{mb.trigger}\" "
                      f"{mb.sentence[:70]!r}\n      " + explain(ma, mb, same))
    print(f"ecb: {len(found)} gold mentions matched; cross-doc gold pairs {n_true}, missed {n_missed}, "
          f"false merges {n_false}")
    print("missed by kind: " + ", ".join(f"{k} {v}" for k, v in missed.most_common()))
    print("false merges by kind: " + ", ".join(f"{k} {v}" for k, v in false.most_common()))
    print_links(links)
    store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "ecb":
        return ecb("--explain" in argv)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", choices=list(SUITES), nargs="?", default="voa")
    ap.add_argument("--pairs", action="store_true", help="also list the false merges")
    ap.add_argument("--explain", action="store_true", help="print the pair model's view of each pair not fused")
    ap.add_argument("--keyed", action="store_true",
                    help="match a gold event to the mention whose trigger its key names first (see `match`)")
    ap.add_argument("--half", choices=("1", "2"), default=None,
                    help="VOA dev: only pairs whose two articles are in this half (presentation_eval.sorted_halves)")
    ap.add_argument("--shuffle", type=int, default=None, metavar="SEED",
                    help="replay connect_eval.py's shuffled order SEED instead of file order")
    args = ap.parse_args(argv)
    corpus, gold_path = SUITES[args.suite]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = replay.read_rows(corpus)
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(rows)  # connect_eval.run_suite's order for this seed
    store = replay.ingest_rows(rows, replay.cached(corpus))
    # Matching walks the mentions in the export's order, as score.py does (the first candidate wins).
    with tempfile.TemporaryDirectory() as d:
        exported = replay.export_all(store, Path(d), ("events",))["events"]
        rows = [json.loads(line) for line in exported.open(encoding="utf-8") if line.strip()]
    by_key = {(m.article_id, m.start, m.event_type, m.event_id): m for m in store.mentions()}
    mentions = [by_key[(x["article_id"], x["start"], ev["event_type"], ev["id"])]
                for ev in rows for x in ev.get("mentions") or []
                if (x["article_id"], x["start"], ev["event_type"], ev["id"]) in by_key]
    story = {r["id"]: r["story_id"] for r in store.conn.execute("SELECT id, story_id FROM articles")}
    _hold(store.mentions())
    ev_of = {m.id: m.event_id or "" for m in mentions}
    matched, unmatched = match(gold, mentions, args.keyed)
    art = {g["id"]: g["article"] for g in gold["events"]}
    half = sorted_halves(gold) if args.half else {}

    def shown(*events: str) -> bool:
        return not args.half or all(half.get(art[e]) == args.half for e in events)

    key = {g["id"]: g["key"] for g in gold["events"]}
    tally: Counter[str] = Counter()
    kinds_missed: Counter[str] = Counter()
    print(f"{args.suite}: gold cross-article fusion pairs, each with its cause")
    for grp in gold.get("fusion") or []:
        for x, y in combinations(grp, 2):
            if art[x] == art[y] or not shown(x, y):
                continue
            if x not in matched or y not in matched:
                c = " + ".join(sorted({unmatched[e] for e in (x, y) if e in unmatched}))
            else:
                c = cause(matched[x], matched[y], story, ev_of)
            tally[c.split(" (")[0]] += 1
            mx, my = matched.get(x), matched.get(y)
            desc = " | ".join(f"{e} {m.event_type if m else '-'} {m.date if m else ''} \"{key[e]}\"" for e, m in
                              ((x, mx), (y, my)))
            print(f"  {c:40s} {desc}")
            if mx and my and not c.startswith(("fused", "unmatched")):
                for k in kinds(mx, my):
                    kinds_missed[k] += 1
                if args.explain:
                    same = bool(story.get(mx.article_id)) and story.get(mx.article_id) == story.get(my.article_id)
                    print("      " + explain(mx, my, same))
    total = sum(tally.values())
    print(f"total {total}: " + ", ".join(f"{k} {v}" for k, v in tally.most_common()))
    print("kinds of the pairs both matched but not fused: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds_missed.items())))
    gid = {e: i for i, grp in enumerate(gold.get("fusion") or []) for e in grp}
    if args.pairs:
        print("false merges (predicted one event, gold not):")
    links: Counter[str] = Counter()
    for x, y in combinations(sorted(matched), 2):
        mx, my = matched[x], matched[y]
        if art[x] == art[y] or not mx.event_id or mx.event_id != my.event_id or not shown(x, y):
            continue
        true = x in gid and gid[x] == gid.get(y)
        same = bool(story.get(mx.article_id)) and story.get(mx.article_id) == story.get(my.article_id)
        kind = link(mx, my, same)
        links[f"{'true' if true else 'false'}:{kind}"] += 1
        if args.pairs and not true:
            print(f"  {mx.event_type} {x} \"{key[x]}\" ~ {y} \"{key[y]}\" ({kind})")
    print_links(links)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
