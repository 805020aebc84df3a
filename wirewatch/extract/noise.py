"""Words that look like event triggers in statements that report no event of the ontology (issue 10).

Each rule names a kind of statement, not a set of words from some report:
- sourcing boilerplate: the purpose of an anonymity grant or the complement of (not) being allowed or
  declining to speak ("speaking on condition of anonymity to discuss ...", "not authorized to talk to the
  media", "declined to discuss") is no consultation;
- a series: a plural event noun under a series noun or a frequency modifier ("the latest in a string of
  weapons tests", "repeated launches of this kind") names a kind of happening, not one; with a number or a
  date of its own ("three attacks on Monday") it counts happenings, with its doer named ("repeated attacks by
  armed herders") it reports a campaign: both stay;
- an assessment of danger: a threat verb or "pose a threat/risk" whose subject is a thing or a happening
  ("the event did not pose an immediate threat", "rising prices threaten the recovery"); a threat
  (THREATEN) needs a threatening party;
- a continuing activity: an aspectual verb whose subject is an ordinary activity outside the ontology
  ("analysis of the flight data was continuing"); "the talks continued" keeps the talks' type;
- an aim or a priority: "the regime is prioritizing its missiles", "the project aims to improve readiness"
  state a goal (an act aimed at is its complement's trigger, coded "planned");
- the ease of an act: "makes a settlement harder to reach", "threats difficult to counter";
- a share of production: "account for a fifth of global output" is an economic figure (PRODUCE only);
- no agent: a verbal act (an agreement, a rejection, support, a request...) whose subject is a document or
  an abstraction ("the treaty provided for assistance", "the framework supports ..."), or a giving or making
  whose subject is the thing given or made ("the launchers manufactured this year are ..."): what a text
  provides for, or a thing undergoes, is no party's act;
- a generic statement: a noun conjoined to the event noun of a present-simple clause with an adverb of
  frequency ("frequently conducts bombings and gun assaults"; the clause itself is triggers.habitual's);
- a question asked or put by the narration, a direction to the reader (noise_address.py: "'Who benefits?' she
  asked", "Does Trump see China as a threat?", "For a full list, visit ProPublica");
- a vow of resolve: a promise to remain or carry on ("vowed to stay in the square"), no AGREE;
- a thing as the doer, a generic comparison, a quantified kind (noise_senses.py: "the camera accepts older
  lenses", "are more likely to attack strangers", "most burglars avoid homes").

`no_event` is asked of every lexicon trigger (triggers.find_triggers suppresses it) and of every decision
the detector hands back, including the ones it proposes on a sentence's verb (events.py drops them): the
model scores the sentence, these rules say the word it would hang the event on reports none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from . import wordclass
from .lexicon import lexicon
from .noise_address import asked_question, in_web_address, narrated_question, reader_direction
from .noise_senses import sense_noise
from .ontology import Ontology

# The links from a word up to the licence or the anonymity grant it is the purpose of ("... anonymity to
# discuss", "not authorized to talk", "declined to comment or elaborate"). Not a ccomp: what a source says
# under anonymity ("said on condition of anonymity that troops had killed five") is the news it gives.
_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "acl", "conj"})


def no_event(tok: Any, onto: Ontology, etype: str | None = None) -> str | None:
    """The noise kind of the statement `tok` would be the trigger of (as an event of type `etype`, when
    known), or None when it may report an event."""
    if in_web_address(tok):
        return "address"  # "http: / / www. example. com / news / three - killed - ..." (noise_address.py)
    if tok.pos_ in ("VERB", "AUX"):
        if _sourcing(tok):
            return "sourcing"
        if asked_question(tok):
            return "question"  # "'Who benefits?' she asked" (noise_address.py)
        if narrated_question(tok):
            return "question"  # "Does Trump see China as a threat?"
        if reader_direction(tok):
            return "direction"  # "For a full list, visit ProPublica"
        if _aspiration(tok, onto):
            return "aspiration"
        if _ease(tok):
            return "ease"
        if etype is not None and _no_agent(tok, onto, etype):
            return "no agent"
        if etype == "AGREE" and _resolve(tok):
            return "resolve"  # "the strikers vowed to stay in the square": resolve, no commitment to a party
        if _assessed_danger(tok, onto):
            return "assessment"
        if _continuing_activity(tok, onto):
            return "continuation"
        if tok.lemma_.lower() in lexicon()["warning_verbs"] and any(
                c.dep_ in ("ccomp", "parataxis") and _assessed_danger(c, onto) for c in tok.children):
            return "assessment"  # "the bank warned that rising rates threaten the recovery": no threatening party
        if (kind := sense_noise(tok, onto, etype)) is not None:
            return kind  # a thing as the doer, a generic comparison or kind (noise_senses.py)
    elif tok.pos_ == "NOUN":
        if _series(tok):
            return "series"
        if _habitual_conjunct(tok):
            return "generic"  # "the group frequently conducts bombings and gun assaults"
        if etype == "PRODUCE" and _share_of(tok):
            return "measure"  # "account for a fifth of global output": an economic figure, no production
        if tok.lemma_.lower() in lexicon()["risk_nouns"] and tok.dep_ == "dobj" and \
                _assessed_danger(tok.head, onto):
            return "assessment"
    return None


def _habitual_conjunct(noun: Any) -> bool:
    """A noun joined to an event noun of a generic statement shares its clause: "the group frequently conducts
    bombings and gun assaults" (triggers.habitual reads the clause of the first conjunct only). The whole
    chain is climbed: in "bombings, kidnappings and gun assaults" each conjunct hangs on the one before."""
    from .triggers import habitual  # (triggers imports this module)

    first = noun
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    return first is not noun and habitual(first)


# ------------------------------------------------------------------ vows of resolve
def _resolve(verb: Any) -> bool:
    """ "The strikers vowed to stay in the square until ...", "pledged to remain in office", "swore to
    continue": a promise whose content is the promiser staying on (lexicon `persistence_verbs`, with no
    object and no act of its own: "pledged to continue its aid", "vowed to keep talking" stay) states its
    resolve; PLOVER's AGREE is a commitment made to another party."""
    if verb.lemma_.lower() not in lexicon()["vow_verbs"]:
        return False  # (not "agreed to remain in the coalition": a deal with the other members)
    stays = lexicon()["persistence_verbs"]
    goals = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return bool(goals) and all(
        g.lemma_.lower() in stays and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubj") for c in g.children)
        for g in goals)


# ------------------------------------------------------------------ sourcing boilerplate
def _anonymous(verb: Any) -> bool:
    """ "speaking on condition of anonymity", "spoke anonymously": the verb carries an anonymity grant."""
    words = lexicon()["anonymity_words"]
    return any(d.lower_ in words for c in verb.children if c.dep_ in ("prep", "advmod") for d in c.subtree)


def _sourcing(tok: Any) -> bool:
    """Is `tok` what a source was (not) allowed, or declined, to say, or the purpose of its anonymity?"""
    lex = lexicon()
    if _anonymous(tok):
        return True  # "an official, speaking on condition of anonymity, said": the sourcing itself
    disclosure = tok.lemma_.lower() in lex["disclosure_verbs"] and not _party_addressed(tok)
    t = tok
    for _ in range(3):
        if t.dep_ not in _CLAUSE_LINKS or t.head.i == t.i:
            return False
        t = t.head
        if _anonymous(t):
            return True  # the purpose of the anonymity: "... anonymity to discuss intelligence"
        if disclosure and t.lemma_.lower() in lex["licence_verbs"]:
            return True  # "not authorized to discuss", "declined to talk to reporters"
    return False


def _party_addressed(verb: Any) -> bool:
    """ "refused to talk with the rebels", "declined to meet Hamas", "refused to talk to government
    negotiators", "declined to release the two defendants": speaking to, or acting on, a party is a
    consultation refused (PLOVER REJECT) or an act, not a source's silence. The press a source speaks to is
    no party ("declined to talk to reporters", "discuss the crash with journalists"), nor is the person a
    source names or identifies: who someone is, is what the source disclosed."""
    if verb.lemma_.lower() in lexicon()["identity_verbs"]:
        return False
    for c in verb.children:
        objs = [c] if c.dep_ == "dobj" else \
            [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("to", "with") else []
        if any(_party(o) for o in objs):
            return True
    return False


def _party(noun: Any) -> bool:
    """A person, a group or a named body, other than the press."""
    press = lexicon()["press_nouns"]
    if noun.lower_ in press or noun.lemma_.lower() in press or any(
            c.dep_ == "compound" and c.lower_ in press for c in noun.children):
        return False  # "reporters", "the news media", "The Associated Press"
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return noun.pos_ == "NOUN" and bool(set(wordclass.classes(noun.lemma_.lower(), "n")[:2]) & {"person", "group"})


# ------------------------------------------------------------------ series of happenings
def _counted(tok: Any) -> bool:
    """A number or a date of its own: "three attacks", "attacks on Monday", "two waves of strikes". A
    stretch of time ("this year", "in recent months") is the span a series runs over, not a happening's date."""
    for c in tok.children:
        if c.dep_ == "nummod" or c.ent_type_ == "CARDINAL":
            return True
        when = [g for g in c.subtree if g.ent_type_ in ("DATE", "TIME")] if c.dep_ in ("prep", "npadvmod") else []
        if when and not any(g.lemma_.lower() in lexicon()["period_words"] for g in when):
            return True
    return False


def _own_agent(tok: Any) -> bool:
    """ "repeated attacks by armed herders", "Hamas's frequent rocket attacks", "security forces have carried
    out repeated raids": a series whose doer is named, on the noun or as the subject of the verb that
    performs it, is a campaign reported, with participants to code. ("Residents have endured repeated
    raids": the subject suffers the series, it stays one.)"""
    if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return True
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in lexicon()["performing_verbs"]:
        return False
    subj = _subject(verb)
    return subj is not None and _agentive(subj)


def _series(tok: Any) -> bool:
    """A plural event noun that names a series: "a string of weapons tests", "repeated launches", "launches
    of this kind", "such raids"."""
    if tok.tag_ != "NNS" or _counted(tok) or _own_agent(tok):
        return False
    lex = lexicon()
    if any(c.dep_ in ("amod", "det", "compound") and c.lower_ in lex["series_modifiers"] for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in lex["kind_nouns"]
                                                         for g in c.children) for c in tok.children):
        return True  # "launches of this kind"
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in lex["series_nouns"]:
        # "two waves of strikes" counts; "a string of arrests of journalists by the police" names its doer
        return not _counted(prep.head) and not any(c.dep_ == "prep" and c.lower_ == "by" for c in prep.head.children)
    return False


def _share_of(noun: Any) -> bool:
    """Is `noun` the "of" object of a share or a fraction ("a fifth of global output", "90 percent of its
    production")? WordNet's commonest sense of the share is a quantity, a relation or an attribute, and it is
    no noun of a change ("an increase of production" may be a production target; "increase" is a verb too)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return False
    share = prep.head.lemma_.lower()
    return wordclass.classes(share, "n")[:1] in (("quantity",), ("relation",), ("attribute",)) and \
        not wordclass.classes(share, "v")


# ------------------------------------------------------------------ assessments of danger
def _agentive(noun: Any) -> bool:
    """Can this subject threaten: a person, a group, a state or a place as its people (a name or a pronoun
    counts: who they are is for participants.py)."""
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lem = noun.lemma_.lower()
    lex = lexicon()
    if lem in lex["partitive_nouns"] or lem in lex["person_anaphors"] or lem in lex["report_nouns"] \
            or lem in lex["issuer_nouns"] or lem in lex["human_nouns"]:
        return True  # human_nouns: "forces", "authority", whose commonest WordNet sense is no body
    classes = wordclass.classes(lem, "n")
    return not classes or bool(set(classes[:2]) & lex["agent_classes"])


def _subject(verb: Any) -> Any | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and verb.dep_ == "conj":
        return _subject(verb.head)  # "The storm flooded roads and threatened homes"
    return subj


def _assessed_danger(verb: Any, onto: Ontology) -> bool:
    """ "Repeated launches threaten the peace", "the event did not pose an immediate threat": a danger told
    of a thing or a happening."""
    lex = lexicon()
    lem = verb.lemma_.lower()
    if lem in lex["pose_verbs"]:
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in lex["risk_nouns"] for c in verb.children):
            return False
    elif lem not in lex["threat_verbs"]:
        return False
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "threatened to attack": the subject's own act is threatened
    subj = _subject(verb)
    if subj is None:
        return False
    if _message(subj) and any(c.dep_ == "dobj" and _party(c) for c in verb.children):
        return False  # "Anonymous emails threatened the judge": a message aimed at people is its sender's threat
    return subj.lemma_.lower() in onto.nouns or not _agentive(subj)


def _message(noun: Any) -> bool:
    """A text someone sends ("emails", "a text message", "a video"): WordNet's commonest sense is a
    communication."""
    classes = wordclass.classes(noun.lemma_.lower(), "n")
    return bool(classes) and classes[0] == "communication"


# ------------------------------------------------------------------ continuing activities
def _continuing_activity(verb: Any, onto: Ontology) -> bool:
    """ "Analysis of the flight data was continuing", "the search ended at dawn": an aspectual verb with no
    complement of its own, whose subject is an ordinary activity. An event noun of the ontology as the
    subject ("the talks continued", "fighting resumed") is left alone: that noun is the event."""
    if verb.lemma_.lower() not in lexicon()["continuation_verbs"]:
        return False
    if any(c.dep_ in ("xcomp", "dobj", "ccomp", "nsubjpass") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
           for c in verb.children):
        return False  # "the economy job goes to Ines Mora": a goal reached, no activity going on
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    return subj.lemma_.lower() not in onto.nouns and not _agentive(subj)


# ------------------------------------------------------------------ aims, ease, acts with no agent
def _aspiration(verb: Any, onto: Ontology) -> bool:
    """ "is prioritizing the enhancement of its capabilities", "the drills aim to enhance readiness": the
    verb states a goal that is no act: a noun ("prioritizing the economy") or a change of degree or of mind
    ("to enhance", "to strengthen", "to reassess": WordNet's change and cognition verbs). A goal that is an
    act ("aiming to send the Philippines 25 million doses", "aimed at forcing Oslo to ...") is a planned
    event: the model's type on the sentence stands."""
    aims = lexicon()["aspiration_verbs"]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in aims and _no_act_goal(verb, onto):
        return True  # the goal itself ("aims to strengthen readiness"), where a model's type may land
    if verb.lemma_.lower() not in aims:
        return False
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "we hope the leaders accept our demands": a wish about others' act, often a demand
    if any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children) and \
            any(c.dep_ == "dobj" for c in verb.children):
        return False  # "aimed rockets at the base", "aimed water cannon at protesters": pointing, not an aim
    goals = [c for c in verb.children if c.dep_ == "xcomp"] + \
        [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    if not goals:
        return any(c.dep_ == "dobj" and c.lemma_.lower() not in onto.nouns for c in verb.children)
    return all(_no_act_goal(g, onto) for g in goals)


@lru_cache(maxsize=1)
def _made_types() -> frozenset[str]:
    """The event types whose object is a made or given thing (lexicon `object_made_types`: PRODUCE, AID, ...)."""
    return frozenset(t.upper() for t in lexicon()["object_made_types"])


def _makes_or_gives(verb: Any) -> bool:
    """A verb of making or giving by its commonest WordNet sense ("manufacture", "supply", "provide")."""
    return wordclass.classes(verb.lemma_.lower(), "v")[:1] in (("creation",), ("possession",))


def _made_thing_described(verb: Any, onto: Ontology, etype: str) -> bool:
    """ "Drones manufactured in Iran struck the station", "shells supplied this month were ...": a participle
    describing a made or given thing, with no maker or giver and no receiver, tells where the thing comes
    from, not that a party made or gave it. Named ("supplied by Tehran", "supplied to the militia"), it is
    the act, and stays."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.pos_ != "NOUN" or head.ent_type_ \
            or etype not in _made_types():
        return False  # (the tagger reads many such participles as past tenses: "Drones manufactured/VBD in")
    thing = wordclass.classes(head.lemma_.lower(), "n")[:1] == ("artifact",) or \
        head.lemma_.lower() in onto.sets.get("weapon", frozenset())  # "drone": WordNet's first sense is a bee
    if not thing or not _makes_or_gives(verb):
        return False
    return not any(c.dep_ in ("agent", "dative", "dobj") or c.dep_ == "prep" and c.lower_ in ("by", "to")
                   for c in verb.children)


def _names_party(prep: Any) -> bool:
    """ "from lawmakers", "by the ministry" name who acts; "by the end of the month" is a date."""
    return any(_party(g) for g in prep.children if g.dep_ == "pobj")


# The objects whose change of degree is an act of the ontology: tightening sanctions, reinforcing troops,
# raising tariffs, reducing weapons, breaking up a rally, freezing assets, isolating a town (the sets of
# ontology.yaml that name them).
_ACT_OBJECT_SETS = ("troop", "sanction", "restriction", "weapon", "aid", "captive", "blockade", "protest", "asset",
                    "target")


def _no_act_goal(goal: Any, onto: Ontology) -> bool:
    """A goal that is a change of degree or of mind ("to enhance readiness", "to reassess its options"),
    unless what changes is a party or an act's means ("to eliminate the militants", "to tighten sanctions",
    "to reinforce its troops", "to raise tariffs": a planned act, the model's type stands)."""
    lem = goal.lemma_.lower()
    if wordclass.classes(lem, "v")[:1] not in (("change",), ("cognition",)) or lem in lexicon()["aspectual_verbs"]:
        return False  # "to resume joint efforts with ...": an aspectual verb's act is its object's
    objs = [c for c in goal.children if c.dep_ == "dobj"]
    act_objects = set().union(*(onto.sets.get(name, frozenset()) for name in _ACT_OBJECT_SETS))
    return not any(_party(o) or o.lemma_.lower() in act_objects for o in objs)


def _ease(verb: Any) -> bool:
    """ "harder to reach", "difficult to counter", "impossible to verify": an infinitive right after an
    adjective of ease says how easy the act would be. The word before "to" decides (the parser hangs
    these adjectives anywhere: on the noun, on the verb, as a copula's complement)."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0:
        return False
    before = verb.doc[to.i - 1]
    if before.pos_ == "ADV" and before.dep_ == "advmod" and before.head.pos_ == "VERB" and \
            before.head.lemma_.lower() not in _EASE_FRAMES:
        return False  # "fought hard to retake the airport", "worked hard to secure": the effort, not the ease
    return before.pos_ in ("ADJ", "ADV") and before.lemma_.lower() in lexicon()["ease_adjectives"]


# The verbs that frame an ease ("make a deal harder to reach", "found it difficult to verify"): an adverb of
# ease hung on them says how easy the act is; hung on any other verb it says how hard someone tried.
_EASE_FRAMES = frozenset({"make", "find", "render", "prove", "become", "get", "seem", "be"})


def _no_agent(verb: Any, onto: Ontology, etype: str) -> bool:
    """An act of cooperation (an agreement, support, a concession, aid) whose subject is a text ("the treaty
    provided for mutual assistance", "the charter guarantees ..."): what a text says is no party's act.
    Texts that speak for their issuer ("the statement accused", "the resolution demands": `_agentive`;
    accusations, demands, rejections and threats are left to it) act, as do names, pronouns and event nouns
    ("the talks agreed"); so does a verb whose agents are named ("the proposal received support from
    lawmakers"). And a giving or a making whose subject is a made thing, with no object ("the missile
    launchers manufactured this year are ...": the parser's reading of a participle)."""
    if _made_thing_described(verb, onto, etype):
        return True
    spec = onto.types.get(etype)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if spec is None or subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    lex = lexicon()
    issued = subj.lemma_.lower() in lex["issuer_nouns"] or subj.lemma_.lower() in lex["report_nouns"]
    stipulates = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) and \
        not any(c.dep_ == "dobj" for c in verb.children)
    if _agentive(subj) and not (issued and stipulates and spec.quad == "material cooperation"):
        return False  # a text speaks or acts for its issuer ("the resolution supports ...", "the declaration
        # freed up aid"), but what a decree provides for ("provides for the deployment of troops") is its terms
    lem = subj.lemma_.lower()
    signed = onto.sets.get("accord", frozenset())
    if lem in onto.nouns and lem not in signed:
        return False  # "the talks agreed": the event noun is the event; a signed text ("the pact") is a text
    first = wordclass.classes(lem, "n")[:1]
    if lem in signed:
        first = ("communication",)  # "the accord provides for ...": a signed text, whatever WordNet's first
        # sense of the word ("accord": a state of harmony)
    if etype in _made_types() and first == ("artifact",) and _makes_or_gives(verb) and \
            not any(c.dep_ in ("dobj", "attr", "oprd", "auxpass") for c in verb.children):
        return True  # "the launchers manufactured this year": the thing made
    if spec.quad.endswith("cooperation"):  # "the treaty provided for mutual assistance": terms, not aid given
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        return first == ("communication",) and not any(  # "from lawmakers": on the verb or on its object
            c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from") and _names_party(c)
            for x in [verb, *objs] for c in x.children)
    return False
