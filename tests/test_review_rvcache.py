"""Review of the caches nobody had reviewed (h/rvcache): each test reproduces a defect found by reading them.

A cache may change the time a run takes and nothing else: its key must hold every input of what it keeps
(the file's content, not only its path; the settings read inside), and what it holds must be bounded by
what it keeps alive, not by how many entries point at it.
"""

from __future__ import annotations

import gc
import json
import shutil
import sys
import weakref
from pathlib import Path

import pytest

from wirewatch.model import Article
from wirewatch.store.mention_cache import EventCache, MentionCache

ROOT = Path(__file__).resolve().parents[1]

ONTOLOGY_V1 = ("types:\n  SPACE_LAUNCH:\n    quad: material conflict\n    description: space launches\n"
               "    recipient: false\n    verbs: ['orbit']\n")
ONTOLOGY_V2 = ("types:\n  HARVEST:\n    quad: material cooperation\n    description: crops brought in, by a ministry\n"
               "    recipient: false\n    verbs: ['harvest']\n")


# --- the parse's span text (extract/nlp.py) ------------------------------------------------------------

def test_span_text_keeps_no_doc_alive() -> None:
    """`span_text` remembered the last doc's text in a module global that held the doc itself: a live poller
    or a Dask worker kept the last (possibly multi-MB) parsed article in memory until the next one came."""
    from wirewatch.extract.nlp import get_nlp, span_text

    doc = get_nlp()("The Varnavian navy seized a cargo ship off Port Elmer on Sunday.")
    assert span_text(doc, 1, 3) == doc[1:3].text == "Varnavian navy"
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_span_text_is_exact_for_docs_asked_in_turn() -> None:
    from wirewatch.extract.nlp import get_nlp, span_text

    nlp = get_nlp()
    a, b = nlp("Torsk and Varnavia signed a grain deal."), nlp("Rebels shelled the airport at dawn.")
    for doc in (a, b, a, b):
        for i in range(len(doc)):
            for j in range(i, len(doc) + 1):
                assert span_text(doc, i, j) == doc[i:j].text


# --- the event cache's bound (store/mention_cache.py) -------------------------------------------------

class _Row(dict):
    def __iter__(self):
        return iter(self.values())


class _Ev:
    mentions: list = []


def test_event_cache_is_bounded_by_the_mentions_it_holds() -> None:
    """EventCache counted events, not what they hold: 50k cached peer events of a long follow kept every
    mention object of each alive (the mention cache's own bound did not free them), hundreds of mentions an
    event in a wire dump."""
    cache = EventCache(max_entries=1000, max_mentions=100)
    for i in range(5):
        ms = [object() for _ in range(40)]
        cache.get(_Row({"id": f"e{i}", "x": i}), ms, lambda r: _Ev())  # type: ignore[arg-type]
        assert cache.mentions_held() <= 100
    # a hit is still a hit under the bound
    ms = [object() for _ in range(10)]
    first = cache.get(_Row({"id": "small", "x": 0}), ms, lambda r: _Ev())  # type: ignore[arg-type]
    assert cache.get(_Row({"id": "small", "x": 0}), ms, lambda r: _Ev()) is first  # type: ignore[arg-type]


def test_mention_cache_keeps_its_bound() -> None:
    cache = MentionCache(max_entries=3)
    for i in range(10):
        cache.get(_Row({"id": f"m{i}", "v": i}), lambda r: object())  # type: ignore[arg-type, return-value]
        assert len(cache) <= 3


# --- the ontology and the detector: keys that missed an input -----------------------------------------

def test_an_edited_ontology_file_is_read_anew(tmp_path: Path) -> None:
    """`load_ontology(path)` was cached by the path alone: in one process (the API, a notebook, a Dask worker
    that serves many runs) an edited --ontology FILE kept giving the types it had when first read."""
    from wirewatch.extract import load_ontology

    path = tmp_path / "types.yaml"
    path.write_text(ONTOLOGY_V1, encoding="utf-8")
    assert "SPACE_LAUNCH" in load_ontology(str(path)).types
    path.write_text(ONTOLOGY_V2, encoding="utf-8")
    onto = load_ontology(str(path))
    assert "HARVEST" in onto.types and "SPACE_LAUNCH" not in onto.types
    assert load_ontology(str(path)) is onto  # an unchanged file is still read once


def test_a_dask_worker_follows_an_edited_ontology_file(tmp_path: Path) -> None:
    """The worker's pipelines were kept by ontology path: a long-lived cluster extracted the next batch with
    the types the file had when the worker first saw it."""
    from wirewatch.scale.dask_runner import worker_pipeline

    path = tmp_path / "types.yaml"
    path.write_text(ONTOLOGY_V1, encoding="utf-8")
    first = worker_pipeline(str(path))
    assert worker_pipeline(str(path)) is first
    path.write_text(ONTOLOGY_V2, encoding="utf-8")
    events = worker_pipeline(str(path)).get("events")
    assert "HARVEST" in events.ontology.types  # type: ignore[attr-defined]


def test_the_detector_follows_WIREWATCH_EVENT_MODEL(monkeypatch: pytest.MonkeyPatch) -> None:
    """`load_detector()` read $WIREWATCH_EVENT_MODEL inside a cache keyed by its argument (None): once loaded,
    setting the variable (to another model, or `none`) changed nothing in that process."""
    from wirewatch.extract.detector import load_detector

    monkeypatch.delenv("WIREWATCH_EVENT_MODEL", raising=False)
    shipped = load_detector()
    if shipped is None:
        pytest.skip("no shipped detector")
    monkeypatch.setenv("WIREWATCH_EVENT_MODEL", "none")
    assert load_detector() is None
    monkeypatch.delenv("WIREWATCH_EVENT_MODEL")
    assert load_detector() is shipped


def test_a_detector_rebuilt_in_place_is_loaded_anew(tmp_path: Path) -> None:
    """The cache key was the model's path: a model rebuilt at the same stem (`make model`, a CV experiment
    writing its candidate) was never read again by the process that had loaded the old one."""
    from wirewatch.extract.detector import DEFAULT_MODEL, load_detector

    if not DEFAULT_MODEL.with_suffix(".npz").exists():
        pytest.skip("no shipped detector")
    stem = tmp_path / "model"
    for p in DEFAULT_MODEL.parent.glob(DEFAULT_MODEL.name + "*"):
        shutil.copy(p, tmp_path / p.name.replace(DEFAULT_MODEL.name, "model"))
    old = load_detector(str(stem))
    assert old is not None and load_detector(str(stem)) is old
    meta = json.loads(stem.with_suffix(".json").read_text())
    meta["propose_margin"] = float(meta.get("propose_margin", 0.1)) + 0.25
    stem.with_suffix(".json").write_text(json.dumps(meta))
    new = load_detector(str(stem))
    assert new is not None and new is not old and new.propose_margin == pytest.approx(old.propose_margin + 0.25)


# --- the eval extraction cache (eval/replay.py) --------------------------------------------------------

@pytest.fixture
def replay(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import replay as mod
    finally:
        sys.path.remove(str(ROOT / "eval"))
    monkeypatch.setattr(mod, "CACHE_DIR", tmp_path / "cache")
    return mod


def test_the_eval_cache_key_holds_every_input_of_extraction(replay, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    """The eval cache was keyed on extract/'s .py/.yaml/.json/.txt files only: a change to wirewatch/dates.py
    (timex values), model.py, the detector's weights (.npz), the word classes (.tsv.gz), the spaCy model or
    $WIREWATCH_EVENT_MODEL replayed the old extraction and scored it as the new one."""
    inputs = {p.relative_to(ROOT).as_posix() for p in replay.extraction_inputs()}
    for need in ("wirewatch/dates.py", "wirewatch/model.py", "wirewatch/text.py", "wirewatch/extract/nlp.py",
                 "wirewatch/extract/data/event_detector.npz", "wirewatch/extract/data/wordclass.tsv.gz"):
        assert need in inputs, need
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Rebels shelled the airport."}\n', encoding="utf-8")
    monkeypatch.delenv("WIREWATCH_EVENT_MODEL", raising=False)
    key = replay._key(corpus)
    monkeypatch.setenv("WIREWATCH_EVENT_MODEL", "none")
    assert replay._key(corpus) != key


def test_a_broken_eval_cache_file_is_rebuilt_not_loaded(replay, tmp_path: Path) -> None:
    """Seven worktrees share the cache folder and wrote its files in place: a run that read a file another was
    still writing (or that a killed run left half written) failed on it in every later run."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Rebels shelled the airport in Port Elmer on Sunday.", '
                      '"published": "2025-03-09"}\n', encoding="utf-8")
    replay.CACHE_DIR.mkdir(parents=True)
    path = replay.CACHE_DIR / f"{corpus.stem}-{replay._key(corpus)}.pkl"
    path.write_bytes(b"\x80\x04\x95 half a pickle")
    arts = replay.cached(corpus, quiet=True)
    assert isinstance(arts["a"], Article) and arts["a"].text.startswith("Rebels")
    assert replay.cached(corpus, quiet=True)["a"].text == arts["a"].text  # the rebuilt file loads
    assert not [p for p in replay.CACHE_DIR.iterdir() if p.suffix != ".pkl"]  # no temp file left behind


# --- fusion reads candidates through the event cache as copies (store/events.py) ----------------------

def _denial(sentence: str, who, date: str = "2025-03-12"):
    from wirewatch.model import EventMention

    return EventMention(article_id="", event_type="REJECT", sentence=sentence, start=0, end=0, mode="",
                        actor=[who], modality="asserted", date=date, date_precision="day")


def _accusation(sentence: str, who, whom, date: str = "2025-03-11"):
    from wirewatch.model import EventMention

    return EventMention(article_id="", event_type="ACCUSE", sentence=sentence, start=0, end=0, mode="",
                        actor=[who], recipient=[whom], modality="asserted", date=date, date_precision="day")


def _scenario(store, forget) -> list:
    """Reports arrive, one is corrected (re-extracted), an entity merge renames an actor, a denial answers an
    accusation; `forget()` runs before each step (to drop every cache, or not)."""
    from tests.connect_fixtures import NK, launch
    from tests.connect_fixtures import add_corrected as add
    from wirewatch.model import Actor

    torsk = Actor("Torsk", "GPE", "TSK", "gpe:torsk")
    steps = [
        lambda: add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the sea.", 2)]),
        lambda: add(store, "a2", "Korea Ledger", [launch("North Korea fired three ballistic missiles at sea.", 3)]),
        lambda: add(store, "a3", "Gulf Courier", [launch("Pyongyang fired two missiles into the sea on Tuesday.", 2),
                                                  _accusation("Torsk accused North Korea of arming rebels.", torsk,
                                                              NK)]),
        lambda: add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the sea.", 2)]),
        lambda: store.conn.execute(
            "UPDATE event_mentions SET actor = ? WHERE article_id = 'a1'",
            (json.dumps([{**NK.__dict__, "name": "DPRK"}]),)),
        lambda: add(store, "a4", "Torsk Times", [_denial("North Korea denied arming rebels in Torsk.", NK)]),
        lambda: add(store, "a5", "Harbor Wire", [launch("North Korea fired four ballistic missiles into the sea.", 4)]),
    ]
    out = []
    for step in steps:
        forget()
        step()
        out.append((store.events(), store.conflicts()))
    return out


def test_cached_reads_decide_what_uncached_reads_decide() -> None:
    """The same reports, corrections and renames, once with every cache alive across the steps and once with
    every cache dropped before each: the events and conflicts after each step are equal."""
    from wirewatch.connect import view_cache
    from wirewatch.store import events as store_events
    from wirewatch.store.db import Store

    warm, cold = Store(":memory:"), Store(":memory:")

    def forget() -> None:
        for caches in (store_events._caches, store_events._event_caches, view_cache._caches):
            caches.pop(cold, None)

    assert _scenario(warm, lambda: None) == _scenario(cold, forget)
    assert store_events.event_cache(warm).hits > 0  # the warm run did read through the caches


def test_fusion_candidates_are_copies_of_the_cached_event(store) -> None:
    from datetime import date

    from tests.connect_fixtures import add_corrected as add
    from tests.connect_fixtures import launch
    from wirewatch.store.events import event_cache, events_near, peers_of

    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the sea.", 2)])
    (shared,) = peers_of(store, "none", "s1", date(2025, 3, 11), 3)
    store.events_by_ids([shared.id], cache=None, events=event_cache(store))
    (cand,) = events_near(store, "MOBILIZE", "s1", date(2025, 3, 11), 2)
    assert cand == shared and cand is not shared
    cand.mentions.append(cand.mentions[0])
    cand.actor.clear()
    cand.context.append("changed")
    (again,) = store.events_by_ids([shared.id], events=event_cache(store))
    assert again.actor and "changed" not in again.context and len(again.mentions) == 1


# --- the store's in-memory list of events to re-aggregate (store/db.py `stale_events`) -----------------

def test_a_rolled_back_transaction_leaves_no_stale_events(store) -> None:
    """`stale_events` (events that lost a mention, re-aggregated by the next connect step) kept what a rolled
    back transaction had put there: the next article re-aggregated, refreshed and alerted on an event that
    nothing had changed (a watch rule fired for it)."""
    from tests.connect_fixtures import add_corrected as add
    from tests.connect_fixtures import launch

    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the sea.", 2)])
    add(store, "a2", "Korea Ledger", [launch("North Korea fired two ballistic missiles into the sea.", 2)])
    assert store.count("events") == 1 and store.stale_events == set()
    with pytest.raises(RuntimeError), store.transaction():
        store.clear_extraction("a2")  # the event keeps a1's mention: it is marked stale ...
        assert store.stale_events
        raise RuntimeError("the batch fails")  # ... and the removal is rolled back
    assert store.count("event_mentions") == 2
    assert store.stale_events == set()


def test_flat_records_are_what_asdict_writes() -> None:
    """The write path's `flat` (store/db.py) stands for `dataclasses.asdict` on the plain records: the same keys
    in the same order and the same values, so the stored JSON is byte-identical."""
    from dataclasses import asdict

    from wirewatch.model import Actor, Location, Quantity
    from wirewatch.store.db import _dumps, flat

    for obj in (Actor("Torsk"), Actor("Varnavia", "GPE", "VRN", "gpe:varnavia", "the Varnavian government"),
                Location("Port Elmer", "Port Elmer", "VRN", 12.5, -3.25), Location("the border"),
                Quantity(3.0, "missile", "three"), Quantity(1e6, "dollar", "$1 million")):
        assert list(flat(obj).items()) == list(asdict(obj).items())
        assert _dumps(flat(obj)) == _dumps(asdict(obj))
