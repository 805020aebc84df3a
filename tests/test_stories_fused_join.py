"""A small story whose event reports of another story fused with joins that story (`StoryClusterer.join_fused`),
and fusion then meets again what it kept apart across the two stories (`Fuser.refit_story`).

Invented reports in styles the project has not seen: a port authority press release, a radio bulletin, a court
reporter's note, a trade-press item about a dockside fire."""

from __future__ import annotations

import pytest

from wirewatch import connect
from wirewatch.connect.stories import StoryClusterer
from wirewatch.model import Article
from wirewatch.store.db import Store

FIRE_RELEASE = Article(
    id="pr", title="Port of Varnholt statement on the warehouse fire at Pier 9", published="2031-02-03",
    text="The Port of Varnholt Authority confirms that a fire broke out at the Pier 9 bonded warehouse at 04:10 on "
         "Monday. Varnholt fire brigade crews contained the blaze by 07:30. Two dock workers were treated for smoke.")
FIRE_BULLETIN = Article(
    id="radio", title="Radio Varnholt bulletin: Pier 9 warehouse fire", published="2031-02-03",
    text="Fire crews spent three hours fighting a blaze at the Pier 9 bonded warehouse in the Port of Varnholt "
         "early on Monday. Two dock workers were treated for smoke inhalation, the fire brigade said.")
FIRE_TRADE = Article(
    id="trade", title="Pier 9 fire halts Varnholt container handling", published="2031-02-04",
    text="Container handling at the Port of Varnholt stopped for a day after Monday's fire at the Pier 9 bonded "
         "warehouse, the port authority said; the fire brigade has opened an inquiry.")
COURT_NOTE = Article(
    id="court", title="Tellmark magistrates fine bakery chain over flour labels", published="2031-02-03",
    text="Tellmark magistrates fined the Grunewald bakery chain 40,000 crowns on Monday for mislabelled rye flour, "
         "the trading standards office said after the hearing.")


def _seeded(groups: list[list[Article]]) -> tuple[Store, StoryClusterer, list[str]]:
    store = Store(":memory:")
    for g in groups:
        for a in g:
            store.insert_article(a)
    clusterer = StoryClusterer(store.conn)
    return store, clusterer, clusterer.seed(groups)


def test_a_small_story_of_the_same_happening_joins_and_the_older_id_survives() -> None:
    store, clusterer, (big, small) = _seeded([[FIRE_RELEASE, FIRE_TRADE], [FIRE_BULLETIN]])
    try:
        assert clusterer.join_fused(small, big, "trade") == small  # `big` is the older story: it survives
        assert clusterer.story_of("radio") == big == clusterer.story_of("pr")
        assert clusterer.join_fused(big, small, "trade") is None  # already one story
    finally:
        store.close()


def test_one_fused_event_does_not_pull_an_unrelated_story_in() -> None:
    store, clusterer, (fire, court) = _seeded([[FIRE_RELEASE, FIRE_BULLETIN], [COURT_NOTE]])
    try:
        assert clusterer.join_fused(fire, court, "radio") is None
        assert clusterer.story_of("court") == court
    finally:
        store.close()


def test_a_grown_story_is_not_joined_through_one_event() -> None:
    fires = [FIRE_RELEASE, FIRE_BULLETIN, FIRE_TRADE]
    others = [Article(id=f"pr{i}", title=a.title, published=a.published, text=a.text) for i, a in enumerate(fires)]
    store, clusterer, (a, b) = _seeded([fires, [*others, COURT_NOTE]])  # b: 4 articles, above REVISIT_MAX_SIZE
    try:
        assert clusterer.join_fused(a, b, "pr") is None
    finally:
        store.close()


@pytest.mark.parametrize("reports_fused", [1, 2])
def test_fuse_events_joins_only_when_enough_reports_fused_with_the_small_story(reports_fused: int) -> None:
    """Through the connector: an event of the small story that `reports_fused` reports of the big one share."""
    from tests.connect_fixtures import add_report, launch

    store, clusterer, (big, small) = _seeded([[FIRE_RELEASE, FIRE_TRADE], [FIRE_BULLETIN]])
    state = connect.Connecting()
    state.clusterers[store] = clusterer
    try:
        # The same stated act in each report (a hand-made mention, fused by the real pair model).
        text = "The fire brigade said North Korea fired two missiles on Monday."
        add_report(store, "radio-m", None, [launch(text, 2, "2031-02-03")], story=small, state=state)
        for i in range(reports_fused):
            add_report(store, f"big-m{i}", None, [launch(text, 2, "2031-02-03")], story=big, state=state)
        joined = clusterer.story_of("radio") == clusterer.story_of("pr")
        assert joined == (reports_fused >= 2)
    finally:
        store.close()
