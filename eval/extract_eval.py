"""Run the extraction components over articles and write what score.py reads.

Usage (from the repository root):

    .venv/bin/python eval/extract_eval.py --seeds /work/shared/seeds --out out/seeds
    python3 /work/shared/eval/score.py events /work/shared/eval/seeds_gold.json out/seeds/events.jsonl \\
        --entities out/seeds/entities.jsonl

    .venv/bin/python eval/extract_eval.py --articles /work/shared/eval/plover_dev.jsonl --out out/plover
    python3 /work/shared/eval/score.py plover /work/shared/eval/plover_dev.jsonl out/plover/events.jsonl

    .venv/bin/python eval/extract_eval.py --articles eval/connect/corpus.jsonl --gold eval/connect/gold.json \
        --score --out out/connect                                     # any gold in the seeds format
    .venv/bin/python eval/extract_eval.py --articles X.jsonl --speed   # also time raw nlp.pipe vs. the lot

Input: `--articles` JSON Lines (`id`, `text`, optional `published`, `title`, ...) or `--seeds` a folder
of raw report files (`<id>.txt`). For raw files this script does a *minimal stand-in* for the ingest step
(which strips agency boilerplate in production): a leading "date YYYY-MM-DD (OUTLET)" prefix becomes
`published`/`outlet`, a trailing "MENAFN<digits>ID<digits>" footer is dropped, a short first line
followed by a blank line is the title, and a leading "CITY –" dateline is moved to `dateline`.

Output in `--out`: `events.jsonl` (one exported event per mention: records.event_from_mention +
records.event_record) and `entities.jsonl` (entities merged across articles: records.entity_record).
`--score` runs score.py on the result when the gold is known (seeds / plover).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wirewatch.extract import extraction_components, get_nlp, merge_entities  # noqa: E402
from wirewatch.model import Article  # noqa: E402
from wirewatch.pipeline import Pipeline  # noqa: E402
from wirewatch.records import entity_record, event_from_mention, event_record  # noqa: E402

SHARED_EVAL = Path("/work/shared/eval")
_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*\(([^)]+)\)\s*")
_FOOTER = re.compile(r"\s*MENAFN\d+ID\d+.*\Z", re.S)
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,40}?)\s*[–—-]\s+")


def article_from_raw(path: Path) -> Article:
    """Stand-in for ingest: metadata prefix, footer, title line and dateline (see module docstring)."""
    text = path.read_text(encoding="utf-8")
    published = outlet = title = dateline = None
    m = _PREFIX.match(text)
    if m:
        published, outlet = m.group(1), m.group(2).strip()
        text = text[m.end():]
    text = _FOOTER.sub("", text).strip()
    first, sep, rest = text.partition("\n\n")
    if sep and len(first) < 200 and "\n" not in first and not first.rstrip().endswith("."):
        title, text = first.strip(), rest.strip()
    m = _DATELINE.match(text)
    if m:
        dateline, text = m.group(1).strip(), text[m.end():]
    return Article(id=path.stem, text=text, title=title, outlet=outlet, published=published, dateline=dateline)


def load_articles(args: argparse.Namespace) -> list[Article]:
    if args.seeds:
        return [article_from_raw(p) for p in sorted(Path(args.seeds).glob("*.txt"))]
    arts = []
    with open(args.articles, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                arts.append(Article(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("outlet"),
                                    published=r.get("published")))
    return arts


def run(articles: list[Article], ontology: str | None) -> tuple[list[Article], float]:
    pipe = Pipeline(extraction_components(ontology))
    t0 = time.perf_counter()
    out = []
    for a in pipe.pipe(articles):
        if not isinstance(a, Article):
            print("error:", a, file=sys.stderr)
            continue
        out.append(a)
    return out, time.perf_counter() - t0


def write(out_dir: Path, articles: list[Article]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "events.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            for i, m in enumerate(a.events):
                m.id = m.id or f"{a.id}:m{i}"
                f.write(json.dumps(event_record(event_from_mention(m))) + "\n")
    with open(out_dir / "entities.jsonl", "w", encoding="utf-8") as f:
        for e in merge_entities(e for a in articles for e in a.entities):
            f.write(json.dumps(entity_record(e)) + "\n")


def speed(articles: list[Article], ontology: str | None, repeat: int = 2) -> None:
    """Raw nlp.pipe time vs. the whole extraction (best of `repeat`, after a warm-up)."""
    texts = [a.text for a in articles]
    nlp = get_nlp()
    run(articles[:5], ontology)  # warm-up: model, lexicons, gazetteer, matchers
    raw = full = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        raw = min(raw, time.perf_counter() - t0)
        fresh = [Article(id=a.id, text=a.text, published=a.published) for a in articles]
        full = min(full, run(fresh, ontology)[1])
    words = sum(len(t.split()) for t in texts)
    print(f"speed: {len(texts)} docs, {words} words; raw nlp.pipe {raw:.2f}s ({words / raw:.0f} w/s), "
          f"extraction {full:.2f}s ({words / full:.0f} w/s); throughput ratio {raw / full:.2f}, "
          f"overhead {100 * (full - raw) / raw:.0f}%")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--articles", help="articles JSONL")
    src.add_argument("--seeds", help="folder of raw report .txt files")
    ap.add_argument("--out", default="out/extract", help="output folder")
    ap.add_argument("--ontology", help="extra ontology YAML merged over the shipped one")
    ap.add_argument("--score", action="store_true", help="run score.py (seeds gold / plover gold)")
    ap.add_argument("--gold", help="events gold JSON in the seeds_gold.json format (e.g. eval/connect/gold.json)")
    ap.add_argument("--speed", action="store_true", help="compare with raw nlp.pipe throughput")
    args = ap.parse_args(argv)
    articles = load_articles(args)
    done, secs = run(articles, args.ontology)
    out = Path(args.out)
    write(out, done)
    n = sum(len(a.events) for a in done)
    print(f"{len(done)} articles, {n} event mentions in {secs:.2f}s -> {out}/events.jsonl, {out}/entities.jsonl")
    if args.score:
        score = str(SHARED_EVAL / "score.py")
        if args.seeds or args.gold:
            gold = args.gold or str(SHARED_EVAL / "seeds_gold.json")
            cmd = [sys.executable, score, "events", gold, str(out / "events.jsonl"),
                   "--entities", str(out / "entities.jsonl")]
        else:
            cmd = [sys.executable, score, "plover", args.articles, str(out / "events.jsonl")]
        subprocess.run(cmd, check=False)
    if args.speed:
        speed(articles, args.ontology)
    return 0


if __name__ == "__main__":
    sys.exit(main())
