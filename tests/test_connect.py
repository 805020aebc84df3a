"""Fusion, corroboration and conflicts over hand-made mentions (no spaCy)."""

from __future__ import annotations

import json

from tests.connect_fixtures import add_report
from wirewatch.connect import fuse_events
from wirewatch.connect.fusion import same_participants
from wirewatch.model import Actor, EventMention, Quantity
from wirewatch.store import export
from wirewatch.text import content_words, stem

NK = Actor("North Korea", "GPE", "PRK", "gpe:north korea")
US = Actor("United States", "GPE", "USA", "gpe:united states")
RU = Actor("Russia", "GPE", "RUS", "gpe:russia")


add = add_report


def launch(sentence, n=None, date="2025-03-11", actor=NK, modality="asserted"):
    q = [Quantity(n, "missile", str(n))] if n is not None else []
    # The trigger is the sentence's verb of launching, as the extractor gives it (a mention without one lacks
    # the act evidence the pair model weighs: a bare pair of one-day-apart lines sat at 0.45).
    trigger = next((w for w in ("fired", "launched", "tested") if w in sentence), "")
    return EventMention(article_id="", event_type="MOBILIZE", sentence=sentence, start=0, end=0, mode="weapons",
                        trigger=trigger,
                        actor=[actor], quantities=q, date=date, date_precision="day", modality=modality)


def test_three_outlets_fuse_into_one_event_with_sources(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea launched two ballistic missiles toward the East Sea.", 2)])
    add(store, "a3", "Tokyo Evening", [launch("Two ballistic missiles were fired by North Korea into the sea.", 2)])
    (ev,) = store.events()
    assert len(ev.mentions) == 3 and ev.sources == 3
    assert ev.confidence > 0.9
    assert "3 independent sources" in ev.confidence_reasons[0]
    assert store.conflicts() == []


def test_syndicated_copy_counts_once(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Daily Reprint", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)],
        duplicate_of="a1")
    (ev,) = store.events()
    assert len(ev.mentions) == 2 and ev.sources == 1
    assert any("counted once" in r for r in ev.confidence_reasons)


def test_launches_a_week_apart_stay_apart(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the East Sea.", 2,
                                             date="2025-03-18")])
    assert len(store.events()) == 2


def test_number_and_day_disagreements_are_conflicts(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3,
                                             date="2025-03-12")])
    (ev,) = store.events()
    fields = sorted(c.field for c in store.conflicts())
    assert fields == ["date", "quantity"]
    q = next(c for c in store.conflicts() if c.field == "quantity")
    assert sorted(v.value for v in q.values) == [2, 3]
    assert {v.outlet for v in q.values} == {"Harbor Wire", "Korea Ledger"}
    assert q.event_ids == [ev.id]
    rows = export.to_string(store, "conflicts")
    assert '"field": "quantity"' in rows


def test_transliteration_is_not_an_actor_conflict(store):
    kim1 = Actor("Kim Jong Un", "PERSON", "PRK", "person:kim jong un")
    kim2 = Actor("Kim Jong-un", "PERSON", "PRK", "person:kim jong-un")
    add(store, "a1", "Harbor Wire", [launch("Kim Jong Un oversaw the test of a new missile.", actor=kim1)])
    add(store, "a2", "Korea Ledger", [launch("Kim Jong-un oversaw the test of the new missile.", actor=kim2)])
    assert len(store.events()) == 1
    assert store.conflicts() == []


def test_claim_and_denial_are_an_occurrence_conflict(store):
    accuse = EventMention(article_id="", event_type="ACCUSE", sentence="The United States accused North Korea of "
                          "shipping artillery shells to Russia.", start=0, end=0, actor=[US], recipient=[NK],
                          modality="claimed", date="2025-03-11", date_precision="day")
    deny = EventMention(article_id="", event_type="REJECT", sentence="North Korea denied sending any weapons to "
                        "Russia.", start=0, end=0, actor=[NK], modality="denied", date="2025-03-12",
                        date_precision="day")
    add(store, "a1", "Harbor Wire", [accuse])
    add(store, "a2", "Korea Ledger", [deny])
    (c,) = store.conflicts()
    assert c.field == "occurrence" and len(c.event_ids) == 2
    assert "denies" in c.explanation


def test_reextraction_leaves_no_orphan_events(store):
    art = add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3)])
    assert len(store.conflicts()) == 1
    art.events = []
    store.save_extraction(art)  # article a1 now has no mentions
    fuse_events(store, art)
    (ev,) = store.events()
    assert [m.article_id for m in ev.mentions] == ["a2"]
    assert store.conflicts() == []


# ---------------------------------------------------------------- standing in time, sides, units, denials

KR = Actor("South Korea", "GPE", "KOR", "gpe:south korea")
JP = Actor("Japan", "GPE", "JPN", "gpe:japan")


def talks(sentence, modality="asserted", date="2025-03-15", precision="day", date_from="text", actor=None):
    return EventMention(article_id="", event_type="CONSULT", sentence=sentence, start=0, end=0,
                        actor=actor if actor is not None else [KR, JP], modality=modality, date=date,
                        date_precision=precision, date_from=date_from)


def test_background_reference_stays_out_of_the_event_it_recalls(store):
    # The same day and words, but one outlet only recalls the launch as background to a newer one: fusing it
    # would count a recap as a second source.
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("The test came a week after North Korea fired two ballistic missiles "
                                             "into the East Sea.", 2, modality="historical")])
    assert len(store.events()) == 2
    assert all(ev.sources == 1 for ev in store.events())


def test_plan_for_another_day_is_its_own_event(store):
    # "will speak by telephone next week" (a week, not a day) does not join the meeting held on Saturday ...
    add(store, "a1", "Harbor Wire", [talks("The foreign ministers of South Korea and Japan met in Busan.")])
    add(store, "a2", "Korea Ledger", [talks("The foreign ministers of South Korea and Japan will speak again "
                                            "by telephone next week.", modality="planned", date="2025-03",
                                            precision="week")])
    assert len(store.events()) == 2
    # ... while a plan that names the very day of the meeting is the same happening.
    add(store, "a3", "Tokyo Evening", [talks("The foreign ministers of South Korea and Japan are due to meet in "
                                             "Busan on Saturday.", modality="planned")])
    sizes = sorted(len(ev.mentions) for ev in store.events())
    assert sizes == [1, 2]


def test_called_off_meeting_fuses_with_the_held_one_as_an_occurrence_conflict(store):
    off = talks("A meeting of the foreign ministers of South Korea and Japan planned for Saturday in Busan has "
                "been called off.", modality="negated", actor=[Actor("foreign ministers")])
    add(store, "a1", "Tokyo Evening", [off])
    add(store, "a2", "Korea Ledger", [talks("The foreign ministers of South Korea and Japan met in Busan on "
                                            "Saturday.")])
    (ev,) = store.events()
    assert ev.modality == "asserted" and ev.date == "2025-03-15"
    (c,) = store.conflicts()
    assert c.field == "occurrence" and c.event_ids == [ev.id]


def test_state_body_and_its_country_are_one_side(store):
    # KCNA names the Missile Administration, Seoul names the country; different stories, same day.
    # (Triggers as the extractor gives them: the act they name is part of what fusion weighs.)
    admin = Actor("Missile Administration", "ORG", "PRK", "org:missile administration")
    seoul = launch("North Korea fired two ballistic missiles toward the East Sea on Tuesday.", 2)
    kcna = launch("North Korea's Missile Administration conducted a test-fire of tactical ballistic missiles on "
                  "Tuesday.", actor=admin)
    seoul.trigger, kcna.trigger = "fired", "test-fire"
    add(store, "a1", "Harbor Wire", [seoul], story="s1")
    add(store, "a2", "Pyongyang Monitor", [kcna], story="s2")
    (ev,) = store.events()
    assert ev.sources == 2
    # A state and its own body are closer than two bodies of one country, which may be two actors.
    jcs = Actor("Joint Chiefs of Staff", "ORG", "KOR", "org:jcs")
    nis = Actor("National Intelligence Service", "ORG", "KOR", "org:nis")
    assert same_participants([NK], [admin]) > same_participants([jcs], [nis]) > same_participants([NK], [KR])


def test_inflections_meet_in_content_words():
    assert content_words("marines were wounded by shells") == content_words("wounding a marine with a shell")
    assert stem("companies") == stem("company") and stem("Korea's") == stem("Korea")
    assert stem("missiles") == stem("missile") and stem("imposed") == stem("impose")


def test_counts_of_one_kind_of_target_disagree(store):
    treasury = Actor("US Department of the Treasury", "ORG", "USA", "org:us treasury")

    def sanction(sentence, n, unit):
        return EventMention(article_id="", event_type="SANCTION", sentence=sentence, start=0, end=0,
                            actor=[treasury], quantities=[Quantity(n, unit, str(n))], date="2025-10-02",
                            date_precision="day", date_from="text")

    add(store, "a1", "Beltway Briefing", [sanction("The Treasury sanctioned seven companies over arms shipments to "
                                                   "Russia.", 7, "company")])
    add(store, "a2", "Harbor Wire", [sanction("The U.S. Treasury blacklisted nine entities over arms shipments to "
                                              "Russia.", 9, "entity")])
    (c,) = store.conflicts()
    assert c.field == "quantity" and sorted(v.value for v in c.values) == [7, 9]
    assert "number of entities" in c.explanation


def test_denial_needs_the_accused_to_answer(store):
    # "The two sides failed to agree" is a rejection by nobody in particular: it answers no accusation.
    accuse = EventMention(article_id="", event_type="ACCUSE", sentence="The ministers condemned North Korea's "
                          "missile launches.", start=0, end=0, actor=[Actor("ministers")], recipient=[NK],
                          date="2025-03-11", date_precision="day")
    reject = EventMention(article_id="", event_type="REJECT", sentence="The two sides failed to agree on the "
                          "wording of a statement on North Korea's missile launches.", start=0, end=0,
                          actor=[Actor("sides")], date="2025-03-11", date_precision="day")
    add(store, "a1", "Harbor Wire", [accuse])
    add(store, "a2", "Korea Ledger", [reject])
    assert store.conflicts() == []


def test_denied_report_stays_apart_and_answers_only_its_own_kind(store):
    ri = Actor("Ri Chol Min", "PERSON", None, "person:ri chol min")
    dismissed = EventMention(article_id="", event_type="PERSONNEL", sentence="North Korea dismissed defense "
                             "minister Ri Chol Min last month.", start=0, end=0, actor=[NK], recipient=[ri],
                             modality="claimed", date="2025-10", date_precision="month", date_from="text")
    inspected = EventMention(article_id="", event_type="INSPECT", sentence="Defense minister Ri Chol Min "
                             "inspected an air force unit.", start=0, end=0, actor=[ri], modality="reported",
                             date="2025-11-05", date_precision="day", date_from="text")
    denied = EventMention(article_id="", event_type="PERSONNEL", sentence="North Korea denied that defense "
                          "minister Ri Chol Min had been dismissed.", start=0, end=0, recipient=[ri],
                          modality="denied", date="2025-11-06", date_precision="day", date_from="published")
    add(store, "a1", "Korea Ledger", [dismissed])
    add(store, "a2", "Pyongyang Monitor", [inspected, denied])
    assert len(store.events()) == 3  # the denial is not fused into the claim it answers
    (c,) = store.conflicts()
    claim = next(ev for ev in store.events() if ev.modality == "claimed")
    assert c.field == "occurrence" and claim.id in c.event_ids
    assert not any(ev.event_type == "INSPECT" and ev.id in c.event_ids for ev in store.events())


def test_launch_and_the_other_sides_alert_are_not_mutual_blame(store):
    sk = Actor("South Korean military", None, "KOR")
    alert = EventMention(article_id="", event_type="MOBILIZE", sentence="The South Korean military raised its "
                         "surveillance posture after North Korea fired two ballistic missiles.", start=0, end=0,
                         actor=[sk], date="2025-03-11", date_precision="day")
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [alert])
    assert len(store.events()) == 2  # two sides, two acts
    assert store.conflicts() == []
    # Each side naming the other as the one that opened fire is still a conflict on the actor.
    shelling = EventMention(article_id="", event_type="ASSAULT", sentence="North Korean artillery fired shells "
                            "near Yeonpyeong Island.", start=0, end=0, actor=[NK], date="2025-09-26",
                            date_precision="day", date_from="text")
    blame = EventMention(article_id="", event_type="ASSAULT", sentence="South Korean forces started the clash "
                         "by firing shells near Yeonpyeong Island.", start=0, end=0, actor=[KR],
                         modality="claimed", date="2025-09-26", date_precision="day", date_from="text")
    add(store, "a3", "Harbor Wire", [shelling], story="s2")
    add(store, "a4", "Pyongyang Monitor", [blame], story="s2")
    assert [c.field for c in store.conflicts()] == ["actor"]


def test_claim_and_denial_in_two_stories_still_conflict(store):
    """Story clustering depends on arrival order; a denial days after a claim is compared all the same."""
    accuse = EventMention(article_id="", event_type="ACCUSE", sentence="The United States accused North Korea of "
                          "shipping artillery shells to Russia.", start=0, end=0, actor=[US], recipient=[NK],
                          modality="claimed", date="2025-03-11", date_precision="day")
    deny = EventMention(article_id="", event_type="REJECT", sentence="North Korea denied shipping any artillery "
                        "shells to Russia.", start=0, end=0, actor=[NK], modality="denied", date="2025-03-12",
                        date_precision="day")
    add(store, "a1", "Harbor Wire", [accuse], story="s1")
    add(store, "a2", "Korea Ledger", [deny], story="s2")
    (c,) = store.conflicts()
    assert c.field == "occurrence"


# ---------------------------------------------------------------- fitted coreference (issue 12)

KE = Actor("Kenya", "GPE", "KEN", "gpe:kenya")


def person(name):
    return Actor(name, "PERSON", "KEN", "person:" + name.lower())


def personnel(sentence, trigger, recipient, date="2026-03-03"):
    return EventMention(article_id="", event_type="PERSONNEL", sentence=sentence, start=0, end=0, trigger=trigger,
                        actor=[KE], recipient=[person(recipient)], date=date, date_precision="day",
                        date_from="text")


def test_a_reshuffle_stays_one_event_per_person_and_act(store):
    add(store, "a1", "Continental Wire", [
        personnel("Kenya's president dismissed Finance Minister Peter Otieno on Tuesday.", "dismissed", "Peter Otieno"),
        personnel("Kenya's president appointed Grace Wanjiru as finance minister on Tuesday.", "appointed",
                  "Grace Wanjiru")])
    add(store, "a2", "Nairobi Ledger", [
        personnel("Kenya's president sacked Treasury chief Peter Otieno on Tuesday.", "sacked", "Peter Otieno"),
        personnel("Kenya's president named Grace Wanjiru to run the Treasury on Tuesday.", "named", "Grace Wanjiru")])
    groups = sorted(sorted(m.trigger for m in ev.mentions) for ev in store.events())
    assert groups == [["appointed", "named"], ["dismissed", "sacked"]]


def test_reworded_inspection_fuses():
    from wirewatch.connect.pairs import default_model, view

    kim = Actor("Kim Jong Un", "PERSON", "PRK", "person:kim jong un")
    a = EventMention(article_id="a1", event_type="INSPECT", sentence="Kim Jong Un inspected an important munitions "
                     "enterprise on Monday.", start=0, end=0, trigger="inspected", actor=[kim], date="2025-03-10",
                     date_precision="day", date_from="text")
    b = EventMention(article_id="a2", event_type="INSPECT", sentence="Kim Jong Un visited a major munitions factory "
                     "on Monday.", start=0, end=0, trigger="visited", actor=[kim], date="2025-03-10",
                     date_precision="day", date_from="text")
    model = default_model()
    assert model.prob(view(a), view(b), True) >= model.threshold


def test_background_denial_does_not_answer_an_unrelated_claim(store):
    claim = EventMention(article_id="", event_type="ACCUSE", sentence="The United States accused North Korea of "
                         "hacking cryptocurrency exchanges.", start=0, end=0, actor=[US], recipient=[NK],
                         modality="claimed", date="2025-03-11", date_precision="day")
    deny = EventMention(article_id="", event_type="REJECT", sentence="North Korea and Russia have repeatedly denied "
                        "any arms trade, though they signed a defence treaty.", start=0, end=0, actor=[NK, RU],
                        modality="denied", date="2025-03-11", date_precision="day")
    add(store, "a1", "Harbor Wire", [claim])
    add(store, "a2", "Korea Ledger", [deny])
    assert store.conflicts() == []


def test_one_sentence_never_conflicts_with_itself(store):
    text = "North Korea and Russia have repeatedly denied any arms transfers, though they signed a defence treaty."
    deny = EventMention(article_id="", event_type="REJECT", sentence=text, start=0, end=0, actor=[NK, RU],
                        modality="denied", date="2025-03-11", date_precision="day")
    agree = EventMention(article_id="", event_type="AGREE", sentence=text, start=0, end=0, actor=[NK, RU],
                         modality="asserted", date="2025-03-11", date_precision="day")
    art = add(store, "a1", "Harbor Wire", [deny, agree])
    agree.start, agree.end = deny.start, deny.end  # the same sentence span
    store.save_extraction(art)
    fuse_events(store, art)
    add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    assert store.conflicts() == []


def test_conflicts_say_why_and_how_sure(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3)])
    (c,) = store.conflicts()
    assert "One event because" in c.explanation and 0.5 < c.confidence <= 1.0
    (row,) = [json.loads(line) for line in export.iter_lines(store, "conflicts")] if hasattr(export, "iter_lines") \
        else [{"confidence": c.confidence}]
    assert row["confidence"] == c.confidence


def test_a_sentence_and_its_copy_in_another_outlet_never_conflict(store):
    # The demo's case: one APW sentence, reprinted by a second outlet, read as AGREE in one and REJECT in the other.
    text = "North Korea and Russia have repeatedly denied any transfer of weapons, though they signed a defence treaty."
    agree = EventMention(article_id="", event_type="AGREE", sentence=text, start=0, end=0, actor=[NK, RU],
                         modality="asserted", date="2025-03-11", date_precision="day", trigger="signed")
    deny = EventMention(article_id="", event_type="REJECT", sentence=text, start=0, end=0, actor=[NK, RU],
                        modality="historical", date="2025-03-11", date_precision="day", trigger="denied")
    add(store, "a1", "Harbor Wire", [agree])
    add(store, "a2", "Capital Post", [deny])
    assert store.conflicts() == []


def test_background_denial_answers_only_the_act_it_names(store):
    deny = EventMention(article_id="", event_type="REJECT", sentence="North Korea has repeatedly denied any transfer "
                        "of weapons or troops to Russia.", start=0, end=0, actor=[NK], modality="asserted",
                        date="2025-03-11", date_precision="day", trigger="denied")
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles toward the sea, officials "
                                            "said, after talks on weapons and troops.", 2)])
    add(store, "a2", "Korea Ledger", [deny])
    assert store.conflicts() == []  # a launch is not the transfer denied
    sent = EventMention(article_id="", event_type="AID", sentence="North Korea has sent troops and weapons to "
                        "Russia since January, intelligence officials said.", start=0, end=0, actor=[NK],
                        recipient=[RU], modality="reported", date="2025-03-11", date_precision="day", trigger="sent")
    add(store, "a3", "Seoul Ledger", [sent])
    (c,) = store.conflicts()
    assert c.field == "occurrence" and "background" in c.explanation
    assert {v.sentence for v in c.values} == {sent.sentence, deny.sentence}


def test_a_day_named_as_the_reports_is_no_date_conflict(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea on "
                                            "Wednesday.", 2, date="2025-03-12")])
    add(store, "a2", "Korea Ledger", [launch("North Korea test-fired two ballistic missiles into the East Sea a day "
                                             "earlier, state media reported Thursday.", 2, date="2025-03-13")])
    assert [c.field for c in store.conflicts()] == []


def test_fused_event_keeps_every_reports_attribution(store):
    a = launch("North Korea fired two ballistic missiles, South Korea's military said.", 2)
    a.attributed_to = "South Korea's military"
    b = launch("North Korea fired two ballistic missiles, Japan's Defense Ministry said.", 2, modality="reported")
    b.attributed_to = "Japan's Defense Ministry"
    add(store, "a1", "Harbor Wire", [a])
    add(store, "a2", "Korea Ledger", [b])
    (ev,) = store.events()
    assert ev.attributed_to == "South Korea's military"  # goes with the asserted modality
    assert ev.attributions() == ["South Korea's military", "Japan's Defense Ministry"]
    (row,) = [json.loads(line) for line in export.to_string(store, "events").splitlines() if line.strip()]
    assert row["attributions"] == ["South Korea's military", "Japan's Defense Ministry"]


def test_irregular_forms_name_one_act_and_one_trigger():
    from wirewatch.connect.pairs import act_of, act_stem, features, view

    assert act_stem("shot") == act_stem("shooting") == act_stem("shoots")
    assert act_stem("met") == act_stem("meeting")
    a = EventMention(article_id="a1", event_type="ASSAULT", sentence="A gunman shot two guards at the depot.",
                     start=0, end=0, trigger="shot")
    b = EventMention(article_id="a2", event_type="ASSAULT", sentence="Police said the shooting at the depot "
                     "left two guards hurt.", start=0, end=0, trigger="shooting")
    assert act_of(a) == act_of(b) == "attack"
    f = features(view(a), view(b), True)
    assert f.get("trigger_same") == 1.0 and f.get("act_same") == 1.0


def test_a_big_event_is_joined_on_its_best_matching_mentions():
    from wirewatch.connect.fusion import SUPPORT_TOP, support

    # A new report that rewords three of a big event's mentions closely and the other reports not at all
    # (with no share of the event required beyond its best three; fusion_model.json's link_share).
    probs = [0.9] * SUPPORT_TOP + [0.1] * 12
    assert support(probs, share=0.0) >= 0.85
    # The single worst match is left out once there are three (a mis-read mention), the rest must carry it;
    # of two, both count: one close match to one member is no fit for the event (tests/test_fusion_chaining.py).
    assert abs(support([0.9, 0.8, 0.0], share=0.0) - 0.85) < 1e-9 and support([0.2, 0.1, 0.0], share=0.0) < 0.2
    assert support([0.9, 0.0], share=0.0) == 0.45


def test_a_denial_of_sending_answers_the_sending_not_the_same_partys_other_acts(store):
    # New storyline and wording: a ministry rejects reports that its country shipped rifles to a militia.
    ve = Actor("Veridia", "GPE", "VER", "gpe:veridia")
    shipped = EventMention(article_id="", event_type="AID", sentence="Veridia has shipped crates of rifles and "
                           "mortar rounds to the Coastal Militia since May, monitors said.", start=0, end=0,
                           trigger="shipped", actor=[ve], modality="reported", date="2025-06-02",
                           date_precision="day", date_from="published")
    demand = EventMention(article_id="", event_type="REQUEST", sentence="Veridia's defence chief demanded faster "
                          "output of rifles and mortar rounds at state arsenals.", start=0, end=0,
                          trigger="demanded", actor=[ve], modality="reported", date="2025-06-02",
                          date_precision="day", date_from="published")
    reject = EventMention(article_id="", event_type="REJECT", sentence="A ministry spokesperson rejected reports "
                          "that the country had sent rifles and mortar rounds to the militia, calling them lies.",
                          start=0, end=0, trigger="rejected", trigger_start=None, actor=[Actor("spokesperson")],
                          recipient=[ve], date="2025-06-03", date_precision="day", date_from="published")
    add(store, "a1", "Harbor Wire", [shipped])
    add(store, "a2", "Delta Courier", [demand])
    add(store, "a3", "Veridia Press", [reject])
    kinds = {ev.id: ev.event_type for ev in store.events()}
    answered = {kinds[i] for c in store.conflicts() for i in c.event_ids} - {"REJECT"}
    assert answered == {"AID"}


def test_two_background_recaps_make_no_event_of_their_own(store):
    # Two outlets recall one old launch as background to newer news: a recap is not a second source of
    # the recalled launch, and two recaps together are not a multi-source event either.
    add(store, "a1", "Harbor Wire", [launch("The test came a week after North Korea fired two ballistic missiles "
                                            "into the East Sea.", 2, modality="historical")])
    add(store, "a2", "Korea Ledger", [launch("It followed a launch of two ballistic missiles by North Korea into "
                                             "the East Sea last week.", 2, modality="historical")])
    assert len(store.events()) == 2


def test_a_dated_has_rejected_line_is_news_not_background():
    from wirewatch.connect.pairs import mention_phase

    def rej(sentence, date_from):
        return EventMention(article_id="a", event_type="REJECT", sentence=sentence, start=0, end=0, actor=[NK],
                            modality="reported", date="2025-11-06", date_precision="day", date_from=date_from)
    assert mention_phase(rej("Pyongyang has rejected the reports, its news agency said on Thursday.", "text")) == "now"
    assert mention_phase(rej("Pyongyang has repeatedly rejected such reports.", "published")) == "past"


def test_two_named_actors_are_two_happenings_whatever_recipient_they_share():
    # Separate one-line reports of one day: a shared recipient ("the United States") or a shared name must
    # not make al-Qaeda's threat and Russia's one event.
    from wirewatch.connect.pairs import default_model, view

    aq = Actor("al-Qaeda", "ORG", None, "org:al qaeda")

    def threat(sentence, actor):
        return EventMention(article_id=sentence[:5], event_type="THREATEN", sentence=sentence, start=0, end=0,
                            trigger="threatened", actor=[actor], recipient=[US], modality="asserted",
                            date="2025-03-10", date_precision="day", date_from="published")
    a = threat("Al-Qaeda threatened the United States with new attacks.", aq)
    b = threat("Russia threatened the United States with retaliation over the sanctions.", RU)
    model = default_model()
    assert model.prob(view(a), view(b), True) == 0.0
    # When one report also names the other's actor, the extractor may have picked another participant of
    # one happening: the pair is weighed, not ruled out.
    c = threat("Russia and al-Qaeda threatened the United States, officials said.", RU)
    assert model.prob(view(a), view(c), True) > 0.0


LANDIA = Actor("Landia", "GPE", "LND", "gpe:landia")
MARIA = Actor("Maria", "GPE", "MRA", "gpe:maria")


def test_a_rejection_of_the_accusations_answers_the_accusation_not_the_protest_line(store):
    accuse = EventMention(article_id="", event_type="ACCUSE", sentence="Landia accused Maria on Saturday of moving "
                          "troops across the river border.", start=0, end=0, actor=[LANDIA], recipient=[MARIA],
                          modality="asserted", date="2025-03-15", date_precision="day", trigger="accused")
    protest = EventMention(article_id="", event_type="ACCUSE", sentence="Landia summoned Maria's envoy to protest "
                           "on Wednesday.", start=0, end=0, actor=[LANDIA], recipient=[MARIA], modality="asserted",
                           date="2025-03-12", date_precision="day", trigger="protest")
    deny = EventMention(article_id="", event_type="REJECT", sentence="Maria's government rejected Landia's "
                        "accusations on Saturday as baseless.", start=0, end=0, actor=[MARIA], recipient=[LANDIA],
                        modality="asserted", date="2025-03-15", date_precision="day", trigger="rejected")
    add(store, "a1", "Harbor Wire", [accuse])
    add(store, "a2", "River Post", [protest], story="s2")
    add(store, "a3", "Capital Ledger", [deny])
    assert len(store.events()) == 3
    pairs = [{v.sentence for v in c.values} for c in store.conflicts() if c.field == "occurrence"]
    assert pairs == [{accuse.sentence, deny.sentence}]


def test_a_denier_of_unknown_side_answers_only_a_claim_whose_actor_it_clears(store):
    # "A spokesperson" (no country) rejecting reports answers nothing by shared words alone: a treaty line
    # that shares "troops" and "sent" is not what it denies.
    spokes = Actor("spokesperson", "PERSON", None, None)
    treaty = Actor("strategic partnership treaty", "ORG", None, "org:treaty")
    deny = EventMention(article_id="", event_type="REJECT", sentence="A spokesperson on Wednesday rejected reports "
                        "that troops and shells had been sent.", start=0, end=0, actor=[spokes],
                        recipient=[Actor("reports", "OTHER", None, None)],
                        modality="asserted", date="2025-03-19", date_precision="day", trigger="rejected")
    aid = EventMention(article_id="", event_type="AID", sentence="The strategic partnership treaty lets either side "
                       "send troops and shells.", start=0, end=0, actor=[treaty], modality="asserted",
                       date="2025-03-19", date_precision="day", trigger="send")
    add(store, "a1", "Harbor Wire", [aid])
    add(store, "a2", "Korea Ledger", [deny])
    assert store.conflicts() == []


def test_an_actor_named_only_as_the_other_reports_recipient_does_not_reopen_the_pair():
    from wirewatch.connect.pairs import default_model, view

    bush = Actor("Bush", "PERSON", None, "person:bush")

    def threat(sentence, actor, recipient):
        return EventMention(article_id=sentence[:5], event_type="THREATEN", sentence=sentence, start=0, end=0,
                            trigger="threatened", actor=[actor], recipient=[recipient], modality="asserted",
                            date="2025-03-10", date_precision="day", date_from="published")
    a = threat("President Bush has threatened further action against Russia.", bush, RU)
    b = threat("Russia has threatened to stop arms talks with the United States.", RU, US)
    assert default_model().prob(view(a), view(b), True) == 0.0
