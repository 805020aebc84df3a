"""Who did what to whom: actors, recipients, locations and quantities of a trigger, from the parse.

`ArticleContext` holds what one article knows beyond a sentence: which tokens belong to which entity,
the people named so far (for "he" / "the dictator"), and the salient country (for "the regime").
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from typing import Any

from ..model import Actor, Article, Entity, Location, Quantity
from . import wordclass
from .entities import person_gender
from .entity_antecedents import (
    acting_verb,
    dateline_end,
    inherited_non_agent,
    needs_agent,
    no_agent_noun,
    one_state,
    voiced_body,
)
from .gazetteer import gazetteer
from .lexicon import lexicon
from .reported_speaker import fronted_report_speaker

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


class ArticleContext:
    """Per-article lookups: token -> entity, people seen so far, salient country."""

    def __init__(self, article: Article, doc: Any) -> None:
        self.article, self.doc = article, doc
        self.entities: dict[str, Entity] = {e.id: e for e in article.entities}
        self.tok_ent: dict[int, Entity] = {}
        self._person_root: dict[int, Any] = {}  # first token of a person's mention -> the mention's head
        self._pronoun_memo: dict[int, Entity | None] = {}
        self.ent_span: dict[int, tuple[int, int]] = {}
        persons: list[tuple[int, Entity]] = []
        self._bodies_named: set[str] = set()  # entities tagged as people that the text calls a group
        bodies: list[tuple[int, Entity]] = []  # organisations and states, for "the ministry", "the North"
        counts: Counter[str] = Counter()
        dateline: str | None = None  # the country of the dateline's place ("AMMAN, Jordan -"), when named
        dl_end = dateline_end(article.text)
        for m in article.entity_mentions:
            ent = self.entities.get(m.entity_id)
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if ent is None or span is None:
                continue
            for t in span:
                self.tok_ent[t.i] = ent
                self.ent_span[t.i] = (span.start, span.end)
            if ent.kind == "PERSON":
                persons.append((span.start, ent))
                self._person_root[span.start] = span.root
            if ent.kind in ("ORG", "GPE") or _named_as_body(ent) or ent.kind == "PERSON" and _told_as_body(span):
                bodies.append((span.start, ent))
                if ent.kind == "PERSON":
                    self._bodies_named.add(ent.id)
            if ent.kind == "GPE" and ent.country and ent.name == gazetteer().country_name(ent.country):
                counts[ent.id] += 1
            if m.start < dl_end and dateline is None and ent.kind == "GPE" and ent.country:
                dateline = ent.country
        persons.sort(key=lambda p: p[0])
        bodies.sort(key=lambda p: p[0])
        self._bodies = bodies
        self._person_pos = [p[0] for p in persons]
        self._persons = [p[1] for p in persons]
        # The one state the article is about ("the government" alone is its government), or None.
        dl_id = next((e.id for e in article.entities if dateline and e.kind == "GPE" and e.country == dateline
                      and e.name == gazetteer().country_name(dateline)), None)
        state = one_state(counts, dl_id)
        self.one_state: Entity | None = self.entities[state] if state is not None else None
        self.last_subject: Actor | None = None  # most recent actor that was a sentence subject
        self.last_actors: dict[tuple[str, str], list[Actor]] = {}  # (type, trigger lemma) -> latest actors
        # (type, actors, recipients, trigger lemma) of the mentions so far, in order
        self.last_by_type: list[tuple[str, list[Actor], list[Actor], str]] = []  # ... and the trigger lemma
        self.last_speaker: Actor | None = None  # subject of the latest "X said"
        self.last_speaker_tok: Any | None = None  # ... and its head word (for whom a later quoted "we" is)
        # The state outlet this article names (for "state media"), and the source it is currently
        # quoting (for "The report detailed ..."); the events component updates the latter.
        lex = lexicon()
        self._state_media = next((e.name for e in article.entities if e.kind == "ORG" and
                                  (k := lex.known_entity(e.name)) is not None and k.state_media), None)
        self.running_source: str | None = None
        # A body's names as the article writes them (character start, name), by entity id: modality.as_written
        # counts them once per article.
        self.names_written: dict[str, list[tuple[int, str]]] = {}

    def state_media_name(self) -> str | None:
        return self._state_media

    def _person_of_age(self, tok: Any) -> Entity | None:
        """The person "the 27-year-old" describes: the one named before it with that age in apposition, as
        crime and court copy writes it ("Andre Wills, 27, ..."). Only after "the": "a 17-year-old" is new."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        age = next((t.text for t in tok.subtree if t.like_num), None)
        if age is None:
            return None
        k = bisect.bisect_left(self._person_pos, tok.i)
        doc = self.doc
        while k > 0:
            k -= 1
            end = self.ent_span[self._person_pos[k]][1]
            if end + 1 < tok.i and doc[end].text == "," and doc[end + 1].text == age:
                return self._persons[k]
        return None

    def person_before(self, i: int, gender: str | None = None, within: int | None = None,
                      avoid: frozenset[str] = frozenset()) -> Entity | None:
        """The person named last before token `i` whose gender does not contradict `gender` ("he" is
        never Angela Pruitt; "she" never Mr. Gigante); with `within`, only one named that many tokens back;
        never one whose id is in `avoid`."""
        k = bisect.bisect_left(self._person_pos, i)
        while k > 0:
            if within is not None and i - self._person_pos[k - 1] > within:
                return None
            ent = self._persons[k - 1]
            if ent.id not in avoid and (gender is None or person_gender(ent) in (None, gender)):
                return ent
            k -= 1
        return None

    def _clause_mates(self, pron: Any) -> frozenset[str]:
        """The persons named as the other core arguments of the pronoun's own verb. A plain he/him never
        means one of them: "He stabbed Cole" - he is not Cole; "Dunn pulled a knife and stabbed her" - her
        is not Dunn (the subject of coordinated verbs is shared)."""
        if pron.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
            verb = pron.head
        elif pron.dep_ == "pobj" and pron.head.dep_ in ("prep", "dative", "agent"):
            verb = pron.head.head
        else:
            return frozenset()
        if verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        mates = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass", *_SUBJ)]
        mates += [_o for c in verb.children if c.dep_ in ("prep", "agent")
                  for _o in c.children if _o.dep_ == "pobj"]
        if pron.dep_ in ("dobj", "dative") and not any(c.dep_ in _SUBJ for c in verb.children):
            shared = subject(verb)
            if shared is not None:
                mates.append(shared)
        ids = set()
        for t in mates:
            if t.i == pron.i:
                continue
            ent = self.tok_ent.get(t.i)
            if ent is not None and ent.kind == "PERSON":
                ids.add(ent.id)
        return frozenset(ids)

    def _reporter_of(self, pron: Any) -> frozenset[str]:
        """The person who reports, after it, the clause the pronoun is in ("He shot the clerk, Moss said": Moss):
        never the one that he or she means (`reported_speaker`)."""
        spk = fronted_report_speaker(pron)
        if spk is None or spk.pos_ == "PRON":
            return frozenset()
        ids = {self.tok_ent[t.i].id for t in spk.subtree if t.i in self.tok_ent and self.tok_ent[t.i].kind == "PERSON"}
        return frozenset(ids)

    def _quoting_subject(self, pron: Any) -> Any | None:
        """The subject of a verb of saying outside the quotation the first-person pronoun sits in."""
        from .attribution import saying_verbs

        sent = pron.sent
        marks = [t.i for t in sent if t.text in QUOTES]
        if not any(m < pron.i for m in marks):
            return None  # not inside a quotation of this sentence
        says = saying_verbs(claims=False)
        for t in sent:
            inside = sum(1 for m in marks if m < t.i) % 2 == 1
            if t.lemma_.lower() in says and t.pos_ == "VERB" and not inside:
                subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
                if subj is not None and subj.lower_ not in _FIRST_PERSON:
                    return subj
        return None

    def _closing_saying_subject(self, pron: Any) -> tuple[bool, Any | None]:
        """The saying clause right after the quotation mark that closes the quotation the pronoun is in, in
        that mark's sentence ('"We never threatened anyone. We will fight," said lawyer Mark Tobin'): whether
        there is one, and its subject (None when it has none or speaks as "I"/"we")."""
        from .attribution import saying_verbs

        doc = pron.doc
        close = next((t for t in doc[pron.i + 1:] if t.text in QUOTES), None)
        if close is None:
            return False, None
        sent = close.sent
        says = saying_verbs(claims=False)
        for t in doc[close.i + 1:sent.end]:
            if t.text in QUOTES:
                break  # a new quotation opens: no saying clause of this one
            if t.lemma_.lower() in says and t.pos_ == "VERB":
                subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
                return True, subj if subj is not None and subj.lower_ not in _FIRST_PERSON else None
        return False, None

    def _pronoun_person(self, pron: Any, gender: str) -> Entity | None:
        """The person a he/she means. The nearest agreeing name, unless that name was an object ("shot and
        wounded Officer Dan Pike. He fled ...") and a subject pronoun means the person the story follows:
        then the subject of the sentences in between, followed back through their own subject pronouns."""
        if pron.i in self._pronoun_memo:
            return self._pronoun_memo[pron.i]
        self._pronoun_memo[pron.i] = None  # no cycles
        k = bisect.bisect_left(self._person_pos, pron.i)
        named = self.person_before(pron.i, gender, within=_PRONOUN_REACH)
        if named is not None and pron.dep_ in ("nsubj", "nsubjpass"):
            pos = next((self._person_pos[j] for j in range(k - 1, -1, -1) if self._persons[j] is named), None)
            root = self._person_root.get(pos) if pos is not None else None
            if root is not None and root.sent.start < pron.sent.start and not _subject_position(root):
                sent = pron.doc[pron.sent.start - 1].sent if pron.sent.start > 0 else None
                while sent is not None and sent.start >= root.sent.start:
                    found = None
                    for subj in reversed([t for t in sent if _subject_position(t) and t.pos_ in ("PRON", "PROPN")]):
                        ent = self.tok_ent.get(subj.i)
                        if subj.lower_ == pron.lower_:
                            found = self._pronoun_person(subj, gender)
                        elif ent is not None and ent.kind == "PERSON" and person_gender(ent) in (None, gender):
                            found = ent
                        if found is not None:
                            break
                    if found is not None:
                        named = found
                        break
                    sent = pron.doc[sent.start - 1].sent if sent.start > 0 else None
        mates = self._clause_mates(pron) | self._reporter_of(pron)
        if named is not None and named.id in mates:
            named = self.person_before(pron.i, gender, within=_PRONOUN_REACH, avoid=mates)
        self._pronoun_memo[pron.i] = named
        return named

    # ------------------------------------------------------------------ noun phrases
    def np_text(self, tok: Any, coordinated: bool = False) -> str:
        """The noun phrase as written: the head with its modifiers, prepositional phrases and appositions,
        without relative clauses or (unless `coordinated`) the other conjuncts."""
        lo, hi = tok.i, tok.i
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in _CUT_DEPS and not (c.dep_ == "punct" and c.text in ("-", "'")) and \
                        not (coordinated and c.dep_ in ("conj", "cc")):
                    continue
                lo, hi = min(lo, c.i), max(hi, c.i)
                stack.append(c)
        if tok.i in self.ent_span:
            s, e = self.ent_span[tok.i]
            lo, hi = min(lo, s), max(hi, e - 1)
        while hi > lo and self.doc[hi].is_punct and self.doc[hi].text not in (")", "'"):
            hi -= 1
        words = self.doc[lo:hi + 1]
        text = words.text
        if words[0].dep_ == "det" and words[0].lower_ in ("the", "a", "an") and len(words) > 1:
            text = self.doc[lo + 1:hi + 1].text
        return text.strip()

    def core_name(self, tok: Any) -> str:
        """A generic actor's name: left modifiers and head ("Israeli army", "Rwandan rebels")."""
        lo = tok.i
        for c in tok.lefts:
            if c.dep_ in ("det", "predet", "punct", "nummod", "quantmod") or c.tag_ in ("PRP$", "WDT", "WP$"):
                continue
            lo = min(lo, c.left_edge.i)
        lo = max(lo, next((c.i + 1 for c in tok.lefts if c.dep_ in ("det", "predet")), lo))
        while lo < tok.i and self.doc[lo].lower_ in ("the", "a", "an"):
            lo += 1  # "the employers' federation": the article of a possessor in front
        return self.doc[lo:tok.i + 1].text

    def _town_entity(self, ent: Entity) -> bool:
        """A place that is no country (a city, a region, even a capital)."""
        from .gazetteer import gazetteer

        return ent.kind == "LOC" or ent.kind == "GPE" and ent.name != gazetteer().country_name(ent.country)

    def _town_token(self, tok: Any) -> bool:
        ent = self.tok_ent.get(tok.i)
        return ent is not None and self._town_entity(ent)

    def _country_of_modifiers(self, tok: Any) -> Entity | None:
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.tok_ent:
                ent = self.tok_ent[c.i]
                if ent.kind == "GPE" and ent.country:
                    return ent
        return None

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

    def _other_party_here(self, tok: Any, ent: Entity) -> bool:
        """Is the country named in the anaphor's own sentence as someone else's party: the object of a verb or
        of "from", "to", "with", "against", "on" ("the government would ban imports of poultry from Brazil",
        "the government summoned Brazil's envoy"), or the subject of another clause ("the ministry said Azeri
        troops had violated ...")? A writer meaning that country's government would not write "the
        government" and then name the country as the other side."""
        for t in tok.sent:
            if t.i == tok.i or self.tok_ent.get(t.i) is not ent:
                continue
            head = t
            while head.dep_ in ("compound", "poss", "amod", "nmod") and head.head != head:
                if head.dep_ == "poss" and not _represents_owner(head.head):
                    break  # "sent troops to Nigeria's northeast", "Kenya's families": the country's own
                head = head.head  # "Brazil's envoy", "Brazilian poultry": the phrase the name is in
            if head.dep_ == "poss":
                continue
            if head.dep_ in ("dobj", "dative") or head.dep_ == "pobj" and head.head.lower_ in _OTHER_SIDE_PREPS:
                return True
            if head.dep_ in ("nsubj", "nsubjpass") and head.head != tok.head:
                return True  # "the ministry said Azeri troops had violated ...": they act in another clause
        return False

    def _named_body_inside(self, tok: Any) -> Entity | None:
        """A body noun whose compound names an organisation stands for it: "the al-Qaeda terror network",
        "the Hamas movement" (not "the Hamas leader": a person of it, not the body)."""
        if tok.lemma_.lower() not in _BODY_HEADS | {"network", "militia", "faction", "organisation", "wing"}:
            return None
        for c in tok.children:
            ent = self.tok_ent.get(c.i)
            if c.dep_ in ("compound", "poss") and ent is not None and ent.kind == "ORG":
                return ent
            if c.dep_ == "compound":  # "al-Qaeda terror network": the name sits on the nearer compound
                for g in c.children:
                    ent = self.tok_ent.get(g.i)
                    if g.dep_ in ("compound", "poss") and ent is not None and ent.kind == "ORG":
                        return ent
        return None

    def _country_of_group(self, tok: Any) -> str | None:
        """The side of a group with no country word before it: "Rebels in the Ivory Coast", "security
        forces in Guinea" (a country, not a town, after "in"), "Vietnamese-led forces". Fusion and
        conflicts tell sides apart by country, so two groups of two countries stay two happenings."""
        gaz = gazetteer()
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_.endswith("-led"):
                iso = gaz.country_of_any(c.text[:-4])
                if iso:
                    return iso
            if c.dep_ == "amod" and c.lower_ == "led" and c.i > 1 and self.doc[c.i - 1].text == "-":
                iso = gaz.country_of_any(self.doc[c.i - 2].text)
                if iso:
                    return iso
            if c.dep_ == "prep" and c.lower_ in ("in", "from", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                ent = self.tok_ent.get(obj.i) if obj is not None else None
                if ent is not None and ent.kind == "GPE" and ent.country and \
                        ent.name == gaz.country_name(ent.country):
                    return ent.country
        return None

    def _titled_person_before(self, i: int, role: str) -> Entity | None:
        """The last person named before token `i` with this title ("Judge Ana Ruiz", "Ruiz, the judge")."""
        k = bisect.bisect_left(self._person_pos, i)
        while k > 0:
            pos, ent = self._person_pos[k - 1], self._persons[k - 1]
            if i - pos > _PRONOUN_REACH:
                return None
            near = {t.lemma_.lower() for t in self.doc[max(0, pos - 3):pos]}
            root = self._person_root.get(pos)
            if root is not None:
                near |= {t.lemma_.lower() for c in root.children if c.dep_ in ("appos", "compound")
                         for t in c.subtree}
            if role in near or role in " ".join(ent.titles).lower().split():
                return ent
            k -= 1
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

    def speaker_phrase(self, tok: Any) -> Any | None:
        """The words naming whom a spokesperson speaks for: the object of "for" / "of", the possessor
        ("the ministry's spokeswoman") or a name compounded before it ("a Kremlin spokesman")."""
        if tok.lower_ not in SPEAKER_NOUNS:
            return None
        if self._bare_the(tok):
            earlier = self._earlier_speaker(tok)
            return self.speaker_phrase(earlier) if earlier is not None else None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
            if c.dep_ in ("poss", "nmod") and c.pos_ in ("NOUN", "PROPN") or \
                    c.dep_ == "compound" and c.i in self.tok_ent:
                return c
        return None

    @staticmethod
    def _bare_the(tok: Any) -> bool:
        """ "the spokesman" with nothing else before or after it ("chief" and "senior" aside)."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
            c.dep_ in ("poss", "compound", "nmod", "prep", "appos") or
            c.dep_ == "amod" and c.lower_ not in ("chief", "senior", "deputy", "top") for c in tok.children)

    def _earlier_speaker(self, tok: Any) -> Any | None:
        """The spokesperson told of before a bare "the spokesperson" (within the reach of a pronoun)."""
        for t in reversed(self.doc[max(0, tok.i - _PRONOUN_REACH):tok.i]):
            if t.lower_ in SPEAKER_NOUNS and not self._bare_the(t):
                return t
        return None

    @staticmethod
    def _in_quotation(tok: Any) -> bool:
        """Inside quotation marks: an odd number of them before the token in its sentence, or a sentence
        that goes on with a quotation the one before left open."""
        sent = tok.sent
        before = sum(1 for t in sent if t.i < tok.i and t.text in QUOTES)
        if before % 2 == 1:
            return True
        if before or sent.start == 0:
            return False
        # The quotation the sentence before left open goes on up to this sentence's first mark, which closes
        # it ('"If they approach us positively, we will react positively. But if not, then we will
        # retaliate."'), unless that mark opens a quotation.
        prev = tok.doc[sent.start - 1].sent
        first = next((t for t in sent if t.text in QUOTES), None)
        return sum(1 for t in prev if t.text in QUOTES) % 2 == 1 and (first is None or first.text not in _OPENING)

    @staticmethod
    def _quoted(tok: Any) -> bool:
        return sum(1 for t in tok.sent if t.i < tok.i and t.text in QUOTES) % 2 == 1

    def speaker_body(self, tok: Any) -> Entity | None:
        """The body a spokesperson speaks for: "a spokesperson for North Korea's Foreign Ministry", "the
        ministry's spokeswoman", "a Kremlin spokesman"; a bare "the spokesman" the body named last before (an
        organisation, else a country; not an outlet, nor one the speaker talks to: "told Reuters"). "A
        spokesman" alone is someone not yet told of. A speaker named in apposition is left to the caller
        ("spokesman Vedant Patel" is that person)."""
        if tok.lower_ not in SPEAKER_NOUNS or tok.i in self.tok_ent:
            return None
        if self._bare_the(tok):
            earlier = self._earlier_speaker(tok)
            if earlier is not None:  # "a State Department spokesperson told VOA ... said the spokesperson"
                return self.speaker_body(earlier)
        phrase = self.speaker_phrase(tok)
        if phrase is not None:
            ent = self.tok_ent.get(phrase.i) or self._described(phrase)
            return ent if ent is not None and ent.kind in ("ORG", "GPE", "NORP") else None
        if not self._bare_the(tok):
            return None  # "a police spokesman", "the rebel spokesman": not the body named before
        k = bisect.bisect_left([b[0] for b in self._bodies], tok.i)
        fallback = None
        for pos, ent in reversed(self._bodies[:k]):
            if tok.i - pos > _PRONOUN_REACH:
                break
            root = self.doc[pos]
            if root.sent == tok.sent and (root.dep_ in ("pobj", "dobj", "dative") and
                                          root.head.lemma_.lower() in ("tell", "to") or self._quoted(root)):
                continue  # "the spokesman told Reuters": the one spoken to; a body the quotation names
            if ent.kind == "ORG" and not _is_outlet(ent):
                return ent
            if fallback is None and ent.kind == "GPE" and ent.country and \
                    ent.name == gazetteer().country_name(ent.country):
                fallback = ent
        return fallback

    def _described(self, tok: Any) -> Entity | None:
        """A definite description of a body named before: "the ministry" (the last "... Ministry"), "the
        agency", "the North" (North Korea, when the article names it), "the group" / "the militant group" /
        "the company" (the organisation named before, one that acted as a subject first: "Veltron sued its rival
        Quasar. The company said ..." is Veltron). Only a singular "the X" with no name, country or "other"
        before it: "the defence ministry of Chad", "a ministry", "the rival company", "the groups" say
        something else."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS") or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        low = tok.lower_
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "prep", "poss", "nmod")]
        if mods and (low not in _DESCRIBED_HEADS or not all(self._plain_modifier(c) for c in mods)):
            return None
        k = bisect.bisect_left([b[0] for b in self._bodies], tok.i)
        for _, ent in reversed(self._bodies[:k]):
            words = ent.name.lower().split()
            if low in ("north", "south") and ent.kind == "GPE" and ent.country and words[0] == low and len(words) > 1:
                return ent  # "the North" after "North Korea"
            if (ent.kind == "ORG" or _named_as_body(ent)) and len(words) > 1 and low in _BODY_HEADS | _ORG_HEADS and \
                    (words[-1] == low or low in ("coalition", "alliance", "federation", "association")
                     and low in words):
                return ent  # "the ministry" after "Egypt's Foreign Ministry", "the coalition" after "Coalition for X"
        if low in _GENERIC_ORG_NOUNS or low in _DESCRIBED_HEADS and mods:
            # "the organisation", "the group" in a release or a wire story: the organisation named before,
            # the latest that was a subject (the one the story follows) before the latest named at all
            near = [(pos, ent) for pos, ent in reversed(self._bodies[:k])
                    if (ent.kind == "ORG" or _named_as_body(ent) or ent.id in self._bodies_named)
                    and tok.i - pos <= _PRONOUN_REACH
                    and not _is_outlet(ent)]
            subj = next((ent for pos, ent in near if self._was_subject(pos)), None)
            return subj or (near[0][1] if near else None)
        return None

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

    def _plain_modifier(self, c: Any) -> bool:
        """A describing word of a body ("militant", "armed", "ruling", "tech") that names no one else: no
        entity, no country, no "other", "rival" or "new"."""
        return c.dep_ in ("amod", "compound") and c.i not in self.tok_ent and c.text.islower() and \
            c.lower_ not in ("other", "another", "rival", "new", "second", "parent", "sister", "opposition",
                             "former", "same", "local", "foreign", "state") and \
            gazetteer().country_of_any(c.text) is None and not any(True for _ in c.children)

    def _was_subject(self, pos: int) -> bool:
        s, e = self.ent_span.get(pos, (pos, pos + 1))
        root = self.doc[s:e].root
        return root.dep_ in ("nsubj", "nsubjpass") or root.dep_ in ("compound", "appos") and root.head.dep_ in (
            "nsubj", "nsubjpass")  # "The Islamist militant group al-Shabab claimed ..."

    def _armed_group_before(self, tok: Any) -> Entity | None:
        """ "Al-Shabab fighters stormed a hotel. The militants killed six guards": a bare plural "the militants"
        / "the rebels" is the armed group the article told as such before ("X fighters", "the rebel group X",
        "X, a jihadist movement"), within a pronoun's reach, when it told only one: with two such groups named,
        or none, the noun stays as written ("the militants" of an article on two rival factions are either)."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in _FIGHTER_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("amod", "compound", "prep", "poss", "nmod", "appos") for c in tok.children):
            return None
        told: dict[str, Entity] = {}
        for t in self.doc[max(0, tok.i - _PRONOUN_REACH):tok.i]:
            if t.lemma_.lower() in _FIGHTER_NOUNS:
                told.update((e.id, e) for e in self._fighters_named(t))
        return next(iter(told.values())) if len(told) == 1 else None

    def _fighters_named(self, t: Any) -> list[Entity]:
        """The names a word for fighters is told of: "al-Shabab militants", "the rebel group M23", "al-Shabab,
        the Somali insurgents". A country or a people ("Syrian rebels", "Kurdish fighters") is no group."""
        names = [c for c in t.children if c.dep_ in ("compound", "nmod", "appos", "poss")]
        if t.dep_ in ("amod", "compound"):
            names += [t.head, *(c for c in t.head.children if c.dep_ in ("appos", "compound", "nmod") and c != t)]
        if t.dep_ == "appos":
            names.append(t.head)
        ents = [self.tok_ent[c.i] for c in names if c.i in self.tok_ent]
        return [e for e in ents if e.kind not in ("GPE", "NORP") and e.kind not in NOT_PARTICIPANT]

    def _named_body_before(self, tok: Any) -> Actor | None:
        """ "The organisation also urged ...", "the coalition demanded ...": a bare "the X" after a body acted
        under a name the entity extractor did not keep ("Rights Watch International ... The organisation"),
        the latest actor, when it is a capitalised name that is no person or place and, for a head word
        other than a generic one, carries that word ("the coalition" after "The Coalition for Safe Water")."""
        low = tok.lower_
        last = self.last_subject
        if low not in _GENERIC_ORG_NOUNS | _ORG_HEADS | _BAND_NOUNS or tok.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in ("amod", "compound", "prep", "poss", "nmod") for c in tok.children):
            return None
        if low in _BAND_NOUNS:
            band = self._band_told_before(tok)
            if band is not None:
                return band
        if last is None or _common_noun_actor(last):
            # "Police arrested two members of the Red Hand gang. The group attacked ...": a common noun
            # capitalised at the start of a sentence is no name, and police are not what "the group" means
            return self._named_group_before(tok) if low in _BAND_NOUNS else None
        if low not in _GENERIC_ORG_NOUNS | _ORG_HEADS or last.kind not in (None, "ORG") or \
                not last.name[:1].isupper() or last.name.lower() == low:
            return None
        words = (last.text or last.name).lower().split()
        if low not in _GENERIC_ORG_NOUNS and low not in words:
            return None
        return last

    def _band_told_before(self, tok: Any) -> Actor | None:
        """ "The agency broke up a terrorist cell calling itself X. Authorities said the group was making bombs":
        "the group" / "the gang" is a band of people the sentence before (or its own, before it) told by a word
        for a band ("a terrorist cell", "an armed gang"), the nearest one; the body that acted on the band, the
        last subject, is no band. The word "group" itself says too little ("a group of experts") to count."""
        first = tok.sent.start
        if first > 0:
            first = self.doc[first - 1].sent.start
        for t in reversed(self.doc[first:tok.i]):
            if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in _BAND_WORDS and \
                    t.i not in self.tok_ent and t.dep_ not in ("compound", "poss") and \
                    any(c.dep_ in ("amod", "compound", "acl", "relcl") for c in t.children):
                return Actor(name=self.core_name(t), text=self.np_text(t))
        return None

    def _named_group_before(self, tok: Any) -> Actor | None:
        """A bare "the group" / "the gang" after a named band of people told by a common noun ("members of the
        Red Hand gang", "the Nightcrawlers crew"): the nearest such phrase within a pronoun's reach, however
        many sentences that spans (a raid told in between leaves "the group" the gang's)."""
        start = max(0, tok.i - _PRONOUN_REACH)
        for t in reversed(self.doc[start:tok.i]):
            if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in _BAND_NOUNS and t.i not in self.tok_ent \
                    and any(c.dep_ in ("compound", "amod") and any(x.pos_ == "PROPN" or x.is_title and
                                                                   x.i != x.sent.start for x in c.subtree)
                            for c in t.children):
                return Actor(name=self.core_name(t), text=self.np_text(t))
        return None

    def _person_noun_before(self, pron: Any, gender: str) -> Actor | None:
        """The nearest singular person noun before a pronoun, within this sentence and the one before,
        outside the pronoun's own clause, whose gender agrees ("the suspect" / "his wife" for he / she)."""
        from . import wordclass
        from .participants import PARTY_NOUNS

        lex = lexicon()
        people = PARTY_NOUNS | frozenset(lex["human_nouns"]) | _ROLE_NOUNS  # "Qatar's emir said ... he"
        start = max(0, pron.sent.start - 60)
        clause = pron.head
        found: list[Any] = []
        for t in reversed(self.doc[start:pron.i]):
            lemma = t.lemma_.lower()
            if found and t.sent != found[0].sent:
                break
            if t.pos_ != "NOUN" or t.tag_ != "NN" or lemma in _COLLECTIVE or lemma not in people and \
                    wordclass.classes(t.lemma_, "n")[:1] != ("person",):
                continue  # ("arrested a pharmacist and charged him": any noun whose commonest sense is a person)
            if t.head == clause or t.dep_ in ("compound", "poss", "attr", "appos") or t.i in self.tok_ent:
                continue  # ("He is a dangerous man": a description of someone, not someone new)
            if _NOUN_GENDER.get(lemma, gender) != gender:
                continue
            found.append(t)
        if not found:
            return None
        # Within its own sentence the nearest person noun is meant ("arrested a pharmacist and charged him");
        # from an earlier sentence, the one that sentence was about, its subject, goes ahead of its object ("A
        # man stabbed a teenager ... Police have charged him": the man), as a reader takes it.
        t = found[0]
        if t.sent != pron.sent:
            t = next((x for x in found if x.dep_ in ("nsubj", "nsubjpass")), t)
        return Actor(name=self.core_name(t), text=self.np_text(t))

    def _from_entity(self, ent: Entity | None, text: str) -> Actor | None:
        if ent is None:
            return None
        return Actor(name=ent.name, kind=ent.kind, country=ent.country, entity_id=ent.id,
                     text=text if text != ent.name else None)

    def reported_speaker(self, pron: Any) -> Any | None:
        """The subject of the verb of saying whose reported clause a subject pronoun stands in, or None."""
        return self._speaker(pron)

    def _speaker(self, pron: Any) -> Any | None:
        """ "X said he/it/they will ...": a subject pronoun of reported speech is the speaker."""
        if pron.dep_ == "poss" and pron.lower_ in ("its", "their", "his", "her") and \
                pron.head.dep_ in ("nsubj", "nsubjpass"):
            pron_clause = pron.head.head  # "The Houthis said their forces had targeted ...": the speaker's forces
        elif pron.dep_ in ("nsubj", "nsubjpass"):
            pron_clause = pron.head
        else:
            return None
        clause = pron_clause
        while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head == clause:
            return None
        subj = next((c for c in clause.head.children if c.dep_ in _SUBJ), None)
        if subj is None or subj.pos_ == "PRON" or subj.i in self.tok_ent and \
                self.tok_ent[subj.i].kind not in ("PERSON", "ORG", "GPE", "NORP"):
            return None
        if pron.lower_ in ("he", "she") and subj.i in self.tok_ent and self.tok_ent[subj.i].kind != "PERSON":
            return None
        if pron.lower_ in _PRONOUN_GENDER and fronted_report_speaker(pron) is not None:
            return None  # "He shot the clerk, Moss said": a person telling their own deed says "I"
        if pron.lower_ in _PRONOUN_GENDER and subj.i in self.tok_ent and \
                person_gender(self.tok_ent[subj.i]) not in (None, _PRONOUN_GENDER[pron.lower_]):
            return None  # "Reyes said he ...": he is not Monica Reyes
        lo, hi = sorted((pron.i, clause.head.i))
        if any(t.text in ('"', "\u201c", "\u201d") for t in pron.doc[lo:hi]):
            return None  # '"He will be charged," Reyes said': inside the quotation "he" is someone else
        return subj

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

    def _bound_in_clause(self, pron: Any) -> set[int]:
        """Who an object "them" cannot be (Principle B: a pronoun is not bound in its own clause): the subject of
        its clause with that subject's conjuncts, and where that subject is itself a pronoun, the one it stands
        for ("The ministry said it had warned the companies and would fine them": neither "it" nor the
        ministry). Empty for any other pronoun."""
        if pron.lower_ != "them" or pron.dep_ not in ("dobj", "pobj"):
            return set()
        clause = pron.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        subj = subject(clause) if clause.pos_ in ("VERB", "AUX") else None
        if subj is None:
            return set()
        bound = {subj.i, *(c.i for c in subj.conjuncts)}
        if subj.pos_ == "PRON":
            stands_for = self._agreeing_subject(subj)
            if stands_for is not None:
                bound |= {stands_for.i, *(c.i for c in stands_for.conjuncts)}
        return bound

    def _object_before(self, pron: Any, bound: set[int]) -> Any | None:
        """The nearest plural people or body noun acted on before an object "them" in its sentence (an object or
        a passive's subject), when no other clause's subject is free for it: "Commandos caught the pirates and
        took 23 of them into custody" - the commandos are bound, the pirates are left."""
        for t in reversed(self.doc[pron.sent.start:pron.i]):
            if t.i in bound or t.dep_ not in ("dobj", "pobj", "nsubjpass") or t.tag_ not in ("NNS", "NNPS") or \
                    t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in NOT_PARTICIPANT:
                continue
            if t.i in self.tok_ent or self.party_noun(t):
                return t
        return None

    def _agreeing_subject(self, pron: Any, exclude: set[int] | frozenset[int] = frozenset(),
                          sentences_before: int = 2) -> Any | None:
        """The latest subject before "it"/"they" (this sentence and the two before) that agrees in number
        and is no person: "it" is never "the rebels" or "Mr. Kim"; "they" is a plural, a compound subject
        or a body ("the ministry said they ..."). `exclude`: tokens the pronoun cannot be (`_bound_in_clause`)."""
        plural = pron.lower_ in ("they", "them", "their", "themselves")
        agentive = needs_agent(acting_verb(pron))
        sent = pron.sent
        start = sent.start
        for _ in range(sentences_before):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        for t in reversed(self.doc[start:pron.i]):
            if t.i in exclude or not _subject_position(t) or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "conj":
                continue
            if pron.dep_ == "poss" and t.head == pron.head.head:
                continue
            if agentive and t.pos_ == "NOUN" and t.i not in self.tok_ent and t.lemma_.lower() not in _COLLECTIVE \
                    and no_agent_noun(t.lemma_):
                continue  # "The launch is ... when it test-fired": an event, abstract or thing noun acts not
            ent = self.tok_ent.get(t.i)
            person = ent is not None and ent.kind == "PERSON" or ent is None and \
                t.lemma_.lower() in _NOUN_GENDER
            many = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
            body = ent is not None and ent.kind in ("ORG", "GPE", "NORP") or t.lemma_.lower() in _COLLECTIVE
            if person and not many:
                continue
            if (plural and (many or body)) or (not plural and not many):
                return t
        return None

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

    def _capitalised_word(self, tok: Any) -> bool:
        """A "name" of one ordinary word the tagger made of a sentence's capitalised first word ("Riot police
        fired ...": the riot police, no person called Riot)."""
        s, e = self.ent_span.get(tok.i, (tok.i, tok.i + 1))
        if tok.i != tok.sent.start or e - s != 1 or not wordclass.classes(tok.lower_, "n"):
            return False
        # a surname that is also a word (Brown, Stone, Price, King) is a name where the report writes it
        # capitalised inside a sentence too, or where it is a known entity
        return lexicon().known_entity(tok.text) is None and not any(
            t.text == tok.text and t.i != t.sent.start for t in self.doc)

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

    @staticmethod
    def party_noun(tok: Any) -> bool:
        """A noun for people or a body ("the union", "the employers' federation"): joined by "and", two of
        them are two actors, unlike "helicopters and tanks", one side's things."""
        from . import wordclass
        from .participants import PARTY_NOUNS

        lemma = tok.lemma_.lower()
        return lemma in PARTY_NOUNS or lemma in _COLLECTIVE or lemma in lexicon()["human_nouns"] or \
            wordclass.classes(tok.lemma_, "n")[:1] in (("person",), ("group",))

    # ------------------------------------------------------------------ locations and quantities
    @staticmethod
    def clause_scope(head: Any) -> list[Any]:
        """The head and its dependents, without the clauses embedded under it (breadth first)."""
        out, frontier = [head], [head]
        while frontier:
            nxt = [c for t in frontier for c in t.children if c.dep_ not in _CLAUSE_DEPS]
            out.extend(nxt)
            frontier = nxt
        return out

    def location(self, scope: list[Any], exclude: set[str]) -> Location | None:
        """The first place (GPE/LOC/FAC) in a locative phrase of the event's clause."""
        for t in scope:
            if t.dep_ != "pobj" or t.head.lower_ not in _LOC_PREPS:
                continue
            ent = self.tok_ent.get(t.i)
            if ent is None or ent.kind not in ("GPE", "LOC", "FAC") or ent.id in exclude:
                continue
            s, e = self.ent_span[t.i]
            return Location(text=self.doc[s:e].text, name=ent.name, country=ent.country, lat=ent.lat,
                            lon=ent.lon)
        return None

    def quantities(self, scope: list[Any]) -> list[Quantity]:
        """The counts in the event's clause, with their bounds and rates (extract/quantities.py)."""
        from .quantities import quantities_in

        return quantities_in(self.doc, scope)


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
            ArticleContext.party_noun(doer)):
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
