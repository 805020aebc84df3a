"""The most a single-valued event field can score under the official scorer, from the gold alone.

    python eval/presentation_caps.py            # eval/connect, VOA dev, eval/participants

`score.py events` judges a found gold event on the *event* its first matching mention belongs to
(`matched[g["id"]][0].get("attributed_to")`, `.get("date")`, `.get("modality")`), never on the mention. When
gold fuses reports of one happening across articles (`fusion`) whose gold values differ - one outlet credits
South Korea's Joint Chiefs, another Japan's Defense Ministry, a third KCNA - one exported value can match
only the reports that agree with it. This prints, for perfect extraction and perfect fusion, the share of
gold values any single value per fused event can match: the ceiling of attribution, date and modality
accuracy. (Imperfect fusion can score above it: reports left unfused keep their own values.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "eval"
SUITES = {"connect": HERE / "connect" / "gold.json", "voa": SHARED / "voa_dev_gold.json",
          "participants": HERE / "participants" / "gold.json"}


def _scorer() -> Any:
    sys.path.insert(0, str(SHARED))
    import score  # the official name matching

    return score


def caps(gold: dict[str, Any], S: Any) -> dict[str, tuple[int, int]]:
    """{field: (gold values no single value per fused event can match, gold values)}."""
    ev = {e["id"]: e for e in gold["events"]}

    def ok(field: str, value: Any, e: dict[str, Any]) -> bool:
        if field == "attributed_to":
            return bool(S.names_match(value, e[field]))
        if field == "modality":
            return value in e[field]
        return str(value).startswith(e[field])

    out = {}
    for field in ("attributed_to", "date", "modality"):
        total = [e for e in gold["events"] if e.get("required", True) and e.get(field)]
        lost = 0
        for grp in gold.get("fusion") or []:
            mem = [ev[i] for i in grp if i in ev and ev[i].get("required", True) and ev[i].get(field)]
            if not mem:
                continue
            values = {v for e in mem for v in (e[field] if isinstance(e[field], list) else [e[field]])}
            lost += len(mem) - max(sum(ok(field, v, e) for e in mem) for v in values)
        out[field] = (lost, len(total))
    return out


def main() -> None:
    if not (SHARED / "score.py").exists():
        sys.exit("presentation_caps: the official scorer (../shared/eval/score.py) is not here")
    S = _scorer()
    for name, path in SUITES.items():
        if not path.exists():
            continue
        res = caps(json.loads(path.read_text(encoding="utf-8")), S)
        print(name + ": " + "  ".join(f"{f} cap {1 - lost / n:.3f} ({lost} of {n} unreachable)"
                                      for f, (lost, n) in res.items() if n))


if __name__ == "__main__":
    main()
