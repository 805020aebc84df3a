"""Two romanisations of one foreign name ("Haniyeh" / "Haniya", "Mohammed" / "Muhammad", "Qassem" / "Kassem"),
told by consonant skeleton and vowel classes."""

from __future__ import annotations

from .entity_names import name_key


def _initial(word: str) -> str:
    """A word's first letter, Arabic qaf's two romanisations as one ("Qassem" / "Kassem")."""
    c = word[:1].lower()
    return "k" if c == "q" else c


def _weak(w: str, i: int) -> bool:
    """The letters romanisations disagree on: vowels, y, w, and an h after a vowel ("Haniyeh")."""
    return w[i] in "aeiouyw" or w[i] == "h" and i > 0 and w[i - 1] in "aeiouy"


def _skeleton(word: str) -> str:
    """A word as its transliterations share it: the first letter, then the consonants, without the weak
    letters (`_weak`) and without doubled letters: "Haniyeh" / "Haniya" -> "hn", "Mohammed" / "Muhammad" ->
    "mhmd", "Dmitry" / "Dmitri" -> "dmtr"."""
    w = name_key(word).replace("-", "")
    out = _initial(w)
    for i, c in enumerate(w[1:], 1):
        if not _weak(w, i) and out[-1:] != c:
            out += c
    return out


# The vowel a romanisation writes for each short Arabic vowel: fatha a (or e: "Ahmed"), kasra i (or e, y:
# "Dmitry"), damma u (or o, w: "Mohammed"). An "e" may stand for either of the first two.
_VOWEL_CLASS = {"a": "a", "e": "ae", "i": "e", "y": "e", "o": "o", "u": "o", "w": "o"}


def _vowels(word: str) -> list[str]:
    """The vowel classes between a word's consonants (one per gap, "" where none): the first letter of each
    gap's vowels as `_VOWEL_CLASS` reads it ("Hassan" -> [a, a]; "Hussain" -> [o, a])."""
    w = name_key(word).replace("-", "")
    gaps: list[str] = [""]
    for i, c in enumerate(w):
        if i > 0 and not _weak(w, i) and c != w[i - 1]:
            gaps.append("")
        elif _weak(w, i) and (i == 0 or not gaps[-1]):
            gaps[-1] = _VOWEL_CLASS.get(c, "")
    return gaps


def transliterations(x: str, y: str) -> bool:
    """Two spellings of one foreign name ("Haniyeh" / "Haniya", "Mohammed" / "Muhammad", "Qassem" /
    "Kassem"): the same first letter (q and k as one), the same consonant skeleton and, between every two
    consonants, a vowel of the same class (`_VOWEL_CLASS`), both at least four letters, and neither is the
    other plus an ending (a plural, a feminine "-a"). Only the way a vowel is written may differ: "Hassan" /
    "Hussain", "Salman" / "Sulaiman", "Bashar" / "Bashir" are two names each."""
    if min(len(x), len(y)) < 4 or _initial(x) != _initial(y):
        return False
    sx, sy = _skeleton(x), _skeleton(y)
    if sx != sy or len(sx) < 2 or x.lower().startswith(y.lower()) or y.lower().startswith(x.lower()):
        return False
    vx, vy = _vowels(x), _vowels(y)
    # the last gap is an ending ("-eh" / "-a"), which romanisations write as they please
    return len(vx) == len(vy) and all(
        (a == b) or (a and b and set(a) & set(b)) for a, b in zip(vx[:-1], vy[:-1], strict=True))
