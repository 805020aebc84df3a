"""Two speech acts that look like event triggers and report none (issue 10, round 12; asked by noise.no_event):

- a question: "ask" in its sense of putting a question ("'Who benefits?' she asked", "Bugajski asked.",
  "asked whether the talks would resume") is no REQUEST; a request names what is asked for or of whom
  ("asked for help", "asked the court to intervene", "asked that the vote be delayed", "asked permission");
- a direction to the reader: an imperative of the narration, outside any quotation, after a fronted "for"
  phrase of what the reader wants ("For a full list, visit ProPublica", "For more information, call ...")
  tells the reader what to do; it is no party's act. A bare base verb is not enough: the training quotes are
  full of clause fragments ("urge the government to ...", "demand a cut of the revenue": 33 of 33 of their
  labelled type), and an imperative inside a quotation ("'Stop the killing,' the crowd chanted") is what
  someone demanded;
- a question of the narration (round 13): a sentence outside any quotation that asks ("Does Trump see China as
  a threat?", "Will the talks resume?", "Why did the army withdraw?"), its verb inverted after an auxiliary or
  opened by a wh-word, reports no happening: it announces what the report goes on to weigh;
- a web address: a JSON record's text is kept as given, so an address line at its top ("http: / / www.
  example. com / news / three - killed - as - rioters - bomb - bank") is parsed like a sentence and its slug
  words read as triggers (judged rounds 10 and 11: 3 of 100 rows). The ranges are entity_filters'
  `web_address_ranges`: an address in any case, not a word with a slash ("attacked/raided").
"""

from __future__ import annotations

import bisect
from typing import Any

from . import wordclass
from .arguments import QUOTES
from .entity_filters import web_address_ranges
from .nlp import doc_text

_WH_MARKS = frozenset({"whether", "if", "why", "how", "what", "who", "whom", "when", "where", "which"})


_URL_RANGES_KEY = "wirewatch.url_ranges"  # Doc.user_data key: the doc's address ranges, scanned once a doc


def in_web_address(tok: Any) -> bool:
    """Is `tok` a word of a web address in its text (an address line or an inline URL)? Asked of every
    trigger, so the doc's text comes from `doc_text` (Doc.text walks every token) and its ranges are kept
    with the doc, as `doc_text` keeps the text."""
    ranges = tok.doc.user_data.get(_URL_RANGES_KEY)
    if ranges is None:
        ranges = web_address_ranges(doc_text(tok.doc))
        tok.doc.user_data[_URL_RANGES_KEY] = ranges
    i = bisect.bisect_right(ranges, (tok.idx, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= tok.idx < ranges[i][1]


def asked_question(verb: Any) -> bool:
    """Is `verb` "ask" putting a question, direct or indirect, rather than asking for something? A question
    shows: the content clause is one ("asked whether ...", "What has a child, she asked"), or the verb has
    a subject and nothing else ("Bugajski asked.", after the question it closes). "Asked the U.N. that ..."
    with its content cut off, or "the Democrats' asks", are no questions (clause fragments of the training
    quotes)."""
    if verb.lemma_.lower() != "ask" or verb.pos_ != "VERB":
        return False
    question = bare = addressed = False
    for c in verb.children:
        if c.dep_ in ("xcomp", "dative", "dep", "attr", "oprd", "poss", "prt"):
            return False  # "asked him to resign", "asked them a favour"
        if c.dep_ == "prep" and c.lower_ in ("for", "of"):
            return False  # "asked for help", "asked of Congress"
        if c.dep_ == "dobj":
            if not _person(c):
                return False  # "asked permission", "asked the release of ..."
            addressed = True  # "asked the minister whether ...", the inverted "..., asked the minister."
        if c.dep_ in ("ccomp", "parataxis"):
            if not _question_clause(c):
                return False  # "asked that the vote be delayed"
            question = True
        if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in ("if", "whether")
                                                       for m in c.children):
            question = True  # "when asked by reporters if the army would withdraw": the parser's advcl
        question = question or c.text == "?" and c.i < verb.i  # '"Who benefits?" she asked': the mark hangs on the verb
        bare = bare or c.dep_ in ("nsubj", "nsubjpass")
    return question or bare and not addressed and verb.i + 1 < len(verb.doc) and verb.nbor().is_punct


def _person(noun: Any) -> bool:
    return noun.pos_ in ("PRON", "PROPN") or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or \
        bool({"person", "group"} & set(wordclass.classes(noun.lemma_.lower(), "n")[:2]))


def _question_clause(clause: Any) -> bool:
    """A content clause that is a question: a wh-word or whether/if opens it, or it ends on '?'."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    if first.lower_ in _WH_MARKS or any(t.lower_ in _WH_MARKS and t.dep_ == "mark" for t in clause.children):
        return True
    return any(t.text == "?" for t in clause.subtree)


def reader_direction(verb: Any) -> bool:
    """Is `verb` the root of an imperative of the narration (no subject, base form, no quotation marks in its
    sentence) after a fronted "for" phrase?"""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i for c in verb.children):
        return False
    return not any(t.text in QUOTES for t in verb.sent)


def narrated_question(verb: Any) -> bool:
    """Is `verb` the root of a direct question of the narration: the sentence ends on '?', has no quotation
    marks, and an auxiliary comes before the subject ("Does Trump see ...?") or a wh-word opens it?"""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
        return False
    words = [t for t in verb.sent if not t.is_space]
    if not words or words[-1].text != "?" or any(t.text in QUOTES for t in words):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return False
    inverted = any(c.dep_ in ("aux", "auxpass") and c.i < subj.i for c in verb.children)
    return inverted or words[0].lower_ in _WH_MARKS - {"whether", "if"}
