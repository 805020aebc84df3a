"""Fusion round 16: places named in a sentence tell two strikes apart and anchor a generic one (connect/places.py);
a share written as a figure and synonyms of a rise and of an inquiry count as shared words (pairs.words,
data/acts.yaml concepts); a bare present perfect that rejects the charge itself is today's reply, not a standing
position (pairs.mention_phase).

Storylines not used elsewhere in the tests: shelling of two villages of an invented valley on one day, told by a
wire and a live page; a nurses' pay dispute; a regulator's reply to a charge of price fixing."""

from __future__ import annotations

from functools import partial

from tests.connect_fixtures import add_report, hand_mention
from wirewatch.connect.pairs import mention_phase, view, words
from wirewatch.connect.places import different_places, places
from wirewatch.model import Actor, Location, Quantity

DAY = "2026-07-03"
assault = partial(hand_mention, "ASSAULT", date=DAY, modality="reported")
request = partial(hand_mention, "REQUEST", date=DAY, modality="asserted", date_from="published")
reject = partial(hand_mention, "REJECT", date=DAY, modality="asserted", date_from="published")
CLINIC = Actor("clinic", None, None, None)
NURSES = Actor("nurses' union", None, None, None)
BOARD = Actor("Energy Pricing Board", "ORG", None, "org:energy pricing board")


def test_places_come_from_settlement_phrases_and_known_cities_not_from_reference_points() -> None:
    m = assault("A shell hit a clinic in the hill village of Tarvos on Friday, killing six people.", "hit")
    assert places(m) == {"tarvos"}
    far = assault("Another shell struck the outskirts of Menlo, some 40 km north of Tarvos.", "struck")
    assert places(far) == {"menlo"}  # Tarvos is a reference point, not where the shell fell
    assert places(assault("Shelling hit the region on Friday.", "Shelling")) == frozenset()
    # a country is the side of a party as often as the place: never one of the places compared
    assert places(assault("A shell hit a clinic in Kenya.", "hit",
                          location=Location("Kenya", "Kenya", "KEN"))) == frozenset()
    assert different_places(m, far)
    assert not different_places(m, assault("A shell hit the village of Tarvos.", "hit"))


def test_two_strikes_on_two_villages_stay_two_events_and_their_tolls_no_conflict(store) -> None:
    add_report(store, "wire", "Valley Wire", [
        assault("A shell hit a clinic in the hill village of Tarvos on Friday, killing six people.", "hit",
                recipient=[CLINIC], quantities=[Quantity(6, "people", "six people")])], story="s-valley")
    add_report(store, "live", "Valley Live", [
        assault("Another shell has struck the outskirts of Menlo, some 40 km north of Tarvos, killing two people.",
                "shell", date_from="published", quantities=[Quantity(2, "people", "two people")])], story="s-valley")
    assert len(store.events()) == 2
    assert not [c for c in store.conflicts() if c.field == "quantity"]


def test_a_generic_strike_that_names_the_same_village_is_anchored_to_it(store) -> None:
    add_report(store, "wire", "Valley Wire", [
        assault("Later, another strike targeted the village of Menlo, killing two people near its school.",
                "targeted")],
        story="s-valley")
    add_report(store, "live", "Valley Live", [
        assault("A second strike has hit the outskirts of Menlo, killing two people near a school.", "strike",
                date_from="published")], story="s-valley")
    assert len(store.events()) == 1


def test_a_share_written_as_a_figure_and_a_rise_in_other_words_are_shared_words() -> None:
    a = words("It wants a 9% raise over three years.")
    b = words("Nurses are demanding a 9 percent pay rise.")
    assert {"9%", "raise"} <= a & b
    assert "9%" not in words("Nine nurses were hurt.")  # a bare count is no share
    assert words("called for an investigation") & words("urged an inquiry")


def test_a_request_and_a_demand_for_the_same_share_are_one_event(store) -> None:
    add_report(store, "tv", "Channel 9", [
        request("It is asking for a 9% raise over three years.", "asking", [NURSES])], story="s-nurses")
    add_report(store, "daily", "The Daily", [
        request("Members of the Coastal Nurses Federation are demanding a 9% pay rise and more night staff.",
                "demanding", [Actor("Coastal Nurses Federation", "ORG", None, "org:coastal nurses federation")])],
        story="s-nurses")
    assert len(store.events()) == 1


def test_a_bare_present_perfect_rejecting_the_charge_itself_is_todays_reply() -> None:
    reply = reject("The Energy Pricing Board has dismissed the price-fixing charge as baseless.", "dismissed",
                   [BOARD])
    assert mention_phase(reply) == "now"
    assert mention_phase(reject("The Board has rejected the accusation.", "rejected", [BOARD])) == "now"
    # a standing position stays the past: an adverb of repetition, or a denial of something of its own
    assert mention_phase(reject("The Board has long rejected the accusation.", "rejected", [BOARD])) == "past"
    assert mention_phase(reject("The Board has denied any wrongdoing.", "denied", [BOARD])) == "past"
    assert view(reply).act == "deny"


def test_the_reply_in_a_bulletins_present_perfect_joins_the_reply_in_the_past(store) -> None:
    add_report(store, "wire", "Harbour Wire", [
        reject("The Energy Pricing Board rejected the accusation, saying its tariffs follow the law.", "rejected",
               [BOARD])], story="s-prices")
    add_report(store, "radio", "Radio Harbour", [
        reject("The Energy Pricing Board has dismissed the price-fixing charge as baseless.", "dismissed",
               [BOARD])], story="s-prices")
    assert len(store.events()) == 1
