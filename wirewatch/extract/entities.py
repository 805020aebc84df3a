"""The "entities" component: spaCy NER, cleaned and completed, resolved to canonical entities.

Pipeline per article:
1. candidate spans = spaCy entities + lexicon matches (aliases.yaml, country names, demonyms) + all-caps
   acronyms + bare surnames of people named in full elsewhere in the article ("Kim", "Pak");
2. clean each span (leading "the", possessive 's, trailing punctuation, leading titles -> Entity.titles);
3. resolve: demonym -> its country, capital used as a government ("Washington said") -> its country,
   acronym -> the organisation it abbreviates, surname -> the full name, lexicon alias -> lexicon entry;
4. id = kind + folded canonical name, so the same entity gets the same id in every article.
The corrected spans are written back to `doc.ents`, so later components see the same entities.

The steps live in modules of their own; this one runs them in order:
  entity_candidates  NER and lexicon spans, trimmed; split, repeated and overlapping spans repaired
  entity_headlines   names in title-case headlines that run on into the verb
  entity_clubs       sports clubs named after their city
  entity_people      persons NER missed or cut (titled, Korean, particled, hyphenated names; bare surnames)
  entity_places      places by context (datelines, facilities, governments, qualifiers after a comma)
  entity_filters     spans that name nothing (URLs, codes, role acronyms, shouted words, quoted titles)
  entity_aliases     short forms and other names an article declares
  entity_descriptions  definite descriptions ("the council", "the president") as aliases
  entity_roles       a person's titles and country from the words around the name
  entity_resolver    spans to mentions and entities
  entity_names       name keys, stable ids, short forms, initials
  entity_words       word lists that say what kind of thing a name is
  entity_gender      a person's gender from a title or a given name
  entity_union       one run's entities united by id (entity_merge joins them across runs)
"""

from __future__ import annotations

from ..model import Article
from .entity_aliases import (
    add_declared_spans,
    declared_short_forms,
    initialled_names,
    long_names_by_context,
    named_as,
    one_label_per_name,
    repair_person_spans,
    word_positions,
)
from .entity_candidates import (
    _candidate_spans,
    _capitalised_or_known,
    _no_overlaps,
    _outlet_names,
    _rejoin_split_names,
    _repeated_names,
    _repeated_texts,
    _trim,
    _write_back,
)
from .entity_clubs import _club_name
from .entity_descriptions import description_aliases, title_descriptions
from .entity_filters import _URL, _junk, _without_quoted_titles, url_ranges
from .entity_gender import given_name_gender, person_gender, title_gender
from .entity_headlines import _headline_words, headline_line
from .entity_names import (
    _ARTICLE_PARTICLES,
    _PARTICLE,
    _STOP_INITIALS,
    NAME_SUFFIXES,
    clean_name,
    core_words,
    entity_id,
    name_key,
    name_words,
    short_forms,
)
from .entity_people import _add_missed, _hyphenated_surnames
from .entity_places import (
    _country_government,
    _datelines,
    _demonym_head,
    _facility_names,
    _place_qualifiers,
    _places_by_context,
    _shouted_place,
)
from .entity_resolver import _Resolver
from .entity_span import ENTITY_LABELS, _Span
from .entity_titles import leading_titles
from .entity_union import merge_entities
from .entity_words import _STREET_WORDS, STREET_WORDS, any_countrys_body, generic_institution, looks_like_person
from .nlp import doc_text, get_nlp, span_text

# Names other modules and the tests import from here (the component's public face).
__all__ = [
    "ENTITY_LABELS", "NAME_SUFFIXES", "STREET_WORDS", "EntitiesComponent", "_ARTICLE_PARTICLES", "_PARTICLE",
    "_STOP_INITIALS", "_STREET_WORDS", "_URL", "_Span", "_candidate_spans", "_hyphenated_surnames",
    "any_countrys_body", "clean_name", "core_words", "entity_id", "generic_institution", "given_name_gender",
    "headline_line", "looks_like_person", "merge_entities", "name_key", "name_words", "person_gender",
    "short_forms", "title_gender",
]


class EntitiesComponent:
    """doc -> entity_mentions, entities (one Entity per id within the article)."""

    name = "entities"
    reads: tuple[str, ...] = ("doc", "text", "id")
    writes: tuple[str, ...] = ("entity_mentions", "entities")

    def __call__(self, article: Article) -> Article:
        doc = article.doc if article.doc is not None else get_nlp()(article.text or "")
        article.doc = doc
        spans = [t for t in (_trim(doc, sp) for sp in _candidate_spans(doc)) if t is not None]
        spans = _headline_words(doc, spans)
        repeated = _repeated_texts(doc, spans)
        spans = _rejoin_split_names(doc, spans)
        spans = [_club_name(doc, sp, repeated) for sp in spans]
        spans = repair_person_spans(doc, spans, list(doc.ents))
        spans = _add_missed(doc, spans)
        for sp in spans:
            if sp.label == "PERSON":
                sp.titles[:0] = [t for t in leading_titles(doc, sp.start)[1] if t not in sp.titles]
        spans = _datelines(doc, spans)
        spans = [_shouted_place(doc, sp) for sp in spans]
        spans = _places_by_context(doc, spans)
        spans = _repeated_names(doc, spans)
        spans = _facility_names(doc, spans)
        spans = [_country_government(doc, _demonym_head(doc, sp)) for sp in spans]
        spans = _no_overlaps(spans)
        _outlet_names(doc, spans, article.outlet)
        text = doc_text(doc)  # built once: Doc.text joins every token, so per span it made this quadratic
        urls = url_ranges(text)
        person_words = frozenset(t.text for sp in spans if sp.label == "PERSON" and sp.end - sp.start >= 2
                                 for t in doc[sp.start:sp.end])  # "Guterres' spokesman" is no plural
        spans = [sp for sp in spans if not _junk(doc, sp, urls, text, person_words)
                 and any(ch.isalnum() for ch in clean_name(span_text(doc, sp.start, sp.end)))]  # a name has a letter
        spans = _without_quoted_titles(doc, spans)
        at = word_positions(doc)  # "the", "known", "(": found once for the passes of entity_aliases
        spans = initialled_names(doc, long_names_by_context(doc, spans, at), at)
        # "the waters off its east coast", "a member of parliament's committee": no capital, no name - unless
        # it repeats a name the article spells with capitals ("defense ministry") or the lexicon knows it
        named = {name_key(span_text(doc, sp.start, sp.end)) for sp in spans
                 if any(c.isupper() for c in span_text(doc, sp.start, sp.end))}
        spans = [sp for sp in spans if _capitalised_or_known(span_text(doc, sp.start, sp.end), named)]
        declared = declared_short_forms(doc, spans)
        for form, owner in named_as(doc, spans, at).items():
            declared.setdefault(form, owner)
        spans = add_declared_spans(doc, spans, declared)
        one_label_per_name(doc, spans, name_key)
        _place_qualifiers(doc, spans)
        res = _Resolver(article, doc)
        res.declared = {form: (spans_sp.start, spans_sp.end) for form, spans_sp in declared.items()}
        res.run(spans)
        countries = {e.id for e in res.entities.values()
                     if e.kind == "GPE" and e.country and res.gaz.country_name(e.country) == e.name}
        person_titles = {e.id: e.titles for e in res.entities.values() if e.kind == "PERSON" and e.titles}
        ids = [m.entity_id for m in res.mentions]
        for alias, eid in description_aliases(doc, spans, ids, countries, at) + \
                title_descriptions(doc, spans, ids, person_titles, at):
            if alias not in res.entities[eid].aliases:
                res.entities[eid].aliases.append(alias)
        article.entity_mentions = res.mentions
        article.entities = list(res.entities.values())
        _write_back(doc, spans)
        return article
