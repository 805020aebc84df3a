"""h/speed5: the memos and word-class gates of the hot loops return exactly what the plain code does."""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import replace

from wirewatch.connect.pairs import reciprocal, view
from wirewatch.extract.detector import FeatureConfig, hashed_counts, words
from wirewatch.model import EventMention

SENTENCES = [
    "Ferry crews in Lisbon and Barreiro clashed with harbour police before dawn on Tuesday.",
    "The harbour authority's director resigned; 3,400 commuters waited at the quay.",
]


def _plain_counts(text: str, cfg: FeatureConfig, cues: list[str]) -> Counter[int]:
    """hashed_counts as it was written before the character n-grams were memoised per word."""
    mask = cfg.dim - 1
    ws = words(text)
    feats = ["w:" + w for w in ws] + (["q:" + c for c in cues] if cfg.cues else [])
    for n in range(2, cfg.word_ngrams + 1):
        feats += [f"w{n}:" + " ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)]
    if cfg.char_ngrams:
        lo, hi = cfg.char_ngrams
        for w in ws:
            padded = f" {w} "
            for n in range(lo, hi + 1):
                feats += ["c:" + padded[i:i + n] for i in range(len(padded) - n + 1)]
    return Counter(zlib.crc32(f.encode()) & mask for f in feats)


def test_hashed_counts_equal_the_plain_hashing_in_value_and_order() -> None:
    cfg = replace(FeatureConfig(), char_ngrams=(2, 4), word_ngrams=2, cues=True, context=False, senses=False)
    for text in SENTENCES * 2:  # the second round reads the memo
        got, want = hashed_counts(text, cfg, ["lex:PROTEST"]), _plain_counts(text, cfg, ["lex:PROTEST"])
        assert got == want
        assert list(got) == list(want)  # key order: the tf-idf vector sums its terms in this order


def _mention(sentence: str, trigger: str) -> EventMention:
    at = sentence.index(trigger)
    return EventMention(article_id="a", event_type="FIGHT", sentence=sentence, start=0, end=len(sentence),
                        trigger=trigger, trigger_start=at, trigger_end=at + len(trigger))


def test_pair_view_reciprocal_follows_a_changed_mention() -> None:
    m = _mention(SENTENCES[0], "clashed")
    v = view(m)
    assert v.reciprocal() is reciprocal(m) is True  # "Lisbon and Barreiro clashed with ..."
    m.sentence, m.trigger_start = "Harbour police clashed early.", 15
    assert reciprocal(m) is False
    assert v.reciprocal() is False  # recomputed, not the remembered answer
