"""Exports: article text on request, CSV cells that spreadsheets will not run as formulas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.model import Article
from wirewatch.pipeline import ingest
from wirewatch.store import export
from wirewatch.store.db import Store

TEXT = "Police arrested three protesters outside the parliament in Lisbon on Friday, officials said."


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)",
                                   "\t=1", "\r=1"])
def test_csv_cells_that_start_a_formula_get_a_quote(title: str) -> None:
    store = Store(":memory:")
    ingest(articles=[Article(id="a", text=TEXT, title=title, source="a.txt")], store=store, extract=False)
    (row,) = list(csv.DictReader(io.StringIO(export.to_string(store, "articles", "csv"))))
    assert row["title"] == "'" + title
    # JSON Lines keep the value as it is
    assert json.loads(export.to_string(store, "articles", "jsonl"))["title"] == title


def test_ordinary_csv_cells_are_unchanged() -> None:
    assert export.csv_safe("North Korea fires missiles") == "North Korea fires missiles"
    assert export.csv_safe(-3) == -3  # numbers are numbers, not formulas
    assert export.csv_safe(None) is None


def test_export_articles_with_text(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    ingest(articles=[Article(id="a", text=TEXT, title="Arrests in Lisbon", source="a.txt")], store=store, extract=False)
    store.close()
    runner = CliRunner()
    plain = runner.invoke(app, ["--db", str(db), "export", "articles"])
    assert plain.exit_code == 0 and "text" not in json.loads(plain.stdout)
    full = runner.invoke(app, ["--db", str(db), "export", "articles", "--with-text"])
    assert full.exit_code == 0 and json.loads(full.stdout)["text"] == TEXT
    out = tmp_path / "a.csv"
    res = runner.invoke(app, ["--db", str(db), "export", "articles", "--with-text", "-f", "csv", "-o", str(out)])
    assert res.exit_code == 0
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["text"] == TEXT
