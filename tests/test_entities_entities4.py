"""Entities, round 4 (h/entities4): defects found by reading the entity lists of real reports.

Each test names the kind of error and checks it on short reports written here, in wordings the project's
other tests do not use: sports results, fire-brigade copy, film-trade headlines, Gaza crossings, a couple's
hyphenated surnames. Where a rule could be got right by accident of process state (set order), the check
runs the extraction in separate interpreters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.extract.entities import EntitiesComponent
from wirewatch.model import Article

ROOT = Path(__file__).resolve().parent.parent


def _entities(text: str, outlet: str | None = None) -> dict[str, tuple[str, str | None]]:
    """name -> (kind, country) of one report's entities."""
    art = EntitiesComponent()(Article(id="t", text=text, outlet=outlet))
    return {e.name: (e.kind, e.country) for e in art.entities}


def _mentions(text: str) -> list[tuple[str, str]]:
    art = EntitiesComponent()(Article(id="t", text=text))
    return [(m.text, m.entity_id) for m in art.entity_mentions]


# ------------------------------------------------------------------------------------------ determinism
_OVERLAPPING = [
    "Anna Kovacs-Nagy and Peter Nagy-Toth ran the firm. A spokesman for Kovacs-Nagy-Toth said nothing.",
    "Lena Berg-Holm married Erik Holm-Lund. On Friday the couple, now Berg-Holm-Lund, sued the city.",
    "Judge Carla Ruiz-Paz and lawyer Tomas Paz-Soto clashed. Ruiz-Paz-Soto was the name on the filing.",
]


def _extract_in_subprocess(seed: str) -> str:
    code = ("import json, sys\nfrom wirewatch.extract.entities import EntitiesComponent\n"
            "from wirewatch.model import Article\n"
            "texts = json.loads(sys.stdin.read())\n"
            "out = [[(m.text, m.entity_id, m.start) for m in EntitiesComponent()(Article(id='x', text=t))"
            ".entity_mentions] for t in texts]\n"
            "print(json.dumps(out))\n")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-c", code], input=json.dumps(_OVERLAPPING), capture_output=True,
                          text=True, env=env, cwd=ROOT, check=True, timeout=300)
    return proc.stdout


def test_overlapping_hyphenated_surnames_do_not_depend_on_the_hash_seed() -> None:
    """Surname parts overlap ("Berg-Holm" and "Holm-Lund" in "Berg-Holm-Lund"): which one a report names
    was the set's iteration order, so two runs of one corpus disagreed. Seeds 0 and 4 gave different
    mentions before the fix."""
    first, second = _extract_in_subprocess("0"), _extract_in_subprocess("4")
    assert first == second
    assert json.loads(first)  # something was extracted at all


# ------------------------------------------------------------------------------------------ clubs named after cities
@pytest.mark.parametrize("report, club, country", [
    ("Dynamo Kiev beat Shakhtar Donetsk 2-1 on Sunday, and Dynamo Kiev coach Ivan Petrenko praised his side.",
     "Dynamo Kiev", "UKR"),
    ("Spartak Moscow were held at home, and Spartak Moscow fans whistled the referee off.", "Spartak Moscow", "RUS"),
    ("Leeds United fans sang through the rain as the visitors scored twice.", "Leeds United", "GBR"),
    ("Galway Rovers lost 0-3 to a side from Cork.", "Galway Rovers", None),
])
def test_a_club_named_after_its_city_is_one_organisation(report: str, club: str, country: str | None) -> None:
    ents = _entities(report)
    assert ents[club][0] == "ORG"
    if country:
        assert ents[club][1] == country
    # the city inside the club's name is no entity of its own, and no person is made of the other word
    first = club.split()[0]
    assert first not in ents and "Ukraine" not in ents


def test_a_subhead_run_into_a_sentence_still_splits_person_from_capital() -> None:
    """The rule the club rule narrows: "Erdogan Ankara will ..." once, no club word, no result after it."""
    ents = _entities("Trump, Erdogan Ankara will host the talks next week, officials said.")
    assert ents.get("Ankara", ("", ""))[0] == "GPE" and "Erdogan Ankara" not in ents


# ------------------------------------------------------------------------------------------ places NER calls people
def test_shouted_and_respelt_place_names_are_places() -> None:
    """Wire copy in capitals, and a spelling of a city the gazetteer knows under another one ("Khan Younis" for
    geonames' "Khan Yunis"): a place, in a dateline or mid-sentence, with its country."""
    for report in ("KHAN YOUNIS, Gaza Strip (AP) - Tanks pushed toward the hospital before dawn.",
                   "Overnight shelling hit KHAN YOUNIS and DEIR AL-BALAH, medics said."):
        kind, country = _entities(report)["Khan Yunis"]
        assert (kind, country) == ("GPE", "PSE")


def test_a_crossing_and_a_place_of_fighting_are_places_not_people() -> None:
    ents = _entities("Forty trucks entered through the Kerem Shalom crossing on Monday. Later, shooting was "
                     "reported in Kerem Shalom and near the Sufa crossing.")
    assert ents["Kerem Shalom"][0] == "LOC" and ents["Sufa"][0] == "LOC"


def test_a_person_in_a_place_phrase_stays_a_person() -> None:
    """The context rule does not take a named person: a given name, a title, or the full name elsewhere."""
    ents = _entities("Police arrested Dwayne Mabry on Friday. Officers had found Mabry hiding in a shed, and "
                     "Sgt. Ortiz said the search in Mabry's street took an hour. Many still believe in Mabry.")
    assert ents["Dwayne Mabry"][0] == "PERSON" and "Mabry" not in ents


# ------------------------------------------------------------------------------------------ headlines and shouting
@pytest.mark.parametrize("headline, body, person", [
    ("Marla Quinlan Returns to Host the Harvest Gala", "Marla Quinlan will host the gala again, organisers said.",
     "Marla Quinlan"),
    ("Veteran Actress Dorothy Vance Dies at 88", "Dorothy Vance, who starred in a string of musicals, died.",
     "Dorothy Vance"),
    ("Poet Robert Burns Honoured in Parade", "Crowds honoured Robert Burns on Saturday.", "Robert Burns"),
])
def test_a_headline_verb_is_no_part_of_the_name_before_it(headline: str, body: str, person: str) -> None:
    ents = _entities(headline + "\n" + body)
    persons = [n for n, (kind, _) in ents.items() if kind == "PERSON"]
    assert persons == [person]


def test_a_headline_count_of_casualties_is_nobody() -> None:
    ents = _entities("Powerful Storm in Peru Kills 12; 40 Hurt and 3 Bridges Washed Away\n"
                     "A storm killed 12 people in southern Peru on Sunday, officials said.")
    assert set(ents) == {"Peru"}


def test_ordinary_words_in_capitals_are_no_organisations() -> None:
    ents = _entities("MONDAY, MAY 23\nA FIRE has badly damaged the Greenway supermarket in Taunton. FIRE crews "
                     "from Tiverton fought the fire for three hours, and NATO's office nearby was closed.")
    assert not {"FIRE", "MAY", "MONDAY"} & set(ents)
    assert "North Atlantic Treaty Organization" in ents  # an acronym stays one


def test_what_someone_is_before_their_name_is_a_title() -> None:
    art = EntitiesComponent()(Article(id="t", text="Comedian Jonah Patel will host the show. Patel said he was "
                                                   "thrilled, and Hunter Biden sent flowers."))
    by_name = {e.name: e for e in art.entities}
    assert "Comedian" in by_name["Jonah Patel"].titles
    assert "Hunter Biden" in by_name  # a given name that is also a noun of persons starts a name


# ------------------------------------------------------------------------------------------ which namesake
@pytest.mark.parametrize("report, place, country", [
    ("A fire damaged a supermarket in Wellington's High Street. Crews from Tiverton and Taunton helped.",
     "Wellington", "GBR"),
    ("DALLAS (AP) - Police in Dallas and Houston said the suspect had flown to Paris last week.", "Paris", "FRA"),
    ("Joyce Wallace of Georgia and her brother, who lives in Nashville, Tennessee, survive her.", "Georgia", "USA"),
    ("TBILISI, Georgia (AP) - The president met the Ukrainian leader in the capital.", "Tbilisi", "GEO"),
    ("ATLANTA, Georgia (AP) - The governor signed the bill on Tuesday.", "Atlanta", "USA"),
])
def test_the_namesake_in_the_reports_own_country(report: str, place: str, country: str) -> None:
    assert _entities(report)[place] == ("GPE", country)


def test_the_state_of_georgia_and_the_country_have_two_ids() -> None:
    state = EntitiesComponent()(Article(id="a", text="Joyce Wallace of Georgia lives near Nashville, Tennessee."))
    nation = EntitiesComponent()(Article(id="b", text="TBILISI, Georgia (AP) - Georgia's president spoke."))
    ids = {e.id for e in state.entities if e.name == "Georgia"} | {e.id for e in nation.entities if e.name == "Georgia"}
    assert len(ids) == 2


# ------------------------------------------------------------------------------------------ descriptions stay home
_AGENCY_REPORTS = [
    Article(id="kp", outlet="Harbor Wire", published="2026-03-03", title="North fires missile",
            text="SEOUL, March 3 - North Korea fired a ballistic missile on Monday, the Korean Central News Agency "
                 "said. The agency said leader Kim Jong Un watched the launch."),
    Article(id="jp", outlet="Lantern Post", published="2026-03-04", title="Quake off Japan",
            text="TOKYO, March 4 - A strong earthquake struck off northern Japan, the Japan Meteorological Agency "
                 "said. The agency said no tsunami was expected."),
    Article(id="both", outlet="Lantern Post", published="2026-03-05", title="A busy week",
            text="TOKYO, March 5 - The Japan Meteorological Agency logged aftershocks while the Korean Central News "
                 "Agency reported new drills. The agency gave no figures."),
    Article(id="bare", outlet="Harbor Wire", published="2026-03-05", title="Drills",
            text="Drills went on near the border on Thursday, the agency said."),
]


def test_a_description_resolves_in_its_own_report_and_joins_no_two_bodies() -> None:
    """"The agency" is the news agency in one report and the weather agency in the next: each report's own
    description names its own body, a report naming both leaves it unresolved, and the store's merge across
    reports never makes the two bodies one through the description they share."""
    from wirewatch.pipeline import ingest
    from wirewatch.store.db import Store

    store = Store(":memory:")
    ingest(store=store, articles=[Article(id=a.id, outlet=a.outlet, published=a.published, title=a.title,
                                          text=a.text) for a in _AGENCY_REPORTS])
    agencies = {e.name: e for e in store.entities() if e.kind == "ORG" and "Agency" in e.name}
    assert set(agencies) == {"Korean Central News Agency", "Japan Meteorological Agency"}
    kcna, jma = agencies["Korean Central News Agency"], agencies["Japan Meteorological Agency"]
    assert set(kcna.articles) == {"kp", "both"} and set(jma.articles) == {"jp", "both"}
    assert "the agency" in kcna.aliases and "the agency" in jma.aliases
    assert not any(e.name.lower() in ("agency", "the agency") for e in store.entities())


# ------------------------------------------------------------------------------------------ the issue's junk kinds
_DRILL_REPORT = """https://www.harborlight-news.com/2026/05/11/drills-resume.html
DRILLS RESUME AS TENSIONS MOUNT
BUSAN, May 11 (Harborlight Wire) - South Korean and U.S. troops opened their spring Iron Tide exercise on \
Monday, the Joint Chiefs of Staff said.
Photographs released by the ministry showed K-9 howitzers firing near the coast at 0600 GMT. The North called \
the drills a rehearsal for invasion, while the South said they were defensive.
Commanders used GPS-guided shells, and the unit's CEO-turned-colonel, Col. Park Min-jae, told reporters the \
drills would run until Friday. A DUI arrest of a soldier in Pyeongtaek was unrelated, a USFK spokesman said.
Harborlight Wire could not confirm the numbers. For more, see www.harborlight-news.com/korea.
END
"""


def test_none_of_the_issues_junk_kinds_in_a_new_wire_report() -> None:
    """URL pieces, role and unit acronyms, compass words, a plural at a sentence start, an exercise's name,
    capitalised headline words, a model number, the end marker: none is an entity; the outlet is an
    organisation, never a place, and takes no country from a word of its name."""
    art = EntitiesComponent()(Article(id="d", text=_DRILL_REPORT, outlet="Harborlight Wire"))
    names = {e.name for e in art.entities}
    junk = {"html", "harborlight-news", "GMT", "GPS", "CEO", "DUI", "North", "South", "Photographs", "Iron Tide",
            "K-9", "END", "DRILLS", "TENSIONS", "MOUNT", "Col"}
    assert not junk & names, junk & names
    outlet = [e for e in art.entities if e.name == "Harborlight Wire"]
    assert all(e.kind == "ORG" and e.country is None for e in outlet)
    assert {"Busan", "Pyeongtaek", "South Korea", "United States"} <= names
    park = next(e for e in art.entities if e.name == "Park Min-jae")
    assert "Col." in park.titles


def test_an_outlet_named_like_a_town_gets_no_country_from_it() -> None:
    """"Northern Lens" holds the French town Lens; told three times, it is an organisation, and no club."""
    text = ("SEOUL, March 20 (Northern Lens) - A party meeting was postponed, two sources told Northern Lens. "
            "Northern Lens could not confirm the reports.")
    kind, country = _entities(text, outlet="Northern Lens")["Northern Lens"]
    assert kind == "ORG" and country != "FRA"


# ------------------------------------------------------------------------------------------ more of the sample's kinds
def test_a_title_in_quotes_is_a_work_not_a_name() -> None:
    ents = _entities("Chris Weitz will direct the sequel to ``Twilight''. ``Twilight'' has grossed more than $141 "
                     "million, and Twilight fans queued all night.")
    assert "Twilight" not in ents and ents["Chris Weitz"][0] == "PERSON"


def test_a_quoted_name_a_report_gives_a_group_is_kept_and_a_persons_show_leaves_the_person() -> None:
    ents = _entities('DeGeneres, the star of her own talk show "Ellen," hosted in 2007. Ellen DeGeneres said '
                     'she was thrilled to return.')
    assert ents["Ellen DeGeneres"][0] == "PERSON"


def test_a_big_city_ner_calls_a_person_is_the_city() -> None:
    ents = _entities("The quake was felt in Bandar Abbas, where Bandar Abbas residents fled into the streets.")
    assert ents["Bandar Abbas"] == ("GPE", "IRN")


def test_an_officer_inside_an_organisations_span_is_the_person_with_the_rank() -> None:
    art = EntitiesComponent()(Article(id="t", text="Palmer Police Sergeant Shayne Lacroix said the fire started at "
                                                   "noon. Lacroix added that nobody was hurt."))
    person = next(e for e in art.entities if e.kind == "PERSON")
    assert person.name == "Shayne Lacroix" and "Sergeant" in person.titles
    assert "Lacroix" in person.aliases


def test_nouns_of_persons_are_nobody_but_surnames_stay() -> None:
    """"Actress and champion swimmer ..." (the report says "the actress" too) and a plural of such a noun
    ("Goths") name no one; "Burns" and "Baker", surnames WordNet also files as persons, stay people."""
    ents = _entities("Actress and champion swimmer Esther Williams died on Thursday. The actress was 91. Fans "
                     "of Madonna, Goths and Democrats came to the service. Burns said it was moving. Baker agreed.")
    assert not {"Actress", "Goths"} & set(ents)
    assert {"Esther Williams", "Burns", "Baker", "Democrats"} <= set(ents)


def test_a_centre_for_something_is_a_body_and_a_lower_case_ministry_is_shown_as_a_name() -> None:
    ents = _entities("SEOUL (AP) - Analysts at the Center for Pacific Strategy in Seoul said the Foreign Ministry "
                     "had been told. A spokesman for the foreign ministry declined to comment.")
    assert ents["Center for Pacific Strategy"][0] == "ORG"
    art = EntitiesComponent()(Article(id="t", text="MOSCOW (AP) - Drones were downed overnight, the defence "
                                                   "ministry said. A Defence Ministry spokesman gave no figures."))
    assert [e.name for e in art.entities if e.kind == "ORG" and e.name != "Associated Press"] == ["Defence Ministry"]


def test_a_headline_adverb_before_the_verb_goes_too_and_an_unplaced_ministry_is_shown_as_a_name() -> None:
    ents = _entities("Offer to Teixeira Reportedly Bumped as High as $184M\n"
                     "The Washington Nationals raised their offer to Mark Teixeira on Monday.")
    assert not any("Reportedly" in n for n in ents) and ents["Mark Teixeira"][0] == "PERSON"
    art = EntitiesComponent()(Article(id="t", text="Yoon Ji-ho, a former defence ministry analyst, said Russia "
                                                   "was the buyer. The Defence Ministry did not comment."))
    assert "defence ministry" not in {e.name for e in art.entities}
