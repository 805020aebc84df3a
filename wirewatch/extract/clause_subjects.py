"""Who a clause's subject or agent is, from the parse: `subject` (with the parser's misreadings repaired: a
relative pronoun's antecedent, "one of whom", a participle read as the verb, a decision's owner), `agent`
("by X"), the passives (`gapped_passive`, `stative_passive_subject`) and `modified_noun` / `perpetrator_of`.
Functions of one clause, with no article memory: `arguments.ArticleContext` turns the token found into an
actor.
"""

from __future__ import annotations

from typing import Any

from .argument_nouns import _ANY_PERSON, _BODY_HEADS, _COLLECTIVE, _REL_PRONOUNS, _SUBJ, NOT_PARTICIPANT, place_noun
from .context_index import ContextIndex
from .entity_antecedents import (
    inherited_non_agent,
    no_agent_noun,
)


def modified_noun(verb: Any) -> Any | None:
    """The noun a past participle modifies, as a reduced relative or an adjective ("a teenager killed by
    police", "the journalist detained last week", "the detained activist"): the one it was done to. The
    participle's "by" phrase, if any, did it (see `subject`). A subjectless `acl` the tagger calls VBD is the
    same participle ("missiles fired from near Pyongyang": regular verbs' past and participle look alike)."""
    if not (verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.dep_ == "acl") or \
            verb.dep_ not in ("acl", "amod") or verb.head == verb or \
            verb.head.pos_ not in ("NOUN", "PROPN", "PRON") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux") for c in verb.children):
        return None
    return verb.head


def subject(verb: Any) -> Any | None:
    """The syntactic subject of a verb, following control and coordination ("agreed to share", "dismissed
    ... and replaced"), and relative pronouns back to their noun. A participle modifying a noun has none:
    its logical subject is its "by" phrase ("a teenager killed by police officers": the officers)."""
    if modified_noun(verb) is not None:
        return agent(verb)
    doer = _agent_of_misparsed_participle(verb)
    if doer is not None:
        return doer
    found = _subject(verb)
    if found is not None and inherited_non_agent(verb, found):
        # "the vote will add to calls ... to impose tariffs": an event noun imposes nothing. "X said the
        # initiative aims to ... and urged Y": a conjunct the parser hung inside the reported clause belongs
        # to the saying one, whose subject acts.
        head = verb.head if verb.dep_ == "conj" else None
        while head is not None and head.dep_ in ("conj", "xcomp") and head.head != head:
            head = head.head  # ("said the initiative aims to mobilize ... and urged": up through "to mobilize")
        if head is not None and head.dep_ == "ccomp" and head.head.pos_ == "VERB":
            said = _subject(head.head)
            if said is not None and not inherited_non_agent(verb, said) and not (
                    said.pos_ == "NOUN" and no_agent_noun(said.lemma_)):
                return said
        return None
    return found


def _subject(verb: Any) -> Any | None:
    """`subject` past its participle cases: the verb's own subject or the one control and coordination give."""
    for _ in range(4):
        owner = _decision_owner(verb)
        if owner is not None:
            return owner
        subjs = [c for c in verb.children if c.dep_ in _SUBJ]
        subj = subjs[0] if subjs else None
        if len(subjs) > 1 and subjs[1].pos_ == "PROPN" and subjs[1].left_edge.i == subjs[0].right_edge.i + 1:
            subj = subjs[1]  # "The armed group Ansar al-Din claimed ...": the parser split the apposition
        if subj is not None:
            if subj.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                # ("anyone who threatens", "those that opposed": the clause says whom the pronoun means, it
                # names no one who did it)
                return None if verb.head.lower_ in _ANY_PERSON else verb.head
            return _of_whom_antecedent(subj, verb) or subj
        if verb.dep_ in ("ROOT", "ccomp") and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD") or \
                verb.dep_ in ("ROOT", "ccomp") and verb.pos_ == "NOUN" and any(
                    c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children):
            # (a verb the parser took for a noun: "deputy shot and wounded a man" roots on "shot")
            return _recover_subject(verb)
        if verb.dep_ == "xcomp" and verb.head != verb:
            gov = verb.head
            # Object control: "forced Iraq to withdraw", "urged Seoul to talk" - the object acts; a length of
            # time is no controller ("police spent three hours negotiating": the police negotiate)
            obj = next((c for c in gov.children if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")), None)
            if obj is not None:
                return obj
            # Raising passives: "is expected to visit", "was forced to resign".
            sp = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
            if sp is not None:
                return sp
            verb = gov
        elif verb.dep_ in ("conj", "advcl", "acomp") and verb.head != verb:
            verb = verb.head
        elif verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN" and any(
                c.dep_ == "poss" for c in verb.head.children):
            # "Obama's failure to sell", "Ankara's decision to buy": the possessor does it
            return next(c for c in verb.head.children if c.dep_ == "poss")
        elif verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and (side := _noun_side(verb.head)) is not None:
            return side  # "the cabinet decision to expel", "a Turkish court ruling to imprison": who decided
        elif verb.dep_ == "acl" and (culprit := perpetrator_of(verb.head)) is not None:
            return culprit  # "Gigante was the gunman in a failed attempt to kill Costello"
        elif verb.dep_ == "acl" and (obj_of := _object_through_of(verb.head)) is not None:
            # "issued a declaration demanding ...", "issued a series of warnings demanding ...": the issuer demands
            verb = obj_of.head
        elif verb.dep_ == "pcomp" and verb.head.head != verb.head:
            # "accused X of supplying": X supplies (object control); "after meeting": the main subject.
            gov = verb.head.head
            if gov.pos_ == "NOUN" and gov.lemma_.lower() in _PROSPECT_NOUNS and gov.dep_ == "pobj" and \
                    not any(c.dep_ == "poss" for c in gov.children):
                # "talks about the possibility of restoring cooperation": who talks about it would restore it
                clause = gov.head.head
                while clause.pos_ not in ("VERB", "AUX") and clause.head != clause and clause.dep_ in ("pobj", "prep"):
                    clause = clause.head
                if clause.pos_ in ("VERB", "AUX"):
                    verb = clause
                    continue
            if gov.dep_ == "dobj" and verb.head.lower_ in ("of", "for") and \
                    gov.head.lemma_.lower() in _HOLD_TO_ACCOUNT_VERBS:
                # "accused Israeli settlers of torching cars" with "of" hung on the object: whom such a
                # verb holds to account does the deed, wherever the parser hangs the phrase
                return gov
            if gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "attr") and gov.head != gov:
                # "proposed a plan for rebuilding Haiti": who proposed the plan rebuilds; "Oslo's plan
                # for ..." is Oslo's
                poss = next((c for c in gov.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
                if poss is not None:
                    return poss
                verb = gov.head
                continue
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is None and gov.dep_ == "relcl":
                obj = gov.head  # "companies it accuses of carrying": the companies carry
            if obj is not None and verb.head.lower_ in ("of", "for", "with"):
                return obj
            sp = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
            if sp is not None and verb.head.lower_ in ("of", "for", "with"):
                return sp  # "Hooks is accused of shooting his neighbor": Hooks shoots
            verb = gov
        else:
            return None
    return None


# Verbs whose object does the deed of their "of"/"for" + gerund: "accused X of firing", "fined X for dumping".
_HOLD_TO_ACCOUNT_VERBS = frozenset({"accuse", "suspect", "convict", "acquit", "charge", "blame", "credit", "praise",
                                    "thank", "criticize", "criticise", "condemn", "fine", "punish", "sue", "arrest",
                                    "jail", "sentence", "indict", "clear", "fault", "commend", "reward", "honor",
                                    "honour", "congratulate", "rebuke", "reprimand", "penalize", "penalise",
                                    "denounce", "hail", "applaud", "detain", "prosecute"})
# Nouns of a course that may be taken, whose "of doing" is the act of whoever weighs it: "talks about the
# possibility of restoring ties", "discussed the idea of lifting sanctions".
_PROSPECT_NOUNS = frozenset({"possibility", "prospect", "idea", "option", "question", "matter", "goal", "aim",
                             "intention", "hope", "chance", "way", "means", "process", "task", "job", "business"})
# Nouns of deciding and trying whose infinitive is their owner's act: "the cabinet decision to expel".
_DECISION_NOUNS = frozenset({"decision", "ruling", "move", "plan", "bid", "attempt", "effort", "order", "vote",
                             "offer", "refusal", "failure", "promise", "pledge", "threat", "push", "drive", "call"})


def _of_whom_antecedent(subj: Any, verb: Any) -> Any | None:
    """ "police fired at demonstrators, some of whom threw rocks": a part "of whom" acts as its whole, the
    noun the relative clause is about. The parser hangs the clause on that noun or, after a comma, on the
    main verb; then the whole is the noun phrase just before the comma ("farmers in Lyon, some of whom")."""
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(g.dep_ == "pobj" and g.lower_ in ("whom", "which") for g in of.children):
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    i = subj.left_edge.i - 1
    if i < 1 or subj.doc[i].text != ",":
        return None
    whole = subj.doc[i - 1]
    while whole.dep_ in ("pobj", "compound", "appos") and whole.head.i < whole.i and \
            (whole.head.pos_ in ("NOUN", "PROPN") or whole.head.dep_ == "prep" and
             whole.head.head.pos_ in ("NOUN", "PROPN")):
        whole = whole.head if whole.head.pos_ in ("NOUN", "PROPN") else whole.head.head
    return whole if whole.pos_ in ("NOUN", "PROPN") else None


def _agent_of_misparsed_participle(verb: Any) -> Any | None:
    """ "Aid pledged by Japan to Sri Lanka arrived": the parser makes the participle the clause's verb, the noun
    it modifies its subject and "by Japan" its agent. An active verb has no agent: with one, and no passive
    auxiliary, the agent is the doer and the subject the thing done."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None or any(c.dep_ in ("auxpass", "nsubjpass", "aux") for c in verb.children) or \
            not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    doer = next((g for g in by.children if g.dep_ == "pobj"), None)
    if doer is None or doer.ent_type_ in NOT_PARTICIPANT or place_noun(doer) or not (
            doer.pos_ == "PROPN" or doer.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or
            ContextIndex.party_noun(doer)):
        # "shortened by one hour the curfew": a measure, not a doer; "held a rally by the Washington
        # Monument": a place, beside which it was held
        return None
    return doer


def _decision_owner(verb: Any) -> Any | None:
    """ "angered by a Turkish court ruling on Wednesday to continue to imprison X", "welcomed a Supreme Court
    ruling to release the prisoners": the parser hangs the infinitive on the main verb, but it belongs to the
    decision noun right before it, whose side acts (only a side the noun names itself: "made a decision to
    expel" stays the maker's)."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head == verb:
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None:
        return None
    doc = verb.doc
    for t in reversed(doc[max(verb.head.i, verb.sent.start):to.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in _DECISION_NOUNS and t.dep_ in ("pobj", "dobj", "attr") and \
                t.right_edge.i == to.i - 1 and _decision_is_the_topic(t, verb.head):
            side = next((c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            return side if side is not None else _noun_side(t)
    return None


# Verbs that judge or answer a decision as a whole: its infinitive is the decision's content ("welcomed a
# ruling to release X"). After other verbs an infinitive is the subject's purpose ("cited a ruling to demolish").
_VERDICT_VERBS = frozenset({"welcome", "hail", "praise", "applaud", "condemn", "criticize", "criticise",
                            "denounce", "reject", "slam", "protest", "appeal", "challenge", "oppose", "defy",
                            "overturn", "uphold", "block", "suspend", "annul", "quash", "fear", "decry"})


def _decision_is_the_topic(noun: Any, main: Any) -> bool:
    """Is the decision noun what the main clause is about, so that the infinitive hung on the main verb is
    the decision's: the main verb's subject or "by" agent ("angered by a court ruling to imprison"), or the
    object of a verb judging it ("welcomed a ruling to release")."""
    if noun.head == main and noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    if noun.dep_ == "pobj" and noun.head.head == main and noun.head.dep_ == "agent":
        return True
    return noun.dep_ == "dobj" and noun.head == main and main.lemma_.lower() in _VERDICT_VERBS


def _noun_side(noun: Any) -> Any | None:
    """The body or name before a decision noun ("cabinet decision", "court ruling", "Kremlin move")."""
    if noun.lemma_.lower() not in _DECISION_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.lemma_.lower() in _BODY_HEADS | _COLLECTIVE):
            return c
    for c in noun.children:
        if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
            return c
    return None


# Nouns for the one who did a deed: "X was the gunman in the attack" - X did it.
_PERPETRATORS = frozenset({"gunman", "shooter", "killer", "attacker", "assailant", "bomber", "hijacker", "sniper",
                           "kidnapper", "murderer", "perpetrator", "mastermind", "ringleader", "culprit", "driver",
                           "robber", "arsonist", "hitman", "triggerman", "instigator", "organizer", "organiser"})


def perpetrator_of(noun: Any) -> Any | None:
    """The subject of "X was the gunman in <noun>" / "X was the mastermind behind <noun>"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "behind", "of", "during"):
        return None
    cop = noun.head.head
    if cop.lemma_.lower() != "be":
        attr = cop if cop.lemma_.lower() in _PERPETRATORS and cop.dep_ == "attr" else None
        cop = cop.head if attr is not None else cop  # "was the gunman in the attack" with the phrase on "gunman"
    else:
        attr = next((c for c in cop.children if c.dep_ == "attr" and c.lemma_.lower() in _PERPETRATORS), None)
    if attr is None or cop.lemma_.lower() != "be":
        return None
    return next((c for c in cop.children if c.dep_ == "nsubj"), None)


def _object_through_of(noun: Any) -> Any | None:
    """The verb's object a noun is, or is inside through "of" phrases ("a series of warnings")."""
    for _ in range(3):
        if noun.dep_ in ("dobj", "attr") and noun.head != noun:
            return noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
            continue
        return None
    return None


def _recover_subject(verb: Any) -> Any | None:
    """A finite verb the parser left without subject usually follows a list it misattached: "In response
    to advances by China, Russia, and North Korea, Japan and the United States have announced ..." parses
    Japan as one more conjunct of the list. Take the noun right before the verb group, and the nouns
    joined to it by "and" (not by commas, which belong to the fronted list)."""
    doc, start = verb.doc, verb.sent.start
    if (verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.i > verb.i) and verb.pos_ in ("VERB", "NOUN"):
        # "A Chesterfield County sheriff's deputy shot and wounded a man": the small model reads the subject
        # as a possessor and a compound of the verb; the noun next to the verb heads it (also when a saying
        # clause after it makes the verb its content: "..., state police said")
        # ("President Mwangi on Tuesday sacked ...": a name before a time phrase read as an adverbial noun)
        nouns = [c for c in verb.children if c.i < verb.i and c.pos_ in ("NOUN", "PROPN") and (
            c.dep_ in ("compound", "poss") or c.dep_ == "npadvmod" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))]
        if nouns:
            return max(nouns, key=lambda c: c.i)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("say", "tell", "add", "state", "claim", "report"):
        # "said Ankara in the last few years imposed controls": a verb of saying takes no named object; the
        # parser made the content's subject one
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and
                    (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"))), None)
        if obj is not None:
            return obj
    i = verb.i - 1
    while i >= start and doc[i].head == verb and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i < start or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].dep_ != "conj":
        return None
    t = doc[i]
    while t.dep_ == "conj" and t.head.i < t.i and any(x.dep_ == "cc" for x in doc[t.head.i + 1:t.i]):
        t = t.head
    return t if t.i > start else None


def stative_passive_subject(verb: Any) -> Any | None:
    """The subject of a participle with a "by" agent told as a state by a copular verb ("the schools remain
    occupied by students", "the road stayed blocked by protesters"): a passive without its auxiliary, whose
    subject underwent the act. None when `verb` is no such participle."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acomp", "oprd", "xcomp") or verb.head == verb or \
            agent(verb) is None:
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def gapped_passive(verb: Any) -> Any | None:
    """The one a participle joined to a passive verb tells as acted upon, the auxiliary left out: "several
    rebels were either killed or captured" (the shared subject), "shops were looted and 40 people arrested"
    (its own subject: with no object it is no active verb). None when `verb` is no such conjunct."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.head == verb or \
            any(c.dep_ in ("aux", "auxpass", "nsubjpass", "dobj") for c in verb.children):
        return None
    head = verb.head
    if any(c.dep_ == "auxpass" for c in head.children):
        shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    else:
        shared = gapped_passive(head)
        if shared is None:
            return None
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return own if own is not None else shared


def agent(verb: Any) -> Any | None:
    """The "by X" of a passive verb or event noun."""
    for c in verb.children:
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None
