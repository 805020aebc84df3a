"""Fusion, corroboration and conflicts over hand-made mentions (no spaCy)."""

from __future__ import annotations

from wirewatch.connect import fuse_events
from wirewatch.model import Actor, Article, EventMention, Quantity
from wirewatch.store import export

NK = Actor("North Korea", "GPE", "PRK", "gpe:north korea")
US = Actor("United States", "GPE", "USA", "gpe:united states")
RU = Actor("Russia", "GPE", "RUS", "gpe:russia")


def add(store, aid, outlet, mentions, story="s1", duplicate_of=None, text=None):
    text = text or " ".join(m.sentence for m in mentions) or "x"
    art = Article(id=aid, text=text, outlet=outlet, story_id=story, duplicate_of=duplicate_of,
                  duplicate_kind="near" if duplicate_of else None, content_hash=aid)
    store.insert_article(art)
    store.set_story(aid, story)
    pos = 0
    for m in mentions:
        m.article_id = aid
        m.start, m.end = pos, pos + len(m.sentence)
        pos = m.end + 1
    art.events = mentions
    store.save_extraction(art)
    fuse_events(store, art)
    return art


def launch(sentence, n=None, date="2025-03-11", actor=NK, modality="asserted"):
    q = [Quantity(n, "missile", str(n))] if n is not None else []
    return EventMention(article_id="", event_type="MOBILIZE", sentence=sentence, start=0, end=0, mode="weapons",
                        actor=[actor], quantities=q, date=date, date_precision="day", modality=modality)


def test_three_outlets_fuse_into_one_event_with_sources(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea launched two ballistic missiles toward the East Sea.", 2)])
    add(store, "a3", "Tokyo Evening", [launch("Two ballistic missiles were fired by North Korea into the sea.", 2)])
    (ev,) = store.events()
    assert len(ev.mentions) == 3 and ev.sources == 3
    assert ev.confidence > 0.9
    assert "3 independent sources" in ev.confidence_reasons[0]
    assert store.conflicts() == []


def test_syndicated_copy_counts_once(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Daily Reprint", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)],
        duplicate_of="a1")
    (ev,) = store.events()
    assert len(ev.mentions) == 2 and ev.sources == 1
    assert any("counted once" in r for r in ev.confidence_reasons)


def test_launches_a_week_apart_stay_apart(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the East Sea.", 2,
                                             date="2025-03-18")])
    assert len(store.events()) == 2


def test_number_and_day_disagreements_are_conflicts(store):
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3,
                                             date="2025-03-12")])
    (ev,) = store.events()
    fields = sorted(c.field for c in store.conflicts())
    assert fields == ["date", "quantity"]
    q = next(c for c in store.conflicts() if c.field == "quantity")
    assert sorted(v.value for v in q.values) == [2, 3]
    assert {v.outlet for v in q.values} == {"Harbor Wire", "Korea Ledger"}
    assert q.event_ids == [ev.id]
    rows = export.to_string(store, "conflicts")
    assert '"field": "quantity"' in rows


def test_transliteration_is_not_an_actor_conflict(store):
    kim1 = Actor("Kim Jong Un", "PERSON", "PRK", "person:kim jong un")
    kim2 = Actor("Kim Jong-un", "PERSON", "PRK", "person:kim jong-un")
    add(store, "a1", "Harbor Wire", [launch("Kim Jong Un oversaw the test of a new missile.", actor=kim1)])
    add(store, "a2", "Korea Ledger", [launch("Kim Jong-un oversaw the test of the new missile.", actor=kim2)])
    assert len(store.events()) == 1
    assert store.conflicts() == []


def test_claim_and_denial_are_an_occurrence_conflict(store):
    accuse = EventMention(article_id="", event_type="ACCUSE", sentence="The United States accused North Korea of "
                          "shipping artillery shells to Russia.", start=0, end=0, actor=[US], recipient=[NK],
                          modality="claimed", date="2025-03-11", date_precision="day")
    deny = EventMention(article_id="", event_type="REJECT", sentence="North Korea denied sending any weapons to "
                        "Russia.", start=0, end=0, actor=[NK], modality="denied", date="2025-03-12",
                        date_precision="day")
    add(store, "a1", "Harbor Wire", [accuse])
    add(store, "a2", "Korea Ledger", [deny])
    (c,) = store.conflicts()
    assert c.field == "occurrence" and len(c.event_ids) == 2
    assert "denies" in c.explanation


def test_reextraction_leaves_no_orphan_events(store):
    art = add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles into the East Sea.", 3)])
    assert len(store.conflicts()) == 1
    art.events = []
    store.save_extraction(art)  # article a1 now has no mentions
    fuse_events(store, art)
    (ev,) = store.events()
    assert [m.article_id for m in ev.mentions] == ["a2"]
    assert store.conflicts() == []
