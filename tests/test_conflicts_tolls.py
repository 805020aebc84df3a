"""Tolls of one attack that fusion kept apart (connect/tolls.py read the counts, conflicts.tolls_across sets them
against each other): two sources giving different numbers of dead is a quantity conflict over both events; the
wounded are not the dead, a later report's higher toll is an update, and an attack elsewhere or by someone else
is another happening. One invented story, a market shelled in a river town, told as a district office's
statement, an aid volunteer's account and a next-day roundup; sentences written for these tests."""

from __future__ import annotations

from functools import partial

import pytest

from tests.connect_fixtures import hand_mention
from wirewatch.connect import fuse_events
from wirewatch.connect.conflicts import ConflictFinder
from wirewatch.connect.tolls import tolls
from wirewatch.model import Actor, Article, Conflict, EventMention, Location

DAY = "2026-05-17"
assault = partial(hand_mention, "ASSAULT", date=DAY, modality="reported")
RIVERTON = Location(text="Riverton", name="Riverton", country="ZMB")
ELSEWHERE = Location(text="Port Ilha", name="Port Ilha", country="MOZ")
MARKET = Actor("grain market", "FAC", None, None)
PEOPLE = Actor("people", "NORP", None, None)
RIVER_FRONT = Actor("River Front", "ORG", None, "org:river front")
ARMY = Actor("Zambian army", "ORG", "ZMB", "org:zambian army")


def report(store, aid: str, outlet: str, published: str, mentions: list[EventMention]) -> None:
    text = " ".join(m.sentence for m in mentions)
    art = Article(id=aid, text=text, outlet=outlet, published=published, story_id="s-market", content_hash=aid)
    store.insert_article(art)
    store.set_story(aid, "s-market")
    pos = 0
    for m in mentions:
        m.article_id, m.start, m.end = aid, pos, pos + len(m.sentence)
        pos = m.end + 1
    art.events = mentions
    store.save_extraction(art)
    fuse_events(store, art)


def office(sentence: str = "Shells struck the Riverton grain market before noon, leaving at least four people "
           "dead, the district office said.", **kw) -> EventMention:
    m = assault(sentence, "struck", location=kw.pop("location", RIVERTON), recipient=kw.pop("recipient", [MARKET]),
                **kw)
    m.attributed_to = "district office"
    return m


def volunteer(sentence: str = "Nine people were killed in the shelling, a Red Cross volunteer at the scene told "
              "reporters.", **kw) -> EventMention:
    m = assault(sentence, "shelling", location=kw.pop("location", RIVERTON), recipient=kw.pop("recipient", [PEOPLE]),
                **kw)
    m.attributed_to = "Red Cross volunteer"
    return m


def _tolls(store) -> list:
    return [c for c in store.conflicts() if c.field == "quantity" and len(c.event_ids) > 1]


def _apart(store) -> bool:
    return len({e.id for e in store.events() if e.event_type == "ASSAULT"}) >= 2


def test_two_sources_numbers_of_dead_disagree_across_events(store) -> None:
    report(store, "bulletin", "Riverton Bulletin", DAY, [office(), volunteer()])
    assert _apart(store)
    found = _tolls(store)
    assert len(found) == 1 and len(found[0].event_ids) == 2, found
    assert "at least four people" in found[0].explanation and "Nine people" in found[0].explanation


def test_the_wounded_are_not_the_dead(store) -> None:
    hurt = volunteer("Nine people were wounded in the shelling, a Red Cross volunteer at the scene told reporters.")
    report(store, "bulletin", "Riverton Bulletin", DAY, [office(), hurt])
    assert _apart(store) and not _tolls(store)


def test_two_reports_fused_disagree_on_a_toll_told_in_its_own_clause(store) -> None:
    # The counts are in no mention's quantities (a clause without a trigger): `within` reads none.
    report(store, "first", "Riverton Bulletin", DAY, [office(recipient=[])])
    report(store, "second", "Kafue Evening Post", DAY, [volunteer(recipient=[])])
    assert len({e.id for e in store.events()}) == 1
    found = [c for c in store.conflicts() if c.field == "quantity"]
    assert len(found) == 1 and found[0].explanation.startswith("Sources of one ASSAULT"), found


@pytest.mark.parametrize("recipient", [True, False], ids=["apart", "fused"])
def test_a_next_days_higher_toll_is_an_update(store, recipient: bool) -> None:
    report(store, "first", "Riverton Bulletin", DAY, [office(recipient=[MARKET] if recipient else [])])
    report(store, "roundup", "Kafue Evening Post", "2026-05-18", [volunteer(recipient=[PEOPLE] if recipient else [])])
    assert not [c for c in store.conflicts() if c.field == "quantity"]


def test_a_next_days_lower_toll_still_disagrees(store) -> None:
    report(store, "first", "Riverton Bulletin", DAY, [volunteer()])
    report(store, "roundup", "Kafue Evening Post", "2026-05-18", [office()])
    assert [c for c in store.conflicts() if c.field == "quantity"]


def test_an_attack_in_another_country_is_another_happening(store) -> None:
    report(store, "bulletin", "Riverton Bulletin", DAY, [office(), volunteer(location=ELSEWHERE)])
    assert _apart(store) and not _tolls(store)


def test_two_sides_acting_are_two_happenings(store) -> None:
    a = office("River Front fighters shelled the Riverton grain market, leaving at least four people dead, the "
               "district office said.", actor=[RIVER_FRONT])
    b = volunteer("Army artillery killed nine people near the market, a Red Cross volunteer said.", actor=[ARMY])
    report(store, "bulletin", "Riverton Bulletin", DAY, [a, b])
    assert _apart(store) and not _tolls(store)


def test_a_third_source_joins_the_one_conflict(store) -> None:
    report(store, "bulletin", "Riverton Bulletin", DAY, [office(), volunteer()])
    claim = assault("In an online post the River Front said it had killed more than 20 people at the market.",
                    "killed", location=RIVERTON, recipient=[PEOPLE])
    claim.attributed_to = "River Front"
    report(store, "post", "Lusaka Monitor", DAY, [claim])
    found = [c for c in store.conflicts() if c.field == "quantity"]
    assert len(found) == 1 and len(found[0].values) == 3, [(c.event_ids, c.explanation) for c in found]
    assert "more than 20 people (River Front)" in found[0].explanation


def test_a_grown_group_replaces_its_older_conflict(store) -> None:
    old = Conflict(id="cf-old", field="quantity", event_ids=["ev-a", "ev-b"], values=[])
    own = Conflict(id="cf-own", field="quantity", event_ids=["ev-a"], values=[])  # `within`'s: kept
    for c in (old, own):
        store.save_conflict(c)
    new = Conflict(id="cf-new", field="quantity", event_ids=["ev-a", "ev-b", "ev-c"], values=[])
    ConflictFinder(store)._drop_superseded_tolls([new])
    assert [c.id for c in store.conflicts()] == ["cf-own"]


@pytest.mark.parametrize("sentence, read", [
    ("The blast left at least seven people dead near the depot.", [("killed", "people", 7, "min")]),
    ("Rescuers said 14 were injured and two had died overnight.", [("wounded", "people", 14, ""),
                                                                   ("killed", "people", 2, "")]),
    ("Guards detained between 30 and 45 smugglers at the crossing.", [("detained", "smuggler", 30, "range")]),
    ("The militia said it had killed some 60 soldiers.", [("killed", "soldier", 60, "about")]),
    # The count did the harm, and a figure glued to a word or to a name counts nothing.
    ("Two drones killed a shepherd.", []),
    ("The death of a 15-year-old boy sparked the riots.", []),
    ("A G7 statement mourned the dead.", []),
    ("No one else was hurt.", []),
    # A time word ends the counted noun ("three people Tuesday"); a number of a date is no count.
    ("Police arrested three people Tuesday and 12 on March 3.", [("detained", "people", 3, "")]),
])
def test_tolls_read_from_the_words(sentence: str, read: list) -> None:
    assert [(t.harm, t.unit, t.value, t.bound) for t in tolls(sentence)] == read
