"""Draw a fixed-seed sample of extracted events from real reports for judging by hand.

A judge sees only the evidence sentence, the publication date and what wirewatch extracted (type,
actor, recipient, modality, date): never the gold or the rules. The sample and the judgments are kept
in `eval/judged/` so the figure in a note can be checked and redone.

    python eval/judge_sample.py draw CORPUS.jsonl --n 50 --seed 2026 -o eval/judged/sample.jsonl
    # ... a judge writes eval/judged/judgments.jsonl: {"n", "real_event_right_type", "actor_right",
    #     "recipient_right", "date_right", "modality_right", "comment"} per sample row (true/false/null)
    python eval/judge_sample.py score eval/judged/sample.jsonl eval/judged/judgments.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _names(x: object) -> str | None:
    if not x:
        return None
    items = x if isinstance(x, list) else [x]
    return " + ".join(str(i.get("name") if isinstance(i, dict) else i) for i in items) or None


def draw(corpus: Path, n: int, seed: int, out: Path) -> None:
    from wirewatch.pipeline import ingest
    from wirewatch.store import export
    from wirewatch.store.db import Store

    published = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                published[row["id"]] = row.get("published")
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "s.db")
        ingest([str(corpus)], store)
        path = Path(d) / "events.jsonl"
        export.write(store, "events", "jsonl", path)
        arts = Path(d) / "articles.jsonl"
        export.write(store, "articles", "jsonl", arts)
        events = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        for x in arts.read_text(encoding="utf-8").splitlines():
            a = json.loads(x)
            published[a["id"]] = a.get("published") or published.get(a["id"])
        store.close()
    rows = []
    for ev in events:
        for m in ev.get("mentions") or []:
            rows.append({
                "article_id": m["article_id"], "published": published.get(m["article_id"]),
                "sentence": m["sentence"], "event_type": ev["event_type"],
                # The row is one report: its own participants, modality and date (the event pools every
                # report's; before round 4 the row showed the event's actor and recipient).
                "actor": _names(m["actor"] if "actor" in m else ev.get("actor")),
                "recipient": _names(m["recipient"] if "recipient" in m else ev.get("recipient")),
                "modality": m.get("modality") or ev.get("modality"),
                "date": m["date"] if "date" in m else ev.get("date"),
                # "published": the report's day standing in (README, date convention): a judge sees it assumed
                "date_from": m.get("date_from"),
                "type_confidence": ev.get("type_confidence"),
            })
    rows.sort(key=lambda r: (r["article_id"], r["sentence"], r["event_type"]))
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(sample, 1):
            f.write(json.dumps({"n": i, **r}, ensure_ascii=False) + "\n")
    print(f"{len(sample)} of {len(rows)} event mentions from {corpus} (seed {seed}) -> {out}")


def score(sample: Path, judgments: Path) -> None:
    rows = {json.loads(x)["n"]: json.loads(x) for x in sample.read_text(encoding="utf-8").splitlines() if x.strip()}
    judged = [json.loads(x) for x in judgments.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert {j["n"] for j in judged} <= set(rows), "judgments name rows the sample does not have"
    real = [j for j in judged if j.get("real_event_right_type")]
    print(f"judged: {len(judged)}; real events of the right type: {len(real)} ({len(real) / len(judged):.0%})")
    for field in ("actor_right", "recipient_right", "date_right", "modality_right"):
        vals = [j[field] for j in real if j.get(field) is not None]
        if vals:
            print(f"  of those, {field}: {sum(vals)}/{len(vals)} ({sum(vals) / len(vals):.0%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("corpus", type=Path)
    d.add_argument("--n", type=int, default=50)
    d.add_argument("--seed", type=int, default=2026)
    d.add_argument("-o", "--out", type=Path, default=ROOT / "eval" / "judged" / "sample.jsonl")
    s = sub.add_parser("score")
    s.add_argument("sample", type=Path)
    s.add_argument("judgments", type=Path)
    a = ap.parse_args()
    if a.cmd == "draw":
        draw(a.corpus, a.n, a.seed, a.out)
    else:
        score(a.sample, a.judgments)


if __name__ == "__main__":
    main()
