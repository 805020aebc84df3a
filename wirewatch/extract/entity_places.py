"""Places by their context: datelines, facilities ("Incirlik air base"), a country's government, a
name NER took for a person under a preposition of place, the state or country after a comma."""

from __future__ import annotations

from typing import Any

from .entity_gender import given_name_gender
from .entity_names import clean_name, name_words, short_forms
from .entity_span import _Span
from .entity_titles import person_title
from .entity_words import _known_person
from .gazetteer import gazetteer
from .lexicon import lexicon
from .nlp import span_text
from .wordclass import classes

# "the Incirlik air base", "Zaatari refugee camp": a name, then lower-case words of what the place is.
_FACILITY_HEADS = frozenset({"base", "airbase", "airport", "airfield", "camp", "prison", "dam", "port",
                             "crossing", "checkpoint", "compound", "barracks", "shrine", "temple", "fortress",
                             "hospital"})
_FACILITY_MODIFIERS = frozenset({"air", "naval", "military", "radar", "army", "navy", "marine", "refugee",
                                 "border", "detention", "nuclear", "missile", "mosque", "international"})


def _facility_names(doc: Any, spans: list[_Span]) -> list[_Span]:
    """ "Incirlik air base": the lower-case words of what the place is belong to its name; the bare name
    used later ("Incirlik") is the same place (see the place bases of the resolver)."""
    gaz = gazetteer()
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    out = []
    for sp in spans:
        e = sp.end
        while e < len(doc) and e - sp.end < 2 and doc[e].lower_ in _FACILITY_MODIFIERS and doc[e].is_lower:
            e += 1
        text = span_text(doc, sp.start, sp.end)
        if e < len(doc) and doc[e].lower_ in _FACILITY_HEADS and doc[e].is_lower and e > sp.end - 1 and \
                e + 1 - sp.end >= 1 and sp.label in ("GPE", "LOC", "ORG", "FAC", "PERSON", "NORP") and \
                not any(i in taken for i in range(sp.end, e + 1)) and gaz.country_of_any(text) is None and \
                (e > sp.end or doc[e].lower_ not in ("port", "crossing", "compound")) and \
                not (doc[e].lower_ == "hospital" and gaz.city(text) is not None):  # "a Gaza hospital" is no name
            out.append(_Span(sp.start, e + 1, "LOC", sp.titles, sp.country))
        else:
            out.append(sp)
    return out


def _demonym_head(doc: Any, sp: _Span) -> _Span:
    """ "Turkish F-16" taken as one ORG: the nationality before a model designation is the entity."""
    toks = doc[sp.start:sp.end]
    if sp.end - sp.start >= 2 and any(any(ch.isdigit() for ch in t.text) for t in toks[1:]) and \
            gazetteer().country_of_demonym(toks[0].text):
        return _Span(sp.start, sp.start + 1, "NORP")
    return sp


_GOVERNMENT_WORDS = frozenset({"government", "authorities", "administration", "regime"})


def _country_government(doc: Any, sp: _Span) -> _Span:
    """ "the Somali government's actions", "the Turkish authorities": a country's name or demonym before
    "government" is that country acting; the mention is the whole phrase (an alias of the country)."""
    e = sp.end
    if sp.label in ("NORP", "GPE") and e < len(doc) and doc[e].lower_ in _GOVERNMENT_WORDS and \
            doc[e].is_lower and gazetteer().country_of_any(span_text(doc, sp.start, sp.end)) is not None and \
            not (e + 1 < len(doc) and doc[e + 1].pos_ in ("NOUN", "PROPN") and doc[e + 1].tag_ != "POS"):
        return _Span(sp.start, e + 1, "GPE", sp.titles, sp.country)
    return sp


def _caps_place(text: str) -> str | None:
    """ "SANTA CLARA" -> "Santa Clara" when the gazetteer knows the place (a dateline city)."""
    title = " ".join(w.capitalize() for w in text.split())
    gaz = gazetteer()
    if gaz.city(title) is not None or gaz.country_of_name(title) is not None:
        return title
    return None


def _shouted_place(doc: Any, sp: _Span) -> _Span:
    """ "Israeli strikes hit KHAN YOUNIS overnight": a name in capitals that the gazetteer knows as a place
    (written in title case) is that place, whatever NER made of the shouting (mostly a person). Acronyms the
    lexicon knows stay what they are."""
    if sp.label not in ("PERSON", "ORG", "NORP", "FAC", "LOC"):
        return sp
    text = span_text(doc, sp.start, sp.end)
    if not text.isupper() or len(text.replace(" ", "")) < 4 or lexicon().known_entity(text) is not None:
        return sp
    return _Span(sp.start, sp.end, "GPE", sp.titles, sp.country) if _caps_place(text) is not None else sp


# Lower-case nouns after a name that make it a place ("the Kerem Shalom crossing", "the Jabalia camp").
_PLACE_HEADS = frozenset({"crossing", "checkpoint", "border", "camp", "neighborhood", "neighbourhood", "district",
                          "area", "village", "town", "city", "region", "province", "county", "valley", "airport",
                          "port", "base", "township", "suburb", "municipality", "governorate", "enclave",
                          "settlement", "outpost", "corridor", "junction", "pass", "strip"})
# Of those, the ones an organisation's name never stands before ("the Hamas base" is a base of Hamas).
_PASSAGE_HEADS = frozenset({"crossing", "checkpoint", "junction", "corridor", "pass"})
# A city of two words or more this populous is a place even when NER calls it a person ("Bandar Abbas").
_CITY_NOT_PERSON = 100_000
# Prepositions of place whose object, under a verb, is where something happened ("fighting raged in X").
_IN_PLACE = frozenset({"in", "near", "outside", "inside", "through", "across", "around", "throughout"})
# Verbs whose "in" takes a person ("believe in God", "confide in her sister").
_IN_PERSON_VERBS = frozenset({"believe", "trust", "confide", "invest", "interest", "delight", "rejoice"})


def _places_by_context(doc: Any, spans: list[_Span]) -> list[_Span]:
    """ "Aid entered through the Kerem Shalom crossing", "Fighting raged in Kerem Shalom": a name NER took
    for a person is a place where a place's noun follows it ("the X crossing"), or where it is the object of
    a preposition of place under a verb and has no given name; every mention of that name in the report is
    the place then. Not a name with a title, nor a part of a person the report names."""
    places: set[str] = set()
    full_names: dict[str, set[str]] = {}  # a person's full name -> its short forms
    for sp in spans:
        if sp.label == "PERSON" and sp.end - sp.start >= 2:
            text = span_text(doc, sp.start, sp.end)
            full_names[text] = set(short_forms(name_words(text)))
    # a name that elsewhere in the report does what people do ("Netanyahu addressed the Knesset"), or one the
    # lexicon knows as a person, is that person wherever a preposition of place governs it
    # (NER may leave that mention unlabelled: the words are looked for wherever they occur)
    acting = {span_text(doc, sp.start, sp.end) for sp in spans if sp.label == "PERSON" and _acts(doc, sp)}
    for sp in spans:
        if sp.label not in ("PERSON", "ORG") or sp.titles or not 1 <= sp.end - sp.start <= 3:
            continue
        toks = list(doc[sp.start:sp.end])
        text = span_text(doc, sp.start, sp.end)
        person_parts = {w for name, parts in full_names.items() if name != text for w in parts}
        if not all(t.is_alpha and t.is_title for t in toks) or any(t.text in person_parts for t in toks) or \
                sp.start > 0 and person_title(doc[sp.start - 1].lower_):
            continue
        nxt = doc[sp.end] if sp.end < len(doc) else None
        root = doc[sp.start:sp.end].root
        head = root.head
        the_before = sp.start > 0 and doc[sp.start - 1].lower_ == "the"
        by_noun = nxt is not None and nxt.is_lower and nxt.tag_ != "POS" and (
            nxt.lower_ in _PLACE_HEADS and sp.label == "PERSON" and
            (the_before or given_name_gender(toks[0].text) is None) or
            nxt.lower_ in _PASSAGE_HEADS and the_before)  # "the Hamas base" is Hamas's; a crossing is a place
        if sp.label == "ORG" and not by_noun:
            continue
        by_prep = root.dep_ == "pobj" and head.lower_ in _IN_PLACE and head.head.pos_ in ("VERB", "AUX") and \
            head.head.lemma_.lower() not in _IN_PERSON_VERBS and given_name_gender(toks[0].text) is None and \
            text not in acting and not _known_person(text) and not _acts_anywhere(doc, toks)
        big_city = sp.label == "PERSON" and len(toks) >= 2 and (c := gazetteer().city(text)) is not None and \
            c.population >= _CITY_NOT_PERSON and \
            not (sp.start > 0 and doc[sp.start - 1].lower_ in ("mr", "mr.", "ms")) and \
            not _person_apposition(doc, sp) and not (
                given_name_gender(toks[0].text) is not None and _bare_elsewhere(doc, sp))
        if by_noun or by_prep or big_city:  # "Bandar Abbas": a city of 350,000 is no one's name
            places.add(text)
    if not places:
        return spans
    return [_Span(sp.start, sp.end, "LOC", sp.titles, sp.country, placed=True)
            if sp.label in ("PERSON", "ORG") and span_text(doc, sp.start, sp.end) in places else sp for sp in spans]


def _acts(doc: Any, sp: _Span) -> bool:
    """Is the name the subject of an act ("Netanyahu addressed the Knesset", "Romero told police"), not of
    a state or a passive ("Kerem Shalom was shelled", "Bandar Abbas lies on the coast")?"""
    root = doc[sp.start:sp.end].root
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() not in _STATE_VERBS


def _person_apposition(doc: Any, sp: _Span) -> bool:
    """ "Nicolas Romero, 52, a taxi driver,": an age or a noun of persons in apposition says a person."""
    e = sp.end
    if e + 1 >= len(doc) or doc[e].text != ",":
        return False
    nxt = doc[e + 1]
    if nxt.text.isdigit() and 1 <= int(nxt.text) <= 120 and e + 2 < len(doc) and doc[e + 2].text in (",", ")"):
        return True  # ", 52,"
    for t in doc[e + 1:min(len(doc), e + 6)]:
        if t.text in (",", ".", ";"):
            break
        if t.pos_ == "NOUN" and t.dep_ == "appos" or t.pos_ == "NOUN" and t.head.i < e and t.head.i >= sp.start:
            return classes(t.lemma_.lower(), "n")[:1] == ("person",) or t.lemma_.lower() in lexicon()["titles"]
    return False


def _bare_elsewhere(doc: Any, sp: _Span) -> bool:
    """Does the name's last word recur alone in the report ("Nicolas Romero ... Romero leaves"), as a
    surname does?"""
    last = doc[sp.end - 1].text
    return any(t.text == last and not (sp.start <= t.i < sp.end) and
               not (t.i > 0 and doc[t.i - 1].text == doc[sp.start].text) for t in doc)


def _acts_anywhere(doc: Any, toks: list[Any]) -> bool:
    """Do the name's words, anywhere in the report, stand as the subject of an act (see `_acts`)?"""
    n, words = len(toks), [t.text for t in toks]
    return any(t.text == words[-1] and t.i >= n - 1 and [x.text for x in doc[t.i - n + 1:t.i + 1]] == words and
               _acts(doc, _Span(t.i - n + 1, t.i + 1, "PERSON")) for t in doc)


def _datelines(doc: Any, spans: list[_Span]) -> list[_Span]:
    """A shouted place at the start of a paragraph ("BIRMINGHAM, Ala. —", "GAZA CITY, March 4") is a
    place, whatever NER made of it (an ORG, or nothing)."""
    out = list(spans)
    for tok in doc:
        if not (tok.is_sent_start and tok.is_upper and tok.is_alpha and len(tok.text) > 2):
            continue
        end = tok.i
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end >= len(doc) or doc[end].text not in (",", "(", "—", "–", "-"):
            continue
        if _caps_place(doc[tok.i:end].text) is None:
            continue
        out = [sp for sp in out if sp.end <= tok.i or sp.start >= end]
        out.append(_Span(tok.i, end, "GPE"))
    return sorted(out, key=lambda s: s.start)


def _place_qualifiers(doc: Any, spans: list[_Span]) -> None:
    """ "Birmingham, Ala.", "Markham, Ont.-based", "COVENTRY, England": the state, province or country
    after the comma says where the place is; the gazetteer's most populous namesake does not."""
    gaz = gazetteer()
    for sp in spans:
        if sp.label not in ("GPE", "LOC", "ORG", "FAC") or sp.end + 1 >= len(doc) or doc[sp.end].text != ",":
            continue
        nxt = doc[sp.end + 1]
        word = nxt.text.split("-")[0]
        cands = [word, word + "." if not word.endswith(".") else word]
        if sp.end + 2 < len(doc) and doc[sp.end + 2].text == "." and not nxt.whitespace_:
            cands.append(word + ".")
        if sp.end + 2 < len(doc) and doc[sp.end + 2].is_title:
            cands.insert(0, f"{word} {doc[sp.end + 2].text}")  # "New Brunswick", "Northern Ireland"
        region = next((c for w in cands if (c := gaz.country_of_region(w, postal=True))), None)
        country = next((c for w in cands if (c := gaz.country_of_name(w))), None)
        if region and country and region != country and \
                gaz.city(clean_name(doc[sp.start:sp.end].text), country) is not None and \
                gaz.city(clean_name(doc[sp.start:sp.end].text), region) is None:
            region = None  # "TBILISI, Georgia": the country Georgia has a Tbilisi, the state none
        iso = region or country
        if iso is not None and (sp.label != "ORG" or gaz.city(clean_name(doc[sp.start:sp.end].text), iso)):
            sp.country, sp.label, sp.by_region = iso, "GPE", region is not None


# What a city has and a government does not: "Beirut's streets", "Kyiv residents" stay the city.
_CITY_PARTS = frozenset({"street", "resident", "airport", "port", "suburb", "neighborhood", "neighbourhood",
                         "center", "centre", "mayor", "skyline", "district", "hospital", "people", "population",
                         "downtown", "outskirt", "square", "metro", "police", "citizen", "sky", "weather"})
# Verbs whose subject is the place itself, not an actor: "Paris was calm", "Kyiv lies on the Dnieper".
_STATE_VERBS = frozenset({"be", "remain", "seem", "become", "lie", "sit", "stand", "look", "feel", "sleep",
                          "wake", "burn", "shake", "flood", "freeze", "swelter", "host"})


def _metonymic(root: Any) -> bool:
    """Is a capital's name used for its government ("Beirut condemned", "Moscow's position", "rejected by
    Ankara")? Not when the city is the thing: a passive subject ("Beirut was bombed"), the subject of a
    state ("Paris was calm"), the owner of a part of the city ("Beirut's streets")."""
    if root.dep_ == "nsubj":
        head = root.head
        return head.lemma_.lower() not in _STATE_VERBS and head.pos_ in ("VERB", "AUX")
    if root.dep_ == "poss":  # "Jerusalem's Old City", "Beirut's Hamra district": a named part of the city
        return root.head.lemma_.lower() not in _CITY_PARTS and root.head.ent_type_ not in ("GPE", "LOC", "FAC")
    return root.dep_ == "agent" or (root.dep_ == "pobj" and root.head.lower_ == "by")
