"""The command line refuses what cannot match, says a list is cut, survives a closed pipe, rejects foreign files.

Run as real processes (`python -m wirewatch.cli`): exit statuses, stderr and pipes are what is tested."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.serve_fixtures import STORY, build_demo_store
from wirewatch.cli import clip
from wirewatch.serve.queries import CONFLICT_FIELDS


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    build_demo_store(path).close()
    return str(path)


def run(*args: str, db: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "wirewatch.cli"] + (["--db", db] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin",
                                                                                  "COLUMNS": "80"})


@pytest.mark.parametrize("args, needles", [
    (["events", "--since", "March"], ["--since: 'March' is not a date", "YYYY-MM-DD"]),
    (["events", "--until", "2025-02-30"], ["--until:", "not a date"]),
    (["events", "--type", "FOO"], ["error: --type: unknown value 'FOO'", "MOBILIZE", "ASSAULT"]),
    (["events", "--modality", "rumoured"], ["asserted", "denied", "planned"]),
    (["events", "--story", "nope"], ["no story 'nope'", "wirewatch stories"]),
    (["conflicts", "--field", "banana"], ["error: --field: unknown value 'banana'", *CONFLICT_FIELDS]),
    (["conflicts", "--story", "nope"], ["no story 'nope'"]),
    (["search", '"North Korea'], ["bad search syntax", "quote is not closed", "plain words: North Korea"]),
    (["search", "NOT"], ["bad search syntax", "AND, OR and NOT"]),
    (["search", "(missile OR"], ["bad search syntax"]),
    (["events", "--limit", "0"], ["--limit"]),
])
def test_bad_filters_exit_2_with_the_allowed_values(db: str, args: list[str], needles: list[str]) -> None:
    res = run(*args, db=db)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert res.stdout == "" and "Traceback" not in res.stderr
    for needle in needles:
        assert needle in res.stderr, (needle, res.stderr)


def test_good_filters_still_work(db: str) -> None:
    res = run("events", "--type", "mobilize", "--since", "2024-03", "--modality", "reported", db=db)
    assert res.returncode == 0 and "ev-launch" not in res.stderr and len(res.stdout.splitlines()) == 2
    assert run("conflicts", "--field", "quantity", "--story", STORY, db=db).stdout.count("[quantity]") == 1
    assert run("search", '"ballistic missiles"', db=db).returncode == 0


def test_a_cut_list_says_so_on_stderr(db: str) -> None:
    res = run("events", "-n", "2", db=db)
    assert res.returncode == 0
    assert len(res.stdout.splitlines()) == 3  # header + 2 rows: the note never goes into the pipe
    assert "showing 2 of 4 events, use --limit/--offset" in res.stderr
    rest = run("events", "-n", "2", "--offset", "3", db=db)
    assert len(rest.stdout.splitlines()) == 2 and "showing 1 of 4 events (from #4)" in rest.stderr
    assert run("events", db=db).stderr == ""  # nothing cut, nothing said
    assert "showing 1 of 2 stories" in run("stories", "-n", "1", db=db).stderr
    assert "showing 1 of" in run("search", "missiles", "-n", "1", db=db).stderr


@pytest.mark.parametrize("args", [["search", "missiles"], ["events", "--json"], ["export", "events"],
                                  ["stories"], ["conflicts"], ["story", STORY]])
def test_a_reader_closing_the_pipe_is_not_an_error(db: str, args: list[str]) -> None:
    cmd = [sys.executable, "-m", "wirewatch.cli", "--db", db, *args]
    # The reader is gone before the first byte is written: every write meets a broken pipe.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


def test_head_in_a_shell_pipeline_exits_0(db: str) -> None:
    line = f"set -o pipefail; {sys.executable} -m wirewatch.cli --db {db} search missiles | head -1"
    for _ in range(3):
        res = subprocess.run(["bash", "-c", line], capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert len(res.stdout.splitlines()) == 1


def _one_clear_line(res: subprocess.CompletedProcess[str], path: str) -> None:
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert "Traceback" not in res.stderr and "sqlite3" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and path in lines[0]
    assert "not a wirewatch database" in lines[0]


@pytest.mark.parametrize("args", [["events"], ["info"], ["search", "x"], ["stories"], ["export", "events"],
                                  ["ingest", "--no-extract", "-q", "-"]])
def test_a_file_that_is_no_database_is_one_line_exit_2(tmp_path: Path, args: list[str]) -> None:
    bogus = tmp_path / "passwd"
    bogus.write_text("root:x:0:0:root:/root:/bin/bash\n" * 40)
    before = bogus.read_bytes()
    _one_clear_line(run(*args, db=str(bogus)), str(bogus))
    assert bogus.read_bytes() == before


@pytest.mark.skipif(not Path("/etc/passwd").exists(), reason="no /etc/passwd")
def test_etc_passwd_as_db() -> None:
    _one_clear_line(run("events", db="/etc/passwd"), "/etc/passwd")


@pytest.mark.parametrize("args", [["events"], ["conflicts"], ["ingest", "--no-extract", "-q", "-"]])
def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path, args: list[str]) -> None:
    foreign = tmp_path / "app.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    res = run(*args, db=str(foreign))
    _one_clear_line(res, str(foreign))
    assert "other tables (users)" in res.stderr
    conn = sqlite3.connect(foreign)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["users"]  # no tables of ours added
    conn.close()


def test_an_empty_file_is_no_store_to_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    res = run("events", db=str(empty))
    _one_clear_line(res, str(empty))
    assert "empty" in res.stderr


def test_clip_cuts_at_word_boundaries() -> None:
    sentence = ("Lawmakers of the National Assembly voted on Tuesday to extend the mission of the "
                "National Guard by another six months, officials said.")
    for n in range(20, len(sentence)):
        cut = clip(sentence, n)
        assert len(cut) <= n + 1 and cut.endswith("\u2026")
        body = cut[:-1]
        assert sentence.startswith(body) and sentence[len(body)] in " ,", (n, cut)  # whole words only
    assert clip(sentence, 500) == sentence
    assert clip("Supercalifragilisticexpialidocious is long", 10) == "Supercalif\u2026"  # no space to cut at
    assert clip("two\nlines  here", 50) == "two lines here"


@pytest.mark.parametrize("args", [["export", "events", "-f", "csv"], ["export", "articles", "-f", "parquet"],
                                  ["brief", "--story", STORY]])
def test_an_output_file_that_cannot_be_written_is_one_line_naming_it(db: str, tmp_path: Path,
                                                                    args: list[str]) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    target = str(tmp_path / "a-file" / "out.file")  # no folder can be made there (brief makes missing ones)
    res = run(*args, "-o", target, db=db)
    assert res.returncode == 2, (res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert "Traceback" not in res.stderr and len(lines) == 1, res.stderr
    assert lines[0].startswith("error: cannot write ") and "a-file" in lines[0]
