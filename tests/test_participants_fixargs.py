"""h/fixargs: one test of our own (another style of report) next to each defect of tests/review/test_review_args6.py."""

from __future__ import annotations

import pytest

from tests.participant_fixtures import mention, names
from wirewatch.extract import extraction_components
from wirewatch.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(extraction_components())


def test_a_region_the_country_owns_leaves_the_government_that_country(pipe: Pipeline) -> None:
    # a domestic deployment in a briefing style: the possessed place is the country's own, not another side
    m = mention(pipe, "Mexico is struggling with cartel violence. The government deployed 500 soldiers to "
                      "Mexico's western states on Sunday, officials said.", "deployed")
    assert names(m.actor) == ["Mexico"], names(m.actor)


def test_a_country_owning_the_envoy_is_still_the_other_side(pipe: Pipeline) -> None:
    # the possessive rule stays for a country's representative: the government is not Brazil
    m = mention(pipe, "Brazil has criticised the tariffs. The government expelled Brazil's ambassador on "
                      "Friday.", "expelled")
    assert "Brazil" not in names(m.actor), names(m.actor)
