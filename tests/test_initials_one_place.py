"""The initials a written name is checked against (modality.as_written) are the ones entity_names derives."""

import pytest

from wirewatch.extract.entity_names import letter_initials
from wirewatch.extract.modality import _unless_initials


@pytest.mark.parametrize(("name", "initials"), [
    ("Harbour Pilots Guild of Tasmania", "HPGT"),   # "of" skipped
    ("Bureau of the Census", "BC"),                  # "of", "the" skipped
    ("Union of Five Rivers", "UFR"),                 # a number word is a letter here, never a digit
    ("Comité de Vigilance", "CV"),                   # the particle is skipped as the resolver skips it
    ("", ""),
])
def test_letter_initials_of_made_up_names(name: str, initials: str) -> None:
    assert letter_initials(name) == initials


def test_written_initials_give_way_to_the_full_name_but_a_numbered_short_name_stays() -> None:
    assert _unless_initials("H.P.G.T.", "Harbour Pilots Guild of Tasmania") == "Harbour Pilots Guild of Tasmania"
    assert _unless_initials("U5R", "Union of Five Rivers") == "U5R"
    assert _unless_initials("the Guild", "Harbour Pilots Guild of Tasmania") == "the Guild"
