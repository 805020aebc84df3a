"""h/fixattr: one test of our own, in another style, beside each of the reviewer's (tests/review/
test_review_attr4.py). Sentences written for this file: a port strike, a court file, a flood, farm news.
Reports are published 2026-03-11, a Wednesday."""

from __future__ import annotations

from tests.participant_fixtures import events, mention
from wirewatch.pipeline import Pipeline


def test_a_precaution_already_taken_is_real_but_a_promised_one_is_not(pipe: Pipeline) -> None:
    # the same "in case" on a deed told as done and on one that only would be done
    done = mention(pipe, "The coast guard has evacuated two villages in case the dam bursts.", "evacuated")
    assert done.modality == "asserted", done.modality
    would = mention(pipe, "The coast guard would evacuate two villages in case the dam bursts.", "evacuate")
    assert would.modality == "hypothetical", would.modality


def test_a_docket_number_after_in_case_is_a_court_file(pipe: Pipeline) -> None:
    m = mention(pipe, "Federal agents detained a courier in case No. 2291 on Tuesday.", "detained")
    assert m.modality == "asserted", m.modality


def test_a_nearer_group_with_its_own_name_is_the_one_meant(pipe: Pipeline) -> None:
    evs = events(pipe, "Inspectors from the European Union toured the port in January. Last week, Turkish "
                       "inspectors boarded a freighter off Izmir. The inspectors said the crew had seized a "
                       "cargo of rifles.")
    seized = [m for m in evs if m.trigger == "seized"]
    assert seized, [(m.event_type, m.trigger) for m in evs]
    assert "European Union" not in (seized[0].attributed_to or ""), seized[0].attributed_to


def test_a_body_of_speakers_reads_the_same_at_the_start_of_a_sentence(pipe: Pipeline) -> None:
    first = mention(pipe, "Farmers from Punjab said police detained a union leader.", "detained")
    second = mention(pipe, "Police detained a union leader, farmers from Punjab said.", "detained")
    assert first.attributed_to and first.attributed_to == second.attributed_to, \
        (first.attributed_to, second.attributed_to)


def test_a_month_still_to_come_is_the_coming_one_and_an_attempted_one_is_gone_by(pipe: Pipeline) -> None:
    # the same bare month after the same past tense: what was voted for lies ahead (June 2026, news); what
    # was tried shares the attempt's time (June 2025)
    voted = mention(pipe, "Dockworkers voted to strike at the port in June.", "strike")
    assert voted.date == "2026-06" and voted.modality != "historical", (voted.date, voted.modality)
    tried = mention(pipe, "Gunmen tried to storm the prison in June.", "storm")
    assert tried.date == "2025-06", tried.date


def test_a_flood_going_on_when_told_is_dated_no_later_than_the_telling(pipe: Pipeline) -> None:
    m = mention(pipe, "Rescuers are evacuating families from the flooded delta, the governor said on Sunday.",
                "evacuating")
    assert m.date == "2026-03-08" and m.date_from == "context", (m.date, m.date_from)
    # with no day of saying, the publication day is the stand-in, as before
    m = mention(pipe, "Rescuers are evacuating families from the flooded delta, the governor said.", "evacuating")
    assert m.date_from != "text", (m.date, m.date_from)
