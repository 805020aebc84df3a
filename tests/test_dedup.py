from __future__ import annotations

import pytest

from tests.conftest import LAUNCH, SUMMIT
from wirewatch.ingest.dedup import content_hash, jaccard, signature
from wirewatch.model import Article
from wirewatch.pipeline import ingest


def run(store, *arts):
    return ingest(articles=list(arts), store=store, extract=False, connectors=[])


def test_content_hash_ignores_case_and_spacing():
    assert content_hash("Two  missiles\nwere fired.") == content_hash("two missiles were fired.")
    assert content_hash("two missiles") != content_hash("three missiles")


def test_exact_copy_under_another_id_is_linked(store):
    r = run(store, Article(id="a", text=LAUNCH), Article(id="b", text=LAUNCH.upper()))
    assert (r.stored, r.exact_duplicates) == (1, 1)
    row = store.article_row("b")
    assert (row["duplicate_of"], row["duplicate_kind"]) == ("a", "exact")


def test_syndicated_copy_is_a_near_duplicate(store):
    copy = "Harbor Wire exclusive. " + LAUNCH.replace("Tuesday morning", "Tuesday") + " (Reporting by Staff)"
    assert jaccard(signature(LAUNCH), signature(copy)) > 0.75
    r = run(store, Article(id="orig", text=LAUNCH), Article(id="copy", text=copy))
    assert r.near_duplicates == 1
    row = store.article_row("copy")
    assert (row["duplicate_of"], row["duplicate_kind"]) == ("orig", "near")


def test_different_stories_are_not_duplicates(store):
    r = run(store, Article(id="a", text=LAUNCH), Article(id="b", text=SUMMIT))
    assert r.stored == 2 and r.duplicates == 0


def test_duplicate_chain_points_to_root(store):
    copy1 = LAUNCH + " Copyright Harbor Wire."
    copy2 = LAUNCH + " Copyright Harbor Wire."  # exact copy of the near-duplicate
    run(store, Article(id="a", text=LAUNCH), Article(id="b", text=copy1), Article(id="c", text=copy2))
    assert store.article_row("c")["duplicate_of"] == "a"


def test_reingest_is_idempotent(store):
    arts = [Article(id="a", text=LAUNCH, source="f1"), Article(id="b", text=SUMMIT, source="f2")]
    run(store, *arts)
    again = run(store, *[Article(id=a.id, text=a.text, source=a.source) for a in arts])
    assert again.unchanged == 2 and again.stored == 0
    assert store.count("articles") == 2
    assert store.conn.execute("SELECT count(*) FROM minhashes").fetchone()[0] == 2


def test_same_id_other_source_gets_its_own_id(store):
    run(store, Article(id="report", text=LAUNCH, source="a/report.txt"))
    r = run(store, Article(id="report", text=SUMMIT, source="b/report.txt"))
    assert r.stored == 1
    ids = [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY rowid")]
    assert ids[0] == "report" and ids[1].startswith("report-")


def test_same_source_new_content_updates_in_place(store):
    run(store, Article(id="report", text=LAUNCH, source="a/report.txt"))
    r = run(store, Article(id="report", text=SUMMIT, source="a/report.txt"))
    assert r.updated == 1 and store.count("articles") == 1
    assert store.get_article("report").text == SUMMIT
    assert store.search("Montevideo")[0]["id"] == "report"
    assert store.search("ballistic") == []


def test_failed_batch_leaves_nothing_half_written(store):
    boom = {"n": 0}

    def connector(_store, art):
        boom["n"] += 1
        if art.id == "b":
            raise KeyboardInterrupt  # an interrupt in the middle of a batch

    with pytest.raises(KeyboardInterrupt):
        ingest(articles=[Article(id="a", text=LAUNCH), Article(id="b", text=SUMMIT)], store=store,
               extract=False, connectors=[connector])
    assert store.count("articles") == 0
    assert store.conn.execute("SELECT count(*) FROM minhashes").fetchone()[0] == 0
    r = run(store, Article(id="a", text=LAUNCH), Article(id="b", text=SUMMIT))
    assert r.stored == 2


def test_jsonl_text_is_kept_verbatim(tmp_path, store):
    """Offsets in exports index the text the producer gave: a JSON record's body is never cleaned."""
    from wirewatch.ingest.sources import iter_inputs

    text = "\n\nSEOUL, March 3 (AP) _\n\nNorth Korea fired a missile on Monday, officials said.\r\n"
    p = tmp_path / "in.jsonl"
    import json

    p.write_text(json.dumps({"id": "x1", "text": text}) + "\n")
    (art,) = list(iter_inputs([p]))
    assert art.text == text
    assert art.dateline == "SEOUL"
