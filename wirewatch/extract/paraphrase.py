"""Event paraphrases the word lists cannot reach one word at a time (issue 10, round 10). Each rule is a
construction, not a word: it holds for every verb or noun of a class the ontology names.

- nominalisations: "the delivery of howitzers", "the activation of the standby force", "troop deployments" are
  the verb's act ("deliver @weapon", "activate @troop") told by its noun; the noun's `of` phrase or compound
  modifier is what the verb's object would be (`verb_of_noun` derives the verb by English suffixes, the
  ontology's `nominalisations` pairs the irregular ones: sale/sell, destruction/destroy);
- phrasal verbs whose sense needs both the particle and the object (`phrasal_object_triggers`): "broke up
  a protest / a terrorist cell" is a coercion, "the talks broke up" and "broke up the conglomerate" are not
  (`phrasal_object`);
- warnings of consequences: "warned Moscow against maintaining contacts", "warned that it will not allow
  ...", "warned that any ship ... could be viewed as a target": a party's warning of what will or could
  follow is a threat (THREATEN) (`warned_consequence`); a forecast by analysts, or one about prices, is not;
- armed operations: "mounted an operation against gunmen", "a military campaign against the rebels": an
  operation aimed at armed or named people is a use of force (`armed_operation`); a campaign against
  corruption or malaria, or an operation on a patient, is not;
- changes of office told by the post (`office_paraphrase`, round 11): the post as the subject of a verb of
  passing ("the economy job goes to Ines Mora", "the interior post fell to Berg"), a person moving "to" a
  portfolio ("heads to Foreign Affairs"), losing a post ("lost his job"), taking the helm or a post or
  stepping into one ("took the reins of the county department", "stepped into the role"), being sworn in.
  The holder is a named person or an office holder; a company's or a team's post is no public office.
"""

from __future__ import annotations

from typing import Any

from . import wordclass
from .lexicon import lexicon
from .office_change import OfficeChange
from .office_change import _person as office_holder
from .office_change import _portfolio as portfolio
from .ontology import Ontology

# Suffix -> verb endings tried in order ("activation" -> "activate", "deportation" -> "deport").
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ation", ("ate", "", "e")), ("ition", ("ite", "")), ("ion", ("", "e")), ("ment", ("",)), ("al", ("", "e")),
    ("ery", ("er",)), ("ance", ("", "e")), ("ure", ("", "e")), ("y", ("",)),
)


def verb_of_noun(lemma: str, onto: Ontology) -> list[str]:
    """Verb lemmas the ontology has triggers for that the noun `lemma` may nominalise. Not the noun itself
    (zero derivation) nor a gerund: "aid ships", "cash transfers", "the end of the forum", "the signing" fired
    for the wrong type on 9 of 11 training quotes (eval note in the commit)."""
    out: list[str] = []
    for pair in onto.lists.get("nominalisations", frozenset()):
        noun, _, verb = pair.partition(" ")
        if noun == lemma and verb in onto.verbs:
            out.append(verb)
    for suffix, endings in _SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)]
            out += [stem + e for e in endings if stem + e in onto.verbs and stem + e not in out]
    return out


def noun_objects(tok: Any) -> list[Any]:
    """What a nominalisation's act is done to: its `of` object (and that object's conjuncts) and its compound
    modifiers ("troop deployments"); never its possessor, who is the doer ("Russia's deployment")."""
    out = [c for c in tok.children if c.dep_ == "compound"]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for o in prep.children:
                if o.dep_ == "pobj":
                    out += [o, *(c for c in o.children if c.dep_ in ("conj", "compound"))]
    return out


def armed_operation(tok: Any, onto: Ontology) -> bool:
    """An operation noun (`armed_operation_nouns`) aimed "against" people (`against` on the noun or on the
    verb that performs it): "mounted an operation against gunmen", "launched a military campaign against
    the rebels". A noun that is not itself military ("campaign", "push") needs a military modifier."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in onto.lists.get("armed_operation_nouns", frozenset()):
        return False
    if lemma not in onto.lists.get("military_operation_nouns", frozenset()) and not _military_modified(tok, onto):
        return False
    holders = [tok]
    # the parser may hang "against X" on the verb that performs the operation ("mounted an operation")
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lexicon()["performing_verbs"] | lexicon()["aspectual_verbs"]:
        holders.append(tok.head)
    return any(prep.dep_ == "prep" and prep.lower_ == "against"
               and any(o.dep_ == "pobj" and _armed_party(o, onto) for o in prep.children)
               for h in holders for prep in h.children)


def launched_operation(tok: Any, onto: Ontology) -> bool:
    """A military operation launched with no target "against" it (`armed_operation` codes that one as
    ASSAULT): "launched an operation to flush out the militants", "the army launched a military offensive
    aimed at ...": forces set in motion (MOBILIZE). The noun is the performing verb's object, one operation, not
    a company's "operations", and military by a modifier or by who launches it (a force, a country): a bare
    noun launched by anyone else is no force in motion ("launched a rescue operation", "the company launched
    an operation to recover data")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or lemma not in onto.lists.get("armed_operation_nouns", frozenset()):
        return False
    if not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lexicon()["performing_verbs"]):
        return False
    if not (_military_modified(tok, onto) or (lemma in onto.lists.get("military_operation_nouns", frozenset())
            and any(c.dep_ == "nsubj" and any(_armed_force(x, onto) for x in (c, *c.conjuncts))
                    for c in tok.head.children))):
        return False
    return not armed_operation(tok, onto)


def _military_modified(tok: Any, onto: Ontology) -> bool:
    """A modifier of the `military` context or one of `armed_modifiers` ("security operation", "air campaign")."""
    military = onto.contexts.get("military", frozenset()) | onto.lists.get("armed_modifiers", frozenset())
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in military for c in tok.children)


def _armed_force(o: Any, onto: Ontology) -> bool:
    """A party that commands force: a country or nation, a force of the `troop` set ("the army"), or one the
    `military` context names ("defence forces")."""
    lem = o.lemma_.lower()
    return o.ent_type_ in ("GPE", "NORP") or lem in onto.sets.get("troop", frozenset()) or \
        lem in onto.contexts.get("military", frozenset()) or _military_modified(o, onto)


def _armed_party(o: Any, onto: Ontology) -> bool:
    """A target an armed operation can have: people, armed groups, a named side, a place of the `target` set."""
    if o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or o.pos_ == "PROPN":
        return True
    lem = o.lemma_.lower()
    if lem in onto.sets.get("target", frozenset()) | onto.sets.get("troop", frozenset()) | onto.sets.get(
            "band", frozenset()):
        return True
    return o.pos_ == "NOUN" and wordclass.classes(lem, "n")[:1] in (("person",), ("group",))


def warned_consequence(tok: Any, onto: Ontology) -> bool:
    """A warning verb (lexicon `warning_verbs`) by a party (not an analyst, not a thing) that names whom it
    warns ("warned Ankara that ...", "warned nations against ...", "warned against the journey"), or whose
    clause says what the warner will do ("warned it could turn to Russia") or what befalls anyone who acts
    ("warned that any ship ... could be viewed as a target"): the party threatens it. A named analyst's
    "warns that such measures could ..." forecasts; what is warned of as an assessment with no threatening
    party ("warned that rising rates threaten the recovery") is noise.py's."""
    lex = lexicon()
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["warning_verbs"]:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not _people(subj) or subj.lemma_.lower() in lex["speculative_sources"]:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children):
        return True
    modal = lex["future_aux"] | lex["hypothetical_aux"]
    warned = any(c.dep_ in ("dobj", "dative") and _people(c) for c in tok.children)
    for c in tok.children:
        if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in modal for a in c.children):
            continue
        said_of = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if warned or said_of is not None and (said_of.lower_ in _OWN or any(
                d.dep_ == "det" and d.lower_ == "any" for d in said_of.children)):
            return True
    return False


# the warner speaking of itself: "warned it could turn to Russia", "warned they would respond"
_OWN = frozenset({"it", "we", "they", "i"})


def answer_to_any(tok: Any) -> bool:
    """A party's word that it will answer any hostile move ("Seoul would resolutely respond to any threats",
    "would respond with strong measures in the event of an escalation"): a deterrent threat (THREATEN). The
    verb is a future or a "would" with a party as its subject, and what it answers is "any" act or one told
    as a contingency ("in the event of"); "responded to questions" is past, "will respond to the letter" names
    a particular thing."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("respond", "react", "answer"):
        return False
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if not auxes & (lexicon()["future_aux"] | {"would", "'d"}) or any(c.dep_ == "neg" for c in tok.children):
        return False
    # (no subject written: a quoted fragment, "would respond with ...")
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and not (_people(subj) or subj.ent_type_ in ("GPE", "ORG", "NORP")):
        return False
    for prep in (t for t in tok.subtree if t.dep_ == "prep"):
        if prep.lower_ == "to" and prep.head.i == tok.i and any(
                o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "any" for d in o.children)
                for o in prep.children):
            return True
        if prep.lower_ == "in" and any(o.dep_ == "pobj" and o.lower_ == "event" for o in prep.children):
            return True
    return False


def _people(t: Any) -> bool:
    """Can `t` make a threat: a name, a personal pronoun, a person or group noun, a place as its people."""
    if t.pos_ == "PRON":
        return t.lower_ in wordclass.PERSONAL_SUBJECTS - {"you"}
    if t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    return t.pos_ in ("NOUN", "PROPN") and bool(
        {"person", "group"} & set(wordclass.classes(t.lemma_.lower(), "n")[:1]))


def phrasal_object(tok: Any, onto: Ontology) -> str | None:
    """The type of a phrasal verb trigger that needs its particle and an object (or passive subject) of a set:
    ontology `phrasal_object_triggers`, "TYPE verb particle set" ("COERCE break up band": "police broke up
    the protest", "a cell was broken up")."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    for entry in onto.lists.get("phrasal_object_triggers", frozenset()):
        etype, verb, particle, set_name = entry.split()
        if verb != lemma or etype.upper() not in onto.types:
            continue
        if not any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in tok.children):
            continue
        members = onto.sets.get(set_name, frozenset())
        if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in members for c in tok.children):
            return etype.upper()
    return None


def office_paraphrase(tok: Any, onto: Ontology) -> OfficeChange | None:
    """A change of office told by the post rather than by a verb of appointing (ontology `office_change`
    `passes_to`, `moves_to`, `lose`, `take_post`, `swear_in`; sets `office_post`, `taken_post`). On the NGEC
    quotes (no PERSONNEL label there) see the commit note; the holder must be a person or an office holder,
    so "workers lost their jobs", "the striker heads to Madrid", "the witness was sworn in" are no change."""
    rule = onto.office_change
    if not rule or tok.pos_ != "VERB":
        return None
    lem = tok.lemma_.lower()
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    agent = next((o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    posts, taken = onto.sets.get("office_post", frozenset()), onto.sets.get("taken_post", frozenset())
    if lem in rule.get("swear_in", frozenset()) and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "in"
                                                         for c in tok.children):
        # "Mora has been sworn in (as economy minister)", "the chief justice swore in Mora"
        holder = subj if subj is not None and subj.dep_ == "nsubjpass" else next(
            (o for c in tok.children if c.dep_ == "dobj" or c.lower_ == "in" for o in [c, *c.children]
             if o.dep_ in ("dobj", "pobj")), None)  # "swore in the new sheriff": "in" may be its preposition
        return OfficeChange(tok, holder, subj if agent is None and holder is not subj else agent) \
            if _named_holder(holder, onto) else None
    goals = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
             for o in c.children if o.dep_ == "pobj"]
    if lem in rule.get("passes_to", frozenset()) and subj is not None and _public_post(subj, onto, posts):
        # "the economy job goes to Ines Mora": the post is the subject, the holder the goal
        holder = next((g for g in goals if g.head.lower_ == "to" and _named(g)), None)
        return OfficeChange(tok, holder, None) if holder is not None else None
    if not _named_holder(subj, onto) or subj is None:
        return None
    if lem in rule.get("moves_to", frozenset()) and any(g.head.lower_ == "to" and portfolio(g, onto) for g in goals):
        return OfficeChange(tok, subj, None)  # "Soto heads to Foreign Affairs" (not "heads the ministry")
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if lem in rule.get("lose", frozenset()) and obj is not None and _public_post(obj, onto, posts, own=True):
        return OfficeChange(tok, subj, None)  # "Villanueva lost his job"
    if lem in rule.get("take_post", frozenset()) and (
            obj is not None and _public_post(obj, onto, taken, own=True)
            or any(g.head.lower_ == "into" and _public_post(g, onto, posts, own=True) for g in goals)):
        return OfficeChange(tok, subj, None)  # "took the reins of the department", "stepped into the role"
    return None


def _named_holder(t: Any | None, onto: Ontology) -> bool:
    """Who can hold a public office: a named person, he or she, an office holder ("the governor"), a name
    under an office title or beside one that the tagger left untyped ("General Okafor", "Sheriff Dana
    Ruiz", "Layla Haddad, the outgoing trade minister,")."""
    return t is not None and (t.ent_type_ == "PERSON" or t.lower_ in ("he", "she") or
                              t.pos_ == "NOUN" and office_holder(t, onto) or t.pos_ == "PROPN" and any(
                                  c.dep_ in ("compound", "appos") and c.lemma_.lower() in onto.sets.get(
                                      "office_role", ()) for c in t.children))


def _named(t: Any) -> bool:
    """A name the post goes to: a PERSON, or a name the tagger left untyped or took for an organisation
    ("goes to Amina Diallo"), not a place or a people."""
    return t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.ent_type_ in ("", "ORG")


def found_guilty(tok: Any) -> bool:
    """A verdict: "was found guilty of embezzling", "the jury found Bell guilty of murder" (the parser
    makes "guilty" the verb's complement or a clause of its own). SANCTION, as "convicted" is; the deed
    named after it is background (triggers._background). NGEC quotes: 3 of 3 "found guilty" are SANCTION."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() == "find" and any(
        c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lower_ == "guilty" for c in tok.children)


def _public_post(t: Any, onto: Ontology, posts: frozenset[str], own: bool = False) -> bool:
    """A post noun of `posts` that is a public one: a portfolio ("the economy job", "the defence
    portfolio") or, with `own`, the holder's own post ("his job", "the role", "the helm of the army");
    never a company's, a team's or a club's (`not_office` anywhere in its phrase)."""
    if t.lemma_.lower() not in posts or any(
            c.lemma_.lower() in onto.sets.get("not_office", frozenset()) for c in t.subtree):
        return False
    domain = onto.sets.get("portfolio_domain", frozenset())
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in domain for c in t.children) or portfolio(t, onto):
        return True
    return own and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)


def copular_verdict(tok: Any) -> str | None:
    """A verdict on a party or an act told by the copula (lexicon `condemning_predicates`): "Putin is the
    aggressor", "each launch is a flagrant violation of the resolutions", "the killing of demonstrators is
    utterly unacceptable": ACCUSE; a claim (`claim_nouns`) refuted (`refuting_predicates`: "the
    accusations are unfounded", "the American claims are a fabrication"): REJECT. Not negated ("is not a
    provocation"), not a kind ("a lie is a lie"), not a thing ("the weather was appalling")."""
    lex = lexicon()
    be, lem = tok.head, tok.lemma_.lower()
    if tok.dep_ not in ("attr", "acomp") or be.lemma_ != "be" or \
            lem not in lex["condemning_predicates"] | lex["refuting_predicates"]:
        return None
    if any(c.dep_ == "neg" for c in [*be.children, *tok.children]):
        return None
    subj = next((c for c in be.children if c.dep_ in ("nsubj", "csubj", "expl")), None)
    if subj is None or not _judgeable(subj) or subj.lemma_.lower() == lem:
        return None
    if subj.lemma_.lower() in lex["claim_nouns"] and lem in lex["refuting_predicates"]:
        return "REJECT"
    return "ACCUSE" if lem in lex["condemning_predicates"] else None  # "the weather was false": nothing


# what a verdict is passed on: a party's act or word, a party ("the killing of demonstrators", "these
# launches", "the claims", "Putin"); not a thing or a kind ("the weather", "a lie is a lie")
_JUDGED_CLASSES = frozenset({"act", "event", "communication", "person", "group"})


def _judgeable(subj: Any, senses: int = 2) -> bool:
    if subj.pos_ == "PRON":
        return subj.lower_ in ("it", "this", "that", "they", "he", "she", "these", "those", "each", "all", "both")
    if subj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or subj.pos_ == "PROPN" or subj.dep_ == "csubj":
        return True
    if subj.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss", "amod", "compound", "prep") for c in subj.children):
        return False
    return bool(_JUDGED_CLASSES & set(wordclass.classes(subj.lemma_.lower(), "n")[:senses]))


_FEELING_PREPS = frozenset({"to", "for", "of", "with", "by", "at", "over"})


def feeling_toward(tok: Any) -> str | None:
    """A party's feeling toward another party or its act (lexicon `approving_feelings`: SUPPORT,
    `disapproving_feelings`: ACCUSE), the predicate of "be" or a passive ("is deeply disappointed by the
    approval", "was angered by"), with what it is felt toward: a party, or a party's act or word
    ("grateful to Heyzer", "proud of Secretary Rubio", "disappointed with Beijing's decision"). Its subject
    is a party ("the State Department", "we"), not a thing; "pleased with the results" is no praise."""
    lex = lexicon()
    word = tok.lower_
    if word in lex["approving_feelings"]:
        etype = "SUPPORT"
    elif word in lex["disapproving_feelings"]:
        etype = "ACCUSE"
    else:
        return None
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        holder = tok.head
    elif tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children):
        holder = tok
    else:
        return None
    if any(c.dep_ == "neg" and c.nbor(1).lower_ != "only" for c in [*holder.children, *tok.children]):
        return None  # "is not disappointed"; "were not only angry with" is angry
    subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not _people(subj) and not (subj.pos_ == "PRON" and subj.lower_ == "you"):
        return None
    toward = [o for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in _FEELING_PREPS
              for o in c.children if o.dep_ == "pobj"]
    # by the object's commonest sense only: "pleased with the results" (a phenomenon first) is no praise
    return etype if any(_judgeable(o, senses=1) and o.lower_ not in ("it", "this", "that") for o in toward) \
        else None
