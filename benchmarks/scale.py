"""Scale-out: plain `ingest` against `run_batch` on a local Dask cluster of 1 and 2 workers.

Writes `--n` distinct articles (the demo corpus and eval/connect with names, places and numbers varied,
benchmarks/corpus.py) as one JSON file each into a temporary folder, then measures in this one run:

  1. raw spaCy `nlp.pipe` over the same texts, in this process (the reference every ratio is against);
  2. `wirewatch ingest` (one process), split into its extract step and its write + connect step;
  3. `run_batch` on a `LocalCluster` of 1 and of 2 worker processes (read + extract on the workers, write +
     connect here): total time, the start (cluster, spaCy load in each worker, first partition), the
     write + connect time of this process, and the steady rate after the first partition is written.

Rates are also given in words/s and projected to articles/day for 600-word reports (the rate in words/s
x 86,400 / 600), the length of a typical wire report. Each batch store is checked to equal the plain one.
The machine may be shared: use a small `--n`, and read the ratios rather than the absolute times.

    python benchmarks/scale.py [--n 80] [--partition-size 10] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus import make  # benchmarks/corpus.py (this folder is on sys.path when run as a script)

from wirewatch.extract.nlp import get_nlp
from wirewatch.pipeline import Extracted, Pipeline, Run, default_pipeline, extract_articles
from wirewatch.scale.dask_runner import run_batch
from wirewatch.store.db import Store

REPORT_WORDS = 600
DAY_S = 86_400


def write_archive(folder: Path, n: int, seed: int = 3) -> tuple[list[str], int]:
    texts = []
    for i, a in enumerate(make(n, seed)):
        doc = {"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet, "published": a.published}
        (folder / f"{i:06d}.json").write_text(json.dumps(doc))
        texts.append(a.text)
    return texts, sum(len(t.split()) for t in texts)


def snapshot(store: Store) -> tuple[Any, ...]:
    q = store.conn.execute
    return (
        [tuple(r) for r in q("SELECT id, duplicate_kind, story_id FROM articles ORDER BY rowid")],
        [tuple(r) for r in q("SELECT article_id, event_type, start, event_id FROM event_mentions ORDER BY id")],
        [tuple(r) for r in q("SELECT id, event_type, story_id FROM events ORDER BY id")],
        store.count("conflicts"),
    )


class _WriteClock:
    """Time spent in the run's write + connect step (Run._flush minus the extract calls inside it)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.extract = 0.0
        self._flush = Run._flush

    def __enter__(self) -> _WriteClock:
        clock = self

        def flush(run: Run, batch: Any) -> None:
            t = time.perf_counter()
            clock._flush(run, batch)
            clock.total += time.perf_counter() - t

        Run._flush = flush  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        Run._flush = self._flush  # type: ignore[method-assign]

    @property
    def write(self) -> float:
        return self.total - self.extract


def plain_ingest(folder: Path, db: Path, pipeline: Pipeline) -> tuple[float, float, float, Store]:
    """(total, extract, write + connect) seconds of `ingest` over the folder, and its store."""
    from wirewatch.ingest.sources import iter_input_files

    store = Store(db)
    with _WriteClock() as clock:

        def extractor(arts: list[Any]) -> list[Extracted]:
            t = time.perf_counter()
            out = extract_articles(pipeline, arts)
            clock.extract += time.perf_counter() - t
            return out

        t = time.perf_counter()
        Run(store, extractor).feed(iter_input_files([folder]))
        total = time.perf_counter() - t
    return total, clock.extract, clock.write, store


def batch(folder: Path, db: Path, workers: int, partition_size: int) -> dict[str, Any]:
    store = Store(db)
    marks: list[float] = []
    with _WriteClock() as clock:
        t = time.perf_counter()
        report = run_batch([folder], store, workers=workers, partition_size=partition_size,
                           on_partition=lambda done, total: marks.append(time.perf_counter()))
        total = time.perf_counter() - t
    return {"total": total, "write": clock.write, "first": marks[0] - t if marks else float("nan"),
            "marks": marks, "store": store, "report": report}


def _steady_ratio(lo: dict[str, Any], hi: dict[str, Any]) -> str:
    """Speed-up of the steady rates (partitions per second after the first one written)."""
    rates = []
    for r in (lo, hi):
        m = r["marks"]
        if len(m) < 2:
            return ""
        rates.append((len(m) - 1) / (m[-1] - m[0]))
    return f", x{rates[1] / rates[0]:.2f} steady"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=80, help="articles (one file each)")
    ap.add_argument("--partition-size", type=int, default=10, help="files per Dask task")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="local cluster sizes to measure")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        texts, words = write_archive(folder, args.n)
        nlp = get_nlp()
        list(nlp.pipe(texts[:10]))  # warm-up: neither side pays first-call costs
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        raw = time.perf_counter() - t
        raw_wps = words / raw

        pipeline = default_pipeline()  # loaded before timing, as in an already-running process
        total, extract_s, write_s, plain_store = plain_ingest(folder, Path(tmp) / "plain.db", pipeline)
        expected = snapshot(plain_store)

        def line(label: str, seconds: float, n_words: int = words) -> str:
            wps = n_words / seconds
            return (f"{label:<34}{seconds:7.2f} s {wps:8.0f} words/s  x{wps / raw_wps:5.2f} of raw spaCy  "
                    f"{wps * DAY_S / REPORT_WORDS:10,.0f} 600-word articles/day")

        print(f"articles: {args.n} files, {words} words ({words / args.n:.0f} per article), "
              f"partition size {args.partition_size}")
        print(line("raw spaCy nlp.pipe (reference)", raw))
        print(line("ingest, total", total))
        print(line("  of which extract", extract_s) + f"  ({extract_s / total:.0%} of ingest)")
        print(line("  of which write + connect", write_s) + f"  ({write_s / total:.0%} of ingest)")
        rest = total - extract_s - write_s
        print(f"  the rest (reading, start-up):  {rest:7.2f} s  ({rest / total:.0%} of ingest)")
        runs = {}
        for w in args.workers:
            r = runs[w] = batch(folder, Path(tmp) / f"batch{w}.db", w, args.partition_size)
            same = snapshot(r["store"]) == expected
            print(line(f"batch, {w} worker(s), total", r["total"]) + f"  same database as ingest: {same}")
            print(f"    start to first partition written: {r['first']:.2f} s (cluster start, spaCy load per "
                  f"worker); write + connect here: {r['write']:.2f} s ({r['write'] / r['total']:.0%} of the run)")
            marks = r["marks"]
            if len(marks) > 1:
                steady_words = words * (len(marks) - 1) / len(marks)
                print(line("    steady, after first partition", marks[-1] - marks[0], int(steady_words)))
        if len(runs) > 1:
            lo, hi = min(runs), max(runs)
            print(f"batch {hi} vs {lo} worker(s): speed-up x{runs[lo]['total'] / runs[hi]['total']:.2f} in total"
                  f"{_steady_ratio(runs[lo], runs[hi])}; the write + connect step bounds any cluster at"
                  f" {words / max(write_s, 1e-9) * DAY_S / REPORT_WORDS:,.0f} 600-word articles/day")


if __name__ == "__main__":
    main()
