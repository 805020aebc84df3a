"""Personnel acts named by verbs of motion, possession and leaving, and a swearing-in as the appointment it
completes (data/acts.yaml `appoint`, `departures`; connect/offices.departure_act).

Storylines not used elsewhere in the tests: a provincial government's reshuffle in Manitoba told by a daily
and a radio bulletin; a port authority's board in Genoa."""

from __future__ import annotations

from tests.connect_fixtures import add_report
from wirewatch.connect.pairs import act_of
from wirewatch.model import Actor, EventMention

PREMIER = Actor("Elaine Marchand", "PERSON", "CAN", "person:elaine-marchand")
OKAFOR = Actor("Tunde Okafor", "PERSON", "CAN", "person:tunde-okafor")


def mention(sentence: str, trigger: str, actor=(), recipient=(), date: str = "2026-06-09",
            date_from: str = "published") -> EventMention:
    return EventMention(article_id="", event_type="PERSONNEL", sentence=sentence, start=0, end=0, trigger=trigger,
                        trigger_start=sentence.find(trigger), actor=list(actor), recipient=list(recipient),
                        date=date, date_precision="day", date_from=date_from)


def test_verbs_that_carry_a_person_into_a_post_name_the_appointment() -> None:
    assert act_of(mention("The health job goes to Tunde Okafor, a surgeon.", "goes")) == "appoint"
    assert act_of(mention("Okafor crosses over to Health.", "crosses")) == "appoint"
    assert act_of(mention("Okafor gets the health portfolio.", "gets")) == "appoint"
    assert act_of(mention("Okafor has been sworn in as health minister.", "sworn")) == "appoint"
    # the other acts stay what they were
    assert act_of(mention("Marchand sacked her health minister.", "sacked")) == "dismiss"
    assert act_of(mention("Okafor quit the cabinet.", "quit")) == "resign"


def test_a_verb_of_leaving_is_a_move_only_where_it_names_where_the_person_goes() -> None:
    assert act_of(mention("Okafor leaves justice for the health ministry.", "leaves")) == "appoint"
    assert act_of(mention("Okafor leaves justice to head Health.", "leaves")) == "appoint"
    # no goal: a resignation or a trip, no act (left to the weighing)
    assert act_of(mention("Okafor leaves the cabinet after six years.", "leaves")) is None
    assert act_of(mention("Okafor leaves for personal reasons.", "leaves")) is None
    assert act_of(mention("Okafor leaves to spend time with his family.", "leaves")) is None


def test_an_appointment_and_the_swearing_in_of_the_same_person_to_the_same_post_are_one_event(store) -> None:
    add_report(store, "free-press", "Prairie Free Press", [
        mention("Premier Elaine Marchand on Tuesday named Tunde Okafor health minister.", "named",
                [PREMIER], [OKAFOR])], story="s-manitoba")
    add_report(store, "cbr-radio", "Red River Radio", [
        mention("Tunde Okafor has been sworn in as health minister.", "sworn", [PREMIER], [OKAFOR])],
        story="s-manitoba")
    assert len(store.events()) == 1


def test_a_move_told_as_leaving_one_post_for_another_joins_the_transfer(store) -> None:
    add_report(store, "free-press", "Prairie Free Press", [
        mention("Tunde Okafor was moved from justice to the health ministry.", "moved", [PREMIER], [OKAFOR])],
        story="s-manitoba")
    add_report(store, "cbr-radio", "Red River Radio", [
        mention("In the same shuffle, Tunde Okafor leaves justice for the health ministry.", "leaves",
                recipient=[OKAFOR])], story="s-manitoba")
    assert len(store.events()) == 1


def test_a_dismissal_and_an_appointment_of_one_person_stay_two_events(store) -> None:
    # Okafor is dropped from justice and, in another report, goes to health: two acts of the shuffle.
    add_report(store, "free-press", "Prairie Free Press", [
        mention("Marchand dismissed Tunde Okafor as justice minister.", "dismissed", [PREMIER], [OKAFOR])],
        story="s-manitoba")
    add_report(store, "cbr-radio", "Red River Radio", [
        mention("The health job goes to Tunde Okafor.", "goes", recipient=[OKAFOR])], story="s-manitoba")
    assert len(store.events()) == 2
