"""Recover article metadata from the text itself, and strip the boilerplate that carries it.

`recover_metadata` fills only the fields a reader left empty (a JSON `published` always wins over a date
guessed from the text), and cleans the body once:

* an agency ID footer (`MENAFN<DDMMYYYY>...ID...`) at the end is this article's footer: outlet MENAFN
  and, when unambiguous, the date. The same footer glued to the *start* of a text is the tail of the
  previous article of a concatenated dump (`MENAFN...ID1108215015Kim Jong-un Visits ...`): it is cut
  off and says nothing about this article.
* a `date 2024-05-15 (MENAFN)` prefix gives the date and the outlet.
* a headline line gives the title; a date line (`SEOUL, March 12 (APW) –`) gives the dateline place,
  maybe the date and the outlet. "according to KCNA" is attribution, never the outlet.
* credits ("(Reporting by ...)"), copyright lines and footers are removed.

Every removed piece is listed in `meta["stripped"]` as {start, end, kind, text} with offsets into the
text as the reader produced it (`meta["raw_length"]` long), so `raw_offset()` can map an offset of the
cleaned `Article.text`, which every later component indexes into, back to the input.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import MONTH_RE, date_from_url, make_date, month_from_url, month_number, normalize_date, read_date_line
from ..model import Article

# --- patterns -------------------------------------------------------------------------------------

# MENAFN + DDMMYYYY + running number + "ID" + document number.
_MENAFN_FOOTER = re.compile(r"MENAFN(?P<date>\d{8})\d{6,}ID\d{6,}")
_GLUED_FOOTER = re.compile(r"\A\s*MENAFN\d{14,}ID\d{6,}[ \t]*")
_DATE_PREFIX = re.compile(
    r"\A\s*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?:\((?P<agency>[A-Za-z][\w .&'’/-]{0,40})\))?[ \t]*",
    re.I,
)
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z0-9 .&'’/-]{0,40})\)"
# Em/en dashes may touch the text ("SEOUL—North Korea"); a hyphen, underscore or colon must be followed by
# a space, or "SEOUL-based" would read as a date line.
_DASH = r"(?P<dash>--|[–—―‒]|[-_:](?=\s))\s*"
_DATE_PART = (
    rf"(?P<date>(?:{MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{MONTH_RE})(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
)
_REGION = rf"(?P<region>,\s*(?!(?:{MONTH_RE})\s+\d)[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){{0,2}})?"
_CAPS_PLACE = r"(?P<place>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})"
_TITLE_PLACE = r"(?P<place>[A-Z][a-z.'’-]+(?:[ \t]+[A-Z][a-z.'’-]+){0,3})"
_TAIL = rf"(?:,\s*{_DATE_PART})?[ \t]*(?:{_AGENCY})?[ \t]*"
# "PYONGYANG –", "NEW YORK, N.Y. (AP) --", "SEOUL, March 12 (Yonhap) --": an all-caps place and a dash.
_DATELINE_CAPS = re.compile(rf"(?:{_CAPS_PLACE}){_REGION}{_TAIL}{_DASH}")
# "Seoul, March 12 (APW) –": a Title Case place needs a date or a credit to be told from a sentence.
_DATELINE_TITLE = re.compile(rf"(?:{_TITLE_PLACE}){_REGION}{_TAIL}{_DASH}")
# "SEOUL, March 12 (Yonhap) North Korea fired ...": agencies that write no dash.
_DATELINE_NODASH = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){0,3})"
    rf"{_REGION}(?:,\s*{_DATE_PART})?[ \t]*{_AGENCY}\s+(?=[A-Z\"“‘'])"
)
_NOT_PLACES = {
    *map(str.upper, ("update", "updated")),  # lower case: a search for SQL keywords should not stop here
    "BREAKING", "EXCLUSIVE", "FACTBOX", "ANALYSIS", "WATCH", "VIDEO", "PHOTOS",
    "OPINION", "EDITORIAL", "LIVE", "CORRECTED", "REFILE", "NOTE", "EDITOR'S NOTE", "EDITORS NOTE",
    "COMMENTARY", "INTERVIEW", "EXPLAINER", "URGENT", "FLASH", "ALERT", "REVIEW", "FEATURE", "Q&A",
    # Speaker labels of transcripts ("HOST: Good evening"), not places.
    "HOST", "CO-HOST", "ANCHOR", "REPORTER", "CORRESPONDENT", "INTERVIEWER", "MODERATOR", "NARRATOR",
    "SPEAKER", "CALLER", "GUEST", "TRANSCRIPT", "VOICE", "UNIDENTIFIED", "ANNOUNCER", "PANELIST",
}  # fmt: skip
# A transcript's speaker turns: lines that open with an upper-case label and a colon ("SEN. KIM: ...").
_SPEAKER_TURN = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{0,40}:[ \t]", re.M)
_NOT_OUTLETS = {"file", "photo", "video", "update", "updated", "corrected", "refile", "lead", "urgent"}

# Lines that are credits or legal notices. Each must look like one, not merely start like one:
# "Reporting by the newspaper showed ..." and "Copyright cases rose ..." are sentences and stay.
_CREDIT_START = re.compile(r"\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\b", re.I)
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)|.*\ball rights reserved\b", re.I)
# "(Reporting by ...; Editing by ...)" at the end of a paragraph line.
_TRAILING_CREDIT = re.compile(r"[ \t]*\((?:additional\s+)?reporting by [^)\n]*\)[ \t]*$", re.I | re.M)
# A line that is only a URL ("http://www.example.com/news/2013/06/10/story.html"): the article's address.
_URL_LINE = re.compile(r"(?:(?:url|source|link)\s*:\s*)?(?P<url>(?:https?://|www\.)[^\s<>\"']+)", re.I)
# The same URL after a tokenizer put spaces around its punctuation, as corpora such as ECB+ ship it:
# "http: / / www. example. com / news / story - 416271. html".
_SPACED_URL_LINE = re.compile(r"(?:https?\s*:\s*/\s*/|www\s*\.)[\w\s./:%?=&~+#,;@!'’()\[\]-]*", re.I)
# How many lines at the top may be URL, date or byline lines around the headline; a date line further down
# than the headline and its neighbours is looked for within as many lines from the top (`_Header.scan`).
_HEADER_LINES = 6
# A line that ends a sentence: after one, only a labelled date line ("PUBLISHED: ...") is the report's date.
_PROSE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")

_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "vs", "via", "into", "over", "after", "amid", "up", "off", "out", "per", "than", "is", "are",
}  # fmt: skip
_WRAP_END_WORDS = {"the", "of", "and", "to", "a", "an", "in", "on", "for", "with", "by", "at", "from", "that"}

# A handful of very frequent function words per language: enough to tell English (and a few neighbours)
# from noise without a language-identification model.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in a is that for on was with as by it at from his he said are be has have had were "
        "an not this which its their they will but been who also or after would more than".split()
    ),
    "fr": frozenset("le la les des et est une un du que en dans pour qui sur au par pas il ne avec sont".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es".split()),
    "es": frozenset("el la los las de que y en un una por con para es se del al lo como más pero sus".split()),
    "it": frozenset("il di che la le è un una per non sono gli del della con nel alla anche ha dei".split()),
    "pt": frozenset("o a os as de que e do da em um uma para com não por se dos das no na ao mais".split()),
    "nl": frozenset("de het een en van is dat op te in voor met niet zijn er ook aan die als bij".split()),
}


# --- public API -----------------------------------------------------------------------------------


def recover_metadata(article: Article, *, html: str | None = None, keep_text: bool = False) -> Article:
    """Fill missing title/outlet/published/dateline/language from the HTML markup (when given) and the
    text, and strip boilerplate from `article.text`. Fields that are already set are kept. Cleaning runs
    once per article (`meta["metadata_recovered"]`), so calling this twice changes nothing.

    `keep_text=True` recovers metadata but leaves the text as given: a JSON record's `text` is the
    producer's body, and character offsets in the output must index exactly that text."""
    meta = article.meta
    if html is not None:
        _fill_from_html(article, html)
    if meta.get("metadata_recovered"):
        return article
    meta["metadata_recovered"] = True

    raw = article.text
    spans: list[tuple[int, int, str]] = []
    found: dict[str, tuple[Any, str]] = {}  # field -> (value, rule), the first rule to find it wins

    def note(key: str, value: Any, rule: str) -> None:
        if value and key not in found:
            found[key] = (value, rule)

    pos = 0
    m = _GLUED_FOOTER.match(raw)
    if m:  # the previous article's footer, glued to this one by a concatenation: not ours
        spans.append((m.start(), m.end(), "foreign_footer"))
        pos = m.end()

    m = _DATE_PREFIX.match(raw, pos)
    if m:
        spans.append((pos, m.end(), "date_prefix"))
        pos = m.end()
        note("published", normalize_date(m["date"]), "date_prefix")
        if m["agency"]:
            note("outlet", _outlet_name(m["agency"]), "date_prefix")

    header = _Header(article.url)
    pos = header.read(raw, pos, spans)
    title_span = _title_line(raw, pos, article.title)
    if title_span is not None:
        start, end, line = title_span
        if article.title is None:
            article.title = line
            meta["title_from"] = "text:first_line"
        spans.append((start, end, "title"))
        pos = end
    pos = header.read(raw, pos, spans)
    if header.published is None:
        header.scan(raw, pos, spans)
    if header.url:
        if article.url is None:
            article.url = header.url
            meta["url_from"] = "text:url_line"
        elif header.url != article.url:
            meta["url_line"] = header.url
    if header.lines:
        meta["date_lines"] = header.lines
    note("published", header.published, "date_line")

    pos = _skip_ws(raw, pos)
    dl = _match_dateline(raw, pos)
    if dl is not None:
        spans.append((pos, dl.end(), "dateline"))
        place = re.sub(r"\s+", " ", dl["place"]).strip(" .,")
        meta["dateline_raw"] = raw[pos : dl.end()].strip()
        if article.dateline is None:
            article.dateline = place
        if dl["agency"]:
            note("outlet", _outlet_name(dl["agency"]), "dateline")
        if dl["date"]:
            date_value, month_day = _dateline_date(dl["date"], article.url)
            note("published", date_value, "dateline")
            if month_day:
                meta["dateline_month_day"] = month_day

    # (MENAFN) right at the start of the body is the agency's credit, as in "date ... (MENAFN)".
    if "outlet" not in found and re.search(r"\(MENAFN\)", raw[: pos + 200]):
        note("outlet", "MENAFN", "credit")

    for fm in _MENAFN_FOOTER.finditer(raw):
        if fm.start() < pos:  # inside the glued foreign footer handled above
            continue
        spans.append((fm.start(), fm.end(), "agency_footer"))
        if not raw[fm.end() :].strip():  # at the very end: this article's own footer
            note("outlet", "MENAFN", "agency_footer")
            note("published", _menafn_date(fm["date"], found), "agency_footer")

    spans.extend(_credit_lines(raw, pos))
    for cm in _TRAILING_CREDIT.finditer(raw, pos):
        spans.append((cm.start(), cm.end(), "credit"))

    note("published", date_from_url(article.url), "url")
    # An "Updated:" date is later than the publication, so it is the last resort.
    note("published", header.updated, "date_line:updated")

    for key in ("published", "outlet"):
        if key in found and getattr(article, key) is None:
            setattr(article, key, found[key][0])
            meta[f"{key}_from"] = found[key][1]

    body, stripped = _apply_spans(raw, spans) if not keep_text else (raw, [])
    article.text = body
    meta["raw_length"] = len(raw)
    meta["stripped"] = stripped
    meta["body_start"] = raw_offset(article, 0) if body else 0
    if article.language is None:
        article.language = guess_language(body)
    return article


def guess_language(text: str) -> str | None:
    """A cheap language guess from function-word frequency; None when the text is short or unclear."""
    sample = text[:20000]
    if re.search(r"[\uac00-\ud7a3]", sample) and len(re.findall(r"[\uac00-\ud7a3]", sample)) > 20:
        return "ko"
    if len(re.findall(r"[\u3040-\u30ff]", sample)) > 20:
        return "ja"
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < 8:
        return None
    scores = {lang: sum(w in sw for w in words) / len(words) for lang, sw in _STOPWORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    # Real prose has 25-50% function words; below ~12% it is a list, a table or another language.
    if top >= 0.12 and top >= 1.5 * second:
        return best
    return None


def raw_offset(article: Article, offset: int) -> int:
    """Map an offset into the cleaned `article.text` to the offset in the text the reader produced."""
    for span in sorted(article.meta.get("stripped", []), key=lambda s: s["start"]):
        if span["start"] <= offset:
            offset += span["end"] - span["start"]
        else:
            break
    return offset


# --- helpers --------------------------------------------------------------------------------------


def _fill_from_html(article: Article, html: str) -> None:
    from .htmltext import html_metadata  # lazy: pulls in lxml and, for titles, trafilatura

    found = html_metadata(html, url=article.url)
    for key in ("title", "published", "outlet", "url", "language"):
        if getattr(article, key) is None and found.get(key):
            setattr(article, key, found[key])
            article.meta[f"{key}_from"] = found.get(f"{key}_from", "html")


class _Header:
    """URL, date and byline lines around the headline at the top of a text. Each one is removed from
    the body; the URL and the dates are kept (the first of each kind wins). A numeric date line whose
    order of day and month its numbers do not tell takes the month of the report's URL when that
    settles it ("8/2/13" under /2013/08/ is August 2)."""

    def __init__(self, url: str | None = None) -> None:
        self.url: str | None = None
        self.known_url = url
        self.published: str | None = None
        self.updated: str | None = None
        self.lines: list[str] = []
        self.budget = _HEADER_LINES

    def read(self, raw: str, pos: int, spans: list[tuple[int, int, str]]) -> int:
        while self.budget > 0:
            pos = _skip_ws(raw, pos)
            eol = raw.find("\n", pos)
            if eol < 0:
                break  # the last line is body text, whatever it looks like
            line = raw[pos:eol].strip()
            um = _URL_LINE.fullmatch(line)
            spaced = None if um else _SPACED_URL_LINE.fullmatch(line)
            if um or spaced:
                self.url = self.url or (um["url"] if um else re.sub(r"\s+", "", line))
                kind = "url_line"
            elif not self._take(line):
                break
            else:
                kind = "date_line"
            spans.append((pos, eol + 1, kind))
            pos = eol + 1
            self.budget -= 1
        return _skip_ws(raw, pos)

    def scan(self, raw: str, pos: int, spans: list[tuple[int, int, str]]) -> None:
        """A date line further down the top lines, past a subheading, an outlet or byline line or a lead
        ("Title / Reuters / March 4, 2008"), within the first `_HEADER_LINES` lines of the text. After a
        line that ends a sentence only a labelled one counts ("PUBLISHED: ..."), and a line that a wrapped
        sentence runs through ("... close the market / on March 4, 2008 / after a debate") is none."""
        lines = [(m.start(), m.end(), m[0]) for m in re.finditer(r"[^\n]*\S[^\n]*", raw)][:_HEADER_LINES]
        prose = False
        prev: str | None = None
        for i, (start, end, text) in enumerate(lines):
            line = text.strip()
            if start < pos:
                prev = line
                continue
            got = read_date_line(line, month_of=month_from_url(self.url or self.known_url))
            nxt = lines[i + 1][2].strip() if i + 1 < len(lines) else ""
            wrapped = got is not None and (nxt[:1].islower() or not got.labelled and line[:1].islower() and (
                prev is not None and len(prev) > 60 and not _PROSE_END.search(prev)))
            if got is not None and (got.labelled or not prose) and not wrapped and end < len(raw.rstrip()):
                self._note(line, got.value, got.kind)
                spans.append((start, min(len(raw), end + 1), "date_line"))
                if self.published is not None:
                    return
            # a lead sentence, not a headline that ends on a period ("Sequel is in negotiations.")
            prose = prose or bool(_PROSE_END.search(line)) and len(line.split()) >= 12
            prev = line

    def _take(self, line: str) -> bool:
        got = read_date_line(line, month_of=month_from_url(self.url or self.known_url))
        if got is None:
            return False
        self._note(line, got.value, got.kind)
        return True

    def _note(self, line: str, value: str | None, kind: str) -> None:
        self.lines.append(line)
        if kind == "updated":
            self.updated = self.updated or value
        else:
            self.published = self.published or value


def _skip_ws(raw: str, pos: int) -> int:
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return pos


def _title_line(raw: str, pos: int, known_title: str | None) -> tuple[int, int, str] | None:
    """(start, end, line) of a headline line at `pos`; `end` includes the blank lines after it.

    With a known title, only a first line equal to it is taken (so it is not read as a sentence);
    without one, the line must look like a headline: short, no final period, followed by more text.
    """
    eol = raw.find("\n", pos)
    if eol < 0:
        return None  # a single line is the body, not a headline
    line = raw[pos:eol].strip()
    nxt = _skip_ws(raw, eol)
    if not line or nxt >= len(raw):
        return None
    if known_title is not None:
        same = _norm(line) == _norm(known_title)
        return (pos, nxt, line) if same else None
    if not _looks_like_headline(line):
        return None
    blank_after = "\n" in raw[eol + 1 : nxt]
    next_eol = raw.find("\n", nxt)
    following = raw[nxt : next_eol if next_eol >= 0 else len(raw)]
    if not blank_after:
        # Hard-wrapped prose: the "headline" would be half a sentence continued on the next line.
        last_word = line.rsplit(None, 1)[-1].lower()
        if following[:1].islower() or last_word in _WRAP_END_WORDS:
            return None
    if len(raw) - nxt < len(line):
        return None
    return pos, nxt, line


def _looks_like_headline(line: str) -> bool:
    words = re.findall(r"[^\W_][\w'’.-]*", line)
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    bare = line.rstrip("'\"”’` ")  # a sentence may end inside its quotation marks
    if bare.endswith((".", ",", ";", ":")) or line[0] in '-*•("“[' or not line[0].isupper():
        return False
    if _DATE_PREFIX.match(line) or _match_dateline(line + " ", 0) is not None:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    title_case = bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.7
    if re.search(r"[.!?]\s+[A-Z]", line) and not title_case:
        return False  # two sentences on one line: prose, not a headline
    if not title_case and bare.endswith(("?", "!")):
        return False  # "It's about time, right?": in sentence case, a question or exclamation is prose
    # Sentence-case headlines are short; a longer sentence-case line is a paragraph without its period.
    return title_case or (len(line) <= 110 and len(words) <= 14)


def _match_dateline(raw: str, pos: int) -> re.Match[str] | None:
    window = raw[pos : pos + 200]
    for rx in (_DATELINE_CAPS, _DATELINE_TITLE, _DATELINE_NODASH):
        m = rx.match(window)
        if m is None:
            continue
        place = m["place"].strip()
        if place.upper() in _NOT_PLACES or sum(c.isalpha() for c in place) < 3:
            continue
        if rx is _DATELINE_TITLE and not (m["date"] or m["agency"]):
            continue
        if m.groupdict().get("dash") == ":" and not (m["date"] or m["agency"]) and \
                len(_SPEAKER_TURN.findall(raw, pos, pos + 4000)) >= 2:
            continue  # "KIM: ..." in a transcript of speaker turns is a speaker, not a dateline
        if m["agency"] and m["agency"].strip().lower() in _NOT_OUTLETS:
            continue
        # Re-run on the full text so that the offsets of the match are offsets into `raw`.
        return rx.match(raw, pos, pos + len(window))
    return None


def _credit_lines(raw: str, pos: int) -> list[tuple[int, int, str]]:
    """Whole lines after `pos` that are credits ("(Reporting by ...; Editing by ...)") or copyright
    notices, each span with its line end so that the paragraphs around it join cleanly."""
    out: list[tuple[int, int, str]] = []
    start = pos
    while start < len(raw):
        end = raw.find("\n", start)
        end = len(raw) if end < 0 else end + 1
        line = raw[start:end].strip()
        if line and len(line) <= 250:
            if _CREDIT_START.match(line):
                # Credits are parenthesized, list several roles or are a short name list without a period.
                if line.startswith("(") or ";" in line or not line.endswith(".") or len(line.split()) <= 6:
                    out.append((start, end, "credit"))
            elif _COPYRIGHT.match(line) or line.lower().startswith("our standards:"):
                out.append((start, end, "copyright"))
        start = end
    return out


def _dateline_date(text: str, url: str | None) -> tuple[str | None, str | None]:
    """(full ISO date or None, "MM-DD" or None) for the date of a date line; a missing year is taken
    only from the URL's /YYYY/ path, never guessed."""
    full = normalize_date(text)
    if full:
        return full, None
    m = re.match(rf"({MONTH_RE})\s+(\d{{1,2}})|(\d{{1,2}})\s+({MONTH_RE})", text.strip())
    if not m:
        return None, None
    month = month_number(m[1] or m[4])
    day = int(m[2] or m[3])
    if not month or not 1 <= day <= 31:
        return None, None
    year_m = _URL_YEAR.search(url or "")
    full = make_date(int(year_m[1]), month, day) if year_m else None
    return full, f"{month:02d}-{day:02d}"


def _menafn_date(digits: str, found: dict[str, tuple[Any, str]]) -> str | None:
    """MENAFN footers put DDMMYYYY first. The order is a convention, not a marker, so the footer date
    is used only when it cannot be read the other way round (day > 12 or day == month) or when another
    rule found the same date."""
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    iso = make_date(year, month, day)
    if iso is None:
        return None
    if day > 12 or day == month:
        return iso
    other = found.get("published")
    return iso if other and other[0] == iso else None


def _outlet_name(credit: str) -> str | None:
    credit = re.sub(r"\s+", " ", credit).strip()
    if not credit or credit.lower() in _NOT_OUTLETS:
        return None
    return credit


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s).strip().lower()


def _apply_spans(raw: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[dict[str, Any]]]:
    """Remove `spans` (merged where they overlap) and the whitespace left at either end; return the body
    and the removed pieces as {start, end, kind, text} in offsets of `raw`."""
    merged: list[list[Any]] = []
    for s, e, kind in sorted(spans):
        if e <= s:
            continue
        if merged and s < merged[-1][1]:  # overlapping; adjacent pieces keep their own kind
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, kind])
    kept: list[tuple[int, int]] = []
    cur = 0
    for s, e, _ in merged:
        if s > cur:
            kept.append((cur, s))
        cur = max(cur, e)
    if cur < len(raw):
        kept.append((cur, len(raw)))
    # Trim leading and trailing whitespace of the body, recording it like any other removal.
    while kept and not raw[kept[0][0] : kept[0][1]].strip():
        merged.append([kept[0][0], kept[0][1], "whitespace"])
        kept.pop(0)
    if kept:
        a, b = kept[0]
        lead = len(raw[a:b]) - len(raw[a:b].lstrip())
        if lead:
            merged.append([a, a + lead, "whitespace"])
            kept[0] = (a + lead, b)
    while kept and not raw[kept[-1][0] : kept[-1][1]].strip():
        merged.append([kept[-1][0], kept[-1][1], "whitespace"])
        kept.pop()
    if kept:
        a, b = kept[-1]
        trail = len(raw[a:b]) - len(raw[a:b].rstrip())
        if trail:
            merged.append([b - trail, b, "whitespace"])
            kept[-1] = (a, b - trail)
    body = "".join(raw[a:b] for a, b in kept)
    stripped = [{"start": s, "end": e, "kind": k, "text": raw[s:e]} for s, e, k in sorted(merged)]
    return body, stripped
