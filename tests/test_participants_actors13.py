"""Issue 11, participants round 4 (h/actors13): who acts and who is acted on when the clause tells it in a form the
rules missed. Each case is a sentence written for this round, grouped by its kind of construction: a happening
that acts for the parties its "by" phrase names; an agentless passive told by the force that did it; a
participle whose passive auxiliary is left out; forces deployed by no one named; a verdict carried by a verb of
thinking; "the group" after a band; and parties named in the clause but left empty.
"""

from __future__ import annotations

from tests.participant_fixtures import events, mention, names
from wirewatch.pipeline import Pipeline


# --- a happening acts for the parties its own "by" phrase names, and a definite one for those named before
def test_strikes_by_an_army_are_the_armys(pipe: Pipeline) -> None:
    text = "Air strikes by the Nigerian army and its allies have killed at least 30 Boko Haram fighters, the army said."
    m = mention(pipe, text, "killed")
    assert names(m.actor)[:1] == ["Nigerian army"]
    assert "Boko Haram" in " ".join(names(m.recipient))


def test_the_strikes_later_are_those_told_before(pipe: Pipeline) -> None:
    text = ("Air strikes by the Nigerian army have killed at least 30 Boko Haram fighters, the army said. "
            "The army said the air strikes targeted two camps near Lake Chad.")
    m = mention(pipe, text, "targeted")
    assert names(m.actor) == ["Nigerian army"]


def test_a_blast_still_acts_for_no_one(pipe: Pipeline) -> None:
    m = mention(pipe, "The blast killed four people near the market on Sunday.", "killed")
    assert m.actor == []


# --- an agentless passive act of state power told by a force or a government is that body's own act
def test_police_telling_an_arrest_made_it(pipe: Pipeline) -> None:
    m = mention(pipe, "Police in Lagos said two men were arrested on Monday after the robbery.", "arrested")
    assert names(m.actor) == ["Police"]
    assert names(m.recipient) == ["men"]


def test_witnesses_telling_an_arrest_did_not_make_it(pipe: Pipeline) -> None:
    m = mention(pipe, "Witnesses said two men were arrested on Monday after the robbery.", "arrested")
    assert m.actor == []
    assert names(m.recipient) == ["men"]


def test_an_arrest_in_the_when_clause_of_a_police_statement(pipe: Pipeline) -> None:
    text = "When Mensah was arrested at the border crossing, police said a rifle had been hidden in his van."
    m = mention(pipe, text, "arrested")
    assert names(m.actor) == ["police"]
    assert names(m.recipient) == ["Mensah"]


def test_under_arrest_names_the_arrested_and_the_police_who_tell_it(pipe: Pipeline) -> None:
    text = "Four alleged cartel couriers are now under arrest over the murder of a taxi driver, police said Friday."
    m = mention(pipe, text, "arrest")
    assert names(m.actor) == ["police"]
    assert names(m.recipient) == ["alleged cartel couriers"]


# --- a participle joined to a passive verb is passive too, its auxiliary left out
def test_captured_shares_the_passive_subject_and_the_armies_report(pipe: Pipeline) -> None:
    text = "Both armies say large stocks of rifles were seized and several fighters were either killed or captured."
    m = mention(pipe, text, "captured")
    assert names(m.actor) == ["armies"]
    assert names(m.recipient) == ["several fighters"]


def test_gapped_were_makes_the_arrested_no_actor(pipe: Pipeline) -> None:
    m = mention(pipe, "Dozens of shops were looted, and more than 40 people arrested.", "arrested")
    assert m.actor == []
    assert names(m.recipient) == ["people"]


def test_an_active_conjunct_with_its_own_object_keeps_its_subject(pipe: Pipeline) -> None:
    m = mention(pipe, "Two men were arrested and police seized three rifles in Kano.", "seized")
    assert names(m.actor) == ["police"]


# --- forces deployed by no one named move for their own side
def test_troops_deployed_with_no_agent_are_the_actor(pipe: Pipeline) -> None:
    text = "Officials said hundreds of soldiers and medics were deployed to the border towns to protect residents."
    m = mention(pipe, text, "deployed")
    assert names(m.actor) == ["soldiers"]


def test_troops_deployed_by_a_government_stay_its_recipients(pipe: Pipeline) -> None:
    m = mention(pipe, "The troops were deployed by the government to the northern towns.", "deployed")
    assert names(m.actor) == ["government"]


# --- a copular verdict carried by a verb of thinking in a quotation is the speaker's
def test_we_have_to_understand_that_x_is_the_aggressor(pipe: Pipeline) -> None:
    text = ('Democratic Senator Jane Holt said the deal was a good start. "We have to understand that Moscow is the '
            'aggressor. We must not reward it," she said.')
    m = mention(pipe, text, "aggressor")
    assert names(m.actor) == ["Jane Holt"]
    assert names(m.recipient) == ["Russia"]


# --- "the group" after a band the sentence before told by a word for a band
def test_the_group_is_the_cell_broken_up_not_the_agency(pipe: Pipeline) -> None:
    text = ('On March 3, the Ghanaian security service dismantled an extremist cell that called itself "the Lions '
            'of the Volta." Officials said the group was making explosive vests for suicide bombers.')
    m = mention(pipe, text, "making")
    assert names(m.actor) == ["extremist cell"]


# --- parties the clause names, left empty or garbled before
def test_riot_police_are_no_person_named_riot(pipe: Pipeline) -> None:
    m = mention(pipe, "Riot police fired tear gas at hundreds of protesters marching on the palace.", "fired")
    assert names(m.actor) == ["Riot police"]
    assert names(m.recipient) == ["protesters"]


def test_a_length_of_time_controls_no_verb(pipe: Pipeline) -> None:
    text = "Police spent about three hours negotiating with the gunman before taking him into custody."
    m = mention(pipe, text, "negotiating")
    assert names(m.actor) == ["Police"]
    assert names(m.recipient) == ["gunman"]


def test_a_word_for_people_before_an_attack_names_the_attackers(pipe: Pipeline) -> None:
    m = mention(pipe, "A three-boat pirate attack on cargo ships was foiled by a Dutch frigate.", "attack")
    assert names(m.actor) == ["pirate"]


def test_an_adjective_before_a_strike_is_no_striker(pipe: Pipeline) -> None:
    m = mention(pipe, "Hundreds of teachers joined a general strike in Athens on Thursday.", "strike")
    assert names(m.actor) == ["teachers"]


def test_drawing_criticism_is_being_criticised(pipe: Pipeline) -> None:
    m = mention(pipe, "The minister has drawn sharp criticism for failing to act on the floods.", "criticism")
    assert m.actor == []
    assert names(m.recipient) == ["minister"]


def test_coming_under_attack_is_being_attacked(pipe: Pipeline) -> None:
    m = mention(pipe, "The convoy of aid workers came under attack near the border on Friday.", "attack")
    assert m.actor == []
    assert names(m.recipient) == ["convoy"]


def test_remain_occupied_by_is_a_passive(pipe: Pipeline) -> None:
    m = mention(pipe, "Dozens of schools remain occupied by students in the capital.", "occupied")
    assert names(m.actor) == ["students"]


def test_a_count_of_them_is_the_people_acted_on_before_not_the_subject(pipe: Pipeline) -> None:
    # an object "them" is never its own clause's subject (the commandos)
    m = mention(pipe, "Commandos surprised the poachers at a waterhole and took 14 of them into custody.", "took")
    assert names(m.actor) == ["Commandos"]
    assert names(m.recipient) == ["poachers"]


def test_them_after_a_warning_is_the_warned(pipe: Pipeline) -> None:
    m = mention(pipe, "The ministry said it had warned the companies and would fine them.", "fine")
    assert names(m.recipient) == ["companies"]


# --- an agentless passive arrest in a sentence whose other clause has one force acting
def test_captured_after_authorities_received_tips(pipe: Pipeline) -> None:
    text = ("A jailed forger who slipped away from a hospital ward was captured Tuesday after authorities "
            "got a string of anonymous calls.")
    m = mention(pipe, text, "captured")
    assert names(m.actor) == ["authorities"]
    assert names(m.recipient) == ["jailed forger"]


def test_soldiers_attacked_by_the_one_arrested_did_not_arrest_him(pipe: Pipeline) -> None:
    m = mention(pipe, "A young man was arrested on Sunday after attacking two soldiers at a checkpoint.", "arrested")
    assert m.actor == []


def test_a_movement_attracting_demonstrators_undergoes_nothing(pipe: Pipeline) -> None:
    m = mention(pipe, "The Occupy movement attracted tens of thousands of demonstrators in London.", "attracted")
    assert names(m.actor) == ["Occupy movement"]


def test_a_force_formed_is_not_moved(pipe: Pipeline) -> None:
    text = "The formation of a rapid response police force that is far better equipped was announced."
    evs = [m for m in events(pipe, text) if m.event_type == "MOBILIZE"]
    assert all("formation" not in names(m.actor) for m in evs)


def test_a_count_of_things_lifted_is_no_party(pipe: Pipeline) -> None:
    evs = events(pipe, "Ireland lifts most of its COVID restrictions on Saturday.")
    assert evs and all(m.recipient == [] for m in evs)


def test_a_deed_drawing_condemnation_is_no_recipient(pipe: Pipeline) -> None:
    m = mention(pipe, "The editor's detention drew swift condemnation.", "condemnation")
    assert m.recipient == []
