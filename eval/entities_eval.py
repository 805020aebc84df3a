"""Entity merge on VOA dev by document halves: the errors of one half are read, the other half only scored.

Each half is ingested on its own (the cross-article merge sees only that half's reports), and scored with
the official scorer's entity rule against the gold entities whose aliases that half's texts contain (each
restricted to the aliases it contains). The full set is scored as the gate does. Prints the three figures
and the gap between the read half and the held-out half; `--errors` lists the read half's failures.

    python eval/entities_eval.py [--errors] [--fold 0|1]
    python eval/entities_eval.py --own eval/entities_own

`--own DIR` scores one of our own sets (corpus.jsonl, gold.json) and lists all its errors. Besides the
gold entities (merge, and country where the gold gives one), a gold file may say what must never happen
(eval/entities_own, written for issue 11): `junk` (names that are no entity: "CEO", "html", "Det"),
`not_aliases` (a capital is no alias of its country: {"Ukraine": ["Kyiv"]}), `apart` (names of different
entities, "Curtis Mabry" and "Dwayne Mabry", that must not end on one) and `titles` (a title the person
must carry, "Sgt." of Renata Oyelaran, stripped from the name).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from wirewatch.pipeline import ingest  # noqa: E402
from wirewatch.store import export  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402


def norm(s: Any) -> str:  # the scorer's normalisation
    return re.sub(r"[\s\-]+", " ", str(s or "")).strip().lower()


def entities_of(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "in.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        store = Store(Path(d) / "e.db")
        ingest([str(src)], store)
        out = Path(d) / "entities.jsonl"
        export.write(store, "entities", "jsonl", out)
        store.close()
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def in_text(alias: str, others: list[str], texts: list[str]) -> bool:
    """Does the alias occur in these texts other than inside a longer alias ("Joly" in "Malie Joly")?"""
    def pat(a: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + re.escape(a) + r"(?!\w)")

    longer = [pat(o) for o in others if alias in o and o != alias]
    for t in texts:
        for p in longer:
            t = p.sub(" ", t)
        if pat(alias).search(t):
            return True
    return False


def score(gold: list[dict[str, Any]], ents: list[dict[str, Any]]) -> tuple[float, list[str]]:
    """The scorer's entity-merge accuracy, and one line per failed gold entity."""
    names = [(e, {norm(x) for x in [e.get("name"), *(e.get("aliases") or [])]}) for e in ents]
    ok, errors = 0, []
    for g in gold:
        hits = [(e, n) for e, n in names if any(norm(a) in n for a in g["aliases"])]
        one = [e for e, n in hits if all(norm(a) in n for a in g["aliases"])]
        good = bool(one) and len(hits) == 1
        ok += good
        if not good:
            got = "; ".join(f"{e['kind']} {e['name']!r} {sorted(e.get('aliases') or [])}" for e, _ in hits)
            errors.append(f"{g['kind']} {g['aliases']} -> {got or 'nothing'}")
    return (ok / len(gold) if gold else 0.0), errors


def own_checks(gold: dict[str, Any], ents: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    """Country, junk, not-alias, apart and title checks of an own gold set (see the module doc)."""
    def forms(e: dict[str, Any]) -> set[str]:
        return {norm(x) for x in [e.get("name"), *(e.get("aliases") or [])]}

    def owner(name: str) -> list[dict[str, Any]]:
        return [e for e in ents if norm(name) in forms(e)]

    errors: list[str] = []
    placed = [g for g in gold["entities"] if g.get("country")]
    right = 0
    for g in placed:
        got = {e.get("country") for e in ents if forms(e) >= {norm(a) for a in g["aliases"]}}
        right += got == {g["country"]}
        if got != {g["country"]}:
            errors.append(f"country   {g['name']}: gold {g['country']}, got {sorted(map(str, got)) or 'no entity'}")
    junk = {norm(j) for j in gold.get("junk") or []}
    bad = [e for e in ents if norm(e.get("name")) in junk]
    errors += [f"junk      {e['kind']} {e['name']!r}" for e in bad]
    not_alias = [(name, x) for name, never in (gold.get("not_aliases") or {}).items() for e in ents
                 if norm(e.get("name")) == norm(name) for x in never if norm(x) in forms(e)]
    errors += [f"not_alias {name} carries {x!r}" for name, x in not_alias]
    merged = [names for names in gold.get("apart") or []
              if any(sum(norm(n) in forms(e) for n in names) > 1 for e in ents)]
    errors += [f"apart     {names} share an entity" for names in merged]
    titles = gold.get("titles") or {}
    missing = [(name, t) for name, want in titles.items() for t in want
               if not any(t in (e.get("titles") or []) or any(t in x for x in e.get("titles") or [])
                          for e in owner(name))]
    errors += [f"title     {name} lacks {t!r}" for name, t in missing]
    n_titles = sum(len(v) for v in titles.values())
    return {"country_accuracy": right / len(placed) if placed else 1.0, "junk_entities": len(bad),
            "not_alias_errors": len(not_alias), "apart_errors": len(merged),
            "title_accuracy": 1 - len(missing) / n_titles if n_titles else 1.0}, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list the read half's failures")
    ap.add_argument("--fold", type=int, default=0, choices=(0, 1), help="the half whose errors are read")
    ap.add_argument("--own", metavar="DIR", help="score one of our own sets instead (corpus.jsonl and gold.json: "
                    "eval/entities_own, eval/connect2) and list all its errors")
    args = ap.parse_args(argv)
    if args.own:
        own = Path(args.own)
        rows = [json.loads(line) for line in (own / "corpus.jsonl").open(encoding="utf-8") if line.strip()]
        gold_own = json.loads((own / "gold.json").read_text(encoding="utf-8"))
        ents = entities_of(rows)
        acc, errors = score(gold_own["entities"], ents)
        checks, more = own_checks(gold_own, ents)
        for line in errors + more:
            print("   ", line)
        print(f"{own}: entity merge {acc:.3f}; " + "; ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in checks.items()))
        return 0
    gold = json.loads((SHARED / "eval" / "voa_dev_gold.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (SHARED / "eval" / "voa_dev_articles.jsonl").open(encoding="utf-8")
            if line.strip()]
    full, _ = score(gold["entities"], entities_of(rows))
    figures = {}
    for fold in (0, 1):
        part = [r for i, r in enumerate(rows) if i % 2 == fold]
        texts = [r.get("title", "") + "\n" + r["text"] for r in part]
        golds = []
        for g in gold["entities"]:
            aliases = [a for a in g["aliases"] if in_text(a, g["aliases"], texts)]
            if aliases:
                golds.append({**g, "aliases": aliases})
        acc, errors = score(golds, entities_of(part))
        figures[fold] = acc
        print(f"half {fold} ({len(part)} reports, {len(golds)} gold entities): {acc:.3f}"
              + ("  <- errors read" if fold == args.fold else "  (held out)"))
        if args.errors and fold == args.fold:
            for line in errors:
                print("   ", line)
    print(f"full set: {full:.3f}; read half {figures[args.fold]:.3f}, held-out half {figures[1 - args.fold]:.3f}, "
          f"gap {figures[args.fold] - figures[1 - args.fold]:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
