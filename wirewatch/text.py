"""The one stemmer and the one stop list that compare words across reports (fusion, pair features, stories).

Two outlets word one happening differently ("meetings" / "meeting", "missiles" / "missile"), so
words are compared after a stem. A single stemmer (Snowball English, the Porter2 algorithm, from the
`snowballstemmer` package: pure Python, no data to download) is used everywhere, so that a word stemmed by
fusion and by the story clusterer meets itself. Possessives are cut first ("Korea's" -> "korea").

`STOP_WORDS` are function words, reporting verbs, news boilerplate, time words and small number words:
words that two sentences share without being about the same thing.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

__all__ = ["STOP_WORDS", "WORD", "content_words", "stem"]

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")

_STOP_TEXT = """
    a about above across after afterwards again against all almost alone along already also although
    always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
    back be became because become becomes becoming been before beforehand behind being below beside
    besides between beyond both but by can cannot could did do does doing done down due during each
    either else elsewhere enough even ever every everyone everything everywhere except few for former
    formerly from further get gets got had has have having he hence her here hereafter hereby herein
    hers herself him himself his how however i if in indeed into is it its itself just last latter least
    less made make many may me meanwhile might mine more moreover most mostly much must my myself namely
    neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on
    once one only onto or other others otherwise our ours ourselves out over own per perhaps please put
    rather re really s same say says said see seem seemed seeming seems several she should show since so
    some somehow someone something sometime sometimes somewhere still such than that the their theirs
    them themselves then thence there thereafter thereby therefore therein thereupon these they this
    those though through throughout thru thus to together too toward towards under until up upon us used
    using very via was we well were what whatever when whence whenever where whereafter whereas whereby
    wherein whereupon wherever whether which while whither who whoever whole whom whose why will with
    within without would yet you your yours yourself yourselves ll ve d m t don didn doesn isn wasn
    weren won wouldn couldn shouldn aren hasn haven hadn mr mrs ms dr st jr sr am pm http https www com
    html htm php org net co uk index told tell tells according reported reports report reporting news
    story stories article posted published updated update today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun week weeks day
    days year years month months time times january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec et edt est pdt pst gmt
    bst ist utc new like two three four five six seven eight nine ten first second third people
    including
    shall official officials state media agency dozen hundreds thousands earlier later
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lower-cased, possessive cut, Snowball-stemmed: "meetings"/"meeting" ->
    "meet", "companies"/"company" -> "compani", "Korea's" -> "korea"."""
    w = word.lower().replace("’", "'").strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    return _STEMMER.stemWord(w) if w else w


def content_words(sentence: str) -> set[str]:
    """Stems of the words of a sentence that say what it is about (stop words and short words left out)."""
    return {stem(w) for w in WORD.findall(sentence) if len(w) >= 3 and w.lower() not in STOP_WORDS}


@lru_cache(maxsize=1 << 16)
def sentence_key(sentence: str) -> str:
    """A sentence as copies of it compare: lower case, punctuation and spacing dropped. Two reports whose
    sentences share this key carry one wording (a syndicated copy), not two voices."""
    return " ".join(re.sub(r"[^\w\s]", " ", (sentence or "").lower()).split())

