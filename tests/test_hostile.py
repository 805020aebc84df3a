"""Regressions from the hostile-input run of issue 8, one test per defect, each built from its reproduction.

Timing targets live in benchmarks/hostile.py; these tests check behaviour (finishes, reports, stores)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.extract import extraction_components
from wirewatch.extract import nlp as nlpmod
from wirewatch.ingest.htmltext import bound_markup, html_to_text
from wirewatch.ingest.sources import count_inputs, iter_inputs
from wirewatch.model import Article
from wirewatch.pipeline import Pipeline, ingest
from wirewatch.store.db import Store

GOOD = "Police arrested three protesters outside the parliament in Lisbon on Friday, officials said."
GOOD2 = "North Korea fired two ballistic missiles off its east coast on Tuesday, the South Korean military said."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(extraction_components())


def failures(report: object) -> dict[str, str]:
    return {Path(f["source"]).name: f["reason"] for f in report.failed}  # type: ignore[attr-defined]


# --- file names -----------------------------------------------------------------------------------


def test_undecodable_file_name_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    fd = os.open(os.fsencode(tmp_path) + b"/bad_\xff.txt", os.O_WRONLY | os.O_CREAT)  # $'bad_\xff.txt'
    os.write(fd, GOOD2.encode())
    os.close(fd)
    store = Store(":memory:")
    report = ingest([tmp_path], store, extract=False)
    assert report.stored == 1
    (fail,) = report.failed
    assert fail["source"].endswith("bad_\\xff.txt") and "not valid UTF-8" in fail["reason"]
    # the error row is stored (no UnicodeEncodeError from SQLite) and the summary is printable
    assert store.conn.execute("SELECT source FROM ingest_errors").fetchone()[0] == fail["source"]
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
    assert report.to_dict()["files"] == {
        "total": 2, "stored": 1, "updated": 0, "duplicate": 0, "unchanged": 0, "failed": 1,
    }  # fmt: skip


# --- spaCy: punctuation runs, long tokens, long texts, the time budget ----------------------------


@pytest.mark.parametrize(
    "junk", ["<" * 100_000, ">" * 100_000, "&" * 100_000, "<a" * 50_000, "x" * 100_000, "y" * 64 * 1000, "z" * 257]
)
def test_guard_text_bounds_runs_and_tokens_keeping_offsets(junk: str) -> None:
    text = "Crowds gathered. " + junk + " " + GOOD
    guarded = nlpmod.guard_text(text)
    assert len(guarded) == len(text)
    assert guarded.endswith(GOOD)
    assert max(len(t) for t in guarded.split()) <= nlpmod.LONG_TOKEN
    assert "<" * (nlpmod.PUNCT_RUN_KEEP + 1) not in guarded


def test_100k_angle_brackets_are_parsed_and_offsets_index_the_article(pipeline: Pipeline) -> None:
    # The reproduction: 100,000 "<" in one report ran > 120 s in spaCy's tokenizer.
    text = "Crowds gathered. " + "<" * 100_000 + "\n\n" + GOOD
    (out,) = list(pipeline.pipe([Article(id="lt", text=text, published="2024-03-08")]))
    assert isinstance(out, Article)
    assert all(text[s.start : s.end] == s.text for s in out.sentences)
    assert any(m.event_type == "COERCE" for m in out.events)  # "arrested", after the junk


def test_text_over_spacy_max_length_is_chunked_not_skipped(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    # Was: stored without extraction (spaCy E088) although the limit is 5 MiB.
    # No time budget here: this checks that every piece is parsed and joined, which must not depend on how
    # loaded the machine is (the 2 s parse budget ran out under load). The budget's own behaviour is
    # test_article_past_its_budget_is_stored_reported_and_the_rest_go_on; its speed is benchmarks/hostile.py.
    monkeypatch.setattr(nlpmod, "TIME_BUDGET_S", float("inf"))
    text = GOOD2 + "\n" * 1_000_000 + GOOD
    assert len(text) > 1_000_000
    (out,) = list(pipeline.pipe([Article(id="big", text=text, published="2024-03-05")]))
    assert isinstance(out, Article)
    assert "parse" not in out.meta  # all of it was parsed
    assert [text[s.start : s.end] for s in out.sentences] == [GOOD2, GOOD]
    late = [m for m in out.events if m.start > 1_000_000]
    assert late and text[late[0].start : late[0].end] == GOOD


def test_chunk_bounds_cover_the_text_at_breaks() -> None:
    text = ("One sentence here. " * 40 + "\n\n") * 30
    bounds = nlpmod.chunk_bounds(text, 1000)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= 1000 for a, b in bounds)
    assert all(text[b - 2 : b] in ("\n\n", ". ") for _, b in bounds[:-1])


def test_article_past_its_budget_is_stored_reported_and_the_rest_go_on(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlpmod, "LONG_TEXT", 500)
    monkeypatch.setattr(nlpmod, "CHUNK_CHARS", 300)
    monkeypatch.setattr(nlpmod, "TIME_BUDGET_S", 0.0)  # spent after the first piece
    long_text = "\n\n".join([GOOD2] * 3 + ["Workers went on strike at the port of Antwerp on Monday."] * 4)
    store = Store(":memory:")
    arts = [Article(id="long", text=long_text, source="long.txt"), Article(id="short", text=GOOD, source="short.txt")]
    report = ingest(articles=arts, store=store, pipeline=pipeline)
    assert report.stored == 2 and report.extracted == 2
    (fail,) = report.failed
    assert fail["source"] == "long.txt"
    assert "extraction incomplete" in fail["reason"] and "parse budget" in fail["reason"]
    assert store.conn.execute("SELECT count(*) FROM event_mentions WHERE article_id='short'").fetchone()[0] >= 1
    first_piece_end = nlpmod.chunk_bounds(long_text)[0][1]
    rows = store.conn.execute("SELECT start FROM event_mentions WHERE article_id='long'").fetchall()
    assert rows and all(r[0] < first_piece_end for r in rows)
    stored = store.get_article("long")
    assert stored.text == long_text  # stored whole; only extraction stopped
    assert "_unparsed_tail" not in stored.meta and stored.meta["parse"]["parsed_chars"] == first_piece_end


# --- HTML -----------------------------------------------------------------------------------------


def test_p_with_200k_attributes_is_bounded_before_parsing() -> None:
    # The reproduction: html_to_text did not finish in 200 s.
    attrs = " ".join(f'a{i}="x"' for i in range(200_000))
    html = f"<html><body><p {attrs}>{GOOD}</p></body></html>"
    bounded = bound_markup(html)
    assert len(bounded) < 2_000
    assert bounded.count("=") == 64
    text, _ = html_to_text(html)
    assert GOOD in text


def test_bound_markup_leaves_ordinary_tags_alone() -> None:
    html = '<p class="lead" data-x=\'1\'>Hi <a href="/x?a=1&amp;b=2">there</a></p>'
    assert bound_markup(html) == html


# --- JSON Lines -----------------------------------------------------------------------------------


def test_nul_byte_rejects_its_line_not_the_file(tmp_path: Path) -> None:
    # Was: the binary check on the first 8 KB rejected the whole file (133 good records lost).
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        '{"id": "b", "text": "bad\x00line"}',
        json.dumps({"id": "c", "text": GOOD2}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_inputs([path]))
    assert [a.id for a in items if isinstance(a, Article)] == ["a", "c"]
    (err,) = [e for e in items if isinstance(e, InputError)]
    assert err.line == 2 and "NUL" in err.reason


def test_binary_named_jsonl_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (err,) = list(iter_inputs([tmp_path / "x.jsonl"]))
    assert isinstance(err, InputError) and "PDF" in err.reason


def test_whitespace_only_jsonl_is_reported(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("   \n\n\t\n")
    report = ingest([tmp_path], Store(":memory:"), extract=False)
    assert "only blank lines" in failures(report)["blank.jsonl"]
    assert report.to_dict()["files"]["failed"] == 1


@pytest.mark.parametrize(("raw_id", "kind"), [({"a": 1}, "an object"), (True, "a boolean"), ([1], "an array")])
def test_json_ids_that_are_not_strings_or_integers_are_rejected(tmp_path: Path, raw_id: object, kind: str) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"id": raw_id, "text": GOOD}) + "\n" + json.dumps({"id": 7, "text": GOOD2}) + "\n")
    items = list(iter_inputs([path]))
    assert isinstance(items[0], InputError) and items[0].line == 1 and kind in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "7"


# --- text -----------------------------------------------------------------------------------------


def test_file_of_zero_width_characters_is_failed_as_empty(tmp_path: Path) -> None:
    (tmp_path / "zw.txt").write_text("\u200b\u200c\u200d\ufeff\u2060\u00ad\n" * 500)
    (tmp_path / "zw.jsonl").write_text(json.dumps({"id": "z", "text": "\u200b\u200b"}) + "\n")
    report = ingest([tmp_path], Store(":memory:"), extract=False)
    assert report.stored == 0
    got = failures(report)
    assert "no visible text" in got["zw.txt"] and "no text" in got["zw.jsonl"]


# --- copies, races, the summary -------------------------------------------------------------------


def test_exact_copy_under_the_same_name_in_another_folder_gets_its_own_row(tmp_path: Path) -> None:
    # Was: counted "unchanged" with no row, though the README says copies are stored with duplicate_of.
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(GOOD)
    store = Store(":memory:")
    report = ingest([tmp_path / "a"], store, extract=False)
    report = ingest([tmp_path / "b"], store, extract=False)
    assert report.exact_duplicates == 1 and report.unchanged == 0
    rows = store.conn.execute("SELECT id, source, duplicate_of FROM articles ORDER BY rowid").fetchall()
    assert [r["duplicate_of"] for r in rows] == [None, "story"]
    assert rows[1]["source"].endswith("b/story.txt")
    again = ingest([tmp_path], store, extract=False)  # both folders again: nothing new
    assert again.unchanged == 2 and store.count("articles") == 2


def test_the_same_file_by_another_path_is_unchanged_not_a_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "story.txt").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    store = Store(":memory:")
    ingest(["corpus"], store, extract=False)
    again = ingest([tmp_path / "corpus"], store, extract=False)  # absolute this time
    assert again.unchanged == 1 and store.count("articles") == 1


def test_copies_in_one_batch_also_get_rows(tmp_path: Path) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(GOOD)
    store = Store(":memory:")
    report = ingest([tmp_path], store, extract=False)
    assert (report.stored, report.exact_duplicates) == (1, 2)
    assert store.count("articles") == 3


class _Racer:
    """A component that, while this run extracts, lets another writer store the same article id."""

    name = "racer"
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()

    def __init__(self, db: Path, text: str) -> None:
        self.db, self.text = db, text

    def __call__(self, article: Article) -> Article:
        other = Store(self.db)
        other.insert_article(Article(id=article.id, text=self.text, source="api", content_hash=_hash(self.text)))
        other.close()
        return article


def _hash(text: str) -> str:
    from wirewatch.ingest.dedup import content_hash

    return content_hash(text)


@pytest.mark.parametrize("same", [True, False])
def test_concurrent_writer_of_the_same_id_is_resolved_not_a_crash(tmp_path: Path, same: bool) -> None:
    # Was: IntegrityError: UNIQUE constraint failed: articles.id (the CLI died).
    db = tmp_path / "race.db"
    store = Store(db)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r1.txt").write_text(GOOD)
    (tmp_path / "in" / "r2.txt").write_text(GOOD2)
    racer = _Racer(db, GOOD if same else GOOD + " More.")
    report = ingest([tmp_path / "in" / "r1.txt"], store, pipeline=Pipeline([racer]), connectors=[])
    report2 = ingest([tmp_path / "in" / "r2.txt"], store, extract=False, connectors=[])
    assert report2.stored == 1  # the run and the store go on
    if same:
        assert report.unchanged == 1 and not report.failed
    else:
        (fail,) = report.failed
        assert "another writer" in fail["reason"]
    assert store.count("articles") == 2


def test_every_input_appears_in_the_summary_and_progress_counts_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    texts = [
        "Floods closed the coastal road near Galway for a second day.",
        "A new ferry line to Tangier opened on Monday.",
        "Farmers in Punjab began the wheat harvest early this year.",
        "The central bank of Chile held its rate at five percent.",
        "Miners in Bolivia ended a week-long strike over pay.",
    ]  # fmt: skip
    lines = (json.dumps({"id": f"m{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    (tmp_path / "many.jsonl").write_text("".join(lines))
    (tmp_path / "copy.txt").write_text(GOOD)  # an exact duplicate of a.txt under another name
    (tmp_path / "broken.json").write_text("{nope")
    ticks: list[int] = []
    store = Store(":memory:")
    report = ingest([tmp_path, tmp_path / "missing.txt"], store, extract=False, progress=ticks.append)
    files = report.to_dict()["files"]
    total = count_inputs([tmp_path, tmp_path / "missing.txt"])
    assert total == 6 and sum(ticks) == total  # one unit: inputs, never "35/25"
    assert files == {"total": 6, "stored": 2, "updated": 0, "duplicate": 1, "unchanged": 0, "failed": 3}
    assert set(failures(report)) == {"empty.txt", "broken.json", "missing.txt"}
    again = ingest([tmp_path], store, extract=False)
    assert again.to_dict()["files"]["unchanged"] == 3


def test_deeply_nested_json_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = list(iter_inputs([tmp_path]))
    errs = [(Path(e.source).name, e.line, e.reason) for e in items if isinstance(e, InputError)]
    deep = "JSON nested too deeply to read"
    assert errs == [("deep.json", None, deep), ("deep.jsonl", 1, deep)]
    assert [a.text for a in items if isinstance(a, Article)] == [GOOD]


def test_a_warc_record_that_breaks_a_reader_does_not_end_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: "broken archive after record 1: ImportError ..." and the records after it were lost.
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from wirewatch.ingest import readers

    path = tmp_path / "crawl.warc"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for i, body in enumerate((GOOD, GOOD2)):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            html = f"<html><body><p>{body}</p></body></html>".encode()
            w.write_record(w.create_warc_record(f"https://x.example/{i}", "response", payload=BytesIO(html),
                                                http_headers=http))
    real = readers.read_html

    def flaky(data: bytes, **kw: object) -> object:
        if kw.get("url") == "https://x.example/0":
            raise ImportError("lxml.html.clean module is now a separate project")
        return real(data, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(readers, "read_html", flaky)
    items = list(iter_inputs([path]))
    assert isinstance(items[0], InputError) and "ImportError" in items[0].reason and items[0].source.endswith("#1")
    assert isinstance(items[1], Article) and GOOD2 in items[1].text
