"""One entity across articles: which stored entities are the same real-world entity.

Within an article the entities component resolves short forms to the full name it has seen there. Across
articles the stable id (kind + folded name) unites only identical names; this module finds the rest, from
the entities alone (no text needed), so that the store can merge them after a run:

- one name, several kinds: NER called "G7" an ORG in two reports and a LOC in a third; names the gazetteer
  does not know get the kind most articles gave them (a multi-word name leans to PERSON on a tie, a single
  word away from it);
- a name without middle initials or "Jr." is the one person named with them that fits it; names with
  different initials or suffixes ("George H. W. Bush" / "George W. Bush") are two people;
- "Justice Department" / "Department of Justice" are one body of one country;
- a bare surname ("Biden" in a report that never gives the full name) is the one person of that surname
  named in full in another report - only when exactly one such person is known;
- a bare institution ("Congress") is the one organisation named with a country qualifier ("U.S. Congress");
  a multi-word one ("Meteorological Agency" of "Japan's Meteorological Agency") only with the same country;
- a misspelt full name ("Malie Joly", "Mevlut Cavusolgu") is the full name it differs from by one word that
  is nearly the same (same first letter, similarity >= 80, or >= 70 for two romanisations with the same
  consonants and vowels of the same class: "Ismail Haniyeh" / "Ismail Haniya", not "Hassan" / "Hussain"),
  the better attested spelling wins - unless the two look
  like two people (`_different_people`: "Hamid" and "Hamad" are both given names, "Mohammed" and "Mohammad"
  one name spelt two ways; other countries or roles; one letter swapped in a short word), which only one
  role and one country overrule.

`canonical_ids` returns old id -> canonical id; `merge_into` applies that to entity objects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Entity
from .entity_gender import given_name_gender
from .entity_names import core_words, name_key, name_words, short_forms
from .entity_transliteration import _initial, transliterations
from .entity_union import _absorb
from .entity_words import any_countrys_body, generic_institution
from .gazetteer import gazetteer

if TYPE_CHECKING:
    from ..store.db import Store

_NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
# Tie-break order for one name NER labelled differently in different articles.
_ONE_WORD_ORDER = ("ORG", "GPE", "LOC", "FAC", "NORP", "PERSON")
_MULTI_WORD_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_MIN_SIMILARITY = 80.0
_MIN_SIMILARITY_SAME_ROLE = 60.0
# Two romanisations of one name ("Haniyeh" / "Haniya"): the same consonants (`transliterations`) and this
# close; "Hassan" / "Hussein" (62) are two names.
_MIN_SIMILARITY_TRANSLITERATED = 70.0
_COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})


def _roles(e: Entity) -> set[str]:
    """Titles that say what someone does ("foreign minister"), not courtesy titles."""
    return {t.lower() for t in e.titles if t.lower() not in _COURTESY}


def _gazetteer_place(e: Entity) -> bool:
    """Known to the gazetteer (a country or a city with coordinates): its kind is never in doubt."""
    return e.lat is not None or (e.kind == "GPE" and e.country is not None and
                                 gazetteer().country_of_name(e.name) == e.country)


def _words(name: str) -> list[str]:
    """Folded words of a name; a hyphenated surname ("Varga-Holm") stays one word."""
    return [k for w in name.split() if (k := name_key(w))]


def _acronym_like(s: str) -> bool:
    """ "IAEA", "U.N.", "G7", "3R": capitals (and digits), no lower-case letter."""
    t = s.replace(".", "")
    return 2 <= len(t) <= 8 and t.isalnum() and t.upper() == t and any(c.isalpha() for c in t)


_LEGAL_SUFFIXES = ("co", "inc", "corp", "corporation", "ltd", "llc", "plc", "company", "incorporated")


def _without_legal_suffix(key: str) -> str:
    """ "brightline-glass-co" -> "brightline-glass" (a company's legal form is no part of who it is)."""
    head, _, last = key.rpartition("-")
    return head if head and last in _LEGAL_SUFFIXES else key


def _person_evidence(e: Entity) -> bool:
    """A PERSON entity that is a person, not a company's name NER took for one: it has a role, or its first
    word is a given name ("Walt Disney"; not "Brightline Glass")."""

    words = e.name.split()
    return bool(_roles(e)) or (len(words) >= 2 and given_name_gender(words[0]) is not None)


def canonical_ids(entities: Iterable[Entity], focus: set[str] | None = None) -> dict[str, str]:
    """old id -> canonical id for the entities that are one with another (see module doc). `focus`: the
    ids of a run's entities, when the others were merged among themselves before (the scoped merge)."""
    ents = {e.id: e for e in entities if e.kind in _NAMED}
    mapping: dict[str, str] = {}

    def weight(e: Entity) -> tuple[int, int, str]:
        return len(e.articles), len(e.aliases), e.id

    def target(eid: str) -> str:
        while eid in mapping:
            eid = mapping[eid]
        return eid

    # surnames of the people named in full: "Rashidov" NER called an ORG somewhere is still Akmal Rashidov
    surnames = {name_key(f) for e in ents.values() if e.kind == "PERSON" and len(_words(e.name)) >= 2
                for f in short_forms(name_words(e.name))[1:]}

    # 1. one name, several kinds
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for e in ents.values():
        if not _gazetteer_place(e):
            by_key[_without_legal_suffix(name_key(e.name))].append(e)
    for group in by_key.values():
        if len({e.kind for e in group}) < 2 and len({e.name for e in group}) < 2:
            continue
        if any(_without_legal_suffix(name_key(e.name)) != name_key(e.name) for e in group):
            # "Brightline Glass Co." in one report, "Brightline Glass" (NER: a person) in another: a company -
            # but "Walt Disney" with a given name or a role is the man the "Walt Disney Co." is named after
            keep = max((e for e in group if e.kind == "ORG"), key=weight, default=None)
            if keep is not None:
                for e in group:
                    if e.id != keep.id and not (e.kind == "PERSON" and _person_evidence(e)):
                        mapping[e.id] = keep.id
            continue
        if len({e.kind for e in group}) < 2:
            continue
        one_word = " " not in group[0].name.strip()
        order = _ONE_WORD_ORDER if one_word and name_key(group[0].name) not in surnames else _MULTI_WORD_ORDER
        votes: dict[str, int] = defaultdict(int)
        for e in group:
            votes[e.kind] += len(e.articles) or 1
        kind = max(votes, key=lambda k: (votes[k], -order.index(k)))
        if one_word and "PERSON" in votes and name_key(group[0].name) in surnames:
            kind = "PERSON"  # a person's surname somewhere labelled otherwise; rule 2 then finds the full name
        keep = max((e for e in group if e.kind == kind), key=weight)
        for e in group:
            if e.id != keep.id:
                mapping[e.id] = keep.id

    # 1b. one person with and without a middle initial or "Jr." ("Lamar J. Whitfield Jr." / "Lamar Whitfield").
    # Names that both carry initials or suffixes are one person only when those are the same: "George H. W.
    # Bush" and "George W. Bush", a "Jr." and a "Sr.", are two people. A name without any joins one with them
    # only when exactly one such person fits it (no shared report - there the extractor kept them apart - no
    # other country, no contradicting role), so that which report came first decides nothing.
    by_core: dict[str, list[Entity]] = defaultdict(list)
    for e in ents.values():
        if e.kind == "PERSON" and e.id not in mapping and len(_words(e.name)) >= 2:
            by_core["-".join(name_key(w) for w in core_words(name_words(e.name)))].append(e)
    for group in by_core.values():
        if len(group) < 2:
            continue
        by_extras: dict[frozenset[str], list[Entity]] = defaultdict(list)
        for e in group:
            by_extras[_name_extras(e.name)].append(e)
        keeps = {x: max(same, key=weight) for x, same in by_extras.items()}
        for x, same in by_extras.items():
            for e in same:
                if e.id != keeps[x].id:
                    mapping[e.id] = keeps[x].id
        for bare in by_extras.get(frozenset(), []):
            fits = [x for x, same in by_extras.items() if x and all(_may_be_one(bare, o) for o in same)]
            if len(fits) == 1:
                mapping[target(bare.id)] = keeps[fits[0]].id

    # 1c. "Department of Justice" / "Justice Department", "Ministry of Energy" / "Energy Ministry": one body
    # of one country (Australia's Department of Veterans' Affairs is not the American one); a body no report
    # placed joins the one country's that has it, an institution every country has never (rule 3 says why)
    by_body: dict[str, dict[str | None, list[Entity]]] = defaultdict(lambda: defaultdict(list))
    for e in ents.values():
        if e.kind == "ORG" and e.id not in mapping and (key := _body_key(e)) is not None:
            by_body[key][e.country].append(e)
    for by_country in by_body.values():
        placed = [c for c in by_country if c is not None]
        if len(placed) == 1 and None in by_country and not generic_institution(by_country[None][0].name):
            by_country[placed[0]].extend(by_country.pop(None))
        for group in by_country.values():
            if len({e.id for e in group}) > 1 and len({name_key(e.name) for e in group}) > 1:
                keep = max(group, key=weight)
                for e in group:
                    if e.id != keep.id:
                        mapping[e.id] = keep.id

    live = [e for e in ents.values() if e.id not in mapping]
    # 2. a bare surname -> the one person of that surname named in full
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for e in live:
        if e.kind == "PERSON" and len(_words(e.name)) >= 2:
            for form in short_forms(name_words(e.name))[1:]:
                full_by_last[name_key(form)].add(e.id)
    # 3. a bare institution -> the one organisation named with a country qualifier
    qualified: dict[str, set[str]] = defaultdict(set)
    gaz = gazetteer()
    for e in live:
        parts = e.name.split(maxsplit=1)
        if e.kind == "ORG" and len(parts) == 2 and gaz.country_of_any(parts[0]):
            qualified[name_key(parts[1])].add(e.id)
    by_id = {e.id: e for e in live}
    for e in live:
        if e.lat is not None:
            continue
        if " " in e.name.strip() and e.kind == "ORG" and e.country is None and generic_institution(e.name):
            # a "Defence Ministry" no report placed is any country's: never joined to the one the store knows
            # (the reports' unplaced mentions would all go to it); extraction places it by its report
            continue
        if " " in e.name.strip():
            # "Japan's Meteorological Agency" -> "Japan Meteorological Agency": a multi-word institution only
            # where both carry the same country (a bare "Foreign Ministry" may be any country's)
            owners = qualified.get(name_key(e.name), set()) if e.kind == "ORG" else set()
            # ... but a body no other country has ("Consumer Product Safety Commission") is the qualified
            # one ("U.S. Consumer Product Safety Commission") wherever the report did not place it
            owners = {o for o in owners if o != e.id and (by_id[o].country == e.country or
                                                          e.country is None and not any_countrys_body(e.name))}
        elif e.kind == "PERSON":
            owners = full_by_last.get(name_key(e.name), set())
        elif e.kind == "ORG":
            owners = qualified.get(name_key(e.name), set())
        else:
            continue
        if len(owners) == 1:
            mapping[e.id] = next(iter(owners))

    # 4. a bare acronym ("G7" in a report that never spells it out) -> the one entity another report gave it
    # to; so too a one-word short form another report declared for an organisation ("Comibol")
    acronym_owner: dict[str, set[str]] = defaultdict(set)
    short_owner: dict[str, set[str]] = defaultdict(set)
    for e in live:
        for alias in e.aliases:
            if alias != e.name and _acronym_like(alias):
                acronym_owner[alias.replace(".", "")].add(e.id)
            elif alias != e.name and e.kind == "ORG" and " " in e.name and " " not in alias.strip() and \
                    alias[:1].isupper() and (name_key(alias) != name_key(e.name.split()[0]) or _coined(alias)):
                short_owner[name_key(alias)].add(e.id)  # "Comibol"; "Orbis" of "Orbis Micro" ("Orbis shares")
    for e in live:
        if e.id in mapping or e.kind not in ("ORG", "LOC", "GPE"):
            continue
        if _acronym_like(e.name):
            owners = acronym_owner.get(e.name.replace(".", ""), set()) - {e.id}
        elif e.kind == "ORG" and " " not in e.name.strip() and e.lat is None:
            owners = short_owner.get(name_key(e.name), set()) - {e.id}
        else:
            continue
        if len(owners) == 1:
            mapping[e.id] = next(iter(owners))

    # 5. one misspelt word of a full name. Two names one word apart share every other word, so the first
    # or the last one; the differing words share their first letter. With `focus` (a run's entities), only
    # the pairs with one of them are compared: the stored names were compared with each other before.
    from rapidfuzz.fuzz import ratio

    words = {e.id: _words(e.name) for e in live if e.kind == "PERSON" and e.id not in mapping}
    persons = [e for e in live if e.id in words and len(words[e.id]) >= 2]
    by_shape: dict[tuple[int, str, str], list[Entity]] = defaultdict(list)
    for e in persons:
        w = words[e.id]
        by_shape[(len(w), w[0], _initial(w[-1]))].append(e)
        by_shape[(len(w), "~" + w[-1], _initial(w[0]))].append(e)
    for group in by_shape.values():
        if len(group) < 2:
            continue
        group.sort(key=weight, reverse=True)
        if focus is None:
            pairs: Iterable[tuple[int, int]] = ((i, j) for i in range(len(group)) for j in range(i + 1, len(group)))
        else:
            mine = [i for i, e in enumerate(group) if e.id in focus]
            pairs = sorted({(min(i, j), max(i, j)) for i in mine for j in range(len(group)) if j != i})
        for i, j in pairs:
            a, b = group[i], group[j]
            if target(a.id) == target(b.id):
                continue
            wa, wb = words[a.id], words[b.id]
            diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
            if len(diff) != 1 or min(len(diff[0][0]), len(diff[0][1])) < 4 or \
                    _initial(diff[0][0]) != _initial(diff[0][1]):
                continue
            # the same role and country vouch for a looser spelling ("Malie" / "Melanie" Joly, both
            # Canada's foreign minister)
            same_role = bool(_roles(a) & _roles(b)) and a.country is not None and a.country == b.country
            close = ratio(*diff[0])
            if close < (_MIN_SIMILARITY_SAME_ROLE if same_role else _MIN_SIMILARITY) and \
                    not (close >= _MIN_SIMILARITY_TRANSLITERATED and transliterations(*diff[0])):
                continue
            if not same_role and _different_people(a, b, wa, wb, diff[0]):
                continue
            mapping[target(b.id)] = target(a.id)
    return {old: target(old) for old in mapping if target(old) != old}


_BODY_HEADS = ("department", "ministry", "office", "bureau", "agency")


def uninverted(key: str) -> str:
    """ "u-s-department-of-justice" -> "u-s-justice-department": the "X of Y" form of a body's name folded to
    its "Y X" form (one to three words of Y, no "and")."""
    words = key.split("-")
    for i, w in enumerate(words[:-2]):
        rest = words[i + 2:]
        if w in _BODY_HEADS and words[i + 1] == "of" and 1 <= len(rest) <= 3 and "and" not in rest:
            return "-".join(words[:i] + rest + [w])
    return key


def inverted(key: str) -> set[str]:
    """ "justice-department" -> {"department-of-justice"}: the "X of Y" forms a "Y X" body name may have been
    stored under (`uninverted` folded back; one to three words of Y, any words before them kept)."""
    words = key.split("-")
    if len(words) < 2 or words[-1] not in _BODY_HEADS:
        return set()
    return {"-".join(words[:-1 - n] + [words[-1], "of"] + words[-1 - n:-1])
            for n in range(1, min(3, len(words) - 1) + 1)}


def _body_key(e: Entity) -> str | None:
    """The folded "Y X" name of a body named "X of Y" or "Y X" (None for other names); the entity's country
    keys it too (step 1c)."""
    key = name_key(e.name)
    body = uninverted(key)
    if body == key and key.split("-")[-1] not in _BODY_HEADS:
        return None
    return body


def _coined(word: str) -> bool:
    """A made-up word, not a dictionary noun nor a place ("Orbis", "Vantor"; not "United", "Pacific",
    "Korean"): a company's first word used alone names that company. Words of three letters or fewer
    ("Dow", "St", "Big") and the openers of many names (lexicon `name_openers`: "New", "Los", "Deutsche")
    are too common to."""
    from .lexicon import lexicon
    from .wordclass import classes

    gaz = gazetteer()
    w = word.lower().rstrip(".")
    if len(w) <= 3 or w in lexicon()["name_openers"]:
        return False
    # nouns and verbs in WordNet's table, with a plural or past-tense ending off ("united" of "unite")
    forms = {w} | ({w[:-1]} if w.endswith(("s", "d")) else set()) | ({w[:-2]} if w.endswith(("ed", "es")) else set())
    dictionary = any(classes(form, pos) for form in forms - {""} for pos in ("n", "v"))
    adjective = w.endswith(("al", "ed", "ic", "ive", "ous", "ern", "en", "ian", "ish"))  # "Global", "Allied"
    return not dictionary and not adjective and gaz.country_of_any(word) is None and gaz.city(word) is None and \
        gaz.country_of_region(word) is None and not _acronym_like(word)


def _may_be_one(a: Entity, b: Entity) -> bool:
    """Nothing says these two are different people: no report names both (the extractor kept them apart
    there), the countries agree where both are known, and the titles too where both have some ("Dr." and
    "county commissioner" are two people; "former county commissioner" is the county commissioner)."""
    if set(a.articles) & set(b.articles) or a.country and b.country and a.country != b.country:
        return False
    ta, tb = _plain_titles(a), _plain_titles(b)
    return not (ta and tb and not ta & tb)


_TIME_WORDS = re.compile(r"^(?:former|ex-|then-|acting|retired|late)\s*", re.I)


def _plain_titles(e: Entity) -> set[str]:
    """A person's titles without a courtesy title of gender only, or the time word before one."""
    out = {_TIME_WORDS.sub("", t.lower()).strip() for t in e.titles}
    return {t for t in out if t and t.rstrip(".") not in {"mr", "mrs", "ms", "miss"}}


def _name_extras(name: str) -> frozenset[str]:
    """The middle initials and generational suffix of a name ("Lamar J. Whitfield Jr." -> {j, jr})."""
    words = name_words(name)
    core = set(core_words(words))
    return frozenset(w.rstrip(".").lower() for w in words if w not in core)


def _different_people(a: Entity, b: Entity, wa: list[str], wb: list[str], diff: tuple[str, str]) -> bool:
    """Two spellings one word apart that are still two people: both spellings are given names in their own
    right ("Hamid" / "Hamad", "Mario" / "Maria"), the countries or roles the reports give disagree, or the
    word is short enough that one letter makes another name ("Omar" / "Omer")."""

    x, y = diff
    gx, gy = given_name_gender(x), given_name_gender(y)
    if wa.index(x) == 0 and gx is not None and gy is not None and not (
            gx == gy and min(len(x), len(y)) >= 6 and transliterations(x, y)):
        return True  # "Mohammed" / "Mohammad" are one name spelt two ways; "Hamid" / "Hamad" two names
    if a.country and b.country and a.country != b.country:
        return True
    ra, rb = _roles(a), _roles(b)
    if ra and rb and not ra & rb and not transliterations(x, y):
        return True  # two outlets word one man's role differently ("Hamas leader", "senior Hamas official")
    return min(len(x), len(y)) < 6 and len(x) == len(y)  # a substitution in a short word is another name


def merge_into(entities: Iterable[Entity], mapping: dict[str, str]) -> list[Entity]:
    """The entities after `mapping`: each merged one's aliases, titles and articles moved to its target."""
    by_id = {e.id: e for e in entities}
    for old, new in mapping.items():
        if old in by_id and new in by_id and old != new:
            _absorb(by_id[new], by_id[old])
    return [e for eid, e in by_id.items() if eid not in mapping]


def _candidate_keys(run: Iterable[Entity]) -> dict[str, set[str]]:
    """What the stored entities that could be one with these must share with them (store/entity_merges.py):
    the same folded name, alias or name less its legal suffix under another kind (rules 1, 4), a first
    word (rule 5) or a last word (rules 2, 3, 5), or a mention text equal to a bare acronym or a one-word
    short form the run declares (rule 4)."""
    ids: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    texts: set[str] = set()
    for e in run:
        if e.kind not in _NAMED:
            continue
        # every name the run gives it: the stored entity may be a short form it declares ("Comibol" stored
        # before "Corporacion Minera de Bolivia (Comibol)"), or the name less or plus its legal suffix
        # ("Brightline Glass" stored before "Brightline Glass Co.", and after)
        keys = {name_key(a) for a in {e.name, *e.aliases}} - {""}
        keys |= {_without_legal_suffix(k) for k in keys} | {uninverted(k) for k in keys}
        keys |= {x for k in list(keys) for x in inverted(k)}  # "Justice Department" / "Department of Justice"
        keys |= {f"{k}-{e.country.lower()}" for k in list(keys) if e.country}  # a generic body's id has its country
        keys |= {f"{k}-{suffix}" for k in list(keys) for suffix in _LEGAL_SUFFIXES}
        ids.update(f"{kind.lower()}:{k}" for k in keys for kind in _NAMED)
        texts.update(a for a in e.aliases if a != e.name and " " not in a.strip())
        words = e.name.split()
        if not words:
            continue
        last.add(words[-1])
        if e.kind == "PERSON" and len(words) >= 2:
            first.add(words[0])
        if _acronym_like(e.name) or e.kind == "ORG" and len(words) == 1:
            texts.update({e.name, e.name.replace(".", "")})
    return {"ids": ids, "first_words": first, "last_words": last, "mention_texts": texts}


def canonicalise(store: Store, article_ids: Iterable[str] | None = None) -> int:
    """Merge the store's entities that are one across articles; returns how many ids were merged away.

    With `article_ids` (a run's reports), only the entities those reports name and the stored entities
    that could be one with them are read (indexed lookups, see `_candidate_keys`); without, all of them."""
    from ..store import entity_merges

    if article_ids is None:
        entity_merges.forget_live(store.conn)
        pool = store.entities()
    else:
        run = store.entities(entity_merges.named_in(store.conn, article_ids))
        if not run:
            return 0
        entity_merges.forget_live(store.conn, [e.id for e in run])
        near = entity_merges.candidates(store.conn, **_candidate_keys(run))
        pool = store.entities(sorted(set(near) | {e.id for e in run}))
    # An entity no stored report names any more (its article was re-extracted) must not pull names in.
    entities = [e for e in pool if e.articles]
    mapping = canonical_ids(entities, None if article_ids is None else {e.id for e in run})
    if not mapping:
        return 0
    touched = set(mapping) | set(mapping.values())
    return store.merge_entities(mapping, merge_into([e for e in entities if e.id in touched], mapping))
