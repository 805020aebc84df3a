"""Decision snapshots for speed work: what a run decides (events, fusion, conflicts, stories, entities), as
`wirewatch export` writes it, so that a change meant only to be faster can be shown to decide nothing anew.

Each set is ingested into a fresh database and exported; `--out DIR` writes one JSONL file per set and kind
plus their SHA-1 sums (diff two DIRs, or compare the sums). `--profile` prints the cProfile top of the write
+ connect path (extraction is done first, outside the profile, and handed to the run as `Prepared`).

    python benchmarks/decisions.py --out /tmp/before              # demo, bench300, repeated300
    python benchmarks/decisions.py --sets bench300 --profile       # where the write path spends its time
    diff -r /tmp/before /tmp/after

Sets: demo (demo/corpus, ingested from its files), benchN (benchmarks/corpus.py's N varied articles),
repeated300 (one article repeating one event sentence 300 times: every mention fuses into one event), ecbN
(the first N ECB+ dev documents of ../shared/eval/ecb_dev.jsonl, when it is there: real news in styles the
project's own texts lack; used here only to show that a speed change decides nothing anew).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# A long article is parsed until a time budget is spent (extract/nlp.py): on a loaded CPU the repeated set
# would be cut at a different place in each run. Snapshots compare decisions, so the budget is lifted.
os.environ.setdefault("WIREWATCH_ARTICLE_BUDGET_S", "100000")

from corpus import ROOT, make  # noqa: E402 - benchmarks/corpus.py

from wirewatch.extract import extraction_components  # noqa: E402
from wirewatch.ingest.sources import iter_inputs  # noqa: E402
from wirewatch.model import Article  # noqa: E402
from wirewatch.pipeline import Pipeline, Prepared, Run, extract_articles  # noqa: E402
from wirewatch.store import export  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402

KINDS = ("events", "conflicts", "stories", "entities", "articles")
PROSE = ("Police arrested three protesters outside the parliament on Friday, officials said. "
         "The government said it would raise spending on roads and schools by ten percent next year.")


def articles_of(name: str) -> list[Article]:
    if name == "demo":
        return [a for a in iter_inputs([ROOT / "demo" / "corpus"]) if isinstance(a, Article)]
    if name.startswith("bench"):
        return make(int(name[5:] or 300))
    if name == "repeated300":
        return [Article(id="repeated", text="\n\n".join([PROSE] * 300), outlet="Wire", published="2025-03-14",
                        source="repeated.txt")]
    if name.startswith("ecb"):
        path = ROOT.parent / "shared" / "eval" / "ecb_dev.jsonl"
        if not path.exists():
            raise SystemExit(f"{path} is not there: the ecbN sets need the shared dev data")
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[: int(name[3:] or 200)]]
        return [Article(id=r["id"], text=r["text"], source=f"ecb:{r['id']}") for r in rows]
    raise SystemExit(f"unknown set {name!r} (demo, benchN, repeated300, ecbN)")


def units(prepared: list[Prepared]) -> Iterator[tuple[str, list[Prepared]]]:
    """One input per article, named by its source, as a run over files would see them."""
    for p in prepared:
        yield p.article.source or p.article.id, [p]


def run_set(name: str, pipeline: Pipeline, out: Path | None, profile: bool) -> None:
    arts = articles_of(name)
    t = time.perf_counter()
    results = extract_articles(pipeline, arts)
    ext = time.perf_counter() - t
    prepared = [Prepared(article=a, result=r) for a, r in zip(arts, results, strict=True)]
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / f"{name}.db")
        prof = cProfile.Profile() if profile else None
        t = time.perf_counter()
        if prof:
            prof.enable()
        Run(store, None).feed(units(prepared))
        if prof:
            prof.disable()
        write = time.perf_counter() - t
        print(f"{name}: {len(arts)} articles, extraction {ext:.2f} s, write + connect {write:.2f} s, "
              f"{store.count('events')} events, {store.count('conflicts')} conflicts", file=sys.stderr)
        if prof:
            pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            for kind in KINDS:
                text = export.to_string(store, kind)
                (out / f"{name}.{kind}.jsonl").write_text(text)
                print(f"{hashlib.sha1(text.encode()).hexdigest()}  {name}.{kind}.jsonl")
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=["demo", "bench300", "repeated300"])
    ap.add_argument("--out", type=Path, help="folder for the exports and their sums")
    ap.add_argument("--profile", action="store_true", help="cProfile the write + connect path")
    args = ap.parse_args()
    pipeline = Pipeline(extraction_components())
    for name in args.sets:
        run_set(name, pipeline, args.out, args.profile)


if __name__ == "__main__":
    main()
