"""Regression tests for entity merges found in review round 2: other countries' unplaced ministries, a person
and the company named after him, the scoped merge against the full one in either arrival order, a merged-away
id live again, and the country of a spokesperson apposition. Reports written for these tests."""
from __future__ import annotations

import pytest

from wirewatch.extract import EntitiesComponent
from wirewatch.extract.entity_merge import canonicalise
from wirewatch.model import Article
from wirewatch.pipeline import ingest, reextract
from wirewatch.serve.queries import EventFilter, Reader
from wirewatch.store import entity_merges
from wirewatch.store.db import Store


def test_unplaced_ministries_of_other_countries_are_not_merged_into_the_one_known(tmp_path) -> None:
    store = Store(tmp_path / "w.db")
    ingest(articles=[Article(id="a", text="Turkey's Foreign Ministry said on Monday it had summoned the Swedish "
                             "ambassador over the protest.", published="2026-03-02")], store=store)
    ingest(articles=[Article(id="b", text="KYIV, Ukraine (AP) - The Foreign Ministry said on Tuesday that Russian "
                             "drones struck an apartment block in Kharkiv, killing three people.",
                             published="2026-03-03")], store=store)
    ingest(articles=[Article(id="d", text="MOSCOW (AP) - The Foreign Ministry on Thursday accused Britain of "
                             "sending spies to Crimea.", published="2026-03-05")], store=store)
    tur = next(e for e in store.entities() if e.id == "org:foreign-ministry-tur")
    # Kyiv's and Moscow's unplaced "Foreign Ministry" are not Turkey's
    assert sorted(tur.articles) == ["a"], tur.articles
    evs = Reader(store).events(EventFilter(actor="org:foreign-ministry-tur"), 50)
    assert all(m.article_id == "a" for ev in evs for m in ev.mentions)


def test_a_person_is_not_merged_into_the_company_named_after_him(tmp_path) -> None:
    store = Store(tmp_path / "w.db")
    ingest(articles=[Article(id="a1", text="Walt Disney opened his first studio in Los Angeles in 1923, the "
                             "museum's curator said on Monday.", published="2026-03-02"),
                     Article(id="a2", text="Walt Disney Co. said on Tuesday it would cut 7,000 jobs worldwide.",
                             published="2026-03-03")], store=store)
    kinds = {e.kind for e in store.entities() if e.name.startswith("Walt Disney")}
    assert kinds == {"PERSON", "ORG"}, [(e.id, e.articles) for e in store.entities()]


ARTS = {
    "m1": Article(id="m1", text="Rescuers pulled 14 miners from a collapsed tin mine near Potosi on Tuesday, Mining "
                  "Minister Marcela Quispe said. The state mining company, Corporacion Minera de "
                  "Bolivia (Comibol), runs the site.", published="2026-04-01"),
    "m2": Article(id="m2", text="Bolivia ordered an audit of every mine run by Comibol on Thursday, Minister Quispe "
                  "told reporters.", published="2026-04-03"),
    "g1": Article(id="g1", text="Brightline Glass will cut 300 jobs at its plant in Perrysburg, Ohio, the company "
                  "said Wednesday.", published="2026-04-02"),
    "g2": Article(id="g2", text="Brightline Glass Co. chief executive Janet Kowalczyk defended the layoffs on "
                  "Thursday.", published="2026-04-03"),
}


def _snapshot(store: Store) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((e.id, tuple(sorted(e.articles))) for e in store.entities())


def _fresh(ids: tuple[str, ...] | list[str]) -> list[Article]:
    return [Article(id=a.id, text=a.text, published=a.published) for a in (ARTS[i] for i in ids)]


@pytest.mark.parametrize("order", [("m2", "m1"), ("g1", "g2"), ("g2", "g1"), ("m1", "m2")])
def test_separate_runs_merge_like_one_run(tmp_path, order) -> None:
    one = Store(tmp_path / "one.db")
    ingest(articles=_fresh(order), store=one)
    several = Store(tmp_path / "several.db")
    for i in order:
        ingest(articles=_fresh([i]), store=several)
    full = _snapshot(one)
    scoped = _snapshot(several)
    # the full merge run afterwards would still find something: the scoped merge missed it
    missed = canonicalise(several)
    assert missed == 0, f"scoped merge missed {missed} merge(s) the full merge finds"
    assert scoped == full


R1 = Article(id="r1", text="Union leader Ilse Varga-Holm said on Monday that cranes at Klaipeda would stop. "
             "Varga-Holm blamed the strike on the port authority.", published="2026-03-02")
R2 = Article(id="r2", text="Union leader Varga-Holm accused the port authority of locking out 300 dockers on "
             "Wednesday.", published="2026-03-04")
R3 = Article(id="r3", text="Shipping executive Jonas Varga-Holm met port officials in Riga on Thursday.",
             published="2026-03-05")
R4 = Article(id="r4", text="Union leader Varga-Holm threatened a wider strike on Friday.",
             published="2026-03-06")


def _copy(a: Article) -> Article:
    return Article(id=a.id, text=a.text, published=a.published)


def test_a_merged_id_alive_again_names_only_itself(tmp_path) -> None:
    store = Store(tmp_path / "w.db")
    for a in (R2, R1, R3, R4):
        ingest(articles=[_copy(a)], store=store)
    live = {e.id: e for e in store.entities()}
    assert "person:varga-holm" in live, "needs the bare surname to be live again (two full Varga-Holms)"
    assert sorted(live["person:varga-holm"].articles) == ["r4"]
    # the live entity's events are its own: Ilse's statements (r1, r2) are not person:varga-holm's
    evs = Reader(store).events(EventFilter(actor="person:varga-holm"), 50)
    arts = sorted({m.article_id for ev in evs for m in ev.mentions})
    assert arts == ["r4"], arts
    assert "person:varga-holm" not in entity_merges.merged_into(store.conn, "person:ilse-varga-holm")


def test_reextract_after_merges_keeps_the_entities(tmp_path) -> None:
    store = Store(tmp_path / "w.db")
    for a in (R2, R1):
        ingest(articles=[_copy(a)], store=store)
    before = sorted((e.id, tuple(sorted(e.articles))) for e in store.entities() if e.articles)
    merges_before = sorted(tuple(r)[:2] for r in store.conn.execute("SELECT old_id, new_id FROM entity_merges"))
    reextract(store)
    after = sorted((e.id, tuple(sorted(e.articles))) for e in store.entities() if e.articles)
    merges_after = sorted(tuple(r)[:2] for r in store.conn.execute("SELECT old_id, new_id FROM entity_merges"))
    assert after == before
    assert merges_after == merges_before
    assert entity_merges.resolve(store.conn, "person:varga-holm") == "person:ilse-varga-holm"


def test_a_un_spokesperson_is_not_given_the_country_of_the_mission_place() -> None:
    art = EntitiesComponent()(Article(id="x", text="Farhan Haq, a spokesperson for the United Nations mission in "
                                      "South Sudan, said on Monday that aid convoys were blocked."))
    haq = next(e for e in art.entities if e.name == "Farhan Haq")
    assert haq.country is None, haq.country  # a U.N. official, not a South Sudanese one


def test_an_unplaced_ministry_takes_the_country_of_its_dateline() -> None:
    for text, want in (("KYIV, Ukraine (AP) - The Foreign Ministry said on Tuesday that Russian drones struck "
                        "an apartment block in Kharkiv.", "org:foreign-ministry-ukr"),
                       ("MOSCOW (AP) - The Foreign Ministry on Thursday accused Britain of sending spies.",
                        "org:foreign-ministry-rus")):
        art = EntitiesComponent()(Article(id="x", text=text))
        assert want in {e.id for e in art.entities}, [e.id for e in art.entities]


def test_a_ministry_no_report_places_is_not_merged_into_a_placed_one(tmp_path) -> None:
    store = Store(tmp_path / "w.db")
    ingest(articles=[Article(id="a", text="Turkey's Foreign Ministry said on Monday it had summoned the envoy.",
                             published="2026-03-02"),
                     Article(id="b", text="The Foreign Ministry said on Friday it was studying the note.",
                             published="2026-03-06")], store=store)
    ids = {e.id: sorted(e.articles) for e in store.entities()}
    assert ids.get("org:foreign-ministry-tur") == ["a"], ids


def test_a_spokesperson_for_a_countrys_ministry_takes_that_country() -> None:
    art = EntitiesComponent()(Article(id="x", text="Ri Sol Chun, a spokesperson for North Korea's Foreign "
                                      "Ministry, said on Monday the drills were a threat."))
    ri = next(e for e in art.entities if e.name == "Ri Sol Chun")
    assert ri.country == "PRK", ri.country
