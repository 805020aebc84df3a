"""Names in title-case headlines, where NER runs a name on into the verb after it."""

from __future__ import annotations

import re
from typing import Any

from .entity_gender import given_name_gender
from .entity_span import ENTITY_LABELS, _Span
from .entity_words import _known_name
from .gazetteer import gazetteer
from .lexicon import lexicon
from .nlp import doc_text, span_text
from .wordclass import classes


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
