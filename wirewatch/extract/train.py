"""Train the event detector (`detector.py`) from labelled news, with grouped cross-validation.

    python -m wirewatch.extract.train                      # rebuild the shipped model (what `make model` runs)
    python -m wirewatch.extract.train --check              # is the committed model what that builds? (model_check.py)
    python -m wirewatch.extract.train --cv-only --compare  # compare feature sets by grouped 5-fold CV

Training rows (text, label, weight, group); groups are documents or sources, so no fold sees a sentence of a
document it is tested on:
- NGEC-2025 screen quotes (`shared/train/ngec_voa_screen_quotes.jsonl`): label = the screened type, weight =
  the share of that type's screen candidates that held up when verified (the train README's "kept" table):
  a REJECT quote (kept 0.54) counts half as much as a PROTEST quote (0.97). Group = the VOA document.
- PLOVER gold sentences (`shared/eval/plover_dev.jsonl`), weight 1. Group = the sentence.
- Negatives (label NONE), weight 1: sentences of the ECB+ dev documents of topics about entertainment, sports,
  business, fires and earthquakes (`shared/eval/ecb_dev.jsonl`; group = the ECB+ topic, so a topic is held out
  whole), and the copy in `training/negatives.jsonl` we wrote (product reviews, sports, business, science,
  background sentences of news; group = the document).
The screen misses real events, so a quote labelled with one type is only a soft negative (weight x
`OTHER_TYPE_NEGATIVE`) for the other types' one-vs-rest classifiers; NONE rows are full negatives.

The model is deterministic: hashing is crc32, the solver is liblinear with a fixed seed, folds are GroupKFold;
and it trains on the rows' cues frozen with it (`training/frozen_cues.json.gz`, frozen_cues.py), not on what the
candidate rules of the day propose, so a change of those rules does not change the weights until someone
chooses to (`--refreeze`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from . import frozen_cues
from .detector import (
    DEFAULT_MODEL,
    NOUN_POS,
    RELEVANCE_SUFFIX,
    SIGMOID,
    SOFTMAX,
    Detector,
    FeatureConfig,
    context_cues,
    hashed_counts,
    link_probabilities,
    sense_cues,
    trigger_cues,
)

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
OWN_NEGATIVES = Path(__file__).parent / "training" / "negatives.jsonl"
# Share of screen candidates that held up on verification (shared/train/README.md).
KEPT = {"ACCUSE": 0.97, "AGREE": 0.68, "AID": 0.77, "ASSAULT": 0.90, "COERCE": 0.75, "CONCEDE": 1.00,
        "CONSULT": 0.89, "COOPERATE": 0.71, "MOBILIZE": 0.76, "PROTEST": 0.97, "REJECT": 0.54, "REQUEST": 0.94,
        "RETREAT": 0.66, "SANCTION": 0.87, "SUPPORT": 0.90, "THREATEN": 0.70}
# ECB+ dev topics whose documents report no ontology event (celebrities, awards, sports, films, business,
# fires, an earthquake). The crime/conflict topics (3, 8, 9, 12, 16, 18, 19) and elections (11) are left out:
# their sentences are unlabelled for our types.
ECB_NEGATIVE_TOPICS = frozenset({"1", "2", "4", "5", "6", "7", "10", "13", "14", "20"})
OTHER_TYPE_NEGATIVE = 0.5
# A type's positives weigh (negative weight / positive weight) ** POSITIVE_BALANCE more in its one-vs-rest
# classifier (0: not at all; 1: as much as all its negatives). Measured in round 7 (README_detector.md).
POSITIVE_BALANCE = 0.0
# How the pipeline uses the probabilities (detector.decide_article), chosen by 2-fold document-grouped CV on
# voa_dev (choose on one half of the 24 reports, score the other; see eval/README_detector.md): a trigger's
# type needs KEEP_SCALE x its threshold (the trigger is evidence the quote-trained thresholds do not count);
# a sentence with no trigger needs threshold + PROPOSE_MARGIN; a further type in a sentence whose triggers
# gave others needs threshold + EXTRA_MARGIN.
KEEP_SCALE = 0.25
PROPOSE_MARGIN = 0.05
EXTRA_MARGIN = 0.05
# Noun triggers could get a keep scale of their own, chosen by grouped CV on the training rows
# (choose_noun_keep: the folds pick 0.75-1.25; measured and stored with each model). Off: on real reports
# (measured with the senses + C=32 model at 1.0) it loses true noun events the quotes do not teach ("intended
# for deployment to military units": seeds recall with actor 1.0 -> 0.929) and buys no precision (voa_dev
# P .740 -> .738, R .565 -> .554); see eval/README_detector.md, round 5.
NOUN_KEEP_BY_CV = False
# The label-noise filter of the screen quotes (label_noise.py): (mode, tau) or None (off). Chosen by nested
# grouped CV (eval/detector_cv.py --noise; eval/README_detector.md, round 7).
NOISE_FILTER: tuple[str, float] | None = None
# Thresholds from the pooled out-of-fold probabilities of this many repeated grouped CVs with shuffled fold
# assignments (`_repeat_thresholds`, `--threshold-repeats`); 0: from the one CV in GroupKFold's order (the
# shipped model). Measured in round 7 (README_detector.md); not the default: grouped CV cannot tell it apart.
THRESHOLD_REPEATS = 0
# One softmax over the 16 types and NONE (fit_multinomial) instead of 16 one-vs-rest fits (`--multinomial`);
# measured in rounds 11 and 12 (README_detector.md). MULTINOMIAL_ITER: lbfgs iterations, a fixed budget.
MULTINOMIAL = False
MULTINOMIAL_ITER = 300
# Round 7's negatives of two kinds (demonstrations as displays, sports results), opt-in with --extra: they
# carry to held-out documents of their kind but are not in the shipped model (README_detector.md, round 7).
ROUND7_NEGATIVES = Path(__file__).parent / "training" / "negatives_round7.jsonl"
NONE = "NONE"


@dataclass
class Row:
    text: str
    label: str
    weight: float
    group: str
    cues: list[str] = field(default_factory=list)  # the trigger lexicon's proposals (see `add_cues`)
    doc: str = ""  # the document, for article relevance (groups may be whole topics); "" = the group
    emb: np.ndarray | None = None  # the sentence encoder's vector (see `add_embeddings`), when a model uses it
    noun_types: set[str] = field(default_factory=set)  # types the lexicon proposed on a live noun trigger


CUE_CACHE = ROOT / ".cache"


def _cue_fingerprint(ontology_path: str | None) -> str:
    """What the cues of a text depend on: the extract/ sources that parse and find triggers (not the training
    modules or the encoder), their data files, the ontology and the spaCy model's version."""
    import hashlib

    import spacy

    from .nlp import get_nlp

    h = hashlib.sha1()
    here = Path(__file__).parent
    training_only = {"train.py", "encoder.py", "label_noise.py", "frozen_cues.py", "model_check.py"}
    files = sorted(p for p in here.glob("*.py") if p.name not in training_only)
    files += sorted(p for p in (here / "data").iterdir() if p.suffix in {".yaml", ".gz"})
    files += [Path(ontology_path)] if ontology_path else []
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    nlp = get_nlp()
    h.update(f"{spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')}".encode())
    return h.hexdigest()[:16]


def add_cues(rows: list[Row], ontology_path: str | None = None, log=print, cache: Path | None | bool = False) -> None:
    """Parse every row with the pipeline's spaCy model and record what the trigger lexicon proposes, as
    extraction will see it (detector.trigger_cues). With `cache` (True: CUE_CACHE, or a folder), the cues are
    kept in a file named after a fingerprint of the code and data they come from (`_cue_fingerprint`), keyed
    by frozen_cues.text_key: CV experiments parse the training rows once; a changed trigger rule makes a new file.
    The cached cues are the ones the parse computes (it is deterministic), so the cache never changes a model."""
    import gzip

    from .nlp import get_nlp
    from .ontology import load_ontology
    from .triggers import find_triggers

    nlp, onto = get_nlp(), load_ontology(ontology_path)
    folder: Path | None = CUE_CACHE if cache is True else cache or None
    path = folder / f"train_cues_{_cue_fingerprint(ontology_path)}.json.gz" if folder is not None else None
    known: dict[str, list] = {}
    if path is not None and path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            known = json.load(f)

    key = frozen_cues.text_key  # one key for the parse cache, the embedding cache and the frozen cues

    todo = [r for r in rows if key(r.text) not in known]
    log(f"parsing {len(todo)} training texts for trigger cues ({len(rows) - len(todo)} cached)")
    for r, doc in zip(todo, nlp.pipe((r.text for r in todo), batch_size=64), strict=True):
        cues: list[str] = []
        nouns: set[str] = set()
        for s in doc.sents:
            trigs = find_triggers(s, onto)
            # every candidate feature set is computed; each FeatureConfig uses what it declares
            cues += trigger_cues(trigs) + context_cues(s, trigs) + sense_cues(s)
            nouns |= {t.type for t in trigs if not t.suppressed and t.tok.pos_ in NOUN_POS}
        known[key(r.text)] = [cues, sorted(nouns)]
    for r in rows:
        cues, nouns = known[key(r.text)]
        r.cues, r.noun_types = list(cues), set(nouns)
    if path is not None and todo:
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(known, f)


def training_cues(rows: list[Row], path: Path | None, refreeze: bool, log=print,
                  cache: Path | None | bool = True) -> dict:
    """Give the rows the cues the model trains on: the frozen ones at `path` (frozen_cues.py; a row not there
    is parsed at this code), or this code's when `path` is None; with `refreeze` or no file at `path` yet,
    this code's cues are computed and frozen at `path`. Returns the frozen cues' digest (which cues the weights
    are fitted on; None: this code's) and how many rows were parsed at this code."""
    if path is None:
        add_cues(rows, log=log, cache=cache)
        return {"frozen": None, "parsed_now": len(rows)}
    frozen = None if refreeze else frozen_cues.load(path)
    parsed: list = []
    if frozen is None:
        add_cues(rows, log=log, cache=cache)
        frozen = frozen_cues.freeze(rows, _cue_fingerprint(None))
        frozen_cues.save(frozen, path)
        log(f"froze this code's cues of {len(rows)} rows in {path}")
    else:
        parsed = frozen_cues.apply(rows, frozen)
        log(f"training on the frozen cues of {len(rows) - len(parsed)} rows ({path.name}, computed at code "
            f"{frozen.fingerprint}); {len(parsed)} rows not there are parsed at this code")
        if parsed:
            add_cues(parsed, log=log, cache=cache)
    return {"frozen": frozen.digest(), "parsed_now": len(parsed)}


EMBED_CACHE = ROOT / ".cache" / "encoder_rows.npz"


def add_embeddings(rows: list[Row], cache: Path | None | bool = True, log=print) -> None:
    """The sentence encoder's vector of every row (`encoder.py`). Vectors are kept in `cache` (True:
    EMBED_CACHE; False or None: no cache) keyed by frozen_cues.text_key, so CV runs and model builds embed each
    training text once; a cached vector is the one the encoder computes (the forward pass is deterministic),
    so the cache never changes a model."""
    from .encoder import load_encoder

    path: Path | None = EMBED_CACHE if cache is True else cache or None

    key = frozen_cues.text_key

    known: dict[str, np.ndarray] = {}
    if path is not None and path.exists():
        with np.load(path, allow_pickle=False) as z:
            known = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
    todo = sorted({r.text for r in rows if key(r.text) not in known})
    if todo:
        enc = load_encoder()
        log(f"embedding {len(todo)} training texts with the sentence encoder ({len(known)} cached)")
        for s in range(0, len(todo), 512):
            part = todo[s:s + 512]
            for t, v in zip(part, enc.encode(part), strict=True):
                known[key(t)] = v
            log(f"  {min(s + 512, len(todo))}/{len(todo)}")
            if path is not None:  # saved as it goes: an interrupted run loses at most one chunk
                path.parent.mkdir(parents=True, exist_ok=True)
                ks = sorted(known)
                np.savez(path, keys=np.array(ks), vecs=np.stack([known[k] for k in ks]).astype(np.float32))
    for r in rows:
        r.emb = known[key(r.text)]


def _jsonl(path: Path) -> Iterable[dict]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{path}:{n}: not JSON ({e})") from e


def split_sentences(text: str) -> list[str]:
    """A plain splitter for training text (inference uses spaCy's sentences)."""
    out = []
    for para in re.split(r"\n+", text):
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'`(])", para) if s.strip()]
    return out


def load_rows(shared: Path | None = SHARED, own: Path | None = OWN_NEGATIVES,
              extra: Sequence[Path] = ()) -> list[Row]:
    rows: list[Row] = []
    if shared is not None:
        quotes = shared / "train" / "ngec_voa_screen_quotes.jsonl"
        plover = shared / "eval" / "plover_dev.jsonl"
        ecb = shared / "eval" / "ecb_dev.jsonl"
        for p in (quotes, plover, ecb):
            if not p.exists():
                raise SystemExit(f"{p}: training file not found (pass --shared DIR, or --no-shared with --extra)")
        for d in _jsonl(quotes):
            rows.append(Row(d["quote"], d["event_type"], KEPT.get(d["event_type"], 0.7), "ngec:" + d["doc_id"]))
        for d in _jsonl(plover):
            rows.append(Row(d["text"], d["gold"]["event_type"], 1.0, "plover:" + d["id"]))
        for d in _jsonl(ecb):
            topic = str(d["gold"]["story"])[:-1]
            if topic in ECB_NEGATIVE_TOPICS:
                for s in split_sentences(d["text"]):
                    if len(s.split()) >= 5 and "http" not in s:
                        rows.append(Row(s, NONE, 1.0, "ecb:" + topic, doc="ecb:" + d["id"]))
    for path in ([own] if own is not None else []) + list(extra):
        rows += rows_from_file(path)
    return rows


def rows_from_file(path: Path) -> list[Row]:
    """Our own examples: `{"doc_id", "text"}` (negatives: every sentence is NONE) or `{"doc_id", "text",
    "event_type"}` (one labelled example, e.g. for a type a user added with `--ontology`)."""
    if not path.exists():
        raise SystemExit(f"{path}: training file not found")
    out = []
    for d in _jsonl(path):
        if "doc_id" not in d or "text" not in d:
            raise SystemExit(f"{path}: every line needs doc_id and text")
        if d.get("event_type"):
            out.append(Row(d["text"], d["event_type"], float(d.get("weight", 1.0)), "own:" + d["doc_id"]))
        else:
            out += [Row(s, NONE, 1.0, "own:" + d["doc_id"]) for s in split_sentences(d["text"])]
    return out


# ------------------------------------------------------------------ fitting
def _matrix(counts: list[Counter[int]], idf: np.ndarray, dim: int, emb: np.ndarray | None = None,
            scale: float = 0.0):  # -> scipy csr
    """The tf-idf rows, with `scale` x the sentence embeddings appended as dense columns when given."""
    from scipy.sparse import csr_matrix, hstack

    if emb is not None and scale:
        return hstack([_matrix(counts, idf, dim), csr_matrix(emb.astype(np.float64) * scale)], format="csr")

    indptr, indices, data = [0], [], []
    for c in counts:
        idx = np.fromiter(c.keys(), dtype=np.int64, count=len(c))
        tf = 1.0 + np.log(np.fromiter(c.values(), dtype=np.float64, count=len(c)))
        val = tf * idf[idx]
        norm = np.sqrt(val @ val)
        indices.append(idx)
        data.append(val / norm if norm > 0 else val)
        indptr.append(indptr[-1] + len(c))
    return csr_matrix((np.concatenate(data) if data else [], np.concatenate(indices) if indices else [], indptr),
                      shape=(len(counts), dim), dtype=np.float64)


def _idf(counts: list[Counter[int]], dim: int) -> np.ndarray:
    df = np.zeros(dim)
    for c in counts:
        df[np.fromiter(c.keys(), dtype=np.int64, count=len(c))] += 1
    return (np.log((1 + len(counts)) / (1 + df)) + 1.0).astype(np.float32)


def embeddings(rows: Sequence[Row], cfg: FeatureConfig) -> np.ndarray | None:
    if not cfg.encoder:
        return None
    if any(r.emb is None for r in rows):
        raise ValueError("the feature set uses the sentence encoder: call add_embeddings(rows) first")
    return np.stack([r.emb for r in rows])  # type: ignore[misc]


def fit(rows: list[Row], counts: list[Counter[int]], types: list[str], cfg: FeatureConfig,
        C: float, weights: np.ndarray | None = None,
        multinomial: bool | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Logistic regression -> (W, b, idf); W has `cfg.width` rows (hashed features, then the embedding's
    when the encoder is on). One-vs-rest (one sigmoid per type) or, with `multinomial` (default:
    MULTINOMIAL), one softmax over the types and NONE (`fit_multinomial`). `weights` replaces the rows' own
    weights (the label-noise filter); a row of weight 0 is left out."""
    if weights is not None:
        keep = [i for i, w in enumerate(weights) if w > 0]
        rows = [replace(rows[i], weight=float(weights[i])) for i in keep]
        counts = [counts[i] for i in keep]
    from sklearn.linear_model import LogisticRegression

    idf = _idf(counts, cfg.dim)
    X = _matrix(counts, idf, cfg.dim, embeddings(rows, cfg), cfg.encoder)
    labels = np.array([r.label for r in rows])
    base = np.array([r.weight for r in rows])
    if MULTINOMIAL if multinomial is None else multinomial:
        W, b = fit_multinomial(X, labels, base, types, C)
        return W, b, idf
    W = np.zeros((cfg.width, len(types)), dtype=np.float32)
    b = np.zeros(len(types), dtype=np.float32)
    for k, t in enumerate(types):
        y = (labels == t).astype(int)
        if y.sum() == 0:
            b[k] = -10.0
            continue
        w = np.where(y == 1, base, np.where(labels == NONE, base, base * OTHER_TYPE_NEGATIVE))
        if POSITIVE_BALANCE:
            w = np.where(y == 1, w * (w[y == 0].sum() / w[y == 1].sum()) ** POSITIVE_BALANCE, w)
        clf = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000)
        clf.fit(X, y, sample_weight=w)
        W[:, k] = clf.coef_[0]
        b[k] = clf.intercept_[0]
    return W, b, idf


def fit_multinomial(X, labels: np.ndarray, weights: np.ndarray, types: list[str],
                    C: float) -> tuple[np.ndarray, np.ndarray]:
    """One softmax over the types and NONE (lbfgs, MULTINOMIAL_ITER iterations; each row counts its own
    weight: a quote of another type is a row of its own class, not a soft negative). Returned with NONE's
    logit subtracted from every type's, so NONE's is 0 and the model keeps one column per type:
    P(t) = exp(z_t) / (1 + sum_u exp(z_u)) (`Detector.scores` with link "softmax"). Columns no training row
    uses are left out of the fit: their weights stay 0 under lbfgs from 0 (the gradient there is L2's only),
    so the solution is the same (to 1e-7) and the fit takes 40% of the time on 2^18 hashed features."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    used = np.unique(X.indices)
    classes = [*types, NONE]
    y = np.array([classes.index(lab) if lab in classes else len(types) for lab in labels])
    clf = LogisticRegression(C=C, solver="lbfgs", max_iter=MULTINOMIAL_ITER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a fixed budget of iterations, as measured
        clf.fit(X[:, used], y, sample_weight=weights)
    coef = np.zeros((len(classes), X.shape[1]))
    intercept = np.zeros(len(classes))
    present = clf.classes_
    coef[present[:, None], used[None, :]] = clf.coef_
    intercept[present] = clf.intercept_
    absent = np.setdiff1d(np.arange(len(classes)), present)
    intercept[absent] = -10.0  # a type without a training row is never probable
    W = (coef[:len(types)] - coef[len(types)]).T.astype(np.float32)
    b = (intercept[:len(types)] - intercept[len(types)]).astype(np.float32)
    return W, b


def predict(W: np.ndarray, b: np.ndarray, idf: np.ndarray, counts: list[Counter[int]], dim: int,
            emb: np.ndarray | None = None, scale: float = 0.0, multinomial: bool | None = None) -> np.ndarray:
    X = _matrix(counts, idf, dim, emb, scale)
    return link_probabilities(X @ W.astype(np.float64) + b, MULTINOMIAL if multinomial is None else multinomial)


# ------------------------------------------------------------------ thresholds and scores
GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)


def held_out_decisions(P: np.ndarray, labels: Sequence[str], fold_of: np.ndarray, folds: int,
                       types: list[str]) -> list[str]:
    """Each row's type on its held-out fold, with thresholds chosen on the other folds' rows only."""
    pred = [NONE] * len(labels)
    for k in range(folds):
        others = fold_of != k
        th = choose_thresholds(P[others], [lab for lab, o in zip(labels, others, strict=True) if o], types)
        mine = np.where(fold_of == k)[0]
        for i, p in zip(mine, decide(P[mine], types, th), strict=True):
            pred[i] = p
    return pred


def choose_thresholds(P: np.ndarray, labels: Sequence[str], types: list[str]) -> dict[str, float]:
    """Per type, the cut-off maximizing one-vs-rest F1 on out-of-fold probabilities."""
    lab = np.array(labels)
    out = {}
    for k, t in enumerate(types):
        y = lab == t
        best, best_t = -1.0, 0.5
        for th in GRID:
            pred = P[:, k] >= th
            tp = float((pred & y).sum())
            f1 = 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0
            if f1 > best + 1e-9:
                best, best_t = f1, float(th)
        out[t] = best_t
    return out


def decide(P: np.ndarray, types: list[str], thresholds: dict[str, float]) -> list[str]:
    th = np.array([thresholds[t] for t in types])
    out = []
    for row in P:
        ok = row >= th
        out.append(types[int(np.argmax(np.where(ok, row, -1.0)))] if ok.any() else NONE)
    return out


def scores(gold: Sequence[str], pred: Sequence[str], types: list[str]) -> dict:
    per = {}
    tp_all = fp_all = fn_all = 0
    for t in types:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == t and p == t)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == t and g != t)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == t and p != t)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[t] = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                  "support": tp + fn}
    prec = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    rec = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    present = [t for t in types if per[t]["support"]]
    none_rows = [p for g, p in zip(gold, pred, strict=True) if g == NONE]
    return {"micro_precision": prec, "micro_recall": rec,
            "micro_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "macro_f1": sum(per[t]["f1"] for t in present) / len(present) if present else 0.0,
            "none_false_alarm": sum(p != NONE for p in none_rows) / len(none_rows) if none_rows else 0.0,
            "per_type": per}


def relevance_of(P: np.ndarray, docs: Sequence[str]) -> dict[str, float]:
    by: dict[str, list[float]] = defaultdict(list)
    for g, row in zip(docs, P, strict=True):
        by[g].append(float(row.max()))
    return {g: sum(sorted(v, reverse=True)[:3]) / len(v[:3]) for g, v in by.items()}


def choose_relevance(P: np.ndarray, rows: list[Row]) -> float:
    """The document-relevance cut-off: the highest one that keeps 98% of the documents with an event (on
    out-of-fold probabilities); below it an article is off-topic. Recall-oriented on purpose: the cut-off
    that best separates event from no-event training documents (0.275) switched off a third of our own
    multi-outlet news corpus (eval/connect), whose articles are shorter than the training documents."""
    rel = relevance_of(P, [r.doc or r.group for r in rows])
    has_event: dict[str, bool] = defaultdict(bool)
    for r in rows:
        has_event[r.doc or r.group] |= r.label != NONE
    pos = sorted(v for g, v in rel.items() if has_event[g])
    return float(pos[int(0.02 * len(pos))]) if pos else 0.0


# ------------------------------------------------------------------ the keep rule for lexicon triggers
SCALES = np.round(np.arange(0.25, 2.01, 0.25), 2)


def _proposed(rows: Sequence[Row], t: str) -> np.ndarray:
    """Rows where the trigger lexicon proposed a live trigger of type t."""
    cue = "lex:" + t
    return np.array([cue in r.cues for r in rows])


def _keep_f1(p: np.ndarray, y: np.ndarray, neg: np.ndarray, th: float) -> tuple[float, float, float]:
    """(tp, fp, fn) of 'keep the trigger when p >= th' on the judged rows (y: the label is the type; neg: a
    true negative, NONE). A row labelled with another type is not judged: a screen quote carries one label,
    but it may also hold an event of the trigger's type, so it is no evidence either way."""
    keep = p >= th
    return float((keep & y).sum()), float((keep & neg).sum()), float((~keep & y).sum())


def choose_keep(P: np.ndarray, rows: Sequence[Row], types: list[str], thresholds: dict[str, float],
                per_type: bool) -> dict[str, float]:
    """What a lexicon trigger of each type needs to be kept, chosen on (out-of-fold) probabilities of the rows
    where the lexicon proposed that type: one scale x the type's threshold shared by all types (per_type
    False), or a threshold per type (True). Maximizes the F1 of keeping (NONE rows are the negatives)."""
    labels = np.array([r.label for r in rows])
    cols = {t: (P[:, k], _proposed(rows, t)) for k, t in enumerate(types)}
    if not per_type:
        best, best_s = -1.0, 1.0
        for sc in SCALES:
            tp = fp = fn = 0.0
            for t in types:
                p, m = cols[t]
                a, b, c = _keep_f1(p[m], labels[m] == t, labels[m] == NONE, sc * thresholds[t])
                tp, fp, fn = tp + a, fp + b, fn + c
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best + 1e-9:
                best, best_s = f1, float(sc)
        return {t: round(best_s * thresholds[t], 4) for t in types}
    out = {}
    for t in types:
        p, m = cols[t]
        y, neg = labels[m] == t, labels[m] == NONE
        best, best_t = -1.0, thresholds[t]
        for th in sorted({float(x) for x in np.round(np.concatenate([GRID, SCALES * thresholds[t]]), 4)}):
            a, b, c = _keep_f1(p[m], y, neg, th)
            f1 = 2 * a / (2 * a + b + c) if a else 0.0
            if f1 > best + 1e-9:
                best, best_t = f1, th
        out[t] = best_t
    return out


def keep_cv(P: np.ndarray, rows: Sequence[Row], types: list[str], fold_of: np.ndarray) -> dict[str, dict]:
    """Grouped CV of the keep rules: each fold's lexicon triggers judged with the rule chosen on the other
    folds. Returns, per rule, micro P/R/F1 of keeping, how many NONE-row triggers are kept, and the rule
    chosen on all rows."""
    labels = np.array([r.label for r in rows])
    rules = {"scale 0.25 (round 1)": None, "one scale, CV": False, "per type, CV": True}
    out = {}
    for name, per_type in rules.items():
        tp = fp = fn = 0.0
        for k in sorted(set(fold_of.tolist())):
            tr, te = fold_of != k, fold_of == k
            th = choose_thresholds(P[tr], labels[tr].tolist(), types)
            keep = ({t: 0.25 * th[t] for t in types} if per_type is None else
                    choose_keep(P[tr], [r for r, o in zip(rows, tr, strict=True) if o], types, th, per_type))
            sub = [r for r, o in zip(rows, te, strict=True) if o]
            for j, t in enumerate(types):
                m = _proposed(sub, t)
                a, b, c = _keep_f1(P[te][m, j], labels[te][m] == t, labels[te][m] == NONE, keep[t])
                tp, fp, fn = tp + a, fp + b, fn + c
        prec, rec = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        out[name] = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                     "none_kept": int(fp)}
    return out


NOUN_SCALES = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5)


def _noun_keep(P: np.ndarray, rows: Sequence[Row], types: list[str], thresholds: dict[str, float],
               scale: float) -> tuple[float, float, float]:
    """(tp, fp, fn) of keeping the noun triggers of `rows` when p >= scale x the type's threshold: a row
    labelled with the trigger's type is a true event, a NONE row a false one; a row of another type is not
    judged (a quote carries one label, it may hold the noun's event too)."""
    tp = fp = fn = 0.0
    for j, t in enumerate(types):
        m = np.array([t in r.noun_types for r in rows])
        if not m.any():
            continue
        lab = np.array([r.label for r in rows])[m]
        keep = P[m, j] >= scale * thresholds[t]
        tp += float((keep & (lab == t)).sum())
        fp += float((keep & (lab == NONE)).sum())
        fn += float((~keep & (lab == t)).sum())
    return tp, fp, fn


def choose_noun_keep(P: np.ndarray, rows: Sequence[Row], types: list[str], fold_of: np.ndarray) -> dict:
    """The keep scale for noun triggers (Detector.keep_scale_noun), by grouped CV: each fold's noun triggers
    are judged with the scale (NOUN_SCALES) and thresholds chosen on the other folds' out-of-fold
    probabilities; the scale maximizes the F1 of keeping. Returns the scale chosen on all rows, the scales
    the folds chose, and held-out P/R/F1 of keeping for the chosen rule and for keep_scale (verbs' rule)."""
    labels = [r.label for r in rows]

    def best(idx: np.ndarray) -> float:
        sub = [rows[i] for i in idx]
        th = choose_thresholds(P[idx], [labels[i] for i in idx], types)
        f1 = {}
        for s in NOUN_SCALES:
            tp, fp, fn = _noun_keep(P[idx], sub, types, th, s)
            f1[s] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        return max(NOUN_SCALES, key=lambda s: (f1[s], -s))

    chosen, held = [], {"cv": [0.0, 0.0, 0.0], "keep_scale": [0.0, 0.0, 0.0]}
    for k in sorted(set(fold_of.tolist())):
        tr, te = np.where(fold_of != k)[0], np.where(fold_of == k)[0]
        s = best(tr)
        chosen.append(s)
        th = choose_thresholds(P[tr], [labels[i] for i in tr], types)
        for name, sc in (("cv", s), ("keep_scale", KEEP_SCALE)):
            held[name] = [x + y for x, y in zip(held[name], _noun_keep(P[te], [rows[i] for i in te], types, th, sc),
                                                 strict=True)]
    out: dict = {"scale": best(np.arange(len(rows))), "fold_scales": chosen}
    for name, (tp, fp, fn) in held.items():
        out[name] = {"precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
                     "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
                     "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0, "none_kept": int(fp)}
    return out


def cross_validate(rows: list[Row], cfg: FeatureConfig, C: float, folds: int = 5,
                   types: list[str] | None = None, log=print, weights: np.ndarray | None = None,
                   seed: int | None = None) -> dict:
    """Grouped k-fold: out-of-fold probabilities; each fold is scored with thresholds chosen on the
    out-of-fold probabilities of the other folds. `weights` (optional) replaces the rows' training weights
    (every row is still scored; a row of weight 0 is scored but never trained on). `seed`: groups are dealt
    to folds in a shuffled order (GroupKFold shuffle), for repeated CV; None: GroupKFold's own order."""
    from sklearn.model_selection import GroupKFold

    types = types or sorted({r.label for r in rows} - {NONE})
    counts = [hashed_counts(r.text, cfg, r.cues) for r in rows]
    groups = [r.group for r in rows]
    P = np.zeros((len(rows), len(types)))
    fold_of = np.zeros(len(rows), dtype=int)
    splitter = GroupKFold(n_splits=folds, shuffle=seed is not None, random_state=seed)
    for k, (tr, te) in enumerate(splitter.split(np.zeros(len(rows)), groups=groups)):
        W, b, idf = fit([rows[i] for i in tr], [counts[i] for i in tr], types, cfg, C,
                        None if weights is None else weights[tr])
        E = embeddings([rows[i] for i in te], cfg)
        P[te] = predict(W, b, idf, [counts[i] for i in te], cfg.dim, E, cfg.encoder)
        fold_of[te] = k
        log(f"  fold {k + 1}/{folds}: trained on {len(tr)} rows, tested on {len(te)}")
    labels = [r.label for r in rows]
    result = scores(labels, held_out_decisions(P, labels, fold_of, folds, types), types)
    result["thresholds"] = choose_thresholds(P, labels, types)
    result["relevance_cutoff"] = choose_relevance(P, rows)
    result["oof"] = P
    result["fold_of"] = fold_of
    return result


def _repeat_thresholds(rows: list[Row], cfg: FeatureConfig, C: float, folds: int, types: list[str], log,
                       weights: np.ndarray | None, repeats: int) -> dict:
    """Per-type thresholds chosen on the pooled out-of-fold probabilities of `repeats` grouped CVs,
    each dealing the groups to folds in another shuffled order. One CV's thresholds move with the fold
    assignment (adding four documents moved ASSAULT's from 0.2 to 0.275; README_detector.md, round 7); the
    pooled choice is what the rows say, not what one deal says. Also the micro/macro-F1 of every repeat."""
    if weights is not None:
        log("  (repeated CV for thresholds: the label-noise filter's weights are applied as fixed)")
    P, labels, figures = [], [], []
    for seed in range(repeats):
        log(f"repeat {seed + 1}/{repeats} of grouped CV (shuffled groups, seed {seed}) for thresholds")
        cv = cross_validate(rows, cfg, C, folds, types, log, weights, seed=seed)
        P.append(cv["oof"])
        labels += [r.label for r in rows]
        figures.append({"seed": seed, "micro_f1": round(cv["micro_f1"], 4), "macro_f1": round(cv["macro_f1"], 4)})
    return {"thresholds": choose_thresholds(np.concatenate(P), labels, types), "figures": figures}


def train(rows: list[Row], cfg: FeatureConfig, C: float, folds: int = 5, log=print,
          threshold_repeats: int = THRESHOLD_REPEATS) -> Detector:
    types = sorted({r.label for r in rows} - {NONE})
    log(f"grouped {folds}-fold CV over {len(rows)} rows, {len({r.group for r in rows})} groups, {len(types)} types")
    counts = [hashed_counts(r.text, cfg, r.cues) for r in rows]
    weights = None
    if NOISE_FILTER is None:
        cv = cross_validate(rows, cfg, C, folds, types, log)
    else:
        from . import label_noise

        mode, tau = NOISE_FILTER
        log(f"label-noise filter {mode} at tau {tau}: CV with the filter inside each fold")
        res = label_noise.nested_cv(rows, cfg, C, mode, taus=(tau,), folds=folds, log=log)
        cv = {**res["nested"], "oof": res["oof"], "fold_of": res["fold_of"],
              "thresholds": choose_thresholds(res["oof"], [r.label for r in rows], types),
              "relevance_cutoff": choose_relevance(res["oof"], rows)}
        # the shipped model's own filter: the ratios of every row from grouped out-of-fold probabilities
        ratio = label_noise.own_label_ratio(rows, label_noise._oof(rows, counts, types, cfg, C, folds), types)
        weights = label_noise.filtered_weights(rows, ratio, tau, mode)
        log(f"  {int((weights < np.array([r.weight for r in rows])).sum())} quotes down-weighted or dropped")
    W, b, idf = fit(rows, counts, types, cfg, C, weights)
    repeats = _repeat_thresholds(rows, cfg, C, folds, types, log, weights, threshold_repeats) \
        if threshold_repeats else None
    if repeats is not None:
        cv["thresholds"] = repeats["thresholds"]
    train_pred = decide(predict(W, b, idf, counts, cfg.dim, embeddings(rows, cfg), cfg.encoder), types,
                        cv["thresholds"])
    fit_score = scores([r.label for r in rows], train_pred, types)
    meta = {"C": C, "rows": len(rows), "label_counts": dict(sorted(Counter(r.label for r in rows).items())),
            **({"label_noise": {"mode": NOISE_FILTER[0], "tau": NOISE_FILTER[1]}} if NOISE_FILTER else {}),
            "cv": {"folds": folds, "micro_f1": round(cv["micro_f1"], 4), "macro_f1": round(cv["macro_f1"], 4),
                   "none_false_alarm": round(cv["none_false_alarm"], 4),
                   "per_type_f1": {t: round(v["f1"], 4) for t, v in cv["per_type"].items()},
                   **({"repeats": repeats["figures"]} if repeats else {})},
            "train_fit": {"micro_f1": round(fit_score["micro_f1"], 4), "macro_f1": round(fit_score["macro_f1"], 4)}}
    noun = choose_noun_keep(cv["oof"], rows, types, cv["fold_of"])
    meta["noun_keep"] = noun
    log(f"noun-trigger keep scale by grouped CV: {noun['scale']} (folds chose {noun['fold_scales']}); held-out "
        f"keeping F1 {noun['cv']['f1']:.3f} (P {noun['cv']['precision']:.3f} R {noun['cv']['recall']:.3f}) "
        f"against {noun['keep_scale']['f1']:.3f} at keep_scale {KEEP_SCALE}"
        + ("" if NOUN_KEEP_BY_CV else " (not used: NOUN_KEEP_BY_CV is off)"))
    return Detector(types=types, W=W, b=b, idf=idf, thresholds=cv["thresholds"], config=cfg,
                    relevance_cutoff=cv["relevance_cutoff"], keep_scale=KEEP_SCALE, propose_margin=PROPOSE_MARGIN,
                    keep_scale_noun=noun["scale"] if NOUN_KEEP_BY_CV else None, extra_margin=EXTRA_MARGIN,
                    link=SOFTMAX if MULTINOMIAL else SIGMOID, meta=meta)


# ------------------------------------------------------------------ article relevance
# ECB+ dev topics about crime and conflict (shootings, arrests, strikes, military action): news that reports
# events of the ontology. The other ECB+ topics (ECB_NEGATIVE_TOPICS) and our own off-topic copy report none.
ECB_EVENT_TOPICS = frozenset({"3", "8", "9", "12", "16", "18", "19"})
RELEVANT = "EVENT_NEWS"
RELEVANCE_CFG = FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=None, cues=False)
RELEVANCE_C = 4.0
RELEVANCE_RECALL = 0.97  # the cut-off keeps this share of event-reporting full articles (out-of-fold)
NGEC_DOC_WEIGHT = 0.2


def relevance_rows(shared: Path | None = SHARED, own: Path | None = OWN_NEGATIVES) -> list[Row]:
    """Whole documents, labelled EVENT_NEWS or NONE: ECB+ dev documents by topic (group = the topic, so a
    topic is held out whole), the NGEC-screened VOA documents as the concatenation of their quotes (group = the
    document; the article texts are not shipped, only the quotes), and our own off-topic documents."""
    rows: list[Row] = []
    if shared is not None:
        quotes: dict[str, list[str]] = defaultdict(list)
        for d in _jsonl(shared / "train" / "ngec_voa_screen_quotes.jsonl"):
            quotes[d["doc_id"]].append(d["quote"])
        # quotes are not articles: they teach the vocabulary of event news, at a weight that keeps them
        # from outvoting the whole documents
        rows += [Row(" ".join(q), RELEVANT, NGEC_DOC_WEIGHT, "ngec:" + k) for k, q in sorted(quotes.items())]
        for d in _jsonl(shared / "eval" / "ecb_dev.jsonl"):
            topic = str(d["gold"]["story"])[:-1]
            if topic in ECB_EVENT_TOPICS or topic in ECB_NEGATIVE_TOPICS:
                text = "\n".join(ln for ln in d["text"].splitlines() if "http" not in ln)
                rows.append(Row(text, RELEVANT if topic in ECB_EVENT_TOPICS else NONE, 1.0, "ecb:" + topic))
    if own is not None:
        rows += [Row(d["text"], NONE, 1.0, "own:" + d["doc_id"]) for d in _jsonl(own)
                 if not d.get("event_type") and d.get("domain") != "news-background"]
    return rows


def train_relevance(rows: list[Row], folds: int = 5, log=print) -> tuple[Detector, dict]:
    """A one-type detector over whole documents; its threshold keeps RELEVANCE_RECALL of the event
    documents on out-of-fold probabilities. Returns the model and the held-out figures."""
    from sklearn.model_selection import GroupKFold

    cfg, types = RELEVANCE_CFG, [RELEVANT]
    counts = [hashed_counts(r.text, cfg) for r in rows]
    y = np.array([r.label == RELEVANT for r in rows])
    # the cut-off is chosen on whole articles (what extraction sees), not on the quote bundles
    whole = np.array([not r.group.startswith("ngec:") for r in rows])
    P = np.zeros(len(rows))
    fold_of = np.zeros(len(rows), dtype=int)
    splits = GroupKFold(n_splits=folds).split(np.zeros(len(rows)), groups=[r.group for r in rows])
    for k, (tr, te) in enumerate(splits):
        # the article model is one-vs-rest whatever the event model is (MULTINOMIAL)
        W, b, idf = fit([rows[i] for i in tr], [counts[i] for i in tr], types, cfg, RELEVANCE_C, multinomial=False)
        P[te] = predict(W, b, idf, [counts[i] for i in te], cfg.dim, multinomial=False)[:, 0]
        fold_of[te] = k

    def cutoff(p: np.ndarray, pos: np.ndarray) -> float:
        v = np.sort(p[pos])  # pos: a boolean mask of event documents
        return float(v[int((1 - RELEVANCE_RECALL) * len(v))]) if len(v) else 0.5

    # each fold judged with the cut-off chosen on the other folds
    kept = np.zeros(len(rows), dtype=bool)
    for k in range(folds):
        mine = fold_of == k
        kept[mine] = P[mine] >= cutoff(P[~mine & whole], y[~mine & whole])
    by_source: dict[str, list[float]] = defaultdict(lambda: [0, 0])
    for r, k in zip(rows, kept, strict=True):
        src = r.group.split(":")[0] + (":event" if r.label == RELEVANT else ":none")
        by_source[src][0] += int(k)
        by_source[src][1] += 1
    pos, neg = y & whole, ~y & whole
    figures = {"event_docs_kept": round(float(kept[pos].mean()), 4) if pos.any() else 0.0,
               "offtopic_docs_dropped": round(float((~kept[neg]).mean()), 4) if neg.any() else 0.0,
               "kept_by_source": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_source.items())}}
    W, b, idf = fit(rows, counts, types, cfg, RELEVANCE_C, multinomial=False)
    det = Detector(types=types, W=W, b=b, idf=idf, thresholds={RELEVANT: cutoff(P[whole], y[whole])}, config=cfg,
                   meta={"C": RELEVANCE_C, "rows": len(rows), "cv": {"folds": folds, **figures}})
    log(f"article relevance, grouped {folds}-fold CV over {len(rows)} documents: event documents kept "
        f"{figures['event_docs_kept']:.3f}, off-topic dropped {figures['offtopic_docs_dropped']:.3f} "
        f"{figures['kept_by_source']}")
    return det, figures


CANDIDATES = {
    "words": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=None, cues=False),
    "words+chars": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=(3, 5), cues=False),
    "words+cues": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=None, cues=True),
    "words+chars+cues": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=(3, 5), cues=True),
    "words+cues+context": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=None, cues=True, context=True),
    "words+cues+context+encoder": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=None, cues=True,
                                                context=True, encoder=0.5),
    "words+cues+context+senses": FeatureConfig(dim_bits=18, word_ngrams=2, char_ngrams=None, cues=True,
                                               context=True, senses=True),
}
DEFAULT_CANDIDATE = "words+cues+context"
DEFAULT_C = 16.0


def print_cv(name: str, cv: dict, out=sys.stdout) -> None:
    print(f"{name}: micro-F1 {cv['micro_f1']:.3f} (P {cv['micro_precision']:.3f} R {cv['micro_recall']:.3f}) "
          f"macro-F1 {cv['macro_f1']:.3f}  NONE rows given a type: {cv['none_false_alarm']:.3f}", file=out)
    for t, v in cv["per_type"].items():
        print(f"    {t:10s} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} (n={v['support']})", file=out)


def main(argv: list[str] | None = None) -> int:
    global MULTINOMIAL
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (train/ and eval/)")
    ap.add_argument("--no-shared", action="store_true", help="train only on --extra files (tests, new types)")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="more examples (JSONL: doc_id, text[, event_type]); repeatable")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL, help="model stem (writes STEM.npz and STEM.json)")
    ap.add_argument("--features", choices=sorted(CANDIDATES), default=DEFAULT_CANDIDATE)
    ap.add_argument("-C", type=float, default=DEFAULT_C, help="inverse L2 regularization strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--compare", action="store_true", help="CV every feature set and C on a small grid")
    ap.add_argument("--cv-only", action="store_true", help="print CV figures, write no model")
    ap.add_argument("--threshold-repeats", type=int, default=THRESHOLD_REPEATS,
                    help="choose the per-type thresholds on the pooled out-of-fold probabilities of this many "
                         "grouped CVs with shuffled fold assignments (0: the one CV, as shipped)")
    ap.add_argument("--multinomial", action=argparse.BooleanOptionalAction, default=MULTINOMIAL,
                    help="one softmax over the types and NONE (fit_multinomial), not one-vs-rest fits "
                         f"(default: {'on' if MULTINOMIAL else 'off'}, train.MULTINOMIAL)")
    ap.add_argument("--cues", type=Path, default=None,
                    help="the frozen training cues to train on (default: training/frozen_cues.json.gz with the "
                         "shared rows; none with --no-shared); rows not in it are parsed at this code")
    ap.add_argument("--code-cues", action="store_true", help="train on this code's cues, not the frozen ones")
    ap.add_argument("--refreeze", action="store_true",
                    help="parse the rows at this code, store their cues as the frozen ones (--cues), then train")
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temporary folder and compare with the committed model (--out), and "
                         "compare this code's cues of the training rows with the frozen ones; exit 1 on a "
                         "difference (make model-check)")
    ap.add_argument("--accept-drift", action="store_true",
                    help="keep the frozen cues (and the model) and record this code's differing cues as "
                         "accepted, so --check passes until the code's cues change again (make model-accept)")
    args = ap.parse_args(argv)
    # fit, predict and train follow the module's setting: set for this run, restored after it
    shipped, MULTINOMIAL = MULTINOMIAL, args.multinomial
    try:
        return _main(args)
    finally:
        MULTINOMIAL = shipped


def _main(args: argparse.Namespace) -> int:
    if args.cues is None and not args.no_shared:
        args.cues = frozen_cues.FROZEN_CUES
    rows = load_rows(None if args.no_shared else args.shared,
                     None if args.no_shared else OWN_NEGATIVES, args.extra)
    if len({r.group for r in rows}) < args.folds:
        raise SystemExit(f"need at least {args.folds} groups of examples, got {len({r.group for r in rows})}")
    def log(s: str) -> None:
        print(s, file=sys.stderr)

    if args.check or args.accept_drift:
        from .model_check import check_model

        return check_model(args, rows, log)
    return build(args, rows, log)


def build(args: argparse.Namespace, rows: list[Row], log) -> int:
    """`main` after the rows are loaded: CV figures, or the model written to args.out."""
    training_cues(rows, None if args.code_cues else args.cues, args.refreeze, log,
                  cache=not args.no_shared)  # the shared rows' parses are kept in .cache/
    if args.compare or CANDIDATES[args.features].encoder:
        add_embeddings(rows, log=log)
    if args.compare:
        for name, cfg in CANDIDATES.items():
            for C in (4.0, 16.0):
                print_cv(f"{name} C={C}", cross_validate(rows, cfg, C, args.folds, log=log))
        return 0
    if args.cv_only:
        print_cv(args.features, cross_validate(rows, CANDIDATES[args.features], args.C, args.folds, log=log))
        return 0
    det = train(rows, CANDIDATES[args.features], args.C, args.folds, log=log, threshold_repeats=args.threshold_repeats)
    if not args.no_shared:
        rel, _ = train_relevance(relevance_rows(args.shared, OWN_NEGATIVES), args.folds, log=log)
        rel.save(args.out.with_name(args.out.name + RELEVANCE_SUFFIX))
    det.save(args.out)
    cv = det.meta["cv"]
    print(f"wrote {args.out.with_suffix('.npz')} and .json: {len(det.types)} types, {len(rows)} rows; "
          f"grouped CV micro-F1 {cv['micro_f1']:.3f} macro-F1 {cv['macro_f1']:.3f}; "
          f"fit on its own data micro-F1 {det.meta['train_fit']['micro_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
