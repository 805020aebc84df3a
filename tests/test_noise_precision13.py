"""Issue 10 round 13: kinds of false events, each with a case that must stay (own wording throughout).

Word senses by the verb's object (ontology.yaml object_senses / not_events), a clause as the subject, a death
in an accident (noise_senses.py), a question of the narration (noise_address.py), and a type choice of
refine.py: an act one is reluctant to do is REJECT.
"""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _events(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(m.event_type, m.trigger) for m in pipe.run(Article(id="p13", text=text, published="2026-05-02")).events]


def _on(pipe: Pipeline, text: str, word: str) -> list[str]:
    return [t for t, w in _events(pipe, text) if w == word]


def test_committing_a_deed_is_no_commitment(pipe: Pipeline) -> None:
    text = "Rights monitors in Juba say both militias have committed serious abuses against villagers."
    assert "AGREE" not in _on(pipe, text, "committed"), _events(pipe, text)


def test_committing_troops_stays(pipe: Pipeline) -> None:
    text = "Kenya committed 400 police officers to the Haiti mission on Tuesday."
    assert _on(pipe, text, "committed"), _events(pipe, text)


def test_providing_details_is_no_aid(pipe: Pipeline) -> None:
    text = "A hospital spokesman in Tamale said four people were admitted but could not provide further details."
    assert "AID" not in _on(pipe, text, "provide"), _events(pipe, text)


def test_providing_food_stays_aid(pipe: Pipeline) -> None:
    text = "The World Food Programme will provide food to 20,000 displaced families in Cabo Delgado."
    assert "AID" in _on(pipe, text, "provide"), _events(pipe, text)


def test_signing_an_executive_order_is_no_agreement(pipe: Pipeline) -> None:
    text = "Governor Lina Okafor signed an executive order on Monday lifting the curfew in the capital."
    assert "AGREE" not in _on(pipe, text, "signed"), _events(pipe, text)


def test_signing_a_treaty_stays_an_agreement(pipe: Pipeline) -> None:
    text = "Chile and Peru signed a fisheries treaty in Lima on Monday."
    assert "AGREE" in _on(pipe, text, "signed"), _events(pipe, text)


def test_a_happening_as_the_doer_of_a_verbal_act_is_none(pipe: Pipeline) -> None:
    text = "Analysts say that lifting the blockade would allow Ankara to reopen its consulate in the city."
    assert "AGREE" not in _on(pipe, text, "allow") and "CONCEDE" not in _on(pipe, text, "allow"), \
        _events(pipe, text)


def test_a_party_allowing_stays(pipe: Pipeline) -> None:
    text = "The junta allowed U.N. monitors to enter the region on Sunday."
    assert _on(pipe, text, "allowed"), _events(pipe, text)


def test_a_death_in_an_accident_is_no_assault(pipe: Pipeline) -> None:
    text = "Her cousin, Malik Oduya, was killed in a motorcycle accident last spring."
    assert "ASSAULT" not in _on(pipe, text, "killed"), _events(pipe, text)


def test_a_killing_in_an_attack_stays(pipe: Pipeline) -> None:
    text = "Two police officers were killed in an ambush near Garissa on Friday."
    assert "ASSAULT" in [t for t, _ in _events(pipe, text)], _events(pipe, text)


def test_a_killing_in_gunfire_stays_an_assault(pipe: Pipeline) -> None:
    # "fire" is a natural force for `non_agents` but here it is gunfire: the accident rule has its own list
    for text in ("Four villagers were killed in army fire outside Bentiu on Sunday.",
                 "Six soldiers were wounded in mortar fire near the border post."):
        assert "ASSAULT" in [t for t, _ in _events(pipe, text)], (text, _events(pipe, text))


def test_a_death_in_a_collapse_is_no_assault(pipe: Pipeline) -> None:
    text = "Nine miners were killed in a tunnel collapse in the province on Friday."
    assert "ASSAULT" not in _on(pipe, text, "killed"), _events(pipe, text)


def test_a_question_of_the_narration_is_no_event(pipe: Pipeline) -> None:
    for text in ("Does Beijing see Manila as a threat?", "Will the junta release the detained journalists?"):
        assert not _events(pipe, text), (text, _events(pipe, text))


def test_a_quoted_or_stated_threat_stays(pipe: Pipeline) -> None:
    text = "North Korea threatened on Friday to strike U.S. bases in Guam."
    assert "THREATEN" in [t for t, _ in _events(pipe, text)], _events(pipe, text)


def test_reluctance_to_endorse_is_a_rejection(pipe: Pipeline) -> None:
    text = "The Kremlin signaled its reluctance to endorse the Turkish proposal on Thursday."
    types = [t for t, _ in _events(pipe, text)]
    assert "REJECT" in types and "SUPPORT" not in types and "AGREE" not in types, _events(pipe, text)


def test_reluctance_denied_is_no_rejection(pipe: Pipeline) -> None:
    for text in ("The rebels were no longer reluctant to free the captured engineers.",
                 "Ankara showed no reluctance to approve the Swedish bid on Monday."):
        assert "REJECT" not in [t for t, _ in _events(pipe, text)], (text, _events(pipe, text))


def test_a_firm_that_produced_a_missile_made_it(pipe: Pipeline) -> None:
    text = "Raytheon produced a missile for the Pentagon under the new contract."
    assert "PRODUCE" in _on(pipe, text, "produced"), _events(pipe, text)


def test_a_clash_of_police_and_protesters_stays_a_fight(pipe: Pipeline) -> None:
    text = "Riot police clashed with stone-throwing protesters in Nairobi on Tuesday."
    assert "ASSAULT" in _on(pipe, text, "clashed") or "PROTEST" in _on(pipe, text, "clashed"), _events(pipe, text)


def test_naming_an_official_stays(pipe: Pipeline) -> None:
    text = "President Hichilema named Amina Yusuf head of the electoral commission on Monday."
    assert "PERSONNEL" in _on(pipe, text, "named"), _events(pipe, text)


def test_arms_produced_by_a_state_stay(pipe: Pipeline) -> None:
    text = "Iran produced 300 attack drones last year, the defence ministry said."
    assert "PRODUCE" in _on(pipe, text, "produced"), _events(pipe, text)


def test_firing_upon_a_crowd_is_an_assault_not_a_dismissal(pipe: Pipeline) -> None:
    # "fire upon" is the ontology's "fire on": aimed at someone, whoever the object names
    text = "Soldiers at the checkpoint fired upon a bus carrying pilgrims, the governor said on Friday."
    types = _on(pipe, text, "fired")
    assert "ASSAULT" in types and "PERSONNEL" not in types, _events(pipe, text)


def test_firing_an_official_stays_a_dismissal(pipe: Pipeline) -> None:
    text = "President Ruto fired Interior Minister Kithure Kindiki on Tuesday."
    assert "PERSONNEL" in _on(pipe, text, "fired"), _events(pipe, text)


def test_a_noun_joined_to_a_habitual_act_is_generic(pipe: Pipeline) -> None:
    text = "Its fighters often stage raids and roadside bombings along the northern highway."
    assert not _on(pipe, text, "bombings"), _events(pipe, text)


def test_every_noun_of_a_habitual_list_is_generic(pipe: Pipeline) -> None:
    # a list of three: the last conjunct hangs on the second, not on the first
    text = "Across the Sahel the movement routinely carries out ambushes, abductions and suicide assaults."
    assert not _on(pipe, text, "assaults") and not _on(pipe, text, "abductions"), _events(pipe, text)


def test_joined_acts_told_of_one_day_stay(pipe: Pipeline) -> None:
    text = "The militia conducted bombings and gun assaults in Gao on Monday."
    assert "ASSAULT" in _on(pipe, text, "assaults"), _events(pipe, text)
