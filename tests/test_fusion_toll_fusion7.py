"""One attack's toll told in one sentence is one happening (connect/pairs.py `one_toll`, h/fusion7).

"Four officers were killed and nine others were wounded" and "the blast killed 12 and wounded 30" are the
dead and the hurt of one attack: one event. The same act twice ("killed six attackers and later killed 50
militants"), two places, or two sides acting are two happenings, as the same-sentence gate keeps them.
Sentences written for this test, in styles the project's corpora do not use (a radio bulletin, a mining
report, a county commissioner's tally)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.pipeline import ingest
from wirewatch.store.db import Store

REPORTS = {
    # One clause, two coordinated verbs.
    "bomb": ("A car bomb killed 12 people and wounded 30 others outside a mosque in the port city on Friday, "
             "police said.", "2023-01-10"),
    # Coordinated passive clauses with a comma before "and" (a radio bulletin's tally).
    # (An attack, not a collapse: a harm in an accident is no ASSAULT, noise_senses._accidental_harm.)
    "mine": ("Eleven miners were killed, and 23 were injured, in the attack on the Ruvani shaft, the "
             "regional governor told state radio.", "2023-03-14"),
    # The same act twice, in sequence: two sets of victims, two happenings.
    "later": ("Troops killed all six attackers and later killed 50 militants in airstrikes near the border.",
              "2023-05-20"),
    # Two places: two happenings told in one sentence.
    "places": ("Two soldiers were killed in Gao and three were wounded in Menaka on Monday.", "2023-07-03"),
    # Two sides acting: an attack and the answer to it.
    "sides": ("Rebels killed two villagers near Tessit and soldiers wounded three rebels near Ansongo.",
              "2023-09-11"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    src = Path(tmp_path_factory.mktemp("toll")) / "reports.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": t, "published": d, "outlet": f"Outlet {k}"}) + "\n"
                           for k, (t, d) in REPORTS.items()))
    st = Store(":memory:")
    ingest([str(src)], st)
    return st


def _events(store: Store, article: str) -> list[str | None]:
    return [m.event_id for m in store.mentions() if m.article_id == article and m.event_type == "ASSAULT"]


@pytest.mark.parametrize("article", ["bomb", "mine"])
def test_one_sentences_dead_and_wounded_are_one_event(store: Store, article: str) -> None:
    ids = _events(store, article)
    assert len(ids) >= 2 and len(set(ids)) == 1, ids


@pytest.mark.parametrize("article", ["later", "places", "sides"])
def test_two_acts_of_one_sentence_stay_two_events(store: Store, article: str) -> None:
    ids = _events(store, article)
    assert len(ids) >= 2 and len(set(ids)) == len(ids), ids


def test_a_toll_needs_two_acts_and_only_a_coordination_between() -> None:
    from wirewatch.connect.pairs import one_toll, view
    from wirewatch.model import EventMention

    def mention(sentence: str, trigger: str, nth: int = 0) -> EventMention:
        at = -1
        for _ in range(nth + 1):
            at = sentence.index(trigger, at + 1)
        return EventMention(article_id="x", event_type="ASSAULT", sentence=sentence, start=100, end=100 + len(sentence),
                            trigger=trigger, trigger_start=100 + at, trigger_end=100 + at + len(trigger))

    s = "Four guards were shot dead and two were hurt."
    assert one_toll(view(mention(s, "dead")), view(mention(s, "hurt")))
    s = "Four guards were killed; two days before, two were hurt."
    assert not one_toll(view(mention(s, "killed")), view(mention(s, "hurt")))
    s = "Four guards were killed and then two were killed."
    assert not one_toll(view(mention(s, "killed")), view(mention(s, "killed", 1)))
    s = "Four guards were killed and two were killed."  # the same act twice: two sets of victims
    assert not one_toll(view(mention(s, "killed")), view(mention(s, "killed", 1)))
    s = "Gunmen killed four guards and police wounded two gunmen."  # a second clause with its own subject
    assert not one_toll(view(mention(s, "killed")), view(mention(s, "wounded")))
    s = "Gunmen killed four guards and wounded two."
    assert one_toll(view(mention(s, "killed")), view(mention(s, "wounded")))


def test_one_party_meeting_two_different_others_is_two_meetings(tmp_path: Path) -> None:
    """Mutual acts compare their parties as a set (pairs.mutual_roles); one party in common is not enough when
    the other two are named people told apart (pairs.gate_reason "mutual-other-party")."""
    texts = ["Chilean Foreign Minister Camila Rojas met Tomas Ferreyra in Mendoza on Thursday.",
             "Chilean Foreign Minister Camila Rojas met Luis Arce in Mendoza on Thursday.",
             "Tomas Ferreyra held talks with Chilean Foreign Minister Camila Rojas in Mendoza on Thursday."]
    src = tmp_path / "talks.jsonl"
    src.write_text("".join(json.dumps({"id": f"t{i}", "text": t, "published": "2024-06-06", "outlet": f"Paper {i}"})
                           + "\n" for i, t in enumerate(texts)))
    st = Store(":memory:")
    ingest([str(src)], st)
    ev = {m.article_id: m.event_id for m in st.mentions() if m.event_type == "CONSULT"}
    assert ev["t0"] == ev["t2"]  # one meeting, its parties written in the other order
    assert ev["t1"] != ev["t0"]  # the same minister meeting someone else


def test_counted_people_meet_in_their_group() -> None:
    """Quantities of one event are compared by what they count: "four sailors" and "three crew members" count
    one crew (conflicts.quantity_key, through fusion's groups and concepts), "two troops" and "five soldiers"
    one kind of people; missiles stay missiles."""
    from wirewatch.connect.conflicts import quantity_key
    from wirewatch.model import Quantity

    crew = quantity_key(Quantity(3, "member", "Three crew members"))
    assert quantity_key(Quantity(4, "sailor", "four sailors")) == crew
    assert quantity_key(Quantity(2, "troop", "two troops")) == quantity_key(Quantity(5, "soldier", "five soldiers"))
    assert quantity_key(Quantity(2, "member", "two family members")) != quantity_key(Quantity(4, "sailor", "4 sailors"))
    assert quantity_key(Quantity(3, "missile", "three missiles")) == "missile"
    entities = quantity_key(Quantity(9, "entity", "nine entities"))
    assert quantity_key(Quantity(7, "company", "seven companies")) == entities
