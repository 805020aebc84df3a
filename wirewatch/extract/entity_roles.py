"""A person's roles and country read off the words around the name ("U.S. Deputy Secretary ...",
"Ri Sol Chun, a spokesperson for North Korea's Foreign Ministry")."""

from __future__ import annotations

import re
from typing import Any

from .entity_span import _Span
from .entity_titles import ROLE_ACRONYMS, person_title
from .gazetteer import gazetteer
from .lexicon import lexicon

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
