"""Fusion rules of h/fusion8 (issue 12), on hand-made mentions in styles the other tests do not use (a
coast-guard radio log, a US night desk, a gulf daily, a tripartite fisheries communique, a court docket):
fusion that does not depend on the arrival order, a mutual act's third party, and one placing of a trigger."""

from __future__ import annotations

import copy
import itertools

import pytest

from tests.connect_fixtures import add_report
from wirewatch.connect.pairs import mutual_roles, one_toll, ongoing, own_day, parties, trigger_span, view
from wirewatch.model import Actor, EventMention
from wirewatch.store.db import Store

KELV = Actor("Kelvonia", "GPE", "KLV", "gpe:kelvonia")
OSTR = Actor("Ostravia", "GPE", "OST", "gpe:ostravia")
MERL = Actor("Merlund", "GPE", "MRL", "gpe:merlund")
KAVO = Actor("Kavonia", "GPE", "KVN", "gpe:kavonia")
ZELA = Actor("Zeland", "GPE", "ZEL", "gpe:zeland")
FISHERS = Actor("fishing crews", None, None, None)


def launch(sentence: str, trigger: str, date: str, date_from: str = "text") -> EventMention:
    m = EventMention(article_id="", event_type="MOBILIZE", sentence=sentence, start=0, end=0, trigger=trigger,
                     actor=[KELV], modality="reported", date=date, date_precision="day", date_from=date_from,
                     mode="weapons")
    at = sentence.find(trigger)
    m.trigger_start, m.trigger_end = at, at + len(trigger)
    return m


# --- one launch, whatever order its reports arrive in (fusion.Fuser.absorb_fitting) ---------------------------
# The US desk dates it by Washington's Monday, the radio log by its broadcast; each fits the gulf daily's report,
# but not each other (pair probability under the threshold). Arriving first, those two made two events, and the
# gulf daily then joined one of them: the partition depended on the order.
REPORTS = {
    "us-night-desk": launch("Kelvonia fired a cruise missile on Monday evening Washington time, its second launch "
                            "in a week, U.S. officials said.", "fired", "2026-06-08"),
    "coast-radio-log": launch("Coast guard radio reported a launch over the Ostra Gulf by Kelvonia at dawn.",
                              "launch", "2026-06-09", "published"),
    "gulf-daily": launch("Kelvonia fired a cruise missile over the Ostra Gulf on Tuesday morning, its second launch "
                         "in a week.", "fired", "2026-06-09"),
}


@pytest.mark.parametrize("order", list(itertools.permutations(REPORTS)))
def test_one_launch_is_one_event_in_every_arrival_order(order: tuple[str, ...]) -> None:
    store = Store(":memory:")
    try:
        for aid in order:
            add_report(store, aid, aid, [copy.deepcopy(REPORTS[aid])])
        events = store.events()
        assert len(events) == 1, [[m.article_id for m in ev.mentions] for ev in events]
        assert {m.article_id for m in events[0].mentions} == set(REPORTS)
    finally:
        store.close()


def test_a_lone_report_of_another_day_is_not_absorbed(store: Store) -> None:
    # the revision asks what a late arrival would face: a launch a week later never fits the event
    add_report(store, "gulf-daily", "Gulf Daily", [copy.deepcopy(REPORTS["gulf-daily"])])
    add_report(store, "next-week", "Harbour Post", [launch(
        "Kelvonia fired a cruise missile over the Ostra Gulf on Tuesday, a week after its last test.", "fired",
        "2026-06-16")])
    add_report(store, "us-night-desk", "US Desk", [copy.deepcopy(REPORTS["us-night-desk"])])
    by_article = {m.article_id: ev.id for ev in store.events() for m in ev.mentions}
    assert by_article["next-week"] != by_article["gulf-daily"]
    assert by_article["us-night-desk"] == by_article["gulf-daily"]


# --- a mutual act's parties beyond the first two (pairs.mutual_roles) ---------------------------------------
@pytest.mark.parametrize("a, b, want", [
    # a fisheries communique: Ostravia, Merlund and Kavonia met / Ostravia, Merlund and Zeland met
    (([OSTR, MERL], [KAVO]), ([OSTR, MERL], [ZELA]), ("same", "clash")),
    # the same three, written in another order
    (([KAVO, OSTR], [MERL]), ([MERL], [OSTR, KAVO]), ("same", "same")),
    # one report names only two of the three: nothing tells them apart
    (([OSTR, MERL], [KAVO]), ([OSTR], [MERL]), ("same", "same")),
    # a third party that is only a description says nothing either way
    (([OSTR, MERL], [FISHERS]), ([OSTR, MERL], [KAVO]), ("same", "same")),
])
def test_a_third_party_of_a_mutual_act_still_counts(a, b, want) -> None:
    assert mutual_roles(parties(*a), parties(*b)) == want


# --- one placing of a trigger in its sentence (pairs.trigger_span) ------------------------------------------
def _mention(sentence: str, trigger: str, trigger_start: int | None, start: int = 0) -> EventMention:
    return EventMention(article_id="docket", event_type="COERCE", sentence=sentence, start=start,
                        end=start + len(sentence), trigger=trigger, trigger_start=trigger_start)


def test_trigger_span_reads_article_and_sentence_offsets_and_checks_the_text() -> None:
    s = "The court clerk said deputies arrested the landlord on Friday."
    at = s.find("arrested")
    assert trigger_span(_mention(s, "arrested", 200 + at, start=200)) == (at, at + 8)  # article offsets
    assert trigger_span(_mention(s, "arrested", at)) == (at, at + 8)  # sentence offsets (hand-made mentions)
    # an offset that does not hold the trigger's text: its first occurrence in the sentence
    assert trigger_span(_mention(s, "arrested", 3, start=0)) == (at, at + 8)
    assert trigger_span(_mention(s, "detained", at)) is None
    assert trigger_span(_mention(s, "", at)) is None


def test_ongoing_and_own_day_read_the_same_placing_as_the_toll() -> None:
    s = "Bailiffs keep evicting tenants on Elm Row, the docket shows."
    m = _mention(s, "evicting", 500 + s.find("evicting"), start=500)
    assert ongoing(m) and not own_day(m)
    toll = "The blast killed 12 and wounded 30 in the market on Monday."
    a = EventMention(article_id="bulletin", event_type="ASSAULT", sentence=toll, start=40, end=40 + len(toll),
                     trigger="killed", trigger_start=40 + toll.find("killed"))
    b = EventMention(article_id="bulletin", event_type="ASSAULT", sentence=toll, start=40, end=40 + len(toll),
                     trigger="wounded", trigger_start=40 + toll.find("wounded"))
    assert one_toll(view(a), view(b))


# --- two schedules of two days (pairs.gate_reason "schedule-days") -------------------------------------------
def _visit(aid: str, sentence: str, trigger: str, recipient: Actor, date: str) -> EventMention:
    m = EventMention(article_id=aid, event_type="CONSULT", sentence=sentence, start=0, end=len(sentence),
                     trigger=trigger, actor=[Actor("Ilse Varga", "PERSON", "OST", "per:ilse varga")],
                     recipient=[recipient], modality="planned", date=date, date_precision="day", date_from="text")
    m.trigger_start = sentence.find(trigger)
    return m


def test_two_schedules_naming_two_days_are_two_appointments() -> None:
    from wirewatch.connect.pairs import gate_reason

    # a press release and a radio bulletin preview the envoy's week: the summit on Wednesday, a side meeting Thursday
    summit = _visit("press-release", "Envoy Ilse Varga will attend meetings with Basin Council ministers on "
                    "Wednesday.", "meetings", Actor("Basin Council ministers"), "2026-04-08")
    side = _visit("radio-bulletin", "Varga is expected to hold a side meeting with the Merlund minister on "
                  "Thursday.", "meeting", Actor("Merlund minister", None, "MRL"), "2026-04-09")
    assert gate_reason(view(summit), view(side)) == "schedule-days"
    # the same day in both previews is weighed as usual; so is a schedule against the report of its happening
    same_day = _visit("radio-bulletin", "Varga is expected to meet Basin Council ministers on Wednesday.", "meet",
                      Actor("Basin Council ministers"), "2026-04-08")
    assert gate_reason(view(summit), view(same_day)) != "schedule-days"
    held = _visit("wire", "Varga met Basin Council ministers on Thursday.", "met", Actor("Basin Council ministers"),
                  "2026-04-09")
    held.modality = "asserted"
    assert gate_reason(view(summit), view(held)) != "schedule-days"
