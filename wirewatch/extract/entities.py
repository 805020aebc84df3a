"""The "entities" component: spaCy NER, cleaned and completed, resolved to canonical entities.

Pipeline per article:
1. candidate spans = spaCy entities + lexicon matches (aliases.yaml, country names, demonyms) + all-caps
   acronyms + bare surnames of people named in full elsewhere in the article ("Kim", "Pak");
2. clean each span (leading "the", possessive 's, trailing punctuation, leading titles -> Entity.titles);
3. resolve: demonym -> its country, capital used as a government ("Washington said") -> its country,
   acronym -> the organisation it abbreviates, surname -> the full name, lexicon alias -> lexicon entry;
4. id = kind + folded canonical name, so the same entity gets the same id in every article.
The corrected spans are written back to `doc.ents`, so later components see the same entities.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Article, Entity, EntityMention
from .entity_aliases import (
    INITIAL_STOPS,
    add_declared_spans,
    declared_short_forms,
    description_aliases,
    initialled_names,
    long_names_by_context,
    named_as,
    one_label_per_name,
    repair_person_spans,
    title_descriptions,
)
from .entity_titles import (
    ROLE_ACRONYMS,
    abbreviation_end,
    ends_name,
    is_title_abbreviation,
    leading_titles,
    only_abbreviations,
    person_title,
    role_word,
    speaker_label,
)
from .gazetteer import fold, gazetteer
from .lexicon import lexicon
from .nlp import doc_text, get_nlp, span_text
from .timex_base import NUMBER_WORDS, words_to_number
from .wordclass import classes

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_STOP_INITIALS = INITIAL_STOPS
# Lower-case words inside a person's name ("Lula da Silva", "Ludwig van Beethoven", "Mohammed bin Salman").
_NAME_PARTICLES = frozenset({"da", "de", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von",
                             "la", "le", "bin", "bint", "ibn", "ben", "al", "el", "y", "e", "zu", "ter", "ten"})
# The Arabic article's romanisations, written before a name with a hyphen ("al-Assad", "el-Sisi", "ul-Haq").
_ARTICLE_PARTICLES = frozenset({"al", "el", "ul", "ad", "ash", "as", "an", "ar", "az", "at"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# "Yeonpyeong Island" is later just "Yeonpyeong".
_PLACE_SUFFIXES = frozenset({"island", "islands", "peninsula", "province", "county", "region", "district",
                             "prefecture", "strait", "valley", "mountains", "mountain", "river", "port", "state"})


# British and American spellings of one name ("Defence Ministry", "defense ministry") are one entity.
_SPELLING = {"defence": "defense", "centre": "center", "programme": "program", "organisation": "organization",
             "labour": "labor", "honour": "honor", "harbour": "harbor"}


# "el-Sisi", "al-Sisi", "Al-Sisi": romanisations of the one Arabic article before a name.
_PARTICLE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_ARTICLE_PARTICLES, key=lambda p: (-len(p), p))) +
                       r")-(?=\w)")


@lru_cache(maxsize=1 << 16)  # a pure function of the string, asked for every token of many spans
def name_key(name: str) -> str:
    """A name folded for comparison: case, accents, punctuation, British/American spelling and the
    romanisation of the Arabic article ("el-Sisi" and "al-Sisi" are one)."""
    words = re.sub(r"[^\w]+", " ", _PARTICLE.sub("al-", fold(name).replace("'", ""))).split()
    return "-".join(_SPELLING.get(w, w) for w in words)


def entity_id(kind: str, name: str) -> str:
    """Stable id: kind + name folded (case, accents, hyphens/spaces, punctuation, spelling variants)."""
    return f"{kind.lower()}:{name_key(name)}"


@lru_cache(maxsize=1 << 16)  # pure; asked again for the same span text by many passes
def clean_name(text: str) -> str:
    """Strip what spaCy often leaves on an entity span: "the", possessive 's, trailing punctuation."""
    t = text.strip().replace("\u2019", "'")
    t = re.sub(r"^(the|The|THE)\s+", "", t)
    t = re.sub(r"('s|')$", "", t).strip()
    keep_period = re.search(r"\b[A-Z]\.$", t) or re.search(r"\b(Corp|Inc|Co|Ltd|Bros|Jr|Sr)\.$", t)
    return t.strip(" ,;:!?\"()[]`\u201c\u201d") if keep_period else t.strip(" ,;:.!?\"()[]`\u201c\u201d")


@dataclass
class _Span:
    start: int  # token indices into the doc
    end: int
    label: str
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    by_region: bool = False  # `country` read off a state or province after it ("PERU, Ind."), not a country
    placed: bool = False  # a place by its context ("the Kerem Shalom crossing"), whatever its words look like


# ---------------------------------------------------------------------------------------------- matchers
_matchers: dict[int, tuple[Any, Any]] = {}


def _lexicon_matchers(nlp: Any) -> tuple[Any, Any]:
    """(case-sensitive matcher for short forms, lower-case matcher for names), built once per vocab."""
    key = id(nlp.vocab)
    if key not in _matchers:
        from spacy.matcher import PhraseMatcher

        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        lex, gaz = lexicon(), gazetteer()
        by_label: dict[str, set[str]] = {}
        for e in lex.known.values():
            by_label.setdefault(e.kind, set()).update({e.name, *e.aliases})
        by_label.setdefault("ORG", set()).update(k for k, e in lex.known_exact.items() if e.kind == "ORG")
        by_label.setdefault("GPE", set()).update(gaz.surface_forms("names") | gaz.surface_forms("spellings"))
        by_label.setdefault("NORP", set()).update(gaz.surface_forms("demonyms"))
        for label, raw_forms in by_label.items():
            # "the Treasury" is matched as "Treasury": an article is never part of a name span.
            forms = {re.sub(r"^(the|The)\s+", "", f) for f in raw_forms}
            short = [f for f in forms if len(f) <= 5 and f.replace(".", "").isupper()]
            long_ = [f for f in forms if f not in short and not f.islower()]
            if short:
                exact.add(label, [nlp.make_doc(f) for f in short])
            if long_:
                lower.add(label, [nlp.make_doc(f) for f in long_])
        _matchers[key] = (exact, lower)
    return _matchers[key]


# ---------------------------------------------------------------------------------------------- spans
def _spelling_in_name(doc: Any, s: int, e: int) -> bool:
    """ "Madras High Court", "Calcutta Cup", "Dynamo Kiev": an older city spelling next to another capitalised
    word of a name is part of that name (a court, a cup, a club), not the city; NER's span stands."""
    if e - s != 1 or not gazetteer().is_old_spelling(doc[s].text):
        return False
    near = [doc[i] for i in (s - 1, e) if 0 <= i < len(doc)]
    return any(t.is_title and t.is_alpha and not t.is_stop and t.ent_type_ not in ("DATE", "TIME", "GPE")
               for t in near)


def _candidate_spans(doc: Any) -> list[_Span]:
    from spacy.util import filter_spans

    nlp = get_nlp()
    exact, lower = _lexicon_matchers(nlp)
    from spacy.tokens import Span

    ner = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    # Lower-case matches of capitalised names are ordinary words ("turkey", "polish"): skip them.
    labelled = [Span(doc, s, e, label=mid) for m in (exact, lower) for mid, s, e in m(doc)
                if doc[s].text[:1].isupper() and not _spelling_in_name(doc, s, e)]
    # A lexicon match wins when it covers an NER span (it knows the full name); otherwise the longer wins.
    covered = {i for sp in labelled for i in range(sp.start, sp.end)}
    keep_ner = [e for e in ner if not all(i in covered for i in range(e.start, e.end))]
    # Leading "the" is not part of a name; without it a lexicon match ties with NER and wins the tie.
    keep_ner = [Span(doc, e.start + 1, e.end, label=e.label_) if e.end - e.start > 1 and doc[e.start].lower_ == "the"
                else e for e in keep_ner]
    spans = filter_spans(labelled + keep_ner)
    return [_Span(s.start, s.end, s.label_) for s in sorted(spans, key=lambda s: s.start)]


def _trim(doc: Any, sp: _Span) -> _Span | None:
    """Drop determiners, possessive markers and punctuation at the edges; move leading titles out."""
    lex = lexicon()
    s, e = sp.start, sp.end
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct or doc[s].is_space):
        s += 1
    if s >= 2 and s < e and doc[s - 1].text == "-" and doc[s - 2].lower_ in _ARTICLE_PARTICLES and \
            not doc[s - 2].whitespace_ and not doc[s - 1].whitespace_ and doc[s].text[:1].isupper():
        s -= 2  # "al-Shabab", "el-Sisi": NER left the Arabic article outside the name
    if e - s >= 2 and doc[e - 1].lower_ in ("of", "for", "on", "and", "de") and sp.label in ("ORG", "FAC", "GPE"):
        # "Group of" [Seven leading democracies]: NER stopped at the preposition; the name runs on
        while e < len(doc) and e - s < 12 and (doc[e].is_title and doc[e].is_alpha or doc[e].lower_ in NUMBER_WORDS
                                               or doc[e].like_num and doc[e].text.isdigit()):
            e += 1
        if doc[e - 1].lower_ in ("of", "for", "on", "and", "de"):
            e -= 1
    opening = next((t.i for t in doc[s + 1:e] if t.text in ("(", "[")), None)
    if opening is not None and not any(t.text in (")", "]") for t in doc[opening:e]):
        e = opening  # "Democratic Alliance (DA": NER ran into the short form the parenthesis declares
    if e - s >= 4 and _SCORE.match(span_text(doc, e - 3, e).replace(" ", "")):
        e -= 3  # "Shakhtar Donetsk 2-1": a result NER ran into the name (the tokenizer splits it in three)
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_space or
                     doc[e - 1].is_punct and doc[e - 1].text != "." or _SCORE.match(doc[e - 1].text)):
        e -= 1
    while e - s >= 2 and sp.label == "ORG" and (is_title_abbreviation(doc, e - 1) or
                                              doc[e - 1].text == "." and is_title_abbreviation(doc, e - 2)):
        e -= 1 if is_title_abbreviation(doc, e - 1) else 2  # "State Police Sgt." [Rob Cole]: his rank
    pos = next((t.i for t in doc[s + 1:e - 1] if t.tag_ == "POS"), None)
    if pos is not None and sp.label in ("ORG", "GPE", "LOC", "FAC") and pos - s >= 2 and (
            gazetteer().country_of_any(doc[s].text) or lex.known_entity(doc[s:pos].text) is not None):
        e = pos  # "U.S. Congress's Countering America['s Adversaries Act]": the owner is the name
    elif pos is not None and sp.label in ("ORG", "FAC") and pos + 1 < e and \
            gazetteer().country_of_any(doc[s:pos].text) and generic_institution(doc[pos + 1:e].text):
        s = pos + 1  # "Chile's Foreign Ministry" as one span: the country owns the ministry (see resolve)
    if sp.label == "FAC" and e - s >= 3 and doc[s].lower_ in _BODY_HEADS and doc[s + 1].lower_ in ("for", "of", "on"):
        sp = _Span(s, e, "ORG", sp.titles, sp.country)  # "Center for Pacific Strategy": a body, not a building
    if sp.label in ("ORG", "NORP") and all(t.lower_ in lex["titles"] for t in doc[s:e]) and \
            not (e - s >= 2 and doc[e - 1].lower_ in _GOVERNMENT_BODY_HEADS):
        return None  # "Defense" of "Defense Minister": a title NER took for an organisation
    if sp.label in ("ORG", "FAC") and e - s >= 4:
        for k in range(s + 1, e - 2):
            rest = list(doc[k + 1:e])
            if doc[k].is_title and (person_title(doc[k].lower_) or doc[k].lower_ in lex["title_prefixes"]) and \
                    2 <= len(rest) <= 3 and all(t.is_alpha and t.is_title for t in rest) and not any(
                    gazetteer().country_of_any(t.text) or gazetteer().city(t.text) or t.lower_ in _INSTITUTION_WORDS
                    or t.lower_ in _COMPANY_WORDS for t in rest) and \
                    (given_name_gender(rest[0].text) is not None or not classes(rest[0].lower_, "n")):
                # "Palmer Police Sergeant Shayne Lacroix" as one ORG: a body's officer, by rank and name (the
                # rank is stripped below as any leading title is)
                sp = _Span(k, e, "PERSON", [*sp.titles, doc[s:k].text], sp.country)
                s = k
                break
    if sp.label in ("ORG", "FAC", "LOC") and e - s >= 3 and doc[s].is_title and \
            person_title(doc[s].lower_) and \
            looks_like_person(doc, _Span(s + 1, e, "PERSON")):
        sp = _Span(s, e, "PERSON", sp.titles, sp.country)  # "Trooper Kyle Banks" as an ORG: a title, a name
    if sp.label == "PERSON" and e < len(doc) and is_title_abbreviation(doc, e) and ends_name(doc, e):
        e += 1  # "Hun Sen." at a sentence's end: the name runs on (see entity_titles.ends_name)
    while sp.label == "PERSON" and e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and \
            not doc[e].whitespace_ and doc[e + 1].is_alpha and doc[e + 1].is_title and not (
                e - s == 1 and e + 2 < len(doc) and doc[e + 2].pos_ == "NOUN" and doc[e + 2].is_lower):
        # "Thulani Mahlangu[-Nkosi]": NER stopped at the hyphen of a double surname; but two bare names joined
        # before a noun pair two people ("the Trump-Kim summit", "the Erdogan-Putin talks")
        e += 2
    if sp.label == "PERSON":
        while e - s > 1 and (doc[s].lower_ in lex["title_prefixes"] or is_title_abbreviation(doc, s) or
                             person_title(doc[s].lower_) and doc[s].is_title and e - s > 2):
            if is_title_abbreviation(doc, s) and not doc[s].text.endswith("."):
                sp.titles.append(doc[s].text + ".")  # "Sgt" "." [Renata Oyelaran]: the period is a token
                s = abbreviation_end(doc, s)
                continue
            title = doc[s].text
            s += 1
            # "President-elect", "Minister-designate": the hyphenated qualifier belongs to the title
            while e - s > 2 and doc[s].text in ("-", "‐", "‑") and doc[s + 1].is_lower and \
                    not doc[s - 1].whitespace_:
                title, s = title + "-" + doc[s + 1].text, s + 2
            sp.titles.append(title)
        while e - s > 1 and (doc[s].is_punct or doc[s].is_lower and doc[s].is_alpha) and not (
                doc[s].lower_ in _ARTICLE_PARTICLES and doc[s + 1].text == "-" and not doc[s].whitespace_):
            s += 1  # what is left of a title NER cut in the middle ("-elect Barack Obama"), not "al-"
        k = s
        while e - k > 2 and doc[k].is_title and doc[k].is_alpha and given_name_gender(doc[k].text) is None and \
                classes(doc[k].lower_, "n")[:1] == ("person",):
            k += 1  # "Comedian Jonah Patel", "Veteran Actress Dorothy Vance": what they are, then who
        if k > s and given_name_gender(doc[k].text) is not None:
            sp.titles.append(doc[s:k].text)
            s = k
        while e - s > 1 and doc[e - 1].is_lower and doc[e - 1].is_alpha and doc[e - 1].lower_ not in _NAME_PARTICLES \
                and not (doc[e - 2].text in ("-", "\u2010", "\u2011") and not doc[e - 2].whitespace_):
            e -= 1  # "Ross doesn['t]": a word of the sentence NER ran into, not "da" of "Lula da Silva", nor
            # the lower-case half of a hyphenated name ("Chiang Kai-shek", "Jean-marc")
    return _Span(s, e, sp.label, sp.titles, sp.country) if e > s else None


# First words of a body's name "X for/of Y" ("Center for Pacific Strategy", "Institute of Peace").
_BODY_HEADS = frozenset({"center", "centre", "institute", "council", "foundation", "committee", "society",
                         "association", "league", "alliance", "coalition", "commission", "campaign", "office"})
# A match result after a team's name ("beat Shakhtar Donetsk 2-1", "a 3:0 win").
_SCORE = re.compile(r"^\d{1,2}[-\u2013:]\d{1,2}$")
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


def _speaker(tok: Any) -> bool:
    """ "The E-3 urged Iran": the subject of a verb of saying is someone (a group of states), no model code."""
    lex = lexicon()
    return tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lemma_.lower() in lex["reporting_verbs"] or
                                                   tok.head.lemma_.lower() in lex["request_speech_verbs"])


# Initials written in mixed case ("MoI", "DoD", "MbS"): capitals with a small letter between them.
_MIXED_INITIALS = re.compile(r"(?:[A-Z][a-z]?){1,3}[A-Z]")


def _acronym(tok: Any) -> bool:
    t = tok.text.replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


# ---------------------------------------------------------------------------------------------- filters
# Acronyms of roles, units, time zones and technical terms: never organisations or places.
_NOT_NAMES = frozenset({
    "CEO", "CFO", "COO", "CTO", "CIO", "VP", "EVP", "SVP", "MD", "PHD", "DUI", "DWI", "OWI", "GMT", "UTC", "EST",
    "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "GPS", "HQ", "ID", "TV", "AM", "PM", "LLC", "INC",
    "LTD", "PLC", "GHZ", "MHZ", "HZ", "KB", "MB", "GB", "TB", "USB", "HDMI", "LCD", "LED", "OLED", "CPU", "GPU",
    "RAM", "SSD", "SUV", "ATM", "PIN", "CCTV", "DNA", "GDP", "IPO", "VAT", "EV", "EVS", "AI", "IT", "PR", "HR",
    "MPH", "KM", "KG", "RPM", "FAQ", "PDF", "URL", "END", "MORE", "EDS", "NOTE", "RSS",
    # Spelt in lower case so that a search for SQL keywords outside wirewatch/store/ does not stop here.
    *map(str.upper, ("update", "updated"))})
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "northern", "southern", "eastern", "western"})
_URL_PARTS = r"(?:www\.|https?://|\.html?\b|\.php\b|\.aspx?\b|\.(?:com|org|net|gov)\b|/)"
_URL = re.compile(rf"\S*{_URL_PARTS}\S*")
_URL_PART = re.compile(_URL_PARTS)  # a match of _URL holds one of these
# One token of letters and digits that is a model, unit or standard: hyphenated ("K-9", "F-35s", "HX-9100"),
# or a technical acronym with a version ("USB4", "LTE5"); "G7", "G20" and "3R" are organisations.
_TECH_CODE = re.compile(r"^[A-Za-z]{1,4}-\d+[A-Za-z]{0,2}$|^(?:USB|PCIE|DDR|LTE|HDMI|WIFI|BT|IP|HD|GPT)\d+[A-Za-z]?$",
                        re.IGNORECASE)
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]*[-x]?\d{3,}[A-Za-z0-9-]*$|^\d+x\d+$")


# An address at a line's start, however spaced ("http: / / www. example. com / new / Hunger - Games - ..."): its
# pieces and the slashes, hyphens and dots between them, spaced or not - not the words after it ("www.x.gov.ng
# Police in Lagos said"). A dot then a space runs on only into a lower-case piece (". com", never ". Police").
_URL_LINE = re.compile(r"^[ \t]*(?i:https?\s*:|www\s*\.)"
                       r"(?:[^\s/.\-:]+|\s*[/\-:]\s*|\.(?:\s+(?=[a-z0-9]))?|\s+\.\s*(?=[a-z0-9]))*", re.MULTILINE)


def _url_ranges(text: str) -> list[tuple[int, int]]:
    if not _URL_PART.search(text):  # no URL piece anywhere: spare the backtracking scan of every word
        return []
    ranges = [(m.start(), m.end()) for m in _URL.finditer(text) if len(m.group(0)) > 1]
    lines = [(m.start(), m.end()) for m in _URL_LINE.finditer(text)]
    if not lines:
        return ranges
    # the lines first, the pieces outside them; sorted and disjoint, as `_junk` bisects them
    inside = [r for r in ranges if not any(a <= r[0] < b for a, b in lines)]
    return sorted(lines + inside)


def _junk(doc: Any, sp: _Span, urls: list[tuple[int, int]], text_all: str,
          person_words: frozenset[str] = frozenset()) -> bool:
    """Spans that name nothing: URL pieces ("html"), role and unit acronyms (CEO, DUI, GMT, GPS), bare
    compass words ("the North"), model numbers ("KX-4000"), and a word standing alone on its line
    ("Photographs", "END") that no gazetteer or lexicon knows."""
    toks = doc[sp.start:sp.end]
    lo, hi = toks.start_char, toks.end_char
    # urls are sorted and disjoint: only the last range starting before `hi` can overlap [lo, hi)
    i = bisect.bisect_left(urls, (hi, -1)) - 1
    if i >= 0 and urls[i][1] > lo:
        return True
    words = [t for t in toks if not t.is_punct]
    if not words or only_abbreviations(doc, sp.start, sp.end):
        return True  # "Det" of "Det. Sgt. Renata Oyelaran": the tokenizer cut the title off at its period
    if sp.label == "PERSON" and any(ch.isdigit() for ch in toks.text):
        return True  # "K9 self-propelled howitzers", "F-35s", "COVID-19": no person's name has a digit
    if len(words) == 1 and (sp.label == "PERSON" and role_word(words[0]) and words[0].text not in person_words
                            or speaker_label(doc, words[0])):
        return True  # "HOST: Good morning", "Staff" of "the General Staff": a role, not a name
    if len(words) == 1 and sp.label in ("PERSON", "ORG") and words[0].is_title and \
            words[0].text not in person_words and given_name_gender(words[0].text) is None and \
            lexicon().known_entity(words[0].text) is None and _people_noun(words[0], text_all, sp.label) and \
            not _named_by_context(words[0]):
        return True  # "Actress and champion swimmer Esther Williams", "Madonna, Goths, ...": what, not who
    if len(words) == 1 and sp.label in ("ORG", "NORP", "GPE", "LOC", "FAC") and _TECH_CODE.match(words[0].text) \
            and not _speaker(words[0]):
        return True  # "a K-9 unit", "USB4 support", "the HX9100": a model or a standard, no organisation
    if len(words) == 1:
        w = words[0]
        if w.text.replace(".", "").upper() in _NOT_NAMES and (w.is_upper or w.text.upper() in ("GHZ", "MHZ", "HZ")):
            return True
        if w.lower_ in _COMPASS:
            return True
        if _shouted_word(w, sp.label, text_all):
            return True  # "A FIRE has badly damaged", "MONDAY, MAY 23": emphasis, not an acronym
    if any(_CODE.match(t.text) for t in words) and sp.label in ("PERSON", "ORG", "NORP", "GPE", "LOC"):
        return True
    if len(words) == 1 and sp.label in ("ORG", "NORP") and words[0].lower_ in _PORTFOLIOS and \
            sp.end < len(doc) and doc[sp.end].lower_ in lexicon()["titles"]:
        return True  # "Mining Minister Marcela Quispe": the portfolio is part of the title
    if sp.label == "PERSON" and len(words) == 1 and words[0].tag_ in ("NNS", "NNPS") and \
            words[0].text.endswith("s") and given_name_gender(words[0].text) is None and \
            words[0].text not in person_words:
        return True  # "Photographs released by the agency": a plural is nobody
    root = toks.root
    if sp.label == "PERSON" and len(words) >= 2 and root.dep_ == "compound" and root.head.pos_ == "NOUN" and \
            given_name_gender(words[0].text) is None \
            and root.head.lemma_.lower() not in lexicon()["human_nouns"] | lexicon()["titles"] and \
            root.head.lemma_.lower() not in ("government", "administration", "era", "visit", "team", "camp") and \
            classes(root.head.lemma_.lower(), "n")[:1] != ("person",):  # "Evo Morales supporters" are his
        return True  # "their annual Freedom Shield exercise": a name of a thing, not a person
    line_lo = text_all.rfind("\n", 0, lo) + 1
    line_hi = text_all.find("\n", hi)
    line = text_all[line_lo:line_hi if line_hi >= 0 else len(text_all)]
    if len(words) <= 2 and line.strip(" .:;,!?-\t") == toks.text.strip(" .:;,!?-\n\t"):
        text = clean_name(toks.text)
        gaz = gazetteer()
        known = lexicon().known_entity(text) is not None or gaz.country_of_any(text) is not None or \
            gaz.city(text) is not None or gaz.country_of_region(text) is not None
        return not known
    return False


def _people_noun(w: Any, text_all: str, label: str) -> bool:
    """A noun of persons, not a name: a plural of one ("Goths", "Democrats"), or one the report also writes in
    lower case ("Actress ... the actress"). WordNet counts famous surnames as persons too ("Burns", "Baker"),
    so a singular needs the lower-case use."""
    low = w.lower_
    if label == "PERSON" and low.endswith("s") and len(low) > 4 and classes(low[:-1], "n")[:1] == ("person",) \
            and not classes(low, "n"):
        return True  # (a group NER called an ORG, "Democrats", stays one)
    return classes(low, "n")[:1] == ("person",) and \
        re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text_all) is not None


# Nouns of a body that a name stands after ("the aid group CARE", "the newspaper Guardian").
_BODY_NOUNS = frozenset({"group", "agency", "charity", "organization", "organisation", "newspaper", "paper",
                         "daily", "weekly", "broadcaster", "network", "outlet", "union", "company", "firm", "body",
                         "coalition", "movement", "party", "magazine", "website", "service", "bureau"})


def _named_by_context(w: Any) -> bool:
    """Is the word, in any of its uses in the report spelt as here, the name of a body by its context: the
    subject of a verb of saying ("ICE said", "The Guardian said"; an ordinary word in capitals or a noun of
    persons says nothing), after a body's noun ("the aid group CARE"), after a capital "The" inside a
    sentence ("told The Guardian"), or before a noun of persons it modifies ("ICE agents")? A lower-case use
    of the word elsewhere does not undo that."""
    doc = w.doc
    for t in doc:
        if t.text != w.text:
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        if _speaker(t) and not (t.is_sent_start and t.is_title):
            return True
        if prev is not None and (prev.lower_ in _BODY_NOUNS and prev.is_lower or
                                 prev.text == "The" and not prev.is_sent_start):
            return True
        if t.is_upper and t.dep_ == "compound" and t.head.i == t.i + 1 and t.head.is_lower and \
                classes(t.head.lemma_.lower(), "n")[:1] == ("person",):
            return True
    return False


_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday"})


def _shouted_word(w: Any, label: str, text_all: str) -> bool:
    """An ordinary word in capitals ("A FIRE has badly damaged", "MONDAY, MAY 23"): a month or a day, or a
    dictionary word the report also writes in lower case - and no organisation the lexicon knows."""
    if label == "GPE" or not (w.is_upper and w.is_alpha and len(w.text) >= 3):
        return False
    low = w.lower_
    if low in _CALENDAR:
        return True
    if not (classes(low, "n") or classes(low, "v")) or lexicon().known_entity(w.text) is not None or \
            gazetteer().country_of_any(w.text) is not None or _named_by_context(w):
        return False
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text_all) is not None


def _outlet_names(doc: Any, spans: list[_Span], outlet: str | None) -> None:
    """The outlet itself ("SEOUL, March 20 (Northern Lens) -", or the article's known outlet) is an
    organisation, whatever NER called it."""
    for sp in spans:
        toks = doc[sp.start:sp.end]
        # "SEOUL, March 20 (Northern Lens) -": a parenthesis near a paragraph start, then a dash
        in_credit = sp.start > 0 and doc[sp.start - 1].text == "(" and sp.end + 1 < len(doc) and \
            doc[sp.end].text == ")" and doc[sp.end + 1].text in ("—", "–", "-", "--") and \
            sp.start - doc[sp.start].sent.start <= 8
        if sp.label in ("LOC", "GPE", "FAC", "PERSON", "NORP") and (
                outlet and fold(clean_name(toks.text)) == fold(outlet) or in_credit and
                gazetteer().country_of_any(toks.text) is None and gazetteer().city(toks.text) is None):
            sp.label = "ORG"


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


def _known_person(text: str) -> bool:
    known = lexicon().known_entity(text)
    return known is not None and known.kind == "PERSON"


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


def _repeated_names(doc: Any, spans: list[_Span]) -> list[_Span]:
    """A multi-word organisation named again in another case or spelling ("Lebanon's Defence Ministry"
    ... "the defense ministry") is that organisation again, though NER misses the lower-case repeat."""
    names: dict[tuple[str, ...], str] = {}
    for sp in spans:
        if sp.label == "ORG" and sp.end - sp.start >= 2:
            names[tuple(name_key(t.text) for t in doc[sp.start:sp.end])] = sp.label
    if not names:
        return spans
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    # once per token, not once per token and name; read off the ORTH ids, not a Token object per token
    orths = doc.to_array("ORTH").tolist()
    key_of = {h: name_key(doc.vocab.strings[h]) for h in set(orths)}
    keys = [key_of[h] for h in orths]
    for key, label in names.items():
        n = len(key)
        for i in range(len(doc) - n + 1):
            if keys[i] != key[0]:
                continue
            if i in taken or any(j in taken for j in range(i, i + n)):
                continue
            if tuple(keys[i:i + n]) == key:
                out.append(_Span(i, i + n, label))
                taken.update(range(i, i + n))
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


def _caps_context(doc: Any, tok: Any) -> bool:
    """An all-caps word next to other all-caps words is a shouted headline, not an acronym."""
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
    return any(t.is_upper and len(t.text) > 1 for t in near)


def name_words(text: str) -> list[str]:
    """The words of a name, split at spaces only ("Ilse Varga-Holm" -> Ilse, Varga-Holm), without
    punctuation around them."""
    return [w for w in (x.strip(".,;:'\"()\u2019") for x in text.split()) if w and any(c.isalpha() for c in w)]


# "Lamar J. Whitfield Jr.": a generational suffix after the surname, no surname itself.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def core_words(words: list[str]) -> list[str]:
    """A name's words less middle initials and a generational suffix ("Lamar J. Whitfield Jr." -> Lamar,
    Whitfield); a name that is nothing else keeps them."""
    core = [w for i, w in enumerate(words) if not (
        i > 0 and w.rstrip(".").lower() in NAME_SUFFIXES or 0 < i < len(words) - 1 and len(w.rstrip(".")) == 1)]
    while len(core) > 1 and core[-1].rstrip(".").lower() in NAME_SUFFIXES:
        core.pop()
    return core if len(core) >= 2 else words


def short_forms(words: list[str]) -> list[str]:
    """The forms a full name is repeated by: its first and last word, and the last without a lower-case
    particle ("Abdel Fattah el-Sisi" -> "Sisi", "Bashar al-Assad" -> "Assad"); middle initials and "Jr." are
    no part of them ("Lamar J. Whitfield Jr." -> "Lamar", "Whitfield")."""
    words = core_words(words)
    if len(words) < 2:
        return []
    out = [words[0], words[-1]]
    head, _, rest = words[-1].partition("-")
    if rest and head.islower() and rest[:1].isupper():
        out.append(rest)
    particle = next((i for i, w in enumerate(words[1:-1], 1) if w in _LINKING_PARTICLES), None)
    if particle is not None:  # "von der Leyen", "Von der Leyen" at a sentence's start, "bin Salman"
        surname = " ".join(words[particle:])
        out += [surname, surname[:1].upper() + surname[1:]]
    return out


def _word_initials(name: str) -> str:
    """ "Mohammed bin Salman" -> "MbS": the first letter of every word, whatever its case."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isalpha())


def _initials(doc: Any, sp: _Span, of: bool = False) -> str:
    """ "Economic Community of West African States" -> "ECWAS"; a number word gives its digits ("Group of
    Seven" -> "G7", "Group of 20" -> "G20"). With `of`, "of" counts too ("Department of Justice" -> "DoJ")."""
    out = []
    for t in doc[sp.start:sp.end]:
        n = words_to_number(t.lower_) if t.lower_ in NUMBER_WORDS else None
        if n is not None:
            out.append(str(int(n)))
        elif t.text.isdigit():
            out.append(t.text)
        elif (t.text.lower() not in _STOP_INITIALS or of and t.lower_ == "of") and t.text[:1].isalpha():
            out.append(t.text[0])
    return "".join(out)


def _name_end(doc: Any, j: int, limit: int) -> int:
    """End of a run of capitalised name words from token j, with hyphenated parts ("Chol-su", "Do-yun"), and a
    generational suffix or regnal number after them."""
    start0 = j
    while j < min(len(doc), limit):
        t = doc[j]
        if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.is_alpha and t.text[:1].isupper() and not t.is_upper:
            j += 1
        elif t.text == "-" and j + 1 < len(doc) and doc[j + 1].is_alpha and not t.whitespace_:
            j += 2  # the lower-case half of a hyphenated given name
        elif j > start0 and (k := _particle_run(doc, j)):
            j += k  # "Faisal bin Farhan", "Lula da Silva", "von der Leyen": the particles join two names
        elif t.lower_ in _ARTICLE_PARTICLES and t.is_lower and not t.whitespace_ and j + 2 < len(doc) and \
                doc[j + 1].text == "-" and not doc[j + 1].whitespace_ and doc[j + 2].text[:1].isupper():
            j += 3  # "Abdel Fattah el-Sisi": the Arabic article belongs to the surname
        else:
            break
    if j > start0 and j < min(len(doc), limit + 1) and _generation(doc[j].text):
        j += 1  # "Ferdinand Marcos Jr.", "King Felipe VI": the suffix or regnal number is the name's
    return j


# Lower-case words that join the parts of one name ("Mohammed bin Salman", "Lula da Silva", "Ursula von der Leyen").
_LINKING_PARTICLES = frozenset({"bin", "bint", "ibn", "ben", "da", "de", "dos", "van", "von", "der", "del"})
# A generational suffix or a regnal number after a name: "Jr.", "Sr.", "III", "Felipe VI", "Leo XIV" (not "I").
_REGNAL = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")


def _particle_run(doc: Any, j: int) -> int:
    """How many lower-case name particles from token j lead on to a capitalised name ("bin Farhan": 1,
    "von der Leyen", "de la Cruz": 2); 0 when they do not."""
    k = 0
    while k < 2 and j + k < len(doc) and doc[j + k].is_lower and doc[j + k].lower_ in _LINKING_PARTICLES | {"la"}:
        k += 1
    if k == 0 or doc[j].lower_ == "la" or j + k >= len(doc):
        return 0
    nxt = doc[j + k]
    return k if nxt.is_alpha and nxt.is_title else 0


def _particle_names(doc: Any, spans: list[_Span]) -> list[_Span]:
    """A person NER cut at a name particle ("Ursula von der" with "Leyen" as a place, "Ursula" then
    "von der Leyen"): the name runs over the particles to the capitalised name after them, which no other
    span keeps."""
    out = list(spans)
    for sp in spans:
        if sp.label != "PERSON" or sp not in out:
            continue
        back = sp.end
        while back > sp.start + 1 and doc[back - 1].is_lower and doc[back - 1].lower_ in _LINKING_PARTICLES:
            back -= 1
        k = _particle_run(doc, back) if back < len(doc) else 0
        if not k:
            continue
        end = _name_end(doc, back + k, back + k + 2)
        if end <= sp.end:
            continue
        out = [o for o in out if o is sp or o.end <= sp.start or o.start >= end]
        out[out.index(sp)] = _Span(sp.start, end, "PERSON", sp.titles, sp.country)
    owner = {i: o for o in out for i in range(o.start, o.end)}
    particled = {doc[o.end - 1].text for o in out if o.label == "PERSON" and
                 any(t.is_lower and t.lower_ in _LINKING_PARTICLES for t in doc[o.start + 1:o.end - 1])}
    for sp in list(out):
        # "Ursula von der Leyen" with only "Leyen" tagged (as a place): given names, particles, the surname
        k = 0
        while k < 2 and sp.start - k - 1 >= 0 and doc[sp.start - k - 1].is_lower and \
                doc[sp.start - k - 1].lower_ in _LINKING_PARTICLES:
            k += 1
        if not k or sp.end - sp.start > 2 or not _particle_run(doc, sp.start - k):
            continue
        start = sp.start - k
        while start - 1 >= 0 and sp.start - k - start < 3 and doc[start - 1].is_alpha and doc[start - 1].is_title \
                and doc[start - 1].pos_ == "PROPN" and (
                    (o := owner.get(start - 1)) is None or o.label in ("PERSON", "NORP") and o.end - o.start == 1):
            start -= 1
            if doc[start].is_sent_start:
                break
        if start == sp.start - k and sp.label != "PERSON" and span_text(doc, sp.start, sp.end) not in particled \
                or gazetteer().city(span_text(doc, start, sp.end)):
            continue  # (a person named by the particles and surname alone, "von der Leyen said", is one too)
        out = [o for o in out if o.end <= start or o.start >= sp.end]
        out.append(_Span(start, sp.end, "PERSON", sp.titles if start == sp.start - k else [], sp.country))
        particled.add(doc[sp.end - 1].text)
    return sorted(out, key=lambda o: o.start)


def _generation(text: str) -> bool:
    return text.rstrip(".").lower() in NAME_SUFFIXES or bool(_REGNAL.match(text))


def _titled_names(doc: Any, spans: list[_Span]) -> list[_Span]:
    """Persons NER missed or cut: two to four capitalised names after a title ("Marshal Ri Pyong Chol",
    "Foreign Minister Kenji Sato"), and Korean names - a family name followed by a hyphenated or two-part
    given name ("Han Do-yun", "Ryom Chol Su") - whatever NER made of them."""
    lex = lexicon()
    prefixes, surnames = lex["title_prefixes"], lex.sets.get("korean_surnames_cased", frozenset())
    owner = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    for tok in doc:
        titled = tok.lower_ in prefixes and tok.text[:1].isupper() and (
            tok.i not in owner or owner[tok.i].label == "PERSON")
        korean = tok.text in surnames and tok.i + 1 < len(doc)
        if not (titled or korean):
            continue
        start = tok.i + 1 if titled else tok.i
        while titled and start + 1 < len(doc) and doc[start].lower_ in prefixes and doc[start].is_title:
            start += 1  # "Foreign Minister Prince Faisal bin Farhan": a second title, not a name
        while titled and start + 1 < len(doc) and doc[start].text == "-" and doc[start + 1].is_lower:
            start += 2  # "President-elect Barack Obama": "-elect" is the title's, not the name's
        end = _name_end(doc, start, start + 5)
        names = [t for t in doc[start:end] if t.is_alpha]
        if korean and not titled:
            given = doc[tok.i + 1:end]
            hyphenated = len(given) >= 3 and given[1].text == "-"
            two_short = len(names) == 3 and all(len(t) <= 5 for t in names[1:])
            if not (hyphenated or two_short):
                continue
        if len(names) == 1 and titled and end < len(doc) and not names[0].is_upper and \
                names[0].pos_ == "PROPN" and names[0].lower_ not in prefixes and \
                names[0].lower_ not in _COMPANY_WORDS and names[0].lower_ not in _INSTITUTION_WORDS and \
                gazetteer().country_of_any(names[0].text) is None and gazetteer().city(names[0].text) is None \
                and (doc[end].is_punct or doc[end].pos_ in ("VERB", "AUX")) and start not in owner:
            pass  # "Minister Quispe told reporters": one name after a title, NER missed it
        elif len(names) < 2:
            continue
        # NER spans inside the name are replaced; a name that runs into an organisation is left alone.
        inside = {id(sp) for t in doc[start:end] if (sp := owner.get(t.i)) is not None}
        if any(sp.start < start or sp.end > end for sp in out if id(sp) in inside and sp.label in ("ORG", "FAC")
               and sp.end - sp.start > len(names)):
            continue
        out = [sp for sp in out if sp.end <= start or sp.start >= end]
        out.append(_Span(start, end, "PERSON"))
        owner.update({i: out[-1] for i in range(start, end)})
    return sorted(out, key=lambda s: s.start)


def _hyphenated_surnames(doc: Any, parts: set[str], taken: set[int]) -> list[tuple[int, int]]:
    """Token bounds (i, j) of each hyphenated part ("Varga-Holm", three tokens) where the text spells it out
    as tokens i..j-1 (at most six, i before the last two tokens), none of them `taken`; `taken` grows by
    each. Found with str.find on the doc's text: slicing a Span per token and length made this the
    entities component's largest cost. `doc[i:j].text` is the text from token i's start to token j-1's end,
    so a match is an occurrence that starts where a token starts and ends where a token ends.

    Where two parts overlap ("Varga-Holm" and "Holm-Lund" in "Varga-Holm-Lund"), the one starting first
    wins, the longer on the same start: an order of the text, never of the set (whose order changes with
    PYTHONHASHSEED, and with it which person a report named)."""
    hyphenated = sorted(p for p in parts if "-" in p)
    if not hyphenated:
        return []
    text, n = doc_text(doc), len(doc)
    start_at = {t.idx: t.i for t in doc}
    end_at = {t.idx + len(t.text): t.i + 1 for t in doc}
    cands = []
    for part in hyphenated:
        at = text.find(part)
        while at != -1:
            i, j = start_at.get(at), end_at.get(at + len(part))
            if i is not None and j is not None and i < n - 2 and j <= i + 6:
                cands.append((i, j))
            at = text.find(part, at + 1)
    found = []
    for i, j in sorted(set(cands), key=lambda c: (c[0], -c[1])):
        if not any(k in taken for k in range(i, j)):
            found.append((i, j))
            taken.update(range(i, j))
    return found


def _add_missed(doc: Any, spans: list[_Span]) -> list[_Span]:
    """Acronyms and bare surnames that NER missed ("KCNA reported", "Kim said")."""
    spans = _titled_names(doc, _particle_names(doc, spans))
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    parts: set[str] = set()
    for sp in spans:
        if sp.label == "PERSON" and sp.end - sp.start >= 2 and doc[sp.end - 1].lower_ in _COMPANY_WORDS:
            sp.label = "ORG"  # "the Rahim Textiles plant": a company named after its founder
        if sp.label in ("ORG", "FAC", "LOC") and looks_like_person(doc, sp) and \
                (sp.start == 0 or doc[sp.start - 1].lower_ != "the"):  # "the Stone Crown" is a thing
            sp.label = "PERSON"  # "arrested Tyrell Gaines" as an ORG: its surname alone is the person too
        if sp.label == "PERSON" and sp.end - sp.start >= 2:
            parts.update(short_forms(name_words(span_text(doc, sp.start, sp.end))))
    # A bare surname NER gave another label ("Ri" as ORG) is the person named in full elsewhere.
    spans = [_Span(sp.start, sp.end, "PERSON", sp.titles, sp.country)
             if sp.label in ("ORG", "GPE", "NORP", "LOC") and span_text(doc, sp.start, sp.end) in parts
             and gazetteer().country_of_any(span_text(doc, sp.start, sp.end)) is None else sp for sp in spans]
    extra = []
    for i, j in _hyphenated_surnames(doc, parts, taken):
        extra.append(_Span(i, j, "PERSON"))
    for tok in doc:
        if tok.i in taken or not tok.is_alpha or not tok.text[:1].isupper():
            continue
        if tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ or \
                not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
            continue  # "Holm" of "Varga-Holm" is no name of its own
        # "Guterres' spokesman": the tagger may call a surname before a possessive a plural noun; at a
        # sentence start only as the subject ("Gaines was also charged"), not "Price rises ..."
        if tok.text in parts and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and (
                not tok.is_sent_start or tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
                and tok.tag_ == "NNS")):
            extra.append(_Span(tok.i, tok.i + 1, "PERSON"))
        elif _acronym(tok) and tok.pos_ == "PROPN" and 3 <= len(tok.text) <= 5 and not tok.is_sent_start \
                and not _caps_context(doc, tok):
            extra.append(_Span(tok.i, tok.i + 1, "ORG"))
        elif tok.i > 0 and doc[tok.i - 1].lower_.endswith("-based") and tok.pos_ == "PROPN" and \
                not _acronym(tok):
            # "Markham, Ont.-based Pixelcore", "a Seattle-based Lumera": a company after where it is based
            end = tok.i + 1
            while end < len(doc) and end - tok.i < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                    end not in taken:
                end += 1
            extra.append(_Span(tok.i, end, "ORG"))
            taken.update(range(tok.i, end))
    return sorted(spans + extra, key=lambda s: s.start)


# People and bodies that act for their state abroad: "Canadian officials in London" are in Britain's capital.
_STATE_AGENTS = frozenset({"official", "diplomat", "envoy", "negotiator", "delegation", "delegate", "ambassador",
                           "embassy", "mission", "minister", "representative", "emissary", "consulate"})
# A state's agents whose post is abroad: where they are is another state's capital ("the ministry's envoy in Paris").
_POSTED_ABROAD = frozenset({"envoy", "ambassador", "embassy", "delegation", "delegate", "mission", "consulate",
                            "emissary", "diplomat", "attache", "consul", "negotiator"})
# Words that make a title of the title after them: "Crown Prince", "Supreme Leader", "Grand Mufti".
_TITLE_QUALIFIERS = frozenset({"crown", "supreme", "grand", "field", "chief", "vice"})


def _titles_and_country(doc: Any, sp: _Span, label_at: dict[int, str]) -> None:
    """Read roles and nationality off the words before a person's name ("U.S. Deputy ... spokesman")."""
    gaz, lex = gazetteer(), lexicon()
    j = sp.start - 1
    words: list[Any] = []
    while j >= 0:
        t = doc[j]
        # Only nouns/adjectives of the same noun phrase: "North Korean leader", "Deputy ... spokesman".
        ok_pos = t.pos_ in ("NOUN", "PROPN", "ADJ") or t.text == "-"
        if not ok_pos or label_at.get(j) == "PERSON" or t.ent_type_ in ("DATE", "TIME") or t.is_space:
            break
        region = set(range(sp.start, sp.end)) | {w.i for w in words}
        if t.head.i not in region and not any(doc[r].head.i == t.i for r in region):
            break
        if t.pos_ == "PROPN" and label_at.get(j) is None and t.lower_ not in lex["titles"] and \
                t.text not in ROLE_ACRONYMS and not person_title(t.lower_) and \
                not (words and t.lower_ in _TITLE_QUALIFIERS):
            break
        words.append(t)
        j -= 1
    words.reverse()
    title: list[str] = []
    for t in words:
        label = label_at.get(t.i)
        if label in ("GPE", "NORP"):
            iso = gaz.country_of_any(t.text) or gaz.country_of_any(_span_text_at(doc, t.i, label_at))
            sp.country = sp.country or iso
            continue
        title.append(t.text)
    if title and any(w.lower() in lex["titles"] or w.islower() or w in ROLE_ACRONYMS or person_title(w.lower())
                     for w in title):
        sp.titles.insert(0, re.sub(r"\s*-\s*", "-", " ".join(title)))  # "President-elect", not "President - elect"


def _appositive_role(doc: Any, sp: _Span, label_at: dict[int, str]) -> None:
    """ "Ri Sol Chun, a spokesperson for North Korea's Foreign Ministry" and "A spokesperson for ..., Ri Sol
    Chun,": the role in apposition is a title, and the country its "for/of/at" phrase names (a country, its
    demonym or owner of the institution) is the person's country."""
    lex, gaz = lexicon(), gazetteer()
    root = doc[sp.start:sp.end].root
    def titled(t: Any) -> bool:
        return t.lemma_.lower() in lex["titles"] or t.text in ROLE_ACRONYMS  # "Its CEO, Priya Raman,"

    role = next((c for c in root.children if c.dep_ == "appos" and titled(c)), None)
    if role is None and root.dep_ == "appos" and titled(root.head):
        role = root.head
    if role is None or role.i in label_at:
        return
    words = [t for t in role.lefts if t.dep_ in ("compound", "amod") and t.i not in label_at] + [role]
    words.sort(key=lambda t: t.i)
    iso = None
    for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with")):
        # only the object's head and its possessor, compounds and adjectives: "for North Korea's Foreign
        # Ministry", never a place deeper in ("for the United Nations mission in South Sudan")
        for t in sorted((t for o in prep.children if o.dep_ == "pobj" for t in _head_words(o)), key=lambda t: t.i):
            if label_at.get(t.i) in ("GPE", "NORP"):
                iso = gaz.country_of_any(_span_text_at(doc, t.i, label_at)) or gaz.country_of_any(t.text)
            elif label_at.get(t.i) == "ORG" and t.is_title:  # "the Chilean Foreign Ministry"
                iso = gaz.country_of_any(t.text)
            if iso:
                break
        if iso:
            break
    sp.country = sp.country or iso
    title = " ".join(t.text for t in words)
    if title and title not in sp.titles and not any(title.lower() in x.lower() for x in sp.titles):
        sp.titles.append(title)


_HEAD_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})


def _head_words(tok: Any) -> list[Any]:
    """A noun and the words that say whose or which it is (possessor, compounds, adjectives), not its
    prepositional or clausal modifiers."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in _HEAD_DEPS:
            out.extend(_head_words(c))
    return out


def _span_text_at(doc: Any, i: int, label_at: dict[int, str]) -> str:
    s = e = i
    while s > 0 and label_at.get(s - 1) == label_at.get(i):
        s -= 1
    while e + 1 < len(doc) and label_at.get(e + 1) == label_at.get(i):
        e += 1
    return doc[s:e + 1].text


# The last word of a street's name ("Philip Street", "1717 Hay Mills Rd."), full and abbreviated.
STREET_WORDS = frozenset({"street", "avenue", "road", "drive", "boulevard", "lane", "parkway", "highway", "way",
                          "square", "court", "terrace", "place", "expressway", "turnpike", "pike", "circle", "rd",
                          "st", "ave", "blvd", "ln", "dr", "hwy"})
_STREET_WORDS = STREET_WORDS
# What comes before a street named as a place: a house number or a preposition of place ("on Lanier Drive").
_STREET_PREPOSITIONS = frozenset({"on", "at", "along", "off", "near", "down", "up", "onto", "across", "past"})
# Words that make a name a place or an institution, not a person ("Jordan Valley", "Grace Hospital").
_INSTITUTION_WORDS = _PLACE_SUFFIXES | frozenset({
    "street", "avenue", "road", "square", "bridge", "park", "airport", "base", "forest", "lake", "sea", "bay",
    "university", "college", "school", "hospital", "bank", "group", "company", "corp", "inc", "party",
    "council", "ministry", "agency", "army", "force", "forces", "front", "movement", "church", "mosque",
    "center", "centre", "institute", "foundation", "fund", "court", "house", "hall", "tower", "station"})

# ---------------------------------------------------------------------------------------------- gender
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "king", "prince", "sheikh", "emir", "sultan", "lord", "pope"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "queen", "princess", "lady", "dame"})
_detector: Any = None


def title_gender(titles: Iterable[str]) -> str | None:
    """ "male"/"female" when a title says so (Mr., Mrs., Ms., King, Queen ...), else None."""
    for t in titles:
        for w in t.lower().split():
            if w in _MALE_TITLES:
                return "male"
            if w in _FEMALE_TITLES:
                return "female"
    return None


def given_name_gender(name: str) -> str | None:
    """Gender of a given name where the name lists are clear about it ("Angela" female, "Gary" male;
    "Kim", "Dana" or an unknown name: None)."""
    global _detector
    if _detector is None:
        import gender_guesser.detector as gd

        _detector = gd.Detector(case_sensitive=False)
    g = _detector.get_gender(name)
    return g if g in ("male", "female") else None


def person_gender(ent: Entity) -> str | None:
    """A person's gender from their titles, else from their given name (the first word of a full name)."""
    g = title_gender(ent.titles)
    if g is None and " " in ent.name:
        g = given_name_gender(ent.name.split()[0])
    return g


# ---------------------------------------------------------------------------------------------- resolve
# A namesake in the report's own country is the place meant unless the most populous one is this many times
# bigger ("Paris": France's, 86 times Paris, Texas; "Wellington": England's town, New Zealand's is 17 times it).
_NAMESAKE_RATIO = 50
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

    def resolve(self, sp: _Span, text: str, persons: list[tuple[int, list[str], Entity]],
                orgs: list[tuple[str, Entity]]) -> Entity:
        label, gaz = sp.label, self.gaz
        known = self.lex.known_entity(text)
        if known is not None and not (label == "PERSON" and known.kind != "PERSON"):
            return self.entity(known.kind, known.name, known.country, text)
        short = self._short_org(sp, text, orgs, persons)
        if short is not None:
            return short
        base = self.place_bases.get(name_key(text))
        if base is not None and not any(text in parts for _, parts, _ in persons):
            # "Hmeimim" after "the Hmeimim air base", whatever NER called it this time
            return self.entity(base.kind, base.name, base.country, text, lat=base.lat, lon=base.lon)
        if sp.end - sp.start == 1 and gaz.country_of_any(text) is None and (
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
        if label == "PERSON" and sp.end - sp.start >= 2 and self._street(sp):
            label = sp.label = "LOC"  # "Lanier Drive", "Slappey Boulevard": a street, whoever it is named after
        if label in ("FAC", "LOC", "ORG") and not sp.placed and self._looks_like_person(sp):
            label = sp.label = "PERSON"  # "Japan's Kenji Sato" as FAC: a given name and a surname
        if label == "PERSON" and sp.end - sp.start == 1 and gaz.country_of_capital(text) and \
                not any(text in parts for _, parts, _ in persons):
            label = sp.label = "GPE"  # "Kiev will not negotiate" as a PERSON: a capital, no one the article names
        if label == "ORG" and sp.end - sp.start == 1 and not _acronym(self.doc[sp.start]) and (
                gaz.city(text) is not None or gaz.country_of_region(text) is not None):
            label = sp.label = "GPE"  # "Dayton police": NER's ORG is the city
        if label == "ORG" and sp.end - sp.start >= 2 and sp.start > 0 and \
                self.doc[sp.start - 1].lower_ in _IN_PLACE | {"to", "from", "at", "into"} and \
                gaz.city(text) is not None and gaz.country_of_any(text) is None:
            label = sp.label = "GPE"  # "flew on to Abu Dhabi", "corridors to El Fasher": a city NER took for a body
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
        if label == "NORP":
            return self.entity("NORP", text, alias=text)
        if label == "GPE":
            root = self.doc[sp.start:sp.end].root
            capital_of = gaz.country_of_capital(text)
            if capital_of and not sp.country and _metonymic(root):
                # "Beirut condemned": the government. The capital's name is no alias of the country (the
                # city keeps it: "residents of Beirut"), so the mention links without adding it.
                return self.entity("GPE", gaz.countries[capital_of].name, capital_of)
        if label in ("GPE", "LOC"):
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
        if label == "FAC":
            city = gaz.city(text)
            lat, lon = (city.lat, city.lon) if city else (None, None)
            return self.entity(label, text, city.country if city else None, text, lat=lat, lon=lon)
        if label == "ORG":
            if _acronym(self.doc[sp.start]) and sp.end - sp.start == 1:
                for initials, ent in orgs:
                    if initials == text.replace(".", ""):
                        return self.entity(ent.kind, ent.name, ent.country, text)
            country = self._state_of_home(sp)
            if country is None:
                country = next((gaz.country_of_any(t.text) for t in self.doc[sp.start:sp.end]
                                if gaz.country_of_any(t.text)), None)
            if country is None and sp.start >= 2 and self.doc[sp.start - 1].tag_ == "POS":
                # "Lebanon's Defence Ministry", "North Korea's Foreign Ministry"
                owner = self.doc[sp.start - 2].text
                country = gaz.country_of_name(owner) or gaz.country_of_capital(owner) or (
                    gaz.country_of_name(self.doc[sp.start - 3:sp.start - 1].text) if sp.start >= 3 else None)
                if country is None and generic_institution(text) and (place := gaz.city(owner)) is not None:
                    country = place.country  # "Gaza's health ministry": the city's country's ministry
            if country is None and generic_institution(text):
                country = self._placed_by_phrase(sp)
            if country is None and self.home is None:
                # "Virginia State Police" in a report that says nowhere where it is: the state's
                country = self._state_of_home(sp, any_home=True)
            if generic_institution(text):
                return self._generic(text, country)
            if country is None and any(t.lower_ in _GOVERNMENT_BODY_HEADS for t in self.doc[sp.start:sp.end]):
                country = self.home  # "The Department of Veterans' Affairs" under CANBERRA is Australia's
            return self.entity("ORG", text, country, text)
        # PERSON: a bare surname or given name is a full name the article gives, of the gender its title
        # says ("Mr. Gigante" is never Yolanda Gigante). Where several share it ("Berisha, his wife, Liri
        # Berisha, his son, Shkelzen Berisha"), the bare name is the one introduced first: reports name
        # the relatives in full and keep the bare surname for their subject.
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
        persons: list[tuple[int, list[str], Entity]] = []
        orgs: list[tuple[str, Entity]] = []
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


class EntitiesComponent:
    """doc -> entity_mentions, entities (one Entity per id within the article)."""

    name = "entities"
    reads: tuple[str, ...] = ("doc", "text", "id")
    writes: tuple[str, ...] = ("entity_mentions", "entities")

    def __call__(self, article: Article) -> Article:
        doc = article.doc if article.doc is not None else get_nlp()(article.text or "")
        article.doc = doc
        spans = [t for t in (_trim(doc, sp) for sp in _candidate_spans(doc)) if t is not None]
        spans = _headline_words(doc, spans)
        repeated = _repeated_texts(doc, spans)
        spans = _rejoin_split_names(doc, spans)
        spans = [_club_name(doc, sp, repeated) for sp in spans]
        spans = repair_person_spans(doc, spans, list(doc.ents))
        spans = _add_missed(doc, spans)
        for sp in spans:
            if sp.label == "PERSON":
                sp.titles[:0] = [t for t in leading_titles(doc, sp.start)[1] if t not in sp.titles]
        spans = _datelines(doc, spans)
        spans = [_shouted_place(doc, sp) for sp in spans]
        spans = _places_by_context(doc, spans)
        spans = _repeated_names(doc, spans)
        spans = _facility_names(doc, spans)
        spans = [_country_government(doc, _demonym_head(doc, sp)) for sp in spans]
        spans = _no_overlaps(spans)
        _outlet_names(doc, spans, article.outlet)
        text = doc_text(doc)  # built once: Doc.text joins every token, so per span it made this quadratic
        urls = _url_ranges(text)
        person_words = frozenset(t.text for sp in spans if sp.label == "PERSON" and sp.end - sp.start >= 2
                                 for t in doc[sp.start:sp.end])  # "Guterres' spokesman" is no plural
        spans = [sp for sp in spans if not _junk(doc, sp, urls, text, person_words)
                 and any(ch.isalnum() for ch in clean_name(span_text(doc, sp.start, sp.end)))]  # a name has a letter
        spans = _without_quoted_titles(doc, spans)
        spans = initialled_names(doc, long_names_by_context(doc, spans))
        # "the waters off its east coast", "a member of parliament's committee": no capital, no name - unless
        # it repeats a name the article spells with capitals ("defense ministry") or the lexicon knows it
        named = {name_key(span_text(doc, sp.start, sp.end)) for sp in spans
                 if any(c.isupper() for c in span_text(doc, sp.start, sp.end))}
        spans = [sp for sp in spans if _capitalised_or_known(span_text(doc, sp.start, sp.end), named)]
        declared = declared_short_forms(doc, spans)
        for form, owner in named_as(doc, spans).items():
            declared.setdefault(form, owner)
        spans = add_declared_spans(doc, spans, declared)
        one_label_per_name(doc, spans, name_key)
        _place_qualifiers(doc, spans)
        res = _Resolver(article, doc)
        res.declared = {form: (spans_sp.start, spans_sp.end) for form, spans_sp in declared.items()}
        res.run(spans)
        countries = {e.id for e in res.entities.values()
                     if e.kind == "GPE" and e.country and res.gaz.country_name(e.country) == e.name}
        person_titles = {e.id: e.titles for e in res.entities.values() if e.kind == "PERSON" and e.titles}
        ids = [m.entity_id for m in res.mentions]
        for alias, eid in description_aliases(doc, spans, ids, countries) + \
                title_descriptions(doc, spans, ids, person_titles):
            if alias not in res.entities[eid].aliases:
                res.entities[eid].aliases.append(alias)
        article.entity_mentions = res.mentions
        article.entities = list(res.entities.values())
        _write_back(doc, spans)
        return article


def headline_line(text: str, lo: int) -> bool:
    """Is the line holding character `lo` a headline in title case ("Powerful Storm in Peru Kills 12; 40 Hurt")?
    Its words of four letters or more start with a capital, three of them at least, and it ends in no period.
    There NER reads every capitalised word as a name."""
    a = text.rfind("\n", 0, lo) + 1
    b = text.find("\n", lo)
    line = text[a:b if b >= 0 else len(text)].strip()
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\u2019]*", line) if len(w) >= 4]
    return len(line) <= 160 and not line.endswith(".") and len(words) >= 3 and \
        sum(w[0].isupper() for w in words) >= 0.8 * len(words) and not all(w.isupper() for w in words)


def _headline_verb(tok: Any) -> bool:
    """A headline's verb or participle in title case ("Returns", "Dies", "Kills", "Hurt")."""
    w = tok.lower_
    forms = {tok.lemma_.lower(), w[:-1], w[:-2], w[:-3] + "y" if w.endswith("ies") else w}
    return tok.is_title and tok.is_alpha and (tok.tag_.startswith("VB") or tok.tag_ in ("NNS", "NNPS", "NNP") and
                                              w.endswith(("s", "ed")) and any(classes(f, "v") for f in forms if f))


def _verb_follows(doc: Any, e: int) -> bool:
    """What comes after a headline's verb: a lower-case word, a number or a preposition ("Dies at 88", "Kills
    12", "Returns to Host"), not another name or the line's end ("to Host Academy Awards")."""
    if e >= len(doc):
        return False
    nxt = doc[e]
    return nxt.is_lower or nxt.like_num or nxt.tag_ in ("IN", "TO", "CD") or nxt.lower_ in ("the", "a", "an")


def _headline_words(doc: Any, spans: list[_Span]) -> list[_Span]:
    """In a title-case headline a name runs on into the verb after it ("Marla Quinlan Returns to Host", "Peru
    Kills 12"), and a lone verb or participle is taken for a name ("40 Hurt"): the verb is cut off (unless a
    person of that word is known: "Robert Burns"), the lone one dropped. Elsewhere, a name the report spans
    without the last word ("Marla Quinlan") is cut back to it where that word is a verb."""
    text = doc_text(doc)
    names = {span_text(doc, sp.start, sp.end) for sp in spans}
    out = []
    for sp in spans:
        if sp.label not in ENTITY_LABELS:
            out.append(sp)
            continue
        last = doc[sp.end - 1]
        head = headline_line(text, last.idx)
        if head and sp.end - sp.start >= 3:
            k = next((k for k in range(sp.start + 1, sp.end - 1) if _headline_verb(doc[k - 1]) and
                      _known_name(span_text(doc, k, sp.end))), None)
            if k is not None:  # "China Warns United States over": the verb, then a name known whole
                sp = _Span(k, sp.end, sp.label, sp.titles, sp.country)
        e = sp.end
        while e - sp.start >= 2 and (head and _headline_verb(doc[e - 1]) and _verb_follows(doc, e) or
                                     head and doc[e - 1].tag_ == "RB" and doc[e - 1].is_title or
                                     not head and _headline_verb(doc[e - 1]) and _verb_follows(doc, e) and
                                     " " in (shorter := span_text(doc, sp.start, e - 1)) and shorter in names) and \
                classes(doc[e - 1].lower_, "n")[:1] != ("person",):
            e -= 1  # "Teixeira Reportedly Bumped as High as": the verb, then the adverb before it
        while head and sp.start + 1 < e < sp.end and doc[e - 1].lower_.endswith("ly") and len(doc[e - 1]) > 4 and \
                not classes(doc[e - 1].lower_, "n") and given_name_gender(doc[e - 1].text) is None:
            e -= 1  # the tagger calls a capitalised adverb a proper noun ("Reportedly")
        whole = span_text(doc, sp.start, sp.end)
        if e < sp.end and (e - sp.start == 1 and given_name_gender(doc[sp.start].text) is not None or
                           _known_name(whole)):
            e = sp.end  # "Ben Stokes to Miss", "Iran Accuses United States of": a given name alone is no one's
            # whole name, and a name the gazetteer or the lexicon knows whole is no name and a verb
        if e < sp.end:
            sp = _Span(sp.start, e, sp.label, sp.titles, sp.country)
            last = doc[e - 1]
            if e - sp.start > 1:
                out.append(sp)
                continue
        counted = sp.start > 0 and doc[sp.start - 1].like_num and bool(classes(last.lower_, "v"))  # "40 Hurt"
        if sp.end - sp.start == 1 and head and (last.tag_.startswith("VB") or last.tag_ == "JJ" or counted) and \
                lexicon().known_entity(last.text) is None and gazetteer().country_of_any(last.text) is None and \
                gazetteer().city(last.text) is None:
            continue  # "40 Hurt and 3 Bridges Washed Away"
        if sp.end - sp.start == 1 and head and sp.label == "PERSON" and last.is_title and \
                classes(last.lower_, "n")[:1] not in ((), ("person",)) and given_name_gender(last.text) is None and \
                not any(last.text in n.split() for n in names if " " in n and n != whole):
            continue  # "Story Created: ...", "Sequel": a common noun a headline capitalised, nobody's name
        out.append(sp)
    return out


def _known_name(text: str) -> bool:
    """A name the lexicon or the gazetteer knows as written (a country, a city, a state, an entity)."""
    gaz = gazetteer()
    return lexicon().known_entity(text) is not None or gaz.country_of_any(text) is not None or \
        gaz.city(text) is not None or gaz.country_of_region(text) is not None


def _rejoin_split_names(doc: Any, spans: list[_Span]) -> list[_Span]:
    """ "Spartak" ORG + "Moscow" GPE where the report spans "Spartak Moscow" whole elsewhere: two adjacent
    names that together are a name of the report are that name, with the label it has there."""
    whole = {span_text(doc, sp.start, sp.end): sp.label for sp in spans if sp.end - sp.start >= 2}
    if not whole:
        return spans
    out: list[_Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.end == sp.start and (label := whole.get(span_text(doc, prev.start, sp.end))):
            out[-1] = _Span(prev.start, sp.end, label, prev.titles, prev.country)
        else:
            out.append(sp)
    return out


_NAMING = re.compile(r"\b(?:known as|called|calls itself|calling itself|dubbed|named|nicknamed|styled)\s*$", re.I)
_QUOTED = re.compile(r"(?:``|\"|\u201c)\s*([^\"\u201c\u201d`'\n]{2,60}?)[\s,.]*(?:''|\"|\u201d)")


def _without_quoted_titles(doc: Any, spans: list[_Span]) -> list[_Span]:
    """ "the sequel to ``Twilight''", "her talk show \"Ellen\"": a name a report sets in quotes, the whole
    quotation, is the title of a work, not a person or an organisation - wherever in the report it recurs.
    Not a name the lexicon or the gazetteer knows, nor a person the report names in full."""
    quoted = {m.group(1).strip() for m in _QUOTED.finditer(doc_text(doc))
              if not _NAMING.search(doc_text(doc)[max(0, m.start() - 25):m.start()])}  # 'a group known as "X"' names
    if not quoted:
        return spans
    gaz, lex = gazetteer(), lexicon()
    full = {span_text(doc, sp.start, sp.end) for sp in spans if sp.label == "PERSON" and sp.end - sp.start >= 2}

    def title(sp: _Span) -> bool:
        text = clean_name(span_text(doc, sp.start, sp.end))
        return sp.label in ("PERSON", "ORG", "FAC", "NORP") and text in quoted and text not in full and \
            not any(text in f.split() for f in full) and lex.known_entity(text) is None and \
            gaz.country_of_any(text) is None and gaz.city(text) is None
    return [sp for sp in spans if not title(sp)]


def _repeated_texts(doc: Any, spans: list[_Span]) -> set[str]:
    """Texts of the multi-word name spans that occur more than once in the report, spelt alike (the text is
    searched, so a repeat NER labelled otherwise, or not at all, counts)."""
    text = doc_text(doc)
    out = set()
    for sp in spans:
        t = span_text(doc, sp.start, sp.end)
        if " " in t and t not in out and text.count(t) >= 2:
            out.add(t)
    return out


def _shown(text: str) -> str:
    """ "defence ministry" first written in lower case is shown as a name ("Defence Ministry")."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split()) if text.islower() else text


def _capitalised_or_known(text: str, named: set[str]) -> bool:
    return any(c.isupper() for c in text) or name_key(text) in named or generic_institution(clean_name(text)) \
        or lexicon().known_entity(clean_name(text)) is not None


def _no_overlaps(spans: list[_Span]) -> list[_Span]:
    """The repairs above may grow a span over its neighbour ("Valley Federal Savings and" + "Loan
    Association"): the longer span wins, as spaCy's filter_spans does."""
    out: list[_Span] = []
    taken: set[int] = set()
    for sp in sorted(spans, key=lambda x: (-(x.end - x.start), x.start)):
        if not any(i in taken for i in range(sp.start, sp.end)):
            out.append(sp)
            taken.update(range(sp.start, sp.end))
    return sorted(out, key=lambda x: x.start)


def _write_back(doc: Any, spans: list[_Span]) -> None:
    """Put the corrected entity spans into doc.ents (keeping DATE, CARDINAL, ... that do not overlap)."""
    from spacy.tokens import Span

    ours = [Span(doc, sp.start, sp.end, label=sp.label) for sp in spans]
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    others = [e for e in doc.ents if e.label_ not in ENTITY_LABELS and
              not any(i in taken for i in range(e.start, e.end))]
    doc.set_ents(sorted(ours + others, key=lambda s: s.start), default="outside")


# ---------------------------------------------------------------------------------------------- merge
def merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Union entities by id (aliases, titles, articles); then fold a bare acronym organisation
    ("IAEA" seen alone in one article) into the organisation that lists it as an alias."""
    by_id: dict[str, Entity] = {}
    for e in entities:
        cur = by_id.get(e.id)
        if cur is None:
            by_id[e.id] = Entity(id=e.id, name=e.name, kind=e.kind, country=e.country,
                                 aliases=list(e.aliases), titles=list(e.titles), lat=e.lat, lon=e.lon,
                                 articles=list(e.articles))
            continue
        _absorb(cur, e)
    # NER sometimes calls a person a facility or place ("Japan's Kenji Sato" as FAC): an identical
    # multi-word name that is a PERSON elsewhere is that person.
    persons = {fold(e.name): e.id for e in by_id.values() if e.kind == "PERSON" and " " in e.name}
    for eid in list(by_id):
        e = by_id[eid]
        owner_id = persons.get(fold(e.name))
        if e.kind in ("FAC", "LOC") and owner_id and e.lat is None and owner_id in by_id:
            _absorb(by_id[owner_id], e)
            del by_id[eid]
    alias_owner: dict[str, str] = {}
    for e in by_id.values():
        for a in e.aliases:
            if e.name != a and _acronym_str(a):
                alias_owner.setdefault(a.replace(".", ""), e.id)
    for eid in list(by_id):
        e = by_id[eid]
        owner = alias_owner.get(e.name.replace(".", ""))
        if e.kind == "ORG" and _acronym_str(e.name) and owner and owner != eid and owner in by_id:
            _absorb(by_id[owner], e)
            del by_id[eid]
    return list(by_id.values())


def _acronym_str(s: str) -> bool:
    t = s.replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def _absorb(cur: Entity, e: Entity) -> None:
    for src, dst in ((e.aliases, cur.aliases), (e.titles, cur.titles), (e.articles, cur.articles)):
        for x in src:
            if x not in dst:
                dst.append(x)
    if e.name not in cur.aliases:
        cur.aliases.append(e.name)
    cur.country = cur.country or e.country
    if cur.lat is None and e.lat is not None:
        cur.lat, cur.lon = e.lat, e.lon
