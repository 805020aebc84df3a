"""`PronounContext`: whom a pronoun or a bare person noun stands for ("he", "she", "the man", "they"): the
person named before it, a clause mate it cannot be, the speaker of the quotation around it, an agreeing
subject. One part of `arguments.ArticleContext`, kept apart because the antecedent rules are many and
only about pronouns.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..model import Actor, Entity
from .argument_nouns import (
    _COLLECTIVE,
    _FIRST_PERSON,
    _NOUN_GENDER,
    _PRONOUN_REACH,
    _ROLE_NOUNS,
    _SUBJ,
    NOT_PARTICIPANT,
    QUOTES,
    _subject_position,
)
from .clause_subjects import subject
from .context_index import ContextIndex
from .entities import person_gender
from .entity_antecedents import (
    acting_verb,
    needs_agent,
    no_agent_noun,
)
from .lexicon import lexicon
from .reported_speaker import fronted_report_speaker


class PronounContext(ContextIndex):
    """Antecedents of pronouns and person nouns."""


    def _person_of_age(self, tok: Any) -> Entity | None:
        """The person "the 27-year-old" describes: the one named before it with that age in apposition, as
        crime and court copy writes it ("Andre Wills, 27, ..."). Only after "the": "a 17-year-old" is new."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        age = next((t.text for t in tok.subtree if t.like_num), None)
        if age is None:
            return None
        k = bisect.bisect_left(self._person_pos, tok.i)
        doc = self.doc
        while k > 0:
            k -= 1
            end = self.ent_span[self._person_pos[k]][1]
            if end + 1 < tok.i and doc[end].text == "," and doc[end + 1].text == age:
                return self._persons[k]
        return None


    def person_before(self, i: int, gender: str | None = None, within: int | None = None,
                      avoid: frozenset[str] = frozenset()) -> Entity | None:
        """The person named last before token `i` whose gender does not contradict `gender` ("he" is
        never Angela Pruitt; "she" never Mr. Gigante); with `within`, only one named that many tokens back;
        never one whose id is in `avoid`."""
        k = bisect.bisect_left(self._person_pos, i)
        while k > 0:
            if within is not None and i - self._person_pos[k - 1] > within:
                return None
            ent = self._persons[k - 1]
            if ent.id not in avoid and (gender is None or person_gender(ent) in (None, gender)):
                return ent
            k -= 1
        return None


    def _clause_mates(self, pron: Any) -> frozenset[str]:
        """The persons named as the other core arguments of the pronoun's own verb. A plain he/him never
        means one of them: "He stabbed Cole" - he is not Cole; "Dunn pulled a knife and stabbed her" - her
        is not Dunn (the subject of coordinated verbs is shared)."""
        if pron.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
            verb = pron.head
        elif pron.dep_ == "pobj" and pron.head.dep_ in ("prep", "dative", "agent"):
            verb = pron.head.head
        else:
            return frozenset()
        if verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        mates = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass", *_SUBJ)]
        mates += [_o for c in verb.children if c.dep_ in ("prep", "agent")
                  for _o in c.children if _o.dep_ == "pobj"]
        if pron.dep_ in ("dobj", "dative") and not any(c.dep_ in _SUBJ for c in verb.children):
            shared = subject(verb)
            if shared is not None:
                mates.append(shared)
        ids = set()
        for t in mates:
            if t.i == pron.i:
                continue
            ent = self.tok_ent.get(t.i)
            if ent is not None and ent.kind == "PERSON":
                ids.add(ent.id)
        return frozenset(ids)


    def _reporter_of(self, pron: Any) -> frozenset[str]:
        """The person who reports, after it, the clause the pronoun is in ("He shot the clerk, Moss said": Moss):
        never the one that he or she means (`reported_speaker`)."""
        spk = fronted_report_speaker(pron)
        if spk is None or spk.pos_ == "PRON":
            return frozenset()
        ids = {self.tok_ent[t.i].id for t in spk.subtree if t.i in self.tok_ent and self.tok_ent[t.i].kind == "PERSON"}
        return frozenset(ids)


    def _quoting_subject(self, pron: Any) -> Any | None:
        """The subject of a verb of saying outside the quotation the first-person pronoun sits in."""
        from .attribution import saying_verbs

        sent = pron.sent
        marks = [t.i for t in sent if t.text in QUOTES]
        if not any(m < pron.i for m in marks):
            return None  # not inside a quotation of this sentence
        says = saying_verbs(claims=False)
        for t in sent:
            inside = sum(1 for m in marks if m < t.i) % 2 == 1
            if t.lemma_.lower() in says and t.pos_ == "VERB" and not inside:
                subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
                if subj is not None and subj.lower_ not in _FIRST_PERSON:
                    return subj
        return None


    def _closing_saying_subject(self, pron: Any) -> tuple[bool, Any | None]:
        """The saying clause right after the quotation mark that closes the quotation the pronoun is in, in
        that mark's sentence ('"We never threatened anyone. We will fight," said lawyer Mark Tobin'): whether
        there is one, and its subject (None when it has none or speaks as "I"/"we")."""
        from .attribution import saying_verbs

        doc = pron.doc
        close = next((t for t in doc[pron.i + 1:] if t.text in QUOTES), None)
        if close is None:
            return False, None
        sent = close.sent
        says = saying_verbs(claims=False)
        for t in doc[close.i + 1:sent.end]:
            if t.text in QUOTES:
                break  # a new quotation opens: no saying clause of this one
            if t.lemma_.lower() in says and t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
                return True, subj if subj is not None and subj.lower_ not in _FIRST_PERSON else None
        return False, None


    def _pronoun_person(self, pron: Any, gender: str) -> Entity | None:
        """The person a he/she means. The nearest agreeing name, unless that name was an object ("shot and
        wounded Officer Dan Pike. He fled ...") and a subject pronoun means the person the story follows:
        then the subject of the sentences in between, followed back through their own subject pronouns."""
        if pron.i in self._pronoun_memo:
            return self._pronoun_memo[pron.i]
        self._pronoun_memo[pron.i] = None  # no cycles
        k = bisect.bisect_left(self._person_pos, pron.i)
        named = self.person_before(pron.i, gender, within=_PRONOUN_REACH)
        if named is not None and pron.dep_ in ("nsubj", "nsubjpass"):
            pos = next((self._person_pos[j] for j in range(k - 1, -1, -1) if self._persons[j] is named), None)
            root = self._person_root.get(pos) if pos is not None else None
            if root is not None and root.sent.start < pron.sent.start and not _subject_position(root):
                sent = pron.doc[pron.sent.start - 1].sent if pron.sent.start > 0 else None
                while sent is not None and sent.start >= root.sent.start:
                    found = None
                    for subj in reversed([t for t in sent if _subject_position(t) and t.pos_ in ("PRON", "PROPN")]):
                        ent = self.tok_ent.get(subj.i)
                        if subj.lower_ == pron.lower_:
                            found = self._pronoun_person(subj, gender)
                        elif ent is not None and ent.kind == "PERSON" and person_gender(ent) in (None, gender):
                            found = ent
                        if found is not None:
                            break
                    if found is not None:
                        named = found
                        break
                    sent = pron.doc[sent.start - 1].sent if sent.start > 0 else None
        mates = self._clause_mates(pron) | self._reporter_of(pron)
        if named is not None and named.id in mates:
            named = self.person_before(pron.i, gender, within=_PRONOUN_REACH, avoid=mates)
        self._pronoun_memo[pron.i] = named
        return named


    def _person_noun_before(self, pron: Any, gender: str) -> Actor | None:
        """The nearest singular person noun before a pronoun, within this sentence and the one before,
        outside the pronoun's own clause, whose gender agrees ("the suspect" / "his wife" for he / she)."""
        from . import wordclass
        from .participants import PARTY_NOUNS

        lex = lexicon()
        people = PARTY_NOUNS | frozenset(lex["human_nouns"]) | _ROLE_NOUNS  # "Qatar's emir said ... he"
        start = max(0, pron.sent.start - 60)
        clause = pron.head
        found: list[Any] = []
        for t in reversed(self.doc[start:pron.i]):
            lemma = t.lemma_.lower()
            if found and t.sent != found[0].sent:
                break
            if t.pos_ != "NOUN" or t.tag_ != "NN" or lemma in _COLLECTIVE or lemma not in people and \
                    wordclass.classes(t.lemma_, "n")[:1] != ("person",):
                continue  # ("arrested a pharmacist and charged him": any noun whose commonest sense is a person)
            if t.head == clause or t.dep_ in ("compound", "poss", "attr", "appos") or t.i in self.tok_ent:
                continue  # ("He is a dangerous man": a description of someone, not someone new)
            if _NOUN_GENDER.get(lemma, gender) != gender:
                continue
            found.append(t)
        if not found:
            return None
        # Within its own sentence the nearest person noun is meant ("arrested a pharmacist and charged him");
        # from an earlier sentence, the one that sentence was about, its subject, goes ahead of its object ("A
        # man stabbed a teenager ... Police have charged him": the man), as a reader takes it.
        t = found[0]
        if t.sent != pron.sent:
            t = next((x for x in found if x.dep_ in ("nsubj", "nsubjpass")), t)
        return Actor(name=self.core_name(t), text=self.np_text(t))


    def _bound_in_clause(self, pron: Any) -> set[int]:
        """Who an object "them" cannot be (Principle B: a pronoun is not bound in its own clause): the subject of
        its clause with that subject's conjuncts, and where that subject is itself a pronoun, the one it stands
        for ("The ministry said it had warned the companies and would fine them": neither "it" nor the
        ministry). Empty for any other pronoun."""
        if pron.lower_ != "them" or pron.dep_ not in ("dobj", "pobj"):
            return set()
        clause = pron.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        subj = subject(clause) if clause.pos_ in ("VERB", "AUX") else None
        if subj is None:
            return set()
        bound = {subj.i, *(c.i for c in subj.conjuncts)}
        if subj.pos_ == "PRON":
            stands_for = self._agreeing_subject(subj)
            if stands_for is not None:
                bound |= {stands_for.i, *(c.i for c in stands_for.conjuncts)}
        return bound


    def _object_before(self, pron: Any, bound: set[int]) -> Any | None:
        """The nearest plural people or body noun acted on before an object "them" in its sentence (an object or
        a passive's subject), when no other clause's subject is free for it: "Commandos caught the pirates and
        took 23 of them into custody" - the commandos are bound, the pirates are left."""
        for t in reversed(self.doc[pron.sent.start:pron.i]):
            if t.i in bound or t.dep_ not in ("dobj", "pobj", "nsubjpass") or t.tag_ not in ("NNS", "NNPS") or \
                    t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in NOT_PARTICIPANT:
                continue
            if t.i in self.tok_ent or self.party_noun(t):
                return t
        return None


    def _agreeing_subject(self, pron: Any, exclude: set[int] | frozenset[int] = frozenset(),
                          sentences_before: int = 2) -> Any | None:
        """The latest subject before "it"/"they" (this sentence and the two before) that agrees in number
        and is no person: "it" is never "the rebels" or "Mr. Kim"; "they" is a plural, a compound subject
        or a body ("the ministry said they ..."). `exclude`: tokens the pronoun cannot be (`_bound_in_clause`)."""
        plural = pron.lower_ in ("they", "them", "their", "themselves")
        agentive = needs_agent(acting_verb(pron))
        sent = pron.sent
        start = sent.start
        for _ in range(sentences_before):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        for t in reversed(self.doc[start:pron.i]):
            if t.i in exclude or not _subject_position(t) or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "conj":
                continue
            if pron.dep_ == "poss" and t.head == pron.head.head:
                continue
            if agentive and t.pos_ == "NOUN" and t.i not in self.tok_ent and t.lemma_.lower() not in _COLLECTIVE \
                    and no_agent_noun(t.lemma_):
                continue  # "The launch is ... when it test-fired": an event, abstract or thing noun acts not
            ent = self.tok_ent.get(t.i)
            person = ent is not None and ent.kind == "PERSON" or ent is None and \
                t.lemma_.lower() in _NOUN_GENDER
            many = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
            body = ent is not None and ent.kind in ("ORG", "GPE", "NORP") or t.lemma_.lower() in _COLLECTIVE
            if person and not many:
                continue
            if (plural and (many or body)) or (not plural and not many):
                return t
        return None
