"""Issue 11: a spokesperson stands for the body it speaks for, and a description ("the group", "the party",
"the company") for the body named before, at extraction (so exports, briefs and fusion all see it).

Short reports written for this file in styles of their own (an Andean wire brief, a maritime regulator's
notice, a Sahel radio interview, a Horn of Africa wire item, a takeover note, a parliamentary brief); none
comes from an evaluation set.
"""

from __future__ import annotations

from tests.participant_fixtures import mention, names
from wirewatch.connect.pairs import view
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def test_a_spokesperson_for_a_ministry_is_the_ministry_with_its_country(pipe: Pipeline) -> None:
    m = mention(pipe, "LIMA (Andean Wire) - A spokesperson for Peru's Foreign Ministry on Tuesday rejected "
                      "Ecuador's demand for compensation.", "rejected")
    assert names(m.actor) == ["Foreign Ministry"] and m.actor[0].country == "PER" and m.actor[0].entity_id
    # Fusion reads the extracted body (pairs.speaks_for leaves a resolved actor as it is).
    assert names(view(m).actor) == ["Foreign Ministry"] and view(m).actor[0].country == "PER"


def test_the_source_of_a_spokesperson_is_the_body(pipe: Pipeline) -> None:
    m = mention(pipe, "LIMA (Andean Wire) - A spokesperson for Peru's Foreign Ministry said on Tuesday that Lima "
                      "rejected Ecuador's demand for compensation.", "rejected")
    assert m.attributed_to == "Foreign Ministry" and m.modality == "reported"


def test_the_bodys_spokeswoman_acts_for_the_body(pipe: Pipeline) -> None:
    m = mention(pipe, "The Danish Maritime Authority detained a cargo ship in Aarhus on Monday. The authority's "
                      "spokeswoman accused the owner of ignoring safety orders.", "accused")
    assert names(m.actor) == ["Danish Maritime Authority"] and m.actor[0].country == "DNK"


def test_a_bare_the_spokesman_after_the_ministry_speaks_for_it(pipe: Pipeline) -> None:
    m = mention(pipe, "Chile's Foreign Ministry summoned the Bolivian ambassador on Friday. The spokesman said "
                      "Santiago condemned the border incursion.", "condemned")
    assert m.attributed_to == "Foreign Ministry"


def test_the_spokesperson_again_is_the_one_told_of_not_a_body_in_the_quotation(pipe: Pipeline) -> None:
    text = ("A Defence Ministry spokesperson told Radio Sahel on Sunday that the army had repelled the raid. "
            "\u201cThe National Assembly should not doubt our soldiers,\u201d said the spokesperson.")
    evs = pipe.run(Article(id="t", text=text, published="2026-03-11")).events
    quoted = [m for m in evs if "National Assembly" in m.sentence]
    assert quoted and all(m.attributed_to == "Defence Ministry" for m in quoted), \
        [(m.trigger, m.attributed_to) for m in quoted]


def test_a_spokesman_indefinite_is_not_the_outlet_named_before(pipe: Pipeline) -> None:
    m = mention(pipe, "Yonhap News Agency reported the drill on Friday. \u201cPolice detained the drivers,\u201d a "
                      "spokesman said.", "detained")
    assert m.attributed_to == "spokesman"


def test_the_group_is_the_armed_group_named_before(pipe: Pipeline) -> None:
    m = mention(pipe, "The militant group al-Shabab attacked a police station in Baidoa on Friday, residents told "
                      "VOA Somali. The group said it killed nine officers.", "killed")
    assert names(m.actor) == ["al-Shabab"] and m.attributed_to == "al-Shabab"


def test_the_front_is_the_front_named_before(pipe: Pipeline) -> None:
    m = mention(pipe, "The Tigray People's Liberation Front and Ethiopia signed a truce. The front said it rejected "
                      "the government's demands.", "rejected")
    assert names(m.actor) == ["Tigray People's Liberation Front"]


def test_the_party_is_the_party_named_before(pipe: Pipeline) -> None:
    m = mention(pipe, "The opposition Civic Renewal Party boycotted the vote on Wednesday. The party said it "
                      "rejected the budget.", "rejected")
    assert names(m.actor) == ["Civic Renewal Party"] and m.attributed_to == "Civic Renewal Party"


def test_the_company_is_the_one_the_story_follows(pipe: Pipeline) -> None:
    m = mention(pipe, "Veltron Corp. sued its rival Quasar Inc. in Delaware. The company said it accused Quasar of "
                      "stealing designs.", "accused")
    assert names(m.actor) == ["Veltron Corp."] and names(m.recipient) == ["Quasar Inc."]


def test_the_rival_company_is_someone_else(pipe: Pipeline) -> None:
    m = mention(pipe, "Veltron Corp. sued Quasar Inc. in Delaware. The rival company said it rejected the claims.",
                "rejected")
    assert "Veltron Corp." not in names(m.actor)


def test_the_groups_are_not_one_of_them(pipe: Pipeline) -> None:
    m = mention(pipe, "Two rebel groups, the Northern Front and the Free Hills Army, clashed with troops on Monday. "
                      "The groups said they captured a bridge.", "captured")
    assert names(m.actor) not in (["Northern Front"], ["Free Hills Army"])
