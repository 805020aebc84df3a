"""Entities that are one across a report and across reports: declared short forms, one label per name,
bare surnames and institutions, acronyms, misspellings; and the store merging them after a run.

The reports are written for these tests (Andean freight, Baltic port labour, a Nordic shipping regulator)."""

from __future__ import annotations

from wirewatch.extract import EntitiesComponent
from wirewatch.extract.entity_merge import canonical_ids, merge_into
from wirewatch.model import Article, Entity
from wirewatch.pipeline import ingest
from wirewatch.store.db import Store


def _entities(text: str) -> list[Entity]:
    art = EntitiesComponent()(Article(id="t1", text=text))
    return art.entities


def _owner(ents: list[Entity], alias: str) -> list[str]:
    return [e.id for e in ents if alias in e.aliases or e.name == alias]


def test_declared_short_form_after_comma_or() -> None:
    ents = _entities("The Andean Freight Regulatory Authority, or AFRA, fined three hauliers on Monday. "
                     "AFRA said the fines would be appealed. Hauliers told AFRA inspectors they had paid.")
    owners = set(_owner(ents, "AFRA"))
    assert len(owners) == 1
    (owner,) = owners
    assert "andean-freight-regulatory-authority" in owner


def test_acronym_that_does_not_start_like_the_name_is_not_declared_by_it() -> None:
    # NER often cuts a long name; "..., or BALTPORT" after "Riga" names the longer body, never the city
    ents = _entities("Dockers struck in Riga, or BALTPORT, the port operator said.")
    assert not any("BALTPORT" in e.aliases and e.name == "Riga" for e in ents)


def test_nickname_is_an_alias_of_the_person() -> None:
    ents = _entities("Osvaldo Reinaldo Quispe, known by his nickname Chato, left the union in 2019. "
                     "Chato later founded a rival federation.")
    owners = set(_owner(ents, "Chato"))
    assert owners and all("quispe" in o for o in owners)


def test_group_of_a_number_is_its_numbered_acronym() -> None:
    ents = _entities("Finance ministers of the Group of Twenty met in Lima. The G20 statement was brief.")
    g = [e for e in ents if "G20" in e.aliases]
    assert len(g) == 1 and g[0].name == "Group of Twenty"


def test_country_qualified_institution_and_its_bare_name() -> None:
    ents = _entities("The U.S. Senate voted on the bill on Tuesday. The Senate will vote again in May.")
    owners = set(_owner(ents, "Senate"))
    assert len(owners) == 1


def _e(eid: str, name: str, kind: str, articles: list[str], **kw: object) -> Entity:
    return Entity(id=eid, name=name, kind=kind, aliases=[name], articles=articles, **kw)  # type: ignore[arg-type]


def test_canonical_ids_across_reports() -> None:
    ents = [
        _e("person:ilse-varga-holm", "Ilse Varga-Holm", "PERSON", ["a", "b"]),
        _e("person:varga-holm", "Varga-Holm", "PERSON", ["c"]),
        _e("org:g7", "G7", "ORG", ["a", "b"]),
        _e("loc:g7", "G7", "LOC", ["c"]),
        _e("org:u-s-congress", "U.S. Congress", "ORG", ["a"]),
        _e("org:congress", "Congress", "ORG", ["b"]),
        _e("org:nordic-maritime-board", "Nordic Maritime Board", "ORG", ["a"]),
        _e("org:nmb", "NMB", "ORG", ["c"]),
        _e("person:mevlut-cavusoglu", "Mevlut Cavusoglu", "PERSON", ["a", "b"]),
        _e("person:mevlut-cavusolgu", "Mevlut Cavusolgu", "PERSON", ["c"]),
        _e("person:ingrid-solvang", "Ingrid Solvang", "PERSON", ["a", "b"], country="NOR", titles=["Trade Minister"]),
        _e("person:ingird-solvang", "Ingird Solvang", "PERSON", ["c"], country="NOR", titles=["Trade Minister"]),
    ]
    ents += [_e("org:harbour-agency", "Harbour Agency", "ORG", ["h"], country="LVA"),
             _e("org:latvia-harbour-agency", "Latvia Harbour Agency", "ORG", ["i"], country="LVA"),
             _e("org:foreign-office", "Foreign Office", "ORG", ["h"], country="EST"),
             _e("org:latvia-foreign-office", "Latvia Foreign Office", "ORG", ["i"], country="LVA")]
    ents += [_e("org:rashidov", "Rashidov", "ORG", ["d", "e"]), _e("person:rashidov", "Rashidov", "PERSON", ["f"]),
             _e("person:akmal-rashidov", "Akmal Rashidov", "PERSON", ["g"])]
    ents[6].aliases.append("NMB")
    m = canonical_ids(ents)
    assert m["person:varga-holm"] == "person:ilse-varga-holm"
    assert m["loc:g7"] == "org:g7"
    assert m["org:congress"] == "org:u-s-congress"
    assert m["org:nmb"] == "org:nordic-maritime-board"
    assert m["person:mevlut-cavusolgu"] == "person:mevlut-cavusoglu"
    assert m["org:rashidov"] == m["person:rashidov"] == "person:akmal-rashidov"
    assert m["person:ingird-solvang"] == "person:ingrid-solvang"  # one role, one country: a typo
    assert m["org:harbour-agency"] == "org:latvia-harbour-agency"  # "Latvia's Harbour Agency"
    assert "org:foreign-office" not in m  # another country's
    merged = {e.id: e for e in merge_into(ents, m)}
    assert "Varga-Holm" in merged["person:ilse-varga-holm"].aliases
    assert sorted(merged["person:ilse-varga-holm"].articles) == ["a", "b", "c"]


def test_canonical_ids_leave_ambiguous_and_different_people_apart() -> None:
    ents = [
        _e("person:anna-berg", "Anna Berg", "PERSON", ["a"]),
        _e("person:lars-berg", "Lars Berg", "PERSON", ["b"]),
        _e("person:berg", "Berg", "PERSON", ["c"]),  # two Bergs known: which one is unknown
        _e("person:mark-olsen", "Mark Olsen", "PERSON", ["a"]),
        _e("person:mary-olsen", "Mary Olsen", "PERSON", ["b"]),  # one letter apart, two people
        _e("person:lena-dahl", "Lena Dahl", "PERSON", ["a"], country="SWE", titles=["Mayor"]),
        _e("person:lina-dahl", "Lina Dahl", "PERSON", ["b"], country="NOR", titles=["Mayor"]),  # two countries
        _e("gpe:jordan", "Jordan", "GPE", ["a"], country="JOR"),
        _e("person:jordan", "Jordan", "PERSON", ["b"]),  # a country the gazetteer knows keeps its kind
    ]
    m = canonical_ids(ents)
    assert "person:berg" not in m
    assert "person:mary-olsen" not in m and "person:mark-olsen" not in m
    assert "person:lina-dahl" not in m and "person:lena-dahl" not in m
    assert "person:jordan" not in m and "gpe:jordan" not in m


def test_store_merges_a_bare_surname_with_the_full_name_of_another_report(tmp_path) -> None:
    store = Store(tmp_path / "w.db")
    arts = [
        Article(id="r1", text="Union leader Ilse Varga-Holm said on Monday that cranes at Klaipeda would stop. "
                              "Varga-Holm blamed the strike.", published="2026-03-02"),
        Article(id="r2", text="Union leader Varga-Holm said on Wednesday the port was closed.",
                published="2026-03-04"),
    ]
    ingest(articles=arts, store=store)
    people = [e for e in store.entities() if "Varga-Holm" in e.aliases]
    assert len(people) == 1
    assert people[0].name == "Ilse Varga-Holm" and sorted(people[0].articles) == ["r1", "r2"]
    mentions = store.conn.execute("SELECT DISTINCT entity_id FROM entity_mentions WHERE text = 'Varga-Holm'")
    assert [r[0] for r in mentions] == [people[0].id]
    store.close()


def test_hyphenated_title_is_kept_whole_and_off_the_name() -> None:
    ents = _entities("Governor-elect Marisol Fuentes-Ochoa named her cabinet. Ms. Fuentes-Ochoa said work "
                     "starts in January.")
    (p,) = [e for e in ents if e.kind == "PERSON"]
    assert p.name == "Marisol Fuentes-Ochoa"
    assert "Governor-elect" in p.titles and "Fuentes-Ochoa" in p.aliases


def test_namesake_picked_by_the_state_gets_its_own_id_and_holds_in_the_report() -> None:
    ents = _entities("ATHENS, Ga. \u2014 A plant near Athens closed on Friday, the county said.")
    athens = [e for e in ents if e.name == "Athens"]
    assert len(athens) == 1 and athens[0].country == "USA" and athens[0].id != "gpe:athens"


def test_credit_line_agency_is_no_alias_of_the_place() -> None:
    ents = _entities("TULSA, Okla. (AP) \u2014 Storms cut power to thousands, utilities said.")
    assert not any("AP" in e.aliases and e.kind == "GPE" for e in ents)


def test_possessive_country_of_an_institution() -> None:
    ents = _entities("Peru's Transport Ministry said the road would reopen. The transport ministry gave no date.")
    (m,) = [e for e in ents if e.kind == "ORG"]
    assert m.country == "PER" and len([e for e in ents if e.kind == "ORG"]) == 1


def _linked(text: str) -> list[tuple[str, str]]:
    art = EntitiesComponent()(Article(id="t1", text=text))
    return [(m.text, m.entity_id) for m in art.entity_mentions]


def test_capital_names_its_government_only_when_it_acts() -> None:
    links = _linked("Nairobi rejected the report on Monday. Nairobi was flooded overnight. "
                    "Nairobi's streets were empty. The offer was welcomed by Nairobi.")
    assert [eid for _, eid in links] == ["gpe:kenya", "gpe:nairobi", "gpe:nairobi", "gpe:kenya"]
    ents = _entities("Nairobi rejected the report on Monday. Kenya later softened its tone.")
    kenya = next(e for e in ents if e.id == "gpe:kenya")
    assert "Nairobi" not in kenya.aliases  # the city keeps its name


def test_facility_words_belong_to_the_place_and_the_bare_name_follows() -> None:
    ents = _entities("Drones struck the Hmeimim air base on Sunday. Russia said Hmeimim was not damaged.")
    base = [e for e in ents if "Hmeimim" in e.aliases]
    assert len(base) == 1 and base[0].name == "Hmeimim air base"


def test_a_name_grown_over_its_neighbour_leaves_one_span() -> None:
    # NER splits the name at "and"; the repaired span covers both halves and the article still extracts
    ents = _entities("Costs of the planned Harbor Federal Savings and Loan Association purchase rose.")
    assert any("Savings and Loan Association" in e.name for e in ents)


def test_one_misspelt_word_that_makes_another_name_is_another_person() -> None:
    ents = [
        _e("person:hamid-qasemi", "Hamid Qasemi", "PERSON", ["a", "b"]),
        _e("person:hamad-qasemi", "Hamad Qasemi", "PERSON", ["c"]),  # two given names: two brothers
        _e("person:omar-fadel", "Omar Fadel", "PERSON", ["a"]),
        _e("person:omer-fadel", "Omer Fadel", "PERSON", ["b"]),  # a short word, one letter: another name
        _e("person:tomas-brevik", "Tomas Brevik", "PERSON", ["a"], country="NOR"),
        _e("person:tomas-brevick", "Tomas Brevick", "PERSON", ["b"], country="DNK"),  # other countries
        _e("person:selin-karadumanli", "Selin Karadumanli", "PERSON", ["a", "b"]),
        _e("person:selin-karadumalni", "Selin Karadumalni", "PERSON", ["c"]),  # a typo in a long surname
    ]
    m = canonical_ids(ents)
    assert "person:hamad-qasemi" not in m and "person:hamid-qasemi" not in m
    assert "person:omer-fadel" not in m and "person:omar-fadel" not in m
    assert "person:tomas-brevick" not in m and "person:tomas-brevik" not in m
    assert m["person:selin-karadumalni"] == "person:selin-karadumanli"


_PORT_REPORTS = [
    Article(id="r1", text="Union leader Ilse Varga-Holm said on Monday that cranes at Klaipeda would stop. "
                          "Varga-Holm blamed the strike on the port authority.", published="2026-03-02"),
    Article(id="r2", text="Union leader Varga-Holm accused the port authority of locking out 300 dockers on "
                          "Wednesday.",
            published="2026-03-04"),
]


def test_a_merged_id_still_finds_its_entity(tmp_path) -> None:
    """An /entities/<id> link, an --actor filter or a watch rule written before the merge keeps working."""
    from wirewatch.serve.queries import EventFilter, Reader
    from wirewatch.store import entity_merges, views

    store = Store(tmp_path / "w.db")
    ingest(articles=[_PORT_REPORTS[1]], store=store)
    old = next(e.id for e in store.entities() if e.name == "Varga-Holm")
    before = Reader(store).events(EventFilter(actor=old), 50)
    assert before, "the test needs an event with the bare surname as actor"
    ingest(articles=[_PORT_REPORTS[0]], store=store)
    canonical = next(e.id for e in store.entities() if e.name == "Ilse Varga-Holm")
    assert old != canonical and not store.entities([old])
    assert entity_merges.resolve(store.conn, old) == canonical
    assert entity_merges.merged_into(store.conn, canonical) == [old]
    r = Reader(store)
    assert r.entity(old).id == canonical
    assert {ev.id for ev in before} <= {ev.id for ev in r.events(EventFilter(actor=old), 50)}
    assert views.find_entity_id(store.conn, old) == canonical
    store.close()


def test_merge_chains_stay_flat(tmp_path) -> None:
    from wirewatch.store import entity_merges

    store = Store(tmp_path / "w.db")
    with store.transaction() as c:
        c.execute("INSERT INTO entities(id, name, kind, aliases, titles) "
                  "VALUES ('person:c', 'C', 'PERSON', '[]', '[]')")
        entity_merges.record(c, {"person:a": "person:b"}, "2026-03-01T00:00:00Z")
        entity_merges.record(c, {"person:b": "person:c"}, "2026-03-02T00:00:00Z")
    rows = dict(store.conn.execute("SELECT old_id, new_id FROM entity_merges").fetchall())
    assert rows == {"person:a": "person:c", "person:b": "person:c"}
    assert entity_merges.resolve(store.conn, "person:a") == "person:c"
    assert entity_merges.resolve(store.conn, "person:zz") is None
    store.close()


def test_end_of_run_merge_reads_the_runs_entities_and_their_candidates_only(tmp_path, monkeypatch) -> None:
    store = Store(tmp_path / "w.db")
    ingest(articles=[Article(id="r0", text="Mayor Petra Lindqvist opened the Ostholm ferry terminal on Friday.",
                             published="2026-03-01")], store=store)
    ingest(articles=[_PORT_REPORTS[0]], store=store)
    asked: list[object] = []
    real = Store.entities

    def spy(self: Store, ids=None):  # type: ignore[no-untyped-def]
        asked.append(None if ids is None else sorted(ids))
        return real(self, ids)

    monkeypatch.setattr(Store, "entities", spy)
    ingest(articles=[_PORT_REPORTS[1]], store=store)
    assert asked and None not in asked  # never the whole table
    read = {i for ids in asked if isinstance(ids, list) for i in ids}
    assert not any("lindqvist" in i or "ostholm" in i for i in read)
    monkeypatch.undo()
    assert [e.name for e in store.entities() if "Varga-Holm" in e.aliases] == ["Ilse Varga-Holm"]
    store.close()


def test_store_merges_short_forms_titles_and_legal_forms_across_reports(tmp_path) -> None:
    """Written for this test: a Bolivian mine collapse and an Ohio glassmaker, two reports each."""
    store = Store(tmp_path / "w.db")
    arts = [
        Article(id="m1", text="Rescuers pulled 14 miners from a collapsed tin mine near Potosi on Tuesday, Mining "
                              "Minister Marcela Quispe said. The state mining company, Corporacion Minera de "
                              "Bolivia (Comibol), runs the site.", published="2026-04-01"),
        Article(id="m2", text="Bolivia ordered an audit of every mine run by Comibol on Thursday, Minister Quispe "
                              "told reporters.", published="2026-04-03"),
        Article(id="g1", text="Brightline Glass will cut 300 jobs at its plant in Perrysburg, Ohio, the company "
                              "said Wednesday.", published="2026-04-02"),
        Article(id="g2", text="Brightline Glass Co. chief executive Janet Kowalczyk defended the layoffs on "
                              "Thursday.", published="2026-04-03"),
    ]
    ingest(articles=arts, store=store)
    ents = store.entities()
    names = [e.name for e in ents]
    assert "Mining" not in names
    quispe = [e for e in ents if "Quispe" in e.aliases]
    assert len(quispe) == 1 and quispe[0].name == "Marcela Quispe" and sorted(quispe[0].articles) == ["m1", "m2"]
    comibol = [e for e in ents if "Comibol" in e.aliases or e.name == "Comibol"]
    assert len(comibol) == 1 and sorted(comibol[0].articles) == ["m1", "m2"]
    glass = [e for e in ents if e.name.startswith("Brightline")]
    assert len(glass) == 1 and glass[0].kind == "ORG" and sorted(glass[0].articles) == ["g1", "g2"]
    store.close()
