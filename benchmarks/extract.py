"""Extraction throughput against raw spaCy, measured in the same run on the same texts.

Builds a few hundred distinct articles from the bundled corpora (the demo corpus and eval/connect, with
names, places and numbers varied so that no two are exact copies), then times:

  1. raw spaCy: `nlp.pipe(texts)` with the same pipeline wirewatch loads (the reference);
  2. wirewatch extraction components alone (parse + time + entities + events) over the same articles;
  3. a full `wirewatch.ingest` into a fresh SQLite store (dedup, extraction, stories, fusion, conflicts).

and prints articles/second and the ratios to the reference (target: extraction >= 0.8 of raw spaCy).

    python benchmarks/extract.py [--n 300]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from wirewatch.extract import extraction_components
from wirewatch.extract.nlp import get_nlp
from wirewatch.ingest.batch import ingest
from wirewatch.ingest.sources import iter_inputs
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline
from wirewatch.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
SWAPS = [("North Korea", "Myanmar"), ("Pyongyang", "Naypyidaw"), ("Seoul", "Bangkok"), ("Russia", "Iran"),
         ("Kim", "Min"), ("missiles", "rockets"), ("Tokyo", "Manila"), ("Japan", "the Philippines")]


def base_articles() -> list[Article]:
    arts = [a for a in iter_inputs([ROOT / "demo" / "corpus"]) if isinstance(a, Article)]
    for line in (ROOT / "eval" / "connect" / "corpus.jsonl").read_text().splitlines():
        d = json.loads(line)
        arts.append(Article(id=d["id"], text=d["text"], title=d.get("title"), outlet=d.get("outlet"),
                            published=d.get("published")))
    return arts


def make(n: int, seed: int = 3) -> list[Article]:
    rng = random.Random(seed)
    base = base_articles()
    out = []
    for i in range(n):
        b = base[i % len(base)]
        text = b.text
        for old, new in rng.sample(SWAPS, k=rng.randint(1, 4)):
            text = text.replace(old, new)
        text += f" The report was filed at {rng.randint(1, 12)}:{rng.randint(10, 59)} local time, desk {i}."
        out.append(Article(id=f"{b.id}-v{i}", text=text, title=b.title, outlet=b.outlet, published=b.published,
                           source=f"bench:{i}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles")
    args = ap.parse_args()
    arts = make(args.n)
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(nlp.pipe(texts[:20]))  # warm-up, so neither side pays for first-call costs

    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    raw = time.perf_counter() - t

    pipeline = Pipeline(extraction_components())
    t = time.perf_counter()
    n_events = sum(len(a.events) for a in pipeline.pipe(make(args.n)) if isinstance(a, Article))
    ext = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "bench.db")
        t = time.perf_counter()
        report = ingest(articles=make(args.n), store=store, pipeline=pipeline)
        full = time.perf_counter() - t
        n_fused = store.count("events")

    print(f"articles: {args.n}, words: {words}")
    print(f"raw spaCy nlp.pipe:           {raw:7.2f} s  {args.n / raw:7.1f} articles/s  (reference)")
    print(f"wirewatch extraction:         {ext:7.2f} s  {args.n / ext:7.1f} articles/s  ratio {raw / ext:.2f}"
          f"  ({n_events} event mentions)")
    print(f"wirewatch ingest (full path): {full:7.2f} s  {args.n / full:7.1f} articles/s  ratio {raw / full:.2f}"
          f"  (stored {report.stored}, near-dup {report.near_duplicates}, {n_fused} fused events)")


if __name__ == "__main__":
    main()
