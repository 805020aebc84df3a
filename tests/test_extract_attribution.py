"""Attribution scoped to the clause its verb of saying governs, carried on only inside a quotation
(wirewatch/extract/attribution.py). Texts are written for these tests in styles the project has not seen
(US local crime, Gulf business wire, Levant police copy)."""

from __future__ import annotations

from wirewatch.extract.attribution import past_the_speaker, quote_spans
from wirewatch.extract.nlp import get_nlp
from wirewatch.extract.triggers import Trigger, TriggerSpec
from wirewatch.model import Article, EventMention
from wirewatch.pipeline import Pipeline


def events(pipe: Pipeline, text: str) -> list[EventMention]:
    return pipe.run(Article(id="a", text=text, published="2024-05-10")).events


def by_trigger(evs: list[EventMention], trigger: str) -> EventMention:
    hits = [m for m in evs if m.trigger == trigger]
    assert hits, [(m.event_type, m.trigger, m.attributed_to) for m in evs]
    return hits[0]


def test_quote_spans_straight_and_curly_marks() -> None:
    text = 'He said "we left," and then \u201cthey fired.\u201d'
    spans, still_open = quote_spans(text, 100, False)
    assert [text[s - 100:e - 100] for s, e in spans] == ['"we left,"', "\u201cthey fired.\u201d"]
    assert not still_open
    spans, still_open = quote_spans("\u201cThey attacked at dawn.", 0, False)
    assert still_open and spans == [(0, 23)]


def test_speaker_after_a_multi_sentence_quotation(pipe: Pipeline) -> None:
    text = ("\u201cThe suspect shot the clerk twice. Then he fled in a stolen pickup,\u201d Sheriff Dana Whitlock "
            "told reporters on Thursday.")
    m = by_trigger(events(pipe, text), "shot")
    assert (m.attributed_to, m.modality) == ("Dana Whitlock", "reported")


def test_quotation_right_after_the_speakers_sentence(pipe: Pipeline) -> None:
    text = ("Sheriff Dana Whitlock said the suspect had been arrested. \u201cDeputies detained him near the "
            "county line without incident.\u201d")
    assert by_trigger(events(pipe, text), "detained").attributed_to == "Dana Whitlock"


def test_inverted_speaker_inside_the_sentence(pipe: Pipeline) -> None:
    text = "\u201cWe have frozen the company's accounts,\u201d said Omar Haddad, a spokesman for the central bank."
    assert by_trigger(events(pipe, text), "frozen").attributed_to == "Omar Haddad"


def test_nothing_carries_outside_a_quotation(pipe: Pipeline) -> None:
    text = "Witnesses said militiamen attacked the convoy near Marib. The army later arrested four men."
    evs = events(pipe, text)
    assert by_trigger(evs, "attacked").attributed_to == "Witnesses"
    assert by_trigger(evs, "arrested").attributed_to is None


def test_statement_released_by_an_agency(pipe: Pipeline) -> None:
    text = ("Protesters clashed with riot police outside parliament, according to a statement released by the "
            "Jordanian Interior Ministry.")
    m = by_trigger(events(pipe, text), "clashed")
    assert m.attributed_to is not None and "Interior Ministry" in m.attributed_to


def test_reporting_verb_is_no_event_of_its_content(pipe: Pipeline) -> None:
    text = "Witnesses reported soldiers fired tear gas at villagers near Hebron."
    m = next(m for m in events(pipe, text) if m.event_type == "ASSAULT")
    assert ([a.name for a in m.actor], m.attributed_to) == (["soldiers"], "Witnesses")


def test_a_proposal_on_a_verb_of_saying_moves_to_its_content() -> None:
    """The detector hangs a proposed event on the main verb; when that verb is one of saying, the event is
    what it governs (a verbal act such as ACCUSE stays the saying)."""
    doc = get_nlp()("Residents reported that gunmen torched two trucks outside the depot.")
    said = next(t for t in doc if t.lemma_ == "report")
    trig = Trigger(tok=said, type="ASSAULT", spec=TriggerSpec("ASSAULT", "report", "VERB"))
    assert past_the_speaker(trig, verbal=False).tok.lemma_ == "torch"
    assert past_the_speaker(trig, verbal=True).tok is said


def test_maintaining_sanctions_is_not_reporting_them(pipe: Pipeline) -> None:
    text = "The spokesperson told reporters the council must maintain sanctions on the junta."
    assert all(m.attributed_to != "council" for m in events(pipe, text))


def test_a_report_details_what_it_reports(pipe: Pipeline) -> None:
    text = ("The Syrian Arab News Agency said troops entered Palmyra. The report detailed the army's capture of "
            "the citadel.")
    evs = events(pipe, text)
    assert all(m.attributed_to for m in evs if "citadel" in m.sentence), [(m.trigger, m.attributed_to) for m in evs]


def test_a_statement_carried_by_an_outlet_credits_the_outlet(pipe: Pipeline) -> None:
    text = "The statement, carried by the Saba news agency, accused Saudi jets of bombing a market in Saada."
    m = by_trigger(events(pipe, text), "accused")
    assert m.attributed_to is not None and "Saba" in m.attributed_to
