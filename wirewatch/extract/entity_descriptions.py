"""Definite descriptions that name an entity the article named before ("the council" after "the U.N. Security
Council", "the president" after "President Ana Cruz", "Hezbollah, the Iran-backed militant group"): aliases of
the entity, not mentions."""

from __future__ import annotations

from typing import Any

from .entity_aliases import _GROUP_NOUNS, word_positions
from .entity_span import _Span

# Head nouns too loose to name one entity again ("the state" of "Islamic State" is any state).
_LOOSE_HEADS = frozenset({"state", "states", "house", "city", "times", "post", "news", "group", "people"})
_COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom"})


def description_aliases(doc: Any, spans: list[_Span], ids: list[str], countries: set[str],
                        at: dict[str, list[int]] | None = None) -> list[tuple[str, str]]:
    """(description, entity id) for definite descriptions that name an entity the article named before:
    "the council" after "the U.N. Security Council", "the forest" after "Boni Forest" (the description's noun
    is the last word of exactly one multi-word organisation or place named before it), and "the North
    African country" for the article's country (`countries`: ids of country entities) when that country is
    both the one named last before it and the one the article names most. The description becomes an
    alias of the entity, not a mention: it names the entity, it does not change the spans events read."""
    if at is None:
        at = word_positions(doc)
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    demonym = {i for sp in spans if sp.label == "NORP" for i in range(sp.start, sp.end)}  # "the North African"
    heads: list[tuple[int, str, str]] = []  # (end token, folded last word, entity id)
    named: list[tuple[int, str]] = []  # (start token, country entity id)
    for sp, eid in zip(spans, ids, strict=True):
        last = doc[sp.end - 1]
        if sp.label in ("ORG", "LOC", "FAC") and sp.end - sp.start >= 2 and last.is_alpha and \
                last.text[:1].isupper():
            heads.append((sp.end, last.lower_, eid))
        if eid in countries:
            named.append((sp.start, eid))
    counts: dict[str, int] = {}
    for _, eid in named:
        counts[eid] = counts.get(eid, 0) + 1
    top = max(counts.items(), key=lambda kv: kv[1])[0] if counts else None
    if top is not None and sorted(counts.values())[-2:-1] == [counts[top]]:
        top = None  # two countries named as often: no article's country
    out: list[tuple[str, str]] = _appositive_descriptions(doc, spans, ids, demonym, at["the"])
    for tok in (doc[i] for i in at["the"]):
        if tok.lower_ != "the" or tok.i + 1 >= len(doc) or tok.i + 1 in taken and tok.i + 1 not in demonym:
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and (j not in taken or j in demonym) and \
                (doc[j].pos_ in ("ADJ", "PROPN") or doc[j].text == "-") and doc[j].lower_ not in _COUNTRY_NOUNS:
            j += 1
        if j >= len(doc) or j in taken or doc[j].pos_ != "NOUN" or not doc[j].is_lower or \
                j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j + 1].tag_ != "POS":
            continue
        noun = doc[j].lower_
        text = "the " + doc[tok.i + 1:j + 1].text  # "The council" at a sentence start is the same alias
        if noun in _COUNTRY_NOUNS:
            before = [eid for start, eid in named if start < tok.i]
            if top is not None and before and before[-1] == top:
                out.append((text, top))
            continue
        if j != tok.i + 1 or noun in _LOOSE_HEADS or tok.i + 1 in demonym:
            continue  # "the forest", not "the dense forest": a modifier may make it another one
        owners = {eid for end, head, eid in heads if head == noun and end <= tok.i}
        if len(owners) == 1:
            out.append((text, next(iter(owners))))
    return out


# Words that say how a group stands to another ("the rival group", "an allied militia"), not what it is.
_RELATION_WORDS = frozenset({"rival", "allied", "enemy", "opposing", "competing", "other", "partner", "sister",
                             "parent", "affiliated", "same", "another"})


def _appositive_descriptions(doc: Any, spans: list[_Span], ids: list[str], demonym: set[int],
                             the_at: list[int]) -> list[tuple[str, str]]:
    """ "the Syrian Kurdish militia, the YPG," and "Hezbollah, the Iran-backed militant group,": a description
    of a group in apposition to its name is an alias of it, without its article ("Syrian Kurdish militia")."""
    by_start = {sp.start: (sp, eid) for sp, eid in zip(spans, ids, strict=True)}
    by_end = {sp.end: (sp, eid) for sp, eid in zip(spans, ids, strict=True)}
    taken = {i for sp in spans for i in range(sp.start, sp.end)}

    def description(i: int) -> int | None:
        """The end of "the ... <group noun>" starting at token i (after "the"), else None."""
        j = i
        while j < len(doc) and j - i < 5 and (j not in taken or j in demonym or  # "Iran-backed"
                                              j + 1 < len(doc) and doc[j + 1].text == "-") and \
                (doc[j].pos_ in ("ADJ", "PROPN", "VERB") or doc[j].text == "-") and doc[j].lower_ not in _GROUP_NOUNS:
            j += 1
        if j >= len(doc) or j == i or j in taken or doc[j].lower_ not in _GROUP_NOUNS or not doc[j].is_lower:
            return None
        return j + 1

    out: list[tuple[str, str]] = []
    for tok in (doc[i] for i in the_at):
        if tok.lower_ != "the" or tok.i + 2 >= len(doc):
            continue
        end = description(tok.i + 1)
        if end is None or end >= len(doc):
            continue
        text = doc[tok.i + 1:end].text
        if any(t.lower_ in _RELATION_WORDS for t in doc[tok.i + 1:end]):
            continue  # "the rival group, the JNIM": how it stands to another group, not what it is
        # the description, then the name: "the Syrian Kurdish militia, the YPG,"
        k = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        if doc[end].text == "," and k in by_start:
            sp, eid = by_start[k]
            if sp.label in ("ORG", "NORP") and sp.end < len(doc) and doc[sp.end].text in (",", ".", ")", ";"):
                out.append((text, eid))
                continue
        # the name, then the description: "Hezbollah, the Iran-backed militant group,"
        if tok.i >= 2 and doc[tok.i - 1].text == "," and tok.i - 1 in by_end and doc[end].text in (",", ".", ";"):
            sp, eid = by_end[tok.i - 1]
            if sp.label in ("ORG", "NORP"):
                out.append((text, eid))
    return out


# Words a title may carry that a later description drops: "the minister" after "Acting Police Minister X"
# (he holds the office).
_TIME_TITLE_WORDS = frozenset({"then", "acting", "interim", "outgoing"})
# Words that make the rest of a title another office, or one not held now: "Vice President X" and "former
# President Y" are not "the president" (whom the report may never name), only "the vice president", "the
# former president".
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "under", "associate", "lieutenant", "co", "sub",
                           "former", "ex", "late", "retired", "incoming"})


def title_descriptions(doc: Any, spans: list[_Span], ids: list[str], titles: dict[str, list[str]],
                       at: dict[str, list[int]] | None = None) -> list[tuple[str, str]]:
    """(description, person id) for "the president", "the crown prince", "the minister": a definite
    description whose words end the title of exactly one person the article names (`titles`: person id ->
    the titles its mentions carry), named before it. Two people whose titles fit ("President Ana Cruz", "President
    Li Wei" of two states) leave "the president" unresolved, and a title that makes the rest another office
    (`_OTHER_OFFICE`: "Vice President X", "former President Y") fits only its own words ("the vice
    president"); "the president of the council" names another. The description becomes an alias, as
    `description_aliases`' do."""
    if at is None:
        at = word_positions(doc)
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    first_named: dict[str, int] = {}
    for sp, eid in zip(spans, ids, strict=True):
        if eid in titles:
            first_named.setdefault(eid, sp.start)
    fitting: dict[tuple[str, ...], set[str]] = {}
    for eid, ts in titles.items():
        for t in ts:
            words = [w for w in t.lower().replace("-", " ").split() if w not in _TIME_TITLE_WORDS]
            for k in range(1, min(len(words), 3) + 1):
                if not _OTHER_OFFICE & set(words[:-k]):
                    fitting.setdefault(tuple(words[-k:]), set()).add(eid)
    out: list[tuple[str, str]] = []
    for tok in (doc[i] for i in at["the"]):
        if tok.lower_ != "the":
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and j not in taken and doc[j].is_lower and doc[j].is_alpha and \
                doc[j].pos_ in ("NOUN", "ADJ", "PROPN"):
            j += 1
        if j == tok.i + 1 or j < len(doc) and (doc[j].pos_ in ("NOUN", "PROPN") or doc[j].lower_ == "of"):
            continue  # "the president of the council", "the president Trump": another's, or a name follows
        owners = fitting.get(tuple(t.lower_ for t in doc[tok.i + 1:j]), set())
        if len(owners) == 1 and first_named.get(owner := next(iter(owners)), len(doc)) < tok.i:
            out.append(("the " + doc[tok.i + 1:j].text, owner))
    return out
