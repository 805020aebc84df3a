"""An article whose public actors are people named without a title (two leaders meeting) is not off-domain;
a review or a match report that names one person still is (relevance.off_domain)."""

from __future__ import annotations

import pytest

from wirewatch.extract.nlp import get_nlp
from wirewatch.extract.ontology import load_ontology
from wirewatch.extract.relevance import off_domain


@pytest.mark.parametrize(("text", "off"), [
    ("Ilham Rasulov met Petra Novak in Vienna on Monday. The two spoke for an hour. Later, Rasulov asked for "
     "more time.", False),
    ("Marta Ruiz phoned Omar Haddad after the vote. Haddad declined to comment. The call lasted ten minutes.", False),
    ("Lena Brandt won the final in straight sets. The 22-year-old served eleven aces. Her coach praised the "
     "return game.", True),
])
def test_people_dealing_with_each_other_are_public_actors(text: str, off: bool) -> None:
    doc = get_nlp()(text)
    assert off_domain(list(doc.sents), load_ontology()) is off
