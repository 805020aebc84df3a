"""Issue 10 round 17: other senses of event verbs (what a name stands for, knowing a person again, holding a
post, replacing a fleet), the generic "you" of a warning, what a rule forbids under a conditional, and a
group's main line of action told in the present. Each with a case that must stay. Sentences written for
these tests (an explainer, a border-crossing feature, a procurement story, a sanctions brief)."""

from __future__ import annotations

import pytest

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _typed(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(m.event_type, m.trigger) for m in pipe.run(Article(id="p17", text=text, published="2026-03-11")).events]


@pytest.mark.parametrize(("text", "word"), [
    ("The letters IAEA stand for the International Atomic Energy Agency, the explainer noted.", "stand"),
    ("A ticket inspector recognized her on the night train and alerted the guards.", "recognized"),
    ("The navy will replace its ageing fleet of patrol boats by 2031, the ministry said.", "replace"),
    ("If you are caught on the ridge after dark, you can be shot, a herder told reporters.", "shot"),
    ("Such deliveries would violate the arms embargo on the country, diplomats said.", "violate"),
    ("The cartel mainly targets fuel tankers on the coastal road, police say.", "targets"),
])
def test_other_senses_and_generic_statements_are_no_events(pipe: Pipeline, text: str, word: str) -> None:
    assert not [t for t, w in _typed(pipe, text) if w == word], _typed(pipe, text)


@pytest.mark.parametrize(("text", "word", "etype"), [
    ("Forty states have recognized the exile government in Valletta.", "recognized", "SUPPORT"),
    ("The prime minister replaced the air force chief on Monday.", "replaced", "PERSONNEL"),
    ("Rebels held three aid workers for a week, their agency said.", "held", "COERCE"),
    ("The cartel attacked a fuel tanker on the coastal road on Sunday, police said.", "attacked", "ASSAULT"),
    ("Pyongyang violated the arms embargo by shipping rockets, the panel of experts said.", "violated", "REJECT"),
])
def test_the_event_senses_stay(pipe: Pipeline, text: str, word: str, etype: str) -> None:
    assert (etype, word) in _typed(pipe, text), _typed(pipe, text)
