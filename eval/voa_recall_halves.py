"""VOA dev event precision and recall by halves of the sorted article ids, and why one half's gold events are missed.

    python eval/voa_recall_halves.py                 # P and R of both halves
    python eval/voa_recall_halves.py --misses 2      # and each half-2 miss with the stage that lost it
    python eval/voa_recall_halves.py --false 2       # and half 2's false mentions (the precision rounds')

The halves are presentation_eval.sorted_halves (first 12 sorted ids = half 1). Figures are score.py's on the exported
(fused) events, restricted to one half's articles: precision over the half's predicted mentions, recall over
its required gold events. A miss is sorted into one kind:

  exported-wrong-type   an exported mention of the key's sentence, of another type
  mention-lost          the extraction made a mention of a gold type there, the export has none (fusion / merge)
  extracted-wrong-type  the extraction's mentions there are all of other types
  noise / mention-none  a decision of a gold type there, dropped by noise.no_event / by _mention (no parties)
  keep-rule             a live trigger of a gold type, under the detector's keep bar (its p and the bar shown)
  suppressed            a trigger of a gold type the lexicon's structural rules suppressed
  no-candidate          no trigger of a gold type at all (a paraphrase, a noun), no proposal either
Issue 10's recall round (h/recall13) read half 2's misses only; half 1 is its held-out check.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import replay
from presentation_eval import (  # (puts the project root on sys.path)
    SUITES,
    figures,
    matched_gold,
    mention_matches,
    sorted_halves,
    suite_events,
)


def _diagnose(S: Any, g: dict, art: Any, exported: list[tuple[dict, dict]], parsed: dict[str, Any]) -> str:
    from wirewatch.extract.detector import decide_article, load_detector, sentence_cues
    from wirewatch.extract.nlp import get_nlp
    from wirewatch.extract.noise import no_event
    from wirewatch.extract.ontology import load_ontology
    from wirewatch.extract.triggers import find_triggers

    key = S.norm(g["key"])
    here = [(ev, m) for ev, m in exported if m["article_id"] == g["article"] and key in S.norm(m.get("sentence"))]
    raw = [m for m in art.events if key in S.norm(m.sentence)]
    if here:
        why = "exported-wrong-type " + ",".join(sorted({ev["event_type"] for ev, _ in here}))
    elif any(m.event_type in g["type"] for m in raw):
        why = "mention-lost"
    elif raw:
        why = "extracted-wrong-type " + ",".join(sorted({m.event_type for m in raw}))
    else:
        why = ""
    onto, det = load_ontology(), load_detector()
    if art.id not in parsed:
        doc = get_nlp()(art.text)
        sents = [s for s in doc.sents if s.text.strip()]
        parsed[art.id] = (sents, decide_article(sents, onto, det, {}))
    sents, decided = parsed[art.id]
    for sent, decisions in zip(sents, decided, strict=True):
        if key not in S.norm(sent.text):
            continue
        trigs = find_triggers(sent, onto)
        seen = ",".join(f"{t.type}:{t.tok.text}{'(s)' if t.suppressed else ''}{'(r)' if t.ruled_out else ''}"
                        for t in trigs)
        made = ",".join(f"{d.trigger.type}:{d.trigger.tok.text}/{d.source}" for d in decisions)
        p = det.probabilities(sent.text, sentence_cues(sent, trigs, det.config)) if det is not None else {}
        best = max(g["type"], key=lambda u: p.get(u, 0.0))
        bar = f"p({best})={p.get(best, 0):.2f} th={det.thresholds.get(best, 0):.2f}" if det else ""
        detail = f"{bar} triggers=[{seen}] decided=[{made}]"
        if why:
            return f"{why}  {detail}"
        for d in decisions:
            if d.trigger.type in g["type"]:
                dropped = no_event(d.trigger.tok, onto, d.trigger.type)
                return f"{'noise' if dropped else 'mention-none'} {d.trigger.tok.text}  {detail}"
        mine = [t for t in trigs if t.type in g["type"]]
        if any(not t.suppressed for t in mine):
            return f"keep-rule {mine[0].tok.text}  {detail}"
        if mine:
            return f"suppressed {mine[0].tok.text}  {detail}"
        return f"no-candidate  {detail}"
    return why or "key-not-in-a-sentence"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", choices=["1", "2", "none"], default="none", help="whose misses to print")
    ap.add_argument("--false", choices=["1", "2"], help="print the false mentions of this half")
    args = ap.parse_args(argv)
    show = args.misses
    S, _rows, events, gold, _ = suite_events("voa")
    for h, (p, r, n_pred, n_req) in figures(S, events, gold).items():
        print(f"half {h}: event_precision={p:.3f} event_recall={r:.3f} (predicted {n_pred}, required {n_req})")
    half = sorted_halves(gold)
    if args.false:
        mine = [(ev, m) for ev in events for m in ev.get("mentions") or []
                if half.get(m.get("article_id")) == args.false]
        for ev, m in sorted(mine, key=lambda x: (x[1]["article_id"], x[1].get("start") or 0)):
            if not any(mention_matches(S, g, ev, m) for g in gold["events"]):
                trig = m.get("trigger") or ev.get("trigger")
                print(f"FALSE {m['article_id']} {ev.get('event_type')} trig={trig!r} "
                      f"actor={S.name_of(ev.get('actor'))!r} rec={S.name_of(ev.get('recipient'))!r}\n"
                      f"    {m.get('sentence')}")
    if show == "none":
        return 0
    arts = replay.cached(SUITES["voa"][0], quiet=True)
    pred = [(ev, m) for ev in events for m in ev.get("mentions") or []]
    found = {g["id"] for g, _ in matched_gold(S, pred, gold)}
    parsed: dict[str, Any] = {}
    kinds: dict[str, int] = {}
    for g in gold["events"]:
        if not g.get("required", True) or half[g["article"]] != show or g["id"] in found:
            continue
        why = _diagnose(S, g, arts[g["article"]], pred, parsed)
        kinds[why.split()[0]] = kinds.get(why.split()[0], 0) + 1
        print(f"--- {g['id']} {g['type']} key={g['key']!r} actor={(g.get('actor') or [None])[0]!r}\n    {why}")
    print("kinds:", dict(sorted(kinds.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
