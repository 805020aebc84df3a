"""The "events" component: triggers -> EventMentions with actors, recipients, modality, attribution,
date, location and quantities.

Reads `doc` (parse), `entity_mentions`/`entities` (entities component), `timexes` (timex component) and
`published`. Dates come only from the text or the publication date, never guessed (see `_date`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import timedelta
from typing import Any

from ..dates import MONTH_RE
from ..model import MODALITY_TABLE, Actor, Article, EventMention, Timex
from .arguments import ArticleContext, agent, gapped_passive, skip_partitive, stative_passive_subject, subject
from .attribution import (
    Quotation,
    note_issuer,
    note_speaker,
    past_the_speaker,
    quote_speaker,
    saying_verbs,
    sentence_source,
)
from .conjunct_time import tense_apart, time_sharing_conjuncts
from .crowd_actors import crowd_actors
from .detector import NOUN_POS, Decision, Detector, decide_article, load_detector
from .gazetteer import gazetteer
from .lexicon import lexicon
from .modality import Presentation, presentation, source_of
from .nlp import doc_text, get_nlp
from .noise import no_event
from .ontology import Ontology, load_ontology
from .participants import (
    _BODY_KINDS,
    agent_in_phrase,
    answered_asker,
    censured_deed,
    content_recipient,
    feeling_participle,
    from_phrase,
    happening_side,
    noun_arguments,
    outcome_victims,
    own_people,
    protest_target_of_conjunct,
    struck_thing,
    surrendered_to,
    undergone_act,
    verb_recipient,
    without,
)
from .quantities import read_number
from .refine import (
    abroad,
    capital_as_state,
    censured_for_harm,
    contexts_of,
    fallback_actors,
    fired_at_other_country,
    joint,
    left_place,
    mode_of,
    mutual_recipients,
    np_countries,
    passive_state_actor,
    reluctant,
    restricted_place,
    state_of_place,
)
from .report_day import no_report_day, retold
from .timex import timex_date_and_precision as timex_date  # (date prefix, precision)
from .timex_narrative import (
    BACKGROUND_DAYS,
    FRAME_OPENERS,
    SentenceTime,
    carry,
    in_speech,
    not_after,
    paragraph_ends,
    past_tense,
)
from .timex_signals import RANGE_SIGNALS, common_prefix, period_of, season_span, signal_of
from .triggers import Trigger

_PAST_PRESENT = frozenset({"VBD", "VBZ", "VBP", "VBN"})


class EventsComponent:
    """doc, entity_mentions, timexes, published -> events."""

    name = "events"
    reads: tuple[str, ...] = ("doc", "entity_mentions", "entities", "timexes", "published", "id")
    writes: tuple[str, ...] = ("events",)

    def __init__(self, ontology: Ontology | None = None, ontology_path: str | None = None,
                 detector: Detector | None | bool = True) -> None:
        self.ontology = ontology or load_ontology(ontology_path)
        # The learned decision (detector.py): True = the shipped model, None/False = triggers alone.
        self.detector = load_detector() if detector is True else (detector or None)

    def __call__(self, article: Article) -> Article:
        doc = article.doc if article.doc is not None else get_nlp()(article.text or "")
        article.doc = doc
        ctx = ArticleContext(article, doc)
        paragraphs = paragraph_ends(article.text or "")
        events: list[EventMention] = []
        spans: list[_Dated] = []  # the date each mention got, with the days it covers
        # A source named in one sentence does not carry to the next (issue 11), except inside a continuing
        # quotation (see `attribution.Quotation`).
        quote = Quotation()
        last_para = -1
        whole = doc_text(doc)  # once: a sentence's text is its slice (Span.text joins its tokens on every call)
        sents = [s for s in doc.sents if whole[s.start_char:s.end_char].strip()]
        times: list[SentenceTime] = []  # for the narrative time (timex_narrative.carry)
        last_time_para = -1
        decided = decide_article(sents, self.ontology, self.detector, article.meta)  # meta gets event_relevance
        for sent, decisions in zip(sents, decided, strict=True):
            raw = whole[sent.start_char:sent.end_char]
            text = raw.strip()
            para = bisect.bisect_right(paragraphs, sent.start_char)
            if para != last_para:
                quote.new_paragraph(text)
                last_para = para
            quote.begin(text, sent.start_char + len(raw) - len(raw.lstrip()))
            in_quote: list[EventMention] = []
            named: str | None = None
            types_here: set[str] = set()
            times.append(self._sentence_time(article, sent, para != last_time_para))
            last_time_para = para
            for decision in decisions:
                trig = decision.trigger
                if no_event(trig.tok, self.ontology, trig.type):
                    continue  # a model's type on a word that reports no event (noise.py): "analysis was continuing"
                if decision.source == "proposed":
                    spec = self.ontology.types.get(trig.type)
                    trig = past_the_speaker(trig, spec is not None and spec.verbal)
                m, pres, dated = self._mention(article, ctx, sent, trig, self._confident(decision))
                if m is None or decision.source == "proposed" and m.event_type in types_here:
                    continue  # a proposal the sentence's triggers already gave (after _mention's retyping)
                types_here.add(m.event_type)
                m.type_confidence = decision.confidence
                if pres.reporting and pres.source:
                    named = named or pres.source
                if not m.attributed_to and quote.quoted(m.trigger_start):
                    in_quote.append(m)
                events.append(m)
                spans.append(dated)
                times[-1].mentions.append(m)
                times[-1].past.append(past_tense(trig.tok))
            named = named or sentence_source(sent, ctx)
            quote.feed(quote_speaker(sent, ctx, quote.spans), in_quote)
            note_speaker(sent, ctx)
            note_issuer(sent, ctx)
            # A body is credited under the name the text writes for it (modality.as_written): an alias too.
            if named and (named == ctx.state_media_name() or named == "state media" or
                          named in {n for e in article.entities if e.kind == "ORG" for n in (e.name, *e.aliases)}):
                ctx.running_source = named
        _mark_background(events, spans)
        carry(times, article.published)
        retold([m for s in times for m in s.mentions], [p for s in times for p in s.past], article.published,
               {name for name, spec in self.ontology.types.items() if spec.verbal})
        article.events = events
        return article

    @staticmethod
    def _sentence_time(article: Article, sent: Any, new_paragraph: bool) -> SentenceTime:
        """Whether the sentence has a calendar time expression, and the last one dated on or before the
        report's day (the time a story told after it goes on at), leaving out a year that only modifies a
        noun ("her 1989 trial", "the 1987 slayings": it dates that noun, not the story)."""
        own = [t for t in article.timexes if sent.start_char <= t.start < sent.end_char
               and t.type in ("DATE", "TIME") and _calendar(article.doc, t)]
        opening = re.sub(r"^\W+", "", sent.text.lower())
        framed = any(opening.startswith(f + ",") for f in FRAME_OPENERS)
        st = SentenceTime(has_timex=bool(own), new_paragraph=new_paragraph, framed=framed)
        for t in own:
            d, prec = timex_date(t)
            x = _timex_root(article.doc, t)
            whole = (t.value if prec == "week" and t.value else d) or ""  # a week's own days, not its month's
            if d and x is not None and in_speech(x):
                st.frameless_dates.add(d)  # the speaker's time, no frame for the narrator's next sentence
            elif d and x is not None and x.dep_ == "pobj" and x.head.lower_ == "since":
                # "the first firing since January 6, when it tested ...": a stretch reaching up to now, and the
                # flashback told at its start, leave the narrative where it was
                st.frameless_dates.add(d)
            elif d and prec and not_after(whole, article.published) and x is not None and \
                    not (x.dep_ in _NOUN_MODIFIER and x.head.pos_ in ("NOUN", "PROPN")):
                st.anchor = (d, prec)
        return st

    def _confident(self, decision: Decision) -> bool:
        """Whether an event noun ("talks", "a wonderful meeting") is held by the model at the bar it sets for
        that type on its own (its cross-validated threshold), not only at the lower bar a lexicon trigger
        needs to be kept (detector `keep_scale`): such an event stands even when nobody in it can be named.
        A noun names its act without its participants as a matter of course; a verb without subject or
        object is an agentless passive ("were also discussed") or a generic, and keeps the old rule."""
        det, p, tok = self.detector, decision.confidence, decision.trigger.tok
        return det is not None and p is not None and tok.pos_ in NOUN_POS and \
            p >= det.thresholds.get(decision.trigger.type, 2.0)

    # ------------------------------------------------------------------ one mention
    def _mention(self, article: Article, ctx: ArticleContext, sent: Any, trig: Trigger,
                 confident: bool = False) -> tuple[EventMention | None, Presentation, _Dated]:
        onto, tok = self.ontology, trig.tok
        etype = trig.type
        actors, recipients, clause = self._arguments(ctx, trig)
        lemma = tok.lemma_.lower()
        if not actors:
            actors = fallback_actors(ctx, trig, etype) or self._instrument(ctx, trig) or \
                passive_state_actor(ctx, trig, etype) or censured_for_harm(ctx, trig, etype)
        if etype == "PROTEST":
            actors = crowd_actors(tok, actors)  # "Thousands of Greeks protested": the Greeks, not Greece
        if not recipients or all(r.entity_id is None for r in recipients):
            # "imposed a curfew in Algiers"; "will withdraw inspectors and aid workers from Iraq"
            recipients = restricted_place(ctx, tok) or left_place(ctx, tok) or recipients
        if etype == "PROTEST" and not recipients:
            # A protest with no target named is addressed to the state where it happens ("demonstrated in
            # Serbia", "rallied in Jakarta"), unless that is the protesters' own side.
            recipients = [r for r in state_of_place(ctx, tok) if r.country not in {a.country for a in actors}]
        if etype == "MOBILIZE" and (joint(tok) or len({a.country for a in actors if a.country}) >= 2 or
                                    len(np_countries(ctx, actors)) >= 2):
            etype = "COOPERATE"  # joint drills of two countries' forces
        if etype == "MOBILIZE" and fired_at_other_country(ctx, tok, actors):
            etype = "ASSAULT"  # "fired shells near South Korea's Yeonpyeong Island": not a test
        if etype == "MOBILIZE" and not actors and abroad(ctx, tok, actors):
            # "(munitions) for deployment to Russia": arms going to another country are military aid
            # (PLOVER AID). With a known actor ("Russia will deploy bombers to Belarus") it stays a move.
            etype = "AID"
        if etype != "REJECT" and reluctant(tok):
            etype = "REJECT"  # "its reluctance to endorse the proposal": the act refused, not done
        # A capital as a participant is its government ("urged Pyongyang", "visited Beijing": China hosts);
        # as a place it stays a city (see `location`).
        actors = [_country_from_phrase(capital_as_state(a)) for a in actors]
        recipients = [_country_from_phrase(capital_as_state(r)) for r in recipients]
        # ("Jordan and Egypt held talks in Amman": the host capital is one of the sides); "the two presidents
        # met": each met the other. No side is both actor and recipient: the first named acts, the others
        # are its counterparts (PLOVER codes "A and B met" as A meeting B)
        recipients = without(recipients, actors)
        if not recipients and (others := mutual_recipients(etype, actors)):
            recipients, actors = others, without(actors, others)
        spec = onto.types.get(etype)
        if spec is not None and not spec.recipient:
            recipients = []
        if spec is not None and spec.verbal and not actors and not recipients and not confident:
            # "were discussed": a verbal act nobody performed, that the model only half believes, tells
            # nothing. One it holds on its own ("talks to resolve the impasse failed") is an event with no
            # nameable participant: it stands with null actor and recipient (issue 10).
            return None, Presentation(), _Dated()
        stext = text_span = sent.text
        lead = len(text_span) - len(text_span.lstrip())
        start = sent.start_char + lead
        stext = text_span.strip()
        timexes = [t for t in article.timexes if start <= t.start < start + len(stext)
                   and _calendar(ctx.doc, t)]
        anchors = {tok.i} | ({clause.i} if clause is not None else set())
        # Only a time expression on the trigger's own phrase makes it future: "agreed to share data from next
        # year" is an agreement made now about sharing later.
        own_timexes = [t for t in timexes if (x := _timex_root(ctx.doc, t)) is not None
                       and _reaches(x, anchors) is not None]
        pres = presentation(tok, etype, trig.embed, ctx, sent, own_timexes)
        if pres.source is None and tok.pos_ == "VERB" and tok.lemma_.lower() in saying_verbs():
            # The event is the saying: "Netanyahu said ... we will not allow" is Netanyahu's word; "The
            # statement, carried by KCNA, accused ..." is the outlet's. A charge brought is an act, no word.
            said_by = subject(tok)
            if said_by is not None and said_by.lemma_.lower() in lexicon()["report_nouns"]:
                pres.source = source_of(tok, ctx)
            elif actors and tok.lemma_.lower() in saying_verbs(claims=False):
                pres.source = actors[0].name
        if trig.negated and pres.modality not in ("denied",):
            pres.bump("negated")
        if trig.promised and pres.modality == "planned":
            pres.modality = "reported" if pres.source else "asserted"  # the promise itself happened
        dated = _date(ctx, trig, clause, timexes, article.published, pres.modality,
                      material=spec is not None and not spec.verbal)
        if pres.modality in ("asserted", "reported") and _long_before(dated, article.published):
            pres.modality = "historical"  # "In 1957, Gigante was the gunman ...", "arrested him in 2024"
        if pres.modality in ("asserted", "reported") and _long_running(dated, article.published):
            pres.modality = "historical"  # "has been attacking Kenyan troops since 2011": a long-running backdrop
        date, precision = dated.date, dated.precision
        if date and article.published and date[:4].isdigit() and int(date[:4]) < int(article.published[:4]) - 1 \
                and pres.modality in ("asserted", "reported"):
            pres.modality = "historical"
        scope = ctx.clause_scope(tok)
        if clause is not None and clause != tok:
            scope += [t for t in ctx.clause_scope(clause) if t.i not in {x.i for x in scope}]
        # A subjectless participle clause tells the same event's outcome ("fired 30 shells, wounding two
        # marines"): its counts belong to the event, so reports giving other counts can be compared.
        outcome = [t for c in (clause if clause is not None else tok).children
                   if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(g.dep_.startswith("nsubj") for g in c.children)
                   for t in ctx.clause_scope(c)]
        exclude = {a.entity_id for a in actors + recipients if a.entity_id}
        m = EventMention(
            article_id=article.id, event_type=etype, sentence=stext, start=start, end=start + len(stext),
            trigger=tok.text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
            mode=mode_of(onto, etype, lemma, tok), context=contexts_of(onto, etype, sent),
            actor=actors, recipient=recipients, modality=pres.modality, attributed_to=pres.source,
            date=date, date_precision=precision, location=ctx.location(scope, exclude),
            date_from=dated.source, quantities=ctx.quantities(scope + outcome))
        if actors:
            ctx.last_subject = actors[0]
            ctx.last_actors[(etype, lemma)] = actors
            ctx.last_by_type.append((etype, actors, recipients, lemma))
        return m, pres, dated

    def _instrument(self, ctx: ArticleContext, trig: Trigger) -> list[Actor]:
        """A passive harm with no agent, caused by a country's weapon: "three marines were wounded when North
        Korean shells landed" - the side whose shells they were acted (the weapon's phrase, with its country)."""
        tok = trig.tok
        if tok.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in tok.children):
            return []
        weapons = self.ontology.sets.get("weapon", frozenset())
        for c in tok.children:
            if c.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after")
                                            for m in c.children):
                continue
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() in weapons:
                found = [a for a in ctx.actors(subj) if a.country]
                if found:
                    return found
        return []

    def _arguments(self, ctx: ArticleContext, trig: Trigger) -> tuple[list[Actor], list[Actor], Any]:
        """(actors, recipients, clause verb) for a verb or an event noun."""
        tok = trig.tok
        if trig.recipient_tok is not None:  # a rule named the parties (office_change.py, triggers._alleged_wrong)
            actors = ctx.actors(trig.actor_tok)
            return actors, without(ctx.actors(trig.recipient_tok), actors), tok
        if tok.pos_ in ("VERB", "AUX"):
            undergone = undergone_act(ctx, tok) if trig.actor_from is None else None
            if undergone is not None:  # "Harmon faces charges of murder": Harmon is charged
                return undergone[0], undergone[1], tok
            subj = subject(trig.actor_from if trig.actor_from is not None else tok)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or \
                gapped_passive(tok) is not None or stative_passive_subject(tok) is not None
            of_obj = _get_idiom_object(tok) if passive else None
            if of_obj is not None:
                # "get rid of X": the parser reads get + participle as a passive; the phrase is active, its
                # grammatical subject acts and the "of" object undergoes it
                subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), subj)
                return ctx.actors(subj), without(ctx.actors(of_obj), ctx.actors(subj)), tok
            if passive and feeling_participle(tok, trig.type):
                # "opposition leaders were outraged by the arrest": the one who feels it acts; the "by"
                # phrase is what moved them, and whom they turn on is the "at/with X" of an active verb
                felt = next((c for c in tok.children if c.dep_ == "nsubjpass"), subj)
                actors = ctx.actors(felt)
                skip = {felt.i} if felt is not None else set()
                return actors, without(verb_recipient(ctx, tok, False, skip), actors), tok
            ag = agent(tok) or (agent_in_phrase(tok) if passive else None)
            actor_tok = ag if passive else subj  # a passive's subject is the one acted upon
            actors = ctx.actors(actor_tok)
            spec = self.ontology.types.get(trig.type)
            if spec is not None and tok.lemma_.lower() in spec.inverse:
                # "Russia bought shells from North Korea": North Korea gives, Russia receives.
                source = from_phrase(tok)
                return (ctx.actors(source) if source is not None else []), actors, tok
            if passive and not actors:
                actors = happening_side(ctx, tok)  # "was ousted in a coup led by el-Sisi"
            if passive and not actors and trig.type == "MOBILIZE":
                # "several hundred troops were deployed to the villages": forces moved by no one named move
                # for their own side, as "Turkish jets flew"; where they go is the recipient
                moved = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) or gapped_passive(tok)
                head = skip_partitive(moved, lexicon()) if moved is not None else None  # "hundreds of troops"
                # (forces and envoys, `participants.own_people`, or a named side: "the formation of a force was
                # announced" moves no one)
                if head is not None and (head.i in ctx.tok_ent and ctx.tok_ent[head.i].kind in _BODY_KINDS
                                         or head.lemma_.lower() in own_people()):
                    actors, actor_tok, passive = ctx.actors(moved), moved, False
            skip = {a.i for a in [actor_tok] if a is not None}
            if trig.type == "MOBILIZE":
                # "mobilized army reservists against X": what is moved is the actor's own, not the recipient
                skip |= {c.i for c in tok.children if c.dep_ == "dobj"}
            # "stormed a hotel, leaving five dead", "retook a strategic village": an attack's object is its
            # target, ahead of the outcome clause
            recips = (outcome_victims(ctx, tok, skip) or struck_thing(ctx, tok, skip)) \
                if trig.type == "ASSAULT" and not passive else []
            deed = censured_deed(ctx, tok, self.ontology, trig.type, actors) if not passive else None
            # ("urged the EU to support X" as SUPPORT: X is supported, the EU only asked)
            recips = recips or content_recipient(ctx, tok, trig.type, self.ontology, skip) or \
                (deed if deed is not None else verb_recipient(ctx, tok, passive, skip)) or \
                answered_asker(ctx, tok, skip) or surrendered_to(ctx, tok, skip) or \
                (protest_target_of_conjunct(ctx, tok, skip) if trig.type == "PROTEST" else [])
            return actors, without(recips, actors), tok
        actors, recips, clause = noun_arguments(ctx, tok, self.ontology, trig.type)
        if trig.actor_from is not None:  # "ordered patrols": the one who ordered
            actors = ctx.actors(subject(trig.actor_from))
            recips = without(recips, actors)
        return actors, recips, clause


def _country_from_phrase(a: Actor) -> Actor:
    """A named body or person with no country of its own takes the one its phrase puts before the name:
    "Russia's Foreign Ministry", "his South Korean counterpart, Han Do-yun". Fusion and conflicts compare
    sides by country, so an ORG or PERSON without one cannot be matched with its state. Only one country
    counts: "the foreign ministers of Japan and South Korea" is not a named actor anyway."""
    if a.country or a.kind not in ("ORG", "PERSON") or not a.text or a.name not in a.text:
        return a
    words = re.findall(r"[A-Z][\w.-]*", a.text[:a.text.index(a.name)].replace("'s", " "))
    gaz = gazetteer()
    found = {iso for i in range(len(words)) for j in range(i + 1, min(i + 3, len(words)) + 1)
             if (iso := gaz.country_of_any(" ".join(words[i:j])))}
    return replace(a, country=found.pop()) if len(found) == 1 else a


Span = tuple[Date, Date]  # the first and last day a date covers


@dataclass
class _Dated:
    """A mention's date: the calendar prefix and its precision, where it came from ("text" or "published")
    and the days it covers (a week keeps its seven days here, though its prefix is only the month)."""

    date: str | None = None
    precision: str | None = None
    source: str | None = None
    span: Span | None = None


# Dependencies that open a clause of its own: a time expression inside one dates that clause, not the trigger.
def _get_idiom_object(verb: Any) -> Any | None:
    """The "of" object of a get + participle idiom that reads as active ("got rid of", "gets hold of"):
    the auxiliary is a form of "get", nothing names a by-agent, and the participle takes "of" directly."""
    if not any(c.dep_ == "auxpass" and c.lemma_.lower() == "get" for c in verb.children):
        return None
    if any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in verb.children):
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == verb.i + 1
                 for g in c.children if g.dep_ == "pobj"), None)


_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "parataxis", "conj", "csubj", "pcomp"})
# Adverbial clauses that happen at another time than their governor ("since he took power in 2011").
_OWN_TIME_MARKS = frozenset({"since", "after", "before", "until", "till", "once"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_UNIT_DAYS = {"day": 1, "week": 7}  # offsets short enough to give a day ("a week after", "a day earlier")
_PLAN_WORDS = frozenset({"plan", "planned", "schedule", "scheduled", "set", "due", "slated", "expected"})
# A happening that ended before the article's own one of that type and began at least this many days
# before it is background ("last week's launch"); a strike two days earlier in a roundup is not.
_MIN_BACKGROUND_DAYS = 5


# A time expression hanging on a noun this way dates that noun ("the 1967 slayings"), not the event.
_NOUN_MODIFIER = frozenset({"compound", "amod", "nummod", "nmod"})
_STREET = frozenset({"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "boulevard", "blvd",
                     "lane", "drive", "way", "place", "court", "highway", "route", "suite", "floor"})


def _calendar(doc: Any, t: Timex) -> bool:
    """Is a time expression really one? A bare number the timex component took for a year is none when it
    is a house number ("2088 Philip Street"), part of a spec ("1920x1200") or a model ("Model 3200")."""
    if not re.fullmatch(r"\d{1,4}", t.text.strip()):
        return True
    span = doc.char_span(t.start, t.end)
    if span is None:
        return False  # inside a longer token: "1920x1200", "KX-4000"
    tok = span[0]
    if tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if nxt is not None and (nxt.text in ("x", "X", "-") and not nxt.whitespace_ or nxt.is_title and any(
            w.lower_ in _STREET for w in doc[tok.i + 1:min(len(doc), tok.i + 5)])):
        return False
    # "Model 3200", "Flight 1717": a name right before the number makes it a designation
    return not (prev is not None and prev.pos_ == "PROPN" and prev.is_title and prev.ent_type_ != "DATE")


def _timex_root(doc: Any, t: Timex) -> Any:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return None if span is None else span.root


def _plan_word(tok: Any) -> bool:
    return tok.lemma_.lower() in _PLAN_WORDS or tok.lower_ in _PLAN_WORDS


def _opens_clause(x: Any) -> bool:
    """Does `x` head a clause of its own, whose time is not its governor's? A relative clause of planning
    ("a meeting that had been planned for Saturday") dates its noun, and a "when" clause ("were wounded
    when shells landed on Friday") happens at the same time."""
    if x.dep_ not in _CLAUSAL or _plan_word(x):
        return False
    return not (x.dep_ == "advcl" and any(c.lower_ in ("when", "as", "while") and c.dep_ in ("mark", "advmod")
                                          for c in x.children))


def _other_tense(x: Any) -> bool:
    """An adverbial clause with a time of its own: a future under the main verb ("marched on parliament,
    where a vote will be held Thursday") or a place clause ("where ...")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") or c.dep_ == "advmod" and c.lower_ == "where"
               for c in x.children)


def _reaches(x: Any, anchors: set[int], max_steps: int = 8) -> list[Any] | None:
    """The tokens passed on the way up from `x` to one of `anchors` without leaving through another clause
    (see `_opens_clause`); None when the way up leaves the trigger's phrase."""
    path: list[Any] = []
    for _ in range(max_steps):
        if x.head == x:
            return None
        if _opens_clause(x):
            return None
        path.append(x)
        x = x.head
        if x.i in anchors:
            return path
    return None


def _object_of_saying(tok: Any, root: Any) -> bool:
    """ "Pyongyang's state media reported Thursday, confirming the launch detected by the military": the day
    of a saying is not that of a happening it names as a noun ("the launch", "reported the killings"),
    which it refers to as known; only a clause it reports ("said Tuesday troops arrested ...") takes it.
    The way up from the noun to the verb of saying passes no finite verb."""
    if tok.pos_ not in ("NOUN", "PROPN") or root.lemma_.lower() not in saying_verbs(claims=False):
        return False
    x = tok
    for _ in range(6):
        x = x.head
        if x.i == root.i:
            return True
        if x.tag_ in _PAST_PRESENT or x.dep_ in ("ccomp", "parataxis", "csubj"):
            return False
    return False


def _on_saying(doc: Any, t: Timex) -> bool:
    """Does the time expression hang on a verb of saying ("..., the agency told lawmakers on Tuesday")?"""
    x = _timex_root(doc, t)
    for _ in range(4):
        if x is None or x.head == x:
            return False
        x = x.head
        if x.pos_ == "VERB":
            return x.lemma_.lower() in saying_verbs(claims=False)
    return False


def _present_state(tok: Any) -> bool:
    """ "North Korea keeps shipping shells, the agency told lawmakers on Tuesday", "is building a second
    plant, officials said Monday": what goes on as the speaker speaks is a state of things on the day of the
    saying, not an act done that day; it takes no date from it (and sets no date conflict with a report of one
    delivery last month). A past or perfect act does ("fired a missile, officials said Tuesday"), and so does a
    stance the speaker states ("Putin said Thursday that Russia supports the proposal": asked of deeds only)."""
    x = tok
    for _ in range(3):
        auxes = [c for c in x.children if c.dep_ in ("aux", "auxpass")]
        if auxes:
            perfect = x.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in auxes)
            return not perfect and any(c.tag_ in ("VBZ", "VBP") for c in auxes) and x.tag_ == "VBG"
        if x.tag_ in ("VBZ", "VBP"):
            return x.lemma_.lower() not in ("be", "have")
        if x.tag_ == "VBD" or x.dep_ not in ("xcomp",):
            return False
        x = x.head
    return False


def _span_of(value: str | None) -> Span | None:
    """The days a TIMEX3 value covers (2025-09-16, 2025-W37, 2025-09, 2025)."""
    if not value:
        return None
    try:
        if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = Date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.match(r"(\d{4})-W(\d{2})$", value):
            monday = Date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.match(r"(\d{4})-(\d{2})$", value):
            first = Date(int(m[1]), int(m[2]), 1)
            nxt = Date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if m := re.match(r"(\d{4})$", value):
            return Date(int(m[1]), 1, 1), Date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _day(d: Date) -> _Dated:
    return _Dated(d.isoformat(), "day", "text", (d, d))


def _offset_days(tok: Any) -> int | None:
    """Days in a short measure phrase: "a week", "two days", "one day" (npadvmod of `tok`)."""
    for c in tok.children:
        unit = c.lemma_.lower()
        if c.dep_ != "npadvmod" or unit not in _UNIT_DAYS:
            continue
        n: float | None = 1.0 if c.tag_ == "NN" else None  # "a week" / "weeks" without a count says nothing
        for g in c.children:
            if g.dep_ == "nummod":
                n = read_number([g.text])
        if n is not None and n == int(n):
            return int(n) * _UNIT_DAYS[unit]
    return None


def _reference_day(ctx: ArticleContext, verb: Any, timexes: list[Timex], published: str | None) -> Date | None:
    """The day of the clause an offset counts from: its own day expression, else the report's date."""
    for t in timexes:
        x = _timex_root(ctx.doc, t)
        if x is not None and _reaches(x, {verb.i}, max_steps=3) is not None:
            span = _span_of(t.value)
            return span[0] if span and span[0] == span[1] else None
    pub = _span_of(published[:10]) if published else None
    return pub[0] if pub else None


def _relative(ctx: ArticleContext, tok: Any, clause: Any, timexes: list[Timex],
              published: str | None) -> _Dated | None:
    """A day told as an offset from another clause: "came a week after North Korea fired" (the firing is a
    week before the coming), "had visited the unit a day earlier" (before the report), "two days before".
    No time expression covers these: the timex gives only a duration."""
    root = tok.sent.root
    for verb in {tok, clause} - {None}:
        for c in verb.children:
            # Only inside a report ("KCNA said Ri had visited the unit a day earlier"): the offset counts
            # from the report; in a sentence of its own it counts from something the text does not say.
            if c.dep_ == "advmod" and c.lower_ in ("earlier", "later") and verb != root:
                days = _offset_days(c)
                ref = _reference_day(ctx, root, timexes, published) if days is not None else None
                if days is not None and ref is not None:
                    return _day(ref - timedelta(days=days if c.lower_ == "earlier" else -days))
        marks = [c for c in verb.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")]
        if verb.dep_ == "pobj" and verb.head.lower_ in ("after", "before"):
            marks.append(verb.head)
        for mk in marks:
            days = _offset_days(verb) if mk.head == verb else None
            days = days if days is not None else _offset_days(mk)
            gov = verb.head if mk.head == verb else mk.head
            if days is None or gov == verb:
                continue
            ref = _reference_day(ctx, gov, timexes, published)
            if ref is not None:
                return _day(ref - timedelta(days=days if mk.lower_ == "after" else -days))
    return None


def _date(ctx: ArticleContext, trig: Trigger, clause: Any, timexes: list[Timex], published: str | None,
          modality: str, material: bool = False) -> _Dated:
    """From a timex in the sentence (preferring one attached to the trigger or its clause), or an offset
    from another clause ("a week after"); else the publication date for a past/present report of a real
    event; else null. `material`: the event is a deed, not a verbal act (`_present_state`)."""
    doc, tok = ctx.doc, trig.tok
    anchors = {tok.i} | ({clause.i} if clause is not None else set())
    root = tok.sent.root
    # The main clause's time ("On Tuesday, officials said troops had arrested ...") dates what it reports,
    # unless the trigger sits in its own dated clause. A denial's day is not the day of what it denies, nor
    # an accusation's that of the act it alleges ("accused North Korea on Wednesday of sending soldiers").
    in_root_clause = any(x.i == tok.i for x in root.subtree) and modality != "denied" and trig.embed != "claimed"
    # "said on Wednesday that the army had fired warning shots": the past perfect puts the act before the
    # saying, so the saying's day is no date of it.
    anterior = in_speech(tok) and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) and tok.tag_ == "VBN"
    # Coordinated verbs share a time ("seized the weapons and arrested six men on Sunday"), unless told in
    # another tense ("was arrested on Monday and will appear in court on Friday": conjunct_time).
    shared = time_sharing_conjuncts(clause if clause is not None else tok)
    apart = tense_apart(clause if clause is not None else tok)

    said: list[Timex] = []

    def rank(t: Timex) -> int | None:
        x = _timex_root(doc, t)
        if x is None:
            return None
        if _when_clause_of(doc, tok, t):
            return 0  # "since January 6, when it test-fired a missile": the clause's own time
        # (a day name before a proper name is the parser's slip: "said Sunday Israel will ...")
        if x.dep_ in _NOUN_MODIFIER and (x.head.pos_ == "NOUN" or x.head.pos_ == "PROPN" and
                                         re.fullmatch(r"\d{4}s?", t.text.strip())) and x.head.i != tok.i and \
                x.head.ent_type_ not in ("DATE", "TIME") and x.head.head.i not in anchors:
            return None  # "in the 1987 slayings", "the November ceasefire": the year dates that noun
        start, steps = x, 0
        while x.head != x and steps < 3:
            if x != start and _opens_clause(x):
                # Another clause's time ("agreed to share data from next year" is when the sharing starts);
                # a clause hanging off the main one still counts as the main clause's time, as it did -
                # except a clause with a time of its own ("since he took power in late 2011").
                if x.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in _OWN_TIME_MARKS for c in x.children)
                                          or _other_tense(x)) and not any(t.i == tok.i for t in x.subtree):
                    return None
                x = root if x.head == root else x
                break
            x, steps = x.head, steps + 1
            if x.i in anchors:
                return 0
            if x.i in shared:
                return 1
            if x.i == root.i and in_root_clause:
                break
        # Deeper inside the trigger's own phrase ("a test-fire of missiles fitted with ... on Tuesday, KCNA
        # reported on Wednesday"): the event's day, ahead of the report's.
        if _reaches(start, anchors) is not None:
            return 1
        if not (x.i == root.i and in_root_clause and not anterior) or apart:
            return None
        if _object_of_saying(tok, root) or material and _on_saying(doc, t) and _present_state(tok):
            said.append(t)  # the saying's day, not the event's: still the latest it can be (below)
            return None
        return 2

    # Only a time expression on the trigger's clause (or the main clause) dates it; "objectives for the
    # year" inside an object does not.
    scored = [(r, t) for t in timexes if (r := rank(t)) is not None]
    ranked = sorted(scored, key=lambda rt: (rt[0], abs(rt[1].start - tok.idx)))
    # A period ("since January", "until June", "over the past month") stands in for the act's date only
    # when the sentence states no point date for the act as closely tied to it: "was released on Friday
    # after being held since May" is dated Friday. A weaker-ranked day (the main clause's, "officials said
    # on Monday") does not beat the act's own period.
    period: tuple[int, _Dated] | None = None
    # "from March 3 to March 5": the closing day belongs to the range its opener starts, no day of its own
    closers = {id(end) for _, t in scored if (end := _range_end(doc, t, timexes)) is not None}
    for r, t in ranked:
        if period is not None and r > period[0]:
            break
        if id(t) in closers:
            continue
        if r == 2 and (rel := _relative(ctx, tok, clause, timexes, published)) is not None:
            return rel  # "came a week after X fired": the offset beats the main clause's day
        if not _when_clause_of(ctx.doc, tok, t):
            if _first_since(ctx.doc, t):
                continue  # "its first such meeting since 2019": the meeting is now; 2019 bounds the gap before it
            per = _period(ctx, tok, clause, t, timexes, published, modality)
            if per is not None:
                period = period or (r, per)  # a stretch of time, not the act's day: kept while a day is sought
                continue
        d, prec = timex_date(t)
        if d:
            dated = _past_month(tok, t, _Dated(d, prec, "text", _span_of(t.value)), published, modality)
            return _forward_plan(ctx, t, dated, anchors, published, modality)
    if period is not None:
        return period[1]
    rel = _relative(ctx, tok, clause, timexes, published)
    if rel is not None:
        return rel
    verb = clause if clause is not None else tok
    if published and MODALITY_TABLE[modality].dated_by_report and _finite(verb) and not no_report_day(_verb_of(verb)):
        return _said_bound(said, published) or _Dated(published[:10], "day", "published", _span_of(published[:10]))
    return _Dated()


def _said_bound(said: list[Timex], published: str) -> _Dated | None:
    """ "Protesters are blocking the highway, police said on Monday", "State media reported on Monday,
    confirming the launch": the saying's day is no day of the event's own, but the event was going on or
    had happened by then, so a later publication day cannot stand in for it. The saying's day does, marked
    a stand-in ("context": from the text, not the event's own), so that it sets no date conflict."""
    pub = _span_of(published[:10])
    for t in said:
        d, prec = timex_date(t)
        span = _span_of(t.value)
        if d and span is not None and pub is not None and span[1] < pub[0]:
            return _Dated(d, prec, "context", span)
    return None


def _period(ctx: ArticleContext, tok: Any, clause: Any, t: Timex, timexes: list[Timex], published: str | None,
            modality: str) -> _Dated | None:
    """The period a time expression opens for the event (`timex_signals`), as a stand-in date; None when
    the expression dates the event itself."""
    verb = clause if clause is not None else tok
    root = _timex_root(ctx.doc, t)
    if root is not None and any(x.i == tok.i for x in root.subtree) and not (t.start <= tok.idx < t.end):
        return None  # "since 2011, when the government sent soldiers": the clause of the year itself
    pub = _span_of(published[:10]) if published else None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    ongoing = any(c.lemma_.lower() == "have" for c in auxes) or verb.tag_ == "VBG" and any(
        c.lemma_.lower() == "be" for c in auxes)
    future = modality in ("planned", "hypothetical") or any(c.lower_ in ("will", "'ll", "shall") for c in auxes) or \
        verb.tag_ == "VB" and any(c.lower_ in ("may", "might", "could", "would", "should") for c in auxes)
    later = _range_end(ctx.doc, t, timexes)
    to = _span_of(later.value) if later is not None else None
    per = period_of(ctx.doc, t, _span_of(t.value) or season_span(t.value), pub[0] if pub else None,
                    ongoing=ongoing, future=future, negated=modality == "negated", to=to)
    if per is False:
        return None
    if per is None or isinstance(per, bool):
        return _Dated(None, None, "period", None)
    date, _ = common_prefix(per)
    return _Dated(date, "period" if date else None, "period", per)


def _range_end(doc: Any, t: Timex, timexes: list[Timex]) -> Timex | None:
    """The time expression that closes a range `t` opens: "between January and February", "from March 3
    to March 5"."""
    if signal_of(doc, t) not in RANGE_SIGNALS:
        return None
    later = next((x for x in timexes if x.start >= t.end), None)
    if later is None or not re.fullmatch(r"\s*(?:and|to|-|\u2013)\s*", doc.text[t.end:later.start]):
        return None
    return later


def _first_since(doc: Any, t: Timex) -> bool:
    """ "the first launch since January 6", "the biggest protest since 2019": "since" measures the gap
    before an event of now (a first, only or superlative one), it is not the stretch that event filled."""
    root = _timex_root(doc, t)
    if root is None or root.dep_ != "pobj" or root.head.lower_ != "since":
        return False
    noun = root.head.head
    nouns = [noun, noun.head] if noun.dep_ == "acl" else [noun]  # "first missile firing since ..."
    return any(c.dep_ == "amod" and (c.lower_ in ("first", "only") or c.tag_ == "JJS")
               for n in nouns for c in n.children)


def _when_clause_of(doc: Any, tok: Any, t: Timex) -> bool:
    """ "since January 6, when it test-fired a missile": the "when" clause right after a time expression
    happened at that time."""
    x = tok
    for _ in range(3):
        if any(c.dep_ == "advmod" and c.lower_ == "when" for c in x.children):
            first = min(y.idx for y in x.subtree)
            return 0 <= first - t.end <= 3
        if x.head == x:
            return False
        x = x.head
    return False


def _verb_of(tok: Any) -> Any:
    """The verb an event noun is told by ("over 50 arrests have been made": "made"); a verb is its own."""
    x = tok
    for _ in range(3):
        if x.pos_ in ("VERB", "AUX") or x.head == x:
            return x
        x = x.head
    return tok


def _finite(tok: Any) -> bool:
    """Is the trigger told in the past or present? Its own tense, else that of the nearest finite verb it
    hangs from without a clause of its own in between ("wrapping up meetings" under "said", "continue
    to support" under "pledged"); a time expression decides before this is asked."""
    x = tok
    for _ in range(4):
        if x.tag_ in _PAST_PRESENT or any(c.tag_ in _PAST_PRESENT for c in x.children if c.dep_ in ("aux", "auxpass")):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "may", "might", "could", "should")
               for c in x.children) or x.head == x or x.dep_ in ("relcl", "ccomp", "csubj", "parataxis"):
            return False
        x = x.head
    return False


def _forward_plan(ctx: ArticleContext, t: Timex, dated: _Dated, anchors: set[int], published: str | None,
                  modality: str) -> _Dated:
    """ "A meeting that had been planned for Saturday has been called off" (on a Friday): the past tense
    makes the timex pick the last Saturday, but what was planned and did not happen lies ahead: the first
    such weekday after the report."""
    if modality not in ("planned", "negated") or dated.precision != "day" or not published:
        return dated
    words = re.findall(r"[a-z]+", t.text.lower())
    pub, span = _span_of(published[:10]), dated.span
    x = _timex_root(ctx.doc, t)
    path = _reaches(x, anchors) if x is not None else None
    if not (words and words[-1] in _WEEKDAYS and set(words) <= _WEEKDAYS | {"on", "s"}) or pub is None \
            or span is None or path is None or not any(_plan_word(p) for p in path):
        return dated
    if span[0] < pub[0]:
        return _day(span[0] + timedelta(days=7))
    return dated


# A month named alone ("February", "late Feb.", "mid-January"), no year, no day.
_BARE_MONTH = re.compile(rf"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?{MONTH_RE}", re.IGNORECASE)


def _past_month(tok: Any, t: Timex, dated: _Dated, published: str | None, modality: str) -> _Dated:
    """ "... since talks failed at the summit held in February", in a December report: a month named without
    a year, for an act told in the past, is the one gone by. The time-expression component takes the nearest
    such month whatever the tense (its word-level tense cue misreads too many schedules: "has decided to
    admit them in early March"); the parse of the event's own verb is surer, and is asked only here."""
    pub = _span_of(published[:10]) if published else None
    info = MODALITY_TABLE[modality]
    if dated.precision != "month" or dated.span is None or pub is None or not dated.date or \
            not _BARE_MONTH.fullmatch(t.text.strip()):
        return dated
    if _month_ahead(tok, t):
        # "voted to strike in June", in a March report: the coming June, whichever the tense cue chose, when
        # it is the nearer of the two ("figures for February" in March stay last month's)
        ahead = f"{int(dated.date[:4]) + 1:04d}{dated.date[4:]}"
        later = _span_of(ahead)
        if dated.span[1] >= pub[0] or later is None or (later[0] - pub[1]).days >= (pub[0] - dated.span[1]).days:
            return dated
        return _Dated(ahead, dated.precision, dated.source, later)
    if dated.span[0] <= pub[1] or not (info.polarity == "positive" or info.background) or not past_tense(tok):
        return dated
    back = f"{int(dated.date[:4]) - 1:04d}{dated.date[4:]}"
    return _Dated(back, dated.precision, dated.source, _span_of(back))


# Verbs whose "to" complement is done after them, if at all ("agreed to withdraw by April"); "tried to flee
# in February" is not among them: the attempt and the flight share their time.
_AHEAD_VERBS = frozenset({"plan", "intend", "aim", "prepare", "schedule", "seek", "want", "hope", "expect",
                          "propose", "set", "vow", "pledge", "promise", "decide", "agree", "resolve", "threaten",
                          "vote", "order", "urge", "call", "ask", "offer"})


def _month_ahead(tok: Any, t: Timex) -> bool:
    """Is the month that of something still to come, though the trigger is told in the past? "called a
    national strike for April" (a month a thing is set for), "agreed to withdraw from the city by April",
    "approved a plan to hold elections in October" (the month of an infinitive an agreement or a plan
    governs). The month's own verb decides, not the trigger's tense."""
    x = _timex_root(tok.doc, t)
    if x is None:
        return False
    if x.dep_ == "pobj" and x.head.lower_ == "for":
        return True
    for _ in range(5):
        if x.head == x:
            return False
        x = x.head
        if x.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            gov = x.head
            return gov.pos_ == "NOUN" and gov.lemma_.lower() not in ("attempt", "effort", "bid") or \
                gov.lemma_.lower() in _AHEAD_VERBS
        if x.tag_ in ("VBD", "VBZ", "VBP"):
            return False
    return False


_BACKGROUND_DAYS = BACKGROUND_DAYS  # a happening dated this long before the report is background (timex_narrative)


def _long_before(dated: _Dated, published: str | None) -> bool:
    """Did the text's own date for the event end well before the report came out?"""
    pub = _span_of(published[:10]) if published else None
    if dated.source != "text" or dated.span is None or pub is None:
        return False
    return (pub[0] - dated.span[1]).days >= _BACKGROUND_DAYS


# A stretch of time that began this many days before the report, or more, is a backdrop ("since 2011", "in the
# last few years"); a recent one ("since January", "over the past month") is the news.
_LONG_RUNNING_DAYS = 365


def _long_running(dated: _Dated, published: str | None) -> bool:
    pub = _span_of(published[:10]) if published else None
    if dated.source != "period" or dated.span is None or pub is None:
        return False
    return (pub[0] - dated.span[0]).days >= _LONG_RUNNING_DAYS


def _mark_background(events: list[EventMention], dated: list[_Dated]) -> None:
    """A happening dated clearly before one of the same type the article already reported is background
    ("The launch came a week after North Korea fired two missiles", "Last week's launch had also ...").
    Only days read from the text count for the earlier one: a publication date says nothing of when."""
    for i, m in enumerate(events):
        span = dated[i].span
        if m.modality not in ("asserted", "reported") or dated[i].source != "text" or span is None:
            continue
        for j in range(i):
            lead, lead_span = events[j], dated[j].span
            if lead.event_type != m.event_type or lead_span is None or lead.modality not in (
                    "asserted", "reported", "claimed"):
                continue
            if span[1] < lead_span[0] and (lead_span[0] - span[0]).days >= _MIN_BACKGROUND_DAYS:
                m.modality = "historical"
                break
