"""Resolution: the cleaned spans of one article to mentions and canonical entities (demonym -> country,
capital as government -> country, acronym -> organisation, surname -> full name, alias -> lexicon entry)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model import Article, Entity, EntityMention
from .entity_gender import person_gender, title_gender
from .entity_names import (
    _MIXED_INITIALS,
    _PARTICLE,
    NAME_SUFFIXES,
    _acronym,
    _initials,
    _word_initials,
    clean_name,
    entity_id,
    name_key,
    name_words,
    short_forms,
)
from .entity_places import _FACILITY_HEADS, _FACILITY_MODIFIERS, _GOVERNMENT_WORDS, _IN_PLACE, _caps_place, _metonymic
from .entity_roles import _appositive_role, _titles_and_country
from .entity_span import ENTITY_LABELS, _Span
from .entity_words import (
    _COMPANY_WORDS,
    _GOVERNMENT_BODY_HEADS,
    _INSTITUTION_HEADS,
    _INSTITUTION_WORDS,
    _PLACE_SUFFIXES,
    STREET_WORDS,
    generic_institution,
    looks_like_person,
)
from .gazetteer import gazetteer
from .lexicon import lexicon
from .nlp import span_text

# People and bodies that act for their state abroad: "Canadian officials in London" are in Britain's capital.
_STATE_AGENTS = frozenset({"official", "diplomat", "envoy", "negotiator", "delegation", "delegate", "ambassador",
                           "embassy", "mission", "minister", "representative", "emissary", "consulate"})
# A state's agents whose post is abroad: where they are is another state's capital ("the ministry's envoy in Paris").
_POSTED_ABROAD = frozenset({"envoy", "ambassador", "embassy", "delegation", "delegate", "mission", "consulate",
                            "emissary", "diplomat", "attache", "consul", "negotiator"})
# What comes before a street named as a place: a house number or a preposition of place ("on Lanier Drive").
_STREET_PREPOSITIONS = frozenset({"on", "at", "along", "off", "near", "down", "up", "onto", "across", "past"})
# A namesake in the report's own country is the place meant unless the most populous one is this many times
# bigger ("Paris": France's, 86 times Paris, Texas; "Wellington": England's town, New Zealand's is 17 times it).
_NAMESAKE_RATIO = 50
# The full names (first word's position, short forms, entity) and the initials of bodies an article names.
_Persons = list[tuple[int, list[str], Entity]]
_Orgs = list[tuple[str, Entity]]


class _Resolver:
    """Turns cleaned spans of one article into mentions and entities."""

    def __init__(self, article: Article, doc: Any) -> None:
        self.article, self.doc = article, doc
        self.entities: dict[str, Entity] = {}
        self.mentions: list[EntityMention] = []
        self.gaz, self.lex = gazetteer(), lexicon()
        self.place_bases: dict[str, Entity] = {}  # name_key("Yeonpyeong") -> the "Yeonpyeong Island" entity
        self.declared: dict[str, tuple[int, int]] = {}  # "ECOWAS" -> token bounds of its long form
        self.qualified: dict[str, Entity] = {}  # "Congress" -> the "U.S. Congress" named in the article
        self.generic: dict[str, dict[str, Entity]] = {}  # "foreign-ministry" -> {country: its entity}
        self.home: str | None = None  # the report's own country (`_home_country`), for unplaced institutions
        self.spans: list[_Span] = []  # the article's spans, set by `run`
        self.phrase_country: dict[str, str] = {}  # "alexandria" -> EGY: a place's qualifier holds report-wide

    def entity(self, kind: str, name: str, country: str | None = None, alias: str | None = None,
               titles: Iterable[str] = (), lat: float | None = None, lon: float | None = None,
               key: str | None = None) -> Entity:
        eid = entity_id(kind, key or name)
        ent = self.entities.get(eid)
        if ent is None:
            ent = Entity(id=eid, name=name, kind=kind, country=country, aliases=[name], lat=lat, lon=lon,
                         articles=[self.article.id])
            self.entities[eid] = ent
        ent.country = ent.country or country
        if alias and alias not in ent.aliases:
            ent.aliases.append(alias)
        for t in titles:
            if t not in ent.titles:
                ent.titles.append(t)
        return ent

    def country_entity(self, iso3: str, alias: str) -> Entity:
        c = self.gaz.countries[iso3]
        return self.entity("GPE", c.name, iso3, alias)

    def resolve(self, sp: _Span, text: str, persons: _Persons, orgs: _Orgs) -> Entity:
        """The entity one span names, in steps: a name the article or the lexicon already gave, then NER's
        label corrected, then a country, else by what the span is (place, facility, body, person)."""
        found = self._named_before(sp, text, persons, orgs)
        if found is not None:
            return found
        label = self._relabel(sp, text, persons)
        found = self._country(sp, text, label)
        if found is not None:
            return found
        if label == "NORP":
            return self.entity("NORP", text, alias=text)
        if label in ("GPE", "LOC"):
            return self._place(sp, text, label)
        if label == "FAC":
            city = self.gaz.city(text)
            lat, lon = (city.lat, city.lon) if city else (None, None)
            return self.entity(label, text, city.country if city else None, text, lat=lat, lon=lon)
        if label == "ORG":
            return self._organisation(sp, text, orgs)
        return self._person(sp, text, persons)

    def _named_before(self, sp: _Span, text: str, persons: _Persons, orgs: _Orgs) -> Entity | None:
        """Step 1, before NER's label is trusted: a short form of a name known already - the lexicon's, an
        organisation's first word, a place's base name, initials, a qualified body's head - is that entity,
        whatever NER called the span this time."""
        known = self.lex.known_entity(text)
        if known is not None and not (sp.label == "PERSON" and known.kind != "PERSON"):
            return self.entity(known.kind, known.name, known.country, text)
        short = self._short_org(sp, text, orgs, persons)
        if short is not None:
            return short
        base = self.place_bases.get(name_key(text))
        if base is not None and not any(text in parts for _, parts, _ in persons):
            # "Hmeimim" after "the Hmeimim air base", whatever NER called it this time
            return self.entity(base.kind, base.name, base.country, text, lat=base.lat, lon=base.lon)
        if sp.end - sp.start == 1 and self.gaz.country_of_any(text) is None and (
                _acronym(self.doc[sp.start]) or re.fullmatch(r"[A-Z]{1,4}\d{1,2}", text) or
                _MIXED_INITIALS.fullmatch(text)):
            # "MBS" of "Mohammed bin Salman", "C.A.R." of "Central African Republic": initials, any case
            bare = text.replace(".", "").upper()
            owners = {ent.id: ent for initials, ent in orgs if initials.upper() == bare and ent.name != text}
            owners.update({ent.id: ent for _, parts, ent in persons
                           if len(bare) >= 3 and _word_initials(ent.name).upper() == bare})
            if len(owners) == 1:
                ent = next(iter(owners.values()))
                return self.entity(ent.kind, ent.name, ent.country, text)
        if sp.end - sp.start == 1 and text in self.qualified and sp.label in ("ORG", "PERSON", "GPE", "LOC"):
            ent = self.qualified[text]
            return self.entity(ent.kind, ent.name, ent.country, text)
        return None

    def _relabel(self, sp: _Span, text: str, persons: _Persons) -> str:
        """Step 2: NER's label where the words say otherwise (a street named after someone, a person NER
        took for a place, a capital or a city NER took for a person or a body), set on the span and
        returned. The checks run in order: each reads the label the one before left."""
        gaz, doc = self.gaz, self.doc
        label = sp.label
        if label == "PERSON" and sp.end - sp.start >= 2 and self._street(sp):
            label = sp.label = "LOC"  # "Lanier Drive", "Slappey Boulevard": a street, whoever it is named after
        if label in ("FAC", "LOC", "ORG") and not sp.placed and self._looks_like_person(sp):
            label = sp.label = "PERSON"  # "Japan's Kenji Sato" as FAC: a given name and a surname
        if label == "PERSON" and sp.end - sp.start == 1 and gaz.country_of_capital(text) and \
                not any(text in parts for _, parts, _ in persons):
            label = sp.label = "GPE"  # "Kiev will not negotiate" as a PERSON: a capital, no one the article names
        if label == "ORG" and sp.end - sp.start == 1 and not _acronym(doc[sp.start]) and (
                gaz.city(text) is not None or gaz.country_of_region(text) is not None):
            label = sp.label = "GPE"  # "Dayton police": NER's ORG is the city
        if label == "ORG" and sp.end - sp.start >= 2 and sp.start > 0 and \
                doc[sp.start - 1].lower_ in _IN_PLACE | {"to", "from", "at", "into"} and \
                gaz.city(text) is not None and gaz.country_of_any(text) is None:
            label = sp.label = "GPE"  # "flew on to Abu Dhabi", "corridors to El Fasher": a city NER took for a body
        return label

    def _country(self, sp: _Span, text: str, label: str) -> Entity | None:
        """Step 3: a country by its government, name or demonym - unless the text's qualifier or the
        report's country makes the name a town's or a state's - for most labels, so that "Somali
        government", "Somalia" and "Somali" are one entity; None where the span names no country."""
        gaz = self.gaz
        if sp.end - sp.start >= 2 and self.doc[sp.end - 1].lower_ in _GOVERNMENT_WORDS:
            iso = gaz.country_of_any(clean_name(self.doc[sp.start:sp.end - 1].text))
            if iso:  # "Somali government" (see _country_government)
                return self.country_entity(iso, text)
        iso = gaz.country_of_name(text)
        if iso and sp.country and sp.country != iso and label in ("GPE", "LOC"):
            # "LEBANON, Pa.", "his home in Lebanon", "PERU, Ind.": the text's own qualifier makes it a town,
            # not the country - one the gazetteer lists (15,000 people and more) or not
            town = gaz.city(text, sp.country)
            if town is not None:
                return self.entity("GPE", town.name, town.country, text, lat=town.lat, lon=town.lon,
                                   key=f"{town.name} {town.country}")
            if sp.by_region:  # a state's, not a country's: "North Korea, Japan" lists two countries
                return self.entity("GPE", text, sp.country, text, key=f"{text} {sp.country}")
        if iso and label in ("GPE", "LOC") and self.home is not None and iso != self.home and not sp.country and \
                gaz.country_of_region(text) == self.home:
            # "Joyce Wallace of Georgia" in a report on Nashville, Tennessee: the state, not the country
            name = gaz.region_name(text)  # an id of its own: "gpe:georgia" is the country's
            return self.entity("GPE", name, self.home, text, key=f"{name} {self.home}")
        if iso and label in ("GPE", "LOC", "NORP", "ORG", "PERSON"):
            return self.country_entity(iso, text)
        if label in ("NORP", "GPE", "ORG", "PERSON"):
            iso = gaz.country_of_demonym(text)
            if iso:
                return self.country_entity(iso, text)
        return None

    def _place(self, sp: _Span, text: str, label: str) -> Entity:
        """Step 4a, a GPE or LOC that is no country: a capital standing for its government, a region, a
        city the gazetteer picks (the text's qualifier, the phrase's country, the report's), a place's base
        name, else a LOC of its own name - so that one place gets one id across articles."""
        gaz = self.gaz
        if label == "GPE":
            root = self.doc[sp.start:sp.end].root
            capital_of = gaz.country_of_capital(text)
            if capital_of and not sp.country and _metonymic(root):
                # "Beirut condemned": the government. The capital's name is no alias of the country (the
                # city keeps it: "residents of Beirut"), so the mention links without adding it.
                return self.entity("GPE", gaz.countries[capital_of].name, capital_of)
        for form in (text, text + "."):  # clean_name took the period off "Calif."
            region = gaz.country_of_region(form)
            if region is not None and not gaz.country_of_name(text):
                return self.entity("GPE", gaz.region_name(form), region, text)
        if text.isupper() and len(text) > 3:
            text = _caps_place(text) or text
        # NER calls the same place GPE in one article and LOC in the next; the gazetteer decides:
        # a known city is a GPE, any other non-country place a LOC - so ids agree across articles.
        # A state or country the text puts after it ("Birmingham, Ala.") picks the namesake.
        # the country the phrase it is in names ("Egyptian authorities in Alexandria"), where that country
        # has a place of the name, goes before the report's: the text's qualifier is nearer than its dateline
        near = self._sentence_country(sp, text) or self.phrase_country.get(text.lower()) or self.home
        city = gaz.city(text, sp.country) if sp.country else gaz.city(text, near=near)
        if city is not None and not sp.country and near is not None and city.country != near and \
                (local := gaz.city(text, near)) is not None and \
                city.population < _NAMESAKE_RATIO * max(local.population, 1):
            # "Wellington" in a report on Tiverton and Taunton: the English town, not New Zealand's capital
            # - unless the other is a city of another order ("Paris" is France's in a Texas report too)
            city = local
        if city is None and sp.country:
            return self.entity("GPE", text, sp.country, text)
        if city is not None:
            default = gaz.city(text)
            # "Paris, Texas" is not Paris: a namesake the text's qualifier picks gets an id of its own
            key = f"{city.name} {city.country}" if default is not None and default.country != city.country \
                else None
            return self.entity("GPE", city.name, city.country, text, lat=city.lat, lon=city.lon, key=key)
        base = self.place_bases.get(name_key(text))
        if base is not None:
            return self.entity(base.kind, base.name, base.country, text, lat=base.lat, lon=base.lon)
        return self.entity("LOC", text, alias=text)

    def _organisation(self, sp: _Span, text: str, orgs: _Orgs) -> Entity:
        """Step 4b, an ORG: its initials' full name, else the body under the country its words, its
        possessor, its officer's place or the report's home say it belongs to (a generic "Foreign Ministry"
        gets that country's id: see `_generic`)."""
        gaz, doc = self.gaz, self.doc
        if _acronym(doc[sp.start]) and sp.end - sp.start == 1:
            for initials, ent in orgs:
                if initials == text.replace(".", ""):
                    return self.entity(ent.kind, ent.name, ent.country, text)
        country = self._state_of_home(sp)
        if country is None:
            country = next((gaz.country_of_any(t.text) for t in doc[sp.start:sp.end]
                            if gaz.country_of_any(t.text)), None)
        if country is None and sp.start >= 2 and doc[sp.start - 1].tag_ == "POS":
            # "Lebanon's Defence Ministry", "North Korea's Foreign Ministry"
            owner = doc[sp.start - 2].text
            country = gaz.country_of_name(owner) or gaz.country_of_capital(owner) or (
                gaz.country_of_name(doc[sp.start - 3:sp.start - 1].text) if sp.start >= 3 else None)
            if country is None and generic_institution(text) and (place := gaz.city(owner)) is not None:
                country = place.country  # "Gaza's health ministry": the city's country's ministry
        if country is None and generic_institution(text):
            country = self._placed_by_phrase(sp)
        if country is None and self.home is None:
            # "Virginia State Police" in a report that says nowhere where it is: the state's
            country = self._state_of_home(sp, any_home=True)
        if generic_institution(text):
            return self._generic(text, country)
        if country is None and any(t.lower_ in _GOVERNMENT_BODY_HEADS for t in doc[sp.start:sp.end]):
            country = self.home  # "The Department of Veterans' Affairs" under CANBERRA is Australia's
        return self.entity("ORG", text, country, text)

    def _person(self, sp: _Span, text: str, persons: _Persons) -> Entity:
        """Step 4c, a PERSON: a bare surname or given name is a full name the article gives, of the gender
        its title says ("Mr. Gigante" is never Yolanda Gigante). Where several share it ("Berisha, his wife,
        Liri Berisha, his son, Shkelzen Berisha"), the bare name is the one introduced first: reports name
        the relatives in full and keep the bare surname for their subject."""
        if " " not in text or any(text in parts for _, parts, _ in persons):  # or "von der Leyen"
            want = title_gender(sp.titles)
            first_seen: dict[str, tuple[int, Entity]] = {}
            bare = _PARTICLE.sub("", text.lower())  # "Al-Sisi" at a sentence start is the "el-Sisi" named before

            def names(parts: list[str]) -> bool:
                return text in parts or bare != text.lower() and bare in {_PARTICLE.sub("", p.lower()) for p in parts}

            # "Walter Hines Sr. ... Hines Jr.": a surname with a generational suffix is only the full name
            # of that suffix (the son is not his father)
            after = self.doc[sp.end].text.rstrip(".").lower() if sp.end < len(self.doc) else ""
            suffix = after if after in NAME_SUFFIXES else None

            def same_generation(ent: Entity) -> bool:
                own = {w.rstrip(".").lower() for w in name_words(ent.name)} & NAME_SUFFIXES
                return suffix is None or suffix in own

            for pos, parts, ent in persons:
                if names(parts) and same_generation(ent) and (want is None or person_gender(ent) in (None, want)) and \
                        (ent.id not in first_seen or pos < first_seen[ent.id][0]):
                    first_seen[ent.id] = (pos, ent)
            if first_seen:
                before = [c for c in first_seen.values() if c[0] < sp.start] or list(first_seen.values())
                best = min(before, key=lambda c: c[0])[1]
                return self.entity("PERSON", best.name, sp.country, text, sp.titles)
        return self.entity("PERSON", text, sp.country, text, sp.titles)

    def _sentence_country(self, sp: _Span, text: str) -> str | None:
        """The country that the noun the place's preposition hangs on is qualified by ("Egyptian authorities
        in Alexandria", "Britain's embassy in Cambridge"), where it has a place called `text`; else None. A
        foreign capital larger than that country's namesake is the capital's where the noun is one of a state's
        agents ("Canadian officials in London": they travel; "the Lebanese community in Tripoli" need not)."""
        root = self.doc[sp.start:sp.end].root
        if root.dep_ != "pobj" or root.head.dep_ != "prep" or root.head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = root.head.head
        near = {noun.i} | {c.i for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")}
        found = []
        for other in self.spans:
            if other is sp or other.label not in ("GPE", "NORP") or \
                    not any(other.start <= i < other.end for i in near):
                continue
            words = clean_name(span_text(self.doc, other.start, other.end))
            iso = self.gaz.country_of_any(words) or self.gaz.country_of_demonym(self.doc[other.start].text)
            if iso is not None and self.gaz.city(words) is None and (local := self.gaz.city(text, iso)) is not None:
                # "Canadian officials in London": a nation's officials abroad are in the other nation's capital
                # (the larger city), not in their own country's namesake town
                capital_of = self.gaz.country_of_capital(text)
                abroad = self.gaz.city(text, capital_of) if capital_of not in (None, iso) and \
                    noun.lemma_.lower() in _STATE_AGENTS else None
                found.append((abs(other.start - sp.start), capital_of if abroad is not None and
                              abroad.population > local.population else iso))
        return min(found)[1] if found else None

    def _street(self, sp: _Span) -> bool:
        """ "on Lanier Drive", "1204 Slappey Boulevard": a name ending in a street word is a street where a
        house number or a preposition of place comes before it; "Jordan Lane scored", "Coach Mike Street"
        are people."""
        doc = self.doc
        last = doc[sp.end - 1]
        if last.lower_.rstrip(".") not in STREET_WORDS or not last.is_title or sp.start == 0:
            return False
        before = doc[sp.start - 1]
        return before.like_num or before.lower_ in _STREET_PREPOSITIONS

    def _the_country_here(self, sp: _Span, spans: list[_Span]) -> bool:
        """ "He had flown in from Lebanon via Beirut" in a "LEBANON, Pa." report: a mention of a name that is
        a country, in a sentence naming a city of that country, is the country, not the dateline's town."""
        doc, gaz = self.doc, self.gaz
        iso = gaz.country_of_name(doc[sp.start:sp.end].text)
        if iso is None:
            return False
        sent = doc[sp.start].sent
        for other in spans:
            if other is sp or other.label not in ("GPE", "LOC") or not sent.start <= other.start < sent.end:
                continue
            place = clean_name(doc[other.start:other.end].text)
            if gaz.country_of_capital(place) == iso or (c := gaz.city(place)) is not None and c.country == iso:
                return True
        return False

    def _home_country(self, spans: list[_Span]) -> str | None:
        """The report's own country: its dateline's ("KYIV, Ukraine (AP) -", "MOSCOW (AP) -"), else the one
        country its places name more often than any other (None on a tie or with no place)."""
        doc, gaz = self.doc, self.gaz
        counts: dict[str, int] = {}
        for sp in spans:
            if sp.label not in ("GPE", "LOC"):
                continue
            text = clean_name(span_text(doc, sp.start, sp.end))
            caps = _caps_place(text) if text.isupper() else None
            iso = sp.country or gaz.country_of_name(caps or text)
            shared = False  # a city several countries have ("Wellington") says little of where the report is
            if iso is None and (city := gaz.city(caps or text)) is not None:
                iso, shared = city.country, len(gaz.namesake_countries(caps or text)) > 1
            if iso is None:
                iso = gaz.country_of_region(caps or text)  # "Tennessee": a state places the report too
            if iso is None:
                continue
            if sp.start == 0 or doc[sp.start].is_sent_start and text.isupper():
                return iso  # a dateline
            if not shared:
                counts[iso] = counts.get(iso, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    def _state_of_home(self, sp: _Span, any_home: bool = False) -> str | None:
        """ "Washington Department of Ecology", "Georgia Department of Corrections": an institution named
        after a state (one or two words, then a capitalised word) is that state's country's, where the
        report is in that country (a "Colorado Party" under ASUNCION is Paraguay's; "Georgia ..." under
        ATLANTA is no body of the country Georgia). `any_home`: whatever the report's country."""
        doc = self.doc
        for n in (2, 1):
            if sp.end - sp.start > n and doc[sp.start + n].is_title and \
                    (region := self.gaz.country_of_region(doc[sp.start:sp.start + n].text)) is not None and \
                    (any_home or region == self.home):
                return region
        return None

    def _placed_by_phrase(self, sp: _Span) -> str | None:
        """ "A Foreign Office spokesman in London": the capital (a government's seat) the phrase of a body's
        officer puts him in says whose body it is, before the report's dateline does (a Dubai dateline makes
        it no Emirati office); a town, or a capital the text qualifies ("London, Ont."), says nothing."""
        noun = self.doc[sp.start:sp.end].root.head
        if noun.pos_ != "NOUN" or noun.i in range(sp.start, sp.end) or noun.lemma_.lower() in _POSTED_ABROAD:
            return None  # "a Foreign Ministry envoy in Paris" serves his ministry abroad: Paris is not its seat
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    place = next((o for o in self.spans if o.start <= obj.i < o.end and o.label == "GPE"), None)
                    if place is not None and not place.country:
                        return self.gaz.country_of_capital(clean_name(span_text(self.doc, place.start, place.end)))
        return None

    def _generic(self, text: str, country: str | None) -> Entity:
        """ "Foreign Ministry" names a different ministry in each country: with its country it gets an id of
        its own ("org:foreign-ministry-tur"); without, it is the one the article named with a country, else
        the report's own country's (its dateline, or the country its places name most). One no report
        places keeps the bare id, which the cross-report merge never joins to a placed one."""
        key = name_key(text)
        if country is None:
            known = self.generic.get(key, {})
            if len(known) == 1:
                country = next(iter(known))
            elif not known and self.home is not None:
                country = self.home
            else:
                return self.entity("ORG", _shown(text), None, text)
        ent = self.entity("ORG", _shown(text), country, text, key=f"{text} {country}")
        self.generic.setdefault(key, {}).setdefault(country, ent)
        return ent

    def _looks_like_person(self, sp: _Span) -> bool:
        return looks_like_person(self.doc, sp)

    def _short_org(self, sp: _Span, text: str, orgs: list[tuple[str, Entity]],
                   persons: list[tuple[int, list[str], Entity]]) -> Entity | None:
        """ "Nuvia" after "Nuvia Graphics", "Lumera" after "Lumera Systems": the first word of one
        organisation named in full in the article is that organisation (unless it is also a person's name
        or a place)."""
        if sp.end - sp.start > 1 and sp.label == "ORG":
            return self._org_prefix(text, orgs)
        if sp.end - sp.start != 1 or sp.label not in ("ORG", "PERSON", "GPE", "NORP", "LOC") or not text[:1].isupper():
            return None
        if any(text in parts for _, parts, _ in persons) or self.gaz.country_of_any(text) or \
                (sp.label != "ORG" and self.gaz.city(text) is not None):
            return None
        # name.split()[:1]: an organisation whose name is all punctuation or space ("ecb_4_6ecb") has no word
        owners = {ent.id: ent for _, ent in orgs if ent.name.split()[:1] == [text] and ent.name != text}
        if not owners and text.lower() not in _INSTITUTION_WORDS | _INSTITUTION_HEADS | _COMPANY_WORDS:
            # "City" after "Manchester City", "the Nuggets" after "the Denver Nuggets": what a body named after
            # its place is called without the place
            owners = {ent.id: ent for _, ent in orgs if len(words := ent.name.split()) >= 2 and words[-1] == text
                      and self._place_name(" ".join(words[:-1]))}
        if len(owners) != 1:
            return None
        ent = next(iter(owners.values()))
        return self.entity(ent.kind, ent.name, ent.country, text)

    def _place_name(self, text: str) -> bool:
        gaz = self.gaz
        return gaz.city(text) is not None or gaz.country_of_region(text) is not None or \
            gaz.country_of_any(text) is not None

    def _org_prefix(self, text: str, orgs: list[tuple[str, Entity]]) -> Entity | None:
        """ "Valley Green's owner" after "Valley Green Hauling": a name that is one organisation's name less
        a last word saying what it does is that organisation ("United Nations" of "United Nations Security
        Council" is not: the council is a body of it)."""
        words = text.split()
        owners = {ent.id: ent for _, ent in orgs
                  if len(n := ent.name.split()) == len(words) + 1 and n[:-1] == words and
                  n[-1].lower() not in _INSTITUTION_WORDS and n[-1].lower() not in _INSTITUTION_HEADS}
        if len(owners) != 1:
            return None
        ent = next(iter(owners.values()))
        return self.entity(ent.kind, ent.name, ent.country, text)

    def run(self, spans: list[_Span]) -> None:
        doc = self.doc
        self.spans = spans
        label_at = {i: sp.label for sp in spans for i in range(sp.start, sp.end)}
        for sp in spans:
            if sp.label == "PERSON":
                _titles_and_country(doc, sp, label_at)
                _appositive_role(doc, sp, label_at)
        # "Birmingham, Ala." once, "Birmingham" after: the article's own qualifier holds for every mention
        qualified = {doc[sp.start:sp.end].text.lower(): (sp.country, sp.by_region) for sp in spans
                     if sp.country and sp.label in ("GPE", "LOC")}
        for sp in spans:
            if sp.label in ("GPE", "LOC") and not sp.country and not self._the_country_here(sp, spans):
                sp.country, sp.by_region = qualified.get(doc[sp.start:sp.end].text.lower(), (None, False))
        self.home = self._home_country(spans)
        for sp in spans:  # "Egyptian authorities in Alexandria ... docked in Alexandria": one Alexandria
            if sp.label in ("GPE", "LOC") and not sp.country:
                text = clean_name(span_text(doc, sp.start, sp.end))
                if (iso := self._sentence_country(sp, text)) is not None:
                    self.phrase_country.setdefault(text.lower(), iso)
        # Full names and organisations first, so short forms anywhere in the article can resolve to them.
        persons: _Persons = []
        orgs: _Orgs = []
        resolved: dict[int, Entity] = {}
        org_names = [clean_name(span_text(doc, sp.start, sp.end)).split() for sp in spans if sp.label == "ORG"]
        particled = {f for sp in spans if sp.label == "PERSON"
                     for f in short_forms(name_words(clean_name(span_text(doc, sp.start, sp.end)))) if " " in f}
        for k, sp in enumerate(spans):
            text = clean_name(span_text(doc, sp.start, sp.end))
            if sp.label == "ORG" and any(len(n) == len(text.split()) + 1 and n[:-1] == text.split()
                                         for n in org_names):
                continue  # "Valley Green" of "Valley Green Hauling": resolved below, once the full name is
            if self.declared.get(span_text(doc, sp.start, sp.end).strip(), (sp.start, sp.end)) != (sp.start, sp.end):
                continue  # another name of an entity the article names ("the Noble Sanctuary"): resolved below
            if sp.label == "PERSON" and len(name_words(text)) >= 2 and self.lex.known_entity(text) is None \
                    and text not in particled:  # "von der Leyen": the surname of "Ursula von der Leyen"
                ent = self.resolve(sp, text, [], [])
                persons.append((sp.start, short_forms(name_words(text)) or [text], ent))
                resolved[k] = ent
            elif sp.label == "ORG" and sp.end - sp.start >= 2:
                ent = self.resolve(sp, text, [], [])
                orgs.append((_initials(doc, sp), ent))
                if (with_of := _initials(doc, sp, of=True)) != orgs[-1][0]:
                    orgs.append((with_of.upper(), ent))  # "DOJ", "DOD" of "Department of Justice/Defense"
                resolved[k] = ent
                first = doc[sp.start]
                if self.gaz.country_of_any(first.text) and sp.end - sp.start == 2 and doc[sp.end - 1].is_title:
                    self.qualified.setdefault(doc[sp.end - 1].text, ent)  # "U.S. Congress" ... "Congress"
            elif sp.label == "GPE" and sp.end - sp.start >= 3:
                ent = self.resolve(sp, text, [], [])
                orgs.append((_initials(doc, sp), ent))  # "Central African Republic" ... "C.A.R."
                resolved[k] = ent
            elif sp.label in ("GPE", "LOC") and sp.end - sp.start >= 2 and \
                    (doc[sp.end - 1].lower_ in _PLACE_SUFFIXES or doc[sp.end - 1].lower_ in _FACILITY_HEADS):
                ent = self.resolve(sp, text, [], [])
                resolved[k] = ent
                b = sp.end - 1
                while b > sp.start + 1 and doc[b - 1].is_lower and doc[b - 1].lower_ in _FACILITY_MODIFIERS:
                    b -= 1  # "Incirlik [air base]"
                base = clean_name(doc[sp.start:b].text)
                if ent.kind == "LOC" and self.gaz.country_of_any(base) is None and self.gaz.city(base) is None:
                    self.place_bases[name_key(base)] = ent
        by_bounds = {(sp.start, sp.end): k for k, sp in enumerate(spans)}
        for k, sp in enumerate(spans):
            text = clean_name(span_text(doc, sp.start, sp.end))
            long_k = by_bounds.get(self.declared.get(span_text(doc, sp.start, sp.end).strip(), (-1, -1)))
            if long_k is not None and long_k != k and k not in resolved:
                # "ECOWAS" declared by "the Economic Community of West African States, or ECOWAS"
                long_sp = spans[long_k]
                if long_k not in resolved:
                    resolved[long_k] = self.resolve(long_sp, clean_name(doc[long_sp.start:long_sp.end].text),
                                                    persons, orgs)
                owner = resolved[long_k]
                resolved[k] = self.entity(owner.kind, owner.name, owner.country, text)
                sp.label = owner.kind if owner.kind in ENTITY_LABELS else sp.label
            ent = resolved.get(k) or self.resolve(sp, text, persons, orgs)
            if ent.kind == "PERSON" and sp.titles:
                for t in sp.titles:
                    if t not in ent.titles:
                        ent.titles.append(t)
            ent.country = ent.country or sp.country
            first, last = doc[sp.start], doc[sp.end - 1]
            self.mentions.append(EntityMention(start=first.idx, end=last.idx + len(last.text),
                                               text=span_text(doc, sp.start, sp.end), kind=sp.label,
                                               entity_id=ent.id))


def _shown(text: str) -> str:
    """ "defence ministry" first written in lower case is shown as a name ("Defence Ministry")."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split()) if text.islower() else text
