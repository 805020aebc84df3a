"""Chaining, the failure of greedy clustering: an event that has gathered several mentions must not match
whatever any one of them matches. Two small multi-outlet scenarios in storylines and styles the other tests
do not use (hand-made mentions, no spaCy): a hotel raid on a lake port told by a regional daily that also
reports the next day's air raids, a radio bulletin and a wire; a week of summits told by a diplomatic
newsletter, a business paper and an agency that quotes a joint statement "from the site of their talks"."""

from __future__ import annotations

from functools import partial

from tests.connect_fixtures import hand_mention
from wirewatch.connect import fuse_events
from wirewatch.connect.fusion import support
from wirewatch.model import Actor, Article, Location

MARU = Actor("Marutania", "GPE", "MRT", "gpe:marutania")
KEL = Actor("Kelvonia", "GPE", "KLV", "gpe:kelvonia")
OSTRA = Actor("Ostrava Republic", "GPE", "OSR", "gpe:ostrava")


def add(store, aid, outlet, mentions, story):
    text = " ".join(m.sentence for m in mentions)
    art = Article(id=aid, text=text, outlet=outlet, story_id=story, content_hash=aid)
    store.insert_article(art)
    store.set_story(aid, story)
    pos = 0
    for m in mentions:
        m.article_id = aid
        if not m.end:  # a mention sharing the sentence before keeps its offsets
            m.start, m.end = pos, pos + len(m.sentence)
            pos = m.end + 1
    art.events = mentions
    store.save_extraction(art)
    fuse_events(store, art)
    return art


mention = partial(hand_mention, date="2026-02-08", date_from="published", modality="reported", trigger_offsets=False)


def events_of(store, aid):
    return {m.id: ev.id for ev in store.events() for m in ev.mentions if m.article_id == aid}


def test_a_raid_report_keeps_the_attack_the_kill_of_the_attackers_and_the_air_raids_apart(store):
    daily = [
        mention("ASSAULT", "Gunmen stormed the Lakeview Hotel in the port of Kisaru before dawn on Sunday, and "
                "four guests were killed, the regional governor said.", "killed", recipient=[Actor("guests")]),
        mention("ASSAULT", "Police commanders said their units killed all five attackers after a standoff that "
                "lasted most of the day.", "killed", [Actor("units")], [Actor("attackers")]),
        mention("ASSAULT", "Hours after the standoff ended, army drones killed at least 30 insurgents in the "
                "hills east of the port, the defence ministry said.", "killed", [Actor("army drones")],
                [Actor("insurgents")]),
    ]
    add(store, "lakeside-daily", "Lakeside Daily Courier", daily, "s-kisaru")
    own = events_of(store, "lakeside-daily")
    assert len(set(own.values())) == 3  # three acts of one report, told apart by whom they killed

    bulletin = [mention("ASSAULT", "Four hotel guests were killed when armed men raided a hotel in Kisaru, "
                        "residents told our correspondent.", "killed", recipient=[Actor("hotel guests")])]
    add(store, "radio-kisaru", "Radio Kisaru Evening Bulletin", bulletin, "s-kisaru")
    (joined,) = events_of(store, "radio-kisaru").values()
    attack, _kill, raids = (own[m.id] for m in daily)
    assert joined == attack  # the other outlet's report of the raid joins the raid only
    assert joined != raids
    members = next(ev for ev in store.events() if ev.id == attack).mentions
    assert {m.article_id for m in members} == {"lakeside-daily", "radio-kisaru"} and len(members) == 2


def test_a_week_of_summits_is_not_chained_through_a_statement_from_the_site_of_their_talks(store):
    geneva = Location(name="Geneva", country="CHE", text="Geneva")
    nairobi = Location(name="Nairobi", country="KEN", text="Nairobi")
    newsletter = [mention("CONSULT", "The foreign ministers of Marutania and Kelvonia held talks in Geneva on "
                          "Monday on the disputed river border.", "talks", [MARU, KEL], date="2026-02-09",
                          date_from="text", location=geneva)]
    wire = [mention("CONSULT", "Kelvonia's foreign minister said after the Geneva talks with Marutania that a "
                    "river commission would meet within a month.", "talks", [KEL], [MARU], date="2026-02-10")]
    statement = [mention("CONSULT", "\u201cWe call on all parties to keep the waterways open,\u201d the ministers said "
                         "in a joint statement from the site of their talks.", "talks", [Actor("ministers")],
                         date=None)]
    paper = [mention("CONSULT", "Trade delegates of Ostrava and its neighbours opened talks in Nairobi on "
                     "Wednesday on a customs union.", "talks", [Actor("trade delegates")], date="2026-02-11",
                     date_from="text", location=nairobi)]
    add(store, "river-letter", "The Diplomatic Letter", newsletter, "s-week")
    add(store, "agency", "Continental Press Agency", statement, "s-week")
    add(store, "wire", "Eastern Wire Service", wire, "s-week")
    add(store, "business", "The Business Chronicle", paper, "s-week")
    ev = {aid: next(iter(events_of(store, aid).values())) for aid in ("river-letter", "agency", "wire", "business")}
    assert ev["river-letter"] == ev["wire"]  # one summit, its parties named by both reports
    assert ev["agency"] != ev["river-letter"]  # "their talks": which talks, no party, place or day says
    assert ev["business"] not in (ev["river-letter"], ev["agency"])  # another summit of the week


def test_an_event_is_joined_when_it_fits_as_a_whole_not_one_member():
    # Two mentions compared: a close match to one of them and none to the other is no fit for the event,
    # whatever share of the event must carry a join (fusion_model.json's link_share).
    for share in (0.0, 0.5, 1.0):
        assert support([0.9, 0.05], share) < 0.5
        # Three or more: the single worst (a mis-read mention) is left out, the rest must carry the join.
        assert support([0.8, 0.7, 0.0], share) >= 0.7 and support([0.9, 0.1, 0.1, 0.0], share) < 0.4
