"""`GroupContext`: which named body a common noun stands for ("the group", "the militants", "the ministry",
"the judge"): the band or organisation named before it, the body named inside its phrase, the country of
a group, a country's representatives as another side. One part of `arguments.ArticleContext`.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..model import Actor, Entity
from .argument_nouns import (
    _BAND_NOUNS,
    _BAND_WORDS,
    _BODY_HEADS,
    _FIGHTER_NOUNS,
    _GENERIC_ORG_NOUNS,
    _ORG_HEADS,
    _OTHER_SIDE_PREPS,
    _PRONOUN_REACH,
    NOT_PARTICIPANT,
    _common_noun_actor,
    _represents_owner,
)
from .context_index import ContextIndex
from .gazetteer import gazetteer


class GroupContext(ContextIndex):
    """Named bodies behind common nouns."""


    def _other_party_here(self, tok: Any, ent: Entity) -> bool:
        """Is the country named in the anaphor's own sentence as someone else's party: the object of a verb or
        of "from", "to", "with", "against", "on" ("the government would ban imports of poultry from Brazil",
        "the government summoned Brazil's envoy"), or the subject of another clause ("the ministry said Azeri
        troops had violated ...")? A writer meaning that country's government would not write "the
        government" and then name the country as the other side."""
        for t in tok.sent:
            if t.i == tok.i or self.tok_ent.get(t.i) is not ent:
                continue
            head = t
            while head.dep_ in ("compound", "poss", "amod", "nmod") and head.head != head:
                if head.dep_ == "poss" and not _represents_owner(head.head):
                    break  # "sent troops to Nigeria's northeast", "Kenya's families": the country's own
                head = head.head  # "Brazil's envoy", "Brazilian poultry": the phrase the name is in
            if head.dep_ == "poss":
                continue
            if head.dep_ in ("dobj", "dative") or head.dep_ == "pobj" and head.head.lower_ in _OTHER_SIDE_PREPS:
                return True
            if head.dep_ in ("nsubj", "nsubjpass") and head.head != tok.head:
                return True  # "the ministry said Azeri troops had violated ...": they act in another clause
        return False


    def _named_body_inside(self, tok: Any) -> Entity | None:
        """A body noun whose compound names an organisation stands for it: "the al-Qaeda terror network",
        "the Hamas movement" (not "the Hamas leader": a person of it, not the body)."""
        if tok.lemma_.lower() not in _BODY_HEADS | {"network", "militia", "faction", "organisation", "wing"}:
            return None
        for c in tok.children:
            ent = self.tok_ent.get(c.i)
            if c.dep_ in ("compound", "poss") and ent is not None and ent.kind == "ORG":
                return ent
            if c.dep_ == "compound":  # "al-Qaeda terror network": the name sits on the nearer compound
                for g in c.children:
                    ent = self.tok_ent.get(g.i)
                    if g.dep_ in ("compound", "poss") and ent is not None and ent.kind == "ORG":
                        return ent
        return None


    def _country_of_group(self, tok: Any) -> str | None:
        """The side of a group with no country word before it: "Rebels in the Ivory Coast", "security
        forces in Guinea" (a country, not a town, after "in"), "Vietnamese-led forces". Fusion and
        conflicts tell sides apart by country, so two groups of two countries stay two happenings."""
        gaz = gazetteer()
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_.endswith("-led"):
                iso = gaz.country_of_any(c.text[:-4])
                if iso:
                    return iso
            if c.dep_ == "amod" and c.lower_ == "led" and c.i > 1 and self.doc[c.i - 1].text == "-":
                iso = gaz.country_of_any(self.doc[c.i - 2].text)
                if iso:
                    return iso
            if c.dep_ == "prep" and c.lower_ in ("in", "from", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                ent = self.tok_ent.get(obj.i) if obj is not None else None
                if ent is not None and ent.kind == "GPE" and ent.country and \
                        ent.name == gaz.country_name(ent.country):
                    return ent.country
        return None


    def _titled_person_before(self, i: int, role: str) -> Entity | None:
        """The last person named before token `i` with this title ("Judge Ana Ruiz", "Ruiz, the judge")."""
        k = bisect.bisect_left(self._person_pos, i)
        while k > 0:
            pos, ent = self._person_pos[k - 1], self._persons[k - 1]
            if i - pos > _PRONOUN_REACH:
                return None
            near = {t.lemma_.lower() for t in self.doc[max(0, pos - 3):pos]}
            root = self._person_root.get(pos)
            if root is not None:
                near |= {t.lemma_.lower() for c in root.children if c.dep_ in ("appos", "compound")
                         for t in c.subtree}
            if role in near or role in " ".join(ent.titles).lower().split():
                return ent
            k -= 1
        return None


    def _armed_group_before(self, tok: Any) -> Entity | None:
        """ "Al-Shabab fighters stormed a hotel. The militants killed six guards": a bare plural "the militants"
        / "the rebels" is the armed group the article told as such before ("X fighters", "the rebel group X",
        "X, a jihadist movement"), within a pronoun's reach, when it told only one: with two such groups named,
        or none, the noun stays as written ("the militants" of an article on two rival factions are either)."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in _FIGHTER_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("amod", "compound", "prep", "poss", "nmod", "appos") for c in tok.children):
            return None
        told: dict[str, Entity] = {}
        for t in self.doc[max(0, tok.i - _PRONOUN_REACH):tok.i]:
            if t.lemma_.lower() in _FIGHTER_NOUNS:
                told.update((e.id, e) for e in self._fighters_named(t))
        return next(iter(told.values())) if len(told) == 1 else None


    def _fighters_named(self, t: Any) -> list[Entity]:
        """The names a word for fighters is told of: "al-Shabab militants", "the rebel group M23", "al-Shabab,
        the Somali insurgents". A country or a people ("Syrian rebels", "Kurdish fighters") is no group."""
        names = [c for c in t.children if c.dep_ in ("compound", "nmod", "appos", "poss")]
        if t.dep_ in ("amod", "compound"):
            names += [t.head, *(c for c in t.head.children if c.dep_ in ("appos", "compound", "nmod") and c != t)]
        if t.dep_ == "appos":
            names.append(t.head)
        ents = [self.tok_ent[c.i] for c in names if c.i in self.tok_ent]
        return [e for e in ents if e.kind not in ("GPE", "NORP") and e.kind not in NOT_PARTICIPANT]


    def _named_body_before(self, tok: Any) -> Actor | None:
        """ "The organisation also urged ...", "the coalition demanded ...": a bare "the X" after a body acted
        under a name the entity extractor did not keep ("Rights Watch International ... The organisation"),
        the latest actor, when it is a capitalised name that is no person or place and, for a head word
        other than a generic one, carries that word ("the coalition" after "The Coalition for Safe Water")."""
        low = tok.lower_
        last = self.last_subject
        if low not in _GENERIC_ORG_NOUNS | _ORG_HEADS | _BAND_NOUNS or tok.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("amod", "compound", "prep", "poss", "nmod") for c in tok.children):
            return None
        if low in _BAND_NOUNS:
            band = self._band_told_before(tok)
            if band is not None:
                return band
        if last is None or _common_noun_actor(last):
            # "Police arrested two members of the Red Hand gang. The group attacked ...": a common noun
            # capitalised at the start of a sentence is no name, and police are not what "the group" means
            return self._named_group_before(tok) if low in _BAND_NOUNS else None
        if low not in _GENERIC_ORG_NOUNS | _ORG_HEADS or last.kind not in (None, "ORG") or \
                not last.name[:1].isupper() or last.name.lower() == low:
            return None
        words = (last.text or last.name).lower().split()
        if low not in _GENERIC_ORG_NOUNS and low not in words:
            return None
        return last


    def _band_told_before(self, tok: Any) -> Actor | None:
        """ "The agency broke up a terrorist cell calling itself X. Authorities said the group was making bombs":
        "the group" / "the gang" is a band of people the sentence before (or its own, before it) told by a word
        for a band ("a terrorist cell", "an armed gang"), the nearest one; the body that acted on the band, the
        last subject, is no band. The word "group" itself says too little ("a group of experts") to count."""
        first = tok.sent.start
        if first > 0:
            first = self.doc[first - 1].sent.start
        for t in reversed(self.doc[first:tok.i]):
            if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in _BAND_WORDS and \
                    t.i not in self.tok_ent and t.dep_ not in ("compound", "poss") and \
                    any(c.dep_ in ("amod", "compound", "acl", "relcl") for c in t.children):
                return Actor(name=self.core_name(t), text=self.np_text(t))
        return None


    def _named_group_before(self, tok: Any) -> Actor | None:
        """A bare "the group" / "the gang" after a named band of people told by a common noun ("members of the
        Red Hand gang", "the Nightcrawlers crew"): the nearest such phrase within a pronoun's reach, however
        many sentences that spans (a raid told in between leaves "the group" the gang's)."""
        start = max(0, tok.i - _PRONOUN_REACH)
        for t in reversed(self.doc[start:tok.i]):
            if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in _BAND_NOUNS and t.i not in self.tok_ent \
                    and any(c.dep_ in ("compound", "amod") and any(x.pos_ == "PROPN" or x.is_title and
                                                                   x.i != x.sent.start for x in c.subtree)
                            for c in t.children):
                return Actor(name=self.core_name(t), text=self.np_text(t))
        return None
