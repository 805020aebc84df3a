"""Fusion and conflict rules of h/fusion5 (issue 12), on hand-made mentions in storylines and styles the other
tests do not use (a mountain-province casualty report, a fuel-convoy relief operation told by a ministry
bulletin and a regional weekly, a port-strike standoff, a rail-union dispute): one group of people in other
words, an ongoing activity against one dated act, a plan against its execution, roles reversed, and one
sentence's two clauses counted once."""

from __future__ import annotations

from tests.connect_fixtures import add_report
from wirewatch.connect.pairs import ongoing
from wirewatch.model import Actor, EventMention

VARNA = Actor("Varnavia", "GPE", "VRN", "gpe:varnavia")
TORSK = Actor("Torsk", "GPE", "TRS", "gpe:torsk")
UNION = Actor("Rail Workers' Union", "ORG", None, "org:rwu")
HALDEN = Actor("Halden Front", "ORG", None, "org:halden")


def mention(etype, sentence, trigger, actor=(), recipient=(), date="2026-05-04", date_from="text",
            modality="reported", precision="day", start=None):
    m = EventMention(article_id="", event_type=etype, sentence=sentence, start=0, end=0, trigger=trigger,
                     actor=list(actor), recipient=list(recipient), modality=modality, date=date,
                     date_precision=precision if date else None, date_from=date_from if date else None)
    at = sentence.find(trigger)
    m.trigger_start, m.trigger_end = at, at + len(trigger)
    return m


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
