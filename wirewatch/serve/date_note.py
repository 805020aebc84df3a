"""How a shown date says where it came from: the one wording every surface uses.

A past report of news that states no time carries the report's own day in `date` (`date_from:
"published"`, README "Date convention"): the gold sets date such events by the report, but a reader who
takes the day for one the text gives is misled. So wherever a date is shown, a stand-in says so: the
CLI tables and story view, briefings (HTML and Markdown), the web pages and their tables, the Atom feed.
JSON and CSV carry `date_from` as a field / column instead of a changed date, so the value stays a date.
Change the words here and every surface follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Event


@dataclass(frozen=True)
class DateNote:
    label: str  # shown next to the date, in parentheses
    explanation: str  # the tooltip in HTML, and what the README and API docs say


# Only the publication-day stand-in is marked: "context" and "period" dates come from the report's own
# words (the sentence before, a stated stretch such as "since May"), so they are what the text says.
NOTES: dict[str, DateNote] = {
    "published": DateNote("report day", "the report's publication day; the text states no time"),
}

# The API's and the exports' description of the `date_from` field.
DATE_FROM_DOC = ('where `date` came from: "text" (a time expression of the sentence), "context" (the time of '
                 'the sentence before), "period" (the stretch the act went on through), "published" ('
                 + NOTES["published"].explanation + "); null without a date")


def date_note(date_from: str | None) -> DateNote | None:
    """The note a date from `date_from` is shown with, or None when it needs none."""
    return NOTES.get(date_from or "")


def date_text(date: str | None, date_from: str | None, undated: str = "undated") -> str:
    """A date as plain text: "2024-03-05 (report day)" for a stand-in, `undated` without a date."""
    if not date:
        return undated
    note = date_note(date_from)
    return f"{date} ({note.label})" if note else date


def date_html(date: str | None, date_from: str | None, undated: str = "undated") -> Markup:
    """A date as HTML: the stand-in's label in a span whose tooltip explains it."""
    if not date:
        return Markup("{}").format(undated)
    note = date_note(date_from)
    if note is None:
        return escape(date)
    return Markup('{} <span class="date-note" title="{}">({})</span>').format(date, note.explanation, note.label)


def event_date_text(ev: Event, undated: str = "undated") -> str:
    """An Event's date as plain text (its `date_source` says where the date came from)."""
    return date_text(ev.date, ev.date_source(), undated)


def event_date_html(ev: Event, undated: str = "undated") -> Markup:
    return date_html(ev.date, ev.date_source(), undated)
