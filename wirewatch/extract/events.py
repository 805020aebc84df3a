"""The "events" component: triggers -> EventMentions with actors, recipients, modality, attribution,
date, location and quantities.

Reads `doc` (parse), `entity_mentions`/`entities` (entities component), `timexes` (timex component) and
`published`. Dates come only from the text or the publication date, never guessed (see `_date`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from ..model import Actor, Article, EventMention, Timex
from .arguments import ArticleContext, agent, subject
from .lexicon import lexicon
from .modality import Presentation, presentation
from .nlp import get_nlp
from .ontology import Ontology, load_ontology
from .participants import from_phrase, noun_arguments, verb_recipient, without
from .refine import (
    abroad,
    capital_as_state,
    contexts_of,
    fallback_actors,
    fired_at_other_country,
    joint,
    mode_of,
    np_countries,
)
from .triggers import Trigger, find_triggers

_PAST_PRESENT = frozenset({"VBD", "VBZ", "VBP", "VBN"})
_timex_fn: Callable[[Timex], tuple[str | None, str | None]] | None = None


def timex_date(t: Timex) -> tuple[str | None, str | None]:
    """(date prefix, precision) of a timex: the timex module's function when present, else read off the
    TIMEX3 value (YYYY-MM-DD / YYYY-MM / YYYY / YYYY-Www)."""
    global _timex_fn
    if _timex_fn is None:
        try:
            from .timex import timex_date_and_precision  # written in parallel; optional until it lands

            _timex_fn = timex_date_and_precision
        except ImportError:
            _timex_fn = _fallback_timex_date
    return _timex_fn(t)


def _fallback_timex_date(t: Timex) -> tuple[str | None, str | None]:
    v = t.value or ""
    if t.type not in ("DATE", "TIME"):
        return None, None
    for pattern, prec in ((r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-W\d{2}", "week"), (r"\d{4}-\d{2}", "month"),
                          (r"\d{4}", "year")):
        m = re.match(pattern, v)
        if m:
            return m.group(0), t.precision or prec
    return None, None


class EventsComponent:
    """doc, entity_mentions, timexes, published -> events."""

    name = "events"
    reads: tuple[str, ...] = ("doc", "entity_mentions", "entities", "timexes", "published", "id")
    writes: tuple[str, ...] = ("events",)

    def __init__(self, ontology: Ontology | None = None, ontology_path: str | None = None) -> None:
        self.ontology = ontology or load_ontology(ontology_path)

    def __call__(self, article: Article) -> Article:
        doc = article.doc if article.doc is not None else get_nlp()(article.text or "")
        article.doc = doc
        ctx = ArticleContext(article, doc)
        paragraphs = [m.end() for m in re.finditer(r"\n\s*\n", article.text or "")]
        events: list[EventMention] = []
        # (paragraph, source, actors it was quoted about) of the previous sentence, if it named a source
        prev: tuple[int, str, set[str]] | None = None
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            para = bisect.bisect_right(paragraphs, sent.start_char)
            same_para = prev is not None and prev[0] == para
            named: str | None = None
            quoted_about: set[str] = set()
            for trig in find_triggers(sent, self.ontology):
                if trig.suppressed:
                    continue
                m, pres = self._mention(article, ctx, sent, trig)
                if m is None:
                    continue
                ids = {a.entity_id or a.name for a in m.actor}
                if pres.reporting and pres.source:
                    named = named or pres.source
                    quoted_about |= ids
                elif prev is not None and same_para and not m.attributed_to and m.modality == "asserted" \
                        and ids & prev[2]:
                    # The sentence goes on about what the previous one quoted ("State media reported that
                    # Kim called for ... . Kim's remarks came during his inspection ...").
                    m.attributed_to, m.modality = prev[1], "reported"
                events.append(m)
            named = named or _sentence_source(sent, ctx)
            _note_speaker(sent, ctx)
            prev = (para, named, quoted_about) if named else None
            if named and (named == ctx.state_media_name() or named == "state media" or
                          named in {e.name for e in article.entities if e.kind == "ORG"}):
                ctx.running_source = named
        article.events = events
        return article

    # ------------------------------------------------------------------ one mention
    def _mention(self, article: Article, ctx: ArticleContext, sent: Any,
                 trig: Trigger) -> tuple[EventMention | None, Presentation]:
        onto, tok = self.ontology, trig.tok
        etype = trig.type
        actors, recipients, clause = self._arguments(ctx, trig)
        lemma = tok.lemma_.lower()
        if not actors:
            actors = fallback_actors(ctx, trig, etype)
        if etype == "MOBILIZE" and (joint(tok) or len({a.country for a in actors if a.country}) >= 2 or
                                    len(np_countries(ctx, actors)) >= 2):
            etype = "COOPERATE"  # joint drills of two countries' forces
        if etype == "MOBILIZE" and fired_at_other_country(ctx, tok, actors):
            etype = "ASSAULT"  # "fired shells near South Korea's Yeonpyeong Island": not a test
        if etype == "MOBILIZE" and not actors and abroad(ctx, tok, actors):
            # "(munitions) for deployment to Russia": arms going to another country are military aid
            # (PLOVER AID). With a known actor ("Russia will deploy bombers to Belarus") it stays a move.
            etype = "AID"
        # A capital as a participant is its government ("urged Pyongyang", "visited Beijing": China hosts);
        # as a place it stays a city (see `location`).
        actors = [capital_as_state(a) for a in actors]
        recipients = [capital_as_state(r) for r in recipients]
        spec = onto.types.get(etype)
        if spec is not None and not spec.recipient:
            recipients = []
        if spec is not None and spec.verbal and not actors and not recipients:
            return None, Presentation()  # "were discussed": a verbal act nobody performed tells nothing
        stext = text_span = sent.text
        lead = len(text_span) - len(text_span.lstrip())
        start = sent.start_char + lead
        stext = text_span.strip()
        timexes = [t for t in article.timexes if start <= t.start < start + len(stext)]
        pres = presentation(tok, etype, trig.embed, ctx, sent, [t.text for t in timexes])
        if trig.negated and pres.modality not in ("denied",):
            pres.bump("negated")
        if trig.promised and pres.modality == "planned":
            pres.modality = "reported" if pres.source else "asserted"  # the promise itself happened
        date, precision = _date(ctx, trig, clause, timexes, article.published, pres.modality)
        from_published = date is not None and not any(timex_date(t)[0] == date for t in timexes)
        if date and article.published and date[:4].isdigit() and int(date[:4]) < int(article.published[:4]) - 1 \
                and pres.modality in ("asserted", "reported"):
            pres.modality = "historical"
        scope = ctx.clause_scope(tok)
        if clause is not None and clause != tok:
            scope += [t for t in ctx.clause_scope(clause) if t.i not in {x.i for x in scope}]
        exclude = {a.entity_id for a in actors + recipients if a.entity_id}
        m = EventMention(
            article_id=article.id, event_type=etype, sentence=stext, start=start, end=start + len(stext),
            trigger=tok.text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
            mode=mode_of(onto, etype, lemma, tok), context=contexts_of(onto, etype, sent),
            actor=actors, recipient=recipients, modality=pres.modality, attributed_to=pres.source,
            date=date, date_precision=precision, location=ctx.location(scope, exclude),
            date_from=None if date is None else ("published" if from_published else "text"),
            quantities=ctx.quantities(scope))
        if actors:
            ctx.last_subject = actors[0]
            ctx.last_actors[(etype, lemma)] = actors
        return m, pres

    def _arguments(self, ctx: ArticleContext, trig: Trigger) -> tuple[list[Actor], list[Actor], Any]:
        """(actors, recipients, clause verb) for a verb or an event noun."""
        tok = trig.tok
        if tok.pos_ in ("VERB", "AUX"):
            subj = subject(trig.actor_from if trig.actor_from is not None else tok)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            ag = agent(tok)
            actor_tok = ag if passive else subj  # a passive's subject is the one acted upon
            actors = ctx.actors(actor_tok)
            spec = self.ontology.types.get(trig.type)
            if spec is not None and tok.lemma_.lower() in spec.inverse:
                # "Russia bought shells from North Korea": North Korea gives, Russia receives.
                source = from_phrase(tok)
                return (ctx.actors(source) if source is not None else []), actors, tok
            recips = verb_recipient(ctx, tok, passive, {a.i for a in [actor_tok] if a is not None})
            return actors, without(recips, actors), tok
        actors, recips, clause = noun_arguments(ctx, tok, self.ontology)
        if trig.actor_from is not None:  # "ordered patrols": the one who ordered
            actors = ctx.actors(subject(trig.actor_from))
            recips = without(recips, actors)
        return actors, recips, clause


def _note_speaker(sent: Any, ctx: ArticleContext) -> None:
    """Remember who spoke last ("The General Staff ... said"), for "The statement" later on."""
    lex = lexicon()
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in lex["attribution_verbs"]:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() not in lex["report_nouns"]:
                speaker = ctx.actor(subj)
                if speaker is not None:
                    ctx.last_speaker = speaker


def _sentence_source(sent: Any, ctx: ArticleContext) -> str | None:
    """A source the sentence names even when it carries no event ("KCNA reported that ..." with no trigger)."""
    from .modality import source_of

    lex = lexicon()
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in lex["reporting_verbs"] and \
                any(c.dep_ in ("ccomp", "parataxis") for c in t.children):
            src = source_of(t, ctx)
            if src:
                return src
    return None


def _date(ctx: ArticleContext, trig: Trigger, clause: Any, timexes: list[Timex], published: str | None,
          modality: str) -> tuple[str | None, str | None]:
    """From a timex in the sentence (preferring one attached to the trigger or its clause); else the
    publication date for a past/present report of a real event; else null."""
    doc, tok = ctx.doc, trig.tok
    anchors = {tok.i} | ({clause.i} if clause is not None else set())
    root = tok.sent.root
    # The main clause's time ("On Tuesday, officials said troops had arrested ...") dates what it reports,
    # unless the trigger sits in its own dated clause.
    in_root_clause = any(x.i == tok.i for x in root.subtree)

    def rank(t: Timex) -> int | None:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return None
        x, steps = span.root, 0
        while x.head != x and steps < 3:
            x, steps = x.head, steps + 1
            if x.i in anchors:
                return 0
            if x.i == root.i and in_root_clause:
                return 1
        return None

    # Only a time expression on the trigger's clause (or the main clause) dates it; "objectives for the
    # year" inside an object does not.
    scored = [(r, t) for t in timexes if (r := rank(t)) is not None]
    ranked = [t for _, t in sorted(scored, key=lambda rt: (rt[0], abs(rt[1].start - tok.idx)))]
    for t in ranked:
        d, prec = timex_date(t)
        if d:
            return d, prec
    if published and modality not in ("planned", "hypothetical", "speculated", "negated", "historical"):
        verb = clause if clause is not None else tok
        if verb.tag_ in _PAST_PRESENT or any(c.tag_ in _PAST_PRESENT for c in verb.children
                                             if c.dep_ in ("aux", "auxpass")):
            return published[:10], "day"
    return None, None
