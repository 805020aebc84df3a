"""How a fused event takes its modality, attribution and date from its mentions (connect/fusion.aggregate)."""

from __future__ import annotations

from wirewatch.connect.fusion import aggregate
from wirewatch.model import Event, EventMention


def _m(article: str, modality: str, source: str | None, date: str | None = None,
       date_from: str | None = None) -> EventMention:
    return EventMention(article_id=article, event_type="MOBILIZE", sentence="", start=0, end=0,
                        modality=modality, attributed_to=source, date=date,
                        date_precision="day" if date else None, date_from=date_from)


def test_the_most_cited_source_speaks_for_the_event() -> None:
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "reported", "coast guard"), _m("b", "reported", "Defence Ministry"),
        _m("c", "reported", "Defense Ministry"), _m("d", "asserted", None)]))
    assert ev.modality == "asserted"
    assert ev.attributed_to == "Defence Ministry"  # two reports, spellings folded
    assert ev.attributions() == ["coast guard", "Defence Ministry", "Defense Ministry"]


def test_a_tie_goes_to_the_source_of_the_most_factual_mention() -> None:
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "claimed", "rebel radio"), _m("b", "reported", "the navy")]))
    assert (ev.modality, ev.attributed_to) == ("reported", "the navy")


def test_stated_dates_outrank_carried_and_report_dates() -> None:
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "reported", None, "2025-06-09", "context"), _m("b", "reported", None, "2025-06-10", "published"),
        _m("c", "reported", None, "2025-06-08", "text")]))
    assert ev.date == "2025-06-08"
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "reported", None, "2025-06-09", "context"), _m("b", "reported", None, "2025-06-10", "published")]))
    assert ev.date == "2025-06-09"  # no stated date: the earliest stand-in, as before
