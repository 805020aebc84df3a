"""Where a full ingest spends its CPU time: spaCy, our extraction components, the writes and each connect step.

Runs `wirewatch.ingest` over benchmarks/corpus.py's N varied articles into a fresh store under cProfile with
the process's CPU clock (`time.process_time`: on a shared CPU the wall clock measures the neighbours too),
and prints each stage's cumulative CPU time and share of the whole run, then the top functions by own time.
Stages are the cumulative times of the functions that run them; a stage inside another (spaCy inside parse,
fusion inside fuse_events) is indented under it.

    python benchmarks/profile_ingest.py [--n 300] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from corpus import make  # benchmarks/corpus.py

from wirewatch.extract import extraction_components
from wirewatch.pipeline import Pipeline, ingest
from wirewatch.store.db import Store

# (depth, label, (file suffix, function name)): the functions whose cumulative time is a stage's.
STAGES = [
    (0, "extract (all components)", ("wirewatch/pipeline.py", "extract_articles")),
    (1, "parse component", ("wirewatch/extract/nlp.py", "pipe")),
    (2, "spaCy Language.pipe", ("spacy/language.py", "pipe")),
    (1, "timex component", ("wirewatch/extract/timex.py", "__call__")),
    (1, "entities component", ("wirewatch/extract/entities.py", "__call__")),
    (1, "events component", ("wirewatch/extract/events.py", "__call__")),
    (2, "detector decide_article", ("wirewatch/extract/detector.py", "decide_article")),
    (0, "dedup plan", ("wirewatch/ingest/batch.py", "plan")),
    (0, "store: insert article", ("wirewatch/store/db.py", "insert_article")),
    (0, "store: save extraction", ("wirewatch/store/db.py", "save_extraction")),
    (0, "connect: assign story", ("wirewatch/connect/__init__.py", "assign_story")),
    (0, "connect: fuse events", ("wirewatch/connect/__init__.py", "fuse_events")),
    (1, "Fuser.fuse", ("wirewatch/connect/fusion.py", "fuse")),
    (1, "aggregate", ("wirewatch/connect/fusion.py", "aggregate")),
    (1, "corroborate", ("wirewatch/connect/corroboration.py", "corroborate")),
    (1, "store: save event", ("wirewatch/store/db.py", "save_event")),
    (1, "ConflictFinder.refresh", ("wirewatch/connect/conflicts.py", "refresh")),
    (1, "alerts", ("wirewatch/live/watch.py", "alert_on_events")),
    (0, "entity merge across articles", ("wirewatch/pipeline.py", "merge_entities_across_articles")),
    (0, "commit", ("~", "<method 'commit' of 'sqlite3.Connection' objects>")),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles")
    ap.add_argument("--top", type=int, default=25, help="functions listed by own CPU time")
    args = ap.parse_args()
    pipeline = Pipeline(extraction_components())
    list(pipeline.pipe(make(20, seed=99)))  # warm-up: spaCy, lexicons, gazetteer, detector
    arts = make(args.n)
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "profile.db")
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        ingest(articles=arts, store=store, pipeline=pipeline)
        prof.disable()
        store.close()
    stats = pstats.Stats(prof)
    raw = stats.stats  # type: ignore[attr-defined]  # {(file, line, func): (cc, nc, tt, ct, callers)}
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{args.n} articles, full ingest {total:.2f} s CPU under cProfile ({total / args.n * 1000:.1f} ms an "
          "article; the profiler adds its own cost, so read shares, not seconds)")
    for depth, label, (suffix, func) in STAGES:
        ct = sum(v[3] for (f, _, fn), v in raw.items() if fn == func and f.endswith(suffix))
        print(f"  {'  ' * depth}{label:<{34 - 2 * depth}} {ct:7.2f} s  {100 * ct / total:5.1f}%")
    print(f"\ntop {args.top} functions by own CPU time:")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
