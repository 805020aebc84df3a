"""Fusion and conflict rules of h/fusion5 (issue 12), on hand-made mentions in storylines and styles the other
tests do not use (a mountain-province casualty report, a fuel-convoy relief operation told by a ministry
bulletin and a regional weekly, a port-strike standoff, a rail-union dispute): one group of people in other
words, an ongoing activity against one dated act, a plan against its execution, roles reversed, and one
sentence's two clauses counted once."""

from __future__ import annotations

from functools import partial

from tests.connect_fixtures import add_report, hand_mention
from wirewatch.connect.pairs import ongoing
from wirewatch.model import Actor

VARNA = Actor("Varnavia", "GPE", "VRN", "gpe:varnavia")
TORSK = Actor("Torsk", "GPE", "TRS", "gpe:torsk")
UNION = Actor("Rail Workers' Union", "ORG", None, "org:rwu")
HALDEN = Actor("Halden Front", "ORG", None, "org:halden")


mention = partial(hand_mention, date="2026-05-04", modality="reported")


def report(store, aid, outlet, ms, story="s1"):
    # The trigger offsets are the sentence's own; pairs.ongoing falls back to finding the trigger in it.
    return add_report(store, aid, outlet, ms, story)


def event_of(store, aid: str, trigger: str) -> str:
    return next(ev.id for ev in store.events() for m in ev.mentions if m.article_id == aid and m.trigger == trigger)


# --- one group of people in other words (pairs.recipients_overlap, data/acts.yaml `groups`) -----------------

def test_villagers_and_residents_of_one_report_are_one_group_of_victims(store):
    report(store, "hill-gazette", "Hill Province Gazette", [
        mention("ASSAULT", "Three villagers were wounded when shells landed on Orlec on Saturday.", "wounded",
                recipient=[Actor("villagers")]),
        mention("ASSAULT", "The residents were wounded near the market on Saturday, the district nurse said.",
                "wounded", recipient=[Actor("residents")]),
    ])
    assert len(store.events()) == 1


def test_one_report_still_tells_its_victims_and_the_attackers_apart(store):
    report(store, "hill-gazette", "Hill Province Gazette", [
        mention("ASSAULT", "Four servicemen were killed in an ambush on the Orlec road on Saturday.", "killed",
                recipient=[Actor("servicemen")]),
        mention("ASSAULT", "Border guards later killed two gunmen on the same road on Saturday.", "killed",
                [Actor("border guards")], [Actor("gunmen")]),
    ])
    assert len(store.events()) == 2


# --- an ongoing activity is not one dated act (pairs.ongoing) ------------------------------------------------

def test_ongoing_markers():
    def m(sentence, trigger):
        return mention("AID", sentence, trigger)

    assert ongoing(m("The ministry keeps sending fuel convoys to the border towns.", "sending"))
    assert ongoing(m("Torsk has repeatedly supplied the rebels, officials said.", "supplied"))
    assert ongoing(m("The agency has been delivering water to the camps since March.", "delivering"))
    assert ongoing(m("Varnavia continues to send generators to the valley.", "send"))
    assert not ongoing(m("A convoy delivered 20 tankers of fuel to Rivne on Monday.", "delivered"))
    assert not ongoing(m("The agency has delivered water to the camps.", "delivered"))


def test_an_ongoing_shipment_line_neither_fuses_with_a_dated_delivery_nor_sets_a_date_against_it(store):
    report(store, "ministry-bulletin", "Ministry Bulletin", [
        mention("AID", "Varnavia keeps sending fuel convoys to the border towns, the ministry said on Monday.",
                "sending", [VARNA], [TORSK], date="2026-05-04"),
    ])
    report(store, "valley-weekly", "Valley Weekly", [
        mention("AID", "Varnavia delivered a convoy of 20 fuel tankers to the border towns last month.",
                "delivered", [VARNA], [TORSK], date="2026-04", precision="month"),
    ])
    assert event_of(store, "ministry-bulletin", "sending") != event_of(store, "valley-weekly", "delivered")
    assert not [c for c in store.conflicts() if c.field == "date"]


def test_two_outlets_ongoing_lines_are_one_activity_without_a_date_conflict(store):
    report(store, "ministry-bulletin", "Ministry Bulletin", [
        mention("AID", "Varnavia keeps sending fuel convoys to the border towns of Torsk, the ministry said "
                "on Monday.", "sending", [VARNA], [TORSK], date="2026-05-04"),
    ])
    report(store, "valley-weekly", "Valley Weekly", [
        mention("AID", "Varnavia continues to send fuel convoys to the border towns of Torsk, aid workers said "
                "on Wednesday.", "send", [VARNA], [TORSK], date="2026-05-06"),
    ])
    assert event_of(store, "ministry-bulletin", "sending") == event_of(store, "valley-weekly", "send")
    assert not [c for c in store.conflicts() if c.field == "date"]


# --- a plan is not its execution (pairs.gate_reason 'plan-vs-act') ------------------------------------------

MINISTER = Actor("Ilse Varga", "PERSON", "VRN", "per:varga")
DOCKERS = Actor("Dockworkers' Guild", "ORG", "VRN", "org:dockers")


def test_an_intention_does_not_fuse_with_the_act_of_other_parties(store):
    report(store, "harbour-news", "Harbour News", [
        mention("REQUEST", "Transport minister Ilse Varga plans to urge the port owners to reopen the "
                "container terminal.", "urge", [MINISTER], [Actor("port owners")], date=None, modality="planned"),
    ])
    report(store, "coast-radio", "Coast Radio", [
        mention("REQUEST", "The Dockworkers' Guild on Tuesday urged the government to reopen the container "
                "terminal.", "urged", [DOCKERS], [Actor("government")], date="2026-05-05", modality="asserted"),
    ])
    assert event_of(store, "harbour-news", "urge") != event_of(store, "coast-radio", "urged")


def test_a_scheduled_meeting_and_its_report_are_one_meeting(store):
    report(store, "harbour-news", "Harbour News", [
        mention("CONSULT", "Ilse Varga will meet the Dockworkers' Guild on Tuesday to end the port strike.",
                "meet", [MINISTER], [DOCKERS], date="2026-05-05", modality="planned"),
    ])
    report(store, "coast-radio", "Coast Radio", [
        mention("CONSULT", "Ilse Varga met the Dockworkers' Guild on Tuesday, but the port strike goes on.",
                "met", [MINISTER], [DOCKERS], date="2026-05-05", modality="asserted"),
    ])
    assert event_of(store, "harbour-news", "meet") == event_of(store, "coast-radio", "met")


# --- roles reversed (pairs.roles_reversed) ------------------------------------------------------------------

def test_a_groups_claimed_killing_is_not_the_strike_that_killed_its_fighters(store):
    report(store, "frontier-post", "Frontier Post", [
        mention("ASSAULT", "In a statement, the Halden Front said it had killed 12 soldiers near Brask on "
                "Monday.", "killed", [HALDEN], [Actor("soldiers")], date="2026-05-04", modality="claimed"),
    ])
    report(store, "state-radio", "Varnavian State Radio", [
        mention("ASSAULT", "Air force jets killed 40 Halden Front fighters near Brask on Monday, the army said.",
                "killed", [Actor("air force jets")], [Actor("Halden Front fighters")], date="2026-05-04"),
    ])
    assert event_of(store, "frontier-post", "killed") != event_of(store, "state-radio", "killed")


def test_talks_are_mutual_whichever_party_is_written_first(store):
    report(store, "rail-gazette", "Rail Gazette", [
        mention("CONSULT", "The Rail Workers' Union held talks with Varnavia's transport ministry on Monday.",
                "talks", [UNION], [VARNA], date="2026-05-04"),
    ])
    report(store, "capital-daily", "Capital Daily", [
        mention("CONSULT", "Varnavia's transport ministry held talks with the Rail Workers' Union on Monday.",
                "talks", [VARNA], [UNION], date="2026-05-04"),
    ])
    assert event_of(store, "rail-gazette", "talks") == event_of(store, "capital-daily", "talks")


# --- a report's own background denial is context to its news (conflicts._scope) -----------------------------

TORSK_MINISTRY = Actor("Torsk's foreign ministry", "ORG", "TRS", "org:torsk-fm")


def test_a_reports_background_denial_does_not_contradict_the_news_it_tells_with_other_outlets(store):
    report(store, "wire-one", "Northern Wire", [
        mention("AID", "Torsk has sent 500 fighters and crates of rifles to the Halden Front, border officials "
                "said on Monday.", "sent", [TORSK], [HALDEN], date="2026-05-04"),
        mention("REJECT", "Torsk has repeatedly denied any transfer of rifles or fighters to the Halden Front.",
                "denied", [TORSK], date="2026-05-04", date_from="published"),
    ])
    report(store, "wire-two", "Southern Ledger", [
        mention("AID", "Torsk sent 500 fighters and crates of rifles to the Halden Front, border officials said "
                "Monday.", "sent", [TORSK], [HALDEN], date="2026-05-04"),
    ])
    assert not [c for c in store.conflicts() if c.field == "occurrence"]
    # A denial of that very act, told by another report, still answers the news.
    report(store, "wire-three", "Eastern Courier", [
        mention("REJECT", "Torsk's foreign ministry on Tuesday rejected reports that it had sent fighters and "
                "rifles to the Halden Front.", "rejected", [TORSK_MINISTRY], date="2026-05-05"),
    ])
    assert [c for c in store.conflicts() if c.field == "occurrence"]


# --- who acted first: versions of one attack from two reports (conflicts._who_did_it) -----------------------

def test_a_standing_war_line_is_no_version_of_one_attack(store):
    report(store, "hill-gazette", "Hill Province Gazette", [
        mention("ASSAULT", "The Halden Front has been fighting Varnavian troops in the northern hills for "
                "months, the governor said on Monday.", "fighting", [HALDEN], [VARNA], date="2026-05-04"),
    ])
    report(store, "state-radio", "Varnavian State Radio", [
        mention("ASSAULT", "Varnavian troops attacked Halden Front positions near Brask on Monday.", "attacked",
                [VARNA], [HALDEN], date="2026-05-04"),
    ])
    assert not [c for c in store.conflicts() if c.field == "actor"]


def test_two_sides_naming_each_other_in_two_reports_is_a_who_acted_conflict(store):
    report(store, "frontier-post", "Frontier Post", [
        mention("ASSAULT", "Varnavian troops attacked Halden Front positions near Brask on Monday, the Front "
                "said.", "attacked", [VARNA], [HALDEN], date="2026-05-04"),
    ])
    report(store, "state-radio", "Varnavian State Radio", [
        mention("ASSAULT", "Halden Front fighters attacked army positions near Brask on Monday, the army said.",
                "attacked", [HALDEN], [VARNA], date="2026-05-04"),
    ])
    assert [c for c in store.conflicts() if c.field == "actor"]


def test_a_domestic_clash_is_no_two_sides_naming_each_other(store):
    # Police, gunmen and the people each attacked, all of one country: the country tells no side apart, so two
    # reports of two acts on one day (police on marchers, gunmen on villagers) are no mutual blame.
    police = Actor("Varnavian police", "ORG", "VRN", None)
    marchers = Actor("marchers in Orsk", "PERSON", "VRN", None)
    gunmen = Actor("gunmen", "ORG", "VRN", None)
    villagers = Actor("villagers near Orsk", "PERSON", "VRN", None)
    report(store, "hill-gazette", "Hill Province Gazette", [
        mention("ASSAULT", "Varnavian police beat marchers in Orsk with batons on Monday.", "beat",
                [police], [marchers], date="2026-05-04"),
    ])
    report(store, "state-radio", "Varnavian State Radio", [
        mention("ASSAULT", "Gunmen raided a hamlet outside Orsk on Monday and beat several villagers.", "raided",
                [gunmen], [villagers], date="2026-05-04"),
    ])
    assert not [c for c in store.conflicts() if c.field == "actor"]


def test_one_reports_witness_and_the_groups_claim_are_no_two_versions(store):
    witness = Actor("Anna Lind", "PERSON", "VRN", "per:lind")
    report(store, "frontier-post", "Frontier Post", [
        mention("ASSAULT", "Anna Lind said gunfire rang out from the Brask hotel on Monday morning.", "gunfire",
                [witness], [Actor("hotel")], date="2026-05-04"),
        mention("ASSAULT", "In a statement, the Halden Front said its fighters attacked the Brask hotel on "
                "Monday.", "attacked", [HALDEN], [Actor("hotel")], date="2026-05-04"),
    ])
    report(store, "state-radio", "Varnavian State Radio", [
        mention("ASSAULT", "Gunmen attacked the Brask hotel on Monday, the army said.", "attacked",
                [Actor("gunmen")], [Actor("hotel")], date="2026-05-04"),
    ])
    assert not [c for c in store.conflicts() if c.field == "actor"]


def test_a_decision_about_the_very_person_the_report_names_joins_its_report(store):
    coach = Actor("Ivo Brandt", "PERSON", "VRN", "per:brandt")
    club = Actor("Dynamo Orlec", "ORG", "VRN", "org:dynamo-orlec")
    report(store, "sports-desk", "Orlec Sports Desk", [
        mention("PERSONNEL", "Dynamo Orlec decided to dismiss coach Ivo Brandt after a seventh straight defeat.",
                "dismiss", [club], [coach], date=None, modality="planned"),
    ])
    report(store, "evening-post", "Evening Post", [
        mention("PERSONNEL", "Ivo Brandt was dismissed by Dynamo Orlec on Monday after seven straight defeats.",
                "dismissed", [club], [coach], date="2026-05-04", modality="asserted"),
    ])
    assert event_of(store, "sports-desk", "dismiss") == event_of(store, "evening-post", "dismissed")
