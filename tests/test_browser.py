"""A real browser (Debian's chromium through Playwright) against a real served instance."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dbfixture import CHOU, DOLLAR_QUOTE, SCAM_ID, write_fixture_db

from newsclaims import publish

pytestmark = [pytest.mark.browser, pytest.mark.server]

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Playwright's own browser downloads fail here: run the system chromium, offline and quiet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db_path = write_fixture_db(tmp_path_factory.mktemp("browser"))
    with publish.running_server(db_path, metadata=REPO / "metadata.yml") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def test_browser_home_page_shows_title_and_license(page, server):
    page.goto(server + "/")
    assert page.locator("h1").first.inner_text() == "Trafficking news claims"
    assert "CC BY 4.0" in page.content()


def test_browser_search_quote_form(page, server):
    page.goto(server + "/newsclaims/search_quotes")
    page.fill("input[name=q]", "victims")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_load_state()
    cells = page.locator("td.col-quote").all_inner_texts()
    assert DOLLAR_QUOTE in cells
    page.locator(f'td.col-article_id a[href="/newsclaims/article/{SCAM_ID}"]').first.click()
    page.wait_for_load_state()
    assert page.url == f"{server}/newsclaims/article/{SCAM_ID}"


def test_browser_article_page_highlights_link_to_speakers(page, server):
    page.goto(f"{server}/newsclaims/article/{SCAM_ID}")
    direct = page.locator(".article-body mark.quote-direct")
    assert direct.count() == 1
    assert direct.inner_text() == DOLLAR_QUOTE
    assert page.locator(".article-body mark.quote-indirect").count() == 4
    assert page.locator(".article-body mark.quote span.figure").count() == 6
    # The highlight is visible: a background colour is applied.
    background = direct.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-page.png"), full_page=True)
    direct.locator("a").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/newsclaims/people/{CHOU}"
    assert "Chou Bun Eng" in page.content()
