"""Metadata recovery from text and HTML, boilerplate stripping and date normalization (invented reports)."""

from __future__ import annotations

import pytest

from wirewatch.dates import normalize_date
from wirewatch.ingest.htmltext import html_metadata, html_to_text
from wirewatch.ingest.metadata import guess_language, raw_offset, recover_metadata
from wirewatch.model import Article

BODY = (
    "Officials opened a new water treatment plant on Monday, saying it would serve about two hundred "
    "thousand residents. The plant took four years to build and cost more than planned."
)
FOOTER = "MENAFN" + "18032023" + "000045012345" + "ID" + "1106543210"  # invented, MENAFN-shaped


def rec(text: str, **fields: str) -> Article:
    return recover_metadata(Article(id="t", text=text, **fields))  # type: ignore[arg-type]


def assert_offsets_map(a: Article, raw: str) -> None:
    """Every character of the cleaned body is the raw character that raw_offset() points to."""
    for i, ch in enumerate(a.text):
        assert raw[raw_offset(a, i)] == ch
    assert a.meta["raw_length"] == len(raw)
    assert len(a.text) + sum(s["end"] - s["start"] for s in a.meta["stripped"]) == len(raw)


# --- title -------------------------------------------------------------------------------------------


def test_title_from_headline_line() -> None:
    raw = "New Water Plant Opens in River City\n\n" + BODY
    a = rec(raw)
    assert a.title == "New Water Plant Opens in River City"
    assert a.meta["title_from"] == "text:first_line"
    assert a.text == BODY
    assert_offsets_map(a, raw)


def test_no_title_when_first_line_is_prose() -> None:
    raw = BODY + "\n\nA second paragraph follows here with more detail about the costs."
    a = rec(raw)
    assert a.title is None
    assert a.text == raw


def test_short_sentence_case_headline_is_a_title() -> None:
    a = rec("Water plant opens after four years\n\n" + BODY)
    assert a.title == "Water plant opens after four years"


@pytest.mark.parametrize(
    "first",
    [
        "The minister said the plant was finished.",  # ends with a period: a sentence
        "the plant was finished on time",  # starts lower case
        "Can you believe the plant is finally open?",  # a sentence-case question is prose
        'He said it was "finished at last."',  # the period inside the quotes still ends a sentence
        "Officials opened a new water treatment plant on Monday, saying it would serve about two hundred",
    ],
)
def test_lines_that_are_not_headlines(first: str) -> None:
    assert rec(first + "\n\n" + BODY).title is None


def test_hard_wrapped_prose_is_not_a_title() -> None:
    raw = "Officials opened a new water plant on\nMonday, saying it would serve the city.\nIt cost more than planned."
    a = rec(raw)
    assert a.title is None and a.text == raw


def test_known_title_line_is_stripped_not_replaced() -> None:
    a = rec("Water Plant Opens\n\n" + BODY, title="Water plant opens")
    assert a.title == "Water plant opens"
    assert a.text == BODY
    b = rec("Something Else Entirely\n\n" + BODY, title="Water plant opens")
    assert b.text.startswith("Something Else Entirely")  # a different first line is left alone


# --- dateline ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "place", "outlet", "published"),
    [
        ("PYONGYANG –", "PYONGYANG", None, None),
        ("SEOUL, March 12 (APW) –", "SEOUL", "APW", None),  # no year: never invented
        ("SEOUL, March 12, 2025 (APW) –", "SEOUL", "APW", "2025-03-12"),
        ("Seoul, March 12 (APW) –", "Seoul", "APW", None),
        ("WASHINGTON (AP) --", "WASHINGTON", "AP", None),
        ("LONDON, 4 July 2022 (Reuters) -", "LONDON", "Reuters", "2022-07-04"),
        ("PARIS (AFP) —", "PARIS", "AFP", None),
        ("NEW YORK, N.Y. (AP) _", "NEW YORK", "AP", None),
        ("TOKYO, April 2 (Yonhap)", "TOKYO", "Yonhap", None),  # agencies that write no dash
        ("BEIJING—", "BEIJING", None, None),  # an em dash may touch the text
    ],
)
def test_datelines(line: str, place: str, outlet: str | None, published: str | None) -> None:
    raw = f"{line} {BODY}"
    a = rec(raw)
    assert a.dateline == place
    assert a.outlet == outlet
    assert a.published == published
    assert a.meta["dateline_raw"] == line.strip()
    assert a.text == BODY  # the date line is kept out of the first sentence
    assert_offsets_map(a, raw)


def test_colon_dateline_outside_a_transcript() -> None:
    a = rec("NEW DELHI: " + BODY)
    assert a.dateline == "NEW DELHI" and a.text == BODY


def test_month_day_dateline_takes_year_only_from_url() -> None:
    a = rec("SEOUL, March 12 (Yonhap) -- " + BODY, url="https://news.example/2025/politics/plant")
    assert a.published == "2025-03-12"
    assert a.meta["dateline_month_day"] == "03-12"
    assert rec("SEOUL, March 12 (Yonhap) -- " + BODY).published is None


@pytest.mark.parametrize(
    "start",
    [
        "SEOUL-based engineers said on Monday that the plant was finished.",
        "BREAKING: Officials opened a plant on Monday.",
        "North Korea - a country rarely open to visitors - opened a plant.",  # Title Case needs date/credit
        "HOST: Good evening. Officials opened a plant on Monday.",  # a transcript's speaker label
        "KIM YONG: Officials opened a plant.\nHOST: When?\nKIM YONG: On Monday.",  # speaker turns
    ],
)
def test_not_datelines(start: str) -> None:
    a = rec(start + " " + BODY)
    assert a.dateline is None
    assert a.text.startswith(start)


# --- outlet ------------------------------------------------------------------------------------------


def test_attribution_and_credits_are_not_outlets() -> None:
    raw = (
        "PYONGYANG – The leader visited a factory, according to KCNA. State media KCNA said output rose.\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)"
    )
    a = rec(raw)
    assert a.outlet is None
    assert "Reporting by" not in a.text
    assert_offsets_map(a, raw)


def test_menafn_prefix_and_footer() -> None:
    raw = f" date 2023-03-18 (MENAFN) {BODY}\n\n{FOOTER}"
    a = rec(raw)
    assert (a.outlet, a.published, a.dateline, a.title) == ("MENAFN", "2023-03-18", None, None)
    assert a.text == BODY
    assert [s["kind"] for s in a.meta["stripped"] if s["kind"] != "whitespace"] == ["date_prefix", "agency_footer"]
    assert_offsets_map(a, raw)


def test_menafn_footer_alone_gives_outlet_and_unambiguous_date() -> None:
    a = rec(f"{BODY}\n\n{FOOTER}")
    assert (a.outlet, a.published) == ("MENAFN", "2023-03-18")  # day 18 > 12: only one reading
    assert a.text == BODY


def test_menafn_footer_ambiguous_date_stays_null() -> None:
    footer = "MENAFN" + "05062023" + "000045012345" + "ID" + "1106543210"  # 5 June or May 6?
    a = rec(f"{BODY}\n\n{footer}")
    assert (a.outlet, a.published) == ("MENAFN", None)
    b = rec(f"date 2023-06-05 (MENAFN) {BODY}\n\n{footer}")
    assert b.published == "2023-06-05"  # the prefix date is explicit


def test_footer_glued_to_the_start_belongs_to_the_previous_article() -> None:
    raw = f"{FOOTER}River City Opens New Water Plant After Delays\n\nRIVERTON – {BODY}\n"
    a = rec(raw)
    assert a.title == "River City Opens New Water Plant After Delays"
    assert a.outlet is None and a.published is None  # the footer says nothing about this article
    assert a.dateline == "RIVERTON"
    assert a.text == BODY
    assert a.meta["stripped"][0]["kind"] == "foreign_footer"
    assert_offsets_map(a, raw)


def test_reader_fields_win_over_text() -> None:
    a = rec("LONDON, 4 July 2022 (Reuters) - " + BODY, outlet="Harbor Wire", published="2022-07-05")
    assert (a.outlet, a.published, a.dateline) == ("Harbor Wire", "2022-07-05", "LONDON")


# --- published ---------------------------------------------------------------------------------------


def test_no_date_is_invented() -> None:
    a = rec("Officials said yesterday that the plant opened last week, a day after the storm.\n\n" + BODY)
    assert a.published is None


def test_url_date() -> None:
    assert rec(BODY, url="https://news.example/2021/08/09/plant-opens").published == "2021-08-09"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-15", "2024-05-15"),
        ("2024-05-15T23:30:00-07:00", "2024-05-15"),  # the date as written, no UTC shift
        ("20240515", "2024-05-15"),
        ("2024/05/15", "2024-05-15"),
        ("Wed, 15 May 2024 10:00:00 +0900", "2024-05-15"),
        ("May 15, 2024", "2024-05-15"),
        ("Wednesday, May 15th, 2024", "2024-05-15"),
        ("15 May 2024", "2024-05-15"),
        ("Sept. 3, 2023", "2023-09-03"),
        ("15/05/2024", "2024-05-15"),
        ("05/15/2024", "2024-05-15"),
        ("03/04/2024", None),  # March 4 or 3 April: ambiguous
        ("2024-02-30", None),
        ("2024-05", None),
        ("2024", None),
        ("yesterday", None),
        ("3 days ago", None),
        ("", None),
        (None, None),
        (1715731200, "2024-05-15"),
        (1715731200000, "2024-05-15"),
        (42, None),
        ("15. Mai 2024", "2024-05-15"),  # other languages through dateparser
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


# --- language ----------------------------------------------------------------------------------------


def test_guess_language() -> None:
    assert guess_language(BODY) == "en"
    fr = "Le ministre a inauguré une nouvelle usine de traitement des eaux pour les habitants de la ville."
    assert guess_language(fr) == "fr"
    assert guess_language("Water plant") is None  # too short to tell
    assert guess_language("12 34 56 Xq Zv Bb Kk Rr Tt Pp Mm Nn Ll") is None


# --- boilerplate and bookkeeping ---------------------------------------------------------------------


def test_copyright_and_credit_lines_removed_anywhere() -> None:
    raw = f"{BODY} (Reporting by Ana Cruz)\n\nCopyright 2024 Harbor Wire. All rights reserved.\n\n© 2024 Someone Else"
    a = rec(raw)
    assert a.text == BODY
    assert_offsets_map(a, raw)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the local newspaper showed that the contract had been signed twice last year.",
        "Copyright cases rose sharply last year, the court said in its annual report.",
    ],
)
def test_sentences_that_start_like_credits_stay(line: str) -> None:
    raw = f"{BODY}\n\n{line}"
    assert rec(raw).text == raw


def test_recover_twice_changes_nothing() -> None:
    a = rec("Water Plant Opens\n\nRIVERTON – " + BODY)
    before = (a.text, a.title, a.dateline, list(a.meta["stripped"]))
    recover_metadata(a)
    assert (a.text, a.title, a.dateline, a.meta["stripped"]) == before


# --- HTML --------------------------------------------------------------------------------------------

PAGE = """<html><head><title>Plant Opens - Harbor Wire</title>
<meta name="date" content="2020-10-02">
<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "x"},
 {"@type": "NewsArticle", "headline": "Plant Opens", "datePublished": "2020-10-01T08:00:00Z",
  "publisher": {"@type": "Organization", "name": "Harbor Wire"}}]}</script>
</head><body><p>%s</p></body></html>"""


def test_html_metadata_from_markup() -> None:
    found = html_metadata(PAGE % BODY)
    assert found["title"] == "Plant Opens"
    assert found["outlet"] == "Harbor Wire"
    assert found["published"] == "2020-10-02" and found["published_from"] == "meta:date"  # meta before JSON-LD
    jsonld_only = PAGE.replace('<meta name="date" content="2020-10-02">', "")
    assert html_metadata(jsonld_only % BODY)["published"] == "2020-10-01"


def test_html_without_dates_has_no_date() -> None:
    page = f"<html><body><p>{BODY}</p><footer>© 2019 Harbor Wire</footer></body></html>"
    assert "published" not in html_metadata(page)


def test_recover_with_html_fills_missing_fields() -> None:
    page = PAGE % BODY
    a = recover_metadata(Article(id="h", text=BODY), html=page)
    assert (a.title, a.outlet, a.published) == ("Plant Opens", "Harbor Wire", "2020-10-02")


def test_truncated_html_falls_back_and_does_not_crash() -> None:
    text, method = html_to_text('<html><body><div class="x"><p>Officials opened a plant on Mon')
    assert "Officials opened a plant" in text
    assert method in ("trafilatura", "lxml")
    assert html_to_text("")[0] == ""
    assert html_metadata("<html><head><title>Half") == {} or "title" in html_metadata("<html><head><title>Half")
