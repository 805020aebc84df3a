"""Two objects read as one phrase, and the target of a complaint before its forum (written after CI caught
the legal-act triggers' first firings on business copy)."""

from __future__ import annotations

import pytest

from wirewatch.model import Article
from wirewatch.pipeline import Pipeline


def _recipients(pipe: Pipeline, text: str, etype: str) -> list[str]:
    events = pipe.run(Article(id="sums", text=text, published="2026-03-11")).events
    hit = next((m for m in events if m.event_type == etype), None)
    assert hit is not None, [(m.event_type, m.trigger) for m in events]
    return [a.name for a in hit.recipient]


@pytest.mark.parametrize(("text", "who"), [
    ("Regulators fined the chipmaker 310 million euros.", "chipmaker"),
    ("Antitrust regulators in Brussels fined the chipmaker Quorix 310 million euros on Monday.", "Quorix"),
    ("A federal judge fined Volkswagen $2.8 billion for the emissions scheme.", "Volkswagen"),
])
def test_the_fined_party_is_not_the_sum(pipe: Pipeline, text: str, who: str) -> None:
    assert who in _recipients(pipe, text, "SANCTION")


def test_against_beats_with_on_the_verb(pipe: Pipeline) -> None:
    got = _recipients(pipe, "The union filed a complaint with the labour board against Marlow Foods last week.",
                      "ACCUSE")
    assert got and "Marlow" in got[0], got
