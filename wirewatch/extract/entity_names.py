"""A name's words, its folded key and stable id, its short forms and initials."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .entity_span import _Span
from .gazetteer import fold
from .timex_base import NUMBER_WORDS, words_to_number

# Words a name's initials skip ("Department of Justice" -> "DoJ", "Bring Back Our Girls" -> "BBOG").
INITIAL_STOPS = frozenset({"of", "the", "and", "for", "'s", "’s", "&", "de", "du", "la", "on", "in"})
_STOP_INITIALS = INITIAL_STOPS
# Lower-case words inside a person's name ("Lula da Silva", "Ludwig van Beethoven", "Mohammed bin Salman").
_NAME_PARTICLES = frozenset({"da", "de", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von",
                             "la", "le", "bin", "bint", "ibn", "ben", "al", "el", "y", "e", "zu", "ter", "ten"})
# The Arabic article's romanisations, written before a name with a hyphen ("al-Assad", "el-Sisi", "ul-Haq").
_ARTICLE_PARTICLES = frozenset({"al", "el", "ul", "ad", "ash", "as", "an", "ar", "az", "at"})
# British and American spellings of one name ("Defence Ministry", "defense ministry") are one entity.
_SPELLING = {"defence": "defense", "centre": "center", "programme": "program", "organisation": "organization",
             "labour": "labor", "honour": "honor", "harbour": "harbor"}
# "el-Sisi", "al-Sisi", "Al-Sisi": romanisations of the one Arabic article before a name.
_PARTICLE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_ARTICLE_PARTICLES, key=lambda p: (-len(p), p))) +
                       r")-(?=\w)")


@lru_cache(maxsize=1 << 16)  # a pure function of the string, asked for every token of many spans
def name_key(name: str) -> str:
    """A name folded for comparison: case, accents, punctuation, British/American spelling and the
    romanisation of the Arabic article ("el-Sisi" and "al-Sisi" are one)."""
    words = re.sub(r"[^\w]+", " ", _PARTICLE.sub("al-", fold(name).replace("'", ""))).split()
    return "-".join(_SPELLING.get(w, w) for w in words)


def entity_id(kind: str, name: str) -> str:
    """Stable id: kind + name folded (case, accents, hyphens/spaces, punctuation, spelling variants)."""
    return f"{kind.lower()}:{name_key(name)}"


@lru_cache(maxsize=1 << 16)  # pure; asked again for the same span text by many passes
def clean_name(text: str) -> str:
    """Strip what spaCy often leaves on an entity span: "the", possessive 's, trailing punctuation."""
    t = text.strip().replace("\u2019", "'")
    t = re.sub(r"^(the|The|THE)\s+", "", t)
    t = re.sub(r"('s|')$", "", t).strip()
    keep_period = re.search(r"\b[A-Z]\.$", t) or re.search(r"\b(Corp|Inc|Co|Ltd|Bros|Jr|Sr)\.$", t)
    return t.strip(" ,;:!?\"()[]`\u201c\u201d") if keep_period else t.strip(" ,;:.!?\"()[]`\u201c\u201d")


# Initials written in mixed case ("MoI", "DoD", "MbS"): capitals with a small letter between them.
_MIXED_INITIALS = re.compile(r"(?:[A-Z][a-z]?){1,3}[A-Z]")


def _acronym(tok: Any) -> bool:
    t = tok.text.replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def name_words(text: str) -> list[str]:
    """The words of a name, split at spaces only ("Ilse Varga-Holm" -> Ilse, Varga-Holm), without
    punctuation around them."""
    return [w for w in (x.strip(".,;:'\"()\u2019") for x in text.split()) if w and any(c.isalpha() for c in w)]


# "Lamar J. Whitfield Jr.": a generational suffix after the surname, no surname itself.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def core_words(words: list[str]) -> list[str]:
    """A name's words less middle initials and a generational suffix ("Lamar J. Whitfield Jr." -> Lamar,
    Whitfield); a name that is nothing else keeps them."""
    core = [w for i, w in enumerate(words) if not (
        i > 0 and w.rstrip(".").lower() in NAME_SUFFIXES or 0 < i < len(words) - 1 and len(w.rstrip(".")) == 1)]
    while len(core) > 1 and core[-1].rstrip(".").lower() in NAME_SUFFIXES:
        core.pop()
    return core if len(core) >= 2 else words


def short_forms(words: list[str]) -> list[str]:
    """The forms a full name is repeated by: its first and last word, and the last without a lower-case
    particle ("Abdel Fattah el-Sisi" -> "Sisi", "Bashar al-Assad" -> "Assad"); middle initials and "Jr." are
    no part of them ("Lamar J. Whitfield Jr." -> "Lamar", "Whitfield")."""
    words = core_words(words)
    if len(words) < 2:
        return []
    out = [words[0], words[-1]]
    head, _, rest = words[-1].partition("-")
    if rest and head.islower() and rest[:1].isupper():
        out.append(rest)
    particle = next((i for i, w in enumerate(words[1:-1], 1) if w in _LINKING_PARTICLES), None)
    if particle is not None:  # "von der Leyen", "Von der Leyen" at a sentence's start, "bin Salman"
        surname = " ".join(words[particle:])
        out += [surname, surname[:1].upper() + surname[1:]]
    return out


def _word_initials(name: str) -> str:
    """ "Mohammed bin Salman" -> "MbS": the first letter of every word, whatever its case."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isalpha())


def _initial(word: str, of: bool = False) -> str:
    """A word's letter in a name's initials: its first, unless initials skip the word (INITIAL_STOPS; with
    `of`, "of" counts) or it starts with no letter."""
    return word[0] if (word.lower() not in INITIAL_STOPS or of and word.lower() == "of") and word[:1].isalpha() \
        else ""


def letter_initials(name: str) -> str:
    """ "Korean Central News Agency" -> "KCNA", "United Nations" -> "UN": a name's initials, upper-cased,
    a letter for every word (a number word too: "Group of Seven" -> "GS", so "G7" is its own name and no
    initials; `_initials` of a span writes numbers as digits, for the resolver's "G7" -> "Group of Seven")."""
    return "".join(_initial(w) for w in name.split()).upper()


def _initials(doc: Any, sp: _Span, of: bool = False) -> str:
    """ "Economic Community of West African States" -> "ECWAS"; a number word gives its digits ("Group of
    Seven" -> "G7", "Group of 20" -> "G20"). With `of`, "of" counts too ("Department of Justice" -> "DoJ")."""
    out = []
    for t in doc[sp.start:sp.end]:
        n = words_to_number(t.lower_) if t.lower_ in NUMBER_WORDS else None
        if n is not None:
            out.append(str(int(n)))
        elif t.text.isdigit():
            out.append(t.text)
        else:
            out.append(_initial(t.text, of))
    return "".join(out)


# Lower-case words that join the parts of one name ("Mohammed bin Salman", "Lula da Silva", "Ursula von der Leyen").
_LINKING_PARTICLES = frozenset({"bin", "bint", "ibn", "ben", "da", "de", "dos", "van", "von", "der", "del"})
# A generational suffix or a regnal number after a name: "Jr.", "Sr.", "III", "Felipe VI", "Leo XIV" (not "I").
_REGNAL = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")


def _generation(text: str) -> bool:
    return text.rstrip(".").lower() in NAME_SUFFIXES or bool(_REGNAL.match(text))
