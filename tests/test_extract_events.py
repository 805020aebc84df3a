"""Events: types, actors, recipients, dates, locations, quantities, offsets and ontology overrides."""

from __future__ import annotations

from pathlib import Path

from tests.participant_fixtures import names
from wirewatch.extract import extraction_components, load_ontology
from wirewatch.model import Article, EventMention, Timex
from wirewatch.pipeline import Pipeline


def run(pipe: Pipeline, text: str, published: str | None = "2023-03-02") -> Article:
    return pipe.run(Article(id="t", text=text, published=published))


def only(art: Article, etype: str) -> EventMention:
    hits = [m for m in art.events if m.event_type == etype]
    assert len(hits) == 1, [(m.event_type, m.trigger) for m in art.events]
    return hits[0]


def test_weapons_test_with_quantity_offsets_and_context(pipe: Pipeline) -> None:
    text = "North Korea fired three ballistic missiles into the sea off its east coast."
    art = run(pipe, text)
    m = only(art, "MOBILIZE")
    assert names(m.actor) == ["North Korea"] and m.actor[0].country == "PRK"
    assert m.mode == "weapons"
    assert [(q.value, q.unit) for q in m.quantities] == [(3, "missile")]
    assert "military" in m.context
    assert art.text[m.start:m.end] == m.sentence == text
    assert art.text[m.trigger_start:m.trigger_end] == m.trigger == "fired"


def test_offsets_in_second_paragraph(pipe: Pipeline) -> None:
    text = "Tensions rose on the border.\n\nLater, Chinese troops arrested two Indian soldiers near Ladakh."
    art = run(pipe, text)
    m = only(art, "COERCE")
    assert art.text[m.start:m.end] == m.sentence
    assert m.sentence.startswith("Later, Chinese troops")
    assert art.text[m.trigger_start:m.trigger_end] == "arrested"
    assert m.actor[0].country == "CHN"
    assert [(q.value, q.unit) for q in m.quantities] == [(2, "soldier")]


def test_compound_actor_is_two_actors(pipe: Pipeline) -> None:
    art = run(pipe, "Iran and Syria both rejected the ceasefire proposal on Sunday.")
    m = only(art, "REJECT")
    assert names(m.actor) == ["Iran", "Syria"]


def test_accusation_with_recipient_and_claimed_content(pipe: Pipeline) -> None:
    art = run(pipe, "Ukraine has accused Belarus of supplying fuel to Russian forces.")
    acc = only(art, "ACCUSE")
    assert names(acc.actor) == ["Ukraine"] and names(acc.recipient) == ["Belarus"]
    assert acc.mode == "allege"
    aid = only(art, "AID")
    assert names(aid.actor) == ["Belarus"] and aid.modality == "claimed"
    assert aid.attributed_to == "Ukraine"


def test_speech_act_content_is_not_a_second_event(pipe: Pipeline) -> None:
    art = run(pipe, "The European Union demanded that Serbia withdraw its police from the border.")
    assert [m.event_type for m in art.events] == ["REQUEST"]
    req = art.events[0]
    assert names(req.actor) == ["European Union"] and names(req.recipient) == ["Serbia"]


def test_inspect_versus_consult(pipe: Pipeline) -> None:
    art = run(pipe, "Kim Jong Un visited a munitions factory in Hamhung. Putin visited Beijing in May.")
    ins = only(art, "INSPECT")
    assert names(ins.actor) == ["Kim Jong Un"] and ins.location is not None
    assert ins.location.name == "Hamhung" and ins.location.lat is not None
    con = only(art, "CONSULT")
    assert names(con.actor)[0].startswith("Vladimir Putin") or names(con.actor) == ["Putin"]
    assert con.mode == "visit" and names(con.recipient) == ["China"]


def test_personnel_and_pronoun_coreference(pipe: Pipeline) -> None:
    text = ("Kim Jong Un chaired a party meeting in Pyongyang. "
            "He dismissed the army chief of staff and appointed General Ri Chang Ho to the post.")
    art = run(pipe, text)
    pers = [m for m in art.events if m.event_type == "PERSONNEL"]
    assert len(pers) == 2
    assert all(names(m.actor) == ["Kim Jong Un"] for m in pers)
    assert pers[0].actor[0].text == "He"


def test_the_regime_is_the_salient_country(pipe: Pipeline) -> None:
    text = ("Iran says it is enriching uranium. Iran has denied it seeks a bomb. "
            "On Monday the regime seized a British tanker in the Gulf.")
    art = run(pipe, text)
    m = only(art, "COERCE")
    assert names(m.actor) == ["Iran"]
    assert m.actor[0].text == "regime"


def test_dates_timex_published_or_null(pipe: Pipeline) -> None:
    art = pipe.run(Article(id="d", text="Police arrested the protest leaders.", published="2023-03-02"))
    m = only(art, "COERCE")
    assert (m.date, m.date_precision) == ("2023-03-02", "day")  # no time in the text: the report date
    art = pipe.run(Article(id="d", text="Police arrested the protest leaders.", published=None))
    assert only(art, "COERCE").date is None  # never guessed
    art = pipe.run(Article(id="d", text="Russia will deploy bombers to Belarus.", published="2023-03-02"))
    m = only(art, "MOBILIZE")
    assert m.date is None and m.modality == "planned"


def test_date_from_a_timex_attached_to_the_trigger(pipe: Pipeline) -> None:
    # Timexes are normally filled by the timex component; set them by hand to test only the attachment.
    text = "Troops withdrew from the town on Friday."
    art = Article(id="d", text=text, published="2023-03-08")
    for comp in pipe.components:
        art = comp(art)
        if comp.name == "timex":
            start = text.index("Friday")
            art.timexes = [Timex(start, start + 6, "Friday", "DATE", "2023-03-03", "day")]
    m = only(art, "RETREAT")
    assert (m.date, m.date_precision) == ("2023-03-03", "day")


def test_future_cooperation_is_agree_and_joint_drills_cooperate(pipe: Pipeline) -> None:
    art = run(pipe, "Germany will send two air defence systems to Poland.")
    m = only(art, "AGREE")
    assert names(m.actor) == ["Germany"]
    art = run(pipe, "Russian and Chinese warships held joint drills in the Sea of Japan.")
    assert only(art, "COOPERATE").actor


def test_user_ontology_adds_a_type_and_overrides_one(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "types:\n"
        "  SPACE_LAUNCH:\n"
        "    quad: material conflict\n"
        "    description: satellite and space launches\n"
        "    recipient: false\n"
        "    verbs: ['launch @spacecraft', 'orbit']\n"
        "    nouns: ['satellite launch']\n"
        "    context: [space]\n"
        "  AGREE:\n"
        "    context: [diplomatic, treaty-watch]\n"
        "sets:\n"
        "  spacecraft: [satellite, spacecraft, probe]\n",
        encoding="utf-8")
    onto = load_ontology(str(extra))
    assert "SPACE_LAUNCH" in onto.types and "INSPECT" in onto.types
    assert onto.types["AGREE"].context == ["diplomatic", "treaty-watch"]
    assert onto.verbs["agree"]  # the override kept the shipped triggers
    pipe = Pipeline(extraction_components(ontology_path=str(extra)))
    art = pipe.run(Article(id="s", text="North Korea launched a reconnaissance satellite.", published=None))
    m = only(art, "SPACE_LAUNCH")
    assert names(m.actor) == ["North Korea"] and "space" in m.context
    art = pipe.run(Article(id="s", text="Chile and Peru agreed to a fishing accord.", published=None))
    assert "treaty-watch" in only(art, "AGREE").context


def test_offset_from_another_clause_dates_an_earlier_happening_as_background(pipe: Pipeline) -> None:
    art = run(pipe, "Iran seized an oil tanker in the Gulf on Tuesday. The seizure came a week after Iranian forces "
                    "seized a container ship near Hormuz.", published="2024-05-14")
    now, before = [m for m in art.events if m.event_type == "COERCE"]
    assert (now.date, now.modality) == ("2024-05-14", "asserted")
    # "a week after X seized": X is a week before the report's day; an earlier seizure is background.
    assert (before.date, before.date_from, before.modality) == ("2024-05-07", "text", "historical")


def test_last_weeks_happening_is_background(pipe: Pipeline) -> None:
    art = run(pipe, "Iran test-fired a ballistic missile on Tuesday. Last week's launch had also ended in the "
                    "desert, the ministry said.", published="2024-05-14")
    now, before = [m for m in art.events if m.event_type == "MOBILIZE"]
    assert now.modality != "historical" and before.modality == "historical"


def test_called_off_plan_is_negated_and_its_weekday_lies_ahead(pipe: Pipeline) -> None:
    art = run(pipe, "Talks between the trade ministers of Chile and Peru that had been scheduled for Monday in Lima "
                    "have been cancelled, an official said on Friday.", published="2024-05-10")
    m = only(art, "CONSULT")
    assert m.modality == "negated"
    assert (m.date, m.date_from) == ("2024-05-13", "text")  # the coming Monday, not the one before Friday
    assert only(run(pipe, "Seoul postponed the summit with Tokyo."), "CONSULT").modality == "negated"


def test_the_events_day_beats_the_reports_day(pipe: Pipeline) -> None:
    art = run(pipe, "Iran's Revolutionary Guard conducted a test of cruise missiles fitted with a new engine on "
                    "Sunday, state television reported on Monday.", published="2024-05-13")
    assert only(art, "MOBILIZE").date == "2024-05-12"


def test_days_earlier_inside_a_report_is_a_date_not_history(pipe: Pipeline) -> None:
    art = run(pipe, "State media said the general had visited a tank division two days earlier.",
              published="2024-05-13")
    m = only(art, "INSPECT")
    assert (m.date, m.modality) == ("2024-05-11", "reported")


def test_passive_harm_by_a_countrys_weapon_names_that_side(pipe: Pipeline) -> None:
    art = run(pipe, "Two Ukrainian soldiers were killed when Russian drones struck a checkpoint.")
    killed = next(m for m in art.events if m.trigger == "killed")
    assert killed.actor and killed.actor[0].country == "RUS"


def test_counts_in_an_outcome_clause_belong_to_the_event(pipe: Pipeline) -> None:
    art = run(pipe, "Russian artillery fired 40 shells at the village, wounding three civilians.")
    m = only(art, "ASSAULT")
    assert [(q.value, q.unit) for q in m.quantities] == [(40, "shell"), (3, "civilian")]


def test_a_later_time_inside_another_clause_does_not_date_or_plan_the_trigger(pipe: Pipeline) -> None:
    art = run(pipe, "The trade ministers of Chile and Peru met in Lima on Monday and agreed to cut tariffs from "
              "next year.", published="2024-05-13")
    met, agreed = only(art, "CONSULT"), only(art, "AGREE")
    assert (met.modality, met.date) == ("asserted", "2024-05-13")
    assert (agreed.modality, agreed.date) == ("asserted", "2024-05-13")


def test_a_named_body_takes_the_country_its_phrase_gives(pipe: Pipeline) -> None:
    # Sides are compared by country: "Russia's Foreign Ministry" must be on Russia's.
    art = run(pipe, "Russia's Foreign Ministry condemned the new sanctions.")
    m = only(art, "ACCUSE")
    assert m.actor and m.actor[0].country == "RUS"


def test_a_confident_event_noun_with_nobody_named_stands_with_null_participants(pipe: Pipeline) -> None:
    # issue 10: an event with no nameable actor says so (null); it is not dropped.
    art = run(pipe, "Talks on a new power-sharing deal broke down in Nairobi on Tuesday.")
    talks = only(art, "CONSULT")
    assert talks.trigger == "Talks" and talks.actor == [] and talks.recipient == []
    # An agentless passive of a verbal act is still no event ("were discussed": nobody performed it).
    art = run(pipe, "The new budget and the tax rules were also discussed at the session.")
    assert not [e for e in art.events if e.event_type == "CONSULT"]


def test_an_act_in_a_relative_clause_the_model_holds_is_a_second_event(pipe: Pipeline) -> None:
    art = run(pipe, "Police in Kano arrested two men who attacked a bus station on Monday.")
    assert only(art, "COERCE").trigger == "arrested"
    assert only(art, "ASSAULT").trigger == "attacked"
    # A relative clause that reports no act of the ontology adds nothing.
    art = run(pipe, "The ministers held a summit in Lima, which ended without a statement.")
    assert [e.event_type for e in art.events] == ["CONSULT"]
