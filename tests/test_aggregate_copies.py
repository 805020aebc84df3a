"""aggregate(): "one vote per report" must not count each syndicated copy of one wire report as a
report of its own, or one wire's wording outvotes independent outlets (the project folds copies into the
report they copy everywhere else: store.events.report_root, corroboration's independent sources)."""

from __future__ import annotations

from wirewatch.connect import fuse_events
from wirewatch.model import Actor, Article, EventMention

SDN = Actor("Sudan", "GPE", "SDN", "gpe:sudan")
RSF = Actor("Rapid Support Forces", "ORG", "SDN", "org:rapid support forces")


def add(store, aid, outlet, m, duplicate_of=None):
    art = Article(id=aid, text=m.sentence, outlet=outlet, story_id="s-elfasher", content_hash=aid,
                  duplicate_of=duplicate_of, duplicate_kind="near" if duplicate_of else None)
    store.insert_article(art)
    store.set_story(aid, "s-elfasher")
    m.article_id, m.start, m.end = aid, 0, len(m.sentence)
    art.events = [m]
    store.save_extraction(art)
    fuse_events(store, art)


def shelling(sentence, modality):
    return EventMention(article_id="", event_type="ASSAULT", sentence=sentence, start=0, end=0, trigger="shelled",
                        actor=[RSF], recipient=[SDN], modality=modality, date="2026-02-10", date_precision="day",
                        date_from="text", mode="shelling")


def test_syndicated_copies_vote_once(store):
    wire = "The Rapid Support Forces shelled the army's base in El Fasher on Tuesday, the group claimed."
    add(store, "wire", "Sahel Wire", shelling(wire, "claimed"))
    for i in range(3):  # three papers reprint the wire line word for word
        add(store, f"copy{i}", f"Reprint Daily {i}", shelling(wire, "claimed"), duplicate_of="wire")
    add(store, "own1", "Khartoum Tribune",
        shelling("The Rapid Support Forces shelled the army base in El Fasher on Tuesday.", "asserted"))
    add(store, "own2", "Nile Courier",
        shelling("Rapid Support Forces fighters shelled the army's El Fasher base on Tuesday.", "asserted"))
    (ev,) = [e for e in store.events() if e.event_type == "ASSAULT"]
    assert {m.article_id for m in ev.mentions} == {"wire", "copy0", "copy1", "copy2", "own1", "own2"}
    # Two independent reports state it; one report (copied three times) calls it a claim.
    assert ev.modality == "asserted", ev.modality
