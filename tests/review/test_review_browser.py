"""The review in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Playwright drives the system browser at ``/usr/bin/chromium``; it never
downloads one. ``make test`` installs the browser first (``make browser``);
the test skips, saying why, only when the browser is absent and could not be
installed.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.review import write_review

from ..records import hand_record, pipeline_records

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "outputs" / "review-screenshot.png"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
DISTINCT_CLAIMS = (
    "new Set([...document.querySelectorAll('.claim-content[data-claim]')]"
    ".map(element => element.dataset.claim)).size"
)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    executable = chromium_path()
    if executable is None:
        # `make test` runs `make browser` first; try once more when run directly as root.
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["make", "-s", "-C", str(ROOT), "browser"], check=False, timeout=600)
        executable = chromium_path()
    if executable is None:
        pytest.skip("no chromium: not installed and `apt-get install chromium` failed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(nlp, tmp_path_factory) -> tuple[list[dict], dict[str, Path]]:
    records = [*pipeline_records(nlp), hand_record()]
    summary = write_review(records, tmp_path_factory.mktemp("review"))
    return records, {"index": summary.index, **summary.pages}


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    events: dict[str, list] = {"dialogs": [], "errors": [], "requests": []}
    page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: events["errors"].append(str(error)))
    page.on("request", lambda request: events["requests"].append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, events


def test_every_claim_is_highlighted_in_the_browser(browser, site) -> None:
    records, pages = site
    for record in records:
        page, events = open_page(browser, pages[record["id"]])
        assert page.evaluate(DISTINCT_CLAIMS) == len(record["claims"]), record["id"]
        text = page.inner_text("#text")
        assert text.replace("\n", "") == record["text"].replace("\n", ""), record["id"]
        assert events["requests"] == [pages[record["id"]].as_uri()], "the page loaded something"
        if record["id"] == "000_0310359b324a0dcd":
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
        page.close()
    assert SCREENSHOT.exists() and SCREENSHOT.stat().st_size > 10_000


def test_hover_title_names_speaker_and_stance(browser, site) -> None:
    records, pages = site
    record = records[-1]  # the hand-written one
    page, _ = open_page(browser, pages[record["id"]])
    parts = page.locator('.claim-content[data-claim="c1"]')
    assert parts.count() >= 2  # the discontinuous content's two parts (maybe split further)
    title = parts.first.get_attribute("title")
    assert "speaker: Kim Soo (person)" in title and "stance: assert" in title
    denial = page.locator('.claim-content[data-claim="c2"]').first
    assert "stance: deny" in denial.get_attribute("title")
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.claim-content.stance-deny')).backgroundColor"
    ) != page.evaluate(
        "getComputedStyle(document.querySelector('.claim-content.stance-assert')).backgroundColor"
    )
    page.close()


def test_script_injection_article_runs_no_script(browser, site) -> None:
    records, pages = site
    for record_id in ("injection", records[-1]["id"]):
        page, events = open_page(browser, pages[record_id])
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert events["dialogs"] == [] and events["errors"] == []
        assert page.locator("#text script, #text img, #text b").count() == 0
        assert "<script>" in page.inner_text("#text")
        page.close()
    record = next(r for r in records if r["id"] == "injection")
    assert "<script>window.__pwned=1</script>" in record["text"]
    assert json.dumps(record["text"])  # the text went through unchanged


def test_index_lists_articles_and_draws_charts(browser, site) -> None:
    records, pages = site
    page, events = open_page(browser, pages["index"])
    assert page.locator("table.articles tbody tr").count() == len(records)
    assert page.locator("svg.chart").count() >= 2
    assert page.evaluate("typeof window.__pwned") == "undefined" and not events["dialogs"]
    page.screenshot(path=str(SCREENSHOT.with_name("review-index-screenshot.png")), full_page=True)
    page.close()
