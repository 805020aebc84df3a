"""Whom a sentence credits, and how far a quotation carries its speaker.

A source is credited by the clause its verb of saying governs ("KCNA said the North fired ...", "...,
officials said", "according to X"; see `modality.presentation`). Nothing carries to the next sentence
except inside a quotation: 'Reyes said: "Hooks is dangerous. He fired twice."' - the second sentence is
still Reyes speaking; so is a quotation whose speaker comes at its end ('"... He fired twice," Reyes
said.'), and one that opens right after a closed quotation of the same speaker with no speaker of its own
('"...," he said. "Seven others were killed."' - newsroom style).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..model import EventMention
from .arguments import ArticleContext
from .lexicon import lexicon
from .triggers import Trigger

_OPEN, _CLOSE, _TOGGLE = "\u201c", "\u201d", '"'
_QUOTE_MARK = re.compile(f"[{_OPEN}{_CLOSE}{_TOGGLE}]")
# Verbal types that a saying never is by itself: "Rubio said ... talks Tuesday" is no meeting of Rubio's.
_NOT_SPEECH_ACTS = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def saying_verbs(claims: bool = True) -> frozenset[str]:
    """Verbs of saying ("say", "report", "tell"), with the verbs of claiming ("accuse", "charge") unless
    `claims` is False (a charge brought is an act, not a statement of it)."""
    lex = lexicon()
    says = frozenset(lex["reporting_verbs"]) | frozenset(lex["attribution_verbs"])
    return says | frozenset(lex["claim_verbs"]) if claims else says


def past_the_speaker(trig: Trigger, verbal: bool) -> Trigger:
    """A proposed event hung on a sentence's main verb: when that verb is one of saying ("Witnesses
    reported Israeli forces fired ...", "..., says the commissioner"), the event is the content it governs,
    not the saying (which credits the source instead). A verbal act (ACCUSE, REQUEST) is the saying itself,
    unless it is one no saying performs (a meeting, an agreement, cooperation)."""
    if verbal and trig.type not in _NOT_SPEECH_ACTS:
        return trig
    says = saying_verbs()
    tok, steps = trig.tok, 0
    while tok.lemma_.lower() in says and steps < 3:
        content = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")),
                       None)
        if content is None:
            break
        tok, steps = content, steps + 1
    return trig if tok is trig.tok else replace(trig, tok=tok)


def _opens(text: str, i: int, is_open: bool) -> bool:
    """Does the quotation mark at `i` open a quotation? Curly marks say so; a straight one opens when it
    follows a space (or the start) and precedes a word, closes when it follows a word, and else toggles."""
    ch = text[i]
    if ch in (_OPEN, _CLOSE):
        return ch == _OPEN
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([-\u2014") and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)\u2014"):
        return False
    return not is_open


def quote_spans(text: str, offset: int, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character ranges (absolute offsets) of `text` that lie inside quotation marks, given whether a
    quotation was open before it; and whether one is still open at its end."""
    spans: list[tuple[int, int]] = []
    is_open, start = open_at_start, offset
    for m in _QUOTE_MARK.finditer(text):  # the marks only, not every character of the sentence
        i = m.start()
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


def quote_speaker(sent: Any, ctx: ArticleContext, inside: list[tuple[int, int]]) -> str | None:
    """The speaker a sentence names outside its quotation marks ('"...," Jesow said', 'said Mohamed
    Qoone, a resident', 'Rubio told reporters: "..."')."""
    from .modality import source_of

    says = saying_verbs()
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in says or any(s <= t.idx < e for s, e in inside):
            continue
        src = source_of(t, ctx)
        if src:
            return src
    return None


def sentence_source(sent: Any, ctx: ArticleContext) -> str | None:
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


def note_speaker(sent: Any, ctx: ArticleContext) -> None:
    """Remember who spoke last ("The General Staff ... said"), for "The statement" later on."""
    lex = lexicon()
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in lex["attribution_verbs"]:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() not in lex["report_nouns"]:
                speaker = ctx.actor(subj)
                if speaker is not None:
                    ctx.last_speaker, ctx.last_speaker_tok = speaker, subj


def named_issuers(report: Any, carriers: bool = False) -> Iterator[Any]:
    """The words a text names its issuer by, in the order its words give them: its possessor ("the ministry's
    statement", "its report"), the object of its "by" or "from" ("a statement by the Red Cross", "a report
    from Kabul") and the agent of a participle of issuing (lexicon `issuing_verbs`: "a communique issued by
    the ministry"; not "a statement carried by KCNA", the outlet that ran it, unless `carriers`: the source
    a reader has the text from). Callers judge which can be one: ArticleContext._issuer (who acts in the
    text's name) and modality's source of a report (whose word it is, `carriers`)."""
    from .arguments import agent

    verbs = lexicon()["issuing_verbs"]
    for c in report.children:
        if c.dep_ == "poss":
            yield c
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                yield obj
        elif c.dep_ == "acl" and c.tag_ == "VBN" and (carriers or c.lemma_.lower() in verbs):
            by = agent(c)
            if by is not None:
                yield by


def note_issuer(sent: Any, ctx: ArticleContext) -> None:
    """Remember who put out the article's statement ("The Arab League released a communique on Monday"), so
    that "The communique said ..." sentences later credit the League, not whoever spoke last ("Delegates
    said the talks were tense."). Kept as the article's running source, which "the statement" reads first."""
    from .arguments import subject
    from .modality import canonical_source

    lex = lexicon()
    nouns, says, issues = lex["report_nouns"], frozenset(lex["attribution_verbs"]), lex["issuing_verbs"]
    for t in sent:
        # "released a communique", and "the diplomats said in a joint statement": the statement is theirs
        said_in = t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.lemma_.lower() in says
        if t.lemma_.lower() in nouns and (t.dep_ == "dobj" and t.head.lemma_.lower() in issues or said_in):
            subj = subject(t.head.head if said_in else t.head)
            src = canonical_source(subj, ctx) if subj is not None and subj.pos_ != "PRON" else None
            if src:
                ctx.running_source = src
                return


class Quotation:
    """The quotation state of an article read sentence by sentence (see the module docstring)."""

    def __init__(self) -> None:
        self.open = False
        self.speaker: str | None = None  # of the quotation now open
        self.fallback: str | None = None  # the previous quotation's speaker, for one that names none
        self.last: str | None = None  # speaker of the quotation that closed in the previous sentence
        self.pending: list[EventMention] = []  # inside the quotation, before its speaker is known
        self.spans: list[tuple[int, int]] = []  # quoted ranges of the current sentence
        self._open_after = False

    def new_paragraph(self, text: str) -> None:
        if not text.startswith((_OPEN, _TOGGLE)):
            if self.open:
                self._resolve(self.fallback)
            self.open, self.speaker, self.fallback, self.last, self.pending = False, None, None, None, []

    def begin(self, text: str, start: int) -> None:
        """Read the quotation marks of the next sentence (stripped `text` at absolute offset `start`)."""
        self.spans, self._open_after = quote_spans(text, start, self.open)
        if not self.open and text.startswith((_OPEN, _TOGGLE)):
            self.fallback = self.last  # '"...," he said. "Seven others were killed."'

    def quoted(self, char: int | None) -> bool:
        return char is not None and any(s <= char < e for s, e in self.spans)

    def feed(self, named: str | None, inside: list[EventMention]) -> None:
        """After the sentence: `named` is the speaker it names outside quotation marks (through a verb of
        saying), `inside` the mentions without a source whose trigger is quoted."""
        if named and self.spans:
            self.speaker = self.speaker or named
        self.pending.extend(inside)
        if self.speaker:
            self._resolve(self.speaker)
        self.open = self._open_after
        if not self.open:
            if self.spans:
                self._resolve(self.fallback)
            # The next sentence's quotation, if it names no speaker, is this one's speaker's: the one
            # quoted here, or the one this sentence reports ('Whitlock said ... . "Deputies detained him."')
            self.last = (self.speaker or self.fallback) if self.spans else named
            self.speaker, self.fallback, self.pending = None, None, []

    def _resolve(self, speaker: str | None) -> None:
        if speaker:
            for m in self.pending:
                quoted_by(m, speaker)
        self.pending = []


def quoted_by(m: EventMention, speaker: str) -> None:
    if not m.attributed_to:
        m.attributed_to = speaker
        if m.modality == "asserted":
            m.modality = "reported"
