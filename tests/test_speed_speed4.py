"""h/speed4: the caches that save whole-doc passes return exactly what the uncached calls do."""

from __future__ import annotations

from wirewatch.extract import nlp as nlp_mod
from wirewatch.extract.nlp import ParseComponent, doc_text, parse_long, span_text
from wirewatch.model import Article

# Styles the project's corpora do not use: a court ruling with a guarded run of punctuation, a sports wire.
TEXTS = [
    "THE HAGUE — Judges at the tribunal on Wednesday ordered the release of two former militia commanders"
    " !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! pending appeal.\n\nProsecutors said they would contest the ruling.",
    "Lisbon's harbour pilots walked off the job at dawn; ferry crossings to Barreiro were cancelled until noon.",
]


def test_parse_component_primes_the_doc_text_with_what_spacy_saw() -> None:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]
    for art in ParseComponent().pipe(arts):
        doc = art.doc
        assert doc_text(doc) == doc.text  # the primed text is the doc's own
        assert span_text(doc, 1, 4) == doc[1:4].text
        assert all(art.text[s.start:s.end] == s.text for s in art.sentences)


def test_one_article_call_primes_it_too() -> None:
    art = ParseComponent()(Article(id="one", text=TEXTS[1]))
    assert art.doc.user_data[nlp_mod._TEXT_KEY] == art.doc.text


def test_a_doc_from_elsewhere_gets_its_text_computed_once() -> None:
    doc = nlp_mod.get_nlp()(TEXTS[1])
    assert nlp_mod._TEXT_KEY not in doc.user_data
    assert doc_text(doc) == doc.text
    assert doc.user_data[nlp_mod._TEXT_KEY] == doc.text


def test_long_text_pieces_keep_the_joined_text() -> None:
    text = " ".join(TEXTS * 80)  # over CHUNK_CHARS: two pieces joined
    doc, parsed, stop = parse_long(nlp_mod.get_nlp(), text, budget_s=1e9)
    assert stop is None and parsed == len(text)
    assert doc_text(doc) == doc.text == text
