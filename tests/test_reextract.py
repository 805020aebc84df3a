"""Re-extraction is idempotent: `wirewatch extract` on an unchanged store leaves byte-identical exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.pipeline import ingest, reextract
from wirewatch.store import export
from wirewatch.store.db import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def _exports(store: Store, tmp: Path, tag: str) -> dict[str, bytes]:
    out = {}
    for kind in ("events", "conflicts"):
        path = tmp / f"{kind}-{tag}.jsonl"
        export.write(store, kind, "jsonl", path)
        out[kind] = path.read_bytes()
    return out


@pytest.mark.slow
def test_extract_twice_on_the_demo_gives_identical_exports(tmp_path: Path) -> None:
    from wirewatch.extract import extraction_components
    from wirewatch.pipeline import Pipeline

    pipeline = Pipeline(extraction_components())
    store = Store(tmp_path / "demo.db")
    ingest([str(DEMO)], store, pipeline=pipeline)
    ingested = _exports(store, tmp_path, "ingest")
    assert ingested["events"].count(b"\n") > 50 and ingested["conflicts"].count(b"\n") > 5
    reextract(store, pipeline=pipeline)
    first = _exports(store, tmp_path, "first")
    reextract(store, pipeline=pipeline)
    second = _exports(store, tmp_path, "second")
    # Before the fix the first re-run re-fused into the previous run's events: 95 -> 91 events, 16 -> 17
    # conflicts. Fusing from scratch in arrival order gives back exactly what ingest built.
    assert first == second
    assert first == ingested
    store.close()


def test_clear_fusion_keeps_mentions_and_drops_events(store: Store) -> None:
    from wirewatch.model import Article, Event, EventMention

    art = Article(id="a1", text="Troops moved north.", title="t")
    store.insert_article(art)
    art.events = [EventMention(article_id="a1", event_type="MOBILIZE", sentence="Troops moved north.",
                               start=0, end=19)]
    store.save_extraction(art)
    ev = Event(id="ev1", event_type="MOBILIZE", mentions=store.mentions())
    store.save_event(ev)
    assert store.count("events") == 1 and store.mentions()[0].event_id == "ev1"
    store.clear_fusion()
    assert store.count("events") == 0 and store.count("conflicts") == 0
    assert [m.event_id for m in store.mentions()] == [None]


def test_a_failed_reextraction_keeps_the_article_and_its_copy_in_their_story(tmp_path: Path) -> None:
    """Review finding: reextract resets the stories, and an article whose extraction failed was never placed
    again, so its copy stayed under an id the next story then took."""
    from wirewatch.errors import ComponentError
    from wirewatch.model import Article
    from wirewatch.pipeline import Pipeline

    quake = ("A magnitude 6.1 earthquake struck the coast of Valparaiso on Monday, damaging homes in three "
             "towns, Chile's disaster agency said. Rescue teams reached Quilpue and Vina del Mar by noon.")
    floods = ("Floods swept through Porto Alegre on Friday after four days of rain, forcing 2,000 people from "
              "their homes, Brazil's civil defence said. The Guaiba river rose above its banks.")
    store = Store(tmp_path / "s.db")
    arts = [Article(id="q1", text=quake, title="Quake hits Valparaiso", published="2026-02-02"),
            Article(id="q1c", text=quake, title="Quake hits Valparaiso", published="2026-02-02"),
            Article(id="f1", text=floods, title="Floods in Porto Alegre", published="2026-02-06")]
    ingest(articles=arts, store=store, pipeline=Pipeline([]))
    before = {a.id: a.story_id for a in store.iter_articles()}
    assert before["q1"] == before["q1c"] != before["f1"]

    class Broken:
        name, reads, writes = "broken", (), ()

        def __call__(self, article: Article) -> Article:
            if article.id == "q1":
                raise ComponentError("broken", article.id, "boom")
            return article

    reextract(store, pipeline=Pipeline([Broken()]))  # type: ignore[list-item]
    after = {a.id: a.story_id for a in store.iter_articles()}
    assert after["q1"] is not None and after["q1"] == after["q1c"] != after["f1"]
