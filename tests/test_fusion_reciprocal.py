"""A reciprocal report of a clash (h/fusion14): "Ardenia and Belmora exchanged rocket fire" names the parties, not who
fired on whom, so it is one clash with a one-sided report of it ("Belmoran batteries shelled Ardenian border
guards"); a report that one side started it is that side's version, still set against the other's."""

from __future__ import annotations

from functools import partial

from tests.connect_fixtures import add_report, hand_mention
from wirewatch.connect.fusion import aggregate
from wirewatch.connect.pairs import reciprocal, roles, view
from wirewatch.model import Actor, Event

ARDENIA = Actor("Ardenia", "GPE", "ARD", "gpe:ardenia")
BELMORA = Actor("Belmora", "GPE", "BLM", "gpe:belmora")
GUARDS = Actor("Ardenian border guards", "ORG", "ARD", None)
ARD_UNITS = Actor("Ardenian units", "ORG", "ARD", None)
BATTERIES = Actor("Belmoran batteries", "ORG", "BLM", None)

assault = partial(hand_mention, "ASSAULT", date="2026-07-03", modality="reported")

# The extractor read only one party of the coordinated subject as the actor.
EXCHANGE = assault("Ardenia and Belmora exchanged rocket fire across the Vell river on Friday, officials said.",
                   "exchanged", [ARDENIA])
WITH = assault("Ardenian units clashed with Belmoran troops near the Vell crossing on Friday.", "clashed", [ARD_UNITS])
SHELLED = assault("Belmoran batteries shelled Ardenian border guards near the Vell river on Friday, wounding two.",
                  "shelled", [BATTERIES], [GUARDS])
STARTED = assault("Belmora's army said Ardenian units had started Friday's clash by firing rockets across the Vell.",
                  "clash", [ARD_UNITS])


def test_reciprocal_reads_the_parties_written_around_the_trigger() -> None:
    assert reciprocal(EXCHANGE)  # "Ardenia and Belmora exchanged"
    assert reciprocal(WITH)  # "clashed with Belmoran troops"
    assert not reciprocal(STARTED)  # one side "had started" the clash
    assert not reciprocal(SHELLED)  # no mutual act
    # "and" joins two acts of one party, not two parties of the clash
    assert not reciprocal(assault("Ardenian units crossed the Vell and started Friday's clash, Belmora said.",
                                  "clash", [ARD_UNITS]))
    assert reciprocal(assault("Border police and smugglers clashed near the Vell on Friday.", "clashed", [GUARDS]))


def test_a_reciprocal_report_compares_parties_not_who_acted() -> None:
    assert "clash" not in roles(view(EXCHANGE), view(SHELLED))
    assert roles(view(STARTED), view(SHELLED))[0] == "clash"  # one side's version against the other's


def test_the_exchange_joins_the_shelling_and_the_version_stays_apart(store) -> None:
    add_report(store, "wire", "Vell Wire", [SHELLED])
    add_report(store, "radio", "Radio Ardenia", [EXCHANGE])
    add_report(store, "army", "Belmoran Army Daily", [STARTED])
    by_article = {m.article_id: ev for ev in store.events() for m in ev.mentions}
    assert by_article["wire"].id == by_article["radio"].id
    assert by_article["army"].id != by_article["wire"].id
    # The one-sided report's actor speaks for the event, not the party the reciprocal report wrote first.
    assert [a.name for a in by_article["wire"].actor] == ["Belmoran batteries"]
    actor_conflicts = [c for c in store.conflicts() if c.field == "actor"]
    assert any(set(c.event_ids) == {by_article["wire"].id, by_article["army"].id} for c in actor_conflicts)



def test_the_recipient_comes_from_the_one_sided_report_too() -> None:
    # The reciprocal report, fused first, names Belmora as its recipient: with the one-sided report's actor
    # (Belmoran batteries) that would set Belmora against itself.
    both = assault("Ardenia and Belmora exchanged artillery fire along the Vell on Friday.", "exchanged",
                   [ARDENIA], [BELMORA])
    assert reciprocal(both)
    ev = aggregate(Event("e1", "ASSAULT", mentions=[both, SHELLED]))
    assert [a.name for a in ev.actor] == ["Belmoran batteries"]
    assert [a.name for a in ev.recipient] == ["Ardenian border guards"]
