"""One walk for the issuer a text names (attribution.named_issuers), read by both the actor side and the
source side: a verb of issuing names an issuer, a verb of carrying names only the outlet a reader has it from."""

from __future__ import annotations

from wirewatch.extract.attribution import named_issuers
from wirewatch.extract.nlp import get_nlp


def _named(text: str, noun: str, carriers: bool = False) -> list[str]:
    doc = get_nlp()(text)
    report = next(t for t in doc if t.lower_ == noun)
    return [t.text for t in named_issuers(report, carriers=carriers)]


def test_a_text_put_out_by_a_body_names_it_either_way() -> None:
    text = "A communique circulated by the harbour authority on Sunday blamed the pilots."
    assert _named(text, "communique") == ["authority"] == _named(text, "communique", carriers=True)


def test_an_outlet_that_ran_a_text_is_a_source_and_no_issuer() -> None:
    text = "The letter, carried by the provincial broadcaster, denounced the governor."
    assert _named(text, "letter") == []
    assert _named(text, "letter", carriers=True) == ["broadcaster"]
