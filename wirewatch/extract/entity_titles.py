"""Abbreviated titles and role words, for the entities component.

spaCy's tokenizer splits "Det. Sgt. Renata Oyelaran" into "Det", ".", "Sgt", ".", ...; the sentence splitter
then starts a sentence after each period and NER calls the bare abbreviation a PERSON ("Det"). US local
and court copy is full of them (Det., Sgt., Cpl., Capt., Lt., Atty., Supt., Gov., Rep.). Here:

- `is_title_abbreviation`: is the token one of these abbreviations (with its period, or the period as the
  next token)? Such a token alone is no entity;
- `leading_titles`: the abbreviated titles right before a person's name ("Det. Sgt." of "Det. Sgt. Renata
  Oyelaran") - they become the person's titles;
- `role_word`: a one-word "person" that is a role ("HOST:" of a transcript, "Staff" of "General Staff"
  once "General" was stripped as a title), not a name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .lexicon import lexicon

# Abbreviations of ranks and offices as AP style prints them before a name, besides those the lexicon's
# titles list ("sgt.", "gen.", "sen.", "dr."; lexicon.yaml is the one place of a title: `abbreviations`
# joins both). "Sr." is no title here: it is the father of "Jr." (entities.NAME_SUFFIXES).
TITLE_ABBREVIATIONS = frozenset({
    "det", "pvt", "pfc", "spc", "cmdr", "cdr", "insp", "supt", "atty", "asst", "rev", "prof", "amb", "pres", "ofc",
    "ofcr", "ald", "cmsr", "comm", "msgr", "dep", "sec", "treas", "hon", "sra", "lieut"})

# Titles of US local, court and religious copy that NER takes into the name ("Trooper Kyle Banks",
# "Superintendent Mark Vale"), besides the lexicon's titles (`person_title` joins both); not "Dean", "Major"
# or "Bishop", which are names as often as titles.
PERSON_TITLES = frozenset({
    "sheriff", "detective", "trooper", "councilman", "councilwoman", "councilor", "councillor",
    "superintendent", "rabbi", "imam", "pastor", "reverend", "professor", "coach", "inspector", "constable",
    "alderman", "magistrate", "coroner", "assemblyman", "assemblywoman", "congressman", "congresswoman",
    "district", "county", "police", "fire"})


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Every abbreviated title, without its period: `TITLE_ABBREVIATIONS` and the lexicon's ("sgt.")."""
    lex = lexicon()
    return TITLE_ABBREVIATIONS | {t.rstrip(".") for t in lex["titles"] | lex["title_prefixes"] if t.endswith(".")}


def person_title(word: str) -> bool:
    """A title NER may take into a person's name (lower case): `PERSON_TITLES` or one of the lexicon."""
    lex = lexicon()
    return word in PERSON_TITLES or word in lex["titles"] or word in lex["title_prefixes"]


# Roles written as acronyms ("Halvorsen CEO Priya Raman"): a title before a name, never an organisation.
ROLE_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO", "CIO", "CMO", "CSO", "VP", "EVP", "SVP"})


def _bare(tok: Any) -> str:
    return tok.text.rstrip(".").lower()


def is_title_abbreviation(doc: Any, i: int) -> bool:
    """ "Det." (one token) or "Det" followed by a period with no space between (two tokens)."""
    tok = doc[i]
    if not tok.text[:1].isupper() or _bare(tok) not in abbreviations():
        return False
    if tok.text.endswith("."):
        return True
    return not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text == "."


def abbreviation_end(doc: Any, i: int) -> int:
    """The token after an abbreviation starting at i (past its period when that is a token of its own)."""
    if doc[i].text.endswith("."):
        return i + 1
    return i + 2


def only_abbreviations(doc: Any, start: int, end: int) -> bool:
    """Is the span [start, end) nothing but abbreviated titles and their periods ("Det", "Sgt .")?"""
    i, seen = start, False
    while i < end:
        if doc[i].text == ".":
            i += 1
            continue
        if not is_title_abbreviation(doc, i):
            return False
        seen, i = True, abbreviation_end(doc, i)
    return seen


def ends_name(doc: Any, i: int) -> bool:
    """ "Hun Sen." before "Xi Jinping said": an abbreviation right after a word NER put in a person's name,
    with its period, is that name's last word (and the sentence's end), not the next person's title."""
    return i > 0 and doc[i].text.endswith(".") and doc[i - 1].ent_type_ == "PERSON" and bool(doc[i - 1].whitespace_) \
        and i + 1 < len(doc) and doc[i + 1].is_title


def leading_titles(doc: Any, start: int) -> tuple[int, list[str]]:
    """The abbreviated titles just before token `start` ("Det. Sgt." before "Renata"), as one title string
    per run, and the token where they begin (`start` when there are none)."""
    words: list[str] = []
    i = start
    while i > 0:
        j = i - 1
        if doc[j].text == "." and j > 0 and not doc[j - 1].whitespace_ and is_title_abbreviation(doc, j - 1):
            j -= 1
        elif not (doc[j].text.endswith(".") and is_title_abbreviation(doc, j)):
            break
        if ends_name(doc, j):
            break
        words.insert(0, doc[j].text.rstrip(".") + ".")
        i = j
    return i, ([" ".join(words)] if words else [])


def role_word(tok: Any) -> bool:
    """A word that names what someone does, not who they are: a title or a human noun of the lexicon
    ("Staff", "Host", "Chief"), or an abbreviated title."""
    lex = lexicon()
    low = tok.text.rstrip(".").lower()
    lemma = tok.lemma_.lower()
    return low in abbreviations() or any(w in lex["titles"] or w in lex["human_nouns"] for w in (low, lemma))


def speaker_label(doc: Any, tok: Any) -> bool:
    """ "HOST:" / "CORRESPONDENT:" at the start of a line of a transcript: who speaks, by role (a word whose
    commonest sense is a person, WordNet's noun.person, or a role word); "TRUMP:" is a name and stays."""
    from .wordclass import classes

    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    line_start = tok.i == 0 or "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_
    if not (tok.is_upper and nxt is not None and nxt.text == ":" and line_start):
        return False
    return role_word(tok) or classes(tok.lower_, "n")[:1] == ("person",)
