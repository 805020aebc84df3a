"""Per-article cost of online story assignment as the store grows (issue 12: 100k/1k CPU-time ratio <= 1.5).

Synthetic news: a Zipf-distributed background vocabulary of random words, plus per story a handful of
story words, entity names, a number and a publication date. The store is filled to each size with
`StoryClusterer.seed` (the same rows `assign` writes, built in bulk so that 100k articles take seconds
rather than minutes), then `assign()` is timed on articles that arrive at that size: half continue a
stored story, half start a new one. The timed articles stay in the store, as in a real stream. Each size
has its own store, and the sizes are timed in alternating rounds, so that load from other processes on a
shared machine falls on all of them alike; the ratio that counts is the CPU-time one.
It also prints how many timed articles landed where the generator put them: a blocking or index
problem at scale shows up there before it shows up in the timings.

    python benchmarks/stories.py            # 1k, 10k, 100k stored articles (a few minutes)
    python benchmarks/stories.py --quick    # 1k, 3k, 10k
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirewatch.connect.stories import StoryClusterer  # noqa: E402
from wirewatch.model import Article, Entity  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402

LETTERS = "abcdefghijklmnoprstuvwy"


@dataclass
class GenStory:
    words: list[str]
    entities: list[str]
    number: int
    day: date
    ids: list[str] = field(default_factory=list)  # articles generated for it so far


class Generator:
    """Random but reproducible articles grouped into stories."""

    def __init__(self, seed: int = 7, vocab: int = 40_000, names: int = 30_000) -> None:
        self.rng = random.Random(seed)
        self.vocab = list({self._word() for _ in range(vocab)})
        # Zipf background: the cumulative weights let `choices` draw common words often, rare ones seldom.
        self.cum = list(_accumulate(1.0 / (r + 1) ** 1.05 for r in range(len(self.vocab))))
        self.names = [f"{self._word().title()} {self._word().title()}" for _ in range(names)]
        self.start = date(2021, 1, 1)
        self.n_articles = 0

    def _word(self) -> str:
        return "".join(self.rng.choice(LETTERS) for _ in range(self.rng.randint(4, 10)))

    def story(self) -> GenStory:
        # Story words come from the middle and tail of the vocabulary: specific, but not unique.
        words = [self.vocab[self.rng.randint(200, len(self.vocab) - 1)] for _ in range(6)]
        return GenStory(
            words=words,
            entities=self.rng.sample(self.names, 3),
            number=self.rng.randint(13, 5000),
            day=self.start + timedelta(days=self.rng.randint(0, 3 * 365)),
        )

    def article(self, s: GenStory) -> tuple[Article, list[str]]:
        rng = self.rng
        n_words = rng.randint(80, 160)
        background = rng.choices(self.vocab, cum_weights=self.cum, k=int(n_words * 0.7))
        specific = [rng.choice(s.words) for _ in range(n_words - len(background))]
        words = background + specific
        rng.shuffle(words)
        ents = rng.sample(s.entities, rng.randint(2, 3))
        for e in ents:
            words.insert(rng.randrange(len(words)), e)
        words.insert(rng.randrange(len(words)), f"{s.number} people")
        # Upper-case the first letter only: str.capitalize() would lower-case the names.
        sentences = [_sentence(words[i : i + 15]) for i in range(0, len(words), 15)]
        title = _sentence(rng.sample(s.words, 3) + rng.sample(background, 3))[:-1]
        published = s.day + timedelta(days=rng.randint(0, 3))
        self.n_articles += 1
        art = Article(
            id=f"gen-{self.n_articles:07d}", title=title, text=" ".join(sentences), published=published.isoformat()
        )
        s.ids.append(art.id)
        return art, ents


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def _accumulate(xs: object) -> list[float]:
    out: list[float] = []
    total = 0.0
    for x in xs:  # type: ignore[attr-defined]
        total += x
        out.append(total)
    return out


def fill(store: Store, sc: StoryClusterer, gen: Generator, target: int, live: list[GenStory]) -> float:
    """Store and seed whole stories until the store holds `target` articles; returns the seconds it took."""
    t0 = time.perf_counter()
    have = gen.n_articles  # every generated article is stored
    while have < target:
        batch: list[list[Article]] = []
        while have < target and len(batch) < 2000:
            s = gen.story()
            size = min(target - have, max(1, int(gen.rng.expovariate(1 / 8))))
            group = []
            for _ in range(size):
                art, ents = gen.article(s)
                # The pipeline's entity linker would fill these; `seed` reads their names.
                art.entities = [Entity(id=f"e:{e}", name=e, kind="PERSON") for e in ents]
                group.append(art)
            batch.append(group)
            live.append(s)
            have += size
        with store.transaction():
            for group in batch:
                for art in group:
                    store.insert_article(art)
            sc.seed(batch)
    return time.perf_counter() - t0


def time_assign(
    store: Store,
    sc: StoryClusterer, gen: Generator, live: list[GenStory], n: int
) -> tuple[list[float], list[float], float]:
    """Assign `n` arriving articles (half continuing stored stories). Returns per-article wall-clock and
    CPU seconds, and the share placed as generated (a continuation in its siblings' story, a new
    story's first report alone). CPU time is reported beside wall time because this machine is shared:
    other processes inflate wall time, not the CPU time the assignment itself used."""
    times: list[float] = []
    cpu: list[float] = []
    correct = 0
    recent = live[-2000:]
    for i in range(n):
        s = gen.rng.choice(recent) if i % 2 == 0 else gen.story()
        art, ents = gen.article(s)
        store.insert_article(art)  # as ingest does, before the story step (not timed: not the clusterer's cost)
        t0, c0 = time.perf_counter(), time.process_time()
        res = sc.assign(art, entities=ents)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        if i % 2 == 0:
            correct += res.story_id == sc.story_of(s.ids[0])
        else:
            correct += res.is_new
            live.append(s)
    return times, cpu, correct / max(1, n)


@dataclass
class Lane:
    """One store filled to one size, with its own generator (the same seed: every smaller store holds
    the first articles of the larger ones)."""

    size: int
    store: Store
    sc: StoryClusterer
    gen: Generator
    live: list[GenStory]
    fill_s: float = 0.0
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    placed: list[float] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1k, 3k, 10k stored articles")
    ap.add_argument("--sizes", type=int, nargs="*", default=None)
    ap.add_argument("--n", type=int, default=300, help="articles timed at each size")
    ap.add_argument("--rounds", type=int, default=10, help="timed rounds, alternating between the sizes")
    ap.add_argument("--db", type=Path, default=None, help="folder for the SQLite files (default: a temporary one)")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([1_000, 3_000, 10_000] if args.quick else [1_000, 10_000, 100_000])

    tmp = tempfile.TemporaryDirectory(prefix="stories_bench_")
    folder = args.db or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    lanes: list[Lane] = []
    for size in sizes:
        # The project's store (WAL mode, its migrations); a file database also makes index size matter.
        store = Store(folder / f"stories-{size}.sqlite")
        lane = Lane(size, store, StoryClusterer(store.conn), Generator(), [])
        # Warm-up outside the measurement: imports, first statements, page cache.
        fill(lane.store, lane.sc, lane.gen, 200, lane.live)
        time_assign(lane.store, lane.sc, lane.gen, lane.live, 50)
        lane.fill_s = fill(lane.store, lane.sc, lane.gen, size, lane.live)
        print(f"filled {size} stored articles in {lane.fill_s:.1f} s", file=sys.stderr, flush=True)
        lanes.append(lane)
    # The sizes take turns, a few dozen articles each: the machine is shared, and load that comes and
    # goes then falls on every size alike instead of on whichever was being timed at that moment.
    per_round = max(1, args.n // args.rounds)
    for _ in range(args.rounds):
        for lane in lanes:
            times, cpu, ok = time_assign(lane.store, lane.sc, lane.gen, lane.live, per_round)
            lane.times += times
            lane.cpu += cpu
            lane.placed.append(ok)

    print(f"{'stored':>8} {'fill s':>7} {'mean ms':>8} {'median':>7} {'p95':>7} {'cpu ms':>7} {'placed':>7}")
    for lane in lanes:
        p95 = sorted(lane.times)[math.ceil(0.95 * len(lane.times)) - 1]
        print(
            f"{lane.size:>8} {lane.fill_s:>7.1f} {statistics.fmean(lane.times) * 1000:>8.2f} "
            f"{statistics.median(lane.times) * 1000:>7.2f} {p95 * 1000:>7.2f} "
            f"{statistics.fmean(lane.cpu) * 1000:>7.2f} {statistics.fmean(lane.placed):>7.0%}",
            flush=True,
        )
    base = lanes[0]
    for lane in lanes[1:]:
        print(
            f"ratio {lane.size // 1000}k/{base.size // 1000}k: "
            f"{statistics.fmean(lane.times) / statistics.fmean(base.times):.2f} (mean wall time), "
            f"{statistics.median(lane.times) / statistics.median(base.times):.2f} (median), "
            f"{statistics.fmean(lane.cpu) / statistics.fmean(base.cpu):.2f} (mean CPU time)"
        )
    for lane in lanes:
        lane.store.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
