"""Fusion and conflict rules of h/fusion6 (issue 12), on hand-made mentions in styles the other tests do not use
(a trade-union wire, a farm-ministry bulletin, a river-basin commission's talks, an undated syndicated copy):
the parties of a mutual act compared as one unordered set, and a stand-in date never beating a stated one."""

from __future__ import annotations

from functools import partial

import pytest

from tests.connect_fixtures import add_report, hand_mention
from wirewatch.connect.pairs import mutual_roles, parties
from wirewatch.model import Actor

OSTRA = Actor("Ostravia", "GPE", "OST", "gpe:ostravia")
MERL = Actor("Merlund", "GPE", "MRL", "gpe:merlund")
KAVO = Actor("Kavonia", "GPE", "KVN", "gpe:kavonia")
DOCKERS = Actor("Dockers' Federation", "ORG", None, "org:dockers")
PORTS = Actor("Port Authority", "ORG", None, "org:ports")
MINISTER = Actor("Ilse Varga", "PERSON", "OST", "per:ilse varga")


mention = partial(hand_mention, date="2026-06-09", modality="reported")


def event_of(store, aid: str, trigger: str) -> str:
    return next(ev.id for ev in store.events() for m in ev.mentions if m.article_id == aid and m.trigger == trigger)


# --- a mutual act's parties are one unordered set (pairs.roles / mutual_roles) -----------------------------

@pytest.mark.parametrize("a, b, want", [
    (([OSTRA], [MERL]), ([MERL], [OSTRA]), ("same", "same")),          # "A met B" / "B met A"
    (([OSTRA, MERL], [MERL]), ([OSTRA], [MERL]), ("same", "same")),   # "A and B met" (old reading) / "A met B"
    (([OSTRA], [MERL]), ([MERL, OSTRA], []), ("same", "same")),       # "B and A met", no recipient at all
    (([OSTRA], [MERL]), ([OSTRA], [KAVO]), ("same", "clash")),        # A met B / A met C: two meetings
    (([OSTRA], [MERL]), ([OSTRA], []), ("same", "unknown")),          # one report names one party only
    (([MINISTER, OSTRA], [MERL]), ([MERL], [MINISTER]), ("same", "same")),  # the state beside its minister
])
def test_mutual_parties_compare_as_a_set(a, b, want):
    assert mutual_roles(parties(*a), parties(*b)) == want


def test_talks_written_as_a_and_b_met_fuse_with_a_met_b_and_b_met_a(store):
    # a trade-union wire, a ministry bulletin and a port weekly tell one round of talks three ways
    add_report(store, "union-wire", "Union Wire", [
        mention("CONSULT", "The Dockers' Federation and the Port Authority held talks on Tuesday.", "talks",
                [DOCKERS], [PORTS]),  # "A and B met": the first named acts, the other is its counterpart
    ])
    add_report(store, "ministry-bulletin", "Ministry Bulletin", [
        mention("CONSULT", "The Port Authority met the Dockers' Federation on Tuesday over night shifts.", "met",
                [PORTS], [DOCKERS]),
    ])
    add_report(store, "port-weekly", "Port Weekly", [
        mention("CONSULT", "Dockers' Federation leaders met Port Authority managers on Tuesday.", "met",
                [DOCKERS], [PORTS]),
    ])
    ids = {event_of(store, a, t) for a, t in (("union-wire", "talks"), ("ministry-bulletin", "met"),
                                              ("port-weekly", "met"))}
    assert len(ids) == 1, ids


def test_one_party_meeting_two_others_is_two_meetings(store):
    # a river-basin commission's week: Ostravia meets Merlund on Tuesday and Kavonia on Tuesday too
    add_report(store, "basin-news", "Basin News", [
        mention("CONSULT", "Ostravia held talks with Merlund on water quotas on Tuesday.", "talks", [OSTRA], [MERL]),
    ])
    add_report(store, "delta-herald", "Delta Herald", [
        mention("CONSULT", "Kavonia and Ostravia held talks on water quotas on Tuesday.", "talks", [KAVO], [OSTRA]),
    ])
    assert event_of(store, "basin-news", "talks") != event_of(store, "delta-herald", "talks")


# --- a publication date never beats a stated one (pairs.dates / date_evidence, fusion.Fuser.fuse) ------------

CUSTOMS = Actor("Ostravian customs officers", "ORG", "OST", None)
MERL_POLICE = Actor("Merlund border police", "ORG", "MRL", None)


def _maize_reports(store):
    # a farm-ministry bulletin recalls January's seizure by the other side's police; a wire tells Tuesday's;
    # a regional paper reprints the news line the next day with no day of its own and no side named
    add_report(store, "farm-bulletin", "Farm Ministry Bulletin", [
        mention("COERCE", "In January, Merlund border police seized smuggled maize at the Ostravia border.",
                "seized", [MERL_POLICE], date="2026-01", precision="month"),
    ])
    add_report(store, "north-wire", "North Wire", [
        mention("COERCE", "Ostravian customs officers on Tuesday seized 40 tonnes of smuggled maize at the border.",
                "seized", [CUSTOMS], date="2026-06-09"),
    ])
    add_report(store, "valley-post", "Valley Post", [
        mention("COERCE", "Customs officers seized smuggled maize at the Ostravia border, the ministry said.",
                "seized", [Actor("customs officers")], date="2026-06-10", date_from="published"),
    ])


def test_a_publication_day_cannot_stand_for_a_month_long_before_it():
    old = mention("COERCE", "x", "seized", date="2026-01", precision="month")
    copy = mention("COERCE", "x", "seized", date="2026-06-10", date_from="published")
    recent = mention("COERCE", "x", "seized", date="2026-06", precision="month")
    from wirewatch.connect.pairs import dates
    assert dates(copy, old) == "loose_far"
    assert dates(copy, recent) == "prefix"
    # two stated months are weighed, not ruled out: two reports' versions of one dismissal's month
    assert dates(mention("PERSONNEL", "x", "x", date="2025-09", precision="month"),
                 mention("PERSONNEL", "x", "x", date="2025-10", precision="month")) == "unknown"


def test_an_undated_copy_joins_todays_seizure_not_januarys_background(store):
    _maize_reports(store)
    assert event_of(store, "valley-post", "seized") == event_of(store, "north-wire", "seized")
    assert event_of(store, "valley-post", "seized") != event_of(store, "farm-bulletin", "seized")



# --- a denial of something else answers no claim (conflicts._rejects_as_such) ------------------------------

MERL_FM = Actor("Merlund's foreign ministry", "ORG", "MRL", "org:merlund-fm")
OSTRA_FM = Actor("Ostravia's foreign ministry", "ORG", "OST", "org:ostra-fm")


def test_rejecting_the_accusations_as_such_differs_from_denying_a_report_of_something_else():
    from wirewatch.connect.conflicts import _rejects_as_such

    assert _rejects_as_such(" the accusations as groundless")
    assert _rejects_as_such(" the reports")
    assert not _rejects_as_such(" reports that it had dammed the Lera river upstream")
    assert not _rejects_as_such(" accusations of spying on the delegation")


def test_a_denial_of_another_report_does_not_answer_a_summons(store):
    # a river dispute: Ostravia summons Merlund's envoy over a border shooting; Merlund denies, the next day,
    # reports of a dam it is said to be building, a separate quarrel
    add_report(store, "lera-wire", "Lera Valley Wire", [
        mention("ACCUSE", "Ostravia's foreign ministry summoned Merlund's ambassador on Tuesday over the shooting "
                "of two fishermen on the Lera river.", "summoned", [OSTRA_FM], [MERL], date="2026-06-09"),
    ])
    add_report(store, "merlund-courier", "Merlund Courier", [
        mention("REJECT", "Merlund's foreign ministry on Wednesday denied reports that it had started building a "
                "dam on the Lera river, calling them a fabrication.", "denied", [MERL_FM], date="2026-06-10"),
    ])
    assert not [c for c in store.conflicts() if c.field == "occurrence"]


def test_a_summons_and_a_lodged_protest_name_one_act():
    from wirewatch.connect.pairs import act_of

    assert act_of(mention("ACCUSE", "Kavonia summoned the envoy.", "summoned")) == "summon"
    assert act_of(mention("ACCUSE", "Kavonia lodged a protest.", "lodged")) == "summon"


def test_talks_called_off_contradict_talks_held_whichever_party_each_report_names_first(store):
    # a port-labour wire says the talks took place; a union newsletter, writing the other party first, says
    # they were called off
    add_report(store, "harbour-wire", "Harbour Wire", [
        mention("CONSULT", "The Port Authority held talks with the Dockers' Federation on Tuesday over night "
                "shifts.", "talks", [PORTS], [DOCKERS]),
    ])
    add_report(store, "union-news", "Union News", [
        mention("CONSULT", "The Dockers' Federation did not hold talks with the Port Authority on Tuesday over "
                "night shifts, its secretary said.", "talks", [DOCKERS], [PORTS], modality="negated"),
    ])
    assert [c for c in store.conflicts() if c.field == "occurrence"]
