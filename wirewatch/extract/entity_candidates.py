"""Candidate name spans: spaCy NER and lexicon matches, trimmed at the edges; the repairs of
spans split, repeated or overlapping; and the corrected spans written back to `doc.ents`."""

from __future__ import annotations

import re
from typing import Any

from .entity_gender import given_name_gender
from .entity_names import _ARTICLE_PARTICLES, _NAME_PARTICLES, clean_name, name_key
from .entity_span import ENTITY_LABELS, _Span
from .entity_titles import abbreviation_end, ends_name, is_title_abbreviation, person_title
from .entity_words import (
    _COMPANY_WORDS,
    _GOVERNMENT_BODY_HEADS,
    _INSTITUTION_WORDS,
    generic_institution,
    looks_like_person,
)
from .gazetteer import fold, gazetteer
from .lexicon import lexicon
from .nlp import doc_text, get_nlp, span_text
from .timex_base import NUMBER_WORDS
from .wordclass import classes

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
