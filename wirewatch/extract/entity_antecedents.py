"""Which words may stand behind an anaphor that acts: the word classes of an acting "it"/"they", and the one
state an article is about (for "the government", "the ministry" with no name).

Kept apart from `arguments.ArticleContext` (which asks these questions) so the rules read in one place:

- "The strike was the deadliest in weeks, and ... it accused Hamas": a verb that wants an agent (one of
  saying, dealing, deciding, fighting, owning, making) takes a body or a state as "it", never an event,
  abstract or made-thing noun ("strike", "merger", "ban", "telescope"); a verb of motion, change, contact or
  being ("it came a day after", "it hit a school", "it cost $10 billion") may well have the event or thing
  as its subject, and is left alone.
- "the government" alone means a state's government only when the article is about one state: its dateline
  ("AMMAN, Jordan -") names it, or one country is named clearly more often than any other; an article on
  "Kenya and Uganda" leaves "the government" as written.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import wordclass

# WordNet verb classes (first sense) of what only a party does; "communication" in either of the two commonest
# senses too ("threaten": stative first, communication second).
_AGENT_VERB_CLASSES = frozenset({"communication", "social", "cognition", "competition", "possession", "creation",
                                 "consumption"})
# WordNet noun classes of a party or a place that is a state ("the country", "the government").
_PARTY_NOUN_CLASSES = frozenset({"person", "group", "location"})


def needs_agent(verb: Any) -> bool:
    """Does this verb want a party as its subject? By the WordNet class of its lemma (the last part of a
    hyphenated one: "test-fire" is "fire")."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower().rsplit("-", 1)[-1]
    cls = wordclass.classes(lemma, "v")
    return bool(cls) and (cls[0] in _AGENT_VERB_CLASSES or "communication" in cls)


def no_agent_noun(lemma: str) -> bool:
    """A common noun whose two commonest senses (WordNet) are neither a person, a group nor a place: an event,
    act, abstraction or made thing ("launch", "merger", "ban", "telescope"), never the antecedent of an
    acting pronoun. A text put out by someone ("the statement", "the letter") speaks for its issuer and is
    left to the issuer rules; the project's own words for people and armed sides ("forces", "warship",
    "delegation": `participants.own_people`, `PARTY_NOUNS`, lexicon `human_nouns`) act whatever WordNet's
    commonest sense ("force": a strength)."""
    from .lexicon import lexicon
    from .participants import PARTY_NOUNS, own_people

    low = lemma.lower()
    lex = lexicon()
    if low in lex["report_nouns"] or low in lex["issuer_nouns"] or low in lex["human_nouns"] or \
            low in own_people() or low in PARTY_NOUNS:
        return False
    cls = wordclass.classes(low, "n")
    return bool(cls) and not set(cls) & _PARTY_NOUN_CLASSES


def inherited_non_agent(verb: Any, subj: Any) -> bool:
    """Is `subj`, found on another verb than `verb` (by control or coordination), an event, abstract or thing
    noun while `verb` wants an agent? "the vote will add to calls in parliament to impose tariffs": the vote
    imposes nothing. A name (an entity the parser typed) is never one, nor a thing told as a side's ("Turkish
    F-16 jets", "the European Union's executive arm", "its patrol boats": the side the caller's rules find)."""
    return subj.pos_ == "NOUN" and not subj.ent_type_ and subj.head != verb and needs_agent(verb) and \
        no_agent_noun(subj.lemma_) and not any(c.ent_type_ or c.pos_ == "PROPN" or c.dep_ == "poss"
                                               for c in subj.children)


def acting_verb(pron: Any) -> Any | None:
    """The verb a subject pronoun is the subject of (a conjunct's or "xcomp"'s own verb), else None."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return pron.head


# "AMMAN, Jordan (Wire) -", "KABUL, Afghanistan (AP) —", "BEIRUT —": a place in capitals, or a place and its
# country, opening the text and closed by a dash or an outlet in brackets.
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]+?)(?:,\s*([A-Z][\w .'-]+?))?\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]")


def dateline_end(text: str) -> int:
    """Where the dateline ends (the dash's position), or -1 when the text opens with none."""
    m = _DATELINE.match(text)
    return m.end() if m else -1


def one_state(counts: Counter[str], dateline: str | None) -> str | None:
    """The entity id of the one state an article is about: the dateline's country, else the country named
    most when it is named at least twice as often as the next one (the measure is the count of mentions of
    its own name); None when the article is about two or more alike."""
    if dateline is not None:
        return dateline
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


_VOICE_PREPS = frozenset({"from", "of", "for"})
_BODY_KINDS = frozenset({"ORG", "GPE", "NORP"})


def _body_named_on(tok_ent: dict[int, Any], noun: Any) -> Any | None:
    """The body a plural or common noun of people is told to belong to: "diplomats from the Group of Seven",
    "ministers of the Arab League", "officials for the agency"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _VOICE_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            ent = tok_ent.get(obj.i) if obj is not None else None
            if ent is not None and ent.kind in _BODY_KINDS:
                return ent
    return None


def voiced_body(tok_ent: dict[int, Any], speaker: Any, reach: int) -> Any | None:
    """The body a quoted "we" speaks for when its speaker is people told by a common noun: the speaker's own
    "from X" ('"We discussed ...," the diplomats said' after "Top diplomats from the Group of Seven"), or that
    of the latest earlier mention of the same noun within `reach` tokens. A named person speaks as themself
    (the caller keeps them); None when no body is told."""
    if speaker is None or speaker.i in tok_ent or speaker.pos_ != "NOUN":
        return None
    own = _body_named_on(tok_ent, speaker)
    if own is not None:
        return own
    lemma = speaker.lemma_.lower()
    for t in reversed(speaker.doc[max(0, speaker.i - reach):speaker.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() == lemma:
            return _body_named_on(tok_ent, t)
    return None
