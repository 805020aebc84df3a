"""Extraction throughput against raw spaCy, measured in the same run on the same texts.

Builds a few hundred distinct articles from the bundled corpora (the demo corpus and eval/connect, with
names, places and numbers varied so that no two are exact copies), then times:

  1. raw spaCy: `nlp.pipe(texts)` with the same pipeline wirewatch loads (the reference);
  2. wirewatch extraction components alone (parse + time + entities + events) over the same articles;
  3. a full `wirewatch.ingest` into a fresh SQLite store (dedup, extraction, stories, fusion, conflicts).

and prints articles/second, the ratios to the reference (targets: extraction >= 0.8 of raw spaCy, full ingest
>= 0.6) and what the full path means in 600-word reports a day (words/s / 600 x 86,400, one process; the
issue's figure is for 2 cores, i.e. twice that at best). The detector is the shipped one, or the model at
$WIREWATCH_EVENT_MODEL (e.g. one trained with the sentence encoder: its line says how many sentences it embedded).

On a shared CPU compare the CPU-time ratios (the process's own time), and repeat: wall-clock ratios swing
with the neighbours' load (0.59-1.22 for unchanged extraction code on the 2 shared cores of this project).

    python benchmarks/extract.py [--n 300] [--preparse]   # --preparse: what a pre-parse filter could buy
    OPENBLAS_NUM_THREADS=1 python benchmarks/extract.py   # on a shared CPU: BLAS threads fighting for 2 cores
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus import make  # benchmarks/corpus.py (this folder is on sys.path when run as a script)

from wirewatch.extract import extraction_components
from wirewatch.extract.detector import load_detector
from wirewatch.extract.nlp import get_nlp
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline, ingest
from wirewatch.store.db import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles")
    ap.add_argument("--preparse", action="store_true",
                    help="also estimate a pre-parse filter (benchmarks/preparse.py): parser share, anchored sentences")
    args = ap.parse_args()
    arts = make(args.n)
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(nlp.pipe(texts[:20]))  # warm-up, so neither side pays for first-call costs

    t, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    raw, raw_cpu = time.perf_counter() - t, time.process_time() - c

    pipeline = Pipeline(extraction_components())
    list(pipeline.pipe(make(20, seed=99)))  # the same warm-up for our components (lexicons, gazetteer)
    t, c = time.perf_counter(), time.process_time()
    n_events = sum(len(a.events) for a in pipeline.pipe(make(args.n)) if isinstance(a, Article))
    ext, ext_cpu = time.perf_counter() - t, time.process_time() - c

    with tempfile.TemporaryDirectory() as d:
        # The same warm-up for the write and connect steps: their tables (data/acts.yaml, the fusion and story
        # models) and datasketch load on first use, a once-a-process cost that is not throughput.
        ingest(articles=make(20, seed=99), store=Store(Path(d) / "warm.db"), pipeline=pipeline)
        store = Store(Path(d) / "bench.db")
        t, c = time.perf_counter(), time.process_time()
        report = ingest(articles=make(args.n), store=store, pipeline=pipeline)
        full, full_cpu = time.perf_counter() - t, time.process_time() - c
        n_fused = store.count("events")

    det = load_detector()
    enc = det.config.encoder if det is not None else 0.0
    kind = "none" if det is None else "tf-idf + parse features + sentence encoder" if enc else \
        "tf-idf + parse features (no encoder)"
    print(f"articles: {args.n}, words: {words}; detector: {kind}")
    print(f"raw spaCy nlp.pipe:           {raw:7.2f} s  {args.n / raw:7.1f} articles/s  (reference)")
    print(f"wirewatch extraction:         {ext:7.2f} s  {args.n / ext:7.1f} articles/s  ratio {raw / ext:.2f}"
          f"  ({n_events} event mentions)")
    print(f"wirewatch ingest (full path): {full:7.2f} s  {args.n / full:7.1f} articles/s  ratio {raw / full:.2f}"
          f"  (stored {report.stored}, near-dup {report.near_duplicates}, {n_fused} fused events)")
    # On a shared CPU the wall-clock ratios swing with the neighbours' load; the process's own CPU time
    # (spaCy and BLAS single-threaded here) is what the work costs. Compare CPU ratios across runs.
    print(f"CPU-time ratios (this process only): extraction {raw_cpu / ext_cpu:.2f}, full ingest "
          f"{raw_cpu / full_cpu:.2f}; write + connect (full - extraction) {full_cpu - ext_cpu:.2f} s CPU = "
          f"{(full_cpu - ext_cpu) / raw_cpu:.2f}x raw spaCy's")
    per_day = words / full / 600 * 86400
    print(f"full path in 600-word reports/day: {per_day / 1e3:.0f}k on one process (~{2 * per_day / 1e6:.2f}M on 2 "
          f"cores at best)")
    cpu_day = words / full_cpu / 600 * 86400
    print(f"  by CPU time: {cpu_day / 1e3:.0f}k per core (~{2 * cpu_day / 1e6:.2f}M on 2 cores at best)")
    # On 2 cores a run can overlap extraction with the single writer (`wirewatch batch --workers 1`: one
    # worker extracts, this process writes + connects): bound by the larger of the two steps' CPU time.
    wc_cpu = max(full_cpu - ext_cpu, 1e-9)
    overlap_day = words / max(ext_cpu, wc_cpu) / 600 * 86400
    print(f"  2 processes, extraction beside write + connect: {overlap_day / 1e6:.2f}M at best (extraction "
          f"{ext_cpu:.2f} s CPU vs write + connect {wc_cpu:.2f} s; IPC and worker start not counted)")
    if args.preparse:
        from preparse import estimate, line

        print(line(estimate(args.n)))
    if enc:
        from wirewatch.extract.encoder import load_encoder

        print(f"sentence encoder: {len(load_encoder().cache)} distinct sentences embedded (cache)")


if __name__ == "__main__":
    main()
