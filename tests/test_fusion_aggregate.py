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
    assert ev.modality == "reported"  # three reports credit a source, one states it
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


def test_attribution_goes_with_the_modality_not_with_a_naysayer() -> None:
    # outlets a and b report it on the police's word; c carries the militia saying it did not happen
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "reported", "police"), _m("b", "reported", "police"), _m("c", "negated", "the militia")]))
    assert (ev.modality, ev.attributed_to) == ("reported", "police")
    assert ev.attributions() == ["police", "the militia"]


def test_the_modality_most_reports_give_speaks_for_the_event() -> None:
    # two reports tell a planned visit, one outlet states it bare: the plan, and each report votes once
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "planned", None), _m("b", "planned", None), _m("c", "asserted", None), _m("c", "speculated", None)]))
    assert ev.modality == "planned"
    # a tie goes to the most factual presentation
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[_m("a", "planned", None), _m("b", "asserted", None)]))
    assert ev.modality == "asserted"


def test_sources_vote_once_per_report_not_per_mention() -> None:
    # one report repeats "officials said" three times; two other outlets credit the defence ministry
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "reported", "officials"), _m("a", "reported", "officials"), _m("a", "reported", "officials"),
        _m("b", "reported", "Defence Ministry"), _m("c", "reported", "Defense Ministry")]))
    assert ev.attributed_to == "Defence Ministry"


def test_a_carried_date_does_not_outvote_other_reports() -> None:
    # one article's "2019", carried from the sentence before, against two outlets dated by their reports
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=[
        _m("a", "reported", None, "2019", "context"), _m("b", "reported", None, "2025-06-10", "published"),
        _m("c", "reported", None, "2025-06-10", "published")]))
    assert ev.date == "2025-06-10"


def test_cited_source_compares_distinct_names_not_pairs_of_mentions(monkeypatch) -> None:
    # 3000 mentions of one big event (a repeated wire): grouped by name key, a handful of comparisons
    # (the pairwise vote made fusion of such an event cubic: benchmarks/hostile.py repeated wire)
    from wirewatch.connect import fusion

    calls = []
    real = fusion.fuzz.token_sort_ratio

    class Counting:
        @staticmethod
        def token_sort_ratio(a: str, b: str) -> float:
            calls.append((a, b))
            return real(a, b)

    monkeypatch.setattr(fusion, "fuzz", Counting)
    fusion._keys_equivalent.cache_clear()
    ms = [_m(f"a{i % 50}", "reported", "the army" if i % 50 == 7 else ["officials", "Officials"][i % 2])
          for i in range(3000)]
    ev = aggregate(Event(id="e", event_type="MOBILIZE", mentions=ms))
    assert ev.attributed_to == "officials"
    assert len(calls) <= 4
