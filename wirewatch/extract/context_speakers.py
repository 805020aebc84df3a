"""`SpeakerContext`: who speaks in a saying clause ("a spokesman said", "the ministry's statement said"): the
speaker phrase, the body a spokesman speaks for, a quotation's span and its speaker, the described group
("the militant group"). One part of `arguments.ArticleContext`, kept apart so the speaker rules read in one
place.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..model import Entity
from .argument_nouns import (
    _BODY_HEADS,
    _DESCRIBED_HEADS,
    _GENERIC_ORG_NOUNS,
    _OPENING,
    _ORG_HEADS,
    _PRONOUN_GENDER,
    _PRONOUN_REACH,
    _SUBJ,
    QUOTES,
    SPEAKER_NOUNS,
    _is_outlet,
    _named_as_body,
)
from .context_index import ContextIndex
from .entities import person_gender
from .gazetteer import gazetteer
from .reported_speaker import fronted_report_speaker


class SpeakerContext(ContextIndex):
    """Speakers of saying clauses and quotations."""


    def speaker_phrase(self, tok: Any) -> Any | None:
        """The words naming whom a spokesperson speaks for: the object of "for" / "of", the possessor
        ("the ministry's spokeswoman") or a name compounded before it ("a Kremlin spokesman")."""
        if tok.lower_ not in SPEAKER_NOUNS:
            return None
        if self._bare_the(tok):
            earlier = self._earlier_speaker(tok)
            return self.speaker_phrase(earlier) if earlier is not None else None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
            if c.dep_ in ("poss", "nmod") and c.pos_ in ("NOUN", "PROPN") or \
                    c.dep_ == "compound" and c.i in self.tok_ent:
                return c
        return None


    @staticmethod
    def _bare_the(tok: Any) -> bool:
        """ "the spokesman" with nothing else before or after it ("chief" and "senior" aside)."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
            c.dep_ in ("poss", "compound", "nmod", "prep", "appos") or
            c.dep_ == "amod" and c.lower_ not in ("chief", "senior", "deputy", "top") for c in tok.children)


    def _earlier_speaker(self, tok: Any) -> Any | None:
        """The spokesperson told of before a bare "the spokesperson" (within the reach of a pronoun)."""
        for t in reversed(self.doc[max(0, tok.i - _PRONOUN_REACH):tok.i]):
            if t.lower_ in SPEAKER_NOUNS and not self._bare_the(t):
                return t
        return None


    @staticmethod
    def _in_quotation(tok: Any) -> bool:
        """Inside quotation marks: an odd number of them before the token in its sentence, or a sentence
        that goes on with a quotation the one before left open."""
        sent = tok.sent
        before = sum(1 for t in sent if t.i < tok.i and t.text in QUOTES)
        if before % 2 == 1:
            return True
        if before or sent.start == 0:
            return False
        # The quotation the sentence before left open goes on up to this sentence's first mark, which closes
        # it ('"If they approach us positively, we will react positively. But if not, then we will
        # retaliate."'), unless that mark opens a quotation.
        prev = tok.doc[sent.start - 1].sent
        first = next((t for t in sent if t.text in QUOTES), None)
        return sum(1 for t in prev if t.text in QUOTES) % 2 == 1 and (first is None or first.text not in _OPENING)


    @staticmethod
    def _quoted(tok: Any) -> bool:
        return sum(1 for t in tok.sent if t.i < tok.i and t.text in QUOTES) % 2 == 1


    def speaker_body(self, tok: Any) -> Entity | None:
        """The body a spokesperson speaks for: "a spokesperson for North Korea's Foreign Ministry", "the
        ministry's spokeswoman", "a Kremlin spokesman"; a bare "the spokesman" the body named last before (an
        organisation, else a country; not an outlet, nor one the speaker talks to: "told Reuters"). "A
        spokesman" alone is someone not yet told of. A speaker named in apposition is left to the caller
        ("spokesman Vedant Patel" is that person)."""
        if tok.lower_ not in SPEAKER_NOUNS or tok.i in self.tok_ent:
            return None
        if self._bare_the(tok):
            earlier = self._earlier_speaker(tok)
            if earlier is not None:  # "a State Department spokesperson told VOA ... said the spokesperson"
                return self.speaker_body(earlier)
        phrase = self.speaker_phrase(tok)
        if phrase is not None:
            ent = self.tok_ent.get(phrase.i) or self._described(phrase)
            return ent if ent is not None and ent.kind in ("ORG", "GPE", "NORP") else None
        if not self._bare_the(tok):
            return None  # "a police spokesman", "the rebel spokesman": not the body named before
        k = bisect.bisect_left([b[0] for b in self._bodies], tok.i)
        fallback = None
        for pos, ent in reversed(self._bodies[:k]):
            if tok.i - pos > _PRONOUN_REACH:
                break
            root = self.doc[pos]
            if root.sent == tok.sent and (root.dep_ in ("pobj", "dobj", "dative") and
                                          root.head.lemma_.lower() in ("tell", "to") or self._quoted(root)):
                continue  # "the spokesman told Reuters": the one spoken to; a body the quotation names
            if ent.kind == "ORG" and not _is_outlet(ent):
                return ent
            if fallback is None and ent.kind == "GPE" and ent.country and \
                    ent.name == gazetteer().country_name(ent.country):
                fallback = ent
        return fallback


    def _described(self, tok: Any) -> Entity | None:
        """A definite description of a body named before: "the ministry" (the last "... Ministry"), "the
        agency", "the North" (North Korea, when the article names it), "the group" / "the militant group" /
        "the company" (the organisation named before, one that acted as a subject first: "Veltron sued its rival
        Quasar. The company said ..." is Veltron). Only a singular "the X" with no name, country or "other"
        before it: "the defence ministry of Chad", "a ministry", "the rival company", "the groups" say
        something else."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS") or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        low = tok.lower_
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "prep", "poss", "nmod")]
        if mods and (low not in _DESCRIBED_HEADS or not all(self._plain_modifier(c) for c in mods)):
            return None
        k = bisect.bisect_left([b[0] for b in self._bodies], tok.i)
        for _, ent in reversed(self._bodies[:k]):
            words = ent.name.lower().split()
            if low in ("north", "south") and ent.kind == "GPE" and ent.country and words[0] == low and len(words) > 1:
                return ent  # "the North" after "North Korea"
            if (ent.kind == "ORG" or _named_as_body(ent)) and len(words) > 1 and low in _BODY_HEADS | _ORG_HEADS and \
                    (words[-1] == low or low in ("coalition", "alliance", "federation", "association")
                     and low in words):
                return ent  # "the ministry" after "Egypt's Foreign Ministry", "the coalition" after "Coalition for X"
        if low in _GENERIC_ORG_NOUNS or low in _DESCRIBED_HEADS and mods:
            # "the organisation", "the group" in a release or a wire story: the organisation named before,
            # the latest that was a subject (the one the story follows) before the latest named at all
            near = [(pos, ent) for pos, ent in reversed(self._bodies[:k])
                    if (ent.kind == "ORG" or _named_as_body(ent) or ent.id in self._bodies_named)
                    and tok.i - pos <= _PRONOUN_REACH
                    and not _is_outlet(ent)]
            subj = next((ent for pos, ent in near if self._was_subject(pos)), None)
            return subj or (near[0][1] if near else None)
        return None


    def _plain_modifier(self, c: Any) -> bool:
        """A describing word of a body ("militant", "armed", "ruling", "tech") that names no one else: no
        entity, no country, no "other", "rival" or "new"."""
        return c.dep_ in ("amod", "compound") and c.i not in self.tok_ent and c.text.islower() and \
            c.lower_ not in ("other", "another", "rival", "new", "second", "parent", "sister", "opposition",
                             "former", "same", "local", "foreign", "state") and \
            gazetteer().country_of_any(c.text) is None and not any(True for _ in c.children)


    def _was_subject(self, pos: int) -> bool:
        s, e = self.ent_span.get(pos, (pos, pos + 1))
        root = self.doc[s:e].root
        return root.dep_ in ("nsubj", "nsubjpass") or root.dep_ in ("compound", "appos") and root.head.dep_ in (
            "nsubj", "nsubjpass")  # "The Islamist militant group al-Shabab claimed ..."


    def reported_speaker(self, pron: Any) -> Any | None:
        """The subject of the verb of saying whose reported clause a subject pronoun stands in, or None."""
        return self._speaker(pron)


    def _speaker(self, pron: Any) -> Any | None:
        """ "X said he/it/they will ...": a subject pronoun of reported speech is the speaker."""
        if pron.dep_ == "poss" and pron.lower_ in ("its", "their", "his", "her") and \
                pron.head.dep_ in ("nsubj", "nsubjpass"):
            pron_clause = pron.head.head  # "The Houthis said their forces had targeted ...": the speaker's forces
        elif pron.dep_ in ("nsubj", "nsubjpass"):
            pron_clause = pron.head
        else:
            return None
        clause = pron_clause
        while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head == clause:
            return None
        subj = next((c for c in clause.head.children if c.dep_ in _SUBJ), None)
        if subj is None or subj.pos_ == "PRON" or subj.i in self.tok_ent and \
                self.tok_ent[subj.i].kind not in ("PERSON", "ORG", "GPE", "NORP"):
            return None
        if pron.lower_ in ("he", "she") and subj.i in self.tok_ent and self.tok_ent[subj.i].kind != "PERSON":
            return None
        if pron.lower_ in _PRONOUN_GENDER and fronted_report_speaker(pron) is not None:
            return None  # "He shot the clerk, Moss said": a person telling their own deed says "I"
        if pron.lower_ in _PRONOUN_GENDER and subj.i in self.tok_ent and \
                person_gender(self.tok_ent[subj.i]) not in (None, _PRONOUN_GENDER[pron.lower_]):
            return None  # "Reyes said he ...": he is not Monica Reyes
        lo, hi = sorted((pron.i, clause.head.i))
        if any(t.text in ('"', "\u201c", "\u201d") for t in pron.doc[lo:hi]):
            return None  # '"He will be charged," Reyes said': inside the quotation "he" is someone else
        return subj
