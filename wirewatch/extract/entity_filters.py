"""Spans that name nothing: URL pieces, role and unit acronyms, model codes, shouted words, nouns of
persons, titles of works set in quotes."""

from __future__ import annotations

import bisect
import re
from typing import Any

from .entity_gender import given_name_gender
from .entity_names import clean_name
from .entity_span import _Span
from .entity_titles import only_abbreviations, role_word, speaker_label
from .entity_words import _PORTFOLIOS
from .gazetteer import gazetteer
from .lexicon import lexicon
from .nlp import doc_text, span_text
from .wordclass import classes


def _speaker(tok: Any) -> bool:
    """ "The E-3 urged Iran": the subject of a verb of saying is someone (a group of states), no model code."""
    lex = lexicon()
    return tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lemma_.lower() in lex["reporting_verbs"] or
                                                   tok.head.lemma_.lower() in lex["request_speech_verbs"])


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
# The pieces only a web address has (`web_address_ranges`); as an entity, a word with a slash ("and/or",
# "Tsai/Ko") names nothing either (`url_ranges`).
_WEB_PARTS = r"(?:www\.|https?://|\.html?\b|\.php\b|\.aspx?\b|\.(?:com|org|net|gov)\b)"
_URL_PARTS = rf"(?:{_WEB_PARTS}|/)"
_URL = re.compile(rf"\S*{_URL_PARTS}\S*")
_URL_PART = re.compile(_URL_PARTS)  # a match of _URL holds one of these
# A word that holds a piece of an address in any case ("WWW.EXAMPLE.COM"); a slash alone makes none
# ("attacked/raided").
_WEB = re.compile(rf"\S*{_WEB_PARTS}\S*", re.IGNORECASE)
# One token of letters and digits that is a model, unit or standard: hyphenated ("K-9", "F-35s", "HX-9100"),
# or a technical acronym with a version ("USB4", "LTE5"); "G7", "G20" and "3R" are organisations.
_TECH_CODE = re.compile(r"^[A-Za-z]{1,4}-\d+[A-Za-z]{0,2}$|^(?:USB|PCIE|DDR|LTE|HDMI|WIFI|BT|IP|HD|GPT)\d+[A-Za-z]?$",
                        re.IGNORECASE)
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]*[-x]?\d{3,}[A-Za-z0-9-]*$|^\d+x\d+$")
# An address at a line's start, however spaced ("http: / / www. example. com / new / Hunger - Games - ..."): its
# pieces and the slashes, hyphens and dots between them, spaced or not - not the words after it ("www.x.gov.ng
# Police in Lagos said"). A dot then a space runs on only into a lower-case piece (". com", never ". Police"),
# the dot after a line's opening "www" too ("Www. example. org / ...", a line set in sentence case).
_URL_LINE = re.compile(r"^[ \t]*(?i:https?\s*:|www(?=\s*\.))"
                       r"(?:[^\s/.\-:]+|\s*[/\-:]\s*|\.(?:\s+(?=[a-z0-9]))?|\s+\.\s*(?=[a-z0-9]))*", re.MULTILINE)


def url_ranges(text: str) -> list[tuple[int, int]]:
    """The character ranges of `text` that name nothing as an entity: web addresses and words with a slash,
    whole address lines first; sorted, disjoint."""
    if not _URL_PART.search(text):  # no URL piece anywhere: spare the backtracking scan of every word
        return []
    return _with_lines(text, [(m.start(), m.end()) for m in _URL.finditer(text) if len(m.group(0)) > 1])


_WEB_HINT = re.compile(r"www|http|\.(?:com|org|net|gov|html?|php|aspx?)\b", re.IGNORECASE)


def web_address_ranges(text: str) -> list[tuple[int, int]]:
    """The character ranges of `text` that are web addresses (an address line, an inline URL), in any case;
    a word with a slash and no other piece of an address ("attacked/raided") is none. Sorted, disjoint."""
    if not _WEB_HINT.search(text):  # most texts hold no address: spare the scan of every word
        return []
    return _with_lines(text, [(m.start(), m.end()) for m in _WEB.finditer(text)])


def _with_lines(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`ranges` with the address lines of `text` (`_URL_LINE`) put first, the ranges outside them after;
    sorted and disjoint, as `_junk` and `noise_address.in_web_address` bisect them."""
    lines = [(m.start(), m.end()) for m in _URL_LINE.finditer(text)]
    if not lines:
        return ranges
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
