"""h/fixfus: one test of another style beside each reviewer test of tests/review/test_review_fusion5.py, so
that each fixed rule shows general (other verbs, other clause shapes, other countries, other groups)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.connect_fixtures import add_report, hand_mention
from wirewatch.connect.pairs import _plays, ongoing, own_day
from wirewatch.model import Actor, Location

mention = partial(hand_mention, date="2026-05-05", modality="asserted")


def event_of(store, aid: str, trigger: str) -> str:
    return next(ev.id for ev in store.events() for m in ev.mentions if m.article_id == aid and m.trigger == trigger)


# (1, 2, 8) the marker must be in the trigger's own verb group -----------------------------------------------
@pytest.mark.parametrize("sentence, trigger, expected", [
    # another clause's marker, joined by "but" / "while", or closed by a comma
    ("Strikes continued at the port, but troops seized the depot.", "seized", False),
    ("The rebels still hold the hills while the army shelled the pass.", "shelled", False),
    ("Officials, often critical of the plan, approved the budget.", "approved", False),
    # the trigger's own group, with auxiliaries, "to" or "also" between
    ("The navy has also repeatedly intercepted fishing boats.", "intercepted", True),
    ("Militias continued to attack convoys along the road.", "attack", True),
    ("The army is still shelling the old town.", "shelling", True),
])
def test_ongoing_reads_only_the_triggers_own_verb_group(sentence, trigger, expected):
    assert ongoing(mention("ASSAULT", sentence, trigger, date=None)) is expected


# (7) a marker does not override the act's own stated day ----------------------------------------------------
def test_a_repeated_act_of_a_named_day_is_dated_but_a_habit_or_the_statements_day_is_not():
    dated = mention("ASSAULT", "Drones repeatedly struck the refinery at Ust-Luga on Sunday, the governor said.",
                    "struck")
    assert own_day(dated) and not ongoing(dated)
    habit = mention("ASSAULT", "Drones repeatedly struck the refinery every Sunday, the governor said.", "struck")
    assert ongoing(habit)
    said = mention("AID", "The agency keeps delivering water to the camps, officials said on Sunday.", "delivering")
    assert not own_day(said) and ongoing(said)
    # a publication date standing in is no day of the act's own
    assert ongoing(mention("ASSAULT", "Drones repeatedly struck the refinery on Sunday.", "struck",
                           date_from="published"))


# (3) a plan joins only an act of its own day ------------------------------------------------------------------
def test_a_decision_told_on_the_act_day_joins_but_one_acted_on_a_week_later_does_not(store):
    minister = Actor("Lena Koss", "PERSON", "VRN", "per:koss")
    govt = Actor("Varnavian government", "ORG", "VRN", "org:varnavian-government")
    add_report(store, "capital-news", "Capital News", [
        mention("PERSONNEL", "The Varnavian government intends to sack minister Lena Koss, aides said.", "sack",
                [govt], [minister], date="2026-05-04", modality="planned", date_from="published"),
    ])
    add_report(store, "later-wire", "Later Wire", [
        mention("PERSONNEL", "The Varnavian government sacked minister Lena Koss on Monday.", "sacked",
                [govt], [minister], date="2026-05-11"),
    ])
    add_report(store, "same-day-wire", "Same Day Wire", [
        mention("PERSONNEL", "The Varnavian government sacked minister Lena Koss on Monday.", "sacked",
                [govt], [minister], date="2026-05-04"),
    ])
    plan = event_of(store, "capital-news", "sack")
    assert plan != event_of(store, "later-wire", "sacked")
    assert plan == event_of(store, "same-day-wire", "sacked")


# (4) whole names, not suffixes --------------------------------------------------------------------------------
def test_a_country_is_not_a_member_of_the_country_whose_name_ends_with_it():
    guinea = Actor("Guinea", "GPE", "GIN", "gpe:guinea")
    assert not _plays(guinea, Actor("Equatorial Guinea", "GPE", "GNQ", "gpe:equatorial-guinea"))
    assert not _plays(Actor("Niger", "GPE", "NER", "gpe:niger"), Actor("Nigeria", "GPE", "NGA", "gpe:nigeria"))
    # a group and its members still are one side
    assert _plays(Actor("al-Shabab", "ORG"), Actor("al-Shabab militants"))
    assert _plays(Actor("Kelvonia", "GPE", "KLV", "gpe:kelvonia"), Actor("troops of Kelvonia", None, "KLV"))


# (5) synonyms of a group do not join victims of two named places -----------------------------------------------
def test_soldiers_and_troops_killed_in_two_towns_of_one_report_are_two_events(store):
    add_report(store, "sahel-desk", "Sahel Desk", [
        mention("ASSAULT", "Six soldiers were killed in an ambush near Gao on Sunday.", "killed",
                recipient=[Actor("soldiers")], date="2026-05-03", location=Location("Gao", "Gao", "MLI")),
        mention("ASSAULT", "Elsewhere, four troops were killed by a roadside bomb outside Menaka on Sunday.",
                "killed", recipient=[Actor("troops")], date="2026-05-03",
                location=Location("Menaka", "Menaka", "MLI")),
    ])
    ids = {ev.id for ev in store.events() for m in ev.mentions if m.article_id == "sahel-desk"}
    assert len(ids) == 2


# (6) a mutual act's parties are one set ------------------------------------------------------------------------
def test_a_clash_told_from_either_side_has_no_party_conflict_but_a_third_party_does(store):
    herders = Actor("Fulani herders", "ORG", "NGA", "org:fulani-herders")
    farmers = Actor("Tiv farmers", "ORG", "NGA", "org:tiv-farmers")
    add_report(store, "benue-a", "Benue Voice", [
        mention("ASSAULT", "Fulani herders clashed with Tiv farmers near Makurdi on Sunday.", "clashed",
                [herders], [farmers], date="2026-05-03", location=Location("Makurdi", "Makurdi", "NGA")),
    ])
    add_report(store, "benue-b", "Plateau Times", [
        mention("ASSAULT", "Tiv farmers clashed with Fulani herders near Makurdi on Sunday.", "clashed",
                [farmers], [herders], date="2026-05-03", location=Location("Makurdi", "Makurdi", "NGA")),
    ])
    assert event_of(store, "benue-a", "clashed") == event_of(store, "benue-b", "clashed")
    assert not [c for c in store.conflicts() if c.field in ("actor", "recipient")]
