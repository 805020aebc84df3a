"""Review 14 fixes (issue 11, h/actors15): an object "them" is not bound in its own clause but takes no nearest
object by default; a partitive counts people only when the pronoun is one of people; a verdict under a verb is
its speaker's only for a quoted thinker; a sentence-first surname the report writes as a name elsewhere is a
name. Sentences written for this file (court, local crime, wire copy); names invented."""

from __future__ import annotations

from tests.participant_fixtures import mention, names
from wirewatch.extract.arguments import ArticleContext
from wirewatch.extract.participants import _verdict_judge
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


# --- an object "them": never its own clause's subject (nor what a pronoun subject there stands for); a subject of
# another clause of its sentence before an object told there
def test_them_is_the_other_clauses_subject_not_the_nearest_object(pipe: Pipeline) -> None:
    m = mention(pipe, "Bandits raided two farms outside Kowa, and soldiers later captured them.", "captured")
    assert names(m.recipient) == ["Bandits"]


def test_them_after_a_shared_subject_is_the_object_before(pipe: Pipeline) -> None:
    m = mention(pipe, "Deputies stopped the two brothers near the motel and arrested them.", "arrested")
    assert names(m.actor) == ["Deputies"]
    assert names(m.recipient) == ["brothers"]


def test_them_is_not_what_the_own_pronoun_subject_stands_for(pipe: Pipeline) -> None:
    text = "The county board said it had warned the landlords twice and would now fine them."
    m = mention(pipe, text, "fine")
    assert names(m.recipient) == ["landlords"]


# --- a count "of it" is of a thing: no party, so the clause's own "from X" is looked at
def test_most_of_it_is_no_party(pipe: Pipeline) -> None:
    m = mention(pipe, "Deputies found the stolen cash in a van and seized most of it from the gang.", "seized")
    assert names(m.recipient) == ["gang"]


def test_some_of_them_is_still_the_people(pipe: Pipeline) -> None:
    m = mention(pipe, "Riot officers surrounded the strikers and detained several of them.", "detained")
    assert names(m.recipient) == ["strikers"]


# --- a copular verdict under a verb: a quoted thinker's ("we have to understand that"), not an unquoted "we"
def _judge(pipe: Pipeline, text: str) -> tuple[str, str | None] | None:
    art = pipe.run(Article(id="t", text=text, published="2026-03-11"))
    pred = next(t for t in art.doc if t.lower_ == "aggressor")
    found = _verdict_judge(ArticleContext(art, art.doc), pred)
    return None if found is None else (found[0].text, found[1].text if found[1] is not None else None)


def test_a_quoted_we_who_understands_passes_the_verdict(pipe: Pipeline) -> None:
    text = ('Senator Ines Varga met voters in Tulsa. "We have to understand that Moscow is the aggressor," '
            "she said.")
    assert _judge(pipe, text) == ("We", "Moscow")


def test_an_unquoted_we_passes_no_verdict(pipe: Pipeline) -> None:
    text = "Senator Ines Varga met voters in Tulsa. We have to understand that Moscow is the aggressor."
    assert _judge(pipe, text) is None


# --- a sentence-first surname that is also a word is a name where the report writes it as one inside a sentence
def test_sentence_first_surname_used_as_a_name_elsewhere(pipe: Pipeline) -> None:
    text = "King loyalists attacked the opposition offices in Tamale. Party elder Tom King denied any role."
    m = mention(pipe, text, "attacked")
    assert names(m.actor) == ["Tom King"]


def test_riot_police_are_still_no_person(pipe: Pipeline) -> None:
    m = mention(pipe, "Riot police charged the dock workers outside the port gates.", "charged")
    assert names(m.actor) == ["Riot police"]
