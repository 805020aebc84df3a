"""The command line: help for every command, exit codes, pipes, exports."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from wirewatch.cli import app

from .conftest import LAUNCH, SUMMIT

runner = CliRunner()


def commands() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help(name):
    res = runner.invoke(app, [name, "--help"])
    assert res.exit_code == 0, res.output
    assert "Usage:" in res.output
    # The docstring's first line is shown: a command without one has no help to give.
    cmd = next(c for c in app.registered_commands if (c.name or c.callback.__name__) == name)  # type: ignore[union-attr]
    first = (cmd.callback.__doc__ or "").strip().splitlines()[0]  # type: ignore[union-attr]
    assert first and first.split()[0] in res.output


def test_top_level_help_lists_commands():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for name in ("ingest", "search", "export", "events", "entities"):
        assert name in res.output


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "launch.txt").write_text("North Korea fires two missiles\n\n" + LAUNCH + "\n")
    (d / "summit.txt").write_text("Trade talks in Montevideo\n\n" + SUMMIT + "\n")
    good = json.dumps({"id": "j1", "text": "Officials in Hanoi opened a new bridge on Sunday.", "outlet": "Delta Post"})
    (d / "batch.jsonl").write_text(good + "\n{broken json\n")
    return d


def test_ingest_reports_bad_lines_and_keeps_the_rest(tmp_path, corpus):
    db = str(tmp_path / "w.db")
    res = runner.invoke(app, ["--db", db, "ingest", "--no-extract", "--json", str(corpus)])
    assert res.exit_code == 1  # something failed ...
    summary = json.loads(res.stdout)
    assert summary["stored"] == 3  # ... and everything else was stored
    (fail,) = summary["failed"]
    assert fail["source"].endswith("batch.jsonl") and fail["line"] == 2
    again = runner.invoke(app, ["--db", db, "ingest", "--no-extract", "--json", str(corpus)])
    assert json.loads(again.stdout)["unchanged"] == 3
    info = runner.invoke(app, ["--db", db, "info", "--json"])
    assert json.loads(info.stdout)["articles"] == 3


def test_search_and_exports(tmp_path, corpus):
    db = str(tmp_path / "w.db")
    runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(corpus)])
    res = runner.invoke(app, ["--db", db, "search", "ballistic missiles"])
    assert res.exit_code == 0 and "[ballistic]" in res.stdout and "launch" in res.stdout
    res = runner.invoke(app, ["--db", db, "export", "articles"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["id"] for r in rows} == {"launch", "summit", "j1"}
    assert {"id", "title", "outlet", "published", "dateline", "story_id", "duplicate_of"} <= set(rows[0])
    csv_path = tmp_path / "a.csv"
    assert runner.invoke(app, ["--db", db, "export", "articles", "-f", "csv", "-o", str(csv_path)]).exit_code == 0
    assert csv_path.read_text().splitlines()[0].startswith("id,title,outlet")
    pq_path = tmp_path / "a.parquet"
    assert runner.invoke(app, ["--db", db, "export", "articles", "-f", "parquet", "-o", str(pq_path)]).exit_code == 0
    assert pq.read_table(pq_path).num_rows == 3
    bad = runner.invoke(app, ["--db", db, "export", "articles", "-f", "parquet"])
    assert bad.exit_code == 2 and "output file" in bad.output
    assert runner.invoke(app, ["--db", db, "export", "nonsense"]).exit_code == 2


def test_queries_never_create_a_database(tmp_path):
    db = tmp_path / "absent.db"
    res = runner.invoke(app, ["--db", str(db), "search", "x"])
    assert res.exit_code == 2 and "no database" in res.output
    assert not db.exists()


def test_events_and_entities_browse(tmp_path):
    """Events are filtered by type and date; JSON output follows the export contract."""
    from tests.serve_fixtures import build_demo_store

    db = tmp_path / "demo.db"
    build_demo_store(str(db))
    res = runner.invoke(app, ["--db", str(db), "events", "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and {"id", "event_type", "actor", "mentions", "sources"} <= set(rows[0])
    t = rows[0]["event_type"]
    only = runner.invoke(app, ["--db", str(db), "events", "--type", t, "--json"])
    assert {json.loads(line)["event_type"] for line in only.stdout.splitlines()} == {t}
    table = runner.invoke(app, ["--db", str(db), "entities"])
    assert table.exit_code == 0 and table.stdout.startswith("name\tkind\tcountry")  # TSV when piped


def test_stories_story_and_conflicts_commands(tmp_path):
    from tests.serve_fixtures import build_demo_store

    db = tmp_path / "demo.db"
    store = build_demo_store(str(db))
    sid = store.stories()[0].id
    store.close()
    listed = runner.invoke(app, ["--db", str(db), "stories"])
    assert listed.exit_code == 0 and sid in listed.stdout
    timeline = runner.invoke(app, ["--db", str(db), "story", sid])
    assert timeline.exit_code == 0 and "sources" in timeline.stdout
    data = json.loads(runner.invoke(app, ["--db", str(db), "story", sid, "--json"]).stdout)
    dates = [e["date"] for e in data["events"] if e["date"]]
    assert dates == sorted(dates)  # a timeline is in date order
    assert runner.invoke(app, ["--db", str(db), "story", "no-such-story"]).exit_code == 2
    conf = runner.invoke(app, ["--db", str(db), "conflicts", "--json"])
    assert conf.exit_code == 0
    for line in conf.stdout.splitlines():
        assert {"id", "field", "event_ids", "values", "explanation"} <= set(json.loads(line))
