"""Refinements that need the participants: type corrections (joint drills are COOPERATE, shells fired at
another country are ASSAULT, arms deployed abroad are AID, an act one is reluctant to do is REJECT),
capitals as governments, fallback actors, and the PLOVER mode and contexts of a mention.
"""

from __future__ import annotations

from typing import Any

from ..model import Actor
from .arguments import ArticleContext, gapped_passive, subject
from .attribution import saying_verbs
from .entities import entity_id
from .gazetteer import gazetteer
from .lexicon import lexicon
from .ontology import Ontology, load_ontology
from .triggers import Trigger, _negated

_FIRE_VERBS = frozenset({"fire", "launch", "shell", "lob", "drop"})
_TOWARD = frozenset({"near", "at", "toward", "towards", "into", "on", "across", "over", "onto"})


def fired_at_other_country(ctx: ArticleContext, tok: Any, actors: list[Actor]) -> bool:
    """Weapons fired at or near a place of a country other than the shooter's."""
    own = {a.country for a in actors if a.country}
    if tok.lemma_.lower() not in _FIRE_VERBS or not own:
        return False
    preps = [c for c in tok.children if c.dep_ == "prep"]
    preps += [p for o in tok.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep"]
    for c in preps:
        if c.lower_ not in _TOWARD:
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        owners = [obj, *[g for g in obj.children if g.dep_ in ("poss", "compound", "amod")]]
        countries = {ctx.tok_ent[t.i].country for t in owners if t.i in ctx.tok_ent} - {None}
        if countries and not countries & own:
            return True
    return False


def abroad(ctx: ArticleContext, tok: Any, actors: list[Actor]) -> bool:
    """ "deployment to Russia" by someone who is not Russia."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            ent = ctx.tok_ent.get(obj.i) if obj is not None else None
            if ent is not None and ent.kind == "GPE" and ent.country and \
                    ent.name == gazetteer().country_name(ent.country) and \
                    all(a.country != ent.country for a in actors):
                return True
    return False


def fallback_actors(ctx: ArticleContext, trig: Trigger, etype: str) -> list[Actor]:
    """When the sentence names no actor: "a meeting between A and B" (both act); "missiles were fired from
    near Pyongyang" (the launch site's country fires); "last week's launch" / "the launch of two
    missiles" (the actor of the same kind of event reported earlier in the article)."""
    tok = trig.tok
    between = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                    for g in c.children if g.dep_ == "pobj"), None)
    if between is not None and etype in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT"):
        return ctx.actors(between)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    if passive and tok.lemma_.lower() in _FIRE_VERBS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for t in c.subtree:
                    ent = ctx.tok_ent.get(t.i)
                    if ent is not None and ent.kind in ("GPE", "LOC") and ent.country:
                        name = gazetteer().country_name(ent.country)
                        if name:
                            from .entities import entity_id

                            return [Actor(name=name, kind="GPE", country=ent.country,
                                          entity_id=entity_id("GPE", name), text=ctx.doc[t.i].text)]
    if etype == "PERSONNEL" and passive and not any(c.dep_ == "agent" for c in tok.children):
        # "Mwangi appointed Wanjiru ... Kiprop was named interior minister": one who appoints in a reshuffle
        # the article tells, the one named appointing before
        return next((list(doers) for kind, doers, _, _ in reversed(ctx.last_by_type)
                     if kind == "PERSONNEL" and doers), [])
    if etype == "CONSULT" and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return talks_parties(ctx, tok)
    if tok.pos_ == "NOUN" and etype in ("MOBILIZE", "ASSAULT", "SANCTION", "PERSONNEL", "INSPECT", "PRODUCE") \
            and _definite(tok):
        # the same word for the same kind of event: "launched ..." then "last week's launch", "the launch";
        # a bare "sanctions may be imminent" refers back to nothing and keeps no actor.
        return list(ctx.last_actors.get((etype, tok.lemma_.lower()), []))
    return []


def talks_parties(ctx: ArticleContext, noun: Any) -> list[Actor]:
    """Talks that name no side, as the subject of a clause bound to another ("X and Y have been at odds since
    talks failed", "talks failed after the government blamed the regions"): the sides are the subject of
    that other clause, the ones whose dealings the sentence tells. A thing or an event there names no side."""
    from .participants import entity_like

    # (the parser may root the sentence on the noun, "talks to resolve the impasse failed after ...", and
    # hang the bound clause on it)
    verb = noun if noun.dep_ == "ROOT" else noun.head
    if verb.pos_ not in ("VERB", "AUX") and verb != noun:
        return []
    others = [verb.head] if verb.dep_ == "advcl" and verb.head != verb else []
    others += [c for c in verb.children if c.dep_ == "advcl"]
    for other in others:
        subj = next((c for c in other.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and entity_like(ctx, subj):
            found = ctx.actors(subj)
            if found:
                return found
    return []


# Acts of state power: told in the passive with no agent, the state where they happen did them ("was
# arrested in Lebanon", "has been put under investigation in Italy").
_STATE_ACTS = frozenset({"COERCE", "ACCUSE"})


def state_of_place(ctx: ArticleContext, tok: Any) -> list[Actor]:
    """The country of the place an event happens in ("in Lebanon", "in Basra" -> Iraq), as a state."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        ent = ctx.tok_ent.get(obj.i)
        if ent is not None and ent.kind == "GPE" and ent.country:
            name = gazetteer().country_name(ent.country)
            if name:
                return [Actor(name=name, kind="GPE", country=ent.country, entity_id=entity_id("GPE", name),
                              text=ctx.doc[obj.i].text)]
    return []


# Restrictions laid on a place: whoever lives there is their recipient, named by the place ("imposed a curfew
# in Algiers", "lifted a state of emergency in West Darfur").
_RESTRICTIONS = frozenset({"curfew", "emergency", "lockdown", "blockade", "siege", "closure", "quarantine", "cordon"})
_PLACE_PREPS = frozenset({"in", "on", "across", "throughout", "over", "around", "of"})
# Leaving a place: "will withdraw inspectors and aid workers from Iraq" concerns Iraq, not the inspectors.
_WITHDRAW_VERBS = frozenset({"withdraw", "evacuate", "recall", "pull"})


def restricted_place(ctx: ArticleContext, tok: Any) -> list[Actor]:
    """The place a curfew, a state of emergency or a blockade is laid on, as the event's recipient."""
    # ("threatened to institute a curfew in Algiers": the object of the act carried on)
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    nodes = [tok, *(c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass"))]
    for node in nodes:
        lemma = node.lemma_.lower()
        if lemma == "state" or lemma == "law":  # "a state of emergency", "martial law"
            restricted = any(t.lemma_.lower() in ("emergency", "martial", "siege") for t in node.subtree)
        else:
            restricted = lemma in _RESTRICTIONS
        if not restricted:
            continue
        holders = [node] + ([node.head] if node is not tok else [])
        for h in holders:
            for c in h.children:
                if c.dep_ not in ("prep", "acl"):
                    continue
                for t in c.subtree:
                    ent = ctx.tok_ent.get(t.i)
                    if ent is not None and ent.kind in ("GPE", "LOC") and _under_place_prep(t, h):
                        return [a for a in [ctx._from_entity(ent, t.text)] if a is not None]
    return []


def _under_place_prep(t: Any, top: Any) -> bool:
    while t != top and t.head != t:
        if t.dep_ == "prep" and t.lower_ in _PLACE_PREPS:
            return True
        t = t.head
    return False


def left_place(ctx: ArticleContext, tok: Any) -> list[Actor]:
    """The country a withdrawal or evacuation leaves ("withdraw inspectors from Iraq")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _WITHDRAW_VERBS:
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            ent = ctx.tok_ent.get(obj.i) if obj is not None else None
            if ent is not None and ent.kind == "GPE":
                return [a for a in [ctx._from_entity(ent, ent.name if obj is None else obj.text)] if a is not None]
    return []


def censured_for_harm(ctx: ArticleContext, trig: Trigger, etype: str) -> list[Actor]:
    """An agentless passive harm told as what a censure answers ("condemned the brutality of the military,
    as eight demonstrators were killed"; "denounced Israel after 20 people were killed"): the side censured
    for it did it. A censure of no side ("condemned the violence") names nobody."""
    from .participants import CONDEMNING_VERBS, verb_recipient

    tok = trig.tok
    if etype != "ASSAULT" or tok.pos_ != "VERB" or tok.dep_ != "advcl" or \
            not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return []
    head = tok.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in CONDEMNING_VERBS:  # a probe blames no one
        return []
    return verb_recipient(ctx, head, False, set())


def passive_state_actor(ctx: ArticleContext, trig: Trigger, etype: str) -> list[Actor]:
    """An agentless passive act of state power: the state where it happens did it ("was arrested in Lebanon"),
    else the armed or governing body that reports it ("two men were arrested, police said")."""
    tok = trig.tok
    if etype in _STATE_ACTS and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "under" and \
            tok.head.head.pos_ in ("VERB", "AUX"):
        return reporting_force(ctx, tok.head.head)  # "two men are under arrest, police said"
    if etype not in _STATE_ACTS or tok.pos_ != "VERB" or not (
            any(c.dep_ == "auxpass" for c in tok.children) or gapped_passive(tok) is not None):
        return []
    return state_of_place(ctx, tok) or reporting_force(ctx, tok) or force_of_sentence(ctx, tok)


def _state_force_nouns() -> frozenset[str]:
    """Nouns of the bodies that hold the state's power to seize, arrest and charge: armed and police forces
    (the ontology's `troop` set) and governments (its `government` set), with "authorities"."""
    sets = load_ontology().sets
    return sets.get("troop", frozenset()) | sets.get("government", frozenset()) | {"authority"}


def force_of_sentence(ctx: ArticleContext, tok: Any) -> list[Actor]:
    """The one force or government another clause of the sentence names, for an agentless passive act of state
    power: "was captured Monday after authorities received several phone tips", "officers swarmed the building
    ... then was arrested after a chase". Not one inside the phrase of who underwent it ("two officers were
    arrested", "a man who attacked officers was arrested"), only one told as a subject (the soldiers of "was
    arrested after attacking soldiers" are its victims), and none when the sentence names two."""
    sp = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    inside = {t.i for t in sp.subtree} if sp is not None else set()
    forces = _state_force_nouns()
    found = [t for t in tok.sent if t.i not in inside and t.pos_ in ("NOUN", "PROPN") and
             t.lemma_.lower() in forces and t.dep_ == "nsubj"]  # (one acting, not a victim)
    if len({t.lemma_.lower() for t in found}) != 1:
        return []
    return [a for a in [ctx.actor(found[0])] if a is not None]  # (the force alone, not its conjuncts)


def reporting_force(ctx: ArticleContext, tok: Any) -> list[Actor]:
    """The speaker of the saying that governs an agentless passive, when it is a force or a government:
    "Police in Lagos said two men were arrested", "Both armies say large stocks of rifles were seized" - a body
    with the power to do the act, telling it with no agent, tells its own act. Witnesses, relatives or a rights
    group telling an arrest did not make it, and stay no actor."""
    clause = tok
    while clause.dep_ == "conj" and clause.head != clause:  # "were seized and ... captured"
        clause = clause.head
    # (what is said, or when: "When Okafor was arrested, police said they found two pistols")
    if clause.dep_ not in ("ccomp", "advcl") or clause.head.lemma_.lower() not in saying_verbs(claims=False):
        return []
    speaker = subject(clause.head)
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN") or \
            speaker.lemma_.lower() not in _state_force_nouns():
        return []
    return ctx.actors(speaker)


def _definite(tok: Any) -> bool:
    """ "the launch", "this attack", "last week's launch": a noun that refers back to an event already told."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") or
               c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in tok.children)


def capital_as_state(a: Actor) -> Actor:
    gaz = gazetteer()
    iso = gaz.country_of_capital(a.name) if a.kind == "GPE" else None
    if iso is None or a.country != iso:
        return a
    name = gaz.countries[iso].name

    return Actor(name=name, kind="GPE", country=iso, entity_id=entity_id("GPE", name), text=a.text or a.name)


def np_countries(ctx: ArticleContext, actors: list[Actor]) -> set[str]:
    """Countries named inside one generic actor ("French and Egyptian warships")."""
    if len(actors) != 1 or actors[0].entity_id:
        return set()
    from .gazetteer import gazetteer as gaz

    words = actors[0].name.replace(",", " ").split()  # the modifiers, not "... in Ukraine"
    if len(words) > 6:
        return set()
    return {c for w in words if (c := gaz().country_of_any(w))}


# Acts two sides do with each other: "the two presidents met", "Seoul and Tokyo are cooperating".
_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})


def mutual_recipients(etype: str, actors: list[Actor]) -> list[Actor]:
    """The other sides of a mutual act whose actor names several ("Trump and Erdogan met", "the two
    presidents are cooperating"): each met the other, so the actors after the first are its recipients too
    (PLOVER codes "A and B met" as A meeting B; the caller takes them out of the actors). Only named sides:
    "U.S. and Russian negotiators" are one."""
    if etype not in _MUTUAL_TYPES or len(actors) < 2 or not all(a.entity_id for a in actors):
        return []
    return list(actors[1:])


def reluctant(tok: Any) -> bool:
    """ "are reluctant to approve the request", "signaling its reluctance to fully endorse the U.S. proposal":
    the act governed by a word of being loath to do it (lexicon `reluctance_words`) is a refusal (REJECT),
    not the act. Not when the reluctance is denied: "was no longer reluctant to release", "showed no
    reluctance to sign" (the negation hangs on the word, on its copula, or is the noun's "no")."""
    word = tok.head
    if tok.dep_ not in ("xcomp", "acl") or word.lemma_.lower() not in lexicon()["reluctance_words"]:
        return False
    return not (_negated(word) or word.dep_ == "acomp" and _negated(word.head) or
                any(c.dep_ == "det" and c.lower_ == "no" for c in word.children))


def joint(tok: Any) -> bool:
    return any(c.lower_ in ("joint", "jointly", "together", "combined", "bilateral", "trilateral")
               for c in tok.children if c.dep_ in ("amod", "advmod"))


def mode_of(onto: Ontology, etype: str, lemma: str, tok: Any) -> str | None:
    mode = onto.mode_for(etype, lemma)
    if mode is None and etype == "MOBILIZE":
        deps = {t.lemma_.lower() for t in tok.subtree}
        if deps & {"police", "policeman", "paramilitary"}:
            return "police"
        if deps & {"militia", "militiaman"}:
            return "militia"
        if deps & onto.sets.get("weapon", frozenset()):
            return "weapons"
        if deps & onto.sets.get("troop", frozenset()):
            return "troops"
    return mode


def contexts_of(onto: Ontology, etype: str, sent: Any) -> list[str]:
    out = list(onto.types[etype].context) if etype in onto.types else []
    for t in sent:
        for c in onto.context_index.get(t.lemma_.lower(), ()):
            if c not in out:
                out.append(c)
    return out
