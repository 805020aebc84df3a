"""Plain `ingest` against `run_batch` (Dask, worker processes) over the same generated archive.

Writes a few hundred distinct articles (the demo corpus and eval/connect with names, places and numbers
varied, as in benchmarks/extract.py) as one JSON file each into a temporary folder, then times, each
into a fresh SQLite store:

  1. `wirewatch.ingest` over the folder (one process);
  2. `wirewatch.scale.run_batch` over the folder (extraction on `--workers` processes, writes in order);

checks that both stores hold the same articles, event mentions and stories, and prints the speed-up.
The batch time includes starting the worker processes and loading spaCy in each of them.

    python benchmarks/scale.py [--n 300] [--workers 2] [--partition-size 25]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from corpus import make  # benchmarks/corpus.py (this folder is on sys.path when run as a script)

from wirewatch.extract import extraction_components
from wirewatch.pipeline import Pipeline, ingest
from wirewatch.scale.dask_runner import run_batch
from wirewatch.store.db import Store


def write_archive(folder: Path, n: int, seed: int = 3) -> None:
    for i, a in enumerate(make(n, seed)):
        doc = {"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet, "published": a.published}
        (folder / f"{i:06d}.json").write_text(json.dumps(doc))


def snapshot(store: Store) -> tuple[list[tuple[str, ...]], int, int]:
    arts = [tuple(r) for r in store.conn.execute("SELECT id, duplicate_kind, story_id FROM articles ORDER BY rowid")]
    return arts, store.count("event_mentions"), store.count("events")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles (one file each)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for run_batch")
    ap.add_argument("--partition-size", type=int, default=25, help="files per Dask partition")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        write_archive(folder, args.n)
        pipeline = Pipeline(extraction_components())  # loaded before timing, as an already-running process would

        plain_store = Store(Path(tmp) / "plain.db")
        t = time.perf_counter()
        plain = ingest([folder], plain_store, pipeline=pipeline)
        plain_s = time.perf_counter() - t

        batch_store = Store(Path(tmp) / "batch.db")
        marks: list[float] = []
        t = time.perf_counter()
        batch = run_batch([folder], batch_store, workers=args.workers, partition_size=args.partition_size,
                          scheduler="processes", on_partition=lambda done, total: marks.append(time.perf_counter()))
        batch_s = time.perf_counter() - t
        # Steady state: from the first partition written to the end (worker start-up and spaCy load excluded).
        steady_n = args.n - min(args.partition_size, args.n)
        steady_s = marks[-1] - marks[0] if len(marks) > 1 else float("nan")
        startup_s = marks[0] - t if marks else float("nan")

        same = snapshot(plain_store) == snapshot(batch_store) and plain.to_dict() == batch.to_dict()
        _, mentions, events = snapshot(batch_store)
    print(f"articles: {args.n} files, workers: {args.workers}, partition size: {args.partition_size}")
    print(f"plain ingest:          {plain_s:7.2f} s  {args.n / plain_s:7.1f} articles/s")
    print(f"run_batch (processes): {batch_s:7.2f} s  {args.n / batch_s:7.1f} articles/s  "
          f"speed-up {plain_s / batch_s:.2f}x  (incl. worker start + spaCy load per worker)")
    if len(marks) > args.workers:
        plain_rate, steady_rate = args.n / plain_s, steady_n / steady_s
        print(f"run_batch steady state: {steady_rate:7.1f} articles/s  speed-up {steady_rate / plain_rate:.2f}x"
              f"  (after the first partition, written {startup_s:.2f} s after the start)")
    else:
        # The first partitions of all workers finish together: no steady state to measure.
        print("run_batch steady state: n/a (needs more partitions than workers; raise --n or lower --partition-size)")
    print(f"same result: {same}  (stored {batch.stored}, {mentions} event mentions, {events} fused events)")


if __name__ == "__main__":
    main()
