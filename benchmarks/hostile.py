"""Hostile-input run: files that used to hang, crash or be dropped (issue 8), ingested one by one with
extraction, beside ordinary reports.

Prints files/s, the slowest files, what each hostile file ended as, and peak memory (RSS). Targets: no
file over 10 s, peak RSS under 2 GB with a 5 MiB article in the run. The reference, measured in the same
run, is raw spaCy `nlp.pipe` over the ordinary reports' texts: the ratio says what reading, metadata,
guards, extraction, dedup, stories and the store cost on top of parsing.

    python benchmarks/hostile.py [--good 20] [--big-mib 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make  # noqa: E402

from wirewatch.extract import extraction_components  # noqa: E402
from wirewatch.extract.nlp import TIME_BUDGET_S, get_nlp  # noqa: E402
from wirewatch.ingest.readers import MAX_ARTICLE_BYTES  # noqa: E402
from wirewatch.pipeline import Pipeline, ingest  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402

TARGET_S = 10.0
TARGET_RSS_MB = 2048
PROSE = ("Police arrested three protesters outside the parliament on Friday, officials said. "
         "The government said it would raise spending on roads and schools by ten percent next year. ")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def varied_text(n_chars: int, sep: str) -> str:
    """n_chars of distinct generated reports joined by `sep`: a dump of real-looking news, not one
    sentence repeated (which is its own case below)."""
    parts, size, i = [], 0, 0
    while size < n_chars:
        batch = make(200, seed=100 + i)
        for a in batch:
            parts.append(a.text)
            size += len(a.text) + len(sep)
        i += 1
    return sep.join(parts)[:n_chars]


def hostile_files(d: Path, big_mib: float) -> list[Path]:
    """The reproductions of issue 8 (and a few more), written into `d`."""
    files: dict[str, bytes] = {
        "lt_100k.txt": b"Crowds gathered. " + b"<" * 100_000 + b"\n\n" + PROSE.encode(),
        "gt_100k.html": b"<html><body><p>Crowds gathered.</p><p>" + b"&gt;" * 100_000 + b"</p></body></html>",
        "amp_100k.html": b"<html><body><p>" + b"&amp;" * 100_000 + b"</p><p>" + PROSE.encode() + b"</p></body></html>",
        "attrs_200k.html": b"<html><body><p " + b" ".join(b'a%d="x"' % i for i in range(200_000))
        + b">" + PROSE.encode() + b"</p></body></html>",
        "long_token.txt": PROSE.encode() + b"x" * 1_000_000,
        "one_line_1mb.txt": varied_text(1_000_000, " ").encode(),
        # one event sentence 1,000 times: every mention fuses into one event
        "repeated_100k.txt": ((PROSE + "\n\n") * 1000).encode()[:100_000],
        "nul_line.jsonl": b'{"id": "n1", "text": "bad\x00line"}\n' + json.dumps({"id": "n2", "text": PROSE}).encode(),
        "blank.jsonl": b"  \n\n\t\n",
        "ids.jsonl": b'{"id": {"a": 1}, "text": "x y z"}\n{"id": true, "text": "x y z"}\n',
        "zero_width.txt": "\u200b\u200c\u200d\ufeff\n".encode() * 2000,
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "empty.txt": b"",
        "noise.bin": os.urandom(65536),
    }
    big = int(big_mib * 1024 * 1024) - 1024
    if big > MAX_ARTICLE_BYTES:
        big = MAX_ARTICLE_BYTES - 1024
    files["big_article.txt"] = varied_text(big, "\n\n").encode("ascii", "replace")[:big]
    out = []
    for name, data in files.items():
        (d / name).write_bytes(data)
        out.append(d / name)
    bad = os.fsencode(d) + b"/bad_\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(PROSE.encode())
    out.append(Path(os.fsdecode(bad)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--good", type=int, default=20, help="ordinary generated reports beside the hostile files")
    ap.add_argument("--big-mib", type=float, default=5.0, help="size of the one big article (MiB, max 5)")
    args = ap.parse_args()
    pipeline = Pipeline(extraction_components())
    nlp = get_nlp()
    good = make(args.good)
    list(nlp.pipe(a.text for a in good[:2]))  # warm spaCy like our own first call does
    t = time.perf_counter()
    list(nlp.pipe(a.text for a in good))
    ref_s = time.perf_counter() - t
    rss_start = rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "in").mkdir()
        paths = hostile_files(d / "in", args.big_mib)
        for i, a in enumerate(good):
            p = d / "in" / f"good_{i:03d}.txt"
            p.write_text(a.text)
            paths.append(p)
        store = Store(d / "bench.db")
        timings: list[tuple[float, str, str, float]] = []
        t_all = time.perf_counter()
        for p in paths:
            t = time.perf_counter()
            report = ingest([p], store, pipeline=pipeline)
            dt = time.perf_counter() - t
            files = report.to_dict()["files"]
            outcome = next((k for k in ("stored", "updated", "duplicate", "unchanged", "failed") if files[k]), "?")
            reason = "; ".join(f["reason"] for f in report.failed)[:110]
            timings.append((dt, os.fsencode(p.name).decode("utf-8", "backslashreplace"),
                            outcome + (f": {reason}" if reason else ""), rss_mb()))
        total = time.perf_counter() - t_all
        good_s = sum(dt for dt, name, _, _ in timings if name.startswith("good_"))
    peak = rss_mb()
    print(f"files: {len(paths)} ({len(paths) - args.good} hostile, {args.good} ordinary), "
          f"time budget per article {TIME_BUDGET_S:g} s")
    print(f"throughput: {len(paths) / total:.2f} files/s over {total:.1f} s")
    print(f"ordinary reports: {args.good / good_s:.2f} files/s; raw spaCy nlp.pipe on the same texts: "
          f"{args.good / ref_s:.2f} texts/s; ratio wirewatch/raw spaCy throughput: {ref_s / good_s:.2f}")
    print("per hostile file (seconds, peak RSS after it, outcome):")
    for dt, name, outcome, rss in timings:
        if not name.startswith("good_"):
            print(f"  {dt:7.2f} s  {rss:7.0f} MB  {name:18s} {outcome}")
    slow = max(timings)
    verdict = "ok" if slow[0] <= TARGET_S else "MISSED"
    print(f"slowest file: {slow[1]} {slow[0]:.2f} s (target <= {TARGET_S:g} s: {verdict})")
    print(f"peak RSS: {peak:.0f} MB (after loading spaCy: {rss_start:.0f} MB; target < {TARGET_RSS_MB} MB: "
          f"{'ok' if peak < TARGET_RSS_MB else 'MISSED'})")


if __name__ == "__main__":
    main()
