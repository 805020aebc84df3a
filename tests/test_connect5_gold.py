"""eval/connect5 (a held-out multi-outlet gold set) is well formed and registered as a held-out gate suite.

These tests read the gold and the corpus only, never the pipeline's output on them."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
FOLDER = EVAL / "connect5"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    rows = [json.loads(line) for line in (FOLDER / "corpus.jsonl").open(encoding="utf-8") if line.strip()]
    return {r["id"]: r for r in rows}


def test_check_gold_passes(capsys: pytest.CaptureFixture[str]) -> None:
    # The same checker as eval/connect: keys verbatim in one sentence, types, modalities, dates, fusion and
    # conflict ids, entity aliases present in the texts.
    check = _load("check_gold_connect5", EVAL / "connect" / "check_gold.py")
    rc = check.main(["--gold", str(FOLDER / "gold.json"), "--corpus", str(FOLDER / "corpus.jsonl")])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "ERROR" not in out


def test_size_and_outlets(gold: dict, corpus: dict[str, dict]) -> None:
    # Issue 12 asks for >= 20 reports; the task for this set asked for >= 24 from >= 9 outlets.
    assert len(corpus) >= 24
    assert len({r["outlet"] for r in corpus.values()}) >= 9
    assert {r["id"] for r in corpus.values()} == {a["id"] for a in gold["articles"]}
    for r in corpus.values():
        assert set(r) == {"id", "title", "text", "outlet", "published"}


def test_stories_hold_their_groups(gold: dict) -> None:
    story = {a["id"]: a["story"] for a in gold["articles"]}
    assert set(story.values()) == set(gold["stories"])
    art = {e["id"]: e["article"] for e in gold["events"]}
    for group in gold["fusion"]:
        assert len({story[art[x]] for x in group}) == 1, group
        assert len({art[x] for x in group}) >= 2, group
    for c in gold["conflicts"]:
        assert len({story[art[x]] for x in c["events"]}) == 1, c


def test_no_conflict_without_fusion_or_claim_pairing(gold: dict) -> None:
    # A quantity/date/actor conflict is between two reports of one happening: both ids in one fusion group.
    group_of = {x: i for i, g in enumerate(gold["fusion"]) for x in g}
    for c in gold["conflicts"]:
        if "occurrence" not in c["field"]:
            a, b = c["events"]
            assert a in group_of and group_of[a] == group_of.get(b), c


def test_background_and_speculation_never_fuse(gold: dict) -> None:
    fused = {x for g in gold["fusion"] for x in g}
    for e in gold["events"]:
        if e["modality"][0] in ("historical", "speculated"):
            assert e["id"] not in fused, e["id"]
            assert not e["required"], e["id"]


def test_syndicated_copy_is_the_same_text(corpus: dict[str, dict]) -> None:
    texts = Counter(r["text"] for r in corpus.values())
    copies = [t for t, n in texts.items() if n > 1]
    assert len(copies) == 1
    outlets = {r["outlet"] for r in corpus.values() if r["text"] == copies[0]}
    assert len(outlets) == 2


def test_registered_as_held_out_suite() -> None:
    gate = _load("gate_connect5", EVAL / "gate.py")
    assert "connect5" in gate.SUITES
    assert "connect5" in gate.HELD_OUT
    # held out: figure lines pass the filter, the scorer's 'missed:' list does not
    assert gate._FIGURE.match("fusion_f1: 0.500")
    assert not gate._FIGURE.match('missed: aA1 ASSAULT "opened fire"')
