"""Who takes an office in a succession (issue 12): the parties of "replace" and "replacement" are not the
actor and the recipient of the ordinary reading.

- "Al-Haddad, the former deputy governor, replaces Karimi at the finance ministry": with a post phrase
  ("as finance minister", "at the finance ministry") and no "with" phrase, the subject is the successor,
  the one who takes the office (the recipient of PERSONNEL), and the object the one who leaves it; nobody
  appoints in the clause. "The president replaced Karimi with Al-Haddad" (a "with" phrase) keeps the
  ordinary reading: the subject appoints, and `with` names the successor.
- "His replacement, Rosa Quispe, ...", "Karimi's successor, Ana Silva": the possessor of a succession noun
  is the one replaced, not who appoints; the apposition names the successor.

`succession` returns (successor, appointer or None) for such a trigger, or None for the ordinary reading;
triggers.find_triggers puts them on the trigger as office_change.py's parties are (events._arguments).
"""

from __future__ import annotations

from typing import Any

from .ontology import Ontology

_POST_PREPS = frozenset({"as", "at"})


def _person(tok: Any) -> bool:
    return tok is not None and tok.ent_type_ == "PERSON"


def _post_phrase(verb: Any, onto: Ontology) -> bool:
    """ "as finance minister", "at the finance ministry", "at the Treasury": an office or a portfolio."""
    sets = onto.sets
    offices = sets.get("office_role", frozenset()) | sets.get("portfolio", frozenset()) | \
        sets.get("portfolio_names", frozenset())
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _POST_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in offices or obj.ent_type_ == "ORG" and any(
                        w.lemma_.lower() in sets.get("portfolio_domain", frozenset()) for w in obj.subtree)):
                    return True
    return False


def _successor_verb(tok: Any, onto: Ontology) -> tuple[Any, Any | None] | None:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if not (_person(subj) and _person(obj)):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or not _post_phrase(tok, onto):
        return None
    return subj, None


def _successor_noun(tok: Any) -> tuple[Any, Any | None] | None:
    if not any(c.dep_ == "poss" for c in tok.children):
        return None
    named = next((c for c in tok.children if c.dep_ == "appos" and _person(c)), None)
    return (named, None) if named is not None else None


def succession(tok: Any, onto: Ontology) -> tuple[Any, Any | None] | None:
    """(successor, appointer) of a succession trigger read the successor's way, or None."""
    rule = onto.office_change
    if not rule:
        return None
    lem = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lem in rule.get("replace_verbs", frozenset()):
        return _successor_verb(tok, onto)
    if tok.pos_ == "NOUN" and lem in rule.get("successor_nouns", frozenset()):
        return _successor_noun(tok)
    return None
