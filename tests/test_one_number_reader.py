"""One reader of written numbers (timex_base.read_words): the timex tagger's strings and the figures of
quantities.py read alike, and each says where it is stricter."""

from __future__ import annotations

import pytest

from wirewatch.extract.quantities import read_number
from wirewatch.extract.timex_base import read_words, words_to_number

# Phrases a reporter writes for a count; both readers must agree on every one of them.
AGREED = {
    "a dozen": 12.0,
    "three dozen": 36.0,
    "ninety - nine": 99.0,  # as the tokenizer splits "ninety-nine"
    "four hundred and six": 406.0,
    "an even hundred": 100.0,
    "seventy thousand two hundred": 70200.0,
    "1.5 trillion": 1.5e12,
    "0.5 million": 5e5,
}


@pytest.mark.parametrize(("phrase", "value"), sorted(AGREED.items()))
def test_a_figure_reads_as_its_words_say(phrase: str, value: float) -> None:
    assert read_number(phrase.split()) == value
    if not phrase.startswith("an even"):
        assert words_to_number(phrase) == value


def test_the_strict_reader_refuses_what_it_cannot_read_whole() -> None:
    # a timex count is all number or it is an unknown count (X): no word is passed over
    assert words_to_number("half a dozen") is None
    assert words_to_number("an even hundred") is None
    assert read_words(["a", "dozen"]) == 12.0 and read_words(["the", "dozen"]) is None
    assert read_words(["the", "dozen"], lenient=True) == 12.0


def test_plural_scales_are_vague_alone_and_multiply_inside_a_figure() -> None:
    assert words_to_number("hundreds of") is None and words_to_number("thousands") is None
    assert read_number(["5", "thousands"]) == 5000.0
    assert read_number(["some", "several"]) is None  # words, but no number among them
