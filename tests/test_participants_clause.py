"""Issue 11, round 3: participants from the clause around the trigger - invented sentences only.

Each test is one kind of error seen on tuning material (passive acts told through a happening, victims
of a happening made its actor, measure nouns hiding an event noun, light verbs with a purpose clause,
coordinated verbs sharing an object, a thing as an attack's target, weapons as recipients, groups whose
side is a country after "in").
"""

from __future__ import annotations

from tests.participant_fixtures import events
from wirewatch.model import EventMention
from wirewatch.pipeline import Pipeline


def first(evs: list[EventMention], etype: str) -> EventMention:
    hits = [m for m in evs if m.event_type == etype]
    assert hits, [(m.event_type, m.trigger) for m in evs]
    return hits[0]


def said(actors: list) -> str:
    return " | ".join(f"{a.name} {a.text or ''}" for a in actors)


def test_passive_act_told_through_a_coup_takes_its_leader(pipe: Pipeline) -> None:
    m = first(events(pipe, "President Ali Taher was ousted in a military coup led by Colonel Ivo Marek in 2019."),
              "PERSONNEL")
    assert "Marek" in said(m.actor)
    assert "Taher" in said(m.recipient)


def test_the_one_who_died_after_a_shooting_is_no_actor(pipe: Pipeline) -> None:
    evs = events(pipe, "A Brookfield County deputy died after a shooting late Sunday near the fairgrounds.")
    for m in evs:
        if m.event_type == "ASSAULT":
            assert "deputy" not in said(m.actor)
            assert "deputy" in said(m.recipient)


def test_hours_of_talks_take_the_subject_of_the_verb(pipe: Pipeline) -> None:
    m = first(events(pipe, "Foreign Minister Lena Hoss held nine hours of talks with Peruvian negotiators in Lima."),
              "CONSULT")
    assert "Hoss" in said(m.actor)
    assert "negotiators" in said(m.recipient)


def test_a_city_before_talks_is_where_not_who(pipe: Pipeline) -> None:
    m = first(events(pipe, "Senator Ruth Ames will join the Geneva talks with Algerian officials next week."),
              "CONSULT")
    assert "Geneva" not in said(m.actor)


def test_light_verb_purpose_clause_names_the_target(pipe: Pipeline) -> None:
    m = first(events(pipe, "Hundreds of nurses staged a sit-in on Tuesday to demand higher wages from the "
                           "regional health authority."), "PROTEST")
    assert "authority" in said(m.recipient)


def test_coordinated_verbs_share_their_object(pipe: Pipeline) -> None:
    m = first(events(pipe, "Brazil has threatened to freeze or cancel Canadian mining contracts."), "THREATEN")
    assert "Canadian" in said(m.recipient)


def test_a_stormed_building_is_the_target_not_the_dead(pipe: Pipeline) -> None:
    m = first(events(pipe, "Masked gunmen stormed a bakery in the port town on Friday, leaving three people dead."),
              "ASSAULT")
    assert "bakery" in said(m.recipient)


def test_seized_weapons_are_no_recipient(pipe: Pipeline) -> None:
    evs = events(pipe, "The coast guard seized 40 rifles and 900 rounds from the trawler on Monday.")
    for m in evs:
        assert "rifles" not in said(m.recipient).lower()


def test_despite_pressure_by_names_whom_a_refusal_defies(pipe: Pipeline) -> None:
    m = first(events(pipe, "Mayor Dana Pruett has refused to resign despite mounting pressure by the city "
                           "ethics board."), "REJECT")
    assert "board" in said(m.recipient)


def test_a_group_in_a_country_carries_its_country(pipe: Pipeline) -> None:
    m = first(events(pipe, "Militants in Nigeria kidnapped two engineers on Monday."), "COERCE")
    assert m.actor and m.actor[0].country == "NGA"


def test_a_product_spec_is_no_recipient(pipe: Pipeline) -> None:
    m = first(events(pipe, "Norvex Labs agreed to buy Leeds-based Quantafil, maker of the 3840x2160 Q55 monitor, "
                           "for $300 million."), "AGREE")
    assert [r.name for r in m.recipient if "Quantafil" in r.name]
    assert not [r.name for r in m.recipient if "monitor" in r.name or "Q55" in r.name]


def test_a_street_address_is_no_recipient(pipe: Pipeline) -> None:
    evs = events(pipe, "Tarrow Foods said it had signed a deal to supply bread to Kestrel Markets, creating "
                       "80 jobs at its bakery on 42 Orchard Mill Road.")
    m = first(evs, "AGREE")
    assert "Road" not in said(m.recipient)


def test_a_subject_pronoun_follows_the_story_subject_past_named_victims(pipe: Pipeline) -> None:
    text = ("Dwayne Corliss broke out of the county jail on Sunday. He ambushed and shot guard Peter Ames and "
            "clerk Samuel Roth. He fled north. Near the border, he shot and wounded a state trooper, Rick Olsen.")
    evs = [m for m in events(pipe, text) if m.event_type == "ASSAULT" and "trooper" in m.sentence]
    assert evs and all("Corliss" in said(m.actor) for m in evs)


def test_people_nouns_by_their_commonest_sense_are_parties(pipe: Pipeline) -> None:
    m = first(events(pipe, "Coast guard officers captured 12 smugglers near the harbour on Friday."), "COERCE")
    assert "smugglers" in said(m.recipient)


def test_shots_fired_at_someone_name_that_someone(pipe: Pipeline) -> None:
    m = first(events(pipe, "Two deputies fired a total of nine shots at the driver after the chase."), "ASSAULT")
    assert "driver" in said(m.recipient) and "total" not in said(m.recipient)


def test_the_body_before_a_decision_noun_acts_its_infinitive(pipe: Pipeline) -> None:
    m = first(events(pipe, "The cabinet decision to expel the Danish ambassador angered Copenhagen."), "SANCTION")
    assert "cabinet" in said(m.actor)


def test_fighters_and_bombers_are_people_who_act(pipe: Pipeline) -> None:
    m = first(events(pipe, "Rebel fighters attacked an army checkpoint near Goma on Monday."), "ASSAULT")
    assert "fighters" in said(m.actor)
    m = first(events(pipe, "A suicide bomber killed six shoppers at a market in Kano."), "ASSAULT")
    assert "bomber" in said(m.actor)


def test_it_agrees_in_number_and_is_no_person(pipe: Pipeline) -> None:
    text = ("Militants shelled the border town of Arvel on Monday. The interior ministry said it would deploy "
            "police units to the town.")
    evs = [m for m in events(pipe, text) if "deploy" in m.sentence and m.event_type == "MOBILIZE"]
    assert evs and all("ministry" in said(m.actor) for m in evs)


def test_they_takes_a_plural_subject_not_a_lone_person(pipe: Pipeline) -> None:
    text = "Gunmen stormed a clinic in Tessa on Friday, a doctor, Omar Lind, said. They abducted two nurses."
    m = first([m for m in events(pipe, text) if "abducted" in m.sentence], "COERCE")
    assert "Gunmen" in said(m.actor) and "Lind" not in said(m.actor)


def test_we_in_a_quotation_is_the_speaker_named_outside_it(pipe: Pipeline) -> None:
    text = "\u201cWe attacked the convoy at dawn,\u201d the rebel spokesman, Ali Barre, told reporters."
    m = first(events(pipe, text), "ASSAULT")
    assert "Barre" in said(m.actor)


def test_got_rid_of_is_active(pipe: Pipeline) -> None:
    evs = [m for m in events(pipe, "Security forces got rid of nine armed gunmen near the border on Sunday.")
           if m.trigger == "rid"]
    assert evs, "the detector no longer proposes this act; pick another sentence"
    assert "forces" in said(evs[0].actor) and "gunmen" in said(evs[0].recipient)


def test_an_announced_act_of_the_speaker_names_its_recipient(pipe: Pipeline) -> None:
    evs = events(pipe, "Farm unions announced on Monday that they are ready to support Governor Elsa Rahn.")
    assert any("Rahn" in said(m.recipient) for m in evs), [(m.event_type, said(m.recipient)) for m in evs]


def test_the_two_leaders_are_the_last_two_people_named(pipe: Pipeline) -> None:
    text = ("Chancellor Mira Vogt met Prime Minister Tomas Lind in Oslo on Monday. The two leaders agreed to "
            "cooperate on energy.")
    evs = [m for m in events(pipe, text) if "two leaders" in m.sentence]
    assert evs and {"Mira Vogt", "Tomas Lind"} <= {a.name for a in evs[0].actor}


def test_the_judge_is_the_person_named_with_that_title(pipe: Pipeline) -> None:
    text = ("U.S. District Judge William Carter heard the case on Monday. Defense lawyer Tom Baker argued for bail. "
            "The judge accused Baker of lying.")
    m = first([m for m in events(pipe, text) if "The judge" in m.sentence], "ACCUSE")
    assert [a.name for a in m.actor] == ["William Carter"]
