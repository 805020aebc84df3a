"""A publication-day stand-in date is marked wherever it is shown (serve/date_note.py)."""

from __future__ import annotations

from types import SimpleNamespace

from wirewatch.model import Event, EventMention
from wirewatch.serve import analyst, atomfeed
from wirewatch.serve.api import EventOut, MentionOut
from wirewatch.serve.date_note import date_html, date_text, event_date_text
from wirewatch.serve.web import env


def _event(date_from: str) -> Event:
    m = EventMention(article_id="a1", event_type="ASSAULT", sentence="Gunmen stormed a border post.", start=0,
                     end=29, date="2025-04-11", date_precision="day", date_from=date_from)
    return Event(id="e1", event_type="ASSAULT", mentions=[m], date="2025-04-11", date_precision="day", sources=1)


def test_plain_text_marks_only_the_stand_in() -> None:
    assert date_text("2025-04-11", "published") == "2025-04-11 (report day)"
    assert date_text("2025-04-11", "text") == "2025-04-11"
    assert date_text("2025-04", "period") == "2025-04"
    assert date_text(None, "published", undated="?") == "?"
    assert event_date_text(_event("published")).endswith("(report day)")


def test_html_escapes_and_explains_in_a_tooltip() -> None:
    html = str(date_html("2025-04-11", "published"))
    assert 'title="the report&#39;s publication day; the text states no time"' in html
    assert "(report day)" in html
    assert str(date_html("<b>", "text")) == "&lt;b&gt;"


def test_event_card_in_the_web_ui_shows_the_mark() -> None:
    macros = env.get_template("macros.html").module
    card = SimpleNamespace(ev=_event("published"), conflict=False, evidence=[])
    assert "date-note" in str(macros.event_card(card))  # type: ignore[attr-defined]
    card = SimpleNamespace(ev=_event("text"), conflict=False, evidence=[])
    assert "date-note" not in str(macros.event_card(card))  # type: ignore[attr-defined]


def test_atom_entry_title_is_marked() -> None:
    alert = SimpleNamespace(event_id="e1", reason="new", sources=1, conflicts=0,
                            updated_at="2025-04-11T10:00:00+00:00", first_at="2025-04-11T10:00:00+00:00")
    rule = SimpleNamespace(name="r", criteria=lambda: {"type": "ASSAULT"}, created_at="2025-04-11T09:00:00+00:00")
    xml = atomfeed.render(rule, [alert], {"e1": _event("published")}, {}, "http://x")  # type: ignore[arg-type]
    assert "2025-04-11 (report day)" in xml.decode()


def test_api_and_csv_say_where_the_date_came_from() -> None:
    for model in (EventOut, MentionOut):
        field = model.model_fields["date_from"]
        assert field.description and "publication day" in field.description
    assert "date_from" in analyst.EVENT_COLUMNS
