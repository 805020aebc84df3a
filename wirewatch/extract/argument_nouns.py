"""Word lists and noun tests that reading a trigger's participants shares: which noun names a thing, a place,
an outlet or a body, a representative of a country, an age ("the 34-year-old"), a partitive ("some of the
protesters"). Kept apart from `arguments.ArticleContext` and `clause_subjects` (both read them) so each list
is written once.
"""

from __future__ import annotations

from typing import Any

from ..model import Actor, Entity
from . import wordclass
from .lexicon import lexicon

_SUBJ = ("nsubj", "csubj")
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male", "she": "female",
                   "her": "female", "hers": "female", "herself": "female"}
# Heads of a body's name that a bare "the X" refers back to.
_BODY_HEADS = frozenset({"ministry", "agency", "department", "army", "council", "commission", "committee",
                         "court", "parliament", "assembly", "office", "service", "bureau", "company", "bank",
                         "corporation", "union", "party", "movement", "front", "group", "organization",
                         "organisation", "authority", "force", "forces", "police", "navy", "institute", "board"})
# Further heads of a body's name ("Coalition for Safe Water" -> "the coalition").
_ORG_HEADS = frozenset({"coalition", "alliance", "federation", "association", "network", "foundation", "society",
                        "league", "campaign", "charity", "watchdog", "council", "centre", "center", "fund",
                        "trust", "initiative", "club", "firm", "group"})
# Nouns for a band of people that a name may head ("the Red Hand gang"): what "the group" may mean.
_BAND_NOUNS = frozenset({"gang", "group", "cell", "ring", "crew", "cartel", "syndicate", "militia", "faction",
                         "network", "outfit", "brigade", "clan", "mob"})
_BAND_WORDS = _BAND_NOUNS - {"group"}  # the words that tell a band: "group" alone says too little
# Words for armed fighters: a bare plural of one ("the militants") may stand for the one armed group named
# as such before (`ArticleContext._armed_group_before`).
_FIGHTER_NOUNS = frozenset({"militant", "insurgent", "rebel", "jihadist", "extremist", "fighter", "guerrilla",
                            "guerilla", "terrorist", "separatist", "islamist", "gunman"})
# Verbs by which a body puts out a text it then speaks through ("issued a statement", "posted a message"): the
# lexicon's issuing verbs and reading or giving one out.
_PUT_OUT_EXTRA = frozenset({"read", "give"})
# Report nouns that name a body, not a text it issues ("the agency said"): no issuer to look through to.
_BODY_NOUNS = frozenset({"agency", "media"})
# Generic words for whatever organisation the story is about ("the organisation said", "the group urged").
_GENERIC_ORG_NOUNS = frozenset({"organisation", "organization", "group", "company", "firm", "charity"})
# How far back (tokens) a named person is still what "he" / "she" means when a person noun is nearer.
_PRONOUN_REACH = 400
_NOUN_GENDER = {w: "female" for w in ("wife", "mother", "daughter", "sister", "girlfriend", "woman", "girl",
                                       "aunt", "niece", "grandmother", "granddaughter", "fiancee", "widow",
                                       "councilwoman", "stepdaughter", "actress", "businesswoman")}
_NOUN_GENDER.update({w: "male" for w in ("husband", "father", "son", "brother", "boyfriend", "man", "boy", "uncle",
                                          "nephew", "grandfather", "grandson", "fiance", "widower", "councilman",
                                          "stepson", "policeman", "militiaman", "businessman")})
# Relatives who usually share a family name ("her husband" of Angela Pruitt is a Pruitt; a boyfriend is not).
_FAMILY_KIN = frozenset({"husband", "wife", "son", "daughter", "brother", "sister", "father", "mother", "stepson",
                         "stepdaughter", "grandson", "granddaughter", "widow", "widower"})
# Bodies, not persons: "he" is never "the department".
_COLLECTIVE = frozenset({"company", "firm", "board", "department", "office", "agency", "ministry", "county", "city",
                         "state", "municipality", "union", "bank", "hospital", "school", "university", "commission",
                         "committee", "side", "ally", "family", "jury", "government", "administration", "army",
                         "police", "council", "court", "party", "group", "team", "military", "people", "staff",
                         "crew", "opposition", "regime", "community", "country", "nation", "force", "unit",
                         "navy", "parliament", "cabinet", "movement", "faction", "militia", "delegation",
                         "intelligence", "leadership", "authority", "command", "organization", "organisation",
                         # bands and bodies of `participants.PARTY_NOUNS`: never the "he" or "she" of a person
                         "cell", "cartel", "clan", "squad", "brigade", "battalion", "gang", "crowd", "mob",
                         "public", "cooperative", "federation", "association", "coalition", "alliance",
                         "consortium", "syndicate", "guild", "league", "charity", "foundation", "regulator"})
# Speakers of a body: "a spokesperson for X", "the ministry's spokeswoman", "Kremlin spokesman" stand for it.
SPEAKER_NOUNS = frozenset({"spokesperson", "spokespersons", "spokespeople", "spokesman", "spokesmen", "spokeswoman",
                           "spokeswomen"})
# Descriptions of a body that may carry a plain adjective and still mean the body named before ("the militant
# group", "the ruling party", "the tech company"); a country word or a name makes them someone else.
_DESCRIBED_HEADS = frozenset({"group", "movement", "party", "militia", "faction", "front", "organisation",
                              "organization", "company", "firm", "insurgency", "network", "outfit"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})  # not ‘ ’: the apostrophe of "Bush ’ s"
_OPENING = frozenset({"\u201c", "``"})
# Roles a bare "the X" refers back to when a person was named with that title.
_ROLE_NOUNS = frozenset({"judge", "mayor", "governor", "senator", "minister", "prosecutor", "spokesman",
                         "spokeswoman", "sheriff", "commander", "general", "ambassador", "secretary", "chancellor",
                         "king", "queen", "emir", "prince", "pope", "premier", "president", "leader", "chairman",
                         "envoy", "defendant", "detective", "coach", "ceo", "director"})
_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "neighbor", "neighbour", "government", "side"})
_LEADER_NOUNS = frozenset({"leader", "president", "minister", "premier", "official", "man", "woman", "men",
                           "diplomat", "envoy", "counterpart", "chief"})
_MINISTRY = frozenset({"ministry"})
# Impersonal subjects standing for no one in particular ("Some accused ...", "Others protested"); a phrase that
# says who ("some in the party", "others who were there") is left to the rules that read it.
_IMPERSONAL = frozenset({"some", "many", "others", "several", "few", "most"})
_IT_THEY = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
# Pronouns of any person, which a phrase narrows to a group ("anyone with information", "those responsible",
# "everyone in the building"): as the one asked, warned or punished, that group is the party.
_ANY_PERSON = frozenset({"anyone", "anybody", "everyone", "everybody", "whoever", "those"})
_RESTRICTING_DEPS = frozenset({"amod", "relcl", "prep", "acl"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "nsubjpass"})
_CUT_DEPS = frozenset({"relcl", "conj", "cc", "punct", "advcl", "parataxis"})
NOT_PARTICIPANT = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_RECIPIENT_PREPS = ("to", "with", "against", "on", "at", "into", "over", "toward", "towards", "upon", "for",
                    "from", "of")
# Prepositions whose object is the other side of an act ("imports from Brazil", "talks with Chile").
_OTHER_SIDE_PREPS = frozenset({"from", "to", "with", "against", "on", "toward", "towards", "into", "upon"})
_LOC_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "into", "to", "around", "off",
                        "throughout", "within", "toward", "towards"})
# Clauses below the trigger are other events; their places are theirs.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "pcomp", "acl", "parataxis", "conj", "csubj"})


# Things that hurt but do not act: with no side named ("Three shells hit ...") an event has no actor.
_INSTRUMENTS = frozenset({"bullet", "round", "grenade", "mortar", "shrapnel", "explosive", "gunfire", "shot",
                          "ied", "gas", "knife", "machete", "handgun", "pistol",
                          # what a crowd throws: "hurled stones and bottles" harms no stone
                          "stone", "rock", "bottle", "brick", "cobblestone", "molotov", "firebomb", "egg",
                          "firework", "flare", "projectile", "teargas", "baton", "hammer"})
_instruments: frozenset[str] | None = None


def instruments() -> frozenset[str]:
    """Weapons and instruments (the ontology's `weapon` set plus the above), never actors by themselves."""
    global _instruments
    if _instruments is None:
        from .ontology import load_ontology

        weapons = load_ontology().sets.get("weapon", frozenset())
        # Platforms that people crew (jets, warships, tanks) act for their side, like the side itself.
        # "fighters" and "bombers" are people as often as aircraft ("Hamas fighters attacked", "a suicide
        # bomber killed"): either way someone acts, so they stay actors.
        _instruments = (frozenset(weapons) | _INSTRUMENTS) - {"fighter", "bomber"}
    return _instruments


# WordNet classes of a made thing or a stuff ("a bullet", "the cocaine", "a warehouse"), and those of a party.
_THING_CLASSES = frozenset({"artifact", "substance", "food"})
_PARTY_CLASSES = frozenset({"person", "group"})


def thing_noun(tok: Any) -> bool:
    """A noun for a weapon, a device, a vehicle, goods or a building: never a party by itself (it may stand
    for the side named on it, "North Korean shells", which is the callers' to tell). An instrument above,
    or a noun whose commonest sense (WordNet) is a made thing or a stuff and none of whose two commonest a
    person or a group ("the embassy", "the court", "the hospital" are bodies as often as buildings); or such
    a noun with a thing before it ("laser pointers", "water cannon"), whose commonest sense is often a
    figurative one ("pointer": a hint)."""
    lemma = tok.lemma_.lower()
    if lemma in instruments():
        return True
    if tok.text[:1].isupper() and not (tok.i == tok.sent.start and tok.tag_ == "NNS"):
        return False  # a name the tagger read as a noun ("Trump thanked Xi"); "Rockets hit Sderot" is a thing
    cls = wordclass.classes(lemma, "n")
    if not cls or set(cls) & _PARTY_CLASSES:
        return False
    if cls[0] in _THING_CLASSES:
        return True
    return "artifact" in cls and any(
        c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_ and
        wordclass.classes(c.lemma_, "n")[:1] == ("artifact",) and
        not set(wordclass.classes(c.lemma_, "n")) & _PARTY_CLASSES for c in tok.children)


# Verb classes (WordNet) of what only a party does: speaking, dealing, deciding, owning, making, fighting.
# A thing that "hit", "injured", "crushed", "blinded" or "ferried" someone was used or moved; an "airline"
# or a "paper" (things by their commonest sense) that "said", "sued" or "cancelled" is the body running it.
_PARTY_VERB_CLASSES = frozenset({"communication", "social", "cognition", "possession", "emotion", "creation",
                                 "competition", "consumption", "stative"})


def _thing_acting(tok: Any) -> bool:
    """Is `tok` a weapon (by itself, whatever it does) or a thing doing what only a thing can do, as the
    subject or the "by" agent of its verb? Then it is no actor."""
    if tok.lemma_.lower() in instruments():
        return True
    if tok.pos_ != "NOUN" or not thing_noun(tok):
        return False
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "csubj") else \
        tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else None
    cls = wordclass.classes(verb.lemma_, "v") if verb is not None else ()
    return bool(cls) and cls[0] not in _PARTY_VERB_CLASSES


def place_noun(tok: Any) -> bool:
    """ "by the Lincoln Memorial", "by the embassy": a place or building, beside which things happen. A
    name the tagger took for a body is one when a word before it makes it a particular monument or
    structure and the word heading it names a thing and never a body ("Lincoln Memorial", "Golden Gate
    Bridge"; not "World Bank", "Supreme Court"). A one-word seat of power ("the Kremlin", "the Vatican")
    is the government it houses as often as the building: it stays a body."""
    if tok.ent_type_ in ("FAC", "LOC"):
        return True
    if tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or tok.pos_ == "PROPN":
        name = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if tok.ent_type_ != "ORG" or name is None or len(name) < 2 + (name[0].lower_ == "the"):
            return False
        cls = set(wordclass.classes(tok.lemma_, "n"))
        # ("the Red Cross" heads its name with a thing too, but is a body the lexicon knows)
        return bool(cls & {"artifact", "location"}) and not cls & _PARTY_CLASSES and \
            lexicon().known_entity(name.text) is None
    return wordclass.classes(tok.lemma_, "n")[:1] in (("artifact",), ("object",), ("location",))


# Happenings that act for no one by themselves ("the blast killed four"; "an Israeli strike killed two" is
# Israel's). Not the ontology's noun triggers: those include "delegation", "official", "military".
_HAPPENINGS = frozenset({"strike", "airstrike", "attack", "raid", "shelling", "bombing", "bombardment", "ambush",
                         "offensive", "assault", "incursion", "invasion", "gunfire", "clash", "fighting", "blast",
                         "explosion", "crash", "collision", "fire", "flood", "storm", "quake", "earthquake",
                         "accident", "violence", "unrest", "stampede", "collapse", "landslide", "shooting"})


_MEDIA_WORDS = frozenset({"news", "times", "post", "press", "television", "tv", "radio", "media", "broadcasting",
                          "broadcaster", "herald", "journal", "tribune", "gazette", "daily", "voa", "bbc", "reuters",
                          "afp", "ap", "cnn", "xinhua", "yonhap", "kcna", "tass", "ria", "newspaper"})


def _is_outlet(ent: Entity) -> bool:
    """A news outlet ("KCNA", "Yonhap News Agency", "Al Jazeera TV") is no body a spokesperson speaks for."""
    known = lexicon().known_entity(ent.name)
    words = {w.strip(".,").lower() for w in ent.name.split()}
    return known is not None and known.state_media or bool(words & _MEDIA_WORDS)


def _named_as_body(ent: Entity) -> bool:
    """A body the tagger took for a person, told by the head of its name ("Tigray People's Liberation Front",
    "National Unity Party"): no person's name ends in "Front" or "Party"."""
    last = ent.name.split()[-1].lower() if ent.name.split() else ""
    return ent.kind == "PERSON" and len(ent.name.split()) > 1 and last in (_DESCRIBED_HEADS | _ORG_HEADS) - {
        "company", "firm", "club", "trust", "fund", "group"}


def _told_as_body(span: Any) -> bool:
    """A name the text itself calls a group: "the militant group al-Shabab", "the al-Shabab movement" (the
    noun next to the name, whatever the parser made of the pair)."""
    heads = _DESCRIBED_HEADS - {"company", "firm"}
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return before is not None and before.tag_ == "NN" and before.lemma_.lower() in heads or \
        after is not None and after.tag_ == "NN" and after.lemma_.lower() in heads


# Who or what speaks or acts for a country that owns it ("Brazil's envoy", "Iran's ministry"): a country named
# as their owner is another side; its regions, people or goods ("Nigeria's northeast") are its own.
_REPRESENTATIVES = frozenset({"embassy", "consulate", "delegation", "representative", "official", "diplomat",
                              "mission", "negotiator", "team", "military", "regime"})


def _represents_owner(noun: Any) -> bool:
    from .participants import own_people

    lemma, lex = noun.lemma_.lower(), lexicon()
    return lemma in _REPRESENTATIVES or lemma in own_people() or lemma in _ROLE_NOUNS or \
        noun.lower_ in SPEAKER_NOUNS or lemma in _BODY_HEADS or lemma in _ORG_HEADS or \
        lemma in lex["person_anaphors"] or \
        lemma in lex["state_anaphors"] and lemma not in ("state", "country", "nation")  # "Mexico's states": places


def _common_noun_actor(a: Actor) -> bool:
    """An actor that is one common noun, capitalised only because it opened a sentence ("Police",
    "Detectives"): no name a later "the group" could mean."""
    from . import wordclass

    if a.entity_id or len(a.name.split()) != 1:
        return False
    low = a.name.lower()
    one = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return low in _COLLECTIVE | _BODY_HEADS or any(
        wordclass.classes(w, "n")[:1] == ("person",) for w in {low, one})


def _group_of_anyone(tok: Any) -> Actor | None:
    """ "asked anyone with information to call", "vowed to punish those responsible", "urged everyone in the
    building to leave": a pronoun of any person narrowed by its phrase is that group, named by pronoun and
    phrase; an object ("warned everyone") is the public addressed. Unnarrowed as a subject ("anyone can
    apply", "those were the days") it is no one in particular. The parser often hangs the narrowing "with"
    phrase on the verb ("asked anyone | with information"): the next word counts as the pronoun's."""
    doc = tok.doc
    narrow = next((c for c in tok.children if c.dep_ in _RESTRICTING_DEPS and c.i > tok.i and not _time_prep(c)),
                  None)
    if narrow is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("with", "in", "from") and \
            doc[tok.i + 1].dep_ == "prep" and doc[tok.i + 2].pos_ in ("NOUN", "PROPN", "DET", "ADJ"):
        narrow = doc[tok.i + 1]
    if narrow is None and (tok.lower_ == "those" or tok.dep_ not in _OBJECT_DEPS):
        return None
    if narrow is None:
        return Actor(name=tok.lower_)
    if narrow.dep_ == "prep":
        obj = next((g for g in narrow.children if g.dep_ == "pobj"), None)
        named = [t.text for t in doc[obj.left_edge.i:obj.i + 1] if t.dep_ != "det"] if obj is not None else []
        words = [tok.lower_, narrow.lower_, *named]
    elif narrow.dep_ == "amod":
        words = [tok.lower_, narrow.text]  # "those responsible"
    else:  # "anyone who saw", "anyone who was suspected"
        words = [t.text for t in doc[tok.i:narrow.i + 1] if t.i in (tok.i, narrow.i) or
                 t.head.i == narrow.i and t.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")]
    return Actor(name=" ".join(words), text=doc[tok.i:narrow.right_edge.i + 1].text)


def _time_prep(prep: Any) -> bool:
    """A preposition whose object is a time ("on Sunday", "in March"): says when, names no one."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or
                                wordclass.classes(obj.lemma_.lower(), "n")[:1] == ("time",))


def _subject_position(tok: Any) -> bool:
    """Is this mention head a subject, or a conjunct of one ("Kim and Lee met")?"""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def is_age_noun(tok: Any) -> bool:
    """ "the 22-year-old" as a noun phrase: spaCy splits it into a DATE "old" with a "year" measure."""
    return tok.lower_ in ("old", "olds") and tok.dep_ not in ("amod", "acomp", "advmod") and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() == "year" for c in tok.children)


def _based_name(tok: Any) -> Any:
    """The name a place's "X-based" phrase describes: in "buy Markham, Ont.-based ATI" the parser heads the
    object with the town and hangs the company on it in apposition, so the town would be the party."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return tok
    for c in tok.children:
        if c.dep_ == "appos" and c.i > tok.i and any(
                g.dep_ == "amod" and g.lower_ == "based" and g.left_edge.i == tok.i + 2 for g in c.children):
            return c
    return tok


def skip_partitive(tok: Any, lex: Any) -> Any:
    """ "a group of Moroccan diplomats" -> diplomats; "thousands of students" -> students."""
    for _ in range(3):
        if not (tok.lemma_.lower() in lex["partitive_nouns"] or tok.like_num):
            break
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            break
        tok = obj
    return tok
