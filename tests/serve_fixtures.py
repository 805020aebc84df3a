"""A small hand-made store for the serve tests: articles, entities, fused events, a story, conflicts.

Built with Store methods only (no spaCy), so API, web, brief and browser tests run in a bare install.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from wirewatch.connect.fusion import event_id_for
from wirewatch.model import (
    Actor,
    Article,
    Conflict,
    ConflictValue,
    Entity,
    EntityMention,
    Event,
    EventMention,
    Location,
    Quantity,
    Sentence,
)
from wirewatch.store.db import Store

STORY = "story-launch"
TRADE_STORY = "story-trade"
LAUNCH_EVENT = "ev-launch"


def lone_event(article_id: str, idx: int, event_type: str) -> str:
    """The id of the one-mention event the store makes of a mention no fusion step grouped."""
    return event_id_for(EventMention(id=f"{article_id}#m{idx}", article_id=article_id, event_type=event_type,
                                     sentence="", start=0, end=0))


UNFUSED_MENTION = lone_event("t1", 0, "CONSULT")  # the trade talks: stored without fusion
XSS_EVENT = lone_event("x1", 0, "ASSAULT")

K1 = (
    "North Korea fired two short-range ballistic missiles toward the Sea of Japan on Tuesday, "
    "the South Korean military said. Japan's defence ministry condemned the launch as a threat to the region."
)
K2 = (
    "Pyongyang launched three ballistic missiles on Tuesday, according to Japanese officials. "
    "The missiles landed outside Japan's exclusive economic zone."
)
K3 = (
    "KCNA denied that any missile was fired toward Japan, calling the reports fabrications. "
    "South Korea and the United States will hold a joint drill next week, officials said."
)
T1 = (
    "Leaders of Brazil and Argentina met in Montevideo on Friday to discuss a regional trade agreement. "
    "Officials said the talks focused on tariffs for farm goods."
)
EVIDENCE = K1.split(". ")[0] + "."

ENTITIES = {
    "prk": Entity(id="gpe:north-korea", name="North Korea", kind="GPE", country="PRK",
                  aliases=["North Korea", "Pyongyang", "DPRK"]),
    "jpn": Entity(id="gpe:japan", name="Japan", kind="GPE", country="JPN", aliases=["Japan"]),
    "kor": Entity(id="gpe:south-korea", name="South Korea", kind="GPE", country="KOR", aliases=["South Korea"]),
    "usa": Entity(id="gpe:united-states", name="United States", kind="GPE", country="USA",
                  aliases=["United States"]),
    "kcna": Entity(id="org:kcna", name="KCNA", kind="ORG", country="PRK", aliases=["KCNA"],
                   titles=["state news agency"]),
    "bra": Entity(id="gpe:brazil", name="Brazil", kind="GPE", country="BRA", aliases=["Brazil"]),
    "arg": Entity(id="gpe:argentina", name="Argentina", kind="GPE", country="ARG", aliases=["Argentina"]),
}


def actor(key: str, text: str | None = None) -> Actor:
    e = ENTITIES[key]
    return Actor(name=e.name, kind=e.kind, country=e.country, entity_id=e.id, text=text or e.name)


def sentence_of(text: str, needle: str) -> Sentence:
    """The sentence of `text` that contains `needle`, with its offsets."""
    start = 0
    for part in text.split(". "):
        sent = part if part.endswith(".") else part + "."
        if needle in sent:
            return Sentence(start, start + len(sent), sent)
        start += len(part) + 2
    raise ValueError(needle)


def mention(art: Article, idx: int, event_type: str, needle: str, trigger: str, **kw: object) -> EventMention:
    s = sentence_of(art.text, needle)
    t = art.text.index(trigger, s.start)
    return EventMention(
        id=f"{art.id}#m{idx}", article_id=art.id, event_type=event_type, sentence=s.text, start=s.start,
        end=s.end, trigger=trigger, trigger_start=t, trigger_end=t + len(trigger), **kw,  # type: ignore[arg-type]
    )


def entity_mentions(art: Article, keys: dict[str, list[str]]) -> None:
    for key, surfaces in keys.items():
        e = ENTITIES[key]
        art.entities.append(e)
        for surface in surfaces:
            i = art.text.find(surface)
            if i >= 0:
                art.entity_mentions.append(EntityMention(i, i + len(surface), surface, e.kind, e.id))


def articles() -> list[Article]:
    k1 = Article(id="k1", text=K1, title="North Korea fires two missiles toward Sea of Japan",
                 outlet="Harbor Wire", published="2024-03-12", url="https://harbor.example/k1", story_id=STORY)
    k2 = Article(id="k2", text=K2, title="Pyongyang launches three missiles", outlet="Gulf Courier",
                 published="2024-03-12", url="https://gulf.example/k2", story_id=STORY)
    k3 = Article(id="k3", text=K3, title="KCNA denies missile launch", outlet="Capitol Dispatch",
                 published="2024-03-13", story_id=STORY)
    t1 = Article(id="t1", text=T1, title="Trade talks in Montevideo", outlet="Southern Daily",
                 published="2024-03-30", story_id=TRADE_STORY)
    entity_mentions(k1, {"prk": ["North Korea"], "jpn": ["Japan"], "kor": ["South Korea"]})
    entity_mentions(k2, {"prk": ["Pyongyang"], "jpn": ["Japan"]})
    entity_mentions(k3, {"kcna": ["KCNA"], "jpn": ["Japan"], "kor": ["South Korea"], "usa": ["United States"]})
    entity_mentions(t1, {"bra": ["Brazil"], "arg": ["Argentina"]})

    launch = {"actor": [actor("prk")], "recipient": [actor("jpn")], "date": "2024-03-12",
              "date_precision": "day", "mode": "missile test"}
    k1.events = [
        mention(k1, 0, "MOBILIZE", "fired two", "fired", modality="reported", attributed_to="South Korean military",
                quantities=[Quantity(2, "missile", "two")], **launch),
        mention(k1, 1, "ACCUSE", "condemned", "condemned", actor=[actor("jpn")], recipient=[actor("prk")],
                date="2024-03-12", date_precision="day"),
    ]
    k2.events = [
        mention(k2, 0, "MOBILIZE", "launched three", "launched", modality="reported",
                attributed_to="Japanese officials", quantities=[Quantity(3, "missile", "three")],
                **{**launch, "actor": [actor("prk", "Pyongyang")]}),
    ]
    k3.events = [
        mention(k3, 0, "MOBILIZE", "denied", "fired", modality="denied", attributed_to="KCNA", **launch),
        mention(k3, 1, "MOBILIZE", "joint drill", "hold", actor=[actor("kor"), actor("usa")], modality="planned",
                date="2024-03-19", date_precision="week", mode="military exercise"),
    ]
    t1.events = [
        mention(t1, 0, "CONSULT", "met in", "met", actor=[actor("bra"), actor("arg")], date="2024-03-29",
                date_precision="day", location=Location("Montevideo", "Montevideo", "URY", -34.9, -56.2)),
    ]
    return [k1, k2, k3, t1]


def build_demo_store(path: str | Path, extra: list[Article] | None = None) -> Store:
    """Create (or fill) the store at `path` with the demo data and return it open for writing."""
    store = Store(path)
    arts = articles() + list(extra or [])
    by_id = {a.id: a for a in arts}
    for a in arts:
        a.content_hash = a.content_hash or f"hash-{a.id}"
        store.insert_article(a)
        store.save_extraction(a)
    k1, k2, k3 = by_id["k1"], by_id["k2"], by_id["k3"]
    launch = k1.events[0]
    events = [
        Event(id=LAUNCH_EVENT, event_type="MOBILIZE", mentions=[launch, k2.events[0], k3.events[0]],
              mode="missile test", actor=list(launch.actor), recipient=list(launch.recipient),
              modality="reported", attributed_to="South Korean military", date="2024-03-12",
              date_precision="day", story_id=STORY, sources=3, confidence=0.82,
              confidence_reasons=["3 independent outlets", "one party denies it"]),
        Event(id="ev-condemn", event_type="ACCUSE", mentions=[k1.events[1]], actor=[actor("jpn")],
              recipient=[actor("prk")], date="2024-03-12", date_precision="day", story_id=STORY, sources=1,
              confidence=0.55, confidence_reasons=["single outlet"]),
        Event(id="ev-drill", event_type="MOBILIZE", mentions=[k3.events[1]], mode="military exercise",
              actor=[actor("kor"), actor("usa")], modality="planned", date="2024-03-19", date_precision="week",
              story_id=STORY, sources=1, confidence=0.4, confidence_reasons=["single outlet", "planned"]),
    ]
    with store.transaction():
        for ev in events:
            store.save_event(ev)
        store.save_conflict(Conflict(
            id="c-quantity", field="quantity", event_ids=[LAUNCH_EVENT],
            values=[ConflictValue(2, "k1", k1.events[0].sentence, "Harbor Wire"),
                    ConflictValue(3, "k2", k2.events[0].sentence, "Gulf Courier")],
            explanation="Outlets disagree on how many missiles were fired.",
        ))
        store.save_conflict(Conflict(
            id="c-occurrence", field="occurrence", event_ids=[LAUNCH_EVENT],
            values=[ConflictValue("occurred", "k1", k1.events[0].sentence, "Harbor Wire"),
                    ConflictValue("denied", "k3", k3.events[0].sentence, "Capitol Dispatch")],
            explanation="KCNA denies the launch that two outlets report.",
        ))
    return store


def make_client(app: Any) -> Any:
    """A TestClient; starlette warns at import that it prefers httpx2, which is not a dependency here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app)


XSS_TEXT = "Breaking: <script>alert(1)</script> and <img src=x onerror=alert(1)> were found in the report."


def xss_article() -> Article:
    """An article whose text, title and outlet carry markup, with an event mention whose evidence is that text."""
    a = Article(id="x1", text=XSS_TEXT, title="<b>bold</b> <script>alert(2)</script>", outlet="Evil <i>Outlet</i>",
                published="2024-03-13", url="javascript:alert(3)", story_id=STORY)
    a.events = [mention(a, 0, "ASSAULT", "Breaking", "<script>", actor=[actor("prk")], date="2024-03-13",
                        modality="claimed", attributed_to="<img src=y onerror=alert(4)>")]
    return a


if __name__ == "__main__":  # python tests/serve_fixtures.py demo.db -> a store to click through
    import sys

    build_demo_store(sys.argv[1] if len(sys.argv) > 1 else "demo-serve.db").close()
