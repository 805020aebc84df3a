"""A change of office told without the classic verbs (issues 10, 12): "crosses over to Foreign Affairs",
"takes charge of Defence", "gets the defence portfolio", "becomes the new defence minister", "was picked to
head the Treasury", "has dropped his finance minister", "Taking over is Grace Achieng".

The rule is one construction, not a list of phrases: a PERSON (the holder) + a verb of change of state,
motion or possession (ontology.yaml `office_change.verbs`) + an OFFICE reached from that verb. An office is
- a role noun of public office (`sets.office_role`: minister, secretary, governor, commander, ...) as what
  one becomes or is made ("becomes the new defence minister", "took over as governor"), or as the object of
  a dismissal verb ("dropped his finance minister");
- a portfolio ("the defence portfolio", "the foreign ministry", "the Treasury", "Foreign Affairs",
  "Defence": `sets.portfolio` nouns, or `sets.portfolio_domain` words that are capitalized mid-sentence or
  that head a portfolio noun) as the object or the to/for/from/over/of-charge goal of the verb;
- "command"/"charge" of an office, a portfolio or a military unit ("took command of the 5th Corps").
A role noun is an office only as what one becomes: "he got a call from the minister", "gave the file to the
minister" are no change of office; "took charge of the briefing" has no office; a coach, a chief executive
or a company board hold no public office (ontology: PERSONNEL is about officials).

The holder is the recipient of the event, the one who acts on him (who picks, drops, hands) its actor;
`find_office_change` returns the trigger's verb with both tokens, `events._arguments` uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .ontology import Ontology

_PERSON_PRON = frozenset({"he", "she", "who", "i", "we"})
_GOAL_PREPS = frozenset({"to", "for", "into", "over", "at"})


@dataclass
class OfficeChange:
    verb: Any  # the trigger token
    holder: Any  # token whose phrase holds the office after (or loses it)
    actor: Any | None  # who made the change, when named in the clause


def _rule(onto: Ontology) -> dict[str, Any]:
    return onto.office_change


def _capitalized_mid(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.i > tok.sent.start


def _portfolio(tok: Any, onto: Ontology, loose: bool = False) -> bool:
    """ "the defence portfolio", "the foreign ministry", "the Treasury", "Foreign Affairs", "Defence"; with
    `loose`, a bare lower-case domain word too ("from defence to foreign affairs": a move between two)."""
    sets = onto.sets
    lem = tok.lemma_.lower()
    # the name's own modifiers, also nested ("the [foreign affairs] ministry")
    words = {lem} | {c.lemma_.lower() for c in tok.subtree if c.dep_ in ("compound", "amod") and c.i < tok.i}
    if any(c.lemma_.lower() in sets.get("not_office", frozenset()) for c in tok.subtree):
        return False
    if lem in sets.get("portfolio", frozenset()):
        # a bare "department" or "ministry" may be anyone's; it needs its domain or a definite name
        return bool(words & sets.get("portfolio_domain", frozenset())) or _capitalized_mid(tok) or \
            lem in sets.get("portfolio_names", frozenset())
    if lem in sets.get("portfolio_domain", frozenset()) or lem in ("affair", "affairs") and len(words) > 1:
        return loose or _capitalized_mid(tok)
    return False


def _role(tok: Any, onto: Ontology) -> bool:
    """A role noun of public office, not of a company or a team ("head of marketing", "club chairman")."""
    if tok.lemma_.lower() not in onto.sets.get("office_role", frozenset()):
        return False
    return not any(c.lemma_.lower() in onto.sets.get("not_office", frozenset()) for c in tok.subtree)


def _command_of(tok: Any, onto: Ontology) -> bool:
    """ "charge of Defence", "command of the 5th Corps" (not "charge of the briefing")."""
    if tok.lemma_.lower() not in ("charge", "command"):
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for o in prep.children:
                if o.dep_ == "pobj" and (_portfolio(o, onto, loose=True) or _role(o, onto)
                                         or o.lemma_.lower() in onto.sets.get("troop", frozenset())):
                    return True
    return False


def _person(tok: Any | None, onto: Ontology) -> bool:
    if tok is None:
        return False
    if tok.ent_type_ == "PERSON" or tok.lower_ in _PERSON_PRON:
        return True
    # "a veteran diplomat, Ana Silva,": a description whose apposition names the person
    return _role(tok, onto) or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def _goals(verb: Any) -> list[Any]:
    """The objects of the verb's to/for/into/over/at/as phrases, also through a particle ("crosses over to")."""
    out = []
    for c in verb.children:
        if c.dep_ in ("prep", "prt", "advmod"):
            for p in [c, *[g for g in c.children if g.dep_ == "prep"]]:
                if p.lower_ in _GOAL_PREPS or p.lower_ == "as":
                    out += [o for o in p.children if o.dep_ == "pobj"]
    return out


def _from(verb: Any) -> list[Any]:
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"]


def _child(verb: Any, *deps: str) -> Any | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _reaches_office(verb: Any, onto: Ontology) -> bool:
    """Whether the verb's object, complement or goal is an office."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    for o in objs:
        if _portfolio(o, onto) or _command_of(o, onto):
            return True
        if o.dep_ in ("attr", "oprd") and _role(o, onto):
            return True
    goals, sources = _goals(verb), _from(verb)
    pair = bool(goals) and bool(sources)  # "from defence to foreign affairs": both portfolios, lower case
    for g in goals:
        if _portfolio(g, onto, loose=pair) or g.head.lower_ == "as" and _role(g, onto):
            return True
    if any(_portfolio(s, onto) for s in sources) and any(o.dep_ == "dobj" for o in objs):
        return False
    # "leaves defence for the foreign ministry": the office left is the object, the new one its goal
    return any(o.dep_ == "dobj" and _portfolio(o, onto, loose=True) for o in objs) and \
        any(_portfolio(g, onto) for g in goals)


def _serves(verb: Any, onto: Ontology) -> bool:
    """ "picked to head the Treasury", "chosen to lead the defence ministry", "tapped to serve as governor";
    also a purpose clause ("brought in Wanjiru, an economist, to run the Treasury": the parser may read the
    to-infinitive as an adverbial clause of the verb)."""
    x = _child(verb, "xcomp") or next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    return x is not None and x.lemma_.lower() in onto.office_change.get("serve", frozenset()) and \
        (_reaches_office(x, onto) or any(_portfolio(o, onto) for o in x.children if o.dep_ == "dobj"))


def _misattached_subject(verb: Any) -> Any | None:
    """A passive whose subject the parser hung elsewhere ("In changes read out at State House, Grace Achieng,
    until now a deputy governor, was picked to ...": Achieng as an apposition of House): the last person
    named before the verb in its sentence, when nothing but commas, appositions and modifiers lie between
    (no other verb)."""
    sent = verb.sent
    for t in reversed(range(sent.start, verb.i)):
        tok = verb.doc[t]
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "acl"):
            return None
        last = t + 1 >= sent.end or verb.doc[t + 1].ent_iob_ != "I"  # the name's last word heads it
        if tok.ent_type_ == "PERSON" and last:
            return tok if tok.dep_ in ("appos", "nsubj", "nsubjpass", "conj", "npadvmod") else None
    return None


def _inverted_subject(verb: Any) -> Any | None:
    """ "Taking over is Grace Achieng, ...": a sentence-initial gerund, the copula, then the person (the
    parser does not always read the inversion as a clausal subject)."""
    sent = verb.sent
    if verb.i != sent.start or verb.tag_ != "VBG":
        return None
    be = next((t for t in sent if t.i > verb.i and t.lemma_ == "be"), None)
    if be is None or any(t.pos_ == "VERB" for t in verb.doc[verb.i + 1:be.i]):
        return None
    for t in verb.doc[be.i + 1:sent.end]:
        if t.ent_type_ == "PERSON" and (t.i + 1 >= sent.end or verb.doc[t.i + 1].ent_iob_ != "I"):
            return t
        if t.pos_ in ("VERB", "PUNCT"):
            return None
    return None


def find_office_change(tok: Any, onto: Ontology) -> OfficeChange | None:
    """The change of office `tok` (a verb) reports, or None."""
    rule = _rule(onto)
    if not rule or tok.pos_ != "VERB":
        return None
    lem = tok.lemma_.lower()
    holder_subject = rule.get("holder_subject", frozenset())  # become, take, get, cross, leave ...
    act_on = rule.get("act_on", frozenset())  # pick, choose, tap, transfer, move, hand, give, make
    dismiss = rule.get("dismiss", frozenset())  # drop, axe
    if lem not in holder_subject | act_on | dismiss:
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    subj = _child(tok, "nsubjpass") if passive else _child(tok, "nsubj", "csubj")
    if passive and subj is None:
        subj = _misattached_subject(tok)
    agent_tok = next((o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    if lem in dismiss and not passive:
        obj = _child(tok, "dobj")
        # "dropped his finance minister"; "dropped Kamau from the cabinet" (not "dropped the charges")
        if obj is not None and (_role(obj, onto) or obj.ent_type_ == "PERSON" and any(
                s.lemma_.lower() in onto.sets.get("government", frozenset()) or _portfolio(s, onto)
                for s in _from(tok))):
            return OfficeChange(tok, obj, subj)
        return None
    if lem in dismiss:
        return OfficeChange(tok, subj, agent_tok) if _person(subj, onto) and any(
            s.lemma_.lower() in onto.sets.get("government", frozenset()) or _portfolio(s, onto)
            for s in _from(tok)) else None
    if lem in act_on and not passive:
        # "handed Korir the defence portfolio", "moved Yusuf to Foreign Affairs", "picked Achieng to head"
        holder = _child(tok, "dative") if lem in ("hand", "give") else _child(tok, "dobj")
        if holder is None or not _person(holder, onto):
            return None
        if lem in ("hand", "give"):
            return OfficeChange(tok, holder, subj) if any(
                o.dep_ == "dobj" and _portfolio(o, onto) for o in tok.children) else None
        x = _child(tok, "ccomp", "oprd", "xcomp")
        made = lem == "make" and x is not None and (_role(x, onto) or _reaches_office(x, onto))
        return OfficeChange(tok, holder, subj) if made or _reaches_office(tok, onto) or _serves(tok, onto) else None
    if not _person(subj, onto):
        # "Taking over is Grace Achieng": the clause's subject is the copula's complement
        if subj is None and tok.dep_ == "csubj" and tok.head.lemma_ == "be":
            subj = _child(tok.head, "attr", "nsubj")
        elif subj is None:
            subj = _inverted_subject(tok)
        if not _person(subj, onto) or subj is not None and subj.ent_type_ != "PERSON":
            return None
    if passive:
        # "was transferred from defence to foreign affairs", "was given the Treasury", "was made defence minister"
        if lem in ("hand", "give"):
            ok = any(o.dep_ == "dobj" and _portfolio(o, onto) for o in tok.children)
        else:
            ok = _reaches_office(tok, onto) or _serves(tok, onto)
        return OfficeChange(tok, subj, agent_tok) if ok else None
    if lem not in holder_subject:
        return None
    if _reaches_office(tok, onto):
        return OfficeChange(tok, subj, None)
    # "Achieng takes over", "Taking over is Grace Achieng", "took over from Kamau": a named person succeeds
    # (not "rebels took over", "took over the town")
    if lem == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children) and \
            _child(tok, "dobj") is None and subj is not None and subj.ent_type_ == "PERSON":
        return OfficeChange(tok, subj, None)
    return None
