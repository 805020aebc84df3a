"""Statements whose trigger word is in another sense, or states no happening (issue 10; asked by noise.no_event).

- a subject that cannot act: an act of the ontology needs a party as its doer. A thing whose two commonest
  WordNet senses are natural things or abstractions (`_NEVER_DOERS`: "the asteroid will retreat beyond
  Jupiter", "the sensor's resolution supports ...") neither acts nor is anyone's means. A made thing, a
  substance or a possession may stand for its user ("army bulldozers demolished homes", "tear gas injured
  dozens", "the patrol vessel visited Cebu") and is left alone, as are names, pronouns, the ontology's
  event nouns ("the attack killed five"), texts that speak for their issuer, arms and the craft of forces,
  a state's things ("the Philippine vessel intruded"). A natural force or an accident (lexicon
  `non_agents`: "the storm", "the crash") blocks only verbal acts: what it "struck" or "destroyed" is left
  to the article's relevance (relevance.py), as a fire or a crash in a war report may be the attack's.
- an abstraction as the target of force: "the manager would attack the problem first" (a figure of speech).
- a generic comparison: "young men are more likely to attack strangers than ...", "teenagers are less
  likely to join protests": a likelihood compared says how a kind of people behaves, no act happened.
- a generic subject: the present simple with a quantified kind as subject ("most burglars avoid homes with
  dogs", "many rebels cross the border at night"); the present simple with a frequency adverb and "too ADJ
  to" are triggers.habitual's (asked by the lexicon's triggers; asked here of the model's decisions too).
- a clause as the doer (issue 10 round 13): a verbal act whose subject is a clause ("ending the conflict would
  allow Washington to ...") has a happening, no party, as its doer. (Not a gerund that is itself a subject:
  "Detaining opposition figures was Khartoum's way of silencing dissent" tells acts that happened; on the
  training quotes such a rule removed 4 events, all 4 of the labelled type.)
- a text issued alone: signing an order or a decree (lexicon `own_instruments`) is no agreement.
- a text as the doer of force: "legislation targeting Turkey" attacks nobody (a text orders, it strikes no one).
- a death in an accident: a passive harm with no agent that happened "in" an accident or a natural force
  (lexicon `accidental_harms`: "was killed in a car accident", "were injured in the crash") is no use of force.
"""

from __future__ import annotations

from typing import Any

from . import wordclass
from .lexicon import lexicon
from .ontology import Ontology

# WordNet classes of a doer: a person, a group, a place as its people ("the city rejected ..."), an animal
# (lexicon `agent_classes`); an act or an event ("the raid freed", "the operation killed") is an event noun's;
# a text or a plan speaks for its issuer ("the plan calls for a ceasefire", "the bill bans ..."); a state of
# affairs is how a report often names the fighting ("the conflict forced thousands to flee"): the event is
# there, whoever its actor. Left out: things, substances, quantities, attributes, natural objects and
# phenomena, the body, time (none of them does what the ontology's acts are).
_DOER_CLASSES = frozenset({"act", "event", "communication", "cognition", "state"})
# What neither acts nor serves as anyone's means: natural objects and phenomena, living things' parts,
# plants, quantities, attributes, relations, feelings, processes, times, shapes ("the comet", "smoke",
# "sales", "the sensor's resolution"). Artifacts, substances and possessions are left alone (see above).
_NEVER_DOERS = frozenset({"object", "phenomenon", "body", "plant", "quantity", "attribute", "relation",
                          "feeling", "process", "motive", "time", "shape", "Tops"})
# The lexicon lists of nouns that act whatever their WordNet sense ("forces", "authority", "the statement")
_DOER_LISTS = ("human_nouns", "public_actors", "partitive_nouns", "person_anaphors", "state_anaphors",
               "report_nouns", "issuer_nouns")
# Adjectives of likelihood: with a comparison ("more likely to", "less prone to") they state a tendency.
_LIKELIHOOD = frozenset({"likely", "unlikely", "prone", "apt", "liable", "inclined"})
_COMPARATIVES = frozenset({"more", "less", "most", "least", "as", "twice", "times"})
# Quantifiers that make a plural subject a kind ("most burglars", "many voters", "few soldiers").
# Not "all": "all G7 ministers agree with the proposal" is a set of known people.
_KIND_QUANTIFIERS = frozenset({"most", "many", "few"})


def sense_noise(tok: Any, onto: Ontology, etype: str | None) -> str | None:
    """The kind of statement (see the module's note) that verb `tok` would be the trigger of as an event of
    type `etype`, or None."""
    if tok.pos_ != "VERB":
        return None
    if _compared_likelihood(tok):
        return "generic"
    if _kind_subject(tok):
        return "generic"
    if etype is not None and _thing_as_doer(tok, onto, etype):
        return "no doer"
    if etype is not None and (spec := onto.types.get(etype)) is not None and spec.verbal and \
            any(c.dep_ == "csubj" for c in tok.children):
        return "no doer"  # "ending the conflict would allow Washington to ...": a happening as the doer
    if tok.lemma_.lower() == "sign" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon()["own_instruments"] for c in tok.children):
        return "own text"  # "signed an executive order", "signed the bill": a text one issues or enacts,
        # no agreement with anyone nor support for anyone (a model's retyping lands on the same word)
    if _definition(tok):
        return "definition"
    if _identified_person(tok):
        return "other sense"
    if etype is not None and _thing_held_or_replaced(tok, onto, etype):
        return "other sense"
    if _generic_you(tok):
        return "generic"
    if tok.lemma_.lower() in onto.lists.get("violation_verbs", frozenset()) and _rule_described(tok, onto):
        return "rule"
    if _judged_to_violate(tok, onto):
        return "rule"
    if etype == "ASSAULT" and _accidental_harm(tok):
        return "accident"
    if etype in ("ASSAULT", "THREATEN") and _abstract_target(tok, onto):
        return "figure"
    if etype == "ASSAULT" and _text_as_force(tok, onto):
        return "no doer"
    return None


def _text_as_force(verb: Any, onto: Ontology) -> bool:
    """ "legislation targeting Turkey", "a resolution that attacks the court's powers", "the new rules hit
    exporters": a text (a bill, a law, sanctions; WordNet's commonest sense a communication) speaks for its
    issuer in what it says or orders, but it uses no force. Its doer is the subject, or the noun a participle
    hangs on. An attack noun ("the attack targeted ...", whose second sense is a message) is left alone."""
    doer = verb.head if verb.dep_ == "acl" else _doer(verb)
    if doer is None or doer.i == verb.i or doer.pos_ != "NOUN" or doer.ent_type_:
        return False
    lem = doer.lemma_.lower()
    if any(s.type == "ASSAULT" for s in onto.nouns.get(lem, ())) or any(
            lem in onto.sets.get(k, frozenset()) for k in ("weapon", "force_means", "troop")):
        return False
    return wordclass.classes(lem, "n")[:1] == ("communication",)


def _doer(verb: Any) -> Any | None:
    """The active subject of `verb` (or of the verb it is conjoined to: "the storm flooded roads and struck
    ..."); None for a passive or an infinitive (its doer is elsewhere)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _doer(verb.head)
    return subj


def _thing_as_doer(verb: Any, onto: Ontology, etype: str) -> bool:
    subj = _doer(verb)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ or subj.is_title and not subj.is_sent_start:
        return False  # a capitalized noun inside a sentence is a name the tagger missed ("the Sixers fired ...")
    if subj.i == verb.i - 1 and verb.tag_ == "VBZ" and verb.lemma_.lower() in onto.nouns and not any(
            c.dep_ in ("det", "poss", "amod", "nummod") for c in subj.children) and not any(
            c.dep_ == "dobj" for c in verb.children):
        # "announced asset freezes on ...": a compound noun the tagger split into subject and verb (no object;
        # "lightning strikes the tower" has one)
        return False
    lex = lexicon()
    lem = subj.lemma_.lower()
    spec = onto.types.get(etype)
    if lem in lex["non_agents"]:
        # a storm or a crash does not agree, visit or reject; what it "struck" or "destroyed" is left to the
        # article's relevance (a fire or a crash in a war report may be the attack's)
        return spec is not None and spec.verbal
    if lem in onto.nouns or any(lem in lex[k] for k in _DOER_LISTS):
        return False
    if any(lem in onto.sets.get(k, frozenset()) for k in ("weapon", "force_means", "troop")):
        return False  # "drones struck the depot", "a rocket hit the base", "the destroyer visited Manila": arms
        # and the craft of forces (ontology sets) act for whoever fields them
    classes = set(wordclass.classes(lem, "n")[:2])
    if not classes or classes & (lex["agent_classes"] | _DOER_CLASSES):
        return False  # unknown to WordNet: nothing to go by
    if _owned(subj) or verb.lemma_.lower() in onto.lists.get("violation_verbs", frozenset()):
        return False  # "the Philippine vessel intruded", "the drone violated the airspace": its owner's act
    # A made thing, a substance or a possession may stand for whoever uses, sends or pays for it ("bulldozers
    # demolished homes", "tear gas injured dozens", "the carrier visited Busan", "the package supports the
    # army"); a natural thing or an abstraction never does.
    return classes <= _NEVER_DOERS


# WordNet classes of what can be attacked or struck: people, bodies, places, things, acts ("attacked the rally").
# Whatever has none of them among its two commonest senses is an abstraction ("attack the problem", "fought
# the decision in court", "struck a chord").
_ABSTRACT = frozenset({"state", "communication", "cognition", "attribute", "quantity", "relation", "feeling",
                       "time", "shape", "motive", "phenomenon"})


def _abstract_target(verb: Any, onto: Ontology) -> bool:
    """ "would attack the problem first", "fight the ruling": a verb of force (ontology set `conflict`) whose
    object is an abstraction is a figure of speech."""
    if verb.lemma_.lower() not in onto.sets.get("conflict", frozenset()) or \
            any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False  # a passive has no object: "was killed execution style" is the parser's
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_]
    lex = lexicon()
    return bool(objs) and all(
        (cl := set(wordclass.classes(o.lemma_.lower(), "n")[:2])) and cl <= _ABSTRACT
        and o.lemma_.lower() not in onto.nouns and not any(o.lemma_.lower() in lex[k] for k in _DOER_LISTS)
        and not any(c.dep_ in ("compound", "amod") and c.ent_type_ for c in o.children)
        for o in objs)  # "attacked security forces": a force is a body of people (lexicon human_nouns)


def _accidental_harm(verb: Any) -> bool:
    """ "His brother was killed in a car accident", "two were injured in the crash": a passive with no "by"
    agent whose "in" phrase is an accident or a natural force (lexicon `accidental_harms`, not `non_agents`: its
    "fire" is also gunfire, "killed in Israeli fire"). "Killed in an attack"
    or "in an airstrike" is an event noun's, and an agent named ("killed by a drunk driver") is left alone."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
            any(c.dep_ == "agent" for c in verb.children):
        return False
    accidents = lexicon()["accidental_harms"]
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lemma_.lower() in accidents
                                                             for g in c.children) for c in verb.children)


def _owned(noun: Any) -> bool:
    """A thing of a state or a nation: "the Philippine vessel", "Chinese coast guard ships", "Russia's bombers".
    (Not a company's: "Nikon's camera accepts older lenses" is a product.)"""
    return any(c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in noun.children)


def _compared_likelihood(verb: Any) -> bool:
    """ "are more likely to attack strangers than ...", "far less likely to join protests"."""
    adj = verb.head
    if verb.dep_ != "xcomp" or adj.pos_ != "ADJ" or adj.lemma_.lower() not in _LIKELIHOOD:
        return False
    return adj.tag_ in ("JJR", "JJS") or any(c.dep_ == "advmod" and c.lower_ in _COMPARATIVES
                                             for c in adj.children)


def _present_simple(verb: Any) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tags = {verb.tag_} | {c.tag_ for c in aux}
    if verb.tag_ == "VBG":
        return False  # "many citizens are demanding ...": the present progressive tells what is going on
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"MD", "VBD"} and not any(c.lemma_ == "have" for c in aux)


def _kind_subject(verb: Any) -> bool:
    """ "Most burglars avoid homes with dogs": a quantified plural in the present simple is a kind. "Most of
    the detainees were freed" (a past, a partitive of known people) stays."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ != "NNS" or not _present_simple(verb):
        return False
    if subj.lemma_.lower() in lexicon()["public_actors"]:
        return False  # "many lawmakers oppose the bill": a vote counted, not a kind of people
    return any(c.dep_ in ("amod", "det") and c.lower_ in _KIND_QUANTIFIERS for c in subj.children) and \
        not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                or c.pos_ == "PROPN" or c.ent_type_ for c in subj.children)


def _definition(verb: Any) -> bool:
    """ "The DPRK stands for the Democratic People's Republic of Korea": what a name or an acronym stands for
    is its meaning, no stance of anyone."""
    return verb.lemma_.lower() == "stand" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


_PERSONAL_OBJECTS = frozenset({"him", "her", "me", "us", "you"})


def _identified_person(verb: Any) -> bool:
    """ "An officer recognized her": to recognize a person is to know her again (WordNet's perception sense);
    the recognition of a state or a government is SUPPORT, and a person recognized *as* a leader ("recognized
    Guaido as interim president") is that too."""
    if verb.lemma_.lower() not in ("recognize", "recognise") or \
            any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and (c.lower_ in _PERSONAL_OBJECTS or c.ent_type_ == "PERSON")
               for c in verb.children)


# Types whose verb acts on a person: one holds a captive and replaces an official. Their verbs' other senses
# take a thing ("held the post in 2010", "will replace the aging fleet", "held the seat").
# Not every PERSONNEL verb: an office is the thing object of many ("handed her the health portfolio", "leaves
# defence for the foreign ministry"), so only "replace", whose thing object is a thing renewed.
_PERSON_OBJECT = {"COERCE": frozenset({"hold", "keep"}), "PERSONNEL": frozenset({"replace"})}


def _thing_held_or_replaced(verb: Any, onto: Ontology, etype: str) -> bool:
    """ "a former official who held Palmer's position", "the sale is set to replace Turkey's fleet of F-16s":
    a verb of custody or of appointment whose object is neither a person nor a body of people (by its
    WordNet senses, the lexicon's people nouns, the ontology's officials) is the verb's other sense."""
    if etype not in _PERSON_OBJECT:
        return False
    if verb.lemma_.lower() not in _PERSON_OBJECT[etype]:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs or any(o.pos_ != "NOUN" or o.ent_type_ for o in objs):
        return False  # a name, a pronoun, or no object: nothing to go by
    lex = lexicon()
    people = onto.sets.get("official", frozenset()) | onto.sets.get("captive", frozenset())
    for o in objs:
        lem = o.lemma_.lower()
        if lem in people or any(lem in lex[k] for k in _DOER_LISTS):
            return False
        if "person" in wordclass.classes(lem, "n")[:2] or not wordclass.classes(lem, "n"):
            return False
    return True


_POSSIBILITY_MODALS = frozenset({"can", "could", "may", "might"})


def _generic_you(verb: Any) -> bool:
    """ "If you are seen in the forest, you can be killed": the generic "you" (or "one") with a modal of
    possibility says what may happen to anyone, no happening."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ in ("you", "one") and subj.pos_ == "PRON" and any(
        c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in verb.children)


_CONDITIONAL_MODALS = frozenset({"would", "could", "might", "may"})
# Verbs of judging whose passive says what something counts as, with nobody judging ("is deemed to violate")
_JUDGING_VERBS = frozenset({"deem", "consider", "regard", "judge", "believe", "see", "view", "find"})


def _rule_described(verb: Any, onto: Ontology) -> bool:
    """ "Such transfers would violate a U.N. arms embargo": a violation under a conditional modal whose doer is
    a kind of act or thing (no party) says what a rule forbids, no one's breach of it."""
    if not any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL_MODALS for c in verb.children):
        return False
    subj = _doer(verb)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ or _owned(subj):
        return False
    lem = subj.lemma_.lower()
    return not any(lem in lexicon()[k] for k in _DOER_LISTS) and not any(
        lem in onto.sets.get(k, frozenset()) for k in ("weapon", "force_means", "troop"))


def _judged_to_violate(verb: Any, onto: Ontology) -> bool:
    """ "the system, which is deemed to violate the act": a passive verb of judging with no "by" judge and a
    violation as its complement describes a rule (for the judging verb and the violation both)."""
    violations = onto.lists.get("violation_verbs", frozenset())
    judge = verb.head if verb.dep_ == "xcomp" and verb.lemma_.lower() in violations else verb
    if judge.lemma_.lower() not in _JUDGING_VERBS or not any(c.dep_ == "auxpass" for c in judge.children) or \
            any(c.dep_ == "agent" for c in judge.children):
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in violations for c in judge.children)
