"""Does an article concern the public actors that the ontology's events are about (issue 10)?

The detector's article model (`Detector.article_relevance`) reads the article's words; product reviews full
of specifications, match reports and earnings copy still read like news to it ("supports", "offers",
"attacked the near post", "beat forecasts"). What such copy lacks is a party of the kind an event of the
ontology has: a government, an army, the police, a court, rebels, protesters (the actor sectors of the
CAMEO codebook, lexicon `public_actors`), or a state, a place or a nationality acting as a party ("Russia
said", "Britain's regulator", "the Dutch said"). An article that names none is off-domain: its events
must clear the detector's off-topic bar, as in an article the model finds off-topic, so that a sure report
("police arrested the founder") still stands while "the tablet supports 16GB" does not.

Not fitted: the sector nouns are the codebook's, the rule has no threshold (one party is enough).
"""

from __future__ import annotations

from typing import Any

from . import wordclass
from .lexicon import lexicon
from .ontology import Ontology

# A state, a place or a nationality is a party when it acts, owns or undergoes: the subject of a clause, a
# possessor ("Britain's regulator"), the object or the receiver of a verb ("would blockade Paris", "gave the
# Ivory Coast $5 million"). Not where something happens or comes from ("in Melbourne", "from Taiwan").
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "dative"})
_PLACE_ENTS = frozenset({"GPE", "NORP"})


def public_party(tok: Any, onto: Ontology) -> bool:
    """Is `tok` a public actor of the ontology's events: a sector noun or a title ("President Bouteflika",
    "Defence Secretary"), a state or a nationality as a party, or a nationality of a person ("Serbian
    President", "Russian negotiators"; not "a Danish startup": a company is no public actor)?"""
    lex = lexicon()
    lem = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lem in lex["public_actors"] or tok.pos_ == "PROPN" and (
            lem in lex["public_actors"] or lem in lex["titles"]):
        # a company's "chief financial officer" or "chief operating officer" is no public officer
        return not any(c.dep_ in ("amod", "compound") and c.lower_ == "chief" for c in tok.children)
    if tok.ent_type_ not in _PLACE_ENTS:
        return False
    if tok.dep_ in _PARTY_DEPS:
        return True
    head = tok.head
    if tok.dep_ == "pobj":
        return head.lower_ in ("against", "between")  # "the war against Ukraine", "talks between ..."
    # "Serbian President", "Palestinian riots", "Russian missiles": a nation's people, acts or arms. Not a
    # nation's companies ("a Danish startup", "the Japanese carmaker": ontology set `not_office`).
    return tok.dep_ in ("amod", "compound") and head.pos_ in ("NOUN", "PROPN") and \
        head.lemma_.lower() not in onto.sets.get("not_office", frozenset()) and \
        wordclass.classes(head.lemma_.lower(), "n")[:1] != ("group",) or head.ent_type_ == "PERSON"


# The sentences an article needs before the absence of a public actor says anything: a brief or a one-line
# record ("Journalists watched a demonstration by nurses", "the colonel told the villagers ...") may name its
# parties by words no sector list holds; a review, a match report or an earnings story runs longer.
MIN_SENTENCES = 3


def off_domain(sents: list[Any], onto: Ontology) -> bool:
    """True when an article of at least MIN_SENTENCES sentences names no public actor (see the module's note)."""
    if len(sents) < MIN_SENTENCES:
        return False
    lex = lexicon()
    if any(lex.known_entity(e.text) is not None for e in sents[0].doc.ents if e.label_ in ("ORG", "NORP", "GPE")):
        return False  # a body the project knows by name (aliases.yaml): "NATO", "the IAEA", "KCNA"
    return not any(public_party(t, onto) or _persons_dealing(t) for s in sents for t in s)


def _persons_dealing(tok: Any) -> bool:
    """ "Kim Jong Un met Donald Trump in Hanoi", "Abbas phoned Netanyahu": one named person acting on another
    is a dealing of people who need no title to be public actors (a review or a match report names a
    player or a reviewer, rarely two people dealing with each other in one clause)."""
    # (at least one side tagged a person: the small tagger often takes an unfamiliar person's name for an ORG)
    if tok.pos_ != "PROPN" or tok.dep_ != "nsubj":
        return False
    verb = tok.head
    others = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "against") for g in c.children
        if g.dep_ == "pobj"]
    return any(o.pos_ == "PROPN" and o.text != tok.text and "PERSON" in (o.ent_type_, tok.ent_type_) and
               not {o.ent_type_, tok.ent_type_} & {"GPE", "LOC", "FAC", "PRODUCT"} for o in others)
