"""Find event triggers in a sentence and decide which of them are events of their own.

Matching is one dict lookup per token (lemma -> trigger specs). The rules after matching follow PLOVER's
coding conventions, which code the act the sentence reports rather than every verb in it:
- the content of a speech act is not a second event ("demanded that X withdraw" is one REQUEST);
  content of an accusation or a denial is kept, marked `claimed` / `denied` (arms-transfer accusations are
  what analysts follow);
- a promise of a cooperative act is AGREE, a conditional or announced conflictual act is THREATEN;
- "ordered troops to deploy" is the ordered act, by whoever ordered it;
- descriptive modifiers ("newly deployed weapons"), generic dispositions ("a tendency to replace
  officials"), anaphoric subjects ("The visit comes as ...") and background frames ("during the meeting")
  are not new events.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from . import wordclass
from .aimed_acts import aimed_by_measure, force_used_against, hostile_encounter, in_support_of, measure_against
from .clause_news import dated_relative, simultaneous_act
from .lexicon import lexicon
from .noise import no_event
from .office_change import find_office_change
from .ontology import Ontology, TriggerSpec
from .paraphrase import (
    answer_to_any,
    armed_operation,
    copular_verdict,
    feeling_toward,
    found_guilty,
    launched_operation,
    noun_objects,
    office_paraphrase,
    phrasal_object,
    verb_of_noun,
    warned_consequence,
)
from .succession import succession

# Dependency links a trigger's dependent (for two-word triggers) may hang on.
_DEP_LINKS = frozenset({"prep", "prt", "dobj", "pobj", "compound", "amod", "acomp", "attr", "xcomp",
                        "dative", "agent", "nsubjpass", "advmod", "npadvmod", "appos", "nmod", "oprd",
                        "pcomp", "nsubj", "aux", "neg", "det", "poss"})
# Links that end the search for a governing trigger: coordinated and relative clauses are separate.
_BARRIERS = frozenset({"relcl", "parataxis", "appos"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_TOPIC = frozenset({"on", "about", "regarding", "concerning", "over"})
_PARTICLES = frozenset({"in", "out", "up", "down", "off", "on", "over", "for", "with", "to", "at", "back", "by",
                        "into", "upon", "against", "of", "from", "together", "apart", "away", "around"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass
class Trigger:
    tok: Any  # spaCy Token
    type: str
    spec: TriggerSpec
    suppressed: bool = False
    background: bool = False
    governor: Trigger | None = None  # the trigger whose content this one is
    embed: str | None = None  # "claimed" | "denied" when kept as the content of an accusation/denial
    promised: str | None = None  # original type when a future act was coded AGREE / THREATEN
    negated: bool = False
    actor_from: Any = None  # token whose subject is the actor (directive / commissive rules)
    # Suppressed only because it sits in a relative clause about a participant ("militants who attacked a
    # hotel"): the detector may still hold it on its own (detector.decide_article).
    relative: bool = False
    # Parties a rule named itself, as tokens: a change of office's holder and who made it (office_change.py),
    # an alleged wrong's doer and who alleges it (`_alleged_wrong`).
    recipient_tok: Any = None
    actor_tok: Any = None
    # The lexicon's type for the word before a rule retyped it ("agreed with the ruling": AGREE -> SUPPORT);
    # a model proposal of that type on the same word is the reading the rule set aside (events.py).
    retyped_from: str | None = None
    # Suppressed as the verb of a condition ("if Russia were not sharing"): a hypothetical, no act, so the
    # detector proposes no other type on it either ("It would be surprising if Russia were not sharing").
    # Only the condition: with every structural rule of find_triggers (descriptions, generic statements ...)
    # it fired on 2 NGEC training quotes, both events of the labelled type.
    ruled_out: bool = False


def _dependents(tok: Any, depth: int = 4) -> list[Any]:
    # In "the sanctions Washington imposed" the object of the relative clause is the noun it modifies.
    out = [tok.head] if tok.dep_ in ("relcl", "acl") else []
    frontier = [tok]
    shared = _shared_object(tok)
    if shared is not None and not _a_person(shared):
        # Only a thing: a person set ("gather @official") names the doer as often as the object, and in
        # "Protesters gathered and attacked the minister" the minister is only attacked. A person shared as
        # the object is for the object-slot check (`human`, in _spec_matches).
        out.append(shared)
        frontier.append(shared)
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                # Time and topic phrases never complete a trigger ("produced [a deal] on missile data").
                if c.dep_ in _DEP_LINKS and not (c.dep_ == "prep" and (_temporal_prep(c) or c.lower_ in _TOPIC)):
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


def _shared_object(tok: Any) -> Any:
    """The object a verb shares with the verb coordinated right after it: in "lifting or reducing the sanctions"
    and "arrested and jailed two men" the parser hangs the object on the second verb only."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == tok.i + 2 and tok.doc[tok.i + 1].dep_ == "cc":
            return next((o for o in c.children if o.dep_ == "dobj"), None)
    return None


def _a_person(d: Any) -> bool:
    """A noun whose commonest WordNet sense is a person ("the girls"), or a person's or a nation's name."""
    return d.pos_ == "NOUN" and wordclass.classes(d.lemma_.lower(), "n")[:1] == ("person",) \
        or d.ent_type_ in ("PERSON", "NORP")


def _temporal_prep(prep: Any) -> bool:
    """ "on Thursday" is not a target: "fired missiles on Thursday" is no "fire on"."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _spec_matches(spec: TriggerSpec, tok: Any, onto: Ontology, deps: list[Any] | None) -> bool:
    if spec.dep is None and spec.dep_set is None:
        return True
    if spec.dep in _PARTICLES:
        # A particle or preposition belongs to the verb itself ("give in", "call for"); only "to" may
        # sit one level down, on the infinitive ("decline to comment").
        if any(c.lower_ == spec.dep and not (c.dep_ == "prep" and _temporal_prep(c)) for c in tok.children):
            return True
        if spec.dep == "for" and any(c.dep_ in ("advcl", "ccomp", "xcomp") and any(
                g.dep_ == "mark" and g.lower_ == "for" and g.i == c.left_edge.i for g in c.children)
                for c in tok.children):
            return True  # "called for Russia to reciprocate": the parser makes "for" the infinitive clause's mark
        return spec.dep == "to" and any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)
                                        for c in tok.children)
    if spec.dep_set == "conflict":
        # "warned that any provocation would be met with a merciless strike": the threat is in the clause.
        deps = [d for c in tok.children if c.dep_ == "ccomp" for d in c.subtree] + (deps or _dependents(tok))
    deps = deps if deps is not None else _dependents(tok)
    if spec.dep_set in onto.lists.get("instrument_sets", frozenset()):
        # an instrument is what the act is done with ("hit the boat with water cannon"), not its subject
        # ("the missiles hit a target") nor its object
        # ("hit [a boat with water cannon]": the parser may hang the "with" on the object)
        deps = [d for d in deps if d.dep_ == "pobj" and d.head.lower_ == "with" and (
            d.head.head.i == tok.i or d.head.head.head.i == tok.i and d.head.head.dep_ == "dobj")]
    if spec.dep is not None:
        return any(d.lemma_.lower() == spec.dep for d in deps)
    if spec.dep_set == "PERSON":
        return any(d.ent_type_ == "PERSON" for d in deps)
    if spec.dep_set == "human":
        # who undergoes the act is people of any kind ("the 40 students were released", "freed the girls"),
        # by the noun's commonest WordNet sense; "released a statement" is no release of anyone
        # or by a name or a nationality ("A Swede held since 2011 was released"). Not a pronoun: "he may be
        # released" is found then, but its recipient is not (participants.py names a nearby noun instead)
        shared = _shared_object(tok)
        return any(d.dep_ in ("dobj", "nsubjpass") and _a_person(d)
                   for d in deps + ([shared] if shared is not None else []))
    members = onto.sets.get(spec.dep_set or "", frozenset())
    # "gave different counts of the missiles": what was given is the counts; a member inside an "of" phrase
    # counts only under a partitive ("dozens of missiles") or a noun of the set itself ("supplies of food").
    deps = [d for d in deps if not _inside_abstract_of(d, tok, members)]
    if tok.pos_ == "VERB":
        # What the act is done to is not in the modifiers of its subject: in "the missile launch has produced
        # a discrepancy" the missile describes the launch, it was not produced. The subject itself may
        # count ("production increased").
        subject_mods = {d.i for c in tok.children if c.dep_ == "nsubj" for d in c.subtree if d is not c}
        # Nor is it the subject of a verb that has an object or a complement clause: that subject does the act
        # ("every shell ... makes a settlement harder to reach" makes no shell; "production increased" counts).
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in tok.children):
            subject_mods |= {c.i for c in tok.children if c.dep_ == "nsubj"}
        deps = [d for d in deps if d.i not in subject_mods]
    return any(d.lemma_.lower() in members for d in deps)


_ABSTRACT = frozenset({"quantity", "communication", "cognition", "attribute"})


def _inside_abstract_of(d: Any, tok: Any, members: frozenset[str]) -> bool:
    """Is `d` the object of an "of" that hangs on a figure, a message or an idea (not on `tok` itself)?"""
    prep = d.head
    if d.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == tok.i:
        return False
    noun = prep.head
    lem = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lem in members or lem in lexicon()["partitive_nouns"] \
            or lem in lexicon()["quantity_units"] or lem in ("ton", "tonne", "load", "shipment", "batch"):
        return False
    return bool(_ABSTRACT & set(wordclass.classes(lem, "n")))


def _possessed(o: Any) -> Any:
    """The head of an object the parser split at a possessive: in "dismissed the panel of experts' findings"
    it makes "panel" the object and "findings" the object of "of"; what was dismissed is the findings. A person
    stays the object: "dismissed the director of the state's health service" dismissed the director."""
    if "person" in wordclass.classes(o.lemma_.lower(), "n"):
        return o
    for prep in o.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj" and any(x.dep_ == "poss" and x.pos_ != "PRON" for x in p.children):
                    return p
    return o


def _object_rules_out(tok: Any, onto: Ontology) -> bool:
    """A bare verb trigger whose direct object is of a sense its type cannot have (ontology `object_senses`:
    "offered a different tally", "supports up to 8GB")."""
    rule = onto.object_senses.get(tok.lemma_.lower())
    if rule is None:
        return False
    bad, senses, unless = rule
    passing = frozenset().union(*(onto.sets.get(u, frozenset()) for u in unless)) if unless else frozenset()
    for o in tok.children:
        if o.dep_ != "dobj":
            continue
        o = _possessed(o)
        lem = o.lemma_.lower()
        if lem in passing:
            return False
        number = o.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") or o.pos_ == "NUM" or any(
            c.dep_ == "nummod" for c in o.children)
        if number and "NUM" in bad:
            return True
        classes = wordclass.classes(lem, "n")
        # a word that may name a body of people ("his military command", "the leadership") may be what the
        # verb's own type acts on, whatever its first sense is; a second sense of a person is no such body
        # ("committed suicide": a suicide is also one who kills himself, and the act is what was committed)
        people = classes[:1] in (("person",), ("group",)) or "group" in classes[1:2]
        if o.pos_ == "NOUN" and bad & set(classes[:senses]) and not people:
            return True
    return False


def _named_meeting(tok: Any, onto: Ontology) -> bool:
    """The last word of a meeting's name, which the tagger makes a proper noun ("concluded a Democracy Summit",
    "the G20 Summit opened"): the meeting, as its common noun would be. Only the name's head, not a name it
    begins ("Summit County") nor one it is part of ("the Summit Series")."""
    if tok.pos_ != "PROPN" or tok.dep_ == "compound" or not any(c.dep_ == "compound" for c in tok.children):
        return False
    return any(s.type == "CONSULT" and s.dep is None and s.dep_set is None
               for s in onto.nouns.get(tok.lemma_.lower(), ()))


def _verb_lemma(tok: Any) -> str:
    """The verb's lemma, mended where the tagger's lemmatiser takes a form for another verb's (lexicon
    `misread_verb_forms`: "raped" -> "rap"), whatever its object."""
    lem = tok.lemma_.lower()
    for pair in lexicon()["misread_verb_forms"]:
        form, _, right = pair.partition(" ")
        if tok.lower_ == form:
            return right
    return lem


def _match(tok: Any, onto: Ontology) -> TriggerSpec | None:
    pos = tok.pos_
    if pos in ("VERB", "AUX"):
        specs = onto.verbs.get(_verb_lemma(tok))
    elif pos == "NOUN":
        specs = onto.nouns.get(tok.lemma_.lower())
    elif _named_meeting(tok, onto):
        specs, pos = onto.nouns.get(tok.lemma_.lower()), "NOUN"
    else:
        return None
    if not specs:
        return _nominalisation(tok, onto) if pos == "NOUN" else None
    blocked = onto.not_events.get(tok.lemma_.lower())
    if blocked and any(d.lemma_.lower() in blocked for d in _dependents(tok, 2)):
        return None  # "declined to comment", "a news conference"
    deps: list[Any] | None = None
    best: TriggerSpec | None = None
    phrasal = pos == "VERB" and any(_phrasal_up(c) for c in tok.children)
    for spec in specs:
        if pos == "AUX" and spec.dep is None:
            continue  # bare "be"/"have" are never events
        if phrasal and spec.dep != "up":
            continue  # "give up its weapons programme", "signed up to a facility": another verb than the bare one
        if spec.dep is None and spec.dep_set is None and pos == "VERB" and _object_rules_out(tok, onto):
            other = onto.object_sense_types.get(tok.lemma_.lower())
            if other is None or other == spec.type:
                continue
            spec = replace(spec, type=other)  # "dismissed the findings": REJECT, not PERSONNEL
        if spec.dep or spec.dep_set:
            deps = deps if deps is not None else _dependents(tok)
        if _spec_matches(spec, tok, onto, deps) and (
                best is None or (spec.specificity, -spec.order) > (best.specificity, -best.order)):
            best = spec
    if best is not None and pos == "VERB" and _intransitive(tok):
        # "a car bomb blew up": with nothing blown up, the explosion itself (ontology `intransitive`)
        other = onto.intransitive.get(f"{best.head} {best.dep}" if best.dep else best.head)
        if other is not None:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and \
                    wordclass.classes(subj.lemma_.lower(), "n")[:1] not in (("artifact",), ("substance",), ("object",)):
                return None  # "the merger talks blew up": a figure of speech, nothing exploded
            return replace(best, type=other)
    if best is None and pos == "NOUN":
        return _nominalisation(tok, onto)
    return best


def _phrasal_up(c: Any) -> bool:
    """Is `c` the particle "up" of a phrasal verb ("give up", "sign up", "set up")? Those are other words than
    the bare verb: the lexicon names the ones it means ("beat up", "team up"). Not "up to" a quantity ("ordered
    up to a thousand troops"). Only "up": with every particle, "cutting off aid" and "burned down villages"
    lost their lexicon triggers (NGEC quotes: 9 changed; with "up" alone 1, no event of the labelled type)."""
    if c.dep_ != "prt" or c.lower_ != "up":
        return False
    after = c.doc[c.i + 1:c.i + 4]
    return not (len(after) and after[0].lower_ == "to" and any(t.like_num or t.pos_ == "NUM" for t in after[1:]))


def _nominalisation(tok: Any, onto: Ontology) -> TriggerSpec | None:
    """ "the delivery of howitzers", "the activation of the standby force": the noun of a verb trigger that
    needs an object of a set ("deliver @weapon") is that trigger when its `of` object or compound modifier is
    of the set (paraphrase.py). Only set triggers: a bare verb's noun ("the meeting's approval") says too
    little on its own."""
    lemma = tok.lemma_.lower()
    objects = noun_objects(tok)
    if not objects or tok.dep_ == "compound" or tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        # inside another noun's phrase the act describes that noun ("a freeze on the sale of jets")
        return None
    best: TriggerSpec | None = None
    for verb in verb_of_noun(lemma, onto):
        for spec in onto.verbs.get(verb, []):
            if spec.dep_set is None or spec.dep_set in onto.lists.get("instrument_sets", frozenset()) \
                    or spec.type not in onto.lists.get("nominalised_types", frozenset()):
                continue
            if _spec_matches(spec, tok, onto, objects) and (best is None or spec.order < best.order):
                best = spec
    return None if best is None else replace(best, head=lemma, pos="NOUN")


def _intransitive(tok: Any) -> bool:
    """No object and not passive: "the bomb blew up" (against "blew up a bridge", "was blown up")."""
    return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "attr", "oprd") for c in tok.children)


def _descriptive(tok: Any, onto: Ontology) -> bool:
    """Modifiers that describe a thing rather than report an act."""
    if tok.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "amod" or tok.dep_ == "acl" and tok.tag_ == "VBN" and not reduced_relative(tok):
            return True
    elif tok.dep_ == "compound" and tok.head.lemma_.lower() not in onto.sets.get("event_heads", frozenset()):
        return True  # "production plant", "launch missions"; but "production plans/targets" are events
    return False


def reduced_relative(tok: Any) -> bool:
    """A past participle after a noun with its own agent: "a teenager *killed by* police officers", "weapons
    *supplied by* Iran". The "by" phrase names who did it, so it reports an act, told about a participant
    the way a relative clause is ("who was killed by ..."); a bare participle ("newly deployed weapons",
    "a system earmarked for deployment") describes."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)
    # Held back like a relative clause (`Trigger.relative`): the detector keeps it when it holds the type at
    # that type's own threshold. As a live trigger (the lower keep bar) it added 3 mentions to voa_dev and
    # plover_dev, none of them gold ("a meeting requested by the United States").


def _inside_descriptive(tok: Any, sent_root: Any) -> bool:
    """Inside a participle that describes a noun ("a system earmarked for deployment")."""
    t = tok
    while t.head != t and t != sent_root:
        if t.dep_ == "acl" and t.tag_ == "VBN" and t != tok:
            return True
        if t.dep_ in _BARRIERS:
            return False
        t = t.head
    return False


def _generic(tok: Any) -> bool:
    """Governed by a disposition noun: "a tendency to replace officials" is not a replacement."""
    generic = lexicon()["generic_nouns"]
    t, steps = tok, 0
    while t.head != t and steps < 4:
        if t.dep_ in _BARRIERS:
            return False
        t = t.head
        steps += 1
        if t.pos_ == "NOUN" and t.lemma_.lower() in generic:
            return True
    return False


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "poss", "attr"})


def habitual(tok: Any) -> bool:
    """Generic statements and figures of speech, not happenings: a present-simple clause with an adverb of
    frequency ("Mass shootings are rarely carried out by women", "rebels often attack convoys"), a past one
    with an adverb of habit ("she usually patrolled with a partner", lexicon `habit_adverbs`), and the
    infinitive of "too ADJ to" ("too tired to fight": the fight did not happen)."""
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ" and any(c.lower_ == "too" for c in tok.head.children):
        return True
    verb = tok
    for _ in range(4):  # a noun trigger (or one mis-tagged as a verb) belongs to the clause it is an argument of
        if verb.dep_ not in _ARGUMENT_DEPS:
            break
        verb = verb.head
    if verb.pos_ != "VERB":
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tags = {verb.tag_} | {c.tag_ for c in aux}
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    # the present perfect ("has often accused") sums up acts that happened; the present simple generalizes
    if any(c.lemma_ == "have" for c in aux):
        return False
    if tags & {"VBZ", "VBP"} and not tags & {"MD", "VBD"}:
        return bool(adverbs & lexicon()["frequency_adverbs"])
    # a past habit: "Ortega usually patrolled with a partner", "guards would normally search visitors"
    # (the tagger reads some finite past verbs as participles: "officers usually arrested/VBN three drivers")
    past = "VBD" in tags or verb.tag_ == "VBN" and not aux or any(c.lower_ in ("would", "'d") for c in aux)
    return past and bool(adverbs & lexicon()["habit_adverbs"])


_PARTY_PREPS = frozenset({"by", "against", "on", "with", "between", "from"})


def _names_parties(noun: Any) -> bool:
    """Does an event noun's own phrase say who acted or against whom? ("the protest *by farmers*", "*their*
    rally", "the attack *on the convoy*", "a *Palestinian* demonstration", "a march *of thousands*")."""
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in _NAMED:
            return True
        if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS | {"of"}:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ != "of":
                return bool(objs)
            # "of" names a party only when what follows it are people ("of thousands", "of workers"); a
            # "demonstration of the new system" (or "of the welding line") shows a thing
            if any(g.ent_type_ in _NAMED or g.like_num or g.lemma_.lower() in lexicon()["partitive_nouns"]
                   or wordclass.classes(g.lemma_.lower(), "n")[:1] == ("person",)
                   for g in objs):
                return True
    return False


def _spectacle(tok: Any) -> bool:
    """One display noun that someone watched, with no parties of its own, is a display: "Kim watched a
    demonstration in which a drone hit a target", "the minister observed an exercise". The one watching is a
    spectator, not its actor (a perception verb, by its WordNet class: watch, observe, witness, view), and
    nothing in the phrase says who acted or against whom. What is watched with its parties named ("watched
    the protest by farmers", "witnessed the attack on the convoy") is a happening, and stays."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.tag_ != "NN" \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return False  # one performance ("a demonstration"), not what went on ("observed intense fighting")
    if tok.lemma_.lower() not in lexicon()["display_nouns"]:
        return False  # "witnessed an airstrike", "saw a massacre": a happening looked on at, not a display
    head = tok.head
    if head.pos_ != "VERB" or wordclass.classes(head.lemma_.lower(), "v")[:1] != ("perception",):
        return False
    # (the parser often hangs the noun's "by" phrase on the verb: "watched a demonstration by nurses")
    return not _names_parties(tok) and not any(c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i
                                               for c in head.children)


def _practice_target(tok: Any) -> bool:
    """A strike on a practice target is a weapons test, not an attack (ASSAULT) nor the destruction of someone's
    property (COERCE): "the missiles hit a target island",
    "the interceptor destroyed a target drone", "shells landed on a mock target", "a drone hit an armoured
    vehicle used as a target". What was struck is a target by design (the compound "target X", a target
    that is mock, dummy or simulated, a thing "used as a target"): nobody was attacked. A target that belongs
    to someone ("struck Hamas targets", "hit military targets in Kharkiv") is the object of a real attack."""
    practice = lexicon()["practice_target_modifiers"]
    struck = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    struck += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "into", "onto")
               for g in c.children if g.dep_ == "pobj"]
    for o in struck:
        mods = [c for c in o.children if c.dep_ in ("compound", "amod", "nmod")]
        if o.lemma_.lower() != "target" and any(c.lemma_.lower() == "target" for c in mods):
            return True  # "a target island", "target ships"
        if o.lemma_.lower() == "target" and any(c.lemma_.lower() in practice for c in mods) \
                and not any(c.dep_ == "poss" or c.ent_type_ in _NAMED for c in o.children):
            return True  # "a mock target", "simulated targets"
        used_as = [g for a in o.children if a.dep_ == "acl" for p in a.children if p.dep_ == "prep"
                   and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
        if any(g.lemma_.lower() == "target" for g in used_as):
            return True  # "an old frigate used as a target"
    return False


def _copular_description(tok: Any) -> bool:
    """ "This visit is part of a series of visits": an event noun in the predicate of "be" classifies,
    it does not report."""
    if tok.pos_ != "NOUN":
        return False
    t = tok
    for _ in range(6):
        if t.dep_ in ("attr", "acomp") and t.head.lemma_ == "be":
            return True
        if t.head == t or t.head.pos_ in ("VERB",) and t.head.lemma_ != "be":
            return False
        t = t.head
    return False


def _anaphoric(tok: Any) -> bool:
    """A re-mention of an event already reported: "The visit comes as ...", "This visit by Kim is part
    of ...", "had not commented on the launch", "The missiles were launched from ...". A definite event
    noun that brings no participants of its own, a definite subject of an event noun, or a definite
    patient of an agentless passive refers back; it is not a new event."""
    if tok.pos_ in ("VERB", "AUX"):
        # A story's lead refers back to nothing: its definite victim is news ("The mayor ... was shot"). A
        # definite event noun there still names a known event ("following the peace deal").
        if any(c.dep_ == "agent" for c in tok.children) or _lead(tok):
            return False
        sp = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        return sp is not None and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in sp.children)
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return False
    first = tok
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "The visit ... and the subsequent reshuffling ... indicate"
    # (a target of its own, "the sanctions on X", "a ban against imports", makes it a new act, as "of X" does)
    own_args = any(c.dep_ in ("poss", "relcl", "acl") or c.dep_ == "prep" and c.lower_ in (
                       "of", "by", "with", "between", "to", "on", "against")
                   or c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                   or c.dep_ == "amod" and c.lower_ in ("first", "second", "third", "new", "latest")
                   for c in tok.children)
    if first.dep_ == "nsubj" and first.head.lemma_.lower() in lexicon()["continuation_verbs"] and \
            not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in first.head.children):
        return False  # "The talks continued on Tuesday": the event goes on, told as news (noise.py's near-miss)
    if first.dep_ in ("nsubj", "nsubjpass"):
        return not any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return not own_args


def _lead(tok: Any) -> bool:
    """Is the token in the report's first sentence? A story's lead tells no event twice: "The 45-year-old
    mayor of Dunmore was shot ...", "The opposition leader was arrested ..." open the report; its definite
    people are ones the reader is taken to know, not the patients of an act told before."""
    sent = tok.sent
    return not any(t.is_alpha for t in tok.doc[:sent.start])


def _secondary(tok: Any) -> bool:
    """A non-finite adjunct clause ("..., killing one person", "to demand reforms", "in demanding") or a
    gerund after a preposition: circumstances, results or purposes of the sentence's main act."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    # (An xcomp is not secondary: in "failed to reach agreement" it is the main act.)
    return tok.dep_ in ("advcl", "pcomp")


def _needed(c: Any) -> bool:
    """ "Washington needs to act", "a firm response was urgently needed": said by someone, a need is asked
    of a party, as "must" asks it (not "need not", "does not need to")."""
    if c.lemma_ != "need" or c.pos_ != "VERB" or any(x.dep_ == "neg" for x in c.children):
        return False
    to_do = any(x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX") for x in c.children)
    return to_do or any(x.dep_ == "auxpass" for x in c.children)


def _must_requests(sent: Any, found: dict[int, Trigger], lex: Any) -> None:
    """ "X said (that) Y must / should / needs to do Z" is X's REQUEST to Y (PLOVER), whatever Z is."""
    for tok in sent:
        if tok.i in found or tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["request_speech_verbs"]:
            continue
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            modal = any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children)
            # "has to withdraw" asks; "has yet to prove" does not.
            have_to = c.lemma_ == "have" and any(x.dep_ == "xcomp" for x in c.children) and \
                not any(x.lower_ in ("yet", "still") for x in c.subtree)
            subj = next((a for a in c.children if a.dep_ in ("nsubj", "nsubjpass")), None)
            if (modal or have_to or _needed(c)) and subj is not None and subj.pos_ != "PRON":
                found[tok.i] = Trigger(tok=tok, type="REQUEST", spec=TriggerSpec("REQUEST", tok.lemma_, "VERB"))
                break


def _background(tok: Any) -> bool:
    """An event noun in a frame adjunct: "during the meeting", "despite hours of negotiations"."""
    if tok.pos_ != "NOUN":
        return False
    t = tok
    for _ in range(3):
        if t.dep_ != "pobj":
            return False
        prep = t.head
        if prep.lower_ in lexicon()["frame_preps"] and prep.head.pos_ in ("VERB", "AUX"):
            return True
        if prep.lower_ != "of" or prep.head.pos_ != "NOUN":
            return False
        t = prep.head
    return False


def _alleged_wrong(tok: Any, onto: Ontology) -> tuple[Any, Any] | None:
    """(doer, speaker) when a speaker says another party did wrong: a verb of violation or one done
    "illegally" (ontology `violation_verbs`, `illegality_adverbs`) in the content of a speech verb whose
    subject is someone else ("Lin Hao said the Philippine vessel had illegally intruded into the waters").
    PLOVER codes that as the speaker's accusation of the doer. Not a wrong the outlet narrates, nor one the
    speaker owns up to or denies ("we did not violate")."""
    said = tok.head
    if tok.dep_ != "ccomp" or said.lemma_.lower() not in lexicon()["attribution_verbs"]:
        return None
    wrongful = tok.lemma_.lower() in onto.lists.get("violation_verbs", frozenset()) or any(
        c.dep_ == "advmod" and c.lemma_.lower() in onto.lists.get("illegality_adverbs", frozenset())
        for c in tok.children) or _perpetrated(tok, onto)
    if not wrongful or any(c.dep_ == "neg" for c in tok.children):
        return None
    doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if doer is None or speaker is None or doer.lower_ in wordclass.PERSONAL_SUBJECTS - {"you"} \
            or doer.lemma_.lower() == speaker.lemma_.lower():
        return None
    return doer, speaker


def _perpetrated(tok: Any, onto: Ontology) -> bool:
    """A wrong committed: "committed grave abuses", "perpetrated atrocities" (a `perpetration_verbs` verb whose
    object's commonest senses hold an act; "committed troops" and "committed to talks" are none)."""
    if tok.lemma_.lower() not in onto.lists.get("perpetration_verbs", frozenset()):
        return False
    return any(c.dep_ == "dobj" and "act" in wordclass.classes(c.lemma_.lower(), "n")[:2] for c in tok.children)


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_TARGET_CLASSES = frozenset({"location", "artifact", "person", "object"})


def _armed_strike(tok: Any, onto: Ontology) -> bool:
    """A strike *on* or *against* a place, a building or armed people, or one carried out, is an attack
    ("launched strikes against militant targets", "strikes on rebel positions", "carried out strikes");
    a strike against a reform, over pay or by nurses is a walkout (PROTEST)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in onto.lists.get("armed_strike_nouns", frozenset()):
        return False
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in onto.lists.get("armed_strike_verbs", frozenset()):
        return True
    places = onto.sets.get("target", frozenset()) | onto.sets.get("troop", frozenset()) | {"target"}

    def target(obj: Any) -> bool:
        return obj.ent_type_ in _PLACE_ENTS or obj.lemma_.lower() in places or (
            obj.pos_ == "NOUN" and wordclass.classes(obj.lemma_.lower(), "n")[:1] in {(c,) for c in _TARGET_CLASSES})

    # "a second strike hit a fuel depot", "the strike killed five people" (not "the strike hit production")
    hits = onto.lists.get("armed_strike_subject_verbs", frozenset())
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in hits and any(
            o.dep_ == "dobj" and (target(o) or o.pos_ == "NUM") for o in tok.head.children):
        return True
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "against") or _temporal_prep(prep):
            continue
        if any(obj.dep_ == "pobj" and target(obj) for obj in prep.children):
            return True
    return False


def _threat_assessed(tok: Any) -> bool:
    """ "The threat of war hangs over the region" is an assessment; a threat someone makes ("issued threats of
    sanctions") or one whose own phrase names the parties ("Russia's threat of force against Kyiv") is an act."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() == "threat" and tok.dep_ != "dobj" and not _names_parties(tok)


def _agrees_with_position(tok: Any) -> bool:
    """ "I agree with the strikes", "she agreed with the court's ruling", "the court agreed with prosecutors":
    agreeing with an act, a decision, a view or a party's case, with no terms, is endorsing it (PLOVER
    SUPPORT). With terms ("agreed with Kyiv on a prisoner exchange", "agreed with the union to end the
    strike", "agreed with Hanoi that talks would resume"), it is an agreement (AGREE)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "agree":
        return False
    withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
             if g.dep_ == "pobj"]
    return bool(withs) and not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in ("on", "to", "over")
                                   for c in tok.children)


def _aimed_act(tok: Any, onto: Ontology) -> str | None:
    """The type of an act told by a noun or a verb of using and the party it is aimed at (aimed_acts.py)."""
    if tok.pos_ == "NOUN":
        if "SANCTION" in onto.types and measure_against(tok, onto):
            return "SANCTION"
        if "ASSAULT" in onto.types and hostile_encounter(tok, onto):
            return "ASSAULT"
        if "SUPPORT" in onto.types and in_support_of(tok, onto, lambda w: _match(w, onto) is not None):
            return "SUPPORT"
        return None
    return "ASSAULT" if "ASSAULT" in onto.types and force_used_against(tok, onto) else None


def find_triggers(sent: Any, onto: Ontology) -> list[Trigger]:
    """All triggers of one sentence (a spaCy Span), with suppression decided."""
    root = sent.root
    found: dict[int, Trigger] = {}
    for tok in sent:
        spec = _match(tok, onto)
        # (`verb`, `noun`: the rules below that read only a verb or only a noun are not asked of other words,
        # each of which would return at its first line; asked of every token of every sentence otherwise)
        pos = tok.pos_
        verb, noun = pos == "VERB", pos == "NOUN"
        # A person + a verb of change + an office is a change of office whatever the verb's other senses
        # ("leaves defence for the foreign ministry" is no retreat)
        change = find_office_change(tok, onto) if verb else None
        post = office_paraphrase(tok, onto) if change is None and verb else None  # "the economy job goes to Mora"
        if change is not None or post is not None:
            spec = TriggerSpec(type=onto.office_change["type"], head=tok.lemma_.lower(), pos="VERB",
                               dep="@office" if post is None else "@post")
            change = change or post
        if spec is None and verb and "SANCTION" in onto.types and found_guilty(tok):
            spec = TriggerSpec(type="SANCTION", head=tok.lemma_.lower(), pos="VERB", dep="@verdict")
        judged = copular_verdict(tok) or feeling_toward(tok) if spec is None else None  # "Putin is the aggressor"
        if judged is not None and judged in onto.types:
            spec = TriggerSpec(type=judged, head=tok.lemma_.lower(), pos=tok.pos_, dep="@copula")
        wrong = _alleged_wrong(tok, onto) if spec is None and verb else None
        if wrong is not None:
            spec = TriggerSpec(type="ACCUSE", head=tok.lemma_.lower(), pos="VERB", dep="@wrong")
        phrasal = phrasal_object(tok, onto) if spec is None and verb else None
        if phrasal is not None:
            spec = TriggerSpec(type=phrasal, head=tok.lemma_.lower(), pos="VERB", dep="@phrasal")
        if spec is None and verb and "THREATEN" in onto.types and warned_consequence(tok, onto):
            spec = TriggerSpec(type="THREATEN", head=tok.lemma_.lower(), pos="VERB", dep="@consequence")
        if spec is None and verb and "THREATEN" in onto.types and answer_to_any(tok):
            spec = TriggerSpec(type="THREATEN", head=tok.lemma_.lower(), pos="VERB", dep="@any")
        if spec is None and noun and "ASSAULT" in onto.types and armed_operation(tok, onto):
            spec = TriggerSpec(type="ASSAULT", head=tok.lemma_.lower(), pos="NOUN", dep="@against")
        if spec is None and noun and "MOBILIZE" in onto.types and launched_operation(tok, onto):
            spec = TriggerSpec(type="MOBILIZE", head=tok.lemma_.lower(), pos="NOUN", dep="@launched")
        aimed = _aimed_act(tok, onto) if spec is None and (verb or noun) else None
        if aimed is not None:
            spec = TriggerSpec(type=aimed, head=tok.lemma_.lower(), pos=pos, dep="@aimed")
        if spec is None or _descriptive(tok, onto) or verb and aimed_by_measure(tok, onto):
            continue
        retyped_from = None
        if spec.type == "AGREE" and "SUPPORT" in onto.types and _agrees_with_position(tok):
            spec, retyped_from = replace(spec, type="SUPPORT"), spec.type
        elif spec.type == "PROTEST" and "ASSAULT" in onto.types and _armed_strike(tok, onto):
            spec, retyped_from = replace(spec, type="ASSAULT"), spec.type
        found[tok.i] = Trigger(tok=tok, type=spec.type, spec=spec, retyped_from=retyped_from)
        if change is not None:
            found[tok.i].recipient_tok, found[tok.i].actor_tok = change.holder, change.actor
        elif wrong is not None:
            found[tok.i].recipient_tok, found[tok.i].actor_tok = wrong
            found[tok.i].embed = "claimed"
        elif (succ := succession(tok, onto)) is not None and spec.type == onto.office_change.get("type"):
            found[tok.i].recipient_tok, found[tok.i].actor_tok = succ  # "X replaces Y as minister"
    lex = lexicon()
    _must_requests(sent, found, lex)
    if not found:
        return []
    for trig in found.values():
        tok = trig.tok
        claimant = claiming_verb(tok) if tok.pos_ == "NOUN" else None
        # a verdict by the copula ("Putin is the aggressor") is that predicate noun: no description, no anaphor
        verdict = trig.spec.dep == "@copula"
        if claimant is not None:
            # A claim of responsibility names who did the act: it is news even when the act was reported
            # before ("the attack"), done by the claimant, on the claimant's word.
            trig.actor_from, trig.embed = claimant, "claimed"
        if _inside_descriptive(tok, root) or _generic(tok) or habitual(tok) \
                or _anaphoric(tok) and claimant is None and not verdict \
                or not verdict and _copular_description(tok) or _unreported(tok) \
                or _in_condition(tok) and tok.i != root.i \
                or _in_aim(tok) \
                or trig.spec.dep != "@post" and no_event(tok, onto, trig.type) or _spectacle(tok) \
                or trig.type in ("ASSAULT", "COERCE") and _practice_target(tok) or _threat_assessed(tok):
            trig.suppressed = True
            trig.ruled_out = _in_condition(tok) and tok.i != root.i
        elif _in_relative_clause(tok) or reduced_relative(tok):
            trig.suppressed = trig.relative = True
        trig.background = _background(tok) or _secondary(tok) and not simultaneous_act(tok, onto.types[trig.type])
        trig.negated = _negated(tok)
        gov = _governor(tok, found)
        if gov is None or gov.spec.dep == "@any":
            # (in "will respond to any attack" what is threatened is the response, not the attack: the deed it
            # answers is the other side's, so it is not embedded as the threat's content and keeps its own type)
            continue
        trig.governor = gov
        _apply_embedding(trig, gov, onto, lex)
        trig.relative = False  # absorbed by its governor as well
    _negation_rules(found, onto, lex)
    _future_rules(found, lex)
    live = [t for t in found.values() if not t.suppressed]
    if any(not t.background for t in live):
        for t in live:
            if t.background and not t.embed:  # the content of an accusation/denial is its own event
                t.suppressed = True
    return sorted(found.values(), key=lambda t: t.tok.i)


def _governor(tok: Any, found: dict[int, Trigger]) -> Trigger | None:
    speech = lexicon()["attribution_verbs"]
    t = tok
    while t.head != t:
        if t.dep_ in _BARRIERS or _own_adverbial(t) or reduced_relative(t):
            return None
        via_conj = t.dep_ == "conj"
        t = t.head
        if t.i not in found and t.lemma_.lower() in speech and any(c.dep_ == "nsubj" for c in t.children):
            return None  # "..., while Ukraine said X": X is Ukraine's statement, not the main clause's
        # A conjunct is a sibling, not content ("dismissed X and replaced Y"); look above the first one.
        if t.i in found and not via_conj:
            return found[t.i]
    return None


_REL_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _own_adverbial(t: Any) -> bool:
    """A finite adverbial clause with its own subject ("..., though they signed a treaty", "as the
    opposition threatened ...") is a separate statement, not the content of the clause it hangs on."""
    return t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


_CONDITION_MARKS = frozenset({"if", "unless", "until", "before", "lest", "whether", "till"})


def _in_condition(tok: Any) -> bool:
    """The condition of another act ("threatened to ... unless Baghdad accepted its conditions", "must
    agree before they demobilize") is not itself reported as happening."""
    t = tok
    for _ in range(6):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.children):
            return t.head.i != t.i
        if t.head == t:
            return False
        t = t.head
    return False


def _in_aim(tok: Any) -> bool:
    """Inside the aim of an act: the infinitive of "in an effort / a bid / an attempt to ..." (lexicon
    `aim_nouns`) or anything under it. What a party did that for is not reported as done. The phrase must hang
    on that act, not on a copula: "was the gunman in a failed attempt to kill a union boss" tells the attempt
    itself (an attempted killing is the event) and the role played in it."""
    aims = lexicon()["aim_nouns"]
    t = tok
    for _ in range(6):
        if t.dep_ == "acl" and t.head.lemma_.lower() in aims and t.head.dep_ == "pobj" and \
                t.head.head.lower_ == "in" and t.head.head.head.lemma_.lower() != "be":
            return True
        if t.head == t:
            return False
        t = t.head
    return False


def _in_relative_clause(tok: Any) -> bool:
    """A relative clause about a participant ("Sharon, who has vowed ...", "Hamas, which ...") is
    background. One with a subject of its own ("the sanctions Washington imposed") reports an event."""
    t = tok
    for _ in range(8):
        if t.dep_ == "relcl":
            if dated_relative(t):
                return False  # "the girls, who were kidnapped last Friday": a report of its own (clause_news.py)
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            wh = any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that" for c in t.subtree
                     if c.i < t.i)
            return subj is None or wh or t.head.ent_type_ in _NAMED
        if t.head == t:
            return False
        t = t.head
    return False


def _unreported(tok: Any) -> bool:
    """Inside what a source did not say ("The report did not say how many missiles were fired")."""
    speech = lexicon()["reporting_verbs"]
    t = tok
    for _ in range(6):
        if t.head == t:
            return False
        t = t.head
        if t.lemma_.lower() in speech and any(c.dep_ == "neg" for c in t.children):
            return True
    return False


def _apply_embedding(trig: Trigger, gov: Trigger, onto: Ontology, lex: Any) -> None:
    glemma = gov.tok.lemma_.lower()
    if gov.tok.pos_ in ("VERB", "AUX") and glemma in onto.lists.get("directive_verbs", frozenset()) and \
            trig.type in MATERIAL_CONFLICT:
        # "ordered patrols" / "ordered troops to deploy": the ordered act is the event, by the orderer.
        gov.suppressed = True
        trig.actor_from = gov.tok
        trig.governor = None
        return
    if gov.type == trig.type:
        trig.suppressed = True  # "held talks", "launched an investigation": one event
        return
    if trig.actor_from is not None and trig.actor_from.i == gov.tok.i:
        # "al-Shabab claimed responsibility for the attack" (`claiming_verb`): an admission of one's own act, not
        # an accusation of another's; the claim itself is not a second event.
        gov.suppressed = True
        trig.governor = None
        return
    if glemma in lex["deny_verbs"] and gov.type == "REJECT" and trig.tok.pos_ in ("VERB", "AUX"):
        trig.embed = "denied"  # "denied supplying weapons": the supply is reported as denied
        return
    if gov.type == "ACCUSE" and trig.tok.pos_ in ("VERB", "AUX"):
        trig.embed = "claimed"  # "accused X of supplying weapons": the supply is X's alleged act
        return
    if glemma in onto.lists.get("commissive_verbs", frozenset()) and (trig.tok.dep_ == "xcomp" or (
            trig.tok.dep_ == "advcl" and any(c.lower_ == "to" for c in trig.tok.children))):
        # A vow to fight is a threat; a promise to help stays AGREE.
        if trig.type in MATERIAL_CONFLICT:  # "pledged to ask Congress" stays a pledge
            gov.type = "THREATEN"
        trig.suppressed = True
        return
    if gov.type in onto.lists.get("speech_act_types", frozenset()) or gov.type == "ACCUSE":
        trig.suppressed = True
        return
    if trig.tok.pos_ == "NOUN":
        trig.suppressed = True  # an event noun inside another event's arguments ("launched an attack")


def claims_responsibility(verb: Any) -> bool:
    """Does `verb` claim responsibility (or credit) for an act: "claimed responsibility for the attack",
    "took credit for the bombing"? An admission of one's own act, never an accusation of another's."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon()["claim_verbs"] | {
        "take", "admit", "accept", "assume", "bear", "acknowledge"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit")
        and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children) for c in verb.children)


def claiming_verb(tok: Any) -> Any:
    """The verb that claims responsibility for the act `tok` names ("al-Shabab claimed responsibility for
    the hotel attack"): the act sits under "for" on "responsibility" / "credit", the object of the claiming
    verb. None when it does not, or when nobody claimed it ("No group has claimed responsibility")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for" or tok.head.head.dep_ != "dobj":
        return None
    verb = tok.head.head.head
    if tok.head.head.lemma_.lower() not in ("responsibility", "credit") or not claims_responsibility(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if any(c.dep_ == "neg" for c in verb.children) or subj is not None and (
            subj.lower_ in ("nobody", "none", "no-one") or any(c.lower_ == "no" for c in subj.children)):
        return None
    return verb


def _negated(tok: Any) -> bool:
    """ "did not sign", "will never recognize", "will no longer recognize" ("no" hangs on "longer")."""
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "longer" and any(
        g.dep_ == "neg" and g.lower_ == "no" for g in c.children) for c in tok.children)


def _negation_rules(found: dict[int, Trigger], onto: Ontology, lex: Any) -> None:
    """Negated cooperation is rejection (PLOVER): "failed to reach agreement", "will not accept"."""
    negating = lex["negating_verbs"]
    for trig in found.values():
        tok = trig.tok
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_.lower() in negating and head.i not in found:
            trig.negated = True
        if trig.negated and trig.type in ("AGREE", "CONCEDE", "COOPERATE", "SUPPORT"):
            trig.promised, trig.type = trig.type, "REJECT"
            trig.negated = False


# A promised meeting stays a (planned) CONSULT: "will visit Seoul next week" is what analysts look for.
_PROMISABLE = frozenset({"AID", "COOPERATE", "RETREAT", "SUPPORT", "CONCEDE"})
# Announced sanctions are sanctions (PLOVER codes the announcement itself), so SANCTION stays.
_THREATENABLE = frozenset({"PROTEST", "COERCE", "ASSAULT"})


def _announced(tok: Any, lex: Any) -> bool:
    """Is the act someone's statement ("X said it would ...", "..., X announced")? A threat needs a
    speaker; "the rebels would attack if talks fail" on the outlet's own account is a hypothesis."""
    speech = lex["reporting_verbs"] | lex["attribution_verbs"] | lex["claim_verbs"]
    if any(c.dep_ == "nsubj" and c.lower_ in wordclass.FIRST_PERSON for c in tok.children):
        return True  # "then we will retaliate": a speaker's own word, whether or not the sentence names them
    t = tok
    while t.head != t:
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in speech:
            return True
    return any(c.lemma_.lower() in speech and c.dep_ in ("parataxis", "ccomp", "advcl") for c in t.children)


def _conditional_penalty(tok: Any, lex: Any) -> bool:
    """A penalty a party says will or could follow if (or unless) another acts is a threat, not a sanction yet:
    "sanctions could follow if Ankara goes ahead", "we will impose tariffs if talks fail". The verb is the
    trigger's own or, for a noun, the one it is the subject or object of; the speaker must be named
    (`_announced`)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") \
        and tok.head.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not auxes & (lex["future_aux"] | lex["hypothetical_aux"] | {"would", "'d"}):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children) and _announced(verb, lex)


def _future_rules(found: dict[int, Trigger], lex: Any) -> None:
    """PLOVER codes an announced future act by what it promises: "will give aid" is AGREE, "would boycott"
    and "will withdraw unless ..." are THREATEN. Military moves and production keep their type (planned)."""
    for trig in found.values():
        tok = trig.tok
        if trig.suppressed or trig.negated or trig.promised:
            continue
        if trig.type == "SANCTION" and _conditional_penalty(tok, lex):
            trig.promised, trig.type = trig.type, "THREATEN"
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        # "unless" makes a threat; "if" attaches a condition to an offer ("would meet him if ...").
        # "if ... not" is "unless": "will buy Russian jets if the freeze is not lifted".
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and (m.lower_ == "unless" or m.lower_ == "if"
                                                                       and _negated(c)) for m in c.children)
                          for c in tok.children)
        future = bool(auxes & lex["future_aux"]) or ("would" in auxes or "'d" in auxes) and not (
            tok.dep_ == "advcl" and any(m.lower_ == "if" for m in tok.children))
        if not future:
            continue
        if (trig.type in _THREATENABLE or conditional and trig.type in _PROMISABLE | {"MOBILIZE", "CONSULT"}) \
                and _announced(tok, lex):
            trig.promised, trig.type = trig.type, "THREATEN"
        elif trig.type in _PROMISABLE:
            trig.promised, trig.type = trig.type, "AGREE"
