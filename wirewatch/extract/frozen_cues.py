"""The training cues frozen with the shipped event detector (`training/frozen_cues.json.gz`).

Why: the detector's features include what the trigger lexicon and the parse propose for each training row
(`train.add_cues`). Those cues come from extract/ code that other work changes every round (candidate rules,
trigger senses, change of office), so a rebuild at later code trained on other cues and gave other weights:
after rounds 8-9 `make model` no longer built the shipped files (eval/README_detector.md). Now `make model`
trains on the cues stored here, so the same rows give the same bytes whatever the candidate rules are, and
`make model-check` says (a) whether the committed model is what `make model` builds and (b) whether the code's
cues of the training rows still are the ones the model was accepted with. When (b) fails, `make
model-refreeze` retrains on this code's cues (measure it through the gate before shipping it), or `make
model-accept` keeps the weights and records the new drift.

The file is gzip'd JSON, written without a timestamp and with sorted keys (the same cues, the same bytes):
  {"fingerprint": train._cue_fingerprint of the code that computed the cues,
   "rows": {sha1(text): [cues, noun_types]},        # what the model trains on
   "accepted": {sha1(text): digest of the code's cues}}  # rows whose code cues differed from "rows" when
                                                      # the drift was last accepted (model-accept)
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

FROZEN_CUES = Path(__file__).parent / "training" / "frozen_cues.json.gz"


class CuedRow(Protocol):
    text: str
    cues: list[str]
    noun_types: set[str]


RowT = TypeVar("RowT", bound=CuedRow)


def text_key(text: str) -> str:
    """The key of a training text, here and in train.py's parse and embedding caches (one key: a frozen row
    and a cached parse of one text are found by the same string)."""
    return hashlib.sha1(text.encode()).hexdigest()


def cue_digest(cues: list[str], nouns: set[str] | list[str]) -> str:
    """A short digest of one row's cues (order kept: the hashed features count every cue)."""
    return hashlib.sha1(json.dumps([list(cues), sorted(nouns)]).encode()).hexdigest()[:12]


@dataclass
class Frozen:
    fingerprint: str
    rows: dict[str, list]  # sha1(text) -> [cues, sorted noun types]
    accepted: dict[str, str]

    def digest(self) -> str:
        """Of the training cues alone (stored in the model's JSON: which cues the weights were fitted on)."""
        return hashlib.sha1(json.dumps(self.rows, sort_keys=True).encode()).hexdigest()[:16]


def load(path: Path = FROZEN_CUES) -> Frozen | None:
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        d = json.load(f)
    return Frozen(d["fingerprint"], d["rows"], d.get("accepted", {}))


def save(frozen: Frozen, path: Path = FROZEN_CUES) -> None:
    data = json.dumps({"fingerprint": frozen.fingerprint, "rows": frozen.rows, "accepted": frozen.accepted},
                      sort_keys=True, separators=(",", ":")).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as g:  # mtime 0: same bytes each time
        g.write(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def freeze(rows: Sequence[CuedRow], fingerprint: str) -> Frozen:
    """The cues of `rows` as they are now (computed by the code whose fingerprint is given); no drift."""
    return Frozen(fingerprint, {text_key(r.text): [list(r.cues), sorted(r.noun_types)] for r in rows}, {})


def apply(rows: Sequence[RowT], frozen: Frozen) -> list[RowT]:
    """Give every row found in `frozen` its frozen cues; returns the rows not found (they need a parse)."""
    missing = []
    for r in rows:
        got = frozen.rows.get(text_key(r.text))
        if got is None:
            missing.append(r)
        else:
            r.cues, r.noun_types = list(got[0]), set(got[1])
    return missing


@dataclass
class Drift:
    """How the code's cues of the training rows compare with the frozen ones."""

    differ: dict[str, str]  # sha1(text) -> digest of the code's cues, for texts whose code cues differ
    examples: list[str]  # texts that differ and were not accepted (first few)
    new: int  # texts differing and not accepted as they are now
    missing: int  # training texts with no frozen cues

    @property
    def ok(self) -> bool:
        return self.new == 0 and self.missing == 0


def drift(code_rows: Sequence[CuedRow], frozen: Frozen, show: int = 5) -> Drift:
    """Compare rows carrying this code's cues with the frozen cues and the accepted drift: a row is new drift
    when its code cues differ from its frozen cues and are not the code cues accepted for it."""
    differ: dict[str, str] = {}
    examples: list[str] = []
    new = missing = 0
    seen: set[str] = set()
    for r in code_rows:
        k = text_key(r.text)
        if k in seen:  # a text in several rows (the same quote in two documents) counts once
            continue
        seen.add(k)
        got = frozen.rows.get(k)
        if got is None:
            missing += 1
            continue
        now = cue_digest(r.cues, r.noun_types)
        if now == cue_digest(got[0], got[1]):
            continue
        differ[k] = now
        if frozen.accepted.get(k) != now:
            new += 1
            if len(examples) < show:
                examples.append(r.text)
    # a row accepted as drifting that now matches its frozen cues again is no drift: nothing to do
    return Drift(differ, examples, new, missing)
