"""One way for connect tests to store a report of hand-made mentions and fuse it, as ingest would after
extraction: the article, its story, mention offsets laid end to end in the text, then `fuse_events`."""

from __future__ import annotations

from collections.abc import Iterable

from wirewatch.connect import Connecting, fuse_events
from wirewatch.model import Actor, Article, EventMention, Location, Quantity

NK = Actor("North Korea", "GPE", "PRK", "gpe:north korea")


def add_report(store, aid: str, outlet: str | None, mentions: list[EventMention], story: str = "s1",
               duplicate_of: str | None = None, text: str | None = None, *, hash_text: bool = False,
               keep_existing: bool = False, state: Connecting | None = None) -> Article:
    """Store article `aid` from `outlet` holding `mentions` (a sentence each) in `story`, and fuse it.

    `duplicate_of` makes it a near copy of that article; `hash_text` keys its content hash on the text too, and
    `keep_existing` re-extracts an article already stored instead of inserting it again (a corrected report);
    `state`: the connectors' run state to fuse in (connect.Connecting)."""
    text = text or " ".join(m.sentence for m in mentions) or "x"
    art = Article(id=aid, text=text, outlet=outlet, story_id=story, duplicate_of=duplicate_of,
                  duplicate_kind="near" if duplicate_of else None, content_hash=aid + text if hash_text else aid)
    if not (keep_existing and store.has_article(aid)):
        store.insert_article(art)
    store.set_story(aid, story)
    pos = 0
    for m in mentions:
        m.article_id = aid
        m.start, m.end = pos, pos + len(m.sentence)
        pos = m.end + 1
    art.events = mentions
    store.save_extraction(art)
    fuse_events(store, art, state)
    return art


def add_corrected(store, aid: str, outlet: str | None, mentions: list[EventMention], story: str = "s1") -> Article:
    """`add_report` of a report that may be stored already (a corrected copy re-extracted, not inserted twice)."""
    return add_report(store, aid, outlet, mentions, story, hash_text=True, keep_existing=True)


def launch(sentence: str, n: int, date: str = "2025-03-11") -> EventMention:
    """A North Korean missile launch of `n` missiles told in `sentence`, stated for `date`."""
    return EventMention(article_id="", event_type="MOBILIZE", sentence=sentence, start=0, end=0, mode="weapons",
                        actor=[NK], quantities=[Quantity(n, "missile", str(n))], date=date, date_precision="day",
                        modality="asserted")


def hand_mention(etype: str, sentence: str, trigger: str, actor: Iterable[Actor] = (), recipient: Iterable[Actor] = (),
                 *, date: str | None, modality: str, precision: str = "day", date_from: str = "text",
                 location: Location | None = None, quantities: Iterable[Quantity] = (),
                 trigger_offsets: bool = True) -> EventMention:
    """A mention of `etype` told in `sentence` by `trigger`, as extraction would hand it to fusion: a date of
    `precision` read from `date_from` (none of either without a date) and, with `trigger_offsets`, the
    trigger's place in the sentence. The fusion tests fix `date` and `modality` per file (functools.partial)."""
    m = EventMention(article_id="", event_type=etype, sentence=sentence, start=0, end=0, trigger=trigger,
                     actor=list(actor), recipient=list(recipient), modality=modality, date=date,
                     date_precision=precision if date else None, date_from=date_from if date else None,
                     quantities=list(quantities), location=location)
    if trigger_offsets:
        at = sentence.find(trigger)
        m.trigger_start, m.trigger_end = at, at + len(trigger)
    return m
