"""Cheap, dependency-free features of one article for story clustering.

`article_features` turns an article into a bag of prefixed features, each with a raw count:

- ``t:<stem>``   content words (lower-cased, stop words dropped, plural / possessive suffix stripped);
- ``e:<name>``   entity names: the caller's list when given (e.g. from spaCy NER or the entity linker),
                 else runs of capitalised tokens, which catch most names without a model;
- ``n:<value>``  numbers written in the text ("23 pirates", "5.6 magnitude", "$200 million"),
                 which separate two happenings of one kind (two quakes, two offers) well;
- ``y:<year>`` and ``m:<year-month>``  years and months named in the text, its URL or its date line.

Nothing here needs spaCy: the clusterer must work in a bare install and stay fast per article. Weights
(IDF, feature-kind weights) are the clusterer's business, not this module's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..dates import month_number

# The one stop list and the one stemmer (wirewatch/text.py), shared with fusion.
from ..text import STOP_WORDS, stem  # noqa: E402,F401

# Stop words that still belong inside a capitalised name ("New York", "First Baptist Church").
_NAME_WORDS: frozenset[str] = frozenset(
    {"new", "first", "second", "third", "one", "two", "three", "four", "five", "six"}
)

_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
# Dates as news copy writes them; the dataset's texts are tokenised with spaces around punctuation
# ("05 / 03 / 2013", "7: 35"), so every separator allows surrounding blanks.
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # May 3, 2013 / May 3rd, 2013 / Dec. 7, 2009
    (re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*({_YEAR_RE})\b", re.I), "mdy"),
    # 12 January 2010 / 27 NOVEMBER, 2005
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\s*,?\s*({_YEAR_RE})\b", re.I), "dmy"),
    # 2013 / 05 / 02 (URL paths), 2013-05-02
    (re.compile(rf"\b({_YEAR_RE})\s*[/\-.]\s*(\d{{1,2}})\s*[/\-.]\s*(\d{{1,2}})\b"), "ymd"),
    # 05 / 03 / 2013, 8 / 2 / 13 (day-month order is ambiguous: the month is kept only when unambiguous)
    (re.compile(r"\b(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2})\b"), "nnY"),
    # March 2005 / may 2013 (URL slugs)
    (re.compile(rf"\b({_MONTH_RE})\s*[/,]?\s*({_YEAR_RE})\b", re.I), "my"),
    # 2009 / dec (URL paths)
    (re.compile(rf"\b({_YEAR_RE})\s*/\s*({_MONTH_RE})\b", re.I), "ym"),
]
_CLOCK_RE = re.compile(r"\b\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?", re.I)
_URL_LINE_RE = re.compile(r"^\s*(?:https?\s*:\s*/\s*/|www\s*\.)", re.I)
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_SENT_END_RE = re.compile(r"[.!?:;\"“”`'()\[\]]")


def _month(s: str) -> int | None:
    return month_number(s)


def date_features(text: str) -> tuple[Counter[str], str]:
    """Year and year-month features for the dates named in `text`; also returns the text with the dates
    and clock times blanked out so that their digits do not reappear as plain numbers."""
    feats: Counter[str] = Counter()
    spans: list[tuple[int, int]] = []
    for pat, kind in _DATE_PATTERNS:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            g = m.groups()
            year: str | None = None
            month: int | None = None
            if kind == "mdy":
                month, year = _month(g[0]), g[2]
            elif kind == "dmy":
                month, year = _month(g[1]), g[2]
            elif kind == "ymd":
                year, month = g[0], int(g[1])
            elif kind == "nnY":
                a, b, y = int(g[0]), int(g[1]), g[2]
                if len(y) == 2:
                    y = "20" + y
                year = y
                if a > 12 >= b:
                    month = b
                elif b > 12 >= a or a == b:
                    month = a
            elif kind == "my":
                month, year = _month(g[0]), g[1]
            elif kind == "ym":
                year, month = g[0], _month(g[1])
            if year is None:
                continue
            spans.append((m.start(), m.end()))
            feats[f"y:{year}"] += 1
            if month is not None and 1 <= month <= 12:
                feats[f"m:{year}-{month:02d}"] += 1
    if not spans:
        return feats, _CLOCK_RE.sub(" ", text)
    out: list[str] = []
    last = 0
    for s, e in sorted(spans):
        out.append(text[last:s])
        out.append(" ")
        last = e
    out.append(text[last:])
    return feats, _CLOCK_RE.sub(" ", "".join(out))


MIN_NUMBER = 13
# Tokenised corpora split "5.9" into "5. 9" and "35,000" into "35, 000"; glue them back first.
_SPLIT_DECIMAL_RE = re.compile(r"(?<![\d.,])(\d{1,3})\s*\.\s(\d{1,2})(?![\d.,:])")
_SPLIT_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d{1,3}),\s(\d{3})(?![\d])")


def number_features(text: str) -> Counter[str]:
    """Numbers in the text (dates and clock times already removed). Bare years count as years.

    Whole numbers below `MIN_NUMBER` are left out: small counts ("3 people", "2 days") turn up in every
    story and would match by chance, while tolls, sums and magnitudes ("23 pirates", "5.6") identify one
    happening."""
    feats: Counter[str] = Counter()
    text = _SPLIT_THOUSANDS_RE.sub(r"\1,\2", _SPLIT_DECIMAL_RE.sub(r"\1.\2", text))
    for m in _NUMBER_RE.finditer(text):
        raw = m.group(0).rstrip(".,")
        if re.fullmatch(_YEAR_RE, raw):
            feats[f"y:{raw}"] += 1
            continue
        # "35,000" and "35000" are one number; "5.6" keeps its decimals.
        val = raw.replace(",", "")
        if val.count(".") > 1:
            continue
        if "." in val:
            val = val.rstrip("0").rstrip(".")
        val = val.lstrip("0") or "0"
        if "." not in val and int(val) < MIN_NUMBER:
            continue
        feats[f"n:{val}"] += 1
    return feats


def _is_titlecase_line(tokens: list[str]) -> bool:
    words = [t for t in tokens if t[0].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t[0].isupper())
    return caps / len(words) > 0.6


def capitalized_names(text: str) -> list[str]:
    """Runs of capitalised tokens ("Tara Reid", "Promises Treatment Center", "INS Sukanya") as a stand-in
    for NER. Headline-style lines (mostly capitalised) are skipped, as is a lone capitalised word that
    starts a sentence, because both say nothing about names."""
    names: list[str] = []
    for line in text.split("\n"):
        if _URL_LINE_RE.match(line):
            continue
        toks = list(re.finditer(r"[A-Za-z][A-Za-z'’.\-]*|\S", line))
        words = [m.group(0) for m in toks]
        if _is_titlecase_line(words):
            continue
        run: list[str] = []
        run_at_start = False
        sent_start = True
        padded = [*words, "."]
        for i, w in enumerate(padded):
            w_clean = w.rstrip(".").rstrip("'’")
            is_cap = (
                bool(w_clean)
                and w_clean[0].isupper()
                and not (w_clean.isupper() and len(w_clean) > 5)
                and (w_clean.lower() not in STOP_WORDS or w_clean.lower() in _NAME_WORDS)
            )
            if is_cap:
                if not run:
                    run_at_start = sent_start
                run.append(w_clean.replace("’", "'").removesuffix("'s"))
                sent_start = False
                # "Jr." / "U.S." end with a dot but do not end the name; other dotted words end it.
                if w.endswith(".") and len(w_clean) > 2:
                    _flush(run, run_at_start, names)
                    run = []
                    sent_start = True
                continue
            # "Gulf of Aden", "Bank of America": "of" after one capitalised word ("Sarah Palin of Alaska"
            # stays two names).
            nxt = padded[i + 1] if i + 1 < len(padded) else ""
            if w == "of" and len(run) == 1 and nxt[:1].isupper() and nxt.lower() not in STOP_WORDS:
                run.append(w)
                continue
            if run:
                _flush(run, run_at_start, names)
                run = []
            sent_start = bool(_SENT_END_RE.fullmatch(w)) or w.endswith(".")
    return names


def _flush(run: list[str], at_start: bool, names: list[str]) -> None:
    if len(run) == 1 and at_start:
        return
    if len(run) > 4:  # a long capitalised run is a headline fragment, not a name
        return
    names.append(" ".join(run))


def normalize_name(name: str) -> str:
    return re.sub(r"[\s\-_.]+", " ", name.replace("’", "'")).strip().lower().removesuffix("'s")


def url_slug(line: str) -> str:
    """The words of a URL's path ("lindsay-lohan-checks-into-rehab"), without the host (an outlet name
    would pull together unrelated stories of one site) or numeric ids. Handles the spaced-out form
    ("http: / / www. site. com / a - b") found in tokenised corpora."""
    rest = re.sub(r"^\s*https?\s*:\s*/\s*/", "", line, flags=re.I)
    parts = rest.split("/", 1)
    path = parts[1] if len(parts) > 1 else ""
    return " ".join(w for w in re.findall(r"[A-Za-z]{3,}", path) if w.lower() not in STOP_WORDS)


def article_features(text: str, title: str | None = None, entities: Iterable[str] | None = None) -> Counter[str]:
    """Raw feature counts of one article (see the module docstring)."""
    return features_and_names(text, title, entities)[0]


def features_and_names(
    text: str, title: str | None = None, entities: Iterable[str] | None = None
) -> tuple[Counter[str], dict[str, str]]:
    """Raw feature counts of one article, plus a display form for each ``e:`` feature.

    The title counts twice: it is the densest summary of what happened. `entities`, when given,
    replaces the capitalised-run heuristic."""
    feats: Counter[str] = Counter()
    body: list[str] = [title, title] if title else []
    for line in (text or "").split("\n"):
        if _URL_LINE_RE.match(line):
            # Dates in the path (/2013/05/02/) are real evidence; its numbers are ids, so only the
            # dates and the slug words are kept.
            feats.update(date_features(line)[0])
            body.append(url_slug(line))
        else:
            body.append(line)
    full = "\n".join(body)
    dates, rest = date_features(full)
    feats.update(dates)
    feats.update(number_features(rest))
    for tok in _TOKEN_RE.findall(rest):
        if tok[0].isdigit():
            continue
        w = stem(tok)
        if len(w) < 2 or w in STOP_WORDS:
            continue
        feats[f"t:{w}"] += 1
    names = list(entities) if entities is not None else capitalized_names(full)
    display: dict[str, str] = {}
    for name in names:
        n = normalize_name(name)
        if n and n not in STOP_WORDS:
            feats[f"e:{n}"] += 1
            display.setdefault(f"e:{n}", name.strip())
    return feats, display
