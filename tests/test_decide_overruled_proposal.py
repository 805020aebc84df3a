"""The detector's decision, not the pipeline, drops a proposal that a lexicon rule overruled: a word the
lexicon retyped (AGREE -> SUPPORT for agreeing with a position) gets no proposal of the type it left, however
sure the model is of it (detector.decide_article)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from wirewatch.extract.detector import decide_article, load_detector
from wirewatch.extract.nlp import get_nlp
from wirewatch.extract.ontology import load_ontology

DET = load_detector()
pytestmark = pytest.mark.skipif(DET is None, reason="no shipped event detector model")


def _sure_of(types: set[str]) -> Any:
    """A detector that holds `types` at 0.99 and everything else at nothing, and proposes freely."""
    assert DET is not None
    det = dataclasses.replace(DET, extra_margin=0.0, propose_margin=0.0, place_by_clause=False,
                              one_type_per_word=False, clause_margin=None)
    real = DET.probabilities
    det.probabilities = lambda *a, **k: {u: 0.99 if u in types else 0.0 for u in real(*a, **k)}  # type: ignore[method-assign]
    det.article_relevance = lambda text, probs: (1.0, False)  # type: ignore[method-assign]
    return det


@pytest.mark.parametrize("text", ["The fishermen's union agreed with the court's ruling on the quotas.",
                                  "Two of the senators agreed with the new proposal."])
def test_the_type_a_rule_retyped_away_from_is_not_proposed_back(text: str) -> None:
    sents = list(get_nlp()(text).sents)
    got = [(d.trigger.tok.lemma_, d.trigger.type, d.source)
           for ds in decide_article(sents, load_ontology(), _sure_of({"AGREE", "SUPPORT"})) for d in ds]
    assert got == [("agree", "SUPPORT", "trigger")]
