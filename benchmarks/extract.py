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
import tempfile
import time
from pathlib import Path

from corpus import make  # benchmarks/corpus.py (this folder is on sys.path when run as a script)

from wirewatch.extract import extraction_components
from wirewatch.extract.nlp import get_nlp
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline, ingest
from wirewatch.store.db import Store


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
    list(pipeline.pipe(make(20, seed=99)))  # the same warm-up for our components (lexicons, gazetteer)
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
