"""Persons NER missed or cut: names after a title, Korean names, names with particles ("von der
Leyen"), hyphenated surnames, bare surnames and acronyms of names given in full."""

from __future__ import annotations

from typing import Any

from .entity_names import _ARTICLE_PARTICLES, _LINKING_PARTICLES, _acronym, _generation, name_words, short_forms
from .entity_span import _Span
from .entity_words import _COMPANY_WORDS, _INSTITUTION_WORDS, looks_like_person
from .gazetteer import gazetteer
from .lexicon import lexicon
from .nlp import doc_text, span_text


def _caps_context(doc: Any, tok: Any) -> bool:
    """An all-caps word next to other all-caps words is a shouted headline, not an acronym."""
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
    return any(t.is_upper and len(t.text) > 1 for t in near)


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
    start_at: dict[int, int] = {}  # character offset -> the token starting there; one walk for both maps
    end_at: dict[int, int] = {}  # character offset -> one past the token ending there
    for t in doc:
        start_at[t.idx] = t.i
        end_at[t.idx + len(t.text)] = t.i + 1
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
