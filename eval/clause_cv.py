"""Choose the clause rules of the detector's decision (`Detector.one_type_per_word`, `clause_keep`,
`clause_margin`: the bar a trigger-less clause of its own needs, `detector.clause_proposals`) by 2-fold
document-grouped CV on voa_dev, the procedure that chose the other decision margins (round 1 of
eval/README_detector.md): the 24 reports are dealt alternately into halves A and B; each half is extracted
with every candidate setting and scored by the official scorer (`score.py events`); the setting chosen on one
half is reported on the other. Prints event P / R / F1 per half and setting, each half's choice and its
held-out F1. Needs ../shared/eval (voa_dev is dev data: its errors are read as kinds only).

    python eval/clause_cv.py [--settings main word word+keep word+keep+p0.05]

A setting joins: `word` (no further type on a kept trigger's word), `keep` (a trigger under its bar is judged
again on its own clause), `pX` (trigger-less clauses propose at threshold + X), `place` (a further type of
a sentence hangs on the clause that holds it most, `detector._place`), `root` (with pX: the main clause too,
on its own words); `main` is none of them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import gate  # noqa: E402

from wirewatch.extract.detector import load_detector  # noqa: E402


def halves(shared: Path, work: Path) -> dict[str, tuple[Path, Path]]:
    """{half: (articles.jsonl, gold.json)}: reports dealt alternately (sorted by id), gold cut to them."""
    rows = [json.loads(line) for line in (shared / "eval" / "voa_dev_articles.jsonl").read_text().splitlines()
            if line.strip()]
    rows.sort(key=lambda r: r["id"])
    gold = json.loads((shared / "eval" / "voa_dev_gold.json").read_text())
    out = {}
    for k, name in enumerate("AB"):
        ids = {r["id"] for r in rows[k::2]}
        arts, g = work / f"voa_{name}.jsonl", work / f"voa_{name}_gold.json"
        arts.write_text("".join(json.dumps(r) + "\n" for r in rows if r["id"] in ids))
        evs = [e for e in gold["events"] if e["article"] in ids]
        keep = {e["id"] for e in evs}
        cut = dict(gold, articles=[a for a in gold["articles"] if a["id"] in ids], events=evs,
                   fusion=[[i for i in grp if i in keep] for grp in gold.get("fusion", [])],
                   conflicts=[c for c in gold.get("conflicts", []) if set(c["events"]) <= keep])
        cut["fusion"] = [grp for grp in cut["fusion"] if len(grp) > 1]
        g.write_text(json.dumps(cut))
        out[name] = (arts, g)
    return out


def score_half(arts: Path, gold: Path, work: Path) -> dict[str, float]:
    work.mkdir(parents=True, exist_ok=True)
    with contextlib.redirect_stdout(io.StringIO()):
        f = gate.build([arts], work, ("events", "entities", "articles", "conflicts"))
        return gate.run_score(["events", str(gold), str(f["events"]), "--entities", str(f["entities"]),
                               "--articles", str(f["articles"]), "--conflicts", str(f["conflicts"])])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=gate.SHARED)
    ap.add_argument("--settings", nargs="+", default=["main", "word", "word+keep", "word+keep+p0.05"])
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "voa_dev_gold.json").exists():
        print(f"{args.shared}/eval: voa_dev not found", file=sys.stderr)
        return 2
    det = load_detector()  # the cached instance the pipeline uses: setting its margin sets the pipeline's
    if det is None:
        print("no event detector model (make model)", file=sys.stderr)
        return 2
    shipped = (det.one_type_per_word, det.clause_keep, det.clause_margin, det.place_by_clause)
    f1: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hv = halves(args.shared, work)
        print("| setting | half A P / R / F1 | half B P / R / F1 |\n|---|---|---|")
        for m in args.settings:
            parts = set(m.split("+"))
            det.one_type_per_word, det.clause_keep = "word" in parts, "keep" in parts
            det.place_by_clause, det.clause_root = "place" in parts, "root" in parts
            det.clause_margin = next((float(x[1:]) for x in parts if x[:1] == "p" and x[1:2].isdigit()), None)
            cells = []
            for name, (arts, gold) in hv.items():
                s = score_half(arts, gold, work / f"{m}_{name}")
                f1[m, name] = s["event_f1"]
                cells.append(f"{s['event_precision']:.3f} / {s['event_recall']:.3f} / {s['event_f1']:.3f}")
            print(f"| {m} | {cells[0]} | {cells[1]} |", flush=True)
    det.one_type_per_word, det.clause_keep, det.clause_margin, det.place_by_clause = shipped
    for a, b in (("A", "B"), ("B", "A")):
        pick = max(args.settings, key=lambda m: f1[m, a])
        print(f"chosen on {a}: {pick} (F1 {f1[pick, a]:.3f}) -> held-out {b} F1 {f1[pick, b]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
