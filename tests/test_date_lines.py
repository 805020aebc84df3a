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
