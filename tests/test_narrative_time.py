"""Narrative time (extract/timex_narrative.py): a past-tense sentence with no time expression of its own
goes on at the time of the sentence before it, one step, within a paragraph."""

from __future__ import annotations

from wirewatch.extract.timex_narrative import SentenceTime, carry
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline

PUB = "2025-06-10"  # a Tuesday


def dated(pipe: Pipeline, text: str) -> dict[str, tuple[str | None, str | None, str]]:
    """{trigger: (date, date_from, modality)}"""
    evs = pipe.run(Article(id="n", text=text, published=PUB)).events
    return {m.trigger: (m.date, m.date_from, m.modality) for m in evs}


def test_background_story_carries_its_date_to_the_next_sentence(pipe: Pipeline) -> None:
    got = dated(pipe, "Peace talks collapsed at the Vienna summit held in March 2024. The rebel envoy "
                      "accused the government of bad faith.")
    # the date only: with no anaphor stepping into that past, a carried date does not make the sentence
    # background by itself (the review's "Rebels first seized the town in March 2019 ... Police arrested 14
    # people" made the arrests history)
    assert got["accused"][:2] == ("2024-03", "context") and got["accused"][2] != "historical"


def test_the_carry_reaches_one_sentence_only(pipe: Pipeline) -> None:
    got = dated(pipe, "Peace talks collapsed at the Vienna summit held in March 2024. The rebel envoy "
                      "accused the government of bad faith. The government rejected the accusation.")
    assert got["rejected"] == (PUB, "published", "asserted")


def test_a_sentence_stepping_into_a_long_past_frame_is_background_and_the_frame_goes_on(pipe: Pipeline) -> None:
    # (h/attr5) "There," points back to the summit: what is told there is the backstory, and the story stays
    # there while it is told in the past with no time of its own
    got = dated(pipe, "Peace talks collapsed at the Vienna summit held in March 2024. There, the rebel envoy "
                      "accused the government of bad faith. The government rejected the accusation.")
    assert got["accused"] == ("2024-03", "context", "historical")
    assert got["rejected"] == ("2024-03", "context", "historical")


def test_a_frame_of_a_recent_day_is_news_not_background(pipe: Pipeline) -> None:
    got = dated(pipe, "Rebels seized the town of Amara on Monday. There, they shelled the market. The army "
                      "rejected their demands.")
    assert got["shelled"] == ("2025-06-09", "context", "asserted")
    assert got["rejected"] == (PUB, "published", "asserted")


def test_a_recent_day_carries_without_making_background(pipe: Pipeline) -> None:
    got = dated(pipe, "Rebels seized the town of Amara on Monday. The army shelled the market.")
    assert got["shelled"] == ("2025-06-09", "context", "asserted")


def test_present_perfect_is_news_of_the_report_day(pipe: Pipeline) -> None:
    got = dated(pipe, "Rebels seized the town of Amara on Monday. The army has shelled the market.")
    assert got["shelled"] == (PUB, "published", "asserted")


def test_a_paragraph_break_ends_the_story(pipe: Pipeline) -> None:
    got = dated(pipe, "Rebels seized the town of Amara in 2019.\n\nGovernment troops shelled the market in Amara.")
    assert got["shelled"] == (PUB, "published", "asserted")


def test_a_year_modifying_a_noun_sets_no_story_time(pipe: Pipeline) -> None:
    got = dated(pipe, "Her 1989 trial drew large crowds. Police arrested two men outside the court.")
    assert got["arrested"] == (PUB, "published", "asserted")


def _m(date: str | None, source: str | None, modality: str = "asserted") -> EventMention:
    return EventMention(article_id="a", event_type="ASSAULT", sentence="", start=0, end=0, modality=modality,
                        date=date, date_precision="day" if date else None, date_from=source)


def test_a_plan_date_is_no_story_time() -> None:
    plan, later = _m("2025-06-20", "text", "planned"), _m(PUB, "published")
    carry([SentenceTime([plan], [False], True), SentenceTime([later], [True])], PUB)
    assert (later.date, later.date_from) == (PUB, "published")


def test_future_text_dates_do_not_carry_and_gaps_are_bounded() -> None:
    early = _m("2025-06-02", "text")
    quiet = [SentenceTime() for _ in range(3)]  # no event, no time expression
    late = _m(PUB, "published")
    carry([SentenceTime([early], [True], True), *quiet, SentenceTime([late], [True])], PUB)
    assert late.date_from == "published"  # three quiet sentences: the story has moved on
    near = _m(PUB, "published")
    carry([SentenceTime([early], [True], True), SentenceTime(), SentenceTime([near], [True])], PUB)
    assert (near.date, near.date_from) == ("2025-06-02", "context")


def test_a_time_that_dates_nothing_past_ends_the_story() -> None:
    early, later = _m("2025-06-02", "text"), _m(PUB, "published")
    carry([SentenceTime([early], [True], True), SentenceTime(has_timex=True), SentenceTime([later], [True])], PUB)
    assert later.date_from == "published"  # "talks are due in July" in between: no story time to follow


# --- review regressions -------------------------------------------------------------------------------
_HTML = """<html><head><title>Army shells Amara market</title></head><body><article><h1>Army shells Amara market</h1>
<p>The army shelled the central market of Amara on Tuesday, killing at least nine people, local officials told
reporters. Residents said the shelling went on for hours.</p>
<p>Rebels first seized the town in March 2019, during an offensive that drove government forces out of the
province for two years.</p>
<p>Police arrested 14 people near the market, the interior ministry said in a statement, accusing them of
helping the rebels.</p></article></body></html>"""


def test_html_paragraphs_stop_the_narrative_carry(pipe: Pipeline) -> None:
    from wirewatch.ingest.htmltext import html_to_text

    text, _ = html_to_text(_HTML)
    assert "\n\n" not in text  # trafilatura separates paragraphs with a single newline
    assert dated(pipe, text)["arrested"] == (PUB, "published", "reported")


def test_paragraphs_as_the_readers_lay_them_out() -> None:
    from wirewatch.extract.timex_narrative import paragraph_ends

    assert paragraph_ends("One.\nTwo.\nThree.") == [5, 10]  # trafilatura: one paragraph a line
    assert paragraph_ends("One,\nwrapped.\n\nTwo.") == [15]  # plain text: blank lines; a newline wraps
    assert paragraph_ends("No break at all.") == []


def test_a_date_inside_reported_speech_does_not_carry(pipe: Pipeline) -> None:
    got = dated(pipe, "Rebels seized Amara in 2019, the army said. Troops arrested 40 protesters.")
    assert got["arrested"][2] != "historical" and got["arrested"][:2] == (PUB, "published")


def test_a_future_week_is_no_narrative_time(pipe: Pipeline) -> None:
    got = dated(pipe, "The government said on Monday it would hold talks in Geneva next week. "
                      "Protesters attacked a police station.")
    assert got["attacked"] == (PUB, "published", "asserted")  # never a future date


def test_later_this_month_is_no_narrative_time(pipe: Pipeline) -> None:
    got = dated(pipe, "The talks are scheduled for later this month. Protesters attacked a police station.")
    assert got["attacked"] == (PUB, "published", "asserted")


def test_an_html_report_fuses_with_another_outlets_report_of_the_arrests(tmp_path, pipe: Pipeline) -> None:
    # the HTML's third paragraph (today's arrests) after the 2019 background stays today's news and fuses
    import json

    from wirewatch.pipeline import ingest
    from wirewatch.store.db import Store

    (tmp_path / "a.html").write_text(_HTML.replace("<head>", '<head><meta property="article:published_time" '
                                                             'content="2025-06-10"><meta property="og:site_name" '
                                                             'content="Amara Daily">'))
    (tmp_path / "b.jsonl").write_text(json.dumps({
        "id": "b1", "title": "Amara arrests", "outlet": "Gulf Wire", "published": PUB,
        "text": "Police arrested 14 people near the market in Amara, the interior ministry said, accusing them "
                "of helping the rebels.\n\nThe arrests came hours after the army shelled the central market."}) + "\n")
    store = Store(":memory:")
    ingest([tmp_path / "a.html", tmp_path / "b.jsonl"], store, pipeline=pipe)
    arrests = [e for e in store.events() if any(m.trigger == "arrested" for m in e.mentions)]
    assert len(arrests) == 1 and arrests[0].date == PUB and arrests[0].modality == "reported"
    assert len({m.article_id for m in arrests[0].mentions}) == 2
