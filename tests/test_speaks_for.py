"""speaks_for: a bare "A spokesman said ..." / "The spokeswoman denied ..." at the
start of a sentence must not be read as a body named "A" / "The" (the article is no
capitalised name); such a body would stand as the event's actor in decisions and conflict explanations."""

from __future__ import annotations

import pytest

from wirewatch.connect.pairs import speaks_for
from wirewatch.model import Actor


@pytest.mark.parametrize("sentence", [
    "A spokesman said the troops had not crossed the border.",
    "The spokeswoman denied the report on Tuesday.",
])
def test_a_sentence_initial_article_is_not_the_body_spoken_for(sentence: str) -> None:
    spk = Actor("spokesman", None, None, None, "spokesman")
    got = speaks_for(spk, sentence)
    assert got.name.lower() not in ("a", "the"), got
