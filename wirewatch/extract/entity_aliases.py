"""Name forms an article itself declares or implies, for the entities component.

- Declared short forms: "the Economic Community of West African States, or ECOWAS", "Doctors Without Borders
  (MSF)", "Mohamed, known by his nickname Farmajo", "commonly known by his abbreviation MBS": the short form,
  wherever it recurs in the article, names the entity the long form names.
- One label per name within an article: NER calls "al-Shabab" an ORG in one sentence and a PERSON in the
  next; the article's mentions of one name get one label (a person's name only when it is part of a
  multi-word person the article names; otherwise the majority of the non-person labels).
- Person spans NER cut or missed: a given name left outside ("Mahad" of "Mahad Wasuge"), a country word
  taken in ("Myanmar Andrew Kirkwood" of "Coordinator for Myanmar Andrew Kirkwood"), a name NER called a
  work of art that speaks ("Vassily Nebenzia told the council").
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .entity_gender import given_name_gender
from .entity_names import INITIAL_STOPS, name_words, short_forms
from .entity_span import _Span
from .gazetteer import gazetteer
from .lexicon import lexicon
from .nlp import span_text

# "known as X", "known by his nickname X": the noun between the possessive and the name is one of these.
_KNOWN_BY_NOUNS = frozenset({"nickname", "abbreviation", "initials", "acronym", "name", "title", "alias",
                             "moniker", "nom", "pseudonym"})
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Verbs whose subject is someone speaking: a capitalised two-word subject of one is a person.
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "note", "warn", "urge", "insist", "argue", "explain",
                            "reply", "respond", "ask", "claim", "write", "tweet", "dismiss", "deny"})


# The words the passes of this module look for, token by token: "the" (descriptions), "known" ("known as"), "("
# (initials declared in parentheses).
_LOOKED_FOR = ("the", "known", "(")


def word_positions(doc: Any) -> dict[str, list[int]]:
    """Token indices of each word of `_LOOKED_FOR` (in lower case), in text order, from one read of the doc's
    LOWER array: six passes walked every Token of the report to find them (three for "the")."""
    words = {doc.vocab.strings[w]: w for w in _LOOKED_FOR}
    out: dict[str, list[int]] = {w: [] for w in _LOOKED_FOR}
    for i, h in enumerate(doc.to_array("LOWER").tolist() if len(doc) else []):
        if (w := words.get(h)) is not None:
            out[w].append(i)
    return out


def _short_form_at(doc: Any, i: int) -> tuple[int, int] | None:
    """A short form starting at token i: an acronym-like token ("ECOWAS", "3R", "C.A.R.") or a run of one to
    three capitalised words ("Farmajo", "Muslim Brothers")."""
    if i >= len(doc):
        return None
    t = doc[i]
    bare = t.text.replace(".", "")
    if bare.isalnum() and any(c.isupper() for c in bare) and bare.upper() == bare and 2 <= len(bare) <= 10:
        return i, i + 1
    j = i
    while j < min(len(doc), i + 3) and doc[j].is_alpha and doc[j].text[:1].isupper():
        j += 1
    return (i, j) if j > i else None


def _letters_are_initials(acronym: str, words: Any) -> bool:
    """ "MINUSCA" of "United Nations Multidimensional Integrated Stabilization Mission in the Central African
    Republic", "3R" of "Return, Reclamation, Rehabilitation": every letter is some word's initial."""
    letters = {c for c in acronym.upper() if c.isalpha()}
    initials = {t.text[0].upper() for t in words if t.text[:1].isupper()}
    return len(acronym.replace(".", "")) >= 2 and bool(letters) and letters <= initials


# "The site is known to Jews as the Temple Mount": descriptions that name a place or a group.
# A site is a named place (LOC, FAC), not a city or a country; a town is a GPE or LOC.
_SITE_NOUNS = frozenset({"site", "place", "compound", "complex", "base", "shrine", "facility", "camp", "mosque",
                         "temple", "church", "building", "plant"})
_TOWN_NOUNS = frozenset({"area", "city", "town", "village", "region", "territory", "enclave", "district", "zone"})
_GROUP_NOUNS = frozenset({"group", "organization", "organisation", "movement", "militia", "alliance",
                          "coalition", "party", "network", "faction", "outfit", "body", "bloc", "force"})
# "the Khawarij, a derogatory term referring to al-Shabab"
_TERM_NOUNS = frozenset({"term", "name", "word", "label", "epithet", "nickname", "euphemism"})
_TERM_LINKS = (("referring", "to"), ("that", "refers", "to"), ("for",), ("used", "for"), ("meaning",),
               ("describing",), ("used", "to", "describe"))


def long_names_by_context(doc: Any, spans: list[_Span], at: dict[str, list[int]] | None = None) -> list[_Span]:
    """A name NER missed that the text declares: "a rebel group known as the Return, Reclamation,
    Rehabilitation, or 3R" (capitalised words, commas between, then ", or" and a short form), and a name
    whose place NER split off ("the ... Stabilization Mission in the Central African Republic, or
    MINUSCA"): the organisation's name runs through the place to the short form."""
    if at is None:
        at = word_positions(doc)

    out = list(spans)
    for tok in (doc[i] for i in at["known"]):
        if tok.lower_ != "known" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "as":
            continue
        s = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
        e = s
        while e < len(doc) and e - s < 12 and (doc[e].is_alpha and doc[e].is_title or
                                               doc[e].text == "," and e + 1 < len(doc) and doc[e + 1].is_title):
            e += 1
        if e - s < 2 or e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ != "or":
            continue
        if _short_form_at(doc, e + 2) is None or any(
                sp.start < e and sp.end > s and (sp.start < s or sp.end > e) for sp in out):
            continue
        out = [sp for sp in out if not (s <= sp.start and sp.end <= e)]  # NER's pieces of the name ("Unity")
        out.append(_Span(s, e, "ORG"))
    by_start = {sp.start: sp for sp in out}
    merged: list[_Span] = []
    skip: set[int] = set()
    for sp in out:
        if id(sp) in skip:
            continue
        # ORG "and" ORG ", or" SHORT: "the Bangladesh Garment Manufacturers and Exporters Association, or
        # BGMEA" is one name NER cut at "and"
        j = sp.end
        nxt = by_start.get(j + 1)
        if sp.label == "ORG" and j + 1 < len(doc) and doc[j].lower_ == "and" and nxt is not None and \
                nxt.label == "ORG" and nxt.end + 2 < len(doc) and doc[nxt.end].text == "," and \
                doc[nxt.end + 1].lower_ == "or" and (sf := _short_form_at(doc, nxt.end + 2)) is not None and \
                _letters_are_initials(doc[sf[0]].text, doc[sp.start:nxt.end]):
            merged.append(_Span(sp.start, nxt.end, "ORG", sp.titles, sp.country))
            skip.add(id(nxt))
            continue
        # ORG "in the" PLACE ", or" SHORT
        if sp.label == "ORG" and j + 2 < len(doc) and doc[j].lower_ in ("in", "for") and \
                doc[j + 1].lower_ == "the" and (place := by_start.get(j + 2)) is not None and \
                place.label in ("GPE", "LOC") and place.end + 2 < len(doc) and doc[place.end].text == "," and \
                doc[place.end + 1].lower_ == "or" and _short_form_at(doc, place.end + 2) is not None:
            merged.append(_Span(sp.start, place.end, "ORG", sp.titles, sp.country))
            skip.add(id(place))
            continue
        merged.append(sp)
    return sorted(merged, key=lambda x: x.start)


_INITIAL_STOPS = INITIAL_STOPS  # the words a name's initials skip (entity_names)


def initialled_names(doc: Any, spans: list[_Span], at: dict[str, list[int]] | None = None) -> list[_Span]:
    """ "the Bring Back Our Girls (BBOG) movement": capitalised words whose initials, in order, spell the
    acronym in parentheses after them are an organisation's name, though NER missed it (here it took the
    whole phrase for a law); the acronym is then declared by it (`declared_short_forms`)."""
    if at is None:
        at = word_positions(doc)

    out = list(spans)
    owner = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    for tok in (doc[i] for i in at["("]):
        i = tok.i
        if tok.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")" or i < 2:
            continue
        acronym = doc[i + 1].text.replace(".", "")
        if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
            continue
        letters, k, start = "", i - 1, None
        while k >= 0 and i - k <= 12:
            t = doc[k]
            if t.is_alpha and t.text[:1].isupper():
                letters = t.text[0] + letters
                if letters == acronym and not (k > 0 and doc[k - 1].is_title and doc[k - 1].is_alpha):
                    start = k
                    break
            elif t.lower_ not in _INITIAL_STOPS or not letters:
                break
            k -= 1
        if start is None or (start in owner and owner[start].start == start and owner[start].end == i):
            continue  # no such name, or NER has it already
        if any(sp.start < start < sp.end or sp.start < i < sp.end for sp in out):
            continue  # it runs into another name
        out = [sp for sp in out if not (start <= sp.start and sp.end <= i)]
        out.append(_Span(start, i, "ORG"))
    return sorted(out, key=lambda x: x.start)


_LOCATING = frozenset({"in", "near", "outside", "inside", "at", "of", "beside", "by"})


def _located_owner(doc: Any, cands: list[_Span]) -> _Span:
    """Of the places of a sentence, the last one that locates no other ("the Karsa shrine near Qadir": the
    shrine, not Qadir; "the ... compound in Jerusalem's Old City": the compound)."""
    inside = {i: sp for sp in cands for i in range(sp.start, sp.end)}
    locators = set()
    for sp in cands:
        r = doc[sp.start:sp.end].root
        if r.dep_ == "pobj" and r.head.lower_ in _LOCATING and r.head.head.i in inside:
            locators.add(id(sp))
    rest = [sp for sp in cands if id(sp) not in locators]
    return rest[-1] if rest else cands[-1]


def named_as(doc: Any, spans: list[_Span], at: dict[str, list[int]] | None = None) -> dict[str, _Span]:
    """Other names the article gives an entity it has named: "The site is known to Jews as the Temple Mount
    and to Muslims as the Noble Sanctuary" (the place of the sentence before), "the Khawarij, a derogatory
    term referring to al-Shabab". Name text -> the span of the entity it names."""
    if at is None:
        at = word_positions(doc)

    out: dict[str, _Span] = {}
    starts = {sp.start: sp for sp in spans}
    for tok in (doc[i] for i in at["known"]):
        if tok.lower_ != "known" or tok.tag_ != "VBN":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.i in starts or not any(c.lower_ in ("the", "this") for c in subj.children):
            continue
        noun = subj.lemma_.lower()
        labels = ("LOC", "FAC") if noun in _SITE_NOUNS else ("GPE", "LOC") if noun in _TOWN_NOUNS else \
            ("ORG",) if noun in _GROUP_NOUNS else ()
        sent = tok.sent
        if not labels or sent.start == 0:
            continue
        prev = doc[sent.start - 1].sent
        cands = [sp for sp in spans if prev.start <= sp.start and sp.end <= prev.end and sp.label in labels]
        # "the Al-Aqsa mosque compound in Jerusalem's Old City": the places that locate or own another are not it
        cands = [sp for sp in cands if doc[sp.start:sp.end].root.dep_ != "poss"]  # "Israel's consulate"
        if not cands:
            continue
        owner = _located_owner(doc, cands)
        j = tok.i + 1
        while j < sent.end and doc[j].text not in (",", ";", ".", ":", "(") :
            if doc[j].lower_ == "as" and j + 1 < sent.end:
                k = j + 1 + (doc[j + 1].lower_ == "the")
                named = starts.get(k)
                if named is None and (run := _short_form_at(doc, k)) is not None and run[1] <= sent.end:
                    named = _Span(run[0], run[1], owner.label)
                if named is not None and named is not owner:
                    out.setdefault(doc[named.start:named.end].text.strip(), owner)
                    j = named.end
                    continue
            j += 1
    for sp in spans:
        # X, a (derogatory) term referring to Y
        j = sp.end
        if j + 3 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("a", "an", "the"):
            continue
        j += 2
        while j < len(doc) and doc[j].pos_ in ("ADJ", "ADV") and j < sp.end + 6:
            j += 1
        if j >= len(doc) or doc[j].lower_ not in _TERM_NOUNS:
            continue
        j += 1
        link = next((lk for lk in _TERM_LINKS if [t.lower_ for t in doc[j:j + len(lk)]] == list(lk)), None)
        if link is None:
            continue
        j += len(link)
        j += j < len(doc) and doc[j].lower_ == "the"
        target = starts.get(j)
        if target is not None and target.label in _NAMED_LABELS:
            out.setdefault(span_text(doc, sp.start, sp.end).strip(), target)
    return out


def declared_short_forms(doc: Any, spans: list[_Span]) -> dict[str, _Span]:
    """Short form text -> the named span that declares it."""
    out: dict[str, _Span] = {}
    for sp in spans:
        if sp.label not in _NAMED_LABELS:
            continue
        e = sp.end
        found: tuple[int, int] | None = None
        nxt = doc[e] if e < len(doc) else None
        if nxt is None:
            continue
        if nxt.text == "(" and sp.label in ("ORG", "PERSON", "FAC"):  # "Doctors Without Borders (MSF)"
            found = _short_form_at(doc, e + 1)
            if found and (found[1] >= len(doc) or doc[found[1]].text != ")" or found[1] - found[0] != 1):
                found = None
            # "BIRMINGHAM, Ala. (AP) -": a credit line names the agency, not the place or person before it
            if found and found[1] + 1 < len(doc) and doc[found[1] + 1].text in ("-", "—", "–", "--"):
                found = None
        elif nxt.text == "," and e + 2 < len(doc) and doc[e + 1].lower_ == "or":  # "..., or ECOWAS,"
            found = _short_form_at(doc, e + 2)
            # an acronym that does not start as the name does belongs to a longer name NER cut short,
            # unless each of its letters is an initial of the name (a translated acronym: "MINUSCA")
            if found and (found[1] - found[0] != 1 or found[1] < len(doc) and doc[found[1]].text not in
                          (",", ".", ")", ";") or doc[found[0]].text[:1] != doc[sp.start].text[:1] and
                          not _letters_are_initials(doc[found[0]].text, doc[sp.start:sp.end])):
                found = None
        else:  # "Mohamed, known by his nickname Farmajo", "commonly known as MBS"
            j = e + (nxt.text == ",")
            while j < len(doc) and doc[j].pos_ == "ADV" and j < e + 3:
                j += 1
            if j < len(doc) and doc[j].lower_ == "known" and j + 1 < len(doc):
                j += 1
                if doc[j].lower_ == "as":
                    found = _short_form_at(doc, j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the"))
                elif doc[j].lower_ == "by" and j + 2 < len(doc) and doc[j + 1].tag_ == "PRP$" and \
                        doc[j + 2].lower_ in _KNOWN_BY_NOUNS:
                    found = _short_form_at(doc, j + 3)
        if found is None and sp.label == "ORG" and sp.end - sp.start >= 2 and \
                gazetteer().country_of_any(doc[sp.start].text) and \
                all(t.is_title for t in doc[sp.start + 1:sp.end]):
            found = (sp.start + 1, sp.end)  # "U.S. State Department" ... "a State Department official"
        if found is None:
            continue
        text = doc[found[0]:found[1]].text.strip()
        long_text = span_text(doc, sp.start, sp.end)
        if text and text != long_text:
            out.setdefault(text, sp)
    return out


def add_declared_spans(doc: Any, spans: list[_Span], forms: dict[str, _Span]) -> list[_Span]:
    """Every occurrence of a declared short form is a span (NER misses many: "AES", "3R rebels"), labelled
    as the long form is."""

    if not forms:
        return spans
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    texts = [t.text for t in doc]  # once, not a Span per token and form
    for form, long_sp in forms.items():
        words = form.split()
        n = len(words)
        for i in range(len(doc) - n + 1):
            if texts[i:i + n] == words and not any(j in taken for j in range(i, i + n)):
                out.append(_Span(i, i + n, long_sp.label))
                taken.update(range(i, i + n))
    return sorted(out, key=lambda s: s.start)


def one_label_per_name(doc: Any, spans: list[_Span], key: Any) -> None:
    """Give every span of one name the article's label for that name (see module doc)."""

    person_parts: set[str] = set()
    for sp in spans:
        if sp.label == "PERSON" and sp.end - sp.start >= 2:
            person_parts.update(short_forms(name_words(span_text(doc, sp.start, sp.end))))
    labels: dict[str, Counter[str]] = {}
    for sp in spans:
        if sp.label in _NAMED_LABELS:
            labels.setdefault(key(span_text(doc, sp.start, sp.end)), Counter())[sp.label] += 1
    for sp in spans:
        if sp.label not in _NAMED_LABELS:
            continue
        text = span_text(doc, sp.start, sp.end)
        votes = labels[key(text)]
        if len(votes) < 2:
            continue
        one_word = " " not in text.strip()  # "al-Shabab" is three tokens and one word
        if one_word and text in person_parts:
            sp.label = "PERSON"
            continue
        others = Counter({lab: n for lab, n in votes.items() if lab != "PERSON"})
        if one_word and others:
            # order of preference on a tie: an organisation, a place, a group of people
            sp.label = max(others, key=lambda lab: (others[lab], -"ORG GPE LOC FAC NORP".split().index(lab)))
        elif not one_word:
            # a tie leans to a person, unless the gazetteer knows the name as a place ("LA PAZ, Bolivia" ...
            # "La Paz blamed the contractor")
            place = gazetteer().city(text) is not None or gazetteer().country_of_name(text) is not None
            sp.label = max(votes, key=lambda lab: (votes[lab], lab in ("GPE", "LOC") if place else lab == "PERSON"))


def repair_person_spans(doc: Any, spans: list[_Span], ner: list[Any]) -> list[_Span]:
    """Fix person spans NER cut or missed (see module doc)."""

    gaz, lex = gazetteer(), lexicon()
    titles = lex["titles"] | lex["title_prefixes"]
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    out: list[_Span] = []
    for sp in spans:
        toks = doc[sp.start:sp.end]
        # "for Myanmar Andrew Kirkwood": a country word before a given name and a surname is no part of the name
        if sp.label == "PERSON" and len(toks) >= 3 and gaz.country_of_any(toks[0].text) and \
                given_name_gender(toks[1].text) is not None:
            sp = _Span(sp.start + 1, sp.end, sp.label, sp.titles, sp.country or gaz.country_of_any(toks[0].text))
        # "Trump, Erdogan Ankara will ...": a subhead run into the next sentence; a surname and a capital are
        # no one person (a given name before the capital keeps "George Washington" whole)
        if sp.label == "PERSON" and len(toks) == 2 and gaz.country_of_capital(toks[1].text) and \
                given_name_gender(toks[0].text) is None and not gaz.country_of_any(toks[0].text):
            out.append(_Span(sp.start, sp.start + 1, "PERSON", sp.titles, sp.country))
            out.append(_Span(sp.start + 1, sp.end, "GPE"))
            continue
        prev = doc[sp.start - 1] if sp.start > 0 else None
        # "President Rashidov", "Gen. Okafor": one word after a title is a person, whatever NER called it
        if sp.end - sp.start == 1 and sp.label in ("ORG", "GPE", "LOC", "NORP", "FAC") and prev is not None and \
                prev.i not in taken and prev.text[:1].isupper() and prev.lower_ in lex["title_prefixes"] and \
                doc[sp.start].is_title and doc[sp.start].is_alpha and not gaz.country_of_any(doc[sp.start].text) \
                and gaz.city(doc[sp.start].text) is None and gaz.country_of_region(doc[sp.start].text) is None:
            sp = _Span(sp.start, sp.end, "PERSON", [*sp.titles, prev.text], sp.country)
            out.append(sp)
            continue
        # "Mahad Wasuge is ...": a capitalised word NER left outside, then one word it took for a place
        if sp.end - sp.start == 1 and sp.label in ("PERSON", "GPE", "LOC") and prev is not None and \
                prev.i not in taken and prev.pos_ == "PROPN" and prev.is_alpha and prev.is_title and \
                prev.lower_ not in titles and not gaz.country_of_any(prev.text) \
                and not gaz.country_of_any(doc[sp.start].text) and gaz.city(doc[sp.start].text) is None and \
                gaz.country_of_region(doc[sp.start].text) is None and doc[sp.start].pos_ == "PROPN":
            sp = _Span(sp.start - 1, sp.end, "PERSON", sp.titles, sp.country)
            taken.add(sp.start)
        out.append(sp)
    # "Vassily Nebenzia told the council": NER's work of art / product is a person when it speaks
    for e in ner:
        if e.label_ not in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW") or not 2 <= len(e) <= 3:
            continue
        if any(i in taken for i in range(e.start, e.end)):
            continue
        if not all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in e):
            continue
        if e.root.dep_ == "nsubj" and e.root.head.lemma_.lower() in _SPEECH_LEMMAS and \
                not any(gaz.country_of_any(t.text) or gaz.city(t.text) for t in e):
            out.append(_Span(e.start, e.end, "PERSON"))
            taken.update(range(e.start, e.end))
    return sorted(out, key=lambda s: s.start)
