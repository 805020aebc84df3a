"""The event detector is rebuilt on the training cues frozen with it (extract/frozen_cues.py), and
`train --check` says when the committed model or this code's cues differ from what the model was built on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from wirewatch.extract import frozen_cues as F

FIXTURE = Path(__file__).parent / "fixtures" / "detector_train.jsonl"
SHARED_TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "train"


@dataclass
class R:
    text: str
    cues: list[str] = field(default_factory=list)
    noun_types: set[str] = field(default_factory=set)


def _rows() -> list[R]:
    return [R("Riot police fired tear gas at the marchers.", ["lex:ASSAULT", "dep:ASSAULT:ROOT"], set()),
            R("The union called off the strike after talks.", ["lex:PROTEST"], {"PROTEST"}),
            R("Shares closed higher on Friday.", [], set())]


def test_frozen_file_is_the_same_bytes_for_the_same_cues(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    F.save(F.freeze(_rows(), "fp1"), a)
    F.save(F.freeze(list(reversed(_rows())), "fp1"), b)  # row order does not matter: keyed by text
    assert a.read_bytes() == b.read_bytes()
    back = F.load(a)
    assert back is not None and back.fingerprint == "fp1" and back.accepted == {}
    assert back.digest() == F.freeze(_rows(), "fp2").digest()  # the digest is of the cues, not the code


def test_apply_gives_frozen_cues_and_names_the_rows_it_lacks() -> None:
    frozen = F.freeze(_rows(), "fp")
    fresh = [R(r.text) for r in _rows()] + [R("A row the frozen file has never seen.")]
    missing = F.apply(fresh, frozen)
    assert [r.text for r in missing] == ["A row the frozen file has never seen."]
    assert fresh[0].cues == ["lex:ASSAULT", "dep:ASSAULT:ROOT"] and fresh[1].noun_types == {"PROTEST"}


def test_drift_is_reported_until_accepted_and_again_when_the_cues_change_again() -> None:
    frozen = F.freeze(_rows(), "fp")
    assert F.drift(_rows(), frozen).ok
    code = _rows()
    code[1].cues = ["lex:PROTEST", "neg:PROTEST"]  # a candidate rule changed what this row proposes
    d = F.drift(code, frozen)
    assert not d.ok and d.new == 1 and d.examples == [code[1].text] and len(d.differ) == 1
    frozen.accepted = d.differ  # what model-accept records
    assert F.drift(code, frozen).ok
    code[1].noun_types = set()  # and a later rule changes it once more
    assert F.drift(code, frozen).new == 1
    assert F.drift(code + [R("new training text")], F.freeze(code, "fp")).missing == 1


def _train(*extra: str) -> int:
    from wirewatch.extract import train

    return train.main(["--no-shared", "--extra", str(FIXTURE), "--folds", "3", "-C", "8", *extra])


@pytest.mark.slow
def test_rebuild_on_frozen_cues_is_byte_identical_and_check_finds_drift(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture) -> None:
    pytest.importorskip("sklearn")
    from wirewatch.extract.detector import Detector

    cues, out = tmp_path / "cues.json.gz", tmp_path / "det"
    assert _train("--cues", str(cues), "--out", str(out)) == 0  # no file yet: this code's cues are frozen
    first = {p: p.read_bytes() for p in (out.with_suffix(".npz"), out.with_suffix(".json"))}
    assert _train("--cues", str(cues), "--out", str(out)) == 0
    assert {p: p.read_bytes() for p in first} == first
    assert _train("--cues", str(cues), "--out", str(out), "--check") == 0
    assert "byte for byte" in capsys.readouterr().out

    # the frozen cues are what the model trains on: other cues there give other weights ...
    frozen = F.load(cues)
    assert frozen is not None
    for k in frozen.rows:
        frozen.rows[k][0] = [c for c in frozen.rows[k][0] if not c.startswith("lex:")]
    F.save(frozen, cues)
    W0 = Detector.load(out).W
    assert _train("--cues", str(cues), "--out", str(out)) == 0
    assert not np.array_equal(Detector.load(out).W, W0)
    # ... and now the code's cues are not the frozen ones: the check fails and says what to run
    assert _train("--cues", str(cues), "--out", str(out), "--check") == 1
    said = capsys.readouterr().out
    assert "make model-refreeze" in said and "make model-accept" in said and "byte for byte" in said
    assert _train("--cues", str(cues), "--out", str(out), "--accept-drift") == 0
    assert _train("--cues", str(cues), "--out", str(out), "--check") == 0
    # the committed model edited by hand is not what make model builds
    out.with_suffix(".json").write_text(out.with_suffix(".json").read_text().replace('"C": 8.0', '"C": 9.0'))
    assert _train("--cues", str(cues), "--out", str(out), "--check") == 1
    assert "run `make model`" in capsys.readouterr().out.lower()


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_TRAIN.exists(), reason="needs ../shared/train (the training rows)")
def test_committed_model_is_what_make_model_builds(capsys: pytest.CaptureFixture) -> None:
    """The shipped detector rebuilt on the frozen cues is the committed files byte for byte, and this code's
    cues of the training rows are the frozen ones or their accepted drift (else: make model-refreeze or
    model-accept). Slow: a full training (about 6 minutes on a loaded 2-core machine, 1m40s of CPU) and, once per
    change of the cue code, a parse of the 8.7k rows (about 2 minutes; then cached in .cache/)."""
    pytest.importorskip("sklearn")
    from wirewatch.extract import train

    rc = train.main(["--check"])
    said = capsys.readouterr().out
    assert rc == 0, said
