"""The learned event detector: does a sentence report an ontology event, and of which type?

Triggers and the parse propose candidates (`triggers.py`); this model decides. It is a one-vs-rest logistic
regression over hashed, tf-idf weighted word n-grams of the sentence, the trigger lexicon's proposals and
their parse context (`context_cues`), trained on real labelled news by `wirewatch.extract.train` (see README
"Event detector"). Inference needs numpy only: the shipped model is two plain files under `data/` (no pickle):

- `event_detector.npz`: `W` (features x types, float16), `b` (types), `idf` (features, float32);
- `event_detector.json`: the type names, per-type thresholds chosen by grouped cross-validation, the
  article-relevance cut-off, the feature settings and the measured CV figures;
- `event_detector_relevance.{npz,json}`: the same format with one type, EVENT_NEWS, over whole articles.

Types the model was not trained on (a user's `--ontology` type, the INSPECT/PRODUCE/PERSONNEL pack) are not
decided here: `probability` returns None for them and the trigger's decision stands.
"""

from __future__ import annotations

import json
import math
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import WirewatchError
from . import wordclass
from .lexicon import lexicon
from .nlp import doc_text
from .ontology import Ontology, TriggerSpec
from .relevance import off_domain
from .triggers import Trigger, claims_responsibility, find_triggers, habitual

DATA = Path(__file__).parent / "data"
DEFAULT_MODEL = DATA / "event_detector"
# The article-relevance model sits beside the detector: STEM_relevance.{npz,json}, one type (EVENT_NEWS).
RELEVANCE_SUFFIX = "_relevance"

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Quotes of the training screen sometimes have "?" for an apostrophe ("Russia?s"); text never should.
_QMARK_APOS = re.compile(r"(?<=[A-Za-z])\?(?=[a-z])")
_NUM = re.compile(r"\d")
EMBED_ALL = os.environ.get("WIREWATCH_EMBED_ALL") == "1"  # measurement switch: embed every sentence
ENCODER_DIM = 384  # encoder.DIM (not imported here: the encoder module loads only when a model uses it)


class DetectorError(WirewatchError):
    """The event-detector model files are missing or do not fit together."""


@dataclass(frozen=True)
class FeatureConfig:
    """How a text becomes a sparse vector. Stored with the model so training and inference agree."""

    dim_bits: int = 18
    word_ngrams: int = 2
    char_ngrams: tuple[int, int] | None = (3, 5)
    cues: bool = True  # use the trigger lexicon's proposals as features (`trigger_cues`)
    context: bool = False  # and the parse context of each trigger and the sentence's lemmas (`context_cues`)
    # and the WordNet class of every verb of the sentence (`sense_cues`: "fled" is motion, "barred" contact),
    # so that a paraphrase the quotes never used still shares a feature with the ones they did
    senses: bool = False
    # > 0: the sentence's all-MiniLM-L6-v2 embedding (`encoder.py`), times this, is appended to the tf-idf
    # vector (its weights are the last `encoder.DIM` rows of W); 0: no encoder
    encoder: float = 0.0

    @property
    def dim(self) -> int:
        return 1 << self.dim_bits

    @property
    def width(self) -> int:
        """Rows of W: the hashed features, then the embedding's (when the encoder is on)."""
        return self.dim + (ENCODER_DIM if self.encoder else 0)

    def to_dict(self) -> dict[str, Any]:
        return {"dim_bits": self.dim_bits, "word_ngrams": self.word_ngrams,
                "char_ngrams": list(self.char_ngrams) if self.char_ngrams else None, "cues": self.cues,
                "context": self.context, "encoder": self.encoder, "senses": self.senses}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FeatureConfig:
        ch = d.get("char_ngrams")
        return cls(dim_bits=int(d["dim_bits"]), word_ngrams=int(d["word_ngrams"]),
                   char_ngrams=(int(ch[0]), int(ch[1])) if ch else None, cues=bool(d.get("cues", True)),
                   context=bool(d.get("context", False)), senses=bool(d.get("senses", False)),
                   encoder=float(d.get("encoder", 0.0)))


def words(text: str) -> list[str]:
    text = _QMARK_APOS.sub("'", text).lower().replace("\u2019", "'")
    return [_NUM.sub("0", w) for w in _WORD.findall(text)]


def hashed_counts(text: str, cfg: FeatureConfig, cues: Iterable[str] = ()) -> Counter[int]:
    """Feature index -> count. Indices are crc32 of the feature string (stable across runs and machines).
    `cues` are what the parse and the trigger lexicon saw in the sentence (see `trigger_cues`)."""
    mask = cfg.dim - 1
    ws = words(text)
    # Context cues (prefix "x:", `context_cues`) and sense cues ("s:", `sense_cues`) count only for a model
    # trained with them.
    feats: list[str] = ["w:" + w for w in ws] + (
        ["q:" + c for c in cues if (cfg.context or not c.startswith(_CONTEXT))
         and (cfg.senses or not c.startswith(_SENSE))] if cfg.cues else [])
    for n in range(2, cfg.word_ngrams + 1):
        feats += [f"w{n}:" + " ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)]
    if cfg.char_ngrams:
        lo, hi = cfg.char_ngrams
        for w in ws:
            padded = f" {w} "
            for n in range(lo, hi + 1):
                feats += ["c:" + padded[i:i + n] for i in range(len(padded) - n + 1)]
    return Counter(zlib.crc32(f.encode()) & mask for f in feats)


def trigger_cues(triggers: Iterable[Any]) -> list[str]:
    """Features of a sentence's trigger candidates (`triggers.Trigger`): the lexicon's type and the lemma of
    each live trigger, and the type of each suppressed one. The lexicon proposes; the weights say how far to
    trust each proposal in context."""
    out = []
    for t in triggers:
        if t.suppressed:
            out.append("sup:" + t.type)
        else:
            out += ["lex:" + t.type, "lem:" + t.tok.lemma_.lower(), f"lexlem:{t.type}:{t.tok.lemma_.lower()}"]
    return out


_CONTEXT = "x:"
_SENSE = "s:"
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative"})
_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
NOUN_POS = frozenset({"NOUN", "PROPN"})  # a trigger of these needs keep_scale_noun (Detector)
CLAUSE_MARGIN: float | None = None  # Detector.clause_margin (off: see eval/README_detector.md, round 9)
CLAUSE_KEEP = False  # Detector.clause_keep (off: eval/README_detector.md, round 9)
PLACE_BY_CLAUSE = False  # Detector.place_by_clause (off: round 9)
ONE_TYPE_PER_WORD = False  # Detector.one_type_per_word (off: round 9)


def _objects(tok: Any) -> list[Any]:
    """What a trigger acts on: its direct object / attribute / passive subject, and the first object of
    each preposition hanging on it ("fired *at* protesters")."""
    out = [c for c in tok.children if c.dep_ in _OBJECT_DEPS]
    for c in tok.children:
        if c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"][:1]
    return out


def _kind(tok: Any) -> str:
    """A participant in one word: its entity class, PRON, or the WordNet class of its commonest sense."""
    if tok.ent_type_:
        return tok.ent_type_ if tok.ent_type_ in _NAMED else "NUM"
    if tok.pos_ == "PRON":
        return "PRON"
    cls = wordclass.classes(tok.lemma_, "n")
    return cls[0] if cls else "?"


def trigger_context(t: Any) -> list[str]:
    """The context cues of one live trigger: its dependency relation, the lemma and coarse sense class of its
    head, each object's lemma, entity class and sense classes (`wordclass`: "gave weapons" is an artifact,
    "gave different counts" a quantity), the object's adjectives, negation, the kind of its subject."""
    tok, ty, lem = t.tok, t.type, t.tok.lemma_.lower()
    head = tok.head
    out = [f"x:dep:{ty}:{tok.dep_}", f"x:hd:{ty}:{head.lemma_.lower() if head is not tok else 'ROOT'}"]
    if tok.pos_ == "NOUN" and head is not tok:
        out += [f"x:hdc:{ty}:{c}" for c in wordclass.classes(head.lemma_, "v" if head.pos_ == "VERB" else "n")]
    for o in _objects(tok):
        ol = o.lemma_.lower()
        out += [f"x:ob:{ty}:{ol}", f"x:ob:{lem}:{ol}", f"x:obk:{ty}:{_kind(o)}", f"x:obk:{lem}:{_kind(o)}"]
        if o.pos_ == "NOUN":
            out += [f"x:obc:{ty}:{c}" for c in wordclass.classes(ol, "n")]
        out += [f"x:obm:{ty}:{a.lemma_.lower()}" for a in o.children if a.dep_ == "amod"]
    if t.negated or any(c.dep_ == "neg" for c in tok.children):
        out.append(f"x:neg:{ty}")
    out += [f"x:sb:{ty}:{_kind(c)}" for c in tok.children if c.dep_ == "nsubj"]
    return out


def context_cues(sent: Any, triggers: Iterable[Any]) -> list[str]:
    """What the parse says around each live trigger (`trigger_context`), in forms that carry over between
    sentences, and the content lemmas of the sentence (so "attacked"/"attacks"/"attacking" are one feature).
    All are prefixed "x:" (see `hashed_counts`)."""
    out = [c for t in triggers if not t.suppressed for c in trigger_context(t)]
    return out + ["x:l:" + t.lemma_.lower() for t in sent if t.pos_ in _CONTENT_POS]


def sense_cues(sent: Any) -> list[str]:
    """The WordNet classes of the commonest senses of each verb of the sentence ("s:vc:motion"): words the
    training quotes never used ("fled", "were barred") share a class with ones they did ("withdrew",
    "were banned"). Prefixed "s:" (see `hashed_counts`)."""
    return ["s:vc:" + c for t in sent if t.pos_ == "VERB" for c in wordclass.classes(t.lemma_.lower(), "v")]


def sentence_cues(sent: Any, triggers: list[Any], cfg: FeatureConfig) -> list[str]:
    """All the cues of one parsed sentence that `cfg` uses (training and inference call this one)."""
    return trigger_cues(triggers) + (context_cues(sent, triggers) if cfg.context else []) + (
        sense_cues(sent) if cfg.senses else [])


def vectorize(counts: Counter[int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(indices, values): sublinear tf x idf, L2-normalized."""
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
    val = tf * idf[idx]
    norm = float(np.sqrt(np.dot(val, val)))
    return idx, (val / norm if norm > 0 else val)


@dataclass
class Detector:
    """A trained detector: `probabilities(text)` -> {type: P(the sentence reports an event of type)}."""

    types: list[str]
    W: np.ndarray  # (dim, len(types))
    b: np.ndarray
    idf: np.ndarray
    thresholds: dict[str, float]
    config: FeatureConfig = field(default_factory=FeatureConfig)
    relevance_cutoff: float = 0.0  # articles scoring below it are off-topic (see `relevance`)
    off_topic_threshold: float = 0.9  # what a mention in an off-topic article needs
    propose_margin: float = 0.1  # a type the triggers missed needs its threshold + this
    keep_scale: float = 1.0  # a trigger's type needs keep_scale x its threshold
    # a noun trigger ("demonstration", "talks", "attack") needs this x its threshold (None: keep_scale). A noun
    # names a kind of event more often than it reports one ("watched a demonstration", "fear of attack"),
    # so the model's doubt counts for more there (chosen by grouped CV, train.choose_noun_keep)
    keep_scale_noun: float | None = None
    # a further type in a sentence whose triggers gave other types needs threshold + this (None: never)
    extra_margin: float | None = None
    # a clause of its own with no trigger ("..., and signed an agreement", "after both withdrew their
    # envoys") gets the best type of its own text at threshold + this, when no decision of the sentence has
    # that type (None: never; `clause_proposals`). A rule of the decision, not of the model's files: chosen
    # by 2-fold document-grouped CV on voa_dev (eval/README_detector.md, round 9).
    clause_margin: float | None = CLAUSE_MARGIN
    clause_root: bool = False  # and the main clause, scored on its own words (clause_proposals)
    # a trigger under its keep bar on the sentence's probabilities is judged again on the words of its own
    # clause, when it sits in one (`clause_probability`): a sentence's probabilities are its main act's
    clause_keep: bool = CLAUSE_KEEP
    # a further type is never proposed on a word a kept trigger already holds: one word, one event ("then we
    # will retaliate" is a threat, not also an attack; "has not agreed" a refusal, not also an agreement)
    one_type_per_word: bool = ONE_TYPE_PER_WORD
    # a further type of a sentence whose triggers gave others hangs on the clause whose own words the model
    # holds it most for (`_place`), not on the main verb (whose act the kept trigger may already be)
    place_by_clause: bool = PLACE_BY_CLAUSE
    # per type, what a trigger the lexicon proposed needs (chosen by grouped CV on the rows where the lexicon
    # proposed that type); a type missing here needs keep_scale x its threshold
    keep_thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    # Does a whole article report events of the ontology at all? (train.train_relevance; None: the older
    # rule, `relevance` over the sentence probabilities)
    article: Detector | None = None

    def article_relevance(self, text: str, sentence_probs: list[dict[str, float]]) -> tuple[float, bool]:
        """(relevance, off_topic) of an article. With the article model: its probability that the text is
        event news, off-topic under the cut-off chosen by grouped CV; else the sentence-based rule."""
        if self.article is not None:
            p = float(self.article.scores(text)[0])
            return p, p < next(iter(self.article.thresholds.values()))
        r = self.relevance(sentence_probs)
        return r, r < self.relevance_cutoff

    def scores(self, text: str, cues: Iterable[str] = (), emb: np.ndarray | None = None) -> np.ndarray:
        """P(type) for one sentence. A model with the encoder needs the sentence's embedding `emb`
        (`embed`); without it the embedding's part of the score is left out."""
        idx, val = vectorize(hashed_counts(text, self.config, cues), self.idf)
        z = val @ self.W[idx].astype(np.float32) + self.b if len(idx) else self.b.copy()
        if emb is not None and self.config.encoder:
            z = z + self.config.encoder * (emb.astype(np.float32) @ self._W_emb)
        return 1.0 / (1.0 + np.exp(-z))

    @property
    def _W_emb(self) -> np.ndarray:
        w = self.__dict__.get("_w_emb")
        if w is None:
            w = self.__dict__["_w_emb"] = self.W[self.config.dim:].astype(np.float32)
        return w

    def embed(self, texts: list[str]) -> list[np.ndarray | None]:
        """The sentence encoder's vectors of `texts` when this model uses it, else Nones. Loads the encoder on
        first use (encoder.EncoderError names the package to install when it is missing)."""
        if not self.config.encoder or not texts:
            return [None] * len(texts)
        from .encoder import load_encoder

        return list(load_encoder().encode(texts))

    def probabilities(self, text: str, cues: Iterable[str] = (), emb: np.ndarray | None = None) -> dict[str, float]:
        return {t: float(p) for t, p in zip(self.types, self.scores(text, cues, emb), strict=True)}

    def knows(self, etype: str) -> bool:
        return etype in self.thresholds

    def best(self, probs: dict[str, float]) -> tuple[str | None, float]:
        """The most probable type that clears its threshold, or (None, its probability)."""
        t, p = max(probs.items(), key=lambda kv: kv[1]) if probs else (None, 0.0)
        return (t, p) if t is not None and p >= self.thresholds.get(t, 1.0) else (None, p)

    def relevance(self, sentence_probs: list[dict[str, float]]) -> float:
        """Article relevance: mean of the three highest per-sentence event probabilities. A product review
        or a match report has no sentence that reads like an event report; a news report of one event has
        a few, however much background surrounds them."""
        tops = sorted((max(p.values()) if p else 0.0 for p in sentence_probs), reverse=True)[:3]
        return sum(tops) / len(tops) if tops else 0.0

    # ------------------------------------------------------------------ files
    def save(self, stem: Path) -> None:
        stem.parent.mkdir(parents=True, exist_ok=True)
        with open(stem.with_suffix(".npz"), "wb") as f:  # np.savez_compressed adds no timestamps
            np.savez_compressed(f, W=self.W.astype(np.float16), b=self.b.astype(np.float32),
                                idf=self.idf.astype(np.float32))
        meta = {"types": self.types, "thresholds": {t: round(v, 4) for t, v in self.thresholds.items()},
                "features": self.config.to_dict(), "relevance_cutoff": round(self.relevance_cutoff, 4),
                "off_topic_threshold": self.off_topic_threshold, "propose_margin": self.propose_margin,
                "keep_scale": self.keep_scale, "keep_scale_noun": self.keep_scale_noun,
                "extra_margin": self.extra_margin,
                "keep_thresholds": {t: round(v, 4) for t, v in self.keep_thresholds.items()}, **self.meta}
        stem.with_suffix(".json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")

    @classmethod
    def load(cls, stem: Path | str = DEFAULT_MODEL) -> Detector:
        stem = Path(stem)
        npz, js = stem.with_suffix(".npz"), stem.with_suffix(".json")
        if not npz.exists() or not js.exists():
            raise DetectorError(f"{stem}: event detector model not found (expected {npz.name} and {js.name}; "
                                "rebuild it with `make model`)")
        try:
            meta = json.loads(js.read_text())
            with np.load(npz, allow_pickle=False) as z:
                W, b, idf = z["W"], z["b"], z["idf"]
            cfg = FeatureConfig.from_dict(meta["features"])
            types = list(meta["types"])
        except (OSError, ValueError, KeyError) as e:
            raise DetectorError(f"{stem}: unreadable event detector model ({e})") from e
        if W.shape != (cfg.width, len(types)) or b.shape != (len(types),) or idf.shape != (cfg.dim,):
            raise DetectorError(f"{npz}: weights of shape {W.shape} do not fit {len(types)} types x {cfg.width}")
        if cfg.encoder:
            # Found now, when the pipeline is built, so that a missing encoder package stops a batch once with
            # how to install it, instead of failing every article (encoder.EncoderError; cheap: no import).
            from .encoder import model_dir

            model_dir()
        extra = {k: v for k, v in meta.items() if k not in {
            "types", "thresholds", "features", "relevance_cutoff", "off_topic_threshold", "propose_margin",
            "keep_scale", "keep_scale_noun", "extra_margin", "keep_thresholds"}}
        rel = stem.with_name(stem.name + RELEVANCE_SUFFIX)
        article = cls.load(rel) if not stem.name.endswith(RELEVANCE_SUFFIX) and rel.with_suffix(".json").exists() \
            else None
        return cls(types=types, W=W, b=b, idf=idf, thresholds={k: float(v) for k, v in meta["thresholds"].items()},
                   article=article,
                   config=cfg, relevance_cutoff=float(meta.get("relevance_cutoff", 0.0)),
                   off_topic_threshold=float(meta.get("off_topic_threshold", 0.9)),
                   propose_margin=float(meta.get("propose_margin", 0.1)),
                   keep_scale=float(meta.get("keep_scale", 1.0)),
                   keep_scale_noun=None if meta.get("keep_scale_noun") is None else float(meta["keep_scale_noun"]),
                   extra_margin=None if meta.get("extra_margin") is None else float(meta["extra_margin"]),
                   keep_thresholds={k: float(v) for k, v in meta.get("keep_thresholds", {}).items()},
                   meta=extra)


def load_detector(path: str | None = None) -> Detector | None:
    """The shipped detector, the one at `path` or at $WIREWATCH_EVENT_MODEL (a stem: STEM.npz + STEM.json);
    None when no model ships, so extraction falls back to the triggers alone. WIREWATCH_EVENT_MODEL=none
    turns the detector off. Loaded once per model files: the cache is keyed on the variable's value and the
    files' size and modification time, so a model rebuilt in place (`make model`) is loaded anew."""
    path = path or os.environ.get("WIREWATCH_EVENT_MODEL") or None
    if path == "none":
        return None
    stem = Path(path or DEFAULT_MODEL)
    rel = stem.with_name(stem.name + RELEVANCE_SUFFIX)
    files = (stem.with_suffix(".npz"), stem.with_suffix(".json"), rel.with_suffix(".npz"), rel.with_suffix(".json"))
    stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None for p in files)
    return _load_detector(path, stamp)


@lru_cache(maxsize=4)
def _load_detector(path: str | None, stamp: tuple[object, ...]) -> Detector | None:
    try:
        return Detector.load(path or DEFAULT_MODEL)
    except DetectorError:
        if path:
            raise
        return None


# ------------------------------------------------------------------ the decision
@dataclass
class Decision:
    """A trigger the detector kept (possibly retyped) or proposed, with the probability of its type."""

    trigger: Trigger
    confidence: float | None  # None: a type the model does not know, decided by its triggers
    source: str = "trigger"  # trigger | clause (kept on its own clause's words) | retyped | relative | proposed


def _anchor(sent: Any) -> Any:
    """The token a proposed event hangs on: the main verb, else the first verb of the sentence; then down
    the verbs that carry no event of their own:
    - a verb of saying heading a reported clause ("Troops shelled the town, Reuters said") is attribution,
      not the event: the event is its content clause (its speaker is the source, attribution.py);
    - a light or aspectual verb ("tried to cross the street", "began shelling") lends its type to its
      complement. A reported clause without a verb of its own (a copula: "said it was unclear") gives None:
      nothing is proposed, there is no act to hang it on."""
    root = sent.root
    tok = root if root.pos_ == "VERB" else next((t for t in sent if t.pos_ == "VERB"), None)
    lex = lexicon()
    for _ in range(4):
        if tok is None:
            return None
        lem = tok.lemma_.lower()
        # attribution verbs, less the claims (an allegation is ACCUSE, a statement act of its own)
        saying = lem in lex["attribution_verbs"] and lem not in lex["claim_verbs"]
        dep = "ccomp" if saying else "xcomp" if lem in lex["aspectual_verbs"] else None
        if dep is None:
            break
        comp = next((c for c in tok.children if c.dep_ == dep), None)
        if comp is None:
            break  # "He said so", "they tried": the verb itself
        tok = comp if comp.pos_ == "VERB" else None
    # A generic statement or a figure of speech ("are rarely carried out", "too tired to fight") reports no
    # happening for a proposal to hang on (triggers.habitual, which suppressed its triggers too).
    return None if tok is None or habitual(tok) else tok


# Relations by which a verb heads a clause of its own: a second act of the sentence, not the content of the
# first ("met ... and *signed* an agreement", "said troops *shelled* the town", "*after* both countries
# *withdrew* their envoys", "the sanctions Washington *imposed*"). Not xcomp ("vowed *to fight*",
# "tried *to cross*": the complement is the governing act's content, coded by the lexicon's conventions),
# nor acl ("leaders *gathered* in Paris": a participle describing a participant).
_CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "relcl", "parataxis"})
_CONDITION_MARKS = frozenset({"if", "unless", "until", "before", "lest", "whether", "till", "once"})
_WH = frozenset({"WDT", "WP", "WP$"})


def _clause_tokens(head: Any, heads: set[int]) -> list[Any]:
    """The tokens of the clause `head` heads, without the clauses nested in it (they are judged on their own)."""
    toks, stack = [], [head]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack += [c for c in t.children if c.i not in heads]
    return sorted(toks, key=lambda t: t.i)


def _own_clause(head: Any) -> bool:
    """Does `head` report an act of its own? Not a negated one ("did not attack"), a condition or a purpose
    ("if Ankara activated it", "to pressure the U.S."), a generic statement (`habitual`), a verb of saying
    (its reported clause is the act) or a light/aspectual verb, a relative clause about a participant that
    has no subject of its own ("militants who attacked ..."), nor a subjectless infinitive."""
    lem = head.lemma_.lower()
    lex = lexicon()
    if any(c.dep_ == "neg" for c in head.children) or habitual(head):
        return False
    if lem in lex["attribution_verbs"] and lem not in lex["claim_verbs"] or lem in lex["aspectual_verbs"]:
        return False
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.dep_ == "relcl" and (not subj or any(c.tag_ in _WH for c in subj)):
        return False
    if head.dep_ == "advcl" and (not subj or any(
            c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in head.children)):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and not subj:
        return False
    t = head
    for _ in range(6):  # inside a condition higher up ("if they attack and burn ...")
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.children):
            return False
        if t.head.i == t.i:
            break
        t = t.head
    return True


def clause_probability(sent: Any, trig: Trigger, trigs: list[Trigger], det: Detector) -> float | None:
    """The model's probability of `trig`'s type on the words of its own clause, when it sits in a clause of
    its own (`_CLAUSE_DEPS`) of a sentence with more than one; else None (the sentence's figure is its
    clause's). "The harbour master met the owners, and the port authority later signed a lease": the
    sentence reads as a meeting and AGREE's probability of it is under the bar; the second clause's is not.
    The clause is scored with its own triggers' cues, as a sentence would be (`sentence_cues`)."""
    if not det.clause_keep:
        return None
    heads = {t.i for t in sent if t.pos_ == "VERB" and t.dep_ in _CLAUSE_DEPS}
    h = trig.tok
    for _ in range(12):
        if h.i in heads or h.head.i == h.i:
            break
        h = h.head
    if h.i not in heads:
        return None
    toks = _clause_tokens(h, heads)
    at = {t.i for t in toks}
    own = [t for t in trigs if t.tok.i in at]
    text = "".join(t.text_with_ws for t in toks).strip()
    p = det.probabilities(text, sentence_cues(toks, own, det.config))
    return p.get(trig.type)


def _place(sent: Any, etype: str, trigs: list[Trigger], kept: list[Decision], det: Detector,
           anchor: Any) -> Any:
    """Where a further type of the sentence hangs: the verb heading the clause (the main one or one of its
    own, `_CLAUSE_DEPS`) whose own words the model holds `etype` most for, among those holding no kept
    trigger's word; the anchor when the sentence has one clause. "The envoys met in Doha, and the rebels
    later freed nine hostages": RETREAT hangs on "freed", not on "met"."""
    heads = {t.i for t in sent if t.pos_ == "VERB" and t.dep_ in _CLAUSE_DEPS}
    if not heads:
        return anchor
    taken = {d.trigger.tok.i for d in kept}
    cands = ([anchor] if anchor.i not in heads else []) + [t for t in sent if t.i in heads and _own_clause(t)]
    best, best_p = None, -1.0
    for h in cands:
        toks = _clause_tokens(h, heads)
        if any(t.i in taken for t in toks):
            continue
        at = {t.i for t in toks}
        own = [t for t in trigs if t.tok.i in at]
        pr = det.probabilities("".join(t.text_with_ws for t in toks).strip(),
                               sentence_cues(toks, own, det.config))[etype]
        if pr > best_p:
            best, best_p = h, pr
    return best


def clause_proposals(sent: Any, trigs: list[Trigger], kept: list[Decision], det: Detector, onto: Ontology,
                     taken: set[int]) -> list[Decision]:
    """Second acts of a sentence that its one decision missed. The sentence's probabilities are those of its
    main act: "Cameroon and C.A.R. officials met in Bangui and signed an agreement" reads as a meeting, and
    the agreement's type stays under its threshold. Each clause of its own (`_CLAUSE_DEPS`, `_own_clause`)
    that holds no trigger at all (the lexicon's decision on a clause with one stands, kept or dropped) is
    scored on its own words and parse cues; its best type is proposed on its verb when it clears threshold +
    `clause_margin` and no decision of the sentence has that type (one event told twice in two clauses,
    "opened fire on the crowd, killing three", stays one). A proposal hangs on the clause's verb, never on a
    token a trigger holds, so one word never gets two types ("then we will retaliate")."""
    if det.clause_margin is None:
        return []
    heads = {t.i for t in sent if t.pos_ == "VERB" and t.dep_ in _CLAUSE_DEPS}
    if not heads:
        return []
    if det.clause_root and sent.root.pos_ == "VERB":
        heads.add(sent.root.i)  # the main clause on its own words, without the clauses hung on it
    trig_at = {t.tok.i for t in trigs} | {t.actor_from.i for t in trigs if t.actor_from is not None}
    held = {d.trigger.type for d in kept}
    out: list[Decision] = []
    for head in (t for t in sent if t.i in heads):
        if head.i in taken or not _own_clause(head) or claims_responsibility(head):
            continue
        toks = _clause_tokens(head, heads)
        if any(t.i in trig_at for t in toks):
            continue
        text = "".join(t.text_with_ws for t in toks).strip()
        p = det.probabilities(text, sentence_cues(toks, [], det.config))
        best = max((u for u in det.thresholds if u not in held and u in onto.types), key=lambda u: p[u],
                   default=None)
        if best is not None and p[best] >= det.thresholds[best] + det.clause_margin:
            held.add(best)
            spec = TriggerSpec(best, head.lemma_.lower(), "VERB")
            out.append(Decision(Trigger(tok=head, type=best, spec=spec), p[best], "proposed"))
    return out


def decide_article(sents: list[Any], onto: Ontology, det: Detector | None,
                   report: dict[str, Any] | None = None) -> list[list[Decision]]:
    """For each sentence, the events the detector accepts. Without a detector, every live trigger stands.

    A trigger of a type the model knows is kept when the model's probability for that type (given the
    sentence and what the lexicon saw in it) clears the type's keep threshold (cross-validated on the rows
    where the lexicon proposed that type).
    A dropped trigger gives back what it had absorbed (the content it suppressed is judged on its own), or
    is retyped when another type, held by no kept trigger of the sentence, clears its own threshold and is
    more probable. A sentence where no trigger fired gets the model's best type when that clears its
    threshold plus `propose_margin`. Types the model does not know are decided by their triggers. In an
    article whose relevance is under the cut-off (a review, a match report, business copy) a mention needs
    `off_topic_threshold`, and nothing is proposed. `report`, when given, receives the article's
    `event_relevance` and `off_topic` (events.py keeps them in the article's meta, so they are stored and
    exported with it)."""
    found = [find_triggers(s, onto) for s in sents]
    if det is None:
        return [[Decision(t, None) for t in trigs if not t.suppressed] for trigs in found]
    # With the sentence encoder, only sentences that hold a candidate (a live or absorbed trigger) are embedded
    # (in one batch): the encoder costs more than the parse. A sentence without one is scored on its tf-idf
    # part alone (the embedding's share of the logit is left out).
    cand = [i for i, trigs in enumerate(found) if trigs or EMBED_ALL] if det.config.encoder else []
    embs: list[np.ndarray | None] = [None] * len(sents)
    for i, v in zip(cand, det.embed([sents[i].text for i in cand]), strict=True):
        embs[i] = v
    probs = [det.probabilities(s.text, sentence_cues(s, trigs, det.config), e)
             for s, trigs, e in zip(sents, found, embs, strict=True)]
    text = doc_text(sents[0].doc) if sents else ""
    relevance, off_topic = det.article_relevance(text, probs)
    # An article that names no public actor (relevance.py: reviews, match reports, earnings copy) is held to
    # the off-topic bar whatever its words read like to the article model.
    no_party = off_domain(sents, onto)
    off_topic = off_topic or no_party
    if report is not None:
        report.update(event_relevance=round(relevance, 3), off_topic=off_topic, off_domain=no_party)

    def need(etype: str, keep: Trigger | None = None) -> float:
        th = det.thresholds[etype]
        if keep is not None:
            scale = det.keep_scale_noun if det.keep_scale_noun is not None and keep.tok.pos_ in NOUN_POS \
                else det.keep_scale
            th = det.keep_thresholds.get(etype, th * scale)
        return max(th, det.off_topic_threshold) if off_topic else th

    out: list[list[Decision]] = []
    for sent, trigs, p in zip(sents, found, probs, strict=True):
        kept: list[Decision] = []
        dropped: list[Trigger] = []
        queue = [t for t in trigs if not t.suppressed]
        while queue:
            t = queue.pop(0)
            if not det.knows(t.type):
                kept.append(Decision(t, None))
            elif p[t.type] >= need(t.type, keep=t):
                kept.append(Decision(t, p[t.type]))
            elif (pc := clause_probability(sent, t, trigs, det)) is not None and pc >= need(t.type, keep=t):
                kept.append(Decision(t, pc, "clause"))  # the sentence read as its other act; its clause does not
            else:
                dropped.append(t)
                # What it had absorbed is judged on its own where the model can judge it. Content of a type
                # the model does not know (INSPECT, a user's type) would stand unvetted: it comes back only
                # from a directive, whose content is the act itself (the convention of triggers.py: "set a
                # goal to improve production" is the production); the object of praise or blame stays
                # absorbed ("expressed satisfaction with the production of missiles during his tours").
                queue += [c for c in trigs if c.suppressed and c.governor is t and c not in queue
                          and (det.knows(c.type) or t.type == "REQUEST")]
        held = {d.trigger.type for d in kept}
        # A trigger the lexicon held back only for sitting in a relative clause ("six militants who attacked
        # a hotel", "somebody who has been arrested") is a second act of the sentence: it stands when the model
        # holds its type at that type's own threshold (not the lower keep bar) and no kept trigger has the type.
        for c in trigs:
            if c.relative and det.knows(c.type) and c.type not in held and p[c.type] >= need(c.type):
                held.add(c.type)
                kept.append(Decision(c, p[c.type], "relative"))
        for t in dropped:
            other = max((u for u in det.thresholds if u not in held), key=lambda u: p[u], default=None)
            if other is not None and p[other] >= need(other) and p[other] > p[t.type]:
                t.type = other
                held.add(other)
                kept.append(Decision(t, p[other], "retyped"))
        anchor = _anchor(sent)
        if anchor is not None and (claims_responsibility(anchor) or any(
                t.actor_from is not None and t.actor_from.i == anchor.i for t in trigs)):
            # The anchor's act is already coded: the lexicon read it as the source of another trigger's act
            # ("ordered troops to deploy", "claimed responsibility for the bombing") and handed that act its
            # subject; a proposal there would code the same verb a second time. A claim of responsibility is
            # an admission, never an accusation, even when nobody made it ("no group has claimed ...").
            anchor = None
        if anchor is not None and any(t.ruled_out and t.tok.i == anchor.i for t in trigs):
            anchor = None  # the lexicon's structural rules read the word as no act (Trigger.ruled_out)
        if det.one_type_per_word and anchor is not None and any(d.trigger.tok.i == anchor.i for d in kept):
            anchor = None  # the anchor's word is a kept trigger's: its event is coded (one word, one event)
        # A kept trigger of a type the model does not know (INSPECT, a user's type) is the lexicon's call:
        # the model, which cannot see that type, adds nothing beside it.
        if not off_topic and anchor is not None and all(d.confidence is not None for d in kept):
            quiet = not kept and not any(not t.suppressed for t in trigs)
            margin = det.propose_margin if quiet else det.extra_margin
            best = max((u for u in det.thresholds if u not in held and u in onto.types), key=lambda u: p[u],
                       default=None)
            if best is not None and margin is not None and p[best] >= det.thresholds[best] + margin:
                at = anchor if quiet or not det.place_by_clause else _place(sent, best, trigs, kept, det, anchor)
                if at is not None:
                    spec = TriggerSpec(best, at.lemma_.lower(), "VERB")
                    kept.append(Decision(Trigger(tok=at, type=best, spec=spec), p[best], "proposed"))
        if not off_topic:
            taken = {d.trigger.tok.i for d in kept} | (
                {anchor.i} if anchor is not None and not det.clause_root else set())
            kept += clause_proposals(sent, trigs, kept, det, onto, taken)
        # A proposal of the type a lexicon rule retyped its word away from is the reading the rule overruled
        # ("agreed with the ruling": the rule read SUPPORT, not AGREE); it does not come back as a second event.
        overruled = {(d.trigger.tok.i, d.trigger.retyped_from) for d in kept if d.trigger.retyped_from}
        kept = [d for d in kept if d.source != "proposed" or (d.trigger.tok.i, d.trigger.type) not in overruled]
        out.append(sorted(kept, key=lambda d: (d.source == "proposed", d.trigger.tok.i)))  # proposals last
    return out
