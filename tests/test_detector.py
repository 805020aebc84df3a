"""The learned event detector: training on a tiny fixture, loading, predicting, and its hook in extraction."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wirewatch.extract.detector import Detector, DetectorError, FeatureConfig, hashed_counts, load_detector

FIXTURE = Path(__file__).parent / "fixtures" / "detector_train.jsonl"


def test_hashing_is_stable_and_normalizes_quirks() -> None:
    cfg = FeatureConfig(dim_bits=12, char_ngrams=None)
    a = hashed_counts("Russia?s army  fired 3 shells", cfg, ["lex:ASSAULT"])
    b = hashed_counts("Russia's army fired 7 shells", cfg, ["lex:ASSAULT"])
    assert a == b  # "?" for an apostrophe, doubled spaces and digits do not change the features
    assert all(0 <= k < cfg.dim for k in a)
    assert hashed_counts("fired", FeatureConfig(dim_bits=12, char_ngrams=None, cues=False), ["lex:X"]) == \
        hashed_counts("fired", FeatureConfig(dim_bits=12, char_ngrams=None, cues=False))


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DetectorError, match="not found"):
        Detector.load(tmp_path / "nothing")
    (tmp_path / "bad.json").write_text(json.dumps({"types": ["A"], "thresholds": {}, "features":
                                                   FeatureConfig(dim_bits=4).to_dict()}))
    np.savez(tmp_path / "bad.npz", W=np.zeros((3, 1)), b=np.zeros(1), idf=np.zeros(16))
    with pytest.raises(DetectorError, match="do not fit"):
        Detector.load(tmp_path / "bad")


@pytest.mark.slow
def test_train_on_fixture_loads_and_predicts(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from wirewatch.extract import train

    out = tmp_path / "det"
    assert train.main(["--no-shared", "--extra", str(FIXTURE), "--out", str(out), "--folds", "3", "-C", "8"]) == 0
    det = Detector.load(out)
    assert det.types == ["CONSULT", "PROTEST"]
    assert set(det.thresholds) == {"CONSULT", "PROTEST"}
    assert "cv" in det.meta and 0.0 <= det.meta["cv"]["micro_f1"] <= 1.0
    p = det.probabilities("Hundreds of teachers marched on the ministry in a protest over pay.")
    q = det.probabilities("The foreign ministers held talks in Vienna on Monday.")
    assert p["PROTEST"] > p["CONSULT"] and q["CONSULT"] > q["PROTEST"]
    r = det.probabilities("The laptop offers two ports and a bright screen.")
    assert max(r.values()) < max(p.values())
    # Deterministic: a second build writes the same weights.
    out2 = tmp_path / "det2"
    train.main(["--no-shared", "--extra", str(FIXTURE), "--out", str(out2), "--folds", "3", "-C", "8"])
    assert np.array_equal(Detector.load(out2).W, det.W)
    assert out.with_suffix(".json").read_text() == out2.with_suffix(".json").read_text()


@pytest.mark.slow
def test_shipped_model_decides_and_records_confidence() -> None:
    if load_detector() is None:
        pytest.skip("no shipped model")
    from wirewatch.extract import extraction_components
    from wirewatch.model import Article
    from wirewatch.pipeline import Pipeline
    from wirewatch.records import event_from_mention, event_record

    pipe = Pipeline(extraction_components())
    news = pipe.run(Article(id="n", published="2024-05-02", text=(
        "Police arrested twelve opposition activists in the capital on Wednesday, a rights group said.")))
    coerce = [m for m in news.events if m.event_type == "COERCE"]
    assert coerce and coerce[0].type_confidence is not None and 0 < coerce[0].type_confidence <= 1
    rec = event_record(event_from_mention(coerce[0]))
    assert rec["type_confidence"] == round(coerce[0].type_confidence, 3)
    assert rec["mentions"][0]["type_confidence"] == rec["type_confidence"]
    # Article relevance: a product review reads less like an event report than a news report does.
    det = load_detector()
    assert det is not None
    review = ("The new Vela 5 laptop supports up to 64GB of memory. The Pro edition offers four USB ports and a "
              "brighter display. Our reviewer found that the fan is noisy under load.")
    report = ("Police arrested twelve opposition activists in the capital on Wednesday. The government "
              "accused them of plotting unrest. Their lawyers rejected the charges.")
    rel = [det.relevance([det.probabilities(s + ".") for s in t.split(". ")]) for t in (review, report)]
    assert rel[0] < rel[1]


OFFTOPIC = Path(__file__).parent / "fixtures" / "offtopic"
CONFLICT = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


# The review still reads like news to the article model (relevance 0.64 against a cut-off of 0.59, see
# eval/README_detector.md), but it names no public actor (extract/relevance.py): off-topic all the same.
# The match report is found off-topic, but "City's coach refused to blame the referee" (REJECT, p 0.93) clears
# the off-topic bar (0.9): known gap.
_SPORTS_GAP = pytest.mark.xfail(reason="a sure-sounding REJECT clears the off-topic bar", strict=True)
_GAPS = {"sports-derby.txt": _SPORTS_GAP}


@pytest.mark.slow
@pytest.mark.parametrize("name", [pytest.param(p.name, marks=_GAPS[p.name]) if p.name in _GAPS else p.name
                                  for p in sorted(OFFTOPIC.glob("*.txt"))])
def test_offtopic_copy_yields_no_conflict_events(name: str) -> None:
    """A product review with specs, a match report and an earnings report (written for this test) report
    no conflict event, whatever their verbs ("attacks the problem", "fired a low shot", "beat expectations"),
    and the article keeps its relevance score in meta."""
    det = load_detector()
    if det is None or det.article is None:
        pytest.skip("no shipped model with an article-relevance part")
    from wirewatch.extract import extraction_components
    from wirewatch.model import Article
    from wirewatch.pipeline import Pipeline

    art = Pipeline(extraction_components()).run(Article(id=name, text=(OFFTOPIC / name).read_text()))
    assert art.meta["off_topic"] is True and 0 <= art.meta["event_relevance"] < 1
    assert not [(m.event_type, m.trigger) for m in art.events if m.event_type in CONFLICT]


@pytest.mark.slow
def test_news_report_is_relevant() -> None:
    det = load_detector()
    if det is None or det.article is None:
        pytest.skip("no shipped model with an article-relevance part")
    from wirewatch.extract import extraction_components
    from wirewatch.model import Article
    from wirewatch.pipeline import Pipeline

    art = Pipeline(extraction_components()).run(Article(id="n", published="2024-05-02", text=(
        "Police arrested twelve opposition activists in the capital on Wednesday, a rights group said. "
        "The interior ministry accused them of plotting unrest ahead of the vote. Their lawyers rejected "
        "the charges and said the activists would appeal. Hundreds of supporters protested outside the court.")))
    assert art.meta["off_topic"] is False
    assert {"COERCE", "ACCUSE"} <= {m.event_type for m in art.events}


def test_noun_keep_scale_is_chosen_on_held_out_folds() -> None:
    """choose_noun_keep: noun triggers in NONE rows with middling probabilities and true ones with high
    probabilities -> a scale over the verbs' 0.25, chosen on each fold's complement."""
    from wirewatch.extract import train

    rows, probs = [], []
    for i in range(40):
        true = i % 2 == 0
        r = train.Row(f"t{i}", "PROTEST" if true else train.NONE, 1.0, f"g{i}")
        r.noun_types = {"PROTEST"}
        rows.append(r)
        probs.append([0.6 if true else 0.1])
    P = np.array(probs)
    fold_of = np.array([i % 5 for i in range(40)])
    out = train.choose_noun_keep(P, rows, ["PROTEST"], fold_of)
    # thresholds land at 0.125-0.6 on such rows; a NONE row at 0.1 is kept at 0.25 x threshold but not at 1.0
    assert out["cv"]["f1"] == 1.0 and out["keep_scale"]["none_kept"] > 0
    assert out["scale"] > train.KEEP_SCALE and len(out["fold_scales"]) == 5


def test_sense_cues_count_only_for_a_model_trained_with_them() -> None:
    from wirewatch.extract.detector import FeatureConfig, hashed_counts

    cues = ["s:vc:motion", "lex:RETREAT"]
    with_senses = hashed_counts("They fled.", FeatureConfig(char_ngrams=None, context=True, senses=True), cues)
    without = hashed_counts("They fled.", FeatureConfig(char_ngrams=None, context=True), cues)
    assert sum(with_senses.values()) == sum(without.values()) + 1
