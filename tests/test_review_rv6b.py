"""Review of round 1's entity, candidate and fusion rules (h/rv6b), attacked with short reports in styles the
project had not used (EU and Iberian names, summit diplomacy, a US county board, a Gulf ministry's envoy).
Each entity test failed before its fix; the candidate and fusion defects (files other helpers own this round)
stay strict xfails naming their cause."""

from __future__ import annotations

from wirewatch.extract.entities import EntitiesComponent
from wirewatch.model import Article


def _ents(text: str) -> dict[str, tuple[str, str | None, list[str], list[str]]]:
    """name -> (kind, country, aliases, titles) of one report's entities."""
    art = EntitiesComponent()(Article(id="t", text=text))
    return {e.name: (e.kind, e.country, e.aliases, e.titles) for e in art.entities}


def _mentions(text: str) -> list[tuple[str, str]]:
    art = EntitiesComponent()(Article(id="t", text=text))
    return [(m.text, m.entity_id) for m in art.entity_mentions]


# ------------------------------------------------------------------ chains of name particles
def test_two_particles_join_the_name_after_a_title() -> None:
    # _name_end joined one particle only when a capitalised name followed it: "von" then "der" cut the name
    e = _ents("STRASBOURG - Commission President Ursula von der Leyen addressed the chamber on Wednesday.")
    assert "Ursula von der Leyen" in e and e["Ursula von der Leyen"][0] == "PERSON"
    assert "Leyen" not in e and "Ursula von der" not in e


def test_a_particled_name_without_a_title_and_its_short_forms() -> None:
    # NER tagged only "Leyen" (as a place) and "Von der Leyen" (as an organisation)
    m = _mentions("BRUSSELS - Ursula von der Leyen met farmers on Tuesday. Von der Leyen promised aid. "
                  "Later von der Leyen left for Rome.")
    people = {eid for text, eid in m if "Leyen" in text}
    assert people == {"person:ursula-von-der-leyen"}


def test_a_particled_surname_at_a_sentence_start_is_the_person() -> None:
    m = _mentions("RIYADH - Crown Prince Mohammed bin Salman received the envoy on Sunday. Bin Salman said "
                  "little about the oil talks.")
    assert ("Bin Salman", "person:mohammed-bin-salman") in m


def test_a_place_with_a_particle_stays_a_place() -> None:
    e = _ents("RIO DE JANEIRO - Floods hit Rio de Janeiro on Monday, the mayor said.")
    assert e["Rio de Janeiro"][0] == "GPE"


# ------------------------------------------------------------------ a regnal number needs a sovereign
def test_a_mission_with_a_numeral_is_no_person() -> None:
    # looks_like_person took a given-name-like word and a roman numeral for "Felipe VI" without the title
    e = _ents("HOUSTON - NASA said Artemis II would fly in April, officials said.")
    assert e.get("Artemis II", ("ORG",))[0] != "PERSON"


def test_a_titled_sovereign_keeps_the_numeral() -> None:
    e = _ents("MADRID - King Felipe VI opened parliament on Tuesday. Felipe praised the coalition.")
    assert e["Felipe VI"][0] == "PERSON" and "Felipe" in e["Felipe VI"][2]


# ------------------------------------------------------------------ a hyphen between two people
def test_two_bare_names_joined_before_a_noun_are_two_people() -> None:
    # the double-surname rule made "Trump-Kim" one person, then dropped it: Trump was lost from the report
    e = _ents("ANKARA - The Erdogan-Putin meeting in Sochi lasted four hours, officials said. Erdogan later "
              "flew home.")
    assert "Erdogan" in e and "Erdogan-Putin" not in e
    e = _ents("SEOUL - Analysts said the Trump-Kim summit in Hanoi collapsed. Trump left early.")
    assert "Trump" in e and not any("-" in name for name in e)


def test_a_double_surname_after_a_given_name_still_joins() -> None:
    e = _ents("LONDON - Labour MP Rachel Hughes-Whitfield said on Friday the bill would fail.")
    assert "Rachel Hughes-Whitfield" in e


# ------------------------------------------------------------------ "the president" is not the vice president
def test_a_vice_title_is_not_the_bare_office() -> None:
    e = _ents("WASHINGTON - Vice President Kamala Harris toured the plant on Monday. The president had signed "
              "the bill a week earlier.")
    assert "the president" not in [a.lower() for a in e["Kamala Harris"][2]]


def test_a_deputy_is_not_the_minister() -> None:
    e = _ents("KYIV - Deputy Foreign Minister Olena Koval met reporters on Monday. The minister had flown in "
              "from Warsaw, the ministry said.")
    assert "the minister" not in [a.lower() for a in e["Olena Koval"][2]]


def test_a_former_office_holder_is_not_the_office() -> None:
    e = _ents("LIMA - Former President Ollanta Ruiz appeared in court on Monday. The president called for "
              "calm. The former president denied the charges.")
    aliases = [a.lower() for a in e["Ollanta Ruiz"][2]]
    assert "the president" not in aliases and "the former president" in aliases


def test_the_office_itself_still_names_its_holder() -> None:
    e = _ents("HARARE - Acting Prime Minister Tendai Moyo dissolved the cabinet on Monday. The prime minister "
              "said new ministers would be named within a week.")
    assert "the prime minister" in [a.lower() for a in e["Tendai Moyo"][2]]


# ------------------------------------------------------------------ an envoy is posted abroad
def test_a_ministry_envoy_in_a_foreign_capital_is_not_that_capitals_ministry() -> None:
    e = _ents("TEHRAN - A Foreign Ministry envoy in Paris said on Monday that Tehran would not yield.")
    assert e["Foreign Ministry"][1] == "IRN"


def test_a_ministry_spokesman_in_a_capital_is_still_placed_there() -> None:
    e = _ents("DUBAI - A Foreign Office spokesman in London said on Monday that the talks would go on.")
    assert e["Foreign Office"][1] == "GBR"


# ------------------------------------------------------------------ ordinary verbs make no match report
def test_a_county_in_a_report_that_uses_assists_as_a_verb_is_no_club() -> None:
    e = _ents("SANTA ANA, Calif. - Orange County supervisors approved the budget on Tuesday. The measure "
              "assists renters and the market rebounds, officials said.")
    assert e["Orange County"][0] != "ORG"


def test_a_club_named_after_a_city_in_a_match_report() -> None:
    e = _ents("Jokic had 30 points and 12 rebounds on Monday. Later, Manchester City won 2-0 with three "
              "assists from the winger.")
    assert e["Manchester City"][0] == "ORG"


# ================================================================== read-only review: triggers, pairs, conflicts
# (files owned by h/personnel and h/fusion7 this round: the defects are recorded as strict xfails)
import pytest  # noqa: E402

from wirewatch.connect.conflicts import _rejects_as_such  # noqa: E402
from wirewatch.connect.pairs import mutual_roles, parties  # noqa: E402
from wirewatch.model import Actor  # noqa: E402

_OST = Actor("Ostravia", "GPE", "OST", "gpe:ostravia")
_MRL = Actor("Merlund", "GPE", "MRL", "gpe:merlund")
_KVN = Actor("Kavonia", "GPE", "KVN", "gpe:kavonia")
_ZEL = Actor("Zeland", "GPE", "ZEL", "gpe:zeland")


@pytest.fixture(scope="module")
def pipe():  # type: ignore[no-untyped-def]
    from wirewatch.extract import extraction_components
    from wirewatch.pipeline import Pipeline
    return Pipeline(extraction_components())


# (fixed by h/noise7: triggers._spectacle passes only lexicon display_nouns)
def test_a_witnessed_airstrike_is_still_an_attack(pipe) -> None:  # type: ignore[no-untyped-def]
    from tests.participant_fixtures import events
    found = events(pipe, "Residents of the village witnessed an airstrike that flattened the market on Tuesday, "
                         "the health ministry said.")
    assert "ASSAULT" in [m.event_type for m in found]


@pytest.mark.xfail(strict=True, reason="triggers._spectacle: a protest the police watched ('watched a "
                   "demonstration outside the embassy') is suppressed when its phrase names no party; a place "
                   "phrase of its own marks a happening there, not a performance")
def test_a_demonstration_police_watched_outside_an_embassy_is_a_protest(pipe) -> None:  # type: ignore[no-untyped-def]
    from tests.participant_fixtures import events
    found = events(pipe, "Riot police watched a demonstration outside the French embassy on Friday but "
                         "made no arrests.")
    assert "PROTEST" in [m.event_type for m in found]


# (was a strict xfail: pairs.mutual_roles compared the first two matched parties only; fixed by h/fusion8)
def test_two_trilateral_meetings_with_different_third_parties_are_not_the_same_parties() -> None:
    assert mutual_roles(parties([_OST, _MRL], [_KVN]), parties([_OST, _MRL], [_ZEL])) != ("same", "same")


# Fixed by h/conflicts8: conflicts._CONTENT reads the content after a short phrase ("in the local press").
@pytest.mark.parametrize("scope", [
    "denied reports in the local press that it had started building a structure on the shoal",
    "denied reports by state media that troops had crossed the border",
])
def test_a_report_with_its_content_after_a_phrase_is_not_rejected_as_such(scope: str) -> None:
    assert not _rejects_as_such(scope)
