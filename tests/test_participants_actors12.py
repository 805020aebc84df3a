"""Issue 11, actors round 3 (h/actors12): who acts when the clause names them in a form the rules missed.

Each case is a sentence written for this round, tagged with its kind of construction: a feeling said of its
subject ("is disappointed by", "are angry with"), a part "of whom" standing for its whole, talks that name no
side bound to a clause that does.
"""

from __future__ import annotations

from tests.participant_fixtures import events, mention, names
from wirewatch.pipeline import Pipeline


# --- a feeling or stance is its subject's; a "by" phrase is what moved them, never an agent
def test_disappointed_by_is_the_subjects_disapproval(pipe: Pipeline) -> None:
    text = ("Lithuania's parliament approved a bill on Monday allowing pushbacks of migrants. The United States "
            "is deeply disappointed by the approval of the bill, a spokesman said.")
    m = mention(pipe, text, "disappointed")
    assert names(m.actor) == ["United States"]


def test_outraged_by_in_the_passive_is_the_one_who_feels_it(pipe: Pipeline) -> None:
    text = "Opposition leaders were outraged by the arrest of the editor in Harare on Tuesday."
    m = mention(pipe, text, "outraged")
    assert names(m.actor) == ["Opposition leaders"]
    assert "arrest" not in " ".join(names(m.actor + m.recipient))


def test_angered_at_names_whom_they_turn_on(pipe: Pipeline) -> None:
    text = "Students in Belgrade were angered at the police over the beatings."
    m = mention(pipe, text, "angered")
    assert names(m.actor) == ["Students"]
    assert names(m.recipient) == ["police"]


def test_intimidated_by_is_no_stance_the_by_phrase_acts(pipe: Pipeline) -> None:
    # COERCE: the one who feels it undergoes the act, whose doer is the "by" phrase
    m = mention(pipe, "Union members in Harare were intimidated by police officers on Monday.", "intimidated")
    assert names(m.actor) == ["police officers"]


def test_angry_with_is_said_of_the_copulas_subject(pipe: Pipeline) -> None:
    text = "Farmers in Kenya are angry with the government over the new tax on fertiliser."
    m = mention(pipe, text, "angry")
    assert names(m.actor) == ["Farmers"]


# --- "some of whom": the part acts as the whole it is taken from
def test_many_of_whom_acts_as_the_noun_the_clause_is_about(pipe: Pipeline) -> None:
    text = "Soldiers detained dozens of miners in Katanga, many of whom had attacked a convoy on Sunday."
    m = mention(pipe, text, "attacked")
    assert names(m.actor) == ["miners"]


def test_several_of_whom_after_a_comma_is_the_object_before_it(pipe: Pipeline) -> None:
    text = "The army shelled the rebels, several of whom later attacked a checkpoint."
    m = mention(pipe, text, "attacked")
    assert names(m.actor) == ["rebels"]


# --- talks that name no side take the sides of the clause they are bound to
def test_talks_since_a_clause_of_two_sides_are_theirs(pipe: Pipeline) -> None:
    text = "Armenia and Azerbaijan have traded fire along the border since talks collapsed in Brussels in May."
    m = mention(pipe, text, "talks")
    assert set(names(m.actor + m.recipient)) == {"Armenia", "Azerbaijan"}


def test_talks_failing_after_a_party_acted_are_that_partys(pipe: Pipeline) -> None:
    text = "Talks to end the strike broke down on Friday after the union accused the company of stalling."
    m = mention(pipe, text, "Talks")
    assert names(m.actor) == ["union"]


def test_talks_bound_to_a_clause_about_a_thing_have_no_side(pipe: Pipeline) -> None:
    text = "Prices rose sharply after talks failed in Geneva."
    m = next((m for m in events(pipe, text) if m.trigger == "talks"), None)
    assert m is None or m.actor == []


# --- an agentless passive harm that a censure answers is the censured side's
def test_killed_as_a_censure_of_a_side_is_that_sides(pipe: Pipeline) -> None:
    text = ("The European Union strongly condemned the continuing brutality of the Belarusian police, as at least "
            "six opposition marchers were killed on Sunday in Minsk.")
    m = mention(pipe, text, "killed")
    assert names(m.actor) == ["Belarusian police"]


def test_killed_after_a_censure_of_no_side_has_no_actor(pipe: Pipeline) -> None:
    text = "Amnesty International condemned the violence after four villagers were killed near Gao."
    m = mention(pipe, text, "killed")
    assert m.actor == []


def test_killed_after_an_inquiry_into_a_side_is_not_that_sides(pipe: Pipeline) -> None:
    # an investigation answers the deaths but says nothing of who caused them
    text = "Labour inspectors are investigating the quarry firm after three miners were killed in a rockfall."
    m = mention(pipe, text, "killed")
    assert "quarry firm" not in names(m.actor)


# --- "with X doing ...": X voices the reaction the clause tells, it is no counterpart
def test_condemnation_with_governments_calling_is_theirs(pipe: Pipeline) -> None:
    text = ("The raid on the village triggered international condemnation, with many governments and aid groups "
            "calling for an inquiry.")
    m = mention(pipe, text, "condemnation")
    assert "many governments" in names(m.actor)
    assert not set(names(m.actor)) & set(names(m.recipient))



# --- an agentless appointment in a reshuffle is the appointer's the article named before
def test_named_minister_in_the_passive_is_the_reshuffling_presidents(pipe: Pipeline) -> None:
    text = ("President Ochieng on Monday sacked Defence Minister Paul Wafula. Ochieng appointed Mary Akinyi as "
            "defence minister. Former army chief John Barasa was named interior minister.")
    evs = events(pipe, text)
    assert names(next(m for m in evs if m.trigger == "sacked").actor) == ["Ochieng"]  # a name before "on Monday"
    assert names(next(m for m in evs if m.trigger == "named").actor) == ["Ochieng"]


def test_an_appointment_with_no_appointer_told_has_no_actor(pipe: Pipeline) -> None:
    m = mention(pipe, "Peter Lund was appointed chief executive of Nordbank on Friday.", "appointed")
    assert m.actor == []


# --- "aid from X": X gives it
def test_aid_from_an_agency_is_the_agencys(pipe: Pipeline) -> None:
    m = mention(pipe, "Cargo planes carrying aid from the Red Cross landed in Goma on Tuesday.", "aid")
    assert names(m.actor) == ["Red Cross"]


# --- a verdict told by the copula is passed by the one who says it, on the party it is said of
def test_x_is_the_aggressor_said_by_a_spokesman_is_the_spokesmans(pipe: Pipeline) -> None:
    m = mention(pipe, "Riyadh is the aggressor in this conflict, the Houthi spokesman said.", "aggressor")
    assert names(m.actor) == ["Houthi"]
    assert names(m.recipient) == ["Saudi Arabia"]


def test_claims_are_a_fabrication_in_a_quote_is_the_speakers_rejection(pipe: Pipeline) -> None:
    text = ('"There were no shipments of arms, and the Western claims are a fabrication," ministry spokesman '
            "Oleg Petrov told reporters.")
    m = mention(pipe, text, "fabrication")
    assert names(m.actor) == ["Oleg Petrov"]
