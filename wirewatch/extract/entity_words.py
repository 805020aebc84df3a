"""Words that say what kind of thing a name is (a place, a street, a company, an institution
every country has) and names the lexicon or the gazetteer knows whole."""

from __future__ import annotations

from typing import Any

from .entity_gender import given_name_gender
from .entity_names import _generation, name_key
from .entity_span import _Span
from .entity_titles import person_title
from .gazetteer import gazetteer
from .lexicon import lexicon

_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# "Yeonpyeong Island" is later just "Yeonpyeong".
_PLACE_SUFFIXES = frozenset({"island", "islands", "peninsula", "province", "county", "region", "district",
                             "prefecture", "strait", "valley", "mountains", "mountain", "river", "port", "state"})


def _known_person(text: str) -> bool:
    known = lexicon().known_entity(text)
    return known is not None and known.kind == "PERSON"


# The last word of a street's name ("Philip Street", "1717 Hay Mills Rd."), full and abbreviated.
STREET_WORDS = frozenset({"street", "avenue", "road", "drive", "boulevard", "lane", "parkway", "highway", "way",
                          "square", "court", "terrace", "place", "expressway", "turnpike", "pike", "circle", "rd",
                          "st", "ave", "blvd", "ln", "dr", "hwy"})
_STREET_WORDS = STREET_WORDS
# Words that make a name a place or an institution, not a person ("Jordan Valley", "Grace Hospital").
_INSTITUTION_WORDS = _PLACE_SUFFIXES | frozenset({
    "street", "avenue", "road", "square", "bridge", "park", "airport", "base", "forest", "lake", "sea", "bay",
    "university", "college", "school", "hospital", "bank", "group", "company", "corp", "inc", "party",
    "council", "ministry", "agency", "army", "force", "forces", "front", "movement", "church", "mosque",
    "center", "centre", "institute", "foundation", "fund", "court", "house", "hall", "tower", "station"})
# What a minister is minister of ("Mining Minister", "Tourism Secretary"): no organisation on its own.
_PORTFOLIOS = frozenset({"mining", "finance", "defense", "defence", "foreign", "interior", "trade", "health",
                         "energy", "justice", "education", "agriculture", "labor", "labour", "tourism", "culture",
                         "environment", "water", "oil", "petroleum", "fisheries", "industry", "commerce",
                         "transport", "communications", "housing", "sports", "youth", "economy", "treasury",
                         "information", "security", "home"})
# Last words of a company's name ("Rahim Textiles", "Okafor Holdings"): never a person's.
_COMPANY_WORDS = frozenset({"textiles", "industries", "holdings", "group", "corp", "corporation", "inc", "ltd",
                            "llc", "plc", "motors", "airlines", "airways", "foods", "systems", "technologies",
                            "pharmaceuticals", "logistics", "shipping", "mining", "steel", "chemicals",
                            "partners", "enterprises", "electronics", "telecom", "construction", "hauling",
                            "bros", "gmbh", "ag", "sa", "semiconductor", "semiconductors", "software", "labs",
                            "networks", "robotics", "therapeutics", "biosciences", "devices", "aerospace",
                            "microsystems", "instruments", "solutions"})
# Words of an institution every country has ("Foreign Ministry", "Supreme Court", "National Assembly").
_INSTITUTION_HEADS = frozenset({"ministry", "court", "bank", "assembly", "parliament", "army", "navy", "police",
                                "cabinet", "office", "department", "service", "commission", "guard", "force",
                                "forces", "presidency", "senate", "legislature", "prosecutor", "prosecutors"})
_INSTITUTION_WORDS_GENERIC = _INSTITUTION_HEADS | frozenset({
    "foreign", "defense", "interior", "finance", "justice", "health", "education", "trade", "economy",
    "economic", "energy", "agriculture", "transport", "information", "home", "affairs", "of", "and", "for",
    "national", "supreme", "constitutional", "high", "central", "air", "armed", "security", "intelligence",
    "presidential", "coast", "general", "military", "electoral", "election", "federal", "state", "public",
    "prosecution", "prosecutor's", "attorney", "attorney-general", "ministry's"})


def generic_institution(name: str) -> bool:
    """Is the name one every country's institution has ("Defence Ministry", "Supreme Court")?"""
    words = name_key(name).split("-")
    return len(words) >= 2 and all(w in _INSTITUTION_WORDS_GENERIC for w in words) and \
        any(w in _INSTITUTION_HEADS for w in words)


# The heads of a government's own bodies: "Justice Department", "Department of Veterans' Affairs".
_GOVERNMENT_BODY_HEADS = frozenset({"department", "ministry"})
_BODY_WORDS = frozenset({"council", "committee", "agency", "authority", "administration", "board", "bureau",
                         "institute", "party", "union", "directorate", "command", "chamber", "tribunal"})


def any_countrys_body(name: str) -> bool:
    """Could any country have a body of that name ("National Security Council", "Foreign Ministry"), unlike
    "Consumer Product Safety Commission"? Every word is one of an institution's generic words."""
    words = name_key(name).split("-")
    return all(w in _INSTITUTION_WORDS_GENERIC or w in _BODY_WORDS for w in words)


def looks_like_person(doc: Any, sp: _Span) -> bool:
    """Two or three capitalised words, the first a given name the name lists know, none a place or an
    institution word: a person NER mislabelled (the same name would get another id in another article)."""
    gaz = gazetteer()
    toks = list(doc[sp.start:sp.end])
    numbered = len(toks) >= 2 and _generation(toks[-1].text)  # "Felipe VI", "Walter Hines Jr."
    if numbered:
        toks = toks[:-1]
    if not (1 if numbered else 2) <= len(toks) <= 3 or not all(t.is_alpha and t.is_title for t in toks):
        return False
    if any(gaz.country_of_any(t.text) or gaz.city(t.text) or t.lower_ in _INSTITUTION_WORDS or
           t.lower_ in _COMPANY_WORDS for t in toks):
        return False
    if numbered and len(toks) == 1 and not (sp.start > 0 and (
            person_title(doc[sp.start - 1].lower_) or doc[sp.start - 1].lower_ in lexicon()["title_prefixes"])):
        return False  # a regnal number goes with a sovereign's title ("King Felipe VI"); "Apollo XI" is a mission
    return given_name_gender(toks[0].text) is not None


def _known_name(text: str) -> bool:
    """A name the lexicon or the gazetteer knows as written (a country, a city, a state, an entity)."""
    gaz = gazetteer()
    return lexicon().known_entity(text) is not None or gaz.country_of_any(text) is not None or \
        gaz.city(text) is not None or gaz.country_of_region(text) is not None
