"""What each date convention scores: the shipped one (`date` carries the report's day for a past report of
news that states no time, marked `date_from: "published"`) against the strict reading of the ontology ("null
when it cannot be resolved": the same export with those dates set to null).

    python eval/date_convention.py            # VOA dev, eval/connect, eval/participants

Both are scored by the official scorer on one export, so the two figures differ only by the convention. The
scorer counts only gold events that carry a date, so the strict reading can only lose there; what it gains is
judged elsewhere (eval/judged: the judges' rule calls a copied publication date wrong). Nothing is tuned.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import gate  # noqa: E402

SUITES = {"voa": ([gate.SHARED / "eval" / "voa_dev_articles.jsonl"], gate.SHARED / "eval" / "voa_dev_gold.json"),
          "connect": ([HERE / "connect" / "corpus.jsonl"], HERE / "connect" / "gold.json"),
          "participants": ([HERE / "participants" / "corpus.jsonl"], HERE / "participants" / "gold.json")}


def strict(events: Path, out: Path) -> tuple[int, int]:
    """Write `events` with every report-day stand-in date set to null; (events dated, of them stand-ins)."""
    dated = stand_in = 0
    with events.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            ev = json.loads(line)
            if ev.get("date"):
                dated += 1
                if ev.get("date_from") == "published":
                    stand_in += 1
                    ev["date"], ev["date_precision"] = None, None
            w.write(json.dumps(ev) + "\n")
    return dated, stand_in


def main() -> None:
    if gate.scorer() is None:
        sys.exit("date_convention: the official scorer (../shared/eval/score.py) is not here")
    for name, (inputs, gold) in SUITES.items():
        if not gold.exists() or not all(p.exists() for p in inputs):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            f = gate.build(inputs, Path(tmp), ("events",))
            shipped = gate.run_score(["events", str(gold), str(f["events"])], held_out=True)
            strict_path = Path(tmp) / "strict.jsonl"
            dated, stand_in = strict(f["events"], strict_path)
            strict_scores = gate.run_score(["events", str(gold), str(strict_path)], held_out=True)
        print(f"{name}: date_accuracy shipped {shipped.get('date_accuracy', 0):.3f}  strict "
              f"{strict_scores.get('date_accuracy', 0):.3f}  ({stand_in} of {dated} dated events carry the "
              f"report's day)")


if __name__ == "__main__":
    main()
