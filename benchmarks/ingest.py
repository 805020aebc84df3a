"""Ingest throughput without extraction: articles/second for N generated articles.

Measures the whole store path (hashing, MinHash + LSH lookup, FTS indexing, transactions) against a
reference measured in the same run: plain SQLite inserts of the same texts into a table with FTS5, so
the figure says what dedup and bookkeeping cost on this machine.

    python benchmarks/ingest.py [--n 5000] [--batch 64]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from wirewatch.model import Article
from wirewatch.pipeline import ingest
from wirewatch.store.db import Store

WORDS = (
    "missile launch army ministry officials said tuesday border talks sanctions drill artillery factory "
    "production shells troops summit leader general council agency statement report week month capital "
    "coast sea navy aircraft delegation minister spokesman accused denied plans visit inspection"
).split()
PLACES = ["Seoul", "Pyongyang", "Tokyo", "Moscow", "Kyiv", "Beijing", "Washington", "Hanoi", "Manila"]


def make_articles(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    arts = []
    for i in range(n):
        sents = []
        for _ in range(rng.randint(6, 12)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
            words.insert(rng.randrange(len(words)), rng.choice(PLACES))
            sents.append(" ".join(words).capitalize() + ".")
        arts.append(Article(id=f"gen-{i:07d}", text=" ".join(sents), title=f"Report {i}", source=f"gen:{i}"))
    return arts


def reference(arts: list[Article], path: Path) -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE a(id TEXT PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, text)")
    t = time.perf_counter()
    with conn:
        for a in arts:
            conn.execute("INSERT INTO a VALUES (?,?,?)", (a.id, a.title, a.text))
            conn.execute("INSERT INTO f VALUES (?,?)", (a.title, a.text))
    dt = time.perf_counter() - t
    conn.close()
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="articles to generate")
    ap.add_argument("--batch", type=int, default=64, help="articles per transaction")
    args = ap.parse_args()
    arts = make_articles(args.n)
    with tempfile.TemporaryDirectory() as d:
        ref = reference(arts, Path(d) / "ref.db")
        store = Store(Path(d) / "bench.db")
        t = time.perf_counter()
        report = ingest(articles=arts, store=store, extract=False, connectors=[], batch_size=args.batch)
        dt = time.perf_counter() - t
        t = time.perf_counter()
        again = ingest(articles=make_articles(args.n), store=store, extract=False, connectors=[],
                       batch_size=args.batch)
        dt_again = time.perf_counter() - t
    print(f"articles: {args.n} (avg {sum(len(a.text) for a in arts) // args.n} chars)")
    print(f"wirewatch ingest (no extraction): {dt:.2f} s, {args.n / dt:.0f} articles/s "
          f"(stored {report.stored}, duplicates {report.duplicates})")
    print(f"re-ingest of the same input:      {dt_again:.2f} s, {args.n / dt_again:.0f} articles/s "
          f"(unchanged {again.unchanged})")
    print(f"reference plain SQLite+FTS5 insert: {ref:.2f} s, {args.n / ref:.0f} articles/s")
    print(f"ratio wirewatch/reference throughput: {ref / dt:.2f}")


if __name__ == "__main__":
    main()
