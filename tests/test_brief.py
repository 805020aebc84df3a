"""Situation reports: Markdown and HTML, the timeline PNG, conflicts, who said what, the CLI command."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.serve_fixtures import STORY, UNFUSED_MENTION, XSS_EVENT, build_demo_store, xss_article
from wirewatch.cli import app
from wirewatch.errors import ConfigError, NotFoundError
from wirewatch.serve.brief import build_brief, md, render_markdown, write_brief
from wirewatch.serve.queries import Reader
from wirewatch.store.db import Store

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "demo.db"
    build_demo_store(path, extra=[xss_article()]).close()
    return str(path)


@pytest.fixture
def reader(db: str) -> Iterator[Reader]:
    store = Store(db, readonly=True)
    yield Reader(store)
    store.close()


def test_markdown_brief_for_a_story(reader: Reader, tmp_path: Path) -> None:
    b = build_brief(reader, story=STORY)
    out = tmp_path / "out" / "launch.md"
    text, png = write_brief(b, "md", out)
    assert out.read_text(encoding="utf-8") == text
    assert png == tmp_path / "out" / "launch.timeline.png" and png.read_bytes().startswith(PNG_MAGIC)
    assert text.startswith("# Situation report: North Korea fires two missiles")
    assert "**Period:** 2024-03-12 – 2024-03-19" in text and "![Timeline of events](launch.timeline.png)" in text
    # Key events in date order, with source counts and confidence.
    events = text.split("## Key events")[1].split("## Contradictions")[0]
    dates = [line.split("**")[1] for line in events.splitlines() if line.startswith("- **")]
    # Only the well-supported event leads; the single weak reports, the plan and the zero-confidence claim
    # are folded away but listed on demand.
    assert dates == ["2024-03-12"] and "North Korea fired two short-range ballistic missiles toward" in events
    assert "3 source(s), confidence 0.82" in events
    assert "Background and low-confidence events (3)" in events and "will hold a joint drill" in events
    # A bottom line from the top events and the surest conflict.
    bottom = text.split("## Bottom line")[1].split("## Key events")[0]
    assert "3 independent sources" in bottom and "Sources disagree on 2 points" in bottom
    # Contradictions with each outlet's value.
    conflicts = text.split("## Contradictions")[1].split("## Who said what")[0]
    assert "**quantity**" in conflicts and "2 — Harbor Wire" in conflicts and "3 — Gulf Courier" in conflicts
    assert "denied — Capitol Dispatch" in conflicts
    # Who said what: the denial comes first.
    said = text.split("## Who said what")[1].strip().splitlines()
    assert said[0].startswith("- **KCNA** (denied, via Capitol Dispatch")


def test_html_brief_embeds_the_picture(reader: Reader, tmp_path: Path) -> None:
    b = build_brief(reader, story=STORY)
    out = tmp_path / "launch.html"
    text, png = write_brief(b, "html", out)
    assert png is not None and png.exists()
    marker = 'src="data:image/png;base64,'
    assert marker in text
    data = text.split(marker)[1].split('"')[0]
    assert base64.b64decode(data).startswith(PNG_MAGIC)
    assert "<style>" in text and "Contradictions" in text and "Outlets disagree on how many missiles" in text
    assert "Gulf Courier" in text and "Capitol Dispatch" in text
    # Article text is escaped in the report too.
    assert "<script>alert" not in text and "&lt;script&gt;alert(1)" in text and "<img src=y" not in text


def test_entity_and_since_briefs(reader: Reader) -> None:
    b = build_brief(reader, entity="Pyongyang", picture=False)  # by alias
    assert b.title == "Situation report: North Korea" and b.png is None
    assert {ev.id for ev in b.events} == {"ev-launch"} and {ev.id for ev in b.folded} == {"ev-condemn", XSS_EVENT}
    b = build_brief(reader, since="2024-03-19")
    assert [ev.id for ev in b.events + b.folded] == ["ev-drill", UNFUSED_MENTION] and not b.conflicts
    text = render_markdown(b)
    assert "_No contradictions between sources._" in text and "![" not in text


def test_brief_arguments(reader: Reader) -> None:
    with pytest.raises(ConfigError):
        build_brief(reader)
    with pytest.raises(ConfigError):
        build_brief(reader, story=STORY, entity="Japan")
    with pytest.raises(ConfigError):
        build_brief(reader, since="last week")
    with pytest.raises(NotFoundError):
        build_brief(reader, story="nope")
    with pytest.raises(NotFoundError):
        build_brief(reader, entity="Atlantis")


def test_markdown_escapes_article_text() -> None:
    assert md("<script>x</script> *bold* [a](b)") == r"&lt;script&gt;x&lt;/script&gt; \*bold\* \[a\](b)"
    assert md("Seoul & Washington\nagreed") == "Seoul & Washington agreed"


def test_cli_brief(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "b.html"
    res = runner.invoke(app, ["--db", db, "brief", "--story", STORY, "--format", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists() and (tmp_path / "b.timeline.png").exists()
    res = runner.invoke(app, ["--db", db, "brief", "--entity", "KCNA"])
    assert res.exit_code == 0 and res.stdout.startswith("# Situation report: KCNA")
    res = runner.invoke(app, ["--db", db, "brief", "--story", "nope"])
    assert res.exit_code == 2


def test_long_briefs_keep_the_best_supported_events(reader: Reader, monkeypatch: pytest.MonkeyPatch) -> None:
    import wirewatch.serve.brief as brief

    monkeypatch.setattr(brief, "MAX_EVENTS", 2)
    b = build_brief(reader, story=STORY, picture=False)
    # ev-launch has 3 sources, ev-condemn the best confidence of the rest; listed in date order.
    assert [ev.id for ev in b.events] == ["ev-launch"] and [ev.id for ev in b.folded] == ["ev-condemn"]
    assert b.omitted == 2
    assert "and 2 more event(s) not listed" in render_markdown(b)


def test_who_said_what_lists_a_statement_once_and_never_a_time_as_speaker() -> None:
    from wirewatch.model import Event, EventMention
    from wirewatch.serve.brief import _said

    def said(article: str, sentence: str, source: str | None) -> EventMention:
        return EventMention(article_id=article, event_type="MOBILIZE", sentence=sentence, start=0, end=1,
                            trigger="fired", modality="reported", attributed_to=source)

    s1 = "North Korea fired two missiles on Wednesday, the Joint Chiefs of Staff said, the latest in a string of tests."
    s2 = "North Korea fired two missiles on Wednesday, the Joint Chiefs of Staff said, the newest in a string of tests."
    ev = Event(id="e", event_type="MOBILIZE", mentions=[
        said("a", s1, "Joint Chiefs of Staff"), said("b", s2, "Joint Chiefs of Staff"),
        said("c", "The missiles fell into the sea at midday, it said.", "midday")])
    out = _said([ev], {"a": {"outlet": "APW"}, "b": {"outlet": "APW"}, "c": {"outlet": "Gulf Courier"}})
    assert [s.source for s in out] == ["Gulf Courier", "Joint Chiefs of Staff"]


def test_many_independent_reports_make_a_type_sure_that_one_report_leaves_a_guess() -> None:
    """The detector reads each launch sentence at 0.45; six outlets telling it make the launch a key event,
    one outlet at that confidence leaves it folded."""
    from wirewatch.model import Actor, Event, EventMention
    from wirewatch.serve.brief import is_key, type_confidence

    def m(article: str) -> EventMention:
        return EventMention(article_id=article, event_type="MOBILIZE", sentence="North Korea fired missiles.",
                            start=0, end=1, trigger="fired", type_confidence=0.45)

    outlets = {f"a{i}": {"outlet": f"Outlet {i}"} for i in range(6)}
    outlets["a6"] = {"outlet": "Outlet 0"}  # a second report of one outlet adds nothing
    prk = [Actor(name="North Korea")]
    many = Event(id="e", event_type="MOBILIZE", mentions=[m(f"a{i}") for i in range(7)], actor=prk, sources=6,
                 confidence=0.99)
    one = Event(id="e1", event_type="MOBILIZE", mentions=[m("a0"), m("a6")], actor=prk, sources=1, confidence=0.8)
    assert type_confidence(many, outlets) == pytest.approx(1 - 0.55**6)
    assert type_confidence(one, outlets) == pytest.approx(0.45)
    assert is_key(many, outlets) and not is_key(one, outlets)


def test_a_bare_role_noun_speaker_takes_the_name_its_report_gave() -> None:
    from wirewatch.serve.brief import _full_name

    names = {"U.S. Indo-Pacific Command", "command"}
    assert _full_name("command", names) == "U.S. Indo-Pacific Command"
    assert _full_name("the command", names) == "U.S. Indo-Pacific Command"
    assert _full_name("ministry", names) == "ministry"  # no fuller name in the report: left as it is
    assert _full_name("Command", names) == "Command"  # a proper name is not a role noun


# Regression cases from review: a bare role noun went to one of two bodies the report names, and with two
# names of equal length the choice followed set order (it flipped with PYTHONHASHSEED).
def test_a_bare_role_noun_is_not_pinned_on_one_of_two_bodies() -> None:
    from wirewatch.serve.brief import _full_name

    assert _full_name("officials", {"U.S. officials", "Iranian officials", "officials"}) == "officials"
    assert _full_name("the command", {"U.S. Indo-Pacific Command", "the command"}) == "U.S. Indo-Pacific Command"
    assert _full_name("officials", {"officials"}) == "officials"
    where = {"U.S. officials": [0], "Iranian officials": [120], "officials": [60, 200]}
    # the body named last before the sentence; none before, or two named in one sentence: bare
    assert _full_name("officials", where, 200, where) == "Iranian officials"
    assert _full_name("officials", where, 60, where) == "U.S. officials"
    assert _full_name("officials", {"Iraqi officials": [50], "Saudi officials": [80]}, 10,
                      {"Iraqi officials": [50], "Saudi officials": [80]}) == "officials"
    same = {"Iraqi officials": [50], "Saudi officials": [50]}
    assert _full_name("officials", same, 90, same) == "officials"


def test_equal_length_candidates_give_the_same_answer_under_every_hash_seed() -> None:
    import os
    import subprocess
    import sys

    code = ("from wirewatch.serve.brief import _full_name;"
            "print(_full_name('officials', {'Iraqi officials', 'Saudi officials', 'officials'}));"
            "w = {'Iraqi officials': [5], 'Saudi officials': [5]};"
            "print(_full_name('officials', w, 9, w))")
    outs = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(k)},
                           capture_output=True, text=True, check=True).stdout for k in range(6)}
    assert outs == {"officials\nofficials\n"}, outs
