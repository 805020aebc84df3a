"""Benchmark texts: the bundled corpora (demo + eval/connect) with names, places and numbers varied so
that no two generated articles are exact copies. Shared by the extraction and scale benchmarks."""

from __future__ import annotations

import json
import random
from pathlib import Path

from wirewatch.ingest.sources import iter_inputs
from wirewatch.model import Article

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
    """n varied articles, deterministic for a seed."""
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
