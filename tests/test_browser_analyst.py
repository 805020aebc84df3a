"""The analyst pages in headless Chromium: map, entity index with search, conflicts with filters, CSV download,
hide-background toggle. Same set-up as test_browser.py (skipped without /usr/bin/chromium)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.test_browser import ARGS, CHROMIUM, server  # noqa: F401 - `server` is a fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]


def test_map_entities_conflicts_and_csv(server: str, tmp_path: Path) -> None:  # noqa: F811
    sync_api = pytest.importorskip("playwright.sync_api")
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900}, accept_downloads=True)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))

            # Map: the Montevideo meeting is plotted and listed; its dot links to the event page.
            page.goto(server + "/")
            page.get_by_role("link", name="Map").click()
            page.wait_for_url("**/map")
            assert page.locator("svg.worldmap a.map-point circle").count() == 1
            assert "Montevideo" in page.locator("tr.map-row").first.inner_text()
            page.screenshot(path=str(tmp_path / "map.png"), full_page=True)
            page.locator("tr.map-row a").first.click()
            page.wait_for_url("**/events/**")
            assert "Montevideo" in page.content()

            # Entity index: counts, then a search narrows it.
            page.get_by_role("link", name="Entities").click()
            page.wait_for_url("**/entities/")
            rows = page.locator("tr.entity-row")
            assert rows.count() == 7
            japan = rows.filter(has_text="Japan").first.inner_text()
            assert "GPE" in japan and "3" in japan  # named in three reports
            page.fill("main form.filters input[name=q]", "pyongyang")  # an alias
            page.locator("main form.filters button[type=submit]").click()
            page.wait_for_url(lambda url: "q=pyongyang" in url)
            assert rows.count() == 1 and "North Korea" in rows.first.inner_text()
            page.screenshot(path=str(tmp_path / "entities.png"), full_page=True)

            # Conflicts page with a filter; then its CSV.
            page.get_by_role("link", name="Conflicts").click()
            page.wait_for_url("**/conflicts")
            assert page.locator("li.conflict-item").count() == 2
            page.select_option("select[name=field]", "quantity")
            page.get_by_role("button", name="Filter").click()
            page.wait_for_url(lambda url: "field=quantity" in url)
            assert page.locator("li.conflict-item").count() == 1
            assert "Gulf Courier" in page.locator("li.conflict-item").inner_text()
            page.screenshot(path=str(tmp_path / "conflicts.png"), full_page=True)
            with page.expect_download() as dl:
                page.get_by_role("link", name="Download CSV").click()
            rows_csv = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text())))
            assert {r["field"] for r in rows_csv} == {"quantity"} and {r["value"] for r in rows_csv} == {"2", "3"}

            # Events list: hide background, then download what the list shows.
            page.goto(server + "/events")
            shown = page.locator("details.event").count()
            page.check("input[name=hide_background]")
            page.get_by_role("button", name="Filter").click()
            page.wait_for_url(lambda url: "hide_background=true" in url)
            assert page.locator("details.event").count() == shown  # the demo store has no background events
            with page.expect_download() as dl:
                page.get_by_role("link", name="Download CSV").click()
            events_csv = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text())))
            assert len(events_csv) == shown
            launch = next(r for r in events_csv if r["id"] == "ev-launch")
            assert launch["sources"] == "3" and "Harbor Wire" in launch["outlets"]
            page.screenshot(path=str(tmp_path / "events.png"), full_page=True)
        finally:
            browser.close()
    for name in ("map", "entities", "conflicts", "events"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
    assert not problems, problems
