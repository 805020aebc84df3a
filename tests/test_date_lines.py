"""Date lines and URL lines at the top of plain-text reports (fixtures in tests/fixtures/dates, invented).

Each fixture is read through the real text reader; `published` must be the date the line spells out,
or null when the line does not give a full, unambiguous date (never invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.dates import date_from_url, date_line
from wirewatch.ingest.readers import read_text
from wirewatch.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "dates"

# file -> (published, published_from, url, title)
CASES = {
    "published_label.txt": ("2011-11-10", "date_line", None, "Council Approves New Bus Lanes for the Old Town"),
    "caps_weekday.txt": ("2013-07-03", "date_line", None, "Dockworkers Return After Two-Day Stoppage"),
    "time_weekday_ordinal.txt": ("2013-06-10", "date_line", None, "Storm Closes Mountain Pass"),
    "posted_on.txt": ("2012-03-03", "date_line", None, None),
    "updated_only.txt": ("2009-03-04", "date_line:updated", None, "Ferry Fares to Rise in April"),
    "published_and_updated.txt": ("2011-11-10", "date_line", None, "Hospital Opens New Children's Wing"),
    "url_first_line.txt": (
        "2013-06-10", "url", "http://www.lakesidetimes.example/news/2013/06/10/bridge-reopens.html",
        "Bridge Reopens After Six Months of Repairs",
    ),
    "url_without_date.txt": (
        None, None, "https://www.lakesidetimes.example/news/bridge-reopens",
        "Bridge Reopens After Six Months of Repairs",
    ),
    "url_and_date_line.txt": (
        "2011-10-09", "date_line", "http://www.hillgazette.example/local/school-roof.html",
        "School Roof Repaired Before Term",
    ),
    # a URL and a date as a tokenizer left them (spaces around punctuation), as some corpora ship reports
    "url_tokenized.txt": (
        "2012-03-14", "date_line", "http://www.harbourdaily.example/news/2012/03/14/pier-fire.html",
        "Fire Destroys Old Pier Warehouse",
    ),
    "ambiguous_numeric.txt": (None, None, None, "Market Hall to Close for Renovation"),
    "no_year.txt": (None, None, None, "Library Extends Opening Hours"),
    "sentence_not_date_line.txt": (None, None, None, None),
    # a date line on the first line, above the headline
    "weekday_first_line.txt": ("2008-03-04", "date_line", None, "Harbour Cranes Idle as Talks Stall"),
    "gmt_stamp.txt": ("2008-03-04", "date_line", None, "Glassworks to Cut 200 Jobs"),
    # numeric dates: a two-digit year; a day over 12 tells the order, else the URL's month or the line's time
    # zone does (North America writes the month first), else nothing does (ambiguous_numeric.txt)
    "posted_two_digit_year.txt": ("2008-03-14", "date_line", None, "Rail Line Reopens After Landslide"),
    "posted_ambiguous_url_month.txt": (
        "2008-03-04", "date_line", "http://www.valleyherald.example/news/2008/03/rail-line-reopens",
        "Rail Line Reopens After Landslide",
    ),
    "zone_orders_day_month.txt": ("2008-03-04", "date_line", None, "Ferry Crew Rescues Two Kayakers"),
    # a date line further down the top lines: past an outlet line, a subheading and a byline, a lead sentence
    # (then only a labelled one), never one a wrapped sentence runs through
    "title_outlet_date.txt": ("2008-03-04", "date_line", None, "Dockers Vote to Accept New Contract"),
    "deck_byline_labelled.txt": ("2008-03-04", "date_line", None, "City Buys Old Mill for New Library"),
    "lead_then_labelled.txt": ("2008-03-04", "date_line", None, "Storm Cuts Power to Coastal Towns"),
    "lead_then_bare_date.txt": (None, None, None, "Storm Cuts Power to Coastal Towns"),
    "wrapped_prose_date.txt": (None, None, None, None),
    # a second label inside the line ("... Last updated at ..."): the first date is the publication's
    "second_label_in_line.txt": (
        "2008-03-04", "date_line", "http://www.coastnews.example/news/region-4432871",
        "Lifeboat Station Gets New Boat",
    ),
}  # fmt: skip


def read_fixture(name: str) -> Article:
    path = FIXTURES / name
    (art,) = list(read_text(path.read_bytes(), source=str(path), article_id=path.stem))
    assert isinstance(art, Article), art
    return art


@pytest.mark.parametrize("name", sorted(CASES))
def test_date_line_fixtures(name: str) -> None:
    published, origin, url, title = CASES[name]
    art = read_fixture(name)
    assert art.published == published
    assert art.meta.get("published_from") == origin
    assert art.url == url
    assert art.title == title
    # URL and date lines are metadata, not body text; the body starts with the first sentence.
    header_words = ("http", "www.", "Published", "PUBLISHED", "Posted", "Updated", "WEDNESDAY", "8:")
    assert name == "sentence_not_date_line.txt" or not art.text.startswith(header_words)
    assert not any(line in art.text for line in art.meta.get("date_lines", []))  # a date line read is cut


def test_all_fixtures_are_covered() -> None:
    assert {p.name for p in FIXTURES.glob("*.txt")} == set(CASES)


def test_url_line_is_never_the_title() -> None:
    art = read_fixture("url_first_line.txt")
    assert art.title is not None and not art.title.startswith("http")
    assert art.meta["url_from"] == "text:url_line"


def test_sentence_starting_with_published_stays_in_the_body() -> None:
    art = read_fixture("sentence_not_date_line.txt")
    assert art.text.startswith("Published reports on Monday")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: November 10, 2011", ("2011-11-10", "published")),
        ("WEDNESDAY 03 JULY 2013", ("2013-07-03", "published")),
        ("8: 56am Monday 10th June 2013", ("2013-06-10", "published")),
        ("Posted on March 3, 2012 by admin", ("2012-03-03", "published")),
        ("Updated: 10:45 GMT, Wed 4 March 2009", ("2009-03-04", "updated")),
        ("Last updated at 14:02 BST on Wednesday 3rd July 2013", ("2013-07-03", "updated")),
        ("First published: Monday 10 June 2013 08.56 BST", ("2013-06-10", "published")),
        ("Thu Feb 21, 2013 7:21pm EST", ("2013-02-21", "published")),
        ("Nov. 10, 2011 | 4:35 PM EST", ("2011-11-10", "published")),
        ("By Jane Doe | November 10, 2011", ("2011-11-10", "published")),
        ("2013-06-10 08:56", ("2013-06-10", "published")),
        ("Tuesday 12 March 2013 09.15 GMT", ("2013-03-12", "published")),
        # date lines without a full date: boilerplate, but no date
        ("Updated: 10:45 GMT", (None, "updated")),
        ("Published: March 4", (None, "published")),
        ("Published 11/10/2011 04:35 PM", (None, "published")),
        ("Posted: 3/4/08", (None, "published")),
        ("10:31 04.03.2008", (None, "published")),  # no order told; dateparser's guess is not taken
        # spaced as a tokenizer left it; two-digit years; a time zone that tells the order
        ("12 / 16 / 08 1: 30 AM EST", ("2008-12-16", "published")),
        ("Published: 2008. 03. 04 09: 01 AM", ("2008-03-04", "published")),
        ("8: 00 AM PDT 4 / 3 / 2012", ("2012-04-03", "published")),
        ("04/03/2012 10:31 BST", ("2012-03-04", "published")),
        # labels after a word that says which one, a second label in the line, "@" before the time
        ("Story Created: Aug 7, 2012 at 9: 56 AM AKDT", ("2012-08-07", "published")),
        ("Originally published 05 / 03 / 2013 at 10: 20 AM EDT", ("2013-05-03", "published")),
        ("Posted: Nov 27, 2005 8: 20 AM ET Last Updated: Nov 28, 2005 8: 10 PM ET", ("2005-11-27", "published")),
        ("Friday August 2, 2013 @ 8: 13am PDT", ("2013-08-02", "published")),
        ("Date: 2008-03-04T10:31:00Z", ("2008-03-04", "published")),
        # not date lines
        ("Published reports said the plant had closed.", None),
        ("12 people died", None),
        ("By Jane Doe", None),
        ("Jobs | Careers | News", None),
    ],
)
def test_date_line(line: str, expected: tuple[str | None, str] | None) -> None:
    assert date_line(line) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.x.example/news/2013/06/10/story", "2013-06-10"),
        ("https://x.example/world/2013/jun/10/story", "2013-06-10"),
        ("http://x.example/story-20130610-abc", "2013-06-10"),
        ("http://x.example/a/12345678901", None),
        ("http://x.example/story.php?id=20130610", None),
        ("http://x.example/2013/13/45/story", None),
        ("http://x.example/2013/08/5-thoughts-on-the-show", None),  # the 5 belongs to the slug
        ("http://x.example/2013/08/05/", "2013-08-05"),
        ("http://x.example/2013/08/05.html", "2013-08-05"),
        ("http://x.example/2009-03-04/news/36879035", "2009-03-04"),
        ("http://x.example/news/story_2009-03-04.html", "2009-03-04"),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


def test_a_wrapped_sentence_keeps_its_date_words() -> None:
    art = read_fixture("wrapped_prose_date.txt")
    assert "Tuesday, March 4, 2008\nafter a debate" in art.text and "date_lines" not in art.meta


def test_a_bare_date_after_a_lead_sentence_stays_in_the_body() -> None:
    art = read_fixture("lead_then_bare_date.txt")
    assert "\nMarch 4, 2008" in art.text


@pytest.mark.parametrize(
    ("value", "hints", "expected"),
    [
        ("12/16/08", {}, "2008-12-16"),
        ("16.12.99", {}, "1999-12-16"),  # two-digit years as %y reads them
        ("03/04/2024", {}, None),
        ("03/04/2024", {"day_first": True}, "2024-04-03"),
        ("03/04/2024", {"day_first": False}, "2024-03-04"),
        ("03/04/2024", {"month_of": (2024, 4)}, "2024-04-03"),
        ("03/04/2024", {"month_of": (2024, 5)}, None),  # neither reading is in that month
        ("03/04/2024", {"month_of": (2023, 4)}, None),  # nor in that year
    ],
)
def test_numeric_date_order(value: str, hints: dict, expected: str | None) -> None:
    from wirewatch.dates import normalize_date

    assert normalize_date(value, **hints) == expected
