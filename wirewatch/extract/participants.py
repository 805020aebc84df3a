"""Participants of a trigger from the dependency parse: who acts (actor), who is acted upon (recipient).

Verbs: subject (or "by X" of a passive) acts; dative, object, "to/with/against X" or the subject of a
"that" clause receives. Event nouns: possessor, "by X", a national modifier ("U.S. sanctions"), "from X"
for verbal acts ("condemnation from Seoul"), else the subject of the verb the noun is the object of.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Actor
from . import wordclass
from .acted_on import body_owner
from .arguments import (
    NOT_PARTICIPANT,
    ArticleContext,
    agent,
    gapped_passive,
    instruments,
    is_age_noun,
    modified_noun,
    perpetrator_of,
    place_noun,
    skip_partitive,
    stative_passive_subject,
    subject,
)
from .entities import STREET_WORDS as _STREET_WORDS
from .entity_antecedents import no_agent_noun
from .lexicon import lexicon
from .ontology import Ontology
from .paraphrase import copular_verdict
from .triggers import claiming_verb

# Verbal-act nouns whose "from X" is the one acting ("condemnation from Seoul").
_FROM_ACTOR_NOUNS = frozenset({"condemnation", "criticism", "protest", "complaint", "demand", "request",
                               "appeal", "call", "praise", "support", "warning", "threat", "rebuke",
                               "accusation", "pledge", "offer", "invitation", "rejection", "response"})
# Nouns of a thing given whose "from X" is the giver ("aid from Japan"; not "relief from" or "protection from").
_GIFT_NOUNS = frozenset({"aid", "assistance", "backing", "help", "funding", "loan", "grant", "donation"})
# Nouns whose proper-noun modifier is the target, not the actor ("the Kuwait invasion").
_TARGETED_NOUNS = frozenset({"invasion", "occupation", "bombing", "siege", "blockade", "annexation",
                             "embargo", "incursion", "shelling", "bombardment"})
# Event nouns whose possessor undergoes the act ("X's arrest": X is arrested), unlike "Kim's visit".
PATIENT_NOUNS = frozenset({"arrest", "detention", "killing", "murder", "slaying", "assassination", "execution",
                           "kidnapping", "abduction", "capture", "release", "conviction", "sentencing", "trial",
                           "extradition", "deportation", "expulsion", "dismissal", "firing", "ouster", "removal",
                           "indictment", "prosecution", "rescue", "imprisonment", "jailing", "torture",
                           "beating", "shooting", "stabbing", "rape", "death", "injury", "wounding", "sacking",
                           "purge", "impeachment", "acquittal", "exoneration", "interrogation", "questioning"})
# Verbs whose subject undergoes the event noun they take: "suffered attacks", "faces sanctions".
UNDERGO_VERBS = frozenset({"suffer", "face", "endure", "undergo", "receive", "sustain", "experience", "survive",
                           "escape", "risk", "withstand", "weather", "incur"})
# Verbs by which a party draws a reaction onto itself ("the minister has drawn sharp criticism"): only with the
# reaction noun as object and a party as subject ("the move drew condemnation" names no party; "the movement
# attracted thousands of demonstrators" draws people, no act).
_DRAW_VERBS = frozenset({"draw", "attract"})
_VERB_RECIPIENT_PREPS = ("to", "with", "against", "on", "at", "into", "over", "toward", "towards", "upon",
                         "from", "for")
# The phrases of a verb's object that name the other party ("held talks with X", "made an offer to X").
_OBJECT_PARTY_PREPS = frozenset({"with", "to", "against", "toward", "towards"})
_NOUN_RECIPIENT_PREPS = ("to", "with", "against", "on", "into", "of", "over", "toward", "towards", "upon",
                         "between")


# Nouns of giving and backing whose "for" phrase names who gets it: "support for Moldova", "aid for Sudan".
_FOR_NOUNS = frozenset({"support", "aid", "assistance", "backing", "help", "funding", "relief", "loan", "grant",
                        "solidarity", "sympathy", "condolence", "condolences", "protection", "reward"})
# Attack nouns whose "on"/"against" phrase is the target even when it is a thing ("a raid on a depot").
_ATTACK_NOUNS = frozenset({"attack", "assault", "raid", "strike", "airstrike", "bombing", "ambush", "offensive",
                           "incursion", "shelling", "bombardment", "siege"})


# Verbs of fending off an attack: their subject is what the attack was aimed at.
_REPEL_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "withstand", "resist", "beat", "fend", "fight",
                          "rebuff", "defeat", "halt", "stop", "parry", "counter", "deflect", "survive"})
# Nouns of a measure laid on someone, whose "on X" names the one it is laid on ("imposed a ban on X").
_LAID_ON_NOUNS = frozenset({"sanction", "embargo", "ban", "restriction", "tariff", "pressure", "crackdown",
                            "curb", "freeze", "boycott", "blockade", "siege", "charge"})
# Phrases of the verb an event noun is the object of that belong to the noun: "filed a lawsuit | against the
# city", "lodged a complaint | with the regulator", "made an offer | to the union".
_HUNG_PREPS = frozenset({"against", "with", "to", "toward", "towards"})


# Verbs of using a weapon or vehicle, whose "by" agent is the side it stands for ("drones launched by Russia",
# "a car bomb driven by a suicide attacker"); not of making or handing it over ("supplied", "sold", "built").
_WIELD_VERBS = frozenset({"launch", "fire", "shoot", "fly", "pilot", "drive", "operate", "deploy", "use", "plant",
                          "throw", "hurl", "lob", "detonate", "trigger", "send", "dispatch", "carry", "wield",
                          "brandish", "aim", "direct", "guide", "steer", "set"})


def _time_noun(tok: Any) -> bool:
    """ "yesterday", "tonight", "Monday morning": a noun naming a time, by the tagger or by its commonest sense."""
    return tok.ent_type_ in ("DATE", "TIME") or wordclass.classes(tok.lemma_, "n")[:1] == ("time",)


# Repel verbs that also tell a side ceasing its own attacks ("Israel halted airstrikes for 48 hours").
_CEASE_VERBS = frozenset({"halt", "stop"})


def _ceased_own(ctx: ArticleContext, clause: Any, head_noun: Any, noun: Any) -> bool:
    """ "Israel halted airstrikes", "urged Russia to stop the attacks": a run of attacks (a plural) that a
    verb of ceasing takes, with no other side named as its agent, is the subject's own, halted; one attack
    stopped ("guards stopped an attack on the synagogue") or attacks "by" another side were fended off."""
    return clause.lemma_.lower() in _CEASE_VERBS and noun.tag_ in ("NNS", "NNPS") and \
        agent(noun) is None and _agent_on_verb(ctx, clause, head_noun) is None


def _names_an_event(onto: Ontology, tok: Any) -> bool:
    """Is this noun an event the ontology names by itself ("the launch", "the attack")? A word that is only
    part of a longer trigger ("military" of "military parade", "delegation" of "delegation visit") names the
    side: "the Israeli military launched air strikes" has an actor."""
    specs = onto.nouns.get(tok.lemma_.lower(), ())
    near = {t.lemma_.lower() for t in (tok.head, *tok.children)}
    return any(s.dep is None and s.dep_set is None or s.dep in near or s.dep_set == "PERSON" or
               s.dep_set is not None and bool(onto.sets.get(s.dep_set, frozenset()) & near) for s in specs)


def _is_active(verb: Any) -> bool:
    return not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _agent_on_verb(ctx: ArticleContext, clause: Any, head_noun: Any) -> Any | None:
    """ "repelled an assault by insurgents on the airbase": an active verb has no agent, so a "by" phrase
    after its event-noun object is the noun's ("the assault by insurgents"), not a means or a deadline."""
    if head_noun.dep_ != "dobj" or head_noun.head != clause or clause.pos_ != "VERB" or not _is_active(clause):
        return None
    if clause.lemma_.lower() in _DOING_VERBS and (s := subject(clause)) is not None and entity_like(ctx, s):
        return None  # "students staged a demonstration by the embassy": who stages it does it; "by" is where
    for c in clause.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > head_noun.i:
            obj = _pobj(c)
            if obj is not None and obj.ent_type_ not in NOT_PARTICIPANT and entity_like(ctx, obj) and \
                    not place_noun(obj):
                return obj
    return None


# Light verbs whose subject does the deed of their event-noun object ("staged a sit-in", "waged a campaign"),
# unlike those that act on someone else's ("ended a sit-in by students", "repelled an assault by rebels").
_DOING_VERBS = frozenset({"stage", "hold", "launch", "mount", "organize", "organise", "conduct", "wage", "carry",
                          "lead", "make", "begin", "start", "resume", "continue"})


# Types whose actor takes a stance (disapproves, backs, refuses): a feeling said of a subject is
# its stance. In the others the one who feels undergoes it ("members were intimidated", "were invited").
STANCE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def feeling_participle(tok: Any, etype: str) -> bool:
    """A participle of a verb of feeling ("disappointed", "outraged", "alarmed", "worried": WordNet files the
    verb's commonest sense under verb.emotion) told as a stance (`STANCE_TYPES`). Its "by" phrase is what
    moved the one who feels, not an agent: "the United States is disappointed by the approval" is the United
    States' disapproval; "were intimidated by the police" (COERCE) keeps the police."""
    if etype not in STANCE_TYPES:
        return False
    low = tok.lower_
    if not low.endswith("ed"):
        return False
    bases = (tok.lemma_.lower(), low[:-1], low[:-2], low[:-3] + "y", low[:-3])
    return any(wordclass.classes(b, "v")[:1] == ("emotion",) for b in bases if b)


def _verdict_judge(ctx: ArticleContext, pred: Any) -> tuple[Any, Any | None] | None:
    """A verdict told by the copula (`paraphrase.copular_verdict`) inside what someone says: (the speaker,
    who passes it; the copula's subject where it is a party, who is judged). "Riyadh is the aggressor, the
    Houthi spokesman said"; '"the Western claims are a fabrication," spokesman Oleg Petrov told reporters'."""
    from .attribution import saying_verbs

    if copular_verdict(pred) is None:
        return None
    be = pred.head
    verb = be
    # up through the clauses of one quotation ("there were no shipments, and ... are") and the verbs that carry
    # a content on ("we have to understand that Moscow is the aggressor")
    for _ in range(4):
        if verb.dep_ not in ("ccomp", "conj", "xcomp") or verb.head == verb:
            return None
        verb = verb.head
        if verb.lemma_.lower() in saying_verbs(claims=False) or _quoted_thinker(verb):
            break
    else:
        return None
    speaker = subject(verb)
    if speaker is None or speaker.dep_ != "nsubj" or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "we were told that X is the aggressor": the ones told pass no verdict
    if not (entity_like(ctx, speaker) or _first_person(speaker) and ctx.actors(speaker)):
        return None
    judged = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return speaker, judged if judged is not None and judged.pos_ == "PROPN" and entity_like(ctx, judged) else None


def _quoted_thinker(verb: Any) -> bool:
    """A verb of thinking or knowing (WordNet's verb.cognition: understand, believe, know) whose active subject is
    a quoted "I"/"we": '"We have to understand that Moscow is the aggressor," she said' is her verdict."""
    subj = subject(verb)
    return subj is not None and subj.dep_ == "nsubj" and _first_person(subj) and \
        "cognition" in wordclass.classes(verb.lemma_, "v")[:1] and ArticleContext._in_quotation(verb)


def _first_person(tok: Any | None) -> bool:
    return tok is not None and tok.pos_ == "PRON" and tok.lower_ in wordclass.FIRST_PERSON


def _stance_holder(ctx: ArticleContext, adj: Any) -> Any | None:
    """The one an adjective trigger is said of ("lawmakers are angry with Ankara", "Washington was deeply
    disappointed by the vote", "it is critical of the plan"): the subject of its copula acts."""
    if adj.pos_ != "ADJ" and not (adj.tag_ == "VBN" and adj.dep_ == "acomp") or adj.dep_ != "acomp":
        return None
    subj = subject(adj)
    if subj is None or not (entity_like(ctx, skip_partitive(subj, lexicon())) or
                            subj.lower_ in ("it", "they") and ctx.actors(subj)):
        return None
    return subj


def _own_agent(noun: Any, etype: str | None) -> Any | None:
    """An event noun's own "by X" ("a protest by veterans"), unless X is a place ("a protest by the
    Lincoln Memorial": beside it) or what moved a feeling ("disappointed by the vote")."""
    if etype is not None and feeling_participle(noun, etype):
        return None
    by = agent(noun)
    return None if by is None or place_noun(by) else by


def _absolute_with(ctx: ArticleContext, node: Any) -> Any | None:
    """The party of an absolute "with X doing ..." phrase on `node` ("drew criticism, with rights groups
    demanding ..."): X is shown doing it, so it is no counterpart of the act."""
    for c in node.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            obj = _pobj(c)
            if obj is not None and entity_like(ctx, obj) and any(
                    g.dep_ == "acl" and g.tag_ == "VBG" for g in obj.children):
                return obj
            # (the parser's other reading: "with" -> pcomp "calling" -> nsubj "activists")
            ing = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            shown = next((g for g in ing.children if g.dep_ == "nsubj"), None) if ing is not None else None
            if shown is not None and entity_like(ctx, shown):
                return shown
    return None


def _voiced_demand(ctx: ArticleContext, node: Any, onto: Ontology) -> Any | None:
    """ "Protests are expected to spread, with farmers calling for roads to be blocked": the party an absolute
    "with X doing" phrase on the protest's clause shows demanding (a verb the ontology has for REQUEST or
    PROTEST) is the protester; "with police firing tear gas" shows someone else."""
    for v in [node, *(c for c in node.children if c.dep_ == "xcomp")]:
        party = _absolute_with(ctx, v)
        if party is None:
            continue
        ing = party.head if party.dep_ == "nsubj" else next(
            (g for g in party.children if g.dep_ == "acl" and g.tag_ == "VBG"), None)
        if ing is not None and any(spec.type in ("REQUEST", "PROTEST")
                                   for spec in onto.verbs.get(ing.lemma_.lower(), ())):
            return party
    return None


def _claimant(ctx: ArticleContext, clause: Any, head_noun: Any) -> Any | None:
    """The subject of "claim responsibility / take credit for <deed>": the one who says it did the deed
    (the construction is `triggers.claiming_verb`'s, which codes the deed)."""
    verb = claiming_verb(head_noun)
    if verb is None or verb != clause:
        return None
    subj = subject(clause)
    return subj if subj is not None and entity_like(ctx, subj) else None


def _verb_hung_party(ctx: ArticleContext, clause: Any, head_noun: Any, noun: Any, skip: set[int]) -> list[Actor]:
    """The party named by a phrase the parser hung on the verb after the event noun it takes as object
    ("filed a lawsuit against the city of Fresno", "imposed a ban on the group"), or on the noun's "by" agent
    hung there too ("an assault by insurgents on the airbase")."""
    lemma = noun.lemma_.lower()
    if head_noun.dep_ != "dobj" or head_noun.head != clause or clause.pos_ != "VERB" or lemma in _ATTACK_NOUNS:
        return []  # (an attack's target, thing or party, is `_attacked_thing`'s)
    preps = [c for c in _preps(clause) if c.i > head_noun.i]
    preps += [p for c in preps if c.lower_ == "by" and (o := _pobj(c)) is not None
              for p in o.children if p.dep_ == "prep"]
    # ("filed a complaint with the Commission against Google": whom it is against is the recipient, the
    # forum or addressee only when no "against" is written)
    preps.sort(key=lambda c: c.lower_ != "against")
    for c in preps:
        if c.lower_ in _HUNG_PREPS or c.lower_ in ("on", "upon") and lemma in _LAID_ON_NOUNS:
            found = party_of(ctx, _pobj(c), skip, depth=1)
            if found:
                return found
    return []


def _attacked_thing(ctx: ArticleContext, noun: Any, skip: set[int]) -> list[Actor]:
    """ "launched an assault on a joint military base": the place or thing attacked, as written (a party
    named in it was tried first by `party_of`). The parser often hangs the phrase on the verb whose object
    the noun is ("launched an assault | on a base")."""
    preps = list(noun.children)
    if noun.dep_ == "dobj":
        preps += [c for c in noun.head.children if c.i > noun.i]
        # ("repelled an assault by insurgents on the airbase": the phrase hangs on the agent)
        preps += [p for c in list(preps) if c.dep_ in ("prep", "agent") and c.lower_ == "by" and
                  (o := _pobj(c)) is not None for p in o.children]
    for c in preps:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon"):
            obj = _pobj(c)
            if obj is None or obj.i in skip or obj.pos_ not in ("NOUN", "PROPN") or \
                    obj.ent_type_ in NOT_PARTICIPANT or obj.lemma_.lower() in instruments() or \
                    obj.lemma_.lower() in lexicon()["non_agents"] or any(g.lower_ in _OWN for g in obj.children):
                continue
            return [Actor(name=ctx.core_name(obj), text=ctx.np_text(obj))]
    return []


def noun_arguments(ctx: ArticleContext, noun: Any, onto: Ontology,
                   etype: str | None = None) -> tuple[list[Actor], list[Actor], Any]:
    """Actor of an event noun: "Kim's inspection", "visit by Kim", "U.S. sanctions", "Kim made a visit",
    "North Korea's ramp-up in the production of ..."; recipient: "visit to Washington", "talks with X"."""
    actor_tok = target = None
    node, clause = noun, None
    if noun.dep_ == "compound":
        node = noun.head  # "mediation effort": the effort carries the arguments
    judge = _verdict_judge(ctx, noun)
    if judge is not None:  # "Riyadh is the aggressor, the Houthi spokesman said": the Houthis accuse Riyadh
        actor_tok, target = judge
    # "lawmakers are angry with Ankara"; not "members are intimidated" (COERCE: they undergo it)
    holder = _stance_holder(ctx, noun) if judge is None and etype in STANCE_TYPES else None
    if holder is not None:
        actor_tok = holder
    for _ in range(3 if holder is None and judge is None else 0):
        # "Friday's clash": a date is no possessor-actor.
        poss = next((c for c in node.children if c.dep_ == "poss" and c.ent_type_ not in NOT_PARTICIPANT), None)
        actor_tok = poss if poss is not None else _own_agent(node, etype) or _agent_past_of(node)
        if actor_tok is None:
            # "condemnation from Seoul", "criticism from rights groups"
            actor_tok = next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "from"
                              and node.lemma_.lower() in _FROM_ACTOR_NOUNS
                              for g in c.children if g.dep_ == "pobj"), None)
        if actor_tok is None and node.lemma_.lower() in _GIFT_NOUNS:
            # "aid from the World Food Programme", "a loan from China": the giver (not "aid from the port")
            actor_tok = next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "from"
                              for g in c.children if g.dep_ == "pobj" and entity_like(ctx, g) and
                              not place_noun(g)), None)
        if actor_tok is None:
            for c in node.children:
                if c.dep_ in ("amod", "compound", "nmod") and c.i in ctx.tok_ent and \
                        ctx.tok_ent[c.i].kind in ("GPE", "ORG", "NORP", "PERSON") and not _town(ctx, c):
                    if c.dep_ == "compound" and c.pos_ == "PROPN" and node.lemma_.lower() in _TARGETED_NOUNS:
                        target = c  # "the Kuwait invasion" is an invasion of Kuwait
                        continue
                    actor_tok = c
                    break
        if actor_tok is None and (node.lemma_.lower() in _ATTACK_NOUNS or etype == "PROTEST"):
            # "a rebel attack on the convoy", "a pirate attack on merchant ships", "a student protest": a word for
            # people before the happening names who did it (a weapon or a kind, "a drone strike", "a hunger
            # strike", is no party)
            actor_tok = next((c for c in node.children if c.dep_ == "compound" and c.pos_ == "NOUN" and
                              c.i not in ctx.tok_ent and ArticleContext.party_noun(c)), None)
        if actor_tok is None:
            actor_tok = _side_of_threatened_deed(ctx, node, onto)
        if actor_tok is not None:
            break
        head = node.head
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            node = head.head  # up through "ramp-up in the production of"
            continue
        break
    # The clause the noun sits in: its verb gives tense and, failing all else, the actor.
    v = noun
    for _ in range(4):
        if v.head == v:
            break
        v = v.head
        if v.pos_ in ("VERB", "AUX"):
            clause = v
            break
    # "Kim made a visit", "held talks", "came during his inspection": only a noun that is the clause verb's
    # own object (or in a phrase on it) takes the verb's subject; deeper nouns belong to other phrases.
    head_noun = noun.head if noun.dep_ == "compound" else noun
    head_noun = _through_measure(head_noun)
    direct = head_noun.head == clause or head_noun.dep_ == "pobj" and head_noun.head.head == clause
    # "Ankara went ahead despite threats of sanctions", "travelled despite an arrest warrant": the deed
    # defied is someone else's, done to the clause's subject
    defied = head_noun.dep_ == "pobj" and head_noun.head.head == clause and head_noun.head.lower_ == "despite"
    # "convicted Hart for the killing", "arrested Fisk in the stabbing", "Cole was charged in the robbery":
    # the one the verb holds to account did the deed, never the court or the police who hold him.
    culprit = _held_to_account(ctx, clause, head_noun) if clause is not None else None
    culprit = culprit or perpetrator_of(head_noun)
    if actor_tok is None and culprit is not None:
        actor_tok = culprit
    if actor_tok is None and clause is not None:
        actor_tok = _agent_on_verb(ctx, clause, head_noun) or _claimant(ctx, clause, head_noun)
    if actor_tok is None and etype == "PROTEST" and clause is not None and \
            head_noun.dep_ in ("nsubj", "nsubjpass") and head_noun.head == clause:
        actor_tok = _voiced_demand(ctx, clause, onto)  # "Rallies continued, with students demanding ..."
    if actor_tok is None and clause is not None and head_noun.dep_ == "dobj" and head_noun.head == clause \
            and noun.lemma_.lower() in _FROM_ACTOR_NOUNS:
        # "drew condemnation from Seoul": the "from" hangs on the verb
        actor_tok = next((g for c in clause.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj"), None)
    if actor_tok is None and noun.lemma_.lower() in _FROM_ACTOR_NOUNS:
        # "triggered condemnation, with many governments calling for an inquiry": who voices it
        actor_tok = _absolute_with(ctx, noun) or (_absolute_with(ctx, clause) if clause is not None and
                                                  head_noun.dep_ == "dobj" and head_noun.head == clause else None)
    undergoes = clause is not None and head_noun.dep_ == "dobj" and (
        clause.lemma_.lower() in UNDERGO_VERBS or clause.lemma_.lower() in _DRAW_VERBS and
        (drawer := subject(clause)) is not None and entity_like(ctx, drawer) and not (
            # ("Kavala's detention drew condemnation": a deed drew it, no party)
            drawer.pos_ == "NOUN" and drawer.i not in ctx.tok_ent and no_agent_noun(drawer.lemma_)))
    # "Our units repelled 14 attacks by the enemy", "guards foiled a raid on the bank": who fends an attack
    # off is the one it was aimed at, never its actor
    # (the target the attack itself names, "repelled an assault on the airbase", goes first)
    repelled = clause is not None and head_noun.dep_ == "dobj" and head_noun.head == clause and \
        noun.lemma_.lower() in _ATTACK_NOUNS and bool(_verb_lemmas(clause) & _REPEL_VERBS) and \
        not _ceased_own(ctx, clause, head_noun, noun)
    answered = clause is not None and head_noun.dep_ == "dobj" and head_noun.head == clause and \
        "REQUEST" in {spec.type for spec in onto.nouns.get(noun.lemma_.lower(), ())} and \
        bool(_verb_lemmas(clause) & _ANSWER_REQUEST_VERBS)
    if answered and target is None and clause is not None:  # (implied by `answered`; mypy narrows on it)
        # (a participle clause's subject is the parser's guess: "has increased calls for the prime minister to
        # quit, ignoring his appeals" - the opposition ignores, not the prime minister)
        asked = subject(clause) if clause.dep_ != "advcl" or any(c.dep_ == "nsubj" for c in clause.children) \
            else None
        target = asked if asked is not None and entity_like(ctx, asked) else None
    # "a deputy died after a shooting", "two were wounded in an attack", "was ousted in a coup": the subject
    # is the one the happening befell, never its actor.
    befalls = clause is not None and head_noun.dep_ == "pobj" and head_noun.head.head == clause and (
        clause.lemma_.lower() in _BEFALL_VERBS or any(c.dep_ == "auxpass" for c in clause.children) or
        # "we will respond to any attack", "vowed to retaliate for the strike": who answers a deed is the
        # one it was done to, not its doer
        head_noun.head.lower_ in ("to", "for", "against") and clause.lemma_.lower() in _ANSWER_VERBS or
        # "two men are under arrest", "the town came under attack": what one is under befalls one
        head_noun.head.lower_ == "under")
    if undergoes and actor_tok is None and clause is not None:
        # "Iran faces new sanctions from the EU", "received aid from Japan": the "from" side did it
        actor_tok = from_phrase(clause) if clause.lemma_.lower() not in ("escape", "survive") else None
        actor_tok = actor_tok if actor_tok is not None and entity_like(ctx, actor_tok) else None
    if (undergoes or befalls and actor_tok is None) and target is None and clause is not None:
        # "the city has suffered more attacks (by X)", "Turkey faces sanctions": the subject is acted upon
        target = subject(clause)
        if target is not None and befalls and any(c.dep_ == "auxpass" for c in clause.children):
            target = next((c for c in clause.children if c.dep_ == "nsubjpass"), target)
        undergoes = True
    if defied and target is None and clause is not None and not any(
            c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None for c in noun.children):
        # ("despite the arrest of its leader": the deed's own "of" object is the one it was done to)
        target = subject(clause)
    if actor_tok is None and clause is not None and direct and head_noun.dep_ in ("dobj", "pobj", "attr") \
            and not _is_subject_side(head_noun, clause) and not undergoes and not defied and not repelled \
            and not answered:
        subj = subject(clause)
        # "Kim made a visit" yes; "His remarks came during an inspection" - remarks inspect nothing.
        if subj is not None and entity_like(ctx, skip_partitive(subj, lexicon())) and \
                not _names_an_event(onto, subj):  # "the launch drew condemnation": no actor
            actor_tok = subj
        elif subj is not None and subj.lower_ in ("it", "they") and ctx.actors(subj):
            actor_tok = subj  # "the United States said it would resume cooperation": the speaker
    if actor_tok is not None and actor_tok.dep_ == "poss" and actor_tok.head == node and \
            node.lemma_.lower() in PATIENT_NOUNS and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in node.children):
        # ("Boko Haram's abduction of 276 schoolgirls": with an "of" object the possessor acts)
        # "her husband's arrest", "his girlfriend's killing": the possessor is the one acted upon
        target, actor_tok = actor_tok, agent(node) or culprit
    actors = ctx.actors(actor_tok)
    recips: list[Actor] = ctx.actors(target) if target is not None else []
    skip = {t.i for t in ([actor_tok] if actor_tok is not None else [])}
    holders = [noun] + ([noun.head] if noun.dep_ == "compound" else [])
    for h in holders:
        for c in h.children:
            if recips:
                break
            if c.dep_ == "prep" and (c.lower_ in _NOUN_RECIPIENT_PREPS or
                                     c.lower_ == "for" and h.lemma_.lower() in _FOR_NOUNS):
                recips = party_of(ctx, _pobj(c), skip)
            elif c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                # "its demand that Israel ease restrictions": the one asked is the content's subject
                s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if s is not None and s.i not in skip and entity_like(ctx, s) and s.pos_ != "PRON":
                    recips = ctx.actors(s)
    if not recips and clause is not None:
        recips = _verb_hung_party(ctx, clause, head_noun, noun, skip)
    if not recips and noun.lemma_.lower() in _ATTACK_NOUNS:
        recips = _attacked_thing(ctx, noun, skip)
    if not recips and repelled and clause is not None:
        defender = subject(clause)
        recips = ctx.actors(defender) if defender is not None and entity_like(ctx, defender) else []
    if not recips and clause is not None and head_noun.dep_ == "dobj" and head_noun.head == clause and \
            _verb_lemmas(clause) & _LIGHT_VERBS:
        # "staged demonstrations to demand reforms by X's government", "began a hunger strike ... to demand",
        # "continuing a hunger strike in protest of X's refusal": the verb's purpose names the target
        recips = _purpose_recipient(ctx, clause, noun, skip | {noun.i})
    if not recips and clause is not None and head_noun.dep_ == "dobj" and head_noun.head == clause and \
            noun.lemma_.lower() in _FROM_ACTOR_NOUNS:
        # "reiterated its demand today that Israel ease ...": the parser hangs the content on the verb
        for c in clause.children:
            if c.dep_ == "ccomp" and c.i > noun.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if s is not None and s.i not in skip and entity_like(ctx, s) and s.pos_ != "PRON":
                    recips = ctx.actors(s)
    return actors, without(recips, actors), clause


# Verbs that hold someone to account for a deed named after "in"/"over"/"of" ("charged in the robbery",
# "convicted of the murder"); after "for" any verb with a party as object does ("blamed X for the attack").
_ACCOUNT_VERBS = frozenset({"arrest", "detain", "charge", "indict", "convict", "sentence", "jail", "imprison",
                            "accuse", "suspect", "blame", "prosecute", "try", "acquit", "clear", "fine", "punish",
                            "question", "interrogate", "hold", "hang", "execute", "extradite", "investigate", "sue",
                            "want", "seek", "identify", "name", "implicate", "arraign", "book", "cite", "exonerate",
                            "expel", "suspend", "ban", "fire", "dismiss", "sanction", "penalize", "penalise"})

# Nouns of a charge whose "of" phrase names the deed charged: "charges of kidnapping", "two counts of murder".
_CHARGE_NOUNS = frozenset({"charge", "count", "suspicion", "allegation", "accusation", "conviction", "indictment"})

# Verbs that credit or blame someone for a deed after "for": "praised the crew for the rescue".
_CREDIT_VERBS = frozenset({"praise", "thank", "credit", "reward", "honour", "honor", "commend", "criticize",
                           "criticise", "condemn", "denounce", "rebuke", "censure", "reprimand", "fault", "slam"})


def _held_to_account(ctx: ArticleContext, verb: Any, noun: Any) -> Any | None:
    """The party a verb holds to account for the event noun in a phrase on it: the object, or the subject
    of the passive ("Hart was convicted for the killing")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "to") and noun.head.head.lemma_.lower() in (
            "connection", "relation", "regard") and noun.head.head.dep_ == "pobj":
        noun = noun.head.head  # "charged with murder in connection with the June 20 shooting"
    charged = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _CHARGE_NOUNS
    if charged and noun.head.head.dep_ == "dobj" and noun.head.head.head.lemma_.lower() in UNDERGO_VERBS:
        # "Harmon faces charges of murder": who faces the charge did the deed
        party = subject(noun.head.head.head)
        return party if party is not None and entity_like(ctx, party) else None
    if charged and noun.head.head.dep_ == "pobj" and noun.head.head.head.lower_ in ("on", "with", "for", "of"):
        noun = noun.head.head  # "was arraigned on charges of kidnapping", "charged with two counts of murder"
        charged = True
    if noun.dep_ != "pobj" or noun.head.head != verb or verb.pos_ not in ("VERB", "AUX"):
        return None
    prep = noun.head.lower_
    if not _verb_lemmas(verb) & (_ACCOUNT_VERBS | _CREDIT_VERBS if prep == "for" else _ACCOUNT_VERBS) or \
            prep not in ("for", "in", "over", "of") and not (charged and prep in ("on", "with")):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        party = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        party = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if party is None or party.i >= noun.i or not entity_like(ctx, party) or not (
            party.i in ctx.tok_ent or party.pos_ in ("PRON", "PROPN") or ctx.party_noun(party)):
        return None  # a person or a body, not a thing a name modifies ("North Korea's ramp-up")
    return party


def undergone_act(ctx: ArticleContext, verb: Any) -> tuple[list[Actor], list[Actor]] | None:
    """(actors, recipients) of an event told by a verb of undergoing with the act as its object: "Harmon
    faces charges of murder", "the city suffered an attack by militants", "Iran faces sanctions from the
    EU" - the subject undergoes the act; its doer is the object's "by"/"from" phrase, or nobody named."""
    if verb.lemma_.lower() not in UNDERGO_VERBS or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subj = subject(verb)
    if obj is None or subj is None or obj.pos_ != "NOUN" or not entity_like(ctx, subj) or entity_like(ctx, obj):
        return None
    doer = agent(obj) or next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"
                               for g in c.children if g.dep_ == "pobj"), None) or from_phrase(verb)
    actors = ctx.actors(doer) if doer is not None and entity_like(ctx, doer) else []
    return actors, without(ctx.actors(subj), actors)


def _side_of_threatened_deed(ctx: ArticleContext, noun: Any, onto: Ontology) -> Any | None:
    """ "threats of Washington sanctions", "the prospect of a U.S. strike": a word about a deed whose side is
    named on the deed is that side's."""
    for c in noun.children:
        obj = _pobj(c) if c.dep_ == "prep" and c.lower_ == "of" else None
        if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in onto.nouns:
            continue
        for g in obj.children:
            ent = ctx.tok_ent.get(g.i)
            if g.dep_ in ("compound", "amod", "poss") and ent is not None and \
                    ent.kind in ("GPE", "ORG", "NORP", "PERSON") and not _town(ctx, g):
                return g
    return None


def _agent_past_of(noun: Any) -> Any | None:
    """ "the shooting of a 15-year-old boy by police": the parser hangs the "by" phrase on the victim."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = _pobj(c)
            # "of two soldiers on the border by members of a group": on any noun of the "of" phrase, not on a
            # verb in it ("the killing of a man hit by a car" is no car's killing)
            frontier = [obj] if obj is not None else []
            for _ in range(3):
                for t in frontier:
                    by = agent(t)
                    if by is not None:
                        return by
                frontier = [g for t in frontier for p in t.children if p.dep_ == "prep" and p.lower_ != "by"
                            for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
    return None


# Verbs whose subject an event in a phrase on them befalls: "died after a shooting", "was hurt in a blast".
_BEFALL_VERBS = frozenset({"die", "perish", "suffer", "drown", "collapse", "succumb", "flee", "escape", "survive"})
# Verbs of answering a deed done to their subject ("responded to the attack", "retaliated for the raid").
_ANSWER_VERBS = frozenset({"respond", "react", "retaliate", "reply", "answer"})
# Verbs that carry an event noun as their object and add only tense: "staged a protest", "began a strike".
_LIGHT_VERBS = frozenset({"stage", "hold", "begin", "start", "launch", "continue", "mount", "organize",
                          "organise",
                          "lead", "join", "call", "carry", "conduct", "wage", "resume", "end", "make"})
# Nouns that measure or count an event noun after "of": "eight hours of talks", "a round of strikes".
_MEASURE_NOUNS = frozenset({"hour", "day", "week", "month", "year", "round", "series", "wave", "spate", "string",
                            "night", "minute", "weekend", "session", "period", "bout", "cycle"})


def _verb_lemmas(verb: Any) -> set[str]:
    """The verb's lemma and the stems its inflected form may come from: the small English model cuts the
    silent e of some -e stems with the ending ("staged" -> "stag", "waged" -> "wag"), so the written form is
    undone by rule as well ("staged" -> "stage", "mounted" -> "mount", "holding" -> "hold")."""
    low = verb.lower_
    found = {verb.lemma_.lower(), low}
    for end in ("ed", "ing", "es", "s", "d"):
        if low.endswith(end) and len(low) > len(end) + 2:
            stem = low[:-len(end)]
            found |= {stem, stem + "e"}
    return found


def _through_measure(noun: Any) -> Any:
    """ "eight hours of peace talks" -> the measure noun, which is what the verb takes as its object."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and \
            noun.head.head.lemma_.lower() in _MEASURE_NOUNS | lexicon()["partitive_nouns"]:
        return noun.head.head
    return noun


def _town(ctx: ArticleContext, tok: Any) -> bool:
    """A place name that is no country (a city, a region): before an event noun it says where ("the Tampere
    talks", "the Harlan Road raid"), not who."""
    from .gazetteer import gazetteer

    ent = ctx.tok_ent.get(tok.i)
    if ent is None or ent.kind != "GPE":
        return False
    gaz = gazetteer()
    return ent.name != gaz.country_name(ent.country) and gaz.country_of_capital(ent.name) is None


def _purpose_recipient(ctx: ArticleContext, verb: Any, noun: Any, skip: set[int]) -> list[Actor]:
    for c in [*verb.children, *noun.children]:
        if c.dep_ == "advcl" and c.head == verb and c.pos_ == "VERB" and \
                not any(g.dep_.startswith("nsubj") for g in c.children) \
                and (c.tag_ == "VBG" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
            found = verb_recipient(ctx, c, False, skip)
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ == "in":
            obj = _pobj(c)
            if obj is not None and obj.lemma_.lower() in ("protest", "opposition", "response", "defiance"):
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "at", "against", "to"):
                        found = party_of(ctx, _pobj(p), skip)
                        if found:
                            return found
    return []


def _is_subject_side(noun: Any, clause: Any) -> bool:
    t = noun
    while t != clause and t.head != t:
        if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return True
        t = t.head
    return False


# People and bodies of local, court and business news, beyond the lexicon's `human_nouns` (which are
# about states and armed groups): "killing his wife", "sued the county", "apologized to customers".
PARTY_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "child", "girlfriend",
    "boyfriend", "partner", "fiancee", "fiance", "cousin", "nephew", "niece", "uncle", "aunt", "grandson",
    "granddaughter", "grandmother", "grandfather", "stepson", "stepdaughter", "neighbor", "neighbour", "relative",
    "family", "victim",
    "suspect", "defendant", "teenager", "teen", "boy", "girl", "clerk", "officer", "deputy", "trooper", "guard",
    "inmate", "prisoner", "detainee", "employee", "employer", "customer", "client", "resident", "driver",
    "passenger", "patient", "doctor", "nurse", "teacher", "pupil", "juror", "jury", "judge", "prosecutor",
    "lawyer", "attorney", "witness", "landlord", "tenant", "owner", "investor", "shareholder", "regulator",
    "company", "firm", "board", "department", "office", "agency", "ministry", "county", "city", "state",
    "municipality", "sheriff", "councilman", "councilwoman", "lawmaker", "senator", "mayor", "governor",
    "union", "bank", "hospital", "school", "university", "commission", "committee", "side", "ally",
    "gunman", "attacker", "assailant", "shooter", "robber", "thief", "burglar", "killer", "intruder", "bomber",
    "hijacker", "sniper", "kidnapper", "boss", "executive", "manager", "worker", "journalist", "reporter",
    "pastor", "priest", "coach", "player", "athlete", "contractor", "supplier", "rival", "competitor", "crowd",
    "mob", "public", "migrant", "donor", "cooperative", "federation", "association", "coalition", "alliance",
    "consortium", "syndicate", "guild", "league", "charity", "foundation",
    # bands of people: "arrested a cell planning attacks", "dismantled a gang" (the band, not its plans)
    "gang", "cell", "cartel", "militia", "faction", "clan", "crew", "squad", "unit", "brigade", "battalion"})
# Plurals that are states or blocs though the singular is an idea: "many other democracies", "world powers".
_PLURAL_PARTIES = frozenset({"democracy", "power", "autocracy", "monarchy"})
_PARTY_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_BODY_KINDS = _PARTY_KINDS - {"PERSON"}  # a party that is a body: an organisation, a state, a people
_AGE_NOUN = re.compile(r"^\d+-year-olds?$")


# Street words: "1717 Hay Mills Road", "at 2088 Philip Street" is an address, never a party.
# Model designations and dimensions ("the 2560x1440 P27 panel", "KX-4000 printers"): products, not parties.
_CODE = re.compile(r"\d+x\d+|(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", re.I)


def _code_like(tok: Any) -> bool:
    """A model number or dimension modifying a thing ("P27 panel"); "G7 ministers" are people, not a product."""
    lex = lexicon()
    return bool(_CODE.fullmatch(tok.text)) and tok.dep_ in ("compound", "nmod", "amod", "nummod") and \
        tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in lex["human_nouns"] and \
        tok.head.lemma_.lower() not in PARTY_NOUNS


def _address(tok: Any) -> bool:
    """ "1717 Hay Mills Road", "Philip Street": a street name (a capitalised street word heading it)."""
    return tok.pos_ == "PROPN" and tok.lower_.rstrip(".") in _STREET_WORDS and tok.text[:1].isupper() and \
        any(c.dep_ in ("compound", "nummod") for c in tok.children)


# Names of things, not of parties (spaCy's labels): a product, a law, a book or film, a named happening.
_NAMED_THINGS = frozenset({"PRODUCT", "LAW", "WORK_OF_ART", "EVENT"})


def _named_thing(ctx: ArticleContext, tok: Any) -> bool:
    """A name of a product, a law or a work (spaCy's label), when something shows it is one: its maker's
    name before it ("Toyota Corolla"), or a head word naming a text or a deed ("Forestry Law", "the First
    Amendment", "the Paris Accord"). The tagger gives these labels to names it does not know ("charged
    Yusuf", "met Abiy", "the Holy See", "the Louvre"): without such a sign the name may be a party."""
    if tok.ent_type_ not in _NAMED_THINGS or tok.i in ctx.tok_ent:
        return False
    if tok.ent_type_ == "PRODUCT":
        # (a maker is a name of its own, outside the product's: "Mohamed Yusuf" is one name)
        return any(c.dep_ == "compound" and c.ent_type_ not in ("", "PRODUCT", "PERSON") for c in tok.children)
    cls = set(wordclass.classes(tok.lemma_, "n"))
    # ("law" is also "the police": the label itself says which)
    return bool(cls & {"communication", "act"}) and (tok.ent_type_ == "LAW" or not cls & {"person", "group"})


def entity_like(ctx: ArticleContext, tok: Any) -> bool:
    """Could this noun be a participant (not a date, an amount, a sea, an address, a model number or a thing)?"""
    lex = lexicon()
    if _code_like(tok) or _address(tok):
        return False
    if _named_thing(ctx, tok):
        return False  # "seized a Toyota Corolla from the suspects": a named product, whoever made it
    if tok.lemma_.lower() == "state" and tok.i not in ctx.tok_ent and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "a state of emergency", "the state of the economy"
    if is_age_noun(tok):
        return True
    if tok.pos_ == "NOUN" and tok.lemma_.lower().endswith("maker"):
        return True  # "the chipmaker", "a carmaker", "lawmakers": makers of goods are firms, of laws people
    if tok.ent_type_ in NOT_PARTICIPANT and not _AGE_NOUN.match(tok.text) or tok.ent_type_ in ("LOC", "FAC"):
        return False
    if tok.i in ctx.tok_ent or tok.pos_ == "PROPN" or tok.lemma_.lower() in lex["human_nouns"] or \
            tok.lemma_.lower() in PARTY_NOUNS or _AGE_NOUN.match(tok.text) or \
            tok.tag_ == "NNS" and tok.lemma_.lower() in _PLURAL_PARTIES:
        return True
    if tok.pos_ == "NOUN" and (wordclass.classes(tok.lemma_, "n")[:1] == ("person",) or
                               wordclass.classes(tok.lemma_, "n")[:2] == ("Tops", "person")):
        # "captured 23 pirates", "detained two commuters": a person noun, by its commonest sense; "urged
        # individuals to sign": WordNet files the most basic person words (individual, someone) as top nouns
        return True
    if tok.pos_ == "PRON" and tok.lower_ not in ("it", "this", "that", "which", "what"):
        return True
    if tok.lower_ == "it" and ctx.reported_speaker(tok) is not None:
        return True  # "Vantage Health said it had been hacked": "it" is the speaker, a party, not a thing
    # "Israeli troops", "the opposition newspaper La Prensa"; a product's name ("its H20 chips") makes no party
    return any(c.i in ctx.tok_ent and ctx.tok_ent[c.i].kind in _PARTY_KINDS and not _code_like(c) for c in tok.children
               if c.dep_ in ("amod", "compound", "poss", "nmod", "appos"))


# Prepositions inside a noun phrase that lead from a thing to the party it concerns: "sanctions on the
# Taliban", "a camp for Congolese refugees", "the computers of South Korean army officers".
_INNER_PREPS = frozenset({"of", "for", "to", "against", "on", "with", "into", "from", "in", "toward", "towards",
                          "upon", "over", "between", "by"})
# Clause complements that carry on the trigger's act: "is willing to withdraw ... from Lebanon",
# "agreed to re-open its borders to UN peacekeepers", "offered to negotiate with the president".
_CONTENT_DEPS = frozenset({"xcomp", "acomp"})


_OWN = frozenset({"its", "their", "his", "her", "our", "my", "own"})


@lru_cache(maxsize=1)
def own_people() -> frozenset[str]:
    """Troops and envoys (the shipped ontology's `troop` and `envoy` sets): "its troops" are the actor's own.
    (Built once: it is asked for every subject and pronoun.)"""
    from .ontology import load_ontology

    sets = load_ontology().sets
    return frozenset(sets.get("troop", frozenset())) | frozenset(sets.get("envoy", frozenset()))


def party_of(ctx: ArticleContext, tok: Any, skip: set[int], depth: int = 2) -> list[Actor]:
    """The participants a noun phrase names: itself when it is entity-like, else the party it is about,
    through its possessor or a prepositional phrase ("sanctions on the Taliban", "the return of ... to
    X"), at most `depth` phrases deep. Things with no party ("a parked school bus") give nothing."""
    if tok is None or tok.i in skip:
        return []
    if entity_like(ctx, tok):
        return ctx.actors(tok)
    if depth <= 0 or tok.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    # "U.S. sanctions on Iran", "Magnitsky sanctions and other measures against Elbonia": the phrase naming
    # whom a measure aims at goes before the names modifying the measure (its author or its label)
    for n in [tok, *(g for g in tok.children if g.dep_ == "conj" and g.pos_ == "NOUN")]:
        for c in n.children:
            # (only a party named outright: "an agreement with X on pay for the staff" stays X's)
            obj = _pobj(c) if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon") else None
            if obj is not None and obj.i not in skip and entity_like(ctx, obj):
                return ctx.actors(obj)
    for c in tok.children:
        # "Israel's destruction", "government positions", "Palestinian lorries": the party it belongs to;
        # "Ont.-based Pixelcore, maker of ...": a name the parser hung on the noun it is in apposition to
        if (c.dep_ in ("poss", "compound", "amod") or c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i < tok.i) \
                and c.i not in skip and c.pos_ != "PRON" and \
                (c.i in ctx.tok_ent or c.dep_ != "amod") and entity_like(ctx, c):
            return ctx.actors(c)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _INNER_PREPS and not (c.lower_ == "in" and depth < 2):
            # ("talks on the crisis in Gaza": a place inside what the act is about says where, not whom)
            found = party_of(ctx, _pobj(c), skip, depth - 1)
            # "a package for helping Jordan", "a plan for rebuilding Haiti": the object of the gerund
            gerund = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            # ("a plan for rearming Europe and supporting Ukraine": a coordinated gerund names the party when
            # the first names a region or a thing)
            for ger in ([gerund, *(g for g in gerund.conjuncts if g.tag_ == "VBG")] if gerund is not None else []):
                if found:
                    break
                found = party_of(ctx, next((g for g in ger.children if g.dep_ == "dobj"), None), skip, depth - 1)
            if found:
                return found
    for c in tok.children:  # "crimes committed by Croat forces", "property seized by government forces"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            by = agent(c)
            if by is not None and by.i not in skip and entity_like(ctx, by):
                return ctx.actors(by)
    for c in tok.children:
        # "welcomed the announcement that Ukraine had agreed": the one the report is about
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and \
                tok.lemma_.lower() in lexicon()["report_nouns"] \
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and s.i not in skip and s.pos_ != "PRON" and entity_like(ctx, s):
                return ctx.actors(s)
    for c in tok.children:  # "a deal to supply wing parts to Airbus" (the parser also makes it a relcl)
        if (c.dep_ == "acl" or c.dep_ == "relcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) \
                and c.pos_ == "VERB" and depth > 1:
            found = verb_recipient(ctx, c, False, skip | {tok.i})
            if found:
                return found
    return []


_CURRENCIES = frozenset({"euro", "dollar", "pound", "yuan", "yen", "rupee", "ruble", "rouble", "franc", "won",
                         "peso", "shekel", "lira", "dinar", "riyal", "rand", "krona", "krone", "real", "naira"})


def _amount(tok: Any) -> bool:
    """A sum of money: "310 million euros", "$2.8 billion" (the tagger's MONEY, a currency noun or sign with
    a number). A count of people ("killed 16 soldiers") is no sum: the people are the party."""
    numbered = any(c.dep_ in ("nummod", "quantmod", "compound") and c.like_num for c in tok.children)
    return tok.ent_type_ == "MONEY" or numbered and (
        tok.lemma_.lower().rstrip("s") in _CURRENCIES or any(c.tag_ == "$" for c in tok.children))


def _pobj(prep: Any) -> Any | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _preps(node: Any) -> list[Any]:
    """Prepositions on a verb, including those behind a particle ("kidnapped up to 16 advisers")."""
    out = []
    for c in node.children:
        if c.dep_ == "prep":
            out.append(c)
        elif c.dep_ == "prt":
            out.extend(g for g in c.children if g.dep_ == "prep")
    return out


def _bare_force(tok: Any) -> bool:
    """ "force" as a mass noun ("use force", "military force"), not a body ("the force", "a force of 500",
    "Kenyan forces")."""
    return tok.lower_ == "force" and not any(
        c.dep_ in ("det", "poss", "nummod") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


# Verbs that move a side's own forces or envoys somewhere: the place or party they go to is the recipient.
_SEND_VERBS = frozenset({"send", "deploy", "dispatch", "station", "withdraw", "pull", "move", "post", "rush",
                         "redeploy", "recall", "evacuate"})


def verb_recipient(ctx: ArticleContext, verb: Any, passive: bool, skip: set[int]) -> list[Actor]:
    """Who a verb acts upon: a passive's subject, the dative, the object (or the party the object is
    about), a "to/with/against/on X", the same inside a complement clause that carries the act on ("is
    willing to withdraw from Lebanon"), or the subject of a "that" clause ("demanded that the US ...")."""
    kids = list(verb.children)
    patient = modified_noun(verb)
    if patient is not None:
        # "a teenager killed by police officers", "the journalist detained last week": the noun the
        # participle modifies underwent it, whatever clause that noun stands in
        found = party_of(ctx, patient, skip)
        if found:
            return found
    if passive:
        sp = next((c for c in kids if c.dep_ == "nsubjpass"), None) or gapped_passive(verb) or \
            stative_passive_subject(verb)
        if sp is None and verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
            sp = subject(verb)  # "Ruiz walked past the barrier and was arrested": the shared subject underwent it
        if sp is not None and sp.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            sp = verb.head  # "Ali Mahnefah, who was detained by police": the noun the relative stands for
        found = party_of(ctx, sp, skip)
        if found:
            return found
    for c in kids:  # "give Tanzania a grant"
        if c.dep_ == "dative" and not (c.tag_ == "PRP$" and verb.doc[c.i + 1].dep_ == "dobj"):
            # ("arrested her ex-husband": a possessive read as the dative, its noun as the object)
            obj = c if c.pos_ != "ADP" else _pobj(c)
            if obj is not None and obj.i not in skip:
                return ctx.actors(obj)
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    if dobj is not None and dobj.lower_ == "her" and dobj.i + 1 < len(verb.doc) and \
            (nxt := verb.doc[dobj.i + 1]).head == verb and nxt.dep_ in ("dobj", "npadvmod") and nxt.pos_ == "NOUN" \
            and not _time_noun(nxt):
        # "arrested her stepfather": the tagger read the possessive "her" as an object of its own ("arrested
        # her yesterday", "charged her tonight": a time noun after it is the verb's adverbial, "her" the object)
        dobj = nxt
    doc = verb.doc
    while dobj is not None and dobj.i + 2 < len(doc) and doc[dobj.i + 1].text == "-" and \
            (last := doc[dobj.i + 2]).head == verb and last.dep_ == dobj.dep_ and last.pos_ == "NOUN":
        dobj = last  # "arrested her ex-husband, Omar Karim": each piece of the hyphenated noun an object
    if dobj is not None and dobj.pos_ == "NOUN" and dobj.i not in ctx.tok_ent and (name := next(
            (c for c in kids if c.i > dobj.i and c.i in ctx.tok_ent and ctx.tok_ent[c.i].kind in ("PERSON", "ORG") and (
                c.dep_ == "dobj" and c.left_edge.i == dobj.i + 1 or c.dep_ in ("dobj", "npadvmod", "appos") and
                c.left_edge.i == dobj.i + 2 and verb.doc[dobj.i + 1].text == ",")), None)) is not None:
        # "acquire Atlanta-based startup Skyward", "arrested her ex-boyfriend, Corey Blake,": the parser hangs
        # the name after a description on the verb (a second object, an adverbial); it is the party the
        # description tells of
        dobj = name
    amount = None if dobj is None else dobj if _amount(dobj) else next(
        (c for c in dobj.children if c.dep_ == "appos" and _amount(c)), None)
    if amount is not None:
        # "fined the chipmaker (Quorix) 310 million euros": the parser reads the two objects as one phrase, the
        # sum its head (or an apposition of the first) with the party hung on it as a modifier
        name = next((c for c in amount.children if c.dep_ in ("nmod", "compound") and not c.like_num
                     and c.i < amount.i and c.i not in skip and (c.pos_ == "PROPN" or entity_like(ctx, c))), None)
        if name is not None:
            return ctx.actors(name)
    if dobj is None and not passive:
        # "detained this Tuesday three members of a band" (translated word order): the parser takes the object
        # after a fronted day for one more adverbial noun
        dated = any(c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") and c.i > verb.i for c in kids)
        dobj = next((c for c in kids if dated and c.dep_ == "npadvmod" and c.i > verb.i and c.pos_ == "NOUN" and
                     c.ent_type_ not in NOT_PARTICIPANT and entity_like(ctx, c)), None)
    if dobj is None and not passive:
        # "threatened to close or suspend U.S. operations": coordinated verbs share the object after them
        # (only a bare verb right after: "refused to deploy troops and has urged its citizens ..." is a new
        # clause with its own object)
        dobj = next((g for c in kids if c.dep_ == "conj" and c.pos_ == "VERB" and (
            c.i <= verb.i + 3 and not any(g.dep_ in ("aux", "nsubj", "nsubjpass") for g in c.children) or
            _raised_object(verb, c)) for g in c.children if g.dep_ == "dobj"), None)
    owner = body_owner(dobj) if dobj is not None else None
    if owner is not None and owner.i not in skip:
        return ctx.actors(owner)  # "struck the back of his thighs": him, not his back (`acted_on`)
    if dobj is not None and dobj.lemma_.lower() in instruments() and not any(
            c.dep_ in ("poss", "compound", "amod") and c.i in ctx.tok_ent for c in dobj.children):
        # "shot down 14 drones launched by Russia": a weapon told by whoever used it stands for that side
        # (only by a verb of using it: "rifles supplied by Iran to the rebels" were not Iran's to lose)
        user = next((a for c in dobj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     and c.lemma_.lower() in _WIELD_VERBS
                     and (a := agent(c)) is not None and a.i not in skip and entity_like(ctx, a)), None)
        if user is not None:
            return ctx.actors(user)
        dobj = None  # "confiscated 14 rifles from the boat": the weapon is the thing, not the party
    # "withdraw its troops from Lebanon": the actor's own people are no recipient; look further.
    own = dobj is not None and dobj.lemma_.lower() in own_people() and (
        any(c.dep_ == "poss" and c.lower_ in _OWN for c in dobj.children) or
        # "refused to deploy peacekeepers in Iraq", "sent 300 troops to Haiti": the forces sent are the
        # sender's own unless another side is named on them ("deployed Russian troops")
        verb.lemma_.lower() in _SEND_VERBS and not any(c.i in ctx.tok_ent for c in dobj.children
                                                       if c.dep_ in ("amod", "compound", "poss", "nmod")))
    if dobj is not None and _bare_force(dobj):
        # "threatened to use (military) force against X": force is what is used, X is whom it is used on
        for c in [*_preps(verb), *(g for g in dobj.children if g.dep_ == "prep")]:
            if c.lower_ in _VERB_RECIPIENT_PREPS:
                found = party_of(ctx, _pobj(c), skip, depth=1)
                if found:
                    return found
        dobj = None
    # ("took 23 of them into custody", "detained dozens of protesters": the people a count is of; not the things
    # of "lifts most of its COVID restrictions", nor of "seized most of it")
    counted = skip_partitive(dobj, lexicon()) if dobj is not None else None
    if dobj is not None and counted is not None and counted is not dobj and (
            counted.pos_ == "PRON" and counted.lower_ in wordclass.PEOPLE_OBJECTS or
            ArticleContext.party_noun(counted) or
            counted.i in ctx.tok_ent and ctx.tok_ent[counted.i].kind in _PARTY_KINDS):
        dobj_party = True
    else:
        dobj_party = dobj is not None and entity_like(ctx, dobj)
    if dobj is not None and dobj.i not in skip and dobj_party and not own:
        owner = next((c for c in dobj.children if c.dep_ == "poss" and c.i in ctx.tok_ent and c.i not in skip), None)
        if owner is not None and dobj.i not in ctx.tok_ent and wordclass.classes(dobj.lemma_, "n")[:1] in (
                ("act",), ("communication",)):
            # "sued to block Ridgeway's purchase of ...", "rejected Marlow's proposal": the one whose deed or word
            return ctx.actors(owner)
        return ctx.actors(dobj)
    if dobj is not None and not own:
        # "held their first meeting with President Obama at a lunch": the object's own party comes before
        # the verb's other phrases
        for c in dobj.children:
            obj = _pobj(c) if c.dep_ == "prep" and c.lower_ in _OBJECT_PARTY_PREPS else None
            if obj is not None and obj.i not in skip and entity_like(ctx, obj):
                return ctx.actors(obj)
    if own and dobj is not None:
        # "deploy peacekeepers in Iraq": where a side's forces are sent is whom it concerns
        for c in [*_preps(verb), *(g for g in dobj.children if g.dep_ == "prep")]:
            obj = _pobj(c) if c.lower_ in ("in", "to", "into") else None
            if obj is not None and obj.i not in skip and entity_like(ctx, obj):
                return ctx.actors(obj)
    preps = _preps(verb)
    # "filed a complaint with the Commission against Google": whom it is against goes before the forum (the
    # parser may hang "against X" on the forum itself)
    against = [g for c in preps for g in ([c] if c.lower_ == "against" else [
        g for g in getattr(_pobj(c), "children", ()) if g.dep_ == "prep" and g.lower_ == "against"]
        if c.lower_ == "with" else [])]
    if against:
        preps = against + [c for c in preps if c not in against]
    for c in preps:
        if c.lower_ == "at":
            # "fired at the crowd" names a party; "rioted at a jail in Dili" says where
            obj = _pobj(c)
            # "exploded at a checkpoint manned by Kurdish fighters", "at a base run by U.S. troops": a place
            # told by the people who hold it names them
            keepers = _keepers(ctx, obj, skip)
            if keepers:
                return keepers
            # ("fired tear gas at hundreds of protesters": the people a count is of)
            if obj is not None and obj.i not in skip and entity_like(ctx, skip_partitive(obj, lexicon())):
                return ctx.actors(obj)
        elif c.lower_ in _VERB_RECIPIENT_PREPS:
            found = party_of(ctx, _pobj(c), skip, depth=1)
            if found:
                return found
    if dobj is not None and not own:  # "imposed sanctions on the Taliban", "held a meeting with X"
        found = party_of(ctx, dobj, skip)
        if found:
            return found
    for c in kids:
        if c.dep_ in _CONTENT_DEPS:
            inner = c if c.dep_ == "xcomp" else next((g for g in c.children if g.dep_ == "xcomp"), c)
            by = agent(inner) if any(g.dep_ == "auxpass" for g in inner.children) else None
            if by is not None and by.i not in skip and entity_like(ctx, by) and by.ent_type_ not in ("FAC", "LOC"):
                return ctx.actors(by)  # "agreed to be acquired by Oberhaus AG": the other side of the deal
            if inner is not c or c.dep_ == "xcomp":
                found = verb_recipient(ctx, inner, False, skip)
                if found:
                    return found
            for p in _preps(c):  # "is concerned with China's build-up"
                if p.lower_ in _VERB_RECIPIENT_PREPS:
                    found = party_of(ctx, _pobj(p), skip, depth=1)
                    if found:
                        return found
    for c in kids:
        # A purpose clause of the same actor carries an act with no object of its own on: "demonstrated in
        # Kirkuk, calling for independence from Iraq", "rioted ... demanding a referendum".
        # "opened fire to disperse demonstrators": an object that is no party ("fire") does not stop it.
        if (dobj is None or not entity_like(ctx, dobj)) and c.dep_ == "advcl" and c.pos_ == "VERB" and \
                not any(g.dep_.startswith("nsubj") for g in c.children) \
                and (c.tag_ == "VBG" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
            found = verb_recipient(ctx, c, False, skip)
            if found:
                return found
    for c in kids:  # "demanded that the US cancel ...": the one asked is the content's subject
        if c.dep_ in ("ccomp", "xcomp"):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and s.i not in skip and entity_like(ctx, s) and s.lower_ not in ("it", "they"):
                return ctx.actors(s)
            if s is not None and s.pos_ == "PRON" and c.dep_ == "ccomp" and depth_ok(verb):
                # "announced that they are willing to forgive X", "said it would impose sanctions on X":
                # the speaker's own announced act names whom it concerns
                found = verb_recipient(ctx, c, any(g.dep_ == "auxpass" for g in c.children), skip | {s.i})
                if found:
                    return found
    for c in _preps(verb):
        # "declined to resign despite pressure by the commission", "in defiance of X": whom it defies
        if c.lower_ in ("despite", "defying") or c.lower_ == "in" and (o := _pobj(c)) is not None and \
                o.lemma_.lower() == "defiance":
            obj = _pobj(c)
            for p in (obj.children if obj is not None else []):
                if p.dep_ == "prep" and p.lower_ in ("by", "from", "of"):
                    found = party_of(ctx, _pobj(p), skip, depth=1)
                    if found:
                        return found
    for c in kids:  # "threatened to stop talks if the United States goes ahead": the condition's subject
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and s.i not in skip and entity_like(ctx, s) and s.pos_ != "PRON":
                return ctx.actors(s)
    return []


def _raised_object(verb: Any, conj: Any) -> bool:
    """Right-node raising: "detained but did not charge the two activists", "has arrested and will prosecute
    the officers": a verb with nothing after it but the coordination shares the object of the conjunct,
    which has no subject of its own and only its auxiliaries and negation before it."""
    if any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
        return False
    if any(c.i > verb.i and c.dep_ not in ("cc", "conj", "punct") for c in verb.children):
        return False  # "refused to deploy troops and has urged ...": the first verb has its own complement
    between = verb.doc[verb.i + 1:conj.i]
    return all(t.dep_ == "cc" or t.head == conj and t.dep_ in ("aux", "neg", "advmod") for t in between)


def content_recipient(ctx: ArticleContext, verb: Any, etype: str, onto: Ontology, skip: set[int]) -> list[Actor]:
    """The recipient of an event typed by the act its verb asks for or promises, not by the verb itself
    ("urged the EU to support the Palestinian Authority" as SUPPORT: the Authority is supported; the EU is
    only asked): that of the complement verb whose own sense is the type."""
    if any(spec.type == etype for spec in onto.verbs.get(verb.lemma_.lower(), [])):
        return []  # the verb names the act itself
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and \
                any(spec.type == etype for spec in onto.verbs.get(c.lemma_.lower(), [])):
            inner = subject(c)
            passive = any(g.dep_ == "auxpass" for g in c.children)
            return verb_recipient(ctx, c, passive, skip | ({inner.i} if inner is not None else set()))
    return []


def depth_ok(verb: Any) -> bool:
    """Only one clause down from the trigger (a content inside a content is someone else's business)."""
    return verb.dep_ != "ccomp"


def from_phrase(verb: Any) -> Any | None:
    """The "from X" of a verb or of its object."""
    for node in [verb, *[c for c in verb.children if c.dep_ == "dobj"]]:
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def without(recips: list[Actor], actors: list[Actor]) -> list[Actor]:
    ids = {a.entity_id or a.name for a in actors}
    return [r for r in recips if (r.entity_id or r.name) not in ids]


# Happenings a passive act is told through: "was ousted in a coup led by X", "were killed in an Israeli strike".
_SIDE_NOUNS = frozenset({"coup", "strike", "airstrike", "attack", "raid", "offensive", "operation", "crackdown",
                         "ambush", "bombing", "shelling", "assault", "incursion", "invasion", "putsch", "uprising"})


def happening_side(ctx: ArticleContext, verb: Any) -> list[Actor]:
    """The side behind the happening a passive with no "by X" is told through: its "led by" / "carried
    out by" agent, its possessor or its country word ("an Israeli strike"). A bare "in an attack" names no one."""
    for c in _preps(verb):
        if c.lower_ not in ("in", "during", "by", "after"):
            continue
        obj = _pobj(c)
        if obj is None or obj.lemma_.lower() not in _SIDE_NOUNS:
            continue
        for g in obj.children:
            if g.dep_ == "acl" and g.tag_ == "VBN":
                by = agent(g)
                if by is not None and entity_like(ctx, by):
                    return ctx.actors(by)
        side = next((g for g in obj.children if g.dep_ == "poss" and g.pos_ != "PRON"), None)
        if side is not None:
            return ctx.actors(side)
        for g in obj.children:
            ent = ctx.tok_ent.get(g.i)
            if g.dep_ in ("amod", "compound") and ent is not None and ent.kind in ("GPE", "NORP", "ORG") \
                    and ent.country:
                return ctx.actors(g)
    return []


def struck_thing(ctx: ArticleContext, verb: Any, skip: set[int]) -> list[Actor]:
    """An attack's direct object is its target even when it is a thing, not a party: "stormed a hotel",
    "retook a strategic village", "attacked a police station" (not a weapon, a number or the actor's own);
    the party it belongs to where one is named ("attacked a convoy of aid workers", "Israel's positions")."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is not None and dobj.i not in skip and (entity_like(ctx, dobj) or party_of(ctx, dobj, skip)):
        return []  # verb_recipient names the party
    if any(c.lower_ in ("at", "on", "against", "upon", "into") and (o := _pobj(c)) is not None and
           entity_like(ctx, o) for c in _preps(verb)):
        return []  # "fired a total of 11 shots at the suspect": the phrase names the target
    if dobj is not None:
        dobj = skip_partitive(dobj, lexicon())
        if dobj.lemma_.lower() in ("total", "barrage", "volley", "hail", "salvo", "burst"):
            return []
    if dobj is None and verb.lemma_.lower() in _FIRING or dobj is not None and dobj.lemma_.lower() in _FIRED:
        # "fired on the tanker", "opened fire at a bus": what was fired at is the target, thing or party
        for c in _preps(verb):
            obj = _pobj(c) if c.lower_ in ("at", "on", "upon") else None
            if obj is None and c.lower_ in ("at", "on", "upon") and verb.dep_ == "relcl" and not any(
                    g.dep_ == "pobj" for g in c.children):
                obj = verb.head  # "the car the soldiers shot at": the stranded "at" points to the noun
                if entity_like(ctx, obj) and obj.i not in skip:
                    return ctx.actors(obj)
            if obj is not None and obj.i not in skip and _struck(obj):
                # ("fired shells at an outpost held by Malian soldiers": the soldiers holding it)
                return _keepers(ctx, obj, skip) or [Actor(name=ctx.core_name(obj), text=ctx.np_text(obj))]
    if dobj is None or dobj.i in skip or not _struck(dobj) or \
            dobj.lemma_.lower() in {"fire", "shot", "round", "attack", "strike"} or \
            any(c.lower_ in _OWN for c in dobj.children):
        return []
    owner = body_owner(dobj)
    if owner is not None:  # "struck the side of his neck": him
        return ctx.actors(owner)
    return [Actor(name=ctx.core_name(dobj), text=ctx.np_text(dobj))]


def _keepers(ctx: ArticleContext, place: Any | None, skip: set[int]) -> list[Actor]:
    """The people a place is told by, as the by-agent of a participle on it: "a checkpoint manned by Kurdish
    fighters", "a base run by U.S. troops"; an attack at such a place is on them. Not a party noun or a
    named entity, which is a party itself."""
    if place is None or place.i in ctx.tok_ent or ctx.party_noun(place):
        return []
    keepers = next((a for g in place.children
                    if g.dep_ == "acl" and g.tag_ == "VBN" and (a := agent(g)) is not None), None)
    if keepers is None or keepers.i in skip or not entity_like(ctx, keepers):
        return []
    return ctx.actors(keepers)


def _struck(tok: Any) -> bool:
    """A noun that can be an attack's target: not a date, a weapon or a word that names no one."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in NOT_PARTICIPANT and \
        tok.lemma_.lower() not in instruments() and tok.lemma_.lower() not in lexicon()["non_agents"]


# Verbs of the harm an attack did, in the participle clause telling its outcome: "..., killing Ana Ruiz".
_HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim", "murder", "hit", "strike", "shoot"})
# What is fired or thrown carries no target of its own: "opened fire at a party, killing two guests".
_FIRED = frozenset({"fire", "shot", "round", "volley", "shell", "salvo", "burst", "barrage"})
# Verbs of firing with no object, whose "on/at X" is the target: "fired on the tanker", "shot at a car".
_FIRING = frozenset({"fire", "shoot", "shell"})


def outcome_victims(ctx: ArticleContext, verb: Any, skip: set[int]) -> list[Actor]:
    """The people an attack told with no party as its object harmed, from its outcome clause: "opened fire
    at an office party, killing Ana Ruiz", "detonated a bomb at a market, wounding 12 people". Only where
    the verb's object is fire, a weapon or absent: "attacked a police station, killing two" keeps the station."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # ("rebels fired on the convoy", "fired at a car": the phrase names its own target; "a bomb exploded at
    # the branch" says where)
    if (dobj is None or dobj.lemma_.lower() in _FIRED) and verb.dep_ == "advcl" and not any(
            c.lower_ in ("on", "upon", "against", "into", "with") or c.lower_ == "at" and (
                verb.lemma_.lower() in _FIRING or dobj is not None or
                (o := _pobj(c)) is not None and entity_like(ctx, o)) for c in _preps(verb)):
        # "Two guards were killed when a bomb went off": the people the happening's main clause says it harmed
        head = verb.head
        victim = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if victim is not None and victim.i not in skip and _verb_lemmas(head) & _HARM_VERBS and \
                any(c.dep_ == "advmod" and c.lower_ in ("when", "as") or c.dep_ == "mark" and c.lower_ in ("when", "as")
                    for c in verb.children) and entity_like(ctx, victim):
            return ctx.actors(victim)
    if dobj is not None and dobj.lemma_.lower() not in _FIRED | instruments():
        return []
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return []  # "opened fire to disperse demonstrators, killing one": whom it was aimed at
    for c in _preps(verb):
        obj = _pobj(c) if c.lower_ in ("at", "on", "upon", "against", "into") else None
        if obj is not None and (ctx.tok_ent.get(obj.i) is not None and ctx.tok_ent[obj.i].kind in ("PERSON", "NORP")
                                or obj.lemma_.lower() in PARTY_NOUNS
                                or wordclass.classes(obj.lemma_, "n")[:1] == ("person",)):
            return []  # "opened fire on protesters, killing two": the people fired on
    for c in verb.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or any(g.dep_.startswith("nsubj") for g in c.children) or \
                not _verb_lemmas(c) & _HARM_VERBS:
            continue
        obj = next((g for g in c.children if g.dep_ == "dobj"), None)
        if obj is not None and obj.i not in skip and entity_like(ctx, skip_partitive(obj, lexicon())):
            return ctx.actors(obj)
    return []


# Verbs of answering another's deed or word, whose object may be that deed rather than a party: "condemned
# the detention of X by Y" (ACCUSE), "rejected the allegations", "denied the request" (REJECT).
# (An inquiry answers a deed too, but blames no one: `CONDEMNING_VERBS` are those that lay it on their object.)
CONDEMNING_VERBS = frozenset({"condemn", "denounce", "criticize", "criticise", "deplore", "slam", "decry", "censure"})
_CENSURE_VERBS = CONDEMNING_VERBS | {"investigate", "probe"}
_REFUSE_VERBS = frozenset({"reject", "deny", "dismiss", "refuse", "rebuff", "spurn", "veto", "decline"})
RESPONSE_VERBS = {"ACCUSE": _CENSURE_VERBS, "REJECT": _REFUSE_VERBS}
# Words someone addresses to another, whose "from X" is who spoke: "an ultimatum from Canberra".
_WORD_NOUNS = frozenset({"ultimatum", "proposal", "plea", "petition", "allegation", "charge", "claim", "plan",
                         "overture", "bid", "suggestion", "accusations", "statement"})


# Verbs of putting something to another, which a bare refusal or assent in the next clause answers.
_PUT_TO_VERBS = frozenset({"offer", "propose", "ask", "request", "demand", "urge", "call", "seek", "suggest",
                           "invite", "plead", "appeal", "press"})
_ASSENT_VERBS = frozenset({"agree", "accept", "consent"})
# Verbs of granting, refusing or passing over a request: their subject is the one it was made of ("ignored calls
# for his resignation", "the cabinet approved the army's request"), never its maker.
_ANSWER_REQUEST_VERBS = _REFUSE_VERBS | _ASSENT_VERBS | {"ignore", "disregard", "defy", "resist", "heed", "grant",
                                                         "approve", "answer", "meet", "honour", "honor", "fulfil",
                                                         "fulfill"}


def answered_asker(ctx: ArticleContext, verb: Any, skip: set[int]) -> list[Actor]:
    """ "Nichols had offered to plead guilty but prosecutors had refused", "the workers asked for a raise and the
    company agreed", "refused after the rebels proposed a truce": a refusal or assent with nothing of its own
    (no object, complement or phrase) answers the offer or request of the clause joined to it, so its maker
    is the one answered."""
    if not _verb_lemmas(verb) & (_REFUSE_VERBS | _ASSENT_VERBS) or any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "dative") or c.dep_ == "prep" and _pobj(c) is not None and
            not _time_phrase(c) for c in verb.children):
        return []
    partners = [verb.head] if verb.dep_ == "conj" else []
    partners += [c for c in verb.children if c.dep_ in ("conj", "advcl")]
    for other in partners:
        if other.pos_ != "VERB" or not _verb_lemmas(other) & _PUT_TO_VERBS:
            continue
        asker = subject(other)
        if asker is not None and asker.i not in skip and entity_like(ctx, asker):
            return ctx.actors(asker)
    return []


def protest_target_of_conjunct(ctx: ArticleContext, verb: Any, skip: set[int]) -> list[Actor]:
    """A protest verb with no target of its own, coordinated with a verb of the same subject (its head or a
    conjunct with no subject of its own), is aimed at the entity that verb takes with "at" or "against" (not a
    place or building). A protest with a subject of its own is another clause and shares no target with it."""
    own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in verb.children)
    others = [verb.head] if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not own_subject else []
    others += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and
               not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    for other in others:
        for c in other.children:
            obj = _pobj(c) if c.dep_ == "prep" and c.lower_ in ("at", "against") else None
            if obj is not None and obj.i not in skip and entity_like(ctx, obj) and not place_noun(obj):
                return ctx.actors(obj)
    return []


def surrendered_to(ctx: ArticleContext, verb: Any, skip: set[int]) -> list[Actor]:
    """ "surrendered only after authorities boxed in his car", "surrendered after hours of talks with police": a
    surrender with no "to X" is to the side its time clause has closing in or dealing with the one who gives up."""
    if verb.lemma_.lower() != "surrender" or any(c.dep_ == "dobj" for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("after", "when", "once", "as")
                                     for m in c.children):
            side = next((g for g in c.children if g.dep_ == "nsubj"), None)
        elif c.dep_ == "prep" and c.lower_ in ("after", "following") and (talks := _pobj(c)) is not None:
            # ("after six hours of talks with police": through the measure's "of")
            talks = next((_pobj(g) for g in talks.children if g.dep_ == "prep" and g.lower_ == "of"), None) or talks
            side = next((_pobj(g) for g in talks.children if g.dep_ == "prep" and g.lower_ == "with"), None)
        else:
            continue
        if side is not None and side.i not in skip and side.pos_ != "PRON" and entity_like(ctx, side):
            return ctx.actors(side)
    return []


def censured_deed(ctx: ArticleContext, verb: Any, onto: Ontology, etype: str = "ACCUSE",
                  actors: list[Actor] | None = None) -> list[Actor] | None:
    """Whom answering a deed or word concerns: the deed's doer ("condemned the detention of Sadeghi by
    Iranian forces" -> the forces; "denounced Russia's invasion" -> Russia; "rejected the allegations" ->
    whoever made the allegations the article told last), and nobody when no doer is named ("condemned the
    killing of four protesters": the victims are not accused). None when the verb's object is no deed (then
    the object itself is the one answered)."""
    if not _verb_lemmas(verb) & RESPONSE_VERBS.get(etype, frozenset()):
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is None or dobj.pos_ != "NOUN" or dobj.i in ctx.tok_ent:
        return None
    lemma = dobj.lemma_.lower()
    # ("condemned the storming of the mosque by settlers": an -ing noun with an "of" object is a deed)
    # ("condemned the demolition of homes by Israeli authorities": any noun with a party as its "by" agent)
    gerund_deed = dobj.lower_.endswith("ing") and any(c.dep_ == "prep" and c.lower_ == "of" for c in dobj.children)
    by_doer = agent(dobj) or _agent_past_of(dobj) or (agent(verb) if _is_active(verb) else None)
    gerund_deed = gerund_deed or by_doer is not None and by_doer.pos_ != "PRON" and entity_like(ctx, by_doer)
    if lemma not in onto.nouns and lemma not in PATIENT_NOUNS and lemma not in _ATTACK_NOUNS and not gerund_deed:
        # "denounced the extension" (of a mandate told before), "spoke out against the move": a deed told
        # before, by a word for any act or by the stem of its own trigger ("extended")
        if etype != "ACCUSE" or not _definite_bare(dobj):
            return None
        stem = lemma[:5] if len(lemma) >= 6 else None
        for _, doers, _targets, trigger in reversed(ctx.last_by_type):
            if doers and not _same_side(actors or [], doers) and (
                    lemma in _ANY_DEED or stem is not None and trigger.startswith(stem)):
                return list(doers)
        return None
    poss = next((c for c in dobj.children if c.dep_ == "poss"), None)
    if poss is not None and lemma in PATIENT_NOUNS and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in dobj.children):
        poss = None  # "condemned his arrest": he is arrested, not accused
    # ("condemned the murder of two soldiers by members of a group": the parser may hang "by" on the verb,
    # which, active, has no agent of its own)
    doer = poss or agent(dobj) or _agent_past_of(dobj) or agent(verb)
    if doer is None and lemma in _FROM_ACTOR_NOUNS | _WORD_NOUNS:  # "dismissed an appeal from President X"
        doer = next((_pobj(c) for c in dobj.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if doer is None:
        doer = next((c for c in dobj.children if c.dep_ in ("amod", "compound") and c.i in ctx.tok_ent and
                     ctx.tok_ent[c.i].kind in ("GPE", "NORP", "ORG") and not _town(ctx, c)), None)
    if doer is not None:
        return ctx.actors(doer)
    if _definite_bare(dobj):
        # "Trump denied the request", "rejected the allegations": the deed told before, by its type
        # A refusal answers what was asked of, or said against, the refuser ("Berisha rejected the
        # allegations": those made against Berisha, not the latest ones in the article); a censure is a third
        # party's ("Beirut condemned the strike": one Beirut did not make).
        told = {spec.type for spec in onto.nouns.get(lemma, [])}
        mine = actors or []
        for etype_before, doers, targets, _trigger in reversed(ctx.last_by_type):
            if etype_before not in told or not doers or _same_side(mine, doers):
                continue
            if etype == "REJECT" and mine and not _same_side(mine, targets):
                continue
            return list(doers)
    return None if etype == "REJECT" else []


# Words for whatever act was just told: "condemned the move", "criticised the decision".
_ANY_DEED = frozenset({"move", "decision", "action", "step", "measure", "act"})


def _definite_bare(noun: Any) -> bool:
    """ "the request", "this move", "the allegations on Friday": a definite noun that says nothing more of itself."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children) and \
        not any(c.dep_ in ("acl", "relcl", "amod", "compound") or c.dep_ == "prep" and not _time_phrase(c)
                for c in noun.children)


def _time_phrase(prep: Any) -> bool:
    """ "on Friday", "in March": a phrase that dates, the parser often hangs it on the object."""
    obj = _pobj(prep)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _same_side(some: list[Actor], others: list[Actor]) -> bool:
    """Do two lists of participants share one: the same entity or name, or a state and one of its people
    ("Trump" and "the United States")."""
    for a in some:
        for b in others:
            if a.entity_id and a.entity_id == b.entity_id or a.name == b.name or \
                    a.country and a.country == b.country and "GPE" in (a.kind, b.kind) or _short_form(a, b):
                return True
    return False


_COMPASS = frozenset({"north", "south", "east", "west", "central", "new", "united", "great"})


def _short_form(a: Actor, b: Actor) -> bool:
    """A body's name cut to its first word ("Crestline" after "Crestline Energy", "Halvorsen" after "Halvorsen
    Foods"), when the tagger made no entity of the full name to link them. Not a compass or common first word
    ("South" is not South Korea, "United" not United Airlines)."""
    short, full = sorted((a.name, b.name), key=len)
    words = full.split()
    return len(words) > 1 and short == words[0] and len(short) >= 4 and short[0].isupper() and \
        short.lower() not in _COMPASS


def agent_in_phrase(verb: Any) -> Any | None:
    """A passive's "by X" that the parser hung on the noun of its "with" phrase: "have been threatened with
    economic consequences by China", "were pelted with stones by the crowd"."""
    for c in _preps(verb):
        obj = _pobj(c) if c.lower_ == "with" else None
        if obj is not None and obj.pos_ == "NOUN":
            by = agent(obj)
            if by is not None:
                return by
    return None

