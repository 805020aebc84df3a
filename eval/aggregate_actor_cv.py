"""Which actor and recipient a fused event takes (connect/fusion.aggregate): grouped CV by article.

A fused event pools mentions of several reports; score.py (and eval/participants_eval.py) judge the fused
event's one actor against the gold of every report it holds. Candidate rules: "first" (the first mention, by
article id then position, that has one: the shipped rule), and rankings of the groups of mentions that give
one participant (entity id, spelling variant, or one description the head of the other): by the reports
giving it ("reports"), its mentions, whether it is named (an entity of the text, not a description or bare
role word), the most factual modality giving it, whether the event's speaking mention (its modality) gives
it, the detector's type confidence ("confident": the best-evidenced clause), in the orders listed in RULES.

Each rule is applied to the events the real pipeline fused (extraction cached, eval/replay.py) on the VOA dev
gold, eval/connect and eval/participants; 5 folds of articles (never of sentences); each fold's rule is chosen
on the other four and scored on it. Judged per gold event found: is the fused event's actor one the gold
accepts (as score.py counts `event_recall_with_actor`), and its recipient where the gold gives one (as
participants_eval counts it). Prints per suite the ceiling (the best single pick per fused event any rule could
make, fusion as it is), each rule's dev figure, the cross-validated figure of the choice and the gap;
`--plover` adds PLOVER dev actor/recipient recall per rule (not in the choice); `--errors voa` lists VOA dev
events whose right actor is in a mention but not on the fused event (dev: for reading error kinds).

Finding (2026-12-01): every such VOA dev error is a fused event pooling two happenings (a plan and the act,
two attacks); the ceiling is 127/159 against 124/159 shipped, and no ranking carries over in CV (0.732 held
out against 0.740 for "first"), so the pick stays; the lever is fusion precision.

    python eval/aggregate_actor_cv.py [--plover] [--errors SUITE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import gate  # noqa: E402
import replay  # noqa: E402
from participants_eval import names_match, norm  # noqa: E402

from wirewatch.connect import fusion  # noqa: E402
from wirewatch.model import Actor, Event, EventMention  # noqa: E402
from wirewatch.records import actors_value  # noqa: E402

SUITES = {"voa": (gate.SHARED / "eval" / "voa_dev_articles.jsonl", gate.SHARED / "eval" / "voa_dev_gold.json"),
          "connect": (HERE / "connect" / "corpus.jsonl", HERE / "connect" / "gold.json"),
          "participants": (HERE / "participants" / "corpus.jsonl", HERE / "participants" / "gold.json")}
PLOVER = gate.SHARED / "eval" / "plover_dev.jsonl"

Pick = Callable[[list[EventMention]], tuple[list[Actor], list[Actor]]]


def _first(ms: list[EventMention]) -> tuple[list[Actor], list[Actor]]:
    return (next((list(m.actor) for m in ms if m.actor), []),
            next((list(m.recipient) for m in ms if m.recipient), []))


def _words(actors: list[Actor]) -> list[str]:
    return fusion.name_key(" ".join(a.name for a in actors)).split()


def _same(a: list[Actor], b: list[Actor]) -> bool:
    """One participant: shared entity ids, one name in another spelling, or one description the head of
    the other ("security forces" / "the country's security forces")."""
    ids_a, ids_b = {x.entity_id for x in a if x.entity_id}, {x.entity_id for x in b if x.entity_id}
    if ids_a and ids_b:
        return ids_a == ids_b
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    short, long_ = sorted((wa, wb), key=len)
    return long_[-len(short):] == short or fusion.names_equivalent(" ".join(wa), " ".join(wb))


FEATURES = {
    # each scores a group of mentions that give one participant; higher is better
    "reports": lambda g, f, ms: len({m.article_id for m in g}),
    "mentions": lambda g, f, ms: len(g),
    "named": lambda g, f, ms: int(any(a.entity_id for m in g for a in getattr(m, f))),
    "factual": lambda g, f, ms: -min(fusion.MODALITY_RANK.get(m.modality, 9) for m in g),
    "speaking": lambda g, f, ms: int(any(m.modality == fusion.speaking_mention(ms).modality for m in g)),
    "confident": lambda g, f, ms: max(m.type_confidence or 0.0 for m in g),
}


def _ranked(order: tuple[str, ...]) -> Pick:
    def pick(ms: list[EventMention]) -> tuple[list[Actor], list[Actor]]:
        out = []
        for field in ("actor", "recipient"):
            groups: list[list[EventMention]] = []
            for m in ms:
                val = getattr(m, field)
                if not val:
                    continue
                g = next((g for g in groups if _same(getattr(g[0], field), val)), None)
                if g is None:
                    groups.append([m])
                else:
                    g.append(m)
            if not groups:
                out.append([])
                continue
            best = max(range(len(groups)), key=lambda i: (
                tuple(FEATURES[f](groups[i], field, ms) for f in order), -i))
            out.append(list(getattr(groups[best][0], field)))
        return out[0], out[1]
    return pick


RULES: dict[str, Pick] = {"first": _first}
for _order in [("reports",), ("reports", "mentions"), ("named", "reports"), ("speaking", "reports"),
               ("factual", "reports"), ("reports", "factual"), ("reports", "named"),
               ("speaking", "reports", "named"), ("reports", "mentions", "factual"), ("confident",),
               ("speaking", "confident")]:
    RULES["+".join(_order)] = _ranked(_order)
if hasattr(fusion, "participants_pick"):
    RULES["shipped"] = fusion.participants_pick


def fused_events(corpus: Path) -> list[Event]:
    store = replay.ingest_rows(replay.read_rows(corpus), replay.cached(corpus, quiet=True))
    return store.events()


def _actor_ok(g: dict[str, Any], actor: list[dict[str, Any]]) -> bool:
    return names_match(actor, g["actor"])


def judged(suite: str, events: list[Event], gold: dict[str, Any]) -> dict[str, dict[str, bool]]:
    """{rule: {"suite|article|gold id|field": right}} for actor (gold events with an actor) and recipient."""
    out: dict[str, dict[str, bool]] = {}
    for rule, pick in RULES.items():
        picked = {ev.id: tuple(actors_value(x) for x in pick(ev.mentions)) for ev in events}
        res: dict[str, bool] = {}
        for g in gold["events"]:
            if not g.get("required", True):
                continue
            cands = [ev for ev in events for m in ev.mentions if m.article_id == g["article"]
                     and norm(g["key"]) in norm(m.sentence) and ev.event_type in g["type"]]
            if not cands:
                continue
            key = f"{suite}|{g['article']}|{g['id']}"
            if g.get("actor"):
                res[key + "|actor"] = any(_actor_ok(g, picked[ev.id][0]) for ev in cands)
            if "recipient" in g:
                best = next((ev for ev in cands if g.get("actor") and _actor_ok(g, picked[ev.id][0])), cands[0])
                rec = picked[best.id][1]
                res[key + "|recipient"] = (not rec) if g["recipient"] is None else \
                    bool(rec) and names_match(rec, g["recipient"])
        out[rule] = res
    return out


def oracle(events: list[Event], gold: dict[str, Any]) -> tuple[int, int]:
    """The most gold actors any one pick per fused event could satisfy (each event takes the actor of one of its
    own mentions, the one serving most gold events): the ceiling of this choice, with fusion as it is."""
    cands = []
    for g in gold["events"]:
        if g.get("required", True) and g.get("actor"):
            c = [ev for ev in events for m in ev.mentions if m.article_id == g["article"]
                 and norm(g["key"]) in norm(m.sentence) and ev.event_type in g["type"]]
            if c:
                cands.append((g, c))
    choice = {}
    for ev in events:
        opts = [actors_value(m.actor) for m in ev.mentions if m.actor] or [[]]
        choice[ev.id] = max(opts, key=lambda o, ev=ev: sum(
            1 for g, c in cands if ev in c and _actor_ok(g, o)))
    return sum(any(_actor_ok(g, choice[ev.id]) for ev in c) for g, c in cands), len(cands)


def errors(suite: str, events: list[Event], gold: dict[str, Any], rule: str) -> None:
    pick = RULES[rule]
    for g in gold["events"]:
        if not g.get("required", True) or not g.get("actor"):
            continue
        cands = [(ev, m) for ev in events for m in ev.mentions if m.article_id == g["article"]
                 and norm(g["key"]) in norm(m.sentence) and ev.event_type in g["type"]]
        if not cands or any(_actor_ok(g, actors_value(pick(ev.mentions)[0])) for ev, _ in cands):
            continue
        if not any(_actor_ok(g, actors_value(m.actor)) for _, m in cands):
            continue
        ev = cands[0][0]
        print(f"{g['id']}  gold={g['actor'][:3]}  fused={[a.name for a in pick(ev.mentions)[0]]}  | {g['key']}")
        for x in ev.mentions:
            print(f"    {x.article_id} {x.modality:10} actor={[(a.name, a.kind, a.entity_id) for a in x.actor]} "
                  f"rec={[a.name for a in x.recipient]} | {x.sentence[:110]}")


def plover(events: list[Event]) -> dict[str, tuple[float, float]]:
    gold = [json.loads(line) for line in PLOVER.open(encoding="utf-8") if line.strip()]
    out = {}
    for rule, pick in RULES.items():
        by_art: dict[str, list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]] = {}
        for ev in events:
            a, r = (actors_value(x) for x in pick(ev.mentions))
            for m in ev.mentions:
                by_art.setdefault(m.article_id, []).append((ev.event_type, a, r))
        act = act_n = rec = rec_n = 0
        for g in gold:
            gg = g["gold"]
            right = [x for x in by_art.get(g["id"], []) if x[0] == gg["event_type"]]
            act_n += bool(gg["actor"])
            if right and gg["actor"]:
                act += any(names_match(x[1], gg["actor"]) for x in right)
            if gg["recipient"]:
                rec_n += 1
                rec += bool(right) and any(names_match(x[2], gg["recipient"]) for x in right)
        out[rule] = (act / max(1, act_n), rec / max(1, rec_n))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plover", action="store_true", help="also print PLOVER dev actor/recipient recall per rule")
    ap.add_argument("--errors", choices=list(SUITES), help="list a suite's pick errors (tuning suites only)")
    ap.add_argument("--rule", default="shipped" if "shipped" in RULES else "first", help="rule for --errors")
    args = ap.parse_args(argv)
    per_rule: dict[str, dict[str, bool]] = {r: {} for r in RULES}
    for suite, (inputs, gold_path) in SUITES.items():
        if not inputs.exists() or not gold_path.exists():
            continue
        events = fused_events(inputs)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if args.errors == suite:
            errors(suite, events, gold, args.rule)
        got, n = oracle(events, gold)
        print(f"  {suite:12} ceiling (best single pick per fused event) actor {got}/{n}")
        for r, res in judged(suite, events, gold).items():
            per_rule[r].update(res)
            act = [v for k, v in res.items() if k.endswith("|actor")]
            print(f"  {suite:12} {r:8} actor {sum(act)}/{len(act)}  recipient "
                  f"{sum(v for k, v in res.items() if k.endswith('|recipient'))}/"
                  f"{sum(1 for k in res if k.endswith('|recipient'))}")
    keys = sorted(set.intersection(*(set(v) for v in per_rule.values())))
    articles = sorted({k.rsplit("|", 2)[0] for k in keys})
    random.Random(0).shuffle(articles)
    fold = {a: i % 5 for i, a in enumerate(articles)}
    default = "shipped" if "shipped" in RULES else "first"

    def acc(rule: str, ks: list[str]) -> float:
        return sum(per_rule[rule][k] for k in ks) / len(ks) if ks else 0.0

    held: list[bool] = []
    chosen: Counter[str] = Counter()
    for f in range(5):
        train = [k for k in keys if fold[k.rsplit("|", 2)[0]] != f]
        test = [k for k in keys if fold[k.rsplit("|", 2)[0]] == f]
        best = max(RULES, key=lambda r: (acc(r, train), r == default))
        chosen[best] += 1
        held += [per_rule[best][k] for k in test]
        print(f"fold {f}: chose {best:8} train {acc(best, train):.3f}  held-out {acc(best, test):.3f}  (n={len(test)})")
    cv = sum(held) / len(held) if held else 0.0
    for r in RULES:
        a = [k for k in keys if k.endswith("|actor")]
        print(f"dev participants ({r}): {acc(r, keys):.3f}  (actor {acc(r, a):.3f})")
    print(f"chosen: {dict(chosen)}; grouped CV {cv:.3f}; dev ({default}) {acc(default, keys):.3f}; "
          f"gap {acc(default, keys) - cv:+.3f}  ({len(keys)} judgements, {len(articles)} articles)")
    if args.plover and PLOVER.exists():
        for r, (a, rc) in plover(fused_events(PLOVER)).items():
            print(f"plover dev ({r}): actor recall {a:.3f}  recipient recall {rc:.3f}")


if __name__ == "__main__":
    main()
