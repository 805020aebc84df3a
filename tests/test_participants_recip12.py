"""Issue 11, recipients round (h/recip12): a named party left empty where the clause names it by a common noun,
a pronoun of any person narrowed by its phrase, or the clause it answers.

Sentences written for this round (local crime, courts, politics, labour copy); on the unchanged rules every
recipient below came out empty, and "calls" had the prime minister as its actor.
"""

from __future__ import annotations

from tests.participant_fixtures import mention, names
from wirewatch.pipeline import Pipeline


def test_anyone_narrowed_by_a_with_phrase_is_the_one_asked(pipe: Pipeline) -> None:
    # the parser hangs "with information" on the verb; it still narrows "anyone"
    m = mention(pipe, "The sheriff urged anyone with information about the robbery to contact detectives.", "urged")
    assert names(m.recipient) == ["anyone with information"]


def test_those_responsible_is_the_one_threatened(pipe: Pipeline) -> None:
    m = mention(pipe, "The president vowed to punish those responsible for the bombing.", "vowed")
    assert names(m.recipient) == ["those responsible"]


def test_anyone_as_the_subject_of_a_passive_request(pipe: Pipeline) -> None:
    m = mention(pipe, "Anyone with footage of the crash is asked to contact the county sheriff.", "asked")
    assert names(m.recipient) == ["anyone with footage"]


def test_anyone_unnarrowed_as_a_subject_is_no_one(pipe: Pipeline) -> None:
    m = mention(pipe, "Anyone can file a complaint against the council.", "file")
    assert names(m.actor) == []


def test_a_request_passed_over_was_made_of_the_one_who_ignores_it(pipe: Pipeline) -> None:
    m = mention(pipe, "The prime minister has ignored growing calls for his resignation.", "calls")
    assert names(m.actor) == []
    assert names(m.recipient) == ["prime minister"]


def test_a_request_granted_was_made_of_the_granter(pipe: Pipeline) -> None:
    m = mention(pipe, "The governor granted the families' request for a meeting.", "request")
    assert names(m.actor) == ["families"]
    assert names(m.recipient) == ["governor"]


def test_a_bare_refusal_answers_the_offer_of_the_joined_clause(pipe: Pipeline) -> None:
    m = mention(pipe, "The rebels had offered a ceasefire, but the government refused.", "refused")
    assert names(m.recipient) == ["rebels"]


def test_a_bare_assent_answers_the_request_of_the_joined_clause(pipe: Pipeline) -> None:
    m = mention(pipe, "The workers asked for a raise and the company agreed.", "agreed")
    assert names(m.recipient) == ["workers"]


def test_a_refusal_with_its_own_complement_answers_no_one_else(pipe: Pipeline) -> None:
    m = mention(pipe, "The rebels proposed talks, but the union refused to negotiate with the board.", "refused")
    assert "rebels" not in names(m.recipient)


def test_a_surrender_is_to_the_side_closing_in(pipe: Pipeline) -> None:
    m = mention(pipe, "The fugitive surrendered after police surrounded the farmhouse.", "surrendered")
    assert names(m.recipient) == ["police"]


def test_a_surrender_after_talks_is_to_the_other_side_of_the_talks(pipe: Pipeline) -> None:
    m = mention(pipe, "The gunman surrendered after six hours of talks with negotiators.", "surrendered")
    assert names(m.recipient) == ["negotiators"]


def test_an_opening_earlier_frames_the_joined_verb_too(pipe: Pipeline) -> None:
    # "Three years earlier" is the frame of both verbs; the report's day is no day of the second
    m = mention(pipe, "Three years earlier, police had stopped the driver and arrested him.", "arrested")
    assert m.date is None
    assert m.modality == "historical"


def test_a_riot_is_aimed_at_whom_its_joined_verb_is_aimed_at(pipe: Pipeline) -> None:
    m = mention(pipe, "Some 300 youths rioted and hurled stones at officers outside the stadium.", "rioted")
    assert names(m.recipient) == ["officers"]


def test_a_protest_clause_with_its_own_subject_takes_no_target_from_the_other(pipe: Pipeline) -> None:
    # the residents' protest is no protest against the students the police fired at
    m = mention(pipe, "Police fired tear gas at students, and residents protested outside the town hall.",
                "protested")
    assert "students" not in names(m.recipient)


def test_a_protest_joined_to_a_throw_at_a_building_gets_no_party(pipe: Pipeline) -> None:
    m = mention(pipe, "Workers protested and threw eggs at the building.", "protested")
    assert names(m.recipient) == []


def test_a_tally_so_far_takes_no_publication_day(pipe: Pipeline) -> None:
    m = mention(pipe, "The coast guard has, thus far, seized nine boats from the smugglers.", "seized")
    assert m.date is None


def test_a_seizure_told_plainly_keeps_the_publication_day(pipe: Pipeline) -> None:
    m = mention(pipe, "The coast guard seized nine boats from the smugglers.", "seized")
    assert m.date == "2026-03-11" and m.date_from == "published"
