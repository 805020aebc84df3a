"""Issue 10 round 14: habits told in the past, vows of resolve, and what is due ("is to be sentenced"), each
with a case that must stay (own wording throughout: a police profile, a labour bulletin, a court docket).
"""

from __future__ import annotations

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _mentions(pipe: Pipeline, text: str) -> list[tuple[str, str, str]]:
    art = Article(id="p14", text=text, published="2026-05-02")
    return [(m.event_type, m.trigger, m.modality) for m in pipe.run(art).events]


def _types_on(pipe: Pipeline, text: str, word: str) -> list[str]:
    return [t for t, w, _ in _mentions(pipe, text) if w == word]


def test_a_past_habit_is_no_happening(pipe: Pipeline) -> None:
    text = "Sgt. Alma Ruiz said officers on the night shift usually arrested three or four drunk drivers a week."
    assert "COERCE" not in _types_on(pipe, text, "arrested"), _mentions(pipe, text)


def test_a_habitual_would_is_no_happening(pipe: Pipeline) -> None:
    text = "Before the reforms, border guards at Tessenei would normally detain returning traders for days."
    assert "COERCE" not in _types_on(pipe, text, "detain"), _mentions(pipe, text)


def test_a_past_arrest_on_a_day_stays(pipe: Pipeline) -> None:
    text = "Officers on the night shift arrested four drunk drivers on Saturday, Sgt. Alma Ruiz said."
    assert "COERCE" in _types_on(pipe, text, "arrested"), _mentions(pipe, text)


def test_a_practice_of_abuse_stays(pipe: Pipeline) -> None:
    # "routinely" in the past documents a practice (the PLOVER gold standard codes it): no adverb of habit
    text = "Former inmates told the inquiry that prison guards routinely beat up hunger strikers at Camp Sela."
    assert "ASSAULT" in [t for t, _, _ in _mentions(pipe, text)], _mentions(pipe, text)


def test_often_in_the_past_still_sums_up_acts(pipe: Pipeline) -> None:
    # "often" is no adverb of habit in the past: the acts it sums up happened (lexicon habit_adverbs)
    text = "During the March strike at the Kiruna mine, police often arrested pickets outside the gates."
    assert "COERCE" in _types_on(pipe, text, "arrested"), _mentions(pipe, text)


def test_a_vow_to_stay_on_is_no_agreement(pipe: Pipeline) -> None:
    text = "Striking dockers in Mombasa vowed on Tuesday to stay at the harbour gates until their back pay arrives."
    assert "AGREE" not in _types_on(pipe, text, "vowed"), _mentions(pipe, text)


def test_a_pledge_to_continue_aid_stays_an_agreement(pipe: Pipeline) -> None:
    text = "Norway pledged on Monday to continue its food aid to the camps in Cox's Bazar."
    assert "AGREE" in [t for t, _, _ in _mentions(pipe, text)], _mentions(pipe, text)


def test_agreeing_to_remain_stays_an_agreement(pipe: Pipeline) -> None:
    # an agreement to stay is made with the other parties, not a vow: only promise/pledge/vow/swear are vows
    text = "The Green party agreed on Friday to remain in the governing coalition with the Liberals."
    assert "AGREE" in [t for t, _, _ in _mentions(pipe, text)], _mentions(pipe, text)


def test_a_sentencing_that_is_due_is_planned(pipe: Pipeline) -> None:
    text = "Darnell Okoro, 41, is to be sentenced on June 9 by Judge Miriam Castell of the county court."
    found = [m for t, w, m in _mentions(pipe, text) if w == "sentenced"]
    assert found and all(m == "planned" for m in found), _mentions(pipe, text)


def test_a_sentencing_told_as_done_stays_asserted(pipe: Pipeline) -> None:
    text = "Judge Miriam Castell sentenced Darnell Okoro, 41, to six years in prison on Tuesday."
    found = [m for t, w, m in _mentions(pipe, text) if w == "sentenced"]
    assert found and "planned" not in found, _mentions(pipe, text)


def test_a_question_put_to_a_minister_is_no_request(pipe: Pipeline) -> None:
    text = "When asked by a reporter if Ankara intended to close the strait, Mr Yilmaz replied that the cabinet " \
        "would first need more facts."
    assert "REQUEST" not in _types_on(pipe, text, "asked"), _mentions(pipe, text)


def test_asking_a_party_to_act_stays_a_request(pipe: Pipeline) -> None:
    text = "The mayor of Tarnow asked the army on Sunday to send engineers if the river rose any further."
    assert "REQUEST" in _types_on(pipe, text, "asked"), _mentions(pipe, text)
