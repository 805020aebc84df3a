"""`make model-check` / `make model-accept`: is the committed event detector what `make model` builds, and are
the frozen training cues still the ones this code computes (frozen_cues.py)?

    python -m wirewatch.extract.train --check         # exit 1 on either difference, saying what to run
    python -m wirewatch.extract.train --accept-drift  # keep the model; record this code's differing cues

The rebuild goes to a temporary folder and is compared byte for byte with the four committed files (the
detector's and the article-relevance model's .npz and .json). This code's cues of the training rows come from
the parse cache (`.cache/train_cues_<fingerprint>.json.gz`), so a second check at the same code parses nothing.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path

from . import frozen_cues
from .detector import RELEVANCE_SUFFIX


def model_files(stem: Path) -> list[Path]:
    rel = stem.with_name(stem.name + RELEVANCE_SUFFIX)
    return [stem.with_suffix(".npz"), stem.with_suffix(".json"), rel.with_suffix(".npz"), rel.with_suffix(".json")]


def rebuild_differs(args: argparse.Namespace, rows: list, log) -> list[str]:
    """Build the model as `make model` does into a temporary folder; the committed files that differ."""
    from .train import build

    with tempfile.TemporaryDirectory(prefix="wirewatch-model-check-") as tmp:
        stem = Path(tmp) / args.out.name
        build(argparse.Namespace(**{**vars(args), "out": stem, "check": False, "refreeze": False,
                                    "code_cues": False, "compare": False, "cv_only": False}), rows, log)
        # (a build without the shared rows writes no relevance model: a file neither side has is no difference)
        return [str(mine) for mine, new in zip(model_files(args.out), model_files(stem), strict=True)
                if (mine.exists() or new.exists()) and not (mine.exists() and new.exists()
                                                            and mine.read_bytes() == new.read_bytes())]


def check_model(args: argparse.Namespace, rows: list, log) -> int:
    from .train import add_cues

    frozen = frozen_cues.load(args.cues) if args.cues is not None else None
    if frozen is None:
        print(f"no frozen training cues at {args.cues}: run `make model-refreeze` (trains on this code's cues)")
        return 1
    code_rows = [replace(r) for r in rows]
    add_cues(code_rows, log=log, cache=not args.no_shared)
    d = frozen_cues.drift(code_rows, frozen)
    if args.accept_drift:
        frozen.accepted = d.differ
        frozen_cues.save(frozen, args.cues)
        print(f"accepted: this code's cues differ from the frozen ones on {len(d.differ)} of {len(frozen.rows)} texts; "
              f"the model still trains on the frozen cues ({args.cues})")
        return 0
    failed = 0
    print(f"training cues: this code's differ from the frozen ones ({args.cues.name}, code {frozen.fingerprint}) "
          f"on {len(d.differ)} of {len(frozen.rows)} texts, {len(d.differ) - d.new} of them accepted; "
          f"{d.missing} training texts have no frozen cues")
    if not d.ok:
        failed = 1
        print(f"FAIL: the code's trigger cues changed on {d.new} training texts since the model's cues were frozen "
              f"or last accepted{f' and {d.missing} texts are new' if d.missing else ''}: the model was trained on "
              "other cues than extraction now computes. Run `make model-refreeze` (retrains on this code's cues; "
              "measure it with eval/gate.py before committing it) or, to keep the weights, `make model-accept`. "
              "For example:")
        for t in d.examples:
            print(f"    {t[:140]}")
    differs = rebuild_differs(args, rows, log)
    if differs:
        failed = 1
        print("FAIL: the committed model is not what `make model` builds at this code: " + ", ".join(differs)
              + ". Run `make model` (and measure the rebuild with eval/gate.py before committing it).")
    else:
        print("the committed model is what `make model` builds, byte for byte")
    return failed
