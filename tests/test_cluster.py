"""Cluster mode on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on 127.0.0.1.

`wirewatch batch --scheduler tcp://127.0.0.1:PORT` over tests/fixtures/cluster must give the database of
`wirewatch ingest` over the same files: the exported articles, events, stories and conflicts are equal. The
fixture (invented places and people) has two outlets on one shelling with different death tolls (a
conflict), an exact copy, one file name used twice with different texts (a rename after extraction on the
worker), a JSON Lines file with two reports and a broken line, and an empty file.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "cluster"
BIN = Path(sys.executable).parent
DASK = BIN / "dask"
WIREWATCH = BIN / "wirewatch"
KINDS = ("articles", "events", "stories", "conflicts")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a running scheduler with two single-threaded worker processes."""
    if not DASK.exists():
        pytest.skip(f"no `dask` command next to {sys.executable}: install `distributed`")
    work = tmp_path_factory.mktemp("cluster")
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    logs = (work / "dask.log").open("w")
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                              cwd=work, stdout=logs, stderr=subprocess.STDOUT)]
    try:
        for i in range(2):
            # The workers run in another folder: they get absolute paths, and name files as the client does.
            procs.append(subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard", "--name", f"w{i}",
                 "--local-directory", str(work / f"w{i}"), "--death-timeout", "60"],
                cwd=work, stdout=logs, stderr=subprocess.STDOUT))
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        logs.close()


def _wirewatch(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(WIREWATCH), "--db", str(db), *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200", **(env or {})}, timeout=300)


def _exports(db: Path) -> dict[str, list[dict]]:
    out = {}
    for kind in KINDS:
        res = _wirewatch(db, "export", kind)
        assert res.returncode == 0, res.stderr
        out[kind] = [json.loads(line) for line in res.stdout.splitlines()]
    return out


def test_batch_on_a_cluster_equals_ingest(cluster: str, tmp_path: Path) -> None:
    plain = _wirewatch(tmp_path / "plain.db", "ingest", "--json", str(FIXTURE))
    batch = _wirewatch(tmp_path / "batch.db", "batch", "--scheduler", cluster, "--partition-size", "2", "--json",
                       str(FIXTURE))
    assert plain.returncode == batch.returncode == 1, batch.stderr  # the empty file and the broken line
    summary, expected = json.loads(batch.stdout), json.loads(plain.stdout)
    for s in (summary, expected):
        s.pop("database")
    assert summary == expected
    assert summary["stored"] == 6 and summary["exact_duplicates"] == 1 and len(summary["failed"]) == 2

    got, want = _exports(tmp_path / "batch.db"), _exports(tmp_path / "plain.db")
    for kind in KINDS:
        assert got[kind] == want[kind], kind
    ids = [a["id"] for a in got["articles"]]
    assert len(ids) == 7 and any(i.startswith("dalby-protest-0615-") for i in ids)  # the renamed one
    assert got["events"] and got["conflicts"]
    shelling = [s for s in got["stories"] if "coastpost-shelling-0614" in s["article_ids"]]
    assert len(shelling) == 1 and "harbor-shelling-0614" in shelling[0]["article_ids"]


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    # Dask's own setting bounds the wait for the scheduler (30 s by default).
    res = _wirewatch(tmp_path / "x.db", "batch", "--scheduler", f"tcp://127.0.0.1:{_free_port()}", str(FIXTURE),
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert res.returncode == 2
    assert "cannot reach the Dask scheduler" in res.stderr and "dask scheduler" in res.stderr
