"""Batch runs on Dask (wirewatch.scale): same database as a plain ingest, bad inputs reported, streaming.

The runs here use the synchronous mode (the same read + extract of a partition and the same writer, in this
process) and a local cluster; tests/test_cluster.py runs a real scheduler with two worker processes."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.errors import ConfigError, InputError
from wirewatch.extract import extraction_components
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline, ingest
from wirewatch.scale import dask_runner
from wirewatch.scale.dask_runner import run_batch
from wirewatch.store.db import Store

from .conftest import LAUNCH, SUMMIT

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "demo" / "corpus"
QUAKE = (
    "A magnitude 6.1 earthquake struck near the Turkish city of Malatya on Monday, the disaster agency said. "
    "Rescuers pulled three people from collapsed buildings and officials reported 12 injured."
)


def _write_inputs(root: Path) -> Path:
    """A small archive: corpus reports, a subfolder, an exact copy, a name clash, and bad inputs."""
    d = root / "in"
    (d / "sub").mkdir(parents=True)
    (d / "other").mkdir()
    for name in ("apw-launch-0312.txt", "nws-launch-0312.txt", "kcna-denial-0319.txt", "apw-trade-0330.txt"):
        (d / name).write_bytes((CORPUS / name).read_bytes())
    page = "capitoldispatch-launch-0311.html"
    (d / "sub" / page).write_bytes((CORPUS / page).read_bytes())
    (d / "sub" / "launch.txt").write_text("North Korea fires two missiles\n\n" + LAUNCH + "\n")
    (d / "sub" / "launch-copy.txt").write_text("North Korea fires two missiles\n\n" + LAUNCH + "\n")  # exact copy
    (d / "other" / "launch.txt").write_text("Trade talks in Montevideo\n\n" + SUMMIT + "\n")  # same id, new text
    good = json.dumps({"id": "j1", "text": QUAKE, "outlet": "Delta Post", "published": "2025-04-03"})
    (d / "sub" / "wire.jsonl").write_text(good + "\n{broken json\n")
    (d / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "zz-empty.txt").write_bytes(b"")
    return d


def _snapshot(store: Store) -> dict[str, Any]:
    q = store.conn.execute
    return {
        "articles": [tuple(r) for r in q(
            "SELECT id, source, duplicate_of, duplicate_kind, story_id, content_hash FROM articles ORDER BY rowid"
        )],
        "mentions": [tuple(r) for r in q(
            "SELECT article_id, event_type, sentence, event_id FROM event_mentions ORDER BY article_id, start, id"
        )],
        "entity_mentions": q("SELECT count(*) FROM entity_mentions").fetchone()[0],
        "timexes": q("SELECT count(*) FROM timexes").fetchone()[0],
        "entities": [r[0] for r in q("SELECT id FROM entities ORDER BY id")],
        "events": [tuple(r) for r in q("SELECT id, event_type, story_id FROM events ORDER BY id")],
        "conflicts": q("SELECT count(*) FROM conflicts").fetchone()[0],
        "errors": q("SELECT count(*) FROM ingest_errors").fetchone()[0],
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_inputs(tmp_path_factory.mktemp("scale"))


@pytest.fixture(scope="module")
def plain(inputs: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    store = Store(":memory:")
    report = ingest([inputs], store, pipeline=Pipeline(extraction_components()))
    snap = _snapshot(store)
    store.close()
    return report.to_dict(), snap


@pytest.mark.parametrize(
    "partition_size", [200, 3, 2],
)
def test_batch_matches_plain_ingest(inputs, plain, partition_size):
    store = Store(":memory:")
    done = []
    report = run_batch(
        [inputs], store, partition_size=partition_size, scheduler="synchronous",
        on_partition=lambda i, n: done.append((i, n)),
    )  # fmt: skip
    plain_report, plain_snap = plain
    assert report.to_dict() == plain_report
    snap = _snapshot(store)
    assert snap == plain_snap
    assert snap["events"] and snap["mentions"] and len({a[4] for a in snap["articles"]}) > 1  # real stories
    n_files = 12
    parts = -(-n_files // partition_size)
    assert done == [(i, parts) for i in range(1, parts + 1)]


def test_batch_reports_bad_inputs_and_keeps_the_rest(inputs, plain):
    store = Store(":memory:")
    report = run_batch([inputs, inputs / "missing"], store, scheduler="synchronous", partition_size=4)
    reasons = {(Path(f["source"]).name, f["line"]): f["reason"] for f in report.failed}
    assert reasons[("wire.jsonl", 2)].startswith("invalid JSON")
    assert "binary" in reasons[("zz-binary.txt", None)]
    assert reasons[("zz-empty.txt", None)] == "empty file"
    assert reasons[("missing", None)] == "no such file or directory"
    assert report.stored == plain[0]["stored"] and not report.ok
    assert store.conn.execute("SELECT count(*) FROM ingest_errors").fetchone()[0] == 4


def test_renamed_article_keeps_its_mentions(inputs):
    store = Store(":memory:")
    run_batch([inputs], store, scheduler="synchronous")
    ids = {r[0] for r in store.conn.execute("SELECT id FROM articles")}
    renamed = [i for i in ids if i.startswith("launch-") and i != "launch-copy"]
    assert len(renamed) == 1  # other/launch.txt clashes with sub/launch.txt
    orphans = store.conn.execute(
        "SELECT count(*) FROM event_mentions WHERE article_id NOT IN (SELECT id FROM articles)"
    )
    assert orphans.fetchone()[0] == 0


class _Boom:
    name, reads, writes = "boom", ("text",), ("events",)

    def __call__(self, article: Article) -> Article:
        if "Montevideo" in article.text:
            raise ValueError("no trade today")
        return article


def test_component_failure_is_reported_like_ingest(inputs, monkeypatch):
    pipeline = Pipeline([*extraction_components(), _Boom()])
    monkeypatch.setattr(dask_runner, "_PIPELINES", {None: ("", pipeline)})
    store = Store(":memory:")
    report = run_batch([inputs], store, scheduler="synchronous", partition_size=5)
    expected = ingest([inputs], Store(":memory:"), pipeline=pipeline)
    assert report.to_dict() == expected.to_dict()
    assert any(f["reason"] == "boom: ValueError('no trade today')" for f in report.failed)


def test_rerun_changes_nothing(inputs):
    store = Store(":memory:")
    run_batch([inputs], store, scheduler="synchronous")
    again = run_batch([inputs], store, scheduler="synchronous", partition_size=4)
    assert again.stored == 0 and again.unchanged == 9


def test_stdin_and_bad_options_are_refused(store):
    import dask
    import distributed  # noqa: F401 - loads its config defaults: set before it, the later LocalCluster lacked them

    with pytest.raises(ConfigError, match="stdin"):
        run_batch(["-"], store)
    with pytest.raises(ConfigError, match="unknown scheduler 'cluster'"):
        run_batch([], store, scheduler="cluster")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        run_batch([], store, scheduler="tcp://127.0.0.1:9")  # nothing listens on the discard port
    assert run_batch([], store, scheduler="synchronous").to_dict()["stored"] == 0


def test_local_cluster_matches_plain_ingest(tmp_path):
    d = tmp_path / "six"
    d.mkdir()
    texts = [LAUNCH, SUMMIT, QUAKE, LAUNCH.replace("two", "three"), SUMMIT.replace("Friday", "Monday"), "x"]
    for i, text in enumerate(texts):
        (d / f"a{i}.txt").write_text(f"Report {i}\n\n{text}\n")
    plain_store, batch_store = Store(":memory:"), Store(":memory:")
    expected = ingest([d], plain_store, pipeline=Pipeline(extraction_components()))
    report = run_batch([d], batch_store, workers=2, partition_size=3)  # a LocalCluster of 2 processes
    assert report.to_dict() == expected.to_dict()
    assert _snapshot(batch_store) == _snapshot(plain_store)


def test_cli_batch(tmp_path, inputs):
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    res = runner.invoke(app, ["batch", "--help"])
    assert res.exit_code == 0 and "--partition-size" in res.stdout and "--scheduler" in res.stdout
    args = ["--db", db, "batch", "--scheduler", "synchronous", "--partition-size", "4", "--json", str(inputs)]
    res = runner.invoke(app, args)
    assert res.exit_code == 1  # some inputs failed ...
    summary = json.loads(res.stdout)
    assert summary["stored"] >= 8 and len(summary["failed"]) == 3  # ... the rest is stored
    res = runner.invoke(app, ["--db", db, "batch", "--scheduler", "cluster", str(inputs)])
    assert res.exit_code == 2


def test_partition_results_pickle(inputs):
    """What a worker sends back (articles with their results, InputErrors, ComponentErrors) survives pickling."""
    files = [(str(p), str(p.resolve())) for p in sorted(inputs.rglob("*")) if p.is_file()]
    results = dask_runner.extract_partition(files)
    back = pickle.loads(pickle.dumps(results))
    assert [name for name, _ in back] == [name for name, _ in results] == [name for name, _ in files]
    errors = [i for _, items in back for i in items if isinstance(i, InputError)]
    assert {Path(e.source).name for e in errors} == {"wire.jsonl", "zz-binary.txt", "zz-empty.txt"}
    events = [m for _, items in back for i in items if not isinstance(i, InputError) for m in i.result.events]
    assert events and all(i.article.doc is None for _, items in back for i in items if not isinstance(i, InputError))


def test_a_lost_partition_fails_its_files_and_the_run_goes_on(tmp_path, monkeypatch):
    d = tmp_path / "three"
    d.mkdir()
    for i, text in enumerate([LAUNCH, SUMMIT, QUAKE]):
        (d / f"a{i}.txt").write_text(f"Report {i}\n\n{text}\n")
    real = dask_runner.extract_partition

    def flaky(files, *args):
        if any(name.endswith("a1.txt") for name, _ in files):
            raise OSError("worker lost")
        return real(files, *args)

    monkeypatch.setattr(dask_runner, "extract_partition", flaky)
    report = run_batch([d], Store(":memory:"), scheduler="synchronous", partition_size=1)
    assert report.stored == 2 and report.files[str(d / "a1.txt")] == "failed"
    assert report.failed == [{"source": str(d / "a1.txt"), "line": None,
                              "reason": "extraction on a Dask worker failed: OSError: worker lost"}]
