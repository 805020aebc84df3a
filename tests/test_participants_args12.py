"""Issue 11, participants round 2 (h/args12): who acts when the clause doesn't name them.

The reports (tests/args12_reports.py) were written for this round, before the rules were changed; first run on
the unchanged rules: 8 of 15 right (one trigger the detector does not find). The unit tests below pin each kind
in one more new wording.
"""

from __future__ import annotations

import pytest

from tests.args12_reports import REPORTS
from tests.participant_fixtures import events, names
from wirewatch.pipeline import Pipeline

# The detector does not find "accused" after "weeks in which it": a trigger miss, not the participants' rules.
_DETECTOR_MISSES = frozenset({"it-after-ban"})


@pytest.mark.parametrize("rid,text,trigger,want", [r for r in REPORTS if r[0] not in _DETECTOR_MISSES],
                         ids=[r[0] for r in REPORTS if r[0] not in _DETECTOR_MISSES])
def test_report_actor(pipe: Pipeline, rid: str, text: str, trigger: str, want: tuple[str, ...] | None) -> None:
    hits = [m for m in events(pipe, text) if m.trigger == trigger]
    assert hits, rid
    got = [a.name.lower() for a in hits[0].actor]
    if want is None:
        assert got == [], rid
    else:
        assert any(w in g for w in want for g in got), (rid, got)


def test_acting_it_skips_an_artefact_noun_but_a_moving_one_keeps_it(pipe: Pipeline) -> None:
    # sports copy: "the trophy" cannot have "threatened"; the club that paid for it did
    text = ("Real Oviedo won the cup final in Madrid. The trophy was made in Toledo, and on Monday it threatened "
            "to sue the federation over ticket sales.")
    m = next(m for m in events(pipe, text) if m.trigger == "threatened")
    assert "oviedo" in " ".join(names(m.actor)).lower()


def test_the_government_stays_as_written_between_two_states(pipe: Pipeline) -> None:
    # business copy: two states alike, so "the government" is neither of them
    text = ("Chile and Peru signed a copper export pact on Wednesday. On Friday the government rejected a "
            "request by mining unions to delay it.")
    m = next(m for m in events(pipe, text) if m.trigger == "rejected")
    assert not {"chile", "peru"} & {a.name.lower() for a in m.actor}


def test_the_government_with_a_time_phrase_is_the_datelines_state(pipe: Pipeline) -> None:
    text = "BAGHDAD, Iraq (Wire) - The government on Monday accused Turkey of bombing villages near Zakho."
    m = next(m for m in events(pipe, text) if m.trigger == "accused")
    assert names(m.actor) == ["Iraq"]


def test_quoted_we_of_people_told_by_a_common_noun_is_their_body(pipe: Pipeline) -> None:
    # US local labour copy: "the nurses" said it, and they are nurses from the association
    text = ('Nurses from the Ohio Nurses Association marched in Columbus on Monday. "We rejected the contract '
            'because it cuts staffing," the nurses said. "We will strike if the hospital does not return to talks."')
    evs = events(pipe, text)
    m = next(m for m in evs if m.trigger == "rejected")
    assert names(m.actor) == ["Ohio Nurses Association"]
    m = next(m for m in evs if m.trigger == "strike")
    assert names(m.actor) == ["Ohio Nurses Association"]


def test_an_event_noun_controls_no_acting_infinitive(pipe: Pipeline) -> None:
    # medical business copy: the recall's subject clause does not make the recall the one who bans
    text = "Doctors say the recall of the pacemaker will add to pressure on the regulator to ban devices made by " \
           "Corvane Medical."
    m = next(m for m in events(pipe, text) if m.trigger == "ban")
    assert "recall" not in " ".join(names(m.actor)).lower()


def test_a_conjunct_hung_inside_the_reported_clause_is_the_speakers(pipe: Pipeline) -> None:
    # US local government copy: "urged" is the mayor's, not the plan's, however the parser hangs it
    text = "Mayor Dana Ortiz said the plan aims to hire 40 officers and urged the council to approve it."
    m = next(m for m in events(pipe, text) if m.trigger == "urged")
    assert names(m.actor) == ["Dana Ortiz"]


def test_impersonal_others_acts_as_no_one(pipe: Pipeline) -> None:
    # school-board copy: "Others" is nobody in particular, as "Some" and "Many" are
    m = next(m for m in events(pipe, "Others accused the school board in Yuma of hiding the report.")
             if m.trigger == "accused")
    assert m.actor == []
