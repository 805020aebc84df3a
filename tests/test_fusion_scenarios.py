"""Small multi-outlet scenarios for fusion and conflicts (hand-made mentions, no spaCy), each in a storyline
and outlet styles the other tests do not use: a dam dispute on the Nile told by a Cairo daily, an Addis
Ababa wire and a Khartoum radio bulletin; a cabinet reshuffle in Lusaka told by a state broadcaster and a
private weekly; a border deployment reported as a span of weeks by one outlet and as one day by another."""

from __future__ import annotations

from tests.connect_fixtures import add_report
from wirewatch.model import Actor, EventMention

EGY = Actor("Egypt", "GPE", "EGY", "gpe:egypt")
ETH = Actor("Ethiopia", "GPE", "ETH", "gpe:ethiopia")
ZMB = Actor("Zambia", "GPE", "ZMB", "gpe:zambia")
SPOKESMAN = Actor("spokesman", None, None, None, "A spokesman for Ethiopia's Foreign Ministry")
SPOKESWOMAN = Actor("spokeswoman", None, None, None, "A spokeswoman for Sudan's Foreign Ministry")


def add(store, aid, outlet, mentions, story="s-nile", duplicate_of=None):
    return add_report(store, aid, outlet, mentions, story, duplicate_of)


def mention(etype, sentence, trigger, actor=(), recipient=(), modality="asserted", date="2025-07-08",
            date_from="text"):
    return EventMention(article_id="", event_type=etype, sentence=sentence, start=0, end=0, trigger=trigger,
                        actor=list(actor), recipient=list(recipient), modality=modality, date=date,
                        date_precision="day", date_from=date_from)


def test_two_spokespeople_of_two_states_are_two_deniers_named_for_whom_they_speak(store):
    claim = mention("ACCUSE", "Egypt on Monday accused Ethiopia of filling the Blue Nile reservoir without an "
                    "agreement, in a letter to the Security Council.", "accused", [EGY], [ETH], "claimed")
    eth = mention("REJECT", "A spokesman for Ethiopia's Foreign Ministry on Tuesday rejected the accusations over "
                  "the reservoir as baseless.", "rejected", [SPOKESMAN])
    sdn = mention("REJECT", "A spokeswoman for Sudan's Foreign Ministry on Tuesday rejected reports that Khartoum "
                  "had backed the letter.", "rejected", [SPOKESWOMAN])
    add(store, "cairo-daily", "Cairo Morning Post", [claim])
    add(store, "addis-wire", "Highland Wire", [eth])
    add(store, "khartoum-radio", "Omdurman Radio Bulletin", [sdn])
    rejects = [e for e in store.events() if e.event_type == "REJECT"]
    assert len(rejects) == 2  # one denier each, however alike the two "spokesperson" lines
    (c,) = [c for c in store.conflicts() if c.field == "occurrence"]
    assert {v.article_id for v in c.values} == {"cairo-daily", "addis-wire"}
    assert "Ethiopia's Foreign Ministry denies it" in c.explanation
    assert "spokesman" not in c.explanation.split("denies it")[0]


def test_a_background_denial_beside_its_own_articles_claim_is_no_conflict(store):
    claim = mention("ACCUSE", "Egypt accused Ethiopia on Monday of diverting Blue Nile water from downstream "
                    "farms.", "accused", [EGY], [ETH], "claimed")
    background = mention("REJECT", "Ethiopia has long denied diverting water from downstream farms.", "denied",
                         [ETH], modality="historical", date_from="published")
    add(store, "cairo-daily", "Cairo Morning Post", [claim, background])
    assert store.conflicts() == []  # the outlet's own context line, not a second report
    answer = mention("REJECT", "Ethiopia on Tuesday rejected Egypt's accusations that it was diverting water, "
                     "calling them baseless.", "rejected", [ETH], date="2025-07-08")
    add(store, "addis-wire", "Highland Wire", [answer])
    (c,) = store.conflicts()
    assert {v.article_id for v in c.values} == {"cairo-daily", "addis-wire"}
    assert "answers this claim because" in c.explanation and c.confidence > 0.5


def test_a_reshuffle_fuses_each_appointment_with_its_own_person_only(store):
    mwila = Actor("Grace Mwila", "PERSON", "ZMB", "person:grace-mwila")
    banda = Actor("Peter Banda", "PERSON", "ZMB", "person:peter-banda")
    phiri = Actor("Joseph Phiri", "PERSON", "ZMB", "person:joseph-phiri")
    state = [
        mention("PERSONNEL", "President Hichilema on Friday appointed Grace Mwila as finance minister and Peter Banda "
                "as defence minister, the state broadcaster said.", "appointed", [ZMB], [mwila]),
        mention("PERSONNEL", "President Hichilema on Friday appointed Grace Mwila as finance minister and Peter Banda "
                "as defence minister, the state broadcaster said.", "appointed", [ZMB], [banda]),
    ]
    state[1].start = state[0].start
    weekly = [
        mention("PERSONNEL", "Banda, a former army chief, takes over the defence portfolio after Friday's "
                "announcement.", "takes over", [ZMB], [banda]),
        mention("PERSONNEL", "Mwila was named to the finance ministry on Friday.", "named", [ZMB], [mwila]),
        mention("PERSONNEL", "The presidency denied on Friday that Joseph Phiri had been dismissed as labour "
                "minister.", "dismissed", [ZMB], [phiri], modality="denied"),
    ]
    add(store, "znbc", "National Broadcasting Service", state, story="s-lusaka")
    add(store, "weekly", "Lusaka Weekly Observer", weekly, story="s-lusaka")
    by_person: dict[str, set[str]] = {}
    for ev in store.events():
        for m in ev.mentions:
            by_person.setdefault(m.recipient[0].name, set()).add(ev.id)
    assert len(by_person["Grace Mwila"]) == 1 and len(by_person["Peter Banda"]) == 1
    assert by_person["Grace Mwila"] != by_person["Peter Banda"]
    # A denial about a third person does not contradict either appointment.
    assert not [c for c in store.conflicts() if c.field == "occurrence"]


def test_a_span_of_weeks_does_not_contradict_a_day_inside_it(store):
    # As the extractor dates it (extract/timex_signals.py): the period's calendar prefix, a stand-in.
    span = mention("MOBILIZE", "Ethiopia has moved troops toward the dam site since June, a regional official "
                   "said.", "moved", [ETH], date="2025", date_from="period")
    span.date_precision = "period"
    day = mention("MOBILIZE", "Ethiopia moved troops toward the dam site on July 3, a diplomat said.", "moved",
                  [ETH], date="2025-07-03")
    add(store, "addis-wire", "Highland Wire", [span])
    add(store, "cairo-daily", "Cairo Morning Post", [day])
    (ev,) = [e for e in store.events() if e.event_type == "MOBILIZE"]
    assert len(ev.mentions) == 2
    assert [c.field for c in store.conflicts()] == []



def test_held_and_not_held_needs_the_same_party_known_on_both_sides(store):
    ministers = Actor("ministers", None, None, None)
    agreed = mention("AGREE", "All basin water ministers agreed to the water-sharing framework, the chair said.",
                     "agreed", [ministers], modality="reported", date="2025-07-09")
    refused = mention("AGREE", "Egypt has not agreed to the water-sharing framework, officials in Cairo said.",
                      "agreed", [EGY], modality="negated", date="2025-07-08")
    add(store, "addis-wire", "Highland Wire", [agreed], story="s-basin")
    add(store, "cairo-daily", "Cairo Morning Post", [refused], story="s-cairo")
    assert len(store.events()) == 2
    assert [c for c in store.conflicts() if c.field == "occurrence"] == []  # who agreed is not who refused


def test_a_count_of_more_and_a_report_writing_both_numbers_are_no_quantity_conflict(store):
    from wirewatch.model import Quantity

    first = mention("MOBILIZE", "Ethiopia deployed about 4,000 soldiers along the border, a regional official said.",
                    "deployed", [ETH])
    first.quantities = [Quantity(4000, "soldier", "about 4,000 soldiers")]
    more = mention("MOBILIZE", "Ethiopia deployed 1,500 more soldiers along the border, a diplomat said.",
                   "deployed", [ETH])
    more.quantities = [Quantity(1500, "soldier", "1,500 more soldiers")]
    both = mention("MOBILIZE", "Ethiopia deployed 1,500 soldiers along the border, adding to the 4,000 already "
                   "there, state radio said.", "deployed", [ETH])
    both.quantities = [Quantity(1500, "soldier", "1,500 soldiers")]
    add(store, "addis-wire", "Highland Wire", [first])
    add(store, "cairo-daily", "Cairo Morning Post", [more])
    add(store, "khartoum-radio", "Omdurman Radio Bulletin", [both])
    assert [c for c in store.conflicts() if c.field == "quantity"] == []
    other = mention("MOBILIZE", "Ethiopia deployed some 9,000 soldiers along the border, an analyst said.",
                    "deployed", [ETH])
    other.quantities = [Quantity(9000, "soldier", "some 9,000 soldiers")]
    add(store, "nile-weekly", "Nile Basin Weekly", [other])
    (c,) = [c for c in store.conflicts() if c.field == "quantity"]
    assert 9000 in {v.value for v in c.values} and "One event because" in c.explanation


def test_a_syndicated_copy_of_a_denial_does_not_list_the_conflict_twice(store):
    line = "Ethiopia and Sudan have repeatedly denied any transfer of weapons across the border."
    accused = mention("ACCUSE", "Egypt on Tuesday accused Ethiopia of sending weapons across the border to "
                      "rebels.", "sending", [EGY], [ETH], "claimed")
    add(store, "addis-wire", "Highland Wire", [mention("REJECT", line, "denied", [ETH], modality="historical",
                                                       date_from="published")])
    add(store, "nile-weekly", "Nile Basin Weekly", [mention("REJECT", line, "denied", [ETH], modality="historical",
                                                            date_from="published")], duplicate_of="addis-wire")
    add(store, "cairo-daily", "Cairo Morning Post", [accused])
    (c,) = store.conflicts()
    assert {v.article_id for v in c.values} == {"cairo-daily", "addis-wire"}


def test_a_postponement_sets_an_occurrence_conflict_not_a_date_one(store):
    held = mention("CONSULT", "The Nile basin ministers met in Entebbe on Tuesday to discuss the framework.", "met",
                   [EGY, ETH], date="2025-07-08")
    postponed = mention("CONSULT", "The Nile basin ministers' meeting in Entebbe has been postponed until August, "
                        "officials said.", "meeting", [EGY, ETH], modality="negated", date="2025-08")
    postponed.date_precision = "month"
    add(store, "addis-wire", "Highland Wire", [held])
    add(store, "cairo-daily", "Cairo Morning Post", [postponed])
    fields = sorted(c.field for c in store.conflicts())
    assert "date" not in fields
