"""Attribution errors by kind: which lost gold values are the fusion ceiling's and which are extraction's.

    python eval/attribution_kinds.py connect voa      # counts per half; never prints a sentence

A found gold event whose exported source does not match is counted as
- `ceiling`: its mention's own source matches, but the fused event speaks with another report's source that
  some other member of its gold fusion group credits (`eval/presentation_caps.py`: one value per event);
- `fusion`: its mention's own source matches and no fused report's source would have served both;
- `missing`: the mention credits nobody; `wrong`: it credits someone else.
Only counts are printed (for either half): a held-out half's sentences are not read here.
"""

from __future__ import annotations

import sys
from collections import Counter

from presentation_eval import matched_gold, suite_events


def kinds(suite: str) -> dict[str, Counter[str]]:
    S, rows, events, gold, half = suite_events(suite)
    group = {e: i for i, grp in enumerate(gold.get("fusion") or []) for e in grp}
    pred = list(S.mentions(events))
    out: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
    matched = {g["id"]: found for g, found in matched_gold(S, pred, gold)}
    gev = {g["id"]: g for g in gold["events"]}
    for gid, (ev, m) in matched.items():
        g = gev[gid]
        if not g.get("attributed_to"):
            continue
        h = half.get(g["article"], "B")
        if S.names_match(ev.get("attributed_to"), g["attributed_to"]):
            out[h]["right"] += 1
        elif not m.get("attributed_to"):
            out[h]["missing"] += 1
        elif not S.names_match(m.get("attributed_to"), g["attributed_to"]):
            out[h]["wrong"] += 1
        else:
            peers = [o for o in group if group[o] == group.get(gid) and o != gid and o in gev]
            served = any(S.names_match(ev.get("attributed_to"), gev[o].get("attributed_to") or []) for o in peers)
            out[h]["ceiling" if served else "fusion"] += 1
    return out


def main() -> None:
    for suite in sys.argv[1:] or ["connect", "voa"]:
        res = kinds(suite)
        for h, c in res.items():
            print(f"{suite} {h} " + " ".join(f"{k}={c[k]}" for k in ("right", "ceiling", "fusion", "missing", "wrong")))


if __name__ == "__main__":
    main()
