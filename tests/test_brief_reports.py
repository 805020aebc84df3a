"""Briefs of real ingested reports (the whole pipeline, spaCy included): a fresh storyline written for these
tests (tests/shoal_reports.py) and the demo corpus's launch story. What issue 12 asks of a brief: each
event is a one-line summary built from its evidence, the best-supported happening leads the key events and
the bottom line, background is folded away, and "who said what" has no duplicates and no time-word
speakers."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.shoal_reports import SHOAL_REPORTS
from wirewatch.model import Event
from wirewatch.pipeline import ingest
from wirewatch.serve.brief import BACKGROUND, TIME_WORDS, Brief, build_brief, one_line, render_markdown
from wirewatch.serve.queries import Reader
from wirewatch.store.db import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def _check_lines(b: Brief) -> None:
    """Every listed event reads as a line of news: no doubled word, more than a bare name."""
    for ev in [*b.events, *b.folded]:
        line = one_line(ev)
        words = line.lower().split()
        assert not any(a == c for a, c in zip(words, words[1:], strict=False)), line
        assert len(words) >= 2, line


def _check_said(b: Brief) -> None:
    pairs = [(s.source.lower(), " ".join(s.sentence.split())) for s in b.said]
    assert len(pairs) == len(set(pairs))
    for s in b.said:
        assert not set(s.source.lower().split()) <= TIME_WORDS | {"the", "on", "at", "by"}, s
    # Denials lead.
    flags = [s.denial for s in b.said]
    assert flags == sorted(flags, reverse=True)


@pytest.fixture(scope="module")
def shoal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Reader, Brief]]:
    store = Store(tmp_path_factory.mktemp("shoal") / "shoal.db")
    ingest(store=store, articles=[copy.deepcopy(a) for a in SHOAL_REPORTS])
    stories = store.stories()
    assert len(stories) == 1 and len(stories[0].article_ids) == 5
    r = Reader(store)
    yield r, build_brief(r, story=stories[0].id, picture=False)
    store.close()


def _is_cannon(ev: Event) -> bool:
    return "water cannon" in one_line(ev) and ev.event_type in {"ASSAULT", "COERCE", "CONVENTIONAL_MILITARY"}


def test_the_best_supported_happening_leads_and_reads_as_its_evidence(shoal: tuple[Reader, Brief]) -> None:
    _, b = shoal
    lead = b.events[0]  # ranked by independent sources
    assert [ev.sources for ev in b.events] == sorted((ev.sources for ev in b.events), reverse=True)
    assert _is_cannon(lead) and (lead.sources or 0) >= 3
    line = one_line(lead)
    assert re.match(r"^(China's|Chinese) coast guard( ships)? fired water cannon at two Philippine supply boats", line)
    assert not re.search(r"\b(Tuesday|said)\b", line)  # no time or attribution in a headline
    assert b.bottom_line.startswith(line)
    assert "independent sources" in b.bottom_line
    _check_lines(b)


def test_background_is_folded_away_and_still_listed(shoal: tuple[Reader, Brief]) -> None:
    _, b = shoal
    assert not any(ev.modality in BACKGROUND for ev in b.events)
    recap = [ev for ev in b.folded if "clashed repeatedly" in one_line(ev)]
    assert recap, [one_line(ev) for ev in b.folded]
    md = render_markdown(b)
    assert "<details><summary>Background and low-confidence events" in md and "clashed repeatedly" in md


def test_who_said_what_names_speakers_once_with_the_denial_first(shoal: tuple[Reader, Brief]) -> None:
    _, b = shoal
    _check_said(b)
    assert b.said and b.said[0].denial
    assert "denied" in b.said[0].sentence or "rejected" in b.said[0].sentence
    speakers = {s.source for s in b.said}
    assert "Philippine Coast Guard" in speakers


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brief]:
    store = Store(tmp_path_factory.mktemp("demo") / "demo.db")
    ingest([DEMO], store)
    r = Reader(store)
    launch = [s for s in store.stories() if "ballistic missiles" in (s.label or "")]
    assert len(launch) == 1
    # Tokyo's "three missiles" report and the "different counts" one are the same launch, not a story of
    # their own (a split once sent them off: their words differ, their dates do not).
    assert {"nws-launch-0312", "eao-launch-0313", "apw-launch-0312"} <= set(launch[0].article_ids)
    yield build_brief(r, story=launch[0].id, picture=False)
    store.close()


def test_demo_launch_brief_leads_with_the_launch(demo: Brief) -> None:
    b = demo
    launch = [ev for ev in b.events if ev.event_type == "MOBILIZE" and "two short-range ballistic missiles"
              in one_line(ev)]
    assert launch and launch[0] is b.events[0], [one_line(ev) for ev in b.events]
    assert b.bottom_line.startswith(one_line(launch[0]))
    assert launch[0] not in b.folded
    # The noise the detector still finds ("gave different counts", "offered a different tally") is folded.
    assert not any("different" in one_line(ev) for ev in b.events)
    _check_lines(b)
    _check_said(b)
    assert "command" not in {s.source for s in b.said}  # "The command said" is U.S. Indo-Pacific Command
