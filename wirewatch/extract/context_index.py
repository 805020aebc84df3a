"""`ContextIndex`: what an article knows before any trigger is read (token -> entity, the people and bodies
named in order, the one state it is about, its state outlet) and the noun-phrase lookups built on it (the
text of a phrase, its core name, towns, the clause's location and counts). The base of
`arguments.ArticleContext`; the pronoun, speaker and named-group readings (context_pronouns.py,
context_speakers.py, context_groups.py) extend it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Actor, Article, Entity, Location, Quantity
from . import wordclass
from .argument_nouns import _CLAUSE_DEPS, _COLLECTIVE, _CUT_DEPS, _LOC_PREPS, _named_as_body, _told_as_body
from .entity_antecedents import (
    dateline_end,
    one_state,
)
from .gazetteer import gazetteer
from .lexicon import lexicon


class ContextIndex:
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


    def _from_entity(self, ent: Entity | None, text: str) -> Actor | None:
        if ent is None:
            return None
        return Actor(name=ent.name, kind=ent.kind, country=ent.country, entity_id=ent.id,
                     text=text if text != ent.name else None)


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
