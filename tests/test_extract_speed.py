"""Speed rewrites of extraction helpers decide exactly what the plain versions decided.

Each fast path is checked against the straightforward code it replaced, and per-process memos are checked
not to carry one article's names into the next.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from wirewatch.extract import extraction_components
from wirewatch.extract.entities import _hyphenated_surnames
from wirewatch.extract.gazetteer import fold
from wirewatch.extract.nlp import get_nlp
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _slow_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'").replace("\u2018", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def _hyphenated_by_slicing(doc: Any, parts: set[str], taken: set[int]) -> list[tuple[int, int]]:
    """The loop `_hyphenated_surnames` replaced: a Span sliced for every token and length up to six; the
    occurrences taken in the text's order (the earliest, then the longest), not the set's."""
    cands = set()
    for part in (p for p in parts if "-" in p):
        for i in range(len(doc) - 2):
            j = next((j for j in range(i + 1, min(len(doc), i + 6) + 1) if doc[i:j].text == part), None)
            if j is not None:
                cands.add((i, j))
    out = []
    for i, j in sorted(cands, key=lambda c: (c[0], -c[1])):
        if not any(k in taken for k in range(i, j)):
            out.append((i, j))
            taken.update(range(i, j))
    return out


@pytest.mark.parametrize("s", ["Kim Jong-un", "  The  U.S.\tArmy ", "KCNA", "", "al-Sisi's", "Hamhŭng",
                               "Workers\u2019 Party", "Ærø", "ﬁnance"])
def test_fold_fast_path_matches_the_unicode_path(s: str) -> None:
    assert fold(s) == _slow_fold(s)


TEXTS = [
    "Anna Varga-Holm said on Monday that Varga-Holm would stay. Varga - Holm was not there.",
    "Gen. Abdel Fattah el-Sisi met Mohamed al-Sisi-Varga in Cairo; el-Sisi spoke first.",
    "a-b-c-d-e-f-g-h and a-b-c, then x-y at the very end x-y",
    "Lee Chol-su and Lee Chol-su's aide, Chol-su",
]
PARTS = [{"Varga-Holm", "Holm"}, {"el-Sisi", "al-Sisi-Varga", "Sisi-Varga"},
         {"a-b-c-d-e-f-g-h", "a-b-c", "b-c-d", "x-y"}, {"Chol-su", "Lee Chol-su", "su's"}]


@pytest.mark.parametrize("taken", [set(), {1, 2}, {0, 5, 9, 10}])
def test_hyphenated_surnames_match_span_slicing(taken: set[int]) -> None:
    for doc, parts in zip(get_nlp().pipe(TEXTS), PARTS, strict=True):
        fast_taken, slow_taken = set(taken), set(taken)
        assert _hyphenated_surnames(doc, parts, fast_taken) == _hyphenated_by_slicing(doc, parts, slow_taken)
        assert fast_taken == slow_taken


def test_a_surname_named_in_one_article_is_not_found_in_the_next() -> None:
    pipe = Pipeline(extraction_components())
    text = "Police arrested Anna Varga-Holm on Monday. Varga-Holm denied the charges, her lawyer said."
    first = pipe.run(Article(id="a", text=text))
    assert [(m.text, m.entity_id) for m in first.entity_mentions] == [
        ("Anna Varga-Holm", "person:anna-varga-holm"), ("Varga-Holm", "person:anna-varga-holm")]
    # no full name in this report introduces the surname: what the first article named does not carry over
    second = pipe.run(Article(id="b", text="Prices rose. Varga-Holm was not mentioned by anyone here."))
    assert second.entity_mentions == []
    again = pipe.run(Article(id="c", text=text))
    assert [(m.text, m.entity_id) for m in again.entity_mentions] == \
        [(m.text, m.entity_id) for m in first.entity_mentions]


def test_url_ranges_match_the_plain_scan() -> None:
    from wirewatch.extract.entities import _URL
    from wirewatch.extract.entity_filters import url_ranges

    for text in ["no address here at all.", "see www.example.com/a?b=1 and http://x.org", "24/7 and/or 1/2",
                 "the page.html, a.php file; site.comet is no .com", "/ // a/", ""]:
        assert url_ranges(text) == [(m.start(), m.end()) for m in _URL.finditer(text) if len(m.group(0)) > 1]


def _quote_spans_by_character(text: str, offset: int, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    from wirewatch.extract.attribution import _CLOSE, _OPEN, _TOGGLE, _opens

    spans: list[tuple[int, int]] = []
    is_open, start = open_at_start, offset
    for i, ch in enumerate(text):
        if ch not in (_OPEN, _CLOSE, _TOGGLE):
            continue
        if _opens(text, i, is_open):
            if not is_open:
                start = offset + i
            is_open = True
        else:
            if is_open:
                spans.append((start, offset + i + 1))
            is_open = False
    if is_open:
        spans.append((start, offset + len(text)))
    return spans, is_open


@pytest.mark.parametrize("text", ['"We will fight," he said. "Never."', "\u201cOpen and \u201cnested\u201d\u201d",
                                  'a "toggle "twice" end', "no quotes", '"', "he said: \u201cstill open"])
@pytest.mark.parametrize("open_at_start", [False, True])
def test_quote_spans_match_the_character_scan(text: str, open_at_start: bool) -> None:
    from wirewatch.extract.attribution import quote_spans

    assert quote_spans(text, 7, open_at_start) == _quote_spans_by_character(text, 7, open_at_start)


def test_span_text_is_the_span_text_in_any_doc_asked_in_any_order() -> None:
    from wirewatch.extract.nlp import LONG_TEXT, parse_long, span_text

    nlp = get_nlp()
    one, two = nlp("Anna Varga-Holm met  U.N. envoys in Geneva.\n\nThey left."), nlp("Prices rose 3% on Monday .")
    # a long text is parsed in pieces joined into one Doc (no time budget here: the test wants every piece)
    long_doc, parsed, _ = parse_long(nlp, "Police arrested three men in Lagos. " * (LONG_TEXT // 30), budget_s=1e9)
    assert parsed > LONG_TEXT
    for _ in range(2):  # alternating docs: the kept text must always be the asked doc's
        for doc in (one, two, one, long_doc):
            n = len(doc)
            bounds = [(i, j) for i in range(min(n, 40)) for j in range(i, min(n, i + 8) + 1)]
            bounds += [(n - 5, n), (n // 2, n // 2 + 3), (0, n)]
            assert all(span_text(doc, i, j) == doc[i:j].text for i, j in bounds)


def test_repeats_of_names_are_found_in_each_article_alone() -> None:
    """_repeated_names (a lower-case repeat of an organisation) and add_declared_spans (every occurrence of a
    declared short form) read token texts once per doc: each article finds its own repeats, and only them."""
    pipe = Pipeline(extraction_components())
    first = pipe.run(Article(id="a", text="Lebanon's Defence Ministry said on Monday that the defense ministry "
                                          "would not comment. The Kivu Relief Alliance (KRA) said KRA staff left."))
    by_text = {m.text: m.entity_id for m in first.entity_mentions}
    assert by_text["defense ministry"] == by_text["Defence Ministry"]
    assert [m.text for m in first.entity_mentions].count("KRA") == 2
    assert by_text["KRA"] == by_text["Kivu Relief Alliance"]
    second = pipe.run(Article(id="b", text="The defense ministry said KRA staff left."))
    assert "Kivu Relief Alliance" not in {m.text for m in second.entity_mentions}
    assert all(m.entity_id != by_text["KRA"] for m in second.entity_mentions)
