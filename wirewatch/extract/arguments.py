"""Who did what to whom: actors, recipients, locations and quantities of a trigger, from the parse.

`ArticleContext` holds what one article knows beyond a sentence: which tokens belong to which entity,
the people named so far (for "he" / "the dictator"), and the salient country (for "the regime").

It is assembled from parts, each in its own module: `context_index.ContextIndex` (the entity index and
noun-phrase text), `context_pronouns` (pronoun antecedents), `context_speakers` (speakers and quotations),
`context_groups` (named bodies behind common nouns). This module holds what uses them all: `actor` and
`actors`. Word lists are in argument_nouns.py, the clause-level subject finders in clause_subjects.py; the
names other modules import from here are re-exported.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Actor, Entity
from . import wordclass
from .argument_nouns import (
    _ANY_PERSON,
    _BODY_NOUNS,
    _COUNTRY_NOUNS,
    _FAMILY_KIN,
    _FIRST_PERSON,
    _HAPPENINGS,
    _IMPERSONAL,
    _IT_THEY,
    _LEADER_NOUNS,
    _MINISTRY,
    _NOUN_GENDER,
    _PRONOUN_GENDER,
    _PRONOUN_REACH,
    _PUT_OUT_EXTRA,
    _REPRESENTATIVES,
    _ROLE_NOUNS,
    _SUBJ,
    _based_name,
    _group_of_anyone,
    _thing_acting,
    _time_prep,
)
from .argument_nouns import NOT_PARTICIPANT as NOT_PARTICIPANT
from .argument_nouns import QUOTES as QUOTES
from .argument_nouns import SPEAKER_NOUNS as SPEAKER_NOUNS
from .argument_nouns import instruments as instruments
from .argument_nouns import is_age_noun as is_age_noun
from .argument_nouns import place_noun as place_noun
from .argument_nouns import skip_partitive as skip_partitive
from .argument_nouns import thing_noun as thing_noun
from .clause_subjects import agent as agent
from .clause_subjects import gapped_passive as gapped_passive
from .clause_subjects import modified_noun as modified_noun
from .clause_subjects import perpetrator_of as perpetrator_of
from .clause_subjects import stative_passive_subject as stative_passive_subject
from .clause_subjects import subject as subject
from .context_groups import GroupContext
from .context_pronouns import PronounContext
from .context_speakers import SpeakerContext
from .entities import person_gender
from .entity_antecedents import (
    acting_verb,
    needs_agent,
    no_agent_noun,
    voiced_body,
)
from .gazetteer import gazetteer
from .lexicon import lexicon


class ArticleContext(PronounContext, SpeakerContext, GroupContext):
    """Per-article lookups: token -> entity, people seen so far, salient country."""


    # ------------------------------------------------------------------ actors
    def actor(self, tok: Any) -> Actor | None:
        """The actor a noun-phrase head stands for (entity, resolved pronoun or generic group)."""
        lex = lexicon()
        tok = skip_partitive(tok, lex)
        tok = _based_name(tok)
        if tok.pos_ == "VERB":
            # "The Red Cross operating in Iraq said": the parser made the participle the subject.
            inner = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            if inner is None:
                return None
            tok = inner
        if is_age_noun(tok):
            aged = self._person_of_age(tok)
            if aged is not None:
                return self._from_entity(aged, self.np_text(tok))
            return Actor(name=self.core_name(tok))  # "the 22-year-old", "a 17-year-old"
        if tok.ent_type_ in NOT_PARTICIPANT or tok.lemma_.lower() in lex["non_agents"]:
            return None  # "the previous day's shooting", "the earthquake killed": not participants
        if tok.lower_ in _IMPERSONAL and tok.dep_ == "nsubj" and not any(
                c.dep_ in ("prep", "amod", "compound", "poss", "appos", "relcl") for c in tok.children):
            return None  # "Others accused the board ...", like "Some" and "Many": no one in particular
        if _thing_acting(tok) and tok.i not in self.tok_ent and self._country_of_modifiers(tok) is None and not any(
                    c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and c.i in self.tok_ent
                    for c in tok.children):
            # "Three shells hit Fakhura", "laser pointers blinded the pilot": a weapon or a thing is no party
            # ("North Korean shells", "a Hezbollah weapons depot" are their side's)
            return None
        if tok.pos_ == "NOUN" and tok.i not in self.tok_ent and tok.lemma_.lower() in _HAPPENINGS:
            # "an Israeli strike killed two": the side whose strike it was; "the blast killed two": nobody named
            side = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if side is not None:
                return self.actor(side)
            # "the Kabul attack", "the Basra bombing": a city before a happening says where, not whose
            country = self._country_of_modifiers(tok)
            if country is not None and not self._town_entity(country):
                return self._from_entity(country, self.np_text(tok))
            if not any((t.i in self.tok_ent or t.pos_ == "PROPN") and not self._town_token(t)
                       for t in tok.lefts for t in t.subtree):
                return None
            # "US Predator attacks": a named maker or side; the phrase stands for it
        issuer = self._issuer(tok)
        if issuer is not None:
            return issuer  # "a statement by the Red Cross condemned": the Red Cross did
        text = self.np_text(tok)
        ent = self.tok_ent.get(tok.i)
        if ent is None:
            # "spokesman Vedant Patel", "the U.S. envoy, Mr. X": a named person hanging off a common noun.
            for c in tok.children:
                # "the opposition newspaper La Prensa": a named body in apposition is the one meant
                if c.i in self.tok_ent and (c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" and
                                            not self._capitalised_word(c) or
                                            c.dep_ == "appos" and self.tok_ent[c.i].kind in ("PERSON", "ORG")):
                    ent = self.tok_ent[c.i]
                    s, e = self.ent_span[c.i]
                    lo = min(tok.left_edge.i, s)
                    if self.doc[lo].dep_ == "det":
                        lo += 1
                    text = self.doc[lo:max(e, tok.i + 1)].text
                    break
        if ent is None:
            ent = self.speaker_body(tok) or self._described(tok) or self._kin_named(tok)
        if ent is not None:
            return self._from_entity(ent, text)
        phrase = self.speaker_phrase(tok)
        if phrase is not None:  # "a spokesman for the Kenyan police": the police speak
            side = self.actor(phrase)
            if side is not None:
                return replace(side, text=text)
        band = self._armed_group_before(tok)
        if band is not None:
            return self._from_entity(band, text)  # "the militants" after "al-Shabab fighters stormed ..."
        body = self._named_body_before(tok)
        if body is not None:
            return replace(body, text=text)
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "PRON":
            undergone = self._plural_patient(tok) if low == "their" and tok.dep_ == "poss" else None
            if undergone is not None:
                return undergone  # before the speaker: "Their arrest ..., the department said" is not its own
            speaker = self._speaker(tok)
            if speaker is not None:
                return self.actor(speaker)
            if low in _PRONOUN_GENDER:
                named = self._pronoun_person(tok, _PRONOUN_GENDER[low])
                if named is not None:
                    return self._from_entity(named, tok.text)
                # "Police said the gunman fled. He was arrested": a person told of by role, not by name
                return self._person_noun_before(tok, _PRONOUN_GENDER[low])
            if low in _IT_THEY:
                return self._it_they(tok)
            if low in _FIRST_PERSON:
                # '"Our forces got rid of six militants," he said': the speaker of the quotation, when this
                # sentence names one; else whoever spoke last ('"So I appeal to ..."').
                here = self._quoting_subject(tok)
                found = self._voice(here) if here is not None else None
                if found is not None:
                    return found
                if low in ("i", "me", "my", "myself") or self._in_quotation(tok):
                    # ('"We demand that Tehran protect diplomats."' after the spokesman spoke): a quoted "we"
                    # is the side of whoever is being quoted; outside quotation marks it is the writer's. A
                    # quotation whose saying clause follows it ('"We never ... ," said lawyer X') is that
                    # speaker's, never the last one's; only a quotation with no saying clause goes on the
                    # last speaker's words.
                    has_clause, later = self._closing_saying_subject(tok)
                    if has_clause:
                        return self._voice(later) if later is not None else None
                    if self.last_speaker_tok is not None and low in ("we", "us", "our", "ourselves"):
                        body = voiced_body(self.tok_ent, self.last_speaker_tok, _PRONOUN_REACH)
                        if body is not None:
                            return self._from_entity(body, tok.text)
                    return self.last_speaker
            if low in _ANY_PERSON:
                return _group_of_anyone(tok)
            return None
        if tok.pos_ == "NOUN" and (lemma in lex["state_anaphors"] or lemma in _MINISTRY):
            # ("the ministry" with no ministry named before, which `_described` took: the state's ministry)
            country = self._country_of_modifiers(tok)
            if country is not None:
                return self._from_entity(country, text)
            # "the regime" alone means the country the article is about; "the government of Sindh
            # province" names its own.
            # (a time phrase hung on the noun, "the government on Sunday", says when, not whose)
            state = self.one_state
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and \
                    not any(c.dep_ == "prep" and not _time_prep(c) for c in tok.children) and state is not None and \
                    not self._other_party_here(tok, state):
                return self._from_entity(state, text)
        if tok.pos_ == "NOUN" and lemma in set(lex["report_nouns"]) | set(lex["issuer_nouns"]) and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and not any(
                c.dep_ in ("compound", "amod", "prep", "appos", "poss") for c in tok.children):
            earlier = self._issued_before(tok)
            if earlier is not None:
                return replace(earlier, text=text)  # "X issued a statement ... The statement threatened"
        if tok.pos_ == "NOUN" and lemma in lex["report_nouns"] and self.last_speaker is not None and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and not any(
                c.dep_ in ("compound", "amod", "prep", "appos", "poss") for c in tok.children):
            # (only a bare "the statement": "the United Nations agency for refugees" is said what it is)
            # "The statement ... accused the South": whoever issued the statement just quoted
            return self.last_speaker
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and (lemma in _ROLE_NOUNS or lemma in lex["person_anaphors"]) and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("amod", "compound", "poss", "appos") or c.dep_ == "prep" and c.lower_ == "of"
                for c in tok.children):
            titled = self._titled_person_before(tok.i, lemma)
            if titled is not None:
                return self._from_entity(titled, text)  # "the judge" after "Judge Ana Ruiz"
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and lemma in lex["person_anaphors"] and not any(
                c.dep_ in ("amod", "compound", "poss") or c.dep_ == "prep" and c.lower_ in ("of", "from", "in")
                for c in tok.children):
            # (one person: "leaders from the U.S. and China" are not the one named before)
            # "the president" is the one named before; "the president of Armenia" is someone else. With no
            # one named before, the role itself is the actor (as any group noun is), not nobody.
            before = self.person_before(tok.i)
            if before is not None:
                return self._from_entity(before, text)
        if tok.pos_ not in ("NOUN", "PROPN") and not (
                tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "dative") and
                any(c.dep_ == "det" for c in tok.children)):
            return None  # (an adjective heading an argument is a noun the tagger missed: "a Syrian national")
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is not None and tok.pos_ == "NOUN":
            from .participants import own_people

            if lemma in own_people() or lemma in instruments() or lemma in ("fighter", "bomber"):
                side = self.actor(owner)  # "its forces", "their troops": the side they belong to
                if side is not None:
                    return replace(side, text=text)
        inner = self._named_body_inside(tok)
        if inner is not None:
            return self._from_entity(inner, text)  # "al-Qaeda's terror network", "the Hamas movement"
        country = self._country_of_modifiers(tok)
        iso = country.country if country else self._country_of_group(tok)
        name = self.core_name(tok)
        return Actor(name=name, kind=None, country=iso, text=text if text != name else None)


    def _issued_before(self, tok: Any) -> Actor | None:
        """Who put out the text a bare "the statement" refers back to: the nearest earlier noun of the same word,
        when its issuer is written there ("Blinken issued a statement Tuesday ... The statement threatened",
        "the ministry said in a statement"; its "by" or possessor). With the nearest one's issuer unwritten
        ("a statement circulated online"), none: an older text is another one."""
        lemma = tok.lemma_.lower()
        says = frozenset(lexicon()["attribution_verbs"])
        for prev in reversed(self.doc[max(0, tok.i - _PRONOUN_REACH):tok.i]):
            if prev.pos_ != "NOUN" or prev.lemma_.lower() != lemma:
                continue
            found = self._issuer(prev)
            if found is not None:
                return found
            head = prev.head
            put_out = head.lemma_.lower() in _PUT_OUT_EXTRA or head.lemma_.lower() in lexicon()["issuing_verbs"]
            if prev.dep_ == "dobj" and head.pos_ == "VERB" and put_out:
                by = subject(head)
            elif prev.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in says:
                by = subject(head.head)
            else:
                return None
            if by is None or by.lemma_.lower() == lemma or by.pos_ == "PRON" and by.lower_ in _FIRST_PERSON:
                return None
            return self.actor(by)
        return None


    def _issuer(self, tok: Any) -> Actor | None:
        """The one who issued a text that acts in its name ("a statement by the Red Cross condemned", "Amnesty's
        report accused", "a communique issued by the ministry warned"): the issuer named on the text itself, by
        its possessor, its "by"/"from" phrase or the "by" of a participle of issuing. A town after "from" says
        where it came from ("a report from Kabul"), and a text that is itself a name ("the Daily Report") is
        no document; with no issuer written the text stays as it is (a bare "the statement" is the last
        speaker's, below)."""
        lex = lexicon()
        if tok.pos_ != "NOUN" or tok.i in self.tok_ent or \
                tok.lemma_.lower() not in (set(lex["report_nouns"]) | set(lex["issuer_nouns"])) - _BODY_NOUNS:
            return None
        from .attribution import named_issuers

        for by in named_issuers(tok):
            if by.i in self.tok_ent and self._town_token(by) or place_noun(by) or \
                    by.lemma_.lower() in (set(lex["report_nouns"]) | set(lex["issuer_nouns"])) - _BODY_NOUNS:
                continue
            found = self.actor(by)
            if found is not None and (by.pos_ == "PRON" or by.i in self.tok_ent or self.party_noun(by)):
                return replace(found, text=self.np_text(by))
        return None


    def _the_two(self, tok: Any) -> list[Actor]:
        """ "the two presidents", "both leaders", "the two countries": the last two persons (or countries)
        named before, when the phrase names none itself."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.i in self.tok_ent:
            return []
        if not any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in tok.children) \
                or any(c.dep_ in ("prep", "compound", "amod", "poss") for c in tok.children):
            return []
        lemma = tok.lemma_.lower()
        lex = lexicon()
        if lemma in _COUNTRY_NOUNS:
            kinds = ("GPE",)
        elif lemma in lex["person_anaphors"] or lemma in _LEADER_NOUNS:
            kinds = ("PERSON",)
        else:
            return []
        found: list[Entity] = []
        before = [(pos, ent) for pos, ent in self._bodies if ent.kind in kinds] if kinds == ("GPE",) else \
            list(zip(self._person_pos, self._persons, strict=True))
        for pos, ent in reversed(before):
            if pos >= tok.i or tok.i - pos > _PRONOUN_REACH:
                continue
            if ent not in found and (kinds != ("GPE",) or ent.name == gazetteer().country_name(ent.country)):
                found.append(ent)
            if len(found) == 2:
                break
        if len(found) < 2:
            return []
        return [a for e in reversed(found) if (a := self._from_entity(e, self.np_text(tok))) is not None]


    def _plural_patient(self, pron: Any) -> Actor | None:
        """Whom "their" stands for before a deed done to them ("Police arrested three men. Their arrest ...",
        "the girls, who were kidnapped ... Their abduction"): the nearest plural person or party noun before
        it, in this sentence or the one before, not the subject that acted on them (the last subject is what
        "their" takes otherwise)."""
        from .participants import PARTY_NOUNS, PATIENT_NOUNS

        head = pron.head
        if head.lemma_.lower() not in PATIENT_NOUNS or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None  # ("their arrest of the suspects": they arrested)
        people = PARTY_NOUNS | frozenset(lexicon()["human_nouns"])
        prev = pron.sent.start - 1
        start = self.doc[prev].sent.start if prev >= 0 else pron.sent.start
        for t in reversed(self.doc[start:pron.i]):
            if t.tag_ == "NNS" and t.pos_ == "NOUN" and t.dep_ not in ("compound", "poss") and (
                    t.lemma_.lower() in people or wordclass.classes(t.lemma_, "n")[:1] == ("person",)):
                return self.actor(t)
        return None


    def _kin_named(self, tok: Any) -> Entity | None:
        """The relative a kin noun of a named person stands for, when the article names exactly one other
        person of that family name and a gender that fits: "relieved by her husband's arrest" (her = Angela
        Pruitt) is Gary Pruitt, named in the next paragraph. Crime and court copy often tells the relation
        before the name; a second Pruitt who could be meant leaves the noun as written."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in _FAMILY_KIN or any(c.dep_ in ("appos", "compound") for c in tok.children):
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = self.actor(poss) if poss is not None else None
        own = self.entities.get(owner.entity_id) if owner is not None and owner.entity_id else None
        if own is None or own.kind != "PERSON" or " " not in own.name:
            return None
        family, gender = own.name.split()[-1], _NOUN_GENDER.get(lemma)
        kin = {e.id: e for e in self._persons if e.id != own.id and " " in e.name and
               e.name.split()[-1] == family and person_gender(e) in (None, gender)}
        return next(iter(kin.values())) if len(kin) == 1 else None


    def _voice(self, speaker: Any) -> Actor | None:
        """Whom a quoted "we" stands for, given the quotation's speaker: the body people told by a common noun
        speak for ("the diplomats" from the Group of Seven: the Group of Seven), else the speaker."""
        body = voiced_body(self.tok_ent, speaker, _PRONOUN_REACH)
        return self._from_entity(body, speaker.text) if body is not None else self.actor(speaker)


    def _it_they(self, tok: Any) -> Actor | None:
        # "The ILO reiterated its demand", "Israel mounted its invasion": a possessive pronoun is the
        # subject of the clause it sits in.
        v = tok.head
        for _ in range(4):
            if v.pos_ in ("VERB", "AUX") or v.head == v:
                break
            v = v.head
        if v.pos_ in ("VERB", "AUX") and tok.dep_ == "poss":
            subj = next((c for c in v.children if c.dep_ in _SUBJ), None)
            if subj is not None and subj.pos_ != "PRON" and not any(x.i == tok.i for x in subj.subtree):
                return self.actor(subj)
        bound = self._bound_in_clause(tok)
        if bound:
            # an object "them": in its own sentence a subject of another clause first, then a party acted on
            antecedent = self._agreeing_subject(tok, exclude=bound, sentences_before=0) or \
                self._object_before(tok, bound)
            if antecedent is not None:
                return self.actor(antecedent)
        agreeing = self._agreeing_subject(tok, exclude=bound)
        if agreeing is not None:
            return self.actor(agreeing)
        last = self.last_subject
        if last is not None and not last.entity_id and needs_agent(acting_verb(tok)) and \
                no_agent_noun(last.name.split()[-1]):
            return None  # (the latest subject was "the merger": it did not accuse anyone)
        return last


    def actors(self, tok: Any | None) -> list[Actor]:
        """The actor(s) of a head and its conjuncts ("North Korea and Russia" -> two actors)."""
        if tok is None:
            return []
        pair = self._the_two(tok)
        if pair:
            return pair
        tok = skip_partitive(tok, lexicon())
        sides = self._sides_spoken_for(tok)
        if sides:
            return sides
        doers = self._doers_of_happening(tok)
        if doers:
            return doers
        conj = [c for c in tok.conjuncts if c.i > tok.i]
        if conj and tok.pos_ == "NOUN" and self.party_noun(tok) and all(thing_noun(c) for c in conj):
            # "seized 12 nationals as well as arms and equipment": the people are the party, the goods were
            # taken (`acted_on`)
            a = self.actor(tok)
            return [a] if a is not None else []
        if conj and tok.i not in self.tok_ent and all(c.i not in self.tok_ent for c in conj) and \
                tok.pos_ == "NOUN" and not all(self.party_noun(t) for t in [tok, *conj]):
            # "Israeli helicopters and tanks": one group of things, not two actors.
            a = self.actor(tok)
            if a is not None:
                a.text = self.np_text(tok, coordinated=True)
                return [a]
        heads = [tok, *conj]
        out: list[Actor] = []
        for h in heads:
            a = self.actor(h)
            if a is not None and all((a.entity_id or a.name) != (b.entity_id or b.name) for b in out):
                out.append(a)
        return out


    def _doers_of_happening(self, tok: Any) -> list[Actor]:
        """ "Air strikes by the army and its allies killed 30 fighters": a happening that acts for no one by
        itself (`_HAPPENINGS`) stands for the parties its own "by" phrase names, as a passive's agent does."""
        if tok.pos_ != "NOUN" or tok.i in self.tok_ent or tok.lemma_.lower() not in _HAPPENINGS:
            return []
        by = self._party_by(tok)
        if by is not None:
            return self.actors(by)
        if any(c.dep_ in ("poss", "amod", "prep") for c in tok.children) or not any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
            return []
        # "Air strikes by the army killed 30 fighters. The strikes also hit a depot": a bare definite happening
        # is the one told before under its word, and acts for the parties that one named
        before = next((t for t in reversed(self.doc[max(0, tok.i - _PRONOUN_REACH):tok.i])
                       if t.pos_ == "NOUN" and t.lemma_.lower() == tok.lemma_.lower()), None)
        by = self._party_by(before) if before is not None else None
        return self.actors(by) if by is not None else []


    def _party_by(self, noun: Any) -> Any | None:
        """The party a noun's own "by" phrase names ("strikes by the army"; not "the attack by night", "strikes by
        drones")."""
        by = agent(noun)
        if by is None or by.ent_type_ in NOT_PARTICIPANT or place_noun(by) or not (
                by.i in self.tok_ent or self.party_noun(by)):
            return None
        return by


    def _sides_spoken_for(self, tok: Any) -> list[Actor]:
        """ "Envoys from Serbia and Kosovo met", "leaders from the U.S. and China will meet": a plural of people who
        speak for a side, drawn from two or more named sides, stands for those sides (one side's "officials from
        Kenya" stay as written)."""
        from .participants import own_people

        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.i in self.tok_ent or \
                tok.lemma_.lower() not in _REPRESENTATIVES | own_people() | {"leader"}:
            return []
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        src = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if src is None or not src.conjuncts:
            return []
        named = [src, *(c for c in src.conjuncts if c.i > src.i)]
        if not all(t.i in self.tok_ent and self.tok_ent[t.i].kind in ("GPE", "ORG", "NORP") and
                   not self._town_token(t) for t in named):
            return []
        return [a for t in named if (a := self.actor(t)) is not None]
