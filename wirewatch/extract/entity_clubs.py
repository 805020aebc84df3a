"""Sports clubs named after their city ("Dynamo Kiev", "Manchester City"): an organisation, not a
person and a place."""

from __future__ import annotations

import re
from typing import Any

from .entity_gender import given_name_gender
from .entity_span import _Span
from .entity_words import _known_person
from .gazetteer import gazetteer
from .nlp import doc_text, span_text

_SCORE_AFTER = re.compile(r"\d{1,2} ?[-\u2013:] ?\d{1,2}\b")  # the tokenizer splits "2-1" in three
# Words of sports clubs' names that are no person's ("Dynamo Kiev", "Real Betis", "Leeds United").
_CLUB_WORDS = frozenset({"dynamo", "dinamo", "spartak", "lokomotiv", "locomotive", "cska", "zenit", "torpedo",
                         "real", "inter", "sporting", "olympique", "olympiacos", "atletico", "athletic",
                         "borussia", "rapid", "racing", "fc", "afc", "cf", "sc", "ac", "bk", "fk", "sk", "united",
                         "rovers", "wanderers", "albion", "hotspur", "academica", "standard", "union"})
# Last words of clubs' names that are ordinary place words too ("Manchester City", "Derby County", "Ipswich
# Town"; "Mexico City" is the place): a club's only in a match report (`_match_report`).
_CLUB_SUFFIXES = frozenset({"city", "county", "town"})
_MATCH_WORDS = frozenset({"striker", "midfielder", "goalkeeper", "winger", "referee", "equalised", "equalized",
                          "equaliser", "equalizer", "half-time", "halftime", "rebounds", "assists", "touchdown",
                          "quarterback", "innings", "wickets", "penalty-kick", "hat-trick"})
# Nouns after a name that make it a team ("Dynamo Kiev coach", "the Kiev striker").
_CLUB_CONTEXT = frozenset({"coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "fans",
                           "supporters", "club", "team", "squad", "player", "players", "captain", "forward",
                           "winger", "stadium", "side", "boss"})
# Of those, the ones a politician or a star has too ("Evo Morales supporters", "Harry Styles fans"): a team's
# noun only in a report that speaks of sport elsewhere (another of the nouns, a result).
_CLUB_CONTEXT_SHARED = frozenset({"fans", "supporters", "side", "boss", "team", "manager", "captain", "squad"})


def _club_name(doc: Any, sp: _Span, repeated: set[str]) -> _Span:
    """ "Dynamo Kiev beat Shakhtar Donetsk 2-1": a short name that holds a city's name, no given name and
    no known place is a club named after the city - an organisation, not a person and the city. Told by a
    club word ("Dynamo", "United"), a team's noun after it ("coach"), a result after it ("2-1"), or the
    name recurring whole in the report (a subhead run into a sentence, "Erdogan Ankara", happens once)."""
    if sp.label not in ("PERSON", "GPE", "LOC", "FAC", "NORP", "ORG") or not 2 <= sp.end - sp.start <= 3:
        return sp  # an ORG NER found is checked too: the club's city gives it its country
    toks = list(doc[sp.start:sp.end])
    if not all(t.is_alpha and (t.is_title or t.is_upper) for t in toks):
        return sp
    gaz = gazetteer()
    text = span_text(doc, sp.start, sp.end)
    if gaz.city(text) is not None or gaz.country_of_any(text) or gaz.country_of_region(text):
        return sp  # "Bandar Abbas", "New York", "South Carolina": the place itself
    places = [t for t in toks if gaz.city(t.text) is not None or gaz.country_of_capital(t.text) or
              gaz.is_old_spelling(t.text) or gaz.country_of_region(t.text)]
    if not places:
        return sp
    nxt = doc[sp.end] if sp.end < len(doc) else None
    # a given name first is a person's name ("George Washington", "Paris Hilton"), but for a club's word
    sporting = any(t.lower_ in _CLUB_WORDS for t in toks if t not in places) or \
        any(t.lower_ in _CLUB_SUFFIXES for t in toks[1:] if t not in places) and _match_report(doc) or \
        given_name_gender(toks[0].text) is None and nxt is not None and not _known_person(text) and (
            nxt.lower_ in _CLUB_CONTEXT and nxt.is_lower and (
                nxt.lower_ not in _CLUB_CONTEXT_SHARED or _sport_report(doc, nxt.i)) or
            _SCORE_AFTER.match(doc_text(doc), nxt.idx) is not None)
    if not sporting:
        # a name repeated whole is some organisation's, but not surely named after the place ("Northern Lens"
        # is an outlet, not a club of Lens): no country from it
        if sp.label != "ORG" and text in repeated and given_name_gender(toks[0].text) is None:
            return _Span(sp.start, sp.end, "ORG", sp.titles, sp.country)
        return sp
    home = gaz.city(places[0].text)  # the club's city says its country: "Dynamo Kiev" is Ukraine's
    return _Span(sp.start, sp.end, "ORG", sp.titles, sp.country or (home.country if home else None) or
                 gaz.country_of_capital(places[0].text) or gaz.country_of_region(places[0].text))


# Match words that are ordinary verbs too ("the measure assists renters", "the market rebounds"): sport's only as
# nouns ("five assists", "12 rebounds").
_MATCH_NOUNS = frozenset({"assists", "rebounds"})


def _match_report(doc: Any) -> bool:
    """A match report: words only sport uses ("striker", "referee", "equalised", "12 rebounds")."""
    return any(t.lower_ in _MATCH_WORDS and (t.lower_ not in _MATCH_NOUNS or t.tag_ == "NNS") for t in doc)


def _sport_report(doc: Any, skip: int) -> bool:
    """Does the report speak of sport besides token `skip`: a team's noun of its own ("coach", "striker") or
    another shared one, or a match result?"""
    return _SCORE_AFTER.search(doc_text(doc)) is not None or any(
        t.i != skip and t.is_lower and t.lower_ in _CLUB_CONTEXT for t in doc)
